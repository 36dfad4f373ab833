/**
 * EventBridge rule preset: failed invocations and dead-lettered events by RuleName (and
 * EventBusName) on CloudWatch and Grafana; Datadog publishes no EventBridge metrics; bad input.
 */
import { alarm, alarmShape, allBackends, counts, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];

describe('EventBridge rule', () => {
  const stack = presetStack();
  const g = MonitorPresets.eventBridgeRule(stack, 'Orders', { ruleName: 'orders-created', backends: allBackends() });
  const json = synthStack(stack);

  test('two monitors on CloudWatch and Grafana, none on Datadog, each with a warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['FailedInvocations', 'DeadLetterInvocations']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 2, datadog_monitor: 0, grafana_rule_group: 2 });
    expect(warningsOf(g)).toEqual([
      expect.stringMatching(/^test\/Orders\/FailedInvocations: not rendered to Datadog \(Datadog's published metrics of AWS\/Events do not list aws\.events\.failed_invocations\.sum .*\); rendered to cloudwatch, grafana only$/),
      expect.stringMatching(/^test\/Orders\/DeadLetterInvocations: not rendered to Datadog .*aws\.events\.dead_letter_invocations/),
    ]);
  });

  test.each([
    ['orders-created: failed rule invocations', 'FailedInvocations'],
    ['orders-created: dead-lettered events', 'DeadLetterInvocations'],
  ])('%s: Sum of %s over 5 minutes above 0, by RuleName on the default bus', (title, metric) => {
    expect(alarmShape(json, title)).toEqual({
      namespace: 'AWS/Events',
      metric_name: metric,
      dimensions: { RuleName: 'orders-created' },
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    });
    expect(grafanaRule(json, title).query).toMatchObject({ namespace: 'AWS/Events', metricName: metric, statistic: 'Sum' });
  });

  test('a rule on a custom bus is measured by EventBusName and RuleName; thresholds when given', () => {
    const s = presetStack();
    MonitorPresets.eventBridgeRule(s, 'R', { ruleName: 'r1', eventBusName: 'orders', maxFailedInvocations: 4, maxDeadLetterInvocations: 2, backends: [MonitorBackend.cloudwatch()] });
    const j = synthStack(s);
    expect(alarm(j, 'r1: failed rule invocations')).toMatchObject({ dimensions: { EventBusName: 'orders', RuleName: 'r1' }, threshold: 4 });
    expect(alarm(j, 'r1: dead-lettered events').threshold).toBe(2);
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.eventBridgeRule(s, 'R', { ruleName: 'r1', backends: allBackends(), ...props });
  test.each<[string, (s: any) => unknown, string, string, string]>([
    ['Datadog as the only backend', build({ backends: [MonitorBackend.datadog()] }), 'backends', '"datadog"',
      'a backend other than Datadog (Datadog\'s Amazon EventBridge integration publishes no metrics): MonitorBackend.cloudwatch() or .grafana()'],
    ['a rule ARN instead of its name', build({ ruleName: 'arn:aws:events:eu-west-1:123456789012:rule/r1' }), 'ruleName', '"arn:aws:events:eu-west-1:123456789012:rule/r1"',
      'an EventBridge rule name (1-64 letters, digits, . - or _)'],
    ['an event bus ARN instead of its name', build({ eventBusName: 'arn:aws:events:eu-west-1:123456789012:event-bus/orders' }), 'eventBusName',
      '"arn:aws:events:eu-west-1:123456789012:event-bus/orders"', 'an event bus name (1-256 letters, digits, / . - or _), not its ARN'],
    ['a negative threshold', build({ maxDeadLetterInvocations: -1 }), 'maxDeadLetterInvocations', '-1', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, accepted) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/R', prop, received, accepted });
  });
});
