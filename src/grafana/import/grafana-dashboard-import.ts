import { createHash } from 'crypto';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import {
  BUILTIN_VARIABLES, CORE_PANEL_TYPES, EXPRESSION_DATASOURCE, FIRST_PANELS_SCHEMA, INPUT_REFERENCE, LEGACY_PANEL_TYPES, UID_MAX_LENGTH,
  UID_PATTERN, VARIABLE_REFERENCE, VARIABLE_TYPES,
} from './private/grafana-facts';
import { Dashboard } from '../../bindings/grafana/dashboard/index';
import { ImportSource } from '../../catalog/import-source';
import {
  child, eachString, isObject, JsonObject, mapStrings, requireArray, requireObject, requireText, stableJson,
} from '../../catalog/private/json-tools';
import { adoptExisting } from '../../core/private/adopt';
import { libraryScope } from '../../core/private/template-escape';
import { describe as describeValue, fail, isToken, optionalBoolean, optionalPattern, Redacted, requireStringMap } from '../../core/private/validate';
import { GrafanaConnection } from '../grafana-connection';
import { GrafanaFolder } from '../grafana-folder';

/** Options of a Grafana dashboard import (everything but the source). */
export interface GrafanaDashboardImportOptions {
  /**
   * The Grafana instance that receives the dashboard.
   * @default - `GrafanaConnection.of(this)`: the default Grafana connection of the stack
   */
  readonly connection?: GrafanaConnection;

  /**
   * The folder to create the dashboard in, as a folder managed in the same app.
   * Mutually exclusive with `folderUid`.
   * @default - `folderUid`, or the General folder when neither is set
   */
  readonly folder?: GrafanaFolder;

  /**
   * The uid of an existing folder to create the dashboard in. Mutually exclusive with `folder`.
   * @default - `folder`, or the General folder when neither is set
   */
  readonly folderUid?: string;

  /**
   * The dashboard uid (1 to 40 letters, digits, `-` or `_`), replacing the one of the export.
   * @default - the export's `uid`, or one derived deterministically from the title
   */
  readonly uid?: string;

  /**
   * The dashboard title, replacing the one of the export.
   * @default - the export's `title`
   */
  readonly title?: string;

  /**
   * Overwrite a dashboard with the same uid, or the same title in the same folder, that already
   * exists in Grafana (the provider's `overwrite`).
   * @default false
   */
  readonly overwrite?: boolean;

  /**
   * For a dashboard exported "for sharing externally": the datasource uid to use for each
   * datasource input of `__inputs` (`{ DS_PROMETHEUS: 'prometheus-uid' }`). Every `${DS_…}`
   * placeholder the dashboard references must be mapped.
   * @default - no mapping; an export that references datasource inputs is rejected
   */
  readonly datasources?: { [inputName: string]: string };

  /**
   * The commit message of the dashboard version Terraform saves.
   * @default - no message
   */
  readonly message?: string;

  /**
   * Adopt the existing dashboard instead of creating a new one: a Terraform `import` block
   * (Terraform 1.5+) for the export's own `uid` (the import id of `grafana_dashboard` is
   * `<uid>` for the provider's organization, or `<orgID>:<uid>`:
   * grafana/terraform-provider-grafana docs/resources/dashboard.md, "Import"; the library writes
   * `<uid>`, the connection's organization). Terraform then updates the dashboard in place. The
   * export must carry its `uid`, and `uid`, if given, must be the same.
   * @default false
   */
  readonly adopt?: boolean;
}

/** Props of a `GrafanaDashboardImport`. */
export interface GrafanaDashboardImportProps extends GrafanaDashboardImportOptions {
  /** The exported dashboard JSON (the dashboard model, or the `{ dashboard, meta }` API answer). */
  readonly source: ImportSource;
}

interface PanelRef {
  readonly panel: JsonObject;
  readonly path: string;
}

/**
 * A dashboard exported from Grafana ("Export → Export as JSON", with or without "Export for
 * sharing externally", or `GET /api/dashboards/uid/:uid`), validated and managed as a
 * `grafana_dashboard`.
 *
 * Validation (a `ValidationError` naming the JSON path of the first offending field): the
 * document is a dashboard object with a title and a `panels` or (pre-schema-16) `rows` array;
 * every panel has a `type` (or is a library-panel reference); panel ids are unique, including
 * in collapsed rows; every template variable referenced in a query (`$var`, `${var}`,
 * `${var:format}`, `[[var]]`) is defined in `templating.list` or built in (`$__interval`,
 * `$__rate_interval`, `$__range`, `$__auto`, `$__all`, `$timeFilter`, `$interval`, every other
 * `$__…` name, and the refIds of the panel's own queries used by server-side expressions);
 * every datasource input (`${DS_…}`) an export for sharing references is mapped in
 * `datasources` (the `__expr__` input of server-side expressions maps itself, constant inputs
 * take their exported value), as Grafana's own import does.
 *
 * Normalisation: `id` and `version` are removed (Grafana assigns them), `uid` is set (from
 * `uid`, the export, or derived from the title: at most 40 characters of Grafana's uid
 * charset), the export-for-sharing metadata (`__inputs`, `__requires`, `__elements`) is removed
 * after its placeholders are substituted, and `config_json` is rendered with sorted keys, so
 * the same export always gives byte-identical Terraform. Everything else, including unknown
 * panel types, plugin panels, legacy `graph` panels, legacy `rows` and library-panel
 * references, is carried over unchanged (with a synth warning where Grafana needs something
 * this construct does not create).
 *
 * State: no secret is involved; the dashboard JSON is stored in the Terraform state.
 */
export class GrafanaDashboardImport extends Construct {
  /**
   * Import a dashboard from its JSON text.
   * @param json the exported JSON text
   */
  public static fromString(scope: Construct, id: string, json: string, options: GrafanaDashboardImportOptions = {}): GrafanaDashboardImport {
    return new GrafanaDashboardImport(scope, id, { ...options, source: ImportSource.fromString(json) });
  }

  /**
   * Import a dashboard from a parsed JSON object.
   * @param dashboard the parsed export (deep-copied, never modified)
   */
  public static fromObject(
    scope: Construct, id: string, dashboard: { [key: string]: any }, options: GrafanaDashboardImportOptions = {},
  ): GrafanaDashboardImport {
    return new GrafanaDashboardImport(scope, id, { ...options, source: ImportSource.fromObject(dashboard) });
  }

  /**
   * Import a dashboard from a JSON file, read at synth time.
   * @param path the file path (relative to the working directory, or absolute)
   */
  public static fromFile(scope: Construct, id: string, path: string, options: GrafanaDashboardImportOptions = {}): GrafanaDashboardImport {
    return new GrafanaDashboardImport(scope, id, { ...options, source: ImportSource.fromFile(path) });
  }

  /**
   * The uid derived from a title: the lower-case slug of the title when it fits in 40
   * characters, else its first 31 characters and 8 hex digits of the title's SHA-256.
   * @param title the dashboard title
   */
  public static uidFromTitle(title: string): string {
    const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (slug.length > 0 && slug.length <= UID_MAX_LENGTH) return slug;
    const hash = createHash('sha256').update(title, 'utf8').digest('hex').slice(0, 8);
    const base = slug.slice(0, UID_MAX_LENGTH - 9).replace(/-+$/, '');
    return base ? `${base}-${hash}` : hash;
  }
  /** The `grafana_dashboard` resource (escape hatch). */
  public readonly resource: Dashboard;
  /** The dashboard uid. */
  public readonly uid: string;
  /** The dashboard title. */
  public readonly title: string;
  /**
   * The normalised dashboard model as Grafana receives it (in the synthesized `config_json`,
   * `${` and `%{` are escaped for Terraform as `$${` and `%%{`).
   */
  public readonly configJson: string;

  constructor(scope: Construct, id: string, props: GrafanaDashboardImportProps) {
    super(scope, id);
    libraryScope(this);
    if (!(props.source instanceof ImportSource)) {
      fail(this, 'source', props.source, 'ImportSource.fromString(json), ImportSource.fromObject(object) or ImportSource.fromFile(path)');
    }
    if (props.connection !== undefined && !(props.connection instanceof GrafanaConnection)) {
      fail(this, 'connection', props.connection, 'a GrafanaConnection');
    }
    const connection = props.connection ?? GrafanaConnection.of(this);
    if (props.folder !== undefined && props.folderUid !== undefined) {
      fail(this, 'folderUid', props.folderUid, 'undefined when `folder` is set (give either folder or folderUid)');
    }
    if (props.folder !== undefined && !(props.folder instanceof GrafanaFolder)) fail(this, 'folder', props.folder, 'a GrafanaFolder');
    const folderUid = optionalPattern(this, 'folderUid', props.folderUid, UID_PATTERN, `a folder uid of 1 to ${UID_MAX_LENGTH} letters, digits, "-" or "_"`);
    const overrideUid = optionalPattern(this, 'uid', props.uid, UID_PATTERN, `1 to ${UID_MAX_LENGTH} letters, digits, "-" or "_"`);
    const overrideTitle = props.title === undefined ? undefined : requireText(this, 'title', props.title);
    const overwrite = optionalBoolean(this, 'overwrite', props.overwrite, false);
    const adopt = optionalBoolean(this, 'adopt', props.adopt, false);
    const message = props.message === undefined ? undefined : requireText(this, 'message', props.message);
    const datasources = requireStringMap(this, 'datasources', props.datasources, /^[A-Za-z0-9_]+$/, 'an input name of letters, digits and "_" (e.g. DS_PROMETHEUS)', 1000);

    const loaded = props.source._load(this, 'dashboard');
    let root = loaded.root;
    let dash = requireObject(this, root, loaded.value, 'a Grafana dashboard JSON object');
    // The HTTP API answer wraps the model: { dashboard: {...}, meta: {...} }.
    if (isObject(dash.dashboard) && isObject(dash.meta)) {
      root = child(root, 'dashboard');
      dash = dash.dashboard;
    }

    const warnings: string[] = [];
    dash = this.substituteInputs(dash, root, datasources) as JsonObject;

    const title = overrideTitle ?? requireText(this, child(root, 'title'), dash.title, 'the dashboard title (a non-empty string)');
    const panels = this.collectPanels(dash, root, warnings);
    const defined = this.checkVariables(dash, root, warnings);
    this.checkReferences(dash, root, panels, defined);

    const schemaVersion = dash.schemaVersion;
    if (typeof schemaVersion === 'number' && schemaVersion < FIRST_PANELS_SCHEMA) {
      warnings.push(`schemaVersion ${schemaVersion} (legacy "rows" layout): Grafana migrates the model to schema ${FIRST_PANELS_SCHEMA}+ when the dashboard is opened; saving it from the UI then changes the stored JSON and Terraform shows a diff.`);
    }
    const legacy = countBy(panels.map((p) => p.panel.type).filter((t): t is string => typeof t === 'string' && LEGACY_PANEL_TYPES.has(t)));
    if (legacy.length > 0) {
      Annotations.of(this).addInfo(`${this.node.path}: legacy panel types ${legacy.join(', ')} are carried over; Grafana migrates them to current panels when the dashboard is opened.`);
    }

    let uid: string;
    if (overrideUid !== undefined) {
      uid = overrideUid;
    } else if (dash.uid !== undefined && dash.uid !== null && dash.uid !== '') {
      if (typeof dash.uid !== 'string' || !UID_PATTERN.test(dash.uid)) {
        fail(this, child(root, 'uid'), dash.uid, `1 to ${UID_MAX_LENGTH} letters, digits, "-" or "_" (or set the 'uid' prop)`);
      }
      uid = dash.uid;
    } else {
      uid = GrafanaDashboardImport.uidFromTitle(title);
    }

    const elements = isObject(dash.__elements) ? Object.keys(dash.__elements).length : 0;
    if (elements > 0) {
      warnings.push(`__elements holds ${elements} library panel model(s) of the export; they are not imported: create the library panels in Grafana (or with grafana_library_panel) before applying.`);
    }
    const out: JsonObject = { ...dash, uid, title };
    // Grafana assigns the numeric id and the version; the grafana provider ignores both when it
    // compares config_json (NormalizeDashboardConfigJSON, grafana/terraform-provider-grafana), so
    // leaving them in would only show values that Grafana overwrites.
    delete out.id;
    delete out.version;
    for (const meta of ['__inputs', '__requires', '__elements']) delete out[meta];

    this.uid = uid;
    this.title = title;
    this.configJson = stableJson(out);
    this.resource = new Dashboard(this, 'Resource', {
      provider: connection.provider,
      configJson: this.configJson,
      folder: props.folder?.resource.uid ?? folderUid,
      overwrite: overwrite ? true : undefined,
      message,
    });
    if (adopt) {
      const uidPath = child(root, 'uid');
      if (typeof dash.uid !== 'string' || !UID_PATTERN.test(dash.uid)) {
        fail(this, uidPath, dash.uid, `the uid of the existing dashboard (1 to ${UID_MAX_LENGTH} letters, digits, "-" or "_"), required by adopt: true`);
      }
      if (uid !== dash.uid) fail(this, 'uid', uid, `undefined or the export's uid ${JSON.stringify(dash.uid)} when adopt is true (the adopted dashboard keeps its uid)`);
      adoptExisting(this, uidPath, this.resource, uid);
    }
    for (const w of warnings) Annotations.of(this).addWarning(`${this.node.path}: ${w.split(loaded.root).join(loaded.display)}`);
    const assigned = ['id', 'version'].filter((k) => dash[k] !== undefined && dash[k] !== null);
    if (assigned.length > 0) {
      Annotations.of(this).addInfo(`${this.node.path}: ${assigned.join(' and ')} of the export left out (Grafana assigns ${assigned.length > 1 ? 'them' : 'it'}).`);
    }
  }

  /** Replace the `${NAME}` placeholders of an export for sharing and check the mapping. */
  private substituteInputs(dash: JsonObject, root: string, datasources: Record<string, string>): unknown {
    const inputsPath = child(root, '__inputs');
    const inputs = dash.__inputs === undefined ? [] : requireArray(this, inputsPath, dash.__inputs, 'an array of inputs ({ name, type, pluginId })');
    const dsInputs = new Set<string>();
    const exprInputs = new Set<string>();
    const values = new Map<string, string>();
    inputs.forEach((input, i) => {
      const p = child(inputsPath, i);
      const o = requireObject(this, p, input, 'an input object ({ name, type })');
      const name = requireText(this, child(p, 'name'), o.name, 'the input name (e.g. "DS_PROMETHEUS")');
      if (o.type === 'datasource' && o.pluginId === EXPRESSION_DATASOURCE) {
        // Grafana's own import always maps the server-side-expressions input to `__expr__`
        // (a mapping given for it is taken as it is).
        values.set(name, EXPRESSION_DATASOURCE);
        exprInputs.add(name);
      } else if (o.type === 'datasource') {
        dsInputs.add(name);
      } else if (o.type === 'constant') {
        if (typeof o.value !== 'string') fail(this, child(p, 'value'), o.value, 'the value of the constant input (a string)');
        values.set(name, o.value);
      } else {
        fail(this, child(p, 'type'), o.type, '"datasource" or "constant"');
      }
    });
    const allDs = [...dsInputs, ...exprInputs].sort();
    for (const key of Object.keys(datasources)) {
      if (!dsInputs.has(key) && !exprInputs.has(key)) {
        fail(this, `datasources.${key}`, key, allDs.length ? `the name of a datasource input of the export (${allDs.join(', ')})` : 'absent: the export has no datasource inputs (__inputs)');
      }
    }
    const body: JsonObject = { ...dash };
    delete body.__inputs;
    const referenced = new Set<string>();
    eachString(body, root, (s) => {
      for (const m of s.matchAll(INPUT_REFERENCE)) if (dsInputs.has(m[1])) referenced.add(m[1]);
    });
    const missing = [...referenced].filter((n) => datasources[n] === undefined).sort();
    if (missing.length > 0) {
      fail(this, 'datasources', datasources,
        `a map with a datasource uid for every datasource input the export references (${[...referenced].sort().join(', ')}); missing: ${missing.join(', ')}`);
    }
    for (const [k, v] of Object.entries(datasources)) {
      if (!isToken(v) && v.trim().length === 0) fail(this, `datasources.${k}`, v, 'a datasource uid (a non-empty string)');
      values.set(k, v);
    }
    if (values.size === 0) return dash;
    return mapStrings(dash, (s) => s.replace(INPUT_REFERENCE, (whole, name: string) => values.get(name) ?? whole));
  }

  /** Validate the layout and the panels; returns every panel (nested and legacy rows included). */
  private collectPanels(dash: JsonObject, root: string, warnings: string[]): PanelRef[] {
    const hasPanels = dash.panels !== undefined;
    const hasRows = dash.rows !== undefined;
    if (!hasPanels && !hasRows) {
      fail(this, root, new Redacted(`an object with keys ${Object.keys(dash).sort().join(', ') || '(none)'}`),
        'a Grafana dashboard with a "panels" array (or, before schema 16, a "rows" array)');
    }
    const all: PanelRef[] = [];
    const walk = (list: unknown, path: string, inRow: boolean) => {
      requireArray(this, path, list, 'an array of panels').forEach((p, i) => {
        const pp = child(path, i);
        const panel = requireObject(this, pp, p, 'a panel object');
        const library = isObject(panel.libraryPanel) ? panel.libraryPanel : undefined;
        if (panel.type !== undefined || library === undefined) {
          requireText(this, child(pp, 'type'), panel.type, 'a panel type (e.g. "timeseries", "stat", "row")');
        }
        all.push({ panel, path: pp });
        if (library) {
          warnings.push(`${pp} references library panel ${describeValue(library.name ?? '')} (uid ${describeValue(library.uid ?? '')}): it is carried over unchanged, and the library panel must exist in the Grafana organization (this import does not create it).`);
        } else if (!CORE_PANEL_TYPES.has(panel.type as string)) {
          warnings.push(`${pp} has panel type ${describeValue(panel.type)}, which is not a core Grafana panel: it is carried over unchanged, and its plugin must be installed in Grafana.`);
        }
        if (panel.type === 'row' && panel.panels !== undefined) {
          if (inRow) fail(this, child(pp, 'panels'), panel.panels, 'absent (rows cannot be nested in rows)');
          walk(panel.panels, child(pp, 'panels'), true);
        }
      });
    };
    if (hasPanels) walk(dash.panels, child(root, 'panels'), false);
    if (hasRows) {
      const rowsPath = child(root, 'rows');
      requireArray(this, rowsPath, dash.rows, 'an array of rows (the layout before schema 16)').forEach((r, i) => {
        const rp = child(rowsPath, i);
        const row = requireObject(this, rp, r, 'a row object with a "panels" array');
        if (row.panels !== undefined) walk(row.panels, child(rp, 'panels'), true);
      });
    }
    const seen = new Map<number, string>();
    for (const { panel, path } of all) {
      if (panel.id === undefined || panel.id === null) continue;
      if (typeof panel.id !== 'number' || !Number.isInteger(panel.id)) fail(this, child(path, 'id'), panel.id, 'a whole-number panel id');
      const first = seen.get(panel.id);
      if (first !== undefined) fail(this, child(path, 'id'), panel.id, `a panel id unique in the dashboard (${first}.id has it too)`);
      seen.set(panel.id, path);
    }
    return all;
  }

  /** Validate `templating.list`; returns the defined variable names. */
  private checkVariables(dash: JsonObject, root: string, warnings: string[]): Set<string> {
    const defined = new Set<string>();
    if (dash.templating === undefined) return defined;
    const tp = child(root, 'templating');
    const templating = requireObject(this, tp, dash.templating, 'an object with a "list" array of variables');
    if (templating.list === undefined) return defined;
    const lp = child(tp, 'list');
    requireArray(this, lp, templating.list, 'an array of template variables').forEach((v, i) => {
      const vp = child(lp, i);
      const variable = requireObject(this, vp, v, 'a template variable object ({ name, type, ... })');
      const name = requireText(this, child(vp, 'name'), variable.name, 'the variable name (a non-empty string)');
      if (defined.has(name)) fail(this, child(vp, 'name'), name, 'a variable name unique in templating.list');
      defined.add(name);
      if (variable.type !== undefined && typeof variable.type !== 'string') fail(this, child(vp, 'type'), variable.type, `a variable type (${VARIABLE_TYPES.join(', ')})`);
      if (typeof variable.type === 'string' && !VARIABLE_TYPES.includes(variable.type)) {
        warnings.push(`${vp} ("${name}") has variable type ${describeValue(variable.type)}, which is not one of ${VARIABLE_TYPES.join(', ')}: it is carried over unchanged.`);
      }
    });
    return defined;
  }

  /** Every variable a query references is defined or built in. */
  private checkReferences(dash: JsonObject, root: string, panels: PanelRef[], defined: Set<string>): void {
    const names = [...defined].sort();
    // Server-side expressions reference the other queries of their panel by refId (`$A`).
    let refIds = new Set<string>();
    const check = (s: string, path: string) => {
      for (const m of s.matchAll(VARIABLE_REFERENCE)) {
        const name = m[1] ?? m[2] ?? m[3];
        if (/^\d+$/.test(name) || name.startsWith('__') || BUILTIN_VARIABLES.has(name) || defined.has(name) || refIds.has(name)) continue;
        fail(this, path, s,
          `a query whose variables are defined in templating.list (${names.length ? names.join(', ') : 'none defined'}) or built in ($__interval, $__rate_interval, $__range, $__auto, $__all, $timeFilter, $interval, ...); ${describeValue(m[0])} is not defined`);
      }
    };
    // InfluxDB aliases use $tag_x / $col / $m patterns that are not variables.
    const skip = new Set(['alias']);
    for (const { panel, path } of panels) {
      refIds = new Set((Array.isArray(panel.targets) ? panel.targets : [])
        .map((t) => (isObject(t) && typeof t.refId === 'string' ? t.refId : '')).filter((r) => r !== ''));
      if (panel.targets !== undefined) eachString(panel.targets, child(path, 'targets'), check, skip);
      refIds = new Set();
      if (panel.datasource !== undefined) eachString(panel.datasource, child(path, 'datasource'), check);
      if (typeof panel.repeat === 'string' && panel.repeat !== '' && !defined.has(panel.repeat)) {
        fail(this, child(path, 'repeat'), panel.repeat, `the name of a variable of templating.list (${names.length ? names.join(', ') : 'none defined'})`);
      }
    }
    const list = isObject(dash.templating) && Array.isArray(dash.templating.list) ? dash.templating.list : [];
    list.forEach((v, i) => {
      const vp = child(child(child(root, 'templating'), 'list'), i);
      for (const key of ['query', 'definition', 'datasource']) {
        if ((v as JsonObject)[key] !== undefined) eachString((v as JsonObject)[key], child(vp, key), check);
      }
    });
    const annotations = isObject(dash.annotations) && Array.isArray(dash.annotations.list) ? dash.annotations.list : [];
    annotations.forEach((a, i) => {
      if (!isObject(a)) return;
      const ap = child(child(child(root, 'annotations'), 'list'), i);
      for (const key of ['datasource', 'expr', 'query', 'target', 'rawQuery', 'rawSql']) {
        if (a[key] !== undefined) eachString(a[key], child(ap, key), check);
      }
    });
  }


}

function countBy(items: string[]): string[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts.keys()].sort().map((k) => `${k} (${counts.get(k)})`);
}
