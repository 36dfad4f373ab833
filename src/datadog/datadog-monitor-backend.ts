import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { DatadogConnection } from './datadog-connection';
import { fail, requireInteger, requirePattern } from '../core/private/validate';
import { Severities } from '../core/severity';
import { IMonitorBackend, IRenderedMonitor } from '../monitors/backend';
import type { MonitorConfig } from '../monitors/monitor-config';
import { datadogMetricQuery } from '../monitors/private/alerting';
import { Comparisons, MissingData } from '../monitors/threshold';
import type { INotificationTarget } from '../notifications/targets';

/** Options of the Datadog backend. */
export interface DatadogBackendOptions {
  /**
   * Construct id of the rendering under each monitor.
   * @default "Datadog"
   */
  readonly id?: string;
  /**
   * The Datadog connection (its provider creates the monitors).
   * @default DatadogConnection.of(monitor)
   */
  readonly connection?: DatadogConnection;
  /**
   * Seconds Datadog waits before evaluating monitors of CloudWatch metrics, which reach Datadog
   * late through the AWS integration's crawler (docs.datadoghq.com/monitors/guide/troubleshooting-no-data:
   * at least 900 seconds is recommended for AWS and other crawler-based metrics).
   * @default 900
   */
  readonly awsEvaluationDelay?: number;
}

/**
 * Datadog's evaluation window: a whole number of minutes from 1 minute to 1 month
 * ("Set alert conditions" in docs.datadoghq.com/monitors/configuration: a custom window is
 * 1 minute to 48 hours, 1 month for metric monitors; taken here as 30 days).
 */
const DATADOG_WINDOW_MAX_SECONDS = 30 * 86_400;

// Datadog tag rules (docs.datadoghq.com/getting_started/tagging/#define-tags): tags start with a
// letter, contain letters, digits, _ - : . / only, are at most 200 characters, and are lower-cased.
const DATADOG_TAG = /^[A-Za-z][A-Za-z0-9_\-:./]*$/;
const DATADOG_TAG_MAX = 200;

/** The Datadog monitor a `MonitorConfig` rendered. */
export class DatadogRenderedMonitor extends Construct implements IRenderedMonitor {
  /** The backend. */
  public readonly backend: IMonitorBackend;
  /** The main resource (the `datadog_monitor`). */
  public readonly resource: TerraformResource;
  /** The `datadog_monitor` (escape hatch, typed). */
  public readonly datadogMonitor: Monitor;
  /** The monitor query. */
  public readonly query: string;
  private readonly handles: string[] = [];
  private readonly extraText: string[] = [];
  private readonly monitor: MonitorConfig;

  constructor(monitor: MonitorConfig, backend: DatadogBackend) {
    super(monitor, backend.id);
    this.backend = backend;
    this.monitor = monitor;
    const conn = backend.options.connection ?? DatadogConnection.of(monitor);
    const window = monitor.period * monitor.evaluationPeriods;
    if (window % 60 !== 0 || window < 60 || window > DATADOG_WINDOW_MAX_SECONDS) {
      fail(monitor, 'period × evaluationPeriods', `${monitor.period} × ${monitor.evaluationPeriods} = ${window} seconds`,
        'a Datadog evaluation window: a whole number of minutes from 1 minute to 30 days');
    }
    const { query, aws } = buildQuery(monitor, window);
    this.query = query;
    const tags = datadogTags(monitor);
    const notifiesNoData = monitor.missingData === MissingData.MISSING || monitor.missingData === MissingData.BREACHING;
    const delay = backend.options.awsEvaluationDelay === undefined ? 900 : requireInteger(monitor, 'awsEvaluationDelay', backend.options.awsEvaluationDelay, 0, 86_400);
    this.datadogMonitor = new Monitor(this, 'Resource', {
      name: monitor.title,
      type: 'metric alert',
      query,
      // Rendered now and again on each addTarget() (cheaper than a lazy token per monitor).
      message: this.renderMessage(),
      priority: String(Severities.rank(monitor.severity)),
      tags,
      monitorThresholds: {
        critical: String(monitor.critical),
        warning: monitor.warning === undefined ? undefined : String(monitor.warning),
        criticalRecovery: monitor.criticalRecovery === undefined ? undefined : String(monitor.criticalRecovery),
        warningRecovery: monitor.warningRecovery === undefined ? undefined : String(monitor.warningRecovery),
      },
      notifyNoData: notifiesNoData,
      // The provider's docs for no_data_timeframe recommend at least twice the window for metric alerts.
      noDataTimeframe: notifiesNoData ? Math.max(2 * (window / 60), 2) : undefined,
      renotifyInterval: monitor.renotifyInterval,
      evaluationDelay: aws ? delay : undefined,
      includeTags: true,
      provider: conn.provider,
    });
    this.resource = this.datadogMonitor;
  }

  /** The `@` handles of the targets, in the order added. */
  public get notificationHandles(): string[] {
    return [...this.handles];
  }

  /** Notify a target. */
  public addTarget(target: INotificationTarget): void {
    const binding = target.bind(this.monitor, this.backend);
    if (binding.datadogMessage) {
      if (!this.extraText.includes(binding.datadogMessage)) this.extraText.push(binding.datadogMessage);
      this.datadogMonitor.message = this.renderMessage();
      return;
    }
    if (!binding.handle) fail(this.monitor, `targets.${target.targetId}`, target.targetId, 'a target that binds to Datadog with an @-handle');
    if (!this.handles.includes(binding.handle)) this.handles.push(binding.handle);
    this.datadogMonitor.message = this.renderMessage();
  }

  private renderMessage(): string {
    const m = this.monitor;
    const parts = [m.message];
    if (m.runbookUrl) parts.push(`Runbook: ${m.runbookUrl}`);
    const handles = this.handles.join(' ');
    if (handles) {
      // Conditional blocks of the Datadog message template (docs.datadoghq.com/monitors/notify/variables).
      parts.push(`{{#is_alert}}${handles}{{/is_alert}}`);
      if (m.warning !== undefined) parts.push(`{{#is_warning}}${handles}{{/is_warning}}`);
      if (m.missingData === MissingData.MISSING || m.missingData === MissingData.BREACHING) parts.push(`{{#is_no_data}}${handles}{{/is_no_data}}`);
      parts.push(`{{#is_recovery}}${handles}{{/is_recovery}}`);
    }
    parts.push(...this.extraText);
    return parts.join('\n\n');
  }
}

/** Renders monitors as `datadog_monitor` resources of type `metric alert`. */
export class DatadogBackend implements IMonitorBackend {
  /** `datadog`. */
  public readonly kind: string = 'datadog';
  /** Construct id of renderings. */
  public readonly id: string;
  /** The options. */
  public readonly options: DatadogBackendOptions;

  constructor(options: DatadogBackendOptions = {}) {
    this.options = { ...options };
    this.id = options.id ?? 'Datadog';
  }

  /** Render a monitor. */
  public render(monitor: MonitorConfig): IRenderedMonitor {
    requirePattern(monitor, 'backends', this.id, /^[A-Za-z][A-Za-z0-9_-]*$/, 'backend ids of letters, digits, _ and -');
    return new DatadogRenderedMonitor(monitor, this);
  }
}

function windowText(seconds: number): string {
  if (seconds % 86_400 === 0) return `last_${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `last_${seconds / 3600}h`;
  return `last_${seconds / 60}m`;
}

function buildQuery(m: MonitorConfig, window: number): { query: string; aws: boolean } {
  const tail = `${Comparisons.symbol(m.comparison)} ${m.critical}`;
  const source = datadogMetricQuery(m, 'signal', m.signal);
  return { query: `${source.aggregation}(${windowText(window)}):${source.query} ${tail}`, aws: source.aws };
}

function datadogTags(m: MonitorConfig): string[] {
  const out = [`severity:${Severities.label(m.severity)}`];
  for (const [k, v] of Object.entries(m.tags)) {
    const tag = v === '' ? k : `${k}:${v}`;
    if (!DATADOG_TAG.test(tag) || tag.length > DATADOG_TAG_MAX) {
      fail(m, `tags.${k}`, tag, `a Datadog tag: starts with a letter, then letters, digits, _ - : . /, at most ${DATADOG_TAG_MAX} characters`);
    }
    if (k.toLowerCase() === 'severity') fail(m, `tags.${k}`, k, 'a key other than severity (the monitor sets it from its severity)');
    out.push(tag.toLowerCase());
  }
  return out.sort();
}
