import type {
  OneDashboard, OneDashboardPage, OneDashboardPageWidgetBillboard, OneDashboardPageWidgetLine, OneDashboardPageWidgetMarkdown,
  OneDashboardPageWidgetTable,
} from '@cdktf/provider-newrelic/lib/one-dashboard';
import { Annotations, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { NewRelicConnection } from './newrelic-connection';
import { NewRelicRenderedMonitor } from './newrelic-monitor-backend';
import { dimensionAttribute, hasFacet, nrqlOf } from './private/nrql';
import { fail, isToken } from '../core/private/validate';
import type { Dashboard } from '../dashboards/dashboard';
import type { IDashboardBackend, IRenderedDashboard, ISignalAwareDashboardBackend } from '../dashboards/dashboard-backend';
import { isPlainObject, sortKeysDeep } from '../dashboards/private/json';
import { PlacedWidget } from '../dashboards/private/model';
import { MarkerLevel, WidgetKind } from '../dashboards/widget';
import { matchSignal } from '../signals/private/match';
import { Signal, SignalKind } from '../signals/signal';
import { newRelicL1 } from './private/provider';
import { EscapingLazy } from '../core/private/template-escape';

/**
 * Who can see a New Relic dashboard (`newrelic_one_dashboard` `permissions`: "Valid values are
 * `private`, `public_read_only`, or `public_read_write`. Defaults to `public_read_only`").
 */
export enum NewRelicDashboardPermissions {
  /** Only its owner. */
  PRIVATE = 'private',
  /** Everyone in the account can see it; its owner edits it. */
  PUBLIC_READ_ONLY = 'public_read_only',
  /** Everyone in the account can see and edit it. */
  PUBLIC_READ_WRITE = 'public_read_write',
}

/** Options of the New Relic dashboard backend. */
export interface NewRelicDashboardOptions {
  /**
   * Construct id of the rendering under each dashboard.
   * @default "NewRelic"
   */
  readonly id?: string;
  /**
   * The New Relic connection (its provider creates the dashboard; its account runs the queries).
   * @default NewRelicConnection.of(dashboard)
   */
  readonly connection?: NewRelicConnection;
  /**
   * Who can see the dashboard.
   * @default NewRelicDashboardPermissions.PUBLIC_READ_ONLY
   */
  readonly permissions?: NewRelicDashboardPermissions;
}

/** The kind of the New Relic dashboard backend, and of the raw widgets it draws (`Widget.raw({ backend: 'newrelic' })`). */
const NEW_RELIC_DASHBOARD_KIND = 'newrelic';

// newrelic_one_dashboard widgets (provider docs/resources/one_dashboard, "Nested widget blocks"):
// `row` and `column` start at 1; `width` is 1-12 (the grid has 12 columns) and `height` 1-12.
const COLUMNS = 12;
const HEIGHT_MAX = 12;
// Line widget `threshold.severity`: warning, severe, critical, success, unavailable (same doc).
const SEVERITY: Record<MarkerLevel, string> = {
  [MarkerLevel.CRITICAL]: 'critical',
  [MarkerLevel.WARNING]: 'warning',
  [MarkerLevel.OK]: 'success',
  [MarkerLevel.INFO]: 'unavailable',
};
// The widget blocks of a page (OneDashboardPage in the provider's bindings).
const RAW_BLOCKS = ['widget_area', 'widget_bar', 'widget_billboard', 'widget_bullet', 'widget_funnel', 'widget_heatmap', 'widget_histogram',
  'widget_json', 'widget_line', 'widget_log_table', 'widget_markdown', 'widget_pie', 'widget_stacked_bar', 'widget_table'];

interface Cell {
  readonly row: number;
  readonly column: number;
  readonly width: number;
  readonly height: number;
}

/** The `newrelic_one_dashboard` a `Dashboard` rendered. */
export class NewRelicRenderedDashboard extends Construct implements IRenderedDashboard {
  /** The backend. */
  public readonly backend: IDashboardBackend;
  /** The main resource. */
  public readonly resource: TerraformResource;
  /** The `newrelic_one_dashboard` (escape hatch, typed). */
  public readonly oneDashboard: OneDashboard;
  private readonly dashboard: Dashboard;
  private readonly connection: NewRelicConnection;
  private readonly permissions: NewRelicDashboardPermissions;

  constructor(dashboard: Dashboard, backend: NewRelicDashboardBackend) {
    super(dashboard, backend.id);
    this.backend = backend;
    this.dashboard = dashboard;
    const conn = backend.options.connection ?? NewRelicConnection.of(dashboard);
    if (!(conn instanceof NewRelicConnection)) fail(dashboard, 'connection', conn, 'a NewRelicConnection');
    this.connection = conn;
    this.permissions = backend.options.permissions ?? NewRelicDashboardPermissions.PUBLIC_READ_ONLY;
    if (!Object.values(NewRelicDashboardPermissions).includes(this.permissions)) {
      fail(dashboard, 'permissions', this.permissions, 'a NewRelicDashboardPermissions (PRIVATE, PUBLIC_READ_ONLY, PUBLIC_READ_WRITE)');
    }
    if (dashboard.tags.length > 0) {
      Annotations.of(dashboard).addWarning(`${dashboard.node.path}: newrelic_one_dashboard has no tags; ${dashboard.tags.join(', ')} are left out of the New Relic dashboard`);
    }
    if (dashboard.variables.length > 0) {
      Annotations.of(dashboard).addWarning(`${dashboard.node.path}: New Relic dashboards are rendered without template variables (${dashboard.variables.map((v) => v.name).join(', ')})`);
    }
    this.oneDashboard = new (newRelicL1.oneDashboard().OneDashboard)(this, 'Resource', {
      name: dashboard.title,
      description: describe(dashboard),
      permissions: this.permissions,
      accountId: conn.accountId,
      page: EscapingLazy.anyValue({ produce: () => this.renderJson().page }),
      provider: conn.provider,
    });
    this.resource = this.oneDashboard;
    this.node.addValidation({ validate: () => { this.renderJson(); return []; } });
  }

  /** The dashboard as the `newrelic_one_dashboard` arguments (snake_case, keys sorted). */
  public renderJson(): { [key: string]: any } {
    const d = this.dashboard;
    const description = describe(d);
    const lines: OneDashboardPageWidgetLine[] = [];
    const billboards: OneDashboardPageWidgetBillboard[] = [];
    const tables: OneDashboardPageWidgetTable[] = [];
    const markdowns: OneDashboardPageWidgetMarkdown[] = [];
    const raws: { block: string; body: Record<string, unknown> }[] = [];
    let row = 1;
    for (const r of d._layout(this.backend)) {
      markdowns.push({ title: '', text: `## ${r.title}`, row, column: 1, width: COLUMNS, height: 1 });
      row += 1;
      let column = 1;
      let lineHeight = 0;
      for (const p of r.widgets) {
        const w = p.widget;
        const width = Math.min(COLUMNS, Math.max(1, Math.ceil(w.width / 2)));
        const height = Math.max(1, Math.ceil(w.height / 2));
        if (height > HEIGHT_MAX) fail(d, `${p.prop}.height`, w.height, `for New Relic at most ${HEIGHT_MAX * 2} grid rows (newrelic_one_dashboard widget heights are 1-${HEIGHT_MAX}, half the grid rows)`);
        if (column + width - 1 > COLUMNS) {
          column = 1;
          row += lineHeight;
          lineHeight = 0;
        }
        const cell: Cell = { row, column, width, height };
        switch (w.kind) {
          case WidgetKind.TIME_SERIES:
            lines.push(this.line(p, cell));
            break;
          case WidgetKind.SINGLE_VALUE:
            billboards.push(this.billboard(p, cell));
            break;
          case WidgetKind.TOP_LIST:
            tables.push(this.topList(p, cell));
            break;
          case WidgetKind.ALERT_STATUS:
            tables.push(this.alertStatus(p, cell));
            break;
          case WidgetKind.TEXT:
            markdowns.push({ title: w.title ?? '', text: w.markdown!, ...cell });
            break;
          default:
            raws.push(this.raw(p, cell));
        }
        column += width;
        lineHeight = Math.max(lineHeight, height);
      }
      row += lineHeight;
    }
    const page: OneDashboardPage = {
      name: d.title,
      widgetLine: lines.length ? lines : undefined,
      widgetBillboard: billboards.length ? billboards : undefined,
      widgetTable: tables.length ? tables : undefined,
      widgetMarkdown: markdowns.length ? markdowns : undefined,
    };
    const tfPage: Record<string, any> = newRelicL1.oneDashboard().oneDashboardPageToTerraform(page);
    for (const raw of raws) tfPage[raw.block] = [...(tfPage[raw.block] ?? []), raw.body];
    return sortKeysDeep({
      name: d.title,
      description,
      permissions: this.permissions,
      account_id: this.connection.accountId,
      page: [tfPage],
    });
  }

  private accountId(): string {
    const a = this.connection.accountId;
    return isToken(a) ? Token.asString(a) : String(a);
  }

  private query(p: PlacedWidget, prop: string, s: Signal): string {
    return nrqlOf(this.dashboard, `${p.prop}.${prop}`, s).query;
  }

  private line(p: PlacedWidget, cell: Cell): OneDashboardPageWidgetLine {
    const w = p.widget;
    return {
      title: w.title ?? '',
      ...cell,
      nrqlQuery: w.signals.map((s, i) => ({ accountId: this.accountId(), query: `${this.query(p, `signals[${i}]`, s)} TIMESERIES AUTO` })),
      // A line is a threshold starting at its value; a band runs from its lower to its upper edge.
      threshold: w.thresholds.length === 0 ? undefined : w.thresholds.map((t) => ({
        from: String(t.value),
        to: t.to === undefined ? undefined : String(t.to),
        name: t.label,
        severity: SEVERITY[t.level],
      })),
    };
  }

  private billboard(p: PlacedWidget, cell: Cell): OneDashboardPageWidgetBillboard {
    const w = p.widget;
    // Billboard `critical` / `warning`: "Threshold above which the displayed value will be styled" red / yellow.
    const critical = w.thresholds.find((t) => t.level === MarkerLevel.CRITICAL);
    const warning = w.thresholds.find((t) => t.level === MarkerLevel.WARNING);
    return {
      title: w.title ?? '',
      ...cell,
      nrqlQuery: [{ accountId: this.accountId(), query: this.query(p, 'signal', w.signals[0]) }],
      critical: critical === undefined ? undefined : String(critical.value),
      warning: warning === undefined ? undefined : String(warning.value),
    };
  }

  private topList(p: PlacedWidget, cell: Cell): OneDashboardPageWidgetTable {
    const w = p.widget;
    const s = w.signals[0];
    const base = this.query(p, 'signal', s);
    let facet: string | undefined;
    if (s.kind === SignalKind.CLOUDWATCH_METRIC) {
      const m = s.cloudWatchMetricProps!;
      const dims = Object.keys(m.dimensions ?? {});
      const dim = w.groupBy ?? (dims.length === 1 ? dims[0] : undefined);
      if (dim === undefined) fail(this.dashboard, `${p.prop}.groupBy`, undefined, 'for New Relic the CloudWatch dimension to rank by (the metric has no single dimension)');
      facet = `\`${dimensionAttribute(m.namespace, dim)}\``;
    } else if (w.groupBy !== undefined) {
      if (hasFacet(base)) fail(this.dashboard, `${p.prop}.groupBy`, w.groupBy, 'unset for an NRQL query that already has a FACET clause');
      facet = `\`${w.groupBy.replace(/`/g, '')}\``;
    } else if (!hasFacet(base)) {
      fail(this.dashboard, `${p.prop}.groupBy`, undefined, 'for New Relic the attribute to rank by (FACET), or an NRQL query with a FACET clause');
    }
    return {
      title: w.title ?? '',
      ...cell,
      nrqlQuery: [{ accountId: this.accountId(), query: `${base}${facet ? ` FACET ${facet}` : ''} LIMIT ${w.limit}` }],
    };
  }

  private alertStatus(p: PlacedWidget, cell: Cell): OneDashboardPageWidgetTable {
    const w = p.widget;
    const ids = w.monitors.map((m, i) => {
      const all = m.renderings.filter((x) => x instanceof NewRelicRenderedMonitor) as NewRelicRenderedMonitor[];
      const r = all.find((x) => x.condition.provider === this.connection.provider) ?? all[0];
      if (!r) fail(this.dashboard, `${p.prop}.monitors[${i}]`, m.node.path, 'a MonitorConfig rendered to New Relic (give it a NewRelicBackend) for the New Relic dashboard');
      return r.conditionId;
    });
    // NrAiIncident events: `conditionId`, `conditionName`, `event` (Open / Close) and `priority`
    // (warning / critical) (docs.newrelic.com/docs/alerts/create-alert/condition-details/alert-event-attributes).
    // The state of each condition is its latest incident event of the last 7 days.
    return {
      title: w.title ?? 'Alert status',
      ...cell,
      ignoreTimeRange: true,
      nrqlQuery: [{
        accountId: this.accountId(),
        query: `SELECT latest(event) AS 'State', latest(priority) AS 'Priority' FROM NrAiIncident WHERE conditionId IN (${ids.join(', ')}) FACET conditionName SINCE 7 days ago LIMIT MAX`,
      }],
    };
  }

  private raw(p: PlacedWidget, cell: Cell): { block: string; body: Record<string, unknown> } {
    const def = p.widget.rawDefinition;
    const keys = isPlainObject(def) ? Object.keys(def!) : [];
    if (keys.length !== 1 || !RAW_BLOCKS.includes(keys[0]) || !isPlainObject(def![keys[0]])) {
      fail(this.dashboard, `${p.prop}.definition`, def,
        `for New Relic an object with one newrelic_one_dashboard widget block (${RAW_BLOCKS.join(', ')}) in Terraform's snake_case, e.g. { widget_bar: { title, nrql_query: [{ query }] } }`);
    }
    return { block: keys[0], body: { ...def![keys[0]], row: cell.row, column: cell.column, width: cell.width, height: cell.height } };
  }
}

/** The dashboard's description and links (a dashboard has no links of its own in New Relic). */
function describe(d: Dashboard): string | undefined {
  return [d.description, ...d.links.map((l) => `[${l.title}](${l.url})`)].filter((x) => x).join('\n\n') || undefined;
}

/** Renders dashboards as `newrelic_one_dashboard` resources: one page, rows laid out on its 12-column grid. */
export class NewRelicDashboardBackend implements ISignalAwareDashboardBackend {
  /** `newrelic`. */
  public readonly kind: string = NEW_RELIC_DASHBOARD_KIND;
  /** Construct id of renderings. */
  public readonly id: string;
  /** The options. */
  public readonly options: NewRelicDashboardOptions;

  constructor(options: NewRelicDashboardOptions = {}) {
    this.options = { ...options };
    this.id = this.options.id ?? 'NewRelic';
  }

  /** Render a dashboard. */
  public render(dashboard: Dashboard): IRenderedDashboard {
    return new NewRelicRenderedDashboard(dashboard, this);
  }

  /** NRQL, and CloudWatch metrics streamed to New Relic (see `nrqlOf`). */
  public canDraw(signal: Signal): boolean {
    return matchSignal<boolean>(signal, {
      nrql: () => true,
      cloudWatchMetric: () => true,
      cloudWatchExpression: () => false,
      datadogQuery: () => false,
      promQl: () => false,
    });
  }
}
