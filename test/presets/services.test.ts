/**
 * Each service preset as synthesized: which resources it makes and, per monitor, the metric,
 * statistic, comparison, threshold and window of its CloudWatch alarm, its Datadog query and
 * its Grafana rule.
 */
import { alarm, alarmShape, allBackends, counts, datadogQuery, grafanaRule, presetStack } from './support';
import { MonitorPresets, Severity } from '../../src';
import { synthStack } from '../support/synth';

const TYPES = ['aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group'];
const each = (n: number) => ({ aws_cloudwatch_metric_alarm: n, datadog_monitor: n, grafana_rule_group: n });

describe('Lambda', () => {
  const stack = presetStack();
  const g = MonitorPresets.lambdaFunction(stack, 'Checkout', { functionName: 'checkout', maxErrors: 5, maxDurationP99Ms: 2400, backends: allBackends() });
  const json = synthStack(stack);
  const fn = { FunctionName: 'checkout' };

  test('three monitors, each on every backend', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['Errors', 'Throttles', 'DurationP99']);
    expect(counts(json, ...TYPES)).toEqual(each(3));
  });

  test('errors: Sum over 5 minutes above maxErrors, no data is not breaching', () => {
    expect(alarmShape(json, 'checkout: Lambda errors')).toEqual({
      namespace: 'AWS/Lambda',
      metric_name: 'Errors',
      dimensions: fn,
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 5,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    });
    expect(alarm(json, 'checkout: Lambda errors').alarm_description).toBe('Lambda function checkout has more than 5 errors in 5 minutes.');
    expect(datadogQuery(json, 'checkout: Lambda errors')).toBe('sum(last_5m):sum:aws.lambda.errors{functionname:checkout}.as_count() > 5');
  });

  test('throttles: above 0 when maxThrottles is left out', () => {
    expect(alarmShape(json, 'checkout: Lambda throttles')).toEqual({
      namespace: 'AWS/Lambda',
      metric_name: 'Throttles',
      dimensions: fn,
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    });
  });

  test('p99 duration: an extended statistic above maxDurationP99Ms', () => {
    expect(alarmShape(json, 'checkout: Lambda p99 duration')).toEqual({
      namespace: 'AWS/Lambda',
      metric_name: 'Duration',
      dimensions: fn,
      extended_statistic: 'p99',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 2400,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    });
    expect(alarm(json, 'checkout: Lambda p99 duration').alarm_description).toBe('The p99 duration of Lambda function checkout exceeds 2400 ms.');
    expect(datadogQuery(json, 'checkout: Lambda p99 duration')).toBe('avg(last_5m):avg:aws.lambda.duration.p99{functionname:checkout} > 2400');
    const rule = grafanaRule(json, 'checkout: Lambda p99 duration');
    expect(rule.query).toMatchObject({ namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: fn, statistic: 'p99', period: '300' });
    expect(rule.threshold.conditions[0].evaluator).toEqual({ type: 'gt', params: [2400] });
    expect(rule.noData).toBe('OK');
  });

  test('maxThrottles and titlePrefix when given', () => {
    const s = presetStack();
    MonitorPresets.lambdaFunction(s, 'Fn', { functionName: 'checkout', maxErrors: 1, maxDurationP99Ms: 100, maxThrottles: 7, titlePrefix: 'shop', backends: allBackends() });
    const j = synthStack(s);
    expect(alarm(j, 'shop: Lambda throttles').threshold).toBe(7);
    expect(alarm(j, 'shop: Lambda errors').tags).toEqual({ severity: 'sev2' });
  });
});

describe('Application Load Balancer', () => {
  const stack = presetStack();
  const lb = 'app/web/50dc6c495c0c9188';
  const g = MonitorPresets.applicationLoadBalancer(stack, 'Web', {
    loadBalancer: lb, targetGroup: 'targetgroup/web/6d0ecf831eec9f09', maxTarget5xx: 10, maxResponseTimeP99Seconds: 1.5, backends: allBackends(),
  });
  const json = synthStack(stack);

  test('four monitors with a target group', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['Target5xx', 'Elb5xx', 'ResponseTimeP99', 'UnhealthyHosts']);
    expect(counts(json, ...TYPES)).toEqual(each(4));
  });

  test('target and ELB 5xx: Sum over 5 minutes, the ELB\'s own above 0 by default', () => {
    const common = {
      namespace: 'AWS/ApplicationELB',
      dimensions: { LoadBalancer: lb },
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    };
    expect(alarmShape(json, 'web: ALB target 5xx')).toEqual({ ...common, metric_name: 'HTTPCode_Target_5XX_Count', threshold: 10 });
    expect(alarmShape(json, 'web: ALB 5xx')).toEqual({ ...common, metric_name: 'HTTPCode_ELB_5XX_Count', threshold: 0 });
    expect(datadogQuery(json, 'web: ALB target 5xx')).toBe(`sum(last_5m):sum:aws.applicationelb.httpcode_target_5xx{loadbalancer:${lb}}.as_count() > 10`);
  });

  test('p99 response time in seconds', () => {
    expect(alarmShape(json, 'web: ALB p99 response time')).toEqual({
      namespace: 'AWS/ApplicationELB',
      metric_name: 'TargetResponseTime',
      dimensions: { LoadBalancer: lb },
      extended_statistic: 'p99',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 1.5,
      period: 300,
      evaluation_periods: 1,
      datapoints_to_alarm: 1,
      treat_missing_data: 'notBreaching',
    });
  });

  test('unhealthy hosts: Maximum per minute above 0 for five minutes in a row', () => {
    expect(alarmShape(json, 'web: unhealthy targets')).toEqual({
      namespace: 'AWS/ApplicationELB',
      metric_name: 'UnHealthyHostCount',
      dimensions: { LoadBalancer: lb, TargetGroup: 'targetgroup/web/6d0ecf831eec9f09' },
      statistic: 'Maximum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      treat_missing_data: 'missing',
    });
    expect(grafanaRule(json, 'web: unhealthy targets').noData).toBe('NoData');
  });

  test('no unhealthy-host monitor without a target group; maxElb5xx when given', () => {
    const s = presetStack();
    const lbOnly = MonitorPresets.applicationLoadBalancer(s, 'Lb', { loadBalancer: lb, maxTarget5xx: 1, maxResponseTimeP99Seconds: 1, maxElb5xx: 3, backends: allBackends() });
    expect(lbOnly.monitors.map((m) => m.node.id)).toEqual(['Target5xx', 'Elb5xx', 'ResponseTimeP99']);
    expect(alarm(synthStack(s), 'web: ALB 5xx').threshold).toBe(3);
  });
});

describe('SQS', () => {
  const stack = presetStack();
  const g = MonitorPresets.sqsQueue(stack, 'Orders', {
    queueName: 'orders', maxAgeOfOldestMessageSeconds: 600, maxVisibleMessages: 1000, deadLetterQueueName: 'orders-dlq', backends: allBackends(), severity: Severity.SEV3,
  });
  const json = synthStack(stack);
  const common = {
    namespace: 'AWS/SQS',
    statistic: 'Maximum',
    comparison_operator: 'GreaterThanThreshold',
    period: 300,
    evaluation_periods: 1,
    datapoints_to_alarm: 1,
    treat_missing_data: 'missing',
  };

  test('oldest message, backlog and dead letters', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['OldestMessage', 'Backlog', 'DeadLetters']);
    expect(counts(json, ...TYPES)).toEqual(each(3));
  });

  test('age and backlog: Maximum over 5 minutes; no data is its own state', () => {
    expect(alarmShape(json, 'orders: oldest message age')).toEqual({
      ...common, metric_name: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: 'orders' }, threshold: 600,
    });
    expect(alarmShape(json, 'orders: backlog')).toEqual({ ...common, metric_name: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: 'orders' }, threshold: 1000 });
    expect(alarm(json, 'orders: oldest message age').tags).toEqual({ severity: 'sev3' });
    // Datadog lists aws.sqs.approximate_age_of_oldest_message and no .maximum variant: the listed gauge, max-aggregated
    expect(datadogQuery(json, 'orders: oldest message age')).toBe('max(last_5m):max:aws.sqs.approximate_age_of_oldest_message{queuename:orders} > 600');
  });

  test('dead letters: any visible message in the dead-letter queue', () => {
    expect(alarmShape(json, 'orders: dead letters')).toEqual({
      ...common, metric_name: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: 'orders-dlq' }, threshold: 0,
    });
    expect(alarm(json, 'orders: dead letters').alarm_description).toBe('Messages of queue orders landed in its dead-letter queue orders-dlq.');
  });

  test('only the age monitor without the optional props', () => {
    const s = presetStack();
    expect(MonitorPresets.sqsQueue(s, 'Q', { queueName: 'jobs.fifo', maxAgeOfOldestMessageSeconds: 60, backends: allBackends() }).monitors.map((m) => m.node.id))
      .toEqual(['OldestMessage']);
  });
});

describe('RDS', () => {
  const stack = presetStack();
  const g = MonitorPresets.rdsInstance(stack, 'Db', {
    dbInstanceIdentifier: 'orders-db', maxCpuPercent: 90, minFreeStorageBytes: 10e9, minFreeableMemoryBytes: 256e6, maxConnections: 400, backends: allBackends(),
  });
  const json = synthStack(stack);
  const db = { DBInstanceIdentifier: 'orders-db' };
  const common = { namespace: 'AWS/RDS', dimensions: db, period: 300, treat_missing_data: 'missing' };

  test('CPU, free storage, freeable memory and connections', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['Cpu', 'FreeStorage', 'FreeableMemory', 'Connections']);
    expect(counts(json, ...TYPES)).toEqual(each(4));
  });

  test('CPU: the average above the percentage for three periods of three', () => {
    expect(alarmShape(json, 'orders-db: RDS CPU')).toEqual({
      ...common, metric_name: 'CPUUtilization', statistic: 'Average', comparison_operator: 'GreaterThanThreshold', threshold: 90, evaluation_periods: 3, datapoints_to_alarm: 3,
    });
    expect(datadogQuery(json, 'orders-db: RDS CPU')).toBe('avg(last_15m):avg:aws.rds.cpuutilization{dbinstanceidentifier:orders-db} > 90');
  });

  test('free storage and freeable memory: the minimum below the bytes; memory sustained, storage at once', () => {
    expect(alarmShape(json, 'orders-db: RDS free storage')).toEqual({
      ...common, metric_name: 'FreeStorageSpace', statistic: 'Minimum', comparison_operator: 'LessThanThreshold', threshold: 10e9, evaluation_periods: 1, datapoints_to_alarm: 1,
    });
    expect(alarmShape(json, 'orders-db: RDS freeable memory')).toEqual({
      ...common, metric_name: 'FreeableMemory', statistic: 'Minimum', comparison_operator: 'LessThanThreshold', threshold: 256e6, evaluation_periods: 3, datapoints_to_alarm: 3,
    });
    expect(grafanaRule(json, 'orders-db: RDS free storage').threshold.conditions[0].evaluator).toEqual({ type: 'lt', params: [10e9] });
  });

  test('connections: the maximum above maxConnections', () => {
    expect(alarmShape(json, 'orders-db: RDS connections')).toEqual({
      ...common, metric_name: 'DatabaseConnections', statistic: 'Maximum', comparison_operator: 'GreaterThanThreshold', threshold: 400, evaluation_periods: 1, datapoints_to_alarm: 1,
    });
  });

  test('CPU and storage only without the optional props', () => {
    const s = presetStack();
    expect(MonitorPresets.rdsInstance(s, 'Db', { dbInstanceIdentifier: 'db1', maxCpuPercent: 80, minFreeStorageBytes: 1, backends: allBackends() }).monitors.map((m) => m.node.id))
      .toEqual(['Cpu', 'FreeStorage']);
  });
});

describe('DynamoDB', () => {
  const stack = presetStack();
  const g = MonitorPresets.dynamoDbTable(stack, 'Carts', { tableName: 'carts', maxWriteThrottleEvents: 25, backends: allBackends() });
  const json = synthStack(stack);
  const common = {
    namespace: 'AWS/DynamoDB',
    dimensions: { TableName: 'carts' },
    statistic: 'Sum',
    comparison_operator: 'GreaterThanThreshold',
    period: 300,
    evaluation_periods: 1,
    datapoints_to_alarm: 1,
    treat_missing_data: 'notBreaching',
  };

  test('read and write throttles: Sum over 5 minutes, above 0 unless given', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ReadThrottles', 'WriteThrottles']);
    expect(counts(json, ...TYPES)).toEqual(each(2));
    expect(alarmShape(json, 'carts: DynamoDB read throttles')).toEqual({ ...common, metric_name: 'ReadThrottleEvents', threshold: 0 });
    expect(alarmShape(json, 'carts: DynamoDB write throttles')).toEqual({ ...common, metric_name: 'WriteThrottleEvents', threshold: 25 });
    expect(datadogQuery(json, 'carts: DynamoDB read throttles')).toBe('sum(last_5m):sum:aws.dynamodb.read_throttle_events{tablename:carts}.as_count() > 0');
  });
});

describe('ECS', () => {
  const stack = presetStack();
  const g = MonitorPresets.ecsService(stack, 'Api', { clusterName: 'prod', serviceName: 'api', maxCpuPercent: 85, maxMemoryPercent: 90, backends: allBackends() });
  const json = synthStack(stack);
  const common = {
    namespace: 'AWS/ECS',
    dimensions: { ClusterName: 'prod', ServiceName: 'api' },
    statistic: 'Average',
    comparison_operator: 'GreaterThanThreshold',
    period: 300,
    evaluation_periods: 3,
    datapoints_to_alarm: 3,
    treat_missing_data: 'missing',
  };

  test('CPU and memory: the average above the percentage for three periods of three', () => {
    expect(g.monitors.map((m) => m.node.id)).toEqual(['Cpu', 'Memory']);
    expect(counts(json, ...TYPES)).toEqual(each(2));
    expect(alarmShape(json, 'prod/api: ECS CPU')).toEqual({ ...common, metric_name: 'CPUUtilization', threshold: 85 });
    expect(alarmShape(json, 'prod/api: ECS memory')).toEqual({ ...common, metric_name: 'MemoryUtilization', threshold: 90 });
    // Grafana evaluates every 5 minutes: breaching at the first evaluation and for two periods more.
    expect(grafanaRule(json, 'prod/api: ECS memory').for).toBe('600s');
  });
});
