/**
 * The Grafana dashboard JSON, built with Grafana's own typed model (@grafana/grafana-foundation-sdk).
 * Its types stay in this file: nothing of them reaches the public API.
 */
import * as bargauge from '@grafana/grafana-foundation-sdk/bargauge';
import * as cloudwatch from '@grafana/grafana-foundation-sdk/cloudwatch';
import * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dash from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as text from '@grafana/grafana-foundation-sdk/text';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import { topListInsightsQuery } from '../../cloudwatch/private/dashboard-metrics';
import { fail } from '../../core/private/validate';
import type { Dashboard } from '../../dashboards/dashboard';
import type { IDashboardBackend } from '../../dashboards/dashboard-backend';
import { PlacedWidget } from '../../dashboards/private/model';
import { periodOf, sortedDimensions } from '../../dashboards/private/queries';
import { TemplateVariable, TemplateVariableKind } from '../../dashboards/template-variable';
import { MarkerLevel, ThresholdMarker, Widget, WidgetKind } from '../../dashboards/widget';
import { Signal, SignalKind, Statistic } from '../../signals/signal';
import { GrafanaRenderedMonitor } from '../grafana-monitor-backend';

/** What the Grafana model needs besides the dashboard. */
export interface GrafanaModelInput {
  readonly uid: string;
  /** Data source of PromQL queries (and of CloudWatch ones when `cloudWatchDatasourceUid` is unset). */
  readonly datasourceUid: string;
  readonly cloudWatchDatasourceUid?: string;
  /** The backend drawing the dashboard (chooses the widgets it draws). */
  readonly backend: IDashboardBackend;
}

const COLORS: Record<MarkerLevel, string> = {
  [MarkerLevel.CRITICAL]: 'red',
  [MarkerLevel.WARNING]: 'orange',
  [MarkerLevel.OK]: 'green',
  [MarkerLevel.INFO]: 'blue',
};

/** A builder of an already built object (raw panels). */
function built<T>(value: T): cog.Builder<T> {
  return { build: () => value };
}

/** The Grafana dashboard model of `d`, as plain JSON. */
export function grafanaDashboardJson(d: Dashboard, input: GrafanaModelInput): Record<string, unknown> {
  const minutes = d.timeRange.totalMinutes;
  const from = minutes % 1440 === 0 ? `now-${minutes / 1440}d` : minutes % 60 === 0 ? `now-${minutes / 60}h` : `now-${minutes}m`;
  const b = new dash.DashboardBuilder(d.title)
    .uid(input.uid)
    .tags([...d.tags])
    .time({ from, to: 'now' })
    .timezone('browser')
    .editable();
  if (d.description) b.description(d.description);
  for (const l of d.links) {
    b.link(new dash.DashboardLinkBuilder(l.title).type(dash.DashboardLinkType.Link).url(l.url).targetBlank(true));
  }
  for (const v of d.variables) b.withVariable(variable(v, input));

  let id = 1;
  let y = 0;
  for (const row of d._layout(input.backend)) {
    const r = new dash.RowBuilder(row.title).id(id++).collapsed(row.collapsed).gridPos({ x: 0, y, w: 24, h: 1 });
    y += 1;
    let x = 0;
    let lineHeight = 0;
    const panels: cog.Builder<dash.Panel>[] = [];
    for (const p of row.widgets) {
      const w = p.widget;
      const parts = w.kind === WidgetKind.ALERT_STATUS ? alertLists(d, p) : [panel(d, p, input)];
      const width = w.kind === WidgetKind.ALERT_STATUS ? Math.max(1, Math.floor(w.width / parts.length)) : w.width;
      for (const part of parts) {
        if (x + width > 24) {
          x = 0;
          y += lineHeight;
          lineHeight = 0;
        }
        const built1 = part.build();
        built1.id = id++;
        built1.gridPos = { x, y, w: width, h: w.height };
        panels.push(built(built1));
        x += width;
        lineHeight = Math.max(lineHeight, w.height);
      }
    }
    y += lineHeight;
    if (row.collapsed) {
      for (const p of panels) r.withPanel(p);
      b.withRow(r);
    } else {
      b.withRow(r);
      for (const p of panels) b.withPanel(p);
    }
  }
  return b.build() as unknown as Record<string, unknown>;
}

function variable(v: TemplateVariable, input: GrafanaModelInput): cog.Builder<dash.VariableModel> {
  const label = v.label ?? v.name;
  if (v.values) {
    const current = v.defaultValue ?? v.values[0];
    return new dash.CustomVariableBuilder(v.name).label(label).values(v.values.join(','))
      .current({ text: current, value: current })
      .options(v.values.map((x) => ({ text: x, value: x, selected: x === current })));
  }
  if (v.kind === TemplateVariableKind.QUERY && v.promQlQuery) {
    return new dash.QueryVariableBuilder(v.name).label(label).query(v.promQlQuery)
      .datasource({ type: 'prometheus', uid: input.datasourceUid })
      .refresh(dash.VariableRefresh.OnDashboardLoad).includeAll(true).allValue('.*')
      .current({ text: v.defaultValue ?? 'All', value: v.defaultValue ?? '$__all' });
  }
  return new dash.TextBoxVariableBuilder(v.name).label(label).defaultValue(v.defaultValue ?? '');
}

function thresholdSteps(markers: ThresholdMarker[], base: string): dash.Threshold[] {
  // Grafana thresholds are steps: from each value on, the colour holds until the next step.
  const steps: dash.Threshold[] = [];
  const sorted = [...markers].sort((a, b) => a.value - b.value);
  for (const m of sorted) {
    steps.push({ value: m.value, color: COLORS[m.level] });
    if (m.to !== undefined) steps.push({ value: m.to, color: base });
  }
  steps.sort((a, b) => (a.value as number) - (b.value as number));
  return [{ value: null, color: base }, ...steps];
}

function panel(d: Dashboard, p: PlacedWidget, input: GrafanaModelInput): cog.Builder<dash.Panel> {
  const w = p.widget;
  switch (w.kind) {
    case WidgetKind.TIME_SERIES: {
      const ts = new timeseries.PanelBuilder().title(w.title!)
        .targets(inOrder(w.signals.flatMap((s, i) => targets(d, `${p.prop}.signals[${i}]`, s, w, input, i))));
      if (w.thresholds.length > 0) {
        const bands = w.thresholds.some((t) => t.isBand);
        ts.thresholds(new dash.ThresholdsConfigBuilder().mode(dash.ThresholdsMode.Absolute).steps(thresholdSteps(w.thresholds, 'transparent')))
          .thresholdsStyle(new common.GraphThresholdsStyleConfigBuilder()
            .mode(bands ? common.GraphThresholdsStyleMode.LineAndArea : common.GraphThresholdsStyleMode.Dashed));
      }
      return withDatasource(ts, w.signals, input);
    }
    case WidgetKind.SINGLE_VALUE: {
      const st = new stat.PanelBuilder().title(w.title!)
        .targets(targets(d, `${p.prop}.signal`, w.signals[0], w, input, 0))
        .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
        .colorMode(common.BigValueColorMode.Value)
        .graphMode(common.BigValueGraphMode.Area);
      st.thresholds(new dash.ThresholdsConfigBuilder().mode(dash.ThresholdsMode.Absolute).steps(thresholdSteps(w.thresholds, 'green')));
      return withDatasource(st, w.signals, input);
    }
    case WidgetKind.TOP_LIST: {
      const bg = new bargauge.PanelBuilder().title(w.title!)
        .targets(topListTargets(d, p, input))
        .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['mean']).values(false))
        .orientation(common.VizOrientation.Horizontal);
      return withDatasource(bg, w.signals, input);
    }
    case WidgetKind.TEXT: {
      const t = new text.PanelBuilder().mode(text.TextMode.Markdown).content(w.markdown!);
      if (w.title) t.title(w.title);
      return t;
    }
    default:
      return built(w.rawDefinition as dash.Panel);
  }
}

/** One alert list panel per monitor, filtered to its rule by name (unified alerting `alertlist` options). */
function alertLists(d: Dashboard, p: PlacedWidget): cog.Builder<dash.Panel>[] {
  const w = p.widget;
  return w.monitors.map((m, i) => {
    const r = m.renderings.find((x) => x instanceof GrafanaRenderedMonitor) as GrafanaRenderedMonitor | undefined;
    if (!r) fail(d, `${p.prop}.monitors[${i}]`, m.node.path, 'a MonitorConfig rendered to Grafana (give it MonitorBackend.grafana({...})) for the Grafana dashboard');
    return new dash.PanelBuilder().type('alertlist').title(w.monitors.length === 1 ? w.title! : `${w.title}: ${m.title}`).options({
      viewMode: 'list',
      groupMode: 'default',
      groupBy: [],
      maxItems: 20,
      sortOrder: 1,
      dashboardAlerts: false,
      alertName: m.title,
      alertInstanceLabelFilter: '',
      datasource: 'grafana',
      showInstances: false,
      stateFilter: { firing: true, pending: true, noData: true, normal: true, error: true },
    });
  });
}

function cloudWatchUid(input: GrafanaModelInput): string {
  return input.cloudWatchDatasourceUid ?? input.datasourceUid;
}

function withDatasource<T extends { datasource(ref: dash.DataSourceRef): unknown }>(panelBuilder: T, signals: Signal[], input: GrafanaModelInput): T {
  const refs = [...new Set(signals.map((s) => (s.kind === SignalKind.PROMQL ? `prometheus:${input.datasourceUid}` : `cloudwatch:${cloudWatchUid(input)}`)))];
  if (refs.length === 1) {
    const [type, uid] = refs[0].split(/:(.*)/s);
    panelBuilder.datasource({ type, uid });
  } else {
    // Queries of several data sources in one panel go through Grafana's "Mixed" data source.
    panelBuilder.datasource({ type: 'datasource', uid: '-- Mixed --' });
  }
  return panelBuilder;
}

/** The queries with refIds A, B, C … in order. */
function inOrder(queries: cog.Builder<cog.Dataquery>[]): cog.Builder<cog.Dataquery>[] {
  return queries.map((q, i) => built({ ...q.build(), refId: refId(i) } as cog.Dataquery));
}

function refId(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

function targets(d: Dashboard, prop: string, s: Signal, w: Widget, input: GrafanaModelInput, index: number): cog.Builder<cog.Dataquery>[] {
  const period = String(periodOf(s, w.period));
  const cw = { type: 'cloudwatch', uid: cloudWatchUid(input) };
  switch (s.kind) {
    case SignalKind.PROMQL:
      return [new prometheus.DataqueryBuilder().expr(s.promQlProps!.query).refId(refId(index * 10)).range()
        .datasource({ type: 'prometheus', uid: input.datasourceUid })];
    case SignalKind.CLOUDWATCH_METRIC: {
      const m = s.cloudWatchMetricProps!;
      const stat1 = (m.statistic ?? Statistic.AVERAGE).name;
      return [metricQuery(m.namespace, m.metricName, sortedDimensions(m), stat1, period, cw).refId(refId(index * 10))];
    }
    case SignalKind.CLOUDWATCH_EXPRESSION: {
      // Grafana's CloudWatch data source evaluates metric math over the other queries of the
      // panel by their ids; the metrics are hidden, the expression is shown.
      const e = s.cloudWatchExpressionProps!;
      const ids = Object.keys(e.usingMetrics).sort();
      const rename = (t: string) => ids.reduce((acc, id) => acc.replace(new RegExp(`\\b${id}\\b`, 'g'), `s${index}${id}`), t);
      const out: cog.Builder<cog.Dataquery>[] = ids.map((id, j) => {
        const m = e.usingMetrics[id].cloudWatchMetricProps!;
        const q = metricQuery(m.namespace, m.metricName, sortedDimensions(m), (m.statistic ?? Statistic.AVERAGE).name, period, cw)
          .refId(refId(index * 10 + j + 1)).hide(true);
        (q as any).internal.id = `s${index}${id}`;
        return q;
      });
      out.unshift(new cloudwatch.CloudWatchMetricsQueryBuilder()
        .queryMode(cloudwatch.CloudWatchQueryMode.Metrics)
        .metricQueryType(cloudwatch.MetricQueryType.Search)
        .metricEditorMode(cloudwatch.MetricEditorMode.Code)
        .expression(rename(e.expression))
        .label(e.label ?? e.expression)
        .region('default')
        .period(period)
        .datasource(cw)
        .refId(refId(index * 10)));
      return out;
    }
    default:
      return fail(d, prop, s.toString(),
        `a signal the Grafana dashboard can draw (a PromQL query, or a CloudWatch metric or expression through a CloudWatch data source); Grafana has no data source for a ${s.kind}`);
  }
}

function metricQuery(namespace: string, metricName: string, dims: [string, string][], statistic: string, period: string,
  ds: dash.DataSourceRef): cloudwatch.CloudWatchMetricsQueryBuilder {
  const dimensions: Record<string, string> = {};
  for (const [k, v] of dims) dimensions[k] = v;
  return new cloudwatch.CloudWatchMetricsQueryBuilder()
    .queryMode(cloudwatch.CloudWatchQueryMode.Metrics)
    .metricQueryType(cloudwatch.MetricQueryType.Search)
    .metricEditorMode(cloudwatch.MetricEditorMode.Builder)
    .region('default')
    .namespace(namespace)
    .metricName(metricName)
    .dimensions(dimensions)
    .matchExact(true)
    .statistic(statistic)
    .period(period)
    .datasource(ds);
}

function topListTargets(d: Dashboard, p: PlacedWidget, input: GrafanaModelInput): cog.Builder<cog.Dataquery>[] {
  const w = p.widget;
  const s = w.signals[0];
  if (s.kind === SignalKind.PROMQL) {
    const q = s.promQlProps!.query;
    const expr = w.groupBy ? `topk(${w.limit}, sum by (${w.groupBy}) (${q}))` : `topk(${w.limit}, ${q})`;
    return [new prometheus.DataqueryBuilder().expr(expr).refId('A').instant().datasource({ type: 'prometheus', uid: input.datasourceUid })];
  }
  if (s.kind === SignalKind.CLOUDWATCH_METRIC) {
    // A Metrics Insights query in code mode (CloudWatch data source, metricQueryType Insights).
    const sql = topListInsightsQuery(d, `${p.prop}.signal`, s, w.groupBy, w.limit);
    return [new cloudwatch.CloudWatchMetricsQueryBuilder()
      .queryMode(cloudwatch.CloudWatchQueryMode.Metrics)
      .metricQueryType(cloudwatch.MetricQueryType.Insights)
      .metricEditorMode(cloudwatch.MetricEditorMode.Code)
      .sqlExpression(sql)
      .region('default')
      .period(String(periodOf(s, w.period)))
      .datasource({ type: 'cloudwatch', uid: cloudWatchUid(input) })
      .refId('A')];
  }
  return fail(d, `${p.prop}.signal`, s.toString(),
    `for a top list on Grafana a PromQL query or a CloudWatch metric; Grafana has no data source for a ${s.kind}`);
}
