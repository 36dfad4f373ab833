import { DashboardJson } from '@cdktf/provider-datadog/lib/dashboard-json';
import { Annotations, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { DatadogConnection } from './datadog-connection';
import { DatadogRenderedMonitor } from './datadog-rendered-monitor';
import { fail } from '../core/private/validate';
import type { Dashboard } from '../dashboards/dashboard';
import type { IDashboardBackend, IRenderedDashboard, ISignalAwareDashboardBackend } from '../dashboards/dashboard-backend';
import { datadogCanEvaluate } from './private/aws-metric-names';
import { datadogQuery } from './private/dashboard-query';
import { EscapingLazy } from '../core/private/template-escape';
import { deepMerge, isPlainObject, sortKeysDeep } from '../dashboards/private/json';
import { PlacedWidget } from '../dashboards/private/model';
import { MarkerLevel, WidgetKind } from '../dashboards/widget';
import { Signal, SignalKind } from '../signals/signal';

/** Options of the Datadog dashboard backend. */
export interface DatadogDashboardOptions {
  /**
   * Construct id of the rendering under each dashboard.
   * @default "Datadog"
   */
  readonly id?: string;
  /**
   * The Datadog connection (its provider creates the dashboard).
   * @default DatadogConnection.of(dashboard)
   */
  readonly connection?: DatadogConnection;
  /**
   * JSON merged into the dashboard JSON last (objects merge key by key, anything else
   * replaces), e.g. `{ reflow_type: 'fixed' }` or `{ notify_list: ['ops@acme.example'] }`.
   * @default - none
   */
  readonly rawOverrides?: { [key: string]: any };
}

// Datadog marker display types: `<level> <line style>` (docs.datadoghq.com/dashboards/widgets/timeseries, "Markers").
const MARKER_LEVEL: Record<MarkerLevel, string> = {
  [MarkerLevel.CRITICAL]: 'error',
  [MarkerLevel.WARNING]: 'warning',
  [MarkerLevel.OK]: 'ok',
  [MarkerLevel.INFO]: 'info',
};

/** The `datadog_dashboard_json` a `Dashboard` rendered. */
export class DatadogRenderedDashboard extends Construct implements IRenderedDashboard {
  /** The backend. */
  public readonly backend: IDashboardBackend;
  /** The main resource. */
  public readonly resource: TerraformResource;
  /** The `datadog_dashboard_json` (escape hatch, typed). */
  public readonly dashboardJson: DashboardJson;
  private readonly dashboard: Dashboard;
  private readonly options: DatadogDashboardOptions;

  constructor(dashboard: Dashboard, backend: DatadogDashboardRenderer) {
    super(dashboard, backend.id);
    this.backend = backend;
    this.dashboard = dashboard;
    this.options = backend.options;
    const conn = this.options.connection ?? DatadogConnection.of(dashboard);
    if (this.options.rawOverrides !== undefined && !isPlainObject(this.options.rawOverrides)) {
      fail(dashboard, 'rawOverrides', this.options.rawOverrides, 'a JSON object');
    }
    const others = dashboard.tags.filter((t) => !t.startsWith('team:'));
    if (others.length > 0) {
      // Datadog dashboard tags: "Only team names of the form `team:<name>` are supported" (datadog_dashboard `tags`, provider 3.82 docs).
      Annotations.of(dashboard).addWarning(`${dashboard.node.path}: Datadog dashboards take only team:<name> tags; ${others.join(', ')} are left out of the Datadog dashboard`);
    }
    this.dashboardJson = new DashboardJson(this, 'Resource', {
      dashboard: EscapingLazy.stringValue({ produce: () => JSON.stringify(this.renderJson()) }),
      provider: conn.provider,
    });
    this.resource = this.dashboardJson;
    this.node.addValidation({ validate: () => { this.renderJson(); return []; } });
  }

  /** The dashboard JSON (keys sorted). */
  public renderJson(): { [key: string]: any } {
    const d = this.dashboard;
    const description = [d.description, ...d.links.map((l) => `- [${l.title}](${l.url})`)].filter((x) => x).join('\n\n');
    const groups = d._layout(this.backend).map((row) => ({
      definition: {
        type: 'group',
        layout_type: 'ordered',
        title: row.title,
        widgets: row.widgets.map((w) => ({ definition: this.widget(w) })),
      },
    }));
    const json: Record<string, unknown> = {
      title: d.title,
      description: description || undefined,
      layout_type: 'ordered',
      widgets: groups,
      template_variables: d.variables.map((v) => ({
        name: v.name,
        prefix: v.tag,
        available_values: v.values,
        defaults: [v.defaultValue ?? '*'],
      })),
      tags: d.tags.filter((t) => t.startsWith('team:')),
    };
    return sortKeysDeep(this.options.rawOverrides ? deepMerge(json, this.options.rawOverrides) : json);
  }

  private widget(p: PlacedWidget): Record<string, unknown> {
    const w = p.widget;
    const d = this.dashboard;
    switch (w.kind) {
      case WidgetKind.TIME_SERIES:
        return {
          type: 'timeseries',
          title: w.title,
          show_legend: true,
          requests: w.signals.map((s, i) => ({ ...datadogRequest(d, `${p.prop}.signals[${i}]`, s, false), display_type: 'line' })),
          markers: w.thresholds.map((t) => ({
            value: t.to === undefined ? `y = ${t.value}` : `${t.value} < y < ${t.to}`,
            display_type: `${MARKER_LEVEL[t.level]} dashed`,
            label: t.label,
          })),
        };
      case WidgetKind.SINGLE_VALUE:
        return {
          type: 'query_value',
          title: w.title,
          autoscale: true,
          precision: 2,
          requests: [datadogRequest(d, `${p.prop}.signal`, w.signals[0], true)],
        };
      case WidgetKind.TOP_LIST:
        return {
          type: 'toplist',
          title: w.title,
          requests: [{ q: `top(${datadogQuery(d, `${p.prop}.signal`, w.signals[0], w.groupBy)}, ${w.limit}, 'mean', 'desc')` }],
        };
      case WidgetKind.ALERT_STATUS: {
        // The monitor summary widget (`manage_status`) lists the monitors its query matches; a
        // monitor is found by its id (docs.datadoghq.com/monitors/manage/search: "search for a
        // monitor using the ID"), several with OR.
        const ids = w.monitors.map((m, i) => {
          // Of several Datadog renderings, the one through this dashboard's connection.
          const all = m.renderings.filter((x) => x instanceof DatadogRenderedMonitor) as DatadogRenderedMonitor[];
          const r = all.find((x) => x.datadogMonitor.provider === this.dashboardJson.provider) ?? all[0];
          if (!r) fail(d, `${p.prop}.monitors[${i}]`, m.node.path, 'a MonitorConfig rendered to Datadog (give it MonitorBackend.datadog()) for the Datadog dashboard');
          return r.datadogMonitor.id;
        });
        return {
          type: 'manage_status',
          title: w.title,
          query: ids.length === 1 ? ids[0] : `(${ids.join(' OR ')})`,
          summary_type: 'monitors',
          display_format: 'countsAndList',
          color_preference: 'background',
          hide_zero_counts: true,
          show_last_triggered: true,
          sort: 'status,asc',
        };
      }
      case WidgetKind.TEXT:
        return {
          type: 'note',
          content: w.title ? `## ${w.title}\n\n${w.markdown}` : w.markdown,
          background_color: 'white',
          font_size: '14',
          text_align: 'left',
          show_tick: false,
          has_padding: true,
        };
      default:
        return w.rawDefinition!;
    }
  }
}

/** Renders dashboards as `datadog_dashboard_json` resources. */
export class DatadogDashboardRenderer implements ISignalAwareDashboardBackend {
  /** `datadog`. */
  public readonly kind: string = 'datadog';
  /** Construct id of renderings. */
  public readonly id: string;
  /** The options. */
  public readonly options: DatadogDashboardOptions;

  constructor(options: DatadogDashboardOptions = {}) {
    this.options = { ...options };
    this.id = this.options.id ?? 'Datadog';
  }

  /** Render a dashboard. */
  public render(dashboard: Dashboard): IRenderedDashboard {
    return new DatadogRenderedDashboard(dashboard, this);
  }

  /**
   * Datadog queries, and CloudWatch metrics under a name Datadog's AWS integration publishes
   * (a reference in a dimension becomes a Terraform reference in the tag filter).
   */
  public canDraw(signal: Signal): boolean {
    return datadogCanEvaluate(signal);
  }
}

// A CloudWatch metric-math expression Datadog can compute as a formula: metric ids, numbers,
// arithmetic and parentheses only (functions such as FILL or METRICS() have no Datadog twin here).
const ARITHMETIC = /^[A-Za-z0-9_.\s+\-*/()]+$/;

/**
 * A Datadog request for a signal: `q` for a query, or `queries` + `formulas` for a CloudWatch
 * expression (docs.datadoghq.com/dashboards/functions/#add-a-function, "formulas and functions").
 */
function datadogRequest(d: Dashboard, prop: string, s: Signal, scalar: boolean): Record<string, unknown> {
  if (s.kind !== SignalKind.CLOUDWATCH_EXPRESSION) {
    return scalar ? { q: datadogQuery(d, prop, s), aggregator: 'last' } : { q: datadogQuery(d, prop, s) };
  }
  const e = s.cloudWatchExpressionProps!;
  if (!ARITHMETIC.test(e.expression)) {
    fail(d, prop, s.toString(), 'for Datadog a CloudWatch expression of metric ids, numbers, + - * / and parentheses (Datadog formulas have no CloudWatch metric-math functions)');
  }
  return {
    response_format: scalar ? 'scalar' : 'timeseries',
    queries: Object.keys(e.usingMetrics).sort().map((id) => ({
      data_source: 'metrics',
      name: id,
      query: datadogQuery(d, `${prop}.usingMetrics.${id}`, e.usingMetrics[id]),
      aggregator: scalar ? 'last' : undefined,
    })),
    formulas: [{ formula: e.expression, alias: e.label ?? e.expression }],
  };
}
