/**
 * `@cdktf/provider-newrelic` is an optional peer dependency: the library loads without it, and
 * only using the New Relic backend asks for it, with an error that says what to install.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

/** Runs `script` in a fresh Node process in which @cdktf/provider-newrelic cannot be resolved. */
function withoutNewRelic(script: string): string {
  const hide = `
    const Module = require('module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (request.startsWith('@cdktf/provider-newrelic')) {
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

test('the library loads without @cdktf/provider-newrelic, and the New Relic backend says what to install', () => {
  const out = withoutNewRelic(`
    const lib = require('./src/index.ts');
    const { App, TerraformStack } = require('cdktf');
    const stack = new TerraformStack(new App(), 's');
    // the rest of the library works
    new lib.DatadogConnection(stack, 'Datadog', { apiKey: lib.Secret.fromEnvironment(stack, 'K', { environmentVariable: 'TF_VAR_k' }), appKey: lib.Secret.fromEnvironment(stack, 'A', { environmentVariable: 'TF_VAR_a' }) });
    try {
      new lib.NewRelicConnection(stack, 'NewRelic', { accountId: 1234567, apiKey: lib.Secret.fromEnvironment(stack, 'N', { environmentVariable: 'TF_VAR_n' }) });
      console.log('no error');
    } catch (e) {
      console.log('error: ' + e.message);
    }
  `);
  expect(out).toContain('error: The New Relic backend needs the @cdktf/provider-newrelic package: npm install @cdktf/provider-newrelic@13.12.2');
});

test('the package declares @cdktf/provider-newrelic as an optional peer at the version the error names', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  expect(pkg.peerDependencies['@cdktf/provider-newrelic']).toBe('13.12.2');
  expect(pkg.peerDependenciesMeta['@cdktf/provider-newrelic']).toEqual({ optional: true });
  expect(pkg.devDependencies['@cdktf/provider-newrelic']).toBe('13.12.2');
});
