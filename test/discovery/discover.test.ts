/**
 * Monitoring.discover(): the AWS resources of a stack get their preset monitors, with Terraform
 * references to them, when the stack is synthesized.
 */
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Testing, TerraformStack } from 'cdktf';
import { DashboardBackend, DiscoverableType, DiscoveryOptions, MonitorBackend, Monitoring, Severity } from '../../src';
import { presetStack, validationError, warningsOf } from '../presets/support';
import { synthStack } from '../support/synth';

const OPTIONS: DiscoveryOptions = {
  backends: [MonitorBackend.cloudwatch()],
  lambdaMaxErrors: 5,
  lambdaMaxDurationP99Ms: 2000,
  sqsMaxAgeOfOldestMessageSeconds: 600,
};

function addAll(stack: TerraformStack): void {
  new LambdaFunction(stack, 'fn', { functionName: 'orders', role: 'arn:aws:iam::123456789012:role/r', runtime: 'nodejs20.x', handler: 'index.handler', filename: 'f.zip' });
  new SqsQueue(stack, 'queue', { name: 'orders' });
  new DynamodbTable(stack, 'table', { name: 'orders', hashKey: 'id', attribute: [{ name: 'id', type: 'S' }], billingMode: 'PAY_PER_REQUEST' });
  new SnsTopic(stack, 'topic', { name: 'orders' });
}

/** The dimension values of every CloudWatch alarm, by namespace. */
function dimensionsByNamespace(json: any): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of Object.values<any>(json.resource?.aws_cloudwatch_metric_alarm ?? {})) {
    (out[a.namespace] ??= []).push(...Object.values<string>(a.dimensions));
  }
  for (const k of Object.keys(out)) out[k] = [...new Set(out[k])].sort();
  return out;
}

/** Every warning in the stack's tree. */
function allWarnings(stack: TerraformStack): string[] {
  return stack.node.findAll().flatMap((c) => warningsOf(c));
}

describe('Monitoring.discover', () => {
  test('a lambda, a queue, a table and a topic get their monitors, each dimension a reference to its resource', () => {
    const stack = presetStack();
    addAll(stack);
    const d = Monitoring.discover(stack, OPTIONS);
    const json = synthStack(stack);
    expect(dimensionsByNamespace(json)).toEqual({
      'AWS/Lambda': ['${aws_lambda_function.fn.function_name}'],
      'AWS/SQS': ['${aws_sqs_queue.queue.name}'],
      'AWS/DynamoDB': ['${aws_dynamodb_table.table.name}'],
      'AWS/SNS': ['${aws_sns_topic.topic.name}'],
    });
    expect(d.node.children.map((c) => c.node.id).sort()).toEqual(['fn', 'queue', 'table', 'topic']);
    expect(allWarnings(stack)).toEqual([]);
  });

  test('a resource created after discover() is found', () => {
    const stack = presetStack();
    Monitoring.discover(stack, OPTIONS);
    new SnsTopic(stack, 'late', { name: 'late' });
    expect(dimensionsByNamespace(synthStack(stack))).toEqual({ 'AWS/SNS': ['${aws_sns_topic.late.name}'] });
  });

  test('Monitoring.exclude(resource) and exclude: [type] leave resources out', () => {
    const stack = presetStack();
    addAll(stack);
    new SnsTopic(stack, 'other', { name: 'other' });
    Monitoring.exclude(stack.node.findChild('other') as SnsTopic);
    Monitoring.discover(stack, { ...OPTIONS, exclude: [DiscoverableType.LAMBDA_FUNCTION, DiscoverableType.SQS_QUEUE] });
    expect(dimensionsByNamespace(synthStack(stack))).toEqual({
      'AWS/DynamoDB': ['${aws_dynamodb_table.table.name}'],
      'AWS/SNS': ['${aws_sns_topic.topic.name}'],
    });
  });

  test('a stack with nothing to monitor gets a warning, not an error', () => {
    const stack = presetStack();
    Monitoring.discover(stack, OPTIONS);
    const json = synthStack(stack);
    expect(json.resource?.aws_cloudwatch_metric_alarm).toBeUndefined();
    expect(warningsOf(stack)).toEqual(['Monitoring.discover: no resource of this stack is monitored (none of a discoverable type, or all skipped)']);
  });

  test('two synths are byte-identical', () => {
    const build = () => {
      const stack = presetStack();
      addAll(stack);
      Monitoring.discover(stack, OPTIONS);
      return Testing.synth(stack);
    };
    const a = build();
    expect(a).toContain('aws_cloudwatch_metric_alarm');
    expect(build()).toBe(a);
  });

  test('a missing required threshold skips that resource with a warning naming its path and the option', () => {
    const stack = presetStack();
    addAll(stack);
    Monitoring.discover(stack, { backends: OPTIONS.backends, lambdaMaxErrors: 5 });
    const json = synthStack(stack);
    expect(Object.keys(dimensionsByNamespace(json)).sort()).toEqual(['AWS/DynamoDB', 'AWS/SNS']);
    expect(allWarnings(stack).sort()).toEqual([
      'Monitoring.discover: test/fn (aws_lambda_function) is not monitored: option lambdaMaxDurationP99Ms is not given',
      'Monitoring.discover: test/queue (aws_sqs_queue) is not monitored: option sqsMaxAgeOfOldestMessageSeconds is not given',
    ]);
  });

  test.each([
    ['empty backends', { backends: [] }, 'backends', '[]', 'a non-empty list of monitor backends'],
    ['missing backends', {}, 'backends', 'undefined', 'a non-empty list of monitor backends'],
    ['unknown exclude value', { backends: OPTIONS.backends, exclude: ['aws_s3_bucket'] }, 'exclude', '"aws_s3_bucket"', 'one of aws_lambda_function'],
  ])('%s is a ValidationError naming path, prop, value and what is accepted', (_name, options, prop, received, accepted) => {
    const stack = presetStack();
    const e = validationError(() => Monitoring.discover(stack, options as any));
    expect(e.constructPath).toBe('test/MonitoringDiscovery');
    expect(e.prop).toBe(prop);
    expect(e.received).toBe(received);
    expect(e.accepted).toContain(accepted);
  });

  test('Monitoring.customize(): title prefix, severity, tags and runbook of one resource', () => {
    const stack = presetStack();
    const topic = new SnsTopic(stack, 'topic', { name: 'orders' });
    new SqsQueue(stack, 'queue', { name: 'orders' });
    Monitoring.customize(topic, { titlePrefix: 'Orders topic', severity: Severity.SEV4, tags: { team: 'orders' }, runbookUrl: 'https://runbooks.example.com/orders' });
    Monitoring.discover(stack, { ...OPTIONS, tags: { env: 'prod', team: 'platform' } });
    const alarms = Object.values<any>(synthStack(stack).resource.aws_cloudwatch_metric_alarm);
    const sns = alarms.filter((a) => a.namespace === 'AWS/SNS');
    const sqs = alarms.filter((a) => a.namespace === 'AWS/SQS');
    expect(sns.map((a) => a.alarm_name).sort()).toEqual(['Orders topic: failed notifications', 'Orders topic: messages with invalid attributes']);
    for (const a of sns) expect(a.tags).toEqual({ env: 'prod', severity: 'sev4', team: 'orders' });
    for (const a of sns) expect(JSON.stringify(a)).toContain('https://runbooks.example.com/orders');
    expect(sqs.map((a) => a.alarm_name)).toEqual(['${aws_sqs_queue.queue.name}: oldest message age']);
    for (const a of sqs) expect(a.tags).toEqual({ env: 'prod', severity: 'sev2', team: 'platform' });
    for (const a of sqs) expect(a.alarm_description).not.toContain('Runbook');
  });

  test('a title prefix containing ${ is escaped on monitors created during synthesis', () => {
    const stack = presetStack();
    const topic = new SnsTopic(stack, 'topic', { name: 'orders' });
    Monitoring.customize(topic, { titlePrefix: 'a${b}%{c}' });
    Monitoring.discover(stack, OPTIONS);
    const text = Testing.synth(stack);
    const alarms = Object.values<any>(JSON.parse(text).resource.aws_cloudwatch_metric_alarm);
    expect(alarms.length).toBe(2);
    for (const a of alarms) expect(a.alarm_name).toMatch(/^a\$\$\{b\}%%\{c\}: /);
    // The reference in the dimensions stays a reference.
    for (const a of alarms) expect(a.dimensions.TopicName).toBe('${aws_sns_topic.topic.name}');
  });

  test('dashboardBackends: one dashboard with rows for each resource monitored', () => {
    const stack = presetStack();
    addAll(stack);
    Monitoring.discover(stack, { ...OPTIONS, dashboardBackends: [DashboardBackend.cloudwatch()], dashboardTitle: 'Orders' });
    const json = synthStack(stack);
    const dashboards = Object.values<any>(json.resource.aws_cloudwatch_dashboard);
    expect(dashboards).toHaveLength(1);
    const body = JSON.parse(dashboards[0].dashboard_body);
    const text = JSON.stringify(body);
    for (const ref of ['${aws_lambda_function.fn.function_name}', '${aws_sqs_queue.queue.name}', '${aws_dynamodb_table.table.name}', '${aws_sns_topic.topic.name}']) {
      expect(text).toContain(ref);
    }
  });

  test('no dashboard when nothing is monitored; an empty dashboardBackends is a ValidationError', () => {
    const stack = presetStack();
    Monitoring.discover(stack, { ...OPTIONS, dashboardBackends: [DashboardBackend.cloudwatch()] });
    expect(synthStack(stack).resource?.aws_cloudwatch_dashboard).toBeUndefined();
    const e = validationError(() => Monitoring.discover(presetStack(), { ...OPTIONS, dashboardBackends: [] }));
    expect(e).toMatchObject({ constructPath: 'test/MonitoringDiscovery', prop: 'dashboardBackends', received: '[]' });
  });

  test('a preset validation error raised during synthesis surfaces', () => {
    const stack = presetStack();
    addAll(stack);
    Monitoring.discover(stack, { ...OPTIONS, lambdaMaxErrors: -1 });
    const e = validationError(() => Testing.synth(stack));
    expect(e.constructPath).toBe('test/MonitoringDiscovery/fn');
    expect(e.prop).toBe('maxErrors');
    expect(e.received).toBe('-1');
  });
});
