import { datadogAwsMetric, datadogAwsMetricQuery, datadogSnakeCase } from '../../src/datadog/private/aws-metric-names';
import { Aggregation, AwsService, Signal, Statistic } from '../../src/index';

/**
 * CloudWatch metric + statistic → Datadog metric, as Datadog's integration pages list them:
 * https://docs.datadoghq.com/integrations/amazon_lambda/#metrics,
 * https://docs.datadoghq.com/integrations/amazon_elb/#metrics,
 * https://docs.datadoghq.com/integrations/amazon_dynamodb/#metrics,
 * https://docs.datadoghq.com/integrations/amazon_ec2/#metrics.
 */
const DOCUMENTED: Array<[string, string, Statistic, string, Aggregation]> = [
  ['AWS/Lambda', 'Invocations', Statistic.SUM, 'aws.lambda.invocations', Aggregation.SUM],
  ['AWS/Lambda', 'Errors', Statistic.SUM, 'aws.lambda.errors', Aggregation.SUM],
  ['AWS/Lambda', 'Throttles', Statistic.SUM, 'aws.lambda.throttles', Aggregation.SUM],
  ['AWS/Lambda', 'DeadLetterErrors', Statistic.SUM, 'aws.lambda.dead_letter_errors', Aggregation.SUM],
  ['AWS/Lambda', 'Duration', Statistic.AVERAGE, 'aws.lambda.duration', Aggregation.AVG],
  ['AWS/Lambda', 'Duration', Statistic.MAXIMUM, 'aws.lambda.duration.maximum', Aggregation.MAX],
  ['AWS/Lambda', 'Duration', Statistic.MINIMUM, 'aws.lambda.duration.minimum', Aggregation.MIN],
  ['AWS/Lambda', 'Duration', Statistic.SUM, 'aws.lambda.duration.sum', Aggregation.SUM],
  ['AWS/Lambda', 'Duration', Statistic.percentile(99), 'aws.lambda.duration.p99', Aggregation.AVG],
  ['AWS/Lambda', 'Duration', Statistic.percentile(99.9), 'aws.lambda.duration.p99.9', Aggregation.AVG],
  ['AWS/Lambda', 'ConcurrentExecutions', Statistic.MAXIMUM, 'aws.lambda.concurrent_executions.maximum', Aggregation.MAX],
  ['AWS/Lambda', 'IteratorAge', Statistic.AVERAGE, 'aws.lambda.iterator_age', Aggregation.AVG],
  ['AWS/ApplicationELB', 'RequestCount', Statistic.SUM, 'aws.applicationelb.request_count', Aggregation.SUM],
  ['AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', Statistic.SUM, 'aws.applicationelb.httpcode_target_5xx', Aggregation.SUM],
  ['AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', Statistic.SUM, 'aws.applicationelb.httpcode_elb_5xx', Aggregation.SUM],
  ['AWS/ApplicationELB', 'HTTPCode_ELB_502_Count', Statistic.SUM, 'aws.applicationelb.httpcode_elb_5_0_2', Aggregation.SUM],
  ['AWS/ApplicationELB', 'TargetResponseTime', Statistic.AVERAGE, 'aws.applicationelb.target_response_time.average', Aggregation.AVG],
  ['AWS/ApplicationELB', 'TargetResponseTime', Statistic.MAXIMUM, 'aws.applicationelb.target_response_time.maximum', Aggregation.MAX],
  ['AWS/ApplicationELB', 'TargetResponseTime', Statistic.percentile(95), 'aws.applicationelb.target_response_time.p95', Aggregation.AVG],
  ['AWS/ApplicationELB', 'HealthyHostCount', Statistic.MINIMUM, 'aws.applicationelb.healthy_host_count.minimum', Aggregation.MIN],
  ['AWS/ApplicationELB', 'UnHealthyHostCount', Statistic.AVERAGE, 'aws.applicationelb.un_healthy_host_count', Aggregation.AVG],
  ['AWS/ApplicationELB', 'ClientTLSNegotiationErrorCount', Statistic.SUM, 'aws.applicationelb.client_tlsnegotiation_error_count', Aggregation.SUM],
  ['AWS/ApplicationELB', 'IPv6RequestCount', Statistic.AVERAGE, 'aws.applicationelb.ipv_6request_count', Aggregation.AVG],
  ['AWS/ApplicationELB', 'ELBAuthError', Statistic.AVERAGE, 'aws.applicationelb.elb_auth_error', Aggregation.AVG],
  ['AWS/NetworkELB', 'TCP_Client_Reset_Count', Statistic.SUM, 'aws.networkelb.tcpclient_reset_count', Aggregation.SUM],
  ['AWS/NetworkELB', 'TCP_ELB_Reset_Count', Statistic.SUM, 'aws.networkelb.tcpelbreset_count', Aggregation.SUM],
  ['AWS/NetworkELB', 'UnHealthyHostCount', Statistic.MAXIMUM, 'aws.networkelb.un_healthy_host_count.maximum', Aggregation.MAX],
  ['AWS/ELB', 'Latency', Statistic.percentile(99), 'aws.elb.latency.p99', Aggregation.AVG],
  ['AWS/DynamoDB', 'ThrottledRequests', Statistic.SUM, 'aws.dynamodb.throttled_requests', Aggregation.SUM],
  ['AWS/DynamoDB', 'SuccessfulRequestLatency', Statistic.MAXIMUM, 'aws.dynamodb.successful_request_latency.maximum', Aggregation.MAX],
  ['AWS/DynamoDB', 'SuccessfulRequestLatency', Statistic.SAMPLE_COUNT, 'aws.dynamodb.successful_request_latency.samplecount', Aggregation.SUM],
  ['AWS/DynamoDB', 'ReturnedItemCount', Statistic.SUM, 'aws.dynamodb.returned_item_count.sum', Aggregation.SUM],
  ['AWS/DynamoDB', 'ConsumedReadCapacityUnits', Statistic.AVERAGE, 'aws.dynamodb.consumed_read_capacity_units', Aggregation.AVG],
  ['AWS/EC2', 'CPUUtilization', Statistic.AVERAGE, 'aws.ec2.cpuutilization', Aggregation.AVG],
  ['AWS/EC2', 'CPUCreditBalance', Statistic.AVERAGE, 'aws.ec2.cpucredit_balance', Aggregation.AVG],
];

describe('CloudWatch metrics in Datadog', () => {
  test.each(DOCUMENTED)('%s %s %o is %s', (namespace, metricName, statistic, metric, aggregation) => {
    expect(datadogAwsMetric(namespace, metricName, statistic)).toMatchObject({ metric, aggregation });
  });

  test('count metrics are queried as counts', () => {
    expect(datadogAwsMetric('AWS/Lambda', 'Errors', Statistic.SUM)).toEqual({ metric: 'aws.lambda.errors', aggregation: Aggregation.SUM, asCount: true });
    expect(datadogAwsMetric('AWS/Lambda', 'Duration', Statistic.SUM)).toEqual({ metric: 'aws.lambda.duration.sum', aggregation: Aggregation.SUM, asCount: false });
  });

  test('a count with another statistic has no Datadog metric', () => {
    expect(datadogAwsMetric('AWS/Lambda', 'Invocations', Statistic.MAXIMUM))
      .toBe('Datadog collects AWS/Lambda Invocations only as a count (its Sum, aws.lambda.invocations); use Statistic.SUM');
  });

  test('an explicit override wins, the statistic still picks the aggregator', () => {
    expect(datadogAwsMetric('Checkout', 'Orders', Statistic.SUM, 'checkout.orders')).toEqual({ metric: 'checkout.orders', aggregation: Aggregation.SUM, asCount: false });
  });

  test.each([
    ['CPUUtilization', 'cpuutilization'],
    ['ReadIOPS', 'read_iops'],
    ['ApproximateAgeOfOldestMessage', 'approximate_age_of_oldest_message'],
    ['ApproximateNumberOfMessagesVisible', 'approximate_number_of_messages_visible'],
    ['FreeStorageSpace', 'free_storage_space'],
    ['TCPClientResetCount', 'tcpclient_reset_count'],
    ['5XXError', '5xxerror'],
    ['GetRecords.IteratorAgeMilliseconds', 'get_records_iterator_age_milliseconds'],
  ])('snake_case of %s is %s', (name, snake) => {
    expect(datadogSnakeCase(name)).toBe(snake);
  });
});

describe('one table of AWS count metrics', () => {
  test('a count metric defaults to Sum, and Datadog then queries it as a count', () => {
    // ActiveConnectionCount: "The most useful statistic is Sum" (ALB CloudWatch metrics); Datadog types it count.
    const s = Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, 'app/web/123', 'ActiveConnectionCount');
    expect(s.cloudWatchMetricProps!.statistic).toBe(Statistic.SUM);
    expect(datadogAwsMetricQuery(s.cloudWatchMetricProps!)).toEqual({
      query: 'sum:aws.applicationelb.active_connection_count{loadbalancer:app/web/123}.as_count()', aggregation: Aggregation.SUM,
    });
  });

  test('an AWS count that Datadog collects as a gauge keeps its statistic suffix', () => {
    const s = Signal.awsMetric(AwsService.SQS, 'orders', 'NumberOfMessagesSent');
    expect(s.cloudWatchMetricProps!.statistic).toBe(Statistic.SUM);
    expect(datadogAwsMetricQuery(s.cloudWatchMetricProps!)).toEqual({
      query: 'sum:aws.sqs.number_of_messages_sent.sum{queuename:orders}', aggregation: Aggregation.SUM,
    });
  });

  test('a gauge defaults to Average', () => {
    const s = Signal.awsMetric(AwsService.SQS, 'orders', 'ApproximateAgeOfOldestMessage');
    expect(s.cloudWatchMetricProps!.statistic).toBe(Statistic.AVERAGE);
  });
});
