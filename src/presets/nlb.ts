import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, errorCount, unhealthyHosts } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { Signal } from '../signals/signal';

/** Monitors of a Network Load Balancer's target group. */
export interface NlbMonitorsProps extends MonitorPresetOptions {
  /** The `LoadBalancer` dimension: `net/<name>/<id>` (the end of the load balancer ARN). */
  readonly loadBalancer: string;
  /** The `TargetGroup` dimension: `targetgroup/<name>/<id>` (the end of the target group ARN). */
  readonly targetGroup: string;
  /**
   * Alert when the targets reset more TCP connections than this in 5 minutes
   * (`TCP_Target_Reset_Count`).
   * @default - no target-reset monitor
   */
  readonly maxTargetResets?: number;
}

/** The `LoadBalancer` dimension of a Network Load Balancer (an Application Load Balancer's is `app/…`). */
const LOAD_BALANCER = /^net\/[^/]+\/[0-9a-f]+$/;
const TARGET_GROUP = /^targetgroup\/[^/]+\/[0-9a-f]+$/;

/**
 * Unhealthy targets and (with `maxTargetResets`) target connection resets of a Network Load
 * Balancer's target group (AWS/NetworkELB, dimensions LoadBalancer and TargetGroup; Elastic Load
 * Balancing, "CloudWatch metrics for your Network Load Balancer",
 * docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-cloudwatch-metrics.html:
 * UnHealthyHostCount per target group, whose Maximum is the worst minute, and the reset counts,
 * whose useful statistic is Sum). Unhealthy targets take the presets' ALB rule: any unhealthy
 * target for 5 minutes in a row. Datadog publishes both (`aws.networkelb.un_healthy_host_count.maximum`,
 * `aws.networkelb.tcptarget_reset_count`). `MonitorPresets.networkLoadBalancer()`.
 */
export function networkLoadBalancerMonitors(scope: Construct, id: string, props: NlbMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const lb = requirePattern(g, 'loadBalancer', props?.loadBalancer, LOAD_BALANCER, 'the LoadBalancer dimension net/<name>/<id>');
  const tg = requirePattern(g, 'targetGroup', props.targetGroup, TARGET_GROUP, 'the TargetGroup dimension targetgroup/<name>/<id>');
  const name = Token.isUnresolved(lb) ? id : lb.split('/')[1];
  g._configure(`NLB ${name}`, props);
  const p = props.titlePrefix ?? name;
  // LoadBalancer first: the per-target-group metrics are published per target group of a load balancer.
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/NetworkELB', metricName, dimensions: { LoadBalancer: lb, TargetGroup: tg }, statistic });
  unhealthyHosts(g, {
    id: 'UnhealthyHosts',
    metric: metric('UnHealthyHostCount'),
    text: () => ({ title: `${p}: NLB unhealthy targets`, message: `Target group ${tg} of ${lb} has unhealthy targets.` }),
  });
  if (props.maxTargetResets !== undefined) {
    errorCount(g, {
      id: 'TargetResets',
      metric: metric('TCP_Target_Reset_Count'),
      prop: 'maxTargetResets',
      value: props.maxTargetResets,
      text: (s) => ({ title: `${p}: NLB target resets`, message: `The targets of ${tg} reset more than ${s.critical} TCP connections in ${s.window}.` }),
    });
  }
  return g;
}
