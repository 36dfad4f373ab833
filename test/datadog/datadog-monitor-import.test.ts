import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { hasArgument } from '../../src/core/private/toolkit';
import { Errors, DatadogMonitorImport, ImportSource } from '../../src/index';
import { datadog, infos, only, warnings } from '../catalog/support';
import { newStack, synthStack } from '../support/synth';

/** A monitor as `GET /api/v1/monitor/:id` answers it. */
const exported = (options: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  id: 123456,
  org_id: 42,
  created: '2024-05-01T10:00:00.000000+00:00',
  modified: '2024-05-02T10:00:00.000000+00:00',
  creator: { email: 'a@example.com', handle: 'a@example.com', name: 'A' },
  overall_state: 'OK',
  overall_state_modified: '2024-05-03T10:00:00+00:00',
  deleted: null,
  multi: true,
  matching_downtimes: [],
  name: 'Checkout p99 latency is high',
  type: 'query alert',
  query: 'percentile(last_10m):p99:trace.http.request{service:checkout} by {env} > 2',
  message: 'p99 is {{value}}s on {{env.name}} @slack-payments',
  tags: ['team:payments', 'service:checkout'],
  priority: 2,
  restricted_roles: null,
  options: {
    thresholds: { critical: 2, warning: 1.5, critical_recovery: 1.8, warning_recovery: 1.2 },
    notify_no_data: true,
    no_data_timeframe: 20,
    renotify_interval: 60,
    renotify_occurrences: 3,
    renotify_statuses: ['alert', 'no data'],
    evaluation_delay: 300,
    new_group_delay: 120,
    require_full_window: false,
    include_tags: true,
    notify_audit: false,
    timeout_h: 6,
    escalation_message: 'still slow @pagerduty-payments',
    on_missing_data: 'show_and_notify_no_data',
    notify_by: ['env'],
    notification_preset_name: 'hide_handles',
    silenced: {},
    ...options,
  },
  ...extra,
});

function importIt(d: unknown) {
  const s = newStack();
  datadog(s);
  const imported = DatadogMonitorImport.fromObject(s, 'Monitor', d as any);
  return { imported, args: only(synthStack(s), 'datadog_monitor') };
}

const expectError = (d: unknown, message: string) => {
  const s = newStack();
  datadog(s);
  let error: unknown;
  try {
    DatadogMonitorImport.fromObject(s, 'Monitor', d as any);
  } catch (e) {
    error = e;
  }
  expect(Errors.isValidationError(error)).toBe(true);
  expect((error as Error).message).toBe(message);
};

describe('DatadogMonitorImport', () => {
  test('maps every field of an API export onto datadog_monitor; the escape hatch is the L1 Monitor', () => {
    const { imported, args } = importIt(exported());
    expect(imported.resource).toBeInstanceOf(Monitor);
    expect(imported.monitorName).toBe('Checkout p99 latency is high');
    expect(args).toEqual({
      provider: 'datadog',
      name: 'Checkout p99 latency is high',
      type: 'query alert',
      query: 'percentile(last_10m):p99:trace.http.request{service:checkout} by {env} > 2',
      message: 'p99 is {{value}}s on {{env.name}} @slack-payments',
      tags: ['team:payments', 'service:checkout'],
      priority: '2',
      monitor_thresholds: { critical: '2', warning: '1.5', critical_recovery: '1.8', warning_recovery: '1.2' },
      notify_no_data: true,
      no_data_timeframe: 20,
      renotify_interval: 60,
      renotify_occurrences: 3,
      renotify_statuses: ['alert', 'no data'],
      evaluation_delay: 300,
      new_group_delay: 120,
      require_full_window: false,
      include_tags: true,
      notify_audit: false,
      timeout_h: 6,
      escalation_message: 'still slow @pagerduty-payments',
      on_missing_data: 'show_and_notify_no_data',
      notify_by: ['env'],
      notification_preset_name: 'hide_handles',
    });
    expect(warnings(imported)).toEqual([]);
    expect(infos(imported)).toEqual([
      'test/Monitor: read-only fields left out (Datadog sets them): created, creator, deleted, id, matching_downtimes, modified, multi, org_id, overall_state, overall_state_modified.',
    ]);
  });

  test('threshold windows, ok/unknown thresholds, roles, locked, draft status, log options, new_host_delay', () => {
    const { args, imported } = importIt(exported({
      thresholds: { critical: 1, ok: 1, warning: 1, unknown: 1 },
      threshold_windows: { trigger_window: 'last_15m', recovery_window: 'last_30m' },
      locked: true,
      new_host_delay: 0,
      group_retention_duration: '2h',
      groupby_simple_monitor: false,
      enable_logs_sample: true,
      enable_samples: false,
      renotify_interval: '0',
    }, { type: 'service check', draft_status: 'draft', priority: null }));
    expect(args.monitor_thresholds).toEqual({ critical: '1', ok: '1', warning: '1', unknown: '1' });
    expect(args.monitor_threshold_windows).toEqual({ trigger_window: 'last_15m', recovery_window: 'last_30m' });
    // the Datadog provider of the cdktn flavour (4.x) has no locked: reported, not imported
    if (hasArgument('datadog_monitor', 'locked')) expect(args.locked).toBe(true);
    else expect(args.locked).toBeUndefined();
    expect(args.new_host_delay).toBe(0);
    expect(args.group_retention_duration).toBe('2h');
    expect(args.groupby_simple_monitor).toBe(false);
    expect(args.enable_logs_sample).toBe(true);
    expect(args.enable_samples).toBe(false);
    expect(args.renotify_interval).toBe(0);
    expect(args.draft_status).toBe('draft');
    expect(args.priority).toBeUndefined();
    expect(warnings(imported)).toEqual(hasArgument('datadog_monitor', 'locked') ? [] : [
      'test/Monitor: datadog_monitor cannot express these fields of monitor, which are not imported: options.locked = true '
      + '(the Datadog provider of cdktn-integrations has no locked argument; restricted_roles takes its place)',
    ]);
  });

  test('restricted_roles replace the deprecated locked, which is reported', () => {
    const { args, imported } = importIt(exported({ locked: false }, { restricted_roles: ['role-uuid-1'] }));
    expect(args.restricted_roles).toEqual(['role-uuid-1']);
    expect(args.locked).toBeUndefined();
    expect(warnings(imported)).toEqual([
      'test/Monitor: datadog_monitor cannot express these fields of monitor, which are not imported: options.locked = false (deprecated; restricted_roles is set and takes its place)',
    ]);
  });

  test('scheduling options and formula variables (event and cloud cost queries)', () => {
    const { args } = importIt(exported({
      scheduling_options: {
        evaluation_window: { day_starts: '04:00', hour_starts: 15, month_starts: 1 },
        custom_schedule: { recurrences: [{ rrule: 'FREQ=DAILY;INTERVAL=1', timezone: 'Europe/Paris', start: '2024-01-01T09:00:00' }] },
      },
      variables: [
        {
          data_source: 'logs',
          name: 'errors',
          indexes: ['main'],
          search: { query: 'service:checkout status:error' },
          compute: [{ aggregation: 'count' }, { aggregation: 'avg', metric: '@duration', interval: 60000 }],
          group_by: [{ facet: 'env', limit: 10, sort: { aggregation: 'count', order: 'desc' } }],
        },
        { data_source: 'cloud_cost', name: 'cost', query: 'sum:aws.cost.net.amortized{*}', aggregator: 'sum' },
      ],
    }, { type: 'log alert', query: 'formula("errors").last("5m") > 100' }));
    expect(args.scheduling_options).toEqual({
      evaluation_window: { day_starts: '04:00', hour_starts: 15, month_starts: 1 },
      custom_schedule: { recurrence: { rrule: 'FREQ=DAILY;INTERVAL=1', timezone: 'Europe/Paris', start: '2024-01-01T09:00:00' } },
    });
    expect(args.variables).toEqual({
      event_query: [{
        data_source: 'logs',
        name: 'errors',
        indexes: ['main'],
        search: { query: 'service:checkout status:error' },
        compute: [{ aggregation: 'count' }, { aggregation: 'avg', metric: '@duration', interval: 60000 }],
        group_by: [{ facet: 'env', limit: 10, sort: { aggregation: 'count', order: 'desc' } }],
      }],
      cloud_cost_query: [{ data_source: 'cloud_cost', name: 'cost', query: 'sum:aws.cost.net.amortized{*}', aggregator: 'sum' }],
    });
  });

  test('a computation given as one object (the API\'s own form) is imported', () => {
    const { args } = importIt(exported({
      variables: [{ data_source: 'logs', name: 'errors', search: { query: 'status:error' }, compute: { aggregation: 'avg', metric: '@duration', interval: 60000 } }],
    }, { type: 'log alert', query: 'formula("errors").last("5m") > 100' }));
    expect(args.variables.event_query[0].compute).toEqual([{ aggregation: 'avg', metric: '@duration', interval: 60000 }]);
    expectError(exported({ variables: [{ data_source: 'logs', name: 'q', search: { query: 'x' }, compute: { interval: 60000 } }] }),
      "test/Monitor: 'monitor.options.variables[0].compute.aggregation' must be a non-empty string; received undefined");
  });

  test('fields the provider cannot express are named in a warning, never dropped silently', () => {
    const { imported, args } = importIt(exported(
      { silenced: { 'env:staging': 0 }, min_failure_duration: 120, thresholds: { critical: 2, period: { digit: 5 } }, aggregation: { type: 'avg' } },
      { recommended_monitor_metadata: { description: 'x' } },
    ));
    expect(args.monitor_thresholds).toEqual({ critical: '2' });
    expect(warnings(imported)).toEqual([
      'test/Monitor: datadog_monitor cannot express these fields of monitor, which are not imported: recommended_monitor_metadata = {"description":"x"}; '
      + 'options.thresholds.period = {"digit":5}; options.silenced = {"env:staging":0} (mute with a datadog_downtime_schedule instead); '
      + 'options.aggregation = {"type":"avg"}; options.min_failure_duration = 120',
    ]);
  });

  test('an integration asset is unwrapped, its metadata reported', () => {
    const asset = { version: 2, title: 'High latency', description: 'Notify', tags: ['integration:checkout'], definition: { name: 'N', type: 'metric alert', query: 'avg(last_5m):avg:x{*} > 1', message: 'm', options: { thresholds: { critical: 1 } } } };
    const { args, imported } = importIt(asset);
    expect(args.name).toBe('N');
    expect(args.type).toBe('metric alert');
    expect(args.tags).toBeUndefined();
    expect(warnings(imported)).toEqual([
      'test/Monitor: datadog_monitor cannot express these fields of monitor, which are not imported: description (integration asset metadata) = "Notify"; '
      + 'tags (integration asset metadata) = ["integration:checkout"]; title (integration asset metadata) = "High latency"; version (integration asset metadata) = 2',
    ]);
  });

  test('template sequences are escaped for Terraform', () => {
    const { args } = importIt(exported({}, { message: 'see ${runbook} and 100%{x}' }));
    expect(args.message).toBe('see $${runbook} and 100%%{x}');
  });

  test('name override, fromString, and a source through the constructor', () => {
    const s = newStack();
    datadog(s);
    const a = DatadogMonitorImport.fromString(s, 'A', JSON.stringify(exported()), { name: 'Renamed' });
    const b = new DatadogMonitorImport(s, 'B', { source: ImportSource.fromObject(exported()) });
    expect(a.monitorName).toBe('Renamed');
    expect(b.monitorName).toBe('Checkout p99 latency is high');
    expect(Object.values<any>(synthStack(s).resource.datadog_monitor).map((m) => m.name).sort()).toEqual(['Checkout p99 latency is high', 'Renamed']);
  });

  test('validation of the document and of every mapped field', () => {
    expectError('x', "test/Monitor: 'monitor' must be a Datadog monitor JSON object; received \"x\"");
    expectError(exported({}, { name: '' }), "test/Monitor: 'monitor.name' must be the monitor name (a non-empty string); received \"\"");
    expectError(exported({}, { type: 'anomaly' }),
      "test/Monitor: 'monitor.type' must be a monitor type of datadog_monitor (composite, event alert, log alert, metric alert, process alert, query alert, rum alert, service check, synthetics alert, trace-analytics alert, slo alert, event-v2 alert, audit alert, ci-pipelines alert, ci-tests alert, error-tracking alert, database-monitoring alert, network-performance alert, cost alert); received \"anomaly\"");
    expectError(exported({}, { query: undefined }), "test/Monitor: 'monitor.query' must be the monitor query (a non-empty string); received undefined");
    expectError(exported({}, { message: 3 }), "test/Monitor: 'monitor.message' must be a string; received 3");
    expectError(exported({}, { tags: 'a,b' }), "test/Monitor: 'monitor.tags' must be an array of strings; received \"a,b\"");
    expectError(exported({}, { priority: 7 }), "test/Monitor: 'monitor.priority' must be a whole number from 1 to 5; received 7");
    expectError(exported({}, { draft_status: 'on' }), 'test/Monitor: \'monitor.draft_status\' must be one of "draft", "published"; received "on"');
    expectError(exported({}, { options: [] }), "test/Monitor: 'monitor.options' must be an options object; received []");
    expectError(exported({ thresholds: { critical: 'high' } }), "test/Monitor: 'monitor.options.thresholds.critical' must be a number; received \"high\"");
    expectError(exported({ thresholds: 5 }), "test/Monitor: 'monitor.options.thresholds' must be an object of thresholds ({ critical, warning, ... }); received 5");
    expectError(exported({ notify_no_data: 'true' }), "test/Monitor: 'monitor.options.notify_no_data' must be true or false; received \"true\"");
    expectError(exported({ renotify_interval: 'often' }), "test/Monitor: 'monitor.options.renotify_interval' must be a whole number from 0; received \"often\"");
    expectError(exported({ timeout_h: 48 }), "test/Monitor: 'monitor.options.timeout_h' must be a whole number from 0 to 24; received 48");
    expectError(exported({ on_missing_data: 'ignore' }),
      'test/Monitor: \'monitor.options.on_missing_data\' must be one of "default", "resolve", "show_and_notify_no_data", "show_no_data"; received "ignore"');
    expectError(exported({ threshold_windows: { trigger_window: 15 } }), "test/Monitor: 'monitor.options.threshold_windows.trigger_window' must be a string; received 15");
    expectError(exported({ scheduling_options: { custom_schedule: { recurrences: [] } } }),
      "test/Monitor: 'monitor.options.scheduling_options.custom_schedule.recurrences' must be an array with exactly one recurrence (datadog_monitor has one custom_schedule.recurrence block); received []");
    expectError(exported({ variables: [{ name: 'q' }] }),
      "test/Monitor: 'monitor.options.variables[0].data_source' must be the data source of the query (e.g. \"logs\", \"cloud_cost\"); received undefined");
    expectError(exported({ variables: [{ data_source: 'logs', name: 'q', compute: [] }] }),
      "test/Monitor: 'monitor.options.variables[0].search' must be an object { query }; received undefined");
  });

  test('props: name, source, connection', () => {
    const s = newStack();
    expect(() => DatadogMonitorImport.fromObject(s, 'NoConn', exported())).toThrow(/^test\/NoConn: 'datadog connection' must be exactly one datadog connection in stack test/);
    datadog(s);
    expect(() => DatadogMonitorImport.fromObject(s, 'N', exported(), { name: ' ' })).toThrow("test/N: 'name' must be a non-empty string; received \" \"");
    expect(() => new DatadogMonitorImport(s, 'S', { source: undefined as any })).toThrow(
      "test/S: 'source' must be ImportSource.fromString(json), ImportSource.fromObject(object) or ImportSource.fromFile(path); received undefined");
  });
});
