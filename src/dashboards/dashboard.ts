import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { IDashboardBackend, IRenderedDashboard, ISignalAwareDashboardBackend } from './dashboard-backend';
import { PlacedRow, PlacedWidget, referencedVariables, slug } from './private/model';
import { TemplateVariable, TemplateVariableKind } from './template-variable';
import { MarkerLevel, ThresholdMarker, Widget, WidgetKind } from './widget';
import { libraryScope } from '../core/private/template-escape';
import {
  fail, isToken, jsonDepth, MAX_JSON_DEPTH, optionalArray, Redacted, requireInteger, requirePattern, requireString, requireUrl,
} from '../core/private/validate';
import { MonitorConfig } from '../monitors/monitor-config';
import { matchSignal } from '../signals/private/match';
import { Signal } from '../signals/signal';

/** The time range a dashboard shows when it opens: the last N minutes, hours or days. */
export class TimeRange {
  /** The last `minutes` minutes. */
  public static minutes(minutes: number): TimeRange {
    return new TimeRange(minutes, 'm');
  }

  /** The last `hours` hours. */
  public static hours(hours: number): TimeRange {
    return new TimeRange(hours, 'h');
  }

  /** The last `days` days. */
  public static days(days: number): TimeRange {
    return new TimeRange(days, 'd');
  }

  /** How many units. */
  public readonly amount: number;
  /** The unit: `m`, `h` or `d`. */
  public readonly unit: string;

  private constructor(amount: number, unit: string) {
    this.amount = amount;
    this.unit = unit;
  }

  /** The range in minutes. */
  public get totalMinutes(): number {
    return this.amount * (this.unit === 'd' ? 1440 : this.unit === 'h' ? 60 : 1);
  }
}

/** A link shown with the dashboard (Grafana dashboard links; a list in the Datadog description and the CloudWatch header). */
export interface DashboardLink {
  /** The link text. */
  readonly title: string;
  /** An http(s) URL. */
  readonly url: string;
}

/** A row of widgets (a Datadog group, a Grafana row, a band of the CloudWatch grid under a heading). */
export interface DashboardRow {
  /** The row's title. */
  readonly title: string;
  /**
   * The widgets, left to right. More can be added with `Dashboard.addWidget()`.
   * @default - none
   */
  readonly widgets?: Widget[];
  /**
   * Show the row collapsed (Grafana; Datadog and CloudWatch always show it open).
   * @default false
   */
  readonly collapsed?: boolean;
}

/** What every dashboard has. */
export interface DashboardOptions {
  /** The title. */
  readonly title: string;
  /**
   * The description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Tags (Grafana tags; Datadog takes only `team:<name>` tags, others are left out).
   * @default - none
   */
  readonly tags?: string[];
  /**
   * Template variables, referenced in queries as `$name`.
   * @default - none
   */
  readonly variables?: TemplateVariable[];
  /**
   * The time range shown when the dashboard opens (Grafana `time`, CloudWatch `start`).
   * @default TimeRange.hours(3)
   */
  readonly timeRange?: TimeRange;
  /**
   * Links (runbooks, related dashboards).
   * @default - none
   */
  readonly links?: DashboardLink[];
  /** Where the dashboard is drawn: `DashboardBackend.datadog()`, `.grafana({...})`, `.cloudwatch()`. */
  readonly backends: IDashboardBackend[];
}

/** Props of a `Dashboard`. */
export interface DashboardProps extends DashboardOptions {
  /**
   * The rows, top to bottom. More can be added with `addRow()` and `addWidget()`.
   * @default - none
   */
  readonly rows?: DashboardRow[];
}

/**
 * Monitors that draw their own dashboard rows, such as the `MonitorGroup` a `MonitorPresets`
 * method returns; `Dashboard.fromMonitors({ groups })` uses their rows.
 */
export interface IMonitorGroup {
  /** The monitors; their alert status joins the dashboard's alert status row. */
  readonly monitors: MonitorConfig[];

  /** The rows that chart the monitors. */
  dashboardRows(): DashboardRow[];
}

/** Props of `Dashboard.fromMonitors()`. */
export interface DashboardFromMonitorsProps extends DashboardOptions {
  /**
   * Plain monitors: one row per distinct signal, with their thresholds. A monitor that is also in
   * one of `groups` is drawn with its group only.
   * @default - none (then `groups` must have monitors)
   */
  readonly monitors?: MonitorConfig[];
  /**
   * Preset monitor groups (what `MonitorPresets` methods return): each adds its own rows
   * (`dashboardRows()`: a row per resource with a chart per monitor and its thresholds), above
   * the rows of `monitors`.
   * @default - none
   */
  readonly groups?: IMonitorGroup[];
}

const WIDGET_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const BACKEND_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * One dashboard definition (rows of widgets over `Signal`s, template variables, links), drawn
 * on every backend it names: a `datadog_dashboard_json`, a `grafana_dashboard`, an
 * `aws_cloudwatch_dashboard`.
 *
 * Each backend renders under a child construct named after it (`Datadog`, `Grafana`,
 * `CloudWatch`) whose resource has id `Resource` (see `rendering(id).resource`). The JSON is
 * built when the stack is synthesized, so `addRow()` and `addWidget()` may be called in any
 * order; a widget a backend cannot draw is a synth-time error that names it.
 *
 * Secrets: dashboards hold none; nothing of a secret reaches the JSON or the state.
 */
export class Dashboard extends Construct {
  /**
   * A dashboard for monitors: first the rows of each preset group in `groups` (its
   * `dashboardRows()`), then one row per distinct signal of the other `monitors` with their
   * alert thresholds drawn on a time series, then a row with the alert status of every monitor.
   */
  public static fromMonitors(scope: Construct, id: string, props: DashboardFromMonitorsProps): Dashboard {
    const dashboard = new Dashboard(scope, id, { ...props, rows: [] });
    const groupRows: DashboardRow[] = [];
    const grouped = new Set<MonitorConfig>();
    if (props.groups !== undefined && !Array.isArray(props.groups)) fail(dashboard, 'groups', props.groups, 'a list of IMonitorGroup (what MonitorPresets methods return)');
    (props.groups ?? []).forEach((g, i) => {
      if (!g || typeof g !== 'object' || !Array.isArray(g.monitors) || typeof g.dashboardRows !== 'function') {
        fail(dashboard, `groups[${i}]`, g, 'an IMonitorGroup (what MonitorPresets methods return)');
      }
      g.monitors.forEach((m, j) => {
        if (!(m instanceof MonitorConfig)) fail(dashboard, `groups[${i}].monitors[${j}]`, m, 'a MonitorConfig');
        grouped.add(m);
      });
      if (g.monitors.length > 0) groupRows.push(...g.dashboardRows());
    });
    const plain = props.monitors ?? [];
    if (!Array.isArray(plain) || (plain.length === 0 && grouped.size === 0)) {
      fail(dashboard, 'monitors', props.monitors, 'a non-empty list of MonitorConfig');
    }
    const groups: { key: string; signal: Signal; monitors: MonitorConfig[] }[] = [];
    plain.forEach((m, i) => {
      if (!(m instanceof MonitorConfig)) fail(dashboard, `monitors[${i}]`, m, 'a MonitorConfig');
      if (grouped.has(m)) return;
      const key = signalKey(m.signal);
      const g = groups.find((x) => x.key === key);
      if (g) g.monitors.push(m);
      else groups.push({ key, signal: m.signal, monitors: [m] });
    });
    const signalRows: DashboardRow[] = groups.map((g, i) => ({
      title: g.monitors.map((m) => m.title).join(' / '),
      widgets: [Widget.timeSeries({
        id: `signal-${i + 1}`,
        title: g.signal.toString(),
        signals: [g.signal],
        thresholds: g.monitors.flatMap((m) => ThresholdMarker.fromMonitor(m)),
        period: g.monitors[0].period,
        width: 24,
      })],
    }));
    const status = { title: 'Alert status', id: 'alert-status' };
    // The groups' rows come first, so they keep clear of what the later rows need: row titles
    // (a row is found by its title when widgets are added) and the fixed widget ids.
    const titles = new Set([...signalRows.map((r) => r.title), status.title]);
    const ids = new Set([...groups.map((_, i) => `signal-${i + 1}`), status.id]);
    for (const row of groupRows) {
      if (!row || typeof row !== 'object' || typeof row.title !== 'string' || !Array.isArray(row.widgets)) {
        dashboard.addRow(row); // rejected there, with the row's prop
        continue;
      }
      let title = row.title;
      for (let n = 2; titles.has(title); n++) title = `${row.title} (${n})`;
      titles.add(title);
      const at = dashboard._rows.length;
      dashboard.addRow({ ...row, title, widgets: row.widgets.map((w, j) => dashboard.whereItCanBeDrawn(dashboard.clearOf(ids, w), props.backends, `rows[${at}].widgets[${j}]`)) });
    }
    for (const row of signalRows) {
      const at = dashboard._rows.length;
      dashboard.addRow({ ...row, widgets: (row.widgets ?? []).map((w, j) => dashboard.whereItCanBeDrawn(w, props.backends, `rows[${at}].widgets[${j}]`)) });
    }
    const all = [...grouped, ...plain.filter((m) => !grouped.has(m))];
    const statusWidget = Widget.alertStatus({ id: status.id, monitors: all, width: 24 });
    dashboard.whereDrawable.add(statusWidget);
    dashboard.addRow({ title: status.title, widgets: [statusWidget] });
    return dashboard;
  }

  /** The title. */
  public readonly title: string;
  /**
   * The description.
   * @default - none
   */
  public readonly description?: string;
  /** The tags. */
  public readonly tags: string[];
  /** The template variables. */
  public readonly variables: TemplateVariable[];
  /** The time range shown when the dashboard opens. */
  public readonly timeRange: TimeRange;
  /** The links. */
  public readonly links: DashboardLink[];

  private readonly _rows: { title: string; collapsed: boolean; widgets: PlacedWidget[] }[] = [];
  private readonly _ids = new Set<string>();
  private readonly _renderings: IRenderedDashboard[] = [];
  /** Charts of monitors drawn only where their signals can be drawn (fromMonitors). */
  private readonly whereDrawable = new WeakSet<Widget>();
  private readonly backendKinds: string[];

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    libraryScope(this);
    if (!props || typeof props !== 'object') fail(this, 'props', props, 'a DashboardProps object');
    this.title = requireString(this, 'title', props.title, 'a non-empty title');
    this.description = props.description === undefined ? undefined : requireString(this, 'description', props.description, 'a non-empty description or unset');
    this.tags = this.validateTags(props.tags);
    this.variables = this.validateVariables(props.variables);
    this.timeRange = props.timeRange ?? TimeRange.hours(3);
    if (!(this.timeRange instanceof TimeRange)) fail(this, 'timeRange', this.timeRange, 'TimeRange.minutes(n), hours(n) or days(n)');
    requireInteger(this, 'timeRange', this.timeRange.amount, 1, this.timeRange.unit === 'm' ? 525_600 : this.timeRange.unit === 'h' ? 8_760 : 365);
    this.links = optionalArray(this, 'links', props.links, 'a list of DashboardLink ({ title, url })').map((l, i) => {
      if (!l || typeof l !== 'object') fail(this, `links[${i}]`, l, 'a DashboardLink ({ title, url })');
      return { title: requireString(this, `links[${i}].title`, l.title), url: requireUrl(this, `links[${i}].url`, l.url, ['https', 'http']) };
    });
    if (!Array.isArray(props.backends) || props.backends.length === 0) {
      fail(this, 'backends', props.backends, 'a non-empty list of backends (DashboardBackend.datadog(), .grafana({...}), .cloudwatch(), .newRelic())');
    }
    const ids = new Set<string>();
    for (const b of props.backends) {
      if (!b || typeof b.render !== 'function' || typeof b.id !== 'string') {
        fail(this, 'backends', b, 'IDashboardBackend values (DashboardBackend.datadog(), .grafana({...}), .cloudwatch(), .newRelic())');
      }
      requirePattern(this, 'backends', b.id, BACKEND_ID, 'backend ids of letters, digits, _ and -');
      if (ids.has(b.id)) fail(this, 'backends', b.id, 'backends with distinct ids (give a second backend of a kind its own id)');
      ids.add(b.id);
    }
    this.backendKinds = [...new Set(props.backends.map((b) => b.kind))];
    if (props.rows !== undefined && !Array.isArray(props.rows)) fail(this, 'rows', props.rows, 'a list of DashboardRow');
    for (const row of props.rows ?? []) this.addRow(row);

    for (const b of props.backends) this._renderings.push(b.render(this));
  }

  /** Add a row below the existing ones. */
  public addRow(row: DashboardRow): void {
    const r = this._rows.length;
    if (!row || typeof row !== 'object') fail(this, `rows[${r}]`, row, 'a DashboardRow ({ title, widgets })');
    const title = requireString(this, `rows[${r}].title`, row.title, 'a non-empty row title');
    if (row.collapsed !== undefined && typeof row.collapsed !== 'boolean') fail(this, `rows[${r}].collapsed`, row.collapsed, 'true or false');
    if (row.widgets !== undefined && !Array.isArray(row.widgets)) fail(this, `rows[${r}].widgets`, row.widgets, 'a list of Widget');
    this._rows.push({ title, collapsed: row.collapsed ?? false, widgets: [] });
    for (const w of row.widgets ?? []) this.addWidget(w, title);
  }

  /**
   * Add a widget at the end of a row.
   * @param rowTitle the row's title; a row with this title is added when there is none
   * @default - the last row (a row titled "Overview" when there is none)
   */
  public addWidget(widget: Widget, rowTitle?: string): void {
    let r: number;
    if (rowTitle === undefined) {
      if (this._rows.length === 0) this._rows.push({ title: 'Overview', collapsed: false, widgets: [] });
      r = this._rows.length - 1;
    } else {
      requireString(this, 'rowTitle', rowTitle, 'a non-empty row title');
      r = this._rows.findIndex((x) => x.title === rowTitle);
      if (r < 0) {
        this._rows.push({ title: rowTitle, collapsed: false, widgets: [] });
        r = this._rows.length - 1;
      }
    }
    const row = this._rows[r];
    const prop = `rows[${r}].widgets[${row.widgets.length}]`;
    const id = this.validateWidget(widget, prop);
    row.widgets.push({ widget, id, prop });
  }

  /** The widget with the given id. */
  public widget(id: string): Widget {
    for (const r of this._rows) for (const w of r.widgets) if (w.id === id) return w.widget;
    throw new Error(`${this.node.path}: no widget with id ${id} (${this.widgetIds.join(', ')})`);
  }

  /** The ids of every widget, in order. */
  public get widgetIds(): string[] {
    return this._rows.flatMap((r) => r.widgets.map((w) => w.id));
  }

  /** What each backend rendered, in the order of `backends`. */
  public get renderings(): IRenderedDashboard[] {
    return [...this._renderings];
  }

  /** What the backend with the given id (`Datadog`, `Grafana`, `CloudWatch`…) rendered. */
  public rendering(backendId: string): IRenderedDashboard {
    const r = this._renderings.find((x) => x.backend.id === backendId);
    if (!r) throw new Error(`${this.node.path}: no backend with id ${backendId} (${this._renderings.map((x) => x.backend.id).join(', ')})`);
    return r;
  }

  /**
   * The rows as the renderers read them.
   * @internal
   */
  public _layout(backend: IDashboardBackend): PlacedRow[] {
    const canDraw = typeof (backend as ISignalAwareDashboardBackend).canDraw === 'function'
      ? (sig: Signal) => (backend as ISignalAwareDashboardBackend).canDraw(sig) : () => true;
    const drawn = (w: Widget) => {
      // a raw widget is drawn by the backends of its kind only
      if (w.kind === WidgetKind.RAW) return w.rawBackend === backend.kind;
      // a chart of a monitor (fromMonitors) only where its signals can be drawn
      return !this.whereDrawable.has(w) || w.signals.every(canDraw);
    };
    // the alert status of fromMonitors: the monitors rendered to this kind of system (when
    // none is, the renderer's error names the first: the dashboard is on the wrong system)
    const shown = (p: PlacedWidget): PlacedWidget => {
      const w = p.widget;
      if (w.kind !== WidgetKind.ALERT_STATUS || !this.whereDrawable.has(w)) return p;
      const here = w.monitors.filter((m) => m.renderings.some((r) => r.backend.kind === backend.kind));
      if (here.length === 0 || here.length === w.monitors.length) return p;
      return { ...p, widget: Widget.alertStatus({ id: w.id, title: w.title, width: w.width, height: w.height, monitors: here }) };
    };
    return this._rows.map((r, i) => ({
      title: r.title,
      collapsed: r.collapsed,
      prop: `rows[${i}]`,
      widgets: r.widgets.filter((p) => drawn(p.widget)).map(shown),
    }));
  }

  /**
   * Marks a chart of monitors to be drawn only by the backends that can draw its signals (a
   * monitor of a group may be rendered to some monitor backends only, e.g. a PromQL check on
   * Grafana and its Datadog twin on Datadog); a warning names each backend that leaves it out.
   */
  private whereItCanBeDrawn(widget: Widget, backends: IDashboardBackend[], where: string): Widget {
    if (!(widget instanceof Widget) || widget.kind === WidgetKind.RAW || widget.signals.length === 0) return widget;
    this.whereDrawable.add(widget);
    for (const b of backends ?? []) {
      const aware = b && typeof (b as ISignalAwareDashboardBackend).canDraw === 'function' ? b as ISignalAwareDashboardBackend : undefined;
      const missing = aware ? widget.signals.filter((sig) => !aware.canDraw(sig)) : [];
      if (missing.length > 0) {
        // the title may hold references (known at apply): named only when it is text
        const title = widget.title !== undefined && !isToken(widget.title) ? ` '${widget.title}'` : '';
        Annotations.of(this).addWarning(`${this.node.path}: ${where}${title} is not drawn on the ${b.id} dashboard, which cannot draw ${missing.map((sig) => sig.kind).join(', ')} signals`);
      }
    }
    return widget;
  }

  /** `widget`, with an id of its own when the id the dashboard would derive for it is one of `reserved` (for fromMonitors). */
  private clearOf(reserved: Set<string>, widget: Widget): Widget {
    if (!(widget instanceof Widget) || widget.id !== undefined) return widget;
    const base = slug(widget.title ?? '') || widget.kind.toLowerCase().replace(/_/g, '-');
    if (!reserved.has(base) && !this._ids.has(base)) return widget;
    let id = base;
    for (let n = 2; reserved.has(id) || this._ids.has(id); n++) id = `${base}-${n}`;
    return widget.withPlacement({ id });
  }

  private validateTags(tags: unknown): string[] {
    if (tags === undefined) return [];
    if (!Array.isArray(tags)) fail(this, 'tags', tags, 'a list of non-empty strings');
    return tags.map((t, i) => requireString(this, `tags[${i}]`, t, 'a non-empty tag'));
  }

  private validateVariables(vars: unknown): TemplateVariable[] {
    if (vars === undefined) return [];
    if (!Array.isArray(vars)) fail(this, 'variables', vars, 'a list of TemplateVariable');
    const names = new Set<string>();
    return vars.map((v, i) => {
      const prop = `variables[${i}]`;
      if (!(v instanceof TemplateVariable)) fail(this, prop, v, 'a TemplateVariable (TemplateVariable.env(), service(), region(), custom(), query())');
      requirePattern(this, `${prop}.name`, v.name, VARIABLE_NAME, 'a variable name: a letter, then letters, digits or _ (at most 64)');
      if (names.has(v.name)) fail(this, `${prop}.name`, v.name, 'a name not used by another variable of this dashboard');
      names.add(v.name);
      if (v.values !== undefined) {
        if (!Array.isArray(v.values) || v.values.length === 0) fail(this, `${prop}.values`, v.values, 'a non-empty list of values');
        v.values.forEach((x, j) => requireString(this, `${prop}.values[${j}]`, x, 'a non-empty value'));
      } else if (v.kind === TemplateVariableKind.CUSTOM) {
        fail(this, `${prop}.values`, v.values, 'a non-empty list of values');
      }
      if (v.defaultValue !== undefined) {
        requireString(this, `${prop}.defaultValue`, v.defaultValue, 'a non-empty value');
        if (v.values && !v.values.includes(v.defaultValue)) fail(this, `${prop}.defaultValue`, v.defaultValue, `one of the variable's values (${v.values.join(', ')})`);
      }
      if (v.label !== undefined) requireString(this, `${prop}.label`, v.label);
      requirePattern(this, `${prop}.tag`, v.tag, /^[A-Za-z][A-Za-z0-9_\-./]{0,199}$/, 'a Datadog tag key: a letter, then letters, digits, _ - . /');
      if (v.promQlQuery !== undefined) requireString(this, `${prop}.promQlQuery`, v.promQlQuery, 'a non-empty Prometheus variable query');
      return v;
    });
  }

  private validateWidget(widget: Widget, prop: string): string {
    if (!(widget instanceof Widget)) fail(this, prop, widget, 'a Widget (Widget.timeSeries(), singleValue(), topList(), alertStatus(), text(), raw())');
    const w = widget;
    let id: string;
    if (w.id !== undefined) {
      id = requirePattern(this, `${prop}.id`, w.id, WIDGET_ID, 'a widget id of 1-100 letters, digits, _ . or -, starting with a letter or digit');
      if (this._ids.has(id)) fail(this, `${prop}.id`, id, 'a widget id not used by another widget of this dashboard');
    } else {
      const base = slug(w.title ?? '') || w.kind.toLowerCase().replace(/_/g, '-');
      id = base;
      for (let n = 2; this._ids.has(id); n++) id = `${base}-${n}`;
    }
    requireInteger(this, `${prop}.width`, w.width, 1, 24);
    requireInteger(this, `${prop}.height`, w.height, 1, 1000);
    if (w.title !== undefined) requireString(this, `${prop}.title`, w.title, 'a non-empty title');
    switch (w.kind) {
      case WidgetKind.TIME_SERIES:
      case WidgetKind.SINGLE_VALUE:
      case WidgetKind.TOP_LIST:
        requireString(this, `${prop}.title`, w.title, 'a non-empty title');
        this.validateSignals(w, prop);
        break;
      case WidgetKind.ALERT_STATUS:
        if (!Array.isArray(w.monitors) || w.monitors.length === 0) fail(this, `${prop}.monitors`, w.monitors, 'a non-empty list of MonitorConfig');
        w.monitors.forEach((m, i) => { if (!(m instanceof MonitorConfig)) fail(this, `${prop}.monitors[${i}]`, m, 'a MonitorConfig'); });
        break;
      case WidgetKind.TEXT:
        requireString(this, `${prop}.markdown`, w.markdown, 'non-empty markdown');
        break;
      case WidgetKind.RAW:
        requirePattern(this, `${prop}.backend`, w.rawBackend, /^[a-z][a-z0-9-]{0,31}$/, `the kind of a dashboard backend, e.g. ${this.backendKinds.join(', ')}`);
        if (!this.backendKinds.includes(w.rawBackend as string)) {
          Annotations.of(this).addWarning(`${this.node.path}: ${prop} is drawn by ${w.rawBackend} dashboards only, and this dashboard has none (its backends: ${this.backendKinds.join(', ')})`);
        }
        if (w.rawDefinition === null || typeof w.rawDefinition !== 'object' || Array.isArray(w.rawDefinition)) {
          fail(this, `${prop}.definition`, w.rawDefinition, 'a JSON object');
        }
        if (jsonDepth(w.rawDefinition) > MAX_JSON_DEPTH) {
          fail(this, `${prop}.definition`, new Redacted(`an object nested more than ${MAX_JSON_DEPTH} levels deep`), `a JSON object nested at most ${MAX_JSON_DEPTH} levels deep`);
        }
        try {
          JSON.stringify(w.rawDefinition);
        } catch {
          fail(this, `${prop}.definition`, new Redacted('an object that JSON cannot represent'), 'a JSON object (no cycles, no BigInt)');
        }
        break;
      default:
        fail(this, prop, w.kind, 'a Widget built with its static factories');
    }
    this._ids.add(id);
    return id;
  }

  private validateSignals(w: Widget, prop: string): void {
    const names = this.variables.map((v) => v.name);
    if (!Array.isArray(w.signals) || w.signals.length === 0) fail(this, `${prop}.signals`, w.signals, 'a non-empty list of Signal');
    if (w.period !== undefined) {
      requireInteger(this, `${prop}.period`, w.period, 1, 86_400);
    }
    w.signals.forEach((s, i) => {
      const sp = w.kind === WidgetKind.TIME_SERIES ? `${prop}.signals[${i}]` : `${prop}.signal`;
      if (!(s instanceof Signal)) fail(this, sp, s, 'a Signal (Signal.cloudWatchMetric, awsMetric, cloudWatchExpression, datadogQuery or promQl)');
      s._validate(this, sp, s.cloudWatchMetricProps?.period ?? w.period ?? 300);
      for (const text of signalTexts(s)) {
        if (isToken(text)) continue;
        const missing = referencedVariables(text).filter((n) => !names.includes(n));
        if (missing.length > 0) {
          fail(this, sp, `$${missing[0]} in ${JSON.stringify(text)}`,
            `a query whose $variables are defined in 'variables' (${names.length ? names.join(', ') : 'none defined'})`);
        }
      }
    });
    if (!Array.isArray(w.thresholds)) fail(this, `${prop}.thresholds`, w.thresholds, 'a list of ThresholdMarker');
    w.thresholds.forEach((t, i) => {
      const tp = `${prop}.thresholds[${i}]`;
      if (!(t instanceof ThresholdMarker)) fail(this, tp, t, 'a ThresholdMarker (ThresholdMarker.line(), band() or fromMonitor())');
      if (typeof t.value !== 'number' || !Number.isFinite(t.value)) fail(this, `${tp}.value`, t.value, 'a finite number');
      if (t.to !== undefined && (typeof t.to !== 'number' || !Number.isFinite(t.to) || t.to <= t.value)) {
        fail(this, `${tp}.to`, t.to, `a finite number above the band's lower edge (${t.value})`);
      }
      if (!Object.values(MarkerLevel).includes(t.level)) fail(this, `${tp}.level`, t.level, 'a MarkerLevel (CRITICAL, WARNING, OK, INFO)');
      if (t.label !== undefined) requireString(this, `${tp}.label`, t.label);
    });
    if (w.kind === WidgetKind.TOP_LIST) {
      requireInteger(this, `${prop}.limit`, w.limit, 1, 100);
      if (w.groupBy !== undefined) requirePattern(this, `${prop}.groupBy`, w.groupBy, /^[A-Za-z_][A-Za-z0-9_.\-/]{0,254}$/, 'a dimension, tag or label name');
    }
  }
}

/** The texts of a signal that may reference template variables. */
function signalTexts(s: Signal): string[] {
  return matchSignal<string[]>(s, {
    datadogQuery: (q) => [q.query],
    promQl: (q) => [q.query],
    nrql: (q) => [q.query],
    cloudWatchMetric: (p) => Object.values(p.dimensions ?? {}),
    cloudWatchExpression: (e) => [e.expression, ...Object.values(e.usingMetrics).flatMap((m) => (m instanceof Signal ? signalTexts(m) : []))],
  });
}

/** Identity of a signal for grouping monitors by what they watch. */
function signalKey(s: Signal): string {
  return JSON.stringify(s, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}
