import type { Widget } from '../widget';

/** A widget with the id and prop path the dashboard gave it. */
export interface PlacedWidget {
  readonly widget: Widget;
  /** The widget id, unique in the dashboard. */
  readonly id: string;
  /** Where it is, for error messages: `rows[1].widgets[0]`. */
  readonly prop: string;
}

/** A row of placed widgets. */
export interface PlacedRow {
  readonly title: string;
  readonly collapsed: boolean;
  readonly prop: string;
  readonly widgets: PlacedWidget[];
}

/** Grafana-style names of built-in variables (`$__interval`, `$__rate_interval`) are not template variables. */
const VARIABLE_REF = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

/** The template variable names a query text references (`$env`, `${env}`, `$env.value`). */
export function referencedVariables(text: string): string[] {
  const out: string[] = [];
  // A Terraform reference (a cdktf token, `${TfToken[…]}`) is no template variable.
  for (const m of text.replace(/\$\{TfToken\[[^\]]*\]\}/g, '').matchAll(VARIABLE_REF)) {
    if (!m[1].startsWith('__') && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/** `Errors per minute` → `errors-per-minute`. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
}
