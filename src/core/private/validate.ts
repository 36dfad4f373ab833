import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationError, pathOf } from '../errors';

/** A stand-in for a value that must not be echoed (a secret), shown as `<text>`. */
export class Redacted {
  constructor(public readonly text: string) {}
}

/** Render a received value for an error message. */
export function describe(value: unknown): string {
  if (value instanceof Redacted) return `<${value.text}>`;
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 200 ? `${s.slice(0, 200)}…` : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Throw the library's ValidationError. */
export function fail(scope: IConstruct, prop: string, value: unknown, accepted: string): never {
  throw new ValidationError(pathOf(scope), prop, describe(value), accepted);
}

/** True when the value is (or contains) an unresolved token, which is validated by Terraform instead. */
export function isToken(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && Token.isUnresolved(value);
}

export function requireString(scope: IConstruct, prop: string, value: unknown, accepted = 'a non-empty string'): string {
  if (typeof value !== 'string' || (!isToken(value) && value.trim().length === 0)) {
    fail(scope, prop, value, accepted);
  }
  return value;
}

export function optionalString(scope: IConstruct, prop: string, value: unknown, accepted = 'a non-empty string'): string | undefined {
  if (value === undefined) return undefined;
  return requireString(scope, prop, value, accepted);
}

export function requirePattern(scope: IConstruct, prop: string, value: unknown, pattern: RegExp, accepted: string): string {
  const s = requireString(scope, prop, value, accepted);
  if (!isToken(s) && !pattern.test(s)) fail(scope, prop, value, accepted);
  return s;
}

export function optionalPattern(scope: IConstruct, prop: string, value: unknown, pattern: RegExp, accepted: string): string | undefined {
  if (value === undefined) return undefined;
  return requirePattern(scope, prop, value, pattern, accepted);
}

export function requireInteger(scope: IConstruct, prop: string, value: unknown, min: number, max: number): number {
  const accepted = `a whole number from ${min} to ${max}`;
  if (typeof value !== 'number') fail(scope, prop, value, accepted);
  if (isToken(value)) return value;
  if (!Number.isInteger(value) || value < min || value > max) fail(scope, prop, value, accepted);
  return value;
}

export function optionalBoolean(scope: IConstruct, prop: string, value: unknown, dflt: boolean): boolean {
  if (value === undefined) return dflt;
  if (typeof value !== 'boolean') fail(scope, prop, value, 'true or false');
  return value;
}

export function requireOneOf<T>(scope: IConstruct, prop: string, value: unknown, allowed: readonly T[], accepted?: string): T {
  if (!allowed.includes(value as T)) {
    fail(scope, prop, value, accepted ?? `one of ${allowed.map((a) => describe(a)).join(', ')}`);
  }
  return value as T;
}

/** A URL with one of the given schemes and a host; returns it without a trailing slash. */
export function requireUrl(scope: IConstruct, prop: string, value: unknown, schemes: readonly string[] = ['https']): string {
  const accepted = `an absolute ${schemes.join(' or ')} URL with a host`;
  const s = requireString(scope, prop, value, accepted);
  if (isToken(s)) return s;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    fail(scope, prop, value, accepted);
  }
  if (!schemes.includes(url.protocol.replace(/:$/, '')) || !url.hostname) fail(scope, prop, value, accepted);
  if (url.username || url.password) fail(scope, prop, new Redacted('a URL with credentials (not shown)'), `${accepted} and no credentials in it`);
  return s.replace(/\/+$/, '');
}

/** A map of string keys to string values, each key matching the pattern. */
export function requireStringMap(
  scope: IConstruct, prop: string, value: unknown, keyPattern: RegExp, keyAccepted: string, maxValueLength = 256,
): Record<string, string> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(scope, prop, value, 'a map of strings to strings');
  const out: Record<string, string> = {};
  for (const key of Object.keys(value as object).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (!keyPattern.test(key)) fail(scope, `${prop}.${key}`, key, keyAccepted);
    if (typeof v !== 'string' || (!isToken(v) && v.length > maxValueLength)) {
      fail(scope, `${prop}.${key}`, v, `a string of at most ${maxValueLength} characters`);
    }
    out[key] = v;
  }
  return out;
}
