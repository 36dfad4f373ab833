import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import type { DatadogBackend } from './datadog-monitor-backend';
import { DatadogMessage } from './private/notify';
import { DATADOG_WINDOW_MAX_SECONDS, datadogMetricQuery, DatadogSourceQuery, datadogTags, datadogTimeframe, requireFullWindow } from './private/query';
import { fail, requireInteger } from '../core/private/validate';
import { Severities } from '../core/severity';
import { IMonitorBackend, IRenderedMonitor } from '../monitors/backend';
import type { MonitorConfig } from '../monitors/monitor-config';
import type { MonitorLike } from '../monitors/private/normalize';
import { Comparisons, MissingData } from '../monitors/threshold';
import type { INotificationTarget } from '../notifications/targets';

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
  private readonly notifications: DatadogMessage;
  private readonly monitor: MonitorConfig;
  private readonly notifiesNoData: boolean;

  constructor(monitor: MonitorConfig, backend: DatadogBackend) {
    super(monitor, backend.id);
    this.backend = backend;
    this.monitor = monitor;
    this.notifications = new DatadogMessage(monitor, backend, monitor.severity);
    const conn = backend.connectionFor(monitor);
    const args = datadogMonitorArgs(monitor, backend);
    this.query = args.query;
    this.notifiesNoData = args.notifyNoData;
    this.datadogMonitor = new Monitor(this, 'Resource', {
      name: monitor.title,
      type: 'metric alert',
      query: args.query,
      // Rendered now and again on each addTarget() (cheaper than a lazy token per monitor).
      message: this.renderMessage(),
      priority: args.priority,
      tags: args.tags,
      monitorThresholds: {
        critical: args.critical,
        warning: args.warning,
        criticalRecovery: args.criticalRecovery,
        warningRecovery: args.warningRecovery,
      },
      notifyNoData: args.notifyNoData,
      noDataTimeframe: args.noDataTimeframe,
      renotifyInterval: monitor.renotifyInterval,
      evaluationDelay: args.evaluationDelay,
      requireFullWindow: args.requireFullWindow,
      includeTags: true,
      provider: conn.provider,
    });
    this.resource = this.datadogMonitor;
  }

  /** The `@` handles of the targets, in the order added. */
  public get notificationHandles(): string[] {
    return this.notifications.allHandles;
  }

  /** Notify a target. */
  public addTarget(target: INotificationTarget): void {
    this.notifications.add(target);
    this.datadogMonitor.message = this.renderMessage();
  }

  private renderMessage(): string {
    return datadogMonitorMessage(this.monitor, this.notifications, this.notifiesNoData);
  }
}

/** The arguments of the `datadog_monitor` of one monitor, other than its name and message. */
export interface DatadogMonitorArgs {
  readonly query: string;
  readonly priority: string;
  readonly tags: string[];
  readonly critical: string;
  readonly warning?: string;
  readonly criticalRecovery?: string;
  readonly warningRecovery?: string;
  readonly notifyNoData: boolean;
  readonly noDataTimeframe?: number;
  readonly evaluationDelay?: number;
  readonly requireFullWindow: boolean;
}

/**
 * The `datadog_monitor` arguments of a monitor (a `MonitorConfig`, or a catalog monitor seen
 * through its catalog); a ValidationError naming `monitor` when Datadog cannot express it.
 */
export function datadogMonitorArgs(monitor: MonitorLike, backend: DatadogBackend): DatadogMonitorArgs {
  const window = monitor.period * monitor.evaluationPeriods;
  if (window % 60 !== 0 || window < 60 || window > DATADOG_WINDOW_MAX_SECONDS) {
    fail(monitor, 'period × evaluationPeriods', `${monitor.period} × ${monitor.evaluationPeriods} = ${window} seconds`,
      'a Datadog evaluation window: a whole number of minutes from 1 minute to 7 days (last_10080m, the longest the monitor API documents)');
  }
  const { query, source } = buildQuery(monitor, window);
  const notifiesNoData = notifyNoData(monitor.missingData, source);
  const delay = backend.options.awsEvaluationDelay === undefined ? 900 : requireInteger(monitor, 'awsEvaluationDelay', backend.options.awsEvaluationDelay, 0, 86_400);
  return {
    query,
    priority: String(Severities.rank(monitor.severity)),
    tags: datadogTags(monitor, monitor.severity, monitor.tags),
    critical: String(monitor.critical),
    warning: monitor.warning === undefined ? undefined : String(monitor.warning),
    criticalRecovery: monitor.criticalRecovery === undefined ? undefined : String(monitor.criticalRecovery),
    warningRecovery: monitor.warningRecovery === undefined ? undefined : String(monitor.warningRecovery),
    notifyNoData: notifiesNoData,
    // The provider's docs for no_data_timeframe recommend at least twice the window for metric alerts.
    noDataTimeframe: notifiesNoData ? Math.max(2 * (window / 60), 2) : undefined,
    evaluationDelay: source.aws ? delay : undefined,
    requireFullWindow: requireFullWindow(source),
  };
}

/** The message of a monitor's `datadog_monitor` with the notifications so far. */
export function datadogMonitorMessage(monitor: MonitorLike, notifications: DatadogMessage, notifiesNoData: boolean): string {
  return notifications.render(monitor.message, monitor.runbookUrl, { warning: monitor.warning !== undefined, noData: notifiesNoData });
}

function buildQuery(m: MonitorLike, window: number): { query: string; source: DatadogSourceQuery } {
  const tail = `${Comparisons.symbol(m.comparison)} ${m.critical}`;
  const source = datadogMetricQuery(m, 'signal', m.signal);
  return { query: `${source.aggregation}(${datadogTimeframe(window)}):${source.query} ${tail}`, source };
}

/**
 * Whether the monitor notifies when its series has no data. BREACHING always does; MISSING (no
 * data is its own state) does only for a metric that reports while all is well: a count, or a
 * metric that stops while its resource is idle (an empty SQS dead-letter queue), has no data
 * exactly when nothing happens, and "Monitors that report data infrequently, can have
 * unexpected results" (docs.datadoghq.com/monitors/guide/monitoring-sparse-metrics), so no data
 * is not paged there.
 */
function notifyNoData(missing: MissingData, source: DatadogSourceQuery): boolean {
  if (missing === MissingData.BREACHING) return true;
  return missing === MissingData.MISSING && source.sparse === undefined;
}
