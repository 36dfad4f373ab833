/**
 * Aurora cluster preset: the writer's CPU and deadlocks by DBClusterIdentifier (Role=WRITER for
 * the per-role metrics), optionally freeable memory, free local storage, the readers' replica
 * lag and the writer's ACU utilization (not on Datadog, with a warning); bad input.
 */
import { Token } from 'cdktf';
import { alarm, alarmShape, allBackends, counts, datadogQuery, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];
const each = (n: number) => ({ aws_cloudwatch_metric_alarm: n, datadog_monitor: n, grafana_rule_group: n });
const cluster = { DBClusterIdentifier: 'orders' };
const writer = { DBClusterIdentifier: 'orders', Role: 'WRITER' };

describe('Aurora cluster, required monitors', () => {
  const s = presetStack();
  const g = MonitorPresets.auroraCluster(s, 'Db', { clusterIdentifier: 'orders', maxWriterCpuPercent: 85, backends: allBackends() });
  const j = synthStack(s);

  test('writer CPU and deadlocks, each on every backend, no warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['WriterCpu', 'Deadlocks']);
    expect(counts(j, ...TYPES)).toEqual(each(2));
    expect(warningsOf(g)).toEqual([]);
  });

  test('writer CPU: Average of Role=WRITER over 5 minutes above the threshold for 15 minutes', () => {
    expect(alarmShape(j, 'orders: writer CPU')).toEqual({
      namespace: 'AWS/RDS',
      metric_name: 'CPUUtilization',
      dimensions: writer,
      statistic: 'Average',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 85,
      period: 300,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: 'missing',
    });
    expect(alarm(j, 'orders: writer CPU').alarm_description).toBe('The writer of Aurora cluster orders uses more than 85% CPU.');
    expect(datadogQuery(j, 'orders: writer CPU')).toBe('avg(last_15m):avg:aws.rds.cpuutilization{dbclusteridentifier:orders,role:writer} > 85');
  });

  test('deadlocks: Sum over 5 minutes above 0, no data is not breaching', () => {
    expect(alarmShape(j, 'orders: deadlocks')).toEqual({
      namespace: 'AWS/RDS',
      metric_name: 'Deadlocks',
      dimensions: cluster,
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    });
    expect(datadogQuery(j, 'orders: deadlocks')).toBe('sum(last_5m):sum:aws.rds.deadlocks{dbclusteridentifier:orders}.as_count() > 0');
  });
});

describe('Aurora cluster, optional monitors', () => {
  test('freeable memory, local storage and replica lag (default 1000 ms) when set', () => {
    const s = presetStack();
    const g = MonitorPresets.auroraCluster(s, 'Db', {
      clusterIdentifier: 'orders', maxWriterCpuPercent: 85, minFreeableMemoryBytes: 5e8, minFreeLocalStorageBytes: 2e9, hasReaders: true, backends: allBackends(),
    });
    const j = synthStack(s);
    expect(g.monitors.map((m) => m.node.id)).toEqual(['WriterCpu', 'FreeableMemory', 'FreeLocalStorage', 'ReplicaLag', 'Deadlocks']);
    expect(counts(j, ...TYPES)).toEqual(each(5));
    expect(alarmShape(j, 'orders: freeable memory')).toEqual({
      namespace: 'AWS/RDS',
      metric_name: 'FreeableMemory',
      dimensions: cluster,
      statistic: 'Minimum',
      comparison_operator: 'LessThanThreshold',
      threshold: 5e8,
      period: 300,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: 'missing',
    });
    expect(datadogQuery(j, 'orders: freeable memory')).toBe('min(last_15m):min:aws.rds.freeable_memory{dbclusteridentifier:orders} < 500000000');
    expect(alarmShape(j, 'orders: free local storage')).toEqual({
      namespace: 'AWS/RDS',
      metric_name: 'FreeLocalStorage',
      dimensions: cluster,
      statistic: 'Minimum',
      comparison_operator: 'LessThanThreshold',
      threshold: 2e9,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'missing',
    });
    expect(datadogQuery(j, 'orders: free local storage')).toBe('min(last_5m):min:aws.rds.free_local_storage{dbclusteridentifier:orders} < 2000000000');
    expect(alarmShape(j, 'orders: replica lag')).toEqual({
      namespace: 'AWS/RDS',
      metric_name: 'AuroraReplicaLag',
      dimensions: { DBClusterIdentifier: 'orders', Role: 'READER' },
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 1000,
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      treat_missing_data: 'missing',
    });
    expect(datadogQuery(j, 'orders: replica lag')).toBe('max(last_5m):max:aws.rds.aurora_replica_lag{dbclusteridentifier:orders,role:reader} > 1000');
  });

  test('maxReplicaLagMs sets the lag threshold', () => {
    const s = presetStack();
    MonitorPresets.auroraCluster(s, 'Db', { clusterIdentifier: 'orders', maxWriterCpuPercent: 85, hasReaders: true, maxReplicaLagMs: 250, backends: [MonitorBackend.cloudwatch()] });
    expect(alarm(synthStack(s), 'orders: replica lag').threshold).toBe(250);
  });

  test('ACU utilization (Serverless v2): not on Datadog, with a warning; on CloudWatch and Grafana', () => {
    const s = presetStack();
    const g = MonitorPresets.auroraCluster(s, 'Db', { clusterIdentifier: 'orders', maxWriterCpuPercent: 85, maxAcuUtilizationPercent: 90, backends: allBackends() });
    const j = synthStack(s);
    expect(g.monitors.map((m) => m.node.id)).toEqual(['WriterCpu', 'Deadlocks', 'WriterAcuUtilization']);
    expect(counts(j, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 2, grafana_rule_group: 3 });
    expect(alarmShape(j, 'orders: writer ACU utilization')).toMatchObject({
      metric_name: 'ACUUtilization', dimensions: writer, statistic: 'Average', comparison_operator: 'GreaterThanThreshold', threshold: 90, period: 300, evaluation_periods: 3,
    });
    expect(warningsOf(g)).toEqual([expect.stringMatching(
      /^test\/Db\/WriterAcuUtilization: not rendered to Datadog \(.*ACUUtilization.*\); rendered to cloudwatch, grafana only; Datadog's RDS metrics have no Aurora Serverless v2 capacity metric/)]);
  });

  test('ACU utilization with Datadog as the only backend is a ValidationError', () => {
    const s = presetStack();
    const e = validationError(() => MonitorPresets.auroraCluster(s, 'Db', { clusterIdentifier: 'orders', maxWriterCpuPercent: 85, maxAcuUtilizationPercent: 90, backends: [MonitorBackend.datadog()] }));
    expect(e).toMatchObject({ constructPath: 'test/Db', prop: 'backends', accepted: expect.stringContaining('WriterAcuUtilization') });
  });

  test('a reference as cluster identifier: the group is named by its id', () => {
    const s = presetStack();
    MonitorPresets.auroraCluster(s, 'Db', { clusterIdentifier: Token.asString({ Ref: 'cluster' }), maxWriterCpuPercent: 85, backends: [MonitorBackend.cloudwatch()] });
    expect(alarm(synthStack(s), 'Db: writer CPU').dimensions).toEqual({ DBClusterIdentifier: expect.anything(), Role: 'WRITER' });
  });
});

describe('bad input', () => {
  const build = (p: any) => (s: any) => MonitorPresets.auroraCluster(s, 'T', { clusterIdentifier: 'orders', maxWriterCpuPercent: 85, backends: allBackends(), ...p });
  const id = 'a DB cluster identifier (1 to 63 letters, digits or -, a letter first, no -- and no - at the end), or a reference to one';
  test.each<[string, (s: any) => unknown, string, unknown, string]>([
    ['an empty identifier', build({ clusterIdentifier: '' }), 'clusterIdentifier', '""', id],
    ['an identifier of 64 characters', build({ clusterIdentifier: 'a'.repeat(64) }), 'clusterIdentifier', `"${'a'.repeat(64)}"`, id],
    ['an identifier starting with a digit', build({ clusterIdentifier: '1orders' }), 'clusterIdentifier', '"1orders"', id],
    ['an identifier with a double hyphen', build({ clusterIdentifier: 'my--orders' }), 'clusterIdentifier', '"my--orders"', id],
    ['an identifier ending with a hyphen', build({ clusterIdentifier: 'orders-' }), 'clusterIdentifier', '"orders-"', id],
    ['an identifier with an underscore', build({ clusterIdentifier: 'my_orders' }), 'clusterIdentifier', '"my_orders"', id],
    ['no writer CPU threshold', build({ maxWriterCpuPercent: undefined }), 'maxWriterCpuPercent', 'undefined', 'a percentage above 0 and below 100'],
    ['a writer CPU threshold of 100', build({ maxWriterCpuPercent: 100 }), 'maxWriterCpuPercent', '100', 'a percentage above 0 and below 100'],
    ['negative freeable memory', build({ minFreeableMemoryBytes: -1 }), 'minFreeableMemoryBytes', '-1', 'a number of 0 or more'],
    ['negative local storage', build({ minFreeLocalStorageBytes: -5 }), 'minFreeLocalStorageBytes', '-5', 'a number of 0 or more'],
    ['hasReaders as text', build({ hasReaders: 'yes' }), 'hasReaders', '"yes"', 'true or false'],
    ['a lag threshold without readers', build({ maxReplicaLagMs: 500 }), 'maxReplicaLagMs', '500', 'no value unless hasReaders is true (a cluster without readers has no replica lag)'],
    ['a negative lag threshold', build({ hasReaders: true, maxReplicaLagMs: -1 }), 'maxReplicaLagMs', '-1', 'a number of 0 or more'],
    ['an ACU threshold of 0', build({ maxAcuUtilizationPercent: 0 }), 'maxAcuUtilizationPercent', '0', 'a percentage above 0 and below 100'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    const e = validationError(() => fn(s));
    expect(e).toMatchObject({ constructPath: 'test/T', prop, received, accepted: acc });
    expect(e.message).toContain(prop);
  });

  test('an identifier of 63 characters, a letter then letters, digits and single hyphens, is accepted', () => {
    const s = presetStack();
    expect(() => build({ clusterIdentifier: `a${'b1-'.repeat(20)}cd` })(s)).not.toThrow();
  });
});
