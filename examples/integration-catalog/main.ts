/**
 * Example: every integration of one stack in an IntegrationCatalog.
 *
 * Stack `integration-catalog`: AWS, Datadog, Grafana, GitHub and webhook connections, a
 * DatadogExport (its health alarms on CloudWatch), an alert Webhook through EventBridge, a
 * JiraWorkflow for CloudWatch alarms, and a GitHub repository that sends deployments to the
 * webhook receiver. The catalog draws a status dashboard on Grafana and CloudWatch, monitors on
 * CloudWatch the health signals no integration alarms (the EventBridge retries), routes them
 * by severity to a ticket queue, outputs each integration, and writes
 * `cdktf.out/stacks/integration-catalog/integrations.manifest.json`.
 */
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, DashboardBackend, DatadogConnection, DatadogExport, GitHubAuth, GitHubConnection, GitHubRepository, GrafanaAuth,
  GrafanaConnection, GrafanaFolder, IntegrationCatalog, JiraAuth, JiraConnection, JiraWorkflow, MonitorBackend, NotificationTarget,
  Secret, Severity, Webhook, WebhookAuth, WebhookConnection, WebhookPayload,
} from '../../src';

export function integrationCatalogExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'integration-catalog');
  const env = (id: string, name: string) => Secret.fromEnvironment(stack, id, { environmentVariable: `TF_VAR_${name}` });
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  new DatadogConnection(stack, 'Datadog', {
    apiKey: Secret.fromSecretsManager(stack, 'DatadogApiKey', { secretId: 'observability/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromSecretsManager(stack, 'DatadogAppKey', { secretId: 'observability/datadog', jsonKey: 'app_key', aws }),
  });
  new GrafanaConnection(stack, 'Grafana', { url: 'https://acme.grafana.net', auth: GrafanaAuth.serviceAccountToken(env('GrafanaToken', 'grafana_token')) });
  new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(env('GitHubToken', 'github_token')) });
  new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('automation@acme.example', env('JiraToken', 'jira_api_token')) });
  const bridge = new WebhookConnection(stack, 'IncidentBridge', {
    url: 'https://bridge.acme.example/hooks/alerts',
    auth: WebhookAuth.hmacSignature(env('BridgeSecret', 'bridge_secret'), { signatureHeader: 'X-Hub-Signature-256' }),
  });

  new DatadogExport(stack, 'MetricsToDatadog', { includeFilters: [{ namespace: 'AWS/Lambda' }, { namespace: 'AWS/SQS' }] });
  new Webhook(stack, 'AlarmsToBridge', {
    name: 'alarms-to-bridge',
    payload: WebhookPayload.fromJsonTemplate('{"title": "{{title}}", "status": "{{status}}", "link": "{{link}}"}'),
    eventBridge: { alarmNamePrefix: 'prod-' },
    allowUnsignedSources: true,
  });
  new JiraWorkflow(stack, 'Incidents', {
    name: 'ops-incidents',
    projectKey: 'OPS',
    automationWebhookUrl: env('AutomationUrl', 'jira_automation_url'),
    automationWebhookToken: env('AutomationToken', 'jira_automation_token'),
    cloudWatch: { alarmNamePrefix: 'prod-' },
  });
  const repo = new GitHubRepository(stack, 'Service', { name: 'checkout-service' });
  repo.addWebhook('Deployments', { endpoint: bridge, events: ['deployment', 'deployment_status'] });

  const folder = new GrafanaFolder(stack, 'StatusFolder', { title: 'Integration status' });
  new IntegrationCatalog(stack, 'Catalog', {
    dashboardBackends: [DashboardBackend.grafana({ folder, datasourceUid: 'cloudwatch' }), DashboardBackend.cloudwatch({ connection: aws })],
    monitorBackends: [MonitorBackend.cloudwatch({ connection: aws })],
    targets: [NotificationTarget.email({ id: 'integration-owners', address: 'integrations@acme.example', severities: [Severity.SEV3, Severity.SEV4] })],
    severity: Severity.SEV3,
  });
  return [stack];
}
