import {
  datadogAwsMetric, datadogAwsMetricNamespaces, datadogAwsMetricQuery, datadogSnakeCase, isPublishedDatadogAwsMetric,
} from '../../src/datadog/private/aws-metric-names';
import { DATADOG_AWS_METRICS } from '../../src/datadog/private/datadog-aws-metric-table';
import * as provenance from '../../src/datadog/private/datadog-aws-metric-table.provenance.json';
import { Aggregation, AwsService, Signal, Statistic } from '../../src/index';
import { awsMetricNames, datadogCorpus } from '../support/datadog-corpus';

/**
 * CloudWatch metric + statistic → Datadog metric, each name as Datadog's integration pages list
 * it (https://docs.datadoghq.com/integrations/amazon_lambda/#metrics, /amazon_elb/#metrics,
 * /amazon_dynamodb/#metrics, /amazon_rds/#metrics, /amazon_ecs/#metrics, /amazon_sqs/#metrics).
 */
const DOCUMENTED: Array<[string, string, Statistic, string, Aggregation]> = [
  ['AWS/Lambda', 'Invocations', Statistic.SUM, 'aws.lambda.invocations', Aggregation.SUM],
  ['AWS/Lambda', 'Errors', Statistic.SUM, 'aws.lambda.errors', Aggregation.SUM],
  ['AWS/Lambda', 'Throttles', Statistic.SUM, 'aws.lambda.throttles', Aggregation.SUM],
  ['AWS/Lambda', 'DeadLetterErrors', Statistic.SUM, 'aws.lambda.dead_letter_errors', Aggregation.SUM],
  ['AWS/Lambda', 'AsyncEventsDropped', Statistic.SUM, 'aws.lambda.async_events_dropped', Aggregation.SUM],
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
  ['AWS/ApplicationELB', 'IPv6RequestCount', Statistic.SUM, 'aws.applicationelb.ipv_6request_count', Aggregation.SUM],
  ['AWS/ApplicationELB', 'ELBAuthError', Statistic.SUM, 'aws.applicationelb.elb_auth_error', Aggregation.SUM],
  ['AWS/NetworkELB', 'TCP_Client_Reset_Count', Statistic.SUM, 'aws.networkelb.tcpclient_reset_count', Aggregation.SUM],
  ['AWS/NetworkELB', 'TCP_ELB_Reset_Count', Statistic.SUM, 'aws.networkelb.tcpelbreset_count', Aggregation.SUM],
  ['AWS/NetworkELB', 'UnHealthyHostCount', Statistic.MAXIMUM, 'aws.networkelb.un_healthy_host_count.maximum', Aggregation.MAX],
  ['AWS/ELB', 'Latency', Statistic.percentile(99), 'aws.elb.latency.p99', Aggregation.AVG],
  ['AWS/DynamoDB', 'ThrottledRequests', Statistic.SUM, 'aws.dynamodb.throttled_requests', Aggregation.SUM],
  ['AWS/DynamoDB', 'SuccessfulRequestLatency', Statistic.MAXIMUM, 'aws.dynamodb.successful_request_latency.maximum', Aggregation.MAX],
  ['AWS/DynamoDB', 'SuccessfulRequestLatency', Statistic.SAMPLE_COUNT, 'aws.dynamodb.successful_request_latency.samplecount', Aggregation.SUM],
  ['AWS/DynamoDB', 'ReturnedItemCount', Statistic.SUM, 'aws.dynamodb.returned_item_count.sum', Aggregation.SUM],
  ['AWS/DynamoDB', 'ConsumedReadCapacityUnits', Statistic.AVERAGE, 'aws.dynamodb.consumed_read_capacity_units', Aggregation.AVG],
  ['AWS/RDS', 'CPUUtilization', Statistic.MAXIMUM, 'aws.rds.cpuutilization.maximum', Aggregation.MAX],
  ['AWS/RDS', 'FreeStorageSpace', Statistic.AVERAGE, 'aws.rds.free_storage_space', Aggregation.AVG],
  ['AWS/RDS', 'ReadIOPS', Statistic.AVERAGE, 'aws.rds.read_iops', Aggregation.AVG],
  ['AWS/ECS', 'CPUUtilization', Statistic.MAXIMUM, 'aws.ecs.cpuutilization.maximum', Aggregation.MAX],
  ['AWS/ECS', 'MemoryUtilization', Statistic.AVERAGE, 'aws.ecs.memory_utilization', Aggregation.AVG],
  ['AWS/SQS', 'ApproximateAgeOfOldestMessage', Statistic.AVERAGE, 'aws.sqs.approximate_age_of_oldest_message', Aggregation.AVG],
  ['AWS/SQS', 'NumberOfMessagesSent', Statistic.SUM, 'aws.sqs.number_of_messages_sent', Aggregation.SUM],
  // https://docs.datadoghq.com/integrations/amazon_api_gateway/#metrics (REST and HTTP APIs)
  ['AWS/ApiGateway', '5XXError', Statistic.SUM, 'aws.apigateway.5xxerror', Aggregation.SUM],
  ['AWS/ApiGateway', '5xx', Statistic.SUM, 'aws.apigateway.5xx', Aggregation.SUM],
  ['AWS/ApiGateway', 'Latency', Statistic.percentile(90), 'aws.apigateway.latency.p90', Aggregation.AVG],
  // https://docs.datadoghq.com/integrations/amazon_step_functions/#metrics
  ['AWS/States', 'ExecutionsFailed', Statistic.SUM, 'aws.states.executions_failed', Aggregation.SUM],
  ['AWS/States', 'ExecutionThrottled', Statistic.SUM, 'aws.states.execution_throttled', Aggregation.SUM],
  // https://docs.datadoghq.com/integrations/amazon_kinesis/#metrics
  ['AWS/Kinesis', 'GetRecords.IteratorAgeMilliseconds', Statistic.MAXIMUM, 'aws.kinesis.get_records_iterator_age_milliseconds.maximum', Aggregation.MAX],
  ['AWS/Kinesis', 'WriteProvisionedThroughputExceeded', Statistic.SUM, 'aws.kinesis.write_provisioned_throughput_exceeded', Aggregation.SUM],
  // https://docs.datadoghq.com/integrations/amazon_sns/#metrics
  ['AWS/SNS', 'NumberOfNotificationsFilteredOut-InvalidAttributes', Statistic.SUM, 'aws.sns.number_of_notifications_filtered_out_invalid_attributes', Aggregation.SUM],
  // https://docs.datadoghq.com/integrations/amazon_firehose/#metrics: S3 is split as s_3 (NAME_OVERRIDES)
  ['AWS/Firehose', 'DeliveryToS3.Success', Statistic.AVERAGE, 'aws.firehose.delivery_to_s_3success', Aggregation.AVG],
  ['AWS/Firehose', 'DeliveryToSplunk.DataFreshness', Statistic.MAXIMUM, 'aws.firehose.delivery_to_splunk_data_freshness.maximum', Aggregation.MAX],
  ['AWS/Firehose', 'ThrottledRecords', Statistic.SUM, 'aws.firehose.throttled_records', Aggregation.SUM],
  // https://docs.datadoghq.com/integrations/amazon_elasticache/#metrics
  ['AWS/ElastiCache', 'EngineCPUUtilization', Statistic.AVERAGE, 'aws.elasticache.engine_cpuutilization', Aggregation.AVG],
  ['AWS/ElastiCache', 'Evictions', Statistic.SUM, 'aws.elasticache.evictions', Aggregation.SUM],
  // https://docs.datadoghq.com/integrations/amazon_s3/#metrics
  ['AWS/S3', '5xxErrors', Statistic.SUM, 'aws.s3.5xx_errors', Aggregation.SUM],
  ['AWS/S3', 'FirstByteLatency', Statistic.percentile(99.99), 'aws.s3.first_byte_latency.p99.99', Aggregation.AVG],
  ['AWS/S3', 'PutRequests', Statistic.SUM, 'aws.s3.put_requests', Aggregation.SUM],
  // https://docs.datadoghq.com/integrations/amazon_route53/#metrics
  ['AWS/Route53', 'HealthCheckStatus', Statistic.AVERAGE, 'aws.route53.health_check_status', Aggregation.AVG],
  ['AWS/Route53', 'DNSQueries', Statistic.SUM, 'aws.route53.dnsqueries', Aggregation.SUM],
  // https://docs.datadoghq.com/integrations/amazon_auto_scaling/#metrics
  ['AWS/AutoScaling', 'GroupInServiceInstances', Statistic.AVERAGE, 'aws.autoscaling.group_in_service_instances', Aggregation.AVG],
];

describe('CloudWatch metrics in Datadog, looked up in Datadog\'s published lists', () => {
  test.each(DOCUMENTED)('%s %s %o is %s', (namespace, metricName, statistic, metric, aggregation) => {
    expect(datadogAwsMetric(namespace, metricName, statistic)).toEqual(expect.objectContaining({ metric, aggregation, confirmed: true }));
    expect(isPublishedDatadogAwsMetric(metric)).toBe(true);
  });

  test('count metrics are queried as counts', () => {
    expect(datadogAwsMetric('AWS/Lambda', 'Errors', Statistic.SUM)).toEqual({ metric: 'aws.lambda.errors', aggregation: Aggregation.SUM, asCount: true, confirmed: true });
    expect(datadogAwsMetric('AWS/Lambda', 'Duration', Statistic.SUM)).toEqual({ metric: 'aws.lambda.duration.sum', aggregation: Aggregation.SUM, asCount: false, confirmed: true });
  });

  test('a count with another statistic has no Datadog metric', () => {
    expect(datadogAwsMetric('AWS/Lambda', 'Invocations', Statistic.MAXIMUM))
      .toBe('Datadog collects AWS/Lambda Invocations only as a count (its Sum, aws.lambda.invocations); use Statistic.SUM');
  });

  test.each([
    // Datadog lists aws.rds.free_storage_space and aws.rds.database_connections, no .minimum / .maximum
    ['AWS/RDS', 'FreeStorageSpace', Statistic.MINIMUM, 'aws.rds.free_storage_space', Aggregation.MIN, 'aws.rds.free_storage_space.minimum'],
    ['AWS/RDS', 'DatabaseConnections', Statistic.MAXIMUM, 'aws.rds.database_connections', Aggregation.MAX, 'aws.rds.database_connections.maximum'],
    ['AWS/SQS', 'ApproximateAgeOfOldestMessage', Statistic.MAXIMUM, 'aws.sqs.approximate_age_of_oldest_message', Aggregation.MAX, 'aws.sqs.approximate_age_of_oldest_message.maximum'],
  ])('%s %s %o: no listed variant, so the listed gauge %s with its aggregator and a warning', (ns, name, stat, metric, aggregation, missing) => {
    const m = datadogAwsMetric(ns, name, stat);
    expect(m).toMatchObject({ metric, aggregation, confirmed: true });
    expect((m as any).warning).toContain(`do not list ${missing}`);
    expect(isPublishedDatadogAwsMetric(missing)).toBe(false);
  });

  test('a metric Datadog does not list keeps the rule\'s name, unconfirmed, with a warning', () => {
    const m = datadogAwsMetric('AWS/EC2', 'CPUUtilization', Statistic.AVERAGE);
    expect(m).toMatchObject({ metric: 'aws.ec2.cpuutilization', confirmed: false });
    expect((m as any).warning).toMatch(/do not list aws\.ec2\.cpuutilization.*datadogMetric/);
  });

  test('an explicit override wins, the statistic still picks the aggregator', () => {
    expect(datadogAwsMetric('Checkout', 'Orders', Statistic.SUM, 'checkout.orders'))
      .toEqual({ metric: 'checkout.orders', aggregation: Aggregation.SUM, asCount: false, confirmed: true });
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

describe('the table of Datadog\'s AWS metric names', () => {
  test('covers the namespaces the library supports, each with its source', () => {
    const namespaces = datadogAwsMetricNamespaces();
    expect(namespaces).toEqual(expect.arrayContaining(['lambda', 'applicationelb', 'sqs', 'rds', 'dynamodb', 'ecs', 'elb', 'networkelb',
      'apigateway', 'states', 'kinesis', 'sns', 'firehose', 'elasticache', 's3', 'route53', 'autoscaling']));
    for (const ns of namespaces) {
      const source = (provenance as any).sources[ns];
      expect(source).toMatchObject({ repo: expect.stringMatching(/^DataDog\//), path: expect.any(String), commit: expect.any(String) });
    }
    const total = Object.values(DATADOG_AWS_METRICS).reduce((n, t) => n + Object.keys(t).length, 0);
    expect(total).toBeGreaterThan(300);
  });

  test('is well formed: names as Datadog writes them, types gauge, count or rate', () => {
    for (const [ns, metrics] of Object.entries(DATADOG_AWS_METRICS)) {
      for (const [name, type] of Object.entries(metrics)) {
        expect(`aws.${ns}.${name}`).toMatch(/^aws\.[a-z0-9_]+(\.[a-z0-9_]+)+(\.[0-9]+)?$/);
        expect(['gauge', 'count', 'rate']).toContain(type);
      }
    }
  });

  test('the names wrongly derived before are not in it', () => {
    expect(isPublishedDatadogAwsMetric('aws.rds.free_storage_space.minimum')).toBe(false);
    expect(isPublishedDatadogAwsMetric('aws.rds.database_connections.maximum')).toBe(false);
    expect(isPublishedDatadogAwsMetric('aws.sqs.number_of_messages_sent.sum')).toBe(false);
    expect(isPublishedDatadogAwsMetric('aws.applicationelb.target_response_time')).toBe(false);
  });

  test('every aws.* metric of every preset, example and template stack is one Datadog lists', () => {
    // Names the table does not list; none since the s3 and firehose namespaces were tabled
    // (DatadogExport's health checks write three such queries by hand, now all confirmed).
    const NOT_YET_TABLED: string[] = [];
    const unknown: string[] = [];
    const untabled = new Set<string>();
    const seen = new Set<string>();
    for (const { source, stack, json } of datadogCorpus()) {
      for (const name of awsMetricNames(JSON.stringify(json))) {
        seen.add(name);
        if (isPublishedDatadogAwsMetric(name)) continue;
        if (NOT_YET_TABLED.includes(name)) untabled.add(name);
        else unknown.push(`${source}/${stack}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
    expect([...untabled].sort()).toEqual(NOT_YET_TABLED);
    expect(seen.size).toBeGreaterThan(10);
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

  test('an SQS message count is a Datadog count: the bare name as a count, no .sum', () => {
    const s = Signal.awsMetric(AwsService.SQS, 'orders', 'NumberOfMessagesSent');
    expect(s.cloudWatchMetricProps!.statistic).toBe(Statistic.SUM);
    expect(datadogAwsMetricQuery(s.cloudWatchMetricProps!)).toEqual({
      query: 'sum:aws.sqs.number_of_messages_sent{queuename:orders}.as_count()', aggregation: Aggregation.SUM,
    });
  });

  test('a gauge defaults to Average', () => {
    const s = Signal.awsMetric(AwsService.SQS, 'orders', 'ApproximateAgeOfOldestMessage');
    expect(s.cloudWatchMetricProps!.statistic).toBe(Statistic.AVERAGE);
  });
});
