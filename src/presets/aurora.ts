import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, MetricOf, errorCount, recommended, saturation } from './private/categories';
import { fail, optionalBoolean, requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of an Amazon Aurora DB cluster (Aurora MySQL or Aurora PostgreSQL). */
export interface AuroraClusterMonitorsProps extends MonitorPresetOptions {
  /**
   * The cluster identifier (the `DBClusterIdentifier` dimension), e.g. `orders`, or a reference to
   * it (`rdsCluster.clusterIdentifier`).
   */
  readonly clusterIdentifier: string;
  /** Alert when the writer's average CPU over 5 minutes exceeds this percentage, for 15 minutes. */
  readonly maxWriterCpuPercent: number;
  /**
   * Alert when the DB instance of the cluster with the least freeable memory has fewer bytes
   * than this.
   * @default - no memory monitor
   */
  readonly minFreeableMemoryBytes?: number;
  /**
   * The cluster has Aurora Replicas (reader instances): monitor their replica lag. A cluster
   * without readers publishes no `AuroraReplicaLag`.
   * @default false
   */
  readonly hasReaders?: boolean;
  /**
   * With `hasReaders`: alert when the most lagging reader is more than this many milliseconds
   * behind the writer for 5 of 5 minutes.
   * @default 1000
   */
  readonly maxReplicaLagMs?: number;
  /**
   * Alert when the DB instance of the cluster with the least local storage (temporary tables and
   * logs; the data lives in the cluster volume) has fewer bytes than this.
   * @default - no local storage monitor
   */
  readonly minFreeLocalStorageBytes?: number;
  /**
   * For Aurora Serverless v2: alert when the writer's average `ACUUtilization` (its capacity as a
   * percentage of the cluster's maximum ACUs) over 5 minutes exceeds this percentage, for 15
   * minutes. Datadog publishes no ACUUtilization: the monitor is rendered to the other backends
   * only.
   * @default - no capacity monitor
   */
  readonly maxAcuUtilizationPercent?: number;
}

/**
 * DB cluster identifiers: 1 to 63 letters, digits or hyphens, a letter first, no two hyphens in a
 * row and no hyphen at the end (Amazon RDS API reference, CreateDBCluster `DBClusterIdentifier`).
 */
const CLUSTER_IDENTIFIER = /^(?!.*--)[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * `AuroraReplicaLag`, in milliseconds, reported by each Aurora Replica ("Amazon CloudWatch
 * metrics for Amazon Aurora", instance-level metrics,
 * docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html);
 * the Aurora user guide's "Creating CloudWatch alarms to monitor Amazon Aurora" advises alarms on
 * the WRITER or READER role metrics rather than on one DB instance, whose role can change. The
 * Maximum over the readers, one-minute periods, 5 of 5, and the default of 1000 ms are the
 * preset's own choice (AWS leaves the acceptable lag to the application).
 */
const REPLICA_LAG: Category = {
  statistic: Statistic.MAXIMUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 60,
  evaluationPeriods: 5,
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
  defaultCritical: 1000,
};

/**
 * CPU and capacity of the writer, freeable memory, local storage, deadlocks and optionally the
 * replica lag of an Aurora DB cluster (AWS/RDS, dimension DBClusterIdentifier, with Role=WRITER
 * or Role=READER for the per-role metrics; metrics and units: "Amazon CloudWatch metrics for
 * Amazon Aurora"). The windows are the presets' saturation and error categories; `Deadlocks`
 * (deadlocks per second) alerts on any. Datadog publishes `aws.rds.cpuutilization`,
 * `freeable_memory`, `free_local_storage`, `aurora_replica_lag` (gauges, read with their
 * statistic's aggregator) and `deadlocks` (a count), tag `dbclusteridentifier`; it publishes no
 * ACUUtilization. `MonitorPresets.auroraCluster()`.
 */
export function auroraClusterMonitors(scope: Construct, id: string, props: AuroraClusterMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const cluster = requirePattern(g, 'clusterIdentifier', props?.clusterIdentifier, CLUSTER_IDENTIFIER,
    'a DB cluster identifier (1 to 63 letters, digits or -, a letter first, no -- and no - at the end), or a reference to one');
  const readers = optionalBoolean(g, 'hasReaders', props.hasReaders, false);
  // A lag threshold without readers would be dropped silently.
  if (!readers && props.maxReplicaLagMs !== undefined) fail(g, 'maxReplicaLagMs', props.maxReplicaLagMs, 'no value unless hasReaders is true (a cluster without readers has no replica lag)');
  const label = Token.isUnresolved(cluster) ? id : cluster;
  g._configure(`Aurora cluster ${label}`, props);
  const p = props.titlePrefix ?? label;
  const metric = (metricName: string, role?: 'WRITER' | 'READER'): MetricOf => (statistic) => Signal.cloudWatchMetric({
    namespace: 'AWS/RDS',
    metricName,
    dimensions: role ? { DBClusterIdentifier: cluster, Role: role } : { DBClusterIdentifier: cluster },
    statistic,
  });
  const what = `Aurora cluster ${label}`;
  saturation(g, 'cpu', 'utilization-percent', {
    id: 'WriterCpu',
    metric: metric('CPUUtilization', 'WRITER'),
    prop: 'maxWriterCpuPercent',
    value: props.maxWriterCpuPercent,
    text: (s) => ({ title: `${p}: writer CPU`, message: `The writer of ${what} uses more than ${s.critical}% CPU.` }),
  });
  if (props.minFreeableMemoryBytes !== undefined) {
    saturation(g, 'memory', 'free', {
      id: 'FreeableMemory',
      metric: metric('FreeableMemory'),
      prop: 'minFreeableMemoryBytes',
      value: props.minFreeableMemoryBytes,
      text: (s) => ({ title: `${p}: freeable memory`, message: `A DB instance of ${what} has less than ${s.critical} bytes of freeable memory.` }),
    });
  }
  if (props.minFreeLocalStorageBytes !== undefined) {
    saturation(g, 'storage', 'free', {
      id: 'FreeLocalStorage',
      metric: metric('FreeLocalStorage'),
      prop: 'minFreeLocalStorageBytes',
      value: props.minFreeLocalStorageBytes,
      text: (s) => ({ title: `${p}: free local storage`, message: `A DB instance of ${what} has less than ${s.critical} bytes of free local storage.` }),
    });
  }
  if (readers) {
    recommended(g, REPLICA_LAG, {
      id: 'ReplicaLag',
      metric: metric('AuroraReplicaLag', 'READER'),
      prop: 'maxReplicaLagMs',
      value: props.maxReplicaLagMs,
      optional: true,
      text: (s) => ({ title: `${p}: replica lag`, message: `A reader of ${what} has been more than ${s.critical} ms behind the writer for 5 minutes.` }),
    });
  }
  errorCount(g, {
    id: 'Deadlocks',
    metric: metric('Deadlocks'),
    text: () => ({ title: `${p}: deadlocks`, message: `${what} had deadlocks in the last 5 minutes.` }),
  });
  if (props.maxAcuUtilizationPercent !== undefined) {
    saturation(g, 'cpu', 'utilization-percent', {
      id: 'WriterAcuUtilization',
      metric: metric('ACUUtilization', 'WRITER'),
      prop: 'maxAcuUtilizationPercent',
      value: props.maxAcuUtilizationPercent,
      datadogInstead: 'Datadog\'s RDS metrics have no Aurora Serverless v2 capacity metric; the writer CPU monitor is rendered there',
      text: (s) => ({ title: `${p}: writer ACU utilization`, message: `The writer of ${what} uses more than ${s.critical}% of the cluster's maximum capacity (ACUs).` }),
    });
  }
  return g;
}
