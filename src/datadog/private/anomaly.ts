import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Construct } from 'constructs';
import { DatadogRenderedAlerts } from './alerts';
import { DatadogMessage } from './notify';
import { DATADOG_WINDOW_MAX_SECONDS, datadogMetricQuery, datadogTags, datadogTimeframe, requireFullWindow } from './query';
import { fail } from '../../core/private/validate';
import { Severities } from '../../core/severity';
import type { AnomalyMonitor } from '../../monitors/anomaly-monitor';
import type { DatadogBackend } from '../datadog-monitor-backend';

// Datadog anomaly monitors: trigger and recovery windows from 15 minutes to 2 weeks in the UI
// (docs.datadoghq.com/monitors/types/anomaly, "Set alert conditions"); the API takes shorter
// alert windows (its example uses last_5m). The monitor query's own time window, which holds the
// alert window, takes at most a week in the API's documented forms (see query.ts), so the alert
// window is at most a week too.
const WINDOW_MAX = DATADOG_WINDOW_MAX_SECONDS;

/** A Datadog anomaly monitor: `anomalies(<query>, '<algorithm>', <bounds>, direction=…, alert_window=…)`. */
export function renderDatadogAnomaly(a: AnomalyMonitor, backend: DatadogBackend): DatadogRenderedAlerts {
  const window = a.period * a.evaluationPeriods;
  if (window % 60 !== 0 || window > WINDOW_MAX) {
    fail(a, 'period × evaluationPeriods', `${a.period} × ${a.evaluationPeriods} = ${window} seconds`,
      'for Datadog an alert window of whole minutes, at most a week (the longest monitor query window the API documents)');
  }
  // "interval … should be smaller or equal to a fifth of the alert_window" (docs.datadoghq.com/monitors/types/anomaly, API).
  if (a.evaluationPeriods < 5) fail(a, 'evaluationPeriods', a.evaluationPeriods, 'for Datadog at least 5 (the rollup interval, period, is at most a fifth of the alert window)');
  const source = datadogMetricQuery(a, 'signal', a.signal);
  const alertWindow = datadogTimeframe(window);
  const threshold = Number((a.datapointsToAlarm / a.evaluationPeriods).toFixed(4));
  // Query window about five times the alert window (same page), for the notification graphs.
  const args = [
    source.query, `'${a.algorithm}'`, String(a.bounds), `direction='${a.direction}'`, `alert_window='${alertWindow}'`,
    `interval=${a.period}`, 'count_default_zero=\'true\'',
  ];
  // …capped at the longest documented query window.
  const query = `avg(${datadogTimeframe(Math.min(window * 5, WINDOW_MAX))}):anomalies(${args.join(', ')}) >= ${threshold}`;
  const conn = backend.connectionFor(a);
  const notifications = new DatadogMessage(a, backend, a.severity);
  const message = () => notifications.render(a.message, a.runbookUrl);
  const parent = new Construct(a, backend.id);
  const monitor = new Monitor(parent, 'Resource', {
    name: a.title,
    type: 'query alert',
    query,
    message: message(),
    priority: String(Severities.rank(a.severity)),
    tags: datadogTags(a, a.severity, a.tags),
    // The critical threshold matches the query's; trigger window = alert window (same page, "options").
    monitorThresholds: { critical: String(threshold), criticalRecovery: '0' },
    monitorThresholdWindows: { triggerWindow: alertWindow, recoveryWindow: alertWindow },
    renotifyInterval: a.renotifyInterval,
    evaluationDelay: source.aws ? (backend.options.awsEvaluationDelay ?? 900) : undefined,
    requireFullWindow: requireFullWindow(source),
    includeTags: true,
    provider: conn.provider,
  });
  return new DatadogRenderedAlerts(backend, [monitor], [{ severity: a.severity, monitor, notifications, message }]);
}
