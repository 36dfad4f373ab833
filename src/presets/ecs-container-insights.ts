import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, MetricOf, ThresholdKind, anyEvaluates, recommended, saturationCategory } from './private/categories';
import { fail, requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of an ECS service (EC2 or Fargate) from CloudWatch Container Insights. */
export interface EcsContainerInsightsMonitorsProps extends MonitorPresetOptions {
  /**
   * The cluster name (the `ClusterName` dimension), or a reference to it. Container Insights must
   * be turned on for the cluster (its `containerInsights` setting): the metrics are published
   * only then.
   */
  readonly clusterName: string;
  /** The service name (the `ServiceName` dimension), or a reference to it. */
  readonly serviceName: string;
  /**
   * Alert when the service runs fewer tasks than this for 5 minutes, instead of comparing its
   * running tasks with its desired count.
   * @default - alert when more than `maxMissingTasks` tasks are missing from the desired count
   */
  readonly minRunningTasks?: number;
  /**
   * Alert when the desired count exceeds the running tasks by more than this for 5 minutes (a
   * CloudWatch metric-math expression, `desired - running`). Ignored when `minRunningTasks` is set.
   * @default 0
   */
  readonly maxMissingTasks?: number;
  /**
   * Alert when the tasks of the service use more than this percentage of the CPU units they
   * reserve (`100 * CpuUtilized / CpuReserved`), on average over 5 minutes for 15 minutes.
   * @default 80
   */
  readonly maxCpuPercent?: number;
  /**
   * Alert when the tasks of the service use more than this percentage of the memory they reserve
   * (`100 * MemoryUtilized / MemoryReserved`), on average over 5 minutes for 15 minutes.
   * @default 80
   */
  readonly maxMemoryPercent?: number;
}

/**
 * Cluster and service names: 1-255 letters, digits, hyphens and underscores (Amazon ECS API
 * reference, CreateCluster `clusterName` and CreateService `serviceName`).
 */
const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;

const NAMESPACE = 'ECS/ContainerInsights';

/**
 * What Datadog users have instead: Datadog's AWS integration names only `AWS/` namespaces, and
 * Container Insights publishes to the custom namespace `ECS/ContainerInsights`.
 */
const DATADOG_INSTEAD = 'on Datadog use its ECS Fargate integration (the Datadog Agent in the task, '
  + 'docs.datadoghq.com/integrations/ecs_fargate/) or its Amazon ECS integration on EC2 (docs.datadoghq.com/containers/amazon_ecs/)';

/**
 * Running tasks: `RunningTaskCount` and `DesiredTaskCount`, counts by ServiceName and ClusterName
 * (CloudWatch user guide, "Amazon ECS Container Insights metrics",
 * docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html).
 * The lowest running count (and highest desired count) of each minute, 5 of 5 one-minute
 * periods: the presets' rule for unhealthy targets, which a rolling deployment's brief dip does
 * not breach. Missing tasks default to none (0). Window and default are the preset's own
 * choices. A service that stops reporting is its own state (MonitorConfig's default).
 */
const TASKS: Omit<Category, 'comparison' | 'defaultCritical'> = {
  statistic: Statistic.MINIMUM,
  period: 60,
  evaluationPeriods: 5,
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
};
const MISSING_TASKS: Category = { ...TASKS, statistic: Statistic.MAXIMUM, comparison: ComparisonOperator.GREATER_THAN, defaultCritical: 0 };
/** A minimum of 0 tasks would never alert. */
const TASK_COUNT: ThresholdKind = { accepts: (v) => Number.isInteger(v) && v >= 1, accepted: 'a whole number of 1 or more' };
const MIN_RUNNING_TASKS: Category = { ...TASKS, comparison: ComparisonOperator.LESS_THAN, threshold: TASK_COUNT };

/**
 * CPU and memory: `CpuUtilized` / `CpuReserved` (CPU units) and `MemoryUtilized` /
 * `MemoryReserved` by ServiceName and ClusterName, collected only for tasks that reserve CPU or
 * memory in their definition (the same page; a Fargate task definition always does, its task
 * size being required: Amazon ECS developer guide, "Amazon ECS task definition parameters for
 * Fargate", Task size). Each pair has one unit, so the
 * ratio in percent is the service's utilization of what its tasks reserve, the Average of 5
 * minutes for 15 minutes (the presets' CPU and memory window); 80% is the preset's own choice.
 */
const UTILIZATION: Category = saturationCategory('cpu', 'utilization-percent', 80);

/**
 * Running tasks below desired (or below a minimum), CPU and memory of an ECS service on EC2 or
 * Fargate, from CloudWatch Container Insights (ECS/ContainerInsights, dimensions ClusterName and
 * ServiceName). Datadog's AWS integration does not collect the custom `ECS/ContainerInsights`
 * namespace, and only CloudWatch evaluates metric-math expressions: the expression monitors are
 * rendered to CloudWatch only, the minimum running tasks to CloudWatch and Grafana, each left-out
 * backend named in a warning; backends without CloudWatch are a ValidationError.
 * `MonitorPresets.ecsContainerInsights()`.
 */
export function ecsContainerInsightsMonitors(scope: Construct, id: string, props: EcsContainerInsightsMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const cluster = requirePattern(g, 'clusterName', props?.clusterName, ECS_NAME, 'an ECS cluster name (1-255 letters, digits, hyphens or underscores), or a reference to one');
  const service = requirePattern(g, 'serviceName', props.serviceName, ECS_NAME, 'an ECS service name (1-255 letters, digits, hyphens or underscores), or a reference to one');
  g._configure(`ECS service ${cluster}/${service} (Container Insights)`, props);
  const p = props.titlePrefix ?? `${cluster}/${service}`;
  const dimensions = { ClusterName: cluster, ServiceName: service };
  const metric = (metricName: string, statistic: Statistic): Signal =>
    Signal.cloudWatchMetric({ namespace: NAMESPACE, metricName, dimensions, statistic });
  const ratio = (used: string, reserved: string): MetricOf => (statistic) => Signal.cloudWatchExpression({
    expression: '100 * used / reserved',
    usingMetrics: { used: metric(used, statistic), reserved: metric(reserved, statistic) },
    label: `${used} / ${reserved} (%)`,
  });
  if (!anyEvaluates(g._backends(), ratio('CpuUtilized', 'CpuReserved')(Statistic.AVERAGE))) {
    fail(g, 'backends', g._backends().map((b) => b.kind).join(', '),
      'backends with MonitorBackend.cloudwatch() (the CPU and memory monitors are CloudWatch metric-math expressions, which only CloudWatch evaluates)');
  }
  if (props.minRunningTasks !== undefined) {
    recommended(g, MIN_RUNNING_TASKS, {
      id: 'RunningTasks',
      metric: (statistic) => metric('RunningTaskCount', statistic),
      prop: 'minRunningTasks',
      value: props.minRunningTasks,
      datadogInstead: DATADOG_INSTEAD,
      text: (s) => ({ title: `${p}: running tasks`, message: `ECS service ${service} in ${cluster} ran fewer than ${s.critical} tasks for 5 minutes.` }),
    });
  } else {
    recommended(g, MISSING_TASKS, {
      id: 'MissingTasks',
      // The most tasks missing in each minute: the Maximum of desired, less the Minimum of running.
      metric: () => Signal.cloudWatchExpression({
        expression: 'desired - running',
        usingMetrics: { desired: metric('DesiredTaskCount', Statistic.MAXIMUM), running: metric('RunningTaskCount', Statistic.MINIMUM) },
        label: 'DesiredTaskCount - RunningTaskCount',
      }),
      prop: 'maxMissingTasks',
      value: props.maxMissingTasks,
      optional: true,
      datadogInstead: DATADOG_INSTEAD,
      text: (s) => ({ title: `${p}: running tasks below desired`, message: `ECS service ${service} in ${cluster} ran more than ${s.critical} tasks fewer than its desired count for 5 minutes.` }),
    });
  }
  recommended(g, UTILIZATION, {
    id: 'Cpu',
    metric: ratio('CpuUtilized', 'CpuReserved'),
    prop: 'maxCpuPercent',
    value: props.maxCpuPercent,
    optional: true,
    datadogInstead: DATADOG_INSTEAD,
    text: (s) => ({ title: `${p}: CPU of reserved`, message: `The tasks of ECS service ${service} in ${cluster} used more than ${s.critical}% of their reserved CPU for 15 minutes.` }),
  });
  recommended(g, UTILIZATION, {
    id: 'Memory',
    metric: ratio('MemoryUtilized', 'MemoryReserved'),
    prop: 'maxMemoryPercent',
    value: props.maxMemoryPercent,
    optional: true,
    datadogInstead: DATADOG_INSTEAD,
    text: (s) => ({ title: `${p}: memory of reserved`, message: `The tasks of ECS service ${service} in ${cluster} used more than ${s.critical}% of their reserved memory for 15 minutes.` }),
  });
  return g;
}
