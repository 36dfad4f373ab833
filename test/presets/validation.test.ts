/**
 * Bad input to the presets: the library's ValidationError, naming the construct path, the prop,
 * the value received and what is accepted; nothing is rendered for the rejected monitor.
 */
import { Token } from 'cdktf';
import { allBackends, presetStack, validationError } from './support';
import { MonitorPresets, Severity } from '../../src';

const lb = 'app/web/50dc6c495c0c9188';
const p99Token = Token.asNumber('${var.p99}');
type Case = [string, (s: any) => unknown, { constructPath: string; prop: string; received: string; accepted: string }];

const cases: Case[] = [
  // Unsupported options.
  ['a Network Load Balancer given to the ALB preset', (s) => MonitorPresets.applicationLoadBalancer(s, 'Lb', {
    loadBalancer: 'net/web/50dc6c495c0c9188', maxTarget5xx: 1, maxResponseTimeP99Seconds: 1, backends: allBackends(),
  }), { constructPath: 'test/Lb', prop: 'loadBalancer', received: '"net/web/50dc6c495c0c9188"', accepted: 'the LoadBalancer dimension app/<name>/<id>' }],
  ['a target group ARN instead of the dimension', (s) => MonitorPresets.applicationLoadBalancer(s, 'Lb', {
    loadBalancer: lb, targetGroup: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/6d0ecf831eec9f09', maxTarget5xx: 1, maxResponseTimeP99Seconds: 1, backends: allBackends(),
  }), {
    constructPath: 'test/Lb',
    prop: 'targetGroup',
    received: '"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/6d0ecf831eec9f09"',
    accepted: 'the TargetGroup dimension targetgroup/<name>/<id>',
  }],
  ['a severity that is not one', (s) => MonitorPresets.lambdaFunction(s, 'Fn', { functionName: 'f', maxErrors: 1, maxDurationP99Ms: 1, severity: 'SEV9' as Severity, backends: allBackends() }),
    { constructPath: 'test/Fn', prop: 'severity', received: '"SEV9"', accepted: 'a Severity (SEV1 … SEV5)' }],
  ['no backends', (s) => MonitorPresets.dynamoDbTable(s, 'T', { tableName: 'carts', backends: [] }),
    { constructPath: 'test/T', prop: 'backends', received: '[]', accepted: 'a non-empty list of backends (MonitorBackend.datadog(), .cloudwatch(), .grafana({...}))' }],
  ['a queue name with a slash', (s) => MonitorPresets.sqsQueue(s, 'Q', { queueName: 'a/b', maxAgeOfOldestMessageSeconds: 60, backends: allBackends() }),
    { constructPath: 'test/Q', prop: 'queueName', received: '"a/b"', accepted: 'an SQS queue name (1-80 letters, digits, - or _, optionally .fifo)' }],
  ['a dead-letter queue URL instead of its name', (s) => MonitorPresets.sqsQueue(s, 'Q', {
    queueName: 'orders', deadLetterQueueName: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq', maxAgeOfOldestMessageSeconds: 60, backends: allBackends(),
  }), {
    constructPath: 'test/Q',
    prop: 'deadLetterQueueName',
    received: '"https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq"',
    accepted: 'an SQS queue name (1-80 letters, digits, - or _, optionally .fifo)',
  }],
  ['a DB instance identifier starting with a digit', (s) => MonitorPresets.rdsInstance(s, 'Db', { dbInstanceIdentifier: '1db', maxCpuPercent: 80, minFreeStorageBytes: 1, backends: allBackends() }),
    { constructPath: 'test/Db', prop: 'dbInstanceIdentifier', received: '"1db"', accepted: 'a DB instance identifier (a letter, then up to 62 letters, digits or -)' }],
  ['a table name of two characters', (s) => MonitorPresets.dynamoDbTable(s, 'T', { tableName: 'ab', backends: allBackends() }),
    { constructPath: 'test/T', prop: 'tableName', received: '"ab"', accepted: 'a DynamoDB table name (3-255 letters, digits, _ . -)' }],
  ['an ECS service name with a space', (s) => MonitorPresets.ecsService(s, 'Svc', { clusterName: 'prod', serviceName: 'my api', maxCpuPercent: 80, maxMemoryPercent: 80, backends: allBackends() }),
    { constructPath: 'test/Svc', prop: 'serviceName', received: '"my api"', accepted: 'an ECS service name (1-255 letters, digits, _ or -)' }],
  ['no function name', (s) => MonitorPresets.lambdaFunction(s, 'Fn', { functionName: '', maxErrors: 1, maxDurationP99Ms: 1, backends: allBackends() }),
    { constructPath: 'test/Fn', prop: 'functionName', received: '""', accepted: 'a Lambda function name (1-64 letters, digits, - or _)' }],

  // Bad thresholds.
  ['a negative error count', (s) => MonitorPresets.lambdaFunction(s, 'Fn', { functionName: 'f', maxErrors: -1, maxDurationP99Ms: 100, backends: allBackends() }),
    { constructPath: 'test/Fn', prop: 'maxErrors', received: '-1', accepted: 'a number of 0 or more' }],
  ['a throttle threshold given as a string', (s) => MonitorPresets.lambdaFunction(s, 'Fn', { functionName: 'f', maxErrors: 1, maxDurationP99Ms: 100, maxThrottles: '2' as any, backends: allBackends() }),
    { constructPath: 'test/Fn', prop: 'maxThrottles', received: '"2"', accepted: 'a number of 0 or more' }],
  ['a p99 duration that is a token', (s) => MonitorPresets.lambdaFunction(s, 'Fn', { functionName: 'f', maxErrors: 1, maxDurationP99Ms: p99Token, backends: allBackends() }), {
    constructPath: 'test/Fn',
    prop: 'maxDurationP99Ms',
    received: String(p99Token),
    accepted: 'a number of 0 or more, known at synth time (thresholds are compared and rendered into queries)',
  }],
  ['an infinite response time', (s) => MonitorPresets.applicationLoadBalancer(s, 'Lb', { loadBalancer: lb, maxTarget5xx: 1, maxResponseTimeP99Seconds: Infinity, backends: allBackends() }),
    { constructPath: 'test/Lb', prop: 'maxResponseTimeP99Seconds', received: 'Infinity', accepted: 'a number of 0 or more' }],
  ['a negative ELB 5xx threshold', (s) => MonitorPresets.applicationLoadBalancer(s, 'Lb', { loadBalancer: lb, maxTarget5xx: 1, maxResponseTimeP99Seconds: 1, maxElb5xx: -3, backends: allBackends() }),
    { constructPath: 'test/Lb', prop: 'maxElb5xx', received: '-3', accepted: 'a number of 0 or more' }],
  ['a missing age threshold', (s) => MonitorPresets.sqsQueue(s, 'Q', { queueName: 'orders', backends: allBackends() } as any),
    { constructPath: 'test/Q', prop: 'maxAgeOfOldestMessageSeconds', received: 'undefined', accepted: 'a number of 0 or more' }],
  ['a negative backlog', (s) => MonitorPresets.sqsQueue(s, 'Q', { queueName: 'orders', maxAgeOfOldestMessageSeconds: 60, maxVisibleMessages: -5, backends: allBackends() }),
    { constructPath: 'test/Q', prop: 'maxVisibleMessages', received: '-5', accepted: 'a number of 0 or more' }],
  ['an RDS CPU of 100 %', (s) => MonitorPresets.rdsInstance(s, 'Db', { dbInstanceIdentifier: 'db', maxCpuPercent: 100, minFreeStorageBytes: 1, backends: allBackends() }),
    { constructPath: 'test/Db', prop: 'maxCpuPercent', received: '100', accepted: 'a percentage above 0 and below 100' }],
  ['NaN free storage', (s) => MonitorPresets.rdsInstance(s, 'Db', { dbInstanceIdentifier: 'db', maxCpuPercent: 80, minFreeStorageBytes: NaN, backends: allBackends() }),
    { constructPath: 'test/Db', prop: 'minFreeStorageBytes', received: 'NaN', accepted: 'a number of 0 or more' }],
  ['negative connections', (s) => MonitorPresets.rdsInstance(s, 'Db', { dbInstanceIdentifier: 'db', maxCpuPercent: 80, minFreeStorageBytes: 1, maxConnections: -1, backends: allBackends() }),
    { constructPath: 'test/Db', prop: 'maxConnections', received: '-1', accepted: 'a number of 0 or more' }],
  ['a negative write throttle threshold', (s) => MonitorPresets.dynamoDbTable(s, 'T', { tableName: 'carts', maxWriteThrottleEvents: -1, backends: allBackends() }),
    { constructPath: 'test/T', prop: 'maxWriteThrottleEvents', received: '-1', accepted: 'a number of 0 or more' }],
  ['an ECS CPU of 120 %', (s) => MonitorPresets.ecsService(s, 'Svc', { clusterName: 'c', serviceName: 's', maxCpuPercent: 120, maxMemoryPercent: 80, backends: allBackends() }),
    { constructPath: 'test/Svc', prop: 'maxCpuPercent', received: '120', accepted: 'a percentage above 0 and below 100' }],
  ['an ECS memory of 0 %', (s) => MonitorPresets.ecsService(s, 'Svc', { clusterName: 'c', serviceName: 's', maxCpuPercent: 80, maxMemoryPercent: 0, backends: allBackends() }),
    { constructPath: 'test/Svc', prop: 'maxMemoryPercent', received: '0', accepted: 'a percentage above 0 and below 100' }],
];

test.each(cases)('%s', (_name, make, expected) => {
  const e = validationError(() => make(presetStack()));
  expect(e).toEqual({ ...expected, message: `${expected.constructPath}: '${expected.prop}' must be ${expected.accepted}; received ${expected.received}` });
});

test('a rejected threshold stops the preset before its monitor is made', () => {
  const stack = presetStack();
  validationError(() => MonitorPresets.ecsService(stack, 'Svc', { clusterName: 'c', serviceName: 's', maxCpuPercent: 80, maxMemoryPercent: 100, backends: allBackends() }));
  const group = stack.node.findChild('Svc');
  expect(group.node.children.map((c) => c.node.id)).toEqual(['Cpu']);
});
