import { DataAwsSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { TerraformVariable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Tenant } from './tenant';
import { fail, optionalString } from '../core/private/validate';
import { Secret } from '../core/secret';

/** Options of `TenantSecretStore.secretsManager()`. */
export interface TenantSecretsManagerStoreProps {
  /**
   * The secret name of a tenant's secret, with the placeholders `{tenant}` and `{name}`:
   * `{tenant}` comes first, directly followed by `/`, `_` or `.`, and `{name}` after it.
   * @default "tenants/{tenant}/{name}"
   */
  readonly nameTemplate?: string;
}

/** Options of `TenantSecretStore.ssmParameters()`. */
export interface TenantSsmStoreProps {
  /**
   * The parameter name of a tenant's secret, starting with `/`, with the placeholders
   * `{tenant}` and `{name}` (`{tenant}` first, directly followed by `/`, `_` or `.`).
   * @default "/tenants/{tenant}/{name}"
   */
  readonly nameTemplate?: string;
}

/** Options of `TenantSecretStore.terraformVariables()`. */
export interface TenantVariableStoreProps {
  /**
   * The Terraform variable name of a tenant's secret, with the placeholders `{tenant}` and
   * `{name}` (`{tenant}` first, directly followed by `_`); a `/` of the name becomes `_`.
   * @default "{tenant}_{name}"
   */
  readonly nameTemplate?: string;
}

/** Options of `TenantStack.secret()`. */
export interface TenantSecretOptions {
  /**
   * Take one key of a Secrets Manager secret whose string is a JSON object (Secrets Manager
   * stores only).
   * @default - the whole secret string
   */
  readonly jsonKey?: string;
}

/**
 * A tenant's secret name: lower-case words of letters and digits joined by `-`, segments
 * joined by `/` (`datadog/api-key`). It holds no `_`, so the `/` → `_` of variable names never
 * makes two names one.
 */
const SECRET_NAME = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;
const SECRET_NAME_ACCEPTED = 'a secret name: lower-case letters and digits in words joined by -, segments joined by / (e.g. datadog/api-key)';

interface StoreKind {
  readonly label: string;
  readonly dflt: string;
  /** Characters allowed in the template's literal text. */
  readonly literal: RegExp;
  readonly literalAccepted: string;
  /** What may follow `{tenant}` (never a character of a tenant id). */
  readonly separators: string;
  readonly mustStartWithSlash: boolean;
}

const KINDS: Record<string, StoreKind> = {
  // Secrets Manager secret names: letters, digits and /_+=.@- (CreateSecret, "Name",
  // docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html).
  'secrets-manager': { label: 'Secrets Manager', dflt: 'tenants/{tenant}/{name}', literal: /^[A-Za-z0-9/_+=.@-]*$/, literalAccepted: 'letters, digits and / _ + = . @ -', separators: '/_.', mustStartWithSlash: false },
  // SSM parameter names: letters, digits and _.-/; a name in a hierarchy (one with a /) must be
  // fully qualified, that is begin with / (PutParameter, "Name",
  // docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html).
  'ssm': { label: 'SSM Parameter Store', dflt: '/tenants/{tenant}/{name}', literal: /^[A-Za-z0-9/_.-]*$/, literalAccepted: 'letters, digits and / _ . -', separators: '/_.', mustStartWithSlash: true },
  // Terraform variable names: letters, digits, _ and -, not starting with a digit.
  'variable': { label: 'Terraform variable', dflt: '{tenant}_{name}', literal: /^[A-Za-z0-9_-]*$/, literalAccepted: 'letters, digits, _ and -', separators: '_', mustStartWithSlash: false },
};

/**
 * Where each tenant's credentials live: a per-tenant path (`tenants/<tenant>/<name>`) in AWS
 * Secrets Manager, SSM Parameter Store, or a per-tenant Terraform variable. The template must
 * contain the tenant id as its own segment, so no secret is ever shared by two tenants.
 */
export class TenantSecretStore {
  /** AWS Secrets Manager secrets `tenants/<tenant>/<name>` (read with the stack's default AWS provider). */
  public static secretsManager(props: TenantSecretsManagerStoreProps = {}): TenantSecretStore {
    return new TenantSecretStore('secrets-manager', props.nameTemplate);
  }

  /** SSM Parameter Store `SecureString` parameters `/tenants/<tenant>/<name>` (read with the stack's default AWS provider). */
  public static ssmParameters(props: TenantSsmStoreProps = {}): TenantSecretStore {
    return new TenantSecretStore('ssm', props.nameTemplate);
  }

  /** Sensitive Terraform variables `<tenant>_<name>`, one set per tenant stack. */
  public static terraformVariables(props: TenantVariableStoreProps = {}): TenantSecretStore {
    return new TenantSecretStore('variable', props.nameTemplate);
  }

  /** `secrets-manager`, `ssm` or `variable`. */
  public readonly kind: string;
  /**
   * The template as given.
   * @default - the store's default template
   */
  public readonly nameTemplate?: string;

  private constructor(kind: string, nameTemplate: string | undefined) {
    this.kind = kind;
    this.nameTemplate = nameTemplate;
  }

  /**
   * Validates the template (errors name `scope` and the prop `secrets.nameTemplate`).
   * @internal
   */
  public _validate(scope: IConstruct): string {
    const kind = KINDS[this.kind];
    const prop = 'secrets.nameTemplate';
    const t = optionalString(scope, prop, this.nameTemplate, `a ${kind.label} name template with {tenant} and {name}`) ?? kind.dflt;
    const placeholders = t.match(/\{[^}]*\}/g) ?? [];
    const unknown = placeholders.filter((x) => x !== '{tenant}' && x !== '{name}');
    if (unknown.length) fail(scope, prop, t, `a template whose only placeholders are {tenant} and {name} (found ${unknown.join(', ')})`);
    const count = (x: string) => placeholders.filter((y) => y === x).length;
    if (count('{tenant}') !== 1) {
      fail(scope, prop, t, 'a template that contains {tenant} exactly once: a path without the tenant id would be shared by every tenant');
    }
    if (count('{name}') !== 1) fail(scope, prop, t, 'a template that contains {name} exactly once');
    const ti = t.indexOf('{tenant}');
    const ni = t.indexOf('{name}');
    const after = t.charAt(ti + '{tenant}'.length);
    if (ni < ti || !kind.separators.includes(after) || after === '') {
      fail(scope, prop, t, `a template with {tenant} before {name} and directly followed by ${[...kind.separators].map((c) => `'${c}'`).join(' or ')} (so that no tenant's path is a prefix of another's)`);
    }
    const literal = t.replace('{tenant}', '').replace('{name}', '');
    if (!kind.literal.test(literal) || /[{}]/.test(literal)) fail(scope, prop, t, `a ${kind.label} name template: ${kind.literalAccepted} around {tenant} and {name}`);
    if (kind.mustStartWithSlash && !t.startsWith('/')) fail(scope, prop, t, `a ${kind.label} name template starting with / (a parameter in a hierarchy is fully qualified)`);
    if (this.kind === 'variable' && /^[0-9-]/.test(t)) fail(scope, prop, t, 'a Terraform variable name template starting with a letter, _ or {tenant}');
    return t;
  }

  /**
   * The rendered name of a tenant's secret.
   * @internal
   */
  public _nameFor(scope: IConstruct, tenant: Tenant, name: string): string {
    if (typeof name !== 'string' || !SECRET_NAME.test(name) || name.length > 256) fail(scope, 'name', name, SECRET_NAME_ACCEPTED);
    const t = this._validate(scope);
    const rendered = t.replace('{tenant}', tenant.id).replace('{name}', name);
    return this.kind === 'variable' ? rendered.replace(/\//g, '_') : rendered;
  }

  /**
   * The prefix every secret name of `tenant` starts with in this store (up to and including the
   * separator after the tenant id): no other tenant's names start with it.
   * @internal
   */
  public _prefixOf(scope: IConstruct, tenant: Tenant): string {
    const t = this._validate(scope);
    const at = t.indexOf('{tenant}');
    return `${t.slice(0, at)}${tenant.id}${t.charAt(at + '{tenant}'.length)}`;
  }

  /**
   * The name a Terraform element reads a secret by in this store's kind (a Secrets Manager
   * secret id, an SSM parameter name, a variable name), or undefined.
   * @internal
   */
  public _referenceOf(c: IConstruct): string | undefined {
    let ref: unknown;
    if (this.kind === 'secrets-manager' && c instanceof DataAwsSecretsmanagerSecretVersion) ref = c.secretIdInput;
    else if (this.kind === 'ssm' && c instanceof DataAwsSsmParameter) ref = c.nameInput;
    else if (this.kind === 'variable' && c instanceof TerraformVariable) ref = c.friendlyUniqueId;
    return typeof ref === 'string' && !Token.isUnresolved(ref) ? ref : undefined;
  }

  /**
   * A tenant's secret `name`, created in `scope`.
   * @internal
   */
  public _secret(errorScope: IConstruct, scope: Construct, id: string, tenant: Tenant, name: string, options: TenantSecretOptions): Secret {
    const rendered = this._nameFor(errorScope, tenant, name);
    const jsonKey = optionalString(errorScope, 'options.jsonKey', options.jsonKey, 'a non-empty JSON key');
    if (jsonKey !== undefined && this.kind !== 'secrets-manager') {
      fail(errorScope, 'options.jsonKey', jsonKey, `absent: a ${KINDS[this.kind].label} secret has no JSON keys (only TenantSecretStore.secretsManager() reads keys)`);
    }
    switch (this.kind) {
      case 'secrets-manager':
        return Secret.fromSecretsManager(scope, id, { secretId: rendered, jsonKey });
      case 'ssm':
        return Secret.fromSsmParameter(scope, id, { parameterName: rendered });
      default:
        return Secret.fromTerraformVariable(scope, id, { variableName: rendered, description: `Secret ${name} of tenant ${tenant.id}` });
    }
  }
}
