/**
 * Kinesis Data Streams preset: iterator age and write/read throttling by StreamName on the three
 * backends, thresholds, and bad input.
 */
import { alarm, alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];

describe('Kinesis stream', () => {
  const stack = presetStack();
  const g = MonitorPresets.kinesisStream(stack, 'Clicks', { streamName: 'clicks', maxIteratorAgeMs: 60000, backends: allBackends() });
  const json = synthStack(stack);
  const dims = { StreamName: 'clicks' };

  test('three monitors, each on every backend, no warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['IteratorAge', 'WriteThrottled', 'ReadThrottled']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 3, grafana_rule_group: 3 });
    expect(warningsOf(g)).toEqual([]);
  });

  test('iterator age: Maximum over 5 minutes above maxIteratorAgeMs; no data is its own state', () => {
    expect(alarmShape(json, 'clicks: Kinesis iterator age')).toEqual({
      namespace: 'AWS/Kinesis',
      metric_name: 'GetRecords.IteratorAgeMilliseconds',
      dimensions: dims,
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 60000,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'missing',
    });
    expect(datadogQuery(json, 'clicks: Kinesis iterator age')).toBe('max(last_5m):max:aws.kinesis.get_records_iterator_age_milliseconds.maximum{streamname:clicks} > 60000');
    expect(grafanaRule(json, 'clicks: Kinesis iterator age').query).toMatchObject({ metricName: 'GetRecords.IteratorAgeMilliseconds', statistic: 'Maximum', dimensions: dims });
  });

  test.each([
    ['clicks: Kinesis write throttling', 'WriteProvisionedThroughputExceeded', 'aws.kinesis.write_provisioned_throughput_exceeded'],
    ['clicks: Kinesis read throttling', 'ReadProvisionedThroughputExceeded', 'aws.kinesis.read_provisioned_throughput_exceeded'],
  ])('%s: Sum over 5 minutes above 0; Datadog %s', (title, metric, datadog) => {
    expect(alarmShape(json, title)).toEqual({
      namespace: 'AWS/Kinesis',
      metric_name: metric,
      dimensions: dims,
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    });
    expect(datadogQuery(json, title)).toBe(`sum(last_5m):sum:${datadog}{streamname:clicks}.as_count() > 0`);
  });

  test('thresholds when given', () => {
    const s = presetStack();
    MonitorPresets.kinesisStream(s, 'K', { streamName: 'clicks', maxIteratorAgeMs: 1000, maxWriteThrottled: 10, maxReadThrottled: 20, backends: [MonitorBackend.cloudwatch()] });
    const j = synthStack(s);
    expect(alarm(j, 'clicks: Kinesis write throttling')).toMatchObject({
      threshold: 10, alarm_description: 'More than 10 records written to stream clicks were throttled in 5 minutes.',
    });
    expect(alarm(j, 'clicks: Kinesis read throttling').threshold).toBe(20);
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.kinesisStream(s, 'K', { streamName: 'clicks', maxIteratorAgeMs: 60000, backends: allBackends(), ...props });
  const accepted = 'a Kinesis stream name (1-128 letters, digits, _ . or -)';
  test.each<[string, (s: any) => unknown, string, string, string]>([
    ['a stream ARN instead of its name', build({ streamName: 'arn:aws:kinesis:eu-west-1:123456789012:stream/clicks' }), 'streamName',
      '"arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"', accepted],
    ['a stream name of 129 characters', build({ streamName: 'a'.repeat(129) }), 'streamName', `"${'a'.repeat(129)}"`, accepted],
    ['no iterator age', build({ maxIteratorAgeMs: undefined }), 'maxIteratorAgeMs', 'undefined', 'a number of 0 or more'],
    ['a negative write threshold', build({ maxWriteThrottled: -5 }), 'maxWriteThrottled', '-5', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/K', prop, received, accepted: acc });
  });
});
