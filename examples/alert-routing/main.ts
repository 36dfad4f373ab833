/**
 * Example: alert routing by severity to Microsoft Teams, Opsgenie and a PagerDuty service
 * managed here, on Datadog, CloudWatch and Grafana.
 *
 * Stack `alert-routing`:
 * - a PagerDuty service "payments-prod" with its escalation policy (the primary on-call
 *   schedule, then the team lead); each backend gets its own integration of the service
 *   (Datadog, Amazon CloudWatch, Events API v2 for Grafana), keys passed by reference;
 * - SEV1 pages PagerDuty, SEV1-SEV2 open Opsgenie alerts (EU account), every severity posts to
 *   the team's Teams channel (a Workflows webhook, its URL a Secret);
 * - on CloudWatch, Teams is reached through EventBridge (rule, API destination, Adaptive Card),
 *   Opsgenie and PagerDuty through SNS HTTPS subscriptions.
 * Every credential comes from the environment (`TF_VAR_…`).
 */
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, AwsService, ComparisonOperator, DatadogConnection, DatadogSite, GrafanaAuth, GrafanaConnection, MonitorBackend, MonitorConfig,
  NotificationTarget, OpsgenieRegion, PagerDutyConnection, PagerDutyRegion, PagerDutyService, Secret, Severity, Signal, Statistic,
} from '../../src';

export function alertRoutingExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'alert-routing');
  const env = (id: string, name: string) => Secret.fromEnvironment(stack, id, { environmentVariable: `TF_VAR_${name}` });

  // Where things are.
  new AwsConnection(stack, 'Aws', { region: 'eu-central-1', accountId: '123456789012' });
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: env('DatadogApiKey', 'alert_routing_datadog_api_key'),
    appKey: env('DatadogAppKey', 'alert_routing_datadog_app_key'),
  });
  new GrafanaConnection(stack, 'Grafana', {
    url: 'https://payments.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(env('GrafanaToken', 'alert_routing_grafana_token')),
  });
  const pagerDuty = new PagerDutyConnection(stack, 'PagerDuty', {
    region: PagerDutyRegion.EU,
    apiToken: env('PagerDutyToken', 'alert_routing_pagerduty_token'),
  });

  // The PagerDuty service and who it wakes up.
  const payments = new PagerDutyService(stack, 'PaymentsService', {
    name: 'payments-prod',
    connection: pagerDuty,
    escalationRules: [
      { escalationDelayMinutes: 15, scheduleIds: ['PPRIMRY'] },
      { escalationDelayMinutes: 30, userIds: ['PTEAMLD'] },
    ],
  });

  // Who hears what.
  const targets = [
    payments.target({ severities: [Severity.SEV1] }),
    NotificationTarget.opsgenie({
      serviceName: 'payments',
      apiKey: env('OpsgenieKey', 'alert_routing_opsgenie_api_key'),
      region: OpsgenieRegion.EU,
      severities: [Severity.SEV1, Severity.SEV2],
    }),
    NotificationTarget.teams({
      name: 'payments-alerts',
      webhookUrl: env('TeamsWebhook', 'alert_routing_teams_webhook_url').value,
    }),
  ];
  const backends = [
    MonitorBackend.datadog(),
    MonitorBackend.cloudwatch(),
    MonitorBackend.grafana({ datasourceUid: 'cloudwatch', folder: 'Payments' }),
  ];
  const common = { backends, targets, tags: { service: 'payments', team: 'payments' }, runbookUrl: 'https://runbooks.acme.example/payments' };

  new MonitorConfig(stack, 'ApiErrors', {
    ...common,
    title: 'payments: API errors',
    message: 'The payments API returns errors: payments fail.',
    signal: Signal.awsMetric(AwsService.LAMBDA, 'payments-api', 'Errors'),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 5,
    severity: Severity.SEV1,
  });
  new MonitorConfig(stack, 'SettlementBacklog', {
    ...common,
    title: 'payments: settlement backlog',
    message: 'Settlements wait in the queue for more than fifteen minutes.',
    signal: Signal.awsMetric(AwsService.SQS, 'payments-settlement', 'ApproximateAgeOfOldestMessage', { statistic: Statistic.MAXIMUM }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 900,
    period: 300,
    severity: Severity.SEV2,
  });
  new MonitorConfig(stack, 'ApiThrottles', {
    ...common,
    title: 'payments: API throttles',
    message: 'The payments API Lambda function is throttled.',
    signal: Signal.awsMetric(AwsService.LAMBDA, 'payments-api', 'Throttles'),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 0,
    severity: Severity.SEV3,
  });
  return [stack];
}
