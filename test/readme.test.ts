/** The README's quick start is the code of examples/quickstart, which the other tests synthesize. */
import * as fs from 'fs';
import * as path from 'path';
import { synthApp } from './support/synth';
import { quickstartExample } from '../examples/quickstart/main';
import { readFlavour, rewriteSource } from '../projenrc/flavour';

const root = path.resolve(__dirname, '..');

test('the README quick start matches examples/quickstart/main.ts', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const quick = blocks.find((b) => b.includes('quickstartExample'));
  expect(quick).toBeDefined();
  const example = fs.readFileSync(path.join(root, 'examples', 'quickstart', 'main.ts'), 'utf8')
    .replace("from '../../src'", "from 'cdktf-integrations'");
  expect(example.startsWith(quick!)).toBe(true);
});

test('the README cdktn quick start is examples/quickstart/main.ts through the flavour\'s import map, and installs its pins', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const quick = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('quickstartExample') && b.includes("from 'cdktn'"));
  expect(quick).toBeDefined();
  const flavour = readFlavour('cdktn');
  const problems: string[] = [];
  const file = path.join(root, 'examples', 'quickstart', 'main.ts');
  const example = rewriteSource(flavour, file, fs.readFileSync(file, 'utf8'), problems).replace("from '../../src'", `from '${flavour.package.name}'`);
  expect(problems).toEqual([]);
  expect(example.startsWith(quick!)).toBe(true);
  for (const pkg of ['cdktn', '@cdktn/provider-aws', '@cdktn/provider-datadog']) expect(readme).toContain(`${pkg}@${flavour.peerDependencies[pkg]}`);
  expect(readme).toContain(`npm install ${flavour.package.name} `);
});

test('the quick start synthesizes what the README says', () => {
  const out = synthApp((app) => quickstartExample(app));
  const stack = out.stacks.quickstart;
  expect(stack.provider.datadog[0].api_url).toBe('https://api.datadoghq.eu/');
  expect(Object.keys(stack.provider)).toEqual(expect.arrayContaining(['aws', 'datadog']));
  expect(Object.keys(stack.check).some((n) => n.startsWith('Datadog_TestConnection'))).toBe(true);
});

test('the README names the two commands .ci/run runs', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const ci = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8');
  for (const cmd of ['npm install && npx cdktf synth', 'npm install && npx projen build']) {
    expect(readme).toContain(cmd);
    expect(ci).toContain(cmd);
  }
});

test('the README Python quick start is examples/python/quickstart/main.py', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]);
  const quick = blocks.find((b) => b.includes('def quickstart_example'));
  expect(quick).toBeDefined();
  expect(quick).toBe(fs.readFileSync(path.join(root, 'examples', 'python', 'quickstart', 'main.py'), 'utf8'));
  // the pip line pins the versions the tests install
  const requirements = fs.readFileSync(path.join(root, 'test', 'python', 'requirements.txt'), 'utf8')
    .split('\n').filter((l) => /^[a-z].*==/.test(l) && !l.startsWith('jsii=='));
  expect(requirements.length).toBeGreaterThanOrEqual(5);
  for (const pin of requirements) expect(readme).toContain(pin);
});
