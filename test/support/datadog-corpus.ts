/**
 * Every synthesized stack whose Datadog output the contract tests check: each example of
 * examples/app.ts and each template stack of src/stacks with the options that reach Datadog.
 */
import { App, TerraformStack } from 'cdktf';
import { instancesOf } from './for-each';
import { synthApp } from './synth';
import { TEMPLATE_STACKS } from './template-stacks';
import { EXAMPLES } from '../../examples/app';
import { FirehoseDestination, MonitorBackend, MonitorPresets } from '../../src';
import { connect } from '../monitors/fixtures';

/** Every monitor preset with every option, on Datadog. */
export function presetStacks(app: App): void {
  const stack = new TerraformStack(app, 'presets-datadog');
  connect(stack);
  const backends = () => [MonitorBackend.datadog()];
  MonitorPresets.lambdaFunction(stack, 'Checkout', { functionName: 'checkout', maxErrors: 5, maxDurationP99Ms: 2400, backends: backends() });
  MonitorPresets.applicationLoadBalancer(stack, 'Web', {
    loadBalancer: 'app/web/50dc6c495c0c9188',
    targetGroup: 'targetgroup/web/6d0ecf831eec9f09',
    maxTarget5xx: 10,
    maxElb5xx: 5,
    maxResponseTimeP99Seconds: 1.5,
    backends: backends(),
  });
  MonitorPresets.sqsQueue(stack, 'Orders', {
    queueName: 'orders', maxAgeOfOldestMessageSeconds: 600, maxVisibleMessages: 1000, deadLetterQueueName: 'orders-dlq', backends: backends(),
  });
  MonitorPresets.rdsInstance(stack, 'Db', {
    dbInstanceIdentifier: 'orders-db', maxCpuPercent: 90, minFreeStorageBytes: 10e9, minFreeableMemoryBytes: 256e6, maxConnections: 400, backends: backends(),
  });
  MonitorPresets.dynamoDbTable(stack, 'Carts', { tableName: 'carts', backends: backends() });
  MonitorPresets.ecsService(stack, 'Api', { clusterName: 'prod', serviceName: 'api', maxCpuPercent: 85, maxMemoryPercent: 90, backends: backends() });
  // Monitors whose metric Datadog does not publish (the API error rates, SNS dead letters, the
  // OpenSearch freshness) are left out on Datadog; every other one is here.
  MonitorPresets.apiGatewayRestApi(stack, 'Rest', { apiName: 'orders', stage: 'prod', maxServerErrors: 5, backends: backends() });
  MonitorPresets.apiGatewayHttpApi(stack, 'Http', { apiId: 'a1b2c3d4e5', stage: 'prod', maxServerErrors: 5, backends: backends() });
  MonitorPresets.stepFunctionsStateMachine(stack, 'Sfn', { stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:orders', backends: backends() });
  MonitorPresets.kinesisStream(stack, 'Clicks', { streamName: 'clicks', maxIteratorAgeMs: 60000, backends: backends() });
  MonitorPresets.snsTopic(stack, 'Events', { topicName: 'events', monitorDeadLetters: true, backends: backends() });
  MonitorPresets.networkLoadBalancer(stack, 'Edge', {
    loadBalancer: 'net/edge/50dc6c495c0c9188', targetGroup: 'targetgroup/edge/6d0ecf831eec9f09', maxTargetResets: 20, backends: backends(),
  });
  MonitorPresets.s3Bucket(stack, 'Assets', {
    bucketName: 'shop-assets', filterId: 'EntireBucket', maxServerErrorRate: 0.01, maxServerErrors: 25, maxFirstByteLatencyP99Ms: 400, backends: backends(),
  });
  MonitorPresets.route53HealthCheck(stack, 'Site', { healthCheckId: 'abcdef11-2222-3333-4444-555555fedcba', backends: backends() });
  MonitorPresets.autoScalingGroup(stack, 'Asg', { autoScalingGroupName: 'web-asg', minInServiceInstances: 2, backends: backends() });
  MonitorPresets.elastiCacheRedis(stack, 'Cache', { cacheClusterId: 'orders-001', maxMemoryPercent: 85, maxEvictions: 100, backends: backends() });
  for (const destination of Object.values(FirehoseDestination)) {
    MonitorPresets.firehoseStream(stack, `Logs${destination}`, { deliveryStreamName: `logs-${destination.toLowerCase()}`, destination, backends: backends() });
  }
}

/** One synthesized stack: where it came from and its Terraform JSON. */
export interface CorpusStack {
  readonly source: string;
  readonly stack: string;
  readonly json: any;
}

let cached: CorpusStack[] | undefined;

/** Every stack of every example and template, synthesized once per test file. */
export function datadogCorpus(): CorpusStack[] {
  if (cached) return cached;
  const out: CorpusStack[] = [];
  const templates = Object.entries(TEMPLATE_STACKS).map(([name, build]) => [`template ${name}`, build]);
  const builds: Record<string, (app: App) => unknown> = { ...EXAMPLES, ...Object.fromEntries(templates), presets: presetStacks };
  for (const [source, build] of Object.entries(builds)) {
    const { stacks } = synthApp(build);
    for (const [stack, json] of Object.entries(stacks)) out.push({ source, stack, json });
  }
  cached = out;
  return out;
}

/** The resources of one type of a stack, by Terraform address. */
export function resourcesOf(json: any, type: string): Array<[string, any]> {
  // A for_each resource counts as its instances, each with its own values.
  return Object.entries<any>(json.resource?.[type] ?? {}).flatMap(([name, body]) => instancesOf(name, body)).map(([name, body]) => [`${type}.${name}`, body]);
}

/** Every `aws.*` metric name in a Datadog query or dashboard text. */
export function awsMetricNames(text: string): string[] {
  return [...text.matchAll(/(?<![\w.])aws\.[a-z0-9_]+(?:\.[a-z0-9_]+)+(?:\.[0-9]+)?/g)].map((m) => m[0]);
}
