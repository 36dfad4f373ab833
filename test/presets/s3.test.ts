/**
 * S3 request-metrics preset: error rate (not on Datadog), 5xx count and p99 first-byte latency
 * by BucketName and FilterId; each opt-in; bad input.
 */
import { alarm, alarmShape, allBackends, counts, datadogQuery, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];

describe('S3 bucket request metrics', () => {
  const stack = presetStack();
  const g = MonitorPresets.s3Bucket(stack, 'Assets', {
    bucketName: 'shop-assets', filterId: 'EntireBucket', maxServerErrorRate: 0.01, maxServerErrors: 25, maxFirstByteLatencyP99Ms: 400, backends: allBackends(),
  });
  const json = synthStack(stack);
  const dims = { BucketName: 'shop-assets', FilterId: 'EntireBucket' };

  test('three monitors; the error rate on CloudWatch and Grafana only, with a warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ServerErrorRate', 'ServerErrors', 'FirstByteLatencyP99']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 2, grafana_rule_group: 3 });
    expect(warningsOf(g)).toEqual([expect.stringMatching(/^test\/Assets\/ServerErrorRate: not rendered to Datadog \(Datadog collects AWS\/S3 5xxErrors only as a count .*on Datadog, set maxServerErrors/)]);
  });

  test('error rate: Average of 5xxErrors above the fraction over 5 minutes', () => {
    expect(alarmShape(json, 'shop-assets: S3 server error rate')).toEqual({
      namespace: 'AWS/S3',
      metric_name: '5xxErrors',
      dimensions: dims,
      statistic: 'Average',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0.01,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    });
    expect(alarm(json, 'shop-assets: S3 server error rate').alarm_description).toBe('More than 1% of the requests to bucket shop-assets end in a 5xx.');
  });

  test('5xx count and p99 first-byte latency on every backend under Datadog\'s names', () => {
    expect(alarmShape(json, 'shop-assets: S3 server errors')).toMatchObject({ metric_name: '5xxErrors', statistic: 'Sum', threshold: 25 });
    expect(datadogQuery(json, 'shop-assets: S3 server errors')).toBe('sum(last_5m):sum:aws.s3.5xx_errors{bucketname:shop-assets,filterid:entirebucket}.as_count() > 25');
    expect(alarmShape(json, 'shop-assets: S3 p99 first-byte latency')).toMatchObject({ metric_name: 'FirstByteLatency', extended_statistic: 'p99', threshold: 400 });
    expect(datadogQuery(json, 'shop-assets: S3 p99 first-byte latency')).toBe('avg(last_5m):avg:aws.s3.first_byte_latency.p99{bucketname:shop-assets,filterid:entirebucket} > 400');
  });

  test('only the monitors asked for', () => {
    const s = presetStack();
    const b = MonitorPresets.s3Bucket(s, 'B', { bucketName: 'shop-assets', filterId: 'EntireBucket', maxServerErrors: 1, backends: [MonitorBackend.datadog()] });
    expect(b.monitors.map((m) => m.node.id)).toEqual(['ServerErrors']);
    expect(warningsOf(b)).toEqual([]);
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.s3Bucket(s, 'B', { bucketName: 'shop-assets', filterId: 'EntireBucket', maxServerErrors: 1, backends: allBackends(), ...props });
  const bucket = 'an S3 bucket name (3-63 lower-case letters, digits, . or -, starting and ending with a letter or digit)';
  test.each<[string, (s: any) => unknown, string, string, string]>([
    ['a bucket ARN instead of its name', build({ bucketName: 'arn:aws:s3:::shop-assets' }), 'bucketName', '"arn:aws:s3:::shop-assets"', bucket],
    ['an upper-case bucket name', build({ bucketName: 'Shop-Assets' }), 'bucketName', '"Shop-Assets"', bucket],
    ['a filter id with a space', build({ filterId: 'entire bucket' }), 'filterId', '"entire bucket"', 'the id of a request-metrics configuration (1-64 letters, digits, . - or _), e.g. EntireBucket'],
    ['no monitor asked for', build({ maxServerErrors: undefined }), 'maxServerErrorRate', 'undefined',
      'at least one of maxServerErrorRate, maxServerErrors or maxFirstByteLatencyP99Ms (each S3 monitor is opt-in)'],
    ['an error rate in percent', build({ maxServerErrorRate: 1 }), 'maxServerErrorRate', '1', 'a fraction above 0 and below 1 (0.05 is 5%)'],
  ])('%s', (_, fn, prop, received, accepted) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/B', prop, received, accepted });
  });
});
