import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CORPUS, datadog, grafana, warnings } from './support';
import { dashboardsImportExample } from '../../examples/dashboards-import/main';
import { DatadogMonitorImport, ImportSource } from '../../src';
import { GrafanaDashboardImport } from '../../src/grafana/import/grafana-dashboard-import';
import { newStack, synthApp } from '../support/synth';

describe('ImportSource', () => {
  test('kind and filePath', () => {
    expect(ImportSource.fromString('{}').kind).toBe('string');
    expect(ImportSource.fromString('{}').filePath).toBeUndefined();
    expect(ImportSource.fromObject({}).kind).toBe('object');
    expect(ImportSource.fromFile('a/b.json').kind).toBe('file');
    expect(ImportSource.fromFile('a/b.json').filePath).toBe('a/b.json');
  });

  test('an object source is deep-copied: the caller\'s object is never modified', () => {
    const original = { title: 'T', id: 5, version: 3, panels: [{ id: 1, type: 'stat' }] };
    const before = JSON.stringify(original);
    const s = newStack();
    grafana(s);
    GrafanaDashboardImport.fromObject(s, 'Dash', original);
    expect(JSON.stringify(original)).toBe(before);
  });

  test('an object JSON cannot represent is rejected', () => {
    const cyclic: any = { title: 'T', panels: [] };
    cyclic.self = cyclic;
    const s = newStack();
    grafana(s);
    expect(() => GrafanaDashboardImport.fromObject(s, 'Dash', cyclic))
      .toThrow("test/Dash: 'dashboard' must be a JSON object (no cycles, no BigInt); received <an object that JSON cannot represent>");
  });

  test('an empty file path is rejected', () => {
    const s = newStack();
    grafana(s);
    expect(() => GrafanaDashboardImport.fromFile(s, 'Dash', '')).toThrow("test/Dash: 'dashboard.path' must be the path of a readable JSON file; received \"\"");
  });

  test('a file that is not JSON names the file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'src-')), 'x.json');
    fs.writeFileSync(file, 'title: yaml');
    const s = newStack();
    grafana(s);
    expect(() => GrafanaDashboardImport.fromFile(s, 'Dash', file))
      .toThrow(new RegExp(`^test/Dash: 'dashboard\\(${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)' must be valid JSON \\(.+\\); received <11 characters starting "title: yaml">$`));
  });
});

test('warnings name a file source by its base name only, so the output does not depend on where the file is', () => {
  const s = newStack();
  datadog(s);
  const file = path.join(CORPUS, 'datadog-monitors', 'DataDog__integrations-core__redisdb__assets__monitors__high_mem.json');
  const monitor = DatadogMonitorImport.fromFile(s, 'Monitor', file);
  const [warning] = warnings(monitor);
  expect(warning).toMatch(/^test\/Monitor: datadog_monitor cannot express these fields of monitor\(DataDog__integrations-core__redisdb__assets__monitors__high_mem\.json\), which are not imported: created_at /);
  const out = synthApp((app) => dashboardsImportExample(app));
  for (const [name, text] of Object.entries(out.files)) expect({ name, leaks: text.includes(CORPUS) }).toEqual({ name, leaks: false });
});

test('synthesis is deterministic: the example gives byte-identical output twice', () => {
  const a = synthApp((app) => dashboardsImportExample(app)).files;
  const b = synthApp((app) => dashboardsImportExample(app)).files;
  expect(Object.keys(a).length).toBeGreaterThan(0);
  expect(b).toEqual(a);
});
