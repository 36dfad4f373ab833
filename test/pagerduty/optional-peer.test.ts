/**
 * `@cdktf/provider-pagerduty` is an optional peer dependency: the library loads without it (and
 * PagerDutyConnection and the Events-API target work), and only a managed PagerDutyService asks
 * for it, with an error that says what to install.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

/** Runs `script` in a fresh Node process in which @cdktf/provider-pagerduty cannot be resolved. */
function withoutPagerDuty(script: string): string {
  const hide = `
    const Module = require('module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (request.startsWith('@cdktf/provider-pagerduty')) {
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

test('the library loads without @cdktf/provider-pagerduty, and PagerDutyService says what to install', () => {
  const out = withoutPagerDuty(`
    const lib = require('./src/index.ts');
    const { App, TerraformStack } = require('cdktf');
    const stack = new TerraformStack(new App(), 's');
    const pd = new lib.PagerDutyConnection(stack, 'PagerDuty', { apiToken: lib.Secret.fromEnvironment(stack, 'T', { environmentVariable: 'TF_VAR_t' }), testConnection: false });
    lib.NotificationTarget.pagerDuty({ serviceName: 'checkout' });
    try {
      new lib.PagerDutyService(stack, 'Svc', { name: 'checkout', escalationPolicyId: 'PPOLICY1', connection: pd });
      console.log('no error');
    } catch (e) {
      console.log('error: ' + e.message);
    }
  `);
  expect(out).toContain('error: PagerDutyService needs the @cdktf/provider-pagerduty package: npm install @cdktf/provider-pagerduty@14.3.9');
});

test('the package declares @cdktf/provider-pagerduty as an optional peer at the version the error names', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  expect(pkg.peerDependencies['@cdktf/provider-pagerduty']).toBe('14.3.9');
  expect(pkg.peerDependenciesMeta['@cdktf/provider-pagerduty']).toEqual({ optional: true });
});
