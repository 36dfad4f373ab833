import { DashboardJson } from '@cdktf/provider-datadog/lib/dashboard-json';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { DASHBOARD_READ_ONLY, DD_VARIABLE_REFERENCE, LAYOUT_TYPES, WIDGET_TYPES } from './private/datadog-facts';
import { ImportSource } from '../../catalog/import-source';
import { child, eachString, JsonObject, requireArray, requireObject, requireText, stableJson } from '../../catalog/private/json-tools';
import { adoptExisting } from '../../core/private/adopt';
import { libraryScope } from '../../core/private/template-escape';
import { describe as describeValue, fail, optionalBoolean } from '../../core/private/validate';
import { DatadogConnection } from '../datadog-connection';

/** Options of a Datadog dashboard import (everything but the source). */
export interface DatadogDashboardImportOptions {
  /**
   * The Datadog organization that receives the dashboard.
   * @default - `DatadogConnection.of(this)`: the default Datadog connection of the stack
   */
  readonly connection?: DatadogConnection;

  /**
   * The dashboard title, replacing the one of the export.
   * @default - the export's `title`
   */
  readonly title?: string;

  /**
   * Adopt the existing dashboard instead of creating a new one: a Terraform `import` block
   * (Terraform 1.5+) for the export's own `id`, the dashboard id of its URL (`abc-def-ghi`; the
   * import id of `datadog_dashboard_json`: DataDog/terraform-provider-datadog
   * docs/resources/dashboard_json.md, "Import"). Terraform then updates the dashboard in place.
   * The export must carry its `id`.
   * @default false
   */
  readonly adopt?: boolean;
}

/** Props of a `DatadogDashboardImport`. */
export interface DatadogDashboardImportProps extends DatadogDashboardImportOptions {
  /** The exported dashboard JSON (Datadog's "Export dashboard JSON", or `GET /api/v1/dashboard/:id`). */
  readonly source: ImportSource;
}

/**
 * A dashboard exported from Datadog, validated and managed as a `datadog_dashboard_json`.
 *
 * Validation (a `ValidationError` naming the JSON path of the first offending field): the
 * document is an object with a title, `layout_type` `ordered` or `free`, and a `widgets` array;
 * every widget (including those nested in `group` widgets) has a `definition` with a `type`;
 * every widget of a free layout has a `layout`; template variables are uniquely named, and every
 * `$var` (or `$var.value`) referenced in a query, tag or scope of a widget is defined.
 *
 * Normalisation: the read-only fields `id`, `author_handle`, `author_name`, `created_at`,
 * `modified_at` and `url` are removed; everything else is carried over unchanged, including
 * widget types this construct does not know (with a synth warning). The JSON is rendered with
 * sorted keys, so the same export always gives byte-identical Terraform.
 *
 * State: no secret is involved; the dashboard JSON is stored in the Terraform state.
 */
export class DatadogDashboardImport extends Construct {
  /**
   * Import a dashboard from its JSON text.
   * @param json the exported JSON text
   */
  public static fromString(scope: Construct, id: string, json: string, options: DatadogDashboardImportOptions = {}): DatadogDashboardImport {
    return new DatadogDashboardImport(scope, id, { ...options, source: ImportSource.fromString(json) });
  }

  /**
   * Import a dashboard from a parsed JSON object.
   * @param dashboard the parsed export (deep-copied, never modified)
   */
  public static fromObject(
    scope: Construct, id: string, dashboard: { [key: string]: any }, options: DatadogDashboardImportOptions = {},
  ): DatadogDashboardImport {
    return new DatadogDashboardImport(scope, id, { ...options, source: ImportSource.fromObject(dashboard) });
  }

  /**
   * Import a dashboard from a JSON file, read at synth time.
   * @param path the file path (relative to the working directory, or absolute)
   */
  public static fromFile(scope: Construct, id: string, path: string, options: DatadogDashboardImportOptions = {}): DatadogDashboardImport {
    return new DatadogDashboardImport(scope, id, { ...options, source: ImportSource.fromFile(path) });
  }

  /** The `datadog_dashboard_json` resource (escape hatch). */
  public readonly resource: DashboardJson;
  /** The dashboard title. */
  public readonly title: string;
  /**
   * The normalised dashboard as Datadog receives it (in the synthesized `dashboard` argument,
   * `${` and `%{` are escaped for Terraform as `$${` and `%%{`).
   */
  public readonly dashboardJson: string;

  constructor(scope: Construct, id: string, props: DatadogDashboardImportProps) {
    super(scope, id);
    libraryScope(this);
    if (!(props.source instanceof ImportSource)) {
      fail(this, 'source', props.source, 'ImportSource.fromString(json), ImportSource.fromObject(object) or ImportSource.fromFile(path)');
    }
    if (props.connection !== undefined && !(props.connection instanceof DatadogConnection)) {
      fail(this, 'connection', props.connection, 'a DatadogConnection');
    }
    const connection = props.connection ?? DatadogConnection.of(this);
    const overrideTitle = props.title === undefined ? undefined : requireText(this, 'title', props.title);
    const adopt = optionalBoolean(this, 'adopt', props.adopt, false);

    const loaded = props.source._load(this, 'dashboard');
    const root = loaded.root;
    const dash = requireObject(this, root, loaded.value, 'a Datadog dashboard JSON object');
    const title = overrideTitle ?? requireText(this, child(root, 'title'), dash.title, 'the dashboard title (a non-empty string)');
    const layout = dash.layout_type;
    if (typeof layout !== 'string' || !LAYOUT_TYPES.includes(layout)) {
      fail(this, child(root, 'layout_type'), layout, '"ordered" or "free"');
    }

    const variables = this.checkTemplateVariables(dash, root);
    const warnings: string[] = [];
    const widgetsPath = child(root, 'widgets');
    const widgets = requireArray(this, widgetsPath, dash.widgets, 'an array of widgets');
    this.checkWidgets(widgets, widgetsPath, layout === 'free', variables, warnings);

    const out: JsonObject = { ...dash, title };
    for (const key of DASHBOARD_READ_ONLY) delete out[key];

    this.title = title;
    this.dashboardJson = stableJson(out);
    this.resource = new DashboardJson(this, 'Resource', {
      provider: connection.provider,
      dashboard: this.dashboardJson,
    });
    if (adopt) {
      // Dashboard ids are three groups of three lower-case letters or digits (`abc-def-ghi`), the
      // id of the dashboard's URL (/dashboard/<id>/<slug>).
      const idPath = child(root, 'id');
      if (typeof dash.id !== 'string' || !/^[a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{3}$/.test(dash.id)) {
        fail(this, idPath, dash.id, 'the id of the existing dashboard (three groups of three lower-case letters or digits, e.g. "abc-def-ghi"), required by adopt: true');
      }
      adoptExisting(this, idPath, this.resource, dash.id);
    }
    for (const w of warnings) Annotations.of(this).addWarning(`${this.node.path}: ${w.split(loaded.root).join(loaded.display)}`);
    const readOnly = DASHBOARD_READ_ONLY.filter((k) => dash[k] !== undefined);
    if (readOnly.length > 0) Annotations.of(this).addInfo(`${this.node.path}: read-only fields left out (Datadog sets them): ${readOnly.join(', ')}.`);
  }

  private checkTemplateVariables(dash: JsonObject, root: string): Set<string> {
    const names = new Set<string>();
    if (dash.template_variables === undefined || dash.template_variables === null) return names;
    const tp = child(root, 'template_variables');
    requireArray(this, tp, dash.template_variables, 'an array of template variables').forEach((v, i) => {
      const vp = child(tp, i);
      const variable = requireObject(this, vp, v, 'a template variable object ({ name, prefix, ... })');
      const name = requireText(this, child(vp, 'name'), variable.name, 'the variable name (a non-empty string)');
      if (names.has(name)) fail(this, child(vp, 'name'), name, 'a template variable name unique in the dashboard');
      names.add(name);
    });
    return names;
  }

  private checkWidgets(widgets: unknown[], path: string, free: boolean, variables: Set<string>, warnings: string[]): void {
    const names = [...variables].sort();
    const check = (s: string, p: string) => {
      for (const m of s.matchAll(DD_VARIABLE_REFERENCE)) {
        const ref = m[1].replace(/[.-]+$/, '');
        if (variables.has(ref) || names.some((n) => ref.startsWith(`${n}.`))) continue;
        fail(this, p, s, `a query whose $variables are defined in template_variables (${names.length ? names.join(', ') : 'none defined'}); ${describeValue(m[0])} is not defined`);
      }
    };
    widgets.forEach((w, i) => {
      const wp = child(path, i);
      const widget = requireObject(this, wp, w, 'a widget object ({ definition, layout })');
      const dp = child(wp, 'definition');
      const def = requireObject(this, dp, widget.definition, 'a widget definition object with a "type"');
      const type = requireText(this, child(dp, 'type'), def.type, 'a widget type (e.g. "timeseries", "query_value", "group", "note")');
      if (free) {
        const lp = child(wp, 'layout');
        const layout = requireObject(this, lp, widget.layout, 'a layout { x, y, width, height } (every widget of a free layout has one)');
        for (const k of ['x', 'y', 'width', 'height']) {
          if (typeof layout[k] !== 'number' || !Number.isFinite(layout[k])) fail(this, child(lp, k), layout[k], 'a number');
        }
      }
      if (!WIDGET_TYPES.has(type)) {
        warnings.push(`${dp} has widget type ${describeValue(type)}, which is not a known Datadog widget type: it is carried over unchanged.`);
      }
      for (const key of ['requests', 'queries', 'query', 'tags', 'scope', 'filters', 'events']) {
        if (def[key] !== undefined) eachString(def[key], child(dp, key), check);
      }
      if (type === 'group' || def.widgets !== undefined) {
        const nested = requireArray(this, child(dp, 'widgets'), def.widgets, 'an array of widgets (the widgets of the group)');
        this.checkWidgets(nested, child(dp, 'widgets'), false, variables, warnings);
      }
    });
  }
}
