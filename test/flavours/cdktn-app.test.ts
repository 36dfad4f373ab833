/**
 * A CDK Terrain app using the cdktn flavour, end to end: a program as a user writes it (cdktn's
 * App and TerraformStack, the flavour's constructs), run by Node in its own process as the cdktn
 * CLI runs an app, writes cdktf.out with cdktn's manifest, the flavour's providers and the
 * library's references between resources; no secret value reaches the output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CANARY, filesUnder, runCdktnApp } from './support/cdktn-app';
import { ROOT, flavourCopy } from './support/synth-examples';

let out: string;
let stack: any;
let cleanup = () => {};

beforeAll(async () => {
  const copy = await flavourCopy('cdktn');
  cleanup = copy.cleanup;
  const dir = path.join(copy.dir, 'app');
  fs.mkdirSync(dir, { recursive: true });
  ({ out, stack } = runCdktnApp(dir, path.join(copy.dir, 'src'), ['-r', 'ts-node/register/transpile-only'], { TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json') }));
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
  const files = filesUnder(out);
  expect(files.length).toBeGreaterThan(1);
  for (const f of files) expect(fs.readFileSync(f, 'utf8')).not.toContain(CANARY);
});
