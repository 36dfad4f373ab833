/**
 * A CDK Terrain app as a user writes it (cdktn's App and TerraformStack, the library's
 * connections, a secret from the environment and a monitor on Datadog and CloudWatch), run by
 * Node in its own process as the cdktn CLI runs an app. The library comes from `library`: the
 * flavour's sources (with ts-node) or its installed package.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The value of the app's secrets in its environment: it must not reach the output. */
export const CANARY = 'canary-value-7f3a9c1e-must-not-appear';

const PROGRAM = `
const [library, outdir] = process.argv.slice(1);
const { App, TerraformStack } = require('cdktn');
const lib = require(library);
const app = new App({ outdir });
const stack = new TerraformStack(app, 'checkout');
const aws = new lib.AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
new lib.DatadogConnection(stack, 'Datadog', {
  site: lib.DatadogSite.EU1,
  apiKey: lib.Secret.fromSecretsManager(stack, 'ApiKey', { secretId: 'datadog/api-key', aws }),
  appKey: lib.Secret.fromEnvironment(stack, 'AppKey', { environmentVariable: 'TF_VAR_datadog_app_key' }),
});
new lib.MonitorConfig(stack, 'Errors', {
  title: 'checkout errors',
  message: 'Checkout Lambda errors are high.',
  signal: lib.Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout' }, statistic: lib.Statistic.SUM }),
  comparison: lib.ComparisonOperator.GREATER_THAN,
  critical: 10,
  backends: [lib.MonitorBackend.datadog(), lib.MonitorBackend.cloudwatch()],
  targets: [lib.NotificationTarget.email({ address: 'team@acme.example' })],
});
app.synth();
`;

/**
 * Runs the app from `cwd` (inside the repository, so that cdktn and its providers resolve from
 * its node_modules) with the library `library`, into `<cwd>/cdktf.out`; returns that directory
 * and the parsed stack. `nodeArgs` go before the program (`-r ts-node/register/transpile-only`
 * for sources), `env` is added to the environment.
 */
export function runCdktnApp(cwd: string, library: string, nodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}): { out: string; stack: any } {
  const out = path.join(cwd, 'cdktf.out');
  execFileSync(process.execPath, [...nodeArgs, '-e', PROGRAM, library, out], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, TF_VAR_datadog_app_key: CANARY, DATADOG_APP_KEY: CANARY, CHECKPOINT_DISABLE: '1' },
  });
  return { out, stack: JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'checkout', 'cdk.tf.json'), 'utf8')) };
}

/** Every file under `dir`. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((n) => (fs.statSync(path.join(dir, n)).isDirectory() ? filesUnder(path.join(dir, n)) : [path.join(dir, n)]));
}
