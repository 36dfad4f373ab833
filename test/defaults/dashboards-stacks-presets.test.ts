/**
 * Every documented default of the dashboards, the Grafana policy, folder and importer, the
 * presets and the template stacks: synthesized with the prop omitted, the rendered value is
 * asserted.
 */
import { App, Testing } from 'cdktf';
import { all, connected, one } from './support';
import {
  AwsMetricsToDatadogStack, Dashboard, DashboardBackend, GrafanaDashboardImport, GrafanaFolder, GrafanaNotificationPolicy, ImportSource,
  MatchOperator, MarkerLevel, ThresholdMarker, GrafanaDataSource, DatadogExport, MonitorConfig, ComparisonOperator, GitHubRepositoryStack,
  MonitorBackend, MonitorPresets, ServiceBackend, ServiceMonitoringStack, Signal, Widget,
} from '../../src';
import { newStack, synthStack } from '../support/synth';

describe('Dashboard', () => {
  const stack = newStack();
  connected(stack);
  new Dashboard(stack, 'D', {
    title: 'Checkout',
    backends: [DashboardBackend.grafana({ datasourceUid: 'prom' })],
    rows: [{ title: 'Overview', widgets: [Widget.topList({ title: 'top', signal: Signal.promQl({ query: 'up' }) } as any)] }],
  });
  const json = synthStack(stack);
  const grafana = JSON.parse(one(json, 'grafana_dashboard').config_json);
  test('DashboardOptions.timeRange @default TimeRange.hours(3)', () => {
    expect(grafana.time).toEqual({ from: 'now-3h', to: 'now' });
  });
  test('DashboardRow.collapsed @default false', () => {
    const row = grafana.panels.find((p: any) => p.type === 'row');
    expect(row.collapsed).toBe(false);
  });
  test('TopListWidgetProps.limit @default 10', () => {
    expect(JSON.stringify(grafana)).toMatch(/topk\(10,|"limit":10/);
  });
});

describe('Grafana policy, folder and importer', () => {
  const stack = newStack();
  connected(stack);
  const policy = new GrafanaNotificationPolicy(stack, 'Policy', {});
  policy.addRoute({ contactPoint: 'ops', matchers: [{ label: 'team', match: MatchOperator.EQUAL, value: 'ops' }] });
  new GrafanaFolder(stack, 'Folder', { title: 'Checkout' });
  new GrafanaDashboardImport(stack, 'Imp', { source: ImportSource.fromObject({ title: 'Imported', panels: [] }) });
  const json = synthStack(stack);
  const p = one(json, 'grafana_notification_policy');
  test('GrafanaNotificationPolicyProps.defaultContactPoint @default "grafana-default-email"', () => {
    expect(p.contact_point).toBe('grafana-default-email');
  });
  test('GrafanaNotificationPolicyProps.groupBy @default ["grafana_folder", "alertname"]', () => {
    expect(p.group_by).toEqual(['grafana_folder', 'alertname']);
  });
  test('GrafanaNotificationPolicyProps.repeatInterval @default "4h"', () => {
    expect(p.repeat_interval).toBe('4h');
  });
  test('GrafanaRoute.continueMatching @default true', () => {
    expect(p.policy[0].continue).toBe(true);
  });
  test('GrafanaFolderProps.preventDestroyIfNotEmpty @default true', () => {
    expect(all(json, 'grafana_folder').find((f) => f.title === 'Checkout').prevent_destroy_if_not_empty).toBe(true);
  });
  test('GrafanaDashboardImportOptions.overwrite @default false', () => {
    expect(one(json, 'grafana_dashboard').overwrite ?? false).toBe(false);
  });
  test('GrafanaFolderProps.adopt and GrafanaDashboardImportOptions.adopt @default false: no import block', () => {
    expect(json.import).toBeUndefined();
  });
});

describe('presets', () => {
  const stack = newStack();
  connected(stack);
  MonitorPresets.lambdaFunction(stack, 'Fn', { functionName: 'checkout', maxErrors: 5, maxDurationP99Ms: 2000, backends: [MonitorBackend.cloudwatch()] });
  MonitorPresets.dynamoDbTable(stack, 'Table', { tableName: 'orders', backends: [MonitorBackend.cloudwatch()] } as any);
  const alarms = all(synthStack(stack), 'aws_cloudwatch_metric_alarm');
  const alarm = (metric: string) => alarms.find((a) => a.metric_name === metric || JSON.stringify(a.metric_query ?? '').includes(`"metric_name":"${metric}"`));
  test('LambdaMonitorsProps.maxThrottles @default 0', () => {
    expect(alarm('Throttles').threshold).toBe(0);
  });
  test('DynamoDbMonitorsProps.maxReadThrottleEvents @default 0 and maxWriteThrottleEvents @default 0', () => {
    expect(alarm('ReadThrottleEvents').threshold).toBe(0);
    expect(alarm('WriteThrottleEvents').threshold).toBe(0);
  });
  test('MonitorPresetOptions.severity @default Severity.SEV2', () => {
    for (const a of alarms) expect(a.tags.severity).toBe('sev2');
  });
});

describe('template stacks', () => {
  test('ServiceMonitoringStackProps: env @default "prod", severity @default Severity.SEV2, dashboard @default true; ServiceLambdaFunction, ServiceQueue thresholds', () => {
    const app = Testing.app({ stackTraces: false });
    new ServiceMonitoringStack(app, 's', {
      service: 'checkout',
      backends: [ServiceBackend.CLOUDWATCH],
      aws: { region: 'eu-west-1' },
      lambdaFunctions: [{ functionName: 'api' }],
      queues: [{ queueName: 'orders' }],
    });
    const json = JSON.parse(Testing.synth(app.node.findChild('s') as any, true));
    const alarms = all(json, 'aws_cloudwatch_metric_alarm');
    for (const a of alarms) expect(a.tags).toMatchObject({ env: 'prod', severity: 'sev2', service: 'checkout' });
    expect(all(json, 'aws_cloudwatch_dashboard')).toHaveLength(1);
    const byMetric = (m: string) => alarms.find((a) => a.metric_name === m || JSON.stringify(a.metric_query ?? '').includes(`"metric_name":"${m}"`));
    expect(byMetric('Errors').threshold).toBe(1);
    expect(byMetric('Duration').threshold).toBe(3000);
    expect(byMetric('ApproximateAgeOfOldestMessage').threshold).toBe(300);
  });
  test('AwsMetricsToDatadogStack: apiKeySecretName @default "datadog/api-key", exportInterval @default ONE_MINUTE, enabled @default true', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const stack = new AwsMetricsToDatadogStack(app, 'm', { accountId: '123456789012', regions: ['eu-west-1'] });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(JSON.stringify(json.data.aws_secretsmanager_secret_version)).toContain('"secret_id":"datadog/api-key"');
    expect(one(json, 'aws_kinesis_firehose_delivery_stream').http_endpoint_configuration.buffering_interval).toBe(60);
    expect(all(json, 'aws_cloudwatch_metric_stream')).toHaveLength(1);
  });
});

describe('more defaults', () => {
  test('ThresholdMarkerOptions.level @default MarkerLevel.CRITICAL', () => {
    expect(ThresholdMarker.line(5).level).toBe(MarkerLevel.CRITICAL);
    expect(ThresholdMarker.band(1, 2).level).toBe(MarkerLevel.CRITICAL);
  });
  test('AlertStatusWidgetProps.title @default "Alert status"', () => {
    expect(Widget.alertStatus({ monitors: [] }).title).toBe('Alert status');
  });
  test('RawWidgetProps.title @default "raw" (the id of an untitled raw widget)', () => {
    const stack = newStack();
    connected(stack);
    const raw = Widget.raw({ backend: 'datadog', definition: { type: 'note', content: 'x' } });
    const d = new Dashboard(stack, 'D', { title: 'T', backends: [DashboardBackend.datadog()], rows: [{ title: 'R', widgets: [raw] }] });
    expect(d.widgetIds).toEqual(['raw']);
  });
  test('PrometheusDataSourceOptions.scrapeInterval @default "15s" and GrafanaDataSourceOptions.isDefault @default false', () => {
    const stack = newStack();
    connected(stack);
    GrafanaDataSource.prometheus(stack, 'P', { name: 'prom', url: 'https://prom.example.com' });
    const ds = one(synthStack(stack), 'grafana_data_source');
    expect(JSON.parse(ds.json_data_encoded).timeInterval).toBe('15s');
    expect(ds.is_default).toBe(false);
  });
  test('DatadogExportProps.allowCustomNamespaces @default false', () => {
    const stack = newStack();
    const { aws } = connected(stack);
    void aws;
    expect(() => new DatadogExport(stack, 'E', { includeFilters: [{ namespace: 'Checkout' }] })).toThrow(/test\/E: 'includeFilters\[0\]\.namespace'/);
  });
  test('DatadogBackendOptions.id, CloudWatchBackendOptions.id, GrafanaBackendOptions.id and the DashboardOptions ids @default "Datadog", "CloudWatch", "Grafana"', () => {
    const stack = newStack();
    connected(stack);
    const m = new MonitorConfig(stack, 'M', {
      title: 'load',
      message: 'load',
      signal: Signal.cloudWatchMetric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' }),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 1,
      backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cw' })],
    });
    expect(m.renderings.map((r) => r.backend.id)).toEqual(['Datadog', 'CloudWatch', 'Grafana']);
    const d = new Dashboard(stack, 'D', {
      title: 'T', backends: [DashboardBackend.datadog(), DashboardBackend.cloudwatch(), DashboardBackend.grafana({ datasourceUid: 'cw' })],
    });
    expect(['Datadog', 'CloudWatch', 'Grafana'].map((id) => d.node.tryFindChild(id) !== undefined)).toEqual([true, true, true]);
  });
  test('GitHubRepositoryStackProps.tokenEnvironmentVariable @default "TF_VAR_github_token"', () => {
    const app = Testing.app({ stackTraces: false });
    const s = new GitHubRepositoryStack(app, 'gh', { owner: 'acme', repository: { name: 'iac' } });
    expect(JSON.stringify(JSON.parse(Testing.synth(s, true)).provider.github)).toContain('${var.github_token}');
  });
  test('AwsMetricsToDatadogStackProps: appKeyEnvironmentVariable @default "TF_VAR_datadog_app_key", datadogSite @default DatadogSite.US1', () => {
    const app = Testing.app({ stackTraces: false });
    const s = new AwsMetricsToDatadogStack(app, 'm', { accountId: '123456789012', regions: ['eu-west-1'] });
    const dd = JSON.parse(Testing.synth(s, true)).provider.datadog[0];
    expect(dd.app_key).toBe('${var.datadog_app_key}');
    expect(dd.api_url).toBe('https://api.datadoghq.com/');
  });
});

describe('service stack and preset thresholds', () => {
  const app = Testing.app({ stackTraces: false });
  const s = new ServiceMonitoringStack(app, 's', {
    service: 'checkout',
    backends: [ServiceBackend.CLOUDWATCH, ServiceBackend.DATADOG],
    aws: { region: 'eu-west-1' },
    datadog: {},
    dashboard: false,
    loadBalancers: [{ loadBalancer: 'app/checkout/50dc6c495c0c9188' }],
    slo: {
      target: 99.9,
      backends: [ServiceBackend.CLOUDWATCH],
      good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'Good' }),
      total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'Total' }),
    },
  } as any);
  const json = JSON.parse(Testing.synth(s, true));
  const alarms = all(json, 'aws_cloudwatch_metric_alarm');
  const byMetric = (m: string) => alarms.find((a) => a.metric_name === m || JSON.stringify(a.metric_query ?? '').includes(`"metric_name":"${m}"`));
  test('ServiceLoadBalancer.maxTarget5xx @default 5 and maxResponseTimeP99Seconds @default 1', () => {
    expect(byMetric('HTTPCode_Target_5XX_Count').threshold).toBe(5);
    expect(byMetric('TargetResponseTime').threshold).toBe(1);
  });
  test('AlbMonitorsProps.maxElb5xx @default 0', () => {
    expect(byMetric('HTTPCode_ELB_5XX_Count').threshold).toBe(0);
  });
  test('ServiceSlo.name @default "<service> availability"', () => {
    expect(JSON.stringify(json.resource.aws_cloudwatch_composite_alarm ?? json.resource.aws_cloudwatch_metric_alarm)).toContain('checkout availability');
  });
  test('ServiceDatadogOptions.apiKeyEnvironmentVariable @default "TF_VAR_datadog_api_key"', () => {
    expect(json.provider.datadog[0].api_key).toBe('${var.datadog_api_key}');
  });
});
