/**
 * Monitoring.discover(): OpenSearch Service domains and Aurora clusters, checked by the Terraform
 * references in their CloudWatch alarms' dimensions; the clusters it skips, with why.
 */
import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { TerraformStack } from 'cdktf';
import { DiscoverableType, DiscoveryOptions, MonitorBackend, Monitoring } from '../../src';
import { presetStack, warningsOf } from '../presets/support';
import { synthStack } from '../support/synth';

const OPTIONS: DiscoveryOptions = { backends: [MonitorBackend.cloudwatch()], auroraMaxWriterCpuPercent: 80 };

/** The CloudWatch alarms of `namespace`: metric name → dimensions. */
function alarms(json: any, namespace: string): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.values<any>(json.resource?.aws_cloudwatch_metric_alarm ?? {})
    .filter((a) => a.namespace === namespace)
    .map((a) => [a.metric_name, a.dimensions]));
}

const allWarnings = (stack: TerraformStack) => stack.node.findAll().flatMap((c) => warningsOf(c));

describe('Monitoring.discover: OpenSearch domains', () => {
  test('aws_opensearch_domain: DomainName is the domain_name attribute, ClientId the account field of its ARN', () => {
    const stack = presetStack();
    new OpensearchDomain(stack, 'search', { domainName: 'logs' });
    const d = Monitoring.discover(stack, OPTIONS);
    const json = synthStack(stack);
    const dims = { DomainName: '${aws_opensearch_domain.search.domain_name}', ClientId: '${element(split(":", aws_opensearch_domain.search.arn), 4)}' };
    expect(alarms(json, 'AWS/ES')).toEqual({
      'ClusterStatus.red': dims,
      'ClusterIndexWritesBlocked': dims,
      'FreeStorageSpace': dims,
      'CPUUtilization': dims,
      'JVMMemoryPressure': dims,
      'AutomatedSnapshotFailure': dims,
    });
    expect(d.node.children.map((c) => c.node.id)).toEqual(['search']);
    expect(allWarnings(stack)).toEqual([]);
  });

  test('exclude: [OPENSEARCH_DOMAIN] leaves domains out', () => {
    const stack = presetStack();
    new OpensearchDomain(stack, 'search', { domainName: 'logs' });
    Monitoring.discover(stack, { ...OPTIONS, exclude: [DiscoverableType.OPENSEARCH_DOMAIN] });
    expect(synthStack(stack).resource?.aws_cloudwatch_metric_alarm).toBeUndefined();
  });
});

describe('Monitoring.discover: Aurora clusters', () => {
  test.each(['aurora-mysql', 'aurora-postgresql'])('aws_rds_cluster (%s): DBClusterIdentifier is the cluster_identifier attribute', (engine) => {
    const stack = presetStack();
    new RdsCluster(stack, 'db', { clusterIdentifier: 'orders', engine });
    Monitoring.discover(stack, OPTIONS);
    const json = synthStack(stack);
    const ref = '${aws_rds_cluster.db.cluster_identifier}';
    expect(alarms(json, 'AWS/RDS')).toEqual({
      CPUUtilization: { DBClusterIdentifier: ref, Role: 'WRITER' },
      Deadlocks: { DBClusterIdentifier: ref },
    });
    const cpu = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).find((a) => a.metric_name === 'CPUUtilization');
    expect(cpu.threshold).toBe(80);
    expect(allWarnings(stack)).toEqual([]);
  });

  test.each<[string, (s: TerraformStack) => void, DiscoveryOptions, string]>([
    ['a Multi-AZ DB cluster of PostgreSQL', (s) => new RdsCluster(s, 'x', { clusterIdentifier: 'pg', engine: 'postgres' }), OPTIONS,
      'test/x (aws_rds_cluster) is not monitored: engine postgres is not aurora-mysql or aurora-postgresql (the preset reads Aurora metrics)'],
    ['an Aurora MySQL 1 cluster (engine "aurora", end of life)', (s) => new RdsCluster(s, 'x', { clusterIdentifier: 'old', engine: 'aurora' }), OPTIONS,
      'test/x (aws_rds_cluster) is not monitored: engine aurora is not aurora-mysql or aurora-postgresql (the preset reads Aurora metrics)'],
    ['an Aurora cluster without auroraMaxWriterCpuPercent', (s) => new RdsCluster(s, 'x', { clusterIdentifier: 'orders', engine: 'aurora-mysql' }),
      { ...OPTIONS, auroraMaxWriterCpuPercent: undefined }, 'test/x (aws_rds_cluster) is not monitored: option auroraMaxWriterCpuPercent is not given'],
  ])('%s is skipped with a warning saying why', (_name, add, options, warning) => {
    const stack = presetStack();
    add(stack);
    Monitoring.discover(stack, options);
    const json = synthStack(stack);
    expect(json.resource?.aws_cloudwatch_metric_alarm).toBeUndefined();
    expect(allWarnings(stack)).toEqual([
      'Monitoring.discover: no resource of this stack is monitored (none of a discoverable type, or all skipped)',
      `Monitoring.discover: ${warning}`,
    ]);
  });

  test('a bad auroraMaxWriterCpuPercent is the preset\'s ValidationError at synth', () => {
    const stack = presetStack();
    new RdsCluster(stack, 'db', { clusterIdentifier: 'orders', engine: 'aurora-mysql' });
    Monitoring.discover(stack, { ...OPTIONS, auroraMaxWriterCpuPercent: 150 });
    expect(() => synthStack(stack)).toThrow("test/MonitoringDiscovery/db: 'maxWriterCpuPercent' must be a percentage above 0 and below 100; received 150");
  });
});
