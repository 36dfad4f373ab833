/**
 * Monitoring.discover(): every discoverable type beyond the first four, each checked by the
 * Terraform references in its CloudWatch alarms' dimensions; and the resources it skips, with why.
 */
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { ElasticacheCluster } from '@cdktf/provider-aws/lib/elasticache-cluster';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
import { S3BucketMetric } from '@cdktf/provider-aws/lib/s3-bucket-metric';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { TerraformStack } from 'cdktf';
import { DiscoveryOptions, MonitorBackend, Monitoring } from '../../src';
import { presetStack, warningsOf } from '../presets/support';
import { synthStack } from '../support/synth';

const OPTIONS: DiscoveryOptions = {
  backends: [MonitorBackend.cloudwatch()],
  kinesisMaxIteratorAgeMs: 60000,
  elastiCacheMaxMemoryPercent: 80,
  rdsMaxCpuPercent: 90,
  rdsMinFreeStorageBytes: 5e9,
  autoScalingMinInServiceInstances: 2,
  albMaxTarget5xx: 10,
  albMaxResponseTimeP99Seconds: 2,
  ecsMaxCpuPercent: 90,
  ecsMaxMemoryPercent: 90,
  s3MaxServerErrors: 5,
};

/** The dimensions of every CloudWatch alarm of `namespace`, deduplicated. */
function dimensions(json: any, namespace: string): Array<Record<string, string>> {
  const all = Object.values<any>(json.resource?.aws_cloudwatch_metric_alarm ?? {})
    .filter((a) => a.namespace === namespace)
    .map((a) => JSON.stringify(a.dimensions));
  return [...new Set(all)].sort().map((d) => JSON.parse(d));
}

const CASES: Array<[string, (s: TerraformStack) => void, string, Array<Record<string, string>>]> = [
  ['aws_sfn_state_machine', (s) => new SfnStateMachine(s, 'sm', { name: 'flow', definition: '{}', roleArn: 'arn:aws:iam::123456789012:role/r' }),
    'AWS/States', [{ StateMachineArn: '${aws_sfn_state_machine.sm.arn}' }]],
  ['aws_kinesis_stream', (s) => new KinesisStream(s, 'ks', { name: 'events' }),
    'AWS/Kinesis', [{ StreamName: '${aws_kinesis_stream.ks.name}' }]],
  ['aws_kinesis_firehose_delivery_stream', (s) => new KinesisFirehoseDeliveryStream(s, 'fh', {
    name: 'logs', destination: 'extended_s3', extendedS3Configuration: { bucketArn: 'arn:aws:s3:::b', roleArn: 'arn:aws:iam::123456789012:role/r' },
  }), 'AWS/Firehose', [{ DeliveryStreamName: '${aws_kinesis_firehose_delivery_stream.fh.name}' }]],
  ['aws_cloudwatch_event_rule on a named bus', (s) => new CloudwatchEventRule(s, 'rule', { name: 'nightly', eventBusName: 'orders', scheduleExpression: 'rate(1 day)' }),
    'AWS/Events', [{ EventBusName: '${aws_cloudwatch_event_rule.rule.event_bus_name}', RuleName: '${aws_cloudwatch_event_rule.rule.name}' }]],
  ['aws_cloudwatch_event_rule on the default bus', (s) => new CloudwatchEventRule(s, 'rule', { name: 'nightly', scheduleExpression: 'rate(1 day)' }),
    'AWS/Events', [{ RuleName: '${aws_cloudwatch_event_rule.rule.name}' }]],
  ['aws_elasticache_cluster (redis)', (s) => new ElasticacheCluster(s, 'cache', { clusterId: 'sessions', engine: 'redis', nodeType: 'cache.t4g.micro', numCacheNodes: 1 }),
    'AWS/ElastiCache', [{ CacheClusterId: '${aws_elasticache_cluster.cache.cluster_id}' }]],
  ['aws_db_instance', (s) => new DbInstance(s, 'db', { identifier: 'orders', instanceClass: 'db.t4g.micro', engine: 'postgres', allocatedStorage: 20 }),
    'AWS/RDS', [{ DBInstanceIdentifier: '${aws_db_instance.db.identifier}' }]],
  ['aws_autoscaling_group', (s) => new AutoscalingGroup(s, 'asg', { name: 'web', minSize: 2, maxSize: 4 }),
    'AWS/AutoScaling', [{ AutoScalingGroupName: '${aws_autoscaling_group.asg.name}' }]],
  ['aws_route53_health_check', (s) => new Route53HealthCheck(s, 'hc', { type: 'HTTPS', fqdn: 'example.com', port: 443 }),
    'AWS/Route53', [{ HealthCheckId: '${aws_route53_health_check.hc.id}' }]],
  ['aws_apigatewayv2_stage', (s) => new Apigatewayv2Stage(s, 'stage', { apiId: 'a1b2c3', name: 'prod' }),
    'AWS/ApiGateway', [{ ApiId: '${aws_apigatewayv2_stage.stage.api_id}', Stage: '${aws_apigatewayv2_stage.stage.name}' }]],
  ['aws_lb (application)', (s) => new Lb(s, 'alb', { name: 'web', loadBalancerType: 'application', subnets: ['subnet-1', 'subnet-2'] }),
    'AWS/ApplicationELB', [{ LoadBalancer: '${aws_lb.alb.arn_suffix}' }]],
  ['aws_lb (type not given: application)', (s) => new Lb(s, 'alb', { name: 'web', subnets: ['subnet-1', 'subnet-2'] }),
    'AWS/ApplicationELB', [{ LoadBalancer: '${aws_lb.alb.arn_suffix}' }]],
  ['aws_ecs_service', (s) => new EcsService(s, 'svc', { name: 'api', cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/main' }),
    'AWS/ECS', [{ ClusterName: '${element(reverse(split("/", aws_ecs_service.svc.cluster)), 0)}', ServiceName: '${aws_ecs_service.svc.name}' }]],
  ['aws_s3_bucket_metric', (s) => new S3BucketMetric(s, 'm', { bucket: 'my-bucket', name: 'EntireBucket' }),
    'AWS/S3', [{ BucketName: '${aws_s3_bucket_metric.m.bucket}', FilterId: '${aws_s3_bucket_metric.m.name}' }]],
];

describe('Monitoring.discover: each type', () => {
  test.each(CASES)('%s: the alarm dimensions are references to the resource', (_type, add, namespace, expected) => {
    const stack = presetStack();
    add(stack);
    Monitoring.discover(stack, OPTIONS);
    const json = synthStack(stack);
    expect(dimensions(json, namespace)).toEqual(expected);
    expect(stack.node.findAll().flatMap((c) => warningsOf(c))).toEqual([]);
  });

  test.each([
    ['a memcached cluster', (s: TerraformStack) => new ElasticacheCluster(s, 'x', { clusterId: 'm', engine: 'memcached', nodeType: 'cache.t4g.micro', numCacheNodes: 1 }),
      'test/x (aws_elasticache_cluster) is not monitored: engine memcached is not Redis or Valkey'],
    ['a Firehose stream to Redshift', (s: TerraformStack) => new KinesisFirehoseDeliveryStream(s, 'x', { name: 'r', destination: 'redshift' }),
      'test/x (aws_kinesis_firehose_delivery_stream) is not monitored: destination redshift has no Firehose preset'],
    ['a network load balancer', (s: TerraformStack) => new Lb(s, 'x', { name: 'n', loadBalancerType: 'network', subnets: ['subnet-1'] }),
      'test/x (aws_lb) is not monitored: a network load balancer: its preset needs a target group'],
    ['a REST API stage', (s: TerraformStack) => new ApiGatewayStage(s, 'x', { restApiId: 'abc', stageName: 'prod', deploymentId: 'd' }),
      'test/x (aws_api_gateway_stage) is not monitored: the REST API preset needs the API\'s name'],
    ['an RDS instance without rdsMinFreeStorageBytes', (s: TerraformStack) => new DbInstance(s, 'x', { identifier: 'o', instanceClass: 'db.t4g.micro' }),
      'test/x (aws_db_instance) is not monitored: option rdsMinFreeStorageBytes is not given'],
  ])('%s is skipped with a warning saying why', (_name, add, warning) => {
    const stack = presetStack();
    add(stack);
    Monitoring.discover(stack, { ...OPTIONS, rdsMinFreeStorageBytes: undefined });
    const json = synthStack(stack);
    expect(json.resource?.aws_cloudwatch_metric_alarm).toBeUndefined();
    const warnings = stack.node.findAll().flatMap((c) => warningsOf(c));
    expect(warnings).toEqual(['Monitoring.discover: no resource of this stack is monitored (none of a discoverable type, or all skipped)', expect.stringContaining(`Monitoring.discover: ${warning}`)]);
  });
});
