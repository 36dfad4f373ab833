import { Fn } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IntegrationSecretReference } from '../core/integration';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { addConnectionCheck } from '../core/private/connection-check';
import { hostOf } from '../core/private/describe';
import { requireSecret } from '../core/private/require-secret';
import { fail, optionalPattern, requirePattern, requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';

/** Kinds of webhook authentication. */
export enum WebhookAuthType {
  /** No authentication. */
  NONE = 'NONE',
  /** HTTP basic authentication. */
  BASIC = 'BASIC',
  /** `Authorization: Bearer <token>`. */
  BEARER = 'BEARER',
  /** A secret value in a named header (an API key). */
  API_KEY_HEADER = 'API_KEY_HEADER',
  /** An HMAC signature of the body in a header, computed by the sender with a shared secret. */
  HMAC_SIGNATURE = 'HMAC_SIGNATURE',
}

/** Options of HMAC signing. */
export interface WebhookHmacOptions {
  /**
   * Header that carries the signature.
   * @default "X-Signature"
   */
  readonly signatureHeader?: string;
  /**
   * Header that carries the timestamp included in the signature, where the sender supports one.
   * @default - no timestamp header
   */
  readonly timestampHeader?: string;
}

/** How a webhook receiver authenticates its callers. */
export class WebhookAuth {
  /** No authentication (the URL itself may carry a secret path: then pass it as a Secret URL). */
  public static none(): WebhookAuth {
    return new WebhookAuth(WebhookAuthType.NONE);
  }

  /** HTTP basic authentication. */
  public static basic(username: string, password: Secret): WebhookAuth {
    return new WebhookAuth(WebhookAuthType.BASIC, password, username);
  }

  /** A bearer token. */
  public static bearer(token: Secret): WebhookAuth {
    return new WebhookAuth(WebhookAuthType.BEARER, token);
  }

  /** An API key sent in a header, e.g. `X-Api-Key`. */
  public static apiKeyHeader(headerName: string, value: Secret): WebhookAuth {
    return new WebhookAuth(WebhookAuthType.API_KEY_HEADER, value, undefined, headerName);
  }

  /** The sender signs each body with HMAC-SHA256 and a shared secret; the receiver verifies it. */
  public static hmacSignature(secret: Secret, options: WebhookHmacOptions = {}): WebhookAuth {
    return new WebhookAuth(WebhookAuthType.HMAC_SIGNATURE, secret, undefined, options.signatureHeader ?? 'X-Signature', options.timestampHeader);
  }

  /** The kind of authentication. */
  public readonly type: WebhookAuthType;
  /**
   * The password, token, key or signing secret.
   * @default - NONE has no secret
   */
  public readonly secret?: Secret;
  /**
   * The basic-auth user name.
   * @default - not basic authentication
   */
  public readonly username?: string;
  /**
   * The API-key header or the signature header.
   * @default - not API-key or HMAC authentication
   */
  public readonly headerName?: string;
  /**
   * The HMAC timestamp header.
   * @default - none
   */
  public readonly timestampHeader?: string;

  private constructor(type: WebhookAuthType, secret?: Secret, username?: string, headerName?: string, timestampHeader?: string) {
    this.type = type;
    this.secret = secret;
    this.username = username;
    this.headerName = headerName;
    this.timestampHeader = timestampHeader;
  }
}

/** Props of a `WebhookConnection`. */
export interface WebhookConnectionProps extends IntegrationConnectionProps {
  /** The https URL that receives the webhook. */
  readonly url: string;
  /**
   * How the receiver authenticates callers.
   * @default WebhookAuth.none()
   */
  readonly auth?: WebhookAuth;
  /**
   * URL the connection check calls with GET (any answer below 500 counts as reachable).
   * @default - the webhook URL
   */
  readonly healthCheckUrl?: string;
}

const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/;

/**
 * Any HTTPS endpoint that receives webhooks, and how it authenticates its callers.
 *
 * State: header values built from the secret reach the state wherever a consumer writes
 * them into a resource (each consumer says so; EventBridge connections keep them in Secrets
 * Manager instead). The connection check calls `GET <healthCheckUrl>` and accepts any
 * status below 500.
 */
export class WebhookConnection extends IntegrationConnection {
  /**
   * The webhook connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) webhook connection
   */
  public static of(scope: IConstruct, alias?: string): WebhookConnection {
    return IntegrationConnection.findConnection(scope, 'webhook', alias) as WebhookConnection;
  }

  /** The receiving URL. */
  public readonly url: string;
  /** The authentication. */
  public readonly auth: WebhookAuth;

  constructor(scope: Construct, id: string, props: WebhookConnectionProps) {
    super(scope, id, 'webhook', props);
    this.url = requireUrl(this, 'url', props.url);
    const auth = props.auth ?? WebhookAuth.none();
    if (!(auth instanceof WebhookAuth)) fail(this, 'auth', auth, 'WebhookAuth.none(), basic(), bearer(), apiKeyHeader() or hmacSignature()');
    this.auth = auth;
    if (auth.type !== WebhookAuthType.NONE) requireSecret(this, 'auth.secret', auth.secret);
    if (auth.type === WebhookAuthType.BASIC) requirePattern(this, 'auth.username', auth.username, /^[^:\s\u0000-\u001f\u007f]{1,256}$/, 'a user name without colons, spaces or control characters');
    if (auth.type === WebhookAuthType.API_KEY_HEADER || auth.type === WebhookAuthType.HMAC_SIGNATURE) {
      requirePattern(this, 'auth.headerName', auth.headerName, HEADER, 'an HTTP header name');
      optionalPattern(this, 'auth.timestampHeader', auth.timestampHeader, HEADER, 'an HTTP header name');
    }
    const healthUrl = props.healthCheckUrl === undefined ? this.url : requireUrl(this, 'healthCheckUrl', props.healthCheckUrl);
    const probe = (headers?: Record<string, string>) => ({
      url: healthUrl,
      headers,
      condition: 'RESPONSE.status_code < 500',
      errorMessage: `The webhook endpoint of ${this.node.path} is not reachable (GET answered 5xx or nothing).`,
    });
    addConnectionCheck(this, probe(), Object.keys(this.authHeaders).length > 0 ? probe(this.authHeaders) : undefined);
  }

  /**
   * Headers a caller sends to authenticate (values are Terraform expressions over the secret).
   * Empty for NONE and HMAC_SIGNATURE (the signature is computed per request by the sender).
   */
  public get authHeaders(): { [name: string]: string } {
    const secret = this.auth.secret;
    switch (this.auth.type) {
      case WebhookAuthType.BASIC:
        return { Authorization: `Basic ${Fn.base64encode(`${this.auth.username}:${secret!.value}`)}` };
      case WebhookAuthType.BEARER:
        return { Authorization: `Bearer ${secret!.value}` };
      case WebhookAuthType.API_KEY_HEADER:
        return { [this.auth.headerName!]: secret!.value };
      default:
        return {};
    }
  }

  /** The receiving host (never the path or query, which may carry a token) and the kind of authentication. */
  protected integrationEndpoint(): { [key: string]: string } {
    return { host: hostOf(this.url), auth: this.auth.type };
  }

  /** The password, token, key or signing secret. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return this.auth.secret ? [{ role: 'auth', secret: this.auth.secret }] : [];
  }
}
