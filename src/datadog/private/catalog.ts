import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';
import { DatadogMessage } from './notify';
import { escapedLiteral, libraryScope } from '../../core/private/template-escape';
import type { CatalogMonitorSpec, IRenderedCatalog } from '../../monitors/backend';
import { catalogMonitorLike } from '../../monitors/private/normalize';
import type { DatadogBackend } from '../datadog-monitor-backend';
import { datadogMonitorArgs, datadogMonitorMessage } from './monitor-args';

/** One catalog monitor prepared for Datadog: its `for_each` key and value. */
export interface DatadogCatalogEntry {
  readonly key: string;
  readonly value: Record<string, unknown>;
}

/**
 * Check a catalog monitor for Datadog and compute its `datadog_monitor` arguments (the same as a
 * `MonitorConfig`'s), with the handles of its targets in the message. Optional arguments a
 * monitor does not set are `null`, which Terraform reads as unset, so every value has the same
 * attributes (`each.value.<name>` must exist for every key).
 */
export function prepareDatadogCatalogMonitor(catalog: Construct, spec: CatalogMonitorSpec, backend: DatadogBackend): DatadogCatalogEntry {
  const m = catalogMonitorLike(catalog, spec);
  const args = datadogMonitorArgs(m, backend);
  const notifications = new DatadogMessage(catalog, backend, spec.severity);
  for (const t of spec.targets) notifications.add(t);
  backend.connectionFor(catalog);
  return {
    key: spec.id,
    value: {
      name: spec.title,
      query: args.query,
      message: datadogMonitorMessage(m, notifications, args.notifyNoData),
      priority: args.priority,
      tags: args.tags,
      critical: args.critical,
      warning: args.warning ?? null,
      critical_recovery: args.criticalRecovery ?? null,
      warning_recovery: args.warningRecovery ?? null,
      notify_no_data: args.notifyNoData,
      no_data_timeframe: args.noDataTimeframe ?? null,
      renotify_interval: spec.renotifyInterval ?? null,
      evaluation_delay: args.evaluationDelay ?? null,
      require_full_window: args.requireFullWindow,
    },
  };
}

const VALUES = new WeakMap<Monitor, Record<string, Record<string, unknown>>>();

/**
 * The `for_each` values of a catalog's `datadog_monitor` (what stack-wide tags extend; they are
 * resolved when the stack is synthesized, after the aspects), or undefined for another monitor.
 */
export function catalogValues(monitor: Monitor): Record<string, Record<string, unknown>> | undefined {
  return VALUES.get(monitor);
}

/** One `datadog_monitor` with `for_each` over the prepared monitors, keyed by monitor id. */
export function renderDatadogCatalog(catalog: Construct, entries: DatadogCatalogEntry[], backend: DatadogBackend): IRenderedCatalog {
  const map: Record<string, Record<string, unknown>> = {};
  for (const e of entries) map[e.key] = e.value;
  const scope = libraryScope(new Construct(catalog, backend.id));
  const values = escapedLiteral(map);
  const each = TerraformIterator.fromMap(values);
  const monitor = new Monitor(scope, 'Monitors', {
    forEach: each,
    name: each.getString('name'),
    type: 'metric alert',
    query: each.getString('query'),
    message: each.getString('message'),
    priority: each.getString('priority'),
    tags: each.getList('tags'),
    monitorThresholds: {
      critical: each.getString('critical'),
      warning: each.getString('warning'),
      criticalRecovery: each.getString('critical_recovery'),
      warningRecovery: each.getString('warning_recovery'),
    },
    notifyNoData: each.getBoolean('notify_no_data'),
    noDataTimeframe: each.getNumber('no_data_timeframe'),
    renotifyInterval: each.getNumber('renotify_interval'),
    evaluationDelay: each.getNumber('evaluation_delay'),
    requireFullWindow: each.getBoolean('require_full_window'),
    includeTags: true,
    provider: backend.connectionFor(catalog).provider,
  });
  VALUES.set(monitor, values);
  return { backend, resources: [monitor] };
}
