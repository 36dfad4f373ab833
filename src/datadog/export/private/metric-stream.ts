/**
 * The pipeline of a DatadogExport: CloudWatch metric stream → Firehose (HTTP endpoint) →
 * Datadog metrics intake, with its delivery-error log and IAM roles. Not part of the public API.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogStream } from '@cdktf/provider-aws/lib/cloudwatch-log-stream';
import { CloudwatchMetricStream } from '@cdktf/provider-aws/lib/cloudwatch-metric-stream';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { OUTPUT_FORMAT, STATEMENT_VERSION } from './datadog-export-facts';
import type { ResolvedFilter, ResolvedStatistics } from './validate-props';
import type { AwsConnection } from '../../../aws/aws-connection';
import { EscapingLazy } from '../../../core/private/template-escape';
import { Secret, SecretSource } from '../../../core/secret';
import type { DatadogConnection } from '../../datadog-connection';

export interface DeliveryStreamOptions {
  readonly aws: AwsConnection;
  readonly datadog: DatadogConnection;
  /** The API key the delivery stream sends (validated). */
  readonly apiKey: Secret;
  /** Base name of the pipeline's resources. */
  readonly name: string;
  /** The Firehose HTTP endpoint URL of the Datadog site. */
  readonly intakeUrl: string;
  readonly accountId: string;
  readonly bucket: S3Bucket;
  readonly bufferSeconds: number;
  readonly bufferSize: number;
  readonly retryDuration: number;
  readonly logRetentionDays: number;
  readonly secretKmsKeyArn?: string;
  readonly tags?: Record<string, string>;
}

export interface DeliveryStreamResult {
  readonly deliveryStream: KinesisFirehoseDeliveryStream;
  /** Whether Firehose reads the API key from Secrets Manager itself. */
  readonly apiKeyFromSecretsManager: boolean;
}

/**
 * The Firehose delivery stream to the Datadog intake, its role and policy and its
 * delivery-error log, created in `scope` (the export).
 */
export function createDeliveryStream(scope: Construct, o: DeliveryStreamOptions): DeliveryStreamResult {
  const provider = o.aws.provider;
  const logGroup = new CloudwatchLogGroup(scope, 'DeliveryLogGroup', {
    provider, name: `/aws/kinesisfirehose/${o.name}`, retentionInDays: o.logRetentionDays, tags: o.tags,
  });
  const logStream = new CloudwatchLogStream(scope, 'DeliveryLogStream', { provider, name: 'HttpEndpointDelivery', logGroupName: logGroup.name });

  // The API key: read by Firehose from Secrets Manager where it can, else in access_key.
  const apiKey = o.apiKey;
  const smArn = apiKey.source === SecretSource.SECRETS_MANAGER && apiKey.jsonKey === 'api_key' ? apiKey.secretsManagerArn : undefined;
  if (!smArn) {
    Annotations.of(scope).addWarning(
      `${scope.node.path}: the Datadog API key (${apiKey.source}${apiKey.source === SecretSource.SECRETS_MANAGER ? `, JSON key ${apiKey.jsonKey ?? '(whole secret)'}` : ''}) cannot be read by Firehose itself, so it is set as access_key of the delivery stream and stored in the Terraform state. Use Secret.fromSecretsManager with a secret {"api_key": "<key>"} and jsonKey: 'api_key' to keep it out of the state.`);
  }

  // Firehose role: write failed data, write its error log, read the secret.
  const firehoseRole = new IamRole(scope, 'FirehoseRole', {
    provider,
    name: `${o.name}-firehose`,
    assumeRolePolicy: JSON.stringify({
      Version: STATEMENT_VERSION,
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'firehose.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': o.accountId } },
      }],
    }),
    tags: o.tags,
  });
  const bucket = o.bucket;
  const statements: any[] = [
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
    statements.push({
      Sid: 'DatadogApiKeySecret',
      Effect: 'Allow',
      Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
      Resource: [smArn],
    });
    if (o.secretKmsKeyArn) {
      statements.push({
        Sid: 'DatadogApiKeySecretKey',
        Effect: 'Allow',
        Action: ['kms:Decrypt'],
        Resource: [o.secretKmsKeyArn],
        Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${o.aws.region}.amazonaws.com` } },
      });
    }
  } else if (o.secretKmsKeyArn) {
    Annotations.of(scope).addWarning(`${scope.node.path}: 'secretKmsKeyArn' is ignored because Firehose does not read the API key from Secrets Manager.`);
  }
  const firehosePolicy = new IamRolePolicy(scope, 'FirehosePolicy', {
    provider,
    name: 'datadog-export-delivery',
    role: firehoseRole.id,
    policy: JSON.stringify({ Version: STATEMENT_VERSION, Statement: statements }),
  });

  const deliveryStream = new KinesisFirehoseDeliveryStream(scope, 'DeliveryStream', {
    provider,
    name: o.name,
    destination: 'http_endpoint',
    dependsOn: [firehosePolicy],
    serverSideEncryption: { enabled: true, keyType: 'AWS_OWNED_CMK' },
    httpEndpointConfiguration: {
      url: o.intakeUrl,
      name: `Datadog ${o.datadog.site.name}`,
      roleArn: firehoseRole.arn,
      // Firehose buffering: interval 0-900 s, size 1-64 MiB (API HttpEndpointBufferingHints).
      bufferingInterval: o.bufferSeconds,
      bufferingSize: o.bufferSize,
      retryDuration: o.retryDuration,
      s3BackupMode: 'FailedDataOnly',
      accessKey: smArn ? undefined : apiKey.value,
      secretsManagerConfiguration: smArn ? { enabled: true, secretArn: smArn, roleArn: firehoseRole.arn } : undefined,
      requestConfiguration: { contentEncoding: 'GZIP' },
      cloudwatchLoggingOptions: { enabled: true, logGroupName: logGroup.name, logStreamName: logStream.name },
      s3Configuration: { roleArn: firehoseRole.arn, bucketArn: bucket.arn, compressionFormat: 'GZIP', errorOutputPrefix: 'failed/' },
    },
    tags: o.tags,
  });
  return { deliveryStream, apiKeyFromSecretsManager: smArn !== undefined };
}

export interface MetricStreamOptions {
  readonly provider: AwsConnection['provider'];
  readonly name: string;
  readonly accountId: string;
  readonly deliveryStream: KinesisFirehoseDeliveryStream;
  readonly include: ResolvedFilter[];
  readonly exclude: ResolvedFilter[];
  /** The statistics configuration, computed at synthesis (when every monitor and dashboard of the stack exists). */
  readonly statistics: () => ResolvedStatistics[];
  readonly includeLinkedAccountsMetrics: boolean;
  readonly tags?: Record<string, string>;
}

/**
 * The CloudWatch metric stream into the delivery stream, and its role, created in `scope`
 * (the export); the stream has id `Resource`.
 */
export function createMetricStream(scope: Construct, o: MetricStreamOptions): CloudwatchMetricStream {
  const provider = o.provider;
  // Metric stream role: put records into this delivery stream only.
  const streamRole = new IamRole(scope, 'StreamRole', {
    provider,
    name: `${o.name}-stream`,
    assumeRolePolicy: JSON.stringify({
      Version: STATEMENT_VERSION,
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'streams.metrics.cloudwatch.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': o.accountId } },
      }],
    }),
    tags: o.tags,
  });
  const streamPolicy = new IamRolePolicy(scope, 'StreamPolicy', {
    provider,
    name: 'datadog-export-stream',
    role: streamRole.id,
    policy: JSON.stringify({
      Version: STATEMENT_VERSION,
      Statement: [{ Sid: 'DeliveryStream', Effect: 'Allow', Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'], Resource: [o.deliveryStream.arn] }],
    }),
  });
  return new CloudwatchMetricStream(scope, 'Resource', {
    provider,
    name: o.name,
    roleArn: streamRole.arn,
    firehoseArn: o.deliveryStream.arn,
    outputFormat: OUTPUT_FORMAT,
    includeLinkedAccountsMetrics: o.includeLinkedAccountsMetrics || undefined,
    includeFilter: o.include.length > 0 ? o.include : undefined,
    excludeFilter: o.exclude.length > 0 ? o.exclude : undefined,
    statisticsConfiguration: EscapingLazy.anyValue({
      produce: () => {
        const all = o.statistics();
        return all.length === 0 ? undefined : all.map((c) => ({
          additional_statistics: c.additionalStatistics,
          include_metric: c.includeMetric.map((m) => ({ namespace: m.namespace, metric_name: m.metricName })),
        }));
      },
    }),
    dependsOn: [streamPolicy],
    tags: o.tags,
  });
}
