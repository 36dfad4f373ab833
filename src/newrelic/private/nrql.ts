import { IConstruct } from 'constructs';
import { fail, isToken } from '../../core/private/validate';
import { CloudWatchMetricProps, Signal, SignalKind, Statistic } from '../../signals/signal';

/**
 * Translation of the library's signals into NRQL for the New Relic backend.
 *
 * CloudWatch metrics reach New Relic through the CloudWatch Metric Streams integration. Sources
 * (New Relic documentation, docs.newrelic.com):
 * - "AWS integrations metrics" (/docs/infrastructure/amazon-integrations/get-started/aws-integrations-metrics,
 *   "Dimensional metric naming convention"): a metric is named after its namespace in lower
 *   case with `/` replaced by `.`, then the AWS metric name in its original case
 *   (`AWS/ApplicationELB` → `aws.applicationelb`, `aws.sqs.ApproximateAgeOfOldestMessage`);
 *   dimensions are attributes with the same namespace prefix (`aws.s3.BucketName`). Some
 *   metrics keep a historical `.by<Dimension>` suffix: `aws.lambda.Duration` with the dimension
 *   `aws.lambda.FunctionName` is `aws.lambda.Duration.byFunction` (the doc's table lists them).
 * - "Set up the Amazon CloudWatch Metric Streams integration"
 *   (/docs/infrastructure/amazon-integrations/connect/aws-metric-stream-setup): the metrics are
 *   dimensional metrics of type `summary`; alert queries should keep to streamed data with
 *   `collector.name = 'cloudwatch-metric-streams'`; percentiles are streamed only when the
 *   stream's `StatisticConfiguration` adds them, and are queried as `max(aws.elb.Latency.p99)`.
 * - "Metric data structure" (/docs/data-apis/understand-data/metric-data/metric-data-type): a
 *   `summary` has count, sum, min and max; its query functions are `min`, `max`, `sum`,
 *   `count` and `average`.
 */

/** The attribute every metric from a CloudWatch metric stream carries (aws-metric-stream-setup, "Queries, metric storage, and mapping"). */
export const METRIC_STREAM_FILTER = "collector.name = 'cloudwatch-metric-streams'";

/**
 * Metrics New Relic names with a `.by<Dimension>` suffix when they carry exactly the given
 * dimensions (aws-integrations-metrics, "Metrics with the by + dimension suffix" and the table
 * of AWS Lambda and ALB metrics). Only the services `Signal.awsMetric()` knows are listed.
 */
const SUFFIXED: { namespace: string; dimensions: string[]; suffix: string; metrics: string[] }[] = [
  {
    namespace: 'AWS/Lambda',
    dimensions: ['FunctionName'],
    suffix: 'byFunction',
    metrics: ['ConcurrentExecutions', 'DeadLetterErrors', 'Duration', 'Errors', 'Invocations', 'IteratorAge',
      'ProvisionedConcurrencyInvocations', 'ProvisionedConcurrencySpilloverInvocations', 'ProvisionedConcurrentExecutions', 'Throttles'],
  },
  {
    namespace: 'AWS/Lambda',
    dimensions: ['FunctionName', 'Resource'],
    suffix: 'byFunctionAlias',
    metrics: ['DeadLetterErrors', 'Duration', 'Errors', 'Invocations', 'IteratorAge', 'ProvisionedConcurrencyInvocations',
      'ProvisionedConcurrencySpilloverInvocations', 'ProvisionedConcurrencyUtilization', 'ProvisionedConcurrentExecutions', 'Throttles'],
  },
  { namespace: 'AWS/ApplicationELB', dimensions: ['LoadBalancer'], suffix: 'byAlb', metrics: ['RequestCount'] },
  { namespace: 'AWS/ApplicationELB', dimensions: ['LoadBalancer', 'TargetGroup'], suffix: 'byTargetGroup', metrics: ['RequestCount'] },
];

/** `AWS/ApplicationELB` → `aws.applicationelb` (naming convention above). */
export function metricPrefix(namespace: string): string {
  return namespace.toLowerCase().replace(/\//g, '.');
}

/** A backtick-quoted NRQL identifier (NRQL syntax: names with special characters are quoted with backticks). */
export function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '')}\``;
}

/** A single-quoted NRQL string literal, `'` and `\` escaped with a backslash (NRQL syntax, string values). */
export function quoteValue(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The New Relic metric name of a CloudWatch metric (without statistic suffix). */
export function newRelicMetricName(p: CloudWatchMetricProps): string {
  const dims = Object.keys(p.dimensions ?? {}).sort();
  const base = `${metricPrefix(p.namespace)}.${p.metricName}`;
  const rule = SUFFIXED.find((r) => r.namespace === p.namespace && r.metrics.includes(p.metricName)
    && r.dimensions.length === dims.length && r.dimensions.every((d) => dims.includes(d)));
  return rule ? `${base}.${rule.suffix}` : base;
}

/** The attribute of a CloudWatch dimension: `QueueName` of `AWS/SQS` → `aws.sqs.QueueName`. */
export function dimensionAttribute(namespace: string, dimension: string): string {
  return `${metricPrefix(namespace)}.${dimension}`;
}

/**
 * The NRQL aggregate of a CloudWatch statistic over a summary metric: Average → `average`,
 * Sum → `sum`, Minimum → `min`, Maximum → `max`, SampleCount → `count` (the summary's count
 * field), and a percentile pN → `max` over the streamed `<metric>.pN` metric.
 */
export function aggregateOf(p: CloudWatchMetricProps): string {
  const stat = p.statistic ?? Statistic.AVERAGE;
  const name = newRelicMetricName(p);
  if (stat.isPercentile) return `max(${quoteName(`${name}.${stat.name}`)})`;
  const fn: Record<string, string> = { Average: 'average', Sum: 'sum', Minimum: 'min', Maximum: 'max', SampleCount: 'count' };
  return `${fn[stat.name]}(${quoteName(name)})`;
}

/** The WHERE conditions of a CloudWatch metric: the stream's collector, then each dimension. */
export function whereOf(p: CloudWatchMetricProps): string {
  const parts = [METRIC_STREAM_FILTER];
  for (const d of Object.keys(p.dimensions ?? {}).sort()) {
    parts.push(`${quoteName(dimensionAttribute(p.namespace, d))} = ${quoteValue(p.dimensions![d])}`);
  }
  return parts.join(' AND ');
}

/** What a signal is in NRQL, and whether it came from CloudWatch. */
export interface NrqlSource {
  /** A `SELECT … FROM … [WHERE …] [FACET …]` query without time clauses. */
  readonly query: string;
  /** Translated from a CloudWatch metric (streamed through Metric Streams). */
  readonly fromCloudWatch: boolean;
  /** The CloudWatch percentile the query reads (the stream must include it). */
  readonly percentile?: string;
}

/**
 * The NRQL query of a signal, or a validation error naming `prop` for the signals New Relic
 * cannot evaluate: CloudWatch metric-math expressions (no NRQL equivalent is generated for
 * their functions), Datadog queries, and PromQL (New Relic takes Prometheus data by remote
 * write and queries it with NRQL; it does not evaluate PromQL in alert conditions or in
 * `newrelic_one_dashboard` NRQL widgets).
 */
export function nrqlOf(scope: IConstruct, prop: string, s: Signal): NrqlSource {
  switch (s.kind) {
    case SignalKind.NRQL: {
      const q = s.nrqlProps!.query;
      return { query: isToken(q) ? q : q.trim(), fromCloudWatch: false };
    }
    case SignalKind.CLOUDWATCH_METRIC: {
      const p = s.cloudWatchMetricProps!;
      const stat = p.statistic ?? Statistic.AVERAGE;
      return {
        query: `SELECT ${aggregateOf(p)} FROM Metric WHERE ${whereOf(p)}`,
        fromCloudWatch: true,
        percentile: stat.isPercentile ? stat.name : undefined,
      };
    }
    default:
      return fail(scope, prop, s.toString(),
        `a signal the New Relic backend can evaluate (Signal.nrql, or a CloudWatch metric streamed to New Relic through Metric Streams); New Relic cannot evaluate a ${s.kind} signal`);
  }
}

/** Whether an NRQL query already has a FACET clause. */
export function hasFacet(query: string): boolean {
  return /\bFACET\b/i.test(query);
}
