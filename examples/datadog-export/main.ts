/**
 * Example: AWS metrics into Datadog through CloudWatch metric streams.
 *
 * Stack `datadog-export`: one account, two regions (eu-west-1 and an aliased us-east-1
 * connection), the API key read by Firehose from Secrets Manager, include filters,
 * percentiles, metric metadata, account tags and health checks (CloudWatch alarms, the
 * eu-west-1 ones notifying an e-mail address through an encrypted SNS topic). The Datadog AWS
 * integration is created once, by the eu-west-1 export.
 * Stack `datadog-export-disabled`: the same export switched off: no pipeline resources.
 * Stack `datadog-export-account`: the AwsMetricsToDatadogStack template for one account and
 * three regions (one stack per account).
 */
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, AwsMetricsToDatadogStack, DatadogConnection, DatadogExport, DatadogMetricType, DatadogSite, ExportInterval, MonitorBackend,
  NotificationTarget, Secret,
} from '../../src';

export function datadogExportExample(app: App): TerraformStack[] {
  const main = new TerraformStack(app, 'datadog-export');
  const aws = new AwsConnection(main, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  const usEast1 = new AwsConnection(main, 'AwsUsEast1', { region: 'us-east-1', alias: 'us_east_1', accountId: '123456789012' });
  new DatadogConnection(main, 'Datadog', {
    site: DatadogSite.EU1,
    // A secret {"api_key": "..."} in eu-west-1: Firehose reads it itself, the key stays out of the state.
    apiKey: Secret.fromSecretsManager(main, 'DatadogApiKey', { secretId: 'observability/datadog-api-key', jsonKey: 'api_key', aws }),
    appKey: Secret.fromSsmParameter(main, 'DatadogAppKey', { parameterName: '/observability/datadog/app-key', aws }),
  });
  new DatadogExport(main, 'EuWest1', {
    exportInterval: ExportInterval.ONE_MINUTE,
    includeFilters: [
      { namespace: 'AWS/Lambda' },
      { namespace: 'AWS/SQS', metricNames: ['ApproximateAgeOfOldestMessage', 'NumberOfMessagesSent'] },
      { namespace: 'AWS/ApiGateway' },
    ],
    additionalStatistics: [
      { namespace: 'AWS/Lambda', metricName: 'Duration', statistics: ['p50', 'p95', 'p99', 'p99.9'] },
      { namespace: 'AWS/ApiGateway', metricName: 'Latency', statistics: ['p90', 'p95', 'p99'] },
    ],
    metricMapping: [
      { namespace: 'AWS/Lambda', metricName: 'Duration', unit: 'millisecond', description: 'Lambda invocation duration' },
      { namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', unit: 'second', description: 'Age of the oldest message in the queue' },
    ],
    tags: { 'team': 'platform', 'env': 'prod', 'managed-by': 'cdktf-integrations' },
    integrationRegions: ['eu-west-1', 'us-east-1'],
    // Health checks on the default backend (CloudWatch alarms in eu-west-1), notifying the team.
    healthTargets: [NotificationTarget.email({ address: 'observability-alerts@example.com' })],
  });
  new DatadogExport(main, 'UsEast1', {
    aws: usEast1,
    exportInterval: ExportInterval.FIVE_MINUTES,
    excludeFilters: [{ namespace: 'AWS/Usage' }, { namespace: 'AWS/EC2', metricNames: ['CPUCreditBalance'] }],
    accountIntegration: false,
    // CloudWatch alarms in us-east-1 (the export's own region), notifying nobody.
    healthBackends: [MonitorBackend.cloudwatch()],
  });

  const off = new TerraformStack(app, 'datadog-export-disabled');
  new AwsConnection(off, 'Aws', { region: 'eu-central-1' });
  new DatadogConnection(off, 'Datadog', {
    apiKey: Secret.fromTerraformVariable(off, 'DdApiKey', { variableName: 'datadog_export_api_key' }),
    appKey: Secret.fromTerraformVariable(off, 'DdAppKey', { variableName: 'datadog_export_app_key' }),
  });
  new DatadogExport(off, 'Metrics', {
    enabled: false,
    exportInterval: ExportInterval.FIFTEEN_MINUTES,
    metricMapping: [{ namespace: 'AWS/RDS', metricName: 'FreeStorageSpace', unit: 'byte', metricType: DatadogMetricType.GAUGE }],
  });
  const account = new AwsMetricsToDatadogStack(app, 'datadog-export-account', {
    accountId: '210987654321',
    regions: ['eu-central-1', 'eu-west-1', 'us-east-1'],
    assumeRoleArn: 'arn:aws:iam::210987654321:role/observability-deployer',
    datadogSite: DatadogSite.EU1,
    exportInterval: ExportInterval.FIVE_MINUTES,
    includeFilters: [{ namespace: 'AWS/Lambda' }, { namespace: 'AWS/SQS' }, { namespace: 'AWS/ApplicationELB' }],
    tags: { env: 'prod', account: 'payments' },
  });
  return [main, off, account];
}

if (require.main === module) {
  const app = new App();
  datadogExportExample(app);
  app.synth();
}
