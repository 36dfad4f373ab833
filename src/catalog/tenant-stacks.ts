import { TerraformBackend, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Tenant } from './tenant';
import { TenantCatalog } from './tenant-catalog';
import { TenantSecretOptions, TenantSecretStore } from './tenant-secret-store';
import { TenantStateBackend } from './tenant-state-backend';
import { fail, optionalPattern, requireArray } from '../core/private/validate';
import { Secret } from '../core/secret';

/**
 * What builds a tenant's stack: the connections, monitors, dashboards and integrations of
 * one tenant. `TenantStacks` calls every builder once per tenant, in order. Implement it for
 * your own resources (from any jsii language); the vendor folders provide builders for their
 * connections (`AwsTenantSetup`, `DatadogTenantSetup`, `GrafanaTenantSetup`).
 */
export interface ITenantStackBuilder {
  /**
   * Add the tenant's resources to its stack. Read feature flags with
   * `tenant.isEnabled(feature)` and credentials with `stack.secret(name)`.
   */
  buildTenantStack(stack: TenantStack, tenant: Tenant): void;
}

/** Props of `TenantStacks`. */
export interface TenantStacksProps {
  /** The tenants. */
  readonly catalog: TenantCatalog;
  /** Where each tenant's state lives (one state per tenant). */
  readonly state: TenantStateBackend;
  /**
   * Where each tenant's credentials live (`stack.secret(name)`).
   * @default TenantSecretStore.secretsManager() (`tenants/<tenant>/<name>`)
   */
  readonly secrets?: TenantSecretStore;
  /** What each tenant's stack contains, applied in order. */
  readonly builders: ITenantStackBuilder[];
  /**
   * The prefix of each stack's name: the stack of tenant `acme` is `<prefix>acme`.
   * @default "tenant-"
   */
  readonly stackNamePrefix?: string;
}

/** Props of a `TenantStack`. */
export interface TenantStackProps {
  /** The tenant (from `TenantStacks.tenants`). */
  readonly tenant: Tenant;
  /** Where the tenant's state lives. */
  readonly state: TenantStateBackend;
  /**
   * Where the tenant's credentials live.
   * @default TenantSecretStore.secretsManager()
   */
  readonly secrets?: TenantSecretStore;
}

const STACK_MARK = Symbol.for('cdktf-integrations.TenantStack');

/**
 * The stack of one tenant: its own state backend, its own secrets (`secret(name)`), and the
 * resources its builders add. Nothing in it refers to another tenant.
 */
export class TenantStack extends TerraformStack {
  /** Whether `x` is a tenant stack. */
  public static isTenantStack(x: any): x is TenantStack {
    return x !== null && typeof x === 'object' && (x as any)[STACK_MARK] === true;
  }

  /** The tenant of the stack of `scope`, or undefined outside a tenant stack. */
  public static tenantOf(scope: IConstruct): Tenant | undefined {
    const stack = scope.node.scopes.slice().reverse().find((s) => TenantStack.isTenantStack(s)) as TenantStack | undefined;
    return stack?.tenant;
  }

  /** The tenant. */
  public readonly tenant: Tenant;
  /** The state backend (an S3 key or a local file of this tenant only). */
  public readonly stateBackend: TerraformBackend;
  /** The tenant's state location: the S3 key or the local file path. */
  public readonly stateLocation: string;
  private readonly store: TenantSecretStore;
  private readonly secrets = new Map<string, Secret>();
  private secretScope?: Construct;

  constructor(scope: Construct, id: string, props: TenantStackProps) {
    super(scope, id);
    Object.defineProperty(this, STACK_MARK, { value: true });
    if (props === null || typeof props !== 'object') fail(this, 'props', props, 'TenantStackProps (tenant, state)');
    if (!(props.tenant instanceof Tenant)) fail(this, 'tenant', props.tenant, 'a Tenant of a TenantStacks (TenantStacks.tenants)');
    if (!(props.state instanceof TenantStateBackend)) fail(this, 'state', props.state, 'a TenantStateBackend (TenantStateBackend.s3 or TenantStateBackend.local)');
    const store = props.secrets ?? TenantSecretStore.secretsManager();
    if (!(store instanceof TenantSecretStore)) fail(this, 'secrets', props.secrets, 'a TenantSecretStore (secretsManager, ssmParameters or terraformVariables)');
    store._validate(this);
    this.tenant = props.tenant;
    this.store = store;
    this.stateBackend = props.state._bind(this, props.tenant);
    this.stateLocation = props.state._location(this, props.tenant);
    // cdktf writes a stack to cdktf.out/stacks/<name>: two stacks of one name would overwrite each other.
    this.node.addValidation({
      validate: () => {
        const same = this.node.root.node.findAll().filter((c) => c !== this && TerraformStack.isStack(c) && c.node.id === this.node.id);
        return same.map((c) => `${this.node.path}: the stack ${c.node.path} has the same name ${this.node.id}; every tenant stack needs a name of its own`);
      },
    });
  }

  /**
   * The tenant's secret `name` (e.g. `datadog/api-key`) at its per-tenant path in the stack's
   * secret store (`tenants/<tenant>/datadog/api-key`). The same name gives the same Secret.
   */
  public secret(name: string, options: TenantSecretOptions = {}): Secret {
    if (options === null || typeof options !== 'object') fail(this, 'options', options, 'TenantSecretOptions (jsonKey)');
    const key = options.jsonKey === undefined ? String(name) : `${name}#${options.jsonKey}`;
    const known = this.secrets.get(key);
    if (known) return known;
    this.store._nameFor(this, this.tenant, name);
    this.secretScope ??= new Construct(this, 'TenantSecrets');
    const id = key.replace(/\//g, '.');
    const secret = this.store._secret(this, this.secretScope, id, this.tenant, name, options);
    this.secrets.set(key, secret);
    return secret;
  }

  /** The name of the tenant's secret `name` in the store (a secret name, parameter name or variable name). */
  public secretPath(name: string): string {
    return this.store._nameFor(this, this.tenant, name);
  }

  /** Whether `feature` is on for the tenant (see `Tenant.isEnabled`). */
  public isEnabled(feature: string): boolean {
    return this.tenant.isEnabled(feature);
  }
}

const PREFIX = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * One Terraform stack per tenant of a catalog, named `tenant-<id>`, each with its own state
 * (an S3 key or a local file of its own), its own credentials (secrets at per-tenant paths),
 * and whatever the builders add for the tenant's enabled features. The stacks share nothing:
 * no state, no secret, no cross-stack reference.
 *
 * The catalog is validated first, with every problem reported at once.
 */
export class TenantStacks extends Construct {
  /** The tenants, in catalog order. */
  public readonly tenants: Tenant[];
  /** The stacks, in catalog order. */
  public readonly stacks: TenantStack[];
  /** The features the catalog declares. */
  public readonly features: string[];

  constructor(scope: Construct, id: string, props: TenantStacksProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') fail(this, 'props', props, 'TenantStacksProps (catalog, state, builders)');
    if (!(props.catalog instanceof TenantCatalog)) fail(this, 'catalog', props.catalog, 'a TenantCatalog (TenantCatalog.fromFile or TenantCatalog.fromTenants)');
    if (!(props.state instanceof TenantStateBackend)) fail(this, 'state', props.state, 'a TenantStateBackend (TenantStateBackend.s3 or TenantStateBackend.local)');
    const store = props.secrets ?? TenantSecretStore.secretsManager();
    if (!(store instanceof TenantSecretStore)) fail(this, 'secrets', props.secrets, 'a TenantSecretStore (secretsManager, ssmParameters or terraformVariables)');
    const builders = requireArray(this, 'builders', props.builders, 'a list of ITenantStackBuilder');
    builders.forEach((b, i) => {
      if (typeof (b as any)?.buildTenantStack !== 'function') fail(this, `builders[${i}]`, b, 'an ITenantStackBuilder (an object with buildTenantStack(stack, tenant))');
    });
    const prefix = optionalPattern(this, 'stackNamePrefix', props.stackNamePrefix, PREFIX, 'a stack name prefix: a lower-case letter, then up to 31 lower-case letters, digits or -') ?? 'tenant-';
    props.state._validate(this);
    store._validate(this);

    const catalog = props.catalog._load(this);
    this.features = [...catalog.features].sort();
    this.tenants = catalog.tenants.map((t) => Tenant._of(this, this.features, t));
    this.stacks = this.tenants.map((tenant) => {
      const name = `${prefix}${tenant.id}`;
      const clash = this.node.root.node.findAll().find((c) => TerraformStack.isStack(c) && c.node.id === name);
      if (clash) fail(this, 'catalog', tenant.id, `a tenant whose stack name ${name} no other stack of the app has (${clash.node.path} has it)`);
      return new TenantStack(this, name, { tenant, state: props.state, secrets: store });
    });
    for (const stack of this.stacks) {
      for (const builder of builders) builder.buildTenantStack(stack, stack.tenant);
    }
    // A guard on whatever the builders wrote by hand: a tenant stack that reads a secret at
    // another tenant's path (in the store's kind) fails synthesis.
    const prefixes = this.tenants.map((t) => ({ tenant: t, prefix: store._prefixOf(this, t) }));
    for (const stack of this.stacks) {
      stack.node.addValidation({
        validate: () => {
          const errors: string[] = [];
          for (const c of stack.node.findAll()) {
            const ref = store._referenceOf(c);
            if (ref === undefined) continue;
            const owner = prefixes.find((p) => p.tenant !== stack.tenant && ref.startsWith(p.prefix));
            if (owner) errors.push(`${c.node.path}: reads ${ref}, a secret of tenant ${owner.tenant.id}; the stack of tenant ${stack.tenant.id} reads only its own secrets (${store._prefixOf(this, stack.tenant)}…)`);
          }
          return errors;
        },
      });
    }
  }

  /** The stack of tenant `tenantId`. */
  public stackOf(tenantId: string): TenantStack {
    const s = this.stacks.find((x) => x.tenant.id === tenantId);
    if (!s) fail(this, 'tenantId', tenantId, `a tenant of the catalog (${this.tenants.map((t) => t.id).join(', ')})`);
    return s;
  }
}
