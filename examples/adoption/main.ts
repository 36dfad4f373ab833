/**
 * Example: taking over what already exists, without re-creating it.
 *
 * Stack `adoption`: a Datadog monitor exported from the UI (its `id` becomes the import id), a
 * Grafana folder and a dashboard that exist in Grafana (their uids), and the CloudWatch alarm of
 * a monitor that was created by hand (its name). Each gets a Terraform `import` block next to its
 * resource, so the first `terraform apply` adopts the object and updates it in place.
 */
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, ComparisonOperator, DatadogConnection, DatadogMonitorImport, DatadogSite, GrafanaAuth, GrafanaConnection,
  GrafanaDashboardImport, GrafanaFolder, MonitorBackend, MonitorConfig, Secret, Signal, Statistic,
} from '../../src';

const corpus = (file: string) => path.join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', file);

export function adoptionExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'adoption');
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

  // Datadog: the monitor as exported from the UI (`id` 2081).
  DatadogMonitorImport.fromFile(stack, 'CheckoutLatency', path.join(__dirname, 'exports', 'monitor-2081.json'), { adopt: true });

  // Grafana: the existing folder (uid `kubernetes`) and the dashboard in it (uid `k8s_views_pods`).
  const folder = new GrafanaFolder(stack, 'Kubernetes', { connection: grafana, title: 'Kubernetes', uid: 'kubernetes', adopt: true });
  GrafanaDashboardImport.fromFile(stack, 'Pods', corpus('grafana-dashboards/dotdc__grafana-dashboards-kubernetes__dashboards__k8s-views-pods.json'), { folder, adopt: true });

  // CloudWatch: the alarm "orders queue is falling behind" exists (its name is the import id).
  new MonitorConfig(stack, 'OrdersAge', {
    title: 'orders queue is falling behind',
    message: 'The oldest message of the orders queue is older than 10 minutes.',
    signal: Signal.cloudWatchMetric({ namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: 'orders' }, statistic: Statistic.MAXIMUM }),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 600,
    backends: [MonitorBackend.cloudwatch({ adopt: true })],
  });
  return [stack];
}

if (require.main === module) {
  const app = new App();
  adoptionExample(app);
  app.synth();
}
