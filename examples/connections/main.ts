/**
 * Example: every connection kind, with secrets from every source.
 *
 * Stack `connections`: the default connection of each system, credentials from Secrets
 * Manager, SSM Parameter Store, the environment and Terraform variables.
 * Stack `connections-alternatives`: the other authentication modes, and a second connection
 * of the same kind (an aliased provider) in one stack.
 */
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, DatadogConnection, DatadogSite, GitHubAuth, GitHubConnection, GrafanaAuth, GrafanaConnection,
  JiraAuth, JiraConnection, JiraDeployment, PagerDutyConnection, PagerDutyRegion, Secret, SlackConnection,
  WebhookAuth, WebhookConnection,
} from '../../src';

export function connectionsExample(app: App): TerraformStack[] {
  const main = new TerraformStack(app, 'connections');
  const aws = new AwsConnection(main, 'Aws', {
    region: 'eu-west-1',
    accountId: '123456789012',
    assumeRoleArn: 'arn:aws:iam::123456789012:role/integrations-deployer',
    externalId: 'integrations-example',
    defaultTags: { 'managed-by': 'cdktf-integrations', 'team': 'platform' },
  });
  // A second AWS connection in the same stack gets its own provider alias.
  new AwsConnection(main, 'AwsUsEast1', { region: 'us-east-1', alias: 'us_east_1' });

  new DatadogConnection(main, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: Secret.fromSecretsManager(main, 'DatadogApiKey', { secretId: 'observability/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromSsmParameter(main, 'DatadogAppKey', { parameterName: '/observability/datadog/app-key', aws }),
  });
  new GrafanaConnection(main, 'Grafana', {
    url: 'https://acme.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(Secret.fromEnvironment(main, 'GrafanaToken', { environmentVariable: 'TF_VAR_grafana_token' })),
  });
  new GitHubConnection(main, 'GitHub', {
    owner: 'acme-platform',
    auth: GitHubAuth.app({
      appId: '123456',
      installationId: '7654321',
      privateKey: Secret.fromSecretsManager(main, 'GitHubAppKey', {
        secretId: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-app-key-AbCdEf',
      }),
    }),
  });
  new JiraConnection(main, 'Jira', {
    baseUrl: 'https://acme.atlassian.net',
    auth: JiraAuth.apiToken('automation@acme.example', Secret.fromTerraformVariable(main, 'JiraApiToken', { variableName: 'jira_api_token' })),
  });
  new SlackConnection(main, 'Slack', {
    workspaceId: 'T01234567',
    botToken: Secret.fromSsmParameter(main, 'SlackBotToken', { parameterName: '/observability/slack/bot-token' }),
  });
  new PagerDutyConnection(main, 'PagerDuty', {
    region: PagerDutyRegion.EU,
    apiToken: Secret.fromEnvironment(main, 'PagerDutyToken', { environmentVariable: 'TF_VAR_pagerduty_token' }),
  });
  new WebhookConnection(main, 'IncidentBridge', {
    url: 'https://hooks.acme.example/incidents',
    auth: WebhookAuth.hmacSignature(Secret.fromSecretsManager(main, 'BridgeSigningKey', { secretId: 'observability/incident-bridge' })),
  });

  const alt = new TerraformStack(app, 'connections-alternatives');
  new AwsConnection(alt, 'Aws', { region: 'us-west-2' });
  new DatadogConnection(alt, 'DatadogUs5', {
    site: DatadogSite.US5,
    apiKey: Secret.fromTerraformVariable(alt, 'DdApiKey', { variableName: 'datadog_api_key' }),
    appKey: Secret.fromTerraformVariable(alt, 'DdAppKey', { variableName: 'datadog_app_key' }),
  });
  new DatadogConnection(alt, 'DatadogGov', {
    alias: 'gov',
    site: DatadogSite.US1_FED,
    apiKey: Secret.fromEnvironment(alt, 'GovApiKey', { environmentVariable: 'TF_VAR_datadog_gov_api_key' }),
    appKey: Secret.fromEnvironment(alt, 'GovAppKey', { environmentVariable: 'TF_VAR_datadog_gov_app_key' }),
    testConnection: false,
  });
  new GrafanaConnection(alt, 'Grafana', {
    url: 'https://grafana.internal.acme.example',
    orgId: 2,
    auth: GrafanaAuth.basic('terraform', Secret.fromSsmParameter(alt, 'GrafanaPassword', { parameterName: '/grafana/terraform-password' })),
  });
  new GitHubConnection(alt, 'GitHubEnterprise', {
    owner: 'platform',
    baseUrl: 'https://github.acme.example/api/v3',
    auth: GitHubAuth.token(Secret.fromEnvironment(alt, 'GhToken', { environmentVariable: 'TF_VAR_github_token' })),
  });
  new JiraConnection(alt, 'JiraDataCenter', {
    baseUrl: 'https://jira.acme.example',
    deployment: JiraDeployment.DATA_CENTER,
    auth: JiraAuth.personalAccessToken(Secret.fromTerraformVariable(alt, 'JiraPat', { variableName: 'jira_pat' })),
  });
  new JiraConnection(alt, 'JiraCloudOAuth', {
    alias: 'cloud',
    baseUrl: 'https://acme.atlassian.net',
    auth: JiraAuth.oauth2ClientCredentials({
      clientId: 'service-account-client',
      cloudId: '11111111-2222-3333-4444-555555555555',
      clientSecret: Secret.fromSecretsManager(alt, 'JiraClientSecret', { secretId: 'jira/oauth-client', jsonKey: 'client_secret' }),
    }),
  });
  new SlackConnection(alt, 'Slack', { workspaceId: 'T07654321' });
  new PagerDutyConnection(alt, 'PagerDuty');
  new WebhookConnection(alt, 'StatusPage', {
    url: 'https://status.acme.example/api/hooks',
    auth: WebhookAuth.bearer(Secret.fromTerraformVariable(alt, 'StatusToken', { variableName: 'status_token' })),
  });
  new WebhookConnection(alt, 'Ticketing', {
    url: 'https://tickets.acme.example/hooks/alerts',
    auth: WebhookAuth.apiKeyHeader('X-Api-Key', Secret.fromTerraformVariable(alt, 'TicketKey', { variableName: 'ticketing_api_key' })),
    healthCheckUrl: 'https://tickets.acme.example/health',
  });
  new WebhookConnection(alt, 'Legacy', {
    url: 'https://legacy.acme.example/notify',
    auth: WebhookAuth.basic('alerts', Secret.fromTerraformVariable(alt, 'LegacyPassword', { variableName: 'legacy_password' })),
  });
  return [main, alt];
}

if (require.main === module) {
  const app = new App();
  connectionsExample(app);
  app.synth();
}
