import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { Dashboard } from '../../src/bindings/grafana/dashboard/index';
import { Errors, GrafanaFolder, GrafanaDashboardImport, GrafanaDashboardImportOptions, ImportSource } from '../../src/index';
import { grafana, infos, only, warnings } from '../catalog/support';
import { newStack, synthStack } from '../support/synth';

/** A minimal valid dashboard with the given extra fields. */
const dash = (extra: Record<string, unknown> = {}) => ({
  title: 'Checkout service',
  uid: 'checkout',
  schemaVersion: 39,
  panels: [{ id: 1, type: 'timeseries', title: 'Requests', targets: [{ refId: 'A', expr: 'sum(rate(http_requests_total[5m]))' }] }],
  ...extra,
});

function importIt(d: unknown, options: GrafanaDashboardImportOptions = {}, stack?: TerraformStack) {
  const s = stack ?? newStack();
  if (!stack) grafana(s);
  const imported = GrafanaDashboardImport.fromObject(s, 'Dash', d as any, options);
  const resource = only(synthStack(s), 'grafana_dashboard');
  const model = JSON.parse(resource.config_json.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
  return { imported, resource, model, stack: s };
}

const expectError = (d: unknown, message: string, options: GrafanaDashboardImportOptions = {}) => {
  const s = newStack();
  grafana(s);
  let error: unknown;
  try {
    GrafanaDashboardImport.fromObject(s, 'Dash', d as any, options);
  } catch (e) {
    error = e;
  }
  expect(Errors.isValidationError(error)).toBe(true);
  expect((error as Error).message).toBe(message);
};

describe('GrafanaDashboardImport: rendering', () => {
  test('renders a grafana_dashboard on the connection provider; the escape hatch is the L1 Dashboard', () => {
    const { imported, resource, model } = importIt(dash({ id: 42, version: 17 }));
    expect(imported.resource).toBeInstanceOf(Dashboard);
    expect(resource.provider).toBe('grafana');
    expect(resource.overwrite).toBeUndefined();
    expect(resource.folder).toBeUndefined();
    expect(model).toEqual({
      title: 'Checkout service',
      uid: 'checkout',
      schemaVersion: 39,
      panels: [{ id: 1, type: 'timeseries', title: 'Requests', targets: [{ refId: 'A', expr: 'sum(rate(http_requests_total[5m]))' }] }],
    });
    expect(imported.uid).toBe('checkout');
    expect(imported.title).toBe('Checkout service');
    expect(infos(imported)).toEqual(['test/Dash: id and version of the export left out (Grafana assigns them).']);
    expect(warnings(imported)).toEqual([]);
  });

  test('config_json is deterministic: sorted keys, independent of the input key order', () => {
    const a = importIt({ uid: 'x', title: 'T', panels: [{ type: 'stat', id: 2, gridPos: { y: 0, x: 0, w: 1, h: 1 } }] }).resource.config_json;
    const b = importIt({ panels: [{ gridPos: { h: 1, w: 1, x: 0, y: 0 }, id: 2, type: 'stat' }], title: 'T', uid: 'x' }).resource.config_json;
    expect(a).toBe(b);
    expect(a.indexOf('"panels"')).toBeLessThan(a.indexOf('"title"'));
    expect(a.indexOf('"h"')).toBeLessThan(a.indexOf('"w"'));
  });

  test('Terraform template sequences of the dashboard are escaped', () => {
    const d = dash({
      templating: { list: [{ name: 'job', type: 'query', query: 'label_values(up, job)' }] },
      panels: [{ id: 1, type: 'text', title: '%{x}', targets: [{ refId: 'A', expr: 'up{job="${job}"}' }] }],
    });
    const { resource, model } = importIt(d);
    expect(resource.config_json).toContain('up{job=\\"$${job}\\"}');
    expect(resource.config_json).toContain('"title": "%%{x}"');
    expect(model.panels[0].targets[0].expr).toBe('up{job="${job}"}');
  });

  test('folder, folderUid, overwrite and message reach the resource', () => {
    const s = newStack();
    grafana(s);
    const folder = new GrafanaFolder(s, 'Folder', { title: 'Payments', uid: 'payments' });
    const a = GrafanaDashboardImport.fromObject(s, 'A', dash({ uid: 'a' }), { folder, overwrite: true, message: 'imported' });
    GrafanaDashboardImport.fromObject(s, 'B', dash({ uid: 'b' }), { folderUid: 'team-folder' });
    const json = synthStack(s);
    const byUid = (uid: string) => Object.values<any>(json.resource.grafana_dashboard).find((r) => JSON.parse(r.config_json).uid === uid);
    expect(byUid('a').folder).toMatch(/^\$\{grafana_folder\.Folder_[0-9A-F]+\.uid\}$/);
    expect(byUid('a').overwrite).toBe(true);
    expect(byUid('a').message).toBe('imported');
    expect(byUid('b').folder).toBe('team-folder');
    expect(a.node.path).toBe('test/A');
  });

  test('an explicit (aliased) connection is used', () => {
    const s = newStack();
    grafana(s);
    const other = grafana(s, 'Other', 'other');
    GrafanaDashboardImport.fromObject(s, 'Dash', dash(), { connection: other });
    expect(only(synthStack(s), 'grafana_dashboard').provider).toBe('grafana.other');
  });

  test('fromString, fromFile and the constructor with an ImportSource give the same config', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gd-')), 'd.json');
    fs.writeFileSync(file, JSON.stringify(dash()));
    const s = newStack();
    grafana(s);
    const a = GrafanaDashboardImport.fromString(s, 'A', JSON.stringify(dash()));
    const b = GrafanaDashboardImport.fromFile(s, 'B', file);
    const c = new GrafanaDashboardImport(s, 'C', { source: ImportSource.fromObject(dash()) });
    expect(b.configJson).toBe(a.configJson);
    expect(c.configJson).toBe(a.configJson);
  });

  test('the { dashboard, meta } answer of the HTTP API is unwrapped', () => {
    const { model } = importIt({ dashboard: dash({ id: 3 }), meta: { slug: 'checkout', folderUid: 'f' } });
    expect(model.uid).toBe('checkout');
    expect(model).not.toHaveProperty('meta');
    expect(model).not.toHaveProperty('id');
  });

  test('uid and title can be overridden', () => {
    const { model, imported } = importIt(dash(), { uid: 'checkout-prod', title: 'Checkout (prod)' });
    expect(model.uid).toBe('checkout-prod');
    expect(model.title).toBe('Checkout (prod)');
    expect(imported.uid).toBe('checkout-prod');
  });

  test('a missing uid is derived deterministically from the title', () => {
    expect(importIt(dash({ uid: undefined })).model.uid).toBe('checkout-service');
    expect(importIt(dash({ uid: null })).model.uid).toBe('checkout-service');
    expect(importIt(dash({ uid: '' })).model.uid).toBe('checkout-service');
    expect(GrafanaDashboardImport.uidFromTitle('Café: Überblick / Köln')).toBe('cafe-uberblick-koln');
    const long = GrafanaDashboardImport.uidFromTitle('Kubernetes / Views / Pods and their containers, in every namespace');
    expect(long).toMatch(/^kubernetes-views-pods-and-their-[0-9a-f]{8}$/);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(GrafanaDashboardImport.uidFromTitle('Kubernetes / Views / Pods and their containers, in every namespace')).toBe(long);
    expect(GrafanaDashboardImport.uidFromTitle('日本語')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('GrafanaDashboardImport: real-export shapes', () => {
  test('a schema-14 dashboard with legacy rows imports unchanged, with a warning about the migration', () => {
    const legacy = {
      title: 'Legacy hosts',
      schemaVersion: 14,
      rows: [
        { title: 'CPU', height: '250px', panels: [{ id: 1, type: 'graph', span: 6, targets: [{ refId: 'A', expr: 'node_load1{instance=~"$instance"}' }] }] },
        { title: 'Disk', collapse: true, panels: [{ id: 2, type: 'singlestat', span: 12, thresholds: '80,90', targets: [{ refId: 'A', expr: 'node_filesystem_free_bytes' }] }] },
      ],
      templating: { list: [{ name: 'instance', type: 'query', query: 'label_values(node_load1, instance)' }] },
    };
    const { model, imported } = importIt(legacy);
    expect(model.rows).toEqual(legacy.rows);
    expect(model.uid).toBe('legacy-hosts');
    expect(warnings(imported)).toEqual([
      'test/Dash: schemaVersion 14 (legacy "rows" layout): Grafana migrates the model to schema 16+ when the dashboard is opened; saving it from the UI then changes the stored JSON and Terraform shows a diff.',
    ]);
    expect(infos(imported)).toEqual([
      'test/Dash: legacy panel types graph (1), singlestat (1) are carried over; Grafana migrates them to current panels when the dashboard is opened.',
    ]);
  });

  test('row panels with collapsed nested panels keep their nested panels', () => {
    const d = dash({
      panels: [
        { id: 1, type: 'row', title: 'Open', collapsed: false, panels: [] },
        { id: 2, type: 'stat', title: 'Up', targets: [{ refId: 'A', expr: 'up' }] },
        { id: 3, type: 'row', title: 'Closed', collapsed: true, panels: [{ id: 4, type: 'timeseries', targets: [{ refId: 'A', expr: 'rate(x[$__rate_interval])' }] }] },
      ],
    });
    expect(importIt(d).model.panels).toEqual(d.panels);
  });

  test('an export for sharing: datasource inputs are replaced by the mapped uids, constants by their value', () => {
    const shared = {
      __inputs: [
        { name: 'DS_PROM', label: 'Prometheus', type: 'datasource', pluginId: 'prometheus', pluginName: 'Prometheus' },
        { name: 'DS_LOKI', label: 'Loki', type: 'datasource', pluginId: 'loki', pluginName: 'Loki' },
        { name: 'VAR_ENV', type: 'constant', label: 'env', value: 'production' },
      ],
      __requires: [{ type: 'grafana', id: 'grafana', version: '10.4.0' }],
      __elements: {},
      title: 'Shared',
      uid: 'shared',
      panels: [
        { id: 1, type: 'timeseries', datasource: { type: 'prometheus', uid: '${DS_PROM}' }, targets: [{ refId: 'A', datasource: { uid: '${DS_PROM}' }, expr: 'up{env="${VAR_ENV}"}' }] },
        { id: 2, type: 'logs', datasource: { type: 'loki', uid: '${DS_LOKI}' }, targets: [{ refId: 'A', expr: '{app="checkout"}' }] },
      ],
    };
    const { model } = importIt(shared, { datasources: { DS_PROM: 'prom-main', DS_LOKI: 'loki-main' } });
    expect(model.panels[0].datasource).toEqual({ type: 'prometheus', uid: 'prom-main' });
    expect(model.panels[0].targets[0]).toEqual({ refId: 'A', datasource: { uid: 'prom-main' }, expr: 'up{env="production"}' });
    expect(model.panels[1].datasource.uid).toBe('loki-main');
    for (const k of ['__inputs', '__requires', '__elements']) expect(model).not.toHaveProperty(k);
  });

  test('the server-side expressions input (__expr__) needs no mapping', () => {
    const d = {
      __inputs: [{ name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus' }, { name: 'DS___EXPR__', type: 'datasource', pluginId: '__expr__' }],
      title: 'Expr',
      panels: [{ id: 1, type: 'stat', targets: [{ refId: 'A', datasource: { uid: '${DS_PROM}' }, expr: 'up' }, { refId: 'B', datasource: { type: '__expr__', uid: '${DS___EXPR__}' }, expression: '$A * 2', type: 'math' }] }],
    };
    const { model } = importIt(d, { datasources: { DS_PROM: 'prom' } });
    expect(model.panels[0].targets.map((t: any) => t.datasource.uid)).toEqual(['prom', '__expr__']);
  });

  test('a mapping given for the __expr__ input is accepted (as Grafana\'s import form offers it)', () => {
    const d = {
      __inputs: [{ name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus' }, { name: 'DS___EXPR__', type: 'datasource', pluginId: '__expr__' }],
      title: 'Expr',
      panels: [{ id: 1, type: 'stat', targets: [{ refId: 'A', datasource: { uid: '${DS_PROM}' }, expr: 'up' }, { refId: 'B', datasource: { type: '__expr__', uid: '${DS___EXPR__}' }, expression: '$A * 2', type: 'math' }] }],
    };
    const { model } = importIt(d, { datasources: { DS_PROM: 'prom', DS___EXPR__: '__expr__' } });
    expect(model.panels[0].targets.map((t: any) => t.datasource.uid)).toEqual(['prom', '__expr__']);
  });

  test('a datasource uid may be a token (a data source managed in the same app)', () => {
    const s = newStack();
    grafana(s);
    const folder = new GrafanaFolder(s, 'Folder', { title: 'f' });
    const d = { __inputs: [{ name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus' }], title: 'T', uid: 't', panels: [{ id: 1, type: 'stat', datasource: { uid: '${DS_PROM}' } }] };
    GrafanaDashboardImport.fromObject(s, 'Dash', d, { datasources: { DS_PROM: folder.resource.uid } });
    const configJson = only(synthStack(s), 'grafana_dashboard').config_json;
    expect(configJson).toMatch(/"uid": "\$\{grafana_folder\.Folder_[0-9A-F]+\.uid\}"/);
  });

  test('library panels are carried over unchanged, with a warning that they must exist', () => {
    const lib = { id: 2, gridPos: { h: 8, w: 12, x: 0, y: 0 }, libraryPanel: { uid: 'lib-latency', name: 'Latency p99' } };
    const { model, imported } = importIt(dash({ panels: [dash().panels[0], lib] }));
    expect(model.panels[1]).toEqual(lib);
    expect(warnings(imported)).toEqual([
      'test/Dash: dashboard.panels[1] references library panel "Latency p99" (uid "lib-latency"): it is carried over unchanged, and the library panel must exist in the Grafana organization (this import does not create it).',
    ]);
  });

  test('library panel models of an export for sharing (__elements) are reported, not imported', () => {
    const lib = { id: 2, gridPos: { h: 8, w: 12, x: 0, y: 0 }, libraryPanel: { uid: 'lib-latency', name: 'Latency p99' } };
    const { model, imported } = importIt(dash({ __elements: { 'lib-latency': { name: 'Latency p99', uid: 'lib-latency', kind: 1, model: { type: 'timeseries' } } }, panels: [lib] }));
    expect(model).not.toHaveProperty('__elements');
    expect(model.panels).toEqual([lib]);
    expect(warnings(imported)).toEqual([
      'test/Dash: dashboard.panels[0] references library panel "Latency p99" (uid "lib-latency"): it is carried over unchanged, and the library panel must exist in the Grafana organization (this import does not create it).',
      'test/Dash: __elements holds 1 library panel model(s) of the export; they are not imported: create the library panels in Grafana (or with grafana_library_panel) before applying.',
    ]);
  });

  test('unknown (plugin) panel types are carried over unchanged with a warning, never dropped', () => {
    const plugin = { id: 7, type: 'grafana-clock-panel', options: { mode: 'time' } };
    const { model, imported } = importIt(dash({ panels: [plugin] }));
    expect(model.panels).toEqual([plugin]);
    expect(warnings(imported)).toEqual([
      'test/Dash: dashboard.panels[0] has panel type "grafana-clock-panel", which is not a core Grafana panel: it is carried over unchanged, and its plugin must be installed in Grafana.',
    ]);
  });

  test('variables of every kind are carried over and can be referenced', () => {
    const list = [
      { name: 'ds', type: 'datasource', query: 'prometheus' },
      { name: 'job', type: 'query', datasource: { uid: '${ds}' }, query: { query: 'label_values(up, job)', refId: 'V' }, definition: 'label_values(up, job)' },
      { name: 'instance', type: 'query', datasource: { uid: '$ds' }, query: 'label_values(up{job="$job"}, instance)' },
      { name: 'env', type: 'custom', query: 'prod,staging', multi: true, includeAll: true, allValue: '.*' },
      { name: 'step', type: 'interval', query: '1m,5m,1h', auto: true },
      { name: 'region', type: 'constant', query: 'eu-west-1', hide: 2 },
      { name: 'search', type: 'textbox', query: '' },
      { name: 'filters', type: 'adhoc', datasource: { uid: '${ds}' } },
    ];
    const targets = [
      { refId: 'A', expr: 'sum by (instance) (rate(http_requests_total{job=~"$job", instance=~"${instance:regex}", env=~"[[env]]", region="$region"}[$step]))' },
      { refId: 'B', expr: 'count(up{path=~".*${search}.*"}) / $__range_s' },
    ];
    const { model, imported } = importIt(dash({ templating: { list }, panels: [{ id: 1, type: 'timeseries', datasource: { uid: '${ds}' }, repeat: 'instance', targets }] }));
    expect(model.templating.list).toEqual(list);
    expect(model.panels[0].targets).toEqual(targets);
    expect(warnings(imported)).toEqual([]);
  });

  test('built-in variables, macros and regex back-references need no definition', () => {
    const targets = [
      { refId: 'A', expr: 'rate(x[$__interval]) + rate(y[$__rate_interval]) + z[$__range] + w[${__auto}]' },
      { refId: 'B', expr: 'label_replace(up, "host", "$1", "instance", "(.*):.*")' },
      { refId: 'C', rawSql: 'SELECT $__timeGroup(ts, $__interval), v FROM t WHERE $__timeFilter(ts) AND $timeFilter AND x = $interval AND y IN ($__all)' },
      { refId: 'D', query: 'from ${__from:date:iso} to ${__to}', alias: '$tag_host $col' },
    ];
    expect(importIt(dash({ panels: [{ id: 1, type: 'table', targets }] })).model.panels[0].targets).toEqual(targets);
  });
});

describe('GrafanaDashboardImport: validation', () => {
  test('not JSON', () => {
    const s = newStack();
    grafana(s);
    expect(() => GrafanaDashboardImport.fromString(s, 'Dash', '{"title": ')).toThrow(
      /^test\/Dash: 'dashboard' must be valid JSON \(.+\); received <10 characters starting "\{\\"title\\": ">$/);
  });

  test('not an object', () => {
    const s = newStack();
    grafana(s);
    expect(() => GrafanaDashboardImport.fromString(s, 'Dash', '[1, 2]')).toThrow(
      "test/Dash: 'dashboard' must be a Grafana dashboard JSON object; received [1,2]");
  });

  test('no panels and no rows', () => {
    expectError({ title: 'T', uid: 'x' },
      'test/Dash: \'dashboard\' must be a Grafana dashboard with a "panels" array (or, before schema 16, a "rows" array); received <an object with keys title, uid>');
  });

  test('panels is not an array', () => {
    expectError(dash({ panels: { a: 1 } }), 'test/Dash: \'dashboard.panels\' must be an array of panels; received {"a":1}');
  });

  test('a panel that is not an object', () => {
    expectError(dash({ panels: ['x'] }), 'test/Dash: \'dashboard.panels[0]\' must be a panel object; received "x"');
  });

  test('a panel without type', () => {
    expectError(dash({ panels: [{ id: 1, type: 'stat' }, { id: 2, title: 'No type' }] }),
      'test/Dash: \'dashboard.panels[1].type\' must be a panel type (e.g. "timeseries", "stat", "row"); received undefined');
  });

  test('a panel without type nested in a collapsed row', () => {
    expectError(dash({ panels: [{ id: 1, type: 'row', collapsed: true, panels: [{ id: 2, type: '' }] }] }),
      'test/Dash: \'dashboard.panels[0].panels[0].type\' must be a panel type (e.g. "timeseries", "stat", "row"); received ""');
  });

  test('a panel without type in a legacy row', () => {
    expectError({ title: 'T', schemaVersion: 14, rows: [{ panels: [{ id: 1 }] }] },
      'test/Dash: \'dashboard.rows[0].panels[0].type\' must be a panel type (e.g. "timeseries", "stat", "row"); received undefined');
  });

  test('a row nested in a row', () => {
    expectError(dash({ panels: [{ id: 1, type: 'row', panels: [{ id: 2, type: 'row', panels: [] }] }] }),
      "test/Dash: 'dashboard.panels[0].panels[0].panels' must be absent (rows cannot be nested in rows); received []");
  });

  test('duplicate panel ids, also across collapsed rows', () => {
    expectError(dash({ panels: [{ id: 1, type: 'stat' }, { id: 9, type: 'row', panels: [{ id: 1, type: 'gauge' }] }] }),
      "test/Dash: 'dashboard.panels[1].panels[0].id' must be a panel id unique in the dashboard (dashboard.panels[0].id has it too); received 1");
  });

  test('a panel id that is not a whole number', () => {
    expectError(dash({ panels: [{ id: '1', type: 'stat' }] }),
      "test/Dash: 'dashboard.panels[0].id' must be a whole-number panel id; received \"1\"");
  });

  test('a variable referenced as $var but not defined', () => {
    expectError(dash({
      templating: { list: [{ name: 'job', type: 'query', query: 'label_values(job)' }] },
      panels: [{ id: 1, type: 'timeseries', targets: [{ refId: 'A', expr: 'up{job="$job", pod="$pod"}' }] }],
    }),
    'test/Dash: \'dashboard.panels[0].targets[0].expr\' must be a query whose variables are defined in templating.list (job) or built in ($__interval, $__rate_interval, $__range, $__auto, $__all, $timeFilter, $interval, ...); "$pod" is not defined; received "up{job=\\"$job\\", pod=\\"$pod\\"}"');
  });

  test('a variable referenced as ${var:format} but not defined', () => {
    expectError(dash({ panels: [{ id: 1, type: 'timeseries', targets: [{ refId: 'A', expr: 'up{ns=~"${namespace:regex}"}' }] }] }),
      'test/Dash: \'dashboard.panels[0].targets[0].expr\' must be a query whose variables are defined in templating.list (none defined) or built in ($__interval, $__rate_interval, $__range, $__auto, $__all, $timeFilter, $interval, ...); "${namespace:regex}" is not defined; received "up{ns=~\\"${namespace:regex}\\"}"');
  });

  test('a variable referenced as [[var]] in a nested panel, and in a variable query', () => {
    expectError(dash({ panels: [{ id: 1, type: 'row', panels: [{ id: 2, type: 'graph', targets: [{ refId: 'A', target: 'servers.[[host]].cpu' }] }] }] }),
      'test/Dash: \'dashboard.panels[0].panels[0].targets[0].target\' must be a query whose variables are defined in templating.list (none defined) or built in ($__interval, $__rate_interval, $__range, $__auto, $__all, $timeFilter, $interval, ...); "[[host]]" is not defined; received "servers.[[host]].cpu"');
    expectError(dash({ templating: { list: [{ name: 'pod', type: 'query', query: 'label_values(kube_pod_info{namespace="$ns"}, pod)' }] } }),
      'test/Dash: \'dashboard.templating.list[0].query\' must be a query whose variables are defined in templating.list (pod) or built in ($__interval, $__rate_interval, $__range, $__auto, $__all, $timeFilter, $interval, ...); "$ns" is not defined; received "label_values(kube_pod_info{namespace=\\"$ns\\"}, pod)"');
  });

  test('a panel datasource that references an undefined variable', () => {
    expectError(dash({ panels: [{ id: 1, type: 'stat', datasource: { uid: '${datasource}' } }] }),
      'test/Dash: \'dashboard.panels[0].datasource.uid\' must be a query whose variables are defined in templating.list (none defined) or built in ($__interval, $__rate_interval, $__range, $__auto, $__all, $timeFilter, $interval, ...); "${datasource}" is not defined; received "${datasource}"');
  });

  test('a repeat over an undefined variable', () => {
    expectError(dash({ panels: [{ id: 1, type: 'stat', repeat: 'host' }] }),
      "test/Dash: 'dashboard.panels[0].repeat' must be the name of a variable of templating.list (none defined); received \"host\"");
  });

  test('template variables without a name, or with a duplicate name', () => {
    expectError(dash({ templating: { list: [{ type: 'custom', query: 'a,b' }] } }),
      "test/Dash: 'dashboard.templating.list[0].name' must be the variable name (a non-empty string); received undefined");
    expectError(dash({ templating: { list: [{ name: 'a', type: 'custom' }, { name: 'a', type: 'textbox' }] } }),
      "test/Dash: 'dashboard.templating.list[1].name' must be a variable name unique in templating.list; received \"a\"");
    expectError(dash({ templating: { list: {} } }),
      "test/Dash: 'dashboard.templating.list' must be an array of template variables; received {}");
  });

  test('an unknown variable type is carried over with a warning', () => {
    const { imported, model } = importIt(dash({ templating: { list: [{ name: 'x', type: 'future-kind' }] } }));
    expect(model.templating.list).toEqual([{ name: 'x', type: 'future-kind' }]);
    expect(warnings(imported)).toEqual([
      'test/Dash: dashboard.templating.list[0] ("x") has variable type "future-kind", which is not one of adhoc, constant, custom, datasource, groupby, interval, query, textbox: it is carried over unchanged.',
    ]);
  });

  test('a missing title', () => {
    expectError(dash({ title: undefined }), "test/Dash: 'dashboard.title' must be the dashboard title (a non-empty string); received undefined");
  });

  test('an export uid Grafana rejects', () => {
    expectError(dash({ uid: 'a'.repeat(41) }),
      `test/Dash: 'dashboard.uid' must be 1 to 40 letters, digits, "-" or "_" (or set the 'uid' prop); received "${'a'.repeat(41)}"`);
    expectError(dash({ uid: 'with space' }),
      'test/Dash: \'dashboard.uid\' must be 1 to 40 letters, digits, "-" or "_" (or set the \'uid\' prop); received "with space"');
  });

  test('props: uid, title, folderUid, folder with folderUid, overwrite, message, datasources, source', () => {
    expectError(dash(), 'test/Dash: \'uid\' must be 1 to 40 letters, digits, "-" or "_"; received "bad/uid"', { uid: 'bad/uid' });
    expectError(dash(), "test/Dash: 'title' must be a non-empty string; received \"  \"", { title: '  ' });
    expectError(dash(), 'test/Dash: \'folderUid\' must be a folder uid of 1 to 40 letters, digits, "-" or "_"; received "a b"', { folderUid: 'a b' });
    expectError(dash(), "test/Dash: 'overwrite' must be true or false; received \"yes\"", { overwrite: 'yes' as any });
    expectError(dash(), "test/Dash: 'message' must be a non-empty string; received \"\"", { message: '' });
    expectError(dash(), "test/Dash: 'datasources.DS-X' must be an input name of letters, digits and \"_\" (e.g. DS_PROMETHEUS); received \"DS-X\"", { datasources: { 'DS-X': 'u' } });
    const s = newStack();
    grafana(s);
    const folder = new GrafanaFolder(s, 'Folder', { title: 'f' });
    expect(() => GrafanaDashboardImport.fromObject(s, 'Dash', dash(), { folder, folderUid: 'x' }))
      .toThrow("test/Dash: 'folderUid' must be undefined when `folder` is set (give either folder or folderUid); received \"x\"");
    expect(() => new GrafanaDashboardImport(s, 'Src', { source: '{}' as any }))
      .toThrow("test/Src: 'source' must be ImportSource.fromString(json), ImportSource.fromObject(object) or ImportSource.fromFile(path); received \"{}\"");
  });

  test('datasource inputs the export references must be mapped', () => {
    const shared = {
      __inputs: [{ name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus' }, { name: 'DS_LOKI', type: 'datasource', pluginId: 'loki' }, { name: 'DS_UNUSED', type: 'datasource' }],
      title: 'Shared',
      panels: [{ id: 1, type: 'stat', datasource: { uid: '${DS_PROM}' } }, { id: 2, type: 'logs', datasource: { uid: '${DS_LOKI}' } }],
    };
    expectError(shared,
      "test/Dash: 'datasources' must be a map with a datasource uid for every datasource input the export references (DS_LOKI, DS_PROM); missing: DS_LOKI, DS_PROM; received {}");
    expectError(shared,
      "test/Dash: 'datasources' must be a map with a datasource uid for every datasource input the export references (DS_LOKI, DS_PROM); missing: DS_LOKI; received {\"DS_PROM\":\"p\"}",
      { datasources: { DS_PROM: 'p' } });
    expectError(shared,
      "test/Dash: 'datasources.DS_TYPO' must be the name of a datasource input of the export (DS_LOKI, DS_PROM, DS_UNUSED); received \"DS_TYPO\"",
      { datasources: { DS_PROM: 'p', DS_LOKI: 'l', DS_TYPO: 'x' } });
    expectError(dash(), "test/Dash: 'datasources.DS_PROM' must be absent: the export has no datasource inputs (__inputs); received \"DS_PROM\"",
      { datasources: { DS_PROM: 'p' } });
    expectError({ ...shared, __inputs: [{ name: 'X', type: 'panel' }] }, "test/Dash: 'dashboard.__inputs[0].type' must be \"datasource\" or \"constant\"; received \"panel\"");
    expectError({ ...shared, __inputs: [{ name: 'VAR_X', type: 'constant' }] },
      "test/Dash: 'dashboard.__inputs[0].value' must be the value of the constant input (a string); received undefined");
  });

  test('a file source names the file in the error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-'));
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(dash({ panels: [{ id: 1 }] })));
    const s = newStack();
    grafana(s);
    expect(() => GrafanaDashboardImport.fromFile(s, 'Dash', file))
      .toThrow(`test/Dash: 'dashboard(${file}).panels[0].type' must be a panel type (e.g. "timeseries", "stat", "row"); received undefined`);
    expect(() => GrafanaDashboardImport.fromFile(s, 'Missing', path.join(dir, 'nope.json')))
      .toThrow(`test/Missing: 'dashboard.path' must be the path of a readable JSON file (ENOENT); received "${path.join(dir, 'nope.json')}"`);
  });

  test('without a Grafana connection in the stack', () => {
    const s = newStack();
    expect(() => GrafanaDashboardImport.fromObject(s, 'Dash', dash())).toThrow(/^test\/Dash: 'grafana connection' must be exactly one grafana connection in stack test/);
  });
});
