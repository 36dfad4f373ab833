/**
 * The cdktn flavour's packages, as a user installs them: the npm tarball and the Python wheel
 * that `npx projen package:cdktn` builds into dist/cdktn. Runs in the flavour's test run only
 * (`npx projen test:cdktn`, which builds them first). The tarball, unpacked as an installed
 * package, serves a plain-JavaScript cdktn app: cdktn's App, the package's constructs, cdktn's
 * providers, references between resources, and no secret value in the output.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CANARY, filesUnder, runCdktnApp } from '../flavours/support/cdktn-app';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'cdktn');
function only(dir: string, suffix: string): string {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(suffix)) : [];
  if (files.length !== 1) throw new Error(`expected one ${suffix} in ${dir} (built by npx projen package:cdktn), found ${files.length}`);
  return path.join(dir, files[0]);
}

let work: string;
let installed: string;

beforeAll(() => {
  // inside the repository, so that the peers (cdktn, its providers, constructs) resolve from its node_modules
  fs.mkdirSync(path.join(ROOT, '.flavours'), { recursive: true });
  work = fs.mkdtempSync(path.join(ROOT, '.flavours', 'cdktn-package-test-'));
  installed = path.join(work, 'node_modules', 'cdktn-integrations');
  fs.mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['xzf', only(path.join(DIST, 'js'), '.tgz'), '-C', installed, '--strip-components=1']);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test('the npm package is cdktn-integrations, its assembly depends on cdktn and its providers and on nothing of cdktf', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  expect(pkg.name).toBe('cdktn-integrations');
  expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['@cdktn/provider-aws', '@cdktn/provider-datadog', 'cdktn', 'constructs']);
  const assembly = JSON.parse(fs.readFileSync(path.join(installed, '.jsii'), 'utf8'));
  expect(assembly.name).toBe('cdktn-integrations');
  expect(assembly.targets.python.module).toBe('cdktn_integrations');
  expect(Object.keys(assembly.dependencies).sort()).toEqual(['@cdktn/provider-aws', '@cdktn/provider-datadog', 'cdktn', 'constructs']);
  expect(Object.keys(assembly.types).length).toBeGreaterThan(100);
  // the bundled runtime dependencies travel with it
  for (const dep of pkg.bundledDependencies) expect(fs.existsSync(path.join(installed, 'node_modules', dep, 'package.json'))).toBe(true);
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.js') ? [path.join(d, e.name)] : []));
  const js = walk(path.join(installed, 'lib'));
  expect(js.length).toBeGreaterThan(100);
  const cdktfRequires = js.filter((f) => /require\("(cdktf|@cdktf\/provider-(aws|datadog)[^"]*)"\)/.test(fs.readFileSync(f, 'utf8')));
  expect(cdktfRequires).toEqual([]);
});

test('a cdktn app synthesizes with the installed package: cdktn providers, references, no secret value', () => {
  const { out, stack } = runCdktnApp(work, 'cdktn-integrations');
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  expect(manifest.version).toMatch(/^0\.24\./);
  expect(stack.terraform.required_providers.aws.version).toMatch(/^6\./);
  expect(stack.terraform.required_providers.datadog.version).toMatch(/^4\./);
  const alarm = Object.values<any>(stack.resource.aws_cloudwatch_metric_alarm)[0];
  expect(alarm.alarm_actions).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\.[^.]+\.arn\}$/)]);
  expect(Object.values<any>(stack.resource.datadog_monitor)[0].query).toContain('aws.lambda.errors');
  const files = filesUnder(out);
  expect(files.length).toBeGreaterThan(1);
  for (const f of files) expect(fs.readFileSync(f, 'utf8')).not.toContain(CANARY);
});

test('the Python wheel is cdktn-integrations with the module cdktn_integrations, requiring cdktn and not cdktf', () => {
  const wheel = only(path.join(DIST, 'python'), '.whl');
  expect(path.basename(wheel)).toMatch(/^cdktn_integrations-/);
  const listing = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print("\\n".join(z.namelist())); m = [n for n in z.namelist() if n.endswith("METADATA")][0]; print(z.read(m).decode())', wheel], { encoding: 'utf8' });
  expect(listing).toMatch(/^cdktn_integrations\/__init__\.py$/m);
  expect(listing).toMatch(/^Name: cdktn-integrations$/m);
  expect(listing).toMatch(/^Requires-Dist: cdktn .*0\.24/m);
  expect(listing).not.toMatch(/^Requires-Dist: cdktf/m);
});
