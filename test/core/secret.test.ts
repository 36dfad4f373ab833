import { Testing, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsConnection, Errors, Secret, SecretSource } from '../../src';
import { newStack, synthStack, synthWith } from '../support/synth';

describe('Secret.fromTerraformVariable', () => {
  test('creates a sensitive, non-nullable string variable without default', () => {
    let secret!: Secret;
    const json = synthWith((stack) => {
      secret = Secret.fromTerraformVariable(stack, 'Api-Key');
    });
    expect(secret.source).toBe(SecretSource.TERRAFORM_VARIABLE);
    expect(secret.variableName).toBe('Api-Key');
    const v = json.variable['Api-Key'];
    expect(v).toMatchObject({ type: 'string', sensitive: true, nullable: false });
    expect(v).not.toHaveProperty('default');
    expect(v.validation[0].condition).toBe('${length(var.Api-Key) > 0}');
  });

  test('takes an explicit variable name and resolves to var.<name>', () => {
    const json = synthWith((stack) => {
      const s = Secret.fromTerraformVariable(stack, 'Key', { variableName: 'dd_api_key', description: 'Datadog API key' });
      new TerraformOutput(stack, 'out', { value: s.value, sensitive: true });
    });
    expect(json.variable.dd_api_key.description).toBe('Datadog API key');
    expect(json.output.out.value).toBe('${var.dd_api_key}');
  });

  test('rejects a variable name Terraform does not accept', () => {
    const stack = newStack();
    expect(() => Secret.fromTerraformVariable(stack, 'Key', { variableName: '1bad name' }))
      .toThrow("test/Key: 'variableName' must be a Terraform variable name (a letter or _, then letters, digits, _ or -); received \"1bad name\"");
  });

  test('rejects two secrets on the same variable in one stack', () => {
    const stack = newStack();
    Secret.fromTerraformVariable(stack, 'A', { variableName: 'token' });
    let err: any;
    try {
      Secret.fromTerraformVariable(stack, 'B', { variableName: 'token' });
    } catch (e) {
      err = e;
    }
    expect(Errors.isValidationError(err)).toBe(true);
    expect(err.message).toBe("test/B: 'variableName' must be a Terraform variable name not used by another Secret in stack test; received \"token\"");
  });
});

describe('Secret.fromEnvironment', () => {
  test('maps TF_VAR_<name> to the sensitive variable <name> and never reads the environment', () => {
    process.env.TF_VAR_env_canary = 'ENV-CANARY-7f3a9c';
    try {
      let secret!: Secret;
      const stack = newStack();
      secret = Secret.fromEnvironment(stack, 'Token', { environmentVariable: 'TF_VAR_env_canary' });
      const text = Testing.synth(stack, true);
      expect(secret.source).toBe(SecretSource.ENVIRONMENT);
      expect(secret.environmentVariable).toBe('TF_VAR_env_canary');
      const json = JSON.parse(text);
      expect(json.variable.env_canary).toMatchObject({ sensitive: true, type: 'string' });
      expect(json.variable.env_canary.validation[0].error_message).toBe('Set the environment variable TF_VAR_env_canary to a non-empty value.');
      expect(text).not.toContain('ENV-CANARY-7f3a9c');
    } finally {
      delete process.env.TF_VAR_env_canary;
    }
  });

  test.each(['DD_API_KEY', 'TF_VAR_', 'TF_VAR_1x', '', 'tf_var_x'])('rejects %j', (env) => {
    expect(() => Secret.fromEnvironment(newStack(), 'Token', { environmentVariable: env }))
      .toThrow(/test\/Token: 'environmentVariable' must be an environment variable name of the form TF_VAR_<terraform variable name>; received/);
  });
});

describe('Secret.fromSecretsManager', () => {
  test('reads the secret version with the given connection and exposes its ARN', () => {
    let secret!: Secret;
    const json = synthWith((stack) => {
      const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', alias: 'eu' });
      secret = Secret.fromSecretsManager(stack, 'Key', { secretId: 'prod/datadog', jsonKey: 'api_key', versionStage: 'AWSCURRENT', aws });
    });
    const data = json.data.aws_secretsmanager_secret_version;
    const [name] = Object.keys(data);
    expect(data[name]).toEqual({ secret_id: 'prod/datadog', version_stage: 'AWSCURRENT', provider: 'aws.eu' });
    expect(secret.source).toBe(SecretSource.SECRETS_MANAGER);
    expect(secret.jsonKey).toBe('api_key');
    expect(secret.secretsManagerArn).toMatch(/\$\{TfToken\[TOKEN\.\d+\]\}/);
  });

  test('selects one JSON key with jsondecode', () => {
    const json = synthWith((stack) => {
      new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
      const s = Secret.fromSecretsManager(stack, 'Key', { secretId: 'prod/datadog', jsonKey: 'api_key' });
      new TerraformOutput(stack, 'out', { value: s.value, sensitive: true });
    });
    expect(json.output.out.value).toMatch(/^\$\{jsondecode\(data\.aws_secretsmanager_secret_version\.Key_[0-9A-F]+\.secret_string\)\.api_key\}$/);
  });

  test('without an AWS provider in the stack, synthesis fails naming the secret', () => {
    const stack = newStack();
    Secret.fromSecretsManager(stack, 'Key', { secretId: 'prod/datadog' });
    expect(() => synthStack(stack)).toThrow(/test\/Key: 'aws' must be given, or the stack must have an AwsConnection without alias/);
  });

  test.each([
    ['', 'a Secrets Manager secret name or ARN'],
    ['has space', 'a Secrets Manager secret name (1-512 of A-Z a-z 0-9 / _ + = . @ -) or ARN'],
    ['arn:aws:s3:::bucket', 'a Secrets Manager secret name or ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)'],
  ])('rejects secretId %j', (secretId, accepted) => {
    expect(() => Secret.fromSecretsManager(newStack(), 'Key', { secretId })).toThrow(`test/Key: 'secretId' must be ${accepted}; received ${JSON.stringify(secretId)}`);
  });

  test('rejects an aws source that is not an AWS provider', () => {
    expect(() => Secret.fromSecretsManager(newStack(), 'Key', { secretId: 'x', aws: { provider: undefined as any } }))
      .toThrow(/test\/Key: 'aws' must be an AwsConnection/);
  });
});

describe('Secret.fromSsmParameter', () => {
  test('reads the parameter decrypted', () => {
    let secret!: Secret;
    const json = synthWith((stack) => {
      new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
      secret = Secret.fromSsmParameter(stack, 'Key', { parameterName: '/prod/slack/token' });
    });
    const data = json.data.aws_ssm_parameter;
    expect(Object.values(data)).toEqual([{ name: '/prod/slack/token', with_decryption: true }]);
    expect(secret.source).toBe(SecretSource.SSM_PARAMETER);
    expect(secret.ssmParameterArn).toBeDefined();
  });

  test('rejects a parameter name with spaces', () => {
    expect(() => Secret.fromSsmParameter(newStack(), 'Key', { parameterName: '/a b' }))
      .toThrow("test/Key: 'parameterName' must be an SSM parameter name (1-2048 of A-Z a-z 0-9 / _ . -); received \"/a b\"");
  });
});

describe('Secret.unsafePlainText', () => {
  test('is marked unsafe and warns at synth', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const s = Secret.unsafePlainText(stack, 'Literal', 'not-really-secret');
    expect(s.isUnsafe).toBe(true);
    expect(s.value).toBe('not-really-secret');
    const warnings = s.node.metadata.filter((m) => m.type === 'aws:cdk:warning' || m.type === 'warning' || /warn/i.test(m.type));
    expect(warnings.map((w) => String(w.data))).toEqual([expect.stringContaining('Secret.unsafePlainText() writes its value into cdktf.out')]);
  });
});

test('isSecret tells secrets from strings', () => {
  const stack = newStack();
  expect(Secret.isSecret(Secret.fromTerraformVariable(stack, 'A'))).toBe(true);
  expect(Secret.isSecret('plain')).toBe(false);
  expect(Secret.isSecret(undefined)).toBe(false);
});
