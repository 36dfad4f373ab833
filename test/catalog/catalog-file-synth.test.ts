/** Catalog files end to end: read, rendered by MonitorCatalog, synthesized. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { catalogExample } from '../../examples/catalog/main';
import { MonitorBackend, MonitorCatalog, NotificationTarget } from '../../src';
import { CatalogValidationError } from '../../src/catalog/private/source';
import { connect } from '../monitors/fixtures';
import { checkResource } from '../support/datadog-api-contract';
import { resourcesOf } from '../support/datadog-corpus';
import { newStack, synthApp, synthStack } from '../support/synth';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-synth-'));
let n = 0;
function write(ext: string, text: string): string {
  const file = path.join(dir, `c${++n}.${ext}`);
  fs.writeFileSync(file, text);
  return file;
}

function setup() {
  const stack = newStack();
  connect(stack);
  const backends = {
    datadog: MonitorBackend.datadog(),
    cloudwatch: MonitorBackend.cloudwatch(),
    grafana: MonitorBackend.grafana({ datasourceUid: 'prometheus', cloudWatchDatasourceUid: 'cloudwatch' }),
  };
  const targets = { team: NotificationTarget.email({ address: 'team@example.com', id: 'team' }) };
  return { stack, backends, targets };
}

const YAML = `defaults:
  backends: [datadog, cloudwatch, grafana]
  targets: [team]
services:
  checkout:
    monitors:
      - id: checkout.errors
        title: "checkout: errors"
        message: The checkout function fails.
        signal:
          aws: { service: LAMBDA, resource: checkout, metric: Errors }
        comparison: ">"
        critical: 10
        warning: 3
        period: 1m
        window: 5m
monitors:
  - id: web.latency
    title: "web: latency"
    message: Slow.
    signal: { datadog: "avg:trace.http.request.duration{service:web}" }
    comparison: ">"
    critical: 2
    backends: [datadog]
`;

test('a YAML catalog synthesizes one resource per backend keyed by monitor id', () => {
  const { stack, backends, targets } = setup();
  const catalog = MonitorCatalog.fromFile(stack, 'Shop', { file: write('yaml', YAML), backends, targets });
  expect(catalog.monitors.map((m) => m.id)).toEqual(['checkout.errors', 'web.latency']);
  const json = synthStack(stack);
  const monitors = Object.values<any>(json.resource.datadog_monitor);
  expect(monitors).toHaveLength(1);
  expect(Object.keys(monitors[0].for_each).sort()).toEqual(['checkout.errors', 'web.latency']);
  const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
  const alarmKeys = alarms.flatMap((a) => Object.keys(a.for_each));
  expect(alarmKeys).toEqual(expect.arrayContaining(['checkout.errors']));
  expect(alarmKeys).not.toContain('web.latency');
  expect(json.resource.grafana_rule_group).toBeDefined();
  expect(JSON.stringify(json.resource.grafana_rule_group)).toContain('checkout: errors');
  expect(JSON.stringify(json.resource.grafana_rule_group)).not.toContain('web: latency');
});

test('a CSV catalog synthesizes the same way', () => {
  const { stack, backends, targets } = setup();
  const file = write('csv', 'id,title,message,aws_service,resource,metric,comparison,critical,backends\nq.age,Queue age,Old,SQS,orders,ApproximateAgeOfOldestMessage,>,600,cloudwatch;datadog\n');
  MonitorCatalog.fromFile(stack, 'Csv', { file, backends, targets, defaults: { targets: ['team'] } });
  const json = synthStack(stack);
  expect(Object.keys(Object.values<any>(json.resource.datadog_monitor)[0].for_each)).toEqual(['q.age']);
  expect(Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).flatMap((a) => Object.keys(a.for_each))).toContain('q.age');
});

test('what the renderer refuses names the file, line and column: a threshold on the wrong side, a signal a backend cannot evaluate', () => {
  const { stack, backends, targets } = setup();
  const file = write('yaml', YAML.replace('warning: 3', 'warning: 30').replace('backends: [datadog]', 'backends: [cloudwatch]'));
  let error: any;
  try {
    MonitorCatalog.fromFile(stack, 'Shop', { file, backends, targets });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CatalogValidationError);
  const lines: string[] = error.message.split('\n').slice(1).map((l: string) => l.trim());
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe(`${file}:14:18: 'services.checkout.monitors[0].warning' must be below critical (10) for the comparison >; received 30`);
  expect(lines[1]).toBe(`${file}:21:13: 'monitors[0].signal' must be a signal the CloudWatch backend can evaluate (a CloudWatch metric or metric-math expression); CloudWatch cannot evaluate a DATADOG_QUERY; received "Datadog query \\"avg:trace.http.request.duration{service:web}\\""`);
});

test('CSV: the renderer\'s problems name the row\'s line and the column of the field', () => {
  const { stack, backends, targets } = setup();
  const file = write('csv', 'id,title,message,promql,comparison,critical,warning,backends\nup,Up,Down,up,<,1,0,grafana\n');
  expect(() => MonitorCatalog.fromFile(stack, 'Csv', { file, backends, targets }))
    .toThrow(`${file}:2:19: 'row 2, warning' must be above critical (1) for the comparison <; received 0`);
});

test('examples/catalog synthesizes: 51 monitors of the YAML catalog, 8 of the CSV catalog, 2 SLOs', () => {
  const out = synthApp((app) => catalogExample(app));
  const json = out.stacks.catalog;
  const keys = (type: string) => new Set(Object.values<any>(json.resource[type] ?? {}).flatMap((r) => Object.keys(r.for_each ?? {})));
  const datadog = keys('datadog_monitor');
  const cloudwatch = keys('aws_cloudwatch_metric_alarm');
  expect(datadog.has('web.latency')).toBe(true);
  expect(cloudwatch.has('web.latency')).toBe(false);
  expect(cloudwatch.has('checkout-api.errors')).toBe(true);
  expect(cloudwatch.has('ledger.dlq')).toBe(true);
  expect(datadog.has('ledger.dlq')).toBe(false);
  expect(Object.keys(json.resource.datadog_service_level_objective)).toHaveLength(1);
  expect(Object.keys(json.resource.datadog_dashboard_json)).toHaveLength(2);
  expect(Object.keys(json.resource.grafana_dashboard)).toHaveLength(2);
  const rules = JSON.stringify(json.resource.grafana_rule_group);
  expect(rules).toContain('search: error rate');
  expect(rules).not.toContain('ledger: errors');
});

test('the Datadog API contract check sees each for_each instance of a catalog', () => {
  const { stack, backends, targets } = setup();
  MonitorCatalog.fromFile(stack, 'Shop', { file: write('yaml', YAML), backends, targets });
  const instances = resourcesOf(synthStack(stack), 'datadog_monitor');
  expect(instances.map(([address]) => address.replace(/\.[^.[]+\[/, '.X['))).toEqual(['datadog_monitor.X["checkout.errors"]', 'datadog_monitor.X["web.latency"]']);
  for (const [, body] of instances) {
    expect(body.for_each).toBeUndefined();
    expect(Array.isArray(body.tags)).toBe(true);
    expect(checkResource('datadog_monitor', body)).toEqual([]);
  }
  expect(checkResource('datadog_monitor', { ...instances[0][1], type: 'metric-alert' }).length).toBeGreaterThan(0);
});
