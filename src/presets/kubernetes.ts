import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, PERCENT } from './private/categories';
import { addCheck, backendsByKind, datadogScope, promSelector, re2Literal, requireKubernetesName, thresholdOf } from './private/per-backend';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Aggregation } from '../signals/signal';

/** Monitors of a Kubernetes Deployment, on Grafana (Prometheus) and Datadog backends. */
export interface KubernetesWorkloadMonitorsProps extends MonitorPresetOptions {
  /** The Deployment's namespace, e.g. `shop` (a DNS-1123 label). */
  readonly namespace: string;
  /** The Deployment's name, e.g. `checkout` (a DNS-1123 label). */
  readonly deployment: string;
  /**
   * Alert when the Deployment's containers restart more than this many times in 15 minutes
   * (all its containers together).
   * @default 3
   */
  readonly maxRestarts?: number;
  /**
   * Alert when the CPU the Deployment's containers use is above this percentage of their CPU
   * limits, on average over 5 minutes, for 15 minutes. Containers without a limit give no ratio.
   * @default 90
   */
  readonly maxCpuPercentOfLimit?: number;
  /**
   * Alert when the memory working set of the Deployment's containers is above this percentage of
   * their memory limits for 15 minutes (the working set is what the kernel's OOM killer weighs).
   * @default 90
   */
  readonly maxMemoryPercentOfLimit?: number;
}

/** The preset's own choice: a few restarts in 15 minutes is a rollout; more is a crash loop. */
const DEFAULT_MAX_RESTARTS = 3;
/** The preset's own choice, as the ElastiCache engine CPU default: 90% leaves headroom before throttling. */
const DEFAULT_MAX_CPU_PERCENT = 90;
/** The preset's own choice: above 90% of the limit a spike ends in an OOM kill. */
const DEFAULT_MAX_MEMORY_PERCENT = 90;
/** Minute evaluations (Grafana's `for` is period × (n - 1); Datadog's window is period × n). */
const MINUTE = 60;

/**
 * Container restarts, unavailable replicas, pending pods and CPU and memory against limits of a
 * Kubernetes Deployment. `MonitorPresets.kubernetesWorkload()`.
 *
 * Prometheus (Grafana backends): kube-state-metrics `kube_pod_container_status_restarts_total`,
 * `kube_pod_status_phase` (label `phase`) and `kube_pod_container_resource_limits` (labels
 * `resource`, `unit`) with labels `namespace`, `pod`, `container` (kubernetes/kube-state-metrics,
 * docs/metrics/workload/pod-metrics.md); `kube_deployment_status_replicas_unavailable` with labels
 * `namespace`, `deployment` (docs/metrics/workload/deployment-metrics.md); the kubelet's cAdvisor
 * `container_cpu_usage_seconds_total` (a counter of CPU seconds) and
 * `container_memory_working_set_bytes` (google/cadvisor, docs/storage/prometheus.md), whose
 * pod-level cgroup series carry an empty `container` label and are left out. Pods of a Deployment
 * are named `<deployment>-<pod-template-hash>-<suffix>` (Kubernetes documentation, "Deployments":
 * the ReplicaSet is named `[DEPLOYMENT-NAME]-[HASH]` and its pods take that name plus a random
 * suffix), which selects them by `pod`.
 *
 * Datadog: `kubernetes_state.deployment.replicas_unavailable` (tags `kube_namespace`,
 * `kube_deployment`), `kubernetes_state.container.restarts` (tags `kube_namespace`, `pod_name`,
 * `kube_container_name`) and `kubernetes_state.pod.status_phase` (tags `kube_namespace`,
 * `pod_name`, `pod_phase`), gauges (DataDog/integrations-core, kubernetes_state_core/metadata.csv);
 * `kubernetes.cpu.usage.total` (nanocores), `kubernetes.cpu.limits` (cores),
 * `kubernetes.memory.working_set` and `kubernetes.memory.limits` (bytes) (kubelet/metadata.csv).
 * The pod and container metrics are selected by `kube_deployment`, the tag the Agent gives the
 * metrics of a pod attached to a Deployment (Datadog, "Kubernetes Tag Extraction", out-of-the-box
 * tags, docs.datadoghq.com/containers/kubernetes/tag); metadata.csv does not list it for them.
 */
export function kubernetesWorkloadMonitors(scope: Construct, id: string, props: KubernetesWorkloadMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const ns = requireKubernetesName(g, 'namespace', props?.namespace);
  const dep = requireKubernetesName(g, 'deployment', props.deployment);
  const maxRestarts = thresholdOf(g, 'maxRestarts', props.maxRestarts, AMOUNT, DEFAULT_MAX_RESTARTS);
  const maxCpu = thresholdOf(g, 'maxCpuPercentOfLimit', props.maxCpuPercentOfLimit, PERCENT, DEFAULT_MAX_CPU_PERCENT);
  const maxMemory = thresholdOf(g, 'maxMemoryPercentOfLimit', props.maxMemoryPercentOfLimit, PERCENT, DEFAULT_MAX_MEMORY_PERCENT);
  const label = `${ns}/${dep}`;
  g._configure(`Kubernetes deployment ${label}`, props);
  const backends = backendsByKind(g, 'Kubernetes');
  const p = props.titlePrefix ?? label;

  const pods = `${re2Literal(dep)}-[a-z0-9]+-[a-z0-9]+`;
  const podSel = (...more: Array<[string, '=' | '=~' | '!=', string]>) => promSelector([['namespace', '=', ns], ['pod', '=~', pods], ...more]);
  const dd = (...more: Array<[string, string]>) => datadogScope([['kube_namespace', ns], ['kube_deployment', dep], ...more]);

  addCheck(g, backends, {
    id: 'Restarts',
    title: `${p}: container restarts`,
    message: `The containers of Kubernetes deployment ${label} restarted more than ${maxRestarts} times in 15 minutes.`,
    promQl: `sum(increase(kube_pod_container_status_restarts_total${podSel()}[15m]))`,
    // The gauge is the restart count so far; its rises over the window are the restarts (a
    // replaced pod starts again at 0: `monotonic_diff()` keeps only positive deltas; Datadog,
    // "Rate" functions, docs.datadoghq.com/dashboards/functions/rate).
    datadog: { query: `monotonic_diff(sum:kubernetes_state.container.restarts${dd()})`, timeAggregation: Aggregation.SUM },
    comparison: ComparisonOperator.GREATER_THAN,
    critical: maxRestarts,
    // One 15-minute evaluation: the query holds the window.
    period: 15 * MINUTE,
    evaluationPeriods: 1,
    missingData: MissingData.NOT_BREACHING,
  });
  addCheck(g, backends, {
    id: 'UnavailableReplicas',
    title: `${p}: unavailable replicas`,
    message: `Kubernetes deployment ${label} had unavailable replicas for 10 minutes.`,
    promQl: `max(kube_deployment_status_replicas_unavailable${promSelector([['namespace', '=', ns], ['deployment', '=', dep]])})`,
    // The lowest value of the 10 minutes above 0: unavailable throughout.
    datadog: { query: `max:kubernetes_state.deployment.replicas_unavailable${dd()}`, timeAggregation: Aggregation.MIN },
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 0,
    period: MINUTE,
    evaluationPeriods: 10,
    missingData: MissingData.MISSING,
  });
  addCheck(g, backends, {
    id: 'PendingPods',
    title: `${p}: pending pods`,
    message: `Pods of Kubernetes deployment ${label} were pending (not scheduled or not started) for 15 minutes.`,
    promQl: `sum(kube_pod_status_phase${podSel(['phase', '=', 'Pending'])})`,
    // Tag values are stored lower-case (`pending`).
    datadog: { query: `sum:kubernetes_state.pod.status_phase${dd(['pod_phase', 'Pending'])}`, timeAggregation: Aggregation.MIN },
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 0,
    period: MINUTE,
    evaluationPeriods: 15,
    // No pods report no phase: nothing is pending.
    missingData: MissingData.NOT_BREACHING,
  });
  addCheck(g, backends, {
    id: 'CpuOfLimit',
    title: `${p}: CPU of limit`,
    message: `The containers of Kubernetes deployment ${label} used more than ${maxCpu}% of their CPU limits for 15 minutes.`,
    promQl: `100 * sum(rate(container_cpu_usage_seconds_total${podSel(['container', '!=', ''])}[5m])) / sum(kube_pod_container_resource_limits${podSel(['resource', '=', 'cpu'])})`,
    // Usage in nanocores over limits in cores.
    datadog: { query: `100 * sum:kubernetes.cpu.usage.total${dd()} / (sum:kubernetes.cpu.limits${dd()} * 1000000000)`, timeAggregation: Aggregation.AVG },
    comparison: ComparisonOperator.GREATER_THAN,
    critical: maxCpu,
    // Three 5-minute periods: the AWS presets' rule for CPU and memory (SUSTAINED in ./private/categories.ts).
    period: 5 * MINUTE,
    evaluationPeriods: 3,
    missingData: MissingData.NOT_BREACHING,
  });
  addCheck(g, backends, {
    id: 'MemoryOfLimit',
    title: `${p}: memory of limit`,
    message: `The memory working set of Kubernetes deployment ${label} was above ${maxMemory}% of its containers' memory limits for 15 minutes.`,
    promQl: `100 * sum(container_memory_working_set_bytes${podSel(['container', '!=', ''])}) / sum(kube_pod_container_resource_limits${podSel(['resource', '=', 'memory'])})`,
    datadog: { query: `100 * sum:kubernetes.memory.working_set${dd()} / sum:kubernetes.memory.limits${dd()}`, timeAggregation: Aggregation.AVG },
    comparison: ComparisonOperator.GREATER_THAN,
    critical: maxMemory,
    period: 5 * MINUTE,
    evaluationPeriods: 3,
    missingData: MissingData.NOT_BREACHING,
  });
  return g;
}
