/**
 * Monitoring.discover() and container platforms: EKS clusters (by reference to their name), and
 * ECS services' Container Insights monitors with `ecsContainerInsights`; what is skipped and why.
 */
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { TerraformStack } from 'cdktf';
import { DiscoverableType, DiscoveryOptions, MonitorBackend, Monitoring } from '../../src';
import { presetStack, validationError, warningsOf } from '../presets/support';
import { synthStack } from '../support/synth';

const CLUSTER_REF = '${element(reverse(split("/", aws_ecs_service.svc.cluster)), 0)}';

function eks(s: TerraformStack): EksCluster {
  return new EksCluster(s, 'prod', { name: 'prod', roleArn: 'arn:aws:iam::123456789012:role/eks', vpcConfig: { subnetIds: ['subnet-1'] } });
}

function ecs(s: TerraformStack): EcsService {
  return new EcsService(s, 'svc', { name: 'api', cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/main' });
}

/** The CloudWatch alarms of `namespace`. */
function alarms(json: any, namespace: string): any[] {
  return Object.values<any>(json.resource?.aws_cloudwatch_metric_alarm ?? {}).filter((a) => a.namespace === namespace
    || (a.metric_query ?? []).some((q: any) => q.metric?.namespace === namespace));
}

/** The dimensions of every metric of an alarm (its own, or those of its metric queries). */
function dimensionsOf(a: any): Array<Record<string, string>> {
  return a.dimensions ? [a.dimensions] : (a.metric_query as any[]).filter((q) => q.metric).map((q) => q.metric.dimensions);
}

const discovered = (s: TerraformStack) => s.node.findChild('MonitoringDiscovery');

describe('aws_eks_cluster', () => {
  test('the EKS preset by reference to the cluster name', () => {
    const s = presetStack();
    eks(s);
    Monitoring.discover(s, { backends: [MonitorBackend.cloudwatch()] });
    const json = synthStack(s);
    const found = alarms(json, 'ContainerInsights');
    expect(found.map((a) => a.metric_name).sort()).toEqual(['cluster_failed_node_count', 'node_cpu_utilization', 'node_filesystem_utilization', 'node_memory_utilization']);
    for (const a of found) expect(a.dimensions).toEqual({ ClusterName: '${aws_eks_cluster.prod.name}' });
    expect(DiscoverableType.EKS_CLUSTER).toBe('aws_eks_cluster');
  });

  test('excluded by type', () => {
    const s = presetStack();
    eks(s);
    new EcsService(s, 'other', { name: 'x', cluster: 'main' });
    Monitoring.discover(s, {
      backends: [MonitorBackend.cloudwatch()],
      exclude: [DiscoverableType.EKS_CLUSTER],
      ecsMaxCpuPercent: 90,
      ecsMaxMemoryPercent: 90,
    });
    const json = synthStack(s);
    expect(alarms(json, 'ContainerInsights')).toEqual([]);
    expect(alarms(json, 'AWS/ECS')).toHaveLength(2);
  });

  test('skipped with a warning when Datadog is the only backend', () => {
    const s = presetStack();
    const c = eks(s);
    Monitoring.discover(s, { backends: [MonitorBackend.datadog()] });
    const json = synthStack(s);
    expect(json.resource.datadog_monitor).toBeUndefined();
    expect(warningsOf(c)).toEqual([
      'Monitoring.discover: test/prod (aws_eks_cluster) is not monitored: the EKS preset reads CloudWatch Container Insights, which Datadog does not collect (add a CloudWatch or Grafana backend)',
    ]);
  });
});

describe('ECS services with ecsContainerInsights', () => {
  const OPTIONS: DiscoveryOptions = { backends: [MonitorBackend.cloudwatch()], ecsMaxCpuPercent: 85, ecsMaxMemoryPercent: 75 };

  test('off by default: only the AWS/ECS monitors', () => {
    const s = presetStack();
    ecs(s);
    Monitoring.discover(s, OPTIONS);
    const json = synthStack(s);
    expect(alarms(json, 'ECS/ContainerInsights')).toEqual([]);
    expect(alarms(json, 'AWS/ECS')).toHaveLength(2);
  });

  test('on: the Container Insights monitors too, by the same references, with the ECS thresholds', () => {
    const s = presetStack();
    ecs(s);
    Monitoring.discover(s, { ...OPTIONS, ecsContainerInsights: true });
    const json = synthStack(s);
    expect(alarms(json, 'AWS/ECS')).toHaveLength(2);
    const found = alarms(json, 'ECS/ContainerInsights');
    expect(found).toHaveLength(3);
    for (const a of found) {
      for (const d of dimensionsOf(a)) expect(d).toEqual({ ClusterName: CLUSTER_REF, ServiceName: '${aws_ecs_service.svc.name}' });
    }
    const byExpression = Object.fromEntries(found.map((a) => [a.metric_query.find((q: any) => q.expression).expression + ':' + a.metric_query.map((q: any) => q.metric?.metric_name).join(','), a.threshold]));
    expect(byExpression).toEqual({
      'desired - running:DesiredTaskCount,RunningTaskCount,': 0,
      '100 * used / reserved:CpuReserved,CpuUtilized,': 85,
      '100 * used / reserved:MemoryReserved,MemoryUtilized,': 75,
    });
    const group = discovered(s).node.findChild('svc-ContainerInsights');
    expect(group.node.children.map((c) => c.node.id)).toEqual(['MissingTasks', 'Cpu', 'Memory']);
  });

  test('on without the ECS thresholds: the Container Insights defaults, and the AWS/ECS preset skipped with a warning', () => {
    const s = presetStack();
    const svc = ecs(s);
    Monitoring.discover(s, { backends: [MonitorBackend.cloudwatch()], ecsContainerInsights: true });
    const json = synthStack(s);
    expect(alarms(json, 'AWS/ECS')).toEqual([]);
    expect(alarms(json, 'ECS/ContainerInsights').map((a) => a.threshold).sort()).toEqual([0, 80, 80]);
    expect(warningsOf(svc)).toEqual(['Monitoring.discover: test/svc (aws_ecs_service) is only partly monitored: option ecsMaxCpuPercent is not given']);
  });

  test('on without a CloudWatch backend: the Container Insights monitors skipped with a warning', () => {
    const s = presetStack();
    const svc = ecs(s);
    Monitoring.discover(s, { ...OPTIONS, backends: [MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })], ecsContainerInsights: true });
    const json = synthStack(s);
    expect(json.resource.aws_cloudwatch_metric_alarm).toBeUndefined();
    expect(Object.keys(json.resource.grafana_rule_group)).toEqual([expect.stringMatching(/^MonitoringDiscovery_svc_Cpu_/), expect.stringMatching(/^MonitoringDiscovery_svc_Memory_/)]);
    expect(warningsOf(svc)).toEqual([
      'Monitoring.discover: test/svc (aws_ecs_service) is only partly monitored: its Container Insights monitors need a CloudWatch backend (they are CloudWatch metric-math expressions)',
    ]);
  });

  test('a non-boolean ecsContainerInsights is a ValidationError', () => {
    const s = presetStack();
    expect(validationError(() => Monitoring.discover(s, { ...OPTIONS, ecsContainerInsights: 'yes' as any }))).toMatchObject({
      constructPath: 'test/MonitoringDiscovery', prop: 'ecsContainerInsights', received: '"yes"', accepted: 'true or false',
    });
  });
});
