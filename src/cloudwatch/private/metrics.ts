import { CloudwatchMetricAlarmConfig, CloudwatchMetricAlarmMetricQuery } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { IConstruct } from 'constructs';
import { fail } from '../../core/private/validate';
import { matchSignal } from '../../signals/private/match';
import { CloudWatchMetricProps, Signal, Statistic } from '../../signals/signal';

/** Period and evaluation periods that PutMetricAlarm accepts. */
export function validateAlarmWindow(scope: IConstruct, period: number, evaluationPeriods: number): void {
  // PutMetricAlarm Period: 10, 20, 30 or a multiple of 60 seconds (AWS CloudWatch API reference).
  if (![10, 20, 30].includes(period) && period % 60 !== 0) {
    fail(scope, 'period', period, 'for CloudWatch 10, 20, 30 or a multiple of 60 seconds');
  }
  // PutMetricAlarm: Period × EvaluationPeriods at most 7 days (604,800 s), and at most one day
  // (86,400 s) when the period is shorter than an hour.
  const range = period * evaluationPeriods;
  const max = period < 3600 ? 86_400 : 604_800;
  if (range > max) {
    fail(scope, 'evaluationPeriods', evaluationPeriods,
      `for CloudWatch at most ${Math.floor(max / period)} with a period of ${period} seconds (period × evaluationPeriods ≤ ${max} seconds${max === 86_400 ? ' for periods under an hour' : ''}); that is ${range}`);
  }
}

/** Dimensions sorted by name, or undefined when there are none. */
export function sortedDimensions(p: CloudWatchMetricProps): Record<string, string> | undefined {
  const d = p.dimensions ?? {};
  const keys = Object.keys(d).sort();
  if (keys.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = d[k];
  return out;
}

/** The `metric` block of a metric-data query. */
export function queryMetric(p: CloudWatchMetricProps, period: number, defaultStatistic: Statistic = Statistic.AVERAGE) {
  return { namespace: p.namespace, metricName: p.metricName, dimensions: sortedDimensions(p), period, stat: (p.statistic ?? defaultStatistic).name };
}

/**
 * The metric-data queries of a signal, the last returning the data, and its id; or a synth
 * error for signals CloudWatch cannot evaluate.
 * @param ids ids of a lone metric and of the expression
 */
export function metricQueries(
  scope: IConstruct, prop: string, s: Signal, period: number, ids: { metric: string; expression: string },
): { queries: CloudwatchMetricAlarmMetricQuery[]; id: string } {
  const cannot = (): never => fail(scope, prop, s.toString(),
    `a signal the CloudWatch backend can evaluate (a CloudWatch metric or metric-math expression); CloudWatch cannot evaluate a ${s.kind}`);
  return matchSignal<{ queries: CloudwatchMetricAlarmMetricQuery[]; id: string }>(s, {
    cloudWatchMetric: (p) => ({ queries: [{ id: ids.metric, returnData: true, metric: queryMetric(p, period) }], id: ids.metric }),
    cloudWatchExpression: (e) => {
      const queries: CloudwatchMetricAlarmMetricQuery[] = Object.keys(e.usingMetrics).sort()
        .map((id) => ({ id, returnData: false, metric: queryMetric(e.usingMetrics[id].cloudWatchMetricProps!, period) }));
      queries.push({ id: ids.expression, expression: e.expression, label: e.label ?? e.expression, returnData: true });
      return { queries, id: ids.expression };
    },
    datadogQuery: cannot,
    promQl: cannot,
    nrql: cannot,
  });
}

/** The metric arguments of a metric alarm: one metric by name, or metric-data queries for an expression. */
export function alarmMetric(scope: IConstruct, prop: string, s: Signal, period: number): Partial<CloudwatchMetricAlarmConfig> {
  const p = s.cloudWatchMetricProps;
  if (p) {
    const stat = p.statistic ?? Statistic.AVERAGE;
    return {
      namespace: p.namespace,
      metricName: p.metricName,
      dimensions: sortedDimensions(p),
      period,
      ...(stat.isPercentile ? { extendedStatistic: stat.name } : { statistic: stat.name }),
    };
  }
  return { metricQuery: metricQueries(scope, prop, s, period, { metric: 'm1', expression: 'expression' }).queries };
}

/** Whether CloudWatch can evaluate or draw `s`: CloudWatch metrics and metric-math expressions. */
export function cloudWatchCanEvaluate(s: Signal): boolean {
  return matchSignal<boolean>(s, {
    cloudWatchMetric: () => true,
    cloudWatchExpression: () => true,
    datadogQuery: () => false,
    promQl: () => false,
    nrql: () => false,
  });
}
