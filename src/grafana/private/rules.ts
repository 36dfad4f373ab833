import { Annotations } from 'cdktf';
import { RuleGroupRuleData } from '../../bindings/grafana/rule-group/index';
import { claimName } from '../../core/private/stack-registry';
import { fail } from '../../core/private/validate';
import { Severities } from '../../core/severity';
import { MonitorLike, monitorWhere } from '../../monitors/private/normalize';
import { ComparisonOperator, Comparisons, MissingData } from '../../monitors/threshold';
import { SignalKind, Statistic } from '../../signals/signal';
import type { GrafanaBackend } from '../grafana-monitor-backend';

/**
 * The rules of a monitor in Grafana: the query A, the reduce expression B, the condition C, its
 * labels and annotations. Used by the monitor rendering and by the catalog rendering.
 */
// Grafana: alert rule titles and rule group names are at most 190 characters
// (AlertRuleMaxTitleLength and AlertRuleMaxRuleGroupNameLength in pkg/services/ngalert/models).
export const GRAFANA_TITLE_MAX = 190;
// Grafana alerting labels follow the Prometheus data model: names match [a-zA-Z_][a-zA-Z0-9_]*,
// names starting with __ are reserved (prometheus.io/docs/concepts/data_model).
const LABEL_NAME = /^(?!__)[A-Za-z_][A-Za-z0-9_]*$/;

export const NO_DATA: Record<MissingData, string> = {
  [MissingData.MISSING]: 'NoData',
  [MissingData.BREACHING]: 'Alerting',
  [MissingData.NOT_BREACHING]: 'OK',
  [MissingData.IGNORE]: 'KeepLast',
};

export const EXPR = '__expr__';

/** Labels a warning rule adds. */
export const WARNING_LABELS: Readonly<Record<string, string>> = { level: 'warning', pagerduty_severity: 'warning' };

/** The title of a monitor's warning rule. */
export function grafanaWarningTitle(title: string): string {
  return `${title.slice(0, GRAFANA_TITLE_MAX - 10)} (warning)`;
}

/** What the rules of a monitor have in common, after checking that Grafana can express it and claiming its group name. */
export interface GrafanaRuleParts {
  readonly folderUid: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly queries: RuleGroupRuleData[];
  readonly forDuration: string;
  readonly noDataState: string;
}

/**
 * The parts of a monitor's Grafana rules (a `MonitorConfig`, or a catalog monitor seen through
 * its catalog); a ValidationError naming `monitor` when Grafana cannot express it. Claims the
 * rule group name(s) in the folder (`extraGroupNames` for groups of their own, e.g. a catalog's
 * warning rules).
 */
export function grafanaRuleParts(monitor: MonitorLike, backend: GrafanaBackend, extraGroupNames: string[] = []): GrafanaRuleParts {
  const o = backend.options;
  const conn = backend.connectionFor(monitor);
  if (!monitor.title || monitor.title.length > GRAFANA_TITLE_MAX) {
    fail(monitor, 'title', monitor.title, `for Grafana a title of 1-${GRAFANA_TITLE_MAX} characters`);
  }
  // Grafana evaluates rules on a 10-second base interval; a group's interval is a multiple of it.
  if (monitor.period % 10 !== 0) fail(monitor, 'period', monitor.period, 'for Grafana a multiple of 10 seconds (the scheduler\'s base interval)');
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(monitor.tags)) {
    if (!LABEL_NAME.test(k)) fail(monitor, `tags.${k}`, k, 'for Grafana a label name: a letter or _, then letters, digits or _, not starting with __');
    labels[k] = v;
  }
  if (labels.severity !== undefined) fail(monitor, 'tags.severity', 'severity', 'a key other than severity (the monitor sets it from its severity)');
  labels.severity = Severities.label(monitor.severity);
  labels.pagerduty_severity = Severities.pagerDutySeverity(monitor.severity);
  if (monitor.criticalRecovery !== undefined && !isStrict(monitor.comparison)) {
    Annotations.of(monitor).addWarning(`${monitorWhere(monitor)}: Grafana recovery thresholds apply to > and < comparisons only; criticalRecovery is not rendered to Grafana`);
  }
  if (monitor.datapointsToAlarm < monitor.evaluationPeriods) {
    Annotations.of(monitor).addWarning(`${monitorWhere(monitor)}: Grafana has no "M of N" evaluation; the rule fires after ${monitor.datapointsToAlarm} consecutive breaching evaluations`);
  }

  const folderUid = backend.folderUidFor(monitor);
  // Rule group names are unique within a folder.
  for (const name of [monitor.title, ...extraGroupNames]) {
    if (!claimName(monitor, `grafana-rule-group:${conn.node.path}:${o.folderUid ?? o.folder ?? 'Monitors'}`, name)) {
      fail(monitor, 'title', monitor.title, 'a title not used by another monitor in the same Grafana folder of this stack (Grafana rule group names are unique per folder)');
    }
  }
  const queries = dataQueries(monitor, backend);
  const annotations: Record<string, string> = { summary: monitor.title, description: monitor.message };
  if (monitor.runbookUrl) annotations.runbook_url = monitor.runbookUrl;
  return {
    folderUid,
    labels,
    annotations,
    queries,
    forDuration: `${monitor.period * (monitor.datapointsToAlarm - 1)}s`,
    noDataState: NO_DATA[monitor.missingData],
  };
}

function isStrict(op: ComparisonOperator): boolean {
  return op === ComparisonOperator.GREATER_THAN || op === ComparisonOperator.LESS_THAN;
}

export function sortKeys(o: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

function dataQueries(m: MonitorLike, backend: GrafanaBackend): RuleGroupRuleData[] {
  const s = m.signal;
  const range = { from: m.period * m.evaluationPeriods, to: 0 };
  if (s.kind === SignalKind.PROMQL) {
    return [{
      refId: 'A',
      datasourceUid: backend.datasourceUidFor(m, 'prometheus'),
      relativeTimeRange: range,
      model: JSON.stringify({ refId: 'A', expr: s.promQlProps!.query, range: true, instant: false, intervalMs: 1000, maxDataPoints: 43200 }),
    }, reduce()];
  }
  if (s.kind === SignalKind.CLOUDWATCH_METRIC) {
    const p = s.cloudWatchMetricProps!;
    const dims: Record<string, string> = {};
    for (const k of Object.keys(p.dimensions ?? {}).sort()) dims[k] = p.dimensions![k];
    return [{
      refId: 'A',
      datasourceUid: backend.datasourceUidFor(m, 'cloudwatch'),
      relativeTimeRange: range,
      // Grafana CloudWatch data source query (metric search, builder mode).
      model: JSON.stringify({
        refId: 'A',
        queryMode: 'Metrics',
        metricQueryType: 0,
        metricEditorMode: 0,
        region: 'default',
        namespace: p.namespace,
        metricName: p.metricName,
        dimensions: dims,
        matchExact: true,
        statistic: (p.statistic ?? Statistic.AVERAGE).name,
        period: String(m.period),
      }),
    }, reduce()];
  }
  return fail(m, 'signal', s.toString(),
    `a signal the Grafana backend can evaluate (a PromQL query, or a CloudWatch metric through a CloudWatch data source); Grafana cannot evaluate a ${s.kind}`);
}

/** The reduce expression B over the query A of every monitor rule. */
export function reduce(): RuleGroupRuleData {
  return {
    refId: 'B',
    datasourceUid: EXPR,
    relativeTimeRange: { from: 0, to: 0 },
    model: JSON.stringify({ refId: 'B', type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } }),
  };
}

/** The alert condition C over the reduced value B. */
export function condition(op: ComparisonOperator, threshold: number, recovery?: number): RuleGroupRuleData {
  let model: Record<string, unknown>;
  if (isStrict(op)) {
    // Threshold expression; `unloadEvaluator` is the recovery threshold (Grafana alerting,
    // "Configure recovery threshold").
    const above = op === ComparisonOperator.GREATER_THAN;
    const cond: Record<string, unknown> = { evaluator: { type: above ? 'gt' : 'lt', params: [threshold] } };
    if (recovery !== undefined) cond.unloadEvaluator = { type: above ? 'lt' : 'gt', params: [recovery] };
    model = { refId: 'C', type: 'threshold', expression: 'B', conditions: [cond] };
  } else {
    // Math expression: a comparison yields 1 (firing) or 0.
    model = { refId: 'C', type: 'math', expression: `$B ${Comparisons.symbol(op)} ${threshold}` };
  }
  return { refId: 'C', datasourceUid: EXPR, relativeTimeRange: { from: 0, to: 0 }, model: JSON.stringify(model) };
}
