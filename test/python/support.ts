/**
 * The Python side of the tests: the virtual environment that `npx projen python:venv`
 * (scripts/python-venv.sh, run by `npx projen build` after `package:python`) makes in
 * .venv/python with the wheel built into dist/python. Nothing here is optional: a missing
 * Python, venv or wheel fails the test that needs it, with the command that makes it.
 *
 * In the cdktn flavour's run (`npx projen test:cdktn`) the same tests use that flavour's wheel
 * (dist/cdktn/python, built by `package:cdktn`), its venv (.venv/python-cdktn, made by
 * `python:venv:cdktn`) and its Python programs (.flavours/cdktn/examples/python and
 * .flavours/cdktn/test/python, through the flavour's Python import map).
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { TOOLKIT } from '../../src/core/private/toolkit';

export const ROOT = path.resolve(__dirname, '..', '..');
const CDKTF = TOOLKIT.name === 'cdktf';
/** Where the Python programs (examples/python, test/python/*.py) and the .jsii assembly of this run's flavour are. */
export const PY_SOURCES = CDKTF ? ROOT : path.join(ROOT, '.flavours', TOOLKIT.name);
const VENV = path.join(ROOT, '.venv', CDKTF ? 'python' : `python-${TOOLKIT.name}`);
export const VENV_PYTHON = path.join(VENV, 'bin', 'python');
const WHEEL_DIR = CDKTF ? path.join(ROOT, 'dist', 'python') : path.join(ROOT, 'dist', TOOLKIT.name, 'python');
const WHEEL_STAMP = path.join(VENV, '.wheel.sha256');
/** The Python module (and wheel name) of this run's flavour: cdktf_integrations or cdktn_integrations. */
export const PY_MODULE = TOOLKIT.libraryPackage.replace(/-/g, '_');

/** Throws, saying what to run, unless the venv holds the wheel built from the current assembly. */
export function requirePythonEnv(): void {
  const fix = CDKTF
    ? 'run `npx projen package:python && npx projen python:venv` (both are part of `npx projen build`)'
    : `run \`npx projen package:${TOOLKIT.name} && npx projen python:venv:${TOOLKIT.name}\` (both are part of \`npx projen test:${TOOLKIT.name}\`)`;
  const wheelRe = new RegExp(`^${PY_MODULE}-.*\\.whl$`);
  const wheels = fs.existsSync(WHEEL_DIR) ? fs.readdirSync(WHEEL_DIR).filter((f) => wheelRe.test(f)) : [];
  if (wheels.length !== 1) throw new Error(`expected one ${PY_MODULE} wheel in ${path.relative(ROOT, WHEEL_DIR)}, found ${wheels.length}: ${fix}`);
  const wheel = path.join(WHEEL_DIR, wheels[0]);
  const assembly = path.join(PY_SOURCES, '.jsii');
  if (!fs.existsSync(assembly)) throw new Error(`no .jsii assembly in ${path.relative(ROOT, PY_SOURCES) || '.'}: run \`npx projen compile\``);
  if (fs.statSync(wheel).mtimeMs < fs.statSync(assembly).mtimeMs) {
    throw new Error(`the wheel ${wheels[0]} is older than the .jsii assembly: ${fix}`);
  }
  if (!fs.existsSync(VENV_PYTHON)) throw new Error(`no Python virtual environment at ${path.relative(ROOT, VENV)}: ${fix}`);
  const sha = crypto.createHash('sha256').update(fs.readFileSync(wheel)).digest('hex');
  const installed = fs.existsSync(WHEEL_STAMP) ? fs.readFileSync(WHEEL_STAMP, 'utf8').trim() : '';
  if (installed !== sha) throw new Error(`${path.relative(ROOT, VENV)} does not hold the wheel in ${path.relative(ROOT, WHEEL_DIR)}: ${fix}`);
}

/** Runs the venv's Python on `args` (from the repository root, as a user's app runs from its own) and returns its standard output. */
export function runPython(args: string[]): string {
  try {
    return execFileSync(VENV_PYTHON, args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1', PYTHONDONTWRITEBYTECODE: '1' },
    });
  } catch (e: any) {
    throw new Error(`python ${args.join(' ')} failed (exit ${e.status}):\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

/** Parsed cdk.tf.json per stack of a synthesized output directory. */
export function readStacks(outdir: string): Record<string, any> {
  const stacksDir = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) throw new Error(`no stacks in ${outdir}`);
  const stacks: Record<string, any> = {};
  for (const name of fs.readdirSync(stacksDir).sort()) {
    stacks[name] = JSON.parse(fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
  }
  return stacks;
}
