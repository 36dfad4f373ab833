/**
 * Helpers of the JSON importers: stable serialization, JSON paths for error messages, and
 * reading a source into a plain value. Not part of the public API.
 */
import { IConstruct } from 'constructs';
import { fail } from '../../core/private/validate';

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** Whether `v` is a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The value with every object's keys sorted (arrays keep their order). */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const k of Object.keys(v).sort()) {
      if (v[k] !== undefined) out[k] = sortKeys(v[k]);
    }
    return out;
  }
  return v;
}

/** Deterministic JSON: keys sorted at every level, two-space indentation. */
export function stableJson(v: unknown): string {
  return JSON.stringify(sortKeys(v), undefined, 2);
}

/** `base.key` or `base[3]`. */
export function child(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Visit every string inside `v` with its JSON path; `skipKeys` are not descended into. */
export function eachString(v: unknown, path: string, visit: (s: string, path: string) => void, skipKeys: ReadonlySet<string> = new Set()): void {
  if (typeof v === 'string') {
    visit(v, path);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => eachString(x, child(path, i), visit, skipKeys));
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      if (!skipKeys.has(k)) eachString(v[k], child(path, k), visit, skipKeys);
    }
  }
}

/** Replace every string inside `v` (deeply, in place for containers) with `map(s)`. */
export function mapStrings(v: unknown, map: (s: string) => string): unknown {
  if (typeof v === 'string') return map(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, map));
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const k of Object.keys(v)) out[k] = mapStrings(v[k], map);
    return out;
  }
  return v;
}

/** Require `v` to be a JSON object, else fail with the path. */
export function requireObject(scope: IConstruct, path: string, v: unknown, accepted: string): JsonObject {
  if (!isObject(v)) fail(scope, path, v, accepted);
  return v;
}

/** Require `v` to be an array, else fail with the path. */
export function requireArray(scope: IConstruct, path: string, v: unknown, accepted: string): unknown[] {
  if (!Array.isArray(v)) fail(scope, path, v, accepted);
  return v;
}

/** Require a non-empty string. */
export function requireText(scope: IConstruct, path: string, v: unknown, accepted = 'a non-empty string'): string {
  if (typeof v !== 'string' || v.trim().length === 0) fail(scope, path, v, accepted);
  return v;
}

