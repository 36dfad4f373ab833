/**
 * SNS preset: failed deliveries, invalid-attribute rejections and dead-lettered notifications by
 * TopicName; the dead-letter monitor is left off Datadog (Datadog does not publish it); bad input.
 */
import { alarm, alarmShape, allBackends, counts, datadogQuery, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];

describe('SNS topic', () => {
  const stack = presetStack();
  const g = MonitorPresets.snsTopic(stack, 'Events', { topicName: 'events', backends: allBackends() });
  const json = synthStack(stack);
  const dims = { TopicName: 'events' };

  test('two monitors by default, each on every backend, no warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['NotificationsFailed', 'InvalidAttributes']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 2, datadog_monitor: 2, grafana_rule_group: 2 });
    expect(warningsOf(g)).toEqual([]);
  });

  test.each([
    ['events: failed notifications', 'NumberOfNotificationsFailed', 'aws.sns.number_of_notifications_failed'],
    ['events: messages with invalid attributes', 'NumberOfNotificationsFilteredOut-InvalidAttributes', 'aws.sns.number_of_notifications_filtered_out_invalid_attributes'],
  ])('%s: Sum over 5 minutes above 0; Datadog %s', (title, metric, datadog) => {
    expect(alarmShape(json, title)).toEqual({
      namespace: 'AWS/SNS',
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
    expect(datadogQuery(json, title)).toBe(`sum(last_5m):sum:${datadog}{topicname:events}.as_count() > 0`);
  });

  test('dead letters: on CloudWatch and Grafana, not on Datadog, with a warning saying what to do there', () => {
    const s = presetStack();
    const d = MonitorPresets.snsTopic(s, 'T', { topicName: 'events.fifo', monitorDeadLetters: true, maxFailedNotifications: 3, backends: allBackends() });
    const j = synthStack(s);
    expect(d.monitors.map((m) => m.node.id)).toEqual(['NotificationsFailed', 'InvalidAttributes', 'DeadLetters']);
    expect(counts(j, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 2, grafana_rule_group: 3 });
    expect(alarmShape(j, 'events.fifo: dead-lettered notifications')).toMatchObject({ metric_name: 'NumberOfNotificationsRedrivenToDlq', statistic: 'Sum', threshold: 0 });
    expect(alarm(j, 'events.fifo: failed notifications').threshold).toBe(3);
    expect(warningsOf(d)).toEqual([expect.stringMatching(
      /^test\/T\/DeadLetters: not rendered to Datadog \(Datadog's published metrics of AWS\/SNS do not list aws\.sns\.number_of_notifications_redriven_to_dlq\.sum .*\); rendered to cloudwatch, grafana only; on Datadog, monitor the dead-letter queue itself/)]);
  });

  test('Datadog alone: the dead-letter monitor is left out', () => {
    const s = presetStack();
    const d = MonitorPresets.snsTopic(s, 'T', { topicName: 'events', monitorDeadLetters: true, backends: [MonitorBackend.datadog()] });
    expect(d.monitors.map((m) => m.node.id)).toEqual(['NotificationsFailed', 'InvalidAttributes']);
    expect(counts(synthStack(s), 'datadog_monitor')).toEqual({ datadog_monitor: 2 });
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.snsTopic(s, 'T', { topicName: 'events', backends: allBackends(), ...props });
  const accepted = 'an SNS topic name (1-256 letters, digits, - or _, optionally ending in .fifo)';
  test.each<[string, (s: any) => unknown, string, unknown, string]>([
    ['a topic ARN instead of its name', build({ topicName: 'arn:aws:sns:eu-west-1:123456789012:events' }), 'topicName', '"arn:aws:sns:eu-west-1:123456789012:events"', accepted],
    ['a dot that is not .fifo', build({ topicName: 'events.v2' }), 'topicName', '"events.v2"', accepted],
    // (long values are shortened in the message)
    ['a topic name of 257 characters', build({ topicName: 'a'.repeat(257) }), 'topicName', expect.stringMatching(/^"a{40,}/), accepted],
    ['monitorDeadLetters as a string', build({ monitorDeadLetters: 'yes' }), 'monitorDeadLetters', '"yes"', 'true or false'],
    ['a negative failure threshold', build({ maxFailedNotifications: -1 }), 'maxFailedNotifications', '-1', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/T', prop, received, accepted: acc });
  });
});
