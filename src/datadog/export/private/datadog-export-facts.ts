/**
 * Facts DatadogExport relies on, with their sources. Not part of the public API.
 */

/**
 * Firehose HTTP-endpoint URL of the Datadog metrics intake, per site domain.
 * Source: DataDog/cloudformation-template, aws_streams/streams_single_region.yaml,
 * `Mappings.DdSiteToEndpoint` (the v2 intake URLs Datadog's own metric-stream template uses).
 */
export const DATADOG_METRICS_INTAKE: Record<string, string> = {
  'datadoghq.com': 'https://awsmetrics-intake.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose',
  'us3.datadoghq.com': 'https://awsmetrics-intake.us3.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose',
  'us5.datadoghq.com': 'https://awsmetrics-intake.us5.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose',
  'datadoghq.eu': 'https://awsmetrics-intake.datadoghq.eu/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose',
  'ap1.datadoghq.com': 'https://awsmetrics-intake.ap1.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose',
  'ap2.datadoghq.com': 'https://awsmetrics-intake.ap2.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose',
  'ddog-gov.com': 'https://awsmetrics-intake.ddog-gov.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose',
};

/**
 * Output format of the metric stream. Datadog's metric-stream template uses
 * `opentelemetry1.0` (DataDog/cloudformation-template streams_main.yaml); the AWS API accepts
 * `json`, `opentelemetry0.7` and `opentelemetry1.0` (PutMetricStream OutputFormat).
 */
export const OUTPUT_FORMAT = 'opentelemetry1.0';

/**
 * AWS namespaces DatadogExport accepts without `allowCustomNamespaces`. From the AWS
 * CloudWatch User Guide, "AWS services that publish CloudWatch metrics". `AWS/` is reserved
 * for AWS services: a namespace starting with it that is not listed here is rejected.
 */
export const AWS_NAMESPACES: readonly string[] = [
  'AWS/AmazonMQ', 'AWS/ApiGateway', 'AWS/AppRunner', 'AWS/AppStream', 'AWS/AppSync', 'AWS/ApplicationELB',
  'AWS/Athena', 'AWS/AutoScaling', 'AWS/Backup', 'AWS/Bedrock', 'AWS/Billing', 'AWS/CertificateManager',
  'AWS/CloudFront', 'AWS/CloudHSM', 'AWS/CloudSearch', 'AWS/CodeBuild', 'AWS/Cognito', 'AWS/Connect',
  'AWS/DAX', 'AWS/DMS', 'AWS/DX', 'AWS/DocDB', 'AWS/DynamoDB', 'AWS/EBS', 'AWS/EC2', 'AWS/EC2Spot',
  'AWS/ECR', 'AWS/ECS', 'AWS/EFS', 'AWS/ELB', 'AWS/ES', 'AWS/ElastiCache', 'AWS/ElasticBeanstalk',
  'AWS/ElasticMapReduce', 'AWS/ElasticTranscoder', 'AWS/Events', 'AWS/FSx', 'AWS/Firehose', 'AWS/GameLift',
  'AWS/GatewayELB', 'AWS/Glue', 'AWS/IoT', 'AWS/KMS', 'AWS/Kafka', 'AWS/Kinesis', 'AWS/KinesisAnalytics',
  'AWS/KinesisVideo', 'AWS/Lambda', 'AWS/Lex', 'AWS/Logs', 'AWS/MediaConvert', 'AWS/MediaLive',
  'AWS/MediaPackage', 'AWS/NATGateway', 'AWS/Neptune', 'AWS/NetworkELB', 'AWS/NetworkFirewall',
  'AWS/OpsWorks', 'AWS/PrivateLinkEndpoints', 'AWS/PrivateLinkServices', 'AWS/Redshift', 'AWS/RDS',
  'AWS/Route53', 'AWS/Route53Resolver', 'AWS/S3', 'AWS/SageMaker', 'AWS/SES', 'AWS/SNS', 'AWS/SQS',
  'AWS/SWF', 'AWS/SSM-RunCommand', 'AWS/States', 'AWS/StorageGateway', 'AWS/Textract', 'AWS/TransitGateway',
  'AWS/Translate', 'AWS/TrustedAdvisor', 'AWS/Usage', 'AWS/VPN', 'AWS/WAFV2', 'AWS/WorkSpaces', 'AWS/XRay',
].slice().sort();

/**
 * Datadog's AWS account that assumes the integration role, per site domain (commercial AWS).
 * Source: DataDog/cloudformation-template aws_quickstart/main_v2.yaml `DdAccountIdBySite`.
 */
export const DATADOG_AWS_ACCOUNT: Record<string, string> = {
  'datadoghq.com': '464622532012',
  'us3.datadoghq.com': '464622532012',
  'us5.datadoghq.com': '464622532012',
  'datadoghq.eu': '464622532012',
  'ap1.datadoghq.com': '417141415827',
  'ap2.datadoghq.com': '412381753143',
  'ddog-gov.com': '392588925713',
};

/** Datadog's AWS account for US1-FED when the integrated account is in GovCloud (same source). */
export const DATADOG_GOVCLOUD_AWS_ACCOUNT = '065115117704';

/**
 * Actions of the role Datadog assumes: Datadog's "Core" permission set
 * (`cloudwatch:Get*`, `cloudwatch:List*`, `ec2:Describe*`, `tag:GetResources`,
 * `tag:GetTagKeys`, `tag:GetTagValues` — DataDog/cloudformation-template
 * aws/datadog_integration_role.yaml, `BasePermissions: Core`), written out as the explicit
 * actions Datadog uses with metric streams (metadata and tags are still polled), plus
 * `oam:ListSinks` / `oam:ListAttachedLinks` which Datadog documents for metric streams.
 * None of these actions supports resource-level permissions, so the statement needs
 * `"Resource": "*"` (Service Authorization Reference: no resource types for these actions).
 */
export const DATADOG_ROLE_ACTIONS: readonly string[] = [
  'cloudwatch:GetMetricData',
  'cloudwatch:GetMetricStatistics',
  'cloudwatch:ListMetrics',
  'ec2:DescribeInstanceStatus',
  'ec2:DescribeInstances',
  'ec2:DescribeRegions',
  'ec2:DescribeVolumes',
  'oam:ListAttachedLinks',
  'oam:ListSinks',
  'tag:GetResources',
  'tag:GetTagKeys',
  'tag:GetTagValues',
];

/**
 * The Datadog name of a CloudWatch metric, by the documented rule
 * `aws.<namespace without AWS/, lower case>.<metric name in snake case>` (a lower case letter
 * or digit followed by an upper case letter starts a new word; acronym runs are kept
 * together: CPUUtilization → cpuutilization, ReadIOPS → read_iops). Datadog has exceptions
 * to this rule, so a mapping may give the exact name. Undefined when the rule does not
 * apply (a custom namespace, or characters other than letters, digits and `_`).
 */
export function derivedDatadogName(namespace: string, metricName: string): string | undefined {
  if (!/^AWS\/[A-Za-z0-9-]+$/.test(namespace) || !/^[A-Za-z0-9_]+$/.test(metricName)) return undefined;
  const ns = namespace.slice(4).toLowerCase().replace(/-/g, '_');
  const metric = metricName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return `aws.${ns}.${metric}`;
}

/** The IAM policy language version of every policy document the export writes. */
export const STATEMENT_VERSION = '2012-10-17';
