import { Construct } from 'constructs';
import { AlbMonitorsProps, applicationLoadBalancerMonitors } from './alb';
import { HttpApiMonitorsProps, RestApiMonitorsProps, httpApiMonitors, restApiMonitors } from './apigateway';
import { AuroraClusterMonitorsProps, auroraClusterMonitors } from './aurora';
import { AutoScalingGroupMonitorsProps, autoScalingGroupMonitors } from './autoscaling';
import { CloudFrontDistributionMonitorsProps, cloudFrontDistributionMonitors } from './cloudfront';
import { DynamoDbMonitorsProps, dynamoDbTableMonitors } from './dynamodb';
import { EcsMonitorsProps, ecsServiceMonitors } from './ecs';
import { EcsContainerInsightsMonitorsProps, ecsContainerInsightsMonitors } from './ecs-container-insights';
import { EksClusterMonitorsProps, eksClusterMonitors } from './eks';
import { ElastiCacheRedisMonitorsProps, elastiCacheRedisMonitors } from './elasticache';
import { EventBridgeRuleMonitorsProps, eventBridgeRuleMonitors } from './eventbridge';
import { FirehoseMonitorsProps, firehoseMonitors } from './firehose';
import { GatewayKind, GatewayMonitorsProps, gatewayMonitors } from './gateways';
import { KinesisStreamMonitorsProps, kinesisStreamMonitors } from './kinesis';
import { KubernetesWorkloadMonitorsProps, kubernetesWorkloadMonitors } from './kubernetes';
import { LambdaMonitorsProps, lambdaFunctionMonitors } from './lambda';
import { MonitorGroup } from './monitor-group';
import { NlbMonitorsProps, networkLoadBalancerMonitors } from './nlb';
import { OpenSearchDomainMonitorsProps, openSearchDomainMonitors } from './opensearch';
import { RdsMonitorsProps, rdsInstanceMonitors } from './rds';
import { Route53HealthCheckMonitorsProps, route53HealthCheckMonitors } from './route53';
import { S3RequestMonitorsProps, s3BucketMonitors } from './s3';
import { SnsTopicMonitorsProps, snsTopicMonitors } from './sns';
import { SqsMonitorsProps, sqsQueueMonitors } from './sqs';
import { StepFunctionsMonitorsProps, stepFunctionsMonitors } from './step-functions';

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
 * Where AWS publishes a threshold (the CloudWatch user guide's "Recommended alarms", a service's
 * own monitoring guidance) it is the default, with its source in the preset's doc comment.
 *
 * On Datadog a preset writes only metric names Datadog's integration pages publish: a monitor
 * whose metric and statistic Datadog does not publish (an error rate of a metric Datadog collects
 * only as a count, a metric Datadog does not collect) is rendered to the other backends only,
 * with a synth warning, and left out when Datadog is the only backend. A monitor of a CloudWatch
 * metric-math expression (`ecsContainerInsights`) goes only to the backends that evaluate it
 * (CloudWatch), with a warning naming the others.
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

  /**
   * Server error rate (more than 5% of requests, three minutes in a row), p90 latency (2.5 s or
   * more, five minutes in a row) and optionally the 5xx count of a REST API stage (AWS/ApiGateway,
   * dimensions ApiName and Stage; defaults from the CloudWatch "Recommended alarms" page). The
   * error rate is not rendered to Datadog, which collects `5XXError` only as a count.
   */
  public static apiGatewayRestApi(scope: Construct, id: string, props: RestApiMonitorsProps): MonitorGroup {
    return restApiMonitors(scope, id, props);
  }

  /**
   * The REST API monitors for an HTTP API stage (AWS/ApiGateway, dimensions ApiId and Stage,
   * metrics `5xx` and `Latency`). The error rate is not rendered to Datadog, which collects `5xx`
   * only as a count.
   */
  public static apiGatewayHttpApi(scope: Construct, id: string, props: HttpApiMonitorsProps): MonitorGroup {
    return httpApiMonitors(scope, id, props);
  }

  /** Failed, timed-out and throttled executions of a Step Functions state machine (AWS/States, dimension StateMachineArn). */
  public static stepFunctionsStateMachine(scope: Construct, id: string, props: StepFunctionsMonitorsProps): MonitorGroup {
    return stepFunctionsMonitors(scope, id, props);
  }

  /** Iterator age (consumer lag) and write and read throttling of a Kinesis data stream (AWS/Kinesis, dimension StreamName). */
  public static kinesisStream(scope: Construct, id: string, props: KinesisStreamMonitorsProps): MonitorGroup {
    return kinesisStreamMonitors(scope, id, props);
  }

  /**
   * Failed deliveries, filter-policy rejections for invalid attributes and optionally
   * dead-lettered notifications of an SNS topic (AWS/SNS, dimension TopicName; the dead-letter
   * monitor is not rendered to Datadog, which does not publish that metric).
   */
  public static snsTopic(scope: Construct, id: string, props: SnsTopicMonitorsProps): MonitorGroup {
    return snsTopicMonitors(scope, id, props);
  }

  /**
   * Data freshness (older than the 15-minute buffering limit) and throttled records of an Amazon
   * Data Firehose stream (AWS/Firehose, dimension DeliveryStreamName).
   */
  public static firehoseStream(scope: Construct, id: string, props: FirehoseMonitorsProps): MonitorGroup {
    return firehoseMonitors(scope, id, props);
  }

  /**
   * Failed invocations and dead-lettered events of an EventBridge rule (AWS/Events, RuleName
   * [and EventBusName]). Datadog publishes no EventBridge metrics: these monitors are rendered to
   * the other backends only.
   */
  public static eventBridgeRule(scope: Construct, id: string, props: EventBridgeRuleMonitorsProps): MonitorGroup {
    return eventBridgeRuleMonitors(scope, id, props);
  }

  /**
   * Engine CPU (above 90% for 15 minutes), memory use and optionally evictions of an ElastiCache
   * Valkey or Redis OSS node (AWS/ElastiCache, dimension CacheClusterId).
   */
  public static elastiCacheRedis(scope: Construct, id: string, props: ElastiCacheRedisMonitorsProps): MonitorGroup {
    return elastiCacheRedisMonitors(scope, id, props);
  }

  /**
   * Unhealthy targets and optionally target TCP resets of a Network Load Balancer's target group
   * (AWS/NetworkELB, dimensions LoadBalancer and TargetGroup).
   */
  public static networkLoadBalancer(scope: Construct, id: string, props: NlbMonitorsProps): MonitorGroup {
    return networkLoadBalancerMonitors(scope, id, props);
  }

  /**
   * Server error rate, 5xx count and p99 first-byte latency of an S3 bucket's request metrics
   * (AWS/S3, dimensions BucketName and FilterId), each opt-in through its threshold.
   */
  public static s3Bucket(scope: Construct, id: string, props: S3RequestMonitorsProps): MonitorGroup {
    return s3BucketMonitors(scope, id, props);
  }

  /**
   * The status of a Route 53 health check (AWS/Route53, dimension HealthCheckId; published in
   * us-east-1 only): alert on the first minute it reports unhealthy.
   */
  public static route53HealthCheck(scope: Construct, id: string, props: Route53HealthCheckMonitorsProps): MonitorGroup {
    return route53HealthCheckMonitors(scope, id, props);
  }

  /**
   * Instances in service of an EC2 Auto Scaling group (AWS/AutoScaling, dimension
   * AutoScalingGroupName; group metrics must be enabled): fewer than the minimum for 5 minutes.
   */
  public static autoScalingGroup(scope: Construct, id: string, props: AutoScalingGroupMonitorsProps): MonitorGroup {
    return autoScalingGroupMonitors(scope, id, props);
  }

  /**
   * The 5xx error rate (above 5% for 5 minutes) and optionally the 4xx error rate and p90 origin
   * latency of a CloudFront distribution (AWS/CloudFront, dimensions DistributionId and
   * Region=Global; CloudFront publishes its metrics in us-east-1 only; origin latency needs the
   * distribution's additional metrics and is not rendered to Datadog).
   */
  public static cloudFrontDistribution(scope: Construct, id: string, props: CloudFrontDistributionMonitorsProps): MonitorGroup {
    return cloudFrontDistributionMonitors(scope, id, props);
  }

  /**
   * Cluster status red, blocked index writes, free storage (MiB, 20 GiB by default), data node CPU
   * (80%) and Java heap (95%) and automated snapshot failures of an OpenSearch Service domain,
   * optionally the yellow status and the dedicated master nodes (AWS/ES, dimensions DomainName and
   * ClientId; defaults from the OpenSearch Service "Recommended CloudWatch alarms").
   */
  public static openSearchDomain(scope: Construct, id: string, props: OpenSearchDomainMonitorsProps): MonitorGroup {
    return openSearchDomainMonitors(scope, id, props);
  }

  /**
   * Writer CPU, deadlocks, and optionally freeable memory, free local storage, the readers'
   * replica lag (1000 ms by default) and the writer's Aurora Serverless v2 ACU utilization (not
   * rendered to Datadog) of an Aurora DB cluster (AWS/RDS, dimension DBClusterIdentifier, with
   * Role=WRITER or READER for the per-role metrics).
   */
  public static auroraCluster(scope: Construct, id: string, props: AuroraClusterMonitorsProps): MonitorGroup {
    return auroraClusterMonitors(scope, id, props);
  }

  /**
   * Running tasks below the desired count (or below a minimum), and CPU and memory as a share of
   * what the tasks reserve, of an ECS service on EC2 or Fargate, from CloudWatch Container Insights
   * (ECS/ContainerInsights, dimensions ClusterName and ServiceName; Container Insights turned on
   * for the cluster). Not rendered to Datadog, which does not collect the namespace.
   */
  public static ecsContainerInsights(scope: Construct, id: string, props: EcsContainerInsightsMonitorsProps): MonitorGroup {
    return ecsContainerInsightsMonitors(scope, id, props);
  }

  /**
   * Failed worker nodes, node CPU, memory and file system use of an EKS cluster, and optionally
   * the container restarts of one pod, from CloudWatch Container Insights (ContainerInsights,
   * dimension ClusterName). Not rendered to Datadog, which does not collect the namespace.
   */
  public static eksCluster(scope: Construct, id: string, props: EksClusterMonitorsProps): MonitorGroup {
    return eksClusterMonitors(scope, id, props);
  }

  /**
   * Container restarts (more than 3 in 15 minutes), unavailable replicas (any, for 10 minutes),
   * pending pods (any, for 15 minutes) and CPU and memory working set against the containers'
   * limits (above 90% for 15 minutes) of a Kubernetes Deployment. Grafana backends get PromQL over
   * kube-state-metrics and cAdvisor metrics, Datadog backends Datadog's Kubernetes metrics; each
   * check is one monitor per kind of backend (construct ids `<check>PromQl` and `<check>Datadog`).
   * CloudWatch and New Relic backends are left out with a warning (alone, a ValidationError).
   * On `Dashboard.fromMonitors`, a Grafana dashboard draws the PromQL charts and a Datadog
   * dashboard the Datadog ones (a warning names each chart a backend leaves out).
   */
  public static kubernetesWorkload(scope: Construct, id: string, props: KubernetesWorkloadMonitorsProps): MonitorGroup {
    return kubernetesWorkloadMonitors(scope, id, props);
  }

  /**
   * The 5xx ratio (above 5% over 5 minutes), p99 latency (above 1000 ms) and optionally a request
   * rate floor of a Kong Gateway service (Prometheus plugin `kong_http_requests_total`,
   * `kong_request_latency_ms`; Datadog `kong.http.status.count`). The p99 is rendered to Grafana
   * only: Datadog publishes no percentile of Kong's latency.
   */
  public static kongGateway(scope: Construct, id: string, props: GatewayMonitorsProps): MonitorGroup {
    return gatewayMonitors(scope, id, GatewayKind.KONG, props);
  }

  /**
   * The gateway monitors for a Service behind ingress-nginx (`nginx_ingress_controller_requests`,
   * `nginx_ingress_controller_request_duration_seconds`; Datadog `nginx_ingress.controller.requests`);
   * the p99 on Grafana only.
   */
  public static nginxIngress(scope: Construct, id: string, props: GatewayMonitorsProps): MonitorGroup {
    return gatewayMonitors(scope, id, GatewayKind.NGINX_INGRESS, props);
  }

  /**
   * The gateway monitors for an Envoy cluster (`envoy_cluster_upstream_rq_xx`,
   * `envoy_cluster_upstream_rq_time`; Datadog `envoy.cluster.upstream_rq_xx.count`); the p99 on
   * Grafana only.
   */
  public static envoyProxy(scope: Construct, id: string, props: GatewayMonitorsProps): MonitorGroup {
    return gatewayMonitors(scope, id, GatewayKind.ENVOY, props);
  }

  /**
   * The gateway monitors for a Traefik Proxy service (`traefik_service_requests_total`,
   * `traefik_service_request_duration_seconds`; Datadog `traefik_mesh.service.requests.count`);
   * the p99 on Grafana only.
   */
  public static traefikProxy(scope: Construct, id: string, props: GatewayMonitorsProps): MonitorGroup {
    return gatewayMonitors(scope, id, GatewayKind.TRAEFIK, props);
  }

  private constructor() {}
}
