import { IConstruct } from 'constructs';
import { fail, isToken, requireInteger, requireString, requireUrl } from '../../core/private/validate';
import { Severities, Severity } from '../../core/severity';
import { datadogAwsMetricQuery } from '../../datadog/private/aws-metric-names';
import type { INotificationTarget } from '../../notifications/targets';
import { Aggregation, Signal, SignalKind } from '../../signals/signal';
import type { IMonitorBackend } from '../backend';

// Datadog tag rules (docs.datadoghq.com/getting_started/tagging/#define-tags): a letter first, then
// letters, digits, _ - : . /, at most 200 characters, lower-cased by Datadog.
const DATADOG_TAG = /^[A-Za-z][A-Za-z0-9_\-:./]*$/;
// AWS tag rules (IAM/Tagging "Tag naming limits").
const AWS_TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const AWS_TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

/** The common props of alerting constructs other than MonitorConfig, validated. */
export interface AlertBasics {
  readonly title: string;
  readonly message: string;
  readonly runbookUrl?: string;
  readonly tags: Record<string, string>;
  readonly renotifyInterval?: number;
}

export function validateBasics(scope: IConstruct, props: any, titleProp = 'title'): AlertBasics {
  if (!props || typeof props !== 'object') fail(scope, 'props', props, 'a props object');
  const title = requireString(scope, titleProp, props[titleProp], 'a name of 1-255 characters');
  if (!isToken(title) && title.length > 255) fail(scope, titleProp, title, 'a name of 1-255 characters');
  const message = props.message === undefined && titleProp === 'name' ? title : requireString(scope, 'message', props.message, 'a non-empty message');
  const runbookUrl = props.runbookUrl === undefined ? undefined : requireUrl(scope, 'runbookUrl', props.runbookUrl, ['https', 'http']);
  const tags = validateTags(scope, props.tags);
  const renotifyInterval = props.renotifyInterval === undefined ? undefined : requireInteger(scope, 'renotifyInterval', props.renotifyInterval, 1, 60 * 24 * 30);
  return { title, message, runbookUrl, tags, renotifyInterval };
}

export function validateSeverity(scope: IConstruct, prop: string, value: unknown, dflt: Severity): Severity {
  const s = value ?? dflt;
  if (!Severities.isSeverity(s)) fail(scope, prop, s, 'a Severity (SEV1 … SEV5)');
  return s as Severity;
}

function validateTags(scope: IConstruct, tags: unknown): Record<string, string> {
  if (tags === undefined) return {};
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) fail(scope, 'tags', tags, 'a map of strings to strings');
  const out: Record<string, string> = {};
  for (const k of Object.keys(tags as object).sort()) {
    const v = (tags as Record<string, unknown>)[k];
    if (k.length === 0) fail(scope, 'tags', k, 'non-empty tag keys');
    if (typeof v !== 'string') fail(scope, `tags.${k}`, v, 'a string');
    if (k.toLowerCase() === 'severity') fail(scope, `tags.${k}`, k, 'a key other than severity (it is set from the severity)');
    out[k] = v;
  }
  return out;
}

/** Datadog tags `key:value`, lower-cased and sorted, with the severity tag. */
export function datadogTags(scope: IConstruct, severity: Severity, tags: Record<string, string>): string[] {
  const out = [`severity:${Severities.label(severity)}`];
  for (const [k, v] of Object.entries(tags)) {
    const tag = v === '' ? k : `${k}:${v}`;
    if (!DATADOG_TAG.test(tag) || tag.length > 200) {
      fail(scope, `tags.${k}`, tag, 'a Datadog tag: starts with a letter, then letters, digits, _ - : . /, at most 200 characters');
    }
    out.push(tag.toLowerCase());
  }
  return out.sort();
}

/** AWS tags with the severity tag. */
export function awsTags(scope: IConstruct, severity: Severity, tags: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) {
    if (!AWS_TAG_KEY.test(k)) fail(scope, `tags.${k}`, k, 'an AWS tag key: 1-128 letters, digits, spaces or _ . : / = + - @, not starting with aws:');
    if (!AWS_TAG_VALUE.test(v)) fail(scope, `tags.${k}`, v, 'an AWS tag value: 0-256 letters, digits, spaces or _ . : / = + - @');
    out[k] = v;
  }
  out.severity = Severities.label(severity);
  return out;
}

/** Datadog `last_<n><unit>` timeframe of a number of seconds (a whole number of minutes). */
export function datadogTimeframe(seconds: number): string {
  if (seconds % 86_400 === 0) return `last_${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `last_${seconds / 3600}h`;
  return `last_${seconds / 60}m`;
}

/** Short window text for burn-rate queries and names: `5m`, `1h`, `3d`. */
export function shortDuration(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/**
 * A Datadog metric query (without time aggregation) for a signal: a Datadog query as it is, or a
 * CloudWatch metric under the name Datadog's AWS integration gives it. Returns whether the metric
 * comes from AWS (and so arrives late).
 */
export function datadogMetricQuery(scope: IConstruct, prop: string, s: Signal): { query: string; aggregation: Aggregation; aws: boolean } {
  if (s.kind === SignalKind.DATADOG_QUERY) {
    return { query: s.datadogQueryProps!.query, aggregation: s.datadogQueryProps!.timeAggregation ?? Aggregation.AVG, aws: false };
  }
  if (s.kind === SignalKind.CLOUDWATCH_METRIC) {
    const q = datadogAwsMetricQuery(s.cloudWatchMetricProps!);
    if (typeof q === 'string') fail(scope, prop, s.toString(), `a signal the Datadog backend can evaluate: ${q}`);
    return { ...q, aws: true };
  }
  return fail(scope, prop, s.toString(), `a signal the Datadog backend can evaluate (a Datadog query, or a CloudWatch metric collected by Datadog's AWS integration); Datadog cannot evaluate a ${s.kind}`);
}

/** Collects Datadog @-handles and message blocks of targets and renders the message. */
export class DatadogNotifications {
  private readonly handles: string[] = [];
  private readonly extraText: string[] = [];

  constructor(private readonly scope: IConstruct, private readonly backend: IMonitorBackend, private readonly severity?: Severity) {}

  public add(target: INotificationTarget): void {
    const binding = target.bind(this.scope, this.backend, this.severity);
    if (binding.datadogMessage) {
      if (!this.extraText.includes(binding.datadogMessage)) this.extraText.push(binding.datadogMessage);
      return;
    }
    if (!binding.handle) fail(this.scope, `targets.${target.targetId}`, target.targetId, 'a target that binds to Datadog with an @-handle');
    if (!this.handles.includes(binding.handle)) this.handles.push(binding.handle);
  }

  public get allHandles(): string[] {
    return [...this.handles];
  }

  /** The message with the handles in alert and recovery blocks (docs.datadoghq.com/monitors/notify/variables). */
  public render(message: string, runbookUrl?: string): string {
    const parts = [message];
    if (runbookUrl) parts.push(`Runbook: ${runbookUrl}`);
    const h = this.handles.join(' ');
    if (h) {
      parts.push(`{{#is_alert}}${h}{{/is_alert}}`);
      parts.push(`{{#is_recovery}}${h}{{/is_recovery}}`);
    }
    parts.push(...this.extraText);
    return parts.join('\n\n');
  }
}

/** Collects CloudWatch alarm actions of targets (at most 5: PutMetricAlarm / PutCompositeAlarm AlarmActions). */
export class CloudWatchActions {
  private readonly arns: string[] = [];

  constructor(private readonly scope: IConstruct, private readonly backend: IMonitorBackend, private readonly severity?: Severity) {}

  public add(target: INotificationTarget): void {
    const binding = target.bind(this.scope, this.backend, this.severity);
    const arns = [...(binding.actionArn ? [binding.actionArn] : []), ...(binding.actionArns ?? [])];
    if (binding.viaEventBridge && arns.length === 0) return;
    if (arns.length === 0) fail(this.scope, `targets.${target.targetId}`, target.targetId, 'a target that binds to CloudWatch with an action ARN');
    for (const a of arns) if (!this.arns.includes(a)) this.arns.push(a);
    if (this.arns.length > 5) fail(this.scope, 'targets', this.arns.length, 'at most 5 CloudWatch alarm actions per alarm (a CloudWatch limit)');
  }

  public get all(): string[] {
    return [...this.arns];
  }
}

/** A validated list of targets (distinct ids). */
export function checkTarget(scope: IConstruct, existing: INotificationTarget[], target: INotificationTarget): void {
  if (!target || typeof target.bind !== 'function' || typeof target.targetId !== 'string') {
    fail(scope, 'targets', target, 'INotificationTarget values (NotificationTarget.slack(), pagerDuty(), email(), webhook())');
  }
  if (existing.some((t) => t.targetId === target.targetId)) {
    fail(scope, 'targets', target.targetId, 'targets with distinct ids (this one is already notified)');
  }
}

/** Validated backends (non-empty, distinct ids). */
export function checkBackends(scope: IConstruct, backends: unknown): IMonitorBackend[] {
  if (!Array.isArray(backends) || backends.length === 0) {
    fail(scope, 'backends', backends, 'a non-empty list of backends (MonitorBackend.datadog(), .cloudwatch(), .grafana({...}))');
  }
  const ids = new Set<string>();
  for (const b of backends) {
    if (!b || typeof b.id !== 'string' || typeof b.kind !== 'string') fail(scope, 'backends', b, 'IMonitorBackend values (MonitorBackend.datadog(), .cloudwatch(), .grafana({...}))');
    if (ids.has(b.id)) fail(scope, 'backends', b.id, 'backends with distinct ids');
    ids.add(b.id);
  }
  return [...backends];
}

/** A finite number known at synth time. */
export function requireFinite(scope: IConstruct, prop: string, value: unknown, accepted = 'a finite number'): number {
  if (typeof value !== 'number' || isToken(value) || !Number.isFinite(value)) fail(scope, prop, value, accepted);
  return value;
}
