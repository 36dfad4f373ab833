/**
 * CloudFront preset: the 5xx error rate by DistributionId and Region=Global, optionally the 4xx
 * error rate and the p90 origin latency (left off Datadog, which publishes no p90 of it); bad input.
 */
import { alarm, alarmShape, allBackends, counts, datadogQuery, presetStack, validationError, warningsOf } from './support';
import { MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];
const dims = { DistributionId: 'EDFDVBD6EXAMPLE', Region: 'Global' };

describe('CloudFront distribution', () => {
  test('by default one 5xx error rate monitor: Average per minute above 5% for 5 of 5 minutes, on every backend', () => {
    const s = presetStack();
    const g = MonitorPresets.cloudFrontDistribution(s, 'Cdn', { distributionId: 'EDFDVBD6EXAMPLE', backends: allBackends() });
    const j = synthStack(s);
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ErrorRate5xx']);
    expect(counts(j, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 1, datadog_monitor: 1, grafana_rule_group: 1 });
    expect(warningsOf(g)).toEqual([]);
    expect(alarmShape(j, 'EDFDVBD6EXAMPLE: 5xx error rate')).toEqual({
      namespace: 'AWS/CloudFront',
      metric_name: '5xxErrorRate',
      dimensions: dims,
      statistic: 'Average',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 5,
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      treat_missing_data: 'notBreaching',
    });
    expect(datadogQuery(j, 'EDFDVBD6EXAMPLE: 5xx error rate')).toMatch(/^avg\(last_5m\):avg:aws\.cloudfront\.5xx_error_rate\{distributionid:edfdvbd6example,region:global\} > 5$/);
  });

  test('4xx and origin latency when set; origin latency not on Datadog, with a warning', () => {
    const s = presetStack();
    const g = MonitorPresets.cloudFrontDistribution(s, 'Cdn', {
      distributionId: 'EDFDVBD6EXAMPLE', max5xxErrorRatePercent: 2, max4xxErrorRatePercent: 20, maxOriginLatencyMs: 3000, backends: allBackends(),
    });
    const j = synthStack(s);
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ErrorRate5xx', 'ErrorRate4xx', 'OriginLatency']);
    expect(counts(j, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 2, grafana_rule_group: 3 });
    expect(alarm(j, 'EDFDVBD6EXAMPLE: 5xx error rate').threshold).toBe(2);
    expect(alarmShape(j, 'EDFDVBD6EXAMPLE: 4xx error rate')).toMatchObject({ metric_name: '4xxErrorRate', dimensions: dims, statistic: 'Average', threshold: 20 });
    expect(datadogQuery(j, 'EDFDVBD6EXAMPLE: 4xx error rate')).toMatch(/aws\.cloudfront\.4xx_error_rate\{distributionid:edfdvbd6example,region:global\} > 20$/);
    const lat = alarm(j, 'EDFDVBD6EXAMPLE: origin latency');
    expect(lat).toMatchObject({ metric_name: 'OriginLatency', extended_statistic: 'p90', threshold: 3000, period: 60, evaluation_periods: 5 });
    expect(warningsOf(g)).toEqual([expect.stringMatching(/^test\/Cdn\/OriginLatency: not rendered to Datadog/)]);
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.cloudFrontDistribution(s, 'T', { distributionId: 'EDFDVBD6EXAMPLE', backends: allBackends(), ...props });
  const accepted = 'a CloudFront distribution id (upper-case letters and digits, e.g. EDFDVBD6EXAMPLE), or a reference to one';
  test.each<[string, (s: any) => unknown, string, unknown, string]>([
    ['a distribution ARN', build({ distributionId: 'arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE' }), 'distributionId', expect.stringMatching(/^"arn:aws:cloudfront/), accepted],
    ['a domain name', build({ distributionId: 'd111111abcdef8.cloudfront.net' }), 'distributionId', '"d111111abcdef8.cloudfront.net"', accepted],
    ['a 5xx rate of 100', build({ max5xxErrorRatePercent: 100 }), 'max5xxErrorRatePercent', '100', 'a percentage above 0 and below 100'],
    ['a 4xx rate of 0', build({ max4xxErrorRatePercent: 0 }), 'max4xxErrorRatePercent', '0', 'a percentage above 0 and below 100'],
    ['a negative origin latency', build({ maxOriginLatencyMs: -1 }), 'maxOriginLatencyMs', '-1', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/T', prop, received, accepted: acc });
  });
});
