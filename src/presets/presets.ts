import { Construct } from 'constructs';
import { fail, isToken, requirePattern, requireString } from '../core/private/validate';
import { Severity } from '../core/severity';
import type { IMonitorBackend } from '../monitors/backend';
import { MonitorConfig, MonitorConfigProps } from '../monitors/monitor-config';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import type { INotificationTarget } from '../notifications/targets';
import { AwsService, Signal, Statistic } from '../signals/signal';

/** What every preset takes. */
export interface MonitorPresetOptions {
  /** The backends to render the monitors to. */
  readonly backends: IMonitorBackend[];
  /**
   * Who to notify.
   * @default - none (add later with `addTarget()`)
   */
  readonly targets?: INotificationTarget[];
  /**
   * Severity of the monitors.
   * @default Severity.SEV2
   */
  readonly severity?: Severity;
  /**
   * Tags of the monitors.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Runbook of the monitors.
   * @default - none
   */
  readonly runbookUrl?: string;
  /**
   * Prefix of the monitor titles.
   * @default - the resource name
   */
  readonly titlePrefix?: string;
}

/** Monitors of a Lambda function. */
export interface LambdaMonitorsProps extends MonitorPresetOptions {
  /** The function name. */
  readonly functionName: string;
  /** Alert when the function has more errors than this in 5 minutes. */
  readonly maxErrors: number;
  /** Alert when the p99 duration over 5 minutes exceeds this many milliseconds (e.g. 80% of the timeout). */
  readonly maxDurationP99Ms: number;
  /**
   * Alert when the function is throttled more than this in 5 minutes.
   * @default 0
   */
  readonly maxThrottles?: number;
}

/** Monitors of an Application Load Balancer. */
export interface AlbMonitorsProps extends MonitorPresetOptions {
  /** The `LoadBalancer` dimension: `app/<name>/<id>` (the end of the load balancer ARN). */
  readonly loadBalancer: string;
  /** Alert when the targets answer more 5xx than this in 5 minutes. */
  readonly maxTarget5xx: number;
  /** Alert when the p99 target response time over 5 minutes exceeds this many seconds. */
  readonly maxResponseTimeP99Seconds: number;
  /**
   * Alert when the load balancer itself answers more 5xx than this in 5 minutes.
   * @default 0
   */
  readonly maxElb5xx?: number;
  /**
   * The `TargetGroup` dimension (`targetgroup/<name>/<id>`); with it, a monitor of unhealthy hosts.
   * @default - no unhealthy-host monitor
   */
  readonly targetGroup?: string;
}

/** Monitors of an SQS queue. */
export interface SqsMonitorsProps extends MonitorPresetOptions {
  /** The queue name. */
  readonly queueName: string;
  /** Alert when the oldest message is older than this many seconds. */
  readonly maxAgeOfOldestMessageSeconds: number;
  /**
   * Alert when more messages than this are visible.
   * @default - no backlog monitor
   */
  readonly maxVisibleMessages?: number;
  /**
   * The dead-letter queue; alert when any message is in it.
   * @default - no dead-letter monitor
   */
  readonly deadLetterQueueName?: string;
}

/** Monitors of an RDS DB instance. */
export interface RdsMonitorsProps extends MonitorPresetOptions {
  /** The DB instance identifier. */
  readonly dbInstanceIdentifier: string;
  /** Alert when the average CPU over 5 minutes exceeds this percentage. */
  readonly maxCpuPercent: number;
  /** Alert when free storage falls below this many bytes. */
  readonly minFreeStorageBytes: number;
  /**
   * Alert when freeable memory falls below this many bytes.
   * @default - no memory monitor
   */
  readonly minFreeableMemoryBytes?: number;
  /**
   * Alert when there are more connections than this.
   * @default - no connection monitor
   */
  readonly maxConnections?: number;
}

/** Monitors of a DynamoDB table. */
export interface DynamoDbMonitorsProps extends MonitorPresetOptions {
  /** The table name. */
  readonly tableName: string;
  /**
   * Alert when more read requests than this are throttled in 5 minutes.
   * @default 0
   */
  readonly maxReadThrottleEvents?: number;
  /**
   * Alert when more write requests than this are throttled in 5 minutes.
   * @default 0
   */
  readonly maxWriteThrottleEvents?: number;
}

/** Monitors of an ECS service. */
export interface EcsMonitorsProps extends MonitorPresetOptions {
  /** The cluster name. */
  readonly clusterName: string;
  /** The service name. */
  readonly serviceName: string;
  /** Alert when the service's average CPU over 5 minutes exceeds this percentage. */
  readonly maxCpuPercent: number;
  /** Alert when the service's average memory over 5 minutes exceeds this percentage. */
  readonly maxMemoryPercent: number;
}

type MonitorSpec = Omit<MonitorConfigProps, 'backends' | 'targets' | 'severity' | 'tags' | 'runbookUrl'>;

/** A group of monitors of one resource, made by `MonitorPresets`. */
export class MonitorGroup extends Construct {
  /** The monitors, by construct id. */
  public readonly monitors: MonitorConfig[] = [];

  /** An empty group (presets fill it). */
  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** Notify a target from every monitor of the group. */
  public addTarget(target: INotificationTarget): void {
    for (const m of this.monitors) m.addTarget(target);
  }

  /** The monitor with the given construct id (e.g. `Errors`). */
  public monitor(id: string): MonitorConfig {
    const m = this.monitors.find((x) => x.node.id === id);
    if (!m) throw new Error(`${this.node.path}: no monitor ${id} (${this.monitors.map((x) => x.node.id).join(', ')})`);
    return m;
  }

  /** @internal */
  public _add(id: string, options: MonitorPresetOptions, spec: MonitorSpec): void {
    this.monitors.push(new MonitorConfig(this, id, {
      ...spec,
      backends: options.backends,
      targets: options.targets,
      severity: options.severity ?? Severity.SEV2,
      tags: options.tags,
      runbookUrl: options.runbookUrl,
    }));
  }
}

const FIVE_MINUTES = 300;

/**
 * Ready-made monitors for common AWS resources, rendered to any backends like every
 * `MonitorConfig`. Thresholds that depend on the workload are required props; alarms on
 * throttling and dead letters default to "more than 0". Metric names, statistics and
 * dimensions follow the services' CloudWatch metric documentation; count metrics that are
 * only published when non-zero (Lambda, ELB, SQS, DynamoDB) treat missing data as not breaching.
 */
export class MonitorPresets {
  /**
   * Errors, throttles and p99 duration of a Lambda function (AWS/Lambda, dimension FunctionName;
   * Lambda publishes Errors and Throttles only when they are non-zero).
   */
  public static lambdaFunction(scope: Construct, id: string, props: LambdaMonitorsProps): MonitorGroup {
    const g = new MonitorGroup(scope, id);
    const fn = requireString(g, 'functionName', props?.functionName, 'a Lambda function name');
    const p = props.titlePrefix ?? fn;
    const metric = (name: string, statistic?: Statistic) => Signal.awsMetric(AwsService.LAMBDA, fn, name, { statistic });
    g._add('Errors', props, {
      title: `${p}: Lambda errors`,
      message: `Lambda function ${fn} has more than ${threshold(g, 'maxErrors', props.maxErrors)} errors in 5 minutes.`,
      signal: metric('Errors'),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: props.maxErrors,
      period: FIVE_MINUTES,
      missingData: MissingData.NOT_BREACHING,
    });
    const throttles = props.maxThrottles === undefined ? 0 : threshold(g, 'maxThrottles', props.maxThrottles);
    g._add('Throttles', props, {
      title: `${p}: Lambda throttles`,
      message: `Lambda function ${fn} is throttled.`,
      signal: metric('Throttles'),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: throttles,
      period: FIVE_MINUTES,
      missingData: MissingData.NOT_BREACHING,
    });
    g._add('DurationP99', props, {
      title: `${p}: Lambda p99 duration`,
      message: `The p99 duration of Lambda function ${fn} exceeds ${threshold(g, 'maxDurationP99Ms', props.maxDurationP99Ms)} ms.`,
      signal: metric('Duration', Statistic.percentile(99)),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: props.maxDurationP99Ms,
      period: FIVE_MINUTES,
      missingData: MissingData.NOT_BREACHING,
    });
    return g;
  }

  /**
   * 5xx answers, p99 response time and (with a target group) unhealthy hosts of an Application
   * Load Balancer (AWS/ApplicationELB; ELB reports request metrics only while requests flow).
   */
  public static applicationLoadBalancer(scope: Construct, id: string, props: AlbMonitorsProps): MonitorGroup {
    const g = new MonitorGroup(scope, id);
    const lb = requirePattern(g, 'loadBalancer', props?.loadBalancer, /^app\/[^/]+\/[0-9a-f]+$/, 'the LoadBalancer dimension app/<name>/<id>');
    const p = props.titlePrefix ?? lb.split('/')[1];
    const metric = (name: string, statistic?: Statistic) => Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, lb, name, { statistic });
    g._add('Target5xx', props, {
      title: `${p}: ALB target 5xx`,
      message: `The targets of ${lb} answer more than ${threshold(g, 'maxTarget5xx', props.maxTarget5xx)} 5xx in 5 minutes.`,
      signal: metric('HTTPCode_Target_5XX_Count'),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: props.maxTarget5xx,
      period: FIVE_MINUTES,
      missingData: MissingData.NOT_BREACHING,
    });
    const elb5xx = props.maxElb5xx === undefined ? 0 : threshold(g, 'maxElb5xx', props.maxElb5xx);
    g._add('Elb5xx', props, {
      title: `${p}: ALB 5xx`,
      message: `Load balancer ${lb} itself answers 5xx.`,
      signal: metric('HTTPCode_ELB_5XX_Count'),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: elb5xx,
      period: FIVE_MINUTES,
      missingData: MissingData.NOT_BREACHING,
    });
    g._add('ResponseTimeP99', props, {
      title: `${p}: ALB p99 response time`,
      message: `The p99 target response time of ${lb} exceeds ${threshold(g, 'maxResponseTimeP99Seconds', props.maxResponseTimeP99Seconds)} s.`,
      signal: metric('TargetResponseTime', Statistic.percentile(99)),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: props.maxResponseTimeP99Seconds,
      period: FIVE_MINUTES,
      missingData: MissingData.NOT_BREACHING,
    });
    if (props.targetGroup !== undefined) {
      const tg = requirePattern(g, 'targetGroup', props.targetGroup, /^targetgroup\/[^/]+\/[0-9a-f]+$/, 'the TargetGroup dimension targetgroup/<name>/<id>');
      g._add('UnhealthyHosts', props, {
        title: `${p}: unhealthy targets`,
        message: `Target group ${tg} of ${lb} has unhealthy targets.`,
        signal: Signal.cloudWatchMetric({
          namespace: 'AWS/ApplicationELB', metricName: 'UnHealthyHostCount', statistic: Statistic.MAXIMUM, dimensions: { LoadBalancer: lb, TargetGroup: tg },
        }),
        comparison: ComparisonOperator.GREATER_THAN,
        critical: 0,
        period: 60,
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
      });
    }
    return g;
  }

  /** Age of the oldest message, backlog and dead letters of an SQS queue (AWS/SQS, dimension QueueName). */
  public static sqsQueue(scope: Construct, id: string, props: SqsMonitorsProps): MonitorGroup {
    const g = new MonitorGroup(scope, id);
    const q = requirePattern(g, 'queueName', props?.queueName, /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/, 'an SQS queue name (1-80 letters, digits, - or _, optionally .fifo)');
    const p = props.titlePrefix ?? q;
    g._add('OldestMessage', props, {
      title: `${p}: oldest message age`,
      message: `The oldest message in queue ${q} is older than ${threshold(g, 'maxAgeOfOldestMessageSeconds', props.maxAgeOfOldestMessageSeconds)} s.`,
      signal: Signal.awsMetric(AwsService.SQS, q, 'ApproximateAgeOfOldestMessage', { statistic: Statistic.MAXIMUM }),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: props.maxAgeOfOldestMessageSeconds,
      period: FIVE_MINUTES,
    });
    if (props.maxVisibleMessages !== undefined) {
      g._add('Backlog', props, {
        title: `${p}: backlog`,
        message: `More than ${threshold(g, 'maxVisibleMessages', props.maxVisibleMessages)} messages wait in queue ${q}.`,
        signal: Signal.awsMetric(AwsService.SQS, q, 'ApproximateNumberOfMessagesVisible', { statistic: Statistic.MAXIMUM }),
        comparison: ComparisonOperator.GREATER_THAN,
        critical: props.maxVisibleMessages,
        period: FIVE_MINUTES,
      });
    }
    if (props.deadLetterQueueName !== undefined) {
      const dlq = requirePattern(g, 'deadLetterQueueName', props.deadLetterQueueName, /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/, 'an SQS queue name (1-80 letters, digits, - or _, optionally .fifo)');
      g._add('DeadLetters', props, {
        title: `${p}: dead letters`,
        message: `Messages of queue ${q} landed in its dead-letter queue ${dlq}.`,
        signal: Signal.awsMetric(AwsService.SQS, dlq, 'ApproximateNumberOfMessagesVisible', { statistic: Statistic.MAXIMUM }),
        comparison: ComparisonOperator.GREATER_THAN,
        critical: 0,
        period: FIVE_MINUTES,
      });
    }
    return g;
  }

  /** CPU, free storage, freeable memory and connections of an RDS DB instance (AWS/RDS, dimension DBInstanceIdentifier). */
  public static rdsInstance(scope: Construct, id: string, props: RdsMonitorsProps): MonitorGroup {
    const g = new MonitorGroup(scope, id);
    const db = requirePattern(g, 'dbInstanceIdentifier', props?.dbInstanceIdentifier, /^[A-Za-z][A-Za-z0-9-]{0,62}$/, 'a DB instance identifier (a letter, then up to 62 letters, digits or -)');
    const p = props.titlePrefix ?? db;
    const metric = (name: string, statistic: Statistic) => Signal.awsMetric(AwsService.RDS, db, name, { statistic });
    g._add('Cpu', props, {
      title: `${p}: RDS CPU`,
      message: `DB instance ${db} uses more than ${percent(g, 'maxCpuPercent', props.maxCpuPercent)}% CPU.`,
      signal: metric('CPUUtilization', Statistic.AVERAGE),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: props.maxCpuPercent,
      period: FIVE_MINUTES,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
    });
    g._add('FreeStorage', props, {
      title: `${p}: RDS free storage`,
      message: `DB instance ${db} has less than ${threshold(g, 'minFreeStorageBytes', props.minFreeStorageBytes)} bytes of free storage.`,
      signal: metric('FreeStorageSpace', Statistic.MINIMUM),
      comparison: ComparisonOperator.LESS_THAN,
      critical: props.minFreeStorageBytes,
      period: FIVE_MINUTES,
    });
    if (props.minFreeableMemoryBytes !== undefined) {
      g._add('FreeableMemory', props, {
        title: `${p}: RDS freeable memory`,
        message: `DB instance ${db} has less than ${threshold(g, 'minFreeableMemoryBytes', props.minFreeableMemoryBytes)} bytes of freeable memory.`,
        signal: metric('FreeableMemory', Statistic.MINIMUM),
        comparison: ComparisonOperator.LESS_THAN,
        critical: props.minFreeableMemoryBytes,
        period: FIVE_MINUTES,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
      });
    }
    if (props.maxConnections !== undefined) {
      g._add('Connections', props, {
        title: `${p}: RDS connections`,
        message: `DB instance ${db} has more than ${threshold(g, 'maxConnections', props.maxConnections)} connections.`,
        signal: metric('DatabaseConnections', Statistic.MAXIMUM),
        comparison: ComparisonOperator.GREATER_THAN,
        critical: props.maxConnections,
        period: FIVE_MINUTES,
      });
    }
    return g;
  }

  /**
   * Read and write throttling of a DynamoDB table (AWS/DynamoDB `ReadThrottleEvents` and
   * `WriteThrottleEvents`, which carry the TableName dimension alone).
   */
  public static dynamoDbTable(scope: Construct, id: string, props: DynamoDbMonitorsProps): MonitorGroup {
    const g = new MonitorGroup(scope, id);
    const t = requirePattern(g, 'tableName', props?.tableName, /^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name (3-255 letters, digits, _ . -)');
    const p = props.titlePrefix ?? t;
    const reads = props.maxReadThrottleEvents === undefined ? 0 : threshold(g, 'maxReadThrottleEvents', props.maxReadThrottleEvents);
    const writes = props.maxWriteThrottleEvents === undefined ? 0 : threshold(g, 'maxWriteThrottleEvents', props.maxWriteThrottleEvents);
    g._add('ReadThrottles', props, {
      title: `${p}: DynamoDB read throttles`,
      message: `Reads of table ${t} are throttled.`,
      signal: Signal.awsMetric(AwsService.DYNAMODB, t, 'ReadThrottleEvents', { statistic: Statistic.SUM }),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: reads,
      period: FIVE_MINUTES,
      missingData: MissingData.NOT_BREACHING,
    });
    g._add('WriteThrottles', props, {
      title: `${p}: DynamoDB write throttles`,
      message: `Writes to table ${t} are throttled.`,
      signal: Signal.awsMetric(AwsService.DYNAMODB, t, 'WriteThrottleEvents', { statistic: Statistic.SUM }),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: writes,
      period: FIVE_MINUTES,
      missingData: MissingData.NOT_BREACHING,
    });
    return g;
  }

  /** CPU and memory of an ECS service (AWS/ECS, dimensions ClusterName and ServiceName). */
  public static ecsService(scope: Construct, id: string, props: EcsMonitorsProps): MonitorGroup {
    const g = new MonitorGroup(scope, id);
    const cluster = requirePattern(g, 'clusterName', props?.clusterName, /^[A-Za-z0-9_-]{1,255}$/, 'an ECS cluster name (1-255 letters, digits, _ or -)');
    const service = requirePattern(g, 'serviceName', props.serviceName, /^[A-Za-z0-9_-]{1,255}$/, 'an ECS service name (1-255 letters, digits, _ or -)');
    const p = props.titlePrefix ?? `${cluster}/${service}`;
    const metric = (name: string) => Signal.awsMetric(AwsService.ECS, `${cluster}/${service}`, name, { statistic: Statistic.AVERAGE });
    g._add('Cpu', props, {
      title: `${p}: ECS CPU`,
      message: `ECS service ${service} in ${cluster} uses more than ${percent(g, 'maxCpuPercent', props.maxCpuPercent)}% CPU.`,
      signal: metric('CPUUtilization'),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: props.maxCpuPercent,
      period: FIVE_MINUTES,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
    });
    g._add('Memory', props, {
      title: `${p}: ECS memory`,
      message: `ECS service ${service} in ${cluster} uses more than ${percent(g, 'maxMemoryPercent', props.maxMemoryPercent)}% memory.`,
      signal: metric('MemoryUtilization'),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: props.maxMemoryPercent,
      period: FIVE_MINUTES,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
    });
    return g;
  }

  private constructor() {}
}

function threshold(scope: Construct, prop: string, value: unknown): number {
  if (typeof value !== 'number' || isToken(value) || !Number.isFinite(value) || value < 0) fail(scope, prop, value, 'a number of 0 or more');
  return value;
}

function percent(scope: Construct, prop: string, value: unknown): number {
  if (typeof value !== 'number' || isToken(value) || !Number.isFinite(value) || value <= 0 || value >= 100) fail(scope, prop, value, 'a percentage above 0 and below 100');
  return value;
}
