/**
 * Every file of the corpus (real exports, test/fixtures/corpus, provenance in MANIFEST.tsv)
 * imports without error and round-trips: the synthesized Terraform, parsed back, holds every
 * panel / widget, query, threshold and template variable of the original, field by field.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS, corpusFiles, datadog, grafana, only, readJson, warnings } from './support';
import { DatadogDashboardImport, DatadogMonitorImport, GrafanaDashboardImport } from '../../src';
import { hasArgument } from '../../src/core/private/toolkit';
import { newStack, synthStack } from '../support/synth';

/** What Terraform makes of a string of its JSON syntax that contains only escapes (no references). */
const terraformString = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');

/** Every panel of a Grafana dashboard: top level, nested in collapsed rows, in legacy rows. */
function grafanaPanels(d: any): any[] {
  const out: any[] = [];
  const walk = (list: any[] | undefined) => {
    for (const p of list ?? []) {
      out.push(p);
      if (p.type === 'row') walk(p.panels);
    }
  };
  walk(d.panels);
  for (const row of d.rows ?? []) walk(row.panels);
  return out;
}

/** Every widget of a Datadog dashboard, nested ones (groups) included. */
function datadogWidgets(d: any): any[] {
  const out: any[] = [];
  const walk = (list: any[] | undefined) => {
    for (const w of list ?? []) {
      out.push(w);
      walk(w.definition?.widgets);
    }
  };
  walk(d.widgets);
  return out;
}

/** Every query string of a Datadog widget definition, by its JSON path. */
function datadogQueries(def: any, at: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: any, key: string, at2: string) => {
    if (typeof v === 'string' && ['q', 'query', 'formula'].includes(key)) out[at2] = v;
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, key, `${at2}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k, `${at2}.${k}`);
  };
  walk(def.requests, 'requests', `${at}.requests`);
  return out;
}

describe.each(corpusFiles('grafana-dashboards'))('Grafana corpus: %s', (_name, file) => {
  const original = readJson(file);
  const text = JSON.stringify(original);
  const referenced = (original.__inputs ?? []).map((i: any) => i.name as string).filter((n: string) => text.includes(`\${${n}}`));
  const datasources: Record<string, string> = Object.fromEntries(referenced.map((n: string) => [n, `uid-${n.toLowerCase()}`]));
  // The original as Grafana's own import would see it once the inputs are chosen.
  const expected = JSON.parse(text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (m, n: string) => datasources[n] ?? m));
  let rendered: any;
  let resource: any;
  let imported: GrafanaDashboardImport;

  beforeAll(() => {
    const stack = newStack();
    grafana(stack);
    imported = GrafanaDashboardImport.fromFile(stack, 'Dashboard', file, { datasources });
    resource = only(synthStack(stack), 'grafana_dashboard');
    rendered = JSON.parse(terraformString(resource.config_json));
  });

  test('imports with the original uid and title, without id, version and export metadata', () => {
    expect(rendered.title).toBe(original.title);
    expect(rendered.uid).toBe(original.uid);
    expect(imported.uid).toBe(original.uid);
    for (const k of ['id', 'version', '__inputs', '__requires', '__elements']) expect(rendered).not.toHaveProperty(k);
    expect(resource.provider).toBe('grafana');
    expect(warnings(imported)).toEqual([]);
  });

  test('every other top-level field is present and equal', () => {
    const keys = Object.keys(expected).filter((k) => !['id', 'version', '__inputs', '__requires', '__elements'].includes(k));
    expect(keys.length).toBeGreaterThan(5);
    for (const k of keys) expect({ [k]: rendered[k] }).toEqual({ [k]: expected[k] });
    expect(Object.keys(rendered).sort()).toEqual(keys.sort());
  });

  test('every panel, including those nested in rows, is present and equal', () => {
    const want = grafanaPanels(expected);
    const got = grafanaPanels(rendered);
    expect(want.length).toBeGreaterThan(0);
    expect(got.length).toBe(want.length);
    want.forEach((panel, i) => {
      expect(got[i].type).toBe(panel.type);
      expect(got[i].id).toBe(panel.id);
      expect(got[i].title).toBe(panel.title);
      expect(got[i]).toEqual(panel);
    });
  });

  test('every query expression is present and equal', () => {
    const want = grafanaPanels(expected).flatMap((p) => (p.targets ?? []).map((t: any) => [p.id, t.refId, t.expr ?? t.query ?? t.target]));
    const got = grafanaPanels(rendered).flatMap((p) => (p.targets ?? []).map((t: any) => [p.id, t.refId, t.expr ?? t.query ?? t.target]));
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  test('every threshold is present and equal', () => {
    const thresholds = (d: any) => grafanaPanels(d).map((p) => [p.id, p.fieldConfig?.defaults?.thresholds, p.thresholds, p.fieldConfig?.overrides]);
    expect(thresholds(rendered)).toEqual(thresholds(expected));
  });

  test('every template variable is present and equal', () => {
    const want = expected.templating?.list ?? [];
    const got = rendered.templating?.list ?? [];
    expect(got.map((v: any) => v.name)).toEqual(want.map((v: any) => v.name));
    want.forEach((v: any, i: number) => expect(got[i]).toEqual(v));
  });

  test('the datasource inputs it references are substituted', () => {
    for (const name of referenced) expect(terraformString(resource.config_json)).not.toContain(`\${${name}}`);
    for (const uid of Object.values(datasources)) expect(JSON.stringify(rendered)).toContain(`"uid":"${uid}"`);
  });
});

describe.each(corpusFiles('datadog-dashboards'))('Datadog dashboard corpus: %s', (_name, file) => {
  const original = readJson(file);
  let rendered: any;
  let imported: DatadogDashboardImport;

  beforeAll(() => {
    const stack = newStack();
    datadog(stack);
    imported = DatadogDashboardImport.fromFile(stack, 'Dashboard', file);
    rendered = JSON.parse(terraformString(only(synthStack(stack), 'datadog_dashboard_json').dashboard));
  });

  test('imports without read-only fields, everything else equal', () => {
    expect(warnings(imported)).toEqual([]);
    const readOnly = ['id', 'author_handle', 'author_name', 'created_at', 'modified_at', 'url'];
    for (const k of readOnly) expect(rendered).not.toHaveProperty(k);
    const keys = Object.keys(original).filter((k) => !readOnly.includes(k));
    for (const k of keys) expect({ [k]: rendered[k] }).toEqual({ [k]: original[k] });
    expect(Object.keys(rendered).sort()).toEqual(keys.sort());
  });

  test('every widget, including those nested in groups, is present and equal', () => {
    const want = datadogWidgets(original);
    const got = datadogWidgets(rendered);
    expect(want.length).toBeGreaterThan(0);
    expect(got.length).toBe(want.length);
    want.forEach((w, i) => {
      expect(got[i].definition.type).toBe(w.definition.type);
      expect(got[i].layout).toEqual(w.layout);
      expect(got[i]).toEqual(w);
    });
  });

  test('every query and every threshold (conditional format, marker) is present and equal', () => {
    const queries = (d: any) => Object.assign({}, ...datadogWidgets(d).map((w, i) => datadogQueries(w.definition, `widget${i}`)));
    const withRequests = datadogWidgets(original).filter((w) => w.definition.requests !== undefined).length;
    expect(Object.keys(queries(original)).length).toBeGreaterThanOrEqual(withRequests);
    expect(queries(rendered)).toEqual(queries(original));
    const marks = (d: any) => datadogWidgets(d).map((w) => [
      w.definition.markers,
      (Array.isArray(w.definition.requests) ? w.definition.requests : []).map((r: any) => r.conditional_formats),
    ]);
    expect(marks(rendered)).toEqual(marks(original));
  });

  test('every template variable is present and equal', () => {
    expect(rendered.template_variables).toEqual(original.template_variables);
  });
});

/** Options mapped one to one onto a `datadog_monitor` argument of the same name. */
const SCALAR_OPTIONS = [
  'notify_no_data', 'no_data_timeframe', 'renotify_interval', 'renotify_occurrences', 'renotify_statuses', 'evaluation_delay',
  'new_group_delay', 'new_host_delay', 'require_full_window', 'include_tags', 'notify_audit', 'timeout_h',
  'escalation_message', 'on_missing_data', 'notify_by', 'group_retention_duration', 'groupby_simple_monitor',
  'enable_logs_sample', 'enable_samples', 'notification_preset_name',
];

describe.each(corpusFiles('datadog-monitors'))('Datadog monitor corpus: %s', (_name, file) => {
  const original = readJson(file);
  const def = original.definition ?? original;
  let args: any;
  let imported: DatadogMonitorImport;

  beforeAll(() => {
    const stack = newStack();
    datadog(stack);
    imported = DatadogMonitorImport.fromFile(stack, 'Monitor', file);
    args = terraformStrings(only(synthStack(stack), 'datadog_monitor'));
  });

  test('name, type, query, message, tags, priority and roles are equal', () => {
    expect(args.name).toBe(def.name);
    expect(args.type).toBe(def.type);
    expect(args.query).toBe(def.query);
    expect(args.message).toBe(def.message);
    expect(args.tags).toEqual(def.tags);
    expect(args.priority).toBe(def.priority === undefined || def.priority === null ? undefined : String(def.priority));
    expect(args.restricted_roles).toEqual(def.restricted_roles ?? undefined);
    expect(args.provider).toBe('datadog');
  });

  test('every threshold and threshold window is present and equal', () => {
    const thresholds = def.options.thresholds ?? {};
    expect(Object.keys(thresholds).length).toBeGreaterThan(0);
    expect(Object.keys(args.monitor_thresholds).sort()).toEqual(Object.keys(thresholds).filter((k) => thresholds[k] !== null).sort());
    for (const [k, v] of Object.entries(thresholds)) expect(Number(args.monitor_thresholds[k])).toBe(v);
    const windows = def.options.threshold_windows;
    if (windows) expect(args.monitor_threshold_windows).toEqual(windows);
    else expect(args.monitor_threshold_windows).toBeUndefined();
  });

  test('every option is mapped (or named in the warning)', () => {
    const warned = warnings(imported).join('\n');
    for (const [k, v] of Object.entries<any>(def.options)) {
      if (k === 'thresholds' || k === 'threshold_windows') continue;
      if (SCALAR_OPTIONS.includes(k)) {
        const want = v === null ? undefined : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
        expect({ [k]: args[k] }).toEqual({ [k]: want });
      } else if (k === 'locked') {
        // restricted_roles replaces it; the Datadog provider of the cdktn flavour (4.x) has no locked
        if (def.restricted_roles || !hasArgument('datadog_monitor', 'locked')) expect(warned).toContain(`options.locked = ${v}`);
        else expect(args.locked).toBe(v);
      } else if (k === 'silenced') {
        expect(v).toEqual({});
      } else {
        expect(warned).toContain(`options.${k}`);
      }
    }
  });

  test('fields the provider cannot express are named in a warning', () => {
    const warned = warnings(imported).join('\n');
    const extra = Object.keys(original).filter((k) => !['definition', 'name', 'type', 'query', 'message', 'tags', 'options', 'priority', 'restricted_roles', 'id'].includes(k));
    for (const k of extra) expect(warned).toContain(`${k} `);
    if (extra.length === 0) expect(warnings(imported)).toEqual([]);
  });
});

function terraformStrings(v: any): any {
  if (typeof v === 'string') return terraformString(v);
  if (Array.isArray(v)) return v.map(terraformStrings);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, terraformStrings(x)]));
  return v;
}

test('every corpus file has its provenance line in MANIFEST.tsv, and every line its file', () => {
  const manifest = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  expect(manifest[0].split('\t')).toEqual(['file', 'kind', 'repo', 'path', 'commit', 'license', 'bytes']);
  const rows = manifest.slice(1).map((l) => l.split('\t'));
  const listed = rows.map((r) => r[0]).sort();
  const present = ['datadog-dashboards', 'datadog-monitors', 'grafana-dashboards'].flatMap((k) => corpusFiles(k).map(([f]) => `${k}/${f}`)).sort();
  expect(present).toEqual(listed);
  for (const [file, , , , commit, license, bytes] of rows) {
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(['BSD-3-Clause', 'Apache-2.0']).toContain(license);
    expect(fs.statSync(path.join(CORPUS, file)).size).toBe(Number(bytes));
  }
});
