/**
 * Every example synthesizes, and the AWS part of every stack passes `terraform validate`
 * against the real AWS provider (offline, from the local provider mirror).
 */
import { buildExamples } from '../examples/app';
import { synthApp } from './support/synth';
import { awsPart, TerraformValidator } from './support/terraform-validate';

const result = synthApp(buildExamples);
const stackNames = Object.keys(result.stacks).sort();
let validator: TerraformValidator;

beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

test('the examples produce stacks', () => {
  expect(stackNames).toEqual(expect.arrayContaining(['connections', 'connections-alternatives']));
});

describe.each(stackNames)('stack %s', (name) => {
  test('has an AWS part that passes terraform validate', () => {
    const part = awsPart(result.stacks[name]);
    expect(part).toBeDefined();
    expect(part!.awsBlocks + Object.keys(part!.json.check ?? {}).length).toBeGreaterThan(0);
    const verdict = validator.validate(part!.json);
    expect(verdict.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(verdict.valid).toBe(true);
  });
});

test('the validator rejects what the real provider rejects', () => {
  // Proves the layer can fail: an unknown argument and a missing required one.
  const verdict = validator.validate({
    terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    provider: { aws: [{ region: 'eu-west-1' }] },
    resource: { aws_sns_topic: { t: { no_such_argument: true } }, aws_sqs_queue_policy: { p: {} } },
  });
  expect(verdict.valid).toBe(false);
  expect(verdict.diagnostics.join('\n')).toMatch(/no_such_argument/);
  expect(verdict.diagnostics.join('\n')).toMatch(/policy|queue_url/);
});
