import { TerraformElement, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IIntegration, IntegrationDescription, IntegrationHealthKind, Integrations, IntegrationSecretReference } from './integration';
import { stackRegistry } from './private/stack-registry';
import { libraryScope } from './private/template-escape';
import { fail, optionalBoolean, requirePattern } from './private/validate';

/** The external systems this library connects to. */
/** Props every connection accepts. */
export interface IntegrationConnectionProps {
  /**
   * Alias of this connection (and of its Terraform provider, where it has one). Two
   * connections of the same kind in one stack need different aliases.
   * @default - the first connection of a kind in a stack has none (it configures the default
   * provider); each further one takes its construct id as alias
   */
  readonly alias?: string;
  /**
   * Add a Terraform `check` block that probes the real endpoint at plan time (a failing
   * probe is a warning in the plan, never an error). The probe sends no credential: it shows
   * that the endpoint is reachable (see `testCredentials` to check the credential too).
   * @default true
   */
  readonly testConnection?: boolean;
  /**
   * Send the connection's credential with the plan-time probe, so the check also proves the
   * credential is accepted. The probe is an `http` data source, and Terraform writes data
   * sources — those scoped in `check` blocks too — to the state: the credential is then stored
   * in the state on every plan (a synth warning says so). Only for connections that have a
   * credential and an authenticated probe; needs `testConnection`.
   * @default false
   */
  readonly testCredentials?: boolean;
}

const CONNECTION_MARK = Symbol.for('cdktf-integrations.IntegrationConnection');
const ALIAS = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * One external system: where it is, how to authenticate to it, and how to test it.
 *
 * A connection configures its system's Terraform provider (if the system has one) once per
 * stack, registers itself so any construct in the stack can find it, and, unless turned off,
 * adds a `check` block that probes the endpoint at plan time.
 */
export abstract class IntegrationConnection extends Construct implements IIntegration {
  /** Whether `x` is a connection of this library. */
  public static isIntegrationConnection(x: any): x is IntegrationConnection {
    return x !== null && typeof x === 'object' && (x as any)[CONNECTION_MARK] === true;
  }

  /**
   * Every connection in the stack of `scope`, in the order they were created.
   * @param scope any construct in the stack
   */
  public static allInStack(scope: IConstruct): IntegrationConnection[] {
    return [...allConnections(scope)];
  }

  /**
   * Find the connection of a kind in the stack of `scope`: the one with `alias` if given,
   * else the default one (no alias), else the only one.
   */
  protected static findConnection(scope: IConstruct, kind: string, alias?: string): IntegrationConnection {
    const all = connectionsOf(scope, kind);
    const stackId = TerraformStack.of(scope).node.id;
    const aliases = all.map((c) => c.alias ?? '(default)').join(', ') || 'none';
    if (alias !== undefined) {
      const found = all.find((c) => c.alias === alias);
      if (!found) fail(scope, 'alias', alias, `the alias of a ${kind} connection in stack ${stackId} (${aliases})`);
      return found;
    }
    const dflt = all.find((c) => c.alias === undefined) ?? (all.length === 1 ? all[0] : undefined);
    if (!dflt) {
      fail(scope, `${kind} connection`, all.length === 0 ? 'none in the stack' : `${all.length} connections without a default`,
        `exactly one ${kind} connection in stack ${stackId}, one without alias, or an explicit alias (${aliases})`);
    }
    return dflt;
  }

  /**
   * The kind of system, e.g. `datadog`, `aws`, `github` (each connection class names its own;
   * connections of one kind share the stack's provider aliases).
   */
  public readonly kind: string;

  /**
   * The alias of this connection and its provider.
   * @default - the default connection of its kind in the stack
   */
  public readonly alias?: string;

  /** Whether a `check` block probes the endpoint at plan time. */
  public readonly testConnectionEnabled: boolean;

  /** Whether the plan-time probe sends the credential (which Terraform then stores in the state). */
  public readonly testCredentialsEnabled: boolean;

  private _terraformProvider?: TerraformProvider;

  protected constructor(scope: Construct, id: string, kind: string, props: IntegrationConnectionProps) {
    super(scope, id);
    libraryScope(this);
    Object.defineProperty(this, CONNECTION_MARK, { value: true });
    Integrations.mark(this);
    this.kind = kind;
    this.testConnectionEnabled = optionalBoolean(this, 'testConnection', props.testConnection, true);
    this.testCredentialsEnabled = optionalBoolean(this, 'testCredentials', props.testCredentials, false);
    if (this.testCredentialsEnabled && !this.testConnectionEnabled) {
      fail(this, 'testCredentials', true, 'false when testConnection is false (the credential is tested by the connection check)');
    }
    const existing = connectionsOf(this, kind);
    let alias: string | undefined;
    if (props.alias !== undefined) {
      alias = requirePattern(this, 'alias', props.alias, ALIAS, 'a provider alias: a letter, then up to 63 letters, digits, _ or -');
    } else if (existing.some((c) => c.alias === undefined)) {
      alias = id.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^[^A-Za-z]+/, '').slice(0, 64) || `${kind}${existing.length + 1}`;
    }
    if (alias !== undefined && existing.some((c) => c.alias === alias)) {
      fail(this, 'alias', alias, `an alias not used by another ${kind} connection in stack ${TerraformStack.of(this).node.id} (taken: ${existing.map((c) => c.alias ?? '(default)').join(', ')})`);
    }
    this.alias = alias;
    existing.push(this);
    allConnections(this).push(this);
  }

  /**
   * The Terraform provider this connection configures.
   * @default - none: Jira, Slack, PagerDuty and webhooks have no Terraform provider
   */
  public get terraformProvider(): TerraformProvider | undefined {
    return this._terraformProvider;
  }

  /**
   * The connection as an integration (for the `IntegrationCatalog`): kind `connection.<kind>`,
   * named by its alias (`default` without one), with its plan-time connection check as its
   * CONNECTIVITY health, or no health signal when `testConnection` is off.
   */
  public describeIntegration(): IntegrationDescription {
    const check = this.node.tryFindChild('TestConnection');
    const health = check instanceof TerraformElement ? [{
      name: 'connectivity',
      kind: IntegrationHealthKind.CONNECTIVITY,
      description: `the plan-time probe of the ${this.kind} endpoint fails (a warning of terraform plan)`,
      check,
    }] : [];
    return {
      kind: `connection.${this.kind}`,
      name: this.alias ?? 'default',
      systems: [this.kind],
      endpoint: this.integrationEndpoint(),
      secrets: this.integrationSecrets(),
      health,
      noHealthReason: health.length > 0 ? undefined : 'testConnection is off: nothing probes the endpoint',
    };
  }

  /**
   * Where the connection points, only what is not secret (site, region, host, owner), for
   * `describeIntegration()`.
   */
  protected integrationEndpoint(): { [key: string]: string } {
    return {};
  }

  /** The secrets the connection authenticates with, by role, for `describeIntegration()`. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return [];
  }

  /** Records the provider this connection configured. */
  protected registerProvider<T extends TerraformProvider>(provider: T): T {
    this._terraformProvider = provider;
    return provider;
  }
}

function allConnections(scope: IConstruct): IntegrationConnection[] {
  const reg = stackRegistry(scope);
  if (!reg.has('connections')) reg.set('connections', []);
  return reg.get('connections');
}

function connectionsOf(scope: IConstruct, kind: string): IntegrationConnection[] {
  const reg = stackRegistry(scope);
  const key = `connections:${kind}`;
  if (!reg.has(key)) reg.set(key, []);
  return reg.get(key);
}
