/**
 * Checks of an optional peer dependency: run library code in a fresh Node process in which the
 * package cannot be resolved, and read how package.json declares it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

/** Runs `script` (with `require('./src/index.ts')` available) where `pkg` cannot be resolved; returns its stdout. */
export function withoutPackage(pkg: string, script: string): string {
  const hide = `
    const Module = require('module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (request.startsWith(${JSON.stringify(pkg)})) {
        const e = new Error("Cannot find module '" + request + "'");
        e.code = 'MODULE_NOT_FOUND';
        throw e;
      }
      return resolve.call(this, request, ...rest);
    };
    require('ts-node').register({ project: 'tsconfig.dev.json', transpileOnly: true });
  `;
  return execFileSync(process.execPath, ['-e', hide + script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** package.json, parsed. */
export function packageJson(): any {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
}
