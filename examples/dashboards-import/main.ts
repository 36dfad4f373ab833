/**
 * Example: dashboards and monitors exported from the Grafana and Datadog UIs, managed as code.
 *
 * Stack `dashboards-import`: Grafana dashboards (one exported "for sharing externally", with its
 * datasource input mapped to a uid), a Datadog dashboard and Datadog monitors, imported from
 * JSON files of the test corpus and from an inline object. Credentials come from AWS Secrets
 * Manager: the Grafana service-account token and the Datadog keys.
 */
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, DatadogConnection, DatadogDashboardImport, DatadogMonitorImport, DatadogSite, GrafanaAuth, GrafanaConnection,
  GrafanaDashboardImport, GrafanaFolder, Secret,
} from '../../src';

const corpus = (file: string) => path.join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', file);

export function dashboardsImportExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'dashboards-import');
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
  const grafana = new GrafanaConnection(stack, 'Grafana', {
    url: 'https://acme.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(Secret.fromSecretsManager(stack, 'GrafanaToken', { secretId: 'observability/grafana-token', aws })),
  });
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: Secret.fromSecretsManager(stack, 'DatadogApiKey', { secretId: 'observability/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromSecretsManager(stack, 'DatadogAppKey', { secretId: 'observability/datadog', jsonKey: 'app_key', aws }),
  });

  // Grafana: a folder managed here, and two exported dashboards.
  const folder = new GrafanaFolder(stack, 'KubernetesFolder', { connection: grafana, title: 'Kubernetes', uid: 'kubernetes' });
  GrafanaDashboardImport.fromFile(stack, 'PodsDashboard',
    corpus('grafana-dashboards/dotdc__grafana-dashboards-kubernetes__dashboards__k8s-views-pods.json'), { folder });
  GrafanaDashboardImport.fromFile(stack, 'Bind9Dashboard',
    corpus('grafana-dashboards/rfmoz__grafana-dashboards__prometheus__bind9-full.json'), {
      folderUid: 'dns',
      datasources: { DS_PROMETHEUS: 'prometheus-main' },
      overwrite: true,
    });

  // Datadog: an integration dashboard, an integration monitor asset, and a monitor exported from the UI.
  DatadogDashboardImport.fromFile(stack, 'Resilience4jDashboard',
    corpus('datadog-dashboards/DataDog__integrations-extras__resilience4j__assets__dashboards__resilience4j_overview.json'));
  DatadogMonitorImport.fromFile(stack, 'RedisMemoryMonitor',
    corpus('datadog-monitors/DataDog__integrations-core__redisdb__assets__monitors__high_mem.json'));
  DatadogMonitorImport.fromObject(stack, 'CheckoutLatencyMonitor', {
    name: 'Checkout p99 latency is high',
    type: 'query alert',
    query: 'percentile(last_10m):p99:trace.http.request{service:checkout} by {env} > 2',
    message: 'p99 latency is {{value}}s on {{env.name}}. @slack-payments',
    tags: ['team:payments', 'service:checkout'],
    priority: 2,
    options: {
      thresholds: { critical: 2, warning: 1.5, critical_recovery: 1.8 },
      notify_no_data: false,
      renotify_interval: 60,
      require_full_window: false,
      include_tags: true,
    },
  });
  return [stack];
}

if (require.main === module) {
  const app = new App();
  dashboardsImportExample(app);
  app.synth();
}
