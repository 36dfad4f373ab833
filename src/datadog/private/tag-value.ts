/**
 * A CloudWatch dimension name or value as the tag Datadog's AWS integration stores it, for use
 * inside a Datadog query filter `{key:value}`. Datadog's tag rules
 * (docs.datadoghq.com/getting_started/tagging/#define-tags): tags are lower-cased; letters,
 * digits, `_`, `-`, `:`, `.` and `/` are kept, "other special characters are converted to
 * underscores"; contiguous underscores are reduced to one and trailing ones removed. So a
 * quote, a brace, a comma, a space or a newline never reaches the query text (where it would
 * end the filter or the query), and the filter matches the tag Datadog actually holds.
 * Returns `undefined` when nothing is left.
 */
export function datadogTagText(text: string): string | undefined {
  const out = text.toLowerCase()
    .replace(/[^\p{L}\p{N}_\-:./]/gu, '_')
    .replace(/_+/g, '_')
    .replace(/_+$/, '');
  return out === '' ? undefined : out;
}
