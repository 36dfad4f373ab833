/**
 * Preset groups on dashboards: `MonitorGroup.widgets()` and `dashboardRows()`, and
 * `Dashboard.fromMonitors({ groups })`, next to plain monitors.
 */
import { Construct } from 'constructs';
import { allBackends, presetStack, validationError } from './support';
import {
  AwsService, ComparisonOperator, Dashboard, DashboardBackend, IMonitorGroup, MarkerLevel,
  MonitorBackend, MonitorConfig, MonitorGroup, MonitorPresets, Signal, Widget, WidgetKind,
} from '../../src';
import { GrafanaFolder } from '../../src/grafana/grafana-folder';
import { errorCount } from '../../src/presets/private/categories';
import { synth } from '../dashboards/support';

const dashboardBackends = (folder: GrafanaFolder) => [
  DashboardBackend.datadog(), DashboardBackend.grafana({ folder, datasourceUid: 'prom', cloudWatchDatasourceUid: 'cloudwatch' }), DashboardBackend.cloudwatch(),
];

function setup() {
  const stack = presetStack();
  const folder = new GrafanaFolder(stack, 'Folder', { title: 'Checkout' });
  const lambda = MonitorPresets.lambdaFunction(stack, 'Checkout', { functionName: 'checkout', maxErrors: 5, maxDurationP99Ms: 2400, backends: allBackends() });
  const queue = MonitorPresets.sqsQueue(stack, 'Orders', { queueName: 'orders', maxAgeOfOldestMessageSeconds: 600, backends: allBackends() });
  return { stack, folder, lambda, queue };
}

/** A plain monitor of the checkout function's invocations. */
function invocations(scope: Construct, id = 'Invocations') {
  return new MonitorConfig(scope, id, {
    title: 'checkout invocations',
    message: 'Checkout is not invoked.',
    signal: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Invocations'),
    comparison: ComparisonOperator.LESS_THAN,
    critical: 1,
    backends: allBackends(),
  });
}

describe('MonitorGroup widgets', () => {
  test('one time series per monitor: its signal, period and thresholds, titled like it, sharing the 24 columns', () => {
    const { lambda } = setup();
    const widgets = lambda.widgets();
    expect(widgets.map((w) => [w.kind, w.title, w.width, w.period])).toEqual([
      [WidgetKind.TIME_SERIES, 'checkout: Lambda errors', 8, 300],
      [WidgetKind.TIME_SERIES, 'checkout: Lambda throttles', 8, 300],
      [WidgetKind.TIME_SERIES, 'checkout: Lambda p99 duration', 8, 300],
    ]);
    expect(widgets.map((w) => w.signals)).toEqual(lambda.monitors.map((m) => [m.signal]));
    expect(widgets[2].signals[0].cloudWatchMetricProps!.statistic!.name).toBe('p99');
    expect(widgets[0].thresholds.map((t) => [t.value, t.level, t.label])).toEqual([[5, MarkerLevel.CRITICAL, 'checkout: Lambda errors: critical > 5']]);
    expect(widgets.map((w) => w.id)).toEqual([undefined, undefined, undefined]);
  });

  test('widths by number of monitors: 2 → 12, 4 → 6; the unhealthy-host chart keeps its 1-minute period', () => {
    const stack = presetStack();
    const ddb = MonitorPresets.dynamoDbTable(stack, 'Carts', { tableName: 'carts', backends: allBackends() });
    const alb = MonitorPresets.applicationLoadBalancer(stack, 'Web', {
      loadBalancer: 'app/web/50dc6c495c0c9188', targetGroup: 'targetgroup/web/6d0ecf831eec9f09', maxTarget5xx: 1, maxResponseTimeP99Seconds: 1, backends: allBackends(),
    });
    expect(ddb.widgets().map((w) => w.width)).toEqual([12, 12]);
    expect(alb.widgets().map((w) => [w.width, w.period])).toEqual([[6, 300], [6, 300], [6, 300], [6, 60]]);
  });

  test('five monitors or more: six columns each, wrapping onto a second line', () => {
    const g = new MonitorGroup(presetStack(), 'Five');
    g._configure('Five', { backends: [MonitorBackend.cloudwatch()] });
    for (let i = 0; i < 5; i++) {
      errorCount(g, {
        id: `E${i}`,
        prop: 'max',
        value: i,
        metric: (statistic) => Signal.cloudWatchMetric({ namespace: 'Test', metricName: `E${i}`, statistic }),
        text: () => ({ title: `errors ${i}`, message: 'errors' }),
      });
    }
    expect(g.widgets().map((w) => w.width)).toEqual([6, 6, 6, 6, 6]);
  });

  test('a RDS free-storage chart marks its "below" threshold', () => {
    const stack = presetStack();
    const rds = MonitorPresets.rdsInstance(stack, 'Db', { dbInstanceIdentifier: 'orders-db', maxCpuPercent: 90, minFreeStorageBytes: 1e9, backends: allBackends() });
    expect(rds.widgets()[1].thresholds.map((t) => t.label)).toEqual(['orders-db: RDS free storage: critical < 1000000000']);
  });

  test('dashboardRows(): one row titled after the resource', () => {
    const { lambda, queue } = setup();
    expect(lambda.title).toBe('Lambda function checkout');
    expect(queue.title).toBe('SQS queue orders');
    const rows = lambda.dashboardRows();
    expect(rows.map((r) => [r.title, r.widgets!.length])).toEqual([['Lambda function checkout', 3]]);
    const stack = presetStack();
    expect([
      MonitorPresets.applicationLoadBalancer(stack, 'A', { loadBalancer: 'app/web/50dc6c495c0c9188', maxTarget5xx: 1, maxResponseTimeP99Seconds: 1, backends: allBackends() }).title,
      MonitorPresets.rdsInstance(stack, 'R', { dbInstanceIdentifier: 'db1', maxCpuPercent: 80, minFreeStorageBytes: 1, backends: allBackends() }).title,
      MonitorPresets.dynamoDbTable(stack, 'D', { tableName: 'carts', backends: allBackends() }).title,
      MonitorPresets.ecsService(stack, 'E', { clusterName: 'prod', serviceName: 'api', maxCpuPercent: 80, maxMemoryPercent: 80, backends: allBackends() }).title,
    ]).toEqual(['ALB web', 'RDS instance db1', 'DynamoDB table carts', 'ECS service prod/api']);
  });

  test('an empty group: no widgets, titled by its id', () => {
    const g = new MonitorGroup(presetStack(), 'Empty');
    expect(g.widgets()).toEqual([]);
    expect(g.title).toBe('Empty');
  });
});

describe('Dashboard.fromMonitors with groups', () => {
  test('each group\'s row, then the plain monitors\' signal rows, then the alert status of all', () => {
    const { stack, folder, lambda, queue } = setup();
    const plain = invocations(stack);
    const d = Dashboard.fromMonitors(stack, 'Dash', { title: 'Checkout', groups: [lambda, queue], monitors: [plain], backends: dashboardBackends(folder) });
    expect(d.widgetIds).toEqual([
      'checkout-lambda-errors', 'checkout-lambda-throttles', 'checkout-lambda-p99-duration', 'orders-oldest-message-age', 'signal-1', 'alert-status',
    ]);
    const paths = (ms: MonitorConfig[]) => ms.map((m) => m.node.path);
    expect(paths(d.widget('alert-status').monitors)).toEqual(paths([...lambda.monitors, ...queue.monitors, plain]));
    const { datadog, grafana, cloudwatch } = synth(stack);
    expect(datadog.widgets.map((w: any) => w.definition.title)).toEqual(['Lambda function checkout', 'SQS queue orders', 'checkout invocations', 'Alert status']);
    expect(datadog.widgets[0].definition.widgets.map((w: any) => w.definition.title)).toEqual(
      ['checkout: Lambda errors', 'checkout: Lambda throttles', 'checkout: Lambda p99 duration']);
    expect(datadog.widgets[0].definition.widgets[2].definition.requests).toEqual([{ q: 'avg:aws.lambda.duration.p99{functionname:checkout}', display_type: 'line' }]);
    expect(datadog.widgets[0].definition.widgets[0].definition.markers).toEqual([{ value: 'y = 5', display_type: 'error dashed', label: 'checkout: Lambda errors: critical > 5' }]);
    expect(grafana.panels.filter((p: any) => p.type === 'row').map((p: any) => p.title)).toEqual(['Lambda function checkout', 'SQS queue orders', 'checkout invocations', 'Alert status']);
    expect(grafana.panels.filter((p: any) => p.type === 'timeseries').map((p: any) => p.gridPos.w)).toEqual([8, 8, 8, 24, 24]);
    const metrics = cloudwatch.widgets.filter((w: any) => w.type === 'metric');
    expect(metrics.map((w: any) => [w.width, w.properties.title])).toEqual([
      [8, 'checkout: Lambda errors'], [8, 'checkout: Lambda throttles'], [8, 'checkout: Lambda p99 duration'], [24, 'orders: oldest message age'], [24, 'CloudWatch metric AWS/Lambda/Invocations'],
    ]);
    expect(metrics[0].properties.annotations.horizontal.map((h: any) => h.value)).toEqual([5]);
    expect(cloudwatch.widgets.find((w: any) => w.type === 'alarm').properties.alarms).toHaveLength(5);
  });

  test('groups alone; a monitor also listed in monitors is drawn with its group only', () => {
    const { stack, folder, lambda } = setup();
    const d = Dashboard.fromMonitors(stack, 'Dash', { title: 'Checkout', groups: [lambda], monitors: [lambda.monitor('Errors')], backends: [DashboardBackend.datadog()] });
    expect(d.widgetIds).toEqual(['checkout-lambda-errors', 'checkout-lambda-throttles', 'checkout-lambda-p99-duration', 'alert-status']);
    expect(d.widget('alert-status').monitors.map((m) => m.node.path)).toEqual(['test/Checkout/Errors', 'test/Checkout/Throttles', 'test/Checkout/DurationP99']);
    const alone = Dashboard.fromMonitors(stack, 'Alone', { title: 'Alone', groups: [lambda], backends: dashboardBackends(folder) });
    expect(alone.widgetIds).toHaveLength(4);
  });

  test('preset monitors given as plain monitors keep today\'s rows: one per distinct signal', () => {
    const { stack, lambda, queue } = setup();
    const d = Dashboard.fromMonitors(stack, 'Dash', { title: 'Checkout', monitors: [...lambda.monitors, ...queue.monitors], backends: [DashboardBackend.datadog()] });
    expect(d.widgetIds).toEqual(['signal-1', 'signal-2', 'signal-3', 'signal-4', 'alert-status']);
    const { datadog } = synth(stack);
    expect(datadog.widgets.map((w: any) => w.definition.title)).toEqual([
      'checkout: Lambda errors', 'checkout: Lambda throttles', 'checkout: Lambda p99 duration', 'orders: oldest message age', 'Alert status',
    ]);
  });

  test('two groups with the same row title get distinct rows', () => {
    const { stack, lambda } = setup();
    const other = MonitorPresets.lambdaFunction(new Construct(stack, 'Eu'), 'Checkout', { functionName: 'checkout', maxErrors: 1, maxDurationP99Ms: 1, titlePrefix: 'eu', backends: allBackends() });
    Dashboard.fromMonitors(stack, 'Dash', { title: 'Checkout', groups: [lambda, other], backends: [DashboardBackend.datadog()] });
    const { datadog } = synth(stack);
    expect(datadog.widgets.map((w: any) => [w.definition.title, w.definition.widgets.length])).toEqual([
      ['Lambda function checkout', 3], ['Lambda function checkout (2)', 3], ['Alert status', 1],
    ]);
  });

  test('a group\'s widget does not take the ids of the signal rows and the alert status', () => {
    const { stack, lambda } = setup();
    const custom: IMonitorGroup = {
      monitors: lambda.monitors,
      dashboardRows: () => [{
        title: 'Custom',
        widgets: [
          Widget.text({ title: 'Alert status', markdown: 'read me' }),
          Widget.text({ title: 'Signal 1', markdown: 'and me' }),
        ],
      }],
    };
    const d = Dashboard.fromMonitors(stack, 'Dash', { title: 'Checkout', groups: [custom], monitors: [invocations(stack)], backends: [DashboardBackend.datadog()] });
    expect(d.widgetIds).toEqual(['alert-status-2', 'signal-1-2', 'signal-1', 'alert-status']);
  });

  test.each<[string, (s: any, lambda: MonitorGroup) => any, { prop: string; received: string; accepted: string }]>([
    ['groups that are not a list', (s) => ({ groups: 'all', monitors: [invocations(s)] }),
      { prop: 'groups', received: '"all"', accepted: 'a list of IMonitorGroup (what MonitorPresets methods return)' }],
    ['a group that is not an IMonitorGroup', () => ({ groups: [{ monitors: 'x' }] }),
      { prop: 'groups[0]', received: '{"monitors":"x"}', accepted: 'an IMonitorGroup (what MonitorPresets methods return)' }],
    ['a group with something else than a monitor', () => ({ groups: [{ monitors: [42], dashboardRows: () => [] }] }),
      { prop: 'groups[0].monitors[0]', received: '42', accepted: 'a MonitorConfig' }],
    ['neither monitors nor groups', () => ({}),
      { prop: 'monitors', received: 'undefined', accepted: 'a non-empty list of MonitorConfig' }],
    ['only an empty group', (s) => ({ groups: [new MonitorGroup(s, 'Empty')], monitors: [] }),
      { prop: 'monitors', received: '[]', accepted: 'a non-empty list of MonitorConfig' }],
  ])('%s', (_name, props, expected) => {
    const { stack, lambda } = setup();
    const e = validationError(() => Dashboard.fromMonitors(stack, 'Dash', { title: 'Checkout', backends: [DashboardBackend.datadog()], ...props(stack, lambda) }));
    expect(e).toEqual({ constructPath: 'test/Dash', ...expected, message: `test/Dash: '${expected.prop}' must be ${expected.accepted}; received ${expected.received}` });
  });

  test('the alert status of a group rendered to Datadog only cannot be drawn on a CloudWatch dashboard: the error names the monitor', () => {
    const stack = presetStack();
    const ddOnly = MonitorPresets.dynamoDbTable(stack, 'Carts', { tableName: 'carts', backends: [MonitorBackend.datadog()] });
    const e = validationError(() => {
      Dashboard.fromMonitors(stack, 'Dash', { title: 'Carts', groups: [ddOnly], backends: [DashboardBackend.cloudwatch()] });
      synth(stack);
    });
    expect(e).toMatchObject({ constructPath: 'test/Dash', prop: 'rows[1].widgets[0].monitors[0]', received: '"test/Carts/ReadThrottles"' });
  });
});
