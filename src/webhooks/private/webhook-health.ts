import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { IntegrationHealthKind, IntegrationHealthSignal } from '../../core/integration';
import { ComparisonOperator, MissingData } from '../../monitors/threshold';
import { Signal, Statistic } from '../../signals/signal';

/** Why a webhook delivered by Datadog or Grafana alone has no health signal. */
export const NO_EVENTBRIDGE_HEALTH = 'Datadog webhooks and Grafana contact points retry on their side and publish no delivery metric; '
  + 'only the EventBridge source has a dead-letter queue and retry metrics';

/**
 * The health signals of EventBridge deliveries to API destinations:
 *
 * - DEAD_LETTERS: the depth of the dead-letter queue (AWS/SQS ApproximateNumberOfMessagesVisible,
 *   dimension QueueName: "Amazon SQS User Guide, Available CloudWatch metrics for Amazon SQS"),
 *   already alarmed by the construct (`alarm`).
 * - ERROR_RATE, per rule: EventBridge retrying deliveries in every 5-minute period for 15 minutes
 *   (AWS/Events RetryInvocationAttempts, Sum, dimension RuleName: "Amazon EventBridge User
 *   Guide, Monitoring Amazon EventBridge"). EventBridge retries a target that fails (a 5xx or a
 *   429 of an API destination) until the event is too old, then sends it to the dead-letter
 *   queue: sustained retries show a failing receiver before the first dead letter. Not alarmed
 *   by the construct; the IntegrationCatalog may monitor it.
 */
export function eventBridgeHealth(
  what: string, queue: SqsQueue, alarm: CloudwatchMetricAlarm, rules: Record<string, CloudwatchEventRule>,
): IntegrationHealthSignal[] {
  const out: IntegrationHealthSignal[] = [{
    name: 'dead-letters',
    kind: IntegrationHealthKind.DEAD_LETTERS,
    description: `${what}: deliveries failed after all retries and are in the dead-letter queue`,
    signal: Signal.cloudWatchMetric({ namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: queue.name }, statistic: Statistic.MAXIMUM }),
    comparison: ComparisonOperator.GREATER_THAN,
    threshold: 0,
    period: 300,
    evaluationPeriods: 1,
    missingData: MissingData.NOT_BREACHING,
    alarm: { system: 'cloudwatch', resource: alarm, referenceAttribute: 'arn' },
  }];
  for (const key of Object.keys(rules).sort()) {
    out.push({
      name: `retries-${key}`,
      kind: IntegrationHealthKind.ERROR_RATE,
      description: `${what}: EventBridge has retried ${key} deliveries in every 5 minutes for 15 minutes (the receiver keeps failing)`,
      signal: Signal.cloudWatchMetric({ namespace: 'AWS/Events', metricName: 'RetryInvocationAttempts', dimensions: { RuleName: rules[key].name }, statistic: Statistic.SUM }),
      comparison: ComparisonOperator.GREATER_THAN,
      threshold: 0,
      period: 300,
      evaluationPeriods: 3,
      missingData: MissingData.NOT_BREACHING,
    });
  }
  return out;
}
