/**
 * Route 53 health-check preset: HealthCheckStatus below 1 on the three backends, a reference to
 * the health check, bad input.
 */
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
import { alarm, alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack, validationError } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const ID = 'abcdef11-2222-3333-4444-555555fedcba';

describe('Route 53 health check', () => {
  const stack = presetStack();
  const g = MonitorPresets.route53HealthCheck(stack, 'Site', { healthCheckId: ID, titlePrefix: 'shop.example.com', backends: allBackends() });
  const json = synthStack(stack);

  test('one monitor on every backend: Minimum of HealthCheckStatus below 1 in a minute', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['Unhealthy']);
    expect(counts(json, 'aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group')).toEqual({ aws_cloudwatch_metric_alarm: 1, datadog_monitor: 1, grafana_rule_group: 1 });
    expect(alarmShape(json, 'shop.example.com: health check failing')).toEqual({
      namespace: 'AWS/Route53',
      metric_name: 'HealthCheckStatus',
      dimensions: { HealthCheckId: ID },
      statistic: 'Minimum',
      comparison_operator: 'LessThanThreshold',
      threshold: 1,
      period: 60,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'missing',
    });
    expect(datadogQuery(json, 'shop.example.com: health check failing')).toBe(`min(last_1m):min:aws.route53.health_check_status{healthcheckid:${ID}} < 1`);
    expect(grafanaRule(json, 'shop.example.com: health check failing').threshold.conditions[0].evaluator).toEqual({ type: 'lt', params: [1] });
  });

  test('a reference to the health check stays a Terraform reference', () => {
    const s = presetStack();
    const hc = new Route53HealthCheck(s, 'Check', { type: 'HTTPS', fqdn: 'shop.example.com', port: 443, resourcePath: '/health', failureThreshold: 3, requestInterval: 30 });
    MonitorPresets.route53HealthCheck(s, 'Hc', { healthCheckId: hc.id, backends: [MonitorBackend.cloudwatch()] });
    expect(alarm(synthStack(s), 'Hc: health check failing').dimensions).toEqual({ HealthCheckId: '${aws_route53_health_check.Check.id}' });
  });
});

describe('bad input', () => {
  test.each([
    ['a health check ARN', 'arn:aws:route53:::healthcheck/abcdef11-2222-3333-4444-555555fedcba'],
    ['an upper-case id', 'ABCDEF11-2222-3333-4444-555555FEDCBA'],
    ['a truncated id', 'abcdef11-2222-3333-4444'],
  ])('%s', (_, healthCheckId) => {
    const s = presetStack();
    expect(validationError(() => MonitorPresets.route53HealthCheck(s, 'Hc', { healthCheckId, backends: allBackends() }))).toMatchObject({
      constructPath: 'test/Hc', prop: 'healthCheckId', received: JSON.stringify(healthCheckId), accepted: 'a Route 53 health check id (a lower-case UUID), or a reference to one',
    });
  });
});
