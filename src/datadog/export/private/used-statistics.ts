import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import type { ResolvedFilter, ResolvedStatistics } from './validate-props';
import { fail } from '../../../core/private/validate';
import { Dashboard } from '../../../dashboards/dashboard';
import { AnomalyMonitor } from '../../../monitors/anomaly-monitor';
import { MonitorConfig } from '../../../monitors/monitor-config';
import { Slo } from '../../../monitors/slo';
import { matchSignal } from '../../../signals/private/match';
import { Signal } from '../../../signals/signal';

/**
 * A metric stream carries, per metric, only "minimum, maximum, sample count, and sum"; any other
 * statistic (the percentiles `p99` …) must be asked for in its statistics configuration, up to
 * 100 configurations of up to 20 statistics each (AWS::CloudWatch::MetricStream and
 * aws_cloudwatch_metric_stream `statistics_configuration`, "CloudWatch metric streams" in the
 * CloudWatch User Guide). Datadog queries a streamed percentile as `aws.<namespace>.<metric>.p99`.
 */
const MAX_CONFIGURATIONS = 100;
const MAX_STATISTICS = 20;

const rendersOnDatadog = (renderings: { backend: { kind: string } }[]): boolean => renderings.some((r) => r.backend.kind === 'datadog');

/** Every CloudWatch percentile that the stack's Datadog monitors, anomaly monitors, SLOs and dashboards query, by namespace and metric. */
export function percentilesUsedOnDatadog(scope: IConstruct): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const add = (s: Signal) => matchSignal(s, {
    cloudWatchMetric: (p) => {
      // a signal with its own Datadog metric is not the streamed one
      if (!p.statistic?.isPercentile || p.datadogMetric || !p.namespace.startsWith('AWS/')) return;
      const key = `${p.namespace}\u0000${p.metricName}`;
      if (!used.has(key)) used.set(key, new Set());
      used.get(key)!.add(p.statistic.name);
    },
    cloudWatchExpression: () => undefined,
    datadogQuery: () => undefined,
    promQl: () => undefined,
    nrql: () => undefined,
  });
  for (const c of TerraformStack.of(scope).node.findAll()) {
    if (c instanceof MonitorConfig && rendersOnDatadog(c.renderings)) {
      add(c.signal);
    } else if (c instanceof AnomalyMonitor && rendersOnDatadog(c.alertRenderings)) {
      add(c.signal);
    } else if (c instanceof Slo && rendersOnDatadog(c.alertRenderings) && c.indicator.ratioProps) {
      add(c.indicator.ratioProps.good);
      add(c.indicator.ratioProps.total);
    } else if (c instanceof Dashboard && rendersOnDatadog(c.renderings)) {
      for (const id of c.widgetIds) for (const s of c.widget(id).signals) add(s);
    }
  }
  return used;
}

/** Whether the stream's filters let the metric through. */
export function isStreamed(namespace: string, metricName: string, include: ResolvedFilter[], exclude: ResolvedFilter[]): boolean {
  const inc = include.find((f) => f.namespace === namespace);
  const exc = exclude.find((f) => f.namespace === namespace);
  return include.length > 0 ? !!inc && (!inc.metricNames || inc.metricNames.includes(metricName))
    : !(exc && (!exc.metricNames || exc.metricNames.includes(metricName)));
}

/**
 * The statistics configuration of the stream: the explicit `additionalStatistics`, plus every
 * percentile of a streamed metric that the stack's Datadog monitors and dashboards use.
 */
export function streamStatistics(
  scope: IConstruct, explicit: ResolvedStatistics[], include: ResolvedFilter[], exclude: ResolvedFilter[],
): ResolvedStatistics[] {
  const byMetric = new Map<string, Set<string>>();
  for (const s of explicit) {
    for (const m of s.includeMetric) {
      const key = `${m.namespace}\u0000${m.metricName}`;
      byMetric.set(key, new Set([...(byMetric.get(key) ?? []), ...s.additionalStatistics]));
    }
  }
  for (const [key, stats] of percentilesUsedOnDatadog(scope)) {
    const [namespace, metricName] = key.split('\u0000');
    if (!isStreamed(namespace, metricName, include, exclude)) continue;
    byMetric.set(key, new Set([...(byMetric.get(key) ?? []), ...stats]));
  }
  const out = [...byMetric.keys()].sort().map((key) => {
    const [namespace, metricName] = key.split('\u0000');
    const additionalStatistics = [...byMetric.get(key)!].sort();
    if (additionalStatistics.length > MAX_STATISTICS) {
      fail(scope, 'additionalStatistics', `${namespace} ${metricName}: ${additionalStatistics.join(', ')}`,
        `at most ${MAX_STATISTICS} statistics per metric (AWS metric stream limit), given and used by the stack's Datadog monitors and dashboards together`);
    }
    return { additionalStatistics, includeMetric: [{ namespace, metricName }] };
  });
  if (out.length > MAX_CONFIGURATIONS) {
    fail(scope, 'additionalStatistics', `${out.length} metrics`, `at most ${MAX_CONFIGURATIONS} metrics with extra statistics (AWS metric stream limit), given and used together`);
  }
  return out;
}
