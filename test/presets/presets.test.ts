import { Severity, MonitorBackend, MonitorPresets, NotificationTarget } from '../../src/index';
import { connect } from '../monitors/fixtures';
import { newStack, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

const backends = () => [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })];

function presetStack() {
  const stack = newStack();
  connect(stack);
  const mail = NotificationTarget.email({ address: 'oncall@acme.example' });
  const lambda = MonitorPresets.lambdaFunction(stack, 'Checkout', { functionName: 'checkout', maxErrors: 5, maxDurationP99Ms: 2400, backends: backends(), targets: [mail] });
  const alb = MonitorPresets.applicationLoadBalancer(stack, 'Web', {
    loadBalancer: 'app/web/50dc6c495c0c9188', targetGroup: 'targetgroup/web/6d0ecf831eec9f09', maxTarget5xx: 10, maxResponseTimeP99Seconds: 1.5, backends: backends(),
  });
  const sqs = MonitorPresets.sqsQueue(stack, 'Orders', {
    queueName: 'orders', maxAgeOfOldestMessageSeconds: 600, maxVisibleMessages: 1000, deadLetterQueueName: 'orders-dlq', backends: backends(), severity: Severity.SEV3,
  });
  const rds = MonitorPresets.rdsInstance(stack, 'Db', {
    dbInstanceIdentifier: 'orders-db', maxCpuPercent: 90, minFreeStorageBytes: 10e9, minFreeableMemoryBytes: 256e6, maxConnections: 400, backends: backends(),
  });
  const ddb = MonitorPresets.dynamoDbTable(stack, 'Carts', { tableName: 'carts', backends: backends() });
  const ecs = MonitorPresets.ecsService(stack, 'Api', { clusterName: 'prod', serviceName: 'api', maxCpuPercent: 85, maxMemoryPercent: 90, backends: backends() });
  lambda.addTarget(NotificationTarget.slack({ channel: 'checkout-alerts', channelId: 'C0123ABCD' }));
  return { stack, lambda, alb, sqs, rds, ddb, ecs, json: synthStack(stack) };
}

describe('MonitorPresets', () => {
  const { lambda, alb, sqs, rds, ddb, ecs, json } = presetStack();
  const alarm = (name: string) => Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).find((a) => a.alarm_name === name);
  const query = (name: string) => Object.values<any>(json.resource.datadog_monitor).find((m) => m.name === name).query;

  test('each preset makes its monitors', () => {
    expect(lambda.monitors.map((m) => m.node.id)).toEqual(['Errors', 'Throttles', 'DurationP99']);
    expect(alb.monitors.map((m) => m.node.id)).toEqual(['Target5xx', 'Elb5xx', 'ResponseTimeP99', 'UnhealthyHosts']);
    expect(sqs.monitors.map((m) => m.node.id)).toEqual(['OldestMessage', 'Backlog', 'DeadLetters']);
    expect(rds.monitors.map((m) => m.node.id)).toEqual(['Cpu', 'FreeStorage', 'FreeableMemory', 'Connections']);
    expect(ddb.monitors.map((m) => m.node.id)).toEqual(['ReadThrottles', 'WriteThrottles']);
    expect(ecs.monitors.map((m) => m.node.id)).toEqual(['Cpu', 'Memory']);
    expect(Object.keys(json.resource.aws_cloudwatch_metric_alarm)).toHaveLength(18);
    expect(Object.keys(json.resource.datadog_monitor)).toHaveLength(18);
    expect(Object.keys(json.resource.grafana_rule_group)).toHaveLength(18);
  });

  test('Lambda: errors, throttles and p99 duration; targets added to the group reach every monitor', () => {
    expect(alarm('checkout: Lambda errors')).toMatchObject({
      namespace: 'AWS/Lambda', metric_name: 'Errors', statistic: 'Sum', threshold: 5, period: 300, treat_missing_data: 'notBreaching', dimensions: { FunctionName: 'checkout' },
    });
    expect(alarm('checkout: Lambda throttles')).toMatchObject({ metric_name: 'Throttles', threshold: 0, comparison_operator: 'GreaterThanThreshold' });
    expect(alarm('checkout: Lambda p99 duration')).toMatchObject({ metric_name: 'Duration', extended_statistic: 'p99', threshold: 2400 });
    expect(query('checkout: Lambda p99 duration')).toBe('avg(last_5m):avg:aws.lambda.duration.p99{functionname:checkout} > 2400');
    expect(lambda.monitor('Errors').targets.map((t) => t.targetId)).toEqual(['email-oncall-at-acme-example', 'slack-checkout-alerts']);
    expect(alarm('checkout: Lambda throttles').alarm_actions).toHaveLength(2);
  });

  test('ALB: target and ELB 5xx, p99 response time, unhealthy hosts', () => {
    expect(query('web: ALB target 5xx')).toBe('sum(last_5m):sum:aws.applicationelb.httpcode_target_5xx{loadbalancer:app/web/50dc6c495c0c9188}.as_count() > 10');
    expect(query('web: ALB 5xx')).toBe('sum(last_5m):sum:aws.applicationelb.httpcode_elb_5xx{loadbalancer:app/web/50dc6c495c0c9188}.as_count() > 0');
    expect(alarm('web: ALB p99 response time')).toMatchObject({ metric_name: 'TargetResponseTime', extended_statistic: 'p99', threshold: 1.5 });
    expect(alarm('web: unhealthy targets')).toMatchObject({
      metric_name: 'UnHealthyHostCount',
      statistic: 'Maximum',
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      dimensions: { LoadBalancer: 'app/web/50dc6c495c0c9188', TargetGroup: 'targetgroup/web/6d0ecf831eec9f09' },
    });
  });

  test('SQS, RDS, DynamoDB and ECS', () => {
    expect(alarm('orders: oldest message age')).toMatchObject({ metric_name: 'ApproximateAgeOfOldestMessage', statistic: 'Maximum', threshold: 600, tags: { severity: 'sev3' } });
    expect(alarm('orders: dead letters')).toMatchObject({ dimensions: { QueueName: 'orders-dlq' }, threshold: 0 });
    expect(alarm('orders-db: RDS free storage')).toMatchObject({ metric_name: 'FreeStorageSpace', statistic: 'Minimum', comparison_operator: 'LessThanThreshold', threshold: 10e9 });
    expect(query('orders-db: RDS CPU')).toBe('avg(last_15m):avg:aws.rds.cpuutilization{dbinstanceidentifier:orders-db} > 90');
    expect(query('carts: DynamoDB read throttles')).toBe('sum(last_5m):sum:aws.dynamodb.read_throttle_events{tablename:carts}.as_count() > 0');
    expect(alarm('prod/api: ECS memory')).toMatchObject({ dimensions: { ClusterName: 'prod', ServiceName: 'api' }, metric_name: 'MemoryUtilization', threshold: 90 });
  });

  test('the AWS part validates against the real AWS provider', () => {
    const result = validator.validate(awsPart(json)!.json);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('MonitorPresets validation', () => {
  const stack = () => {
    const s = newStack();
    connect(s);
    return s;
  };
  test.each([
    ['a negative threshold', (s: any) => MonitorPresets.lambdaFunction(s, 'Fn', { functionName: 'f', maxErrors: -1, maxDurationP99Ms: 100, backends: backends() }),
      "test/Fn: 'maxErrors' must be a number of 0 or more; received -1"],
    ['an ALB ARN instead of the dimension', (s: any) => MonitorPresets.applicationLoadBalancer(s, 'Lb', {
      loadBalancer: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188', maxTarget5xx: 1, maxResponseTimeP99Seconds: 1, backends: backends(),
    }), "test/Lb: 'loadBalancer' must be the LoadBalancer dimension app/<name>/<id>; received \"arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188\""],
    ['a CPU percentage of 120', (s: any) => MonitorPresets.ecsService(s, 'Svc', { clusterName: 'c', serviceName: 's', maxCpuPercent: 120, maxMemoryPercent: 80, backends: backends() }),
      "test/Svc: 'maxCpuPercent' must be a percentage above 0 and below 100; received 120"],
    ['a queue name with a slash', (s: any) => MonitorPresets.sqsQueue(s, 'Q', { queueName: 'a/b', maxAgeOfOldestMessageSeconds: 60, backends: backends() }),
      "test/Q: 'queueName' must be an SQS queue name (1-80 letters, digits, - or _, optionally .fifo); received \"a/b\""],
  ])('%s', (_name, make, message) => {
    expect(() => make(stack())).toThrow(message);
  });
});
