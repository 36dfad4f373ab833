import { IConstruct } from 'constructs';
import { fail, isToken, requireInteger, requireNoControlChars, requireString, requireUrl } from '../../core/private/validate';
import { Severities, Severity } from '../../core/severity';
import type { IMonitorBackend } from '../backend';
import { validateTagMap } from './normalize';

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
  const title = requireNoControlChars(scope, titleProp, props[titleProp], 'a name of 1-255 characters without control characters');
  if (!isToken(title) && title.length > 255) fail(scope, titleProp, title, 'a name of 1-255 characters without control characters');
  const message = props.message === undefined && titleProp === 'name' ? title : requireString(scope, 'message', props.message, 'a non-empty message');
  const runbookUrl = props.runbookUrl === undefined ? undefined : requireUrl(scope, 'runbookUrl', props.runbookUrl, ['https', 'http']);
  const tags = validateTagMap(scope, props.tags, true);
  const renotifyInterval = props.renotifyInterval === undefined ? undefined : requireInteger(scope, 'renotifyInterval', props.renotifyInterval, 1, 60 * 24 * 30);
  return { title, message, runbookUrl, tags, renotifyInterval };
}

export function validateSeverity(scope: IConstruct, prop: string, value: unknown, dflt: Severity): Severity {
  const s = value ?? dflt;
  if (!Severities.isSeverity(s)) fail(scope, prop, s, 'a Severity (SEV1 … SEV5)');
  return s as Severity;
}

/** Short window text for burn-rate queries and names: `5m`, `1h`, `3d`. */
export function shortDuration(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** Validated backends (non-empty, distinct ids). */
export function checkBackends(scope: IConstruct, backends: unknown): IMonitorBackend[] {
  if (!Array.isArray(backends) || backends.length === 0) {
    fail(scope, 'backends', backends, 'a non-empty list of backends (MonitorBackend.datadog(), .cloudwatch(), .grafana({...}), .newRelic({...}))');
  }
  const ids = new Set<string>();
  for (const b of backends) {
    if (!b || typeof b.id !== 'string' || typeof b.kind !== 'string' || typeof b.render !== 'function') {
      fail(scope, 'backends', b, 'IMonitorBackend values (MonitorBackend.datadog(), .cloudwatch(), .grafana({...}), .newRelic({...}))');
    }
    if (ids.has(b.id)) fail(scope, 'backends', b.id, 'backends with distinct ids (give a second backend of a kind its own id)');
    ids.add(b.id);
  }
  return [...backends];
}

/**
 * The backend as one with a capability (a method such as `renderSlo`), or a synth error naming
 * the construct, the backend and what the construct needs.
 */
export function requireCapability<T extends IMonitorBackend>(
  scope: IConstruct, backend: IMonitorBackend, method: string, what: string, why?: string,
): T {
  if (typeof (backend as any)[method] !== 'function') {
    fail(scope, 'backends', backend.id,
      `backends that can render ${what} (implementing ${method}); the ${backend.kind} backend "${backend.id}" cannot${why ? `: ${why}` : ''}`);
  }
  return backend as T;
}

/** A finite number known at synth time. */
export function requireFinite(scope: IConstruct, prop: string, value: unknown, accepted = 'a finite number'): number {
  if (typeof value !== 'number' || isToken(value) || !Number.isFinite(value)) fail(scope, prop, value, accepted);
  return value;
}
