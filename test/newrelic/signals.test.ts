import { connectNewRelic, errorOf, nrMonitor, only } from './support';
import { AwsService, Errors, Signal, Statistic } from '../../src/index';
import { newStack, synthStack } from '../support/synth';

function queryOf(signal: Signal): { query: string; infos: string[] } {
  const stack = newStack();
  connectNewRelic(stack);
  const m = nrMonitor(stack, { signal });
  const json = synthStack(stack);
  const infos = m.node.metadata.filter((x: any) => x.type === '@cdktf/info').map((x: any) => String(x.data));
  return { query: only(json.resource.newrelic_nrql_alert_condition).nrql.query, infos };
}

const STREAM = "collector.name = 'cloudwatch-metric-streams'";

describe('New Relic backend: signals', () => {
  test('an NRQL signal is the condition query as it is', () => {
    const q = "SELECT percentile(duration, 95) FROM Transaction WHERE appName = 'checkout'";
    expect(queryOf(Signal.nrql({ query: q })).query).toBe(q);
  });

  test.each([
    [Statistic.AVERAGE, 'average(`aws.sqs.ApproximateAgeOfOldestMessage`)'],
    [Statistic.SUM, 'sum(`aws.sqs.ApproximateAgeOfOldestMessage`)'],
    [Statistic.MINIMUM, 'min(`aws.sqs.ApproximateAgeOfOldestMessage`)'],
    [Statistic.MAXIMUM, 'max(`aws.sqs.ApproximateAgeOfOldestMessage`)'],
    [Statistic.SAMPLE_COUNT, 'count(`aws.sqs.ApproximateAgeOfOldestMessage`)'],
    [Statistic.percentile(99), 'max(`aws.sqs.ApproximateAgeOfOldestMessage.p99`)'],
    [Statistic.percentile(99.9), 'max(`aws.sqs.ApproximateAgeOfOldestMessage.p99.9`)'],
  ])('CloudWatch statistic %p → %s over the Metric Streams metric', (statistic, select) => {
    const s = Signal.cloudWatchMetric({ namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: 'orders' }, statistic });
    expect(queryOf(s).query).toBe(`SELECT ${select} FROM Metric WHERE ${STREAM} AND \`aws.sqs.QueueName\` = 'orders'`);
  });

  test('a percentile notes that the metric stream must include it', () => {
    const s = Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, 'app/web/50dc6c495c0c9188', 'TargetResponseTime', { statistic: Statistic.percentile(95) });
    const { query, infos } = queryOf(s);
    expect(query).toBe(`SELECT max(\`aws.applicationelb.TargetResponseTime.p95\`) FROM Metric WHERE ${STREAM} AND \`aws.applicationelb.LoadBalancer\` = 'app/web/50dc6c495c0c9188'`);
    expect(infos.join('\n')).toContain('p95 statistic, which the CloudWatch metric stream must include');
  });

  test('Lambda metrics by function carry New Relic\'s .byFunction suffix; by alias .byFunctionAlias', () => {
    expect(queryOf(Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Errors')).query)
      .toBe(`SELECT sum(\`aws.lambda.Errors.byFunction\`) FROM Metric WHERE ${STREAM} AND \`aws.lambda.FunctionName\` = 'checkout'`);
    expect(queryOf(Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Duration', { extraDimensions: { Resource: 'checkout:live' } })).query)
      .toBe(`SELECT average(\`aws.lambda.Duration.byFunctionAlias\`) FROM Metric WHERE ${STREAM} AND \`aws.lambda.FunctionName\` = 'checkout' AND \`aws.lambda.Resource\` = 'checkout:live'`);
    // Not in New Relic's list of suffixed metrics: the plain name.
    expect(queryOf(Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'ConcurrentExecutions', { extraDimensions: { Resource: 'checkout:live' } })).query)
      .toContain('average(`aws.lambda.ConcurrentExecutions`)');
  });

  test('ALB RequestCount by load balancer is .byAlb; other ALB metrics keep their name', () => {
    expect(queryOf(Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, 'app/web/1', 'RequestCount')).query)
      .toBe(`SELECT sum(\`aws.applicationelb.RequestCount.byAlb\`) FROM Metric WHERE ${STREAM} AND \`aws.applicationelb.LoadBalancer\` = 'app/web/1'`);
    expect(queryOf(Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, 'app/web/1', 'HTTPCode_Target_5XX_Count')).query)
      .toContain('sum(`aws.applicationelb.HTTPCode_Target_5XX_Count`)');
  });

  test('custom namespaces follow the naming rule; dimensions sorted; quotes in values escaped', () => {
    const s = Signal.cloudWatchMetric({ namespace: 'Acme/Checkout', metricName: 'OrdersPlaced', dimensions: { Stage: 'prod', Region: "o'hare" }, statistic: Statistic.SUM });
    expect(queryOf(s).query).toBe(`SELECT sum(\`acme.checkout.OrdersPlaced\`) FROM Metric WHERE ${STREAM} AND \`acme.checkout.Region\` = 'o\\'hare' AND \`acme.checkout.Stage\` = 'prod'`);
  });

  test('a metric without dimensions reads only the stream filter', () => {
    const s = Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'UnreservedConcurrentExecutions', statistic: Statistic.MINIMUM });
    expect(queryOf(s).query).toBe(`SELECT min(\`aws.lambda.UnreservedConcurrentExecutions\`) FROM Metric WHERE ${STREAM}`);
  });

  const unsupported: [string, Signal, string][] = [
    ['a CloudWatch expression', Signal.cloudWatchExpression({
      expression: '100 * e / i',
      usingMetrics: { e: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Errors'), i: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Invocations') },
    }), 'CLOUDWATCH_EXPRESSION'],
    ['a Datadog query', Signal.datadogQuery({ query: 'sum:trace.http.request.errors{service:checkout}.as_count()' }), 'DATADOG_QUERY'],
    ['a PromQL query', Signal.promQl({ query: 'sum(rate(http_requests_total[5m]))' }), 'PROMQL'],
  ];
  test.each(unsupported)('%s is a ValidationError naming path, prop and value', (_name, signal, kind) => {
    const stack = newStack();
    connectNewRelic(stack);
    const e = errorOf(() => nrMonitor(stack, { signal }));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.constructPath).toBe('test/QueueAge');
    expect(e.prop).toBe('signal');
    expect(e.received).toBe(JSON.stringify(signal.toString()));
    expect(e.accepted).toBe(`a signal the New Relic backend can evaluate (Signal.nrql, or a CloudWatch metric streamed to New Relic through Metric Streams); New Relic cannot evaluate a ${kind} signal`);
  });
});
