import { IConstruct } from 'constructs';
import { fail } from '../../core/private/validate';
import { sortedDimensions } from '../../dashboards/private/queries';
import { matchSignal } from '../../signals/private/match';
import { CloudWatchMetricProps, Signal, SignalKind, Statistic } from '../../signals/signal';

/** One entry of a CloudWatch metric widget's `metrics` array. */
export type CloudWatchMetricRow = (string | Record<string, unknown>)[];

/**
 * The `metrics` rows that draw a signal on a CloudWatch metric widget
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html,
 * "Metric Widget: Format for Each Metric in the Array").
 * @param idPrefix prefix of metric ids, unique per signal of the widget
 */
export function cloudWatchMetricRows(scope: IConstruct, prop: string, s: Signal, period: number, idPrefix: string): CloudWatchMetricRow[] {
  const cannot = (): never => fail(scope, prop, s.toString(),
    `a signal the CloudWatch dashboard can draw (a CloudWatch metric or metric-math expression); CloudWatch cannot query a ${s.kind}`);
  return matchSignal<CloudWatchMetricRow[]>(s, {
    cloudWatchMetric: (p) => [metricRow(p, { period, stat: (p.statistic ?? Statistic.AVERAGE).name })],
    cloudWatchExpression: (e) => {
      const ids = Object.keys(e.usingMetrics).sort();
      // Metric-math ids must start with a lower-case letter; the prefix keeps two expressions of one widget apart.
      const rename = (text: string) => ids.reduce((t, id) => t.replace(new RegExp(`\\b${id}\\b`, 'g'), `${idPrefix}${id}`), text);
      const rows: CloudWatchMetricRow[] = [[{ expression: rename(e.expression), label: e.label ?? e.expression, id: `${idPrefix}expr` }]];
      for (const id of ids) {
        const p = e.usingMetrics[id].cloudWatchMetricProps!;
        rows.push(metricRow(p, { id: `${idPrefix}${id}`, period, stat: (p.statistic ?? Statistic.AVERAGE).name, visible: false }));
      }
      return rows;
    },
    datadogQuery: cannot,
    promQl: cannot,
    nrql: cannot,
  });
}

function metricRow(p: CloudWatchMetricProps, options: Record<string, unknown>): CloudWatchMetricRow {
  const row: CloudWatchMetricRow = [p.namespace, p.metricName];
  for (const [k, v] of sortedDimensions(p)) row.push(k, v);
  row.push(options);
  return row;
}

/** Metrics Insights function of a statistic (AVG, SUM, MIN, MAX, COUNT), or undefined for percentiles. */
export function insightsFunction(stat: Statistic): string | undefined {
  return ({ Average: 'AVG', Sum: 'SUM', Minimum: 'MIN', Maximum: 'MAX', SampleCount: 'COUNT' } as Record<string, string>)[stat.name];
}

/**
 * A Metrics Insights query ranking the groups of a CloudWatch metric
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html:
 * `SELECT FUNCTION(metric) FROM SCHEMA(namespace, dimension keys) WHERE … GROUP BY … ORDER BY FUNCTION() DESC LIMIT n`).
 */
export function topListInsightsQuery(scope: IConstruct, prop: string, s: Signal, groupBy: string | undefined, limit: number): string {
  if (s.kind !== SignalKind.CLOUDWATCH_METRIC) {
    return fail(scope, prop, s.toString(), `for a top list on CloudWatch a CloudWatch metric (ranked with a Metrics Insights query); received a ${s.kind}`);
  }
  const p = s.cloudWatchMetricProps!;
  const dims = sortedDimensions(p);
  const by = groupBy ?? (dims.length === 1 ? dims[0][0] : undefined);
  if (by === undefined) fail(scope, `${prop.replace(/\.signal$/, '')}.groupBy`, groupBy, `the dimension to rank by (one of ${dims.map(([k]) => k).join(', ') || 'the metric\'s dimensions'})`);
  const fn = insightsFunction(p.statistic ?? Statistic.AVERAGE);
  if (!fn) fail(scope, prop, (p.statistic ?? Statistic.AVERAGE).name, 'for a top list on CloudWatch a statistic Metrics Insights has (Average, Sum, Minimum, Maximum, SampleCount)');
  const keys = [...new Set([...dims.map(([k]) => k), by])].sort();
  const q = (x: string) => `"${x.replace(/"/g, '\\"')}"`;
  const where = dims.filter(([k]) => k !== by).map(([k, v]) => `${q(k)} = '${String(v).replace(/'/g, "\\'")}'`);
  return `SELECT ${fn}(${q(p.metricName)}) FROM SCHEMA(${[q(p.namespace), ...keys.map(q)].join(', ')})`
    + (where.length ? ` WHERE ${where.join(' AND ')}` : '')
    + ` GROUP BY ${q(by)} ORDER BY ${fn}() DESC LIMIT ${limit}`;
}
