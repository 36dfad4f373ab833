/**
 * `@cdktf/provider-github` is an optional peer dependency: the library loads without it, GitHub
 * Actions workflows are still written, and only the constructs that create GitHub resources ask
 * for it, with an error that says what to install.
 */
import { packageJson, withoutPackage } from '../support/optional-peer';

test('the library loads without @cdktf/provider-github; GitHubConnection says what to install; a pipeline without a repository needs no provider', () => {
  const out = withoutPackage('@cdktf/provider-github', `
    const lib = require('./src/index.ts');
    const { App, TerraformStack } = require('cdktf');
    const stack = new TerraformStack(new App(), 's');
    console.log('loaded');
    try {
      new lib.GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: lib.GitHubAuth.token(lib.Secret.fromEnvironment(stack, 'T', { environmentVariable: 'TF_VAR_t' })), testConnection: false });
      console.log('no error');
    } catch (e) {
      console.log('error: ' + e.message);
    }
    const other = new TerraformStack(new App(), 's');
    new lib.AwsConnection(other, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
    const pipeline = new lib.GitOpsPipeline(other, 'Pipeline', { stacks: ['s'], repositoryName: 'acme/iac' });
    console.log('pipeline: ' + pipeline.node.path);
  `);
  expect(out).toContain('loaded');
  expect(out).toContain('error: GitHubConnection needs the @cdktf/provider-github package: npm install @cdktf/provider-github@15.3.1 (in Python: pip install cdktf-cdktf-provider-github)');
  expect(out).toContain('pipeline: s/Pipeline');
});

test('the package declares @cdktf/provider-github as an optional peer at the version the error names', () => {
  const pkg = packageJson();
  expect(pkg.peerDependencies['@cdktf/provider-github']).toBe('15.3.1');
  expect(pkg.peerDependenciesMeta['@cdktf/provider-github']).toEqual({ optional: true });
});
