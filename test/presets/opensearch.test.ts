/**
 * OpenSearch Service preset: cluster status red, blocked writes, free storage, CPU, Java heap and
 * automated snapshots by DomainName and ClientId, with the developer guide's recommended
 * thresholds and windows; optionally the yellow status and the dedicated master nodes; bad input.
 */
import { Token } from 'cdktf';
import { alarm, alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];
const each = (n: number) => ({ aws_cloudwatch_metric_alarm: n, datadog_monitor: n, grafana_rule_group: n });
const dims = { DomainName: 'logs', ClientId: '123456789012' };
const tags = '{clientid:123456789012,domainname:logs}';
const props = { domainName: 'logs', accountId: '123456789012' };

describe('OpenSearch domain, defaults', () => {
  const s = presetStack();
  const g = MonitorPresets.openSearchDomain(s, 'Search', { ...props, backends: allBackends() });
  const j = synthStack(s);

  test('six monitors, each on every backend, no warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ClusterStatusRed', 'IndexWritesBlocked', 'FreeStorage', 'Cpu', 'JvmMemoryPressure', 'AutomatedSnapshotFailure']);
    expect(counts(j, ...TYPES)).toEqual(each(6));
    expect(warningsOf(g)).toEqual([]);
  });

  test('cluster status red: Maximum >= 1 for 1 of 1 minutes', () => {
    expect(alarmShape(j, 'logs: cluster status red')).toEqual({
      namespace: 'AWS/ES',
      metric_name: 'ClusterStatus.red',
      dimensions: dims,
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      threshold: 1,
      period: 60,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'missing',
    });
    expect(datadogQuery(j, 'logs: cluster status red')).toBe(`max(last_1m):max:aws.es.cluster_statusred.maximum${tags} >= 1`);
  });

  test('index writes blocked: Maximum >= 1 over one 5-minute period', () => {
    expect(alarmShape(j, 'logs: index writes blocked')).toMatchObject({
      metric_name: 'ClusterIndexWritesBlocked',
      dimensions: dims,
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      threshold: 1,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
    });
    expect(datadogQuery(j, 'logs: index writes blocked')).toBe(`max(last_5m):max:aws.es.cluster_index_writes_blocked${tags} >= 1`);
  });

  test('free storage: Minimum <= 20480 MiB for 1 minute', () => {
    expect(alarmShape(j, 'logs: free storage')).toEqual({
      namespace: 'AWS/ES',
      metric_name: 'FreeStorageSpace',
      dimensions: dims,
      statistic: 'Minimum',
      comparison_operator: 'LessThanOrEqualToThreshold',
      threshold: 20480,
      period: 60,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'missing',
    });
    expect(alarm(j, 'logs: free storage').alarm_description).toBe('A data node of OpenSearch domain logs has 20480 MiB of free storage or less.');
    expect(datadogQuery(j, 'logs: free storage')).toBe(`min(last_1m):min:aws.es.free_storage_space.minimum${tags} <= 20480`);
  });

  test('CPU: Maximum >= 80% for 3 of 3 periods of 15 minutes', () => {
    expect(alarmShape(j, 'logs: CPU')).toEqual({
      namespace: 'AWS/ES',
      metric_name: 'CPUUtilization',
      dimensions: dims,
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      threshold: 80,
      period: 900,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: 'missing',
    });
    expect(datadogQuery(j, 'logs: CPU')).toBe(`max(last_45m):max:aws.es.cpuutilization.maximum${tags} >= 80`);
    const rule = grafanaRule(j, 'logs: CPU');
    expect(rule.query).toMatchObject({ namespace: 'AWS/ES', metricName: 'CPUUtilization', dimensions: dims, statistic: 'Maximum', period: '900' });
  });

  test('JVM memory pressure: Maximum >= 95% for 3 of 3 minutes', () => {
    expect(alarmShape(j, 'logs: JVM memory pressure')).toMatchObject({
      metric_name: 'JVMMemoryPressure',
      dimensions: dims,
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      threshold: 95,
      period: 60,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
    });
    expect(datadogQuery(j, 'logs: JVM memory pressure')).toBe(`max(last_3m):max:aws.es.jvmmemory_pressure.maximum${tags} >= 95`);
  });

  test('automated snapshot failure: Maximum >= 1 for 1 minute', () => {
    expect(alarmShape(j, 'logs: automated snapshot failure')).toMatchObject({
      metric_name: 'AutomatedSnapshotFailure',
      dimensions: dims,
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      threshold: 1,
      period: 60,
      evaluation_periods: 1,
    });
    expect(datadogQuery(j, 'logs: automated snapshot failure')).toBe(`max(last_1m):max:aws.es.automated_snapshot_failure${tags} >= 1`);
  });
});

describe('OpenSearch domain, options', () => {
  test('thresholds, yellow status and dedicated master nodes when set', () => {
    const s = presetStack();
    const g = MonitorPresets.openSearchDomain(s, 'Search', {
      ...props,
      minFreeStorageMiB: 5120,
      maxCpuPercent: 70,
      maxJvmMemoryPressurePercent: 85,
      alertOnYellowStatus: true,
      dedicatedMasterNodes: true,
      maxMasterCpuPercent: 40,
      backends: allBackends(),
    });
    const j = synthStack(s);
    expect(g.monitors.map((m) => m.node.id)).toEqual([
      'ClusterStatusRed', 'ClusterStatusYellow', 'IndexWritesBlocked', 'FreeStorage', 'Cpu', 'JvmMemoryPressure', 'AutomatedSnapshotFailure', 'MasterCpu', 'MasterJvmMemoryPressure',
    ]);
    expect(counts(j, ...TYPES)).toEqual(each(9));
    expect(alarm(j, 'logs: free storage').threshold).toBe(5120);
    expect(alarm(j, 'logs: CPU').threshold).toBe(70);
    expect(alarm(j, 'logs: JVM memory pressure').threshold).toBe(85);
    expect(alarmShape(j, 'logs: cluster status yellow')).toMatchObject({
      metric_name: 'ClusterStatus.yellow', statistic: 'Maximum', comparison_operator: 'GreaterThanOrEqualToThreshold', threshold: 1, period: 60, evaluation_periods: 5, datapoints_to_alarm: 5,
    });
    expect(datadogQuery(j, 'logs: cluster status yellow')).toBe(`max(last_5m):max:aws.es.cluster_statusyellow.maximum${tags} >= 1`);
    expect(alarmShape(j, 'logs: master CPU')).toMatchObject({ metric_name: 'MasterCPUUtilization', dimensions: dims, statistic: 'Maximum', threshold: 40, period: 900, evaluation_periods: 3 });
    expect(datadogQuery(j, 'logs: master CPU')).toBe(`max(last_45m):max:aws.es.master_cpuutilization${tags} >= 40`);
    expect(alarmShape(j, 'logs: master JVM memory pressure')).toMatchObject({ metric_name: 'MasterJVMMemoryPressure', statistic: 'Maximum', threshold: 95, period: 60, evaluation_periods: 3 });
    expect(datadogQuery(j, 'logs: master JVM memory pressure')).toBe(`max(last_3m):max:aws.es.master_jvmmemory_pressure${tags} >= 95`);
  });

  test('references as domain name and account id: the group is named by its id', () => {
    const s = presetStack();
    MonitorPresets.openSearchDomain(s, 'Search', { domainName: Token.asString({ Ref: 'domain' }), accountId: Token.asString({ Ref: 'account' }), backends: [MonitorBackend.cloudwatch()] });
    const j = synthStack(s);
    expect(alarm(j, 'Search: cluster status red').dimensions).toEqual({ DomainName: expect.anything(), ClientId: expect.anything() });
  });
});

describe('bad input', () => {
  const build = (p: any) => (s: any) => MonitorPresets.openSearchDomain(s, 'T', { ...props, backends: allBackends(), ...p });
  const domain = 'an OpenSearch domain name (3 to 28 lower-case letters, digits or -, starting with a lower-case letter), or a reference to one';
  const account = 'an AWS account id (12 digits), or a reference to one';
  test.each<[string, (s: any) => unknown, string, unknown, string]>([
    ['a domain name of 2 characters', build({ domainName: 'ab' }), 'domainName', '"ab"', domain],
    ['a domain name of 29 characters', build({ domainName: 'a'.repeat(29) }), 'domainName', `"${'a'.repeat(29)}"`, domain],
    ['a domain name with an upper-case letter', build({ domainName: 'Logs' }), 'domainName', '"Logs"', domain],
    ['a domain name starting with a digit', build({ domainName: '1logs' }), 'domainName', '"1logs"', domain],
    ['a domain name with an underscore', build({ domainName: 'my_logs' }), 'domainName', '"my_logs"', domain],
    ['a domain ARN', build({ domainName: 'arn:aws:es:eu-west-1:123456789012:domain/logs' }), 'domainName', expect.stringMatching(/^"arn:aws:es/), domain],
    ['no account id', build({ accountId: undefined }), 'accountId', 'undefined', account],
    ['an account id of 11 digits', build({ accountId: '12345678901' }), 'accountId', '"12345678901"', account],
    ['an account id with letters', build({ accountId: '12345678901a' }), 'accountId', '"12345678901a"', account],
    ['an account id as a number', build({ accountId: 123456789012 }), 'accountId', '123456789012', account],
    ['free storage below 0', build({ minFreeStorageMiB: -1 }), 'minFreeStorageMiB', '-1', 'a number of 0 or more'],
    ['a CPU threshold of 100', build({ maxCpuPercent: 100 }), 'maxCpuPercent', '100', 'a percentage above 0 and below 100'],
    ['a JVM threshold of 0', build({ maxJvmMemoryPressurePercent: 0 }), 'maxJvmMemoryPressurePercent', '0', 'a percentage above 0 and below 100'],
    ['a JVM threshold as text', build({ maxJvmMemoryPressurePercent: '90' }), 'maxJvmMemoryPressurePercent', '"90"', 'a percentage above 0 and below 100'],
    ['alertOnYellowStatus as text', build({ alertOnYellowStatus: 'yes' }), 'alertOnYellowStatus', '"yes"', 'true or false'],
    ['a master threshold without dedicated master nodes', build({ maxMasterCpuPercent: 50 }), 'maxMasterCpuPercent', '50',
      'no value unless dedicatedMasterNodes is true (the master monitors are off)'],
    ['a master JVM threshold of 100', build({ dedicatedMasterNodes: true, maxMasterJvmMemoryPressurePercent: 100 }), 'maxMasterJvmMemoryPressurePercent', '100',
      'a percentage above 0 and below 100'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    const e = validationError(() => fn(s));
    expect(e).toMatchObject({ constructPath: 'test/T', prop, received, accepted: acc });
    expect(e.message).toContain('test/T');
    expect(e.message).toContain(prop);
  });
});
