/**
 * Schema conformance of everything the library synthesizes: every resource, data source and
 * provider block of every example stack and of every template stack (src/stacks) is checked
 * against the schema of the real provider (test/support/schema-conformance.ts), and the
 * negative controls prove that each check fires.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { EXAMPLES } from '../../examples/app';
import {
  AwsConnection, ComparisonOperator, FolderAccess, FolderGrant, GrafanaAuth, GrafanaConnection, GrafanaDataSource, GrafanaFolder,
  GrafanaNotificationPolicy, GrafanaRole, MatchOperator, MonitorBackend, MonitorConfig, NotificationTarget, Secret, Signal,
} from '../../src';
import { TOOLKIT } from '../../src/core/private/toolkit';
import {
  BindingsProviderSchema, checkBlock, checkStack, compareBlocks, Finding, formatFinding, grafanaSchema, IProviderSchema, librarySchemas,
  providerRuleFindings, REPO_ROOT, SchemaBlock,
} from '../support/schema-conformance';
import { synthApp } from '../support/synth';
import { TEMPLATE_STACKS } from '../support/template-stacks';

let schemas: Map<string, IProviderSchema>;
beforeAll(() => {
  schemas = librarySchemas();
});

const schemaOf = (source: string) => schemas.get(`registry.terraform.io/${source}`)!;

const reports = new Map<(app: App) => unknown, { findings: string[]; checked: Record<string, number>; stacks: string[] }>();

/** Every finding of every stack of an app, and how many blocks were checked per provider (each app synthesized once). */
function conformance(build: (app: App) => unknown) {
  const known = reports.get(build);
  if (known) return known;
  const out = synthApp(build);
  const findings: string[] = [];
  const checked: Record<string, number> = {};
  for (const [stack, json] of Object.entries(out.stacks)) {
    const report = checkStack(json, schemas);
    findings.push(...report.findings.map((f) => `${stack}: ${formatFinding(f)}`));
    for (const [p, n] of Object.entries(report.checked)) checked[p] = (checked[p] ?? 0) + n;
  }
  const report = { findings, checked, stacks: Object.keys(out.stacks) };
  reports.set(build, report);
  return report;
}

describe.each(Object.keys(EXAMPLES).sort())('example %s', (name) => {
  test('every resource, data source and provider block conforms to its provider schema', () => {
    const { findings, checked, stacks } = conformance((app) => EXAMPLES[name](app));
    expect(stacks.length).toBeGreaterThan(0);
    expect(findings).toEqual([]);
    expect(Object.values(checked).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

// ------------------------------------------------------------ template stacks (src/stacks)

const templates: Record<string, (app: App) => void> = { ...TEMPLATE_STACKS };

/** Grafana constructs that no example uses: folders with permissions, every data source preset, routes, contact points. */
templates['Grafana constructs beyond the examples'] = (app) => {
  const stack = new TerraformStack(app, 'grafana-surface');
  const v = (name: string) => Secret.fromTerraformVariable(stack, `Var_${name}`, { variableName: name });
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new GrafanaConnection(stack, 'Grafana', { url: 'https://g.example.com', auth: GrafanaAuth.serviceAccountToken(v('gtoken')), testConnection: false });
  const parent = new GrafanaFolder(stack, 'Parent', { title: 'Platform', permissions: [FolderGrant.forRole(GrafanaRole.VIEWER, FolderAccess.VIEW), FolderGrant.forTeam(7, FolderAccess.EDIT)] });
  new GrafanaFolder(stack, 'Child', { title: 'Checkout', parent, permissions: [FolderGrant.forUser(42, FolderAccess.ADMIN)] });
  GrafanaDataSource.cloudWatch(stack, 'Cw', { name: 'cw', region: 'eu-west-1', assumeRoleArn: 'arn:aws:iam::123456789012:role/grafana', externalId: 'ext' });
  GrafanaDataSource.cloudWatch(stack, 'CwKeys', { name: 'cw-keys', region: 'eu-west-1', accessKeyId: v('ak'), secretAccessKey: v('sk') });
  GrafanaDataSource.prometheus(stack, 'Prom', { name: 'prom', url: 'https://prom.example.com', basicAuthUsername: 'grafana', basicAuthPassword: v('pw') });
  GrafanaDataSource.prometheus(stack, 'Amp', { name: 'amp', url: 'https://amp.example.com', bearerToken: v('bt'), isDefault: true });
  GrafanaDataSource.jsonApi(stack, 'Api', { name: 'api', url: 'https://api.example.com', secretHeaders: { 'X-Api-Key': v('key') }, queryParams: 'env=prod' });
  const policy = GrafanaNotificationPolicy.of(stack);
  policy.addRoute({ contactPoint: 'oncall', matchers: [{ label: 'team', match: MatchOperator.REGEX, value: 'checkout|payments' }], repeatInterval: '1h' });
  const m = new MonitorConfig(stack, 'Errors', {
    title: 'checkout errors',
    message: 'Checkout errors are high.',
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 10,
    warning: 5,
    signal: Signal.promQl({ query: 'sum(rate(http_requests_total{code=~"5.."}[5m]))' }),
    backends: [MonitorBackend.grafana({ datasourceUid: 'prom', folderUid: 'platform' })],
  });
  m.addTarget(NotificationTarget.email({ address: 'ops@example.com' }));
};

test('the Grafana surface stack holds every Grafana resource type the library creates outside the examples', () => {
  const out = synthApp(templates['Grafana constructs beyond the examples']);
  const json = out.stacks['grafana-surface'];
  expect(Object.keys(json.resource).filter((t) => t.startsWith('grafana_')).sort()).toEqual([
    'grafana_contact_point', 'grafana_data_source', 'grafana_folder', 'grafana_folder_permission', 'grafana_notification_policy', 'grafana_rule_group',
  ]);
  expect(Object.keys(json.resource.grafana_data_source)).toHaveLength(5);
});

describe.each(Object.keys(templates))('template stack: %s', (name) => {
  test('every resource, data source and provider block conforms to its provider schema', () => {
    const { findings, checked } = conformance(templates[name]);
    expect(findings).toEqual([]);
    expect(Object.values(checked).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

test('the template stacks cover every provider the library synthesizes for', () => {
  const providers = new Set<string>();
  for (const build of Object.values(templates)) for (const p of Object.keys(conformance(build).checked)) providers.add(p);
  expect([...providers].sort()).toEqual([
    'registry.terraform.io/datadog/datadog', 'registry.terraform.io/grafana/grafana', 'registry.terraform.io/hashicorp/aws',
    'registry.terraform.io/hashicorp/http', 'registry.terraform.io/integrations/github',
  ]);
});

// ------------------------------------------------------------ negative controls

const problems = (findings: Finding[]) => findings.map(formatFinding);

describe.each([
  {
    provider: 'hashicorp/aws',
    type: 'aws_sns_topic_subscription',
    valid: { topic_arn: '${aws_sns_topic.t.arn}', protocol: 'email', endpoint: 'ops@example.com' },
    required: 'protocol',
    readOnly: 'owner_id',
    block: undefined as string | undefined,
  },
  {
    provider: 'hashicorp/aws',
    type: 'aws_s3_bucket_lifecycle_configuration',
    valid: { bucket: 'b', rule: [{ id: 'expire', status: 'Enabled', filter: { prefix: '' }, expiration: { days: 30 } }] },
    required: 'bucket',
    readOnly: 'id',
    block: 'rule',
  },
  {
    provider: 'grafana/grafana',
    type: 'grafana_rule_group',
    valid: {
      name: 'g',
      folder_uid: 'f',
      interval_seconds: 60,
      rule: [{ name: 'r', condition: 'C', data: [{ ref_id: 'A', datasource_uid: 'prom', model: '{}', relative_time_range: { from: 600, to: 0 } }] }],
    },
    required: 'folder_uid',
    readOnly: undefined as string | undefined,
    block: 'rule',
  },
  {
    provider: 'grafana/grafana',
    type: 'grafana_dashboard',
    valid: { config_json: '{"title":"d"}', folder: 'f', overwrite: true },
    required: 'config_json',
    readOnly: 'url',
    block: undefined as string | undefined,
  },
  {
    provider: 'grafana/grafana',
    type: 'grafana_data_source',
    valid: { name: 'p', type: 'prometheus', url: 'https://p.example.com', http_headers: { Authorization: 'Bearer x' } },
    required: 'name',
    readOnly: undefined as string | undefined,
    block: undefined as string | undefined,
  },
  {
    provider: 'datadog/datadog',
    type: 'datadog_monitor',
    valid: { name: 'm', type: 'metric alert', query: 'avg(last_5m):avg:system.cpu.user{*} > 90', message: 'm', monitor_thresholds: { critical: '90' } },
    required: 'message',
    readOnly: undefined as string | undefined,
    block: 'monitor_thresholds',
  },
  {
    provider: 'datadog/datadog',
    type: 'datadog_integration_aws_account',
    valid: {
      aws_account_id: '123456789012',
      aws_partition: 'aws',
      auth_config: { aws_auth_config_role: { role_name: 'DatadogIntegrationRole' } },
      aws_regions: { include_all: true },
      logs_config: { lambda_forwarder: {} },
      metrics_config: { namespace_filters: {} },
      resources_config: {},
      traces_config: { xray_services: {} },
    },
    required: 'aws_partition',
    readOnly: 'id',
    block: 'auth_config',
  },
])('negative controls: $type ($provider)', ({ provider, type, valid, required, readOnly, block }) => {
  const schema = () => schemaOf(provider).resource(type)!;
  const check = (body: Record<string, unknown>) => problems(checkBlock(schema(), body, `${type}.t`, 'resource'));

  test('the valid body has no finding', () => {
    expect(schema()).toBeDefined();
    expect(check(valid)).toEqual([]);
  });
  test('an unknown argument', () => {
    expect(check({ ...valid, no_such_argument: 'x' })).toEqual([`${type}.t no_such_argument: is not an argument of this block (unknown)`]);
  });
  test('a missing required argument', () => {
    const body: Record<string, unknown> = { ...valid };
    delete body[required];
    expect(check(body)).toEqual([`${type}.t ${required}: is a required argument and is missing`]);
  });
  test('a read-only attribute set', () => {
    if (readOnly === undefined) {
      // the resource has no computed-only attribute but its id: SDKv2 resources take id as optional
      expect(Object.entries(schema().attributes ?? {}).filter(([, a]) => a.computed && !a.optional && !a.required).map(([k]) => k)).toEqual([]);
      return;
    }
    expect(check({ ...valid, [readOnly]: 'x' })).toEqual([`${type}.t ${readOnly}: is read-only (computed by the provider) and cannot be set`]);
  });
  test('a block given as a string, and an attribute given as a block', () => {
    const b = block ?? Object.keys(schema().block_types ?? {})[0];
    if (b !== undefined) {
      expect(check({ ...valid, [b]: 'a string' })).toEqual([expect.stringMatching(new RegExp(`^${type}\\.t ${b}: is a block \\(\\w+\\); got the value "a string"$`))]);
    }
    const attr = Object.entries(schema().attributes ?? {}).find(([, a]) => a.type === 'string' && (a.optional || a.required))![0];
    expect(check({ ...valid, [attr]: [{ x: 1 }] })).toEqual([`${type}.t ${attr}: must be string; got [{"x":1}]`]);
  });
});

test('negative controls: wrong types, nesting and block counts', () => {
  const grafana = schemaOf('grafana/grafana');
  const ruleGroup = grafana.resource('grafana_rule_group')!;
  const rule = { name: 'r', condition: 'C', data: [{ ref_id: 'A', datasource_uid: 'prom', model: '{}', relative_time_range: { from: 600, to: 0 } }] };
  const body = { name: 'g', folder_uid: 'f', interval_seconds: 60, rule: [rule] };
  const check = (b: unknown) => problems(checkBlock(ruleGroup, b, 'grafana_rule_group.t', 'resource'));
  expect(check({ ...body, interval_seconds: 'every minute' })).toEqual(['grafana_rule_group.t interval_seconds: must be number; got "every minute"']);
  expect(check({ ...body, interval_seconds: '${var.interval}' })).toEqual([]);
  expect(check({ ...body, rule: [] })).toEqual(['grafana_rule_group.t rule: needs at least 1 block(s); got 0']);
  expect(check({ ...body, rule: [{ ...rule, labels: ['a'] }] })).toEqual(['grafana_rule_group.t rule[0].labels: must be map(string); got ["a"]']);
  expect(check({ ...body, rule: [{ ...rule, data: [{ ...rule.data[0], relative_time_range: [{ from: 1, to: 0 }, { from: 2, to: 0 }] }] }] }))
    .toEqual(['grafana_rule_group.t rule[0].data[0].relative_time_range: takes at most 1 block(s); got 2']);
  // a provider block is checked too
  const provider = problems(checkBlock(grafana.provider(), { url: 'https://g.example.com', auth: 'x', alias: 'a', colour: 'red' }, 'provider.grafana[0]', 'provider'));
  expect(provider).toEqual(['provider.grafana[0] colour: is not an argument of this block (unknown)']);
  // object attribute types (AWS)
  const aws = schemaOf('hashicorp/aws');
  const objectAttr = findObjectAttribute(aws);
  expect(objectAttr).toBeDefined();
});

/** Some attribute of an AWS resource typed as a cty object, to show object checks work on the real schema. */
function findObjectAttribute(schema: IProviderSchema): string | undefined {
  for (const type of ['aws_lambda_function', 'aws_ecs_service', 'aws_bedrockagent_agent']) {
    const block = schema.resource(type);
    const hit = Object.entries(block?.attributes ?? {}).find(([, a]) => Array.isArray(a.type) && a.type[0] === 'list' && Array.isArray(a.type[1]) && a.type[1][0] === 'object');
    if (block && hit) {
      const [name, attr] = hit;
      const fields = Object.keys(attr.type[1][1]);
      const finding = problems(checkBlock({ attributes: { [name]: { ...attr, optional: true, required: false, computed: false } } }, { [name]: [{ bogus: 1 }] }, 't', 'resource'));
      expect(finding).toEqual(expect.arrayContaining([`t ${name}[0].bogus: is not an attribute of this object type (unknown)`]));
      if (!(attr.type[1][2] ?? []).includes(fields[0])) {
        expect(finding).toEqual(expect.arrayContaining([`t ${name}[0].${fields[0]}: is a required attribute of this object type and is missing`]));
      }
      return `${type}.${name}`;
    }
  }
  return undefined;
}

/** The Datadog provider of each flavour's prebuilt bindings (@cdktf/provider-datadog 12.15.2, @cdktn/provider-datadog 16.1.0). */
const DATADOG_BINDINGS_VERSION = ({ cdktf: '3.82.0', cdktn: '4.19.0' } as Record<string, string>)[TOOLKIT.name];

test('a stack check reports unknown types and providers missing from required_providers', () => {
  const report = checkStack({
    terraform: { required_providers: { grafana: { source: 'grafana/grafana', version: '~> 4.45' }, datadog: { source: 'DataDog/datadog', version: '2.0.0' } } },
    provider: { grafana: [{ url: 'https://g.example.com' }] },
    resource: { grafana_no_such_thing: { a: {} }, aws_sns_topic: { t: {} }, datadog_monitor: { m: { name: 'm', type: 'metric alert', query: 'q', message: 'x' } } },
    check: { c: { data: { http: { p: { url: 'https://x', provider: 'http' } } } } },
  }, schemas);
  expect(report.findings.map(formatFinding)).toEqual([
    'grafana_no_such_thing.a: registry.terraform.io/grafana/grafana 4.45.1 has no resource grafana_no_such_thing',
    "aws_sns_topic.t: its provider 'aws' is not in terraform.required_providers",
    `datadog_monitor.m: requires registry.terraform.io/datadog/datadog 2.0.0, but the schema is of ${DATADOG_BINDINGS_VERSION}`,
    "check.c/data.http.p: its provider 'http' is not in terraform.required_providers",
  ]);
});

// ------------------------------------------------------------ the schema sources themselves

test('the schemas derived from the Datadog, GitHub and New Relic bindings', () => {
  // Spot checks; the extractor is checked as a whole against the real AWS schema below.
  const fromBindings = new BindingsProviderSchema('@cdktf/provider-datadog');
  expect(fromBindings.version).toBe(DATADOG_BINDINGS_VERSION);
  const monitor = fromBindings.resource('datadog_monitor')!;
  expect(monitor.attributes!.query).toEqual({ type: 'string', required: true });
  expect(monitor.attributes!.tags).toEqual({ type: ['set', 'string'], optional: true });
  expect(monitor.block_types!.monitor_thresholds).toMatchObject({ nesting_mode: 'list', max_items: 1 });
  const schedule = monitor.block_types!.scheduling_options.block.block_types!.custom_schedule;
  expect(schedule.block.block_types!.recurrence).toMatchObject({ min_items: 1, max_items: 1 });
  const account = fromBindings.resource('datadog_integration_aws_account')!;
  expect(account.block_types!.auth_config.nesting_mode).toBe('single');
  expect(account.attributes!.id).toEqual({ type: 'dynamic', computed: true });
  const github = new BindingsProviderSchema('@cdktf/provider-github');
  expect(github.resource('github_repository')!.attributes!.name).toEqual({ type: 'string', required: true });
  expect(github.resource('github_repository')!.attributes!.full_name?.computed).toBe(true);
  const newrelic = new BindingsProviderSchema('@cdktf/provider-newrelic');
  expect(newrelic.resource('newrelic_one_dashboard')!.block_types!.page.min_items).toBe(1);
});

test("the project's transcribed Grafana schema agrees with the provider's own dump for every resource it covers", () => {
  const transcribed = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schema', 'grafana-provider-schema.json'), 'utf8'));
  const mine = transcribed.provider_schemas['registry.terraform.io/grafana/grafana'];
  const real = grafanaSchema('4.45.1');
  const diffs: string[] = [];
  diffs.push(...compareBlocks(mine.provider.block, real.provider()).map((d) => `provider ${d}`));
  for (const [type, s] of Object.entries<{ block: SchemaBlock }>(mine.resource_schemas)) {
    const ref = real.resource(type);
    if (!ref) diffs.push(`resource ${type}: not in the provider`);
    else diffs.push(...compareBlocks(s.block, ref).map((d) => `resource ${type} ${d}`));
  }
  for (const [type, s] of Object.entries<{ block: SchemaBlock }>(mine.data_source_schemas)) {
    const ref = real.dataSource(type);
    if (!ref) diffs.push(`data source ${type}: not in the provider`);
    else diffs.push(...compareBlocks(s.block, ref).map((d) => `data source ${type} ${d}`));
  }
  expect(diffs).toEqual([]);
});

test('negative controls: the grafana provider rules beyond the schema', () => {
  const rules = (type: string, body: unknown) => providerRuleFindings(type, body, `${type}.t`).map(formatFinding);
  expect(rules('grafana_data_source', { name: 'p', type: 'prometheus', json_data_encoded: '{"httpHeaderName1":"Authorization"}', secure_json_data_encoded: '${jsonencode({"httpHeaderValue1" = var.t})}' })).toEqual([
    'grafana_data_source.t json_data_encoded: holds the reserved key httpHeaderName',
    'grafana_data_source.t secure_json_data_encoded: holds the reserved key httpHeaderValue',
  ]);
  expect(rules('grafana_rule_group', { name: 'g', folder_uid: 'a b', interval_seconds: 60, rule: [{ name: 'r', for: '5 minutes', data: [{ model: '{' }] }] })).toEqual([
    'grafana_rule_group.t folder_uid: "a b" is no folder uid',
    'grafana_rule_group.t rule[0].for: "5 minutes" is no duration',
    'grafana_rule_group.t rule[0].data[0].model: must be JSON',
    'grafana_rule_group.t rule[0].condition: is required for a rule that is no recording rule',
  ]);
  expect(rules('grafana_notification_policy', { contact_point: 'c', group_by: [''], policy: [{ matcher: [{ label: 'a', match: '==', value: 'b' }] }] })).toEqual([
    'grafana_notification_policy.t group_by[0]: is empty',
    'grafana_notification_policy.t policy[0].matcher[0].match: "==" is not =, !=, =~ or !~',
  ]);
  expect(rules('grafana_contact_point', { name: 'c' })).toEqual(['grafana_contact_point.t: needs at least one notifier']);
  expect(rules('grafana_dashboard', { config_json: '[1]' })).toEqual(['grafana_dashboard.t config_json: must be a JSON object']);
  expect(rules('grafana_folder_permission', { folder_uid: 'f', permissions: [{ permission: 'Own', role: 'Owner' }] })).toEqual([
    'grafana_folder_permission.t permissions[0].permission: "Own" is not View, Edit or Admin',
    'grafana_folder_permission.t permissions[0].role: "Owner" is not Viewer, Editor or Admin',
  ]);
});

/** A schema block reduced to what the bindings can know: kinds, nesting, required/optional/read-only, min items. */
function shape(block: SchemaBlock): any {
  const attrs: Record<string, string> = {};
  const sorted = <T>(o: Record<string, T> | undefined) => Object.entries(o ?? {}).sort(([a], [b]) => a.localeCompare(b));
  for (const [k, a] of sorted(block.attributes)) {
    attrs[k] = a.computed && !a.optional && !a.required ? 'read-only' : `${a.required ? 'required' : 'optional'} ${JSON.stringify(a.nested_type?.nesting_mode ?? a.type)}`;
  }
  const blocks: Record<string, any> = {};
  for (const [k, t] of sorted(block.block_types)) {
    // the bindings know max_items only when it is 1 (a single object rather than a list)
    blocks[k] = { nesting: t.nesting_mode, min: t.min_items ?? 0, maxOne: t.max_items === 1, block: shape(t.block) };
  }
  return { attrs, blocks };
}

test('the schema extractor, run over the AWS bindings, agrees with the real AWS schema for every AWS resource the examples synthesize', () => {
  const types = new Set<string>();
  for (const build of Object.values(EXAMPLES)) {
    for (const json of Object.values(synthApp((app) => build(app)).stacks)) {
      for (const t of Object.keys(json.resource ?? {})) if (t.startsWith('aws_')) types.add(t);
    }
  }
  expect(types.size).toBeGreaterThan(20);
  const fromBindings = new BindingsProviderSchema('@cdktf/provider-aws');
  expect(fromBindings.version).toBe('5.100.0');
  const real = schemaOf('hashicorp/aws');
  const differ = [...types].sort().filter((t) => JSON.stringify(shape(fromBindings.resource(t)!)) !== JSON.stringify(shape(real.resource(t)!)));
  expect(differ).toEqual([]);
});
