/**
 * Canary test for the New Relic backend: the secrets a New Relic stack uses (the API key, a
 * webhook token, a PagerDuty integration key) come from the environment, Secrets Manager and
 * SSM; recognisable values are set wherever a value can exist while synthesizing, and nothing
 * written to cdktf.out contains them. A positive control proves the scan finds a canary.
 */
import { TerraformStack } from 'cdktf';
import { sqsAge } from './support';
import {
  AwsConnection, ComparisonOperator, Dashboard, MonitorConfig, NewRelicBackend, NewRelicConnection, NewRelicDashboardBackend,
  NotificationTarget, Secret, WebhookAuth, WebhookConnection,
} from '../../src/index';
import { synthApp } from '../support/synth';

const CANARIES: Record<string, string> = {
  TF_VAR_canary_newrelic_key: 'CANARY-nr-key-7d1f',
  TF_VAR_canary_nr_hook: 'CANARY-nr-hook-22b0',
  // What the newrelic provider itself reads from the environment of a CI machine.
  NEW_RELIC_API_KEY: 'CANARY-env-nr-3c3c',
  NEW_RELIC_ACCOUNT_ID: '918273',
};
// A Secrets Manager secret whose name is recognisable: its value is read at plan time only.
const SM_SECRET_ID = 'canary/newrelic-pagerduty-CANARY-sm-9a9a';

function newRelicStack(stack: TerraformStack): void {
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  const env = (id: string, name: string) => Secret.fromEnvironment(stack, id, { environmentVariable: `TF_VAR_${name}` });
  new NewRelicConnection(stack, 'NewRelic', { accountId: 1234567, apiKey: env('NrKey', 'canary_newrelic_key'), testConnection: true });
  const hook = new WebhookConnection(stack, 'Hook', { url: 'https://h.example.com', auth: WebhookAuth.bearer(env('HookToken', 'canary_nr_hook')), testConnection: false });
  const pdKey = Secret.fromSecretsManager(stack, 'PdKey', { secretId: SM_SECRET_ID, jsonKey: 'integration_key', aws });
  const m = new MonitorConfig(stack, 'QueueAge', {
    title: 'queue age',
    message: 'm',
    signal: sqsAge(),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 300,
    backends: [new NewRelicBackend()],
    targets: [
      NotificationTarget.webhook({ connection: hook }),
      NotificationTarget.pagerDuty({ serviceName: 'orders', integrationKey: pdKey }),
      NotificationTarget.email({ address: 'orders@acme.example' }),
    ],
  });
  Dashboard.fromMonitors(stack, 'Dash', { title: 'Orders', monitors: [m], backends: [new NewRelicDashboardBackend()] });
}

function scan(files: Record<string, string>, needles: string[]): string[] {
  const hits: string[] = [];
  for (const [file, text] of Object.entries(files)) for (const n of needles) if (text.includes(n)) hits.push(`${file}: ${n}`);
  return hits;
}

describe('no New Relic secret reaches cdktf.out', () => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [k, v] of Object.entries(CANARIES)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });
  afterAll(() => {
    for (const k of Object.keys(CANARIES)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  test('API key, webhook token and PagerDuty key appear as references only', () => {
    const out = synthApp((app) => newRelicStack(new TerraformStack(app, 'nr-canary')));
    expect(scan(out.files, Object.values(CANARIES))).toEqual([]);
    const text = out.files['stacks/nr-canary/cdk.tf.json'];
    expect(text).toContain('"api_key": "${var.canary_newrelic_key}"');
    expect(text).toContain('"token": "${var.canary_nr_hook}"');
    expect(text).toMatch(/"token": "\$\{jsondecode\(data\.aws_secretsmanager_secret_version\.[\w-]+\.secret_string\)\.integration_key\}"/);
    // The secret's name is in the data source (a name, not a value); its value never is.
    expect(text).toContain(SM_SECRET_ID);
    // The connection check carries no credentials.
    const check = JSON.stringify(JSON.parse(text).check);
    expect(check).not.toContain('canary_newrelic_key');
    expect(check).not.toContain('Api-Key');
  });

  test('positive control: the scan finds an unsafe plain-text key', () => {
    const out = synthApp((app) => {
      const stack = new TerraformStack(app, 'nr-unsafe');
      new NewRelicConnection(stack, 'NewRelic', { accountId: 1, apiKey: Secret.unsafePlainText(stack, 'K', 'CANARY-nr-unsafe-0101') });
    });
    expect(scan(out.files, ['CANARY-nr-unsafe-0101'])).toEqual(['stacks/nr-unsafe/cdk.tf.json: CANARY-nr-unsafe-0101']);
  });
});
