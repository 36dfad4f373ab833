import { Annotations, TerraformElement, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { stackSingleton } from './stack-registry';
import { terraformExpression } from './template-escape';
import { fail } from './validate';
import type { IntegrationConnection } from '../integration-connection';

/** The hashicorp/http provider, declared once per stack for the connection checks. */
class HttpProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: 'http',
      terraformGeneratorMetadata: { providerName: 'http', providerVersionConstraint: '~> 3.4' },
      terraformProviderSource: 'hashicorp/http',
    });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {};
  }
}

/** Requested HTTP probe of an endpoint. */
export interface HttpProbe {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Terraform expression (no `${}`) over `RESPONSE` (the scoped data source) that must be true. */
  readonly condition: string;
  readonly errorMessage: string;
}

/**
 * The connection check of `connection` (when `testConnection` is on): `anonymous` by default, a
 * probe that carries no credential; `authenticated` when the user opted into `testCredentials`,
 * with a warning that the credential then reaches the state (data sources, also those scoped in
 * `check` blocks, are stored in it: see opentofu/opentofu#1490).
 */
export function addConnectionCheck(connection: IntegrationConnection, anonymous: HttpProbe, authenticated?: HttpProbe): void {
  if (!connection.testConnectionEnabled) return;
  if (!connection.testCredentialsEnabled) {
    ConnectionCheck.http(connection, 'TestConnection', anonymous);
    return;
  }
  if (!authenticated) {
    fail(connection, 'testCredentials', true, `false: this ${connection.kind} connection has no credential to test at plan time`);
  }
  Annotations.of(connection).addWarning(`${connection.node.path}: testCredentials sends the credential with the plan-time probe; `
    + 'Terraform stores the probe (an http data source in a check block) with its request headers in the state on every plan');
  ConnectionCheck.http(connection, 'TestConnection', authenticated);
}

/** Requested probe with a data source of a provider the stack already configures. */
export interface DataProbe {
  readonly dataType: string;
  readonly config: Record<string, unknown>;
  readonly provider?: TerraformProvider;
  readonly condition: string;
  readonly errorMessage: string;
}

/**
 * A Terraform `check` block with one scoped data source and one assertion. Scoped data
 * sources in `check` blocks never fail a plan or an apply: a failing probe is a warning.
 * cdktf has no `check` construct, so this element renders the block itself.
 */
export class ConnectionCheck extends TerraformElement {
  public static http(scope: Construct, id: string, probe: HttpProbe): ConnectionCheck {
    stackSingleton(scope, 'http-provider', (stack: TerraformStack) => new HttpProvider(stack, 'cdktf-integrations-http'));
    const config: Record<string, unknown> = {
      url: probe.url,
      method: probe.method ?? 'GET',
      request_timeout_ms: 10_000,
      retry: { attempts: 2, min_delay_ms: 1_000, max_delay_ms: 5_000 },
    };
    if (probe.headers && Object.keys(probe.headers).length > 0) config.request_headers = probe.headers;
    if (probe.body !== undefined) config.request_body = probe.body;
    return new ConnectionCheck(scope, id, { dataType: 'http', config, condition: probe.condition, errorMessage: probe.errorMessage });
  }

  public static data(scope: Construct, id: string, probe: DataProbe): ConnectionCheck {
    return new ConnectionCheck(scope, id, probe);
  }

  private readonly probe: DataProbe;

  private constructor(scope: Construct, id: string, probe: DataProbe) {
    super(scope, id, 'check');
    this.probe = probe;
  }

  public toTerraform(): any {
    const name = this.friendlyUniqueId;
    const dataName = `${name}_probe`;
    const config: Record<string, unknown> = { ...this.probe.config };
    if (this.probe.provider) config.provider = this.probe.provider.fqn;
    const ref = `data.${this.probe.dataType}.${dataName}`;
    return {
      check: {
        [name]: {
          data: { [this.probe.dataType]: { [dataName]: config } },
          assert: [{
            condition: terraformExpression(this.probe.condition.split('RESPONSE').join(ref)),
            error_message: this.probe.errorMessage,
          }],
        },
      },
    };
  }

  public toHclTerraform(): any {
    return this.toTerraform();
  }
}
