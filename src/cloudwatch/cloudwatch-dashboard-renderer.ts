import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Annotations, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { CloudWatchRenderedMonitor } from './cloudwatch-rendered-monitor';
import { AwsConnection } from '../aws/aws-connection';
import { claimName } from '../core/private/stack-registry';
import { EscapingLazy } from '../core/private/template-escape';
import { fail, requirePattern } from '../core/private/validate';
import type { Dashboard } from '../dashboards/dashboard';
import type { IDashboardBackend, IRenderedDashboard, ISignalAwareDashboardBackend } from '../dashboards/dashboard-backend';
import { cloudWatchMetricRows, topListInsightsQuery } from './private/dashboard-metrics';
import { deepMerge, isPlainObject, sortKeysDeep } from '../dashboards/private/json';
import { PlacedWidget, referencedVariables } from '../dashboards/private/model';
import { periodOf } from '../dashboards/private/queries';
import { MarkerLevel, WidgetKind } from '../dashboards/widget';
import type { Signal } from '../signals/signal';
import { cloudWatchCanEvaluate } from './private/metrics';

/** Options of the CloudWatch dashboard backend. */
export interface CloudWatchDashboardOptions {
  /**
   * Construct id of the rendering under each dashboard.
   * @default "CloudWatch"
   */
  readonly id?: string;
  /**
   * The AWS connection (its provider creates the dashboard; its region is the widgets' region).
   * @default AwsConnection.of(dashboard)
   */
  readonly connection?: AwsConnection;
  /**
   * The dashboard name (1-255 letters, digits, - and _), unique per account.
   * @default - derived from the title
   */
  readonly dashboardName?: string;
  /**
   * JSON merged into the dashboard body last (objects merge key by key, anything else
   * replaces), e.g. `{ periodOverride: 'auto' }`.
   * @default - none
   */
  readonly rawOverrides?: { [key: string]: any };
}

// Limits of a dashboard body ("Dashboard Body Structure and Syntax",
// docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html:
// 0-500 widgets, widths 1-24, alarm widgets 1-100 alarm ARNs) and the CloudWatch service quotas
// (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html, "Dashboards":
// up to 500 widgets per dashboard, 500 metrics per dashboard widget, 2500 metrics per dashboard).
const MAX_WIDGETS = 500;
const MAX_METRICS_PER_WIDGET = 500;
const MAX_METRICS_PER_DASHBOARD = 2500;
const MAX_ALARMS_PER_WIDGET = 100;
// PutDashboard DashboardName: at most 255 of A-Z, a-z, 0-9, - and _.
const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

const COLORS: Record<MarkerLevel, string> = {
  [MarkerLevel.CRITICAL]: '#d62728',
  [MarkerLevel.WARNING]: '#ff7f0e',
  [MarkerLevel.OK]: '#2ca02c',
  [MarkerLevel.INFO]: '#1f77b4',
};

/** The `aws_cloudwatch_dashboard` a `Dashboard` rendered. */
export class CloudWatchRenderedDashboard extends Construct implements IRenderedDashboard {
  /** The backend. */
  public readonly backend: IDashboardBackend;
  /** The main resource. */
  public readonly resource: TerraformResource;
  /** The `aws_cloudwatch_dashboard` (escape hatch, typed). */
  public readonly cloudwatchDashboard: CloudwatchDashboard;
  /** The dashboard name. */
  public readonly dashboardName: string;
  private readonly dashboard: Dashboard;
  private readonly options: CloudWatchDashboardOptions;
  private readonly region: string;

  constructor(dashboard: Dashboard, backend: CloudWatchDashboardRenderer) {
    super(dashboard, backend.id);
    this.backend = backend;
    this.dashboard = dashboard;
    this.options = backend.options;
    const conn = this.options.connection ?? AwsConnection.of(dashboard);
    this.region = conn.region;
    if (this.options.rawOverrides !== undefined && !isPlainObject(this.options.rawOverrides)) {
      fail(dashboard, 'rawOverrides', this.options.rawOverrides, 'a JSON object');
    }
    this.dashboardName = this.options.dashboardName !== undefined
      ? requirePattern(dashboard, 'dashboardName', this.options.dashboardName, DASHBOARD_NAME, 'a CloudWatch dashboard name of 1-255 letters, digits, - or _')
      : (dashboard.title.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 255) || 'dashboard');
    // Dashboard names are unique per account (PutDashboard replaces a dashboard of the same name).
    if (!claimName(dashboard, `cloudwatch-dashboard:${conn.node.path}`, this.dashboardName)) {
      fail(dashboard, this.options.dashboardName !== undefined ? 'dashboardName' : 'title', this.dashboardName,
        'a CloudWatch dashboard name not used by another dashboard of this stack and AWS connection (set dashboardName)');
    }
    if (dashboard.variables.length > 0) {
      Annotations.of(dashboard).addWarning(`${dashboard.node.path}: CloudWatch dashboards are rendered without template variables (${dashboard.variables.map((v) => v.name).join(', ')})`);
    }
    this.cloudwatchDashboard = new CloudwatchDashboard(this, 'Resource', {
      dashboardName: this.dashboardName,
      dashboardBody: EscapingLazy.stringValue({ produce: () => JSON.stringify(this.renderJson()) }),
      provider: conn.provider,
    });
    this.resource = this.cloudwatchDashboard;
    this.node.addValidation({ validate: () => { this.renderJson(); return []; } });
  }

  /** The dashboard body (keys sorted). */
  public renderJson(): { [key: string]: any } {
    const d = this.dashboard;
    const widgets: Record<string, unknown>[] = [];
    let y = 0;
    const header = [d.description, ...d.links.map((l) => `[${l.title}](${l.url})`)].filter((x) => x);
    if (header.length > 0) {
      widgets.push({ type: 'text', x: 0, y, width: 24, height: 2, properties: { markdown: `# ${d.title}\n\n${header.join(' · ')}` } });
      y += 2;
    }
    let metrics = 0;
    for (const row of d._layout(this.backend)) {
      widgets.push({ type: 'text', x: 0, y, width: 24, height: 1, properties: { markdown: `## ${row.title}` } });
      y += 1;
      let x = 0;
      let lineHeight = 0;
      for (const p of row.widgets) {
        const w = p.widget;
        if (x + w.width > 24) {
          x = 0;
          y += lineHeight;
          lineHeight = 0;
        }
        const body = this.widget(p);
        const count = Array.isArray((body.properties as any)?.metrics) ? (body.properties as any).metrics.length : 0;
        if (count > MAX_METRICS_PER_WIDGET) {
          fail(d, `${p.prop}.signals`, `${count} metrics`, `at most ${MAX_METRICS_PER_WIDGET} metrics per CloudWatch dashboard widget (CloudWatch quota)`);
        }
        metrics += count;
        widgets.push({ ...body, x, y, width: w.width, height: w.height });
        x += w.width;
        lineHeight = Math.max(lineHeight, w.height);
      }
      y += lineHeight;
    }
    if (widgets.length > MAX_WIDGETS) {
      fail(d, 'rows', `${widgets.length} CloudWatch widgets (row headings included)`, `at most ${MAX_WIDGETS} widgets per CloudWatch dashboard (CloudWatch quota)`);
    }
    if (metrics > MAX_METRICS_PER_DASHBOARD) {
      fail(d, 'rows', `${metrics} metrics`, `at most ${MAX_METRICS_PER_DASHBOARD} metrics per CloudWatch dashboard across all widgets (CloudWatch quota)`);
    }
    const minutes = d.timeRange.totalMinutes;
    const start = minutes % 1440 === 0 ? `-P${minutes / 1440}D` : minutes % 60 === 0 ? `-PT${minutes / 60}H` : `-PT${minutes}M`;
    const json = { start, periodOverride: 'inherit', widgets };
    return sortKeysDeep(this.options.rawOverrides ? deepMerge(json, this.options.rawOverrides) : json);
  }

  private widget(p: PlacedWidget): Record<string, unknown> {
    const w = p.widget;
    const d = this.dashboard;
    switch (w.kind) {
      case WidgetKind.TIME_SERIES:
      case WidgetKind.SINGLE_VALUE: {
        const single = w.kind === WidgetKind.SINGLE_VALUE;
        const rows = w.signals.flatMap((s, i) => {
          const sp = single ? `${p.prop}.signal` : `${p.prop}.signals[${i}]`;
          this.rejectVariables(sp, s.toString(), s.cloudWatchMetricProps ? Object.values(s.cloudWatchMetricProps.dimensions ?? {}) : [s.cloudWatchExpressionProps?.expression ?? '']);
          return cloudWatchMetricRows(d, sp, s, periodOf(s, w.period), `s${i}`);
        });
        const horizontal = single ? [] : w.thresholds.map((t) => (t.to === undefined
          ? { value: t.value, label: t.label, color: COLORS[t.level] }
          : [{ value: t.value, label: t.label, color: COLORS[t.level] }, { value: t.to }]));
        return {
          type: 'metric',
          properties: {
            title: w.title,
            view: single ? 'singleValue' : 'timeSeries',
            region: this.region,
            period: periodOf(w.signals[0], w.period),
            metrics: rows,
            annotations: horizontal.length ? { horizontal } : undefined,
          },
        };
      }
      case WidgetKind.TOP_LIST:
        return {
          type: 'metric',
          properties: {
            title: w.title,
            view: 'bar',
            region: this.region,
            period: periodOf(w.signals[0], w.period),
            metrics: [[{ expression: topListInsightsQuery(d, `${p.prop}.signal`, w.signals[0], w.groupBy, w.limit), id: 'q1', label: w.title }]],
          },
        };
      case WidgetKind.ALERT_STATUS: {
        const arns = w.monitors.flatMap((m, i) => {
          // Of several CloudWatch renderings, the one through this dashboard's connection.
          const all = m.renderings.filter((x) => x instanceof CloudWatchRenderedMonitor) as CloudWatchRenderedMonitor[];
          const r = all.find((x) => x.alarm.provider === this.cloudwatchDashboard.provider) ?? all[0];
          if (!r) fail(d, `${p.prop}.monitors[${i}]`, m.node.path, 'a MonitorConfig rendered to CloudWatch (give it MonitorBackend.cloudwatch()) for the CloudWatch dashboard');
          return r.warningAlarm ? [r.alarm.arn, r.warningAlarm.arn] : [r.alarm.arn];
        });
        if (arns.length > MAX_ALARMS_PER_WIDGET) {
          fail(d, `${p.prop}.monitors`, `${arns.length} alarms`, `at most ${MAX_ALARMS_PER_WIDGET} alarms per CloudWatch alarm status widget (split the monitors over several widgets)`);
        }
        return { type: 'alarm', properties: { title: w.title, alarms: arns, sortBy: 'stateUpdatedTimestamp' } };
      }
      case WidgetKind.TEXT:
        return { type: 'text', properties: { markdown: w.title ? `### ${w.title}\n\n${w.markdown}` : w.markdown } };
      default:
        return w.rawDefinition!;
    }
  }

  private rejectVariables(prop: string, what: string, texts: string[]): void {
    const refs = texts.flatMap((t) => referencedVariables(t));
    if (refs.length > 0) {
      fail(this.dashboard, prop, what, `for CloudWatch a signal without template variables (CloudWatch dashboards here have none; $${refs[0]} is referenced)`);
    }
  }
}

/** Renders dashboards as `aws_cloudwatch_dashboard` resources. */
export class CloudWatchDashboardRenderer implements ISignalAwareDashboardBackend {
  /** `cloudwatch`. */
  public readonly kind: string = 'cloudwatch';
  /** Construct id of renderings. */
  public readonly id: string;
  /** The options. */
  public readonly options: CloudWatchDashboardOptions;

  constructor(options: CloudWatchDashboardOptions = {}) {
    this.options = { ...options };
    this.id = this.options.id ?? 'CloudWatch';
  }

  /** Render a dashboard. */
  public render(dashboard: Dashboard): IRenderedDashboard {
    return new CloudWatchRenderedDashboard(dashboard, this);
  }

  /** CloudWatch metrics and metric-math expressions. */
  public canDraw(signal: Signal): boolean {
    return cloudWatchCanEvaluate(signal);
  }
}
