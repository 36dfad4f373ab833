/**
 * Publishes the JSON Schemas of the catalog files: every module `schema-<name>` of a folder
 * (the compiled `lib/catalog/private` after `compile`) exports `<NAME>_SCHEMA`, which is written
 * to `schemas/<name>.schema.json` of the package. The TypeScript consts are the only source;
 * the JSON files are generated (and not committed).
 *
 * Run by the `schemas` task (a step of `post-compile`): ts-node projenrc/write-schemas.ts
 */
import * as fs from 'fs';
import * as path from 'path';

/** Where each schema is published (its `$id` must be this base and its file name). */
export const SCHEMA_BASE_URL = 'https://cdktf-integrations.dev/schemas/';

/**
 * Writes the schema of every `schema-<name>.<ext>` module of `fromDir` to
 * `<outDir>/<name>.schema.json` (`outDir` is emptied first, so a removed schema leaves no
 * file behind). Returns the files written, sorted.
 */
export function writeSchemas(fromDir: string, outDir: string, ext = '.js'): string[] {
  const modules = fs.readdirSync(fromDir)
    .filter((f) => f.startsWith('schema-') && f.endsWith(ext) && !f.endsWith(`.d${ext}`))
    .sort();
  if (modules.length === 0) throw new Error(`no schema-*${ext} module in ${fromDir}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const f of modules) {
    const name = f.slice('schema-'.length, -ext.length);
    const constName = `${name.toUpperCase().replace(/-/g, '_')}_SCHEMA`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = require(path.resolve(fromDir, f))[constName];
    if (!schema || typeof schema !== 'object') throw new Error(`${f} exports no ${constName}`);
    const id = `${SCHEMA_BASE_URL}${name}.schema.json`;
    if (schema.$id !== id) throw new Error(`${f}: ${constName}.$id must be ${id}, not ${schema.$id}`);
    const out = path.join(outDir, `${name}.schema.json`);
    fs.writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
    written.push(out);
  }
  return written;
}

if (require.main === module) {
  const root = path.join(__dirname, '..');
  for (const f of writeSchemas(path.join(root, 'lib', 'catalog', 'private'), path.join(root, 'schemas'))) {
    console.log(`wrote ${path.relative(root, f)}`);
  }
}
