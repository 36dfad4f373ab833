/**
 * Tenants: one stack per tenant of a catalog, each with its own state, credentials, Grafana
 * organization, Datadog tags and features. The isolation tests scan each tenant's synthesized
 * JSON for everything specific to every other tenant.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { App, TerraformStack, Testing } from 'cdktf';
import { EXAMPLES } from '../../examples/app';
import {
  AwsService, AwsTenantSetup, BurnRateAlert, ComparisonOperator, DatadogStackTags, DatadogTenantSetup, Errors, GrafanaTenantSetup, IMonitorBackend,
  ITenantStackBuilder, MonitorBackend, MonitorConfig, Secret, Severity, Signal, Slo, SloIndicator, Statistic, Tenant, TenantCatalog,
  TenantCatalogProps, TenantSecretStore, TenantStack, TenantStacks, TenantStacksProps, TenantStateBackend,
} from '../../src';
import { synthApp, SynthResult } from '../support/synth';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'tenants-test-'));
let fileCount = 0;

/** Writes `text` to a fresh catalog file and returns its path. */
function catalogFile(text: string, ext = '.yaml'): string {
  const file = path.join(TMP, `tenants-${++fileCount}${ext}`);
  fs.writeFileSync(file, text);
  return file;
}

const CATALOG = `features: [datadog, grafana, jira]
tenants:
  - id: acme
    displayName: Acme Corp
    features: { datadog: true, grafana: true, jira: true }
    tags: { tier: gold }
    orgIds: { grafana: 2 }
    settings: { maxErrors: "25" }
  - id: globex
    displayName: Globex Industries
    features: { datadog: true, grafana: false }
    tags: { tier: silver }
  - id: initech
    displayName: Initech Systems
    features: { grafana: true, jira: true }
    orgIds: { grafana: 3 }
`;
const IDS = ['acme', 'globex', 'initech'];
const NAMES: Record<string, string> = { acme: 'Acme Corp', globex: 'Globex Industries', initech: 'Initech Systems' };
const ORGS: Record<string, number | undefined> = { acme: 2, globex: undefined, initech: 3 };

/** Records what each tenant's builder saw, and builds monitors and an SLO on the enabled backends. */
class Checkout implements ITenantStackBuilder {
  public readonly seen: Record<string, string[]> = {};

  public buildTenantStack(stack: TenantStack, tenant: Tenant): void {
    this.seen[tenant.id] = tenant.enabledFeatures;
    const backends: IMonitorBackend[] = [MonitorBackend.cloudwatch()];
    if (tenant.isEnabled('datadog')) backends.push(MonitorBackend.datadog());
    if (tenant.isEnabled('grafana')) backends.push(MonitorBackend.grafana({ datasourceUid: 'cloudwatch', folder: `${tenant.displayName} checkout` }));
    new MonitorConfig(stack, 'CheckoutErrors', {
      title: `${tenant.displayName}: checkout errors`,
      message: 'Checkout fails.',
      signal: Signal.awsMetric(AwsService.LAMBDA, `${tenant.id}-checkout`, 'Errors'),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: Number(tenant.setting('maxErrors', '10')),
      severity: Severity.SEV2,
      tags: { service: 'checkout' },
      backends,
    });
    if (tenant.isEnabled('datadog')) {
      new Slo(stack, 'Orders', {
        name: `${tenant.id} order success`,
        target: 99.9,
        indicator: SloIndicator.ratio({
          good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersSucceeded', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_succeeded' }),
          total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersPlaced', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_placed' }),
        }),
        burnRateAlerts: [BurnRateAlert.page(14.4, 60, 5)],
        backends: [MonitorBackend.datadog()],
      });
    }
    if (tenant.isEnabled('jira')) stack.secret('jira/api-token');
  }
}

interface Built {
  readonly result: SynthResult;
  readonly tenants: TenantStacks;
  readonly checkout: Checkout;
}

function build(overrides: Partial<TenantStacksProps> = {}, catalog = TenantCatalog.fromFile(catalogFile(CATALOG))): Built {
  let tenants!: TenantStacks;
  const checkout = new Checkout();
  const result = synthApp((app) => {
    tenants = new TenantStacks(app, 'Tenants', {
      catalog,
      state: TenantStateBackend.s3({ bucket: 'platform-terraform-state', region: 'eu-west-1' }),
      builders: [
        new AwsTenantSetup({ region: 'eu-west-1', assumeRoleArnTemplate: 'arn:aws:iam::123456789012:role/deploy-{tenant}' }),
        new DatadogTenantSetup({ testConnection: false }),
        new GrafanaTenantSetup({ url: 'https://grafana.example.com', testConnection: false }),
        checkout,
      ],
      ...overrides,
    });
  });
  return { result, tenants, checkout };
}

/** Every string of a JSON value (keys and values), recursively. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push(k); strings(x, out); }
  return out;
}

function resources(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}

function validationError(run: () => unknown): any {
  try {
    run();
  } catch (e) {
    expect(Errors.isValidationError(e)).toBe(true);
    return e;
  }
  throw new Error('expected a ValidationError');
}

/**
 * Isolation: for every pair of tenants A ≠ B, nothing specific to A appears in B's stack — no
 * string mentioning A's id or name, none of A's secret references, A's state key, A's tag,
 * A's Grafana organization — and no stack depends on another.
 */
function expectIsolated(result: SynthResult, ids: string[], names: Record<string, string>, extra: (id: string) => string[] = () => []) {
  const text: Record<string, string> = {};
  for (const id of ids) text[id] = result.files[`stacks/tenant-${id}/cdk.tf.json`];
  for (const a of ids) {
    const json = result.stacks[`tenant-${a}`];
    // Every string of A's stack that names A is A-specific (resource names, secret paths, the state key, tags …).
    const specific = [...new Set(strings(json).filter((s) => s.toLowerCase().includes(a)))];
    expect(specific.length).toBeGreaterThan(3);
    for (const b of ids.filter((x) => x !== a)) {
      const other = text[b];
      const leaks = [a, names[a], `tenant:${a}`, `tenant-${a}`, ...specific, ...extra(a)].filter((s) => other.toLowerCase().includes(s.toLowerCase()));
      expect({ a, b, leaks }).toEqual({ a, b, leaks: [] });
    }
  }
  const manifest = JSON.parse(result.files['manifest.json']);
  for (const id of ids) {
    expect(manifest.stacks[`tenant-${id}`].dependencies).toEqual([]);
    expect(result.stacks[`tenant-${id}`].data?.terraform_remote_state).toBeUndefined();
  }
}

describe('one stack per tenant', () => {
  const built = build();
  const { result } = built;
  const stack = (id: string) => result.stacks[`tenant-${id}`];

  test('a stack named tenant-<id> for each tenant of the catalog, in catalog order', () => {
    expect(Object.keys(result.stacks).sort()).toEqual(IDS.map((i) => `tenant-${i}`));
    expect(built.tenants.stacks.map((s) => s.node.id)).toEqual(IDS.map((i) => `tenant-${i}`));
    expect(built.tenants.tenants.map((t) => [t.id, t.displayName])).toEqual(IDS.map((i) => [i, NAMES[i]]));
    expect(built.tenants.stackOf('globex').tenant.id).toBe('globex');
    expect(TenantStack.tenantOf(built.tenants.stackOf('acme').node.findChild('Aws'))!.id).toBe('acme');
  });

  test('its own state: an S3 key <prefix>/<tenant>/terraform.tfstate, locked with use_lockfile', () => {
    for (const id of IDS) {
      expect(stack(id).terraform.backend).toEqual({
        s3: { bucket: 'platform-terraform-state', region: 'eu-west-1', key: `tenants/${id}/terraform.tfstate`, encrypt: true, use_lockfile: true },
      });
      expect(built.tenants.stackOf(id).stateLocation).toBe(`tenants/${id}/terraform.tfstate`);
    }
  });

  test('its own credentials: every secret read from the tenant\'s own path, with the tenant\'s own AWS role', () => {
    const expected: Record<string, string[]> = {
      acme: ['datadog/api-key', 'datadog/app-key', 'grafana/token', 'jira/api-token'],
      globex: ['datadog/api-key', 'datadog/app-key'],
      initech: ['grafana/token', 'jira/api-token'],
    };
    for (const id of IDS) {
      const secretIds = Object.values<any>(stack(id).data.aws_secretsmanager_secret_version).map((d) => d.secret_id).sort();
      expect(secretIds).toEqual(expected[id].map((n) => `tenants/${id}/${n}`));
      expect(built.tenants.stackOf(id).secretPath('datadog/api-key')).toBe(`tenants/${id}/datadog/api-key`);
      expect(stack(id).provider.aws[0].assume_role).toEqual([{ role_arn: `arn:aws:iam::123456789012:role/deploy-${id}` }]);
    }
    // The providers take the keys by reference to the tenant's own data sources.
    const dd = stack('acme').provider.datadog[0];
    expect(dd.api_key).toMatch(/^\$\{data\.aws_secretsmanager_secret_version\.[^.]+\.secret_string\}$/);
    const apiKeySource = dd.api_key.slice(2, -1).split('.')[2];
    expect(stack('acme').data.aws_secretsmanager_secret_version[apiKeySource].secret_id).toBe('tenants/acme/datadog/api-key');
  });

  test('its own Grafana organization: the provider\'s org_id is the tenant\'s, and no tenant shares one', () => {
    for (const id of IDS) {
      const grafana = stack(id).provider?.grafana;
      if (ORGS[id] === undefined) {
        expect(grafana).toBeUndefined();
        continue;
      }
      expect(grafana).toHaveLength(1);
      expect(grafana[0].org_id).toBe(ORGS[id]);
      expect(grafana[0].auth).toMatch(/^\$\{data\.aws_secretsmanager_secret_version\./);
      // the library sets no other organization on any resource
      for (const r of strings(stack(id).resource)) expect(r).not.toMatch(/^org_id$/);
    }
  });

  test('Datadog tags: tenant:<id> and the tenant\'s tags on every monitor and SLO', () => {
    for (const id of ['acme', 'globex']) {
      const monitors = resources(stack(id), 'datadog_monitor');
      const slos = resources(stack(id), 'datadog_service_level_objective');
      expect(monitors.length).toBeGreaterThanOrEqual(2); // the threshold monitor and the SLO's burn-rate alert
      expect(slos).toHaveLength(1);
      for (const r of [...monitors, ...slos]) {
        expect(r.tags).toContain(`tenant:${id}`);
        expect(r.tags).toContain(`tier:${id === 'acme' ? 'gold' : 'silver'}`);
        expect(r.tags).toEqual([...r.tags].sort());
      }
    }
    // and as AWS default tags
    expect(stack('acme').provider.aws[0].default_tags).toEqual([{ tags: { tenant: 'acme', tier: 'gold' } }]);
    expect(stack('initech').provider.aws[0].default_tags).toEqual([{ tags: { tenant: 'initech' } }]);
  });

  test('feature flags switch integrations per tenant', () => {
    expect(built.checkout.seen).toEqual({ acme: ['datadog', 'grafana', 'jira'], globex: ['datadog'], initech: ['grafana', 'jira'] });
    const has = (id: string, type: string) => resources(stack(id), type).length > 0;
    expect([has('acme', 'datadog_monitor'), has('acme', 'grafana_rule_group'), has('acme', 'aws_cloudwatch_metric_alarm')]).toEqual([true, true, true]);
    expect([has('globex', 'datadog_monitor'), has('globex', 'grafana_rule_group'), has('globex', 'aws_cloudwatch_metric_alarm')]).toEqual([true, false, true]);
    expect([has('initech', 'datadog_monitor'), has('initech', 'grafana_rule_group'), has('initech', 'aws_cloudwatch_metric_alarm')]).toEqual([false, true, true]);
    expect(Object.keys(stack('globex').terraform.required_providers).sort()).toEqual(['aws', 'datadog']);
    expect(Object.keys(stack('initech').terraform.required_providers).sort()).toEqual(['aws', 'grafana']);
  });

  test('per-tenant settings override what the builders choose', () => {
    const threshold = (id: string) => resources(stack(id), 'aws_cloudwatch_metric_alarm').map((a) => a.threshold);
    expect(threshold('acme')).toEqual([25]);
    expect(threshold('globex')).toEqual([10]);
    const acme = built.tenants.tenants[0];
    expect(acme.settings).toEqual({ maxErrors: '25' });
    expect([acme.setting('maxErrors'), acme.setting('other'), acme.setting('other', 'x')]).toEqual(['25', undefined, 'x']);
  });

  test('isolation: nothing of one tenant appears in another tenant\'s stack', () => {
    expectIsolated(result, IDS, NAMES, (id) => [
      `tenants/${id}/terraform.tfstate`,
      `tenants/${id}/`,
      `role/deploy-${id}`,
      `${NAMES[id]} checkout`,
    ]);
    // Grafana organizations: B's provider never works in A's organization.
    expect(stack('acme').provider.grafana[0].org_id).not.toBe(stack('initech').provider.grafana[0].org_id);
  });

  test('a builder that reads another tenant\'s secret fails synthesis', () => {
    const leaky: ITenantStackBuilder = {
      buildTenantStack: (s, t) => {
        s.secret('jira/api-token'); // its own: fine
        if (t.id === 'initech') Secret.fromSecretsManager(s, 'Stolen', { secretId: 'tenants/acme/datadog/api-key' });
      },
    };
    expect(() => build({ builders: [new AwsTenantSetup({ region: 'eu-west-1' }), leaky] }))
      .toThrow(/Tenants\/tenant-initech\/Stolen\/Resource: reads tenants\/acme\/datadog\/api-key, a secret of tenant acme; the stack of tenant initech reads only its own secrets \(tenants\/initech\/…\)/);
    // the same for SSM parameters and Terraform variables
    const ssm: ITenantStackBuilder = { buildTenantStack: (s, t) => { if (t.id === 'globex') Secret.fromSsmParameter(s, 'Stolen', { parameterName: '/tenants/initech/grafana/token' }); } };
    expect(() => build({ secrets: TenantSecretStore.ssmParameters(), builders: [new AwsTenantSetup({ region: 'eu-west-1' }), ssm] })).toThrow(/reads \/tenants\/initech\/grafana\/token, a secret of tenant initech/);
    const variable: ITenantStackBuilder = { buildTenantStack: (s, t) => { if (t.id === 'acme') Secret.fromTerraformVariable(s, 'Stolen', { variableName: 'globex_datadog_api-key' }); } };
    expect(() => build({ secrets: TenantSecretStore.terraformVariables(), builders: [variable] })).toThrow(/reads globex_datadog_api-key, a secret of tenant globex/);
  });

  test('the scan can fail: another tenant\'s name in a stack is found', () => {
    const leaky: ITenantStackBuilder = {
      buildTenantStack: (s, t) => {
        if (t.id === 'initech') {
          new MonitorConfig(s, 'Copied', {
            title: 'Acme Corp: checkout errors',
            message: 'm',
            signal: Signal.awsMetric(AwsService.LAMBDA, 'x', 'Errors'),
            comparison: ComparisonOperator.GREATER_THAN,
            critical: 1,
            backends: [MonitorBackend.cloudwatch()],
          });
        }
      },
    };
    const out = build({ builders: [new AwsTenantSetup({ region: 'eu-west-1' }), leaky] });
    expect(() => expectIsolated(out.result, IDS, NAMES)).toThrow(/Acme Corp/);
  });

  test('synthesis is deterministic', () => {
    const again = build().result;
    expect(Object.keys(again.files).sort()).toEqual(Object.keys(result.files).sort());
    for (const f of Object.keys(result.files)) expect(again.files[f]).toBe(result.files[f]);
  });
});

describe('secret stores', () => {
  const CANARIES = {
    'TF_VAR_acme_datadog_api-key': 'CANARY-tenant-acme-dd-api-71c2',
    'TF_VAR_acme_datadog_app-key': 'CANARY-tenant-acme-dd-app-0b9e',
    'TF_VAR_globex_datadog_api-key': 'CANARY-tenant-globex-dd-api-aa41',
    'TF_VAR_initech_grafana_token': 'CANARY-tenant-initech-gf-5d30',
  };
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [k, v] of Object.entries(CANARIES)) { saved[k] = process.env[k]; process.env[k] = v; }
  });
  afterAll(() => {
    for (const k of Object.keys(CANARIES)) { if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k]; }
  });

  test('Terraform variables: <tenant>_<name> per tenant, and canary values never reach cdktf.out', () => {
    const { result } = build({ secrets: TenantSecretStore.terraformVariables() });
    expect(Object.keys(result.stacks['tenant-acme'].variable).sort()).toEqual(['acme_datadog_api-key', 'acme_datadog_app-key', 'acme_grafana_token', 'acme_jira_api-token']);
    expect(Object.keys(result.stacks['tenant-globex'].variable).sort()).toEqual(['globex_datadog_api-key', 'globex_datadog_app-key']);
    for (const v of Object.values<any>(result.stacks['tenant-initech'].variable)) expect(v.sensitive).toBe(true);
    expect(result.stacks['tenant-acme'].provider.datadog[0].api_key).toBe('${var.acme_datadog_api-key}');
    const all = Object.values(result.files).join('\n');
    for (const canary of Object.values(CANARIES)) expect(all).not.toContain(canary);
    expectIsolated(result, IDS, NAMES);
  });

  test('SSM parameters: /tenants/<tenant>/<name>, or a template of one\'s own', () => {
    const { result } = build({ secrets: TenantSecretStore.ssmParameters({ nameTemplate: '/platform/{tenant}/secrets/{name}' }) });
    const names = Object.values<any>(result.stacks['tenant-globex'].data.aws_ssm_parameter).map((d) => [d.name, d.with_decryption]).sort();
    expect(names).toEqual([['/platform/globex/secrets/datadog/api-key', true], ['/platform/globex/secrets/datadog/app-key', true]]);
    expectIsolated(result, IDS, NAMES);
    const dflt = build({ secrets: TenantSecretStore.ssmParameters() }).result;
    expect(Object.values<any>(dflt.stacks['tenant-initech'].data.aws_ssm_parameter).map((d) => d.name).sort()).toEqual(['/tenants/initech/grafana/token', '/tenants/initech/jira/api-token']);
  });

  test('a JSON key of a Secrets Manager secret; the same name and key give the same Secret', () => {
    const seen: any[] = [];
    const b: ITenantStackBuilder = {
      buildTenantStack: (s) => {
        seen.push(s.secret('jira/automation', { jsonKey: 'url' }), s.secret('jira/automation', { jsonKey: 'url' }), s.secret('jira/automation', { jsonKey: 'token' }));
      },
    };
    const { result } = build({ builders: [new AwsTenantSetup({ region: 'eu-west-1' }), b] });
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]).not.toBe(seen[2]);
    expect(seen[0].jsonKey).toBe('url');
    const data = Object.values<any>(result.stacks['tenant-acme'].data.aws_secretsmanager_secret_version).map((d) => d.secret_id);
    expect(data).toEqual(['tenants/acme/jira/automation', 'tenants/acme/jira/automation']);
  });
});

describe('state backends', () => {
  test('local: one state file per tenant, <directory>/<tenant>/terraform.tfstate, absolute', () => {
    const { result, tenants } = build({ state: TenantStateBackend.local({ directory: 'state/tenants' }) });
    for (const id of IDS) {
      const p = result.stacks[`tenant-${id}`].terraform.backend.local.path;
      expect(p).toBe(path.join(path.resolve('state/tenants'), id, 'terraform.tfstate'));
      expect(tenants.stackOf(id).stateLocation).toBe(p);
    }
    expect(build({ state: TenantStateBackend.local() }).result.stacks['tenant-acme'].terraform.backend.local.path)
      .toBe(path.join(path.resolve('tenant-state'), 'acme', 'terraform.tfstate'));
  });

  test('S3 options: key prefix, DynamoDB locking instead of the lock file, an assumed role', () => {
    const { result } = build({
      state: TenantStateBackend.s3({
        bucket: 'state.example',
        region: 'us-east-1',
        keyPrefix: 'platform/prod',
        useLockfile: false,
        dynamodbTable: 'terraform-locks',
        encrypt: false,
        assumeRoleArn: 'arn:aws:iam::123456789012:role/state',
      }),
    });
    expect(result.stacks['tenant-initech'].terraform.backend.s3).toEqual({
      bucket: 'state.example',
      region: 'us-east-1',
      key: 'platform/prod/initech/terraform.tfstate',
      encrypt: false,
      dynamodb_table: 'terraform-locks',
      assume_role: { role_arn: 'arn:aws:iam::123456789012:role/state' },
    });
  });
});

describe('catalog in code', () => {
  const props: TenantCatalogProps = {
    features: ['datadog'],
    tenants: [{ id: 'north', features: { datadog: true } }, { id: 'south', displayName: 'South Region' }],
  };

  test('TenantCatalog.fromTenants gives the same stacks as a file', () => {
    const { result, tenants } = build({ builders: [new AwsTenantSetup({ region: 'eu-west-1' }), new DatadogTenantSetup({ testConnection: false })] }, TenantCatalog.fromTenants(props));
    expect(Object.keys(result.stacks).sort()).toEqual(['tenant-north', 'tenant-south']);
    expect(tenants.tenants.map((t) => [t.displayName, t.enabledFeatures])).toEqual([['north', ['datadog']], ['South Region', []]]);
    expect(result.stacks['tenant-south'].provider.datadog).toBeUndefined();
    expect(TenantCatalog.fromTenants(props).file).toBeUndefined();
    expectIsolated(result, ['north', 'south'], { north: 'north', south: 'South Region' });
  });

  test('a stack name prefix', () => {
    const { result } = build({ stackNamePrefix: 'customer-', builders: [] }, TenantCatalog.fromTenants(props));
    expect(Object.keys(result.stacks).sort()).toEqual(['customer-north', 'customer-south']);
  });

  test('one bad value: a ValidationError naming the prop', () => {
    const e = validationError(() => build({}, TenantCatalog.fromTenants({ tenants: [{ id: 'Bad_Id' }] })));
    expect(e.message).toBe('Tenants: \'catalog.tenants[0].id\' must be a tenant id: 1-32 lower-case letters, digits and single hyphens, starting with a letter (matching ^(?=.{1,32}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$); received "Bad_Id"');
  });

  test('several: every problem at once; wrong types from a jsii caller are problems too', () => {
    const e = validationError(() => build({}, TenantCatalog.fromTenants({
      features: ['datadog'],
      tenants: [{ id: 'a', features: { jira: true } }, { id: 'a' }, { id: 'b', orgIds: { grafana: 'x' as any } }, { id: 'c', displayName: 42 as any }],
    })));
    expect(e.message).toContain('Tenants: catalog has 4 problems:');
    expect(e.message).toContain('\'catalog.tenants[0].features.jira\' must be a feature declared in \'features\' (datadog); received "jira"');
    expect(e.message).toContain('\'catalog.tenants[1].id\' must be a tenant id not used by another tenant (tenants[0] has it); received "a"');
    expect(e.message).toContain('\'catalog.tenants[2].orgIds.grafana\' must be of type integer; received "x"');
    expect(e.message).toContain('\'catalog.tenants[3].displayName\' must be of type string; received 42');
    expect(validationError(() => build({}, TenantCatalog.fromTenants({ tenants: [] }))).message).toBe('Tenants: \'catalog.tenants\' must be a list of at least one tenant; received []');
    expect(validationError(() => build({}, TenantCatalog.fromTenants(undefined as any))).message).toMatch(/'catalog' must be of type object; received null/);
  });
});

describe('catalog files: every problem with file:line:column', () => {
  const fromFile = (text: string, ext = '.yaml') => {
    const file = catalogFile(text, ext);
    return { file, error: validationError(() => build({ builders: [] }, TenantCatalog.fromFile(file))) };
  };

  test('duplicate tenant ids', () => {
    const { file, error } = fromFile('tenants:\n  - id: acme\n  - id: globex\n  - id: acme\n');
    expect(error.message).toBe(`Tenants: ${file} has 1 problem:\n  ${file}:4:9: 'tenants[2].id' must be a tenant id not used by another tenant (tenants[0] has it); received "acme"`);
    expect(error.issues).toHaveLength(1);
  });

  test('a bad tenant id', () => {
    for (const id of ['Acme', '1acme', 'acme_eu', 'acme--eu', 'acme-', 'a'.repeat(33), '"acme/eu"']) {
      const { file, error } = fromFile(`tenants:\n  - id: ${id}\n`);
      expect(error.message).toContain(`${file}:2:9: 'tenants[0].id' must be a tenant id: 1-32 lower-case letters, digits and single hyphens, starting with a letter`);
    }
  });

  test('a feature the catalog does not declare (typo protection), and one declared twice', () => {
    const { file, error } = fromFile('features: [datadog, grafana, datadog]\ntenants:\n  - id: acme\n    features: { datdog: true }\n');
    expect(error.message).toContain(`${file}:1:30: 'features[2]' must be a feature declared once; received "datadog"`);
    expect(error.message).toContain(`${file}:4:25: 'tenants[0].features.datdog' must be a feature declared in 'features' (datadog, grafana); received "datdog"`);
    const none = fromFile('tenants:\n  - id: acme\n    features: { jira: true }\n');
    expect(none.error.message).toContain('must be a feature declared in \'features\' (none is declared); received "jira"');
  });

  test('a Grafana organization id that is not a positive whole number, or that two tenants share', () => {
    for (const [value, accepted] of [['0', 'must be >= 1'], ['-2', 'must be >= 1'], ['1.5', 'of type integer'], ['"3"', 'of type integer'], ['2147483648', 'must be <= 2147483647']]) {
      const { file, error } = fromFile(`tenants:\n  - id: acme\n    orgIds: { grafana: ${value} }\n`);
      expect(error.message).toContain(`${file}:3:24: 'tenants[0].orgIds.grafana' must be ${accepted}`);
    }
    const { file, error } = fromFile('tenants:\n  - id: acme\n    orgIds: { grafana: 4 }\n  - id: globex\n    orgIds: { grafana: 4 }\n');
    expect(error.message).toContain(`${file}:5:24: 'tenants[1].orgIds.grafana' must be an organization id of grafana that no other tenant has (tenant acme has 4); received 4`);
  });

  test('tags: the reserved key tenant, bad keys and values', () => {
    const { file, error } = fromFile('tenants:\n  - id: acme\n    tags: { tenant: other, Tier: gold, tier: "Gold Plus" }\n');
    expect(error.issues.map((i: any) => `${i.position.line}:${i.position.column} ${i.field}`)).toEqual(['3:21 tenants[0].tags.tenant', '3:34 tenants[0].tags.Tier', '3:46 tenants[0].tags.tier']);
    expect(error.message).toContain(`${file}:3:46: 'tenants[0].tags.tier' must be a tag value: 1-100 lower-case letters, digits, _ . : / -, starting with a letter or digit`);
    expect(error.message).toContain(`${file}:3:21: 'tenants[0].tags.tenant' must be a key other than tenant (the tag tenant:<id> is always added); received "tenant"`);
    expect(error.message).toContain(`${file}:3:34: 'tenants[0].tags.Tier' must be a tag key: 1-50 lower-case letters, digits, _ . -, starting with a letter; received "Tier"`);
  });

  test('settings: bad keys and values', () => {
    const { file, error } = fromFile('tenants:\n  - id: acme\n    settings: { "jira project": OPS, limit: 5 }\n');
    expect(error.message).toContain(`${file}:3:33: 'tenants[0].settings["jira project"]' must be a setting key: a letter, then up to 63 letters, digits, _ . -; received "jira project"`);
    expect(error.message).toContain(`${file}:3:45: 'tenants[0].settings.limit' must be of type string; received 5`);
  });

  test('unknown fields, missing fields, wrong types: all of them at once, in file order', () => {
    const { file, error } = fromFile([
      'features: datadog',
      'tenants:',
      '  - displayName: No Id',
      '  - id: globex',
      '    feature: { datadog: true }',
      '    features: { datadog: "yes" }',
      'owner: platform',
    ].join('\n'));
    expect(error.issues.map((i: any) => `${i.position.line}:${i.position.column} ${i.field}`)).toEqual([
      '1:11 features',
      '3:5 tenants[0].id',
      '5:14 tenants[1].feature',
      '6:26 tenants[1].features.datadog',
      '7:8 owner',
    ]);
    expect(error.message).toContain(`${file}:7:8: 'owner' must be a known field (features, tenants); received owner`);
    expect(error.message).toContain(`${file}:3:5: 'tenants[0].id' must be set (${'a tenant id: 1-32 lower-case letters, digits and single hyphens, starting with a letter'}); received nothing`);
    expect(error.message).toMatch(/^Tenants: .* has 5 problems:/);
  });

  test('JSON files, with positions', () => {
    const { file, error } = fromFile('{\n  "tenants": [\n    { "id": "acme" },\n    { "id": "acme" }\n  ]\n}\n', '.json');
    expect(error.message).toContain(`${file}:4:13: 'tenants[1].id' must be a tenant id not used by another tenant`);
  });

  test('syntax errors, duplicate keys, several documents, an empty file, a missing file, another format', () => {
    expect(fromFile('tenants: [\n').error.message).toMatch(/'\(syntax\)' must be valid YAML or JSON/);
    expect(fromFile('tenants:\n  - id: a\n    id: b\n').error.message).toMatch(/:3:5: '\(syntax\)' must be valid YAML or JSON; received Map keys must be unique/);
    expect(fromFile('tenants:\n  - id: a\n---\ntenants:\n  - id: b\n').error.message).toMatch(/must be one document \(a tenant catalog is one document\); received 2 documents/);
    expect(fromFile('').error.message).toMatch(/'\(document\)' must be a tenant catalog; received an empty file/);
    expect(fromFile('tenants: []\n').error.message).toMatch(/:1:10: 'tenants' must be a list of at least one tenant; received \[\]/);
    const missing = validationError(() => build({}, TenantCatalog.fromFile(path.join(TMP, 'nope.yaml'))));
    expect(missing.message).toMatch(/^Tenants: 'catalog' must be a readable file \(ENOENT/);
    const csv = validationError(() => build({}, TenantCatalog.fromFile(catalogFile('id\nacme\n', '.csv'))));
    expect(csv.message).toMatch(/^Tenants: 'catalog' must be a \.yaml, \.yml or \.json tenant catalog file; received ".*\.csv"$/);
  });
});

describe('bad input in code', () => {
  const ok = () => TenantCatalog.fromFile(catalogFile(CATALOG));
  const stacksWith = (overrides: Partial<TenantStacksProps>) => () => build(overrides, ok());

  test('a secret path template without the tenant id (a secret every tenant would share) and other bad templates', () => {
    const cases: Array<[TenantSecretStore, RegExp]> = [
      [TenantSecretStore.secretsManager({ nameTemplate: 'shared/{name}' }), /contains \{tenant\} exactly once: a path without the tenant id would be shared by every tenant; received "shared\/\{name\}"/],
      [TenantSecretStore.secretsManager({ nameTemplate: '{tenant}/{tenant}/{name}' }), /contains \{tenant\} exactly once/],
      [TenantSecretStore.secretsManager({ nameTemplate: 'tenants/{tenant}' }), /contains \{name\} exactly once/],
      [TenantSecretStore.secretsManager({ nameTemplate: '{name}/{tenant}/x' }), /\{tenant\} before \{name\}/],
      [TenantSecretStore.secretsManager({ nameTemplate: 'tenants/{tenant}-{name}' }), /directly followed by '\/' or '_' or '\.'/],
      [TenantSecretStore.secretsManager({ nameTemplate: 'tenants/{tenant}/{env}/{name}' }), /only placeholders are \{tenant\} and \{name\} \(found \{env\}\)/],
      [TenantSecretStore.secretsManager({ nameTemplate: 'ten ants/{tenant}/{name}' }), /letters, digits and \/ _ \+ = \. @ - around/],
      [TenantSecretStore.ssmParameters({ nameTemplate: 'tenants/{tenant}/{name}' }), /starting with \//],
      [TenantSecretStore.terraformVariables({ nameTemplate: '{tenant}/{name}' }), /directly followed by '_'/],
      [TenantSecretStore.terraformVariables({ nameTemplate: '1x_{tenant}_{name}' }), /starting with a letter, _ or \{tenant\}/],
      [TenantSecretStore.secretsManager({ nameTemplate: '' }), /'secrets.nameTemplate' must be a Secrets Manager name template/],
    ];
    for (const [secrets, message] of cases) {
      const e = validationError(stacksWith({ secrets }));
      expect(e.prop).toBe('secrets.nameTemplate');
      expect(e.message).toMatch(message);
    }
    expect(validationError(stacksWith({ secrets: 'tenants/{tenant}/{name}' as any })).message).toMatch(/'secrets' must be a TenantSecretStore/);
  });

  test('a bad secret name, and a JSON key outside Secrets Manager', () => {
    for (const name of ['Datadog', 'datadog_api', '/datadog', 'datadog/', '../x', '']) {
      const e = validationError(stacksWith({ builders: [{ buildTenantStack: (s) => { s.secret(name); } }] }));
      expect(e.message).toContain("Tenants/tenant-acme: 'name' must be a secret name: lower-case letters and digits in words joined by -, segments joined by /");
    }
    const e = validationError(stacksWith({ secrets: TenantSecretStore.ssmParameters(), builders: [{ buildTenantStack: (s) => { s.secret('x', { jsonKey: 'k' }); } }] }));
    expect(e.message).toMatch(/'options.jsonKey' must be absent: a SSM Parameter Store secret has no JSON keys/);
  });

  test('a feature the catalog does not declare, asked in code', () => {
    const e = validationError(stacksWith({ builders: [{ buildTenantStack: (_s, t) => { t.isEnabled('jria'); } }] }));
    expect(e.message).toBe('Tenants: \'feature\' must be a feature declared in the tenant catalog (datadog, grafana, jira); received "jria"');
    const setup = validationError(stacksWith({ builders: [new DatadogTenantSetup({ feature: 'dd' })] }));
    expect(setup.message).toMatch(/'feature' must be a feature declared in the tenant catalog .*; received "dd"/);
  });

  test('Grafana on without an organization id', () => {
    const catalog = TenantCatalog.fromTenants({ features: ['grafana'], tenants: [{ id: 'acme', features: { grafana: true } }] });
    const e = validationError(() => build({ builders: [new GrafanaTenantSetup({ url: 'https://g.example.com' })] }, catalog));
    expect(e.message).toBe('Tenants/tenant-acme: \'orgIds.grafana\' must be the Grafana organization id of tenant acme (orgIds: { grafana: <id> } in the catalog), since grafana is on for it; received undefined');
  });

  test('an AWS role template without the tenant', () => {
    const e = validationError(stacksWith({ builders: [new AwsTenantSetup({ region: 'eu-west-1', assumeRoleArnTemplate: 'arn:aws:iam::123456789012:role/deployer' })] }));
    expect(e.message).toMatch(/contains \{tenant\} exactly once: one role for every tenant would share its credentials/);
  });

  test('bad state backends', () => {
    const s3 = (p: any) => validationError(stacksWith({ state: TenantStateBackend.s3(p) }));
    expect(s3({ bucket: 'Bad_Bucket', region: 'eu-west-1' }).message).toMatch(/^Tenants: 'state.bucket' must be an S3 bucket name/);
    expect(s3({ bucket: 'ok-bucket', region: 'Europe' }).message).toMatch(/'state.region' must be an AWS region code/);
    expect(s3({ bucket: 'ok-bucket', region: 'eu-west-1', keyPrefix: '/abs' }).message).toMatch(/'state.keyPrefix' must be a key prefix/);
    expect(s3({ bucket: 'ok-bucket', region: 'eu-west-1', keyPrefix: 'a/../b' }).message).toMatch(/'state.keyPrefix' must be a key prefix without \. or \.\. segments/);
    expect(s3({ bucket: 'ok-bucket', region: 'eu-west-1', useLockfile: 'yes' }).message).toMatch(/'state.useLockfile' must be true or false/);
    expect(s3({ bucket: 'ok-bucket', region: 'eu-west-1', assumeRoleArn: 'role' }).message).toMatch(/'state.assumeRoleArn' must be an IAM role ARN/);
    expect(s3(undefined).message).toMatch(/'state' must be the options of TenantStateBackend.s3/);
    expect(validationError(stacksWith({ state: TenantStateBackend.local({ directory: 'a\nb' }) })).message).toMatch(/'state.directory' must be a directory path without control characters/);
    expect(validationError(stacksWith({ state: undefined as any })).message).toMatch(/'state' must be a TenantStateBackend/);
  });

  test('bad props of TenantStacks', () => {
    expect(validationError(stacksWith({ catalog: 'tenants.yaml' as any })).message).toMatch(/'catalog' must be a TenantCatalog/);
    expect(validationError(stacksWith({ builders: undefined as any })).message).toMatch(/'builders' must be a list of ITenantStackBuilder/);
    expect(validationError(stacksWith({ builders: [{} as any] })).message).toMatch(/'builders\[0\]' must be an ITenantStackBuilder/);
    expect(validationError(stacksWith({ stackNamePrefix: 'Tenant_' })).message).toMatch(/'stackNamePrefix' must be a stack name prefix/);
    expect(validationError(() => build({ builders: [] }, TenantCatalog.fromTenants({ tenants: [{ id: 'x' }] })).tenants.stackOf('y')).message)
      .toBe('Tenants: \'tenantId\' must be a tenant of the catalog (x); received "y"');
  });

  test('a stack name another stack of the app already has', () => {
    const app = Testing.app();
    new TerraformStack(app, 'tenant-acme');
    const e = validationError(() => new TenantStacks(app, 'Tenants', { catalog: ok(), state: TenantStateBackend.local(), builders: [] }));
    expect(e.message).toBe('Tenants: \'catalog\' must be a tenant whose stack name tenant-acme no other stack of the app has (tenant-acme has it); received "acme"');
    // a stack created afterwards is caught when synthesizing
    const later = Testing.app();
    const t = new TenantStacks(later, 'Tenants', { catalog: ok(), state: TenantStateBackend.local(), builders: [] });
    new TerraformStack(later, 'tenant-globex');
    expect(t.stackOf('globex').node.validate().join('\n')).toMatch(/the stack tenant-globex has the same name tenant-globex/);
  });
});

describe('DatadogStackTags', () => {
  test('tags every Datadog monitor of a stack, whenever it is created; a monitor\'s own tag of the same key gives way', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    new Monitor(stack, 'Before', { name: 'a', type: 'metric alert', query: 'avg(last_5m):avg:x{*} > 1', message: 'm', tags: ['team:core', 'tenant:other'] });
    DatadogStackTags.add(stack, { tenant: 'acme' });
    new Monitor(stack, 'After', { name: 'b', type: 'metric alert', query: 'avg(last_5m):avg:x{*} > 1', message: 'm' });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.datadog_monitor.Before.tags).toEqual(['team:core', 'tenant:acme']);
    expect(json.resource.datadog_monitor.After.tags).toEqual(['tenant:acme']);
    const warn = stack.node.findChild('Before').node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warn).toEqual([expect.stringContaining('the tag tenant:other gives way to the stack\'s tenant:acme')]);
  });

  test('refuses a second value for a key and tags Datadog does not take', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    DatadogStackTags.add(stack, { tenant: 'acme' });
    DatadogStackTags.add(stack, { tenant: 'acme' });
    expect(validationError(() => DatadogStackTags.add(stack, { tenant: 'globex' })).message).toBe('s: \'tags.tenant\' must be the value the stack already tags tenant with (acme); received "globex"');
    expect(validationError(() => DatadogStackTags.add(stack, { env: 'Prod' })).message).toMatch(/'tags.env' must be a lower-case Datadog tag/);
    expect(validationError(() => DatadogStackTags.add(stack, { '1x': 'a' })).message).toMatch(/'tags.1x' must be a Datadog tag key/);
    expect(validationError(() => DatadogStackTags.add(stack, undefined as any)).message).toMatch(/'tags' must be a map of tag keys to values/);
  });
});

describe('the tenants example', () => {
  test('three tenants, differing features, isolated from each other', () => {
    const result = synthApp((app: App) => EXAMPLES.tenants(app));
    const names = { acme: 'Acme Corp', globex: 'Globex', initech: 'Initech' };
    expect(Object.keys(result.stacks).sort()).toEqual(['tenant-acme', 'tenant-globex', 'tenant-initech']);
    expect(Object.keys(result.stacks['tenant-globex'].resource).sort()).toEqual(['aws_cloudwatch_metric_alarm', 'datadog_monitor']);
    expect(result.stacks['tenant-initech'].resource.datadog_monitor).toBeUndefined();
    expect(result.stacks['tenant-initech'].provider.grafana[0].org_id).toBe(3);
    expectIsolated(result, ['acme', 'globex', 'initech'], names);
  });
});
