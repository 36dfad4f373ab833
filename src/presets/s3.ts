import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { Category, FRACTION, MetricOf, errorCount, latencyPercentile, recommended } from './private/categories';
import { fail, requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of an S3 bucket's request metrics. */
export interface S3RequestMonitorsProps extends MonitorPresetOptions {
  /** The bucket name (the `BucketName` dimension). */
  readonly bucketName: string;
  /**
   * The id of the bucket's request-metrics configuration (the `FilterId` dimension): request
   * metrics are published only for a configured filter, e.g. one named `EntireBucket`.
   */
  readonly filterId: string;
  /**
   * Alert when more than this fraction of the requests of a 5-minute period end in a 5xx
   * (the Average of `5xxErrors`). Not rendered to Datadog, which collects `5xxErrors` only as a
   * count; use `maxServerErrors` there.
   * @default - no error-rate monitor
   */
  readonly maxServerErrorRate?: number;
  /**
   * Alert when more requests than this end in a 5xx in 5 minutes.
   * @default - no error-count monitor
   */
  readonly maxServerErrors?: number;
  /**
   * Alert when the p99 time to first byte over 5 minutes exceeds this many milliseconds.
   * @default - no latency monitor
   */
  readonly maxFirstByteLatencyP99Ms?: number;
}

/**
 * Server error rate: `5xxErrors` is 1 for each request answered 5xx and 0 for the others, so its
 * Average is the fraction of requests that failed (Amazon S3 user guide, "Metrics and dimensions",
 * request metrics, docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-dimensions.html: "Valid
 * statistics: Average (reports per request), Sum (reports per period)"). Over 5 minutes like the
 * presets' other error monitors; no requests is no data, not an error.
 */
const SERVER_ERROR_RATE: Category = {
  statistic: Statistic.AVERAGE,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 300,
  evaluationPeriods: 1,
  missingData: MissingData.NOT_BREACHING,
  threshold: FRACTION,
};

/**
 * Bucket names: 3-63 lower-case letters, digits, dots or hyphens, starting and ending with a
 * letter or digit (Amazon S3 user guide, "General purpose bucket naming rules").
 */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Request-metrics configuration ids: 1-64 letters, digits, . - or _ (S3 API reference, PutBucketMetricsConfiguration `id`). */
const FILTER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Server error rate, 5xx count and p99 first-byte latency of an S3 bucket's request metrics
 * (AWS/S3, dimensions BucketName and FilterId; request metrics are paid, one-minute metrics a
 * bucket publishes only for a configured request-metrics filter, see the S3 user guide,
 * "Monitoring metrics with Amazon CloudWatch"). Each monitor is opt-in through its threshold,
 * which depends on the workload (at least one is required). The error rate is not rendered to
 * Datadog (Datadog collects `5xxErrors` only as a count, `aws.s3.5xx_errors`); the count and
 * latency are (`aws.s3.5xx_errors`, `aws.s3.first_byte_latency.p99`). `MonitorPresets.s3Bucket()`.
 */
export function s3BucketMonitors(scope: Construct, id: string, props: S3RequestMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const bucket = requirePattern(g, 'bucketName', props?.bucketName, BUCKET, 'an S3 bucket name (3-63 lower-case letters, digits, . or -, starting and ending with a letter or digit)');
  const filter = requirePattern(g, 'filterId', props.filterId, FILTER_ID, 'the id of a request-metrics configuration (1-64 letters, digits, . - or _), e.g. EntireBucket');
  if (props.maxServerErrorRate === undefined && props.maxServerErrors === undefined && props.maxFirstByteLatencyP99Ms === undefined) {
    fail(g, 'maxServerErrorRate', undefined, 'at least one of maxServerErrorRate, maxServerErrors or maxFirstByteLatencyP99Ms (each S3 monitor is opt-in)');
  }
  g._configure(`S3 bucket ${bucket}`, props);
  const p = props.titlePrefix ?? bucket;
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/S3', metricName, dimensions: { BucketName: bucket, FilterId: filter }, statistic });
  if (props.maxServerErrorRate !== undefined) {
    recommended(g, SERVER_ERROR_RATE, {
      id: 'ServerErrorRate',
      metric: metric('5xxErrors'),
      prop: 'maxServerErrorRate',
      value: props.maxServerErrorRate,
      datadogInstead: 'on Datadog, set maxServerErrors for a monitor of the 5xx count',
      text: (s) => ({ title: `${p}: S3 server error rate`, message: `More than ${Math.round(s.critical * 10000) / 100}% of the requests to bucket ${bucket} end in a 5xx.` }),
    });
  }
  if (props.maxServerErrors !== undefined) {
    errorCount(g, {
      id: 'ServerErrors',
      metric: metric('5xxErrors'),
      prop: 'maxServerErrors',
      value: props.maxServerErrors,
      text: (s) => ({ title: `${p}: S3 server errors`, message: `Bucket ${bucket} answers more than ${s.critical} 5xx in ${s.window}.` }),
    });
  }
  if (props.maxFirstByteLatencyP99Ms !== undefined) {
    latencyPercentile(g, {
      id: 'FirstByteLatencyP99',
      metric: metric('FirstByteLatency'),
      prop: 'maxFirstByteLatencyP99Ms',
      value: props.maxFirstByteLatencyP99Ms,
      text: (s) => ({ title: `${p}: S3 ${s.statistic} first-byte latency`, message: `The ${s.statistic} first-byte latency of bucket ${bucket} exceeds ${s.critical} ms.` }),
    });
  }
  return g;
}
