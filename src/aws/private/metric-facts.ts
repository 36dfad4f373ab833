/**
 * The one table of AWS metrics that count events. For each, the useful CloudWatch statistic is
 * Sum (each service's CloudWatch metrics page: e.g. "The most useful statistic is Sum" for the
 * ALB counts in docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
 * Lambda's invocation metrics in docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html,
 * DynamoDB's request and throttle counts in docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html,
 * SQS's message counts in docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html),
 * so `Signal.awsMetric()` defaults to it; and `datadog` says whether Datadog's AWS integration
 * types the metric as a count, collected once as its Sum under the bare name
 * (docs.datadoghq.com/integrations/amazon_lambda/#metrics, /amazon_elb/#metrics, /amazon_dynamodb/#metrics).
 */
const COUNTS: Record<string, { readonly datadogCount: boolean }> = {
  'AWS/Lambda:Invocations': { datadogCount: true },
  'AWS/Lambda:Errors': { datadogCount: true },
  'AWS/Lambda:Throttles': { datadogCount: true },
  'AWS/Lambda:DeadLetterErrors': { datadogCount: true },
  'AWS/Lambda:DestinationDeliveryFailures': { datadogCount: true },
  'AWS/SQS:NumberOfMessagesSent': { datadogCount: false },
  'AWS/SQS:NumberOfMessagesReceived': { datadogCount: false },
  'AWS/SQS:NumberOfMessagesDeleted': { datadogCount: false },
  'AWS/SQS:NumberOfEmptyReceives': { datadogCount: false },
  'AWS/ApplicationELB:RequestCount': { datadogCount: true },
  'AWS/ApplicationELB:ActiveConnectionCount': { datadogCount: true },
  'AWS/ApplicationELB:NewConnectionCount': { datadogCount: true },
  'AWS/ApplicationELB:RejectedConnectionCount': { datadogCount: true },
  'AWS/ApplicationELB:TargetConnectionErrorCount': { datadogCount: true },
  'AWS/ApplicationELB:ProcessedBytes': { datadogCount: true },
  'AWS/ApplicationELB:RequestCountPerTarget': { datadogCount: true },
  'AWS/ApplicationELB:ClientTLSNegotiationErrorCount': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_Target_2XX_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_Target_3XX_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_Target_4XX_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_Target_5XX_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_ELB_3XX_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_ELB_4XX_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_ELB_5XX_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_ELB_500_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_ELB_502_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_ELB_503_Count': { datadogCount: true },
  'AWS/ApplicationELB:HTTPCode_ELB_504_Count': { datadogCount: true },
  'AWS/NetworkELB:TCP_Client_Reset_Count': { datadogCount: true },
  'AWS/NetworkELB:TCP_ELB_Reset_Count': { datadogCount: true },
  'AWS/NetworkELB:TCP_Target_Reset_Count': { datadogCount: true },
  'AWS/DynamoDB:ThrottledRequests': { datadogCount: true },
  'AWS/DynamoDB:SystemErrors': { datadogCount: true },
  'AWS/DynamoDB:UserErrors': { datadogCount: true },
  'AWS/DynamoDB:ReadThrottleEvents': { datadogCount: true },
  'AWS/DynamoDB:WriteThrottleEvents': { datadogCount: true },
  'AWS/DynamoDB:ConditionalCheckFailedRequests': { datadogCount: true },
};

/** Whether the AWS metric counts events (its useful statistic is Sum). */
export function isAwsCountMetric(namespace: string, metricName: string): boolean {
  return `${namespace}:${metricName}` in COUNTS;
}

/** Whether Datadog's AWS integration collects the metric as a count (only its Sum, under the bare name). */
export function isDatadogCountMetric(namespace: string, metricName: string): boolean {
  return COUNTS[`${namespace}:${metricName}`]?.datadogCount === true;
}
