import { isToken } from './validate';

/**
 * The host of a URL, for integration descriptions: the path and query of a URL may carry a
 * secret (a webhook token in the path), the host does not. A URL that is a Terraform expression
 * is known only at plan time.
 */
export function hostOf(url: string | undefined): string {
  if (url === undefined) return 'unknown';
  if (isToken(url)) return '(known at plan time)';
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}

/** The entries whose value is defined, as strings. */
export function definedEntries(entries: Record<string, string | number | boolean | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = String(v);
  return out;
}
