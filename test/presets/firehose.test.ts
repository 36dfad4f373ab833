/**
 * Firehose preset: data freshness per destination and throttled records by DeliveryStreamName on
 * the three backends; Datadog's S3 names (`s_3`), the OpenSearch freshness left off Datadog; bad input.
 */
import { alarm, alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { FirehoseDestination, MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];

describe('Firehose stream (S3)', () => {
  const stack = presetStack();
  const g = MonitorPresets.firehoseStream(stack, 'Logs', { deliveryStreamName: 'logs', backends: allBackends() });
  const json = synthStack(stack);
  const dims = { DeliveryStreamName: 'logs' };

  test('two monitors, each on every backend', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['DataFreshness', 'ThrottledRecords']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 2, datadog_monitor: 2, grafana_rule_group: 2 });
    expect(warningsOf(g)).toEqual([]);
  });

  test('freshness: Maximum of DeliveryToS3.DataFreshness above 900 s over 5 minutes; no data is its own state', () => {
    expect(alarmShape(json, 'logs: Firehose data freshness')).toEqual({
      namespace: 'AWS/Firehose',
      metric_name: 'DeliveryToS3.DataFreshness',
      dimensions: dims,
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 900,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'missing',
    });
    expect(grafanaRule(json, 'logs: Firehose data freshness').query).toMatchObject({ metricName: 'DeliveryToS3.DataFreshness', statistic: 'Maximum' });
    // Datadog's name splits S3 as s_3, and it lists only the per-period average, read with max.
    expect(datadogQuery(json, 'logs: Firehose data freshness')).toBe('max(last_5m):max:aws.firehose.delivery_to_s_3data_freshness{deliverystreamname:logs} > 900');
    const all = g.node.findAll().flatMap((c) => warningsOf(c));
    expect(all).toEqual([expect.stringContaining('do not list aws.firehose.delivery_to_s_3data_freshness.maximum')]);
  });

  test('throttled records: Sum over 5 minutes above 0', () => {
    expect(alarmShape(json, 'logs: Firehose throttled records')).toMatchObject({ metric_name: 'ThrottledRecords', statistic: 'Sum', threshold: 0, period: 300, treat_missing_data: 'notBreaching' });
    expect(datadogQuery(json, 'logs: Firehose throttled records')).toBe('sum(last_5m):sum:aws.firehose.throttled_records{deliverystreamname:logs}.as_count() > 0');
  });
});

describe('other destinations', () => {
  test.each([
    [FirehoseDestination.HTTP_ENDPOINT, 'DeliveryToHttpEndpoint.DataFreshness', 'max:aws.firehose.delivery_to_http_endpoint_data_freshness{'],
    [FirehoseDestination.SPLUNK, 'DeliveryToSplunk.DataFreshness', 'max:aws.firehose.delivery_to_splunk_data_freshness.maximum{'],
  ])('%s: %s', (destination, metric, datadog) => {
    const s = presetStack();
    MonitorPresets.firehoseStream(s, 'F', { deliveryStreamName: 'logs', destination, maxDataFreshnessSeconds: 120, backends: allBackends() });
    const j = synthStack(s);
    expect(alarm(j, 'logs: Firehose data freshness')).toMatchObject({ metric_name: metric, threshold: 120 });
    expect(datadogQuery(j, 'logs: Firehose data freshness')).toContain(datadog);
  });

  test('OpenSearch: Datadog does not publish the freshness metric, so it is rendered to CloudWatch and Grafana only', () => {
    const s = presetStack();
    const g = MonitorPresets.firehoseStream(s, 'F', { deliveryStreamName: 'logs', destination: FirehoseDestination.OPENSEARCH, backends: allBackends() });
    const j = synthStack(s);
    expect(alarm(j, 'logs: Firehose data freshness').metric_name).toBe('DeliveryToAmazonOpenSearchService.DataFreshness');
    expect(counts(j, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 2, datadog_monitor: 1, grafana_rule_group: 2 });
    expect(warningsOf(g)).toEqual([expect.stringMatching(/^test\/F\/DataFreshness: not rendered to Datadog .*; rendered to cloudwatch, grafana only/)]);
  });

  test('thresholds when given', () => {
    const s = presetStack();
    MonitorPresets.firehoseStream(s, 'F', { deliveryStreamName: 'logs', maxThrottledRecords: 50, backends: [MonitorBackend.cloudwatch()] });
    expect(alarm(synthStack(s), 'logs: Firehose throttled records').threshold).toBe(50);
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.firehoseStream(s, 'F', { deliveryStreamName: 'logs', backends: allBackends(), ...props });
  test.each<[string, (s: any) => unknown, string, string, string]>([
    ['a stream ARN instead of its name', build({ deliveryStreamName: 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs' }), 'deliveryStreamName',
      '"arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs"', 'a Firehose stream name (1-64 letters, digits, _ . or -)'],
    ['a destination Firehose has no freshness metric for', build({ destination: 'REDSHIFT' }), 'destination', '"REDSHIFT"', 'a FirehoseDestination (S3, HTTP_ENDPOINT, SPLUNK, OPENSEARCH)'],
    ['a negative freshness', build({ maxDataFreshnessSeconds: -60 }), 'maxDataFreshnessSeconds', '-60', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, accepted) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/F', prop, received, accepted });
  });
});
