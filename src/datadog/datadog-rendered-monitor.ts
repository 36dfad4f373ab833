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
    const window = monitor.period * monitor.evaluationPeriods;
    if (window % 60 !== 0 || window < 60 || window > DATADOG_WINDOW_MAX_SECONDS) {
      fail(monitor, 'period × evaluationPeriods', `${monitor.period} × ${monitor.evaluationPeriods} = ${window} seconds`,
        'a Datadog evaluation window: a whole number of minutes from 1 minute to 7 days (last_10080m, the longest the monitor API documents)');
    }
    const { query, source } = buildQuery(monitor, window);
    this.query = query;
    const tags = datadogTags(monitor, monitor.severity, monitor.tags);
    const notifiesNoData = notifyNoData(monitor.missingData, source);
    this.notifiesNoData = notifiesNoData;
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
      evaluationDelay: source.aws ? delay : undefined,
      requireFullWindow: requireFullWindow(source),
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
    const m = this.monitor;
    return this.notifications.render(m.message, m.runbookUrl, {
      warning: m.warning !== undefined,
      noData: this.notifiesNoData,
    });
  }
}

function buildQuery(m: MonitorConfig, window: number): { query: string; source: DatadogSourceQuery } {
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
