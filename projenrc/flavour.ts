/**
 * Builds a flavour of the library: the same `src/` for another CDK toolkit, rewritten through
 * the one import map of `flavours/<name>/flavour.json` into `.flavours/<name>/src` (build output,
 * never committed), with the Grafana bindings generated again by that toolkit's own generator.
 *
 * The build fails on any import of a `cdktf` package that the map does not cover, and on a value
 * import of a provider the flavour has no bindings for (`toolkit.unavailableProviders`): such a provider
 * may only be reached through the library's optional-package loader, which reports why.
 *
 * Usage: `ts-node --project tsconfig.dev.json projenrc/flavour.ts <name>`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BindingEntry, bindingEntries, generate } from './generate-bindings';
import type { Toolkit } from '../src/core/private/toolkit';

const root = path.resolve(__dirname, '..');

export interface FlavourFile {
  readonly name: string;
  /** The flavour's package names (npm, and the jsii targets'). */
  readonly package: { name: string; [target: string]: unknown };
  /** The flavour's toolkit, constructs and prebuilt providers, as its package declares them. */
  readonly peerDependencies: { [pkg: string]: string };
  readonly importMap: { from: string; to: string }[];
  readonly bindings: { generator: string; commons: string };
  /** The flavour's values of src/core/private/toolkit.ts. */
  readonly toolkit: Toolkit;
  /**
   * Where the flavour's synthesized Terraform differs from the cdktf flavour's for the same
   * program: dotted paths into a stack's JSON (`*` matches one key), each with its reason.
   */
  readonly synthDifferences: { path: string; reason: string }[];
  /**
   * The flavour's test run (`npx projen test:<name>`): test paths it leaves out, and failures
   * (a pattern of the failure message) it counts apart instead of failing, each with its reason.
   */
  readonly tests: { notRun: { path: string; reason: string }[]; expectedFailures: { pattern: string; reason: string }[] };
  /**
   * The Python side: the map of top-level modules the Python examples and test programs import
   * (`cdktf` → `cdktn`, …), and the requirements file its Python tests install.
   */
  readonly python: { importMap: { from: string; to: string }[]; requirements: string };
}

/** The one source file that holds the toolkit's values; each flavour's build writes its own. */
export const TOOLKIT_FILE = 'src/core/private/toolkit.ts';

export function readFlavour(name: string): FlavourFile {
  const file = path.join(root, 'flavours', name, 'flavour.json');
  if (!fs.existsSync(file)) throw new Error(`no flavour file ${path.relative(root, file)}`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A module specifier that names the cdktf toolkit or one of its provider packages. */
function isCdktfSpecifier(spec: string): boolean {
  return spec === 'cdktf' || spec.startsWith('cdktf/') || spec.startsWith('@cdktf/');
}

/** The specifier under the flavour's import map, or undefined when the map does not cover it. */
export function mapSpecifier(flavour: FlavourFile, spec: string): string | undefined {
  for (const { from, to } of flavour.importMap) {
    if (from.endsWith('/') ? spec.startsWith(from) : spec === from) return to + spec.slice(from.length);
  }
  return undefined;
}

function unavailableProvider(flavour: FlavourFile, spec: string): string | undefined {
  return Object.keys(flavour.toolkit.unavailableProviders).find((pkg) => spec === pkg || spec.startsWith(`${pkg}/`));
}

// `import … from '…'`, `export … from '…'`, `import '…'`, `require('…')`, `import('…')`.
const SPECIFIER = /(\bimport\s+(type\s+)?([^'";]*?)\s+from\s+|\bexport\s+[^'";]*?\s+from\s+|\bimport\s+|\brequire\(\s*|\bimport\(\s*)(['"])([^'"]+)\4/g;

/**
 * One source file under the flavour: mapped specifiers rewritten, type-only imports of an
 * unavailable provider turned into `any` aliases (the loader never returns such a module in this
 * flavour). Problems are appended to `problems` as `file:line: message`.
 */
export function rewriteSource(flavour: FlavourFile, file: string, text: string, problems: string[]): string {
  type Part = string | undefined;
  return text.replace(SPECIFIER, (whole, lead: string, typeOnly: Part, clause: Part, quote: string, spec: string, offset: number) => {
    if (!isCdktfSpecifier(spec)) return whole;
    const line = text.slice(0, offset).split('\n').length;
    const mapped = mapSpecifier(flavour, spec);
    if (mapped !== undefined) return `${lead}${quote}${mapped}${quote}`;
    const missing = unavailableProvider(flavour, spec);
    if (missing && typeOnly && clause) return typeAliases(clause.trim());
    problems.push(missing
      ? `${file}:${line}: '${spec}' is imported as a value, but the ${flavour.name} flavour has no bindings for it (${flavour.toolkit.unavailableProviders[missing]}); load it through optionalPackage (src/core/private/optional-package.ts)`
      : `${file}:${line}: '${spec}' is not covered by the import map of flavours/${flavour.name}/flavour.json`);
    return whole;
  });
}

/**
 * The toolkit file with the flavour's values in place of the cdktf flavour's; fails when the
 * file no longer has the one `TOOLKIT` constant this replaces.
 */
export function rewriteToolkit(flavour: FlavourFile, text: string): string {
  const decl = /^export const TOOLKIT: Toolkit = \{\n[\s\S]*?\n\};$/m;
  if (!decl.test(text)) throw new Error(`${TOOLKIT_FILE} has no 'export const TOOLKIT: Toolkit = { … };' for the ${flavour.name} flavour to replace`);
  const values = Object.fromEntries(Object.entries(flavour.toolkit).filter(([k]) => !k.startsWith('$')));
  return text.replace(decl, () => `/** The ${flavour.name} flavour (from flavours/${flavour.name}/flavour.json). */\nexport const TOOLKIT: Toolkit = ${JSON.stringify(values, undefined, 2)};`)
    .replace('/** The cdktf flavour. */\n/**', '/**');
}

/** `{ A, B as C }` or `* as ns` of a type-only import, as `any` aliases. */
function typeAliases(clause: string): string {
  const ns = /^\*\s+as\s+(\w+)$/.exec(clause);
  if (ns) return `declare const ${ns[1]}: any; // unavailable in this flavour\n// `;
  const names = clause.replace(/^\{|\}$/g, '').split(',').map((s) => s.trim()).filter(Boolean)
    .map((s) => s.split(/\s+as\s+/).pop()!);
  return `${names.map((n) => `type ${n} = any;`).join(' ')} // unavailable in this flavour\n// `;
}

function walk(dir: string, visit: (file: string) => void): void {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p, visit);
    else visit(p);
  }
}

// `from cdktf import …`, `import cdktf_integrations.x`: the top-level module of a Python import.
const PY_IMPORT = /^(\s*(?:from|import)\s+)([A-Za-z_]\w*)(?=[.\s]|$)/gm;

/** A Python file through the flavour's Python import map; a cdktf module the map does not cover is a problem. */
export function rewritePython(flavour: FlavourFile, file: string, text: string, problems: string[]): string {
  return text.replace(PY_IMPORT, (whole, head: string, mod: string, offset: number) => {
    const to = flavour.python.importMap.find((m) => m.from === mod)?.to;
    if (to) return head + to;
    if (mod.startsWith('cdktf')) {
      const line = text.slice(0, offset).split('\n').length;
      problems.push(`${file}:${line}: Python module '${mod}' is not in the ${flavour.name} flavour's python.importMap`);
    }
    return whole;
  });
}

/** The folders a flavour's build writes, rewritten; test/python holds the Python test programs. */
const FLAVOUR_DIRS = ['src', 'examples', path.join('test', 'python')];

/**
 * Writes `.flavours/<name>/src` and `.flavours/<name>/examples`, and a tsconfig that type-checks
 * them against the flavour's toolkit; returns the problems found (the build fails on any).
 * @param outDirOverride another directory inside the repository (tests build their own copy)
 */
export async function buildFlavourSources(name: string, outDirOverride?: string): Promise<{ outDir: string; problems: string[]; files: number }> {
  const flavour = readFlavour(name);
  const outDir = outDirOverride ?? path.join(root, '.flavours', name);
  for (const dir of FLAVOUR_DIRS) fs.rmSync(path.join(outDir, dir), { recursive: true, force: true });
  const generated = new Set(bindingEntries().map((e) => path.join(root, e.outDir)));
  const problems: string[] = [];
  let files = 0;
  for (const dir of FLAVOUR_DIRS) {
    walk(path.join(root, dir), (file) => {
      if ([...generated].some((g) => file.startsWith(g + path.sep))) return;
      const rel = path.relative(root, file);
      // the TypeScript tests of test/python run from the repository (the flavour's run maps their imports)
      if (rel.startsWith(path.join('test', 'python') + path.sep) && !file.endsWith('.py')) return;
      const dst = path.join(outDir, rel);
      fs.mkdirSync(path.dirname(dst), { recursive: true });
      const text = fs.readFileSync(file, 'utf8');
      const own = rel === TOOLKIT_FILE ? rewriteToolkit(flavour, text) : text;
      fs.writeFileSync(dst, file.endsWith('.ts') ? rewriteSource(flavour, rel, own, problems)
        : file.endsWith('.py') ? rewritePython(flavour, rel, own, problems) : own);
      files++;
    });
  }
  // The examples read their data files from test/fixtures, relative to themselves.
  const fixtures = path.join(outDir, 'test', 'fixtures');
  fs.rmSync(fixtures, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(fixtures), { recursive: true });
  fs.symlinkSync(path.relative(path.dirname(fixtures), path.join(root, 'test', 'fixtures')), fixtures);
  fs.writeFileSync(path.join(outDir, 'tsconfig.check.json'), JSON.stringify({
    extends: path.relative(outDir, path.join(root, 'tsconfig.dev.json')),
    include: ['src/**/*.ts', 'examples/**/*.ts'],
    compilerOptions: { noEmit: true, rootDir: '.' },
  }, undefined, 2) + '\n');
  for (const entry of bindingEntries()) {
    const e: BindingEntry = entry;
    await generate(e, path.join(outDir, e.outDir), flavour.bindings);
  }
  return { outDir, problems, files };
}

if (require.main === module) {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: flavour.ts <name>');
    process.exit(2);
  }
  buildFlavourSources(name).then(({ outDir, problems, files }) => {
    if (problems.length) {
      console.error(`flavour ${name}: ${problems.length} import(s) the flavour cannot build:\n${problems.join('\n')}`);
      process.exit(1);
    }
    console.log(`flavour ${name}: ${files} files in ${path.relative(root, outDir)} (${FLAVOUR_DIRS.join(', ')})`);
  }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
