/**
 * Example: one service ("orders": an SQS queue drained by a Lambda function) whose monitors and
 * dashboard are written once and rendered to four backends: Datadog, CloudWatch, Grafana and
 * New Relic.
 *
 * Stack `four-backends`:
 * - the CloudWatch metrics of the queue and the function are the signals everywhere (New Relic
 *   reads them from the CloudWatch Metric Streams integration);
 * - one NRQL monitor watches the function's APM transactions, on New Relic only;
 * - SEV1/SEV2 page PagerDuty, every severity e-mails the team;
 * - one dashboard of the monitors on all four backends.
 * Every credential comes from the environment (`TF_VAR_…`) or Secrets Manager.
 */
import { App, TerraformStack } from 'cdktf';
import {
  AnomalyDirection, AnomalyMonitor, AwsConnection, AwsService, ComparisonOperator, Dashboard, DashboardBackend, DatadogConnection, DatadogSite,
  GrafanaAuth, GrafanaConnection, MissingData, MonitorBackend, MonitorConfig, NewRelicBackend, NewRelicConnection, NewRelicDashboardBackend,
  NewRelicRegion, NotificationTarget, Secret, Severity, Signal, Statistic, Widget,
} from '../../src';

export function fourBackendsExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'four-backends');
  const env = (id: string, name: string) => Secret.fromEnvironment(stack, id, { environmentVariable: `TF_VAR_${name}` });

  // Where things are.
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: env('DatadogApiKey', 'four_backends_datadog_api_key'),
    appKey: env('DatadogAppKey', 'four_backends_datadog_app_key'),
  });
  new GrafanaConnection(stack, 'Grafana', {
    url: 'https://acme.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(env('GrafanaToken', 'four_backends_grafana_token')),
  });
  new NewRelicConnection(stack, 'NewRelic', {
    accountId: 3141592,
    region: NewRelicRegion.EU,
    apiKey: env('NewRelicApiKey', 'four_backends_newrelic_api_key'),
  });

  // Who hears what.
  const targets = [
    NotificationTarget.pagerDuty({
      serviceName: 'orders',
      integrationKey: Secret.fromSecretsManager(stack, 'PagerDutyKey', { secretId: 'observability/pagerduty-orders', jsonKey: 'integration_key', aws }),
      severities: [Severity.SEV1, Severity.SEV2],
    }),
    NotificationTarget.email({ address: 'orders-team@acme.example' }),
  ];

  // Where monitors are evaluated.
  const everywhere = [
    MonitorBackend.datadog(),
    MonitorBackend.cloudwatch(),
    MonitorBackend.grafana({ datasourceUid: 'prometheus', cloudWatchDatasourceUid: 'cloudwatch', folder: 'Orders' }),
    new NewRelicBackend({ policyName: 'orders' }),
  ];
  const common = { backends: everywhere, targets, tags: { service: 'orders', team: 'fulfilment' }, runbookUrl: 'https://runbooks.acme.example/orders' };

  const queueAge = new MonitorConfig(stack, 'QueueAge', {
    ...common,
    title: 'orders: queue backlog',
    message: 'Orders wait in the queue for more than ten minutes.',
    signal: Signal.awsMetric(AwsService.SQS, 'orders', 'ApproximateAgeOfOldestMessage', { statistic: Statistic.MAXIMUM }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 600,
    warning: 300,
    period: 300,
    evaluationPeriods: 2,
    severity: Severity.SEV2,
  });

  const workerErrors = new MonitorConfig(stack, 'WorkerErrors', {
    ...common,
    title: 'orders: worker errors',
    message: 'The orders worker fails invocations; orders stay in the queue.',
    signal: Signal.awsMetric(AwsService.LAMBDA, 'orders-worker', 'Errors'),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 10,
    period: 60,
    evaluationPeriods: 5,
    missingData: MissingData.NOT_BREACHING,
    severity: Severity.SEV1,
  });

  // A New Relic-only signal: the worker's transactions as New Relic APM records them.
  new MonitorConfig(stack, 'WorkerSlowTransactions', {
    ...common,
    backends: [new NewRelicBackend({ policyName: 'orders' })],
    title: 'orders: slow worker transactions',
    message: 'One worker transaction in twenty takes more than two seconds.',
    signal: Signal.nrql({ query: "SELECT percentile(duration, 95) FROM Transaction WHERE appName = 'orders-worker'" }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 2,
    period: 60,
    evaluationPeriods: 10,
    severity: Severity.SEV3,
  });

  // Unusual traffic: Datadog, CloudWatch and New Relic have anomaly detection (Grafana has none).
  new AnomalyMonitor(stack, 'QueueInflowAnomaly', {
    title: 'orders: unusual queue inflow',
    message: 'Orders arrive at an unusual rate.',
    signal: Signal.awsMetric(AwsService.SQS, 'orders', 'NumberOfMessagesSent'),
    direction: AnomalyDirection.BOTH,
    bounds: 3,
    period: 300,
    evaluationPeriods: 6,
    severity: Severity.SEV3,
    targets,
    backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), new NewRelicBackend({ policyName: 'orders' })],
  });

  // One dashboard, four systems.
  const dashboard = Dashboard.fromMonitors(stack, 'Orders', {
    title: 'Orders service',
    description: 'The orders queue and its worker.',
    monitors: [queueAge, workerErrors],
    backends: [
      DashboardBackend.datadog(),
      DashboardBackend.cloudwatch({ dashboardName: 'orders-service' }),
      DashboardBackend.grafana({ datasourceUid: 'cloudwatch' }),
      new NewRelicDashboardBackend(),
    ],
  });
  dashboard.addRow({
    title: 'Worker',
    widgets: [
      Widget.singleValue({ title: 'Invocations', signal: Signal.awsMetric(AwsService.LAMBDA, 'orders-worker', 'Invocations') }),
      Widget.topList({ title: 'Slowest workers', signal: Signal.awsMetric(AwsService.LAMBDA, 'orders-worker', 'Duration', { statistic: Statistic.MAXIMUM }) }),
      Widget.text({ markdown: 'The worker drains the `orders` queue; see the runbook for replays.' }),
    ],
  });
  return [stack];
}
