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
  // The WHATWG parser keeps `$`, `{`, `}` and other non-DNS characters in a host: a literal
  // `${…}` there would be read as a Terraform interpolation, and no DNS name contains them.
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)$/.test(url.hostname)) fail(scope, prop, value, `${accepted} (a DNS name or IP address, no \${…} or other template in it)`);
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

/**
 * A list prop: `undefined` gives `dflt` (an empty list unless told), anything that is not an
 * array (a string, an object, a number — a jsii caller can pass these) and any `null` or
 * `undefined` element fails, naming the element.
 */
export function optionalArray<T>(scope: IConstruct, prop: string, value: readonly T[] | undefined, accepted = 'a list', dflt: readonly T[] = []): T[] {
  if (value === undefined) return [...dflt];
  return requireArray(scope, prop, value, accepted);
}

/** A list prop that must be given (see `optionalArray`). */
export function requireArray<T>(scope: IConstruct, prop: string, value: readonly T[] | undefined, accepted = 'a list'): T[] {
  if (!Array.isArray(value)) fail(scope, prop, value, accepted);
  value.forEach((element, i) => {
    if (element === null || element === undefined) fail(scope, `${prop}[${i}]`, element, `an element of ${accepted}, not null or undefined`);
  });
  return [...value];
}

/** Fail on the first element whose key was already seen in the list. */
export function requireUnique<T>(scope: IConstruct, prop: string, items: readonly T[], key: (item: T) => unknown, what: string): void {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) fail(scope, `${prop}[${i}]`, k, `${what} not used twice`);
    seen.add(k);
  });
}

/** C0 control characters and DEL. */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A non-empty string without control characters (CR, LF, TAB, NUL …). */
export function requireNoControlChars(scope: IConstruct, prop: string, value: unknown, accepted = 'a non-empty string without control characters'): string {
  const s = requireString(scope, prop, value, accepted);
  if (!isToken(s) && CONTROL_CHARS.test(s)) fail(scope, prop, value, accepted);
  return s;
}

/** As `requireNoControlChars`, `undefined` allowed. */
export function optionalNoControlChars(scope: IConstruct, prop: string, value: unknown, accepted = 'a non-empty string without control characters'): string | undefined {
  if (value === undefined) return undefined;
  return requireNoControlChars(scope, prop, value, accepted);
}

/** Deepest nesting of arrays and objects accepted in imported JSON. */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of a JSON value (a scalar is 0), counted without recursion so that a
 * hostile document cannot overflow the stack; stops counting past `limit`.
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  // Each object is counted once, so that a cycle ends the walk (the JSON copy then reports it).
  const seen = new WeakSet<object>();
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) stack.push([child, depth]);
  }
  return max;
}
