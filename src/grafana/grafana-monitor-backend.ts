import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GrafanaConnection } from './grafana-connection';
import type { GrafanaTargetBinding } from './grafana-targets';
import { GrafanaCatalogEntry, prepareGrafanaCatalogMonitor, renderGrafanaCatalog } from './private/catalog';
import { GrafanaRouting, grafanaBinding } from './private/notify';
import { requireFolderUid } from './private/provider-rules';
import { grafanaUidRef } from './private/refs';
import { condition, grafanaRuleParts, grafanaWarningTitle, sortKeys, WARNING_LABELS } from './private/rules';
import { renderGrafanaSlo } from './private/slo';
import { Folder } from '../bindings/grafana/folder/index';
import { RuleGroup, RuleGroupRule } from '../bindings/grafana/rule-group/index';
import { sharedScope } from '../core/private/scopes';
import { stackSingleton } from '../core/private/stack-registry';
import { fail, requirePattern, requireString } from '../core/private/validate';
import { Severity } from '../core/severity';
import type { AnomalyMonitor } from '../monitors/anomaly-monitor';
import { CatalogMonitorSpec, IAnomalyMonitorBackend, ICatalogBackend, ICompositeMonitorBackend, IMonitorBackend, IRenderedAlerts, IRenderedCatalog, IRenderedMonitor, ISignalAwareMonitorBackend, ISloBackend } from '../monitors/backend';
import type { CompositeMonitor } from '../monitors/composite-monitor';
import type { MonitorConfig } from '../monitors/monitor-config';
import type { Slo } from '../monitors/slo';
import type { INotificationTarget } from '../notifications/targets';
import { matchSignal } from '../signals/private/match';
import type { Signal } from '../signals/signal';

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
    const conn = backend.connectionFor(monitor);
    this.routing = new GrafanaRouting(monitor, backend, monitor.severity, monitor.renotifyInterval);
    const parts = grafanaRuleParts(monitor, backend);
    const folderUid = parts.folderUid;
    const rule = (name: string, threshold: number, recovery: number | undefined, extra: Record<string, string>): RuleGroupRule => ({
      name,
      condition: 'C',
      for: parts.forDuration,
      noDataState: parts.noDataState,
      execErrState: 'Error',
      annotations: parts.annotations,
      labels: sortKeys({ ...parts.labels, ...extra, ...this.routing.routeLabels }),
      data: [...parts.queries, condition(monitor.comparison, threshold, recovery)],
    });
    // Labels are rendered now and the rules again on each addTarget() (a lazy token per rule
    // costs a captured stack trace, which dominates large apps).
    this.renderRules = () => {
      const rules = [rule(monitor.title, monitor.critical, monitor.criticalRecovery, {})];
      if (monitor.warning !== undefined) {
        rules.push(rule(grafanaWarningTitle(monitor.title), monitor.warning, monitor.warningRecovery, WARNING_LABELS));
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
export class GrafanaBackend implements IMonitorBackend, ISignalAwareMonitorBackend, ISloBackend, ICompositeMonitorBackend,
  IAnomalyMonitorBackend, ICatalogBackend {
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

  /**
   * PromQL queries, and CloudWatch metrics through a CloudWatch data source (an alert rule's
   * query has no form of a metric-math expression, a Datadog query or NRQL).
   */
  public canEvaluate(signal: Signal): boolean {
    return matchSignal<boolean>(signal, {
      promQl: () => true,
      cloudWatchMetric: () => true,
      cloudWatchExpression: () => false,
      datadogQuery: () => false,
      nrql: () => false,
    });
  }

  /** Render a monitor. */
  public render(monitor: MonitorConfig): IRenderedMonitor {
    this.checkOptions(monitor);
    return new GrafanaRenderedMonitor(monitor, this);
  }

  /** Check a catalog monitor for Grafana and compute its rule. */
  public prepareCatalogMonitor(catalog: Construct, monitor: CatalogMonitorSpec): any {
    this.checkOptions(catalog);
    return prepareGrafanaCatalogMonitor(catalog, monitor, this);
  }

  /** Render a catalog: `grafana_rule_group`s with `for_each` over its monitors (a group per monitor, and per warning rule). */
  public renderCatalog(catalog: Construct, prepared: any[]): IRenderedCatalog {
    return renderGrafanaCatalog(catalog, prepared as GrafanaCatalogEntry[], this);
  }

  private checkOptions(scope: IConstruct): void {
    requirePattern(scope, 'backends', this.id, /^[A-Za-z][A-Za-z0-9_-]*$/, 'backend ids of letters, digits, _ and -');
    requirePattern(scope, 'datasourceUid', this.options.datasourceUid, /^[A-Za-z0-9_-]{1,40}$/, 'a Grafana data source UID (1-40 letters, digits, _ or -)');
    if (this.options.cloudWatchDatasourceUid !== undefined) {
      requirePattern(scope, 'cloudWatchDatasourceUid', this.options.cloudWatchDatasourceUid, /^[A-Za-z0-9_-]{1,40}$/, 'a Grafana data source UID (1-40 letters, digits, _ or -)');
    }
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
      : folderUidOf(folderFor(scope, conn, o.folder ?? 'Monitors'));
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


const FOLDER_UIDS = new WeakMap<Folder, string>();

/** The folder's `uid` reference, made once per folder (each new reference captures a stack trace). */
function folderUidOf(folder: Folder): string {
  let uid = FOLDER_UIDS.get(folder);
  if (uid === undefined) {
    uid = folder.uid;
    FOLDER_UIDS.set(folder, uid);
  }
  return uid;
}

function folderFor(scope: IConstruct, conn: GrafanaConnection, title: string): Folder {
  requireString(scope, 'folder', title, 'a folder title');
  return stackSingleton(scope, `monitoring:grafana-folder:${conn.node.path}:${title}`, () => {
    const shared = sharedScope(scope, 'GrafanaMonitorFolders');
    const id = `${conn.alias ? `${conn.alias}-` : ''}${title}`.replace(/[^A-Za-z0-9_-]/g, '_');
    return new Folder(shared, id, { title, provider: conn.provider });
  });
}
