import { Annotations, TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GrafanaConnection } from './grafana-connection';
import type { GrafanaTargetBinding } from './grafana-targets';
import { GrafanaRouting, grafanaBinding } from './private/notify';
import { requireFolderUid } from './private/provider-rules';
import { grafanaUidRef } from './private/refs';
import { renderGrafanaSlo } from './private/slo';
import { Folder } from '../bindings/grafana/folder/index';
import { RuleGroup, RuleGroupRule, RuleGroupRuleData } from '../bindings/grafana/rule-group/index';
import { sharedScope } from '../core/private/scopes';
import { claimName, stackSingleton } from '../core/private/stack-registry';
import { fail, requirePattern, requireString } from '../core/private/validate';
import { Severities, Severity } from '../core/severity';
import type { AnomalyMonitor } from '../monitors/anomaly-monitor';
import { IAnomalyMonitorBackend, ICompositeMonitorBackend, IMonitorBackend, IRenderedAlerts, IRenderedMonitor, ISloBackend } from '../monitors/backend';
import type { CompositeMonitor } from '../monitors/composite-monitor';
import type { MonitorConfig } from '../monitors/monitor-config';
import type { Slo } from '../monitors/slo';
import { ComparisonOperator, Comparisons, MissingData } from '../monitors/threshold';
import type { INotificationTarget } from '../notifications/targets';
import { SignalKind, Statistic } from '../signals/signal';

/** Options of the Grafana backend. */
export interface GrafanaBackendOptions {
  /**
   * Construct id of the rendering under each monitor.
   * @default "Grafana"
   */
  readonly id?: string;
  /**
   * The Grafana connection (its provider creates folders, rules, contact points and the policy).
   * @default GrafanaConnection.of(monitor)
   */
  readonly connection?: GrafanaConnection;
  /** UID of the data source that runs the queries (Prometheus for PromQL signals, CloudWatch for CloudWatch metrics). */
  readonly datasourceUid: string;
  /**
   * UID of a CloudWatch data source for CloudWatch signals, when `datasourceUid` is a Prometheus one.
   * @default - `datasourceUid`
   */
  readonly cloudWatchDatasourceUid?: string;
  /**
   * Title of the folder the rule groups go in (created once per stack and connection).
   * @default "Monitors"
   */
  readonly folder?: string;
  /**
   * UID of an existing folder to use instead of creating one.
   * @default - a folder titled `folder` is created
   */
  readonly folderUid?: string;
}

// Grafana: alert rule titles and rule group names are at most 190 characters
// (AlertRuleMaxTitleLength and AlertRuleMaxRuleGroupNameLength in pkg/services/ngalert/models).
const GRAFANA_TITLE_MAX = 190;
// Grafana alerting labels follow the Prometheus data model: names match [a-zA-Z_][a-zA-Z0-9_]*,
// names starting with __ are reserved (prometheus.io/docs/concepts/data_model).
const LABEL_NAME = /^(?!__)[A-Za-z_][A-Za-z0-9_]*$/;

const NO_DATA: Record<MissingData, string> = {
  [MissingData.MISSING]: 'NoData',
  [MissingData.BREACHING]: 'Alerting',
  [MissingData.NOT_BREACHING]: 'OK',
  [MissingData.IGNORE]: 'KeepLast',
};

const EXPR = '__expr__';

/** The Grafana rule group a `MonitorConfig` rendered. */
export class GrafanaRenderedMonitor extends Construct implements IRenderedMonitor {
  /** The backend. */
  public readonly backend: IMonitorBackend;
  /** The main resource (the rule group). */
  public readonly resource: TerraformResource;
  /** The `grafana_rule_group` with the monitor's rule (escape hatch, typed). */
  public readonly ruleGroup: RuleGroup;
  private readonly routing: GrafanaRouting;
  private readonly renderRules: () => RuleGroupRule[];

  constructor(monitor: MonitorConfig, backend: GrafanaBackend) {
    super(monitor, backend.id);
    this.backend = backend;
    const o = backend.options;
    const conn = backend.connectionFor(monitor);
    this.routing = new GrafanaRouting(monitor, backend, monitor.severity, monitor.renotifyInterval);
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
      Annotations.of(monitor).addWarning(`${monitor.node.path}: Grafana recovery thresholds apply to > and < comparisons only; criticalRecovery is not rendered to Grafana`);
    }
    if (monitor.datapointsToAlarm < monitor.evaluationPeriods) {
      Annotations.of(monitor).addWarning(`${monitor.node.path}: Grafana has no "M of N" evaluation; the rule fires after ${monitor.datapointsToAlarm} consecutive breaching evaluations`);
    }

    const folderUid = backend.folderUidFor(monitor);
    // Rule group names are unique within a folder.
    if (!claimName(monitor, `grafana-rule-group:${conn.node.path}:${o.folderUid ?? o.folder ?? 'Monitors'}`, monitor.title)) {
      fail(monitor, 'title', monitor.title, 'a title not used by another monitor in the same Grafana folder of this stack (Grafana rule group names are unique per folder)');
    }
    const queries = dataQueries(monitor, backend);
    const annotations: Record<string, string> = { summary: monitor.title, description: monitor.message };
    if (monitor.runbookUrl) annotations.runbook_url = monitor.runbookUrl;
    const rule = (name: string, threshold: number, recovery: number | undefined, extra: Record<string, string>): RuleGroupRule => ({
      name,
      condition: 'C',
      for: `${monitor.period * (monitor.datapointsToAlarm - 1)}s`,
      noDataState: NO_DATA[monitor.missingData],
      execErrState: 'Error',
      annotations,
      labels: sortKeys({ ...labels, ...extra, ...this.routing.routeLabels }),
      data: [...queries, condition(monitor.comparison, threshold, recovery)],
    });
    // Labels are rendered now and the rules again on each addTarget() (a lazy token per rule
    // costs a captured stack trace, which dominates large apps).
    this.renderRules = () => {
      const rules = [rule(monitor.title, monitor.critical, monitor.criticalRecovery, {})];
      if (monitor.warning !== undefined) {
        rules.push(rule(`${monitor.title.slice(0, GRAFANA_TITLE_MAX - 10)} (warning)`, monitor.warning, monitor.warningRecovery, { level: 'warning', pagerduty_severity: 'warning' }));
      }
      return rules;
    };
    const rules = this.renderRules();
    this.ruleGroup = new RuleGroup(this, 'Resource', {
      name: monitor.title,
      folderUid,
      intervalSeconds: monitor.period,
      rule: rules,
      provider: conn.provider,
    });
    this.resource = this.ruleGroup;
  }

  /** The routing labels the rules carry for their targets. */
  public get targetLabels(): { [label: string]: string } {
    return this.routing.routeLabels;
  }

  /**
   * Notify a target: a label on the rule and a route to its contact point in the policy tree
   * (the stack's policy is created on the first route only, so monitors routed by an
   * organization-wide policy elsewhere never create a second one for the same organization).
   */
  public addTarget(target: INotificationTarget): void {
    if (this.routing.add(target)) this.ruleGroup.putRule(this.renderRules());
  }
}

/** Renders monitors as rules in `grafana_rule_group`s inside a `grafana_folder`; routes through the stack's one notification policy. */
export class GrafanaBackend implements IMonitorBackend, ISloBackend, ICompositeMonitorBackend, IAnomalyMonitorBackend {
  /** `grafana`. */
  public readonly kind: string = 'grafana';
  /** Construct id of renderings. */
  public readonly id: string;
  /** The options. */
  public readonly options: GrafanaBackendOptions;

  constructor(options: GrafanaBackendOptions) {
    this.options = { ...(options ?? ({} as GrafanaBackendOptions)) };
    this.id = this.options.id ?? 'Grafana';
  }

  /** Render a monitor. */
  public render(monitor: MonitorConfig): IRenderedMonitor {
    requirePattern(monitor, 'backends', this.id, /^[A-Za-z][A-Za-z0-9_-]*$/, 'backend ids of letters, digits, _ and -');
    requirePattern(monitor, 'datasourceUid', this.options.datasourceUid, /^[A-Za-z0-9_-]{1,40}$/, 'a Grafana data source UID (1-40 letters, digits, _ or -)');
    if (this.options.cloudWatchDatasourceUid !== undefined) {
      requirePattern(monitor, 'cloudWatchDatasourceUid', this.options.cloudWatchDatasourceUid, /^[A-Za-z0-9_-]{1,40}$/, 'a Grafana data source UID (1-40 letters, digits, _ or -)');
    }
    return new GrafanaRenderedMonitor(monitor, this);
  }

  /** Render an SLO (a ratio of PromQL counters): one rule group with a rule per burn-rate alert. */
  public renderSlo(slo: Slo): IRenderedAlerts {
    return renderGrafanaSlo(slo, this);
  }

  /** Always a synth error: Grafana alert rules cannot refer to the state of other rules. */
  public renderComposite(composite: CompositeMonitor): IRenderedAlerts {
    return fail(composite, 'backends', this.id, 'Datadog or CloudWatch backends: Grafana alert rules cannot refer to the state of other rules, so Grafana has no composite rule (write one rule whose query combines the signals instead)');
  }

  /** Always a synth error: Grafana has no built-in anomaly detection. */
  public renderAnomaly(monitor: AnomalyMonitor): IRenderedAlerts {
    return fail(monitor, 'backends', this.id, 'Datadog or CloudWatch backends: Grafana has no built-in anomaly detection');
  }

  /**
   * The UID of the folder the rules of `scope` go in (created once per stack and connection), as
   * a reference to the folder resource when the library creates it in this stack.
   */
  public folderUidFor(scope: IConstruct): string {
    const o = this.options;
    const conn = this.connectionFor(scope);
    return o.folderUid !== undefined
      ? grafanaUidRef(scope, 'folder', conn, requireFolderUid(scope, 'folderUid', o.folderUid))
      : folderFor(scope, conn, o.folder ?? 'Monitors').uid;
  }

  /**
   * The UID of the data source for `kind` of query (`prometheus` or `cloudwatch`), as a
   * reference to the data source resource when the library creates it in this stack (a uid of
   * an existing data source stays a literal).
   */
  public datasourceUidFor(scope: IConstruct, kind: string): string {
    const o = this.options;
    const uid = kind === 'cloudwatch' ? o.cloudWatchDatasourceUid ?? o.datasourceUid : o.datasourceUid;
    return grafanaUidRef(scope, 'datasource', this.connectionFor(scope), uid);
  }

  /**
   * The key under which rule group names are unique (connection and folder).
   * @internal
   */
  public _ruleGroupNamespace(scope: IConstruct): string {
    const o = this.options;
    return `grafana-rule-group:${this.connectionFor(scope).node.path}:${o.folderUid ?? o.folder ?? 'Monitors'}`;
  }

  /**
   * How this backend reaches `target` for an alert of `severity` in `scope`: the target's own
   * binding for this backend, or the backend's way of reaching a built-in target (its resources
   * are created once per stack). A synth error names both when the backend cannot serve it.
   */
  public bindTarget(scope: IConstruct, target: INotificationTarget, severity: Severity): GrafanaTargetBinding {
    return grafanaBinding(scope, this, target, severity);
  }

  /** The Grafana connection for a rule in `scope`: the backend's, or `GrafanaConnection.of(scope)`. */
  public connectionFor(scope: IConstruct): GrafanaConnection {
    return this.options.connection ?? GrafanaConnection.of(scope);
  }
}

function isStrict(op: ComparisonOperator): boolean {
  return op === ComparisonOperator.GREATER_THAN || op === ComparisonOperator.LESS_THAN;
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

function folderFor(scope: IConstruct, conn: GrafanaConnection, title: string): Folder {
  requireString(scope, 'folder', title, 'a folder title');
  return stackSingleton(scope, `monitoring:grafana-folder:${conn.node.path}:${title}`, () => {
    const shared = sharedScope(scope, 'GrafanaMonitorFolders');
    const id = `${conn.alias ? `${conn.alias}-` : ''}${title}`.replace(/[^A-Za-z0-9_-]/g, '_');
    return new Folder(shared, id, { title, provider: conn.provider });
  });
}

function dataQueries(m: MonitorConfig, backend: GrafanaBackend): RuleGroupRuleData[] {
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

function reduce(): RuleGroupRuleData {
  return {
    refId: 'B',
    datasourceUid: EXPR,
    relativeTimeRange: { from: 0, to: 0 },
    model: JSON.stringify({ refId: 'B', type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } }),
  };
}

/** The alert condition C over the reduced value B. */
function condition(op: ComparisonOperator, threshold: number, recovery?: number): RuleGroupRuleData {
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
