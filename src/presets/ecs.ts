import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, saturation } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { AwsService, Signal } from '../signals/signal';

/** Monitors of an ECS service. */
export interface EcsMonitorsProps extends MonitorPresetOptions {
  /** The cluster name. */
  readonly clusterName: string;
  /** The service name. */
  readonly serviceName: string;
  /** Alert when the service's average CPU over 5 minutes exceeds this percentage. */
  readonly maxCpuPercent: number;
  /** Alert when the service's average memory over 5 minutes exceeds this percentage. */
  readonly maxMemoryPercent: number;
}

const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** CPU and memory of an ECS service (AWS/ECS, dimensions ClusterName and ServiceName). `MonitorPresets.ecsService()`. */
export function ecsServiceMonitors(scope: Construct, id: string, props: EcsMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const cluster = requirePattern(g, 'clusterName', props?.clusterName, ECS_NAME, 'an ECS cluster name (1-255 letters, digits, _ or -)');
  const service = requirePattern(g, 'serviceName', props.serviceName, ECS_NAME, 'an ECS service name (1-255 letters, digits, _ or -)');
  g._configure(`ECS service ${cluster}/${service}`, props);
  const p = props.titlePrefix ?? `${cluster}/${service}`;
  const metric = (name: string): MetricOf => (statistic) => Signal.awsMetric(AwsService.ECS, `${cluster}/${service}`, name, { statistic });
  saturation(g, 'cpu', 'utilization-percent', {
    id: 'Cpu',
    metric: metric('CPUUtilization'),
    prop: 'maxCpuPercent',
    value: props.maxCpuPercent,
    text: (s) => ({ title: `${p}: ECS CPU`, message: `ECS service ${service} in ${cluster} uses more than ${s.critical}% CPU.` }),
  });
  saturation(g, 'memory', 'utilization-percent', {
    id: 'Memory',
    metric: metric('MemoryUtilization'),
    prop: 'maxMemoryPercent',
    value: props.maxMemoryPercent,
    text: (s) => ({ title: `${p}: ECS memory`, message: `ECS service ${service} in ${cluster} uses more than ${s.critical}% memory.` }),
  });
  return g;
}
