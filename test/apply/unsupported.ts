/**
 * The one list of AWS resource types that the local AWS emulator (moto, version pinned in
 * test/aws-tools/moto.requirements.txt) does not implement, with the API it lacks. The apply
 * run leaves these out, together with everything that references them (resources, data
 * sources, locals, outputs and checks), and counts them as not applied.
 */
export const UNSUPPORTED_BY_EMULATOR: Record<string, string> = {
  aws_cloudwatch_composite_alarm: 'cloudwatch:PutCompositeAlarm',
  aws_cloudwatch_metric_stream: 'cloudwatch:PutMetricStream',
  aws_cloudwatch_metric_anomaly_detector: 'cloudwatch:PutAnomalyDetector',
  aws_chatbot_slack_channel_configuration: 'chatbot:CreateSlackChannelConfiguration (no chatbot service)',
  aws_s3_bucket_metric: 's3:PutBucketMetricsConfiguration',
  aws_elasticache_cluster: 'elasticache:DeleteCacheCluster (the cluster stays listed as "deleting", so the provider waits for it until the destroy times out)',
  aws_elasticache_subnet_group: 'elasticache:DeleteCacheSubnetGroup',
  aws_sfn_state_machine: 'states:ValidateStateMachineDefinition (the provider calls it when planning)',
};
