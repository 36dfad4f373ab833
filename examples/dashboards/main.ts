/**
 * Example: one service dashboard ("checkout": a Lambda behind an ALB, feeding an SQS queue and
 * instrumented with Prometheus), written once and drawn on Datadog, Grafana and CloudWatch,
 * plus a dashboard generated from the service's monitors.
 *
 * Stack `dashboards`:
 * - `Service`: rows of time series (with SLO lines), single values, a top list, the monitors'
 *   alert status and a note, with env/service template variables. The PromQL row is drawn on
 *   Grafana only (a Grafana-only dashboard), since Datadog and CloudWatch cannot run PromQL.
 * - `Monitors`: `Dashboard.fromMonitors()`: one row per signal with the alert thresholds, and
 *   the alert status of every monitor, on all three backends.
 */
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, AwsService, ComparisonOperator, Dashboard, DashboardBackend, DatadogConnection, DatadogSite, GrafanaAuth,
  GrafanaConnection, GrafanaDashboardImport, GrafanaDataSource, GrafanaFolder, MarkerLevel, MissingData, MonitorBackend,
  MonitorConfig, Secret, Severity, Signal, Statistic, TemplateVariable, ThresholdMarker, TimeRange, Widget,
} from '../../src';

export function dashboardsExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'dashboards');

  // Where things are.
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: Secret.fromSecretsManager(stack, 'DatadogApiKey', { secretId: 'observability/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromEnvironment(stack, 'DatadogAppKey', { environmentVariable: 'TF_VAR_dashboards_datadog_app_key' }),
  });
  new GrafanaConnection(stack, 'Grafana', {
    url: 'https://acme.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(Secret.fromEnvironment(stack, 'GrafanaToken', { environmentVariable: 'TF_VAR_dashboards_grafana_token' })),
  });
  const folder = new GrafanaFolder(stack, 'CheckoutFolder', { title: 'Checkout' });
  const cloudWatch = GrafanaDataSource.cloudWatch(stack, 'CloudWatchSource', {
    name: 'CloudWatch eu-west-1',
    region: 'eu-west-1',
    assumeRoleArn: 'arn:aws:iam::123456789012:role/grafana-cloudwatch-reader',
  });
  const prometheus = GrafanaDataSource.prometheus(stack, 'PrometheusSource', {
    name: 'Prometheus',
    url: 'https://prometheus.acme.example',
    bearerToken: Secret.fromEnvironment(stack, 'PrometheusToken', { environmentVariable: 'TF_VAR_dashboards_prometheus_token' }),
  });

  // The signals, shared by monitors and dashboards.
  const errors = Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Errors');
  const invocations = Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Invocations');
  const p99 = Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Duration', { statistic: Statistic.percentile(99) });
  const queueAge = Signal.awsMetric(AwsService.SQS, 'checkout-orders', 'ApproximateAgeOfOldestMessage', { statistic: Statistic.MAXIMUM });
  const target5xx = Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, 'app/checkout/50dc6c495c0c9188', 'HTTPCode_Target_5XX_Count');

  const backends = [
    MonitorBackend.datadog(),
    MonitorBackend.cloudwatch(),
    MonitorBackend.grafana({ datasourceUid: cloudWatch.uid, folderUid: folder.uid }),
  ];
  const monitors = [
    new MonitorConfig(stack, 'LambdaErrors', {
      title: 'checkout: Lambda errors',
      message: 'The checkout function fails invocations; orders may be lost.',
      signal: errors,
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 10,
      warning: 3,
      period: 60,
      evaluationPeriods: 5,
      missingData: MissingData.NOT_BREACHING,
      severity: Severity.SEV2,
      backends,
    }),
    new MonitorConfig(stack, 'LambdaLatency', {
      title: 'checkout: p99 duration',
      message: 'Checkout is slow for one request in a hundred.',
      signal: p99,
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 3000,
      warning: 2000,
      period: 300,
      evaluationPeriods: 3,
      backends,
    }),
    new MonitorConfig(stack, 'QueueAge', {
      title: 'checkout: order queue backlog',
      message: 'Orders wait in the queue for more than ten minutes.',
      signal: queueAge,
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 600,
      period: 300,
      backends,
    }),
  ];

  const everywhere = [
    DashboardBackend.datadog(),
    DashboardBackend.grafana({ folder, datasourceUid: prometheus.uid, cloudWatchDatasourceUid: cloudWatch.uid }),
    DashboardBackend.cloudwatch({ dashboardName: 'checkout-service' }),
  ];

  // The service dashboard, written once.
  const service = new Dashboard(stack, 'Service', {
    title: 'Checkout service',
    description: 'Health of the checkout path: API, function, order queue.',
    tags: ['team:payments', 'service:checkout'],
    variables: [TemplateVariable.env({ values: ['prod', 'staging'], defaultValue: 'prod' })],
    timeRange: TimeRange.hours(6),
    links: [{ title: 'Runbook', url: 'https://runbooks.acme.example/checkout' }],
    backends: everywhere,
    rows: [
      {
        title: 'Traffic and errors',
        widgets: [
          Widget.timeSeries({ title: 'Invocations and errors', signals: [invocations, errors], thresholds: [ThresholdMarker.line(10, { label: 'alert' })] }),
          Widget.singleValue({ title: 'Errors (now)', signal: errors, thresholds: [ThresholdMarker.line(10)] }),
          Widget.singleValue({ title: 'ALB target 5xx (now)', signal: target5xx }),
        ],
      },
      {
        title: 'Latency and backlog',
        widgets: [
          Widget.timeSeries({
            title: 'p99 duration',
            signals: [p99],
            thresholds: [ThresholdMarker.band(2000, 3000, { label: 'warning', level: MarkerLevel.WARNING }), ThresholdMarker.line(3000, { label: 'SLO' })],
          }),
          Widget.timeSeries({ title: 'Oldest order in queue', signals: [queueAge], thresholds: [ThresholdMarker.line(600, { label: 'backlog' })] }),
        ],
      },
    ],
  });
  // Added after the rows: drawn all the same (dashboards render at synth).
  service.addWidget(Widget.topList({ title: 'Functions by errors', signal: errors, groupBy: 'FunctionName' }), 'Overview');
  service.addWidget(Widget.alertStatus({ title: 'Checkout monitors', monitors }), 'Overview');
  service.addWidget(Widget.text({ markdown: 'Owned by **payments**. Page: `#checkout-oncall`.' }), 'Overview');

  // Prometheus-only views go to Grafana alone.
  new Dashboard(stack, 'ServiceHttp', {
    title: 'Checkout HTTP (Prometheus)',
    variables: [TemplateVariable.env({ values: ['prod', 'staging'], defaultValue: 'prod' })],
    backends: [DashboardBackend.grafana({ folder, datasourceUid: prometheus.uid })],
    rows: [{
      title: 'HTTP',
      widgets: [
        Widget.timeSeries({
          title: 'Requests by status',
          signals: [Signal.promQl({ query: 'sum by (code) (rate(http_requests_total{job="checkout",env="$env"}[$__rate_interval]))' })],
        }),
        Widget.topList({ title: 'Busiest routes', signal: Signal.promQl({ query: 'rate(http_requests_total{job="checkout",env="$env"}[5m])' }), groupBy: 'route' }),
      ],
    }],
  });

  // A dashboard generated from the monitors.
  Dashboard.fromMonitors(stack, 'Monitors', {
    title: 'Checkout monitors',
    monitors,
    backends: [
      DashboardBackend.datadog(),
      DashboardBackend.grafana({ folder, datasourceUid: cloudWatch.uid }),
      DashboardBackend.cloudwatch(),
    ],
  });
  // A dashboard built by hand in Grafana, exported, and now managed here with the others.
  GrafanaDashboardImport.fromFile(stack, 'ImportedCoreDns',
    path.join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'grafana-dashboards', 'dotdc__grafana-dashboards-kubernetes__dashboards__k8s-system-coredns.json'),
    { folder, datasources: { DS_PROMETHEUS: prometheus.uid } });
  return [stack];
}

if (require.main === module) {
  const app = new App();
  dashboardsExample(app);
  app.synth();
}
