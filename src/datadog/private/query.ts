import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';
import { datadogAwsMetricQuery } from './aws-metric-names';
import { fail } from '../../core/private/validate';
import { Severities, Severity } from '../../core/severity';
import { matchSignal } from '../../signals/private/match';
import { Aggregation, Signal } from '../../signals/signal';

/**
 * The longest evaluation window of a metric monitor, and the forms the API documents for it:
 * "`time_window`: `last_#m` (with `#` between 1 and 10080 depending on the monitor type) or
 * `last_#h` (with `#` between 1 and 168 depending on the monitor type) or `last_1d`, or
 * `last_1w`" (Datadog API, "Create a monitor", Metric Alert Query; docs.datadoghq.com/api/latest/monitors/#create-a-monitor).
 * `last_Nd` for N > 1 is not among them.
 */
export const DATADOG_WINDOW_MAX_SECONDS = 10_080 * 60;

/** Datadog `last_…` timeframe of a number of seconds (a whole number of minutes) in a documented form. */
export function datadogTimeframe(seconds: number): string {
  if (seconds === 86_400) return 'last_1d';
  if (seconds === 7 * 86_400) return 'last_1w';
  if (seconds % 3600 === 0 && seconds <= 168 * 3600) return `last_${seconds / 3600}h`;
  return `last_${seconds / 60}m`;
}

/** A Datadog metric query of a signal and what its source implies for evaluation. */
export interface DatadogSourceQuery {
  readonly query: string;
  readonly aggregation: Aggregation;
  /** The metric comes from AWS (Datadog's crawler or a metric stream): it arrives late, in whole periods. */
  readonly aws: boolean;
  /** A count (`.as_count()`): reported only when something is counted. */
  readonly count: boolean;
  /** Why the metric may stop reporting while all is well (its series then has no data), if it may. */
  readonly sparse?: string;
}

/**
 * AWS namespaces whose metrics stop while a resource is idle: "CloudWatch metrics for your Amazon
 * SQS queues are automatically collected and pushed to CloudWatch at one-minute intervals", and
 * "A queue is considered active by CloudWatch for up to six hours if it contains any messages or
 * if any action accesses it" (docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html):
 * an empty dead-letter queue nobody reads reports nothing.
 */
const STOPS_WHEN_IDLE: Record<string, string> = {
  'AWS/SQS': 'SQS publishes no metrics of a queue idle (empty and not accessed) for six hours',
};

/**
 * A Datadog metric query (without time aggregation) for a signal: a Datadog query as it is, or a
 * CloudWatch metric under the name Datadog's AWS integration gives it. Returns whether the metric
 * comes from AWS (and so arrives late), is a count, and may go silent while all is well.
 */
export function datadogMetricQuery(scope: IConstruct, prop: string, s: Signal): DatadogSourceQuery {
  const cannot = (): never => fail(scope, prop, s.toString(),
    `a signal the Datadog backend can evaluate (a Datadog query, or a CloudWatch metric collected by Datadog's AWS integration); Datadog cannot evaluate a ${s.kind}`);
  return matchSignal<DatadogSourceQuery>(s, {
    datadogQuery: (q) => {
      const count = /\.as_count\(\)/.test(q.query);
      return { query: q.query, aggregation: q.timeAggregation ?? Aggregation.AVG, aws: false, count, sparse: count ? 'a count reports only what happens' : undefined };
    },
    cloudWatchMetric: (p) => {
      const q = datadogAwsMetricQuery(p);
      if (typeof q === 'string') fail(scope, prop, s.toString(), `a signal the Datadog backend can evaluate: ${q}`);
      if (q.warning) Annotations.of(scope).addWarning(`${scope.node.path}: ${prop}: ${q.warning}`);
      const count = q.query.endsWith('.as_count()');
      const sparse = STOPS_WHEN_IDLE[p.namespace] ?? (count ? 'a count reports only what happens' : undefined);
      return { query: q.query, aggregation: q.aggregation, aws: true, count, sparse };
    },
    cloudWatchExpression: cannot,
    promQl: cannot,
    nrql: cannot,
  });
}

// Datadog tag rules (docs.datadoghq.com/getting_started/tagging/#define-tags): a letter first, then
// letters, digits, _ - : . /, at most 200 characters, lower-cased by Datadog.
export const DATADOG_TAG = /^[A-Za-z][A-Za-z0-9_\-:./]*$/;
export const DATADOG_TAG_MAX = 200;

/** Datadog tags `key:value`, lower-cased and sorted, with the severity tag. */
export function datadogTags(scope: IConstruct, severity: Severity, tags: Record<string, string>): string[] {
  const out = [`severity:${Severities.label(severity)}`];
  for (const [k, v] of Object.entries(tags)) {
    const tag = v === '' ? k : `${k}:${v}`;
    if (!DATADOG_TAG.test(tag) || tag.length > DATADOG_TAG_MAX) {
      fail(scope, `tags.${k}`, tag, `a Datadog tag: starts with a letter, then letters, digits, _ - : . /, at most ${DATADOG_TAG_MAX} characters`);
    }
    if (k.toLowerCase() === 'severity') fail(scope, `tags.${k}`, k, 'a key other than severity (it is set from the severity)');
    out.push(tag.toLowerCase());
  }
  return out.sort();
}

/**
 * `require_full_window`, explicit per metric source. AWS metrics (Datadog's crawler or a metric
 * stream) arrive late and in whole periods, and counts are sparse: for such metrics Datadog's
 * guidance is "Do not require a full window of data for evaluation"
 * (docs.datadoghq.com/monitors/guide/monitoring-sparse-metrics, "Metric-based monitor"; the
 * option is "require_full_window" in docs.datadoghq.com/api/latest/monitors). Other metrics keep
 * Datadog's default for threshold aggregations, a full window.
 */
export function requireFullWindow(source: DatadogSourceQuery): boolean {
  return !(source.aws || source.count);
}
