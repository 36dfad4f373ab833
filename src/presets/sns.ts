import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, MetricOf, errorCount, recommended } from './private/categories';
import { optionalBoolean, requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of an SNS topic. */
export interface SnsTopicMonitorsProps extends MonitorPresetOptions {
  /** The topic name (the `TopicName` dimension). */
  readonly topicName: string;
  /**
   * Alert when more notifications than this fail to be delivered in 5 minutes.
   * @default 0
   */
  readonly maxFailedNotifications?: number;
  /**
   * Alert when more messages than this are rejected by subscription filter policies for
   * invalid attributes in 5 minutes.
   * @default 0
   */
  readonly maxInvalidAttributeRejections?: number;
  /**
   * Also alert when notifications are moved to a subscription's dead-letter queue. Datadog does
   * not publish this metric: the monitor is rendered to the other backends only.
   * @default false
   */
  readonly monitorDeadLetters?: boolean;
}

/**
 * Topic names: 1-256 letters, digits, - or _, FIFO topics ending in `.fifo` (SNS API
 * reference, CreateTopic `Name`).
 */
const TOPIC_NAME = /^(?=.{1,256}$)[A-Za-z0-9_-]+(\.fifo)?$/;

/**
 * Notifications moved to a dead-letter queue, `NumberOfNotificationsRedrivenToDlq` (SNS
 * developer guide, "Monitoring Amazon SNS topics using CloudWatch",
 * docs.aws.amazon.com/sns/latest/dg/sns-monitoring-using-cloudwatch.html): a count, Sum; any
 * message in the dead-letter queue alerts, as for SQS dead letters; no data is no dead letters.
 */
const DEAD_LETTERS: Category = {
  statistic: Statistic.SUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 300,
  evaluationPeriods: 1,
  missingData: MissingData.NOT_BREACHING,
  threshold: AMOUNT,
  defaultCritical: 0,
};

/**
 * Failed deliveries, filter-policy rejections for invalid attributes and (with
 * `monitorDeadLetters`) dead-lettered notifications of an SNS topic (AWS/SNS, dimension
 * TopicName; the metrics of the SNS developer guide, "Monitoring Amazon SNS topics using
 * CloudWatch", docs.aws.amazon.com/sns/latest/dg/sns-monitoring-using-cloudwatch.html, are counts
 * whose useful statistic is Sum). The CloudWatch user guide's "Recommended alarms" page lists
 * alarms on `NumberOfNotificationsFailed` (its threshold "depends on your situation") and
 * `NumberOfNotificationsFilteredOut-InvalidAttributes`
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html);
 * both default to the presets' zero tolerance, over 5 minutes. SNS publishes these counts only
 * when something happens. Datadog publishes `aws.sns.number_of_notifications_failed` and
 * `number_of_notifications_filtered_out_invalid_attributes`, not the dead-letter count.
 * `MonitorPresets.snsTopic()`.
 */
export function snsTopicMonitors(scope: Construct, id: string, props: SnsTopicMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const topic = requirePattern(g, 'topicName', props?.topicName, TOPIC_NAME, 'an SNS topic name (1-256 letters, digits, - or _, optionally ending in .fifo)');
  const deadLetters = optionalBoolean(g, 'monitorDeadLetters', props.monitorDeadLetters, false);
  g._configure(`SNS topic ${topic}`, props);
  const p = props.titlePrefix ?? topic;
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/SNS', metricName, dimensions: { TopicName: topic }, statistic });
  errorCount(g, {
    id: 'NotificationsFailed',
    metric: metric('NumberOfNotificationsFailed'),
    prop: 'maxFailedNotifications',
    value: props.maxFailedNotifications,
    optional: true,
    text: (s) => ({ title: `${p}: failed notifications`, message: `More than ${s.critical} notifications of topic ${topic} failed to be delivered in ${s.window}.` }),
  });
  errorCount(g, {
    id: 'InvalidAttributes',
    metric: metric('NumberOfNotificationsFilteredOut-InvalidAttributes'),
    prop: 'maxInvalidAttributeRejections',
    value: props.maxInvalidAttributeRejections,
    optional: true,
    text: (s) => ({
      title: `${p}: messages with invalid attributes`,
      message: `More than ${s.critical} messages of topic ${topic} were rejected by subscription filter policies for invalid attributes in ${s.window}.`,
    }),
  });
  if (deadLetters) {
    recommended(g, DEAD_LETTERS, {
      id: 'DeadLetters',
      metric: metric('NumberOfNotificationsRedrivenToDlq'),
      datadogInstead: 'on Datadog, monitor the dead-letter queue itself (MonitorPresets.sqsQueue with deadLetterQueueName)',
      text: () => ({ title: `${p}: dead-lettered notifications`, message: `Notifications of topic ${topic} were moved to a dead-letter queue.` }),
    });
  }
  return g;
}
