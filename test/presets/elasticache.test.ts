/**
 * ElastiCache (Valkey / Redis OSS) preset: engine CPU, memory use and evictions by
 * CacheClusterId on the three backends; defaults; bad input.
 */
import { alarm, alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];

describe('ElastiCache node', () => {
  const stack = presetStack();
  const g = MonitorPresets.elastiCacheRedis(stack, 'Cache', { cacheClusterId: 'orders-001', maxMemoryPercent: 85, maxEvictions: 100, backends: allBackends() });
  const json = synthStack(stack);
  const dims = { CacheClusterId: 'orders-001' };

  test('three monitors, each on every backend, no warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['EngineCpu', 'Memory', 'Evictions']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 3, grafana_rule_group: 3 });
    expect(warningsOf(g)).toEqual([]);
  });

  test('engine CPU: Average above 90% for three 5-minute periods by default', () => {
    expect(alarmShape(json, 'orders-001: ElastiCache engine CPU')).toEqual({
      namespace: 'AWS/ElastiCache',
      metric_name: 'EngineCPUUtilization',
      dimensions: dims,
      statistic: 'Average',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 90,
      period: 300,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: 'missing',
    });
    expect(datadogQuery(json, 'orders-001: ElastiCache engine CPU')).toBe('avg(last_15m):avg:aws.elasticache.engine_cpuutilization{cacheclusterid:orders-001} > 90');
    expect(grafanaRule(json, 'orders-001: ElastiCache engine CPU').query).toMatchObject({ metricName: 'EngineCPUUtilization', statistic: 'Average', dimensions: dims });
  });

  test('memory: Average of DatabaseMemoryUsagePercentage above maxMemoryPercent for 15 minutes', () => {
    expect(alarmShape(json, 'orders-001: ElastiCache memory')).toMatchObject({
      metric_name: 'DatabaseMemoryUsagePercentage', statistic: 'Average', threshold: 85, period: 300, evaluation_periods: 3, datapoints_to_alarm: 3,
    });
    expect(datadogQuery(json, 'orders-001: ElastiCache memory')).toBe('avg(last_15m):avg:aws.elasticache.database_memory_usage_percentage{cacheclusterid:orders-001} > 85');
  });

  test('evictions: Sum over 5 minutes above maxEvictions', () => {
    expect(alarmShape(json, 'orders-001: ElastiCache evictions')).toMatchObject({ metric_name: 'Evictions', statistic: 'Sum', threshold: 100, period: 300, evaluation_periods: 1 });
    expect(datadogQuery(json, 'orders-001: ElastiCache evictions')).toBe('sum(last_5m):sum:aws.elasticache.evictions{cacheclusterid:orders-001}.as_count() > 100');
  });

  test('no eviction monitor without maxEvictions; maxEngineCpuPercent when given', () => {
    const s = presetStack();
    const c = MonitorPresets.elastiCacheRedis(s, 'C', { cacheClusterId: 'orders-001', maxMemoryPercent: 85, maxEngineCpuPercent: 70, backends: [MonitorBackend.cloudwatch()] });
    expect(c.monitors.map((m) => m.node.id)).toEqual(['EngineCpu', 'Memory']);
    expect(alarm(synthStack(s), 'orders-001: ElastiCache engine CPU').threshold).toBe(70);
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.elastiCacheRedis(s, 'C', { cacheClusterId: 'orders-001', maxMemoryPercent: 85, backends: allBackends(), ...props });
  const accepted = 'a cache cluster id (a letter, then letters, digits or single hyphens, at most 50, not ending in a hyphen)';
  test.each<[string, (s: any) => unknown, string, string, string]>([
    ['a replication group ARN', build({ cacheClusterId: 'arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:orders' }), 'cacheClusterId',
      '"arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:orders"', accepted],
    ['two hyphens in a row', build({ cacheClusterId: 'orders--001' }), 'cacheClusterId', '"orders--001"', accepted],
    ['a trailing hyphen', build({ cacheClusterId: 'orders-' }), 'cacheClusterId', '"orders-"', accepted],
    ['a leading digit', build({ cacheClusterId: '1orders' }), 'cacheClusterId', '"1orders"', accepted],
    ['memory as a fraction of 100 or more', build({ maxMemoryPercent: 100 }), 'maxMemoryPercent', '100', 'a percentage above 0 and below 100'],
    ['no memory threshold', build({ maxMemoryPercent: undefined }), 'maxMemoryPercent', 'undefined', 'a percentage above 0 and below 100'],
    ['engine CPU of 0', build({ maxEngineCpuPercent: 0 }), 'maxEngineCpuPercent', '0', 'a percentage above 0 and below 100'],
    ['negative evictions', build({ maxEvictions: -1 }), 'maxEvictions', '-1', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/C', prop, received, accepted: acc });
  });
});
