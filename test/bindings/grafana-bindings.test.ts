/**
 * The Grafana L1 bindings: generated from schema/grafana-provider-schema.json (the
 * `terraform providers schema -json` format), never edited, and rendering what the schema says.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bindingEntries, generate } from '../../projenrc/generate-bindings';
import { grafanaL1 } from '../../src';
import { newStack, synthStack } from '../support/synth';

const root = path.resolve(__dirname, '..', '..');
const entry = bindingEntries().find((e) => e.source === 'grafana/grafana')!;
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema', entry.schema), 'utf8'));
const provider = schema.provider_schemas['registry.terraform.io/grafana/grafana'];

function walk(block: any, where: string, problems: string[]): void {
  for (const [name, attr] of Object.entries<any>(block.attributes ?? {})) {
    const at = `${where}.${name}`;
    if ((attr.type === undefined) === (attr.nested_type === undefined)) problems.push(`${at}: needs exactly one of type/nested_type`);
    if (!attr.required && !attr.optional && !attr.computed) problems.push(`${at}: neither required, optional nor computed`);
    if (attr.required && (attr.optional || attr.computed)) problems.push(`${at}: required with optional/computed`);
  }
  for (const [name, bt] of Object.entries<any>(block.block_types ?? {})) {
    if (!['single', 'list', 'set', 'map', 'group'].includes(bt.nesting_mode)) problems.push(`${where}.${name}: bad nesting_mode`);
    walk(bt.block, `${where}.${name}`, problems);
  }
}

test('the schema is well-formed in the terraform providers schema -json format', () => {
  expect(schema.format_version).toBe('1.0');
  const problems: string[] = [];
  walk(provider.provider.block, 'provider', problems);
  for (const [type, r] of Object.entries<any>(provider.resource_schemas)) walk(r.block, type, problems);
  for (const [type, r] of Object.entries<any>(provider.data_source_schemas ?? {})) walk(r.block, `data.${type}`, problems);
  expect(problems).toEqual([]);
});

test('covers the resources the library renders', () => {
  expect(Object.keys(provider.resource_schemas)).toEqual(expect.arrayContaining([
    'grafana_folder', 'grafana_dashboard', 'grafana_data_source', 'grafana_contact_point', 'grafana_notification_policy',
    'grafana_rule_group', 'grafana_message_template', 'grafana_mute_timing', 'grafana_folder_permission',
  ]));
});

test('the checked-in bindings are exactly what the generator makes from the schema', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grafana-bindings-'));
  try {
    await generate(entry, tmp);
    const list = (dir: string, base = dir): string[] => fs.readdirSync(dir).flatMap((n) => {
      const p = path.join(dir, n);
      return fs.statSync(p).isDirectory() ? list(p, base) : [path.relative(base, p)];
    }).sort();
    const checkedIn = path.join(root, entry.outDir);
    expect(list(tmp)).toEqual(list(checkedIn));
    for (const f of list(tmp)) {
      expect({ f, same: fs.readFileSync(path.join(tmp, f), 'utf8') === fs.readFileSync(path.join(checkedIn, f), 'utf8') }).toEqual({ f, same: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 120_000);

test('each schema resource has a generated class with its Terraform type', () => {
  const classes = Object.values<any>(grafanaL1).flatMap((ns) => Object.values<any>(ns)).filter((c) => typeof c === 'function' && c.tfResourceType);
  const types = new Set(classes.map((c) => c.tfResourceType));
  for (const type of Object.keys(provider.resource_schemas)) expect(types).toContain(type);
  for (const type of Object.keys(provider.data_source_schemas ?? {})) expect(types).toContain(type);
});

test('renders nested blocks of a rule group and a contact point as Terraform expects', () => {
  const stack = newStack();
  new grafanaL1.provider.GrafanaProvider(stack, 'grafana', { url: 'https://g.example.com' });
  const folder = new grafanaL1.folder.Folder(stack, 'Folder', { title: 'Checkout', uid: 'checkout' });
  new grafanaL1.ruleGroup.RuleGroup(stack, 'Rules', {
    name: 'checkout',
    folderUid: folder.uid,
    intervalSeconds: 60,
    rule: [{
      name: 'High error rate',
      condition: 'C',
      for: '5m',
      data: [{ refId: 'A', datasourceUid: 'prom', model: '{"expr":"up"}', relativeTimeRange: { from: 600, to: 0 } }],
      labels: { severity: 'sev2' },
    }],
  });
  new grafanaL1.contactPoint.ContactPoint(stack, 'Contact', {
    name: 'oncall',
    slack: [{ url: 'https://hooks.slack.com/services/x', recipient: '#oncall' }],
  });
  const json = synthStack(stack);
  const rg = Object.values<any>(json.resource.grafana_rule_group)[0];
  expect(rg).toMatchObject({ name: 'checkout', interval_seconds: 60, folder_uid: expect.stringContaining('grafana_folder.') });
  expect(rg.rule[0]).toMatchObject({ name: 'High error rate', condition: 'C', for: '5m', labels: { severity: 'sev2' } });
  expect(rg.rule[0].data[0]).toMatchObject({ ref_id: 'A', datasource_uid: 'prom', relative_time_range: { from: 600, to: 0 } });
  const cp = Object.values<any>(json.resource.grafana_contact_point)[0];
  expect(cp.slack[0]).toEqual({ url: 'https://hooks.slack.com/services/x', recipient: '#oncall' });
});
