/**
 * Facts about Grafana's dashboard JSON model used by the importer.
 *
 * Sources:
 * - Dashboard JSON model: https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/
 * - Dashboard HTTP API ("The uid can have a maximum length of 40 characters"):
 *   https://grafana.com/docs/grafana/latest/developers/http_api/dashboard/; the uid charset
 *   `^[a-zA-Z0-9\-\_]*$` and the 40-character limit are grafana/grafana pkg/util
 *   (IsValidShortUID, IsShortUIDTooLong).
 * - Export for sharing: on import Grafana replaces every `${NAME}` of every string with the value
 *   chosen for the input NAME of `__inputs`, and maps inputs whose pluginId is `__expr__`
 *   (server-side expressions) to `__expr__` (grafana/grafana pkg/services/dashboardimport,
 *   DashTemplateEvaluator).
 * - Global variables ($__dashboard, $__from/$__to, $__interval, $__interval_ms, $__name, $__org,
 *   $__user, $__range, $__rate_interval, $__timeFilter, $__timezone, $__all_variables, $timeFilter):
 *   https://grafana.com/docs/grafana/latest/visualizations/dashboards/variables/global-variables/
 * - Variable types (query, custom, textbox, constant, datasource, interval, adhoc, group by):
 *   https://grafana.com/docs/grafana/latest/dashboards/variables/
 */

/** Largest uid Grafana accepts. */
export const UID_MAX_LENGTH = 40;

/** The characters Grafana accepts in a uid (letters, digits, `-`, `_`). */
export const UID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** Variable types of the dashboard model. */
export const VARIABLE_TYPES: readonly string[] = ['adhoc', 'constant', 'custom', 'datasource', 'groupby', 'interval', 'query', 'textbox'];

/**
 * Built-in variables that need no entry in `templating.list`. Every name starting with `__` is
 * reserved for Grafana's global variables and data-source macros (`$__timeFilter(...)`), so it is
 * accepted too; `$timeFilter` and `$interval` are the pre-`__` spellings still honoured.
 */
export const BUILTIN_VARIABLES: ReadonlySet<string> = new Set(['timeFilter', 'interval']);

/** Panel types shipped with Grafana (current, and the legacy ones real exports still carry). */
export const CORE_PANEL_TYPES: ReadonlySet<string> = new Set([
  'alertlist', 'annolist', 'barchart', 'bargauge', 'candlestick', 'canvas', 'dashlist', 'datagrid', 'debug',
  'flamegraph', 'gauge', 'geomap', 'gettingstarted', 'heatmap', 'histogram', 'live', 'logs', 'news', 'nodeGraph',
  'piechart', 'row', 'stat', 'state-timeline', 'status-history', 'table', 'text', 'timeseries', 'traces', 'trend',
  'welcome', 'xychart',
  // legacy (AngularJS) panels that Grafana migrates when the dashboard is opened
  'graph', 'singlestat', 'table-old', 'grafana-singlestat-panel', 'grafana-piechart-panel', 'grafana-worldmap-panel',
]);

/** Legacy panel types that Grafana migrates on load (so a UI save changes the stored JSON). */
export const LEGACY_PANEL_TYPES: ReadonlySet<string> = new Set(['graph', 'singlestat', 'table-old', 'grafana-singlestat-panel', 'grafana-piechart-panel', 'grafana-worldmap-panel']);

/** The first schemaVersion with the `panels` + `gridPos` layout instead of `rows`. */
export const FIRST_PANELS_SCHEMA = 16;

/**
 * References to variables: `$name`, `${name}`, `${name:format}`, `${name.field}`, `[[name]]`,
 * `[[name:format]]` (the syntaxes of Grafana's template service).
 */
export const VARIABLE_REFERENCE = /\$([A-Za-z0-9_]+)|\$\{([A-Za-z0-9_]+)(?:[.:][^}]*)?\}|\[\[([A-Za-z0-9_]+)(?::[^\]]*)?\]\]/g;

/** The pseudo data source of server-side expressions. */
export const EXPRESSION_DATASOURCE = '__expr__';

/** `${NAME}` placeholders of an export made "for sharing externally". */
export const INPUT_REFERENCE = /\$\{([A-Za-z0-9_]+)\}/g;
