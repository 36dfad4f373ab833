/**
 * A CloudWatch metric whose dimension is a Terraform reference (a resource's name, known at
 * apply) becomes a Datadog tag filter that Terraform lower-cases, as Datadog stores its tags;
 * never a placeholder of the reference.
 */
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Dashboard, DashboardBackend, MonitorBackend, MonitorPresets } from '../../src';
import { presetStack } from '../presets/support';
import { synthStack } from '../support/synth';

test('a queue named by reference: the monitor and the dashboard filter on lower(<reference>)', () => {
  const s = presetStack();
  const queue = new SqsQueue(s, 'Queue', { name: 'Orders-Queue' });
  const g = MonitorPresets.sqsQueue(s, 'Q', { queueName: queue.name, maxAgeOfOldestMessageSeconds: 300, backends: [MonitorBackend.datadog()] });
  Dashboard.fromMonitors(s, 'Dash', { title: 'Q', groups: [g], backends: [DashboardBackend.datadog()] });
  const json = synthStack(s);
  const queries = Object.values<any>(json.resource.datadog_monitor).map((m) => m.query);
  expect(queries).toEqual(['max(last_5m):max:aws.sqs.approximate_age_of_oldest_message{queuename:${lower(aws_sqs_queue.Queue.name)}} > 300']);
  const dashboard = Object.values<any>(json.resource.datadog_dashboard_json)[0].dashboard;
  expect(dashboard).toContain('max:aws.sqs.approximate_age_of_oldest_message{queuename:${lower(aws_sqs_queue.Queue.name)}}');
  expect(JSON.stringify(json)).not.toMatch(/tftoken/i);
});

test('a literal name is still written as Datadog stores it', () => {
  const s = presetStack();
  MonitorPresets.sqsQueue(s, 'Q', { queueName: 'Orders-Queue', maxAgeOfOldestMessageSeconds: 300, backends: [MonitorBackend.datadog()] });
  const queries = Object.values<any>(synthStack(s).resource.datadog_monitor).map((m) => m.query);
  expect(queries).toEqual(['max(last_5m):max:aws.sqs.approximate_age_of_oldest_message{queuename:orders-queue} > 300']);
});
