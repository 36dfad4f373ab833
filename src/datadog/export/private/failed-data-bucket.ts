/**
 * The failed-data bucket of a DatadogExport: where Firehose writes what it could not deliver.
 * Not part of the public API.
 */
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { Construct } from 'constructs';
import { STATEMENT_VERSION } from './datadog-export-facts';
import type { AwsConnection } from '../../../aws/aws-connection';

export interface FailedDataBucketOptions {
  readonly provider: AwsConnection['provider'];
  /** Base name of the pipeline (the bucket prefix derives from it). */
  readonly name: string;
  /** Days after which failed-data objects expire. */
  readonly retentionDays: number;
  readonly tags?: Record<string, string>;
}

/**
 * The bucket and its configuration, created in `scope` (the export) under the ids
 * `FailedDataBucket*`: private, encrypted, TLS only, expiring.
 */
export function createFailedDataBucket(scope: Construct, o: FailedDataBucketOptions): S3Bucket {
  const provider = o.provider;
  const bucketPrefix = `${o.name.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 24)}-failed-`;
  // force_destroy: switching the export off (enabled: false) must remove it cleanly, even
  // with failed data still in it.
  const bucket = new S3Bucket(scope, 'FailedDataBucket', { provider, bucketPrefix, forceDestroy: true, tags: o.tags });
  const publicAccess = new S3BucketPublicAccessBlock(scope, 'FailedDataBucketPublicAccess', {
    provider, bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, 'FailedDataBucketOwnership', { provider, bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  new S3BucketServerSideEncryptionConfigurationA(scope, 'FailedDataBucketEncryption', {
    provider, bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  new S3BucketLifecycleConfiguration(scope, 'FailedDataBucketLifecycle', {
    provider,
    bucket: bucket.id,
    rule: [{
      id: 'expire-failed-data',
      status: 'Enabled',
      filter: [{ prefix: '' }],
      expiration: [{ days: o.retentionDays }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
    }],
  });
  new S3BucketPolicy(scope, 'FailedDataBucketPolicy', {
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
  return bucket;
}
