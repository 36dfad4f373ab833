import { Construct } from 'constructs';
import { AlbMonitorsProps, applicationLoadBalancerMonitors } from './alb';
import { DynamoDbMonitorsProps, dynamoDbTableMonitors } from './dynamodb';
import { EcsMonitorsProps, ecsServiceMonitors } from './ecs';
import { LambdaMonitorsProps, lambdaFunctionMonitors } from './lambda';
import { MonitorGroup } from './monitor-group';
import { RdsMonitorsProps, rdsInstanceMonitors } from './rds';
import { SqsMonitorsProps, sqsQueueMonitors } from './sqs';

// The group and the options every preset takes live in ./monitor-group; re-exported here for
// modules that import them from this file (src/stacks/service-monitoring-stack.ts).
export { MonitorGroup } from './monitor-group';
export type { MonitorPresetOptions } from './monitor-group';

/**
 * Ready-made monitors for common AWS resources, rendered to any backends like every
 * `MonitorConfig`. Thresholds that depend on the workload are required props; alarms on
 * throttling and dead letters default to "more than 0". Metric names, statistics and
 * dimensions follow the services' CloudWatch metric documentation; count metrics that are
 * only published when non-zero (Lambda, ELB, SQS, DynamoDB) treat missing data as not breaching.
 *
 * Each preset returns a `MonitorGroup`, which also draws itself on a dashboard
 * (`widgets()`, `dashboardRows()`, `Dashboard.fromMonitors({ groups })`).
 */
export class MonitorPresets {
  /**
   * Errors, throttles and p99 duration of a Lambda function (AWS/Lambda, dimension FunctionName;
   * Lambda publishes Errors and Throttles only when they are non-zero).
   */
  public static lambdaFunction(scope: Construct, id: string, props: LambdaMonitorsProps): MonitorGroup {
    return lambdaFunctionMonitors(scope, id, props);
  }

  /**
   * 5xx answers, p99 response time and (with a target group) unhealthy hosts of an Application
   * Load Balancer (AWS/ApplicationELB; ELB reports request metrics only while requests flow).
   */
  public static applicationLoadBalancer(scope: Construct, id: string, props: AlbMonitorsProps): MonitorGroup {
    return applicationLoadBalancerMonitors(scope, id, props);
  }

  /** Age of the oldest message, backlog and dead letters of an SQS queue (AWS/SQS, dimension QueueName). */
  public static sqsQueue(scope: Construct, id: string, props: SqsMonitorsProps): MonitorGroup {
    return sqsQueueMonitors(scope, id, props);
  }

  /** CPU, free storage, freeable memory and connections of an RDS DB instance (AWS/RDS, dimension DBInstanceIdentifier). */
  public static rdsInstance(scope: Construct, id: string, props: RdsMonitorsProps): MonitorGroup {
    return rdsInstanceMonitors(scope, id, props);
  }

  /**
   * Read and write throttling of a DynamoDB table (AWS/DynamoDB `ReadThrottleEvents` and
   * `WriteThrottleEvents`, which carry the TableName dimension alone).
   */
  public static dynamoDbTable(scope: Construct, id: string, props: DynamoDbMonitorsProps): MonitorGroup {
    return dynamoDbTableMonitors(scope, id, props);
  }

  /** CPU and memory of an ECS service (AWS/ECS, dimensions ClusterName and ServiceName). */
  public static ecsService(scope: Construct, id: string, props: EcsMonitorsProps): MonitorGroup {
    return ecsServiceMonitors(scope, id, props);
  }

  private constructor() {}
}
