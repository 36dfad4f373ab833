/**
 * Validation of the metric-selection and Datadog-side props of a DatadogExport (filters,
 * statistics, metric mapping, tags, integration regions). Not part of the public API.
 */
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { AWS_NAMESPACES, derivedDatadogName } from './datadog-export-facts';
import { AwsRegions } from '../../../aws/aws-regions';
import { fail, isToken, optionalPattern, requireOneOf, requirePattern, requireString } from '../../../core/private/validate';
import type { DatadogMetricType } from '../datadog-export';

const DD_METRIC = /^[A-Za-z][A-Za-z0-9_.]{0,199}$/;
const DD_TAG_KEY = /^[A-Za-z][A-Za-z0-9_\-./]{0,199}$/;
const DD_TAG_VALUE = /^[A-Za-z0-9_\-./:]{0,199}$/;
const PERCENTILE = /^p(\d{1,2}(\.\d{1,10})?)$/;

/** A metric-stream filter, validated. */
export interface ResolvedFilter {
  readonly namespace: string;
  readonly metricNames?: string[];
}

/** One statistics configuration of the metric stream, validated. */
export interface ResolvedStatistics {
  readonly additionalStatistics: string[];
  readonly includeMetric: { namespace: string; metricName: string }[];
}

/** One metric mapping, validated, under its Datadog name. */
export interface ResolvedMapping {
  readonly namespace: string;
  readonly metricName: string;
  readonly datadogMetricName: string;
  readonly tags?: string[];
  readonly unit?: string;
  readonly description?: string;
  readonly metricType: DatadogMetricType;
  readonly explicitType: boolean;
}

export function validateNamespace(scope: Construct, prop: string, value: unknown, allowCustom: boolean): string {
  const ns = requireString(scope, prop, value, 'a CloudWatch namespace such as AWS/Lambda');
  if (isToken(ns)) return ns;
  if (AWS_NAMESPACES.includes(ns)) return ns;
  const accepted = `an AWS namespace (${AWS_NAMESPACES.join(', ')})${allowCustom ? ' or a custom namespace of 1-255 printable ASCII characters not starting with AWS/' : ', or a custom namespace with allowCustomNamespaces: true'}`;
  if (ns.startsWith('AWS/') || !allowCustom || !/^[\x20-\x7E]{1,255}$/.test(ns) || ns.startsWith(':')) fail(scope, prop, ns, accepted);
  return ns;
}

function validateMetricName(scope: Construct, prop: string, value: unknown): string {
  return requirePattern(scope, prop, value, /^[\x20-\x7E]{1,255}$/, 'a CloudWatch metric name of 1-255 printable ASCII characters');
}

export function validateFilters(scope: Construct, prop: string, value: unknown, allowCustom: boolean): ResolvedFilter[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(scope, prop, value, 'a list of { namespace, metricNames? }');
  let names = 0;
  const seen = new Set<string>();
  const out = value.map((f: any, i: number) => {
    if (f === null || typeof f !== 'object') fail(scope, `${prop}[${i}]`, f, 'a { namespace, metricNames? } object');
    const namespace = validateNamespace(scope, `${prop}[${i}].namespace`, f.namespace, allowCustom);
    if (seen.has(namespace)) fail(scope, `${prop}[${i}].namespace`, namespace, 'a namespace not already in another filter');
    seen.add(namespace);
    let metricNames: string[] | undefined;
    if (f.metricNames !== undefined) {
      if (!Array.isArray(f.metricNames) || f.metricNames.length === 0) fail(scope, `${prop}[${i}].metricNames`, f.metricNames, 'a non-empty list of metric names, or unset for the whole namespace');
      metricNames = [...new Set<string>(f.metricNames.map((m: unknown, j: number) => validateMetricName(scope, `${prop}[${i}].metricNames[${j}]`, m)))].sort();
    }
    names += 1 + (metricNames?.length ?? 0);
    return metricNames ? { namespace, metricNames } : { namespace };
  });
  // PutMetricStream: "filters can include up to 1000 total names" (namespaces plus metric names).
  if (names > 1000) fail(scope, prop, `${names} names`, 'at most 1000 namespace and metric names in all');
  return out;
}

export function validateStatistics(scope: Construct, value: unknown, allowCustom: boolean): ResolvedStatistics[] {
  if (value === undefined) return [];
  // PutMetricStream: up to 100 statistics configurations and 20 statistics each.
  if (!Array.isArray(value) || value.length > 100) fail(scope, 'additionalStatistics', value, 'a list of at most 100 { namespace, metricName, statistics }');
  return value.map((s: any, i: number) => {
    const prop = `additionalStatistics[${i}]`;
    if (s === null || typeof s !== 'object') fail(scope, prop, s, 'a { namespace, metricName, statistics } object');
    const namespace = validateNamespace(scope, `${prop}.namespace`, s.namespace, allowCustom);
    const metricName = validateMetricName(scope, `${prop}.metricName`, s.metricName);
    if (!Array.isArray(s.statistics) || s.statistics.length === 0 || s.statistics.length > 20) {
      fail(scope, `${prop}.statistics`, s.statistics, 'a list of 1 to 20 percentiles such as p50, p99, p99.9');
    }
    const statistics = s.statistics.map((st: unknown, j: number) => {
      const m = typeof st === 'string' ? PERCENTILE.exec(st) : null;
      const v = m ? Number(m[1]) : NaN;
      if (!(v > 0 && v < 100)) fail(scope, `${prop}.statistics[${j}]`, st, 'a percentile pNN between p0 and p100 exclusive, such as p50, p99, p99.9 (the OpenTelemetry output formats accept only percentiles)');
      return st as string;
    });
    return { additionalStatistics: [...new Set<string>(statistics)].sort(), includeMetric: [{ namespace, metricName }] };
  });
}

/**
 * @param metricTypes the accepted metric types (`Object.values(DatadogMetricType)`)
 * @param defaultType the type of a mapping that gives none
 */
export function validateMapping(
  scope: Construct, value: unknown, allowCustom: boolean, metricTypes: readonly DatadogMetricType[], defaultType: DatadogMetricType,
): ResolvedMapping[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(scope, 'metricMapping', value, 'a list of metric mappings');
  const seen = new Set<string>();
  return value.map((m: any, i: number) => {
    const prop = `metricMapping[${i}]`;
    if (m === null || typeof m !== 'object') fail(scope, prop, m, 'a { namespace, metricName, ... } object');
    const namespace = validateNamespace(scope, `${prop}.namespace`, m.namespace, allowCustom);
    const metricName = validateMetricName(scope, `${prop}.metricName`, m.metricName);
    const derived = derivedDatadogName(namespace, metricName);
    const accepted = 'a Datadog metric name: a letter first, then ASCII letters, digits, _ or ., at most 200 characters';
    let ddName: string;
    if (m.datadogMetricName === undefined) {
      if (!derived) fail(scope, `${prop}.datadogMetricName`, undefined, `${accepted} (required: no documented naming rule for ${namespace} ${metricName})`);
      ddName = derived;
    } else {
      ddName = requirePattern(scope, `${prop}.datadogMetricName`, m.datadogMetricName, DD_METRIC, accepted);
      if (derived && ddName !== derived) {
        Annotations.of(scope).addWarning(
          `${scope.node.path}: ${prop} maps ${namespace} ${metricName} to ${ddName}, but Datadog cannot rename streamed metrics. By Datadog's naming rule it arrives as ${derived}; the metadata and tag configuration are written to ${ddName} as given (correct only if that is the name Datadog really uses).`);
      }
    }
    if (seen.has(ddName)) fail(scope, `${prop}.datadogMetricName`, ddName, 'a Datadog metric not mapped by another entry');
    seen.add(ddName);
    let tags: string[] | undefined;
    if (m.tags !== undefined) {
      if (!Array.isArray(m.tags) || m.tags.length === 0) fail(scope, `${prop}.tags`, m.tags, 'a non-empty list of tag keys, or unset');
      tags = [...new Set<string>(m.tags.map((t: unknown, j: number) => requirePattern(scope, `${prop}.tags[${j}]`, t, DD_TAG_KEY,
        'a Datadog tag key (a letter, then up to 199 letters, digits, _ - . /)')))].sort();
      // Tag configurations (Metrics without Limits) apply to custom metrics only
      // (docs.datadoghq.com/metrics/metrics-without-limits); Datadog refuses one for a metric of an
      // AWS/ namespace, an integration metric whether crawled or streamed (aws.lambda.duration …).
      if (namespace.startsWith('AWS/')) {
        fail(scope, `${prop}.tags`, tags, `unset for ${ddName}: it is a Datadog integration metric (${namespace} ${metricName}), and Datadog configures `
          + 'queryable tags (a datadog_metric_tag_configuration) only on custom metrics');
      }
    }
    const unit = optionalPattern(scope, `${prop}.unit`, m.unit, /^[a-z][a-z_]{0,63}$/, 'a Datadog unit name such as millisecond, byte, request or percent');
    const description = optionalPattern(scope, `${prop}.description`, m.description, /^[^\n]{1,400}$/s, 'a one-line description of at most 400 characters');
    const metricType = m.metricType === undefined ? defaultType
      : requireOneOf(scope, `${prop}.metricType`, m.metricType, metricTypes, 'DatadogMetricType.GAUGE, COUNT or RATE');
    if (!tags && !unit && !description && m.metricType === undefined) {
      Annotations.of(scope).addWarning(`${scope.node.path}: ${prop} (${ddName}) sets neither tags, unit, description nor metricType; it has no effect.`);
    }
    return { namespace, metricName, datadogMetricName: ddName, tags, unit, description, metricType, explicitType: m.metricType !== undefined };
  });
}

/** Warns about mappings of metrics that the filters do not stream. */
export function warnUnstreamedMappings(scope: Construct, mapping: ResolvedMapping[], include: ResolvedFilter[], exclude: ResolvedFilter[]): void {
  for (const m of mapping) {
    const inc = include.find((f) => f.namespace === m.namespace);
    const exc = exclude.find((f) => f.namespace === m.namespace);
    const streamed = include.length > 0 ? !!inc && (!inc.metricNames || inc.metricNames.includes(m.metricName))
      : !(exc && (!exc.metricNames || exc.metricNames.includes(m.metricName)));
    if (!streamed) {
      Annotations.of(scope).addWarning(`${scope.node.path}: metricMapping for ${m.namespace} ${m.metricName} (${m.datadogMetricName}) describes a metric the filters do not stream.`);
    }
  }
}

export function validateTags(scope: Construct, value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(scope, 'tags', value, 'a map of tag keys to values');
  const out: Record<string, string> = {};
  for (const key of Object.keys(value as object).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (!DD_TAG_KEY.test(key)) fail(scope, `tags.${key}`, key, 'a Datadog tag key (a letter, then up to 199 letters, digits, _ - . /)');
    if (typeof v !== 'string' || (!isToken(v) && !DD_TAG_VALUE.test(v))) fail(scope, `tags.${key}`, v, 'a tag value of up to 199 letters, digits, _ - . / :');
    out[key] = v;
  }
  return out;
}

export function validateRegions(scope: Construct, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) fail(scope, 'integrationRegions', value, 'a non-empty list of AWS regions, or unset for all regions');
  return [...new Set<string>(value.map((r: unknown, i: number) => {
    const region = requireString(scope, `integrationRegions[${i}]`, r, 'an AWS region code such as eu-west-1');
    if (!isToken(region) && !AwsRegions.isKnown(region)) fail(scope, `integrationRegions[${i}]`, region, `an AWS region (${AwsRegions.all().join(', ')})`);
    return region;
  }))].sort();
}
