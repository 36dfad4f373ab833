/**
 * Step Functions preset: failed, timed-out and throttled executions by StateMachineArn on the
 * three backends, thresholds, a reference to the state machine, and bad input.
 */
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { alarm, alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:orders';
const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];

describe('Step Functions', () => {
  const stack = presetStack();
  const g = MonitorPresets.stepFunctionsStateMachine(stack, 'Orders', { stateMachineArn: ARN, backends: allBackends() });
  const json = synthStack(stack);
  const dims = { StateMachineArn: ARN };

  test('three monitors, each on every backend, no warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionThrottled']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 3, grafana_rule_group: 3 });
    expect(warningsOf(g)).toEqual([]);
  });

  test.each([
    ['orders: failed executions', 'ExecutionsFailed', 'aws.states.executions_failed'],
    ['orders: timed-out executions', 'ExecutionsTimedOut', 'aws.states.executions_timed_out'],
    ['orders: throttled executions', 'ExecutionThrottled', 'aws.states.execution_throttled'],
  ])('%s: Sum over 5 minutes above 0, no data is not breaching; Datadog %s', (title, metric, datadog) => {
    expect(alarmShape(json, title)).toEqual({
      namespace: 'AWS/States',
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
    expect(datadogQuery(json, title)).toBe(`sum(last_5m):sum:${datadog}{statemachinearn:${ARN.toLowerCase()}}.as_count() > 0`);
    const rule = grafanaRule(json, title);
    expect(rule.query).toMatchObject({ namespace: 'AWS/States', metricName: metric, dimensions: dims, statistic: 'Sum', period: '300' });
    expect(rule.noData).toBe('OK');
  });

  test('thresholds when given', () => {
    const s = presetStack();
    MonitorPresets.stepFunctionsStateMachine(s, 'Sm', {
      stateMachineArn: ARN, maxFailedExecutions: 2, maxTimedOutExecutions: 3, maxThrottledExecutions: 4, titlePrefix: 'shop', backends: [MonitorBackend.cloudwatch()],
    });
    const j = synthStack(s);
    expect(alarm(j, 'shop: failed executions')).toMatchObject({ threshold: 2, alarm_description: 'More than 2 executions of state machine orders failed in 5 minutes.' });
    expect(alarm(j, 'shop: timed-out executions').threshold).toBe(3);
    expect(alarm(j, 'shop: throttled executions').threshold).toBe(4);
  });

  test('a reference to the state machine stays a Terraform reference in the alarm', () => {
    const s = presetStack();
    const sm = new SfnStateMachine(s, 'Machine', { name: 'orders', roleArn: 'arn:aws:iam::123456789012:role/sfn', definition: '{}' });
    const grp = MonitorPresets.stepFunctionsStateMachine(s, 'Sm', { stateMachineArn: sm.arn, backends: [MonitorBackend.cloudwatch()] });
    expect(grp.title).toBe('State machine Sm');
    const j = synthStack(s);
    expect(alarm(j, 'Sm: failed executions').dimensions).toEqual({ StateMachineArn: '${aws_sfn_state_machine.Machine.arn}' });
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.stepFunctionsStateMachine(s, 'Sm', { stateMachineArn: ARN, backends: allBackends(), ...props });
  const accepted = 'a state machine ARN arn:aws:states:<region>:<account>:stateMachine:<name> (name: 1-80 letters, digits, - or _), or a reference to one';
  test.each<[string, (s: any) => unknown, string, string, string]>([
    ['the state machine name instead of its ARN', build({ stateMachineArn: 'orders' }), 'stateMachineArn', '"orders"', accepted],
    ['an execution ARN', build({ stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:execution:orders:run-1' }), 'stateMachineArn',
      '"arn:aws:states:eu-west-1:123456789012:execution:orders:run-1"', accepted],
    ['an account id that is not 12 digits', build({ stateMachineArn: 'arn:aws:states:eu-west-1:1234:stateMachine:orders' }), 'stateMachineArn',
      '"arn:aws:states:eu-west-1:1234:stateMachine:orders"', accepted],
    ['a negative threshold', build({ maxFailedExecutions: -1 }), 'maxFailedExecutions', '-1', 'a number of 0 or more'],
    ['an infinite threshold', build({ maxThrottledExecutions: Infinity }), 'maxThrottledExecutions', 'Infinity', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/Sm', prop, received, accepted: acc });
  });
});
