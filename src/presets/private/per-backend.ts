/**
 * Presets whose metrics come from Prometheus exporters (kube-state-metrics, cAdvisor, gateway
 * exporters) rather than CloudWatch: each check has a PromQL query for the Grafana backends and a
 * Datadog query (Datadog's own integration metric names) for the Datadog backends. A
 * `MonitorConfig` holds one signal, so a check becomes one monitor per kind of backend, with the
 * same title, threshold, window and routing. Not part of the public API.
 */
import { Annotations } from 'cdktf';
import type { ThresholdKind } from './categories';
import { fail, isToken, requireNoControlChars } from '../../core/private/validate';
import type { IMonitorBackend } from '../../monitors/backend';
import type { MonitorConfig } from '../../monitors/monitor-config';
import { backendEvaluates } from '../../monitors/private/signal-aware';
import { ComparisonOperator, MissingData } from '../../monitors/threshold';
import { Aggregation, Signal } from '../../signals/signal';
import type { MonitorGroup } from '../monitor-group';

/** What Datadog evaluates for a check: a metric query and how it aggregates over the window. */
export interface DatadogCheck {
  readonly query: string;
  readonly timeAggregation: Aggregation;
}

/** One check of a preset, evaluated on Grafana (PromQL) and on Datadog. */
export interface DualCheck {
  /** The construct id base: the monitors are `<id>PromQl` and `<id>Datadog`. */
  readonly id: string;
  readonly title: string;
  readonly message: string;
  /** The PromQL query for the Grafana backends. */
  readonly promQl: string;
  /** The Datadog query, or why Datadog publishes nothing to evaluate it (a warning names it). */
  readonly datadog: DatadogCheck | string;
  readonly comparison: ComparisonOperator;
  readonly critical: number;
  /** Seconds. */
  readonly period: number;
  /** Periods evaluated, all breaching (Grafana: `for` of period × (n - 1); Datadog: a window of period × n). */
  readonly evaluationPeriods: number;
  readonly missingData: MissingData;
}

/** The suffix of the construct id of a check's PromQL monitor. */
export const PROMQL_SUFFIX = 'PromQl';
/** The suffix of the construct id of a check's Datadog monitor. */
export const DATADOG_SUFFIX = 'Datadog';

/** The backends of a group by the query language they take. */
export interface BackendsByKind {
  readonly promQl: IMonitorBackend[];
  readonly datadog: IMonitorBackend[];
}

/**
 * Split the group's backends: Grafana takes PromQL, Datadog its own queries. Other backends
 * (CloudWatch, New Relic) cannot evaluate exporter metrics: as with a monitor Datadog cannot
 * evaluate in the AWS presets, they are left out with a warning, and a ValidationError is raised
 * when no backend is left (`everywhere` in ./categories.ts).
 */
export function backendsByKind(group: MonitorGroup, what: string): BackendsByKind {
  const all = group._backends();
  // Each backend says which query language it evaluates (for these kinds of signal the answer
  // does not depend on the query).
  const promQlQuery = Signal.promQl({ query: 'up' });
  const datadogQuery = Signal.datadogQuery({ query: 'avg:system.cpu.user{*}' });
  const promQl = all.filter((b) => backendEvaluates(b, promQlQuery) === true);
  const datadog = all.filter((b) => !promQl.includes(b) && backendEvaluates(b, datadogQuery) === true);
  const other = all.filter((b) => !promQl.includes(b) && !datadog.includes(b));
  if (promQl.length + datadog.length === 0) {
    fail(group, 'backends', all.map((b) => b.kind).join(', '),
      `Grafana (PromQL) or Datadog backends: ${what} metrics come from Prometheus exporters and Datadog's integrations, not from CloudWatch or New Relic`);
  }
  if (other.length > 0) {
    Annotations.of(group).addWarning(`${group.node.path}: not rendered to ${[...new Set(other.map((b) => b.kind))].join(', ')} (${what} metrics come from Prometheus exporters and Datadog's integrations); rendered to ${[...new Set([...promQl, ...datadog].map((b) => b.kind))].join(', ')} only`);
  }
  return { promQl, datadog };
}

/**
 * The check's monitors: the PromQL one on the Grafana backends, the Datadog one on the Datadog
 * backends (or a warning when Datadog publishes nothing to evaluate it).
 */
export function addCheck(group: MonitorGroup, backends: BackendsByKind, c: DualCheck): MonitorConfig[] {
  const spec = {
    title: c.title,
    message: c.message,
    comparison: c.comparison,
    critical: c.critical,
    period: c.period,
    evaluationPeriods: c.evaluationPeriods,
    datapointsToAlarm: c.evaluationPeriods,
    missingData: c.missingData,
  };
  const out: MonitorConfig[] = [];
  if (backends.promQl.length > 0) {
    out.push(group._add(`${c.id}${PROMQL_SUFFIX}`, { ...spec, signal: Signal.promQl({ query: c.promQl }) }, backends.promQl));
  }
  if (backends.datadog.length > 0) {
    if (typeof c.datadog === 'string') {
      Annotations.of(group).addWarning(`${group.node.path}/${c.id}: not rendered to Datadog (${c.datadog})`
        + (backends.promQl.length === 0 ? '; no Grafana backend is given, so the monitor is left out' : '; rendered to grafana only'));
    } else {
      out.push(group._add(`${c.id}${DATADOG_SUFFIX}`, { ...spec, signal: Signal.datadogQuery({ query: c.datadog.query, timeAggregation: c.datadog.timeAggregation }) }, backends.datadog));
    }
  }
  return out;
}

/**
 * A Kubernetes object name that is a DNS-1123 label: at most 63 characters, lower-case letters,
 * digits and `-`, starting and ending with a letter or digit (Kubernetes documentation, "Object
 * Names and IDs", kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names;
 * namespaces are DNS-1123 labels, and a Deployment's name is also its pods' name prefix, which
 * must stay a label).
 */
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Kubernetes name (namespace, deployment), checked against the DNS-1123 label rules. */
export function requireKubernetesName(group: MonitorGroup, prop: string, value: unknown): string {
  const accepted = 'a Kubernetes name: a DNS-1123 label of 1-63 lower-case letters, digits or -, starting and ending with a letter or digit';
  if (typeof value !== 'string' || value.length > 63 || !DNS_1123_LABEL.test(value)) fail(group, prop, value, accepted);
  return value;
}

/**
 * A label value an exporter reports (a Kong service or route, an Envoy cluster, a Traefik
 * service such as `default-web-80@kubernetes`): 1-253 characters without control characters,
 * known at synth time (it is written into queries).
 */
export function requireLabelValue(group: MonitorGroup, prop: string, value: unknown, what: string): string {
  const accepted = `${what}: 1-253 characters without control characters, known at synth time`;
  if (isToken(value)) fail(group, prop, value, accepted);
  const s = requireNoControlChars(group, prop, value, accepted);
  if (s.length > 253) fail(group, prop, value, accepted);
  return s;
}

/**
 * A PromQL string literal: double quotes, with `\` and `"` escaped (PromQL string literals use
 * Go's escaping rules; Prometheus documentation, "Querying basics", String literals).
 */
export function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A literal text inside an RE2 regular expression: every metacharacter escaped. */
export function re2Literal(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/**
 * A tag value as Datadog stores it: lower-case, and every character other than letters, digits,
 * `_`, `-`, `:`, `.` and `/` converted to `_` (Datadog, "Getting Started with Tags", Define tags:
 * "Tags are converted to lowercase" and other special characters "are converted to underscores";
 * docs.datadoghq.com/getting_started/tagging/#define-tags). A query must name the stored form.
 */
export function datadogTagValue(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_\-:./]/g, '_');
}

/** A Datadog tag filter `{a:b,c:d}` of tag names and (normalised) values. */
export function datadogScope(tags: Array<[string, string]>): string {
  return `{${tags.map(([k, v]) => `${k}:${datadogTagValue(v)}`).join(',')}}`;
}

/** A PromQL label matcher list `{a="b",c=~"d"}`, each value a string literal. */
export function promSelector(matchers: Array<[string, '=' | '=~' | '!=', string]>): string {
  return `{${matchers.map(([k, op, v]) => `${k}${op}${promString(v)}`).join(',')}}`;
}

/** A threshold prop: its value, checked (`kind`), or the default when it is left out. */
export function thresholdOf(group: MonitorGroup, prop: string, value: unknown, kind: ThresholdKind, dflt?: number): number {
  if (value === undefined && dflt !== undefined) return dflt;
  // As the AWS presets' thresholds: a token has no value to render into a query.
  if (isToken(value)) fail(group, prop, value, `${kind.accepted}, known at synth time (thresholds are rendered into queries)`);
  if (typeof value !== 'number' || !Number.isFinite(value) || !kind.accepts(value)) fail(group, prop, value, kind.accepted);
  return value;
}
