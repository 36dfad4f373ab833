import { CloudwatchMetricStream } from '@cdktf/provider-aws/lib/cloudwatch-metric-stream';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { IntegrationAwsAccount } from '@cdktf/provider-datadog/lib/integration-aws-account';
import { Annotations, TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { createAccountIntegration, createMetricDescriptions } from './private/account-integration';
import { AWS_NAMESPACES, DATADOG_METRICS_INTAKE } from './private/datadog-export-facts';
import { createFailedDataBucket } from './private/failed-data-bucket';
import { createHealthChecks, healthNamespacesToPoll, ResolvedHealth, unalarmedHealthChecks, UnalarmedHealthCheck, validateHealth } from './private/health';
import { createDeliveryStream, createMetricStream } from './private/metric-stream';
import { streamStatistics } from './private/used-statistics';
import {
  ResolvedFilter, ResolvedMapping, ResolvedStatistics, validateFilters, validateMapping, validateRegions, validateStatistics,
  validateTags, warnUnstreamedMappings,
} from './private/validate-props';
import { AwsConnection } from '../../aws/aws-connection';
import { AwsRegions } from '../../aws/aws-regions';
import { IIntegration, IntegrationDescription, IntegrationHealthKind, IntegrationHealthSignal, Integrations } from '../../core/integration';
import { requireSecret } from '../../core/private/require-secret';
import { libraryScope } from '../../core/private/template-escape';
import { fail, isToken, optionalBoolean, optionalPattern, requireInteger, requireOneOf, requirePattern } from '../../core/private/validate';
import { Secret } from '../../core/secret';
import { Severity } from '../../core/severity';
import { IMonitorBackend } from '../../monitors/backend';
import { MonitorConfig } from '../../monitors/monitor-config';
import { Comparisons } from '../../monitors/threshold';
import { INotificationTarget } from '../../notifications/targets';
import { DatadogConnection } from '../datadog-connection';

/** How often metrics are delivered to Datadog (the Firehose buffering interval). */
export enum ExportInterval {
  /** Every minute (buffering interval 60 s): lowest latency, most HTTP requests. */
  ONE_MINUTE = 'ONE_MINUTE',
  /** Every 5 minutes (300 s, the Firehose default). */
  FIVE_MINUTES = 'FIVE_MINUTES',
  /** Every 15 minutes (900 s, the Firehose maximum): fewest requests, highest latency. */
  FIFTEEN_MINUTES = 'FIFTEEN_MINUTES',
}

/** What a health check of the export watches. */
export enum HealthCheckKind {
  /** Share of delivery requests to Datadog that failed (error rate). */
  DELIVERY_ERRORS = 'DELIVERY_ERRORS',
  /** Age of the oldest undelivered record: the time since the last successful delivery ("last sync"). */
  DATA_FRESHNESS = 'DATA_FRESHNESS',
  /** Records Firehose throttled. */
  THROTTLING = 'THROTTLING',
  /** Objects of failed data written to the backup bucket. */
  FAILED_DATA = 'FAILED_DATA',
}

/** Datadog metric types that metric metadata can set. */
export enum DatadogMetricType {
  /** A gauge. */
  GAUGE = 'gauge',
  /** A count. */
  COUNT = 'count',
  /** A rate. */
  RATE = 'rate',
}

/** A metric-stream filter: a namespace, optionally narrowed to some metrics. */
export interface MetricStreamFilter {
  /** CloudWatch namespace, e.g. `AWS/Lambda`. */
  readonly namespace: string;
  /**
   * Metric names in the namespace.
   * @default - every metric of the namespace
   */
  readonly metricNames?: string[];
}

/** Percentile statistics to stream for some metrics, on top of min, max, sum and sample count. */
export interface MetricStatistics {
  /** CloudWatch namespace of the metric. */
  readonly namespace: string;
  /** CloudWatch metric name. */
  readonly metricName: string;
  /** Percentiles such as `p50`, `p99`, `p99.9` (at most 20; the OpenTelemetry formats accept only percentiles). */
  readonly statistics: string[];
}

/** How one exported CloudWatch metric is described in Datadog. */
export interface MetricMapping {
  /** CloudWatch namespace of the source metric. */
  readonly namespace: string;
  /** CloudWatch name of the source metric, e.g. `Duration`. */
  readonly metricName: string;
  /**
   * The Datadog metric the source arrives as. Datadog cannot rename a metric it receives
   * from a metric stream: give this only when Datadog's name differs from the documented rule
   * (`aws.<namespace>.<snake_case>`). A value that differs from the rule gets a synth warning.
   * Rules: starts with a letter; ASCII letters, digits, `_` and `.`; at most 200 characters.
   * @default - `aws.<namespace without AWS/, lower case>.<metric name in snake case>`; required for custom namespaces
   */
  readonly datadogMetricName?: string;
  /**
   * Tag keys that stay queryable on the metric (a Datadog metric tag configuration;
   * all other tags are dropped from queries).
   * @default - no tag configuration: every tag stays queryable
   */
  readonly tags?: string[];
  /**
   * Datadog unit name, e.g. `millisecond`, `byte`, `request`, `percent`.
   * @default - unchanged
   */
  readonly unit?: string;
  /**
   * Description shown in Datadog's metric summary.
   * @default - unchanged
   */
  readonly description?: string;
  /**
   * Metric type set in the metadata (and of the tag configuration).
   * @default DatadogMetricType.GAUGE
   */
  readonly metricType?: DatadogMetricType;
}

/**
 * One health check of the export, for status dashboards: one check (`kind`) on one monitor
 * backend. Its title, signal, threshold and window are those of `monitor`.
 */
export interface DatadogExportHealthCheck {
  /** What it watches. */
  readonly kind: HealthCheckKind;
  /**
   * The backend it is rendered on, with the export's connection (its id is the id of the
   * rendering under `monitor`).
   */
  readonly backend: IMonitorBackend;
  /**
   * The check's `MonitorConfig`: title, signal, comparison, `critical` threshold, window,
   * missing-data policy, targets (more can be added with `addTarget()`), and the rendered
   * alarm or monitor (`monitor.rendering(backend.id).resource`).
   */
  readonly monitor: MonitorConfig;
  /** The watched metric, for humans: `AWS/Firehose DeliveryToHttpEndpoint.Success`, or the Datadog metric query. */
  readonly metric: string;
  /** ARN of the CloudWatch alarm, or id of the Datadog monitor (a Terraform token). */
  readonly reference: string;
}

/** Props of a `DatadogExport`. */
export interface DatadogExportProps {
  /**
   * Whether the pipeline exists. `false` creates no resources at all (the next apply removes
   * a previously created pipeline cleanly, including the failed-data bucket and its objects;
   * Datadog metric metadata is left as it is, since deleting it is a no-op in Datadog); the
   * construct stays in the tree.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * How often metrics are delivered (Firehose buffering interval).
   * @default ExportInterval.ONE_MINUTE
   */
  readonly exportInterval?: ExportInterval;
  /**
   * Stream only these namespaces (and metrics). Not together with `excludeFilters`.
   * @default - every namespace
   */
  readonly includeFilters?: MetricStreamFilter[];
  /**
   * Stream everything but these namespaces (and metrics). Not together with `includeFilters`.
   * @default - nothing excluded
   */
  readonly excludeFilters?: MetricStreamFilter[];
  /**
   * Accept namespaces that are not AWS namespaces (your own metrics). Namespaces starting
   * with `AWS/` must always be one of `DatadogExport.knownNamespaces()`.
   * @default false
   */
  readonly allowCustomNamespaces?: boolean;
  /**
   * Extra percentile statistics for chosen metrics (at most 100 metrics).
   * @default - none: min, max, sum and sample count only
   */
  readonly additionalStatistics?: MetricStatistics[];
  /**
   * Also stream the metrics of source accounts linked to this monitoring account.
   * @default false
   */
  readonly includeLinkedAccountsMetrics?: boolean;
  /**
   * Descriptions, units and queryable tags of exported metrics in Datadog.
   * @default - none
   */
  readonly metricMapping?: MetricMapping[];
  /**
   * Tags added to every metric exported from the account (Datadog account tags), to the
   * AWS resources of the pipeline and to its health checks (those whose values are known at
   * synth time; not `severity`, which the checks set from `healthSeverity`). Keys start with
   * a letter; keys and values use letters, digits, `_ - . /` (values also `:`).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Base name of the pipeline's resources (stream, delivery stream, roles, alarms).
   * @default - `datadog-metrics-<region>`
   */
  readonly name?: string;
  /**
   * Seconds Firehose keeps retrying a failed delivery before writing it to the bucket (0-7200).
   * @default 60
   */
  readonly retryDuration?: number;
  /**
   * Buffer size in MiB at which Firehose delivers before the interval ends (1-64).
   * @default 4
   */
  readonly bufferSize?: number;
  /**
   * Days after which failed-data objects are deleted from the bucket (1-3650).
   * @default 30
   */
  readonly failedDataRetentionDays?: number;
  /**
   * Retention of the delivery-error log group, in days (a CloudWatch Logs retention value).
   * @default 30
   */
  readonly logRetentionDays?: number;
  /**
   * ARN of the customer-managed KMS key that encrypts the API-key secret in Secrets Manager;
   * grants Firehose `kms:Decrypt` through Secrets Manager.
   * @default - the secret uses the AWS managed key
   */
  readonly secretKmsKeyArn?: string;
  /**
   * Create the Datadog AWS account integration (`datadog_integration_aws_account`) and the
   * IAM role Datadog assumes. One per AWS account: with one export per region, set it on
   * one of them only.
   * @default true
   */
  readonly accountIntegration?: boolean;
  /**
   * Name of the IAM role Datadog assumes.
   * @default "DatadogIntegrationRole"
   */
  readonly integrationRoleName?: string;
  /**
   * Regions the Datadog account integration covers.
   * @default - all regions
   */
  readonly integrationRegions?: string[];
  /**
   * The monitor backends the health checks are rendered on, at most one of each kind:
   * `MonitorBackend.cloudwatch()` (CloudWatch alarms in the export's account and region) and
   * `MonitorBackend.datadog()` (Datadog monitors in the export's organization; with
   * `includeFilters`, the integration also polls `AWS/Firehose` and `AWS/S3` so that their
   * metrics reach Datadog). Each check is one `MonitorConfig` per backend (see `healthChecks`).
   * A backend's `connection`, if set, must be the export's. With an aliased AwsConnection the
   * CloudWatch checks render under the id `<backend id>-<alias>`, so that their targets'
   * SNS topics are in the export's region. `[]` creates no health checks; with
   * `enabled: false` only `[]` (or nothing) is accepted.
   * @default [MonitorBackend.cloudwatch()] ([] when disabled)
   */
  readonly healthBackends?: IMonitorBackend[];
  /**
   * Who the health checks notify, on every backend: `NotificationTarget.slack()`,
   * `pagerDuty()`, `email()` or `webhook()`. A target hears the checks only if it takes
   * `healthSeverity`. Only with health checks (not with `healthBackends: []` or
   * `enabled: false`).
   * @default - nobody (the checks only change state)
   */
  readonly healthTargets?: INotificationTarget[];
  /**
   * Severity of the health checks: targets are routed by it, and it is the Datadog priority
   * and a `severity` tag.
   * @default Severity.SEV3
   */
  readonly healthSeverity?: Severity;
  /**
   * Lowest acceptable share of successful deliveries (0 < x <= 1), averaged over 15 minutes.
   * @default 0.99
   */
  readonly minDeliverySuccessRate?: number;
  /**
   * Highest acceptable age of undelivered data, in seconds: the CloudWatch check alarms when
   * the oldest undelivered record stays older than this for one buffering interval plus 10
   * minutes (rounded up to 5-minute periods), or when Firehose reports nothing for as long.
   * At least the buffering interval plus 60 s, at most 86400. (The Datadog check cannot see
   * the age; it alerts when no data arrives from the stream.)
   * @default - buffering interval + retry duration + 300
   */
  readonly maxDataFreshness?: number;
  /**
   * The AWS account and region to export from (its provider is used, so aliases work).
   * @default AwsConnection.of(this)
   */
  readonly aws?: AwsConnection;
  /**
   * The Datadog organization to export to (site, API key, provider).
   * @default DatadogConnection.of(this)
   */
  readonly datadog?: DatadogConnection;
  /**
   * The API key the delivery stream sends, when it is not the connection's (for example the
   * replica, in this export's region, of a Secrets Manager secret that lives in another region:
   * Firehose reads secrets of its own region).
   * @default - the DatadogConnection's API key
   */
  readonly apiKey?: Secret;
}

const INTERVAL_SECONDS: Record<ExportInterval, number> = {
  [ExportInterval.ONE_MINUTE]: 60,
  [ExportInterval.FIVE_MINUTES]: 300,
  [ExportInterval.FIFTEEN_MINUTES]: 900,
};
// CloudWatch Logs PutRetentionPolicy accepted values.
const LOG_RETENTION = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
const NAME = /^[A-Za-z0-9_-]{1,48}$/;
/** What each check tells, in the IntegrationCatalog's terms (failed data is the pipeline's dead letters). */
const HEALTH_KIND: Record<HealthCheckKind, IntegrationHealthKind> = {
  [HealthCheckKind.DELIVERY_ERRORS]: IntegrationHealthKind.ERROR_RATE,
  [HealthCheckKind.DATA_FRESHNESS]: IntegrationHealthKind.FRESHNESS,
  [HealthCheckKind.THROTTLING]: IntegrationHealthKind.THROTTLING,
  [HealthCheckKind.FAILED_DATA]: IntegrationHealthKind.DEAD_LETTERS,
};

/** Every prop, validated (those that need no connection). */
interface ResolvedProps {
  readonly bufferSeconds: number;
  readonly allowCustomNamespaces: boolean;
  readonly include: ResolvedFilter[];
  readonly exclude: ResolvedFilter[];
  readonly statistics: ResolvedStatistics[];
  readonly mapping: ResolvedMapping[];
  readonly tags: Record<string, string>;
  readonly includeLinkedAccountsMetrics: boolean;
  readonly retryDuration: number;
  readonly bufferSize: number;
  readonly failedDataRetentionDays: number;
  readonly logRetentionDays: number;
  readonly secretKmsKeyArn?: string;
  readonly accountIntegration: boolean;
  readonly integrationRoleName: string;
  readonly integrationRegions?: string[];
  readonly health: ResolvedHealth;
}

/**
 * Exports AWS CloudWatch metrics into Datadog through a CloudWatch metric stream:
 *
 * ```
 * CloudWatch metric stream ──► Firehose (HTTP endpoint) ──► Datadog metrics intake (per site)
 *   (filters, percentiles,        │  buffering = exportInterval, GZIP, retries
 *    OpenTelemetry 1.0)           ├─► CloudWatch Logs (delivery errors)
 *                                 └─► S3 bucket (failed data: encrypted, private, expiring)
 * ```
 *
 * plus, on the Datadog side, the AWS account integration (role delegation with a
 * Datadog-generated external id, namespace filters that match the stream, account tags),
 * metric metadata and tag configurations, and health checks on delivery errors, data
 * freshness, throttling and failed data: a `MonitorConfig` per check on each of the
 * `healthBackends` (CloudWatch alarms, Datadog monitors), notifying the `healthTargets`.
 *
 * **API key and Terraform state.** The key is the `apiKey` Secret of the DatadogConnection.
 * When it is a Secrets Manager secret whose JSON key is `api_key` (the format Firehose
 * requires, `{"api_key": "<key>"}`), Firehose reads it itself (`secrets_manager_configuration`)
 * and the key is neither in the synthesized JSON nor in the state of the delivery stream (the
 * secret must be in the stream's region). Any other secret (a variable, the environment,
 * SSM, another JSON key) cannot be read by Firehose: its value goes into `access_key` of the
 * delivery stream, which Terraform stores in the state, and synthesis warns.
 *
 * **Regions and accounts.** A metric stream is regional: create one DatadogExport per region,
 * each with an `AwsConnection` of that region (`alias` for all but one), and set
 * `accountIntegration: true` on one of them only (the Datadog integration is per account).
 * For several accounts, use one stack per account, each with its own AwsConnection
 * (`accountId`, `assumeRoleArn`) and state:
 *
 * ```ts
 * for (const acct of accounts) {
 *   const stack = new TerraformStack(app, `metrics-${acct.name}`);
 *   new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: acct.id, assumeRoleArn: acct.role });
 *   const usEast1 = new AwsConnection(stack, 'AwsUsEast1', { region: 'us-east-1', alias: 'us_east_1', accountId: acct.id, assumeRoleArn: acct.role });
 *   new DatadogConnection(stack, 'Datadog', { apiKey, appKey });
 *   new DatadogExport(stack, 'EuWest1', {});
 *   new DatadogExport(stack, 'UsEast1', { aws: usEast1, accountIntegration: false });
 * }
 * ```
 *
 * **Renames.** Datadog has no way to rename a metric that arrives from a stream; a
 * `metricMapping` entry describes the metric under the name Datadog gives it.
 */
export class DatadogExport extends Construct implements IIntegration {
  /** The AWS namespaces accepted without `allowCustomNamespaces`, sorted. */
  public static knownNamespaces(): string[] {
    return [...AWS_NAMESPACES];
  }

  /** Whether the pipeline exists. */
  public readonly enabled: boolean;
  /** The export interval. */
  public readonly exportInterval: ExportInterval;
  /** Base name of the pipeline's resources. */
  public readonly name: string;
  /**
   * The metric stream (escape hatch).
   * @default - none when disabled
   */
  public readonly metricStream?: CloudwatchMetricStream;
  /**
   * The Firehose delivery stream.
   * @default - none when disabled
   */
  public readonly deliveryStream?: KinesisFirehoseDeliveryStream;
  /**
   * The bucket of failed data.
   * @default - none when disabled
   */
  public readonly failedDataBucket?: S3Bucket;
  /**
   * The Datadog AWS account integration.
   * @default - none when disabled or `accountIntegration: false`
   */
  public readonly accountIntegration?: IntegrationAwsAccount;
  /**
   * Whether Firehose reads the API key from Secrets Manager (false: it is in `access_key` and the state).
   */
  public readonly apiKeyFromSecretsManager: boolean;
  /**
   * The health checks: every `HealthCheckKind` (in the enum's order) on every health backend
   * (in the order given). Empty when disabled or with `healthBackends: []`.
   */
  public readonly healthChecks: DatadogExportHealthCheck[] = [];
  private awsConnection?: AwsConnection;
  private datadogConnection?: DatadogConnection;
  private apiKeySecret?: Secret;
  private unalarmed: UnalarmedHealthCheck[] = [];

  constructor(scope: Construct, id: string, props: DatadogExportProps = {}) {
    super(scope, id);
    libraryScope(this);
    Integrations.mark(this);
    const p = props ?? {};
    this.enabled = optionalBoolean(this, 'enabled', p.enabled, true);
    this.exportInterval = p.exportInterval === undefined ? ExportInterval.ONE_MINUTE
      : requireOneOf(this, 'exportInterval', p.exportInterval, Object.values(ExportInterval),
        'ExportInterval.ONE_MINUTE, FIVE_MINUTES or FIFTEEN_MINUTES (1, 5 or 15 minutes)');
    const cfg = this.validate(p);

    if (!this.enabled) {
      this.name = p.name === undefined ? 'datadog-metrics' : requirePattern(this, 'name', p.name, NAME, 'a name of 1-48 letters, digits, _ or -');
      this.apiKeyFromSecretsManager = false;
      new TerraformOutput(this, 'Status', { value: { enabled: false, name: this.name }, description: `Status of the Datadog export ${this.node.path}` });
      return;
    }

    const { aws, datadog, intakeUrl } = this.connections(p);
    this.name = p.name === undefined ? `datadog-metrics-${aws.region}` : requirePattern(this, 'name', p.name, NAME, 'a name of 1-48 letters, digits, _ or -');
    const provider = aws.provider;
    const awsTags = Object.keys(cfg.tags).length > 0 ? cfg.tags : undefined;
    const accountId = aws.accountId ?? new DataAwsCallerIdentity(this, 'Account', { provider }).accountId;

    // The pipeline: failed-data bucket, Firehose delivery stream, metric stream.
    const bucket = createFailedDataBucket(this, { provider, name: this.name, retentionDays: cfg.failedDataRetentionDays, tags: awsTags });
    this.failedDataBucket = bucket;
    const apiKey = p.apiKey === undefined ? datadog.apiKey : requireSecret(this, 'apiKey', p.apiKey);
    const delivery = createDeliveryStream(this, {
      aws,
      datadog,
      apiKey,
      name: this.name,
      intakeUrl,
      accountId,
      bucket,
      bufferSeconds: cfg.bufferSeconds,
      bufferSize: cfg.bufferSize,
      retryDuration: cfg.retryDuration,
      logRetentionDays: cfg.logRetentionDays,
      secretKmsKeyArn: cfg.secretKmsKeyArn,
      tags: awsTags,
    });
    this.deliveryStream = delivery.deliveryStream;
    this.apiKeyFromSecretsManager = delivery.apiKeyFromSecretsManager;
    this.metricStream = createMetricStream(this, {
      provider,
      name: this.name,
      accountId,
      deliveryStream: delivery.deliveryStream,
      include: cfg.include,
      exclude: cfg.exclude,
      statistics: () => streamStatistics(this, cfg.statistics, cfg.include, cfg.exclude),
      includeLinkedAccountsMetrics: cfg.includeLinkedAccountsMetrics,
      tags: awsTags,
    });

    // The Datadog side: account integration, metric metadata and tag configurations.
    if (cfg.accountIntegration) {
      this.accountIntegration = createAccountIntegration(this, {
        aws,
        datadog,
        accountId,
        roleName: cfg.integrationRoleName,
        regions: cfg.integrationRegions,
        tags: cfg.tags,
        include: cfg.include,
        exclude: cfg.exclude,
        allowCustomNamespaces: cfg.allowCustomNamespaces,
        polledNamespaces: healthNamespacesToPoll(cfg.health),
      });
    } else {
      if (Object.keys(cfg.tags).length > 0) {
        Annotations.of(this).addWarning(`${this.node.path}: 'tags' reach Datadog as account tags of the AWS integration, which this export does not manage (accountIntegration: false); set them on the export that does.`);
      }
      if (p.integrationRegions !== undefined) {
        Annotations.of(this).addWarning(`${this.node.path}: 'integrationRegions' is ignored with accountIntegration: false.`);
      }
    }
    createMetricDescriptions(this, datadog, cfg.mapping);

    // Health.
    const healthOptions = {
      aws,
      datadog,
      name: this.name,
      deliveryStreamName: delivery.deliveryStream.name,
      bucket,
      health: cfg.health,
      bufferSeconds: cfg.bufferSeconds,
      tags: cfg.tags,
    };
    const checks = createHealthChecks(this, healthOptions);
    if (checks.length === 0) this.unalarmed = unalarmedHealthChecks(healthOptions);
    this.awsConnection = aws;
    this.datadogConnection = datadog;
    this.apiKeySecret = apiKey;
    for (const h of checks) {
      this.healthChecks.push({ kind: HealthCheckKind[h.kind], backend: h.backend, monitor: h.monitor, metric: h.metric, reference: h.reference });
    }

    this.createStatusOutput(datadog, cfg.bufferSeconds);
  }

  /**
   * The export as an integration (for the `IntegrationCatalog`): its health checks with the
   * alarms or monitors it rendered; with `healthBackends: []`, the checks it would render on
   * CloudWatch, unalarmed (FAILED_DATA needs the bucket's request metrics, which only exist with
   * health checks); a disabled export has no health signal.
   */
  public describeIntegration(): IntegrationDescription {
    const base = { kind: 'datadog-export', name: this.name, systems: ['aws', 'datadog'] };
    if (!this.enabled) return { ...base, health: [], noHealthReason: 'the export is disabled (enabled: false): there is no pipeline' };
    const aws = this.awsConnection!;
    const datadog = this.datadogConnection!;
    const health: IntegrationHealthSignal[] = this.healthChecks.map((h) => ({
      name: `${h.kind.toLowerCase().replace(/_/g, '-')}-${h.backend.id.toLowerCase()}`,
      kind: HEALTH_KIND[h.kind],
      description: h.monitor.message,
      signal: h.monitor.signal,
      comparison: h.monitor.comparison,
      threshold: h.monitor.critical,
      period: h.monitor.period,
      evaluationPeriods: h.monitor.evaluationPeriods,
      missingData: h.monitor.missingData,
      alarm: { system: h.backend.kind, resource: h.monitor.rendering(h.backend.id).resource, referenceAttribute: h.backend.kind === 'datadog' ? 'id' : 'arn' },
    }));
    for (const u of this.unalarmed) {
      health.push({
        name: u.kind.toLowerCase().replace(/_/g, '-'),
        kind: HEALTH_KIND[HealthCheckKind[u.kind]],
        description: `Datadog export ${this.node.path}: ${u.what}`,
        signal: u.signal,
        comparison: u.comparison,
        threshold: u.critical,
        period: u.period,
        evaluationPeriods: u.evaluationPeriods,
        missingData: u.missingData,
      });
    }
    return {
      ...base,
      connections: [aws, datadog],
      endpoint: { region: aws.region, site: datadog.site.name, intervalSeconds: String(INTERVAL_SECONDS[this.exportInterval]) },
      secrets: this.apiKeySecret ? [{ role: 'apiKey', secret: this.apiKeySecret }] : [],
      resources: { metricStream: this.metricStream!.arn, deliveryStream: this.deliveryStream!.arn, failedDataBucket: this.failedDataBucket!.arn },
      health,
    };
  }

  /** Validates every prop that needs no connection, in the order errors are reported. */
  private validate(p: DatadogExportProps): ResolvedProps {
    const bufferSeconds = INTERVAL_SECONDS[this.exportInterval];
    const allowCustom = optionalBoolean(this, 'allowCustomNamespaces', p.allowCustomNamespaces, false);
    const include = validateFilters(this, 'includeFilters', p.includeFilters, allowCustom);
    const exclude = validateFilters(this, 'excludeFilters', p.excludeFilters, allowCustom);
    if (include.length > 0 && exclude.length > 0) {
      fail(this, 'excludeFilters', p.excludeFilters, 'empty when includeFilters is given (a metric stream has either include or exclude filters)');
    }
    const statistics = validateStatistics(this, p.additionalStatistics, allowCustom);
    const mapping = validateMapping(this, p.metricMapping, allowCustom, Object.values(DatadogMetricType), DatadogMetricType.GAUGE);
    warnUnstreamedMappings(this, mapping, include, exclude);
    const tags = validateTags(this, p.tags);
    const includeLinkedAccountsMetrics = optionalBoolean(this, 'includeLinkedAccountsMetrics', p.includeLinkedAccountsMetrics, false);
    const retryDuration = p.retryDuration === undefined ? 60 : requireInteger(this, 'retryDuration', p.retryDuration, 0, 7200);
    const bufferSize = p.bufferSize === undefined ? 4 : requireInteger(this, 'bufferSize', p.bufferSize, 1, 64);
    const failedDataRetentionDays = p.failedDataRetentionDays === undefined ? 30
      : requireInteger(this, 'failedDataRetentionDays', p.failedDataRetentionDays, 1, 3650);
    const logRetentionDays = p.logRetentionDays === undefined ? 30
      : requireOneOf(this, 'logRetentionDays', p.logRetentionDays, LOG_RETENTION, `a CloudWatch Logs retention (${LOG_RETENTION.join(', ')} days)`);
    const secretKmsKeyArn = optionalPattern(this, 'secretKmsKeyArn', p.secretKmsKeyArn, /^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/,
      'a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)');
    const accountIntegration = optionalBoolean(this, 'accountIntegration', p.accountIntegration, true);
    const integrationRoleName = optionalPattern(this, 'integrationRoleName', p.integrationRoleName, /^[\w+=,.@-]{1,64}$/,
      'an IAM role name (1-64 of letters, digits, + = , . @ _ -)') ?? 'DatadogIntegrationRole';
    const integrationRegions = validateRegions(this, p.integrationRegions);
    const health = validateHealth(this, p, this.enabled, bufferSeconds, retryDuration);
    return {
      bufferSeconds,
      allowCustomNamespaces: allowCustom,
      include,
      exclude,
      statistics,
      mapping,
      tags,
      includeLinkedAccountsMetrics,
      retryDuration,
      bufferSize,
      failedDataRetentionDays,
      logRetentionDays,
      secretKmsKeyArn,
      accountIntegration,
      integrationRoleName,
      integrationRegions,
      health,
    };
  }

  /** The AWS and Datadog connections, and the Datadog intake of the site. */
  private connections(p: DatadogExportProps): { aws: AwsConnection; datadog: DatadogConnection; intakeUrl: string } {
    const aws = p.aws ?? AwsConnection.of(this);
    if (!(aws instanceof AwsConnection)) fail(this, 'aws', aws, 'an AwsConnection');
    if (!isToken(aws.region) && !AwsRegions.isKnown(aws.region)) fail(this, 'aws.region', aws.region, `an AWS region (${AwsRegions.all().join(', ')})`);
    const datadog = p.datadog ?? DatadogConnection.of(this);
    if (!(datadog instanceof DatadogConnection)) fail(this, 'datadog', datadog, 'a DatadogConnection');
    const intakeUrl = DATADOG_METRICS_INTAKE[datadog.site.domain];
    if (!intakeUrl) {
      fail(this, 'datadog.site', datadog.site.name, `a Datadog site with a metrics intake for Firehose (${Object.keys(DATADOG_METRICS_INTAKE).join(', ')})`);
    }
    return { aws, datadog, intakeUrl };
  }

  /** The `Status` output: the pipeline and, by check kind and backend id, its health checks. */
  private createStatusOutput(datadog: DatadogConnection, bufferSeconds: number): void {
    const health: Record<string, Record<string, unknown>> = {};
    for (const h of this.healthChecks) {
      const m = h.monitor;
      (health[h.kind.toLowerCase()] ??= {})[h.backend.id] = {
        backend: h.backend.kind,
        name: m.title,
        metric: h.metric,
        comparison: Comparisons.symbol(m.comparison),
        threshold: m.critical,
        window_seconds: m.period * m.evaluationPeriods,
        reference: h.reference,
      };
    }
    new TerraformOutput(this, 'Status', {
      description: `Status of the Datadog export ${this.node.path}`,
      value: {
        enabled: true,
        name: this.name,
        interval_seconds: bufferSeconds,
        metric_stream_arn: this.metricStream!.arn,
        delivery_stream_arn: this.deliveryStream!.arn,
        failed_data_bucket: this.failedDataBucket!.bucket,
        datadog_site: datadog.site.name,
        api_key_from_secrets_manager: this.apiKeyFromSecretsManager,
        health,
      },
    });
  }
}
