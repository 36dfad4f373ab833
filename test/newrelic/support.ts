import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import {
  AwsConnection, ComparisonOperator, MonitorConfig, MonitorConfigProps, NewRelicBackend, NewRelicBackendOptions, NewRelicConnection,
  NewRelicRegion, Secret, Signal, Statistic,
} from '../../src/index';

/** A New Relic connection (account 1234567, key from a Terraform variable) and an AWS connection. */
export function connectNewRelic(stack: TerraformStack, props: { region?: NewRelicRegion; testConnection?: boolean } = {}) {
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  const key = Secret.fromTerraformVariable(stack, 'NrKey', { variableName: 'newrelic_api_key' });
  const newRelic = new NewRelicConnection(stack, 'NewRelic', { accountId: 1234567, apiKey: key, ...props });
  return { aws, newRelic, key };
}

export const sqsAge = (statistic: Statistic = Statistic.MAXIMUM) => Signal.cloudWatchMetric({
  namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: 'orders' }, statistic,
});

/** A valid monitor rendered to New Relic only. */
export function nrMonitor(stack: TerraformStack, props: Partial<MonitorConfigProps> = {}, id = 'QueueAge', options: NewRelicBackendOptions = {}): MonitorConfig {
  return new MonitorConfig(stack, id, {
    title: 'orders queue age',
    message: 'Orders wait too long in the queue.',
    signal: sqsAge(),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 300,
    backends: [new NewRelicBackend(options)],
    ...props,
  });
}

/** The single value of a map (asserting there is exactly one). */
export function only(obj: Record<string, any> | undefined): any {
  const values = Object.values(obj ?? {});
  expect(values).toHaveLength(1);
  return values[0];
}

/** Catches the error `fn` throws (fails if it does not throw). */
export function errorOf(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

// ---------------------------------------------------------------------------------------------
// The provider's schema, as the generated bindings know it.
//
// No newrelic provider binary is mirrored on the build machines (only hashicorp/aws), so
// `terraform providers schema -json` cannot run. The generated bindings encode the schema: each
// resource's `synthesizeAttributes()` and each block's `<struct>ToTerraform()` list every
// argument (snake_case) and say which are nested blocks; the `.d.ts` interfaces say which are
// required. This reads them so a test can reject an argument the provider does not have.
// ---------------------------------------------------------------------------------------------

const LIB = path.join(path.dirname(require.resolve('@cdktf/provider-newrelic/package.json')), 'lib');

/** An argument: a leaf, or a nested block with its own arguments. */
export interface SchemaNode {
  readonly args: Record<string, SchemaNode | null>;
  readonly required: string[];
}

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

const cache = new Map<string, SchemaNode>();

/** The schema of a resource type, e.g. `newrelic_workflow` (lib/workflow). */
export function resourceSchema(resourceType: string): SchemaNode {
  const hit = cache.get(resourceType);
  if (hit) return hit;
  const dir = path.join(LIB, resourceType.replace(/^newrelic_/, '').replace(/_/g, '-'));
  const js = filesUnder(dir, '.js').map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const dts = filesUnder(dir, '.d.ts').map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const bodies = new Map<string, string>();
  for (const m of js.matchAll(/function (\w+)ToTerraform\(struct\) \{[\s\S]*?return \{\n([\s\S]*?)\n {4}\};\n\}/g)) bodies.set(m[1], m[2]);
  const top = /synthesizeAttributes\(\) \{\n\s*return \{\n([\s\S]*?)\n\s*\};/.exec(js);
  if (!top) throw new Error(`no synthesizeAttributes in ${dir}`);
  const requiredOf = (iface: string): string[] => {
    const m = new RegExp(`export interface ${iface} (?:extends [\\w.]+ )?\\{([\\s\\S]*?)\\n\\}`).exec(dts);
    if (!m) return [];
    return [...m[1].matchAll(/readonly (\w+): /g)].map((x) => x[1]);
  };
  const build = (body: string, iface: string, seen: string[]): SchemaNode => {
    const args: Record<string, SchemaNode | null> = {};
    const camelToSnake: Record<string, string> = {};
    for (const line of body.split('\n')) {
      const m = /^\s*(\w+): (.*),$/.exec(line);
      if (!m) continue;
      const camel = /(?:struct|this)\.(?:_)?(\w+)/.exec(m[2]);
      if (camel) camelToSnake[camel[1].replace(/^\w/, (c) => c.toLowerCase())] = m[1];
      const nested = /(?:listMapper\((?:\w+\.)?(\w+)ToTerraform, true\)|^(?:\w+\.)?(\w+)ToTerraform\()/.exec(m[2]);
      const fn = nested ? (nested[1] ?? nested[2]) : undefined;
      args[m[1]] = fn && bodies.has(fn) && !seen.includes(fn)
        ? build(bodies.get(fn)!, fn.replace(/^\w/, (c) => c.toUpperCase()), [...seen, fn]) : null;
    }
    const required = requiredOf(iface).map((c) => camelToSnake[c] ?? c).filter((k) => k in args);
    return { args, required };
  };
  const cls = (/export declare class (\w+) extends cdktf\.TerraformResource/.exec(dts) ?? [])[1];
  const node = build(top[1], `${cls}Config`, []);
  cache.set(resourceType, node);
  return node;
}

const META = new Set(['provider', 'depends_on', 'count', 'for_each', 'lifecycle', '//']);

/** Every argument of `value` (a synthesized resource) the schema does not have, or a required one missing, as `path: problem`. */
export function schemaProblems(node: SchemaNode, value: any, at: string, top = true): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => schemaProblems(node, v, `${at}[${i}]`, top));
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (top && META.has(k)) continue;
    if (!(k in node.args)) {
      out.push(`${at}.${k}: not an argument of the provider (known: ${Object.keys(node.args).join(', ')})`);
      continue;
    }
    const child = node.args[k];
    if (child && typeof v === 'object' && v !== null) out.push(...schemaProblems(child, v, `${at}.${k}`, false));
  }
  for (const r of node.required) if (!(r in value)) out.push(`${at}.${r}: required by the provider, missing`);
  return out;
}

/** Schema problems of every `newrelic_*` resource in a synthesized stack. */
export function newRelicSchemaProblems(json: any): string[] {
  const out: string[] = [];
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    if (!type.startsWith('newrelic_')) continue;
    const schema = resourceSchema(type);
    for (const [name, body] of Object.entries(byName)) out.push(...schemaProblems(schema, body, `${type}.${name}`));
  }
  return out;
}
