/**
 * The one table of AWS metrics that count events. For each, the useful CloudWatch statistic is
 * Sum (each service's CloudWatch metrics page: e.g. "The most useful statistic is Sum" for the
 * ALB counts in docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
 * Lambda's invocation metrics in docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html,
 * DynamoDB's request and throttle counts in docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html,
 * SQS's message counts in docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html),
 * so `Signal.awsMetric()` defaults to it. (How Datadog types each metric is Datadog's own list:
 * src/datadog/private/datadog-aws-metric-table.ts.)
 */
const COUNTS = new Set([
  'AWS/Lambda:Invocations',
  'AWS/Lambda:Errors',
  'AWS/Lambda:Throttles',
  'AWS/Lambda:DeadLetterErrors',
  'AWS/Lambda:DestinationDeliveryFailures',
  'AWS/SQS:NumberOfMessagesSent',
  'AWS/SQS:NumberOfMessagesReceived',
  'AWS/SQS:NumberOfMessagesDeleted',
  'AWS/SQS:NumberOfEmptyReceives',
  'AWS/ApplicationELB:RequestCount',
  'AWS/ApplicationELB:ActiveConnectionCount',
  'AWS/ApplicationELB:NewConnectionCount',
  'AWS/ApplicationELB:RejectedConnectionCount',
  'AWS/ApplicationELB:TargetConnectionErrorCount',
  'AWS/ApplicationELB:ProcessedBytes',
  'AWS/ApplicationELB:RequestCountPerTarget',
  'AWS/ApplicationELB:ClientTLSNegotiationErrorCount',
  'AWS/ApplicationELB:HTTPCode_Target_2XX_Count',
  'AWS/ApplicationELB:HTTPCode_Target_3XX_Count',
  'AWS/ApplicationELB:HTTPCode_Target_4XX_Count',
  'AWS/ApplicationELB:HTTPCode_Target_5XX_Count',
  'AWS/ApplicationELB:HTTPCode_ELB_3XX_Count',
  'AWS/ApplicationELB:HTTPCode_ELB_4XX_Count',
  'AWS/ApplicationELB:HTTPCode_ELB_5XX_Count',
  'AWS/ApplicationELB:HTTPCode_ELB_500_Count',
  'AWS/ApplicationELB:HTTPCode_ELB_502_Count',
  'AWS/ApplicationELB:HTTPCode_ELB_503_Count',
  'AWS/ApplicationELB:HTTPCode_ELB_504_Count',
  'AWS/NetworkELB:TCP_Client_Reset_Count',
  'AWS/NetworkELB:TCP_ELB_Reset_Count',
  'AWS/NetworkELB:TCP_Target_Reset_Count',
  'AWS/DynamoDB:ThrottledRequests',
  'AWS/DynamoDB:SystemErrors',
  'AWS/DynamoDB:UserErrors',
  'AWS/DynamoDB:ReadThrottleEvents',
  'AWS/DynamoDB:WriteThrottleEvents',
  'AWS/DynamoDB:ConditionalCheckFailedRequests',
]);

/** Whether the AWS metric counts events (its useful statistic is Sum). */
export function isAwsCountMetric(namespace: string, metricName: string): boolean {
  return COUNTS.has(`${namespace}:${metricName}`);
}
