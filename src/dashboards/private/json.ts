/** Deterministic JSON helpers for the dashboard renderers. */

/** A copy of `value` whose object keys are sorted at every depth (array order is kept). */
export function sortKeysDeep(value: unknown): any {
  if (Array.isArray(value)) return value.map((v) => sortKeysDeep(v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeysDeep(v);
    }
    return out;
  }
  return value;
}

/**
 * `base` with `overrides` merged in: objects merge key by key, anything else (arrays, scalars,
 * null) replaces what was there. Neither input is changed.
 */
export function deepMerge(base: unknown, overrides: unknown): any {
  if (!isPlainObject(base) || !isPlainObject(overrides)) return clone(overrides);
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(overrides as Record<string, unknown>)) {
    out[k] = k in out ? deepMerge(out[k], v) : clone(v);
  }
  return out;
}

export function isPlainObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function clone(v: unknown): any {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** Deterministic JSON text: keys sorted at every depth. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}
