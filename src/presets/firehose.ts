import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, MetricOf, recommended, throttles } from './private/categories';
import { requireOneOf, requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Where a Firehose stream delivers, which names its data-freshness metric. */
export enum FirehoseDestination {
  /** Amazon S3 (`DeliveryToS3.DataFreshness`). */
  S3 = 'S3',
  /** An HTTP endpoint, e.g. a SaaS collector (`DeliveryToHttpEndpoint.DataFreshness`). */
  HTTP_ENDPOINT = 'HTTP_ENDPOINT',
  /** Splunk (`DeliveryToSplunk.DataFreshness`). */
  SPLUNK = 'SPLUNK',
  /**
   * Amazon OpenSearch Service (`DeliveryToAmazonOpenSearchService.DataFreshness`). Datadog does
   * not publish this metric: the freshness monitor is rendered to the other backends only.
   */
  OPENSEARCH = 'OPENSEARCH',
}

/** Monitors of an Amazon Data Firehose stream. */
export interface FirehoseMonitorsProps extends MonitorPresetOptions {
  /** The Firehose stream name (the `DeliveryStreamName` dimension). */
  readonly deliveryStreamName: string;
  /**
   * Where the stream delivers.
   * @default FirehoseDestination.S3
   */
  readonly destination?: FirehoseDestination;
  /**
   * Alert when the oldest record not yet delivered is older than this many seconds.
   * @default 900 (the longest buffering interval, which Firehose's best practices name as the alarm threshold)
   */
  readonly maxDataFreshnessSeconds?: number;
  /**
   * Alert when more records than this are throttled in 5 minutes.
   * @default 0
   */
  readonly maxThrottledRecords?: number;
}

const FRESHNESS_METRIC: Record<FirehoseDestination, string> = {
  [FirehoseDestination.S3]: 'DeliveryToS3.DataFreshness',
  [FirehoseDestination.HTTP_ENDPOINT]: 'DeliveryToHttpEndpoint.DataFreshness',
  [FirehoseDestination.SPLUNK]: 'DeliveryToSplunk.DataFreshness',
  [FirehoseDestination.OPENSEARCH]: 'DeliveryToAmazonOpenSearchService.DataFreshness',
};

/**
 * Data freshness: the age in seconds of the oldest record in the stream not yet delivered, its
 * Maximum over 5 minutes. Amazon Data Firehose developer guide, "Implement best practices with
 * CloudWatch Alarms" (docs.aws.amazon.com/firehose/latest/dev/firehose-cloudwatch-metrics-best-practices.html):
 * alarm when the DataFreshness metrics exceed the buffering limit, "a maximum of 15 minutes",
 * hence 900 s. A stream with nothing to deliver reports no freshness: its own state, not "fine".
 */
const DATA_FRESHNESS: Category = {
  statistic: Statistic.MAXIMUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 300,
  evaluationPeriods: 1,
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
  defaultCritical: 900,
};

/** Firehose stream names: 1-64 letters, digits, _ . or - (Firehose API reference, CreateDeliveryStream `DeliveryStreamName`). */
const STREAM_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Data freshness and throttled records of an Amazon Data Firehose stream (AWS/Firehose,
 * dimension DeliveryStreamName; the metrics of the Firehose developer guide, "Monitor Amazon
 * Data Firehose with CloudWatch metrics",
 * docs.aws.amazon.com/firehose/latest/dev/monitoring-with-cloudwatch-metrics.html). The same
 * best-practices page recommends an alarm on `ThrottledRecords`, a count (Sum) that takes the
 * presets' zero tolerance. Datadog publishes the S3, HTTP endpoint and Splunk freshness metrics
 * (for S3 and HTTP endpoints only their per-period average, which the Maximum is read from, with
 * a warning) and `aws.firehose.throttled_records`; not the OpenSearch freshness, which is then
 * rendered to the other backends only. `MonitorPresets.firehoseStream()`.
 */
export function firehoseMonitors(scope: Construct, id: string, props: FirehoseMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const stream = requirePattern(g, 'deliveryStreamName', props?.deliveryStreamName, STREAM_NAME, 'a Firehose stream name (1-64 letters, digits, _ . or -)');
  const destination = props.destination === undefined ? FirehoseDestination.S3
    : requireOneOf(g, 'destination', props.destination, Object.values(FirehoseDestination), 'a FirehoseDestination (S3, HTTP_ENDPOINT, SPLUNK, OPENSEARCH)');
  g._configure(`Firehose stream ${stream}`, props);
  const p = props.titlePrefix ?? stream;
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/Firehose', metricName, dimensions: { DeliveryStreamName: stream }, statistic });
  recommended(g, DATA_FRESHNESS, {
    id: 'DataFreshness',
    metric: metric(FRESHNESS_METRIC[destination]),
    prop: 'maxDataFreshnessSeconds',
    value: props.maxDataFreshnessSeconds,
    optional: true,
    datadogInstead: 'on Datadog, the throttled-records monitor remains',
    text: (s) => ({ title: `${p}: Firehose data freshness`, message: `Firehose stream ${stream} holds records older than ${s.critical} s not yet delivered.` }),
  });
  throttles(g, {
    id: 'ThrottledRecords',
    metric: metric('ThrottledRecords'),
    prop: 'maxThrottledRecords',
    value: props.maxThrottledRecords,
    optional: true,
    text: (s) => ({ title: `${p}: Firehose throttled records`, message: `More than ${s.critical} records sent to Firehose stream ${stream} were throttled in ${s.window}.` }),
  });
  return g;
}
