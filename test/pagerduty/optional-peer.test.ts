/**
 * `@cdktf/provider-pagerduty` is an optional peer dependency: the library loads without it (and
 * PagerDutyConnection and the Events-API target work), and only a managed PagerDutyService asks
 * for it, with an error that says what to install.
 */
import { packageJson, withoutPackage } from '../support/optional-peer';

test('the library loads without @cdktf/provider-pagerduty, and PagerDutyService says what to install', () => {
  const out = withoutPackage('@cdktf/provider-pagerduty', `
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
  const pkg = packageJson();
  expect(pkg.peerDependencies['@cdktf/provider-pagerduty']).toBe('14.3.9');
  expect(pkg.peerDependenciesMeta['@cdktf/provider-pagerduty']).toEqual({ optional: true });
});
