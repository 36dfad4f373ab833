/**
 * Example: the monitors of two Kubernetes Deployments ("checkout" and "search" in namespace
 * `shop`) and of the gateways in front of them, on Grafana (Prometheus) and Datadog, with
 * routing by severity and one dashboard drawn on both.
 *
 * Stack `kubernetes`:
 * - `MonitorPresets.kubernetesWorkload()` for each Deployment: restarts, unavailable replicas,
 *   pending pods, CPU and memory against limits (SEV2);
 * - `MonitorPresets.nginxIngress()` for the storefront's `checkout` Service behind ingress-nginx
 *   (SEV1), `MonitorPresets.kongGateway()` for the public `search` API behind Kong, with a
 *   request rate floor (SEV3);
 * - SEV1/SEV2 page PagerDuty; every severity posts to the team's Slack channel;
 * - `Dashboard.fromMonitors()`: one row per group, PromQL charts on Grafana, Datadog queries
 *   on Datadog.
 * The Datadog and Grafana credentials come from AWS Secrets Manager and the environment.
 */
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, Dashboard, DashboardBackend, DatadogConnection, DatadogSite, GrafanaAuth, GrafanaConnection, GrafanaDataSource, GrafanaFolder,
  MonitorBackend, MonitorPresets, NotificationTarget, PagerDutyConnection, PagerDutyRegion, Secret, Severity, SlackConnection,
} from '../../src';

export function kubernetesExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'kubernetes');

  // Where things are.
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: Secret.fromSecretsManager(stack, 'DatadogApiKey', { secretId: 'observability/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromEnvironment(stack, 'DatadogAppKey', { environmentVariable: 'TF_VAR_kubernetes_datadog_app_key' }),
  });
  new GrafanaConnection(stack, 'Grafana', {
    url: 'https://shop.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(Secret.fromEnvironment(stack, 'GrafanaToken', { environmentVariable: 'TF_VAR_kubernetes_grafana_token' })),
  });
  const folder = new GrafanaFolder(stack, 'ShopFolder', { title: 'Shop' });
  const prometheus = GrafanaDataSource.prometheus(stack, 'PrometheusSource', {
    name: 'Prometheus (shop cluster)',
    url: 'https://prometheus.shop.acme.example',
    bearerToken: Secret.fromEnvironment(stack, 'PrometheusToken', { environmentVariable: 'TF_VAR_kubernetes_prometheus_token' }),
  });
  new SlackConnection(stack, 'Slack', {
    workspaceId: 'T01234567',
    datadogAccountName: 'acme',
    botToken: Secret.fromSsmParameter(stack, 'SlackBotToken', { parameterName: '/observability/slack/bot-token', aws }),
  });
  new PagerDutyConnection(stack, 'PagerDuty', { region: PagerDutyRegion.EU });

  // Who hears what.
  const targets = [
    NotificationTarget.pagerDuty({
      serviceName: 'shop',
      integrationKey: Secret.fromSecretsManager(stack, 'PagerDutyKey', { secretId: 'observability/pagerduty-shop', aws }),
      severities: [Severity.SEV1, Severity.SEV2],
    }),
    NotificationTarget.slack({ channel: 'shop-alerts', channelId: 'C0SHOP123' }),
  ];

  // Where monitors are evaluated: the cluster's Prometheus in Grafana, and Datadog's Agent.
  const common = {
    backends: [MonitorBackend.grafana({ datasourceUid: prometheus.uid, folderUid: folder.uid }), MonitorBackend.datadog()],
    targets,
    tags: { team: 'shop', cluster: 'shop-prod' },
    runbookUrl: 'https://runbooks.acme.example/shop',
  };

  const checkout = MonitorPresets.kubernetesWorkload(stack, 'CheckoutDeployment', {
    ...common, namespace: 'shop', deployment: 'checkout', severity: Severity.SEV2,
  });
  const search = MonitorPresets.kubernetesWorkload(stack, 'SearchDeployment', {
    ...common, namespace: 'shop', deployment: 'search', severity: Severity.SEV2, maxCpuPercentOfLimit: 80,
  });
  // The storefront reaches checkout through ingress-nginx: failed orders page at once.
  const storefront = MonitorPresets.nginxIngress(stack, 'CheckoutIngress', {
    ...common, service: 'checkout', namespace: 'shop', max5xxPercent: 2, severity: Severity.SEV1,
  });
  // Partners call the search API through Kong; a quiet API is worth a look, not a page.
  const api = MonitorPresets.kongGateway(stack, 'SearchApi', {
    ...common, service: 'search', maxLatencyP99Ms: 500, minRequestsPerSecond: 1, severity: Severity.SEV3,
  });

  // One dashboard from the groups: each backend draws the queries it can run.
  Dashboard.fromMonitors(stack, 'ShopDashboard', {
    title: 'Shop on Kubernetes',
    groups: [storefront, api, checkout, search],
    backends: [DashboardBackend.grafana({ folder, datasourceUid: prometheus.uid }), DashboardBackend.datadog()],
  });

  return [stack];
}

if (require.main === module) {
  const app = new App();
  kubernetesExample(app);
  app.synth();
}
