/**
 * Backend-neutral helpers for drawing signals. Each vendor's query text lives in its folder
 * (src/datadog/private/dashboard-query.ts, src/cloudwatch/private/dashboard-metrics.ts).
 */
import { CloudWatchMetricProps, Signal } from '../../signals/signal';

/** Sorted dimensions of a CloudWatch metric. */
export function sortedDimensions(p: CloudWatchMetricProps): [string, string][] {
  const d = p.dimensions ?? {};
  return Object.keys(d).sort().map((k) => [k, d[k]]);
}

/** The period a widget uses for a signal. */
export function periodOf(s: Signal, widgetPeriod?: number): number {
  return s.cloudWatchMetricProps?.period ?? widgetPeriod ?? 300;
}
