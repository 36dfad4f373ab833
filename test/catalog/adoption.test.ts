/**
 * Adoption of existing objects: `adopt: true` writes a Terraform `import` block (Terraform 1.5+)
 * whose `to` is the resource's address and whose `id` is the provider's import id; an object is
 * adopted once per stack; the real Terraform CLI accepts the import block of an adopted alarm.
 */
import { datadog, grafana } from './support';
import { AwsConnection, DatadogDashboardImport, DatadogMonitorImport, Errors, GrafanaDashboardImport, GrafanaFolder, MonitorBackend, MonitorConfig, Signal } from '../../src/index';
import { ComparisonOperator } from '../../src/monitors/threshold';
import { newStack, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

const monitor = (extra: Record<string, unknown> = {}) => ({
  id: 2081,
  name: 'Checkout errors',
  type: 'query alert',
  query: 'sum(last_5m):sum:trace.http.request.errors{service:checkout}.as_count() > 10',
  message: 'Checkout errors @slack-payments',
  options: { thresholds: { critical: 10 } },
  ...extra,
});
const ddDashboard = (extra: Record<string, unknown> = {}) => ({
  id: 'sv7-gm9-xyz',
  title: 'Checkout',
  layout_type: 'ordered',
  widgets: [{ definition: { type: 'note', content: 'hello' } }],
  ...extra,
});
const gfDashboard = (extra: Record<string, unknown> = {}) => ({
  id: 17,
  uid: 'checkout-overview',
  title: 'Checkout overview',
  schemaVersion: 39,
  panels: [{ id: 1, type: 'text', title: 'Notes', gridPos: { x: 0, y: 0, w: 12, h: 4 } }],
  ...extra,
});

/** The one import block whose `to` names a resource of `type`. */
function importOf(json: any, type: string): any {
  const blocks = (json.import ?? []).filter((b: any) => b.to.startsWith(`${type}.`));
  expect(blocks).toHaveLength(1);
  return blocks[0];
}

function alarmMonitor(scope: any, id: string, props: { title: string; warning?: number; adopt?: boolean }) {
  return new MonitorConfig(scope, id, {
    title: props.title,
    message: 'Checkout Lambda errors',
    signal: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout' } }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 10,
    warning: props.warning,
    backends: [MonitorBackend.cloudwatch({ adopt: props.adopt })],
  });
}

function validationError(build: () => unknown): any {
  try {
    build();
  } catch (e) {
    expect(Errors.isValidationError(e)).toBe(true);
    return e;
  }
  throw new Error('expected a ValidationError');
}

describe('adopting existing objects: import blocks', () => {
  test('Datadog monitor: to = the datadog_monitor address, id = the export\'s numeric id', () => {
    const s = newStack();
    datadog(s);
    const m = DatadogMonitorImport.fromObject(s, 'Monitor', monitor(), { adopt: true });
    const json = synthStack(s);
    const name = Object.keys(json.resource.datadog_monitor)[0];
    expect(importOf(json, 'datadog_monitor')).toEqual({ to: `datadog_monitor.${name}`, id: '2081', provider: 'datadog' });
    expect(m.resource.terraformResourceType).toBe('datadog_monitor');
    // A numeric string (some exports carry one) is the same id.
    const t = newStack();
    datadog(t);
    DatadogMonitorImport.fromObject(t, 'Monitor', monitor({ id: '2081' }), { adopt: true });
    expect(importOf(synthStack(t), 'datadog_monitor').id).toBe('2081');
  });

  test('Datadog monitor of an integration asset: the id is read inside `definition`', () => {
    const s = newStack();
    datadog(s);
    DatadogMonitorImport.fromObject(s, 'Monitor', { version: 2, title: 'asset', definition: monitor({ id: 42 }) }, { adopt: true });
    expect(importOf(synthStack(s), 'datadog_monitor').id).toBe('42');
  });

  test('Datadog dashboard: to = the datadog_dashboard_json address, id = the export\'s dashboard id', () => {
    const s = newStack();
    datadog(s);
    DatadogDashboardImport.fromObject(s, 'Dashboard', ddDashboard(), { adopt: true });
    const json = synthStack(s);
    const name = Object.keys(json.resource.datadog_dashboard_json)[0];
    expect(importOf(json, 'datadog_dashboard_json')).toEqual({ to: `datadog_dashboard_json.${name}`, id: 'sv7-gm9-xyz', provider: 'datadog' });
    // The read-only id stays out of the dashboard JSON.
    expect(JSON.parse(json.resource.datadog_dashboard_json[name].dashboard).id).toBeUndefined();
  });

  test('Grafana dashboard: to = the grafana_dashboard address, id = the export\'s uid', () => {
    const s = newStack();
    grafana(s);
    GrafanaDashboardImport.fromObject(s, 'Dashboard', gfDashboard(), { adopt: true });
    const json = synthStack(s);
    const name = Object.keys(json.resource.grafana_dashboard)[0];
    expect(importOf(json, 'grafana_dashboard')).toEqual({ to: `grafana_dashboard.${name}`, id: 'checkout-overview', provider: 'grafana' });
    // The API answer { dashboard, meta } works the same, and a `uid` equal to the export's is fine.
    const t = newStack();
    grafana(t);
    GrafanaDashboardImport.fromObject(t, 'Dashboard', { dashboard: gfDashboard(), meta: { slug: 'x' } }, { adopt: true, uid: 'checkout-overview' });
    expect(importOf(synthStack(t), 'grafana_dashboard').id).toBe('checkout-overview');
  });

  test('Grafana folder: id = the folder uid', () => {
    const s = newStack();
    grafana(s);
    new GrafanaFolder(s, 'Folder', { title: 'Payments', uid: 'payments', adopt: true });
    const json = synthStack(s);
    const name = Object.keys(json.resource.grafana_folder)[0];
    expect(importOf(json, 'grafana_folder')).toEqual({ to: `grafana_folder.${name}`, id: 'payments', provider: 'grafana' });
  });

  test('CloudWatch: the critical and the warning alarm are adopted by alarm name', () => {
    const s = newStack();
    new AwsConnection(s, 'Aws', { region: 'eu-west-1', testConnection: false });
    alarmMonitor(s, 'Errors', { title: 'checkout errors', warning: 5, adopt: true });
    const json = synthStack(s);
    const alarms = json.resource.aws_cloudwatch_metric_alarm;
    const byName = (n: string) => Object.keys(alarms).find((k) => alarms[k].alarm_name === n)!;
    expect(json.import).toEqual(expect.arrayContaining([
      { to: `aws_cloudwatch_metric_alarm.${byName('checkout errors')}`, id: 'checkout errors', provider: 'aws' },
      { to: `aws_cloudwatch_metric_alarm.${byName('checkout errors (warning)')}`, id: 'checkout errors (warning)', provider: 'aws' },
    ]));
    expect(json.import).toHaveLength(2);
  });

  test('without adopt (the default) nothing is imported', () => {
    const s = newStack();
    datadog(s);
    grafana(s);
    new AwsConnection(s, 'Aws', { region: 'eu-west-1', testConnection: false });
    DatadogMonitorImport.fromObject(s, 'Monitor', monitor());
    DatadogDashboardImport.fromObject(s, 'DdDashboard', ddDashboard());
    GrafanaDashboardImport.fromObject(s, 'GfDashboard', gfDashboard());
    new GrafanaFolder(s, 'Folder', { title: 'Payments', uid: 'payments' });
    alarmMonitor(s, 'Errors', { title: 'checkout errors', warning: 5 });
    expect(synthStack(s).import).toBeUndefined();
  });
});

describe('adopting existing objects: bad ids', () => {
  test.each([
    ['missing', undefined],
    ['zero', 0],
    ['negative', -5],
    ['fractional', 12.5],
    ['non-numeric string', 'abc'],
    ['an object', { id: 1 }],
  ])('Datadog monitor id %s: a ValidationError naming the JSON path, value and format', (_label, id) => {
    const s = newStack();
    datadog(s);
    const e = validationError(() => DatadogMonitorImport.fromObject(s, 'Monitor', monitor({ id }), { adopt: true }));
    expect(e.prop).toBe('monitor.id');
    expect(e.accepted).toContain('the numeric id of the existing monitor (a positive whole number, e.g. 2081)');
    expect(e.message).toContain(`received ${id === undefined ? 'undefined' : JSON.stringify(id)}`);
  });

  test('Datadog monitor of an integration asset without id: the path names `definition.id`', () => {
    const s = newStack();
    datadog(s);
    const e = validationError(() => DatadogMonitorImport.fromObject(s, 'Monitor', { version: 2, definition: monitor({ id: undefined }) }, { adopt: true }));
    expect(e.prop).toBe('monitor.definition.id');
  });

  test.each([
    ['missing', undefined],
    ['numeric', 1234],
    ['upper case', 'SV7-GM9-XYZ'],
    ['wrong groups', 'sv7-gm9'],
    ['a URL', 'https://app.datadoghq.com/dashboard/sv7-gm9-xyz'],
  ])('Datadog dashboard id %s: a ValidationError', (_label, id) => {
    const s = newStack();
    datadog(s);
    const e = validationError(() => DatadogDashboardImport.fromObject(s, 'Dashboard', ddDashboard({ id }), { adopt: true }));
    expect(e.prop).toBe('dashboard.id');
    expect(e.accepted).toContain('"abc-def-ghi"');
  });

  test('Grafana dashboard without uid, or with a uid prop other than the export\'s: a ValidationError', () => {
    const s = newStack();
    grafana(s);
    const missing = validationError(() => GrafanaDashboardImport.fromObject(s, 'A', gfDashboard({ uid: undefined }), { adopt: true }));
    expect(missing.prop).toBe('dashboard.uid');
    expect(missing.accepted).toContain('the uid of the existing dashboard');
    const nested = validationError(() => GrafanaDashboardImport.fromObject(s, 'B', { dashboard: gfDashboard({ uid: '' }), meta: {} }, { adopt: true }));
    expect(nested.prop).toBe('dashboard.dashboard.uid');
    const other = validationError(() => GrafanaDashboardImport.fromObject(s, 'C', gfDashboard(), { adopt: true, uid: 'another' }));
    expect(other.prop).toBe('uid');
    expect(other.accepted).toContain('"checkout-overview"');
  });

  test('Grafana folder adopted without an explicit uid, or adopt not a boolean: a ValidationError', () => {
    const s = newStack();
    grafana(s);
    datadog(s);
    expect(validationError(() => new GrafanaFolder(s, 'A', { title: 'Payments', adopt: true })).prop).toBe('uid');
    expect(validationError(() => new GrafanaFolder(s, 'B', { title: 'Payments', uid: 'p', adopt: 'yes' as any })).prop).toBe('adopt');
    expect(validationError(() => DatadogMonitorImport.fromObject(s, 'M', monitor(), { adopt: 1 as any })).prop).toBe('adopt');
  });
});

describe('adopting existing objects: one adoption per object and stack', () => {
  test('two importers adopting the same Datadog monitor: a ValidationError naming the first', () => {
    const s = newStack();
    datadog(s);
    DatadogMonitorImport.fromObject(s, 'First', monitor(), { adopt: true });
    const e = validationError(() => DatadogMonitorImport.fromObject(s, 'Second', monitor({ name: 'copy' }), { adopt: true }));
    expect(e.constructPath).toBe('test/Second');
    expect(e.prop).toBe('monitor.id');
    expect(e.accepted).toContain('datadog_monitor with import id "2081" is already adopted by test/First/Resource');
  });

  test('same uid for a Grafana dashboard twice fails; a folder with that uid is another type and is fine', () => {
    const s = newStack();
    grafana(s);
    GrafanaDashboardImport.fromObject(s, 'First', gfDashboard(), { adopt: true });
    new GrafanaFolder(s, 'Folder', { title: 'Checkout', uid: 'checkout-overview', adopt: true });
    expect(validationError(() => GrafanaDashboardImport.fromObject(s, 'Second', gfDashboard(), { adopt: true, overwrite: true })).accepted)
      .toContain('grafana_dashboard with import id "checkout-overview" is already adopted by test/First/Resource');
  });

  test('two Datadog dashboards and two folders with the same id fail', () => {
    const s = newStack();
    datadog(s);
    grafana(s);
    DatadogDashboardImport.fromObject(s, 'A', ddDashboard(), { adopt: true });
    expect(() => DatadogDashboardImport.fromObject(s, 'B', ddDashboard(), { adopt: true })).toThrow(/already adopted by test\/A\/Resource/);
    new GrafanaFolder(s, 'F1', { title: 'One', uid: 'shared', adopt: true });
    expect(() => new GrafanaFolder(s, 'F2', { title: 'Two', uid: 'shared', adopt: true })).toThrow(/grafana_folder with import id "shared" is already adopted by test\/F1\/Resource/);
  });

  test('the same monitor adopted through two Datadog organizations (connections) is two objects', () => {
    const s = newStack();
    const a = datadog(s, 'DatadogA', 'a');
    const b = datadog(s, 'DatadogB', 'b');
    DatadogMonitorImport.fromObject(s, 'A', monitor(), { adopt: true, connection: a });
    DatadogMonitorImport.fromObject(s, 'B', monitor(), { adopt: true, connection: b });
    expect(synthStack(s).import.map((x: any) => x.provider).sort()).toEqual(['datadog.a', 'datadog.b']);
  });

  test('the same id in two stacks is fine (one adoption per stack)', () => {
    const s = newStack();
    datadog(s);
    DatadogMonitorImport.fromObject(s, 'A', monitor(), { adopt: true });
    const t = newStack();
    datadog(t);
    expect(() => DatadogMonitorImport.fromObject(t, 'A', monitor(), { adopt: true })).not.toThrow();
  });
});

describe('adopting existing objects: terraform validate over the AWS part', () => {
  let validator: TerraformValidator;
  beforeAll(() => {
    validator = new TerraformValidator();
  });
  afterAll(() => validator?.dispose());

  test('an adopted CloudWatch alarm: the import blocks are kept and accepted; broken import blocks are rejected', () => {
    const s = newStack();
    new AwsConnection(s, 'Aws', { region: 'eu-west-1', testConnection: false });
    datadog(s);
    alarmMonitor(s, 'Errors', { title: 'checkout errors', warning: 5, adopt: true });
    DatadogMonitorImport.fromObject(s, 'Monitor', monitor(), { adopt: true });
    // An alarm of an aliased provider: the import block names the same provider as the resource.
    // The same alarm name in another account and region is another object.
    const east = new AwsConnection(s, 'AwsEast', { region: 'us-east-1', alias: 'east', testConnection: false });
    new MonitorConfig(s, 'EastErrors', {
      title: 'checkout errors',
      message: 'Checkout Lambda errors in us-east-1',
      signal: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout' } }),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 10,
      backends: [MonitorBackend.cloudwatch({ adopt: true, connection: east })],
    });
    const json = synthStack(s);
    const part = awsPart(json)!;
    // The Datadog import block goes with the Datadog resources; the AWS ones stay.
    expect(part.json.import).toHaveLength(3);
    expect(part.json.import.every((b: any) => b.to.startsWith('aws_cloudwatch_metric_alarm.'))).toBe(true);
    expect(part.json.import.map((b: any) => b.provider).sort()).toEqual(['aws', 'aws', 'aws.east']);
    const result = validator.validate(part.json);
    expect(result.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(result.valid).toBe(true);

    // Negative controls, the same configuration with one import block changed: Terraform rejects
    // a second import block into the same resource (what adopting an object twice would write
    // without the library's own check), an import into a data source, and a `provider` that is
    // not the resource's.
    const [first, second] = part.json.import;
    const rejects = (blocks: any[], message: RegExp) => {
      const r = validator.validate({ ...part.json, import: blocks });
      expect(r.valid).toBe(false);
      expect(r.diagnostics.join('\n')).toMatch(message);
    };
    rejects([first, second, { ...first, id: 'another alarm' }], /Duplicate import configuration for "aws_cloudwatch_metric_alarm\./);
    rejects([first, { ...second, to: `data.${second.to}` }], /Invalid import address/);
    rejects([first, { ...second, provider: 'aws.elsewhere' }], /Invalid import provider argument/);
    // What `terraform validate` does not reject: an import block whose `to` names a resource the
    // configuration does not declare is the config-generation form of Terraform 1.5+
    // (`terraform plan -generate-config-out`); only a plan without that flag refuses it.
    expect(validator.validate({ ...part.json, import: [first, second, { to: 'aws_cloudwatch_metric_alarm.not_declared', id: 'other alarm' }] }).valid).toBe(true);
  });
});
