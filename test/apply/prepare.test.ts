/** What the apply run changes in a stack before it applies it (test/support/terraform-apply.ts). */
import { prepareForApply, serviceOf } from '../support/terraform-apply';

const URL = 'http://127.0.0.1:4566';

const stack = () => ({
  terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
  provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: ['123456789012'] }, { alias: 'use1', region: 'us-east-1' }] },
  variable: { token: { type: 'string', sensitive: true }, hook_url: { type: 'string' }, kept: { type: 'string', default: 'x' } },
  data: {
    aws_secretsmanager_secret_version: {
      S: { secret_id: 'team/webhook' },
      A: { provider: 'aws.use1', secret_id: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app-key-AbCdEf' },
    },
  },
  resource: {
    aws_sns_topic: { T: { name: 't' } },
    aws_cloudwatch_metric_alarm: { M: { alarm_name: 'm', alarm_actions: ['${aws_sns_topic.T.arn}'], alarm_description: '${jsondecode(data.aws_secretsmanager_secret_version.S.secret_string).url}' } },
    aws_cloudwatch_composite_alarm: { C: { alarm_name: 'c', alarm_rule: 'ALARM(${aws_cloudwatch_metric_alarm.M.alarm_name})' } },
    aws_sns_topic_policy: { P: { arn: '${aws_sns_topic.T.arn}', policy: '{}', depends_on: ['aws_cloudwatch_composite_alarm.C'] } },
  },
  output: { c: { value: '${aws_cloudwatch_composite_alarm.C.arn}' } },
});

test('leaves out what the emulator lacks and everything that references it', () => {
  const p = prepareForApply(stack(), URL, (x) => x);
  expect(p.synthesized.sort()).toEqual(['aws_cloudwatch_composite_alarm.C', 'aws_cloudwatch_metric_alarm.M', 'aws_sns_topic.T', 'aws_sns_topic_policy.P']);
  expect(p.applied.sort()).toEqual(['aws_cloudwatch_metric_alarm.M', 'aws_sns_topic.T']);
  expect(p.excluded).toEqual([
    { address: 'aws_cloudwatch_composite_alarm.C', reason: 'the emulator lacks cloudwatch:PutCompositeAlarm' },
    { address: 'aws_sns_topic_policy.P', reason: 'references aws_cloudwatch_composite_alarm.C' },
  ]);
  expect(p.config.resource.aws_cloudwatch_composite_alarm).toBeUndefined();
  expect(p.config.output).toBeUndefined();
});

test('points every provider block at the emulator only, and gives variables dummy values', () => {
  const p = prepareForApply(stack(), URL, (x) => x);
  for (const block of p.config.provider.aws) {
    expect(block).toMatchObject({ skip_credentials_validation: true, skip_metadata_api_check: true, s3_use_path_style: true });
    expect(Object.values(block.endpoints[0]).every((u) => u === URL)).toBe(true);
    expect(Object.keys(block.endpoints[0])).toEqual(expect.arrayContaining(['cloudwatch', 'secretsmanager', 'sns', 'sts']));
  }
  // the account guard stays, so the provider asks the emulator for the account
  expect(p.config.provider.aws[0].skip_requesting_account_id).toBe(false);
  expect(p.config.provider.aws[1].skip_requesting_account_id).toBe(true);
  expect(p.tfvars).toEqual({ token: 'dummy-token', hook_url: 'https://127.0.0.1/dummy' });
});

test('seeds the secrets the data sources read, in their provider region, with the keys they read', () => {
  const p = prepareForApply(stack(), URL, (x) => x);
  expect(p.seeds).toEqual([
    { account: '123456789012', region: 'eu-west-1', kind: 'secret', name: 'team/webhook', value: JSON.stringify({ url: 'https://127.0.0.1/dummy' }) },
    { account: '123456789012', region: 'us-east-1', kind: 'secret', name: 'app-key', value: 'dummy-secret-value' },
  ]);
  expect(p.config.data.aws_secretsmanager_secret_version.A.secret_id).toBe('app-key');
});

test('a resource type with no emulator endpoint is an error, not a call elsewhere', () => {
  expect(serviceOf('aws_sqs_queue')).toBe('sqs');
  expect(() => serviceOf('aws_glue_job')).toThrow(/no emulator endpoint/);
});
