import type { GitlabProvider } from '@cdktf/provider-gitlab/lib/provider';
import { Construct, IConstruct } from 'constructs';
import { gitLabL1 } from './private/provider';
import { IntegrationSecretReference } from '../core/integration';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { addConnectionCheck } from '../core/private/connection-check';
import { hostOf } from '../core/private/describe';
import { requireSecret } from '../core/private/require-secret';
import { requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';

/** Props of a `GitLabConnection`. */
export interface GitLabConnectionProps extends IntegrationConnectionProps {
  /**
   * A personal, group or project access token with the `api` scope (provider argument `token`).
   */
  readonly token: Secret;
  /**
   * REST API root of the GitLab instance (provider argument `base_url`), https only; for a
   * self-managed instance `https://gitlab.example.com/api/v4/`.
   * @default "https://gitlab.com/api/v4/"
   */
  readonly baseUrl?: string;
}

/**
 * A GitLab instance (gitlab.com or self-managed). Configures the `gitlab` provider.
 *
 * State: the token is a provider argument, never stored in the state by Terraform. The
 * connection check calls `GET /version` (GitLab REST API, "Version API"; it needs an
 * authenticated user, so without the token any answer below 500 shows the API is reachable).
 */
export class GitLabConnection extends IntegrationConnection {
  /**
   * The GitLab connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) GitLab connection
   */
  public static of(scope: IConstruct, alias?: string): GitLabConnection {
    return IntegrationConnection.findConnection(scope, 'gitlab', alias) as GitLabConnection;
  }

  /** API base URL, with a trailing slash. */
  public readonly baseUrl: string;
  /** The configured `gitlab` provider (escape hatch). */
  public readonly provider: GitlabProvider;
  private readonly token: Secret;

  constructor(scope: Construct, id: string, props: GitLabConnectionProps) {
    super(scope, id, 'gitlab', props);
    // one trailing slash, whether or not the URL given ends with one
    this.baseUrl = `${(props.baseUrl === undefined ? 'https://gitlab.com/api/v4' : requireUrl(this, 'baseUrl', props.baseUrl)).replace(/\/+$/, '')}/`;
    this.token = requireSecret(this, 'token', props.token);
    this.provider = this.registerProvider(new (gitLabL1.provider().GitlabProvider)(this, 'Provider', {
      alias: this.alias,
      baseUrl: this.baseUrl,
      token: this.token.value,
    }));
    addConnectionCheck(this, {
      url: `${this.baseUrl}version`,
      headers: { Accept: 'application/json' },
      condition: 'RESPONSE.status_code < 500',
      errorMessage: `The GitLab API of ${this.node.path} (${this.baseUrl}) is not reachable (GET /version answered 5xx or nothing).`,
    }, {
      url: `${this.baseUrl}version`,
      headers: { 'Accept': 'application/json', 'PRIVATE-TOKEN': this.token.value },
      condition: 'RESPONSE.status_code == 200',
      errorMessage: `GitLab rejected the token of ${this.node.path} (GET /version did not answer 200).`,
    });
  }

  /** API host. */
  protected integrationEndpoint(): { [key: string]: string } {
    return { host: hostOf(this.baseUrl) };
  }

  /** The access token. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return [{ role: 'token', secret: this.token }];
  }
}
