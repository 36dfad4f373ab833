import type { GithubProvider } from '@cdktf/provider-github/lib/provider';
import { Construct, IConstruct } from 'constructs';
import { gitHubL1 } from './private/provider';
import { IntegrationSecretReference } from '../core/integration';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { addConnectionCheck } from '../core/private/connection-check';
import { hostOf } from '../core/private/describe';
import { requireSecret } from '../core/private/require-secret';
import { fail, requirePattern, requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';

/** Options for GitHub App authentication. */
export interface GitHubAppAuthOptions {
  /** The App id (numeric, as a string). */
  readonly appId: string;
  /** The installation id of the App on the owner (numeric, as a string). */
  readonly installationId: string;
  /** The App's private key (PEM contents). */
  readonly privateKey: Secret;
}

/** How to authenticate to GitHub. */
export class GitHubAuth {
  /** A personal access token (fine-grained recommended) or an installation token. */
  public static token(token: Secret): GitHubAuth {
    return new GitHubAuth('token', token);
  }

  /** A GitHub App installation (short-lived tokens minted by the provider). */
  public static app(options: GitHubAppAuthOptions): GitHubAuth {
    return new GitHubAuth('app', options?.privateKey, options);
  }

  /** `token` or `app`. */
  public readonly mode: string;
  /** The token, or the App's private key. */
  public readonly secret: Secret;
  /**
   * App settings, for App authentication.
   * @default - token authentication
   */
  public readonly appOptions?: GitHubAppAuthOptions;

  private constructor(mode: string, secret: Secret, app?: GitHubAppAuthOptions) {
    this.mode = mode;
    this.secret = secret;
    this.appOptions = app;
  }
}

/** Props of a `GitHubConnection`. */
export interface GitHubConnectionProps extends IntegrationConnectionProps {
  /** The organization or user that owns the repositories. */
  readonly owner: string;
  /** Authentication. */
  readonly auth: GitHubAuth;
  /**
   * API base URL, for GitHub Enterprise Server (`https://github.example.com/api/v3/`).
   * @default "https://api.github.com/"
   */
  readonly baseUrl?: string;
}

/** GitHub login: letters, digits and single hyphens, not at the ends, at most 39. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * A GitHub organization or user. Configures the `github` provider.
 *
 * State: the token or App key is a provider argument, never stored in the state by
 * Terraform. The connection check calls `GET /users/<owner>` (with the token, when token
 * authentication is used).
 */
export class GitHubConnection extends IntegrationConnection {
  /**
   * The GitHub connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) GitHub connection
   */
  public static of(scope: IConstruct, alias?: string): GitHubConnection {
    return IntegrationConnection.findConnection(scope, 'github', alias) as GitHubConnection;
  }

  /** The owner. */
  public readonly owner: string;
  /** API base URL, with a trailing slash. */
  public readonly baseUrl: string;
  /** The authentication. */
  public readonly auth: GitHubAuth;
  /** The configured `github` provider (escape hatch). */
  public readonly provider: GithubProvider;

  constructor(scope: Construct, id: string, props: GitHubConnectionProps) {
    super(scope, id, 'github', props);
    this.owner = requirePattern(this, 'owner', props.owner, OWNER,
      'a GitHub user or organization name: 1-39 letters, digits or single hyphens, not starting or ending with a hyphen');
    this.baseUrl = `${props.baseUrl === undefined ? 'https://api.github.com' : requireUrl(this, 'baseUrl', props.baseUrl)}/`;
    if (!(props.auth instanceof GitHubAuth)) fail(this, 'auth', props.auth, 'GitHubAuth.token(secret) or GitHubAuth.app({ appId, installationId, privateKey })');
    this.auth = props.auth;
    if (this.auth.mode === 'token') {
      const token = requireSecret(this, 'auth.token', this.auth.secret);
      this.provider = this.registerProvider(new (gitHubL1.provider().GithubProvider)(this, 'Provider', { alias: this.alias, owner: this.owner, baseUrl: this.baseUrl, token: token.value }));
    } else {
      const app = this.auth.appOptions!;
      const appId = requirePattern(this, 'auth.appId', app.appId, /^\d+$/, 'a numeric GitHub App id');
      const installationId = requirePattern(this, 'auth.installationId', app.installationId, /^\d+$/, 'a numeric installation id');
      const key = requireSecret(this, 'auth.privateKey', app.privateKey);
      this.provider = this.registerProvider(new (gitHubL1.provider().GithubProvider)(this, 'Provider', {
        alias: this.alias,
        owner: this.owner,
        baseUrl: this.baseUrl,
        appAuth: { id: appId, installationId, pemFile: key.value },
      }));
    }
    const probe = (authorization?: string) => ({
      url: `${this.baseUrl}users/${this.owner}`,
      headers: {
        'Accept': 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        ...(authorization === undefined ? {} : { Authorization: authorization }),
      },
      condition: 'RESPONSE.status_code == 200',
      errorMessage: `GitHub owner ${this.owner} of ${this.node.path} is not reachable at ${this.baseUrl} (GET /users/${this.owner} did not answer 200).`,
    });
    // GET /users/<owner> is public on github.com (GitHub REST API, "Get a user").
    addConnectionCheck(this, probe(), this.auth.mode === 'token' ? probe(`Bearer ${this.auth.secret.value}`) : undefined);
  }

  /** Owner and API host. */
  protected integrationEndpoint(): { [key: string]: string } {
    return { owner: this.owner, host: hostOf(this.baseUrl), auth: this.auth.mode };
  }

  /** The token or GitHub App key. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return [{ role: `auth.${this.auth.mode}`, secret: this.auth.secret }];
  }
}
