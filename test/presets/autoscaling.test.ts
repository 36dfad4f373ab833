/**
 * EC2 Auto Scaling preset: instances in service below the minimum on the three backends; bad input.
 */
import { alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack, validationError } from './support';
import { MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

describe('Auto Scaling group', () => {
  const stack = presetStack();
  const g = MonitorPresets.autoScalingGroup(stack, 'Web', { autoScalingGroupName: 'web-asg', minInServiceInstances: 2, backends: allBackends() });
  const json = synthStack(stack);

  test('one monitor on every backend: Minimum of GroupInServiceInstances below the minimum, 5 of 5 minutes', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['InServiceInstances']);
    expect(counts(json, 'aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group')).toEqual({ aws_cloudwatch_metric_alarm: 1, datadog_monitor: 1, grafana_rule_group: 1 });
    expect(alarmShape(json, 'web-asg: instances in service')).toEqual({
      namespace: 'AWS/AutoScaling',
      metric_name: 'GroupInServiceInstances',
      dimensions: { AutoScalingGroupName: 'web-asg' },
      statistic: 'Minimum',
      comparison_operator: 'LessThanThreshold',
      threshold: 2,
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      treat_missing_data: 'missing',
    });
    // Datadog lists the gauge only: the minimum is read from the per-period average (with a warning).
    expect(datadogQuery(json, 'web-asg: instances in service')).toBe('min(last_5m):min:aws.autoscaling.group_in_service_instances{autoscalinggroupname:web-asg} < 2');
    expect(grafanaRule(json, 'web-asg: instances in service').threshold.conditions[0].evaluator).toEqual({ type: 'lt', params: [2] });
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.autoScalingGroup(s, 'A', { autoScalingGroupName: 'web-asg', minInServiceInstances: 2, backends: allBackends(), ...props });
  const accepted = 'an Auto Scaling group name (1-255 printable ASCII characters, no space or colon: not its ARN)';
  test.each<[string, (s: any) => unknown, string, string, string]>([
    ['a group ARN', build({ autoScalingGroupName: 'arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1a2b:autoScalingGroupName/web-asg' }), 'autoScalingGroupName',
      '"arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1a2b:autoScalingGroupName/web-asg"', accepted],
    ['a name with a space', build({ autoScalingGroupName: 'web asg' }), 'autoScalingGroupName', '"web asg"', accepted],
    ['no minimum', build({ minInServiceInstances: undefined }), 'minInServiceInstances', 'undefined', 'a number of 0 or more'],
    ['a negative minimum', build({ minInServiceInstances: -1 }), 'minInServiceInstances', '-1', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/A', prop, received, accepted: acc });
  });
});
