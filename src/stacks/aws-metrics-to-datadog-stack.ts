import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsConnection } from '../aws/aws-connection';
import { AwsRegions } from '../aws/aws-regions';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalArray, requirePattern } from '../core/private/validate';
import { Secret } from '../core/secret';
import { Severity } from '../core/severity';
import { DatadogConnection } from '../datadog/datadog-connection';
import { DatadogSite } from '../datadog/datadog-site';
import { DatadogExport, ExportInterval, MetricStatistics, MetricStreamFilter } from '../datadog/export/datadog-export';
import { IMonitorBackend } from '../monitors/backend';
import { INotificationTarget } from '../notifications/targets';

/** Props of an `AwsMetricsToDatadogStack`. */
export interface AwsMetricsToDatadogStackProps {
  /** The AWS account whose metrics are exported. */
  readonly accountId: string;
  /** Regions to export from; the first also holds the Datadog AWS integration and the API key secret. */
  readonly regions: string[];
  /**
   * Role Terraform assumes in the account (for a stack per account from a central pipeline).
   * @default - the environment's credentials
   */
  readonly assumeRoleArn?: string;
  /**
   * The Datadog site.
   * @default DatadogSite.US1
   */
  readonly datadogSite?: DatadogSite;
  /**
   * Name of the Secrets Manager secret `{"api_key": "…"}` that holds the Datadog API key, present
   * (replicated) in every region: Firehose reads it there itself, so the key reaches neither
   * cdktf.out nor the delivery streams' state.
   * @default "datadog/api-key"
   */
  readonly apiKeySecretName?: string;
  /**
   * Environment variable (`TF_VAR_<name>`) with the Datadog application key.
   * @default "TF_VAR_datadog_app_key"
   */
  readonly appKeyEnvironmentVariable?: string;
  /**
   * How often metrics are delivered.
   * @default ExportInterval.ONE_MINUTE
   */
  readonly exportInterval?: ExportInterval;
  /**
   * Namespaces (and metrics) to export.
   * @default - every namespace
   */
  readonly includeFilters?: MetricStreamFilter[];
  /**
   * Namespaces (and metrics) not to export (not with includeFilters).
   * @default - nothing excluded
   */
  readonly excludeFilters?: MetricStreamFilter[];
  /**
   * Percentiles and other statistics for chosen metrics.
   * @default - none
   */
  readonly additionalStatistics?: MetricStatistics[];
  /**
   * Tags for everything exported and for the Datadog account.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * The monitor backends of every pipeline's health checks (`MonitorBackend.cloudwatch()`,
   * `MonitorBackend.datadog()`, at most one of each); each region's checks watch that
   * region's pipeline, CloudWatch alarms in that region. `[]` creates none. Ignored when
   * `enabled` is false.
   * @default [MonitorBackend.cloudwatch()]
   */
  readonly healthBackends?: IMonitorBackend[];
  /**
   * Who every pipeline's health checks notify. Ignored when `enabled` is false.
   * @default - nobody (the checks only change state)
   */
  readonly healthTargets?: INotificationTarget[];
  /**
   * Severity of the health checks (targets are routed by it).
   * @default Severity.SEV3
   */
  readonly healthSeverity?: Severity;
  /**
   * Whether the pipelines exist (false removes them on the next apply).
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * AWS metrics of one account into Datadog, for a list of regions: one `DatadogExport` per
 * region (each with its own aliased AWS provider), the Datadog AWS integration once, and the
 * health checks of every pipeline, with an output that lists them.
 *
 * For several accounts, instantiate one stack per account (each with its own state and,
 * through `assumeRoleArn`, its own credentials).
 */
export class AwsMetricsToDatadogStack extends TerraformStack {
  /** The exports, by region. */
  public readonly exports: { [region: string]: DatadogExport };
  /** The Datadog connection. */
  public readonly datadog: DatadogConnection;

  constructor(scope: Construct, id: string, props: AwsMetricsToDatadogStackProps) {
    super(scope, id);
    const accountId = requirePattern(this, 'accountId', props.accountId, /^\d{12}$/, 'a 12-digit AWS account id');
    const regions = optionalArray(this, 'regions', props.regions, 'a non-empty list of AWS regions');
    if (regions.length === 0) fail(this, 'regions', regions, 'a non-empty list of AWS regions');
    regions.forEach((r, i) => {
      if (!AwsRegions.isKnown(r)) fail(this, `regions[${i}]`, r, `an AWS region (${AwsRegions.all().join(', ')})`);
    });
    if (new Set(regions).size !== regions.length) fail(this, 'regions', regions, 'regions without duplicates');
    const secretName = props.apiKeySecretName ?? 'datadog/api-key';

    const connections = regions.map((region, i) => new AwsConnection(this, `Aws-${region}`, {
      region,
      accountId,
      assumeRoleArn: props.assumeRoleArn,
      alias: i === 0 ? undefined : region.replace(/-/g, '_'),
    }));
    this.datadog = new DatadogConnection(this, 'Datadog', {
      site: props.datadogSite,
      apiKey: Secret.fromSecretsManager(this, 'DatadogApiKey', { secretId: secretName, jsonKey: 'api_key', aws: connections[0] }),
      appKey: Secret.fromEnvironment(this, 'DatadogAppKey', { environmentVariable: props.appKeyEnvironmentVariable ?? 'TF_VAR_datadog_app_key' }),
    });

    this.exports = {};
    regions.forEach((region, i) => {
      // Firehose reads the key from the secret of its own region.
      const regional = i === 0 ? undefined : Secret.fromSecretsManager(this, `DatadogApiKey-${region}`, { secretId: secretName, jsonKey: 'api_key', aws: connections[i] });
      this.exports[region] = new DatadogExport(this, `Export-${region}`, {
        aws: connections[i],
        datadog: this.datadog,
        apiKey: regional,
        enabled: props.enabled,
        exportInterval: props.exportInterval,
        includeFilters: props.includeFilters,
        excludeFilters: props.excludeFilters,
        additionalStatistics: props.additionalStatistics,
        tags: props.tags,
        // A disabled pipeline has no health checks: the stack keeps the rest of its props as they are.
        healthBackends: props.enabled === false ? undefined : props.healthBackends,
        healthTargets: props.enabled === false ? undefined : props.healthTargets,
        healthSeverity: props.healthSeverity,
        accountIntegration: i === 0,
        integrationRegions: i === 0 ? [...regions] : undefined,
      });
    });
    libraryScope(new TerraformOutput(this, 'ExportedRegions', { value: regions, description: 'Regions whose metrics stream to Datadog' }));
  }
}
