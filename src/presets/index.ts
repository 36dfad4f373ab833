// Public API of src/presets (re-exported by src/index.ts). The service files (lambda.ts, alb.ts,
// sqs.ts, rds.ts, dynamodb.ts, ecs.ts, apigateway.ts, step-functions.ts, kinesis.ts, sns.ts, firehose.ts, eventbridge.ts, elasticache.ts, nlb.ts, s3.ts, route53.ts, autoscaling.ts, cloudfront.ts, opensearch.ts, aurora.ts, ecs-container-insights.ts, eks.ts, kubernetes.ts, gateways.ts) export their props and the function that builds their
// group; only the props are public (jsii cannot export functions: MonitorPresets is the entry point).
export * from './monitor-group';
export { MonitorPresets } from './presets';
export type { LambdaMonitorsProps } from './lambda';
export type { AlbMonitorsProps } from './alb';
export type { SqsMonitorsProps } from './sqs';
export type { RdsMonitorsProps } from './rds';
export type { DynamoDbMonitorsProps } from './dynamodb';
export type { EcsMonitorsProps } from './ecs';
export type { ApiGatewayStageMonitorsProps, RestApiMonitorsProps, HttpApiMonitorsProps } from './apigateway';
export type { StepFunctionsMonitorsProps } from './step-functions';
export type { KinesisStreamMonitorsProps } from './kinesis';
export type { SnsTopicMonitorsProps } from './sns';
export { FirehoseDestination } from './firehose';
export type { FirehoseMonitorsProps } from './firehose';
export type { EventBridgeRuleMonitorsProps } from './eventbridge';
export type { ElastiCacheRedisMonitorsProps } from './elasticache';
export type { NlbMonitorsProps } from './nlb';
export type { S3RequestMonitorsProps } from './s3';
export type { Route53HealthCheckMonitorsProps } from './route53';
export type { AutoScalingGroupMonitorsProps } from './autoscaling';
export type { CloudFrontDistributionMonitorsProps } from './cloudfront';
export type { OpenSearchDomainMonitorsProps } from './opensearch';
export type { AuroraClusterMonitorsProps } from './aurora';
export type { EcsContainerInsightsMonitorsProps } from './ecs-container-insights';
export type { EksClusterMonitorsProps } from './eks';
export type { KubernetesWorkloadMonitorsProps } from './kubernetes';
export type { GatewayMonitorsProps } from './gateways';
