import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, MetricOf, PERCENT, recommended, saturation } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of an ElastiCache (Valkey or Redis OSS) node. */
export interface ElastiCacheRedisMonitorsProps extends MonitorPresetOptions {
  /**
   * The `CacheClusterId` dimension: the node's cache cluster id (`orders-001` for the first node
   * of replication group `orders`).
   */
  readonly cacheClusterId: string;
  /**
   * Alert when the engine thread's CPU averages more than this percentage for 15 minutes.
   * @default 90 (ElastiCache's "Which metrics should I monitor?")
   */
  readonly maxEngineCpuPercent?: number;
  /**
   * Alert when more than this percentage of the memory available to data is in use, on average
   * for 15 minutes (`DatabaseMemoryUsagePercentage`). How full a cache may be depends on its
   * eviction policy and use.
   */
  readonly maxMemoryPercent: number;
  /**
   * Alert when more keys than this are evicted in 5 minutes. ElastiCache leaves the threshold to
   * the application ("determine your own alarm threshold").
   * @default - no eviction monitor
   */
  readonly maxEvictions?: number;
}

/**
 * CPU of the engine thread, `EngineCPUUtilization`, which reports the usage of the Valkey or
 * Redis OSS engine core (ElastiCache user guide, "Which Metrics Should I Monitor?",
 * docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.WhichShouldIMonitor.html:
 * "we suggest you set your threshold at 90% of your available CPU"; on the engine's own core
 * that is 90). Sustained for 15 minutes as the presets' CPU monitors are (not a spike); a node
 * that stops reporting is its own state.
 */
const ENGINE_CPU: Category = {
  statistic: Statistic.AVERAGE,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 300,
  evaluationPeriods: 3,
  missingData: MissingData.MISSING,
  threshold: PERCENT,
  defaultCritical: 90,
};

/** Evictions, a count (Sum) per 5 minutes, alerting on the first breaching period. */
const EVICTIONS: Category = {
  statistic: Statistic.SUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 300,
  evaluationPeriods: 1,
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
};

/**
 * Cache cluster ids: a letter, then letters, digits or single hyphens, at most 50 characters,
 * not ending in a hyphen (ElastiCache API reference, CreateCacheCluster `CacheClusterId`).
 */
const CACHE_CLUSTER_ID = /^(?=.{1,50}$)[A-Za-z](-?[A-Za-z0-9])*$/;

/**
 * Engine CPU, memory use and (with `maxEvictions`) evictions of an ElastiCache Valkey or Redis
 * OSS node (AWS/ElastiCache, dimension CacheClusterId; the engine metrics of the ElastiCache user
 * guide, "Metrics for Valkey and Redis OSS",
 * docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html). Datadog publishes
 * each (`aws.elasticache.engine_cpuutilization`, `database_memory_usage_percentage`,
 * `evictions`). `MonitorPresets.elastiCacheRedis()`.
 */
export function elastiCacheRedisMonitors(scope: Construct, id: string, props: ElastiCacheRedisMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const node = requirePattern(g, 'cacheClusterId', props?.cacheClusterId, CACHE_CLUSTER_ID,
    'a cache cluster id (a letter, then letters, digits or single hyphens, at most 50, not ending in a hyphen)');
  g._configure(`ElastiCache ${node}`, props);
  const p = props.titlePrefix ?? node;
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/ElastiCache', metricName, dimensions: { CacheClusterId: node }, statistic });
  recommended(g, ENGINE_CPU, {
    id: 'EngineCpu',
    metric: metric('EngineCPUUtilization'),
    prop: 'maxEngineCpuPercent',
    value: props.maxEngineCpuPercent,
    optional: true,
    text: (s) => ({ title: `${p}: ElastiCache engine CPU`, message: `The engine of ElastiCache node ${node} uses more than ${s.critical}% CPU.` }),
  });
  saturation(g, 'memory', 'utilization-percent', {
    id: 'Memory',
    metric: metric('DatabaseMemoryUsagePercentage'),
    prop: 'maxMemoryPercent',
    value: props.maxMemoryPercent,
    text: (s) => ({ title: `${p}: ElastiCache memory`, message: `More than ${s.critical}% of the memory of ElastiCache node ${node} is in use.` }),
  });
  if (props.maxEvictions !== undefined) {
    recommended(g, EVICTIONS, {
      id: 'Evictions',
      metric: metric('Evictions'),
      prop: 'maxEvictions',
      value: props.maxEvictions,
      text: (s) => ({ title: `${p}: ElastiCache evictions`, message: `ElastiCache node ${node} evicted more than ${s.critical} keys in ${s.window}.` }),
    });
  }
  return g;
}
