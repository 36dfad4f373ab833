/**
 * Network Load Balancer preset: unhealthy targets and target resets of a target group on the
 * three backends; bad input (an ALB given to it, ARNs instead of dimensions).
 */
import { alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const LB = 'net/edge/50dc6c495c0c9188';
const TG = 'targetgroup/edge/6d0ecf831eec9f09';
const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];

describe('Network Load Balancer', () => {
  const stack = presetStack();
  const g = MonitorPresets.networkLoadBalancer(stack, 'Edge', { loadBalancer: LB, targetGroup: TG, maxTargetResets: 20, backends: allBackends() });
  const json = synthStack(stack);
  const dims = { LoadBalancer: LB, TargetGroup: TG };

  test('two monitors, each on every backend, no warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['UnhealthyHosts', 'TargetResets']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 2, datadog_monitor: 2, grafana_rule_group: 2 });
    expect(warningsOf(g)).toEqual([]);
  });

  test('unhealthy targets: Maximum above 0 for five 1-minute periods', () => {
    expect(alarmShape(json, 'edge: NLB unhealthy targets')).toEqual({
      namespace: 'AWS/NetworkELB',
      metric_name: 'UnHealthyHostCount',
      dimensions: dims,
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      treat_missing_data: 'missing',
    });
    expect(datadogQuery(json, 'edge: NLB unhealthy targets')).toBe(`max(last_5m):max:aws.networkelb.un_healthy_host_count.maximum{loadbalancer:${LB},targetgroup:${TG}} > 0`);
    expect(grafanaRule(json, 'edge: NLB unhealthy targets').query).toMatchObject({ namespace: 'AWS/NetworkELB', metricName: 'UnHealthyHostCount', dimensions: dims });
  });

  test('target resets: Sum over 5 minutes above maxTargetResets', () => {
    expect(alarmShape(json, 'edge: NLB target resets')).toMatchObject({ metric_name: 'TCP_Target_Reset_Count', statistic: 'Sum', threshold: 20, period: 300 });
    expect(datadogQuery(json, 'edge: NLB target resets')).toBe(`sum(last_5m):sum:aws.networkelb.tcptarget_reset_count{loadbalancer:${LB},targetgroup:${TG}}.as_count() > 20`);
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.networkLoadBalancer(s, 'N', { loadBalancer: LB, targetGroup: TG, backends: allBackends(), ...props });
  test.each<[string, (s: any) => unknown, string, string, string]>([
    ['an Application Load Balancer given to the NLB preset', build({ loadBalancer: 'app/web/50dc6c495c0c9188' }), 'loadBalancer', '"app/web/50dc6c495c0c9188"', 'the LoadBalancer dimension net/<name>/<id>'],
    ['a load balancer ARN instead of the dimension', build({ loadBalancer: `arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/${LB}` }), 'loadBalancer',
      `"arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/${LB}"`, 'the LoadBalancer dimension net/<name>/<id>'],
    ['no target group', build({ targetGroup: undefined }), 'targetGroup', 'undefined', 'the TargetGroup dimension targetgroup/<name>/<id>'],
    ['a negative reset threshold', build({ maxTargetResets: -2 }), 'maxTargetResets', '-2', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, accepted) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/N', prop, received, accepted });
  });
});
