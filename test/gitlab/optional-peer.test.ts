/**
 * `@cdktf/provider-gitlab` is an optional peer dependency: the library loads without it, and only
 * a GitLabConnection asks for it, with an error that says what to install.
 */
import { packageJson, withoutPackage } from '../support/optional-peer';

test('the library loads without @cdktf/provider-gitlab, and GitLabConnection says what to install', () => {
  const out = withoutPackage('@cdktf/provider-gitlab', `
    const lib = require('./src/index.ts');
    const { App, TerraformStack } = require('cdktf');
    const stack = new TerraformStack(new App(), 's');
    console.log('loaded');
    try {
      new lib.GitLabConnection(stack, 'GitLab', { token: lib.Secret.fromEnvironment(stack, 'T', { environmentVariable: 'TF_VAR_t' }), testConnection: false });
      console.log('no error');
    } catch (e) {
      console.log('error: ' + e.message);
    }
  `);
  expect(out).toContain('loaded');
  expect(out).toContain('error: GitLabConnection needs the @cdktf/provider-gitlab package: npm install @cdktf/provider-gitlab@15.6.2');
});

test('the package declares @cdktf/provider-gitlab as an optional peer at the version the error names', () => {
  const pkg = packageJson();
  expect(pkg.peerDependencies['@cdktf/provider-gitlab']).toBe('15.6.2');
  expect(pkg.peerDependenciesMeta['@cdktf/provider-gitlab']).toEqual({ optional: true });
});
