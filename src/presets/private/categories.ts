/**
 * The categories every preset monitor belongs to: error count, latency percentile, throttles,
 * age and backlog of a queue, saturation (CPU, memory, storage, connections) and target health.
 * Each category holds its defaults (threshold, period, evaluation periods, statistic,
 * missing-data policy) once, with where each comes from; the service presets (`../lambda.ts`,
 * `../alb.ts` …) only name the metric, the threshold prop and the words.
 *
 * "The CloudWatch metric documentation" below is the services' own list of metrics (AWS/Lambda,
 * AWS/ApplicationELB, AWS/SQS, AWS/RDS, AWS/DynamoDB, AWS/ECS), which the metric names,
 * statistics and dimensions of the presets have followed since their first version. Later
 * presets cite their service's page in their own doc comments, and a preset whose defaults come
 * from AWS's published alarm guidance holds them as its own `Category`, passed to
 * `recommended()`.
 */
import { Annotations } from 'cdktf';
import { fail, isToken } from '../../core/private/validate';
import type { IMonitorBackend } from '../../monitors/backend';
import type { MonitorConfig, MonitorConfigProps } from '../../monitors/monitor-config';
import { EvaluationGap, backendEvaluates, evaluationGap } from '../../monitors/private/signal-aware';
import { ComparisonOperator, MissingData } from '../../monitors/threshold';
import { Signal, Statistic } from '../../signals/signal';
import type { MonitorGroup } from '../monitor-group';

/** What a preset decides about one monitor; the group adds the preset options (backends, targets …). */
export type PresetMonitorSpec = Omit<MonitorConfigProps, 'backends' | 'targets' | 'severity' | 'tags' | 'runbookUrl'>;

/** The metric a monitor watches, given the statistic its category settles on. */
export type MetricOf = (statistic: Statistic) => Signal;

/** What the category settled on, for the monitor's title and message. */
export interface Settled {
  /** The critical threshold. */
  readonly critical: number;
  /** The evaluation period in words: `5 minutes`. */
  readonly window: string;
  /** The CloudWatch name of the statistic: `p99`, `Maximum` … */
  readonly statistic: string;
}

/** One monitor of a preset, as the service preset describes it. */
export interface PresetMonitor {
  /** The construct id (public API: it names the resources). */
  readonly id: string;
  /** The metric. */
  readonly metric: MetricOf;
  /** The title and the message. */
  readonly text: (s: Settled) => { title: string; message: string };
  /**
   * The prop the threshold comes from, named in validation errors.
   * Without it the category's default threshold applies (dead letters, unhealthy hosts).
   */
  readonly prop?: string;
  /** The value of `prop` as given. */
  readonly value?: unknown;
  /** `prop` may be left out; its documented default is the category's `defaultCritical`. */
  readonly optional?: boolean;
  /** What to do instead on Datadog, named in the warning when Datadog cannot evaluate the monitor. */
  readonly datadogInstead?: string;
}

/** How a threshold is checked. */
export interface ThresholdKind {
  readonly accepts: (value: number) => boolean;
  readonly accepted: string;
}

/** Counts, durations, ages and bytes. */
export const AMOUNT: ThresholdKind = { accepts: (v) => v >= 0, accepted: 'a number of 0 or more' };
/** Utilization in percent: 0 and 100 would alert always or never. */
export const PERCENT: ThresholdKind = { accepts: (v) => v > 0 && v < 100, accepted: 'a percentage above 0 and below 100' };
/**
 * A fraction of requests (the Average of a metric that is 1 per failed request and 0 per other
 * request, e.g. API Gateway `5XXError`): 0 and 1 would alert always or never.
 */
export const FRACTION: ThresholdKind = { accepts: (v) => v > 0 && v < 1, accepted: 'a fraction above 0 and below 1 (0.05 is 5%)' };

/** The defaults of one category (or of one AWS recommended alarm, `recommended()`). */
export interface Category {
  readonly statistic: Statistic;
  readonly comparison: ComparisonOperator;
  /** Seconds. */
  readonly period: number;
  /** The periods evaluated. */
  readonly evaluationPeriods: number;
  /**
   * How many of them must breach.
   * @default - every evaluated period (datapointsToAlarm = evaluationPeriods)
   */
  readonly datapointsToAlarm?: number;
  readonly missingData: MissingData;
  readonly threshold: ThresholdKind;
  /** The threshold when the prop is left out or there is none. */
  readonly defaultCritical?: number;
}

/**
 * The evaluation period of the presets: thresholds are documented per 5 minutes ("more errors
 * than this in 5 minutes", "the p99 … over 5 minutes", "the average CPU over 5 minutes").
 */
const FIVE_MINUTES = 300;
/** One period: alert on the first breaching period. */
const AT_ONCE = 1;
/**
 * Three 5-minute periods, all breaching: CPU and memory alert when high for 15 minutes, not on a
 * spike (the presets' choice since their first version; Datadog renders it `last_15m`).
 */
const SUSTAINED = 3;
/**
 * "Alarms on throttling and dead letters default to 'more than 0'" (the `MonitorPresets`
 * documentation); the ELB's own 5xx (`AlbMonitorsProps.maxElb5xx`), dead letters and
 * unhealthy targets take the same zero tolerance.
 */
const ANY = 0;

/**
 * Error count: failed invocations or requests per 5 minutes (Lambda `Errors`, ALB
 * `HTTPCode_Target_5XX_Count` and `HTTPCode_ELB_5XX_Count`).
 */
const ERROR_COUNT: Category = {
  // Counts: their useful statistic is Sum (the CloudWatch metric documentation; the statistic
  // `Signal.awsMetric` gives these count metrics).
  statistic: Statistic.SUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: FIVE_MINUTES,
  evaluationPeriods: AT_ONCE,
  // Lambda publishes Errors only when it is non-zero; ELB reports request metrics only while
  // requests flow: no data is no errors.
  missingData: MissingData.NOT_BREACHING,
  threshold: AMOUNT,
  defaultCritical: ANY,
};

/** Latency percentile: Lambda `Duration`, ALB `TargetResponseTime`. */
const LATENCY_PERCENTILE: Category = {
  // p99: the props are the p99 duration and response time (`maxDurationP99Ms`,
  // `maxResponseTimeP99Seconds`); CloudWatch takes percentiles as extended statistics.
  statistic: Statistic.percentile(99),
  comparison: ComparisonOperator.GREATER_THAN,
  period: FIVE_MINUTES,
  evaluationPeriods: AT_ONCE,
  // ELB reports request metrics only while requests flow; an idle function or load balancer
  // has no latency to alert on.
  missingData: MissingData.NOT_BREACHING,
  threshold: AMOUNT,
};

/** Throttles: Lambda `Throttles`, DynamoDB `ReadThrottleEvents` and `WriteThrottleEvents`. */
const THROTTLES: Category = {
  // Counts (the CloudWatch metric documentation): Sum.
  statistic: Statistic.SUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: FIVE_MINUTES,
  evaluationPeriods: AT_ONCE,
  // Lambda publishes Throttles only when it is non-zero; DynamoDB's throttle events are count
  // metrics only published when non-zero (the `MonitorPresets` documentation).
  missingData: MissingData.NOT_BREACHING,
  threshold: AMOUNT,
  defaultCritical: ANY,
};

/** Age of the oldest message: SQS `ApproximateAgeOfOldestMessage`. */
const AGE: Category = {
  // The oldest message of the period: Maximum.
  statistic: Statistic.MAXIMUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: FIVE_MINUTES,
  evaluationPeriods: AT_ONCE,
  // MonitorConfig's default: a queue that stops reporting is its own state, not "fine".
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
};

/** Backlog: SQS `ApproximateNumberOfMessagesVisible` of a queue or of its dead-letter queue. */
const BACKLOG: Category = {
  // The most messages waiting in the period: Maximum.
  statistic: Statistic.MAXIMUM,
  comparison: ComparisonOperator.GREATER_THAN,
  period: FIVE_MINUTES,
  evaluationPeriods: AT_ONCE,
  // As AGE.
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
  // Dead letters: any message in the dead-letter queue.
  defaultCritical: ANY,
};

/** Unhealthy targets: ALB `UnHealthyHostCount` of a target group. */
const UNHEALTHY_HOSTS: Category = {
  // Any unhealthy target in the minute: Maximum.
  statistic: Statistic.MAXIMUM,
  comparison: ComparisonOperator.GREATER_THAN,
  // One-minute periods, five of five: unhealthy targets for 5 minutes in a row (the presets'
  // choice since their first version).
  period: 60,
  evaluationPeriods: 5,
  missingData: MissingData.MISSING,
  threshold: AMOUNT,
  defaultCritical: ANY,
};

/** What saturates. */
export type SaturatedResource = 'cpu' | 'memory' | 'storage' | 'connections';

/**
 * How long a resource must be saturated: CPU and memory for 15 minutes (`SUSTAINED`), storage
 * and connections on the first breaching period (`AT_ONCE`); the presets' choice since their
 * first version.
 */
const SATURATION_WINDOW: Record<SaturatedResource, number> = {
  cpu: SUSTAINED,
  memory: SUSTAINED,
  storage: AT_ONCE,
  connections: AT_ONCE,
};

/** How saturation is measured. */
export type SaturationMeasure = 'utilization-percent' | 'free' | 'in-use';

/** Statistic, comparison and threshold check of each measure. */
const SATURATION_MEASURE: Record<SaturationMeasure, Pick<Category, 'statistic' | 'comparison' | 'threshold'>> = {
  // "the average CPU (memory) over 5 minutes exceeds this percentage" (RDS and ECS props).
  'utilization-percent': { statistic: Statistic.AVERAGE, comparison: ComparisonOperator.GREATER_THAN, threshold: PERCENT },
  // "free storage (freeable memory) falls below this many bytes": the lowest value of the period.
  'free': { statistic: Statistic.MINIMUM, comparison: ComparisonOperator.LESS_THAN, threshold: AMOUNT },
  // "more connections than this": the highest value of the period.
  'in-use': { statistic: Statistic.MAXIMUM, comparison: ComparisonOperator.GREATER_THAN, threshold: AMOUNT },
};

/**
 * Saturation: RDS `CPUUtilization`, `FreeStorageSpace`, `FreeableMemory`, `DatabaseConnections`;
 * ECS `CPUUtilization`, `MemoryUtilization`; and, with a default threshold, the utilization a
 * preset computes itself (Container Insights metric math).
 */
export function saturationCategory(resource: SaturatedResource, measure: SaturationMeasure, defaultCritical?: number): Category {
  return {
    ...SATURATION_MEASURE[measure],
    period: FIVE_MINUTES,
    evaluationPeriods: SATURATION_WINDOW[resource],
    // MonitorConfig's default: an instance or service that stops reporting is its own state.
    missingData: MissingData.MISSING,
    ...(defaultCritical === undefined ? {} : { defaultCritical }),
  };
}

/** Errors of a function or load balancer. */
export function errorCount(group: MonitorGroup, monitor: PresetMonitor): MonitorConfig {
  return everywhere(group, monitor, add(group, ERROR_COUNT, monitor));
}

/** A latency percentile. */
export function latencyPercentile(group: MonitorGroup, monitor: PresetMonitor): MonitorConfig {
  return everywhere(group, monitor, add(group, LATENCY_PERCENTILE, monitor));
}

/** Throttled invocations or requests. */
export function throttles(group: MonitorGroup, monitor: PresetMonitor): MonitorConfig {
  return everywhere(group, monitor, add(group, THROTTLES, monitor));
}

/** The age of the oldest message of a queue. */
export function age(group: MonitorGroup, monitor: PresetMonitor): MonitorConfig {
  return everywhere(group, monitor, add(group, AGE, monitor));
}

/** The messages waiting in a queue (a dead-letter queue: any message). */
export function backlog(group: MonitorGroup, monitor: PresetMonitor): MonitorConfig {
  return everywhere(group, monitor, add(group, BACKLOG, monitor));
}

/** Saturation of CPU, memory, storage or connections, measured as utilization, free amount or amount in use. */
export function saturation(group: MonitorGroup, resource: SaturatedResource, measure: SaturationMeasure, monitor: PresetMonitor): MonitorConfig {
  return everywhere(group, monitor, add(group, saturationCategory(resource, measure), monitor));
}

/** Unhealthy targets of a load balancer's target group. */
export function unhealthyHosts(group: MonitorGroup, monitor: PresetMonitor): MonitorConfig {
  return everywhere(group, monitor, add(group, UNHEALTHY_HOSTS, monitor));
}

/**
 * Errors of a service Datadog publishes no metrics of (or not this one): the error-count
 * defaults, rendered only to the backends that can evaluate the monitor (see `add`).
 */
export function errorCountWhereEvaluable(group: MonitorGroup, monitor: PresetMonitor): MonitorConfig | undefined {
  return add(group, ERROR_COUNT, monitor);
}

/** The monitor of a category every backend of a preset evaluates; a ValidationError when none can. */
function everywhere(group: MonitorGroup, m: PresetMonitor, added: MonitorConfig | undefined): MonitorConfig {
  if (added) return added;
  return fail(group, 'backends', group._backends().map((b) => b.kind).join(', '),
    `backends that can evaluate the ${m.id} monitor (Datadog does not publish its metric; add MonitorBackend.cloudwatch() or .grafana())`);
}

/**
 * A monitor with the statistic, threshold, period and datapoints of one alarm of the CloudWatch
 * user guide's "Recommended alarms" page, or of the service's own guidance; the service preset
 * holds those defaults with their source (`../apigateway.ts`, `../kinesis.ts` …).
 */
export function recommended(group: MonitorGroup, defaults: Category, monitor: PresetMonitor): MonitorConfig | undefined {
  return add(group, defaults, monitor);
}

/**
 * Add the monitor on the group's backends. Datadog evaluates an AWS metric only under the name
 * and statistic its AWS integration publishes (Datadog's own metric lists,
 * src/datadog/private/datadog-aws-metric-table.ts): a monitor whose metric and statistic Datadog
 * does not publish is not rendered to Datadog, with a warning naming why, rather than under an
 * invented name. (Every monitor of the first six presets has a published name, so this only
 * applies to the later presets, whose doc comments say which monitors it concerns.)
 */
function add(group: MonitorGroup, c: Category, m: PresetMonitor): MonitorConfig | undefined {
  const critical = settle(group, c, m);
  const { title, message } = m.text({ critical, window: inWords(c.period), statistic: c.statistic.name });
  const signal = m.metric(c.statistic);
  const backends = evaluatingBackends(group, m, signal);
  if (backends?.length === 0) return undefined;
  return group._add(m.id, {
    title,
    message,
    signal,
    comparison: c.comparison,
    critical,
    period: c.period,
    evaluationPeriods: c.evaluationPeriods,
    datapointsToAlarm: c.datapointsToAlarm ?? c.evaluationPeriods,
    missingData: c.missingData,
  }, backends);
}

/**
 * The group's backends without those that say they cannot evaluate the monitor's signal (Datadog,
 * when its AWS integration does not publish the metric and statistic), with a warning giving each
 * one's reason, or undefined when every backend takes the monitor. A CloudWatch metric-math
 * expression goes only to the backends that say they evaluate it (`canEvaluate`, which
 * CloudWatch's backend does): Datadog and Grafana have no form of it.
 */
function evaluatingBackends(group: MonitorGroup, m: PresetMonitor, signal: Signal): IMonitorBackend[] | undefined {
  const backends = group._backends();
  if (signal.cloudWatchExpressionProps) return expressionBackends(group, m, signal, backends);
  const gaps = backends.map((b) => evaluationGap(b, signal));
  if (gaps.every((g) => g === undefined)) return undefined;
  const rest = backends.filter((_, i) => gaps[i] === undefined);
  // The signal-level advice (a statistic, `datadogMetric`) is for hand-written signals, not preset users.
  const left = gaps.filter((g): g is EvaluationGap => g !== undefined)
    .map((g) => `${g.system} (${g.reason.replace(/; (use Statistic\.SUM|set 'datadogMetric' on the signal.*)$/, '')})`);
  Annotations.of(group).addWarning(`${group.node.path}/${m.id}: not rendered to ${[...new Set(left)].join(', ')}`
    + (rest.length === 0 ? '; no other backend is given, so the monitor is left out' : `; rendered to ${rest.map((b) => b.kind).join(', ')} only`)
    + (m.datadogInstead ? `; ${m.datadogInstead}` : ''));
  return rest;
}

/** The backends of a metric-math monitor (see `evaluatingBackends`), with a warning naming the others. */
function expressionBackends(group: MonitorGroup, m: PresetMonitor, signal: Signal, backends: IMonitorBackend[]): IMonitorBackend[] | undefined {
  const evaluates = (b: IMonitorBackend) => backendEvaluates(b, signal) === true;
  const rest = backends.filter(evaluates);
  if (rest.length === backends.length) return undefined;
  const left = backends.filter((b) => !evaluates(b));
  Annotations.of(group).addWarning(`${group.node.path}/${m.id}: not rendered to ${left.map((b) => b.kind).join(', ')} `
    + '(a CloudWatch metric-math expression, which only CloudWatch evaluates)'
    + (rest.length === 0 ? '; no other backend is given, so the monitor is left out' : `; rendered to ${rest.map((b) => b.kind).join(', ')} only`)
    + (m.datadogInstead && left.some((b) => evaluationGap(b, signal)?.system === 'Datadog') ? `; ${m.datadogInstead}` : ''));
  return rest;
}

/** The threshold: the prop's value, checked, or the category's default. */
function settle(group: MonitorGroup, c: Category, m: PresetMonitor): number {
  if (m.prop === undefined || (m.optional && m.value === undefined)) {
    if (c.defaultCritical === undefined) throw new Error(`${group.node.path}/${m.id}: a preset monitor of this category needs a threshold prop`);
    return c.defaultCritical;
  }
  const v = m.value;
  // As MonitorConfig's thresholds: a token has no value to compare or render into a query.
  if (isToken(v)) fail(group, m.prop, v, `${c.threshold.accepted}, known at synth time (thresholds are compared and rendered into queries)`);
  if (typeof v !== 'number' || !Number.isFinite(v) || !c.threshold.accepts(v)) fail(group, m.prop, v, c.threshold.accepted);
  return v;
}

/** `300` → `5 minutes`. */
function inWords(seconds: number): string {
  if (seconds % 60 !== 0) return `${seconds} seconds`;
  const minutes = seconds / 60;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Whether any of `backends` says it can evaluate `signal` (a backend without the capability
 * does not count): the backend owns the answer, no code here names a kind of system.
 */
export function anyEvaluates(backends: readonly IMonitorBackend[], signal: Signal): boolean {
  return backends.some((b) => backendEvaluates(b, signal) === true);
}

/**
 * Whether any of `backends` may evaluate `signal`: one that says so, or one that does not say
 * (it is given the monitor, and fails on a signal it cannot evaluate).
 */
export function anyMayEvaluate(backends: readonly IMonitorBackend[], signal: Signal): boolean {
  return backends.some((b) => backendEvaluates(b, signal) !== false);
}
