import { Construct } from 'constructs';
import type { PresetMonitorSpec } from './private/categories';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalNoControlChars } from '../core/private/validate';
import { Severities, Severity } from '../core/severity';
import type { DashboardRow, IMonitorGroup } from '../dashboards/dashboard';
import { ThresholdMarker, Widget } from '../dashboards/widget';
import type { IMonitorBackend } from '../monitors/backend';
import { MonitorConfig } from '../monitors/monitor-config';
import type { INotificationTarget } from '../notifications/targets';

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

/** The severity of preset monitors unless the options give one. */
const DEFAULT_SEVERITY = Severity.SEV2;

/** Columns of the dashboard grid (CloudWatch and Grafana are 24 columns wide). */
const GRID_COLUMNS = 24;
/** The narrowest chart a group draws: four to a row. */
const MIN_CHART_WIDTH = 6;

/**
 * A group of monitors of one resource, made by `MonitorPresets`. It draws itself on a dashboard:
 * `widgets()` gives one time series per monitor with its alert thresholds, `dashboardRows()` a
 * row of them, and `Dashboard.fromMonitors({ groups })` uses those rows.
 */
export class MonitorGroup extends Construct implements IMonitorGroup {
  /** The monitors, by construct id. */
  public readonly monitors: MonitorConfig[] = [];

  private _title?: string;
  private _options?: MonitorPresetOptions;

  /** An empty group (presets fill it). */
  constructor(scope: Construct, id: string) {
    super(scope, id);
    libraryScope(this);
  }

  /** The title of the group's dashboard row, e.g. `Lambda function checkout` (the construct id for a group no preset filled). */
  public get title(): string {
    return this._title ?? this.node.id;
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

  /**
   * One time series per monitor, in the order of `monitors`: the monitor's signal over its
   * period, with its critical (and warning) threshold drawn, titled like the monitor. Widgets
   * share a row of the 24-column grid (two monitors: 12 columns each, three: 8, four or more: 6).
   */
  public widgets(): Widget[] {
    const width = Math.max(MIN_CHART_WIDTH, Math.floor(GRID_COLUMNS / Math.max(1, this.monitors.length)));
    return this.monitors.map((m) => Widget.timeSeries({
      title: m.title,
      signals: [m.signal],
      thresholds: ThresholdMarker.fromMonitor(m),
      period: m.period,
      width,
    }));
  }

  /** The group's dashboard rows: one row titled `title` with `widgets()`. */
  public dashboardRows(): DashboardRow[] {
    return [{ title: this.title, widgets: this.widgets() }];
  }

  /**
   * Set the row title and the preset options (checked once, here) of the monitors to come.
   * @internal
   */
  public _configure(title: string, options: MonitorPresetOptions): void {
    if (!Array.isArray(options.backends) || options.backends.length === 0) {
      fail(this, 'backends', options.backends, 'a non-empty list of backends (MonitorBackend.datadog(), .cloudwatch(), .grafana({...}))');
    }
    if (options.severity !== undefined && !Severities.isSeverity(options.severity)) {
      fail(this, 'severity', options.severity, 'a Severity (SEV1 … SEV5)');
    }
    // The prefix is put into every monitor title, so it is checked here, before any is built.
    optionalNoControlChars(this, 'titlePrefix', options.titlePrefix, 'a non-empty title prefix without control characters');
    this._title = title;
    this._options = options;
  }

  /**
   * The backends of the preset options given to `_configure()`.
   * @internal
   */
  public _backends(): IMonitorBackend[] {
    return this._options?.backends ?? [];
  }

  /**
   * Add a monitor with the preset options given to `_configure()`.
   * @internal
   */
  public _add(id: string, spec: PresetMonitorSpec, backends?: IMonitorBackend[]): MonitorConfig {
    const options = this._options;
    if (!options) throw new Error(`${this.node.path}: a preset adds monitors only after _configure()`);
    const m = new MonitorConfig(this, id, {
      ...spec,
      backends: backends ?? options.backends,
      targets: options.targets,
      severity: options.severity ?? DEFAULT_SEVERITY,
      tags: options.tags,
      runbookUrl: options.runbookUrl,
    });
    this.monitors.push(m);
    return m;
  }
}
