import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';
import { datadogAwsMetricQuery } from './aws-metric-names';
import { fail } from '../../core/private/validate';
import { matchSignal } from '../../signals/private/match';
import { Signal } from '../../signals/signal';

/**
 * The Datadog metric query (no time aggregation) that draws a signal.
 * @param groupBy a tag (Datadog query) or CloudWatch dimension (CloudWatch metric) to group by
 */
export function datadogQuery(scope: IConstruct, prop: string, s: Signal, groupBy?: string): string {
  const cannot = (): never => fail(scope, prop, s.toString(),
    `a signal the Datadog dashboard can draw (a Datadog query, a CloudWatch metric collected by Datadog's AWS integration, or arithmetic over such metrics); Datadog cannot query a ${s.kind}`);
  return matchSignal<string>(s, {
    datadogQuery: ({ query: q }) => {
      if (groupBy === undefined || / by \{/.test(q)) return q;
      // `avg:m{a:b}.as_count()` → `avg:m{a:b} by {g}.as_count()`
      const close = q.lastIndexOf('}');
      return close < 0 ? `${q} by {${groupBy}}` : `${q.slice(0, close + 1)} by {${groupBy}}${q.slice(close + 1)}`;
    },
    cloudWatchMetric: (p) => {
      const q = datadogAwsMetricQuery(p, groupBy);
      if (typeof q === 'string') fail(scope, prop, s.toString(), `a signal the Datadog dashboard can draw: ${q}`);
      if (q.warning) Annotations.of(scope).addWarning(`${scope.node.path}: ${prop}: ${q.warning}`);
      return q.query;
    },
    cloudWatchExpression: cannot,
    promQl: cannot,
    nrql: cannot,
  });
}
