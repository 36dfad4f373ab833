import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, age, backlog } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { AwsService, Signal } from '../signals/signal';

/** Monitors of an SQS queue. */
export interface SqsMonitorsProps extends MonitorPresetOptions {
  /** The queue name. */
  readonly queueName: string;
  /** Alert when the oldest message is older than this many seconds. */
  readonly maxAgeOfOldestMessageSeconds: number;
  /**
   * Alert when more messages than this are visible.
   * @default - no backlog monitor
   */
  readonly maxVisibleMessages?: number;
  /**
   * The dead-letter queue; alert when any message is in it.
   * @default - no dead-letter monitor
   */
  readonly deadLetterQueueName?: string;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/;
const QUEUE_NAME_ACCEPTED = 'an SQS queue name (1-80 letters, digits, - or _, optionally .fifo)';

/** Age of the oldest message, backlog and dead letters of an SQS queue (AWS/SQS, dimension QueueName). `MonitorPresets.sqsQueue()`. */
export function sqsQueueMonitors(scope: Construct, id: string, props: SqsMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const q = requirePattern(g, 'queueName', props?.queueName, QUEUE_NAME, QUEUE_NAME_ACCEPTED);
  g._configure(`SQS queue ${q}`, props);
  const p = props.titlePrefix ?? q;
  const metric = (queue: string, name: string): MetricOf => (statistic) => Signal.awsMetric(AwsService.SQS, queue, name, { statistic });
  age(g, {
    id: 'OldestMessage',
    metric: metric(q, 'ApproximateAgeOfOldestMessage'),
    prop: 'maxAgeOfOldestMessageSeconds',
    value: props.maxAgeOfOldestMessageSeconds,
    text: (s) => ({ title: `${p}: oldest message age`, message: `The oldest message in queue ${q} is older than ${s.critical} s.` }),
  });
  if (props.maxVisibleMessages !== undefined) {
    backlog(g, {
      id: 'Backlog',
      metric: metric(q, 'ApproximateNumberOfMessagesVisible'),
      prop: 'maxVisibleMessages',
      value: props.maxVisibleMessages,
      text: (s) => ({ title: `${p}: backlog`, message: `More than ${s.critical} messages wait in queue ${q}.` }),
    });
  }
  if (props.deadLetterQueueName !== undefined) {
    const dlq = requirePattern(g, 'deadLetterQueueName', props.deadLetterQueueName, QUEUE_NAME, QUEUE_NAME_ACCEPTED);
    backlog(g, {
      id: 'DeadLetters',
      metric: metric(dlq, 'ApproximateNumberOfMessagesVisible'),
      text: () => ({ title: `${p}: dead letters`, message: `Messages of queue ${q} landed in its dead-letter queue ${dlq}.` }),
    });
  }
  return g;
}
