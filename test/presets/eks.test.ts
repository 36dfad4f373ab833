/**
 * EKS cluster preset: failed nodes, node CPU, memory and file system by ClusterName in
 * ContainerInsights, optionally one pod's container restarts (ClusterName, Namespace, PodName);
 * on CloudWatch and Grafana, left off Datadog with warnings; bad input.
 */
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { alarm, alarmShape, allBackends, counts, grafanaRule, presetStack, validationError, warningsOf } from './support';
import { MonitorBackend, MonitorPresets } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];
const NS = 'ContainerInsights';
const dims = { ClusterName: 'prod' };

describe('EKS cluster', () => {
  const stack = presetStack();
  const g = MonitorPresets.eksCluster(stack, 'Eks', { clusterName: 'prod', backends: allBackends() });
  const json = synthStack(stack);

  test('four monitors on CloudWatch and Grafana, none on Datadog, each with a warning naming what to use there', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['FailedNodes', 'NodeCpu', 'NodeMemory', 'NodeFilesystem']);
    expect(counts(json, ...TYPES)).toEqual({ aws_cloudwatch_metric_alarm: 4, datadog_monitor: 0, grafana_rule_group: 4 });
    const w = warningsOf(g);
    expect(w).toHaveLength(4);
    for (const [i, id] of ['FailedNodes', 'NodeCpu', 'NodeMemory', 'NodeFilesystem'].entries()) {
      expect(w[i]).toMatch(new RegExp(`^test/Eks/${id}: not rendered to Datadog \\(Datadog's AWS integration names only AWS/ namespaces by rule\\); `
        + 'rendered to cloudwatch, grafana only; on Datadog use its Kubernetes integration .*docs\\.datadoghq\\.com/containers/kubernetes/'));
    }
  });

  test('failed nodes: Maximum of cluster_failed_node_count per minute above 0 for 5 of 5 minutes', () => {
    expect(alarmShape(json, 'prod: failed nodes')).toEqual({
      namespace: NS,
      metric_name: 'cluster_failed_node_count',
      dimensions: dims,
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      treat_missing_data: 'missing',
    });
    expect(grafanaRule(json, 'prod: failed nodes').query).toMatchObject({ namespace: NS, metricName: 'cluster_failed_node_count', statistic: 'Maximum' });
  });

  test.each([
    ['prod: node CPU', 'node_cpu_utilization', 3],
    ['prod: node memory', 'node_memory_utilization', 3],
    ['prod: node file systems', 'node_filesystem_utilization', 1],
  ])('%s: Average of %s over 5 minutes above 80% (%d period(s))', (title, metric, periods) => {
    expect(alarmShape(json, title)).toEqual({
      namespace: NS,
      metric_name: metric,
      dimensions: dims,
      statistic: 'Average',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 80,
      period: 300,
      evaluation_periods: periods,
      datapoints_to_alarm: periods,
      treat_missing_data: 'missing',
    });
  });

  test('thresholds when given; container restarts of one pod by ClusterName, Namespace and PodName', () => {
    const s = presetStack();
    const m = MonitorPresets.eksCluster(s, 'Eks', {
      clusterName: 'prod',
      maxFailedNodes: 1,
      maxNodeCpuPercent: 70,
      maxNodeMemoryPercent: 75,
      maxNodeFilesystemPercent: 85,
      podNamespace: 'payments',
      podName: 'api-0',
      maxContainerRestarts: 3,
      backends: [MonitorBackend.cloudwatch()],
    });
    const j = synthStack(s);
    expect(m.monitors.map((x) => x.node.id)).toEqual(['FailedNodes', 'NodeCpu', 'NodeMemory', 'NodeFilesystem', 'ContainerRestarts']);
    expect(warningsOf(m)).toEqual([]);
    expect(alarm(j, 'prod: failed nodes').threshold).toBe(1);
    expect(alarm(j, 'prod: node CPU').threshold).toBe(70);
    expect(alarm(j, 'prod: node memory').threshold).toBe(75);
    expect(alarm(j, 'prod: node file systems').threshold).toBe(85);
    expect(alarmShape(j, 'prod: container restarts of payments/api-0')).toEqual({
      namespace: NS,
      metric_name: 'pod_number_of_container_restarts',
      dimensions: { ClusterName: 'prod', Namespace: 'payments', PodName: 'api-0' },
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 3,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    });
  });

  test('restarts default to zero tolerance; the cluster by reference to its name', () => {
    const s = presetStack();
    const c = new EksCluster(s, 'prod', { name: 'prod', roleArn: 'arn:aws:iam::123456789012:role/eks', vpcConfig: { subnetIds: ['subnet-1'] } });
    MonitorPresets.eksCluster(s, 'Eks', { clusterName: c.name, podNamespace: 'default', podName: 'web', backends: [MonitorBackend.cloudwatch()] });
    const j = synthStack(s);
    const alarms = Object.values<any>(j.resource.aws_cloudwatch_metric_alarm);
    expect(alarms).toHaveLength(5);
    for (const a of alarms) expect(a.dimensions.ClusterName).toBe('${aws_eks_cluster.prod.name}');
    expect(alarm(j, 'Eks: container restarts of default/web').threshold).toBe(0);
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.eksCluster(s, 'T', { clusterName: 'prod', backends: allBackends(), ...props });
  const cluster = 'an EKS cluster name (1-100 letters, digits, hyphens or underscores, starting with a letter or digit), or a reference to one';
  const percent = 'a percentage above 0 and below 100';
  test.each<[string, (s: any) => unknown, string, unknown, string]>([
    ['a cluster name of 101 characters', build({ clusterName: 'c'.repeat(101) }), 'clusterName', `"${'c'.repeat(101)}"`, cluster],
    ['a cluster name starting with a hyphen', build({ clusterName: '-prod' }), 'clusterName', '"-prod"', cluster],
    ['a cluster name with a dot', build({ clusterName: 'prod.eu' }), 'clusterName', '"prod.eu"', cluster],
    ['a cluster ARN', build({ clusterName: 'arn:aws:eks:eu-west-1:123456789012:cluster/prod' }), 'clusterName', '"arn:aws:eks:eu-west-1:123456789012:cluster/prod"', cluster],
    ['Datadog alone', build({ backends: [MonitorBackend.datadog()] }), 'backends', '"datadog"',
      'a backend other than Datadog (Datadog does not collect ContainerInsights): MonitorBackend.cloudwatch() or .grafana()'],
    ['a node CPU of 100%', build({ maxNodeCpuPercent: 100 }), 'maxNodeCpuPercent', '100', percent],
    ['a node memory of 0%', build({ maxNodeMemoryPercent: 0 }), 'maxNodeMemoryPercent', '0', percent],
    ['a file system of 120%', build({ maxNodeFilesystemPercent: 120 }), 'maxNodeFilesystemPercent', '120', percent],
    ['negative failed nodes', build({ maxFailedNodes: -1 }), 'maxFailedNodes', '-1', 'a number of 0 or more'],
    ['an upper-case namespace', build({ podNamespace: 'Payments', podName: 'api' }), 'podNamespace', '"Payments"',
      'a Kubernetes namespace (at most 63 lower-case letters, digits or -, starting and ending with a letter or digit)'],
    ['a pod name with an underscore', build({ podNamespace: 'payments', podName: 'api_0' }), 'podName', '"api_0"',
      'a Kubernetes pod name (at most 253 lower-case letters, digits, - or ., starting and ending with a letter or digit)'],
    ['a namespace without a pod', build({ podNamespace: 'payments' }), 'podName', 'undefined',
      'a pod name with namespace payments (Container Insights publishes container restarts by pod only)'],
    ['a pod without a namespace', build({ podName: 'api-0' }), 'podNamespace', 'undefined', 'the namespace of pod api-0'],
    ['restarts without a pod', build({ maxContainerRestarts: 2 }), 'maxContainerRestarts', '2', 'no value without podNamespace and podName (the pod whose restarts to watch)'],
    ['negative restarts', build({ podNamespace: 'payments', podName: 'api-0', maxContainerRestarts: -2 }), 'maxContainerRestarts', '-2', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    const e = validationError(() => fn(s));
    expect(e).toMatchObject({ constructPath: 'test/T', prop, received, accepted: acc });
    expect(e.message).toContain(prop);
  });

  test('a cluster name of 100 characters, a digit first, is accepted', () => {
    const s = presetStack();
    const name = `1a_-${'b'.repeat(96)}`;
    MonitorPresets.eksCluster(s, 'T', { clusterName: name, titlePrefix: 'long', backends: [MonitorBackend.cloudwatch()] });
    expect(alarm(synthStack(s), 'long: failed nodes').dimensions).toEqual({ ClusterName: name });
  });
});
