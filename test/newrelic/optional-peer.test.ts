/**
 * `@cdktf/provider-newrelic` is an optional peer dependency: the library loads without it, and
 * only using the New Relic backend asks for it, with an error that says what to install.
 */
import { packageJson, withoutPackage } from '../support/optional-peer';

test('the library loads without @cdktf/provider-newrelic, and the New Relic backend says what to install', () => {
  const out = withoutPackage('@cdktf/provider-newrelic', `
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
  const pkg = packageJson();
  expect(pkg.peerDependencies['@cdktf/provider-newrelic']).toBe('13.12.2');
  expect(pkg.peerDependenciesMeta['@cdktf/provider-newrelic']).toEqual({ optional: true });
  expect(pkg.devDependencies['@cdktf/provider-newrelic']).toBe('13.12.2');
});
