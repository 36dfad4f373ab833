import { Construct, IConstruct } from 'constructs';
import { GrafanaProvider } from '../bindings/grafana/provider/index';
import { IntegrationSecretReference } from '../core/integration';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { addConnectionCheck } from '../core/private/connection-check';
import { hostOf } from '../core/private/describe';
import { requireSecret } from '../core/private/require-secret';
import { fail, optionalPattern, requireInteger, requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';

/** How to authenticate to Grafana. */
export class GrafanaAuth {
  /** A Grafana service-account token (recommended). */
  public static serviceAccountToken(token: Secret): GrafanaAuth {
    return new GrafanaAuth('token', token);
  }

  /** Basic authentication with a Grafana user (the provider needs an admin for org-wide objects). */
  public static basic(username: string, password: Secret): GrafanaAuth {
    return new GrafanaAuth('basic', password, username);
  }

  /** `token` or `basic`. */
  public readonly mode: string;
  /** The token or the password. */
  public readonly secret: Secret;
  /**
   * The user name, for basic authentication.
   * @default - token authentication
   */
  public readonly username?: string;

  private constructor(mode: string, secret: Secret, username?: string) {
    this.mode = mode;
    this.secret = secret;
    this.username = username;
  }
}

/** Props of a `GrafanaConnection`. */
export interface GrafanaConnectionProps extends IntegrationConnectionProps {
  /** Root URL of the Grafana instance, e.g. `https://grafana.example.com` or `https://org.grafana.net`. */
  readonly url: string;
  /** Authentication. */
  readonly auth: GrafanaAuth;
  /**
   * The organization id that resources are created in.
   * @default 1 (Grafana's default organization; Grafana Cloud stacks have only this one)
   */
  readonly orgId?: number;
}

/**
 * A Grafana instance (self-hosted or Grafana Cloud). Configures the `grafana` provider.
 *
 * State: the token or password is a provider argument, never stored in the state by
 * Terraform. The connection check calls `GET /api/health`.
 */
export class GrafanaConnection extends IntegrationConnection {
  /**
   * The Grafana connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) Grafana connection
   */
  public static of(scope: IConstruct, alias?: string): GrafanaConnection {
    return IntegrationConnection.findConnection(scope, 'grafana', alias) as GrafanaConnection;
  }

  /** Root URL, without a trailing slash. */
  public readonly url: string;
  /** The organization id. */
  public readonly orgId: number;
  /** The authentication. */
  public readonly auth: GrafanaAuth;
  /** The configured `grafana` provider (escape hatch). */
  public readonly provider: GrafanaProvider;

  constructor(scope: Construct, id: string, props: GrafanaConnectionProps) {
    super(scope, id, 'grafana', props);
    this.url = requireUrl(this, 'url', props.url, ['https', 'http']);
    this.orgId = props.orgId === undefined ? 1 : requireInteger(this, 'orgId', props.orgId, 1, 2_147_483_647);
    if (!(props.auth instanceof GrafanaAuth)) fail(this, 'auth', props.auth, 'GrafanaAuth.serviceAccountToken(secret) or GrafanaAuth.basic(username, secret)');
    this.auth = props.auth;
    const secret = requireSecret(this, this.auth.mode === 'token' ? 'auth.token' : 'auth.password', this.auth.secret);
    let auth = secret.value;
    if (this.auth.mode === 'basic') {
      const user = optionalPattern(this, 'auth.username', this.auth.username, /^[^:\s]+$/, 'a Grafana user name without colons or spaces')!;
      auth = `${user}:${secret.value}`;
    }
    this.provider = this.registerProvider(new GrafanaProvider(this, 'Provider', {
      alias: this.alias,
      url: this.url,
      auth,
      orgId: this.orgId,
    }));
    // /api/health takes no credential (Grafana HTTP API, "Health API").
    addConnectionCheck(this, {
      url: `${this.url}/api/health`,
      condition: 'RESPONSE.status_code == 200',
      errorMessage: `Grafana at ${this.url} (${this.node.path}) is not healthy: GET /api/health did not answer 200.`,
    });
  }

  /** Host and organization of the Grafana instance. */
  protected integrationEndpoint(): { [key: string]: string } {
    return { host: hostOf(this.url), orgId: String(this.orgId) };
  }

  /** The service-account token or basic-auth password. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return [{ role: this.auth.mode === 'token' ? 'auth.token' : 'auth.password', secret: this.auth.secret }];
  }
}
