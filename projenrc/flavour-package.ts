/**
 * Packages a flavour written by `flavour.ts` (`.flavours/<name>`): a package.json of its own
 * (the flavour file's package names and peers, the repository's runtime dependencies, bundled
 * as in the main package) and the repository's tsconfig, then jsii compiles `src/` into `lib/`
 * with its `.jsii` assembly, and jsii-pacmak builds the npm tarball and the Python wheel into
 * `dist/<name>/js` and `dist/<name>/python`.
 *
 *   ts-node projenrc/flavour-package.ts <name>
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readFlavour } from './flavour';

const root = path.resolve(__dirname, '..');

/** The bundled dependencies and everything they need, from the repository's lock file. */
function bundledClosure(bundled: string[]): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages as Record<string, { dependencies?: Record<string, string> }>;
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const entry = lock[`node_modules/${name}`];
    if (!entry) throw new Error(`flavour package: ${name} (bundled) is not in package-lock.json; run npm install`);
    seen.add(name);
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(dep);
  };
  bundled.forEach(visit);
  return [...seen].sort();
}

export function writePackageFiles(name: string, dir: string): void {
  const flavour = readFlavour(name);
  const main = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { name: npmName, ...targets } = flavour.package;
  const java = targets.java as { package: string; groupId: string; artifactId: string };
  const pkg = {
    name: npmName,
    version: main.version,
    description: main.description,
    repository: main.repository,
    author: main.author,
    license: main.license,
    keywords: [...(main.keywords ?? []).filter((k: string) => k !== 'cdktf'), 'cdktn'],
    main: 'lib/index.js',
    types: 'lib/index.d.ts',
    files: ['lib/**/*.js', 'lib/**/*.d.ts', '.jsii', 'README.md', 'LICENSE'],
    peerDependencies: flavour.peerDependencies,
    dependencies: main.dependencies,
    bundledDependencies: main.bundledDependencies,
    jsii: {
      outdir: 'dist',
      targets: {
        python: targets.python,
        java: { package: java.package, maven: { groupId: java.groupId, artifactId: java.artifactId } },
        dotnet: targets.dotnet,
        go: targets.go,
      },
      tsconfig: 'tsconfig.json',
      validateTsconfig: 'strict',
    },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, undefined, 2) + '\n');
  const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
  delete tsconfig['//'];
  // the flavour's package compiles src/ alone (no test types)
  tsconfig.compilerOptions.types = ['node'];
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, undefined, 2) + '\n');
  for (const f of ['README.md', 'LICENSE']) {
    const own = path.join(root, 'flavours', name, f);
    fs.copyFileSync(fs.existsSync(own) ? own : path.join(root, f), path.join(dir, f));
  }
  // npm bundles what the package's own node_modules holds
  const modules = path.join(dir, 'node_modules');
  fs.rmSync(modules, { recursive: true, force: true });
  for (const dep of bundledClosure(main.bundledDependencies ?? [])) {
    fs.mkdirSync(path.dirname(path.join(modules, dep)), { recursive: true });
    fs.cpSync(path.join(root, 'node_modules', dep), path.join(modules, dep), { recursive: true, dereference: true });
  }
}

/** @param dirOverride the flavour's sources elsewhere than .flavours/<name> */
export function packageFlavour(name: string, dirOverride?: string): void {
  const dir = dirOverride ?? path.join(root, '.flavours', name);
  if (!fs.existsSync(path.join(dir, 'src', 'index.ts'))) throw new Error(`flavour package: no sources in ${dir}; run npx projen flavour:${name}`);
  writePackageFiles(name, dir);
  const bin = (tool: string) => path.join(root, 'node_modules', '.bin', tool);
  execFileSync(bin('jsii'), ['--silence-warnings=reserved-word'], { cwd: dir, stdio: 'inherit' });
  const out = path.join(root, 'dist', name);
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(bin('jsii-pacmak'), ['--target', 'js', '--target', 'python', '--outdir', out], { cwd: dir, stdio: 'inherit' });
}

if (require.main === module) {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: flavour-package.ts <name>');
    process.exit(2);
  }
  packageFlavour(name, process.argv[3]);
  console.log(`flavour ${name}: packages in dist/${name} (js, python)`);
}
