import { IConstruct } from 'constructs';
import { fail, requirePattern } from '../../core/private/validate';

// Datadog tags (docs.datadoghq.com/getting_started/tagging/, "Defining Tags"): a letter first,
// then alphanumerics, _ - : . /; not ending with a colon; at most 200 characters, lower-cased by
// Datadog (upper case is refused here, or the tag Datadog stores would differ from the name).
const TAG_VALUE = /^[a-z][a-z0-9_\-:./]*$/;
const TAG_MAX = 200;

/** A value of the Datadog tag `key` (e.g. `service`, `env`, `team`), checked. */
export function requireTagValue(scope: IConstruct, prop: string, key: string, value: unknown): string {
  const accepted = `a Datadog ${key} tag value: a lower-case letter first, then lower-case letters, digits, _ - : . /, `
    + `not ending with ':', at most ${TAG_MAX - key.length - 1} characters (the tag ${key}:<value> at most ${TAG_MAX})`;
  const s = requirePattern(scope, prop, value, TAG_VALUE, accepted);
  if (s.endsWith(':') || s.length > TAG_MAX - key.length - 1) fail(scope, prop, s, accepted);
  return s;
}
