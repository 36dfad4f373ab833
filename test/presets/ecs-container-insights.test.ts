/**
 * ECS Container Insights preset: running tasks below desired (metric math) or below a minimum,
 * CPU and memory as a share of what the tasks reserve (metric math), by ClusterName and
 * ServiceName in ECS/ContainerInsights; left off Datadog (and the expressions off Grafana) with
 * warnings; bad input.
 */
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { alarm, alarmShape, allBackends, counts, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];
const dims = { ClusterName: 'main', ServiceName: 'api' };
const NS = 'ECS/ContainerInsights';

/** The metric queries of an alarm, by id. */
function queries(a: any): Record<string, any> {
  return Object.fromEntries((a.metric_query as any[]).map((q) => [q.id, q]));
}

const metricQuery = (metricName: string, stat: string, period: number) => ({
  id: expect.any(String),
  metric: { namespace: NS, metric_name: metricName, dimensions: dims, stat, period },
  return_data: false,
});

describe('ECS Container Insights', () => {
  const stack = presetStack();
  const g = MonitorPresets.ecsContainerInsights(stack, 'Svc', { clusterName: 'main', serviceName: 'api', backends: allBackends() });
  const json = synthStack(stack);

  test('three CloudWatch alarms, nothing on Datadog or Grafana, each left-out backend named in a warning', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['MissingTasks', 'Cpu', 'Memory']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 0, grafana_rule_group: 0 });
    const w = warningsOf(g);
    expect(w).toHaveLength(3);
    for (const [i, id] of ['MissingTasks', 'Cpu', 'Memory'].entries()) {
      expect(w[i]).toMatch(new RegExp(`^test/Svc/${id}: not rendered to datadog, grafana \\(a CloudWatch metric-math expression, which only CloudWatch evaluates\\); rendered to cloudwatch only; `
        + 'on Datadog use its ECS Fargate integration .*docs\\.datadoghq\\.com/integrations/ecs_fargate/'));
    }
  });

  test('running tasks below desired: desired (Maximum) - running (Minimum) per minute above 0 for 5 of 5 minutes', () => {
    const a = alarm(json, 'main/api: running tasks below desired');
    expect(a).toMatchObject({
      comparison_operator: 'GreaterThanThreshold', threshold: 0, evaluation_periods: 5, datapoints_to_alarm: 5, treat_missing_data: 'missing',
    });
    expect(a.metric_name).toBeUndefined();
    const q = queries(a);
    expect(q.desired).toEqual(metricQuery('DesiredTaskCount', 'Maximum', 60));
    expect(q.running).toEqual(metricQuery('RunningTaskCount', 'Minimum', 60));
    expect(q.expression).toMatchObject({ expression: 'desired - running', return_data: true });
  });

  test.each([
    ['main/api: CPU of reserved', 'CpuUtilized', 'CpuReserved'],
    ['main/api: memory of reserved', 'MemoryUtilized', 'MemoryReserved'],
  ])('%s: 100 * %s / %s (Average of 5 minutes) above 80% for 15 minutes', (title, used, reserved) => {
    const a = alarm(json, title);
    expect(a).toMatchObject({ comparison_operator: 'GreaterThanThreshold', threshold: 80, evaluation_periods: 3, datapoints_to_alarm: 3, treat_missing_data: 'missing' });
    const q = queries(a);
    expect(q.used).toEqual(metricQuery(used, 'Average', 300));
    expect(q.reserved).toEqual(metricQuery(reserved, 'Average', 300));
    expect(q.expression).toMatchObject({ expression: '100 * used / reserved', return_data: true });
  });

  test('thresholds when given; a minimum running task count replaces the expression and reaches Grafana too', () => {
    const s = presetStack();
    const m = MonitorPresets.ecsContainerInsights(s, 'Svc', {
      clusterName: 'main', serviceName: 'api', minRunningTasks: 2, maxCpuPercent: 70, maxMemoryPercent: 90, backends: allBackends(),
    });
    const j = synthStack(s);
    expect(m.monitors.map((x) => x.node.id)).toEqual(['RunningTasks', 'Cpu', 'Memory']);
    expect(counts(j, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 3, datadog_monitor: 0, grafana_rule_group: 1 });
    expect(alarmShape(j, 'main/api: running tasks')).toEqual({
      namespace: NS,
      metric_name: 'RunningTaskCount',
      dimensions: dims,
      statistic: 'Minimum',
      comparison_operator: 'LessThanThreshold',
      threshold: 2,
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      treat_missing_data: 'missing',
    });
    expect(grafanaRule(j, 'main/api: running tasks').query).toMatchObject({ namespace: NS, metricName: 'RunningTaskCount', statistic: 'Minimum', dimensions: dims });
    expect(alarm(j, 'main/api: CPU of reserved').threshold).toBe(70);
    expect(alarm(j, 'main/api: memory of reserved').threshold).toBe(90);
    expect(warningsOf(m)[0]).toMatch(/^test\/Svc\/RunningTasks: not rendered to Datadog \(Datadog's AWS integration names only AWS\/ namespaces by rule\); rendered to cloudwatch, grafana only; on Datadog use its ECS Fargate integration/);
    expect(warningsOf(m)).toHaveLength(3);
  });

  test('CloudWatch alone: no warnings; references as cluster and service names', () => {
    const s = presetStack();
    const c = new EcsCluster(s, 'main', { name: 'main' });
    const svc = new EcsService(s, 'api', { name: 'api', cluster: c.arn });
    const m = MonitorPresets.ecsContainerInsights(s, 'Svc', { clusterName: c.name, serviceName: svc.name, titlePrefix: 'api', backends: [MonitorBackend.cloudwatch()] });
    const j = synthStack(s);
    expect(warningsOf(m)).toEqual([]);
    const refs = { ClusterName: '${aws_ecs_cluster.main.name}', ServiceName: '${aws_ecs_service.api.name}' };
    for (const title of ['api: running tasks below desired', 'api: CPU of reserved', 'api: memory of reserved']) {
      for (const q of alarm(j, title).metric_query.filter((x: any) => x.metric)) expect(q.metric.dimensions).toEqual(refs);
    }
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.ecsContainerInsights(s, 'T', { clusterName: 'main', serviceName: 'api', backends: allBackends(), ...props });
  const cluster = 'an ECS cluster name (1-255 letters, digits, hyphens or underscores), or a reference to one';
  const percent = 'a percentage above 0 and below 100';
  test.each<[string, (s: any) => unknown, string, unknown, string]>([
    ['a cluster ARN', build({ clusterName: 'arn:aws:ecs:eu-west-1:123456789012:cluster/main' }), 'clusterName', '"arn:aws:ecs:eu-west-1:123456789012:cluster/main"', cluster],
    ['a cluster name of 256 characters', build({ clusterName: 'c'.repeat(256) }), 'clusterName', expect.stringMatching(/^"c+…"$/), cluster],
    ['a cluster name with a dot', build({ clusterName: 'my.cluster' }), 'clusterName', '"my.cluster"', cluster],
    ['no service name', build({ serviceName: undefined }), 'serviceName', 'undefined', 'an ECS service name (1-255 letters, digits, hyphens or underscores), or a reference to one'],
    ['Datadog alone', build({ backends: [MonitorBackend.datadog()] }), 'backends', '"datadog"',
      'backends with MonitorBackend.cloudwatch() (the CPU and memory monitors are CloudWatch metric-math expressions, which only CloudWatch evaluates)'],
    ['Grafana alone', build({ backends: [MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })] }), 'backends', '"grafana"', expect.stringMatching(/^backends with MonitorBackend\.cloudwatch\(\)/)],
    ['a CPU of 100%', build({ maxCpuPercent: 100 }), 'maxCpuPercent', '100', percent],
    ['a memory of 0%', build({ maxMemoryPercent: 0 }), 'maxMemoryPercent', '0', percent],
    ['negative missing tasks', build({ maxMissingTasks: -1 }), 'maxMissingTasks', '-1', 'a number of 0 or more'],
    ['a minimum of 0 running tasks', build({ minRunningTasks: 0 }), 'minRunningTasks', '0', 'a whole number of 1 or more'],
    ['a minimum of 1.5 running tasks', build({ minRunningTasks: 1.5 }), 'minRunningTasks', '1.5', 'a whole number of 1 or more'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    const e = validationError(() => fn(s));
    expect(e).toMatchObject({ constructPath: 'test/T', prop, received, accepted: acc });
    expect(e.message).toContain(prop);
  });

  test('a cluster name of 255 letters, digits, hyphens and underscores is accepted', () => {
    const s = presetStack();
    const name = `a-_1${'b'.repeat(251)}`;
    MonitorPresets.ecsContainerInsights(s, 'T', { clusterName: name, serviceName: 'api', titlePrefix: 'long', backends: [MonitorBackend.cloudwatch()] });
    expect(alarm(synthStack(s), 'long: CPU of reserved').metric_query[0].metric.dimensions.ClusterName).toBe(name);
  });
});
