/**
 * Example: monitors found from the stack itself.
 *
 * Stack `discovery`: the "orders" service declared with `@cdktf/provider-aws` resources (a Lambda
 * function, SQS queues, a DynamoDB table, an SNS topic, a Step Functions state machine, a
 * Kinesis stream, an EventBridge rule, an internal ALB in front of an ECS service, an RDS
 * instance, an ElastiCache Redis cluster, an HTTP API stage, a Route 53 health check and an
 * Auto Scaling group), everything encrypted with the service's KMS key and nothing reachable
 * from the internet. `Monitoring.discover()` adds the preset monitors of every resource it
 * finds, on CloudWatch (alarms to an SNS topic with an e-mail subscription) and on Datadog, and
 * one dashboard of them, on CloudWatch and Datadog:
 * - Route 53 health checks are left out by type (their metrics exist only in us-east-1);
 * - the dead-letter queue is left out by `Monitoring.exclude()`;
 * - the orders table's monitors page (SEV1), with their own title and runbook, and the orders
 *   queue alerts after two minutes instead of ten, by `Monitoring.customize()`.
 */
import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { CloudwatchEventBus } from '@cdktf/provider-aws/lib/cloudwatch-event-bus';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { ElasticacheCluster } from '@cdktf/provider-aws/lib/elasticache-cluster';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, DashboardBackend, DatadogConnection, DatadogSite, DiscoverableType, MonitorBackend, Monitoring, NotificationTarget, Secret, Severity,
} from '../../src';

const REGION = 'eu-west-1';

/** A role that `service` may assume. */
function serviceRole(stack: TerraformStack, id: string, name: string, service: string): IamRole {
  const trust = new DataAwsIamPolicyDocument(stack, `${id}Trust`, {
    statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: [service] }] }],
  });
  return new IamRole(stack, id, { name, assumeRolePolicy: trust.json });
}

/** A log group kept a year, encrypted with `key`. */
function logGroup(stack: TerraformStack, id: string, name: string, key: KmsKey): CloudwatchLogGroup {
  return new CloudwatchLogGroup(stack, id, { name, retentionInDays: 365, kmsKeyId: key.arn });
}

export function discoveryExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'discovery');
  const aws = new AwsConnection(stack, 'Aws', { region: REGION });
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: Secret.fromSecretsManager(stack, 'DatadogApiKey', { secretId: 'observability/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromSecretsManager(stack, 'DatadogAppKey', { secretId: 'observability/datadog', jsonKey: 'app_key', aws }),
  });
  const account = new DataAwsCallerIdentity(stack, 'Account');

  // The service's key: the account administers it, CloudWatch Logs encrypts the log groups with
  // it. (In a key policy, resource "*" is the key itself.)
  const keyPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Account', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account.accountId}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'Logs',
        Effect: 'Allow',
        Principal: { Service: `logs.${REGION}.amazonaws.com` },
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        Resource: '*',
      },
    ],
  });
  const key = new KmsKey(stack, 'Key', { description: 'orders service data', enableKeyRotation: true, deletionWindowInDays: 7, policy: keyPolicy });

  // Network: two private subnets, no internet gateway; traffic is recorded by a flow log.
  const vpc = new Vpc(stack, 'Vpc', { cidrBlock: '10.20.0.0/16', enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: 'orders' } });
  const subnets = ['a', 'b'].map((az, i) => new Subnet(stack, `Private${az.toUpperCase()}`, {
    vpcId: vpc.id, cidrBlock: `10.20.${i}.0/24`, availabilityZone: `${REGION}${az}`, mapPublicIpOnLaunch: false, tags: { Name: `orders-private-${az}` },
  }));
  const subnetIds = subnets.map((s) => s.id);
  const flowLogs = logGroup(stack, 'FlowLogs', '/orders/vpc-flow-logs', key);
  const flowLogRole = serviceRole(stack, 'FlowLogRole', 'orders-flow-logs', 'vpc-flow-logs.amazonaws.com');
  new IamRolePolicy(stack, 'FlowLogWrite', {
    role: flowLogRole.id,
    policy: new DataAwsIamPolicyDocument(stack, 'FlowLogWritePolicy', {
      statement: [{ actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [`${flowLogs.arn}:*`] }],
    }).json,
  });
  new FlowLog(stack, 'FlowLog', { vpcId: vpc.id, trafficType: 'ALL', logDestination: flowLogs.arn, iamRoleArn: flowLogRole.arn });

  // The tiers share the VPC's default security group, which admits traffic only from its own
  // members; with no internet gateway, nothing is reachable from outside the VPC.
  const privateSg = vpc.defaultSecurityGroupId;

  // Messaging: the orders queue (and its dead-letter queue), the order events topic and stream.
  const dlq = new SqsQueue(stack, 'OrdersDlq', { name: 'orders-dlq', kmsMasterKeyId: key.arn, messageRetentionSeconds: 1209600 });
  const queue = new SqsQueue(stack, 'OrdersQueue', {
    name: 'orders',
    kmsMasterKeyId: key.arn,
    redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 }),
  });
  new SnsTopic(stack, 'OrderEvents', { name: 'order-events', kmsMasterKeyId: key.arn });
  new KinesisStream(stack, 'OrderStream', { name: 'order-stream', encryptionType: 'KMS', kmsKeyId: key.arn, retentionPeriod: 24, streamModeDetails: { streamMode: 'ON_DEMAND' } });

  // Data: the orders table, the database and the session cache.
  const table = new DynamodbTable(stack, 'OrdersTable', {
    name: 'orders',
    billingMode: 'PAY_PER_REQUEST',
    hashKey: 'orderId',
    attribute: [{ name: 'orderId', type: 'S' }],
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
  });
  const dbSubnets = new DbSubnetGroup(stack, 'DbSubnets', { name: 'orders', subnetIds });
  const dbParameters = new DbParameterGroup(stack, 'DbParameters', {
    name: 'orders-postgres16',
    family: 'postgres16',
    parameter: [
      { name: 'log_statement', value: 'ddl' },
      { name: 'log_min_duration_statement', value: '1000' },
      { name: 'rds.force_ssl', value: '1' },
    ],
  });
  const rdsMonitoring = serviceRole(stack, 'RdsMonitoringRole', 'orders-rds-monitoring', 'monitoring.rds.amazonaws.com');
  new IamRolePolicyAttachment(stack, 'RdsMonitoringPolicy', { role: rdsMonitoring.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole' });
  new DbInstance(stack, 'Database', {
    identifier: 'orders-postgres',
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.t4g.medium',
    allocatedStorage: 50,
    storageType: 'gp3',
    storageEncrypted: true,
    kmsKeyId: key.arn,
    username: 'orders_admin',
    manageMasterUserPassword: true,
    masterUserSecretKmsKeyId: key.arn,
    dbSubnetGroupName: dbSubnets.name,
    parameterGroupName: dbParameters.name,
    vpcSecurityGroupIds: [privateSg],
    publiclyAccessible: false,
    multiAz: true,
    iamDatabaseAuthenticationEnabled: true,
    backupRetentionPeriod: 7,
    copyTagsToSnapshot: true,
    autoMinorVersionUpgrade: true,
    deletionProtection: false,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: 'orders-postgres-final',
    enabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
    monitoringInterval: 60,
    monitoringRoleArn: rdsMonitoring.arn,
    performanceInsightsEnabled: true,
    performanceInsightsKmsKeyId: key.arn,
  });
  const cacheSubnets = new ElasticacheSubnetGroup(stack, 'CacheSubnets', { name: 'orders-cache', subnetIds });
  new ElasticacheCluster(stack, 'SessionCache', {
    clusterId: 'orders-sessions',
    engine: 'redis',
    engineVersion: '7.1',
    nodeType: 'cache.t4g.small',
    numCacheNodes: 1,
    port: 6379,
    subnetGroupName: cacheSubnets.name,
    securityGroupIds: [privateSg],
    transitEncryptionEnabled: true,
    snapshotRetentionLimit: 5,
  });

  // Compute: the order function, the fulfilment workflow and its schedule.
  const fnRole = serviceRole(stack, 'FunctionRole', 'orders-function', 'lambda.amazonaws.com');
  new IamRolePolicyAttachment(stack, 'FunctionVpcAccess', { role: fnRole.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole' });
  new LambdaFunction(stack, 'OrdersFunction', {
    functionName: 'orders-api',
    role: fnRole.arn,
    packageType: 'Image',
    imageUri: `${account.accountId}.dkr.ecr.${REGION}.amazonaws.com/orders-api:1.4.2`,
    memorySize: 512,
    timeout: 10,
    reservedConcurrentExecutions: 50,
    environment: { variables: { ORDERS_QUEUE_URL: queue.url, ORDERS_TABLE: table.name } },
    kmsKeyArn: key.arn,
    tracingConfig: { mode: 'Active' },
    deadLetterConfig: { targetArn: dlq.arn },
    vpcConfig: { subnetIds, securityGroupIds: [privateSg] },
  });

  const workflowRole = serviceRole(stack, 'WorkflowRole', 'orders-fulfilment', 'states.amazonaws.com');
  const workflowLogs = logGroup(stack, 'WorkflowLogs', '/orders/fulfilment', key);
  new SfnStateMachine(stack, 'Fulfilment', {
    name: 'orders-fulfilment',
    roleArn: workflowRole.arn,
    definition: JSON.stringify({ StartAt: 'Accept', States: { Accept: { Type: 'Pass', End: true } } }),
    loggingConfiguration: { level: 'ALL', includeExecutionData: true, logDestination: `${workflowLogs.arn}:*` },
    tracingConfiguration: { enabled: true },
  });
  const bus = new CloudwatchEventBus(stack, 'OrdersBus', { name: 'orders' });
  new CloudwatchEventRule(stack, 'OrderPlaced', {
    name: 'order-placed',
    eventBusName: bus.name,
    eventPattern: JSON.stringify({ 'source': ['acme.orders'], 'detail-type': ['OrderPlaced'] }),
  });

  // The HTTP API and its stage, with access logs.
  const api = new Apigatewayv2Api(stack, 'HttpApi', { name: 'orders', protocolType: 'HTTP' });
  const apiLogs = logGroup(stack, 'ApiLogs', '/orders/http-api', key);
  new Apigatewayv2Stage(stack, 'ApiStage', {
    apiId: api.id,
    name: 'prod',
    autoDeploy: true,
    accessLogSettings: {
      destinationArn: apiLogs.arn,
      format: JSON.stringify({ requestId: '$context.requestId', status: '$context.status', routeKey: '$context.routeKey' }),
    },
    defaultRouteSettings: { throttlingBurstLimit: 100, throttlingRateLimit: 50 },
  });

  // The internal load balancer in front of the ECS service, with its access logs. Load balancer
  // access logs take only S3-managed keys (SSE-S3), and in eu-west-1 are written by the Elastic
  // Load Balancing account 156460612806
  // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
  const albLogs = new S3Bucket(stack, 'AlbLogs', { bucket: 'acme-orders-alb-access-logs' });
  new S3BucketPublicAccessBlock(stack, 'AlbLogsPublicAccess', {
    bucket: albLogs.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  new S3BucketVersioningA(stack, 'AlbLogsVersioning', { bucket: albLogs.id, versioningConfiguration: { status: 'Enabled' } });
  new S3BucketServerSideEncryptionConfigurationA(stack, 'AlbLogsEncryption', {
    bucket: albLogs.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  new S3BucketLifecycleConfiguration(stack, 'AlbLogsLifecycle', {
    bucket: albLogs.id,
    rule: [{
      id: 'expire',
      status: 'Enabled',
      filter: [{ prefix: '' }],
      expiration: [{ days: 90 }],
      noncurrentVersionExpiration: [{ noncurrentDays: 7 }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
    }],
  });
  const albLogsPolicy = new S3BucketPolicy(stack, 'AlbLogsPolicy', {
    bucket: albLogs.id,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ElbLogDelivery', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::156460612806:root' }, Action: 's3:PutObject', Resource: `${albLogs.arn}/alb/AWSLogs/${account.accountId}/*` },
        { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [albLogs.arn, `${albLogs.arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ],
    }),
  });
  const alb = new Lb(stack, 'Alb', {
    name: 'orders',
    internal: true,
    loadBalancerType: 'application',
    subnets: subnetIds,
    securityGroups: [privateSg],
    dropInvalidHeaderFields: true,
    enableDeletionProtection: true,
    accessLogs: { bucket: albLogs.id, prefix: 'alb', enabled: true },
    dependsOn: [albLogsPolicy],
  });
  const targets = new LbTargetGroup(stack, 'Targets', {
    name: 'orders',
    port: 8080,
    protocol: 'HTTP',
    targetType: 'ip',
    vpcId: vpc.id,
    healthCheck: { path: '/health', protocol: 'HTTP', matcher: '200' },
  });
  const certificate = new AcmCertificate(stack, 'Certificate', {
    domainName: 'orders.internal.acme.example',
    validationMethod: 'DNS',
    options: { certificateTransparencyLoggingPreference: 'ENABLED' },
    lifecycle: { createBeforeDestroy: true },
  });
  const listener = new LbListener(stack, 'Listener', {
    loadBalancerArn: alb.arn,
    port: 443,
    protocol: 'HTTPS',
    sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    certificateArn: certificate.arn,
    defaultAction: [{ type: 'forward', targetGroupArn: targets.arn }],
  });
  const cluster = new EcsCluster(stack, 'Cluster', { name: 'orders', setting: [{ name: 'containerInsights', value: 'enabled' }] });
  const taskRole = serviceRole(stack, 'TaskExecutionRole', 'orders-task-execution', 'ecs-tasks.amazonaws.com');
  new IamRolePolicyAttachment(stack, 'TaskExecutionPolicy', { role: taskRole.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  const taskLogs = logGroup(stack, 'TaskLogs', '/orders/worker', key);
  const task = new EcsTaskDefinition(stack, 'Task', {
    family: 'orders-worker-task',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '512',
    memory: '1024',
    executionRoleArn: taskRole.arn,
    containerDefinitions: JSON.stringify([{
      name: 'worker',
      image: `${account.accountId}.dkr.ecr.${REGION}.amazonaws.com/orders-worker:1.4.2`,
      essential: true,
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': taskLogs.name, 'awslogs-region': REGION, 'awslogs-stream-prefix': 'worker' } },
    }]),
  });
  new EcsService(stack, 'Worker', {
    name: 'orders-worker',
    cluster: cluster.arn,
    taskDefinition: task.arn,
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: { subnets: subnetIds, securityGroups: [privateSg], assignPublicIp: false },
    loadBalancer: [{ targetGroupArn: targets.arn, containerName: 'worker', containerPort: 8080 }],
    dependsOn: [listener],
  });

  // Instances for the batch jobs: IMDSv2 only, no public address, encrypted volumes.
  const template = new LaunchTemplate(stack, 'BatchTemplate', {
    name: 'orders-batch',
    imageId: 'ami-0123456789abcdef0',
    instanceType: 't4g.small',
    vpcSecurityGroupIds: [privateSg],
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
    blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 20, volumeType: 'gp3', encrypted: 'true', kmsKeyId: key.arn } }],
  });
  new AutoscalingGroup(stack, 'Batch', {
    name: 'orders-batch',
    minSize: 2,
    maxSize: 4,
    vpcZoneIdentifier: subnetIds,
    launchTemplate: { id: template.id, version: '$Latest' },
    tag: [{ key: 'service', value: 'orders', propagateAtLaunch: true }],
  });

  // Reached from outside: the public endpoint's health.
  new Route53HealthCheck(stack, 'PublicHealth', { type: 'HTTPS', fqdn: 'orders.acme.example', port: 443, resourcePath: '/health', failureThreshold: 3, requestInterval: 30 });

  // Who hears the alerts: the team's mailbox (an SNS topic and its subscription on CloudWatch,
  // the address on Datadog).
  const team = NotificationTarget.email({ address: 'orders-team@acme.example' });

  // The exceptions: the dead-letter queue is drained by hand, and the orders table pages.
  Monitoring.exclude(dlq);
  Monitoring.customize(table, { titlePrefix: 'orders table', severity: Severity.SEV1, runbookUrl: 'https://runbooks.acme.example/orders/table' });
  // orders must not wait: this queue alerts after two minutes, not the stack's ten
  Monitoring.customize(queue, { thresholds: { sqsMaxAgeOfOldestMessageSeconds: 120 } });

  Monitoring.discover(stack, {
    backends: [MonitorBackend.cloudwatch(), MonitorBackend.datadog()],
    targets: [team],
    // Route 53 publishes health check metrics only in us-east-1
    // (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html):
    // they are watched from the stack of that region.
    exclude: [DiscoverableType.ROUTE53_HEALTH_CHECK],
    lambdaMaxErrors: 5,
    lambdaMaxDurationP99Ms: 3000,
    sqsMaxAgeOfOldestMessageSeconds: 600,
    kinesisMaxIteratorAgeMs: 60000,
    elastiCacheMaxMemoryPercent: 80,
    rdsMaxCpuPercent: 85,
    rdsMinFreeStorageBytes: 10e9,
    autoScalingMinInServiceInstances: 2,
    albMaxTarget5xx: 25,
    albMaxResponseTimeP99Seconds: 1.5,
    ecsMaxCpuPercent: 85,
    ecsMaxMemoryPercent: 90,
    dashboardBackends: [DashboardBackend.cloudwatch(), DashboardBackend.datadog()],
    dashboardTitle: 'orders: everything monitored',
    tags: { service: 'orders', team: 'commerce' },
  });
  return [stack];
}

if (require.main === module) {
  const app = new App();
  discoveryExample(app);
  app.synth();
}
