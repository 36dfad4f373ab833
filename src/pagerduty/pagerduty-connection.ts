import type { PagerdutyProvider } from '@cdktf/provider-pagerduty/lib/provider';
import { Construct, IConstruct } from 'constructs';
import { pagerDutyL1 } from './private/provider';
import { IntegrationSecretReference } from '../core/integration';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { addConnectionCheck } from '../core/private/connection-check';
import { definedEntries, hostOf } from '../core/private/describe';
import { optionalSecret } from '../core/private/require-secret';
import { fail, optionalPattern } from '../core/private/validate';
import { Secret } from '../core/secret';

/** The PagerDuty service region of an account. */
export enum PagerDutyRegion {
  /** US service region (api.pagerduty.com, events.pagerduty.com). */
  US = 'US',
  /** EU service region (api.eu.pagerduty.com, events.eu.pagerduty.com). */
  EU = 'EU',
}

/** Props of a `PagerDutyConnection`. */
export interface PagerDutyConnectionProps extends IntegrationConnectionProps {
  /**
   * The service region of the account.
   * @default PagerDutyRegion.US
   */
  readonly region?: PagerDutyRegion;
  /**
   * A REST API token, for the connection check (and for tools that manage PagerDuty).
   * @default - none: no connection check is possible
   */
  readonly apiToken?: Secret;
  /**
   * The account subdomain (`<subdomain>.pagerduty.com`), which Datadog's PagerDuty integration names.
   * @default - none
   */
  readonly subdomain?: string;
}

/**
 * A PagerDuty account. Alerts reach PagerDuty services through Events API v2 routing keys
 * (see the PagerDuty notification target). With an API token, the connection check calls
 * `GET /abilities`.
 */
export class PagerDutyConnection extends IntegrationConnection {
  /**
   * The PagerDuty connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) PagerDuty connection
   */
  public static of(scope: IConstruct, alias?: string): PagerDutyConnection {
    return IntegrationConnection.findConnection(scope, 'pagerduty', alias) as PagerDutyConnection;
  }

  /** The service region. */
  public readonly region: PagerDutyRegion;
  /** REST API root. */
  public readonly apiUrl: string;
  /** Events API v2 enqueue URL. */
  public readonly eventsUrl: string;
  /**
   * The account subdomain.
   * @default - none
   */
  public readonly subdomain?: string;
  private readonly apiToken?: Secret;
  private _provider?: PagerdutyProvider;

  constructor(scope: Construct, id: string, props: PagerDutyConnectionProps = {}) {
    super(scope, id, 'pagerduty', props);
    const region = props.region ?? PagerDutyRegion.US;
    if (!Object.values(PagerDutyRegion).includes(region)) fail(this, 'region', region, 'PagerDutyRegion.US or PagerDutyRegion.EU');
    this.region = region;
    const infix = region === PagerDutyRegion.EU ? 'eu.' : '';
    this.apiUrl = `https://api.${infix}pagerduty.com`;
    this.eventsUrl = `https://events.${infix}pagerduty.com/v2/enqueue`;
    this.subdomain = optionalPattern(this, 'subdomain', props.subdomain, /^[a-z0-9][a-z0-9-]{0,62}$/, 'a PagerDuty subdomain (lowercase letters, digits, -)');
    const token = optionalSecret(this, 'apiToken', props.apiToken);
    this.apiToken = token;
    // Without a token the REST API answers 401: enough to show it is reachable.
    addConnectionCheck(this, {
      url: `${this.apiUrl}/abilities`,
      headers: { Accept: 'application/vnd.pagerduty+json;version=2' },
      condition: 'RESPONSE.status_code < 500',
      errorMessage: `The PagerDuty API of ${this.node.path} (${this.apiUrl}) is not reachable (GET /abilities answered 5xx or nothing).`,
    }, token === undefined ? undefined : {
      url: `${this.apiUrl}/abilities`,
      headers: { Authorization: `Token token=${token.value}`, Accept: 'application/vnd.pagerduty+json;version=2' },
      condition: 'RESPONSE.status_code == 200',
      errorMessage: `PagerDuty rejected the API token of ${this.node.path} (GET /abilities did not answer 200).`,
    });
  }

  /**
   * The `pagerduty` provider of this account, configured on first use with the API token
   * (a Secret: the token is a provider argument, never in the synthesized JSON) and the
   * region (provider argument `service_region`, "us" or "eu").
   * @internal
   */
  public _pagerDutyProvider(scope: IConstruct, prop: string): PagerdutyProvider {
    if (this._provider) return this._provider;
    if (!this.apiToken) fail(scope, prop, this.node.path, 'a PagerDutyConnection with an apiToken Secret: the pagerduty provider manages services with it');
    this._provider = this.registerProvider(new (pagerDutyL1.provider().PagerdutyProvider)(this, 'Provider', {
      alias: this.alias,
      token: this.apiToken.value,
      serviceRegion: this.region === PagerDutyRegion.EU ? 'eu' : 'us',
    }));
    return this._provider;
  }

  /** Region, API host and (when given) subdomain. */
  protected integrationEndpoint(): { [key: string]: string } {
    return definedEntries({ region: this.region, host: hostOf(this.apiUrl), subdomain: this.subdomain });
  }

  /** The API token, when given. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return this.apiToken ? [{ role: 'apiToken', secret: this.apiToken }] : [];
  }
}
