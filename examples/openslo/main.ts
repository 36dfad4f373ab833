/**
 * Example: the SLOs of the checkout service written in OpenSLO v1 (`slos.yaml` next to this
 * file) and rendered where each SLI can be evaluated: the Datadog SLI on Datadog, the
 * Prometheus SLI on Grafana, the CloudWatch SLI on CloudWatch.
 *
 * Stack `openslo`: per SLO a Datadog SLO with `slo alert` monitors, a Grafana rule group, or
 * CloudWatch burn-rate alarms joined by composite alarms; the alert policies' notification
 * targets are PagerDuty (pages) and Slack.
 */
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, DatadogConnection, DatadogSite, GrafanaAuth, GrafanaConnection, MonitorBackend, NotificationTarget, OpenSloCatalog,
  PagerDutyConnection, PagerDutyRegion, Secret, Severity, SlackConnection,
} from '../../src';

export function openSloExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'openslo');

  // Where things are.
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: Secret.fromSecretsManager(stack, 'DatadogApiKey', { secretId: 'observability/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromEnvironment(stack, 'DatadogAppKey', { environmentVariable: 'TF_VAR_openslo_datadog_app_key' }),
  });
  new GrafanaConnection(stack, 'Grafana', {
    url: 'https://acme.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(Secret.fromEnvironment(stack, 'GrafanaToken', { environmentVariable: 'TF_VAR_openslo_grafana_token' })),
  });
  new SlackConnection(stack, 'Slack', {
    workspaceId: 'T01234567',
    datadogAccountName: 'acme',
    botToken: Secret.fromSsmParameter(stack, 'SlackBotToken', { parameterName: '/observability/slack/bot-token', aws }),
  });
  new PagerDutyConnection(stack, 'PagerDuty', { region: PagerDutyRegion.EU });

  // The file's AlertNotificationTargets, by name.
  const targets = {
    'checkout-oncall': NotificationTarget.pagerDuty({
      serviceName: 'checkout',
      integrationKey: Secret.fromSecretsManager(stack, 'PagerDutyKey', { secretId: 'observability/pagerduty-checkout', aws }),
      severities: [Severity.SEV1, Severity.SEV2],
    }),
    'checkout-channel': NotificationTarget.slack({ channel: 'checkout-alerts', channelId: 'C0123ABCD' }),
  };

  // Each SLO on the backends that can evaluate its source.
  OpenSloCatalog.fromFile(stack, 'Slos', path.join(__dirname, 'slos.yaml'), {
    datadogBackends: [MonitorBackend.datadog()],
    prometheusBackends: [MonitorBackend.grafana({ datasourceUid: 'prometheus', folder: 'Checkout SLOs' })],
    cloudWatchBackends: [MonitorBackend.cloudwatch()],
    targets,
    pageSeverity: Severity.SEV2,
    ticketSeverity: Severity.SEV4,
    tags: { env: 'prod' },
  });

  return [stack];
}

if (require.main === module) {
  const app = new App();
  openSloExample(app);
  app.synth();
}
