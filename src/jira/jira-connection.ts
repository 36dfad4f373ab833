import { Fn } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IntegrationSecretReference } from '../core/integration';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { addConnectionCheck } from '../core/private/connection-check';
import { hostOf } from '../core/private/describe';
import { requireSecret } from '../core/private/require-secret';
import { fail, requirePattern, requireString, requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';

/** Where Jira runs. */
export enum JiraDeployment {
  /** Jira Cloud (`https://<site>.atlassian.net`), REST API v3. */
  CLOUD = 'CLOUD',
  /** Jira Data Center / Server on your own host, REST API v2. */
  DATA_CENTER = 'DATA_CENTER',
}

/** Options for OAuth 2.0 client-credentials authentication (Atlassian service accounts). */
export interface JiraOAuthClientCredentialsOptions {
  /** The OAuth client id. */
  readonly clientId: string;
  /** The OAuth client secret. */
  readonly clientSecret: Secret;
  /** The Jira Cloud site id (cloudId); OAuth calls go to `https://api.atlassian.com/ex/jira/<cloudId>`. */
  readonly cloudId: string;
  /**
   * Token endpoint.
   * @default "https://auth.atlassian.com/oauth/token"
   */
  readonly tokenUrl?: string;
}

/** How to authenticate to Jira. */
export class JiraAuth {
  /** Jira Cloud: an Atlassian account e-mail and API token (HTTP basic). */
  public static apiToken(email: string, token: Secret): JiraAuth {
    return new JiraAuth('apiToken', token, email);
  }

  /** Jira Data Center: a personal access token (HTTP bearer). */
  public static personalAccessToken(token: Secret): JiraAuth {
    return new JiraAuth('pat', token);
  }

  /** Jira Cloud: OAuth 2.0 client credentials of an Atlassian service account. */
  public static oauth2ClientCredentials(options: JiraOAuthClientCredentialsOptions): JiraAuth {
    return new JiraAuth('oauth2', options?.clientSecret, undefined, options);
  }

  /** `apiToken`, `pat` or `oauth2`. */
  public readonly mode: string;
  /** The token or client secret. */
  public readonly secret: Secret;
  /**
   * The account e-mail, for API-token authentication.
   * @default - not API-token authentication
   */
  public readonly email?: string;
  /**
   * OAuth settings.
   * @default - not OAuth authentication
   */
  public readonly oauth?: JiraOAuthClientCredentialsOptions;

  private constructor(mode: string, secret: Secret, email?: string, oauth?: JiraOAuthClientCredentialsOptions) {
    this.mode = mode;
    this.secret = secret;
    this.email = email;
    this.oauth = oauth;
  }
}

/** Props of a `JiraConnection`. */
export interface JiraConnectionProps extends IntegrationConnectionProps {
  /** Base URL of the Jira site (https), e.g. `https://acme.atlassian.net`. */
  readonly baseUrl: string;
  /** Authentication. */
  readonly auth: JiraAuth;
  /**
   * Cloud or Data Center.
   * @default - CLOUD for `*.atlassian.net` hosts, DATA_CENTER otherwise
   */
  readonly deployment?: JiraDeployment;
}

/**
 * A Jira Cloud site or Data Center instance. Jira has no Terraform provider: the connection
 * holds the endpoint and credentials that webhooks and API destinations use.
 *
 * State: credentials reach the state only where a consumer puts them into a resource
 * argument (each consumer says so). The connection check calls `GET <rest api>/myself`
 * (OAuth: `GET /status`, reachability only, since Terraform cannot mint the token).
 */
export class JiraConnection extends IntegrationConnection {
  /**
   * The Jira connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) Jira connection
   */
  public static of(scope: IConstruct, alias?: string): JiraConnection {
    return IntegrationConnection.findConnection(scope, 'jira', alias) as JiraConnection;
  }

  /** Base URL, without a trailing slash. */
  public readonly baseUrl: string;
  /** Cloud or Data Center. */
  public readonly deployment: JiraDeployment;
  /** The authentication. */
  public readonly auth: JiraAuth;
  /** REST API root, e.g. `https://acme.atlassian.net/rest/api/3`. */
  public readonly restApiUrl: string;
  /**
   * Value of the `Authorization` header for REST calls (a Terraform expression over the secret).
   * @default - OAuth: tokens are obtained by the caller (an EventBridge connection)
   */
  public readonly authorizationHeader?: string;

  constructor(scope: Construct, id: string, props: JiraConnectionProps) {
    super(scope, id, 'jira', props);
    this.baseUrl = requireUrl(this, 'baseUrl', props.baseUrl);
    const cloudHost = /^https:\/\/[^/]+\.atlassian\.net$/.test(this.baseUrl);
    const deployment = props.deployment ?? (cloudHost ? JiraDeployment.CLOUD : JiraDeployment.DATA_CENTER);
    if (!Object.values(JiraDeployment).includes(deployment)) fail(this, 'deployment', deployment, 'JiraDeployment.CLOUD or JiraDeployment.DATA_CENTER');
    this.deployment = deployment;
    if (!(props.auth instanceof JiraAuth)) fail(this, 'auth', props.auth, 'JiraAuth.apiToken(email, secret), JiraAuth.personalAccessToken(secret) or JiraAuth.oauth2ClientCredentials({...})');
    this.auth = props.auth;
    const apiVersion = deployment === JiraDeployment.CLOUD ? '3' : '2';
    const secret = requireSecret(this, this.auth.mode === 'oauth2' ? 'auth.clientSecret' : 'auth.token', this.auth.secret);

    if (this.auth.mode === 'apiToken') {
      if (deployment !== JiraDeployment.CLOUD) fail(this, 'auth', 'JiraAuth.apiToken', 'JiraAuth.personalAccessToken for Jira Data Center (API tokens are a Jira Cloud feature)');
      const email = requirePattern(this, 'auth.email', this.auth.email, /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address');
      this.authorizationHeader = `Basic ${Fn.base64encode(`${email}:${secret.value}`)}`;
      this.restApiUrl = `${this.baseUrl}/rest/api/${apiVersion}`;
    } else if (this.auth.mode === 'pat') {
      this.authorizationHeader = `Bearer ${secret.value}`;
      this.restApiUrl = `${this.baseUrl}/rest/api/${apiVersion}`;
    } else {
      if (deployment !== JiraDeployment.CLOUD) fail(this, 'auth', 'JiraAuth.oauth2ClientCredentials', 'JiraAuth.personalAccessToken for Jira Data Center (client credentials are a Jira Cloud feature)');
      const oauth = this.auth.oauth!;
      requireString(this, 'auth.clientId', oauth.clientId, 'a non-empty OAuth client id');
      const cloudId = requirePattern(this, 'auth.cloudId', oauth.cloudId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a Jira Cloud site id (a UUID)');
      if (oauth.tokenUrl !== undefined) requireUrl(this, 'auth.tokenUrl', oauth.tokenUrl);
      this.restApiUrl = `https://api.atlassian.com/ex/jira/${cloudId}/rest/api/${apiVersion}`;
    }

    addConnectionCheck(this, {
      url: `${this.baseUrl}/status`,
      condition: 'RESPONSE.status_code == 200',
      errorMessage: `Jira at ${this.baseUrl} (${this.node.path}) is not reachable (GET /status did not answer 200).`,
    }, this.authorizationHeader === undefined ? undefined : {
      url: `${this.restApiUrl}/myself`,
      headers: { Authorization: this.authorizationHeader, Accept: 'application/json' },
      condition: 'RESPONSE.status_code == 200',
      errorMessage: `Jira at ${this.baseUrl} rejected the credentials of ${this.node.path} (GET /myself did not answer 200).`,
    });
  }

  /**
   * The OAuth token endpoint.
   * @default - not OAuth authentication
   */
  public get tokenUrl(): string | undefined {
    return this.auth.mode === 'oauth2' ? this.auth.oauth?.tokenUrl ?? 'https://auth.atlassian.com/oauth/token' : undefined;
  }

  /** Site host, deployment and authentication mode. */
  protected integrationEndpoint(): { [key: string]: string } {
    return { host: hostOf(this.baseUrl), deployment: String(this.deployment), auth: this.auth.mode };
  }

  /** The API token, personal access token or OAuth client secret. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return [{ role: `auth.${this.auth.mode}`, secret: this.auth.secret }];
  }
}
