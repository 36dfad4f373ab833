/**
 * Which secret values can reach the Terraform state. Provider arguments are never stored; data
 * sources (those scoped in `check` blocks too) and resource arguments are. Over every example,
 * every place a secret reaches is found from the synthesized JSON and must be one the README
 * lists under "What reaches the state"; the connection checks carry none unless asked.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLES } from '../../examples/app';
import {
  DatadogConnection, GitHubAuth, GitHubConnection, GrafanaAuth, GrafanaConnection, JiraAuth, JiraConnection,
  PagerDutyConnection, Secret, SlackConnection, WebhookAuth, WebhookConnection,
} from '../../src';
import { warningsOf } from '../monitors/fixtures';
import { newStack, synthApp, synthStack } from '../support/synth';

interface Place { readonly block: string; readonly type: string; readonly argument: string }

/** The expressions that hold a secret's value in a stack: sensitive variables and secret data sources. */
function secretRoots(json: any): string[] {
  const roots = Object.entries<any>(json.variable ?? {}).filter(([, v]) => v.sensitive).map(([name]) => `var.${name}`);
  // The attributes of the secret data sources that hold the value (their ARNs and names do not).
  for (const [type, attribute] of [['aws_secretsmanager_secret_version', 'secret_string'], ['aws_ssm_parameter', 'value']]) {
    for (const name of Object.keys(json.data?.[type] ?? {})) roots.push(`data.${type}.${name}.${attribute}`);
  }
  return roots;
}

/** Every place (outside provider blocks) whose value refers to one of the secret roots. */
function secretPlaces(json: any): Place[] {
  const roots = secretRoots(json);
  const patterns = roots.map((r) => new RegExp(`\\b${r.replace(/\./g, '\\.')}(?![\\w-])`));
  const refers = (s: string) => s.includes('${') && patterns.some((p) => p.test(s));
  const places: Place[] = [];
  const visit = (v: unknown, block: string, type: string, argument: string) => {
    if (typeof v === 'string') {
      if (refers(v)) places.push({ block, type, argument });
    } else if (Array.isArray(v)) {
      v.forEach((x) => visit(x, block, type, argument));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(x, block, type, argument ? `${argument}.${k}` : k);
    }
  };
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const r of Object.values<any>(byName)) {
      for (const [arg, v] of Object.entries(r)) if (arg !== 'depends_on' && arg !== 'provider') visit(v, 'resource', type, arg.split('.')[0]);
    }
  }
  for (const [type, byName] of Object.entries<any>(json.data ?? {})) {
    for (const r of Object.values<any>(byName)) for (const [arg, v] of Object.entries(r)) visit(v, 'data', type, arg);
  }
  for (const check of Object.values<any>(json.check ?? {})) {
    for (const [type, byName] of Object.entries<any>(check.data ?? {})) {
      for (const r of Object.values<any>(byName)) for (const [arg, v] of Object.entries(r)) visit(v, 'check', type, arg);
    }
  }
  for (const [name, o] of Object.entries<any>(json.output ?? {})) visit(o.value, 'output', name, 'value');
  // One entry per resource type and top-level argument.
  const key = (p: Place) => `${p.block} ${p.type} ${p.argument.split('.')[0]}`;
  return [...new Map(places.map((p) => [key(p), { ...p, argument: p.argument.split('.')[0] }])).values()];
}

/** The `resource type` + `argument` pairs of the README's table "What reaches the state". */
function documentedPlaces(): Set<string> {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.split('#### What reaches the state')[1]?.split('\n#')[0] ?? '';
  const rows = section.split('\n').filter((l) => /^\| `/.test(l));
  const out = new Set<string>();
  for (const row of rows) {
    const [type, args] = row.split('|').slice(1, 3).map((c) => c.trim());
    for (const a of args.match(/`[^`]+`/g) ?? []) out.add(`${type.replace(/`/g, '')} ${a.replace(/`/g, '')}`);
  }
  return out;
}

describe('secrets and the state', () => {
  const documented = documentedPlaces();

  test('the README lists the places', () => {
    expect(documented.size).toBeGreaterThan(5);
  });

  test.each(Object.keys(EXAMPLES).sort())('example %s: every secret that reaches the state is documented; no connection check carries one', (name) => {
    const out = synthApp((app) => EXAMPLES[name](app));
    for (const [stack, json] of Object.entries(out.stacks)) {
      const places = secretPlaces(json);
      expect({ stack, checks: places.filter((p) => p.block === 'check') }).toEqual({ stack, checks: [] });
      const undocumented = places.filter((p) => p.block !== 'check' && !documented.has(`${p.type} ${p.argument}`));
      expect({ stack, undocumented }).toEqual({ stack, undocumented: [] });
    }
  });

  test('every connection with a credential probes without it by default, and with it (and a warning) only when asked', () => {
    const build = (testCredentials: boolean) => {
      const stack = newStack();
      const v = (n: string) => Secret.fromTerraformVariable(stack, `V${n}`, { variableName: n });
      const connections = [
        new DatadogConnection(stack, 'Datadog', { apiKey: v('dd_api'), appKey: v('dd_app'), testCredentials }),
        new GrafanaConnection(stack, 'Grafana', { url: 'https://g.example.com', auth: GrafanaAuth.serviceAccountToken(v('g')) }),
        new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(v('gh')), testCredentials }),
        new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('a@acme.example', v('jira')), testCredentials }),
        new SlackConnection(stack, 'Slack', { botToken: v('slack'), testCredentials }),
        new PagerDutyConnection(stack, 'PagerDuty', { apiToken: v('pd'), testCredentials }),
        new WebhookConnection(stack, 'Hook', { url: 'https://h.example.com', auth: WebhookAuth.bearer(v('hook')), testCredentials }),
      ];
      return { json: synthStack(stack), warnings: connections.flatMap(warningsOf) };
    };
    const anonymous = build(false);
    expect(Object.keys(anonymous.json.check)).toHaveLength(7);
    expect(secretPlaces(anonymous.json).filter((p) => p.block === 'check')).toEqual([]);
    expect(anonymous.warnings.filter((w) => /state/.test(w))).toEqual([]);

    const tested = build(true);
    const checks = secretPlaces(tested.json).filter((p) => p.block === 'check');
    expect(checks).toEqual([{ block: 'check', type: 'http', argument: 'request_headers' }]);
    const inHeaders = Object.values<any>(tested.json.check).filter((c) => JSON.stringify(c.data.http).includes('${var.'));
    expect(inHeaders).toHaveLength(6);
    expect(tested.warnings.filter((w) => /stores the probe .* in the state/.test(w))).toHaveLength(6);
  });

  test('the scan finds a secret where one is (positive control)', () => {
    expect(secretPlaces({
      variable: { tok: { type: 'string', sensitive: true } },
      resource: { datadog_webhook: { h: { custom_headers: '{"a":"${var.tok}"}' } } },
      provider: { datadog: [{ api_key: '${var.tok}' }] },
    })).toEqual([{ block: 'resource', type: 'datadog_webhook', argument: 'custom_headers' }]);
  });
});
