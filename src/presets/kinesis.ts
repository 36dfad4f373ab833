import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, age, throttles } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { Signal } from '../signals/signal';

/** Monitors of a Kinesis data stream. */
export interface KinesisStreamMonitorsProps extends MonitorPresetOptions {
  /** The stream name (the `StreamName` dimension). */
  readonly streamName: string;
  /**
   * Alert when the oldest record read by a consumer is older than this many milliseconds
   * (`GetRecords.IteratorAgeMilliseconds`, Maximum over 5 minutes). The CloudWatch
   * "Recommended alarms" page gives no number for it ("depends on your situation"): set it
   * below the stream's retention period, with room to catch up.
   */
  readonly maxIteratorAgeMs: number;
  /**
   * Alert when more records than this are throttled on write in 5 minutes.
   * @default 0
   */
  readonly maxWriteThrottled?: number;
  /**
   * Alert when more reads than this are throttled in 5 minutes.
   * @default 0
   */
  readonly maxReadThrottled?: number;
}

/** Stream names: 1-128 letters, digits, _ . or - (Kinesis API reference, CreateStream `StreamName`). */
const STREAM_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * Consumer lag and write and read throttling of a Kinesis data stream (AWS/Kinesis, dimension
 * StreamName; the stream-level metrics of the Kinesis Data Streams developer guide,
 * "Monitor the Amazon Kinesis Data Streams service with Amazon CloudWatch",
 * docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html: the iterator age in
 * milliseconds, whose Maximum is the lag of the slowest consumer, and the throttled record and
 * call counts, whose useful statistic is Sum). Throttling takes the presets' zero tolerance
 * ("more than 0" in 5 minutes). The iterator age is only published while consumers read, so a
 * stream that stops reporting it is its own state. Datadog publishes each metric
 * (`aws.kinesis.get_records_iterator_age_milliseconds.maximum`,
 * `write_provisioned_throughput_exceeded`, `read_provisioned_throughput_exceeded`).
 * `MonitorPresets.kinesisStream()`.
 */
export function kinesisStreamMonitors(scope: Construct, id: string, props: KinesisStreamMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const stream = requirePattern(g, 'streamName', props?.streamName, STREAM_NAME, 'a Kinesis stream name (1-128 letters, digits, _ . or -)');
  g._configure(`Kinesis stream ${stream}`, props);
  const p = props.titlePrefix ?? stream;
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/Kinesis', metricName, dimensions: { StreamName: stream }, statistic });
  age(g, {
    id: 'IteratorAge',
    metric: metric('GetRecords.IteratorAgeMilliseconds'),
    prop: 'maxIteratorAgeMs',
    value: props.maxIteratorAgeMs,
    text: (s) => ({ title: `${p}: Kinesis iterator age`, message: `Consumers of stream ${stream} read records older than ${s.critical} ms.` }),
  });
  throttles(g, {
    id: 'WriteThrottled',
    metric: metric('WriteProvisionedThroughputExceeded'),
    prop: 'maxWriteThrottled',
    value: props.maxWriteThrottled,
    optional: true,
    text: (s) => ({ title: `${p}: Kinesis write throttling`, message: `More than ${s.critical} records written to stream ${stream} were throttled in ${s.window}.` }),
  });
  throttles(g, {
    id: 'ReadThrottled',
    metric: metric('ReadProvisionedThroughputExceeded'),
    prop: 'maxReadThrottled',
    value: props.maxReadThrottled,
    optional: true,
    text: (s) => ({ title: `${p}: Kinesis read throttling`, message: `More than ${s.critical} reads of stream ${stream} were throttled in ${s.window}.` }),
  });
  return g;
}
