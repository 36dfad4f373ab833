/**
 * The Python side of the tests: the virtual environment that `npx projen python:venv`
 * (scripts/python-venv.sh, run by `npx projen build` after `package:python`) makes in
 * .venv/python with the wheel built into dist/python. Nothing here is optional: a missing
 * Python, venv or wheel fails the test that needs it, with the command that makes it.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const VENV_PYTHON = path.join(ROOT, '.venv', 'python', 'bin', 'python');
const WHEEL_DIR = path.join(ROOT, 'dist', 'python');
const WHEEL_STAMP = path.join(ROOT, '.venv', 'python', '.wheel.sha256');

/** Throws, saying what to run, unless the venv holds the wheel built from the current assembly. */
export function requirePythonEnv(): void {
  const fix = 'run `npx projen package:python && npx projen python:venv` (both are part of `npx projen build`)';
  const wheels = fs.existsSync(WHEEL_DIR) ? fs.readdirSync(WHEEL_DIR).filter((f) => /^cdktf_integrations-.*\.whl$/.test(f)) : [];
  if (wheels.length !== 1) throw new Error(`expected one cdktf_integrations wheel in dist/python, found ${wheels.length}: ${fix}`);
  const wheel = path.join(WHEEL_DIR, wheels[0]);
  const assembly = path.join(ROOT, '.jsii');
  if (!fs.existsSync(assembly)) throw new Error('no .jsii assembly: run `npx projen compile`');
  if (fs.statSync(wheel).mtimeMs < fs.statSync(assembly).mtimeMs) {
    throw new Error(`the wheel ${wheels[0]} is older than the .jsii assembly: ${fix}`);
  }
  if (!fs.existsSync(VENV_PYTHON)) throw new Error(`no Python virtual environment at .venv/python: ${fix}`);
  const sha = crypto.createHash('sha256').update(fs.readFileSync(wheel)).digest('hex');
  const installed = fs.existsSync(WHEEL_STAMP) ? fs.readFileSync(WHEEL_STAMP, 'utf8').trim() : '';
  if (installed !== sha) throw new Error(`.venv/python does not hold the wheel in dist/python: ${fix}`);
}

/** Runs the venv's Python on `args` (from the repository root) and returns its standard output. */
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
