import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, saturation } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { AwsService, Signal } from '../signals/signal';

/** Monitors of an RDS DB instance. */
export interface RdsMonitorsProps extends MonitorPresetOptions {
  /** The DB instance identifier. */
  readonly dbInstanceIdentifier: string;
  /** Alert when the average CPU over 5 minutes exceeds this percentage. */
  readonly maxCpuPercent: number;
  /** Alert when free storage falls below this many bytes. */
  readonly minFreeStorageBytes: number;
  /**
   * Alert when freeable memory falls below this many bytes.
   * @default - no memory monitor
   */
  readonly minFreeableMemoryBytes?: number;
  /**
   * Alert when there are more connections than this.
   * @default - no connection monitor
   */
  readonly maxConnections?: number;
}

const DB_INSTANCE = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;

/** CPU, free storage, freeable memory and connections of an RDS DB instance (AWS/RDS, dimension DBInstanceIdentifier). `MonitorPresets.rdsInstance()`. */
export function rdsInstanceMonitors(scope: Construct, id: string, props: RdsMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const db = requirePattern(g, 'dbInstanceIdentifier', props?.dbInstanceIdentifier, DB_INSTANCE, 'a DB instance identifier (a letter, then up to 62 letters, digits or -)');
  g._configure(`RDS instance ${db}`, props);
  const p = props.titlePrefix ?? db;
  const metric = (name: string): MetricOf => (statistic) => Signal.awsMetric(AwsService.RDS, db, name, { statistic });
  saturation(g, 'cpu', 'utilization-percent', {
    id: 'Cpu',
    metric: metric('CPUUtilization'),
    prop: 'maxCpuPercent',
    value: props.maxCpuPercent,
    text: (s) => ({ title: `${p}: RDS CPU`, message: `DB instance ${db} uses more than ${s.critical}% CPU.` }),
  });
  saturation(g, 'storage', 'free', {
    id: 'FreeStorage',
    metric: metric('FreeStorageSpace'),
    prop: 'minFreeStorageBytes',
    value: props.minFreeStorageBytes,
    text: (s) => ({ title: `${p}: RDS free storage`, message: `DB instance ${db} has less than ${s.critical} bytes of free storage.` }),
  });
  if (props.minFreeableMemoryBytes !== undefined) {
    saturation(g, 'memory', 'free', {
      id: 'FreeableMemory',
      metric: metric('FreeableMemory'),
      prop: 'minFreeableMemoryBytes',
      value: props.minFreeableMemoryBytes,
      text: (s) => ({ title: `${p}: RDS freeable memory`, message: `DB instance ${db} has less than ${s.critical} bytes of freeable memory.` }),
    });
  }
  if (props.maxConnections !== undefined) {
    saturation(g, 'connections', 'in-use', {
      id: 'Connections',
      metric: metric('DatabaseConnections'),
      prop: 'maxConnections',
      value: props.maxConnections,
      text: (s) => ({ title: `${p}: RDS connections`, message: `DB instance ${db} has more than ${s.critical} connections.` }),
    });
  }
  return g;
}
