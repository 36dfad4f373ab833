/**
 * The Python examples (examples/python/<name>/main.py) synthesize the same Terraform as their
 * TypeScript twins (examples/<name>/main.ts), stack by stack, through the wheel built from this
 * library (see test/python/support.ts: a missing Python, venv or wheel fails, never skips).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PY_SOURCES, readStacks, requirePythonEnv, ROOT, runPython } from './support';
import { EXAMPLES } from '../../examples/app';
import { synthApp } from '../support/synth';

const PYTHON_EXAMPLES = ['monitors', 'quickstart', 'service-template'];

/**
 * Nothing is normalised: with stack traces off (App(outdir=..., stack_traces=False), as in
 * test/support/synth.ts), the `//` metadata of a stack holds only the backend, the stack name
 * and the cdktf version, and cdktf writes no language marker into cdk.tf.json, so the JSON of
 * a stack must be identical in both languages.
 */
let pythonStacks: Record<string, Record<string, any>>;

beforeAll(() => {
  requirePythonEnv();
  const outroot = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-python-'));
  runPython([path.join(PY_SOURCES, 'test', 'python', 'synth_examples.py'), outroot, ...PYTHON_EXAMPLES.map((n) => path.join(PY_SOURCES, 'examples', 'python', n))]);
  pythonStacks = Object.fromEntries(PYTHON_EXAMPLES.map((n) => [n, readStacks(path.join(outroot, n))]));
});

const identical: string[] = [];
afterAll(() => {
  // The figure of this suite, printed in the test output.
  process.stdout.write(`Python examples identical: ${identical.length}/${PYTHON_EXAMPLES.length}\n`);
});

test('every Python example has a TypeScript twin, and there are at least three', () => {
  expect(PYTHON_EXAMPLES.length).toBeGreaterThanOrEqual(3);
  for (const name of PYTHON_EXAMPLES) {
    expect(Object.keys(EXAMPLES)).toContain(name);
    expect(fs.existsSync(path.join(ROOT, 'examples', 'python', name, 'main.py'))).toBe(true);
  }
});

describe.each(PYTHON_EXAMPLES)('Python example %s', (name) => {
  test('synthesizes the same Terraform JSON, stack by stack, as its TypeScript twin', () => {
    const ts = synthApp((app) => EXAMPLES[name](app)).stacks;
    const py = pythonStacks[name];
    expect(Object.keys(py).sort()).toEqual(Object.keys(ts).sort());
    expect(Object.keys(ts).length).toBeGreaterThan(0);
    for (const stack of Object.keys(ts)) {
      expect(Object.keys({ ...ts[stack].resource, ...ts[stack].data }).length).toBeGreaterThan(0);
      expect({ stack, json: py[stack] }).toEqual({ stack, json: ts[stack] });
    }
    identical.push(name);
  });
});

test('the comparison can fail: a changed value is a difference', () => {
  const ts = synthApp((app) => EXAMPLES.quickstart(app)).stacks.quickstart;
  const changed = JSON.parse(JSON.stringify(pythonStacks.quickstart.quickstart));
  changed.provider.aws[0].region = 'us-east-1';
  expect(changed).not.toEqual(ts);
  expect(pythonStacks.quickstart.quickstart).toEqual(ts);
});
