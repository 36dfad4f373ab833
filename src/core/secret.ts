import { DataAwsSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { Annotations, Fn, TerraformProvider, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { claimName } from './private/stack-registry';
import { libraryScope, terraformExpression } from './private/template-escape';
import { fail, optionalString, requirePattern, requireString } from './private/validate';

/** Where a secret's value comes from. */
export enum SecretSource {
  /** A sensitive Terraform input variable, set by `-var`, a `.tfvars` file or `TF_VAR_<name>`. */
  TERRAFORM_VARIABLE = 'TERRAFORM_VARIABLE',
  /** An environment variable `TF_VAR_<name>` of the process that runs Terraform (never read at synth). */
  ENVIRONMENT = 'ENVIRONMENT',
  /** An AWS Secrets Manager secret (the whole string, or one key of a JSON secret). */
  SECRETS_MANAGER = 'SECRETS_MANAGER',
  /** An AWS Systems Manager Parameter Store `SecureString` parameter. */
  SSM_PARAMETER = 'SSM_PARAMETER',
  /** A literal in the program. Unsafe: it is written into the synthesized JSON and the state. */
  UNSAFE_PLAIN_TEXT = 'UNSAFE_PLAIN_TEXT',
}

/** Anything that can supply the AWS provider a secret lookup runs with. */
export interface IAwsProviderSource {
  /** The AWS provider to read the secret with. */
  readonly provider: TerraformProvider;
}

/** Options for `Secret.fromTerraformVariable()`. */
export interface TerraformVariableSecretProps {
  /**
   * Name of the Terraform variable.
   * @default - the construct id, with characters Terraform does not allow replaced by `_`
   */
  readonly variableName?: string;
  /**
   * Description of the variable, shown by `terraform plan` when it asks for a value.
   * @default - a description naming the construct path
   */
  readonly description?: string;
}

/** Options for `Secret.fromEnvironment()`. */
export interface EnvironmentSecretProps {
  /**
   * The environment variable that holds the value when Terraform runs. It must be
   * `TF_VAR_<name>`: Terraform reads it into the sensitive variable `<name>`. It is never
   * read while synthesizing.
   */
  readonly environmentVariable: string;
  /**
   * Description of the variable.
   * @default - a description naming the environment variable
   */
  readonly description?: string;
}

/** Options for `Secret.fromSecretsManager()`. */
export interface SecretsManagerSecretProps {
  /** Name or full ARN of the Secrets Manager secret. */
  readonly secretId: string;
  /**
   * Take one key of a secret whose string is a JSON object.
   * @default - the whole secret string
   */
  readonly jsonKey?: string;
  /**
   * Version stage to read.
   * @default "AWSCURRENT"
   */
  readonly versionStage?: string;
  /**
   * The AWS connection (or anything with an AWS provider) to read the secret with.
   * @default - the stack's default AWS provider (an `AwsConnection` without alias)
   */
  readonly aws?: IAwsProviderSource;
}

/** Options for `Secret.fromSsmParameter()`. */
export interface SsmParameterSecretProps {
  /** Name (path) of the `SecureString` parameter, e.g. `/prod/datadog/api-key`. */
  readonly parameterName: string;
  /**
   * The AWS connection (or anything with an AWS provider) to read the parameter with.
   * @default - the stack's default AWS provider (an `AwsConnection` without alias)
   */
  readonly aws?: IAwsProviderSource;
}

const TF_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const SECRET_MARK = Symbol.for('cdktf-integrations.Secret');

/**
 * A value that must never appear in synthesized Terraform JSON.
 *
 * A Secret is a construct: it creates what Terraform needs to obtain the value at plan time
 * (a sensitive variable or a data source) and exposes the value as a token. Use
 * `secret.value` wherever a provider argument, a header or a payload needs the value.
 *
 * **Terraform state.** Whatever a resource argument receives is stored in the Terraform
 * state, and so are the results of data sources. Consumers that can resolve a secret
 * themselves (by ARN, see `secretsManagerArn`) keep the value out of the state; every
 * consumer in this library documents which it does.
 */
export class Secret extends Construct {
  /**
   * A sensitive Terraform variable (no default). Terraform asks for it, or takes it from
   * `-var`, a `.tfvars` file or `TF_VAR_<name>`.
   */
  public static fromTerraformVariable(scope: Construct, id: string, props: TerraformVariableSecretProps = {}): Secret {
    const s = new Secret(scope, id, SecretSource.TERRAFORM_VARIABLE);
    const name = props.variableName ?? id.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^([^A-Za-z_])/, '_$1');
    s._value = s.makeVariable('variableName', name, props.description ?? `Secret ${s.node.path}`);
    return s;
  }

  /**
   * An environment variable of the process that runs Terraform, which must be named
   * `TF_VAR_<name>`; it fills the sensitive variable `<name>`. Nothing reads it at synth.
   */
  public static fromEnvironment(scope: Construct, id: string, props: EnvironmentSecretProps): Secret {
    const s = new Secret(scope, id, SecretSource.ENVIRONMENT);
    const env = requirePattern(s, 'environmentVariable', props?.environmentVariable, /^TF_VAR_[A-Za-z_][A-Za-z0-9_-]*$/,
      'an environment variable name of the form TF_VAR_<terraform variable name>');
    const name = env.slice('TF_VAR_'.length);
    s._environmentVariable = env;
    s._value = s.makeVariable('environmentVariable', name, props.description ?? `Secret ${s.node.path}, from the environment variable ${env}`, env);
    return s;
  }

  /**
   * An AWS Secrets Manager secret, read at plan time with the AWS provider. With `jsonKey`,
   * one key of a JSON secret. Its ARN is available to consumers that can read the secret by
   * reference (`secretsManagerArn`).
   */
  public static fromSecretsManager(scope: Construct, id: string, props: SecretsManagerSecretProps): Secret {
    const s = new Secret(scope, id, SecretSource.SECRETS_MANAGER);
    const secretId = requireString(s, 'secretId', props?.secretId, 'a Secrets Manager secret name or ARN');
    if (!Token.isUnresolved(secretId) && secretId.startsWith('arn:')) {
      requirePattern(s, 'secretId', secretId, /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/, 'a Secrets Manager secret name or ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)');
    } else {
      requirePattern(s, 'secretId', secretId, /^[A-Za-z0-9/_+=.@-]{1,512}$/, 'a Secrets Manager secret name (1-512 of A-Z a-z 0-9 / _ + = . @ -) or ARN');
    }
    const jsonKey = optionalString(s, 'jsonKey', props.jsonKey, 'a non-empty JSON key');
    const versionStage = optionalString(s, 'versionStage', props.versionStage, 'a non-empty version stage such as AWSCURRENT');
    const data = new DataAwsSecretsmanagerSecretVersion(s, 'Resource', {
      secretId,
      versionStage,
      provider: s.awsProvider(props.aws),
    });
    s._value = jsonKey ? Token.asString(Fn.lookup(Fn.jsondecode(data.secretString), jsonKey)) : data.secretString;
    s._secretsManagerArn = data.arn;
    s._jsonKey = jsonKey;
    return s;
  }

  /** An SSM Parameter Store `SecureString` parameter, read (decrypted) at plan time. */
  public static fromSsmParameter(scope: Construct, id: string, props: SsmParameterSecretProps): Secret {
    const s = new Secret(scope, id, SecretSource.SSM_PARAMETER);
    const name = requirePattern(s, 'parameterName', props?.parameterName, /^[A-Za-z0-9/_.-]{1,2048}$/,
      'an SSM parameter name (1-2048 of A-Z a-z 0-9 / _ . -)');
    const data = new DataAwsSsmParameter(s, 'Resource', {
      name,
      withDecryption: true,
      provider: s.awsProvider(props.aws),
    });
    s._value = data.value;
    s._ssmParameterArn = data.arn;
    return s;
  }

  /**
   * UNSAFE: a literal value, written as is into the synthesized JSON and the Terraform state.
   * Only for throw-away test setups; adds a synth warning.
   */
  public static unsafePlainText(scope: Construct, id: string, value: string): Secret {
    const s = new Secret(scope, id, SecretSource.UNSAFE_PLAIN_TEXT);
    s._value = requireString(s, 'value', value);
    Annotations.of(s).addWarning(
      `${s.node.path}: Secret.unsafePlainText() writes its value into cdktf.out and the Terraform state; use a Terraform variable, the environment, Secrets Manager or SSM instead.`);
    return s;
  }

  /** Whether `x` is a Secret of this library. */
  public static isSecret(x: any): x is Secret {
    return x !== null && typeof x === 'object' && (x as any)[SECRET_MARK] === true;
  }

  /** Where the value comes from. */
  public readonly source: SecretSource;

  /**
   * The value, as a Terraform expression token (`var.x` or a data-source attribute):
   * it resolves at plan time and is sensitive in Terraform.
   */
  public get value(): string {
    return this._value;
  }

  /**
   * ARN of the Secrets Manager secret, for consumers that read the secret themselves
   * (the value then reaches neither the synthesized JSON nor the state).
   * @default - not a Secrets Manager secret
   */
  public get secretsManagerArn(): string | undefined {
    return this._secretsManagerArn;
  }

  /**
   * The JSON key read from the Secrets Manager secret.
   * @default - the whole secret string
   */
  public get jsonKey(): string | undefined {
    return this._jsonKey;
  }

  /**
   * ARN of the SSM parameter.
   * @default - not an SSM parameter
   */
  public get ssmParameterArn(): string | undefined {
    return this._ssmParameterArn;
  }

  /**
   * The environment variable Terraform reads the value from.
   * @default - not an environment secret
   */
  public get environmentVariable(): string | undefined {
    return this._environmentVariable;
  }

  /**
   * Name of the Terraform variable that receives the value.
   * @default - the value does not come from a variable
   */
  public get variableName(): string | undefined {
    return this._variableName;
  }

  private _value!: string;
  private _secretsManagerArn?: string;
  private _jsonKey?: string;
  private _ssmParameterArn?: string;
  private _environmentVariable?: string;
  private _variableName?: string;

  private constructor(scope: Construct, id: string, source: SecretSource) {
    super(scope, id);
    libraryScope(this);
    this.source = source;
    Object.defineProperty(this, SECRET_MARK, { value: true });
  }

  /** Whether the value is a literal written into the synthesized output. */
  public get isUnsafe(): boolean {
    return this.source === SecretSource.UNSAFE_PLAIN_TEXT;
  }

  private makeVariable(prop: string, name: string, description: string, env?: string): string {
    requirePattern(this, prop, env ?? name, env ? /.*/ : TF_NAME, 'a Terraform variable name (a letter or _, then letters, digits, _ or -)');
    if (!claimName(this, 'variable', name)) {
      fail(this, prop, env ?? name, `a Terraform variable name not used by another Secret in stack ${TerraformStack.of(this).node.id}`);
    }
    const variable = new TerraformVariable(this, 'Variable', {
      type: 'string',
      sensitive: true,
      nullable: false,
      description,
      validation: [{
        condition: terraformExpression(`length(var.${name}) > 0`),
        errorMessage: env ? `Set the environment variable ${env} to a non-empty value.` : `The variable ${name} must not be empty.`,
      }],
    });
    variable.overrideLogicalId(name);
    this._variableName = name;
    return variable.stringValue;
  }

  private awsProvider(aws?: IAwsProviderSource): TerraformProvider | undefined {
    if (aws === undefined) {
      // Terraform uses the default (un-aliased) aws provider; make sure there is one.
      this.node.addValidation({
        validate: () => {
          const stack = TerraformStack.of(this);
          const hasDefault = stack.node.findAll().some((c: IConstruct) =>
            c instanceof TerraformProvider && (c as TerraformProvider).terraformResourceType === 'aws' && !(c as TerraformProvider).alias);
          return hasDefault ? [] : [`${this.node.path}: 'aws' must be given, or the stack must have an AwsConnection without alias; this ${this.source} secret has no AWS provider to be read with`];
        },
      });
      return undefined;
    }
    if (!aws || !aws.provider || aws.provider.terraformResourceType !== 'aws') {
      fail(this, 'aws', aws, 'an AwsConnection (or an object whose provider is an AWS provider)');
    }
    return aws.provider;
  }
}
