import { IConstruct } from 'constructs';
import { fail, isToken, requireNoControlChars } from '../../core/private/validate';

// Project slug rules, GitLab docs "Reserved project and group names" (docs.gitlab.com/user/reserved_names,
// "Rules for usernames, project and group names, and slugs"): only letters, digits, `_`, `.` and `-`; start
// and end with a letter or digit; no consecutive special characters; not ending in `.git` or `.atom`.
export const SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9]|[._-](?=[A-Za-z0-9]))*$/;
export const SLUG_SUFFIX = /\.(git|atom)$/i;

/** The full path of a project (`path_with_namespace`, e.g. `group/subgroup/project`), checked; a token passes. */
export function requireProjectFullPath(scope: IConstruct, prop: string, value: unknown): string {
  const accepted = 'the full path of a project, e.g. "group/subgroup/project": "/"-separated GitLab paths of letters, digits, "_", "." and "-"';
  const full = requireNoControlChars(scope, prop, value, accepted);
  if (!isToken(full)) {
    const segments = full.split('/');
    if (segments.length < 2 || segments.some((s) => !SLUG.test(s) || SLUG_SUFFIX.test(s))) fail(scope, prop, full, accepted);
  }
  return full;
}
