import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';
import { datadogAwsMetricQuery } from './aws-metric-names';
import { fail } from '../../core/private/validate';
import { Severities, Severity } from '../../core/severity';
import { matchSignal } from '../../signals/private/match';
import { Aggregation, Signal } from '../../signals/signal';

/** Datadog `last_<n><unit>` timeframe of a number of seconds (a whole number of minutes). */
export function datadogTimeframe(seconds: number): string {
  if (seconds % 86_400 === 0) return `last_${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `last_${seconds / 3600}h`;
  return `last_${seconds / 60}m`;
}

/**
 * A Datadog metric query (without time aggregation) for a signal: a Datadog query as it is, or a
 * CloudWatch metric under the name Datadog's AWS integration gives it. Returns whether the metric
 * comes from AWS (and so arrives late).
 */
export function datadogMetricQuery(scope: IConstruct, prop: string, s: Signal): { query: string; aggregation: Aggregation; aws: boolean } {
  const cannot = (): never => fail(scope, prop, s.toString(),
    `a signal the Datadog backend can evaluate (a Datadog query, or a CloudWatch metric collected by Datadog's AWS integration); Datadog cannot evaluate a ${s.kind}`);
  return matchSignal<{ query: string; aggregation: Aggregation; aws: boolean }>(s, {
    datadogQuery: (q) => ({ query: q.query, aggregation: q.timeAggregation ?? Aggregation.AVG, aws: false }),
    cloudWatchMetric: (p) => {
      const q = datadogAwsMetricQuery(p);
      if (typeof q === 'string') fail(scope, prop, s.toString(), `a signal the Datadog backend can evaluate: ${q}`);
      if (q.warning) Annotations.of(scope).addWarning(`${scope.node.path}: ${prop}: ${q.warning}`);
      return { query: q.query, aggregation: q.aggregation, aws: true };
    },
    cloudWatchExpression: cannot,
    promQl: cannot,
    nrql: cannot,
  });
}

// Datadog tag rules (docs.datadoghq.com/getting_started/tagging/#define-tags): a letter first, then
// letters, digits, _ - : . /, at most 200 characters, lower-cased by Datadog.
const DATADOG_TAG = /^[A-Za-z][A-Za-z0-9_\-:./]*$/;
const DATADOG_TAG_MAX = 200;

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
