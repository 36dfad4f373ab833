/**
 * How a CloudWatch metric arrives in Datadog through Datadog's AWS integration.
 *
 * Datadog's rule, as its integration pages list the metrics
 * (https://docs.datadoghq.com/integrations/amazon_lambda/#metrics,
 * https://docs.datadoghq.com/integrations/amazon_elb/#metrics,
 * https://docs.datadoghq.com/integrations/amazon_dynamodb/#metrics):
 *
 * - the name is `aws.<namespace after "AWS/", lower-cased>.<metric name in snake_case>`, where
 *   snake_case inserts `_` only between a lower-case letter and a following upper-case letter or
 *   digit, and lower-cases the rest: `CPUUtilization` → `cpuutilization`, `ReadIOPS` →
 *   `read_iops`, `ClientTLSNegotiationErrorCount` → `client_tlsnegotiation_error_count`,
 *   `IPv6RequestCount` → `ipv_6request_count`;
 * - a gauge's Average is the bare name; Maximum, Minimum, Sum, SampleCount and percentiles are
 *   separate metrics with the suffix `.maximum`, `.minimum`, `.sum`, `.samplecount`, `.p99` …
 *   (`aws.lambda.duration.maximum`, `aws.lambda.duration.p99`,
 *   `aws.dynamodb.returned_item_count.samplecount`);
 * - a count (Lambda `Invocations`, `Errors`…) is collected once, as its Sum, under the bare name
 *   (`aws.lambda.errors` is typed count).
 *
 * Where the rule does not hold, the table below names the documented metric; anything else
 * can be set per signal with `datadogMetric`.
 */
import { datadogTagText } from './tag-value';
import { isDatadogCountMetric } from '../../aws/private/metric-facts';
import { Aggregation, CloudWatchMetricProps, Statistic } from '../../signals/signal';

/**
 * Documented names that the rule does not produce
 * (https://docs.datadoghq.com/integrations/amazon_elb/#metrics): the ALB status-code counts drop
 * `_Count` and split the three-digit codes, the authentication metrics split `ELB`, the NLB reset counts join `TCP` to the next word.
 */
const NAME_OVERRIDES: Record<string, string> = {
  'AWS/ApplicationELB:HTTPCode_Target_2XX_Count': 'aws.applicationelb.httpcode_target_2xx',
  'AWS/ApplicationELB:HTTPCode_Target_3XX_Count': 'aws.applicationelb.httpcode_target_3xx',
  'AWS/ApplicationELB:HTTPCode_Target_4XX_Count': 'aws.applicationelb.httpcode_target_4xx',
  'AWS/ApplicationELB:HTTPCode_Target_5XX_Count': 'aws.applicationelb.httpcode_target_5xx',
  'AWS/ApplicationELB:HTTPCode_ELB_3XX_Count': 'aws.applicationelb.httpcode_elb_3xx',
  'AWS/ApplicationELB:HTTPCode_ELB_4XX_Count': 'aws.applicationelb.httpcode_elb_4xx',
  'AWS/ApplicationELB:HTTPCode_ELB_5XX_Count': 'aws.applicationelb.httpcode_elb_5xx',
  'AWS/ApplicationELB:HTTPCode_ELB_500_Count': 'aws.applicationelb.httpcode_elb_5_0_0',
  'AWS/ApplicationELB:HTTPCode_ELB_502_Count': 'aws.applicationelb.httpcode_elb_5_0_2',
  'AWS/ApplicationELB:HTTPCode_ELB_503_Count': 'aws.applicationelb.httpcode_elb_5_0_3',
  'AWS/ApplicationELB:HTTPCode_ELB_504_Count': 'aws.applicationelb.httpcode_elb_5_0_4',
  'AWS/ApplicationELB:ELBAuthError': 'aws.applicationelb.elb_auth_error',
  'AWS/ApplicationELB:ELBAuthFailure': 'aws.applicationelb.elb_auth_failure',
  'AWS/ApplicationELB:ELBAuthLatency': 'aws.applicationelb.elb_auth_latency',
  'AWS/ApplicationELB:ELBAuthSuccess': 'aws.applicationelb.elb_auth_success',
  'AWS/NetworkELB:TCP_Client_Reset_Count': 'aws.networkelb.tcpclient_reset_count',
  'AWS/NetworkELB:TCP_ELB_Reset_Count': 'aws.networkelb.tcpelbreset_count',
  'AWS/NetworkELB:TCP_Target_Reset_Count': 'aws.networkelb.tcptarget_reset_count',
};

/**
 * Gauges whose Average is itself suffixed `.average` (https://docs.datadoghq.com/integrations/amazon_elb/#metrics:
 * `aws.applicationelb.target_response_time.average`).
 */
const AVERAGE_SUFFIXED = new Set(['AWS/ApplicationELB:TargetResponseTime']);

/** The Datadog form of a CloudWatch metric and statistic. */
export interface DatadogAwsMetric {
  /** The Datadog metric name. */
  readonly metric: string;
  /** Aggregator across series (space) and over the window (time). */
  readonly aggregation: Aggregation;
  /** Whether the query needs `.as_count()` (a count metric). */
  readonly asCount: boolean;
}

/** `CPUUtilization` → `cpuutilization`, `ApproximateAgeOfOldestMessage` → `approximate_age_of_oldest_message`. */
export function datadogSnakeCase(name: string): string {
  return name.replace(/[.\s-]+/g, '_').replace(/([a-z])([A-Z0-9])/g, '$1_$2').toLowerCase();
}

/** The Datadog tag key of a CloudWatch dimension (Datadog lower-cases tags: `FunctionName` → `functionname`). */
export function datadogDimensionTag(dimension: string): string {
  return datadogTagText(dimension) ?? '_';
}

/**
 * The Datadog metric for a CloudWatch metric and statistic, or a string saying why there is none.
 * @param override the signal's explicit `datadogMetric`, if any
 */
export function datadogAwsMetric(namespace: string, metricName: string, statistic: Statistic, override?: string): DatadogAwsMetric | string {
  const key = `${namespace}:${metricName}`;
  const count = isDatadogCountMetric(namespace, metricName);
  if (override) {
    return { metric: override, aggregation: statistic.aggregation, asCount: count };
  }
  if (!namespace.startsWith('AWS/')) {
    return `Datadog's AWS integration names only AWS/ namespaces by rule; set 'datadogMetric' on the signal for the custom namespace ${namespace}`;
  }
  const base = NAME_OVERRIDES[key] ?? `aws.${namespace.slice(4).toLowerCase()}.${datadogSnakeCase(metricName)}`;
  if (count) {
    if (statistic.name !== 'Sum') {
      return `Datadog collects ${namespace} ${metricName} only as a count (its Sum, ${base}); use Statistic.SUM`;
    }
    return { metric: base, aggregation: Aggregation.SUM, asCount: true };
  }
  switch (statistic.name) {
    case 'Average':
      return { metric: AVERAGE_SUFFIXED.has(key) ? `${base}.average` : base, aggregation: Aggregation.AVG, asCount: false };
    case 'Maximum':
      return { metric: `${base}.maximum`, aggregation: Aggregation.MAX, asCount: false };
    case 'Minimum':
      return { metric: `${base}.minimum`, aggregation: Aggregation.MIN, asCount: false };
    case 'Sum':
      return { metric: `${base}.sum`, aggregation: Aggregation.SUM, asCount: false };
    case 'SampleCount':
      return { metric: `${base}.samplecount`, aggregation: Aggregation.SUM, asCount: false };
    default:
      // Percentiles: `.p50`, `.p99`, `.p99.9`; which ones exist depends on the metric.
      return { metric: `${base}.${statistic.name}`, aggregation: Aggregation.AVG, asCount: false };
  }
}

/**
 * The Datadog query (no time aggregation) of a CloudWatch metric as Datadog's AWS integration
 * collects it: `<agg>:<metric>{<dimension tags>}[ by {<tag>}][.as_count()]`, or a string saying
 * why there is none. Monitors and dashboards both build their queries here.
 * @param groupBy a dimension to group by instead of filtering on it
 */
export function datadogAwsMetricQuery(p: CloudWatchMetricProps, groupBy?: string): { query: string; aggregation: Aggregation } | string {
  const mapped = datadogAwsMetric(p.namespace, p.metricName, p.statistic ?? Statistic.AVERAGE, p.datadogMetric);
  if (typeof mapped === 'string') return mapped;
  const dims = p.dimensions ?? {};
  const keys = Object.keys(dims).sort().filter((k) => k !== groupBy);
  const empty = keys.find((k) => datadogTagText(String(dims[k])) === undefined);
  if (empty !== undefined) return `the dimension ${empty} has the value ${JSON.stringify(dims[empty])}, which Datadog's tag rules reduce to nothing (no letter or digit in it)`;
  const filter = keys.map((k) => `${datadogDimensionTag(k)}:${datadogTagText(String(dims[k]))}`).join(',') || '*';
  const by = groupBy === undefined ? '' : ` by {${datadogDimensionTag(groupBy)}}`;
  return { query: `${mapped.aggregation}:${mapped.metric}{${filter}}${by}${mapped.asCount ? '.as_count()' : ''}`, aggregation: mapped.aggregation };
}
