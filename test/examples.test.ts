/**
 * Every example synthesizes, and the AWS part of every stack passes `terraform validate`
 * against the real AWS provider (offline, from the local provider mirror).
 */
import { EXAMPLES } from '../examples/app';
import { synthApp, SynthResult } from './support/synth';
import { awsPart, TerraformValidator } from './support/terraform-validate';

const exampleNames = Object.keys(EXAMPLES).sort();
const synthesized: Record<string, SynthResult> = {};
let validator: TerraformValidator;

beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

test('the examples include the foundation examples', () => {
  expect(exampleNames).toEqual(expect.arrayContaining(['connections', 'quickstart']));
});

describe.each(exampleNames)('example %s', (name) => {
  test('synthesizes, and the AWS part of every stack passes terraform validate', () => {
    const result = synthesized[name] ?? (synthesized[name] = synthApp((app) => EXAMPLES[name](app)));
    const stacks = Object.keys(result.stacks).sort();
    expect(stacks.length).toBeGreaterThan(0);
    let validated = 0;
    for (const stack of stacks) {
      const part = awsPart(result.stacks[stack]);
      if (!part) continue;
      const verdict = validator.validate(part.json);
      expect({ stack, errors: verdict.diagnostics.filter((d) => d.startsWith('error')) }).toEqual({ stack, errors: [] });
      expect(verdict.valid).toBe(true);
      validated++;
    }
    // every example has an AWS part that the real provider checks
    expect(validated).toBeGreaterThan(0);
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

test('awsPart drops other providers and replaces references to what it dropped', () => {
  const part = awsPart({
    terraform: { required_providers: { aws: { source: 'aws' }, datadog: { source: 'DataDog/datadog' } } },
    provider: { aws: [{}], datadog: [{}] },
    resource: {
      datadog_integration_aws_account: { dd: { aws_account_id: '1' } },
      aws_iam_role: { r: { name: 'x', assume_role_policy: '${datadog_integration_aws_account.dd.id}', depends_on: ['datadog_integration_aws_account.dd'] } },
    },
    output: { a: { value: '${aws_iam_role.r.arn}' }, b: { value: '${datadog_integration_aws_account.dd.id}' } },
  })!;
  expect(part.dropped).toEqual(['datadog_integration_aws_account.dd']);
  expect(Object.keys(part.json.resource)).toEqual(['aws_iam_role']);
  expect(part.json.resource.aws_iam_role.r.assume_role_policy).toBe('${var.removed_non_aws_reference}');
  expect(part.json.variable.removed_non_aws_reference).toEqual({ type: 'any', description: expect.any(String) });
  expect(part.json.resource.aws_iam_role.r.depends_on).toEqual([]);
  expect(Object.keys(part.json.output)).toEqual(['a']);
  expect(part.json.terraform.required_providers).toEqual({ aws: { source: 'aws' } });
  expect(awsPart({ terraform: { required_providers: { datadog: {} } } })).toBeUndefined();
});
