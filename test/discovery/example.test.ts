/**
 * examples/discovery: every kind of resource the example declares gets its monitors on
 * CloudWatch and Datadog, found by Monitoring.discover(); the type left out, the resource
 * excluded and the resource customized are as the example says.
 */
import { discoveryExample } from '../../examples/discovery/main';
import { synthApp } from '../support/synth';

const json = synthApp((app) => discoveryExample(app)).stacks.discovery;
const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm ?? {});
const monitors = Object.entries<any>(json.resource.datadog_monitor ?? {});

/** The resources (`type.name`) that `value` refers to by Terraform reference. */
function referenced(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...new Set([...text.matchAll(/\b(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+/g)].map((m) => `${m[1]}.${m[2]}`))].sort();
}

/** CloudWatch alarms per resource their dimensions refer to. */
function alarmsByResource(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of alarms) {
    const refs = referenced(a.dimensions);
    expect({ alarm: a.alarm_name, refs: refs.length }).toEqual({ alarm: a.alarm_name, refs: 1 });
    out[refs[0]] = (out[refs[0]] ?? 0) + 1;
  }
  return out;
}

/** Datadog monitors per discovered resource: the resource its query's tag filters refer to (lower-cased by Terraform). */
function monitorsByResource(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, m] of monitors) {
    expect({ key, placeholder: /tftoken|TfToken/i.test(m.query) }).toEqual({ key, placeholder: false });
    const refs = [...new Set([...String(m.query).matchAll(/\$\{lower\((?:element\(reverse\(split\("\/", )?(aws_[a-z0-9_]+\.[A-Za-z0-9_]+)\./g)].map((x) => x[1]))];
    expect({ key, refs: refs.length }).toEqual({ key, refs: 1 });
    out[refs[0]] = (out[refs[0]] ?? 0) + 1;
  }
  return out;
}

describe('examples/discovery', () => {
  test('the stack declares at least ten kinds of discoverable AWS resources', () => {
    const kinds = ['aws_lambda_function', 'aws_sqs_queue', 'aws_dynamodb_table', 'aws_sns_topic', 'aws_sfn_state_machine', 'aws_kinesis_stream',
      'aws_cloudwatch_event_rule', 'aws_lb', 'aws_ecs_service', 'aws_db_instance', 'aws_elasticache_cluster', 'aws_apigatewayv2_stage',
      'aws_route53_health_check', 'aws_autoscaling_group'];
    for (const kind of kinds) expect({ kind, declared: Object.keys(json.resource[kind] ?? {}).length > 0 }).toEqual({ kind, declared: true });
  });

  test('CloudWatch: the alarms of each discovered resource refer to it', () => {
    expect(alarmsByResource()).toEqual({
      'aws_lambda_function.OrdersFunction': 3,
      'aws_sqs_queue.OrdersQueue': 1,
      'aws_dynamodb_table.OrdersTable': 2,
      'aws_sns_topic.OrderEvents': 2,
      'aws_sfn_state_machine.Fulfilment': 3,
      'aws_kinesis_stream.OrderStream': 3,
      'aws_cloudwatch_event_rule.OrderPlaced': 2,
      'aws_lb.Alb': 3,
      'aws_ecs_service.Worker': 2,
      'aws_db_instance.Database': 2,
      'aws_elasticache_cluster.SessionCache': 2,
      'aws_apigatewayv2_stage.ApiStage': 2,
      'aws_autoscaling_group.Batch': 1,
    });
  });

  test('CloudWatch: every alarm notifies the team through the e-mail target\'s SNS topic', () => {
    const topics = Object.keys(json.resource.aws_sns_topic).filter((t) => t !== 'OrderEvents');
    expect(topics).toHaveLength(1);
    const subscriptions = Object.values<any>(json.resource.aws_sns_topic_subscription);
    expect(subscriptions.map((s) => [s.protocol, s.endpoint, s.topic_arn])).toEqual([['email', 'orders-team@acme.example', `\${aws_sns_topic.${topics[0]}.arn}`]]);
    for (const a of alarms) expect({ alarm: a.alarm_name, actions: a.alarm_actions }).toEqual({ alarm: a.alarm_name, actions: [`\${aws_sns_topic.${topics[0]}.arn}`] });
  });

  test('Datadog: each discovered resource has its monitors, their tag filters Terraform references to it', () => {
    expect(monitorsByResource()).toEqual({
      'aws_lambda_function.OrdersFunction': 3,
      'aws_sqs_queue.OrdersQueue': 1,
      'aws_dynamodb_table.OrdersTable': 2,
      'aws_sns_topic.OrderEvents': 2,
      'aws_sfn_state_machine.Fulfilment': 3,
      'aws_kinesis_stream.OrderStream': 3,
      // none for the EventBridge rule: Datadog's EventBridge integration publishes no metrics
      'aws_lb.Alb': 3,
      'aws_ecs_service.Worker': 2,
      'aws_db_instance.Database': 2,
      'aws_elasticache_cluster.SessionCache': 2,
      'aws_apigatewayv2_stage.ApiStage': 1,
      'aws_autoscaling_group.Batch': 1,
    });
    expect(monitors.map(([, m]) => m.query)).toEqual(expect.arrayContaining([
      'max(last_5m):max:aws.sqs.approximate_age_of_oldest_message{queuename:${lower(aws_sqs_queue.OrdersQueue.name)}} > 120',
    ]));
    // a load balancer found by discovery is titled by its construct id, not by a name known only at apply
    expect(monitors.map(([, m]) => m.name)).toEqual(expect.arrayContaining(['Alb: ALB 5xx']));
    // the monitors notify the team's address
    for (const [key, m] of monitors) expect({ key, notifies: m.message.includes('@orders-team@acme.example') }).toEqual({ key, notifies: true });
  });

  test('the type left out, the excluded dead-letter queue and the alert topic get no monitor', () => {
    const everything = JSON.stringify([alarms, monitors.map(([key, m]) => [key, m])]);
    expect(everything).not.toContain('aws_route53_health_check.');
    expect(everything).not.toContain('aws_sqs_queue.OrdersDlq');
    expect(everything).not.toContain('OrdersDlq');
    expect(everything).not.toContain('PublicHealth');
    // the dead-letter queue is discoverable: without the exclusion it would have its alarm
    expect(Object.keys(json.resource.aws_sqs_queue).sort()).toEqual(['OrdersDlq', 'OrdersQueue']);
  });

  test('the customized table: its title prefix, severity and runbook; the others keep the defaults', () => {
    const table = alarms.filter((a) => referenced(a.dimensions)[0] === 'aws_dynamodb_table.OrdersTable');
    expect(table.map((a) => a.alarm_name).sort()).toEqual(['orders table: DynamoDB read throttles', 'orders table: DynamoDB write throttles']);
    for (const a of table) {
      expect(a.tags).toEqual({ service: 'orders', team: 'commerce', severity: 'sev1' });
      expect(a.alarm_description).toContain('https://runbooks.acme.example/orders/table');
    }
    const datadogTable = monitors.filter(([key]) => key.startsWith('MonitoringDiscovery_OrdersTable_')).map(([, m]) => m);
    expect(datadogTable.map((m) => m.name).sort()).toEqual(['orders table: DynamoDB read throttles', 'orders table: DynamoDB write throttles']);
    for (const m of datadogTable) expect(m.message).toContain('https://runbooks.acme.example/orders/table');
    const others = alarms.filter((a) => referenced(a.dimensions)[0] !== 'aws_dynamodb_table.OrdersTable');
    expect(others.length).toBeGreaterThan(20);
    for (const a of others) {
      expect(a.tags.severity).not.toBe('sev1');
      expect(a.alarm_description ?? '').not.toContain('runbooks.acme.example');
    }
    // the orders queue's own threshold (customized); the others those of the discovery options
    const queueAge = alarms.find((a) => referenced(a.dimensions)[0] === 'aws_sqs_queue.OrdersQueue');
    expect(queueAge.threshold).toBe(120);
    const rdsStorage = alarms.find((a) => a.metric_name === 'FreeStorageSpace');
    expect(rdsStorage).toMatchObject({ threshold: 10e9, dimensions: { DBInstanceIdentifier: '${aws_db_instance.Database.identifier}' } });
  });

  test('one CloudWatch dashboard, with the discovered resources by reference', () => {
    const dashboards = Object.values<any>(json.resource.aws_cloudwatch_dashboard);
    expect(dashboards.map((d) => d.dashboard_name)).toEqual([expect.stringContaining('orders')]);
    const body = dashboards[0].dashboard_body;
    for (const ref of ['${aws_lambda_function.OrdersFunction.function_name}', '${aws_sqs_queue.OrdersQueue.name}', '${aws_dynamodb_table.OrdersTable.name}',
      '${aws_kinesis_stream.OrderStream.name}', '${aws_db_instance.Database.identifier}', '${aws_autoscaling_group.Batch.name}']) {
      expect(body).toContain(ref);
    }
    expect(body).not.toContain('OrdersDlq');
  });

  test('the same dashboard on Datadog, its queries filtering on the discovered resources by reference', () => {
    const dashboards = Object.values<any>(json.resource.datadog_dashboard_json);
    expect(dashboards).toHaveLength(1);
    const body = dashboards[0].dashboard;
    for (const ref of ['${lower(aws_lambda_function.OrdersFunction.function_name)}', '${lower(aws_sqs_queue.OrdersQueue.name)}', '${lower(aws_lb.Alb.arn_suffix)}']) {
      expect(body).toContain(ref);
    }
    expect(body).not.toMatch(/tftoken/i);
  });
});
