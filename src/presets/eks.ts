import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, MetricOf, anyMayEvaluate, recommended, saturationCategory } from './private/categories';
import { fail, optionalPattern, requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of an EKS cluster from CloudWatch Container Insights. */
export interface EksClusterMonitorsProps extends MonitorPresetOptions {
  /**
   * The cluster name (the `ClusterName` dimension), or a reference to it (`eksCluster.name`).
   * Container Insights must run on the cluster (the Amazon CloudWatch Observability add-on or
   * the CloudWatch agent): the metrics are published only then.
   */
  readonly clusterName: string;
  /**
   * Alert when more worker nodes than this are failed (suffering any node condition) for 5
   * minutes.
   * @default 0
   */
  readonly maxFailedNodes?: number;
  /**
   * Alert when the nodes use more than this percentage of their CPU, on average over 5 minutes
   * for 15 minutes.
   * @default 80
   */
  readonly maxNodeCpuPercent?: number;
  /**
   * Alert when the nodes use more than this percentage of their memory (working set over the
   * node's limit), on average over 5 minutes for 15 minutes.
   * @default 80
   */
  readonly maxNodeMemoryPercent?: number;
  /**
   * Alert when the nodes' file systems are more than this percentage full, on average over 5
   * minutes.
   * @default 80
   */
  readonly maxNodeFilesystemPercent?: number;
  /**
   * The Kubernetes namespace of the pod whose container restarts to watch (with `podName`:
   * Container Insights publishes restarts by ClusterName, Namespace and PodName only).
   * @default - no container restarts monitor
   */
  readonly podNamespace?: string;
  /**
   * The pod whose container restarts to watch, in `podNamespace`.
   * @default - no container restarts monitor
   */
  readonly podName?: string;
  /**
   * Alert when the containers of the pod have restarted more than this many times in total.
   * @default 0
   */
  readonly maxContainerRestarts?: number;
}

/**
 * Cluster names: 1-100 characters, a letter or digit first, then letters, digits, hyphens and
 * underscores (Amazon EKS API reference, CreateCluster `name`, pattern `^[0-9A-Za-z][A-Za-z0-9\-_]*$`).
 */
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
/**
 * Namespaces are RFC 1123 labels: at most 63 lower-case letters, digits or `-`, starting and
 * ending with a letter or digit (Kubernetes documentation, "Namespaces" and "Object Names and IDs").
 */
const K8S_NAMESPACE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/**
 * Pod names are DNS subdomain names: at most 253 lower-case letters, digits, `-` or `.`,
 * starting and ending with a letter or digit (Kubernetes documentation, "Object Names and IDs").
 */
const POD_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

const NAMESPACE = 'ContainerInsights';

/**
 * What Datadog users have instead: Datadog's AWS integration names only `AWS/` namespaces, and
 * Container Insights publishes to the custom namespace `ContainerInsights`.
 */
const DATADOG_INSTEAD = 'on Datadog use its Kubernetes integration (the Datadog Agent on the cluster, '
  + 'docs.datadoghq.com/containers/kubernetes/; EKS: docs.datadoghq.com/integrations/amazon_eks/)';

/**
 * The metrics, their dimensions and meaning: CloudWatch user guide, "Amazon EKS and Kubernetes
 * Container Insights metrics"
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-EKS.html).
 * `cluster_failed_node_count` (ClusterName) counts the worker nodes suffering any node
 * condition: the highest count of each minute, 5 of 5 one-minute periods above 0 (the presets'
 * rule for unhealthy targets; the preset's own choice).
 */
const FAILED_NODES: Category = {
  statistic: Statistic.MAXIMUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 60,
  evaluationPeriods: 5,
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
  defaultCritical: 0,
};

/**
 * `node_cpu_utilization` and `node_memory_utilization` (percent; by ClusterName, the cluster's
 * nodes together): the Average of 5 minutes for 15 minutes (the presets' CPU and memory
 * window); 80% is the preset's own choice.
 */
const NODE_UTILIZATION: Category = saturationCategory('cpu', 'utilization-percent', 80);

/**
 * `node_filesystem_utilization` (percent, by ClusterName): storage alerts on the first breaching
 * 5-minute period (the presets' storage rule); 80% is the preset's own choice.
 */
const NODE_FILESYSTEM: Category = { ...NODE_UTILIZATION, evaluationPeriods: 1 };

/**
 * `pod_number_of_container_restarts`, the total number of container restarts in a pod (by
 * PodName, Namespace and ClusterName only): the highest value of 5 minutes above 0 by default
 * (zero tolerance, the presets' rule for failures). A pod that is gone reports nothing, which is
 * not breaching.
 */
const RESTARTS: Category = {
  statistic: Statistic.MAXIMUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 300,
  evaluationPeriods: 1,
  missingData: MissingData.NOT_BREACHING,
  threshold: AMOUNT,
  defaultCritical: 0,
};

/**
 * Failed nodes, node CPU, memory and file system of an EKS cluster, and optionally the container
 * restarts of one pod, from CloudWatch Container Insights (ContainerInsights, dimension
 * ClusterName; restarts by ClusterName, Namespace and PodName). Datadog's AWS integration does
 * not collect the custom `ContainerInsights` namespace: every monitor is rendered to the other
 * backends only, with a warning, and Datadog as the only backend is a ValidationError.
 * `MonitorPresets.eksCluster()`.
 */
export function eksClusterMonitors(scope: Construct, id: string, props: EksClusterMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const cluster = requirePattern(g, 'clusterName', props?.clusterName, CLUSTER_NAME,
    'an EKS cluster name (1-100 letters, digits, hyphens or underscores, starting with a letter or digit), or a reference to one');
  const ns = optionalPattern(g, 'podNamespace', props.podNamespace, K8S_NAMESPACE,
    'a Kubernetes namespace (at most 63 lower-case letters, digits or -, starting and ending with a letter or digit)');
  const pod = optionalPattern(g, 'podName', props.podName, POD_NAME,
    'a Kubernetes pod name (at most 253 lower-case letters, digits, - or ., starting and ending with a letter or digit)');
  if (ns !== undefined && pod === undefined) fail(g, 'podName', undefined, `a pod name with namespace ${ns} (Container Insights publishes container restarts by pod only)`);
  if (pod !== undefined && ns === undefined) fail(g, 'podNamespace', undefined, `the namespace of pod ${pod}`);
  if (ns === undefined && props.maxContainerRestarts !== undefined) {
    fail(g, 'maxContainerRestarts', props.maxContainerRestarts, 'no value without podNamespace and podName (the pod whose restarts to watch)');
  }
  const label = Token.isUnresolved(cluster) ? id : cluster;
  g._configure(`EKS cluster ${label}`, props);
  const p = props.titlePrefix ?? label;
  const metric = (metricName: string, dimensions: { [name: string]: string } = { ClusterName: cluster }): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: NAMESPACE, metricName, dimensions, statistic });
  if (!anyMayEvaluate(g._backends(), metric('cluster_failed_node_count')(Statistic.MAXIMUM))) {
    fail(g, 'backends', [...new Set(g._backends().map((b) => b.kind))].join(', '),
      `a backend other than Datadog (Datadog does not collect ${NAMESPACE}): MonitorBackend.cloudwatch() or .grafana()`);
  }
  recommended(g, FAILED_NODES, {
    id: 'FailedNodes',
    metric: metric('cluster_failed_node_count'),
    prop: 'maxFailedNodes',
    value: props.maxFailedNodes,
    optional: true,
    datadogInstead: DATADOG_INSTEAD,
    text: (s) => ({ title: `${p}: failed nodes`, message: `More than ${s.critical} worker nodes of EKS cluster ${label} were failed for 5 minutes.` }),
  });
  recommended(g, NODE_UTILIZATION, {
    id: 'NodeCpu',
    metric: metric('node_cpu_utilization'),
    prop: 'maxNodeCpuPercent',
    value: props.maxNodeCpuPercent,
    optional: true,
    datadogInstead: DATADOG_INSTEAD,
    text: (s) => ({ title: `${p}: node CPU`, message: `The nodes of EKS cluster ${label} used more than ${s.critical}% CPU for 15 minutes.` }),
  });
  recommended(g, NODE_UTILIZATION, {
    id: 'NodeMemory',
    metric: metric('node_memory_utilization'),
    prop: 'maxNodeMemoryPercent',
    value: props.maxNodeMemoryPercent,
    optional: true,
    datadogInstead: DATADOG_INSTEAD,
    text: (s) => ({ title: `${p}: node memory`, message: `The nodes of EKS cluster ${label} used more than ${s.critical}% memory for 15 minutes.` }),
  });
  recommended(g, NODE_FILESYSTEM, {
    id: 'NodeFilesystem',
    metric: metric('node_filesystem_utilization'),
    prop: 'maxNodeFilesystemPercent',
    value: props.maxNodeFilesystemPercent,
    optional: true,
    datadogInstead: DATADOG_INSTEAD,
    text: (s) => ({ title: `${p}: node file systems`, message: `The node file systems of EKS cluster ${label} were more than ${s.critical}% full.` }),
  });
  if (ns !== undefined && pod !== undefined) {
    recommended(g, RESTARTS, {
      id: 'ContainerRestarts',
      metric: metric('pod_number_of_container_restarts', { ClusterName: cluster, Namespace: ns, PodName: pod }),
      prop: 'maxContainerRestarts',
      value: props.maxContainerRestarts,
      optional: true,
      datadogInstead: DATADOG_INSTEAD,
      text: (s) => ({ title: `${p}: container restarts of ${ns}/${pod}`, message: `The containers of pod ${pod} in namespace ${ns} of EKS cluster ${label} restarted more than ${s.critical} times.` }),
    });
  }
  return g;
}
