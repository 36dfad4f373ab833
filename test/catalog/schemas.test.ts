/**
 * The JSON Schemas of the catalog files are published from their TypeScript consts
 * (src/catalog/private/schema-*.ts) by projenrc/write-schemas.ts, a step of post-compile;
 * the files are generated into schemas/ of the package and not committed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { SCHEMA_BASE_URL, writeSchemas } from '../../projenrc/write-schemas';
import { MONITOR_CATALOG_SCHEMA } from '../../src/catalog/private/schema-monitor-catalog';

const ROOT = path.join(__dirname, '..', '..');
const SOURCES = path.join(ROOT, 'src', 'catalog', 'private');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-'));
const written = writeSchemas(SOURCES, out, '.ts');
const modules = fs.readdirSync(SOURCES).filter((f) => /^schema-.+\.ts$/.test(f)).sort();

test('every schema-*.ts module is written as <name>.schema.json, equal to its const', () => {
  expect(written.map((f) => path.basename(f))).toEqual(modules.map((f) => `${f.slice('schema-'.length, -'.ts'.length)}.schema.json`));
  expect(written.map((f) => path.basename(f))).toContain('monitor-catalog.schema.json');
  for (const [i, file] of written.entries()) {
    const name = path.basename(file, '.schema.json');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = require(path.join(SOURCES, modules[i]))[`${name.toUpperCase().replace(/-/g, '_')}_SCHEMA`];
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(schema)));
    expect(schema.$id).toBe(`${SCHEMA_BASE_URL}${name}.schema.json`);
  }
});

test('each written schema is a valid draft-07 schema with a description on every property', () => {
  for (const file of written) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(typeof schema.title).toBe('string');
    expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(schema)).not.toThrow();
    expect(undescribed(schema, '')).toEqual([]);
  }
});

test('the written catalog schema accepts the example catalogs and rejects a broken one', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(out, 'monitor-catalog.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);
  const example = parse(fs.readFileSync(path.join(ROOT, 'examples', 'catalog', 'monitors.yaml'), 'utf8'));
  expect(validate(example) ? [] : validate.errors).toEqual([]);
  const broken = { ...example, defaults: { ...example.defaults, severity: 'SEV9' } };
  expect(validate(broken)).toBe(false);
  expect(validate.errors?.map((e) => e.instancePath)).toEqual(['/defaults/severity']);
  // The file's own schema line points at the published schema.
  expect(fs.readFileSync(path.join(ROOT, 'examples', 'catalog', 'monitors.yaml'), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${MONITOR_CATALOG_SCHEMA.$id}`);
});

test('a schema module without its const, or with another $id, is refused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-src-'));
  fs.writeFileSync(path.join(dir, 'schema-foo.js'), 'exports.BAR_SCHEMA = {};');
  expect(() => writeSchemas(dir, path.join(dir, 'out'))).toThrow('schema-foo.js exports no FOO_SCHEMA');
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-src-'));
  fs.writeFileSync(path.join(other, 'schema-foo.js'), 'exports.FOO_SCHEMA = { $id: "https://example.com/x.json" };');
  expect(() => writeSchemas(other, path.join(other, 'out'))).toThrow(`schema-foo.js: FOO_SCHEMA.$id must be ${SCHEMA_BASE_URL}foo.schema.json, not https://example.com/x.json`);
  expect(() => writeSchemas(path.join(dir, 'out'), dir)).toThrow(/no schema-\*\.js module/);
});

test('the build writes schemas/ after compiling, ships it in the package and does not commit it', () => {
  const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf8')).tasks;
  expect(tasks.schemas.steps).toEqual([{ exec: 'ts-node --project tsconfig.dev.json projenrc/write-schemas.ts' }]);
  expect(tasks['post-compile'].steps[0]).toEqual({ spawn: 'schemas' });
  const lines = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n');
  expect(lines('.gitignore')).toContain('/schemas/');
  expect(lines('.npmignore')).toContain('!/schemas/');
  expect(lines('.npmignore')).not.toContain('/schemas/');
  expect(fs.readFileSync(path.join(ROOT, '.projenrc.ts'), 'utf8')).toContain('project.postCompileTask.prependSpawn(schemas);');
});

/** Paths of properties without a description. */
function undescribed(node: any, at: string): string[] {
  if (!node || typeof node !== 'object') return [];
  const missing: string[] = [];
  for (const [k, v] of Object.entries<any>(node.properties ?? {})) {
    if (typeof v.description !== 'string' || v.description.length === 0) missing.push(`${at}/${k}`);
    missing.push(...undescribed(v, `${at}/${k}`));
  }
  for (const key of ['items', 'additionalProperties']) if (node[key] && typeof node[key] === 'object') missing.push(...undescribed(node[key], `${at}/${key}`));
  return missing;
}
