/**
 * Example: Datadog monitors, Grafana alert rules and CloudWatch alarms open Jira issues;
 * re-alerts and recoveries comment on and transition them through a Jira Automation rule.
 *
 * Stack `jira-incidents`: Jira Cloud (API token), all three sources, and a generic signed
 * Webhook to an incident bridge (Grafana signs it; Datadog and CloudWatch are allowed unsigned).
 * Stack `jira-incidents-datacenter`: Jira Data Center (REST API v2, personal access token),
 * CloudWatch alarms only.
 */
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { App, TerraformStack } from 'cdktf';
import {
  AwsService, ComparisonOperator, MonitorBackend, MonitorConfig, Signal, Statistic,
  AwsConnection, DatadogConnection, DatadogSite, GrafanaAuth, GrafanaConnection, grafanaL1, JiraAuth,
  JiraConnection, JiraDeployment, JiraWorkflow, JiraWorkflowTemplate, Secret, Severity, Webhook, WebhookAuth,
  WebhookConnection, WebhookPayload,
} from '../../src';

export function jiraIncidentsExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'jira-incidents');
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  const datadog = new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: Secret.fromSecretsManager(stack, 'DatadogApiKey', { secretId: 'observability/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromSecretsManager(stack, 'DatadogAppKey', { secretId: 'observability/datadog', jsonKey: 'app_key', aws }),
  });
  const grafana = new GrafanaConnection(stack, 'Grafana', {
    url: 'https://acme.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(Secret.fromEnvironment(stack, 'GrafanaToken', { environmentVariable: 'TF_VAR_grafana_token' })),
  });
  new JiraConnection(stack, 'Jira', {
    baseUrl: 'https://acme.atlassian.net',
    auth: JiraAuth.apiToken('automation@acme.example', Secret.fromSecretsManager(stack, 'JiraApiToken', { secretId: 'jira/api-token', aws })),
  });

  const incidents = new JiraWorkflow(stack, 'Incidents', {
    name: 'ops-incidents',
    projectKey: 'OPS',
    severity: Severity.SEV2,
    template: JiraWorkflowTemplate.incident({ issueType: 'Bug', labels: ['alert', 'on-call'], recoveryTransition: 'Resolved' }),
    components: ['checkout'],
    automationWebhookUrl: Secret.fromSecretsManager(stack, 'AutomationUrl', { secretId: 'jira/automation-webhook', jsonKey: 'url', aws }),
    automationWebhookToken: Secret.fromSecretsManager(stack, 'AutomationToken', { secretId: 'jira/automation-webhook', jsonKey: 'token', aws }),
    datadog: {},
    grafana: {},
    cloudWatch: { invocationRateLimitPerSecond: 5, maximumEventAgeSeconds: 3600, maximumRetryAttempts: 50 },
  });

  // Datadog: the monitor message routes transitions to the workflow's webhooks.
  new Monitor(stack, 'CheckoutLatency', {
    name: 'checkout p99 latency',
    type: 'metric alert',
    query: 'avg(last_5m):p99:trace.http.request{service:checkout} > 2',
    message: `p99 latency of checkout is above 2s. ${incidents.datadogNotificationText}`,
    priority: '2',
    provider: datadog.provider,
  });

  // Grafana: an alert rule notifies the workflow's contact point (a long repeat interval
  // avoids a second issue for a still-firing alert).
  const folder = new grafanaL1.folder.Folder(stack, 'AlertsFolder', { title: 'Checkout alerts', provider: grafana.provider });
  new grafanaL1.ruleGroup.RuleGroup(stack, 'CheckoutRules', {
    name: 'checkout',
    folderUid: folder.uid,
    intervalSeconds: 60,
    provider: grafana.provider,
    rule: [{
      name: 'CheckoutErrorRate',
      condition: 'B',
      for: '5m',
      annotations: { summary: 'checkout 5xx rate above 1%' },
      notificationSettings: { contactPoint: incidents.grafanaContactPointName!, repeatInterval: '24h' },
      data: [
        {
          refId: 'A',
          datasourceUid: 'prometheus',
          relativeTimeRange: { from: 600, to: 0 },
          model: JSON.stringify({ refId: 'A', expr: 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="checkout"}[5m]))' }),
        },
        {
          refId: 'B',
          datasourceUid: '__expr__',
          relativeTimeRange: { from: 0, to: 0 },
          model: JSON.stringify({ refId: 'B', type: 'threshold', expression: 'A', conditions: [{ evaluator: { type: 'gt', params: [0.01] } }] }),
        },
      ],
    }],
  });

  // CloudWatch: the alarm's state changes reach Jira through EventBridge.
  const alarm = new CloudwatchMetricAlarm(stack, 'CheckoutErrors', {
    alarmName: 'checkout-5xx',
    namespace: 'AWS/ApplicationELB',
    metricName: 'HTTPCode_Target_5XX_Count',
    dimensions: { LoadBalancer: 'app/checkout/0123456789abcdef' },
    statistic: 'Sum',
    period: 60,
    evaluationPeriods: 5,
    threshold: 10,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    provider: aws.provider,
  });
  incidents.addCloudWatchAlarm(alarm.arn);

  // The same workflow as a MonitorConfig target: one monitor, three backends, all into Jira.
  new MonitorConfig(stack, 'CheckoutQueueAge', {
    title: 'checkout orders queue is falling behind',
    message: 'The oldest message of checkout-orders is older than 10 minutes.',
    signal: Signal.awsMetric(AwsService.SQS, 'checkout-orders', 'ApproximateAgeOfOldestMessage', { statistic: Statistic.MAXIMUM }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 600,
    severity: Severity.SEV2,
    backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cloudwatch', folder: 'Checkout monitors' })],
    targets: [incidents.target()],
  });

  // A generic signed webhook to an incident bridge, from every source.
  new WebhookConnection(stack, 'IncidentBridge', {
    url: 'https://hooks.acme.example/incidents',
    auth: WebhookAuth.hmacSignature(Secret.fromSecretsManager(stack, 'BridgeSigningKey', { secretId: 'observability/incident-bridge', aws }), {
      signatureHeader: 'X-Acme-Signature',
      timestampHeader: 'X-Acme-Timestamp',
    }),
    testConnection: false,
  });
  new Webhook(stack, 'Bridge', {
    name: 'incident-bridge',
    payload: WebhookPayload.fromJsonTemplate('{"event": "{{status}}", "title": "[{{source}}] {{title}}", "id": "{{dedupLabel}}", "link": "{{link}}"}'),
    headers: { 'X-Acme-Team': 'checkout' },
    allowUnsignedSources: true,
    datadog: {},
    grafana: { maxAlerts: 20 },
    eventBridge: { alarmNamePrefix: 'checkout-', deadLetterAlarmActions: [] },
  });

  const dc = new TerraformStack(app, 'jira-incidents-datacenter');
  new AwsConnection(dc, 'Aws', { region: 'us-east-1' });
  new JiraConnection(dc, 'Jira', {
    baseUrl: 'https://jira.acme.example',
    deployment: JiraDeployment.DATA_CENTER,
    auth: JiraAuth.personalAccessToken(Secret.fromTerraformVariable(dc, 'JiraPat', { variableName: 'jira_pat' })),
  });
  new JiraWorkflow(dc, 'Incidents', {
    name: 'platform-incidents',
    projectKey: 'PLAT',
    severity: Severity.SEV3,
    automationWebhookUrl: Secret.fromTerraformVariable(dc, 'AutomationUrl', { variableName: 'jira_automation_url' }),
    cloudWatch: { alarmNamePrefix: 'platform-' },
  });
  return [stack, dc];
}

if (require.main === module) {
  const app = new App();
  jiraIncidentsExample(app);
  app.synth();
}
