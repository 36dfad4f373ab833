import {
  Monitor, MonitorConfig, MonitorMonitorThresholds, MonitorMonitorThresholdWindows, MonitorSchedulingOptions,
  MonitorVariables, MonitorVariablesCloudCostQuery, MonitorVariablesEventQuery,
} from '@cdktf/provider-datadog/lib/monitor';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { MONITOR_READ_ONLY, MONITOR_TYPES, THRESHOLD_KEYS } from './private/datadog-facts';
import { ImportSource } from '../../catalog/import-source';
import { child, isObject, JsonObject, requireArray, requireObject, requireText } from '../../catalog/private/json-tools';
import { adoptExisting } from '../../core/private/adopt';
import { libraryScope } from '../../core/private/template-escape';
import { TOOLKIT, hasArgument } from '../../core/private/toolkit';
import { describe as describeValue, fail, optionalBoolean } from '../../core/private/validate';
import { DatadogConnection } from '../datadog-connection';

/** Options of a Datadog monitor import (everything but the source). */
export interface DatadogMonitorImportOptions {
  /**
   * The Datadog organization that receives the monitor.
   * @default - `DatadogConnection.of(this)`: the default Datadog connection of the stack
   */
  readonly connection?: DatadogConnection;

  /**
   * The monitor name, replacing the one of the export.
   * @default - the export's `name`
   */
  readonly name?: string;

  /**
   * Adopt the existing monitor instead of creating a new one: a Terraform `import` block
   * (Terraform 1.5+) for the export's own `id`, the monitor's numeric id (the import id of
   * `datadog_monitor`: DataDog/terraform-provider-datadog docs/resources/monitor.md, "Import").
   * Terraform then updates the monitor in place. The export must carry its `id`.
   * @default false
   */
  readonly adopt?: boolean;
}

/** Props of a `DatadogMonitorImport`. */
export interface DatadogMonitorImportProps extends DatadogMonitorImportOptions {
  /**
   * The exported monitor JSON: the monitor object of the UI's "Export monitor" or
   * `GET /api/v1/monitor/:id`, or an integration's monitor asset (`{ version, title, definition }`).
   */
  readonly source: ImportSource;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A monitor exported from Datadog, validated and managed as a `datadog_monitor` with every
 * field mapped to the provider's arguments: `name`, `type`, `query`, `message`, `tags`,
 * `priority`, `restricted_roles`, `draft_status`, and the `options` (`thresholds` →
 * `monitor_thresholds` incl. `critical_recovery`/`warning_recovery`/`ok`/`unknown`,
 * `threshold_windows` → `monitor_threshold_windows`, `notify_no_data`, `no_data_timeframe`,
 * `renotify_interval`, `renotify_occurrences`, `renotify_statuses`, `evaluation_delay`,
 * `new_group_delay`, `new_host_delay`, `require_full_window`, `include_tags`, `notify_audit`,
 * `timeout_h`, `escalation_message`, `locked`, `on_missing_data`, `notify_by`,
 * `group_retention_duration`, `groupby_simple_monitor`, `enable_logs_sample`, `enable_samples`,
 * `notification_preset_name`, `scheduling_options`, `variables`).
 *
 * Read-only fields set by Datadog (`id`, `created`, `creator`, `modified`, `overall_state`, …) are
 * not part of the definition and are left out. Every other field the provider cannot express
 * (e.g. a non-empty `silenced`, the metadata of an integration asset) is named in a synth
 * warning, never dropped silently. `null` values mean "not set" and are left out.
 *
 * State: no secret is involved; the monitor's arguments are stored in the Terraform state.
 */
export class DatadogMonitorImport extends Construct {
  /**
   * Import a monitor from its JSON text.
   * @param json the exported JSON text
   */
  public static fromString(scope: Construct, id: string, json: string, options: DatadogMonitorImportOptions = {}): DatadogMonitorImport {
    return new DatadogMonitorImport(scope, id, { ...options, source: ImportSource.fromString(json) });
  }

  /**
   * Import a monitor from a parsed JSON object.
   * @param monitor the parsed export (deep-copied, never modified)
   */
  public static fromObject(
    scope: Construct, id: string, monitor: { [key: string]: any }, options: DatadogMonitorImportOptions = {},
  ): DatadogMonitorImport {
    return new DatadogMonitorImport(scope, id, { ...options, source: ImportSource.fromObject(monitor) });
  }

  /**
   * Import a monitor from a JSON file, read at synth time.
   * @param path the file path (relative to the working directory, or absolute)
   */
  public static fromFile(scope: Construct, id: string, path: string, options: DatadogMonitorImportOptions = {}): DatadogMonitorImport {
    return new DatadogMonitorImport(scope, id, { ...options, source: ImportSource.fromFile(path) });
  }

  /** The `datadog_monitor` resource (escape hatch). */
  public readonly resource: Monitor;
  /** The monitor name. */
  public readonly monitorName: string;

  private readonly unsupported: string[] = [];

  constructor(scope: Construct, id: string, props: DatadogMonitorImportProps) {
    super(scope, id);
    libraryScope(this);
    if (!(props.source instanceof ImportSource)) {
      fail(this, 'source', props.source, 'ImportSource.fromString(json), ImportSource.fromObject(object) or ImportSource.fromFile(path)');
    }
    if (props.connection !== undefined && !(props.connection instanceof DatadogConnection)) {
      fail(this, 'connection', props.connection, 'a DatadogConnection');
    }
    const connection = props.connection ?? DatadogConnection.of(this);
    const overrideName = props.name === undefined ? undefined : requireText(this, 'name', props.name);
    const adopt = optionalBoolean(this, 'adopt', props.adopt, false);

    const loaded = props.source._load(this, 'monitor');
    let root = loaded.root;
    let monitor = requireObject(this, root, loaded.value, 'a Datadog monitor JSON object');
    // An integration's monitor asset wraps the monitor in `definition`.
    if (isObject(monitor.definition) && monitor.query === undefined) {
      for (const key of Object.keys(monitor).sort()) {
        if (key !== 'definition') this.unsupported.push(`${child(root, key)} (integration asset metadata) = ${describeValue(monitor[key])}`);
      }
      root = child(root, 'definition');
      monitor = monitor.definition;
    }

    const config: Mutable<MonitorConfig> = {
      provider: connection.provider,
      name: overrideName ?? requireText(this, child(root, 'name'), monitor.name, 'the monitor name (a non-empty string)'),
      type: this.requireType(child(root, 'type'), monitor.type),
      query: requireText(this, child(root, 'query'), monitor.query, 'the monitor query (a non-empty string)'),
      message: monitor.message === undefined || monitor.message === null ? '' : this.str(child(root, 'message'), monitor.message),
    };
    const handled = new Set(['name', 'type', 'query', 'message', 'options', ...MONITOR_READ_ONLY]);
    const top = (key: string, map: (p: string, v: unknown) => void) => {
      handled.add(key);
      if (monitor[key] !== undefined && monitor[key] !== null) map(child(root, key), monitor[key]);
    };
    top('tags', (p, v) => { config.tags = this.strings(p, v); });
    top('priority', (p, v) => { config.priority = String(this.int(p, v, 1, 5)); });
    top('restricted_roles', (p, v) => { config.restrictedRoles = this.strings(p, v); });
    top('draft_status', (p, v) => { config.draftStatus = this.oneOf(p, v, ['draft', 'published']); });
    for (const key of Object.keys(monitor).sort()) {
      if (!handled.has(key)) this.unsupported.push(`${child(root, key)} = ${describeValue(monitor[key])}`);
    }

    if (monitor.options !== undefined && monitor.options !== null) {
      this.mapOptions(config, requireObject(this, child(root, 'options'), monitor.options, 'an options object'), child(root, 'options'));
    }

    const readOnly = MONITOR_READ_ONLY.filter((k) => monitor[k] !== undefined);
    if (readOnly.length > 0) Annotations.of(this).addInfo(`${this.node.path}: read-only fields left out (Datadog sets them): ${readOnly.join(', ')}.`);
    this.monitorName = config.name;
    // `${` and `%{` of the export are escaped for Terraform with every string the library writes.
    const { provider, ...args } = config;
    this.resource = new Monitor(this, 'Resource', { ...args, provider });
    if (adopt) {
      const idPath = child(root, 'id');
      adoptExisting(this, idPath, this.resource, this.monitorId(idPath, monitor.id));
    }
    if (this.unsupported.length > 0) {
      const prefix = `${loaded.root}.`;
      const fields = this.unsupported.map((f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f));
      Annotations.of(this).addWarning(`${this.node.path}: datadog_monitor cannot express these fields of ${loaded.display}, which are not imported: ${fields.join('; ')}`);
    }
  }

  private mapOptions(config: Mutable<MonitorConfig>, options: JsonObject, op: string): void {
    const handled = new Set<string>();
    const opt = (key: string, map: (p: string, v: unknown) => void) => {
      handled.add(key);
      if (options[key] !== undefined && options[key] !== null) map(child(op, key), options[key]);
    };
    opt('thresholds', (p, v) => { config.monitorThresholds = this.thresholds(p, v); });
    opt('threshold_windows', (p, v) => { config.monitorThresholdWindows = this.thresholdWindows(p, v); });
    opt('notify_no_data', (p, v) => { config.notifyNoData = this.bool(p, v); });
    opt('no_data_timeframe', (p, v) => { config.noDataTimeframe = this.int(p, v, 0); });
    opt('renotify_interval', (p, v) => { config.renotifyInterval = this.int(p, v, 0); });
    opt('renotify_occurrences', (p, v) => { config.renotifyOccurrences = this.int(p, v, 0); });
    opt('renotify_statuses', (p, v) => { config.renotifyStatuses = this.strings(p, v); });
    opt('evaluation_delay', (p, v) => { config.evaluationDelay = this.int(p, v, 0); });
    opt('new_group_delay', (p, v) => { config.newGroupDelay = this.int(p, v, 0); });
    opt('new_host_delay', (p, v) => { config.newHostDelay = this.int(p, v, 0); });
    opt('require_full_window', (p, v) => { config.requireFullWindow = this.bool(p, v); });
    opt('include_tags', (p, v) => { config.includeTags = this.bool(p, v); });
    opt('notify_audit', (p, v) => { config.notifyAudit = this.bool(p, v); });
    opt('timeout_h', (p, v) => { config.timeoutH = this.int(p, v, 0, 24); });
    opt('escalation_message', (p, v) => { config.escalationMessage = this.str(p, v); });
    opt('locked', (p, v) => {
      const locked = this.bool(p, v);
      // `locked` is deprecated and conflicts with `restricted_roles` in datadog_monitor
      // (ConflictsWith, DataDog/terraform-provider-datadog datadog/resource_datadog_monitor.go).
      if (config.restrictedRoles !== undefined) this.unsupported.push(`${p} = ${locked} (deprecated; restricted_roles is set and takes its place)`);
      else if (!hasArgument('datadog_monitor', 'locked')) this.unsupported.push(`${p} = ${locked} (the Datadog provider of ${TOOLKIT.libraryPackage} has no locked argument; restricted_roles takes its place)`);
      else (config as Mutable<MonitorConfig> & { locked?: boolean }).locked = locked;
    });
    opt('on_missing_data', (p, v) => { config.onMissingData = this.oneOf(p, v, ['default', 'resolve', 'show_and_notify_no_data', 'show_no_data']); });
    opt('notify_by', (p, v) => { config.notifyBy = this.strings(p, v); });
    opt('group_retention_duration', (p, v) => { config.groupRetentionDuration = this.str(p, v); });
    opt('groupby_simple_monitor', (p, v) => { config.groupbySimpleMonitor = this.bool(p, v); });
    opt('enable_logs_sample', (p, v) => { config.enableLogsSample = this.bool(p, v); });
    opt('enable_samples', (p, v) => { config.enableSamples = this.bool(p, v); });
    opt('notification_preset_name', (p, v) => { config.notificationPresetName = this.oneOf(p, v, ['hide_all', 'hide_handles', 'hide_query', 'show_all']); });
    opt('scheduling_options', (p, v) => { config.schedulingOptions = this.scheduling(p, v); });
    opt('variables', (p, v) => { config.variables = this.variables(p, v); });
    opt('silenced', (p, v) => {
      // datadog_monitor no longer has `silenced`; mutes are datadog_downtime_schedule resources.
      if (!isObject(v) || Object.keys(v).length > 0) this.unsupported.push(`${p} = ${describeValue(v)} (mute with a datadog_downtime_schedule instead)`);
    });
    for (const key of Object.keys(options).sort()) {
      if (!handled.has(key) && options[key] !== null) this.unsupported.push(`${child(op, key)} = ${describeValue(options[key])}`);
    }
  }

  private thresholds(p: string, v: unknown): MonitorMonitorThresholds {
    const t = requireObject(this, p, v, 'an object of thresholds ({ critical, warning, ... })');
    const out: Record<string, string> = {};
    for (const key of Object.keys(t).sort()) {
      const value = t[key];
      if (value === null || value === undefined) continue;
      const arg = THRESHOLD_KEYS[key];
      if (arg === undefined) {
        this.unsupported.push(`${child(p, key)} = ${describeValue(value)}`);
        continue;
      }
      if (typeof value === 'number' && Number.isFinite(value)) out[arg] = String(value);
      else if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) out[arg] = value.trim();
      else fail(this, child(p, key), value, 'a number');
    }
    return out as MonitorMonitorThresholds;
  }

  private thresholdWindows(p: string, v: unknown): MonitorMonitorThresholdWindows {
    const w = requireObject(this, p, v, 'an object { recovery_window, trigger_window }');
    const out: Mutable<MonitorMonitorThresholdWindows> = {};
    for (const key of Object.keys(w).sort()) {
      const value = w[key];
      if (value === null || value === undefined) continue;
      if (key === 'recovery_window') out.recoveryWindow = this.str(child(p, key), value);
      else if (key === 'trigger_window') out.triggerWindow = this.str(child(p, key), value);
      else this.unsupported.push(`${child(p, key)} = ${describeValue(value)}`);
    }
    return out;
  }

  private scheduling(p: string, v: unknown): MonitorSchedulingOptions {
    const s = requireObject(this, p, v, 'an object { evaluation_window, custom_schedule }');
    const out: Mutable<MonitorSchedulingOptions> = {};
    for (const key of Object.keys(s).sort()) {
      const kp = child(p, key);
      const value = s[key];
      if (value === null || value === undefined) continue;
      if (key === 'evaluation_window') {
        const w = requireObject(this, kp, value, 'an object { day_starts, hour_starts, month_starts }');
        const ew: Record<string, unknown> = {};
        for (const k of Object.keys(w).sort()) {
          if (w[k] === null) continue;
          if (k === 'day_starts') ew.dayStarts = this.str(child(kp, k), w[k]);
          else if (k === 'hour_starts') ew.hourStarts = this.int(child(kp, k), w[k], 0, 59);
          else if (k === 'month_starts') ew.monthStarts = this.int(child(kp, k), w[k], 1, 1);
          else this.unsupported.push(`${child(kp, k)} = ${describeValue(w[k])}`);
        }
        out.evaluationWindow = ew;
      } else if (key === 'custom_schedule') {
        const c = requireObject(this, kp, value, 'an object { recurrences: [{ rrule, start, timezone }] }');
        const rp = child(kp, 'recurrences');
        const recurrences = requireArray(this, rp, c.recurrences, 'an array with one recurrence { rrule, timezone, start }');
        if (recurrences.length !== 1) fail(this, rp, recurrences, 'an array with exactly one recurrence (datadog_monitor has one custom_schedule.recurrence block)');
        const r = requireObject(this, child(rp, 0), recurrences[0], 'a recurrence { rrule, timezone, start }');
        out.customSchedule = {
          recurrence: {
            rrule: requireText(this, child(child(rp, 0), 'rrule'), r.rrule),
            timezone: requireText(this, child(child(rp, 0), 'timezone'), r.timezone),
            start: r.start === undefined || r.start === null ? undefined : this.str(child(child(rp, 0), 'start'), r.start),
          },
        };
        for (const k of Object.keys(r).sort()) {
          if (!['rrule', 'timezone', 'start'].includes(k) && r[k] !== null) this.unsupported.push(`${child(child(rp, 0), k)} = ${describeValue(r[k])}`);
        }
        for (const k of Object.keys(c).sort()) {
          if (k !== 'recurrences' && c[k] !== null) this.unsupported.push(`${child(kp, k)} = ${describeValue(c[k])}`);
        }
      } else {
        this.unsupported.push(`${kp} = ${describeValue(value)}`);
      }
    }
    return out;
  }

  private variables(p: string, v: unknown): MonitorVariables {
    const eventQuery: MonitorVariablesEventQuery[] = [];
    const cloudCostQuery: MonitorVariablesCloudCostQuery[] = [];
    requireArray(this, p, v, 'an array of queries').forEach((q, i) => {
      const qp = child(p, i);
      const query = requireObject(this, qp, q, 'a query object ({ data_source, name, ... })');
      const known = (keys: string[]) => {
        for (const k of Object.keys(query).sort()) {
          if (!keys.includes(k) && query[k] !== null) this.unsupported.push(`${child(qp, k)} = ${describeValue(query[k])}`);
        }
      };
      const dataSource = requireText(this, child(qp, 'data_source'), query.data_source, 'the data source of the query (e.g. "logs", "cloud_cost")');
      if (dataSource === 'cloud_cost') {
        known(['aggregator', 'data_source', 'name', 'query']);
        cloudCostQuery.push({
          dataSource,
          name: requireText(this, child(qp, 'name'), query.name),
          query: requireText(this, child(qp, 'query'), query.query),
          aggregator: requireText(this, child(qp, 'aggregator'), query.aggregator),
        });
        return;
      }
      known(['compute', 'data_source', 'group_by', 'indexes', 'name', 'search']);
      const sp = child(qp, 'search');
      const search = requireObject(this, sp, query.search, 'an object { query }');
      const cp = child(qp, 'compute');
      eventQuery.push({
        dataSource,
        name: requireText(this, child(qp, 'name'), query.name),
        indexes: query.indexes === undefined || query.indexes === null ? undefined : this.strings(child(qp, 'indexes'), query.indexes),
        search: { query: this.str(child(sp, 'query'), search.query) },
        // The API's own form is one computation object (MonitorFormulaAndFunctionEventQueryDefinition
        // .compute in Datadog's API client models); the provider's is a list of them.
        compute: (isObject(query.compute) ? [query.compute] : requireArray(this, cp, query.compute,
          'a computation object ({ aggregation, interval, metric }) or an array of them')).map((c, j) => {
          const jp = isObject(query.compute) ? cp : child(cp, j);
          const o = requireObject(this, jp, c, 'a computation { aggregation, interval, metric }');
          return {
            aggregation: requireText(this, child(jp, 'aggregation'), o.aggregation),
            interval: o.interval === undefined || o.interval === null ? undefined : this.int(child(jp, 'interval'), o.interval, 0),
            metric: o.metric === undefined || o.metric === null ? undefined : this.str(child(jp, 'metric'), o.metric),
          };
        }),
        groupBy: query.group_by === undefined || query.group_by === null ? undefined
          : requireArray(this, child(qp, 'group_by'), query.group_by, 'an array of group-bys ({ facet, limit, sort })').map((g, j) => {
            const gp = child(child(qp, 'group_by'), j);
            const o = requireObject(this, gp, g, 'a group-by { facet, limit, sort }');
            const sort = o.sort === undefined || o.sort === null ? undefined : requireObject(this, child(gp, 'sort'), o.sort, 'an object { aggregation, metric, order }');
            return {
              facet: requireText(this, child(gp, 'facet'), o.facet),
              limit: o.limit === undefined || o.limit === null ? undefined : this.int(child(gp, 'limit'), o.limit, 0),
              sort: sort === undefined ? undefined : {
                aggregation: requireText(this, child(child(gp, 'sort'), 'aggregation'), sort.aggregation),
                metric: sort.metric === undefined || sort.metric === null ? undefined : this.str(child(child(gp, 'sort'), 'metric'), sort.metric),
                order: sort.order === undefined || sort.order === null ? undefined : this.str(child(child(gp, 'sort'), 'order'), sort.order),
              },
            };
          }),
      });
    });
    return {
      eventQuery: eventQuery.length ? eventQuery : undefined,
      cloudCostQuery: cloudCostQuery.length ? cloudCostQuery : undefined,
    };
  }

  /** The monitor id of the export, as the import id of `datadog_monitor` (a positive whole number). */
  private monitorId(p: string, v: unknown): string {
    const accepted = 'the numeric id of the existing monitor (a positive whole number, e.g. 2081), required by adopt: true';
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
    if (typeof v === 'string' && /^[1-9][0-9]{0,15}$/.test(v)) return v;
    fail(this, p, v, accepted);
  }

  private requireType(p: string, v: unknown): string {
    if (typeof v !== 'string' || !MONITOR_TYPES.includes(v)) fail(this, p, v, `a monitor type of datadog_monitor (${MONITOR_TYPES.join(', ')})`);
    return v;
  }

  private str(p: string, v: unknown): string {
    if (typeof v !== 'string') fail(this, p, v, 'a string');
    return v;
  }

  private strings(p: string, v: unknown): string[] {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(this, p, v, 'an array of strings');
    return v as string[];
  }

  private bool(p: string, v: unknown): boolean {
    if (typeof v !== 'boolean') fail(this, p, v, 'true or false');
    return v;
  }

  private oneOf(p: string, v: unknown, allowed: string[]): string {
    if (typeof v !== 'string' || !allowed.includes(v)) fail(this, p, v, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
    return v;
  }

  /** A whole number, also accepted as a numeric string (exports carry `"renotify_interval": "0"`). */
  private int(p: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
    const accepted = max === Number.MAX_SAFE_INTEGER ? `a whole number from ${min}` : `a whole number from ${min} to ${max}`;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) fail(this, p, v, accepted);
    return n;
  }
}
