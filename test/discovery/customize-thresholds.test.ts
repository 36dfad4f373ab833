/**
 * Monitoring.customize({ thresholds }): one discovered resource's monitors get their own
 * thresholds; the others keep the stack's; a bad value is the preset's ValidationError.
 */
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { DiscoveryThresholds, MonitorBackend, Monitoring } from '../../src';
import { presetStack, validationError } from '../presets/support';
import { synthStack } from '../support/synth';

const thresholdsByQueue = (json: any) => Object.fromEntries(Object.values<any>(json.resource.aws_cloudwatch_metric_alarm)
  .filter((a) => a.metric_name === 'ApproximateAgeOfOldestMessage').map((a) => [a.dimensions.QueueName, a.threshold]));

test('one queue alerts after a minute, the other after the stack\'s ten', () => {
  const stack = presetStack();
  const urgent = new SqsQueue(stack, 'payments', { name: 'payments' });
  new SqsQueue(stack, 'reports', { name: 'reports' });
  Monitoring.customize(urgent, { thresholds: { sqsMaxAgeOfOldestMessageSeconds: 60 } });
  Monitoring.discover(stack, { backends: [MonitorBackend.cloudwatch()], sqsMaxAgeOfOldestMessageSeconds: 600 });
  expect(thresholdsByQueue(synthStack(stack))).toEqual({ '${aws_sqs_queue.payments.name}': 60, '${aws_sqs_queue.reports.name}': 600 });
});

test('a resource\'s threshold turns on a type the stack gives none for; an undefined entry keeps the stack\'s', () => {
  const stack = presetStack();
  const q = new SqsQueue(stack, 'only', { name: 'only' });
  new SqsQueue(stack, 'skipped', { name: 'skipped' });
  Monitoring.customize(q, { thresholds: { sqsMaxAgeOfOldestMessageSeconds: 120, lambdaMaxErrors: undefined } });
  Monitoring.discover(stack, { backends: [MonitorBackend.cloudwatch()] });
  expect(thresholdsByQueue(synthStack(stack))).toEqual({ '${aws_sqs_queue.only.name}': 120 });
});

test('a bad threshold of one resource is the preset\'s ValidationError; thresholds that are not an object are refused', () => {
  const stack = presetStack();
  const q = new SqsQueue(stack, 'q', { name: 'q' });
  Monitoring.customize(q, { thresholds: { sqsMaxAgeOfOldestMessageSeconds: -1 } });
  Monitoring.discover(stack, { backends: [MonitorBackend.cloudwatch()], sqsMaxAgeOfOldestMessageSeconds: 600 });
  expect(validationError(() => synthStack(stack))).toMatchObject({ prop: 'maxAgeOfOldestMessageSeconds', received: '-1' });
  expect(validationError(() => Monitoring.customize(q, { thresholds: 60 as unknown as DiscoveryThresholds }))).toMatchObject({
    constructPath: 'test/q', prop: 'settings.thresholds', received: '60',
  });
});
