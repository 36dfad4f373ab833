import { Annotations, Aspects, Fn, IAspect, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalArray, optionalBoolean, optionalNoControlChars, requireArray } from '../core/private/validate';
import type { Severity } from '../core/severity';
import { Dashboard } from '../dashboards/dashboard';
import type { IDashboardBackend } from '../dashboards/dashboard-backend';
import type { IMonitorBackend } from '../monitors/backend';
import type { INotificationTarget } from '../notifications/targets';
import { FirehoseDestination } from '../presets/firehose';
import { MonitorGroup } from '../presets/monitor-group';
import { MonitorPresets } from '../presets/presets';
import { anyEvaluates } from '../presets/private/categories';
import { Signal } from '../signals/signal';

/** The resource types `Monitoring.discover()` finds. */
export enum DiscoverableType {
  /** `aws_lambda_function` → `MonitorPresets.lambdaFunction`. */
  LAMBDA_FUNCTION = 'aws_lambda_function',
  /** `aws_sqs_queue` → `MonitorPresets.sqsQueue`. */
  SQS_QUEUE = 'aws_sqs_queue',
  /** `aws_dynamodb_table` → `MonitorPresets.dynamoDbTable`. */
  DYNAMODB_TABLE = 'aws_dynamodb_table',
  /** `aws_sns_topic` → `MonitorPresets.snsTopic`. */
  SNS_TOPIC = 'aws_sns_topic',
  /** `aws_sfn_state_machine` → `MonitorPresets.stepFunctionsStateMachine` (by its ARN). */
  SFN_STATE_MACHINE = 'aws_sfn_state_machine',
  /** `aws_kinesis_stream` → `MonitorPresets.kinesisStream` (needs `kinesisMaxIteratorAgeMs`). */
  KINESIS_STREAM = 'aws_kinesis_stream',
  /** `aws_kinesis_firehose_delivery_stream` → `MonitorPresets.firehoseStream` (S3, HTTP endpoint, Splunk and OpenSearch destinations). */
  FIREHOSE_DELIVERY_STREAM = 'aws_kinesis_firehose_delivery_stream',
  /** `aws_cloudwatch_event_rule` → `MonitorPresets.eventBridgeRule` (rule name and event bus name). */
  EVENT_RULE = 'aws_cloudwatch_event_rule',
  /** `aws_elasticache_cluster` → `MonitorPresets.elastiCacheRedis` (Redis/Valkey clusters; needs `elastiCacheMaxMemoryPercent`). */
  ELASTICACHE_CLUSTER = 'aws_elasticache_cluster',
  /** `aws_db_instance` → `MonitorPresets.rdsInstance` (needs `rdsMaxCpuPercent` and `rdsMinFreeStorageBytes`). */
  DB_INSTANCE = 'aws_db_instance',
  /** `aws_autoscaling_group` → `MonitorPresets.autoScalingGroup` (needs `autoScalingMinInServiceInstances`). */
  AUTOSCALING_GROUP = 'aws_autoscaling_group',
  /** `aws_route53_health_check` → `MonitorPresets.route53HealthCheck` (by its id). */
  ROUTE53_HEALTH_CHECK = 'aws_route53_health_check',
  /** `aws_apigatewayv2_stage` → `MonitorPresets.apiGatewayHttpApi` (API id and stage name). */
  APIGATEWAYV2_STAGE = 'aws_apigatewayv2_stage',
  /**
   * `aws_lb` → `MonitorPresets.applicationLoadBalancer` for application load balancers (by
   * `arn_suffix`; needs `albMaxTarget5xx` and `albMaxResponseTimeP99Seconds`). Network load
   * balancers are skipped with a warning: their preset needs a target group, which the load
   * balancer does not name.
   */
  LOAD_BALANCER = 'aws_lb',
  /**
   * `aws_api_gateway_stage`: skipped with a warning. The REST API preset's `ApiName` dimension is
   * the API's name, and the stage names only the API's id.
   */
  API_GATEWAY_STAGE = 'aws_api_gateway_stage',
  /**
   * `aws_ecs_service` → `MonitorPresets.ecsService` (cluster name taken in Terraform from the end
   * of the service's `cluster` ARN; needs `ecsMaxCpuPercent` and `ecsMaxMemoryPercent`), and also
   * `MonitorPresets.ecsContainerInsights` with `ecsContainerInsights`.
   */
  ECS_SERVICE = 'aws_ecs_service',
  /**
   * `aws_eks_cluster` → `MonitorPresets.eksCluster` (by the cluster's `name`; needs Container
   * Insights on the cluster).
   */
  EKS_CLUSTER = 'aws_eks_cluster',
  /** `aws_s3_bucket_metric` → `MonitorPresets.s3Bucket` (bucket and filter id; needs `s3MaxServerErrors`). */
  S3_BUCKET_METRIC = 'aws_s3_bucket_metric',
  /**
   * `aws_opensearch_domain` → `MonitorPresets.openSearchDomain` (domain name, and the account id
   * taken in Terraform from the domain's ARN; the preset's default thresholds).
   */
  OPENSEARCH_DOMAIN = 'aws_opensearch_domain',
  /**
   * `aws_rds_cluster` → `MonitorPresets.auroraCluster` for Aurora MySQL and Aurora PostgreSQL
   * clusters (by `cluster_identifier`; needs `auroraMaxWriterCpuPercent`). Other engines
   * (Multi-AZ DB clusters of MySQL or PostgreSQL) are skipped with a warning.
   */
  RDS_CLUSTER = 'aws_rds_cluster',
}

/**
 * The thresholds of the discovered resources' monitors: for all of a stack's resources in
 * `DiscoveryOptions`, for one resource in `DiscoveryOverride.thresholds`.
 */
export interface DiscoveryThresholds {
  /**
   * Errors per window above which a Lambda function alerts; Lambda functions are skipped (with a
   * warning) without it.
   * @default - Lambda functions are skipped
   */
  readonly lambdaMaxErrors?: number;
  /**
   * p99 duration in ms above which a Lambda function alerts; Lambda functions are skipped (with a
   * warning) without it.
   * @default - Lambda functions are skipped
   */
  readonly lambdaMaxDurationP99Ms?: number;
  /**
   * Age of the oldest message in seconds above which an SQS queue alerts; queues are skipped
   * (with a warning) without it.
   * @default - SQS queues are skipped
   */
  readonly sqsMaxAgeOfOldestMessageSeconds?: number;
  /**
   * Iterator age in ms above which a Kinesis stream alerts.
   * @default - Kinesis streams are skipped (with a warning)
   */
  readonly kinesisMaxIteratorAgeMs?: number;
  /**
   * Memory use in percent above which an ElastiCache Redis/Valkey cluster alerts.
   * @default - ElastiCache clusters are skipped (with a warning)
   */
  readonly elastiCacheMaxMemoryPercent?: number;
  /**
   * CPU in percent above which an RDS instance alerts.
   * @default - RDS instances are skipped (with a warning)
   */
  readonly rdsMaxCpuPercent?: number;
  /**
   * Free storage in bytes below which an RDS instance alerts.
   * @default - RDS instances are skipped (with a warning)
   */
  readonly rdsMinFreeStorageBytes?: number;
  /**
   * In-service instances below which an Auto Scaling group alerts.
   * @default - Auto Scaling groups are skipped (with a warning)
   */
  readonly autoScalingMinInServiceInstances?: number;
  /**
   * Target 5xx responses per 5 minutes above which an application load balancer alerts.
   * @default - application load balancers are skipped (with a warning)
   */
  readonly albMaxTarget5xx?: number;
  /**
   * p99 target response time in seconds above which an application load balancer alerts.
   * @default - application load balancers are skipped (with a warning)
   */
  readonly albMaxResponseTimeP99Seconds?: number;
  /**
   * CPU in percent above which an ECS service alerts.
   * @default - ECS services are skipped (with a warning)
   */
  readonly ecsMaxCpuPercent?: number;
  /**
   * Memory in percent above which an ECS service alerts.
   * @default - ECS services are skipped (with a warning)
   */
  readonly ecsMaxMemoryPercent?: number;
  /**
   * Also give each ECS service the Container Insights monitors (`MonitorPresets.ecsContainerInsights`:
   * running tasks below desired, CPU and memory of what the tasks reserve, with
   * `ecsMaxCpuPercent` and `ecsMaxMemoryPercent` as their thresholds when given), whether or not
   * the `ecsService` monitors are added. The clusters need Container Insights turned on, and the
   * backends must include CloudWatch (the monitors are metric-math expressions).
   * @default false
   */
  readonly ecsContainerInsights?: boolean;
  /**
   * 5xx errors per window above which the requests of an S3 request-metrics filter alert.
   * @default - S3 request-metrics filters are skipped (with a warning)
   */
  readonly s3MaxServerErrors?: number;
  /**
   * CPU in percent above which the writer of an Aurora cluster alerts.
   * @default - Aurora clusters are skipped (with a warning)
   */
  readonly auroraMaxWriterCpuPercent?: number;
}

/** Options of `Monitoring.discover()`. */
export interface DiscoveryOptions extends DiscoveryThresholds {
  /** The backends to render the monitors to. */
  readonly backends: IMonitorBackend[];
  /**
   * Who to notify.
   * @default - none
   */
  readonly targets?: INotificationTarget[];
  /**
   * Types not to monitor.
   * @default - none
   */
  readonly exclude?: DiscoverableType[];
  /**
   * Where to draw one dashboard of what was found (rows per resource monitored); no dashboard is
   * drawn when nothing is monitored.
   * @default - no dashboard
   */
  readonly dashboardBackends?: IDashboardBackend[];
  /**
   * Title of the dashboard.
   * @default - "Monitoring of <stack id>"
   */
  readonly dashboardTitle?: string;
  /**
   * Tags of every monitor found.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Severity of every monitor found.
   * @default - the presets' default severity
   */
  readonly severity?: Severity;
}

/** Settings of the monitors of one discovered resource (`Monitoring.customize()`). */
export interface DiscoveryOverride {
  /**
   * Prefix of the monitor titles.
   * @default - the resource's name (a Terraform reference)
   */
  readonly titlePrefix?: string;
  /**
   * Severity of the resource's monitors.
   * @default - `DiscoveryOptions.severity`
   */
  readonly severity?: Severity;
  /**
   * Tags of the resource's monitors, added to (and replacing keys of) `DiscoveryOptions.tags`.
   * @default - `DiscoveryOptions.tags`
   */
  readonly tags?: { [key: string]: string };
  /**
   * Runbook of the resource's monitors.
   * @default - none
   */
  readonly runbookUrl?: string;
  /**
   * Thresholds of this resource's monitors, replacing those of `DiscoveryOptions` that are
   * given here (e.g. `{ sqsMaxAgeOfOldestMessageSeconds: 60 }` for one queue).
   * @default - the thresholds of `DiscoveryOptions`
   */
  readonly thresholds?: DiscoveryThresholds;
}

const EXCLUDED = new WeakSet<IConstruct>();
const OVERRIDES = new WeakMap<IConstruct, DiscoveryOverride>();

/** The options every preset gets from the discovery options and the resource's override. */
function common(o: DiscoveryOptions, r: TerraformResource) {
  const v = OVERRIDES.get(r) ?? {};
  const tags = o.tags || v.tags ? { ...o.tags, ...v.tags } : undefined;
  return { backends: o.backends, targets: o.targets, tags, severity: v.severity ?? o.severity, titlePrefix: v.titlePrefix, runbookUrl: v.runbookUrl };
}

interface Entry {
  readonly type: DiscoverableType;
  /** Builds the preset (or presets), or returns why the resource (or one preset of it) is not monitored. */
  readonly build: (scope: Construct, id: string, r: TerraformResource, o: DiscoveryOptions) => MonitorGroup | string | Array<MonitorGroup | string>;
}

const missing = (option: string) => `option ${option} is not given`;

/** The given (not undefined) entries of a resource's thresholds. */
function definedOnly(t: DiscoveryThresholds): DiscoveryThresholds {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as DiscoveryThresholds;
}

/** Firehose destinations (the L1's `destination`) → the preset's destination. */
const FIREHOSE_DESTINATIONS: Record<string, FirehoseDestination> = {
  extended_s3: FirehoseDestination.S3,
  http_endpoint: FirehoseDestination.HTTP_ENDPOINT,
  splunk: FirehoseDestination.SPLUNK,
  opensearch: FirehoseDestination.OPENSEARCH,
  elasticsearch: FirehoseDestination.OPENSEARCH,
};

/** One entry per discoverable type: its preset, and its props from the L1's attributes. */
const TABLE: Entry[] = [
  {
    type: DiscoverableType.LAMBDA_FUNCTION,
    build: (s, id, r, o) => {
      if (o.lambdaMaxErrors === undefined) return missing('lambdaMaxErrors');
      if (o.lambdaMaxDurationP99Ms === undefined) return missing('lambdaMaxDurationP99Ms');
      return MonitorPresets.lambdaFunction(s, id, {
        ...common(o, r),
        functionName: r.getStringAttribute('function_name'),
        maxErrors: o.lambdaMaxErrors,
        maxDurationP99Ms: o.lambdaMaxDurationP99Ms,
      });
    },
  },
  {
    type: DiscoverableType.SQS_QUEUE,
    build: (s, id, r, o) => o.sqsMaxAgeOfOldestMessageSeconds === undefined ? missing('sqsMaxAgeOfOldestMessageSeconds')
      : MonitorPresets.sqsQueue(s, id, {
        ...common(o, r),
        queueName: r.getStringAttribute('name'),
        maxAgeOfOldestMessageSeconds: o.sqsMaxAgeOfOldestMessageSeconds,
      }),
  },
  {
    type: DiscoverableType.DYNAMODB_TABLE,
    build: (s, id, r, o) => MonitorPresets.dynamoDbTable(s, id, { ...common(o, r), tableName: r.getStringAttribute('name') }),
  },
  {
    type: DiscoverableType.SNS_TOPIC,
    build: (s, id, r, o) => MonitorPresets.snsTopic(s, id, { ...common(o, r), topicName: r.getStringAttribute('name') }),
  },
  {
    type: DiscoverableType.SFN_STATE_MACHINE,
    build: (s, id, r, o) => MonitorPresets.stepFunctionsStateMachine(s, id, { ...common(o, r), stateMachineArn: r.getStringAttribute('arn') }),
  },
  {
    type: DiscoverableType.KINESIS_STREAM,
    build: (s, id, r, o) => o.kinesisMaxIteratorAgeMs === undefined ? missing('kinesisMaxIteratorAgeMs')
      : MonitorPresets.kinesisStream(s, id, { ...common(o, r), streamName: r.getStringAttribute('name'), maxIteratorAgeMs: o.kinesisMaxIteratorAgeMs }),
  },
  {
    type: DiscoverableType.FIREHOSE_DELIVERY_STREAM,
    build: (s, id, r, o) => {
      const given = (r as any).destinationInput as unknown;
      const destination = typeof given === 'string' ? FIREHOSE_DESTINATIONS[given] : undefined;
      if (destination === undefined) return `destination ${String(given)} has no Firehose preset (accepted: ${Object.keys(FIREHOSE_DESTINATIONS).join(', ')})`;
      return MonitorPresets.firehoseStream(s, id, { ...common(o, r), deliveryStreamName: r.getStringAttribute('name'), destination });
    },
  },
  {
    type: DiscoverableType.EVENT_RULE,
    build: (s, id, r, o) => MonitorPresets.eventBridgeRule(s, id, {
      ...common(o, r),
      ruleName: r.getStringAttribute('name'),
      // Only a bus the rule names; rules of the default bus have no EventBusName dimension.
      eventBusName: (r as any).eventBusNameInput === undefined ? undefined : r.getStringAttribute('event_bus_name'),
    }),
  },
  {
    type: DiscoverableType.ELASTICACHE_CLUSTER,
    build: (s, id, r, o) => {
      const engine = (r as any).engineInput as unknown;
      if (engine !== 'redis' && engine !== 'valkey') return `engine ${String(engine)} is not Redis or Valkey (the preset reads Redis/Valkey engine metrics)`;
      if (o.elastiCacheMaxMemoryPercent === undefined) return missing('elastiCacheMaxMemoryPercent');
      return MonitorPresets.elastiCacheRedis(s, id, { ...common(o, r), cacheClusterId: r.getStringAttribute('cluster_id'), maxMemoryPercent: o.elastiCacheMaxMemoryPercent });
    },
  },
  {
    type: DiscoverableType.DB_INSTANCE,
    build: (s, id, r, o) => {
      if (o.rdsMaxCpuPercent === undefined) return missing('rdsMaxCpuPercent');
      if (o.rdsMinFreeStorageBytes === undefined) return missing('rdsMinFreeStorageBytes');
      return MonitorPresets.rdsInstance(s, id, {
        ...common(o, r),
        dbInstanceIdentifier: r.getStringAttribute('identifier'),
        maxCpuPercent: o.rdsMaxCpuPercent,
        minFreeStorageBytes: o.rdsMinFreeStorageBytes,
      });
    },
  },
  {
    type: DiscoverableType.AUTOSCALING_GROUP,
    build: (s, id, r, o) => o.autoScalingMinInServiceInstances === undefined ? missing('autoScalingMinInServiceInstances')
      : MonitorPresets.autoScalingGroup(s, id, { ...common(o, r), autoScalingGroupName: r.getStringAttribute('name'), minInServiceInstances: o.autoScalingMinInServiceInstances }),
  },
  {
    type: DiscoverableType.ROUTE53_HEALTH_CHECK,
    build: (s, id, r, o) => MonitorPresets.route53HealthCheck(s, id, { ...common(o, r), healthCheckId: r.getStringAttribute('id') }),
  },
  {
    type: DiscoverableType.APIGATEWAYV2_STAGE,
    build: (s, id, r, o) => MonitorPresets.apiGatewayHttpApi(s, id, { ...common(o, r), apiId: r.getStringAttribute('api_id'), stage: r.getStringAttribute('name') }),
  },
  {
    type: DiscoverableType.LOAD_BALANCER,
    build: (s, id, r, o) => {
      const type = ((r as any).loadBalancerTypeInput as string | undefined) ?? 'application';
      if (type !== 'application') return `a ${type} load balancer: its preset needs a target group, which the load balancer does not name (use MonitorPresets.networkLoadBalancer)`;
      if (o.albMaxTarget5xx === undefined) return missing('albMaxTarget5xx');
      if (o.albMaxResponseTimeP99Seconds === undefined) return missing('albMaxResponseTimeP99Seconds');
      return MonitorPresets.applicationLoadBalancer(s, id, {
        ...common(o, r),
        loadBalancer: r.getStringAttribute('arn_suffix'),
        maxTarget5xx: o.albMaxTarget5xx,
        maxResponseTimeP99Seconds: o.albMaxResponseTimeP99Seconds,
      });
    },
  },
  {
    type: DiscoverableType.API_GATEWAY_STAGE,
    build: () => 'the REST API preset needs the API\'s name (its ApiName dimension) and the stage names only the API\'s id (use MonitorPresets.apiGatewayRestApi)',
  },
  {
    type: DiscoverableType.ECS_SERVICE,
    build: (s, id, r, o) => {
      // `cluster` is the cluster's ARN (`arn:aws:ecs:<region>:<account>:cluster/<name>`) or name;
      // its last `/`-separated part is the name, computed by Terraform.
      const clusterName = Fn.element(Fn.reverse(Fn.split('/', r.getStringAttribute('cluster'))), 0);
      const serviceName = r.getStringAttribute('name');
      const service = (): MonitorGroup | string => {
        if (o.ecsMaxCpuPercent === undefined) return missing('ecsMaxCpuPercent');
        if (o.ecsMaxMemoryPercent === undefined) return missing('ecsMaxMemoryPercent');
        return MonitorPresets.ecsService(s, id, {
          ...common(o, r),
          clusterName,
          serviceName,
          maxCpuPercent: o.ecsMaxCpuPercent,
          maxMemoryPercent: o.ecsMaxMemoryPercent,
        });
      };
      if (!o.ecsContainerInsights) return service();
      const insights = !anyEvaluates(o.backends, Signal.cloudWatchExpression({
        expression: 'running',
        usingMetrics: { running: Signal.cloudWatchMetric({ namespace: 'ECS/ContainerInsights', metricName: 'RunningTaskCount', dimensions: { ClusterName: 'c', ServiceName: 's' } }) },
      }))
        ? 'its Container Insights monitors need a CloudWatch backend (they are CloudWatch metric-math expressions)'
        : MonitorPresets.ecsContainerInsights(s, `${id}-ContainerInsights`, {
          ...common(o, r),
          clusterName,
          serviceName,
          maxCpuPercent: o.ecsMaxCpuPercent,
          maxMemoryPercent: o.ecsMaxMemoryPercent,
        });
      return [service(), insights];
    },
  },
  {
    type: DiscoverableType.EKS_CLUSTER,
    build: (s, id, r, o) => !anyEvaluates(o.backends, Signal.cloudWatchMetric({ namespace: 'ContainerInsights', metricName: 'node_cpu_utilization', dimensions: { ClusterName: 'c' } }))
      ? 'the EKS preset reads CloudWatch Container Insights, which Datadog does not collect (add a CloudWatch or Grafana backend)'
      : MonitorPresets.eksCluster(s, id, { ...common(o, r), clusterName: r.getStringAttribute('name') }),
  },
  {
    type: DiscoverableType.S3_BUCKET_METRIC,
    build: (s, id, r, o) => o.s3MaxServerErrors === undefined ? missing('s3MaxServerErrors')
      : MonitorPresets.s3Bucket(s, id, { ...common(o, r), bucketName: r.getStringAttribute('bucket'), filterId: r.getStringAttribute('name'), maxServerErrors: o.s3MaxServerErrors }),
  },
  {
    type: DiscoverableType.OPENSEARCH_DOMAIN,
    build: (s, id, r, o) => MonitorPresets.openSearchDomain(s, id, {
      ...common(o, r),
      domainName: r.getStringAttribute('domain_name'),
      // The ClientId dimension is the owning account: the fifth field of the domain's ARN
      // (`arn:aws:es:<region>:<account>:domain/<name>`), computed by Terraform.
      accountId: Fn.element(Fn.split(':', r.getStringAttribute('arn')), 4),
    }),
  },
  {
    type: DiscoverableType.RDS_CLUSTER,
    build: (s, id, r, o) => {
      const engine = (r as any).engineInput as unknown;
      if (engine !== 'aurora-mysql' && engine !== 'aurora-postgresql') {
        return `engine ${String(engine)} is not aurora-mysql or aurora-postgresql (the preset reads Aurora metrics)`;
      }
      if (o.auroraMaxWriterCpuPercent === undefined) return missing('auroraMaxWriterCpuPercent');
      return MonitorPresets.auroraCluster(s, id, {
        ...common(o, r),
        clusterIdentifier: r.getStringAttribute('cluster_identifier'),
        maxWriterCpuPercent: o.auroraMaxWriterCpuPercent,
      });
    },
  },
];

class Discovery implements IAspect {
  private done = false;
  constructor(private readonly stack: TerraformStack, private readonly scope: Construct, private readonly options: DiscoveryOptions) {}

  public visit(node: IConstruct): void {
    // Runs once, when cdktf visits the stack: every resource exists by then, and the groups added
    // here are children cdktf has not yet walked, so the library's escaping aspect reaches them.
    if (node !== this.stack || this.done) return;
    this.done = true;
    const excluded = new Set(this.options.exclude ?? []);
    const groups: MonitorGroup[] = [];
    const resources = this.stack.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource);
    for (const r of resources.sort((a, b) => a.node.path.localeCompare(b.node.path))) {
      const entry = TABLE.find((e) => e.type === r.terraformResourceType);
      if (!entry || excluded.has(entry.type) || EXCLUDED.has(r)) continue;
      const id = r.node.path.split('/').slice(1).join('-');
      const own = OVERRIDES.get(r)?.thresholds;
      const built = entry.build(this.scope, id, r, own ? { ...this.options, ...definedOnly(own) } : this.options);
      // A resource with several presets, one of them built, is monitored in part.
      const partly = Array.isArray(built) && built.some((b) => typeof b !== 'string');
      for (const g of Array.isArray(built) ? built : [built]) {
        if (typeof g === 'string') {
          Annotations.of(r).addWarning(`Monitoring.discover: ${r.node.path} (${entry.type}) is ${partly ? 'only partly' : 'not'} monitored: ${g}`);
        } else {
          groups.push(g);
        }
      }
    }
    if (groups.length > 0 && this.options.dashboardBackends !== undefined) {
      Dashboard.fromMonitors(this.scope, 'Dashboard', {
        title: this.options.dashboardTitle ?? `Monitoring of ${this.stack.node.id}`,
        backends: this.options.dashboardBackends,
        groups,
      });
    }
    if (groups.length === 0) Annotations.of(this.stack).addWarning('Monitoring.discover: no resource of this stack is monitored (none of a discoverable type, or all skipped)');
  }
}

/**
 * The construct under which `Monitoring.discover()` places the monitors it adds (one monitor
 * group per resource found). Create it through `Monitoring.discover()`.
 */
export class MonitoringDiscovery extends Construct {
  /** Same as `Monitoring.discover(stack, options)`. */
  constructor(stack: TerraformStack, options: DiscoveryOptions) {
    super(stack, 'MonitoringDiscovery');
    libraryScope(this);
    requireArray(this, 'backends', options?.backends, 'a non-empty list of monitor backends');
    if (options.backends.length === 0) fail(this, 'backends', options.backends, 'a non-empty list of monitor backends');
    const known = Object.values(DiscoverableType) as string[];
    for (const t of optionalArray<string>(this, 'exclude', options.exclude, 'a list of DiscoverableType values')) {
      if (!known.includes(t)) fail(this, 'exclude', t, `one of ${known.join(', ')}`);
    }
    if (options.dashboardBackends !== undefined) {
      requireArray(this, 'dashboardBackends', options.dashboardBackends, 'a non-empty list of dashboard backends');
      if (options.dashboardBackends.length === 0) fail(this, 'dashboardBackends', options.dashboardBackends, 'a non-empty list of dashboard backends');
    }
    optionalNoControlChars(this, 'dashboardTitle', options.dashboardTitle, 'a non-empty title without control characters');
    optionalBoolean(this, 'ecsContainerInsights', options.ecsContainerInsights, false);
    Aspects.of(stack).add(new Discovery(stack, this, options));
  }
}

/** Monitoring of the resources found in a stack. */
export class Monitoring {
  /**
   * Adds preset monitors for the AWS resources (`@cdktf/provider-aws` L1s) found in `stack` when
   * it is synthesized, with Terraform references to them. Resources added after this call are
   * found too. The monitors are placed under the returned construct (id `MonitoringDiscovery`).
   */
  public static discover(stack: TerraformStack, options: DiscoveryOptions): MonitoringDiscovery {
    return new MonitoringDiscovery(stack, options);
  }

  /**
   * Sets the title prefix, severity, tags, runbook or thresholds of the monitors
   * `Monitoring.discover()` adds for `resource`; a later call replaces an earlier one. The values are validated by the preset
   * at synthesis, like the preset's own options.
   */
  public static customize(resource: TerraformResource, settings: DiscoveryOverride): void {
    if (settings === null || typeof settings !== 'object') fail(resource, 'settings', settings, 'a DiscoveryOverride object');
    if (settings.thresholds !== undefined && (settings.thresholds === null || typeof settings.thresholds !== 'object' || Array.isArray(settings.thresholds))) {
      fail(resource, 'settings.thresholds', settings.thresholds, 'a DiscoveryThresholds object, e.g. { sqsMaxAgeOfOldestMessageSeconds: 60 }');
    }
    OVERRIDES.set(resource, { ...settings });
  }

  /** Leaves `resource` out of discovery. */
  public static exclude(resource: TerraformResource): void {
    EXCLUDED.add(resource);
  }

  private constructor() {}
}
