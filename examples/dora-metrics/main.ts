/**
 * Example: DORA metrics of three services on Datadog.
 *
 * Stack `dora-metrics-routing` (IncidentRoutingStack): SEV1–SEV3 post to #delivery-alerts,
 * SEV4–SEV5 e-mail the platform team.
 * Stack `dora-metrics` (DoraMetricsStack): per service, a change-failure-rate monitor (above
 * 15 % of the week's deployments), a time-to-restore monitor (a mean above 4 hours) and a
 * deployment-frequency monitor (no deployment in a week, SEV4), all routed through the routing
 * stack by reference; a dashboard of the four DORA metrics with `service` and `env` variables.
 * The deployments and failures themselves come from the pipelines (Datadog's DORA Metrics API).
 */
import { App, TerraformStack } from 'cdktf';
import { DatadogSite, DoraMetricsStack, IncidentRoutingStack, Severity } from '../../src';

export function doraMetricsExample(app: App): TerraformStack[] {
  const routing = new IncidentRoutingStack(app, 'dora-metrics-routing', {
    aws: { region: 'eu-west-1', accountId: '123456789012' },
    slack: { workspaceId: 'T01234567', botTokenEnvironmentVariable: 'TF_VAR_slack_bot_token', datadogAccountName: 'acme' },
    routes: [
      { severities: [Severity.SEV1, Severity.SEV2, Severity.SEV3], slackChannel: 'delivery-alerts', slackChannelId: 'C0DELIVRY' },
      { severities: [Severity.SEV4, Severity.SEV5], email: 'platform-team@acme.example' },
    ],
  });

  const dora = new DoraMetricsStack(app, 'dora-metrics', {
    services: ['checkout', 'payments', 'catalog-api'],
    env: 'prod',
    team: 'platform',
    routing,
    datadog: { site: DatadogSite.EU1 },
    deploymentFrequency: { windowDays: 7, minimumDeployments: 1, severity: Severity.SEV4 },
    changeFailureRate: { maxPercent: 15, windowDays: 7 },
    timeToRestore: { maxHours: 4 },
    runbookUrl: 'https://wiki.acme.example/runbooks/delivery-performance',
  });
  return [routing, dora];
}

if (require.main === module) {
  const app = new App();
  doraMetricsExample(app);
  app.synth();
}
