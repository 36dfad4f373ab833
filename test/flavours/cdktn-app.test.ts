/**
 * A CDK Terrain app using the cdktn flavour, end to end: a program as a user writes it (cdktn's
 * App and TerraformStack, the flavour's constructs), run by Node in its own process as the cdktn
 * CLI runs an app, writes cdktf.out with cdktn's manifest, the flavour's providers and the
 * library's references between resources; no secret value reaches the output.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, flavourCopy } from './support/synth-examples';

const CANARY = 'canary-value-7f3a9c1e-must-not-appear';

const PROGRAM = `
import { App, TerraformStack } from 'cdktn';
import {
  AwsConnection, ComparisonOperator, DatadogConnection, DatadogSite, MonitorBackend, MonitorConfig, NotificationTarget, Secret, Signal, Statistic,
} from '../src';

const app = new App();
const stack = new TerraformStack(app, 'checkout');
const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
new DatadogConnection(stack, 'Datadog', {
  site: DatadogSite.EU1,
  apiKey: Secret.fromSecretsManager(stack, 'ApiKey', { secretId: 'datadog/api-key', aws }),
  appKey: Secret.fromEnvironment(stack, 'AppKey', { environmentVariable: 'TF_VAR_datadog_app_key' }),
});
new MonitorConfig(stack, 'Errors', {
  title: 'checkout errors',
  message: 'Checkout Lambda errors are high.',
  signal: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout' }, statistic: Statistic.SUM }),
  comparison: ComparisonOperator.GREATER_THAN,
  critical: 10,
  backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
  targets: [NotificationTarget.email({ address: 'team@acme.example' })],
});
app.synth();
`;

let out: string;
let stack: any;
let cleanup = () => {};

beforeAll(async () => {
  const copy = await flavourCopy('cdktn');
  cleanup = copy.cleanup;
  const dir = path.join(copy.dir, 'app');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.ts'), PROGRAM);
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'main.ts'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json'), TF_VAR_datadog_app_key: CANARY, DATADOG_APP_KEY: CANARY, CHECKPOINT_DISABLE: '1' },
  });
  out = path.join(dir, 'cdktf.out');
  stack = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'checkout', 'cdk.tf.json'), 'utf8'));
}, 300_000);

afterAll(() => cleanup());

test('cdktn writes the manifest and the stack', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  expect(manifest.version).toBe('0.24.0');
  expect(Object.keys(manifest.stacks)).toEqual(['checkout']);
  expect(stack['//'].metadata.version).toBe('0.24.0');
});

test('the providers are the flavour\'s: AWS provider 6.x and Datadog provider 4.x', () => {
  const providers = stack.terraform.required_providers;
  expect(providers.aws).toEqual({ source: 'hashicorp/aws', version: expect.stringMatching(/^6\./) });
  expect(providers.datadog).toEqual({ source: 'DataDog/datadog', version: expect.stringMatching(/^4\./) });
  expect(stack.provider.datadog[0].api_url).toBe('https://api.datadoghq.eu/');
});

test('the monitor is rendered on both backends, related by Terraform references', () => {
  const monitors = Object.values<any>(stack.resource.datadog_monitor);
  expect(monitors).toHaveLength(1);
  expect(monitors[0].query).toContain('aws.lambda.errors');
  const alarms = Object.entries<any>(stack.resource.aws_cloudwatch_metric_alarm);
  expect(alarms).toHaveLength(1);
  const [, alarm] = alarms[0];
  const topics = Object.keys(stack.resource.aws_sns_topic);
  expect(topics.length).toBeGreaterThan(0);
  expect(alarm.alarm_actions.every((a: string) => topics.some((t) => a === `\${aws_sns_topic.${t}.arn}`))).toBe(true);
  const subscription = Object.values<any>(stack.resource.aws_sns_topic_subscription)[0];
  expect(subscription.topic_arn).toMatch(/^\$\{aws_sns_topic\.[^.]+\.arn\}$/);
  expect(subscription.endpoint).toBe('team@acme.example');
});

test('no secret value appears in cdktf.out', () => {
  const walk = (d: string): string[] =>
    fs.readdirSync(d).flatMap((n) => (fs.statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
  const files = walk(out);
  expect(files.length).toBeGreaterThan(1);
  for (const f of files) expect(fs.readFileSync(f, 'utf8')).not.toContain(CANARY);
});
