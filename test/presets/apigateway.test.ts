/**
 * API Gateway presets (REST and HTTP APIs): the AWS recommended-alarm defaults on CloudWatch and
 * Grafana, the Datadog names from Datadog's list, the error rate left off Datadog (which collects
 * the 5xx metrics only as counts), and bad input.
 */
import { alarm, alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { isPublishedDatadogAwsMetric } from '../../src/datadog/private/aws-metric-names';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];

describe('REST API', () => {
  const stack = presetStack();
  const g = MonitorPresets.apiGatewayRestApi(stack, 'Orders', { apiName: 'orders', stage: 'prod', maxServerErrors: 3, backends: allBackends() });
  const json = synthStack(stack);
  const dims = { ApiName: 'orders', Stage: 'prod' };

  test('three monitors; the error rate on CloudWatch and Grafana only', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ServerErrorRate', 'LatencyP90', 'ServerErrors']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 2, grafana_rule_group: 3 });
    expect(g.monitor('ServerErrorRate').renderings.map((r) => r.backend.kind)).toEqual(['cloudwatch', 'grafana']);
    expect(g.monitor('LatencyP90').renderings.map((r) => r.backend.kind)).toEqual(['datadog', 'cloudwatch', 'grafana']);
  });

  test('error rate: Average of 5XXError above 0.05, 1-minute periods, 3 of 3 (recommended alarm)', () => {
    expect(alarmShape(json, 'orders/prod: API server error rate')).toEqual({
      namespace: 'AWS/ApiGateway',
      metric_name: '5XXError',
      dimensions: dims,
      statistic: 'Average',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0.05,
      period: 60,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: 'notBreaching',
    });
    expect(alarm(json, 'orders/prod: API server error rate').alarm_description).toBe('More than 5% of the requests to REST API orders/prod end in a 5xx.');
    const rule = grafanaRule(json, 'orders/prod: API server error rate');
    expect(rule.query).toMatchObject({ namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions: dims, statistic: 'Average', period: '60' });
    expect(rule.threshold.conditions[0].evaluator).toEqual({ type: 'gt', params: [0.05] });
  });

  test('the warning says why the error rate is not on Datadog and what to use there', () => {
    expect(warningsOf(g)).toEqual([expect.stringMatching(
      /^test\/Orders\/ServerErrorRate: not rendered to Datadog \(Datadog collects AWS\/ApiGateway 5XXError only as a count .*\); rendered to cloudwatch, grafana only; on Datadog, set maxServerErrors/)]);
  });

  test('p90 latency: at or above 2500 ms, 5 of 5 one-minute periods, on every backend', () => {
    expect(alarmShape(json, 'orders/prod: API p90 latency')).toEqual({
      namespace: 'AWS/ApiGateway',
      metric_name: 'Latency',
      dimensions: dims,
      extended_statistic: 'p90',
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      threshold: 2500,
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      treat_missing_data: 'notBreaching',
    });
    expect(datadogQuery(json, 'orders/prod: API p90 latency')).toBe('avg(last_5m):avg:aws.apigateway.latency.p90{apiname:orders,stage:prod} >= 2500');
  });

  test('error count: Sum of 5XXError over 5 minutes, on Datadog as the published count', () => {
    expect(alarmShape(json, 'orders/prod: API server errors')).toMatchObject({ metric_name: '5XXError', statistic: 'Sum', threshold: 3, period: 300 });
    expect(datadogQuery(json, 'orders/prod: API server errors')).toBe('sum(last_5m):sum:aws.apigateway.5xxerror{apiname:orders,stage:prod}.as_count() > 3');
  });

  test('every Datadog name it writes is in Datadog\'s list', () => {
    for (const m of Object.values<any>(json.resource.datadog_monitor)) {
      const name = /:(aws\.[a-z0-9_.]+)\{/.exec(m.query)![1];
      expect(isPublishedDatadogAwsMetric(name)).toBe(true);
    }
  });

  test('thresholds and the title prefix when given', () => {
    const s = presetStack();
    MonitorPresets.apiGatewayRestApi(s, 'Api', { apiName: 'orders', stage: 'prod', maxServerErrorRate: 0.01, maxLatencyP90Ms: 800, titlePrefix: 'shop', backends: [MonitorBackend.cloudwatch()] });
    const j = synthStack(s);
    expect(alarm(j, 'shop: API server error rate')).toMatchObject({ threshold: 0.01, alarm_description: 'More than 1% of the requests to REST API orders/prod end in a 5xx.' });
    expect(alarm(j, 'shop: API p90 latency').threshold).toBe(800);
    expect(counts(j, 'aws_cloudwatch_metric_alarm').aws_cloudwatch_metric_alarm).toBe(2);
  });

  test('Datadog alone: the error rate is left out, the latency stays', () => {
    const s = presetStack();
    const d = MonitorPresets.apiGatewayRestApi(s, 'Api', { apiName: 'orders', stage: 'prod', backends: [MonitorBackend.datadog()] });
    expect(d.monitors.map((m) => m.node.id)).toEqual(['LatencyP90']);
    expect(warningsOf(d)[0]).toMatch(/no other backend is given, so the monitor is left out/);
    expect(counts(synthStack(s), 'datadog_monitor')).toEqual({ datadog_monitor: 1 });
  });
});

describe('HTTP API', () => {
  const stack = presetStack();
  const g = MonitorPresets.apiGatewayHttpApi(stack, 'Http', { apiId: 'a1b2c3d4e5', stage: '$default', maxServerErrors: 0, backends: allBackends() });
  const json = synthStack(stack);
  const dims = { ApiId: 'a1b2c3d4e5', Stage: '$default' };

  test('the metrics of HTTP APIs (5xx, Latency) by ApiId and Stage, with the REST defaults', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ServerErrorRate', 'LatencyP90', 'ServerErrors']);
    expect(alarmShape(json, 'a1b2c3d4e5/$default: API server error rate')).toMatchObject({
      metric_name: '5xx', dimensions: dims, statistic: 'Average', threshold: 0.05, period: 60, evaluation_periods: 3, datapoints_to_alarm: 3,
    });
    expect(alarmShape(json, 'a1b2c3d4e5/$default: API p90 latency')).toMatchObject({ metric_name: 'Latency', dimensions: dims, extended_statistic: 'p90', threshold: 2500 });
    expect(datadogQuery(json, 'a1b2c3d4e5/$default: API server errors')).toBe('sum(last_5m):sum:aws.apigateway.5xx{apiid:a1b2c3d4e5,stage:_default}.as_count() > 0');
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 2, grafana_rule_group: 3 });
  });
});

describe('bad input', () => {
  const rest = (props: any) => (s: any) => MonitorPresets.apiGatewayRestApi(s, 'Api', { apiName: 'orders', stage: 'prod', backends: allBackends(), ...props });
  const http = (props: any) => (s: any) => MonitorPresets.apiGatewayHttpApi(s, 'Api', { apiId: 'a1b2c3d4e5', stage: 'prod', backends: allBackends(), ...props });
  test.each<[string, (s: any) => unknown, string, string, string]>([
    ['a REST API id given as the name', rest({ apiName: '' }), 'apiName', '""', 'a REST API name (a letter or digit, then up to 127 letters, digits, spaces, . _ or -)'],
    ['a REST API name with a slash', rest({ apiName: 'orders/v2' }), 'apiName', '"orders/v2"', 'a REST API name (a letter or digit, then up to 127 letters, digits, spaces, . _ or -)'],
    ['a stage with a space', rest({ stage: 'prod 1' }), 'stage', '"prod 1"', 'a stage name (1-128 letters, digits, - or _) or $default'],
    ['an error rate in percent', rest({ maxServerErrorRate: 5 }), 'maxServerErrorRate', '5', 'a fraction above 0 and below 1 (0.05 is 5%)'],
    ['a negative latency', rest({ maxLatencyP90Ms: -1 }), 'maxLatencyP90Ms', '-1', 'a number of 0 or more'],
    ['a non-numeric error count', rest({ maxServerErrors: 'ten' }), 'maxServerErrors', '"ten"', 'a number of 0 or more'],
    ['an HTTP API ARN instead of its id', http({ apiId: 'arn:aws:apigateway:eu-west-1::/apis/a1b2c3d4e5' }), 'apiId', '"arn:aws:apigateway:eu-west-1::/apis/a1b2c3d4e5"',
      'an HTTP API id (the ten lower-case letters or digits API Gateway assigns)'],
    ['an upper-case HTTP API id', http({ apiId: 'A1B2C3D4E5' }), 'apiId', '"A1B2C3D4E5"', 'an HTTP API id (the ten lower-case letters or digits API Gateway assigns)'],
  ])('%s', (_, build, prop, received, accepted) => {
    const s = presetStack();
    expect(validationError(() => build(s))).toMatchObject({ constructPath: 'test/Api', prop, received, accepted });
  });
});
