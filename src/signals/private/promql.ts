/**
 * PromQL syntax check with Prometheus's own grammar: `@prometheus-io/lezer-promql`, the parser of
 * the Prometheus UI's query editor.
 */

/** The part of a Lezer syntax tree the check walks. */
interface SyntaxTreeLike {
  iterate(spec: { enter: (node: { readonly type: { readonly isError: boolean }; readonly from: number }) => boolean | void }): void;
}

// The package is an ES module whose `exports` also offer a CommonJS build ("require":
// dist/index.cjs); this library compiles to CommonJS, so it loads that build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: { parse(text: string): SyntaxTreeLike } };

/** Where the first syntax error of a PromQL query sits. */
export interface PromQlSyntaxError {
  /** Zero-based character offset of the error in the query as given. */
  readonly offset: number;
  /** The query text from the error on (at most 40 characters), for the message. */
  readonly near: string;
}

/**
 * Grafana's variable syntaxes in a query (Grafana documentation, "Variable syntax"): `$name`,
 * `${name}`, `${name:format}` and the deprecated `[[name]]`, built-ins included (`$__interval`,
 * `$__rate_interval`, `$__range`).
 */
const GRAFANA_VARIABLE = /\$\{[A-Za-z_][A-Za-z0-9_.]*(?::[^}]*)?\}|\[\[[A-Za-z_][A-Za-z0-9_.]*(?::[^\]]*)?\]\]|\$[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * The query with each Grafana variable replaced by text of the same length that PromQL accepts in
 * its place: a duration where the grammar wants one (after `[`, a subquery's `:` or `offset`), a
 * metric name elsewhere (which also stands for a number or a label: the grammar is checked, not
 * types). Keeping the lengths keeps error offsets true to the query as written.
 */
function withoutVariables(query: string): string {
  return query.replace(GRAFANA_VARIABLE, (m: string, offset: number) => {
    const before = query.slice(0, offset).trimEnd();
    const wantsDuration = before.endsWith('[') || before.endsWith(':') || /\boffset$/i.test(before);
    // a duration of the variable's length: "1" + "0"… + "m" (e.g. `$__interval` → `100000000m`)
    return wantsDuration ? `1${'0'.repeat(Math.max(0, m.length - 2))}m` : `v${'_'.repeat(m.length - 1)}`;
  });
}

/**
 * Parses a PromQL query and returns its first syntax error, or undefined when it parses. Lezer
 * recovers from errors by inserting error nodes (the `⚠` node type), so any such node in the tree
 * is a syntax error. Grafana variables (dashboards, `$__rate_interval`) are allowed.
 */
export function findPromQlSyntaxError(query: string): PromQlSyntaxError | undefined {
  const tree = parser.parse(withoutVariables(query));
  let offset: number | undefined;
  tree.iterate({
    enter: (node) => {
      if (offset !== undefined) return false;
      if (node.type.isError) {
        offset = node.from;
        return false;
      }
      return undefined;
    },
  });
  if (offset === undefined) return undefined;
  return { offset, near: query.slice(offset, offset + 40) };
}
