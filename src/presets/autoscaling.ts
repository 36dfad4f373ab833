import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, recommended } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of an EC2 Auto Scaling group. */
export interface AutoScalingGroupMonitorsProps extends MonitorPresetOptions {
  /**
   * The group name (the `AutoScalingGroupName` dimension). The group must publish its group
   * metrics (`enabled_metrics` of `aws_autoscaling_group`, or "Enable group metrics collection").
   */
  readonly autoScalingGroupName: string;
  /** Alert when fewer instances than this are in service for 5 minutes in a row. */
  readonly minInServiceInstances: number;
}

/**
 * Instances in service, `GroupInServiceInstances` (EC2 Auto Scaling user guide, "CloudWatch
 * metrics for Amazon EC2 Auto Scaling",
 * docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html: group metrics at
 * one-minute granularity once enabled, pending and terminating instances not counted): its
 * Minimum per minute below the threshold, five minutes in a row (the presets' rule for unhealthy
 * targets; a replacement or a scale-in blip is not an alert). A group whose metrics stop is its
 * own state.
 */
const IN_SERVICE: Category = {
  statistic: Statistic.MINIMUM,
  comparison: ComparisonOperator.LESS_THAN,
  period: 60,
  evaluationPeriods: 5,
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
};

/**
 * Group names: 1-255 printable ASCII characters (33-126) other than the colon (EC2 Auto Scaling
 * API reference, CreateAutoScalingGroup `AutoScalingGroupName`).
 */
const GROUP_NAME = /^[!-9;-~]{1,255}$/;

/**
 * Instances in service of an EC2 Auto Scaling group (AWS/AutoScaling, dimension
 * AutoScalingGroupName). Datadog publishes `aws.autoscaling.group_in_service_instances` as a
 * per-period average only; its minimum is read from that (with a warning).
 * `MonitorPresets.autoScalingGroup()`.
 */
export function autoScalingGroupMonitors(scope: Construct, id: string, props: AutoScalingGroupMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const name = requirePattern(g, 'autoScalingGroupName', props?.autoScalingGroupName, GROUP_NAME, 'an Auto Scaling group name (1-255 printable ASCII characters, no space or colon: not its ARN)');
  g._configure(`Auto Scaling group ${name}`, props);
  const p = props.titlePrefix ?? name;
  recommended(g, IN_SERVICE, {
    id: 'InServiceInstances',
    metric: (statistic) => Signal.cloudWatchMetric({ namespace: 'AWS/AutoScaling', metricName: 'GroupInServiceInstances', dimensions: { AutoScalingGroupName: name }, statistic }),
    prop: 'minInServiceInstances',
    value: props.minInServiceInstances,
    text: (s) => ({ title: `${p}: instances in service`, message: `Auto Scaling group ${name} has fewer than ${s.critical} instances in service.` }),
  });
  return g;
}
