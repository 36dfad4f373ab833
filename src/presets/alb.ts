import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, errorCount, latencyPercentile, unhealthyHosts } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { AwsService, Signal } from '../signals/signal';

/** Monitors of an Application Load Balancer. */
export interface AlbMonitorsProps extends MonitorPresetOptions {
  /** The `LoadBalancer` dimension: `app/<name>/<id>` (the end of the load balancer ARN). */
  readonly loadBalancer: string;
  /** Alert when the targets answer more 5xx than this in 5 minutes. */
  readonly maxTarget5xx: number;
  /** Alert when the p99 target response time over 5 minutes exceeds this many seconds. */
  readonly maxResponseTimeP99Seconds: number;
  /**
   * Alert when the load balancer itself answers more 5xx than this in 5 minutes.
   * @default 0
   */
  readonly maxElb5xx?: number;
  /**
   * The `TargetGroup` dimension (`targetgroup/<name>/<id>`); with it, a monitor of unhealthy hosts.
   * @default - no unhealthy-host monitor
   */
  readonly targetGroup?: string;
}

/** The `LoadBalancer` dimension of an Application Load Balancer (a Network Load Balancer's is `net/…`). */
const LOAD_BALANCER = /^app\/[^/]+\/[0-9a-f]+$/;
const TARGET_GROUP = /^targetgroup\/[^/]+\/[0-9a-f]+$/;

/**
 * 5xx answers, p99 response time and (with a target group) unhealthy hosts of an Application
 * Load Balancer (AWS/ApplicationELB; ELB reports request metrics only while requests flow).
 * `MonitorPresets.applicationLoadBalancer()`.
 */
export function applicationLoadBalancerMonitors(scope: Construct, id: string, props: AlbMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const lb = requirePattern(g, 'loadBalancer', props?.loadBalancer, LOAD_BALANCER, 'the LoadBalancer dimension app/<name>/<id>');
  const name = Token.isUnresolved(lb) ? id : lb.split('/')[1];
  g._configure(`ALB ${name}`, props);
  const p = props.titlePrefix ?? name;
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, lb, metricName, { statistic });
  errorCount(g, {
    id: 'Target5xx',
    metric: metric('HTTPCode_Target_5XX_Count'),
    prop: 'maxTarget5xx',
    value: props.maxTarget5xx,
    text: (s) => ({
      title: `${p}: ALB target 5xx`,
      message: `The targets of ${lb} answer more than ${s.critical} 5xx in ${s.window}.`,
    }),
  });
  errorCount(g, {
    id: 'Elb5xx',
    metric: metric('HTTPCode_ELB_5XX_Count'),
    prop: 'maxElb5xx',
    value: props.maxElb5xx,
    optional: true,
    text: () => ({ title: `${p}: ALB 5xx`, message: `Load balancer ${lb} itself answers 5xx.` }),
  });
  latencyPercentile(g, {
    id: 'ResponseTimeP99',
    metric: metric('TargetResponseTime'),
    prop: 'maxResponseTimeP99Seconds',
    value: props.maxResponseTimeP99Seconds,
    text: (s) => ({
      title: `${p}: ALB ${s.statistic} response time`,
      message: `The ${s.statistic} target response time of ${lb} exceeds ${s.critical} s.`,
    }),
  });
  if (props.targetGroup !== undefined) {
    const tg = requirePattern(g, 'targetGroup', props.targetGroup, TARGET_GROUP, 'the TargetGroup dimension targetgroup/<name>/<id>');
    unhealthyHosts(g, {
      id: 'UnhealthyHosts',
      // Both dimensions, LoadBalancer first: UnHealthyHostCount is published per target group of a load balancer.
      metric: (statistic) => Signal.cloudWatchMetric({
        namespace: 'AWS/ApplicationELB', metricName: 'UnHealthyHostCount', statistic, dimensions: { LoadBalancer: lb, TargetGroup: tg },
      }),
      text: () => ({ title: `${p}: unhealthy targets`, message: `Target group ${tg} of ${lb} has unhealthy targets.` }),
    });
  }
  return g;
}
