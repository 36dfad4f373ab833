/**
 * The arguments of a monitor's `datadog_monitor`, computed once for `MonitorConfig` and for
 * catalog monitors. Not part of the public API.
 */
import { DatadogMessage } from './notify';
import { DATADOG_WINDOW_MAX_SECONDS, datadogMetricQuery, DatadogSourceQuery, datadogTags, datadogTimeframe, requireFullWindow } from './query';
import { fail, requireInteger } from '../../core/private/validate';
import { Severities } from '../../core/severity';
import type { MonitorLike } from '../../monitors/private/normalize';
import { Comparisons, MissingData } from '../../monitors/threshold';
import type { DatadogBackend } from '../datadog-monitor-backend';

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
