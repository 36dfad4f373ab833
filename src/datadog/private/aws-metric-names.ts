/**
 * How a CloudWatch metric arrives in Datadog through Datadog's AWS integration, looked up in
 * Datadog's own published metric lists (`DATADOG_AWS_METRICS`, generated from the integrations'
 * metric tables by scripts/datadog-aws-metrics.ts; sources in
 * datadog-aws-metric-table.provenance.json).
 *
 * The name Datadog gives a metric is `aws.<namespace after "AWS/", lower-cased>.<metric name in
 * snake_case>` (snake_case inserts `_` only between a lower-case letter and a following upper-case
 * letter or digit: `CPUUtilization` → `cpuutilization`), except for the names in
 * `NAME_OVERRIDES`; a statistic other than the gauge's Average is its own metric with a suffix
 * (`.maximum`, `.minimum`, `.sum`, `.samplecount`, `.p99` …), and a metric Datadog types `count`
 * is collected once, as its Sum, under the bare name. Each candidate is checked against the
 * table: a name Datadog does not list is never emitted silently. When Datadog lists the gauge but
 * not the statistic's variant (`aws.rds.free_storage_space` has no `.minimum`), the query takes the
 * listed gauge with the statistic's aggregator and says so; when it lists neither, the rule's name
 * is kept with a warning, and `datadogMetric` on the signal names the metric explicitly.
 */
import { Fn } from 'cdktf';
import { DATADOG_AWS_METRICS } from './datadog-aws-metric-table';
import { datadogTagText } from './tag-value';
import { isToken } from '../../core/private/validate';
import { matchSignal } from '../../signals/private/match';
import { Aggregation, CloudWatchMetricProps, Signal, Statistic } from '../../signals/signal';

/**
 * Documented names that the rule does not produce
 * (https://docs.datadoghq.com/integrations/amazon_elb/#metrics): the ALB status-code counts drop
 * `_Count` and split the three-digit codes, the authentication metrics split `ELB`, the NLB reset counts join `TCP` to the next word;
 * Firehose's S3 metrics split `S3` as `s_3` and join it to the next word
 * (https://docs.datadoghq.com/integrations/amazon_firehose/#metrics); OpenSearch's cluster
 * status joins its colour to the name, `ClusterStatus.red` → `cluster_statusred`
 * (https://docs.datadoghq.com/integrations/amazon_es/#metrics).
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
  'AWS/Firehose:DeliveryToS3.DataFreshness': 'aws.firehose.delivery_to_s_3data_freshness',
  'AWS/Firehose:DeliveryToS3.Success': 'aws.firehose.delivery_to_s_3success',
  'AWS/Firehose:DeliveryToS3.Records': 'aws.firehose.delivery_to_s_3records',
  'AWS/Firehose:DeliveryToS3.Bytes': 'aws.firehose.delivery_to_s_3bytes',
  'AWS/Firehose:BackupToS3.DataFreshness': 'aws.firehose.backup_to_s_3data_freshness',
  'AWS/Firehose:BackupToS3.Success': 'aws.firehose.backup_to_s_3success',
  'AWS/Firehose:BackupToS3.Records': 'aws.firehose.backup_to_s_3records',
  'AWS/Firehose:BackupToS3.Bytes': 'aws.firehose.backup_to_s_3bytes',
  'AWS/ES:ClusterStatus.green': 'aws.es.cluster_statusgreen',
  'AWS/ES:ClusterStatus.yellow': 'aws.es.cluster_statusyellow',
  'AWS/ES:ClusterStatus.red': 'aws.es.cluster_statusred',
};

/** The Datadog form of a CloudWatch metric and statistic. */
export interface DatadogAwsMetric {
  /** The Datadog metric name. */
  readonly metric: string;
  /** Aggregator across series (space) and over the window (time). */
  readonly aggregation: Aggregation;
  /** Whether the query needs `.as_count()` (a count metric). */
  readonly asCount: boolean;
  /** Whether Datadog's published list names the metric (or the signal named it explicitly). */
  readonly confirmed: boolean;
  /** What the caller should warn about: a substituted or unconfirmed name. */
  readonly warning?: string;
}

/** Datadog's type of an `aws.*` metric (`gauge`, `count`, `rate`), or undefined when Datadog does not list it. */
export function datadogAwsMetricType(metric: string): string | undefined {
  const m = /^aws\.([a-z0-9_]+)\.(.+)$/.exec(metric);
  return m ? DATADOG_AWS_METRICS[m[1]]?.[m[2]] : undefined;
}

/** Whether Datadog's published lists name the `aws.*` metric. */
export function isPublishedDatadogAwsMetric(metric: string): boolean {
  return datadogAwsMetricType(metric) !== undefined;
}

/** The namespaces (`lambda`, `applicationelb` …) the table covers. */
export function datadogAwsMetricNamespaces(): string[] {
  return Object.keys(DATADOG_AWS_METRICS);
}

const SUFFIX: Record<string, string> = { Maximum: 'maximum', Minimum: 'minimum', Sum: 'sum', SampleCount: 'samplecount' };
const AGGREGATION: Record<string, Aggregation> = {
  Average: Aggregation.AVG, Maximum: Aggregation.MAX, Minimum: Aggregation.MIN, Sum: Aggregation.SUM, SampleCount: Aggregation.SUM,
};

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
  if (override) {
    return { metric: override, aggregation: statistic.aggregation, asCount: datadogAwsMetricType(override) === 'count', confirmed: true };
  }
  if (!namespace.startsWith('AWS/')) {
    return `Datadog's AWS integration names only AWS/ namespaces by rule; set 'datadogMetric' on the signal for the custom namespace ${namespace}`;
  }
  const base = NAME_OVERRIDES[`${namespace}:${metricName}`] ?? `aws.${namespace.slice(4).toLowerCase()}.${datadogSnakeCase(metricName)}`;
  const unconfirmed = `Datadog's published metrics of ${namespace} do not list`;
  if (datadogAwsMetricType(base) === 'count') {
    if (statistic.name !== 'Sum') {
      return `Datadog collects ${namespace} ${metricName} only as a count (its Sum, ${base}); use Statistic.SUM`;
    }
    return { metric: base, aggregation: Aggregation.SUM, asCount: true, confirmed: true };
  }
  const name = statistic.name;
  // Average: the bare gauge, or its `.average` form where Datadog lists only that
  // (aws.applicationelb.target_response_time.average).
  const candidates = name === 'Average' ? [base, `${base}.average`] : [`${base}.${SUFFIX[name] ?? name}`];
  const aggregation = AGGREGATION[name] ?? Aggregation.AVG;
  const found = candidates.find(isPublishedDatadogAwsMetric);
  if (found) return { metric: found, aggregation, asCount: datadogAwsMetricType(found) === 'count', confirmed: true };
  const gauge = [base, `${base}.average`].find(isPublishedDatadogAwsMetric);
  if (gauge && (name === 'Maximum' || name === 'Minimum')) {
    return {
      metric: gauge,
      aggregation,
      asCount: false,
      confirmed: true,
      warning: `${unconfirmed} ${candidates[0]}; the ${name} of ${namespace} ${metricName} is read as the ${aggregation} of ${gauge} `
        + '(the per-period average Datadog collects); set \'datadogMetric\' on the signal to name another metric',
    };
  }
  return {
    metric: candidates[0],
    aggregation,
    asCount: false,
    confirmed: false,
    warning: `${unconfirmed} ${candidates[0]} (${namespace} ${metricName}, ${name}); set 'datadogMetric' on the signal to the metric Datadog collects`,
  };
}

/** A Datadog metric query of a CloudWatch metric. */
export interface DatadogAwsQuery {
  readonly query: string;
  readonly aggregation: Aggregation;
  /** What the caller should warn about (see `DatadogAwsMetric.warning`). */
  readonly warning?: string;
}

/**
 * The Datadog query (no time aggregation) of a CloudWatch metric as Datadog's AWS integration
 * collects it: `<agg>:<metric>{<dimension tags>}[ by {<tag>}][.as_count()]`, or a string saying
 * why there is none. Monitors and dashboards both build their queries here.
 * @param groupBy a dimension to group by instead of filtering on it
 */
export function datadogAwsMetricQuery(p: CloudWatchMetricProps, groupBy?: string): DatadogAwsQuery | string {
  const mapped = datadogAwsMetric(p.namespace, p.metricName, p.statistic ?? Statistic.AVERAGE, p.datadogMetric);
  if (typeof mapped === 'string') return mapped;
  const dims = p.dimensions ?? {};
  const keys = Object.keys(dims).sort().filter((k) => k !== groupBy);
  const empty = keys.find((k) => !isToken(dims[k]) && datadogTagText(String(dims[k])) === undefined);
  if (empty !== undefined) return `the dimension ${empty} has the value ${JSON.stringify(dims[empty])}, which Datadog's tag rules reduce to nothing (no letter or digit in it)`;
  const filter = keys.map((k) => `${datadogDimensionTag(k)}:${tagValueOf(dims[k])}`).join(',') || '*';
  const by = groupBy === undefined ? '' : ` by {${datadogDimensionTag(groupBy)}}`;
  return {
    query: `${mapped.aggregation}:${mapped.metric}{${filter}}${by}${mapped.asCount ? '.as_count()' : ''}`,
    aggregation: mapped.aggregation,
    ...(mapped.warning ? { warning: mapped.warning } : {}),
  };
}

/**
 * A dimension value as the tag filter's value. A Terraform reference (a resource's name, known
 * at apply) is lower-cased by Terraform (`lower(...)`), as Datadog stores the tag: AWS resource
 * names hold only letters, digits and `_ - . /`, which Datadog keeps.
 */
function tagValueOf(value: string): string {
  return isToken(value) ? Fn.lower(value) : datadogTagText(String(value))!;
}

/**
 * Why Datadog cannot query a CloudWatch metric, or undefined when it can: its name must map to a
 * metric Datadog's AWS integration publishes (a name it does not list would give a monitor that
 * never fires and an empty chart); dimension values may be references (see `tagValueOf`).
 */
function datadogAwsMetricGap(p: CloudWatchMetricProps): string | undefined {
  const mapped = datadogAwsMetric(p.namespace, p.metricName, p.statistic ?? Statistic.AVERAGE, p.datadogMetric);
  if (typeof mapped === 'string') return mapped;
  if (!mapped.confirmed) return mapped.warning;
  const query = datadogAwsMetricQuery(p);
  return typeof query === 'string' ? query : undefined;
}

/**
 * Why Datadog cannot evaluate or draw `s`, or undefined when it can: Datadog queries, and
 * CloudWatch metrics under a name Datadog's AWS integration publishes.
 */
export function datadogEvaluationGap(s: Signal): string | undefined {
  return matchSignal<string | undefined>(s, {
    datadogQuery: () => undefined,
    cloudWatchMetric: (p) => datadogAwsMetricGap(p),
    cloudWatchExpression: () => 'a CloudWatch metric-math expression, which Datadog has no form of',
    promQl: () => 'a PromQL query, which Datadog does not evaluate',
    nrql: () => 'an NRQL query, which Datadog does not evaluate',
  });
}

/** Whether Datadog can evaluate or draw `s` (see `datadogEvaluationGap`). */
export function datadogCanEvaluate(s: Signal): boolean {
  return datadogEvaluationGap(s) === undefined;
}
