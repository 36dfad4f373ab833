/**
 * Example: the monitors of one service ("checkout": a Lambda behind an ALB, feeding an SQS
 * queue), each written once and rendered to Datadog, CloudWatch and Grafana, with routing by
 * severity.
 *
 * Stack `monitors`:
 * - SEV1/SEV2 page PagerDuty and post to the incident bridge webhook;
 * - every severity posts to the team's Slack channel;
 * - SEV3 and lower e-mail the team.
 * Grafana's notification policy (one per organization) is assembled from the routes the
 * monitors declare, plus one route the platform team adds by hand.
 */
import { App, TerraformStack } from 'cdktf';
import {
  Aggregation, AlarmRule, AnomalyDirection, AnomalyMonitor, AwsConnection, AwsService, BurnRateAlert, ComparisonOperator, CompositeMonitor,
  DatadogConnection, DatadogSite, GrafanaAuth, GrafanaConnection,
  GrafanaNotificationPolicy, MatchOperator, MissingData, MonitorBackend, MonitorConfig, NotificationTarget, PagerDutyConnection,
  PagerDutyRegion, Secret, Severity, Signal, SlackConnection, Statistic, WebhookAuth, WebhookConnection,
  Slo, SloIndicator, SloWindow,
} from '../../src';

export function monitorsExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'monitors');

  // Where things are.
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: Secret.fromSecretsManager(stack, 'DatadogApiKey', { secretId: 'observability/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromEnvironment(stack, 'DatadogAppKey', { environmentVariable: 'TF_VAR_monitors_datadog_app_key' }),
  });
  new GrafanaConnection(stack, 'Grafana', {
    url: 'https://acme.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(Secret.fromEnvironment(stack, 'GrafanaToken', { environmentVariable: 'TF_VAR_monitors_grafana_token' })),
  });
  new SlackConnection(stack, 'Slack', {
    workspaceId: 'T01234567',
    datadogAccountName: 'acme',
    botToken: Secret.fromSsmParameter(stack, 'SlackBotToken', { parameterName: '/observability/slack/bot-token', aws }),
  });
  new PagerDutyConnection(stack, 'PagerDuty', { region: PagerDutyRegion.EU });
  const bridge = new WebhookConnection(stack, 'IncidentBridge', {
    url: 'https://hooks.acme.example/incidents',
    auth: WebhookAuth.basic('alerts', Secret.fromSecretsManager(stack, 'BridgePassword', { secretId: 'observability/incident-bridge', aws })),
  });

  // Who hears what.
  const paging = [Severity.SEV1, Severity.SEV2];
  const targets = [
    NotificationTarget.pagerDuty({
      serviceName: 'checkout',
      integrationKey: Secret.fromSecretsManager(stack, 'PagerDutyKey', { secretId: 'observability/pagerduty-checkout', aws }),
      severities: paging,
    }),
    NotificationTarget.webhook({ connection: bridge, datadogWebhookName: 'incident-bridge', severities: paging }),
    NotificationTarget.slack({ channel: 'checkout-alerts', channelId: 'C0123ABCD' }),
    NotificationTarget.email({ address: 'checkout-team@acme.example', severities: [Severity.SEV3, Severity.SEV4, Severity.SEV5] }),
  ];

  // Where monitors are evaluated.
  const everywhere = [
    MonitorBackend.datadog(),
    MonitorBackend.cloudwatch(),
    MonitorBackend.grafana({ datasourceUid: 'prometheus', cloudWatchDatasourceUid: 'cloudwatch', folder: 'Checkout' }),
  ];
  const common = {
    backends: everywhere,
    targets,
    tags: { service: 'checkout', team: 'payments' },
    runbookUrl: 'https://runbooks.acme.example/checkout',
  };

  const lambdaErrors = new MonitorConfig(stack, 'LambdaErrors', {
    ...common,
    title: 'checkout: Lambda errors',
    message: 'The checkout function fails invocations; orders may be lost.',
    signal: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Errors'),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 10,
    warning: 3,
    period: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 5,
    missingData: MissingData.NOT_BREACHING,
    severity: Severity.SEV2,
    renotifyInterval: 60,
  });

  const lambdaLatency = new MonitorConfig(stack, 'LambdaLatency', {
    ...common,
    title: 'checkout: p99 duration',
    message: 'Checkout is slow for one request in a hundred.',
    signal: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Duration', { statistic: Statistic.percentile(99) }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 3000,
    warning: 2000,
    period: 300,
    evaluationPeriods: 3,
    severity: Severity.SEV3,
  });

  new MonitorConfig(stack, 'Target5xx', {
    ...common,
    title: 'checkout: ALB target 5xx',
    message: 'The checkout targets answer 5xx.',
    signal: Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, 'app/checkout/50dc6c495c0c9188', 'HTTPCode_Target_5XX_Count'),
    comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL,
    critical: 25,
    period: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 5,
    missingData: MissingData.NOT_BREACHING,
    severity: Severity.SEV1,
  });

  new MonitorConfig(stack, 'QueueAge', {
    ...common,
    title: 'checkout: order queue backlog',
    message: 'Orders wait in the queue for more than ten minutes.',
    signal: Signal.awsMetric(AwsService.SQS, 'checkout-orders', 'ApproximateAgeOfOldestMessage', { statistic: Statistic.MAXIMUM }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 600,
    criticalRecovery: 300,
    period: 300,
    evaluationPeriods: 2,
    severity: Severity.SEV3,
  });

  // Backend-specific signals: each goes only where it can be evaluated.
  new MonitorConfig(stack, 'ErrorRate', {
    ...common,
    backends: [MonitorBackend.cloudwatch()],
    title: 'checkout: error rate',
    message: 'More than 5% of checkout invocations fail.',
    signal: Signal.cloudWatchExpression({
      expression: '100 * errors / invocations',
      label: 'error rate (%)',
      usingMetrics: {
        errors: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Errors'),
        invocations: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Invocations'),
      },
    }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 5,
    period: 300,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    missingData: MissingData.NOT_BREACHING,
    severity: Severity.SEV2,
  });

  new MonitorConfig(stack, 'ApmErrors', {
    ...common,
    backends: [MonitorBackend.datadog()],
    title: 'checkout: APM errors',
    message: 'The checkout service returns errors (APM).',
    signal: Signal.datadogQuery({ query: 'sum:trace.aws.lambda.errors{service:checkout}.as_count()', timeAggregation: Aggregation.SUM }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 50,
    period: 600,
    severity: Severity.SEV3,
  });

  new MonitorConfig(stack, 'HttpErrors', {
    ...common,
    backends: [MonitorBackend.grafana({ datasourceUid: 'prometheus', folder: 'Checkout' })],
    title: 'checkout: HTTP 5xx ratio',
    message: 'More than 2% of checkout HTTP requests fail.',
    signal: Signal.promQl({ query: 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m]))' }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 0.02,
    period: 60,
    evaluationPeriods: 5,
    severity: Severity.SEV2,
  });

  // Composite: page only when the function both fails and is slow (Datadog composite monitor,
  // CloudWatch composite alarm; Grafana has no composite rule).
  new CompositeMonitor(stack, 'Degraded', {
    ...common,
    backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
    title: 'checkout: degraded (errors and slow)',
    message: 'Checkout fails and is slow at the same time.',
    rule: AlarmRule.allOf(AlarmRule.monitor(lambdaErrors), AlarmRule.monitor(lambdaLatency)),
    severity: Severity.SEV1,
  });

  // Anomaly: traffic outside the band its history predicts (Datadog anomalies(), CloudWatch
  // anomaly-detection band).
  new AnomalyMonitor(stack, 'TrafficAnomaly', {
    ...common,
    backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
    title: 'checkout: unusual traffic',
    message: 'Checkout invocations are outside their usual range.',
    signal: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Invocations'),
    direction: AnomalyDirection.BOTH,
    bounds: 3,
    period: 300,
    evaluationPeriods: 6,
    severity: Severity.SEV3,
  });

  // SLO: 99.9% of orders succeed over 30 days, with multi-window burn-rate alerts. Datadog takes
  // long windows of at most 48 hours, so the slow burn is Datadog's 3× over 24 h / 2 h.
  new Slo(stack, 'OrderSuccess', {
    ...common,
    backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
    name: 'checkout: order success',
    message: 'Orders fail more often than the SLO allows.',
    target: 99.9,
    window: SloWindow.THIRTY_DAYS,
    indicator: SloIndicator.ratio({
      good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersSucceeded', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_succeeded' }),
      total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersPlaced', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_placed' }),
    }),
    burnRateAlerts: [BurnRateAlert.page(14.4, 60, 5), BurnRateAlert.page(6, 360, 30), BurnRateAlert.ticket(3, 1440, 120)],
    pageSeverity: Severity.SEV2,
    ticketSeverity: Severity.SEV4,
  });

  // The same kind of SLO on Prometheus counters in Grafana, with the SRE workbook's alerts.
  new Slo(stack, 'HttpAvailability', {
    ...common,
    backends: [MonitorBackend.grafana({ datasourceUid: 'prometheus', folder: 'Checkout' })],
    name: 'checkout: HTTP availability',
    target: 99.5,
    indicator: SloIndicator.ratio({
      good: Signal.promQl({ query: 'http_requests_total{job="checkout",code!~"5.."}' }),
      total: Signal.promQl({ query: 'http_requests_total{job="checkout"}' }),
    }),
  });

  // The platform team adds its own route to the one Grafana policy tree of the stack.
  GrafanaNotificationPolicy.of(stack).addRoute({
    contactPoint: 'platform-oncall',
    matchers: [{ label: 'team', match: MatchOperator.EQUAL, value: 'platform' }],
    continueMatching: false,
  });

  return [stack];
}

if (require.main === module) {
  const app = new App();
  monitorsExample(app);
  app.synth();
}
