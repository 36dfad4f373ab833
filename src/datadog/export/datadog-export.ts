import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogStream } from '@cdktf/provider-aws/lib/cloudwatch-log-stream';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { CloudwatchMetricStream } from '@cdktf/provider-aws/lib/cloudwatch-metric-stream';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketMetric } from '@cdktf/provider-aws/lib/s3-bucket-metric';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { IntegrationAwsAccount } from '@cdktf/provider-datadog/lib/integration-aws-account';
import { IntegrationAwsExternalId } from '@cdktf/provider-datadog/lib/integration-aws-external-id';
import { MetricMetadata } from '@cdktf/provider-datadog/lib/metric-metadata';
import { MetricTagConfiguration } from '@cdktf/provider-datadog/lib/metric-tag-configuration';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Annotations, TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import {
  AWS_NAMESPACES, DATADOG_AWS_ACCOUNT, DATADOG_GOVCLOUD_AWS_ACCOUNT, DATADOG_METRICS_INTAKE, DATADOG_ROLE_ACTIONS,
  OUTPUT_FORMAT, derivedDatadogName,
} from './private/datadog-export-facts';
import { AwsConnection } from '../../aws/aws-connection';
import { AwsRegions } from '../../aws/aws-regions';
import { requireSecret } from '../../core/private/require-secret';
import { fail, isToken, optionalBoolean, optionalPattern, requireInteger, requireOneOf, requirePattern, requireString } from '../../core/private/validate';
import { Secret, SecretSource } from '../../core/secret';
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

/** Where the health checks of the export pipeline are created. */
export enum HealthBackend {
  /** CloudWatch alarms in the exporting AWS account and region. */
  CLOUDWATCH = 'CLOUDWATCH',
  /** Datadog monitors (they need the AWS/Firehose and AWS/S3 metrics in Datadog). */
  DATADOG = 'DATADOG',
  /** No health checks. */
  NONE = 'NONE',
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

/** One health check of the export, for status dashboards. */
export interface DatadogExportHealthCheck {
  /** What it watches. */
  readonly kind: HealthCheckKind;
  /** The backend it lives in. */
  readonly backend: HealthBackend;
  /** Name of the alarm or monitor. */
  readonly name: string;
  /** The watched metric (`AWS/Firehose DeliveryToHttpEndpoint.Success`, or a Datadog query). */
  readonly metric: string;
  /** Threshold, in the metric's unit. */
  readonly threshold: number;
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
   * Tags added to every metric exported from the account (Datadog account tags) and to the
   * AWS resources of the pipeline. Keys start with a letter; keys and values use letters,
   * digits, `_ - . /` (values also `:`).
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
   * Where the health checks live. With `enabled: false` only `HealthBackend.NONE` (or nothing) is accepted.
   * @default HealthBackend.CLOUDWATCH (HealthBackend.NONE when disabled)
   */
  readonly healthBackend?: HealthBackend;
  /**
   * Who is told: SNS topic ARNs for CloudWatch alarms, `@handles` for Datadog monitors.
   * @default - nobody (the checks only change state)
   */
  readonly healthNotifications?: string[];
  /**
   * Lowest acceptable share of successful deliveries (0 < x <= 1).
   * @default 0.99
   */
  readonly minDeliverySuccessRate?: number;
  /**
   * Highest acceptable age of undelivered data, in seconds.
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
const DD_METRIC = /^[A-Za-z][A-Za-z0-9_.]{0,199}$/;
const DD_TAG_KEY = /^[A-Za-z][A-Za-z0-9_\-./]{0,199}$/;
const DD_TAG_VALUE = /^[A-Za-z0-9_\-./:]{0,199}$/;
const PERCENTILE = /^p(\d{1,2}(\.\d{1,10})?)$/;
const SNS_ARN = /^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
const DD_HANDLE = /^@[^\s]+$/;
const STATEMENT_VERSION = '2012-10-17';

interface ResolvedStatistics {
  readonly additionalStatistics: string[];
  readonly includeMetric: { namespace: string; metricName: string }[];
}

interface ResolvedMapping {
  readonly namespace: string;
  readonly metricName: string;
  readonly datadogMetricName: string;
  readonly tags?: string[];
  readonly unit?: string;
  readonly description?: string;
  readonly metricType: DatadogMetricType;
  readonly explicitType: boolean;
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
 * metric metadata and tag configurations, and health checks (CloudWatch alarms or Datadog
 * monitors) on delivery errors, data freshness, throttling and failed data.
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
export class DatadogExport extends Construct {
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
  /** The health checks (empty when disabled or with HealthBackend.NONE). */
  public readonly healthChecks: DatadogExportHealthCheck[] = [];

  constructor(scope: Construct, id: string, props: DatadogExportProps = {}) {
    super(scope, id);
    const p = props ?? {};
    this.enabled = optionalBoolean(this, 'enabled', p.enabled, true);
    this.exportInterval = p.exportInterval === undefined ? ExportInterval.ONE_MINUTE
      : requireOneOf(this, 'exportInterval', p.exportInterval, Object.values(ExportInterval),
        'ExportInterval.ONE_MINUTE, FIVE_MINUTES or FIFTEEN_MINUTES (1, 5 or 15 minutes)');
    const healthBackend = this.validateHealth(p);
    const allowCustom = optionalBoolean(this, 'allowCustomNamespaces', p.allowCustomNamespaces, false);
    const include = this.validateFilters('includeFilters', p.includeFilters, allowCustom);
    const exclude = this.validateFilters('excludeFilters', p.excludeFilters, allowCustom);
    if (include.length > 0 && exclude.length > 0) {
      fail(this, 'excludeFilters', p.excludeFilters, 'empty when includeFilters is given (a metric stream has either include or exclude filters)');
    }
    const stats = this.validateStatistics(p.additionalStatistics, allowCustom);
    const mapping = this.validateMapping(p.metricMapping, allowCustom);
    for (const m of mapping) {
      const inc = include.find((f) => f.namespace === m.namespace);
      const exc = exclude.find((f) => f.namespace === m.namespace);
      const streamed = include.length > 0 ? !!inc && (!inc.metricNames || inc.metricNames.includes(m.metricName))
        : !(exc && (!exc.metricNames || exc.metricNames.includes(m.metricName)));
      if (!streamed) {
        Annotations.of(this).addWarning(`${this.node.path}: metricMapping for ${m.namespace} ${m.metricName} (${m.datadogMetricName}) describes a metric the filters do not stream.`);
      }
    }
    const tags = this.validateTags(p.tags);
    const includeLinked = optionalBoolean(this, 'includeLinkedAccountsMetrics', p.includeLinkedAccountsMetrics, false);
    const retry = p.retryDuration === undefined ? 60 : requireInteger(this, 'retryDuration', p.retryDuration, 0, 7200);
    const bufferSize = p.bufferSize === undefined ? 4 : requireInteger(this, 'bufferSize', p.bufferSize, 1, 64);
    const retentionDays = p.failedDataRetentionDays === undefined ? 30 : requireInteger(this, 'failedDataRetentionDays', p.failedDataRetentionDays, 1, 3650);
    const logRetention = p.logRetentionDays === undefined ? 30
      : requireOneOf(this, 'logRetentionDays', p.logRetentionDays, LOG_RETENTION, `a CloudWatch Logs retention (${LOG_RETENTION.join(', ')} days)`);
    const kmsKeyArn = optionalPattern(this, 'secretKmsKeyArn', p.secretKmsKeyArn, /^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/,
      'a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)');
    const withIntegration = optionalBoolean(this, 'accountIntegration', p.accountIntegration, true);
    const roleName = optionalPattern(this, 'integrationRoleName', p.integrationRoleName, /^[\w+=,.@-]{1,64}$/,
      'an IAM role name (1-64 of letters, digits, + = , . @ _ -)') ?? 'DatadogIntegrationRole';
    const regions = this.validateRegions(p.integrationRegions);
    const notifications = this.validateNotifications(p.healthNotifications, healthBackend);
    const minSuccess = p.minDeliverySuccessRate === undefined ? 0.99 : p.minDeliverySuccessRate;
    if (typeof minSuccess !== 'number' || !(minSuccess > 0 && minSuccess <= 1)) {
      fail(this, 'minDeliverySuccessRate', p.minDeliverySuccessRate, 'a number greater than 0 and at most 1');
    }
    const bufferSeconds = INTERVAL_SECONDS[this.exportInterval];
    const maxFreshness = p.maxDataFreshness === undefined ? bufferSeconds + retry + 300
      : requireInteger(this, 'maxDataFreshness', p.maxDataFreshness, 60, 86400);

    if (!this.enabled) {
      this.name = p.name === undefined ? 'datadog-metrics' : requirePattern(this, 'name', p.name, NAME, 'a name of 1-48 letters, digits, _ or -');
      this.apiKeyFromSecretsManager = false;
      new TerraformOutput(this, 'Status', { value: { enabled: false, name: this.name }, description: `Status of the Datadog export ${this.node.path}` });
      return;
    }

    const aws = p.aws ?? AwsConnection.of(this);
    if (!(aws instanceof AwsConnection)) fail(this, 'aws', aws, 'an AwsConnection');
    if (!isToken(aws.region) && !AwsRegions.isKnown(aws.region)) fail(this, 'aws.region', aws.region, `an AWS region (${AwsRegions.all().join(', ')})`);
    const datadog = p.datadog ?? DatadogConnection.of(this);
    if (!(datadog instanceof DatadogConnection)) fail(this, 'datadog', datadog, 'a DatadogConnection');
    const intakeUrl = DATADOG_METRICS_INTAKE[datadog.site.domain];
    if (!intakeUrl) {
      fail(this, 'datadog.site', datadog.site.name, `a Datadog site with a metrics intake for Firehose (${Object.keys(DATADOG_METRICS_INTAKE).join(', ')})`);
    }
    this.name = p.name === undefined ? `datadog-metrics-${aws.region}` : requirePattern(this, 'name', p.name, NAME, 'a name of 1-48 letters, digits, _ or -');
    const provider = aws.provider;
    const awsTags = Object.keys(tags).length > 0 ? tags : undefined;
    const accountId = aws.accountId ?? new DataAwsCallerIdentity(this, 'Account', { provider }).accountId;

    // Failed-data bucket: private, encrypted, TLS only, expiring.
    const bucketPrefix = `${this.name.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 24)}-failed-`;
    // force_destroy: switching the export off (enabled: false) must remove it cleanly, even
    // with failed data still in it.
    const bucket = new S3Bucket(this, 'FailedDataBucket', { provider, bucketPrefix, forceDestroy: true, tags: awsTags });
    this.failedDataBucket = bucket;
    const publicAccess = new S3BucketPublicAccessBlock(this, 'FailedDataBucketPublicAccess', {
      provider, bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'FailedDataBucketOwnership', { provider, bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'FailedDataBucketEncryption', {
      provider, bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
    new S3BucketLifecycleConfiguration(this, 'FailedDataBucketLifecycle', {
      provider,
      bucket: bucket.id,
      rule: [{
        id: 'expire-failed-data',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        expiration: [{ days: retentionDays }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
      }],
    });
    new S3BucketPolicy(this, 'FailedDataBucketPolicy', {
      provider,
      bucket: bucket.id,
      dependsOn: [publicAccess],
      policy: JSON.stringify({
        Version: STATEMENT_VERSION,
        Statement: [{
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [bucket.arn, `${bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }],
      }),
    });

    // Delivery-error logs.
    const logGroup = new CloudwatchLogGroup(this, 'DeliveryLogGroup', {
      provider, name: `/aws/kinesisfirehose/${this.name}`, retentionInDays: logRetention, tags: awsTags,
    });
    const logStream = new CloudwatchLogStream(this, 'DeliveryLogStream', { provider, name: 'HttpEndpointDelivery', logGroupName: logGroup.name });

    // The API key: read by Firehose from Secrets Manager where it can, else in access_key.
    const apiKey = props.apiKey === undefined ? datadog.apiKey : requireSecret(this, 'apiKey', props.apiKey);
    const smArn = apiKey.source === SecretSource.SECRETS_MANAGER && apiKey.jsonKey === 'api_key' ? apiKey.secretsManagerArn : undefined;
    this.apiKeyFromSecretsManager = smArn !== undefined;
    if (!smArn) {
      Annotations.of(this).addWarning(
        `${this.node.path}: the Datadog API key (${apiKey.source}${apiKey.source === SecretSource.SECRETS_MANAGER ? `, JSON key ${apiKey.jsonKey ?? '(whole secret)'}` : ''}) cannot be read by Firehose itself, so it is set as access_key of the delivery stream and stored in the Terraform state. Use Secret.fromSecretsManager with a secret {"api_key": "<key>"} and jsonKey: 'api_key' to keep it out of the state.`);
    }

    // Firehose role: write failed data, write its error log, read the secret.
    const firehoseRole = new IamRole(this, 'FirehoseRole', {
      provider,
      name: `${this.name}-firehose`,
      assumeRolePolicy: JSON.stringify({
        Version: STATEMENT_VERSION,
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: 'firehose.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
        }],
      }),
      tags: awsTags,
    });
    const firehoseStatements: any[] = [
      {
        Sid: 'FailedDataBucket',
        Effect: 'Allow',
        Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
        Resource: [bucket.arn, `${bucket.arn}/*`],
      },
      {
        Sid: 'DeliveryErrorLog',
        Effect: 'Allow',
        Action: ['logs:PutLogEvents'],
        Resource: [`${logGroup.arn}:log-stream:${logStream.name}`],
      },
    ];
    if (smArn) {
      firehoseStatements.push({
        Sid: 'DatadogApiKeySecret',
        Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: [smArn],
      });
      if (kmsKeyArn) {
        firehoseStatements.push({
          Sid: 'DatadogApiKeySecretKey',
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: [kmsKeyArn],
          Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${aws.region}.amazonaws.com` } },
        });
      }
    } else if (kmsKeyArn) {
      Annotations.of(this).addWarning(`${this.node.path}: 'secretKmsKeyArn' is ignored because Firehose does not read the API key from Secrets Manager.`);
    }
    const firehosePolicy = new IamRolePolicy(this, 'FirehosePolicy', {
      provider,
      name: 'datadog-export-delivery',
      role: firehoseRole.id,
      policy: JSON.stringify({ Version: STATEMENT_VERSION, Statement: firehoseStatements }),
    });

    const delivery = new KinesisFirehoseDeliveryStream(this, 'DeliveryStream', {
      provider,
      name: this.name,
      destination: 'http_endpoint',
      dependsOn: [firehosePolicy],
      serverSideEncryption: { enabled: true, keyType: 'AWS_OWNED_CMK' },
      httpEndpointConfiguration: {
        url: intakeUrl,
        name: `Datadog ${datadog.site.name}`,
        roleArn: firehoseRole.arn,
        // Firehose buffering: interval 0-900 s, size 1-64 MiB (API HttpEndpointBufferingHints).
        bufferingInterval: bufferSeconds,
        bufferingSize: bufferSize,
        retryDuration: retry,
        s3BackupMode: 'FailedDataOnly',
        accessKey: smArn ? undefined : apiKey.value,
        secretsManagerConfiguration: smArn ? { enabled: true, secretArn: smArn, roleArn: firehoseRole.arn } : undefined,
        requestConfiguration: { contentEncoding: 'GZIP' },
        cloudwatchLoggingOptions: { enabled: true, logGroupName: logGroup.name, logStreamName: logStream.name },
        s3Configuration: { roleArn: firehoseRole.arn, bucketArn: bucket.arn, compressionFormat: 'GZIP', errorOutputPrefix: 'failed/' },
      },
      tags: awsTags,
    });
    this.deliveryStream = delivery;

    // Metric stream role: put records into this delivery stream only.
    const streamRole = new IamRole(this, 'StreamRole', {
      provider,
      name: `${this.name}-stream`,
      assumeRolePolicy: JSON.stringify({
        Version: STATEMENT_VERSION,
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: 'streams.metrics.cloudwatch.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
        }],
      }),
      tags: awsTags,
    });
    const streamPolicy = new IamRolePolicy(this, 'StreamPolicy', {
      provider,
      name: 'datadog-export-stream',
      role: streamRole.id,
      policy: JSON.stringify({
        Version: STATEMENT_VERSION,
        Statement: [{ Sid: 'DeliveryStream', Effect: 'Allow', Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'], Resource: [delivery.arn] }],
      }),
    });

    this.metricStream = new CloudwatchMetricStream(this, 'Resource', {
      provider,
      name: this.name,
      roleArn: streamRole.arn,
      firehoseArn: delivery.arn,
      outputFormat: OUTPUT_FORMAT,
      includeLinkedAccountsMetrics: includeLinked || undefined,
      includeFilter: include.length > 0 ? include : undefined,
      excludeFilter: exclude.length > 0 ? exclude : undefined,
      statisticsConfiguration: stats.length > 0 ? stats : undefined,
      dependsOn: [streamPolicy],
      tags: awsTags,
    });

    // Datadog side.
    if (withIntegration) {
      this.accountIntegration = this.createIntegration(
        aws, datadog, accountId, roleName, regions, tags, include, exclude, allowCustom, healthBackend);
    } else {
      if (Object.keys(tags).length > 0) {
        Annotations.of(this).addWarning(`${this.node.path}: 'tags' reach Datadog as account tags of the AWS integration, which this export does not manage (accountIntegration: false); set them on the export that does.`);
      }
      if (p.integrationRegions !== undefined) {
        Annotations.of(this).addWarning(`${this.node.path}: 'integrationRegions' is ignored with accountIntegration: false.`);
      }
    }
    this.createMappings(datadog, mapping);

    // Health.
    const failedMetric = healthBackend === HealthBackend.NONE ? undefined : new S3BucketMetric(this, 'FailedDataRequestMetrics', {
      provider, bucket: bucket.id, name: 'FailedData',
    });
    if (healthBackend === HealthBackend.CLOUDWATCH) {
      this.createAlarms(provider, bucket, failedMetric!, notifications, minSuccess, maxFreshness, bufferSeconds, awsTags);
    } else if (healthBackend === HealthBackend.DATADOG) {
      this.createMonitors(datadog, bucket, notifications, minSuccess, maxFreshness, bufferSeconds, tags);
    }

    new TerraformOutput(this, 'Status', {
      description: `Status of the Datadog export ${this.node.path}`,
      value: {
        enabled: true,
        name: this.name,
        interval_seconds: bufferSeconds,
        metric_stream_arn: this.metricStream.arn,
        delivery_stream_arn: delivery.arn,
        failed_data_bucket: bucket.bucket,
        datadog_site: datadog.site.name,
        api_key_from_secrets_manager: this.apiKeyFromSecretsManager,
        health: Object.fromEntries(this.healthChecks.map((h) => [h.kind.toLowerCase(), {
          backend: h.backend, name: h.name, metric: h.metric, threshold: h.threshold, reference: h.reference,
        }])),
      },
    });
  }

  private validateHealth(p: DatadogExportProps): HealthBackend {
    const enabled = this.enabled;
    if (p.healthBackend === undefined) return enabled ? HealthBackend.CLOUDWATCH : HealthBackend.NONE;
    const backend = requireOneOf(this, 'healthBackend', p.healthBackend, Object.values(HealthBackend), 'HealthBackend.CLOUDWATCH, DATADOG or NONE');
    if (!enabled && backend !== HealthBackend.NONE) {
      fail(this, 'healthBackend', backend, 'HealthBackend.NONE or unset when enabled is false (a disabled export has no pipeline to watch)');
    }
    return backend;
  }

  private validateNamespace(prop: string, value: unknown, allowCustom: boolean): string {
    const ns = requireString(this, prop, value, 'a CloudWatch namespace such as AWS/Lambda');
    if (isToken(ns)) return ns;
    if (AWS_NAMESPACES.includes(ns)) return ns;
    const accepted = `an AWS namespace (${AWS_NAMESPACES.join(', ')})${allowCustom ? ' or a custom namespace of 1-255 printable ASCII characters not starting with AWS/' : ', or a custom namespace with allowCustomNamespaces: true'}`;
    if (ns.startsWith('AWS/') || !allowCustom || !/^[\x20-\x7E]{1,255}$/.test(ns) || ns.startsWith(':')) fail(this, prop, ns, accepted);
    return ns;
  }

  private validateMetricName(prop: string, value: unknown): string {
    return requirePattern(this, prop, value, /^[\x20-\x7E]{1,255}$/, 'a CloudWatch metric name of 1-255 printable ASCII characters');
  }

  private validateFilters(prop: string, value: unknown, allowCustom: boolean): { namespace: string; metricNames?: string[] }[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) fail(this, prop, value, 'a list of { namespace, metricNames? }');
    let names = 0;
    const seen = new Set<string>();
    const out = value.map((f: any, i: number) => {
      if (f === null || typeof f !== 'object') fail(this, `${prop}[${i}]`, f, 'a { namespace, metricNames? } object');
      const namespace = this.validateNamespace(`${prop}[${i}].namespace`, f.namespace, allowCustom);
      if (seen.has(namespace)) fail(this, `${prop}[${i}].namespace`, namespace, 'a namespace not already in another filter');
      seen.add(namespace);
      let metricNames: string[] | undefined;
      if (f.metricNames !== undefined) {
        if (!Array.isArray(f.metricNames) || f.metricNames.length === 0) fail(this, `${prop}[${i}].metricNames`, f.metricNames, 'a non-empty list of metric names, or unset for the whole namespace');
        metricNames = [...new Set<string>(f.metricNames.map((m: unknown, j: number) => this.validateMetricName(`${prop}[${i}].metricNames[${j}]`, m)))].sort();
      }
      names += 1 + (metricNames?.length ?? 0);
      return metricNames ? { namespace, metricNames } : { namespace };
    });
    // PutMetricStream: "filters can include up to 1000 total names" (namespaces plus metric names).
    if (names > 1000) fail(this, prop, `${names} names`, 'at most 1000 namespace and metric names in all');
    return out;
  }

  private validateStatistics(value: unknown, allowCustom: boolean): ResolvedStatistics[] {
    if (value === undefined) return [];
    // PutMetricStream: up to 100 statistics configurations and 20 statistics each.
    if (!Array.isArray(value) || value.length > 100) fail(this, 'additionalStatistics', value, 'a list of at most 100 { namespace, metricName, statistics }');
    return value.map((s: any, i: number) => {
      const prop = `additionalStatistics[${i}]`;
      if (s === null || typeof s !== 'object') fail(this, prop, s, 'a { namespace, metricName, statistics } object');
      const namespace = this.validateNamespace(`${prop}.namespace`, s.namespace, allowCustom);
      const metricName = this.validateMetricName(`${prop}.metricName`, s.metricName);
      if (!Array.isArray(s.statistics) || s.statistics.length === 0 || s.statistics.length > 20) {
        fail(this, `${prop}.statistics`, s.statistics, 'a list of 1 to 20 percentiles such as p50, p99, p99.9');
      }
      const statistics = s.statistics.map((st: unknown, j: number) => {
        const m = typeof st === 'string' ? PERCENTILE.exec(st) : null;
        const v = m ? Number(m[1]) : NaN;
        if (!(v > 0 && v < 100)) fail(this, `${prop}.statistics[${j}]`, st, 'a percentile pNN between p0 and p100 exclusive, such as p50, p99, p99.9 (the OpenTelemetry output formats accept only percentiles)');
        return st as string;
      });
      return { additionalStatistics: [...new Set<string>(statistics)].sort(), includeMetric: [{ namespace, metricName }] };
    });
  }

  private validateMapping(value: unknown, allowCustom: boolean): ResolvedMapping[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) fail(this, 'metricMapping', value, 'a list of metric mappings');
    const seen = new Set<string>();
    return value.map((m: any, i: number) => {
      const prop = `metricMapping[${i}]`;
      if (m === null || typeof m !== 'object') fail(this, prop, m, 'a { namespace, metricName, ... } object');
      const namespace = this.validateNamespace(`${prop}.namespace`, m.namespace, allowCustom);
      const metricName = this.validateMetricName(`${prop}.metricName`, m.metricName);
      const derived = derivedDatadogName(namespace, metricName);
      const accepted = 'a Datadog metric name: a letter first, then ASCII letters, digits, _ or ., at most 200 characters';
      let ddName: string;
      if (m.datadogMetricName === undefined) {
        if (!derived) fail(this, `${prop}.datadogMetricName`, undefined, `${accepted} (required: no documented naming rule for ${namespace} ${metricName})`);
        ddName = derived;
      } else {
        ddName = requirePattern(this, `${prop}.datadogMetricName`, m.datadogMetricName, DD_METRIC, accepted);
        if (derived && ddName !== derived) {
          Annotations.of(this).addWarning(
            `${this.node.path}: ${prop} maps ${namespace} ${metricName} to ${ddName}, but Datadog cannot rename streamed metrics. By Datadog's naming rule it arrives as ${derived}; the metadata and tag configuration are written to ${ddName} as given (correct only if that is the name Datadog really uses).`);
        }
      }
      if (seen.has(ddName)) fail(this, `${prop}.datadogMetricName`, ddName, 'a Datadog metric not mapped by another entry');
      seen.add(ddName);
      let tags: string[] | undefined;
      if (m.tags !== undefined) {
        if (!Array.isArray(m.tags) || m.tags.length === 0) fail(this, `${prop}.tags`, m.tags, 'a non-empty list of tag keys, or unset');
        tags = [...new Set<string>(m.tags.map((t: unknown, j: number) => requirePattern(this, `${prop}.tags[${j}]`, t, DD_TAG_KEY,
          'a Datadog tag key (a letter, then up to 199 letters, digits, _ - . /)')))].sort();
      }
      const unit = optionalPattern(this, `${prop}.unit`, m.unit, /^[a-z][a-z_]{0,63}$/, 'a Datadog unit name such as millisecond, byte, request or percent');
      const description = optionalPattern(this, `${prop}.description`, m.description, /^[^\n]{1,400}$/s, 'a one-line description of at most 400 characters');
      const metricType = m.metricType === undefined ? DatadogMetricType.GAUGE
        : requireOneOf(this, `${prop}.metricType`, m.metricType, Object.values(DatadogMetricType), 'DatadogMetricType.GAUGE, COUNT or RATE');
      if (!tags && !unit && !description && m.metricType === undefined) {
        Annotations.of(this).addWarning(`${this.node.path}: ${prop} (${ddName}) sets neither tags, unit, description nor metricType; it has no effect.`);
      }
      return { namespace, metricName, datadogMetricName: ddName, tags, unit, description, metricType, explicitType: m.metricType !== undefined };
    });
  }

  private validateTags(value: unknown): Record<string, string> {
    if (value === undefined) return {};
    if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(this, 'tags', value, 'a map of tag keys to values');
    const out: Record<string, string> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (!DD_TAG_KEY.test(key)) fail(this, `tags.${key}`, key, 'a Datadog tag key (a letter, then up to 199 letters, digits, _ - . /)');
      if (typeof v !== 'string' || (!isToken(v) && !DD_TAG_VALUE.test(v))) fail(this, `tags.${key}`, v, 'a tag value of up to 199 letters, digits, _ - . / :');
      out[key] = v;
    }
    return out;
  }

  private validateRegions(value: unknown): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0) fail(this, 'integrationRegions', value, 'a non-empty list of AWS regions, or unset for all regions');
    return [...new Set<string>(value.map((r: unknown, i: number) => {
      const region = requireString(this, `integrationRegions[${i}]`, r, 'an AWS region code such as eu-west-1');
      if (!isToken(region) && !AwsRegions.isKnown(region)) fail(this, `integrationRegions[${i}]`, region, `an AWS region (${AwsRegions.all().join(', ')})`);
      return region;
    }))].sort();
  }

  private validateNotifications(value: unknown, backend: HealthBackend): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) fail(this, 'healthNotifications', value, 'a list of SNS topic ARNs (CloudWatch) or @handles (Datadog)');
    if (backend === HealthBackend.NONE && value.length > 0) fail(this, 'healthNotifications', value, 'empty when there are no health checks (healthBackend NONE or enabled false)');
    return value.map((n: unknown, i: number) => backend === HealthBackend.DATADOG
      ? requirePattern(this, `healthNotifications[${i}]`, n, DD_HANDLE, 'a Datadog notification handle such as @slack-ops or @pagerduty-svc')
      : requirePattern(this, `healthNotifications[${i}]`, n, SNS_ARN, 'an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)'));
  }

  private createIntegration(
    aws: AwsConnection, datadog: DatadogConnection, accountId: string, roleName: string, regions: string[] | undefined,
    tags: Record<string, string>, include: { namespace: string; metricNames?: string[] }[], exclude: { namespace: string; metricNames?: string[] }[],
    allowCustom: boolean, healthBackend: HealthBackend,
  ): IntegrationAwsAccount {
    const govCloud = aws.partition === 'aws-us-gov';
    if (aws.partition !== 'aws' && !(govCloud && datadog.site.domain === 'ddog-gov.com')) {
      fail(this, 'accountIntegration', true, `false for an account in partition ${aws.partition} with site ${datadog.site.name} (Datadog supports role delegation there only for GovCloud with US1-FED)`);
    }
    const ddAccount = govCloud ? DATADOG_GOVCLOUD_AWS_ACCOUNT : DATADOG_AWS_ACCOUNT[datadog.site.domain];
    // The external id must be generated by Datadog (datadog_integration_aws_external_id);
    // it expires if no integration uses it within 48 hours of creation.
    const externalId = new IntegrationAwsExternalId(this, 'ExternalId', { provider: datadog.provider });
    // A policy document data source, so the trust policy stays valid JSON whatever the
    // external id resolves to.
    const trust = new DataAwsIamPolicyDocument(this, 'DatadogRoleTrust', {
      provider: aws.provider,
      statement: [{
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'AWS', identifiers: [`arn:${aws.partition}:iam::${ddAccount}:root`] }],
        condition: [{ test: 'StringEquals', variable: 'sts:ExternalId', values: [externalId.id] }],
      }],
    });
    const role = new IamRole(this, 'DatadogRole', {
      provider: aws.provider,
      name: roleName,
      description: 'Assumed by Datadog to read CloudWatch metadata and tags for streamed metrics',
      assumeRolePolicy: trust.json,
    });
    const policy = new IamRolePolicy(this, 'DatadogRolePolicy', {
      provider: aws.provider,
      name: 'datadog-integration',
      role: role.id,
      // These read actions have no resource-level permissions: AWS requires "*" here.
      policy: JSON.stringify({ Version: STATEMENT_VERSION, Statement: [{ Sid: 'DatadogMetadataAndTags', Effect: 'Allow', Action: [...DATADOG_ROLE_ACTIONS], Resource: '*' }] }),
    });
    const awsOnly = (list: string[]) => [...new Set(list.filter((n) => n.startsWith('AWS/')))].sort();
    const namespaceFilters = include.length > 0
      ? { includeOnly: awsOnly([...include.map((f) => f.namespace), ...(healthBackend === HealthBackend.DATADOG ? ['AWS/Firehose', 'AWS/S3'] : [])]) }
      : { excludeOnly: awsOnly(exclude.filter((f) => !f.metricNames).map((f) => f.namespace)) };
    return new IntegrationAwsAccount(this, 'AccountIntegration', {
      provider: datadog.provider,
      dependsOn: [policy],
      awsAccountId: accountId,
      awsPartition: aws.partition,
      accountTags: Object.entries(tags).map(([k, v]) => `${k}:${v}`),
      authConfig: { awsAuthConfigRole: { roleName, externalId: externalId.id } },
      awsRegions: regions ? { includeOnly: regions } : { includeAll: true },
      logsConfig: { lambdaForwarder: {} },
      metricsConfig: {
        enabled: true,
        automuteEnabled: true,
        collectCloudwatchAlarms: false,
        collectCustomMetrics: allowCustom,
        namespaceFilters,
      },
      resourcesConfig: { cloudSecurityPostureManagementCollection: false, extendedCollection: false },
      tracesConfig: { xrayServices: {} },
    });
  }

  private createMappings(datadog: DatadogConnection, mapping: ResolvedMapping[]): void {
    mapping.forEach((m, i) => {
      if (m.unit || m.description || m.explicitType) {
        new MetricMetadata(this, `MetricMetadata${i}`, {
          provider: datadog.provider,
          metric: m.datadogMetricName,
          type: m.metricType,
          unit: m.unit,
          description: m.description,
        });
      }
      if (m.tags) {
        new MetricTagConfiguration(this, `MetricTags${i}`, {
          provider: datadog.provider,
          metricName: m.datadogMetricName,
          metricType: m.metricType,
          tags: m.tags,
        });
      }
    });
  }

  private createAlarms(
    provider: AwsConnection['provider'], bucket: S3Bucket, failedMetric: S3BucketMetric, notifications: string[],
    minSuccess: number, maxFreshness: number, bufferSeconds: number, tags?: Record<string, string>,
  ): void {
    const stream = { DeliveryStreamName: this.name };
    const actions = notifications.length > 0 ? notifications : undefined;
    // Freshness tolerates missing data for one buffering interval plus 10 minutes, then alarms.
    const freshnessPeriods = Math.ceil((bufferSeconds + 600) / 300);
    const specs: {
      kind: HealthCheckKind;
      id: string;
      suffix: string;
      namespace: string;
      metric: string;
      statistic: string;
      dims: Record<string, string>;
      op: string;
      threshold: number;
      periods: number;
      missing: string;
      what: string;
    }[] = [
      {
        kind: HealthCheckKind.DELIVERY_ERRORS,
        id: 'DeliveryErrorsAlarm',
        suffix: 'delivery-errors',
        namespace: 'AWS/Firehose',
        metric: 'DeliveryToHttpEndpoint.Success',
        statistic: 'Average',
        dims: stream,
        op: 'LessThanThreshold',
        threshold: minSuccess,
        periods: 3,
        missing: 'notBreaching',
        what: `fewer than ${minSuccess * 100}% of deliveries to Datadog succeed`,
      },
      {
        kind: HealthCheckKind.DATA_FRESHNESS,
        id: 'DataFreshnessAlarm',
        suffix: 'data-freshness',
        namespace: 'AWS/Firehose',
        metric: 'DeliveryToHttpEndpoint.DataFreshness',
        statistic: 'Maximum',
        dims: stream,
        op: 'GreaterThanThreshold',
        threshold: maxFreshness,
        periods: freshnessPeriods,
        missing: 'breaching',
        what: `the last successful delivery to Datadog is older than ${maxFreshness} s, or nothing is delivered`,
      },
      {
        kind: HealthCheckKind.THROTTLING,
        id: 'ThrottlingAlarm',
        suffix: 'throttling',
        namespace: 'AWS/Firehose',
        metric: 'ThrottledRecords',
        statistic: 'Sum',
        dims: stream,
        op: 'GreaterThanThreshold',
        threshold: 0,
        periods: 1,
        missing: 'notBreaching',
        what: 'Firehose throttles records of the metric stream',
      },
      {
        kind: HealthCheckKind.FAILED_DATA,
        id: 'FailedDataAlarm',
        suffix: 'failed-data',
        namespace: 'AWS/S3',
        metric: 'PutRequests',
        statistic: 'Sum',
        dims: { BucketName: bucket.bucket, FilterId: failedMetric.name },
        op: 'GreaterThanThreshold',
        threshold: 0,
        periods: 1,
        missing: 'notBreaching',
        what: 'data that could not be delivered to Datadog is written to the failed-data bucket',
      },
    ];
    for (const s of specs) {
      const alarm = new CloudwatchMetricAlarm(this, s.id, {
        provider,
        alarmName: `${this.name}-${s.suffix}`,
        alarmDescription: `Datadog export ${this.node.path}: ${s.what}.`,
        namespace: s.namespace,
        metricName: s.metric,
        statistic: s.statistic,
        dimensions: s.dims,
        period: 300,
        evaluationPeriods: s.periods,
        datapointsToAlarm: s.periods,
        comparisonOperator: s.op,
        threshold: s.threshold,
        treatMissingData: s.missing,
        alarmActions: actions,
        okActions: actions,
        tags,
      });
      this.healthChecks.push({
        kind: s.kind,
        backend: HealthBackend.CLOUDWATCH,
        name: `${this.name}-${s.suffix}`,
        metric: `${s.namespace} ${s.metric}`,
        threshold: s.threshold,
        reference: alarm.arn,
      });
    }
  }

  private createMonitors(
    datadog: DatadogConnection, bucket: S3Bucket, notifications: string[], minSuccess: number, maxFreshness: number,
    bufferSeconds: number, tags: Record<string, string>,
  ): void {
    const windowMin = Math.max(15, Math.ceil((bufferSeconds + 600) / 60));
    const stream = `deliverystreamname:${this.name.toLowerCase()}`;
    const notify = notifications.join(' ');
    const ddTags = ['integration:datadog-export', ...Object.entries(tags).map(([k, v]) => `${k}:${v}`)];
    // Freshness: Datadog reports datadog.aws_metric_streams.data_received (1 while data arrives)
    // per stream; no data means nothing arrives.
    const specs: { kind: HealthCheckKind; id: string; suffix: string; query: string; threshold: number; noData: boolean; what: string }[] = [
      {
        kind: HealthCheckKind.DELIVERY_ERRORS,
        id: 'DeliveryErrorsMonitor',
        suffix: 'delivery errors',
        query: `avg(last_15m):avg:aws.firehose.delivery_to_http_endpoint_success{${stream}} < ${minSuccess}`,
        threshold: minSuccess,
        noData: false,
        what: `fewer than ${minSuccess * 100}% of deliveries to Datadog succeed`,
      },
      {
        kind: HealthCheckKind.DATA_FRESHNESS,
        id: 'DataFreshnessMonitor',
        suffix: 'data freshness',
        query: `max(last_${windowMin}m):max:datadog.aws_metric_streams.data_received{stream_name:${this.name.toLowerCase()}} < 1`,
        threshold: 1,
        noData: true,
        what: `no data from the metric stream for ${windowMin} minutes (limit ${maxFreshness} s)`,
      },
      {
        kind: HealthCheckKind.THROTTLING,
        id: 'ThrottlingMonitor',
        suffix: 'throttling',
        query: `sum(last_15m):sum:aws.firehose.throttled_records{${stream}}.as_count() > 0`,
        threshold: 0,
        noData: false,
        what: 'Firehose throttles records of the metric stream',
      },
      {
        kind: HealthCheckKind.FAILED_DATA,
        id: 'FailedDataMonitor',
        suffix: 'failed data',
        query: `sum(last_15m):sum:aws.s3.put_requests{bucketname:${bucket.bucket},filterid:faileddata}.as_count() > 0`,
        threshold: 0,
        noData: false,
        what: 'data that could not be delivered is written to the failed-data bucket',
      },
    ];
    for (const s of specs) {
      const name = `Datadog export ${this.name}: ${s.suffix}`;
      const monitor = new Monitor(this, s.id, {
        provider: datadog.provider,
        name,
        type: 'metric alert',
        query: s.query,
        message: `Datadog export ${this.node.path}: ${s.what}.${notify ? ` ${notify}` : ''}`,
        monitorThresholds: { critical: String(s.threshold) },
        notifyNoData: s.noData,
        noDataTimeframe: s.noData ? windowMin * 2 : undefined,
        tags: ddTags,
      });
      this.healthChecks.push({ kind: s.kind, backend: HealthBackend.DATADOG, name, metric: s.query, threshold: s.threshold, reference: monitor.id });
    }
  }
}
