/**
 * Facts about Datadog's dashboard and monitor JSON used by the importers.
 *
 * Sources:
 * - Dashboards API v1 (Dashboard object: `layout_type` is `ordered` or `free`; `id`,
 *   `author_handle`, `author_name`, `created_at`, `modified_at` and `url` are read-only; widgets of
 *   a free layout carry a `layout`): https://docs.datadoghq.com/api/latest/dashboards/
 * - Widget types (the `type` of a widget definition): https://docs.datadoghq.com/dashboards/widgets/
 * - Template variables (`$name` and `$name.value` in queries):
 *   https://docs.datadoghq.com/dashboards/template_variables/
 * - `datadog_dashboard_json` strips the same read-only fields (`computedFields`) and every widget
 *   `id` from its state, and expects `widgets` to be an array of widgets that each have a
 *   `definition` object (DataDog/terraform-provider-datadog
 *   datadog/resource_datadog_dashboard_json.go): the validation here keeps the provider from
 *   failing on an export that lacks them.
 * - `datadog_dashboard_json` (argument `dashboard`, a JSON string) and `datadog_monitor`
 *   (provider 3.82, arguments as in @cdktf/provider-datadog 12.15 lib/monitor):
 *   DataDog/terraform-provider-datadog docs/resources/dashboard_json.md and monitor.md
 * - Monitors API v1 (monitor object and its `options`): https://docs.datadoghq.com/api/latest/monitors/
 */

/** Dashboard layouts. */
export const LAYOUT_TYPES: readonly string[] = ['ordered', 'free'];

/** Read-only fields of a dashboard, set by Datadog. */
export const DASHBOARD_READ_ONLY: readonly string[] = ['author_handle', 'author_name', 'created_at', 'id', 'modified_at', 'url'];

/** Widget types of the dashboards API. */
export const WIDGET_TYPES: ReadonlySet<string> = new Set([
  'alert_graph', 'alert_value', 'bar_chart', 'change', 'check_status', 'distribution', 'event_stream', 'event_timeline',
  'free_text', 'funnel', 'geomap', 'group', 'heatmap', 'hostmap', 'iframe', 'image', 'list_stream', 'log_stream',
  'manage_status', 'note', 'powerpack', 'query_table', 'query_value', 'run_workflow', 'sankey', 'scatterplot',
  'servicemap', 'slo', 'slo_list', 'split_group', 'sunburst', 'timeseries', 'toplist', 'topology_map', 'trace_service',
  'treemap',
]);

/** Monitor types accepted by `datadog_monitor` (provider 3.82, argument `type`). */
export const MONITOR_TYPES: readonly string[] = [
  'composite', 'event alert', 'log alert', 'metric alert', 'process alert', 'query alert', 'rum alert', 'service check',
  'synthetics alert', 'trace-analytics alert', 'slo alert', 'event-v2 alert', 'audit alert', 'ci-pipelines alert',
  'ci-tests alert', 'error-tracking alert', 'database-monitoring alert', 'network-performance alert', 'cost alert',
];

/** Read-only fields of an exported monitor, set by Datadog (not part of the definition). */
export const MONITOR_READ_ONLY: readonly string[] = [
  'created', 'created_at', 'creator', 'deleted', 'id', 'matching_downtimes', 'modified', 'multi', 'org_id',
  'overall_state', 'overall_state_modified', 'state',
];

/** Threshold keys of `options.thresholds` → `monitor_thresholds` arguments. */
export const THRESHOLD_KEYS: Readonly<Record<string, string>> = {
  critical: 'critical',
  critical_recovery: 'criticalRecovery',
  ok: 'ok',
  unknown: 'unknown',
  warning: 'warning',
  warning_recovery: 'warningRecovery',
};

/** References to dashboard template variables: `$name` or `$name.value` (names may contain dots). */
export const DD_VARIABLE_REFERENCE = /\$([A-Za-z_][A-Za-z0-9_.-]*)/g;
