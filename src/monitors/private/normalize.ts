import { IConstruct } from 'constructs';
import { fail, isToken, requireInteger, requireNoControlChars, requireString, requireUrl } from '../../core/private/validate';
import { Severities, Severity } from '../../core/severity';
import { Signal } from '../../signals/signal';
import type { MonitorDefinition } from '../monitor-config';
import { ComparisonOperator, Comparisons, MissingData } from '../threshold';

const NAME_MAX = 255;

/** A monitor definition, validated, with its defaults applied. */
export interface NormalizedMonitor {
  title: string;
  message: string;
  signal: Signal;
  comparison: ComparisonOperator;
  critical: number;
  warning?: number;
  criticalRecovery?: number;
  warningRecovery?: number;
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  missingData: MissingData;
  severity: Severity;
  runbookUrl?: string;
  tags: { [key: string]: string };
  renotifyInterval?: number;
}

/** A monitor seen by the renderers: a `MonitorConfig`, or a catalog monitor with its catalog's node. */
export type MonitorLike = NormalizedMonitor & IConstruct & {
  /** For a catalog monitor: its key in the catalog. */
  readonly catalogKey?: string;
};

/**
 * A catalog monitor as the renderers see it: its spec, with the catalog's node (messages name the
 * catalog's path and the monitor's key).
 */
export function catalogMonitorLike(catalog: IConstruct, spec: NormalizedMonitor & { readonly id: string }): MonitorLike {
  return { ...spec, node: catalog.node, catalogKey: spec.id, with: (...mixins) => catalog.with(...mixins) };
}

/** How messages name a monitor: its path, and for a catalog monitor its key too. */
export function monitorWhere(m: MonitorLike): string {
  return m.catalogKey === undefined ? m.node.path : `${m.node.path} (monitor "${m.catalogKey}")`;
}

/**
 * Validate a monitor definition (every prop, the threshold sides, the signal for the period) and
 * apply its defaults; the first problem is a ValidationError naming `scope`. Used by
 * `MonitorConfig` and by `MonitorCatalog` for each of its monitors.
 */
export function normalizeMonitor(scope: IConstruct, props: MonitorDefinition, accepted = 'a monitor definition object'): NormalizedMonitor {
  const n = {} as NormalizedMonitor;
  if (!props || typeof props !== 'object') fail(scope, 'props', props, accepted);
  n.title = requireNoControlChars(scope, 'title', props.title, `a name of 1-${NAME_MAX} characters without control characters`);
  if (!isToken(n.title) && n.title.length > NAME_MAX) fail(scope, 'title', n.title, `a name of 1-${NAME_MAX} characters without control characters`);
  n.message = requireString(scope, 'message', props.message, 'a non-empty message');
  if (!(props.signal instanceof Signal)) fail(scope, 'signal', props.signal, 'a Signal (Signal.cloudWatchMetric, awsMetric, cloudWatchExpression, datadogQuery or promQl)');
  n.signal = props.signal;
  if (!Object.values(ComparisonOperator).includes(props.comparison)) {
    fail(scope, 'comparison', props.comparison, 'a ComparisonOperator (GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL)');
  }
  n.comparison = props.comparison;
  n.critical = requireNumber(scope, 'critical', props.critical);
  n.warning = props.warning === undefined ? undefined : requireNumber(scope, 'warning', props.warning);
  n.criticalRecovery = props.criticalRecovery === undefined ? undefined : requireNumber(scope, 'criticalRecovery', props.criticalRecovery);
  n.warningRecovery = props.warningRecovery === undefined ? undefined : requireNumber(scope, 'warningRecovery', props.warningRecovery);
  validateThresholdSides(scope, n);

  n.period = props.period === undefined ? 300 : requireInteger(scope, 'period', props.period, 1, 86_400 * 7);
  n.evaluationPeriods = props.evaluationPeriods === undefined ? 1 : requireInteger(scope, 'evaluationPeriods', props.evaluationPeriods, 1, 100_000);
  if (props.datapointsToAlarm === undefined) {
    n.datapointsToAlarm = n.evaluationPeriods;
  } else {
    n.datapointsToAlarm = requireInteger(scope, 'datapointsToAlarm', props.datapointsToAlarm, 1, 100_000);
    if (!isToken(n.datapointsToAlarm) && !isToken(n.evaluationPeriods) && n.datapointsToAlarm > n.evaluationPeriods) {
      fail(scope, 'datapointsToAlarm', n.datapointsToAlarm, `at most evaluationPeriods (${n.evaluationPeriods})`);
    }
  }
  n.missingData = props.missingData ?? MissingData.MISSING;
  if (!Object.values(MissingData).includes(n.missingData)) fail(scope, 'missingData', n.missingData, 'a MissingData (MISSING, BREACHING, NOT_BREACHING, IGNORE)');
  n.severity = props.severity ?? Severity.SEV3;
  if (!Severities.isSeverity(n.severity)) fail(scope, 'severity', n.severity, 'a Severity (SEV1 … SEV5)');
  n.runbookUrl = props.runbookUrl === undefined ? undefined : requireUrl(scope, 'runbookUrl', props.runbookUrl, ['https', 'http']);
  n.tags = validateTagMap(scope, props.tags);
  n.renotifyInterval = props.renotifyInterval === undefined ? undefined : requireInteger(scope, 'renotifyInterval', props.renotifyInterval, 1, 60 * 24 * 30);
  n.signal._validate(scope, 'signal', n.period);

  return n;
}

function validateThresholdSides(scope: IConstruct, n: NormalizedMonitor): void {
  const above = Comparisons.isAbove(n.comparison);
  const sym = Comparisons.symbol(n.comparison);
  const side = above ? 'below' : 'above';
  const ok = (x: number, ref: number) => (above ? x < ref : x > ref);
  if (n.warning !== undefined && !ok(n.warning, n.critical)) {
    fail(scope, 'warning', n.warning, `${side} critical (${n.critical}) for the comparison ${sym}`);
  }
  if (n.criticalRecovery !== undefined && !ok(n.criticalRecovery, n.critical)) {
    fail(scope, 'criticalRecovery', n.criticalRecovery, `${side} critical (${n.critical}) for the comparison ${sym}`);
  }
  if (n.warningRecovery !== undefined) {
    if (n.warning === undefined) fail(scope, 'warningRecovery', n.warningRecovery, 'given only together with warning');
    if (!ok(n.warningRecovery, n.warning)) {
      fail(scope, 'warningRecovery', n.warningRecovery, `${side} warning (${n.warning}) for the comparison ${sym}`);
    }
  }
}

function requireNumber(scope: IConstruct, prop: string, value: unknown): number {
  if (typeof value !== 'number' || (!isToken(value) && !Number.isFinite(value))) fail(scope, prop, value, 'a finite number');
  if (isToken(value)) fail(scope, prop, value, 'a number known at synth time (thresholds are compared and rendered into queries)');
  return value;
}

/**
 * Tags as a map of strings, keys sorted. With `reservedSeverity`, a `severity` key is refused
 * (the constructs that set it from their severity).
 */
export function validateTagMap(scope: IConstruct, tags: unknown, reservedSeverity = false): { [key: string]: string } {
  if (tags === undefined) return {};
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) fail(scope, 'tags', tags, 'a map of strings to strings');
  const out: Record<string, string> = {};
  for (const k of Object.keys(tags as object).sort()) {
    const v = (tags as Record<string, unknown>)[k];
    if (k.length === 0) fail(scope, 'tags', k, 'non-empty tag keys');
    if (typeof v !== 'string') fail(scope, `tags.${k}`, v, 'a string');
    if (reservedSeverity && k.toLowerCase() === 'severity') fail(scope, `tags.${k}`, k, 'a key other than severity (it is set from the severity)');
    out[k] = v;
  }
  return out;
}
