import type { NewrelicProvider } from '@cdktf/provider-newrelic/lib/provider';
import { Construct, IConstruct } from 'constructs';
import { IntegrationSecretReference } from '../core/integration';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { addConnectionCheck } from '../core/private/connection-check';
import { requireSecret } from '../core/private/require-secret';
import { fail } from '../core/private/validate';
import { Secret } from '../core/secret';
import { requireAccountId } from './private/limits';
import { newRelicL1 } from './private/provider';

/**
 * The data center of a New Relic account (the `newrelic` provider's `region`: "Valid values are
 * `US` or `EU`. Default value is `US`", terraform-provider-newrelic docs/index).
 */
export enum NewRelicRegion {
  /** The US data center. */
  US = 'US',
  /** The EU data center. */
  EU = 'EU',
}

// NerdGraph, the API the provider's alerting, workflow and dashboard resources use (provider
// docs/index, "Authentication Requirements"): api.newrelic.com (US) and api.eu.newrelic.com (EU)
// (docs.newrelic.com/docs/apis/nerdgraph/get-started/introduction-new-relic-nerdgraph).
const NERDGRAPH: Record<NewRelicRegion, string> = {
  [NewRelicRegion.US]: 'https://api.newrelic.com/graphql',
  [NewRelicRegion.EU]: 'https://api.eu.newrelic.com/graphql',
};

/** The kind of New Relic connections. */
const NEW_RELIC_KIND = 'newrelic';

/** Props of a `NewRelicConnection`. */
export interface NewRelicConnectionProps extends IntegrationConnectionProps {
  /** The New Relic account id (a positive whole number). */
  readonly accountId: number;
  /**
   * The account's data center.
   * @default NewRelicRegion.US
   */
  readonly region?: NewRelicRegion;
  /**
   * A User API key (`NRAK-…`), the provider's `api_key`. A provider argument: Terraform keeps
   * it out of the state (it reaches the state only when the Secret reads it through a data
   * source, e.g. Secrets Manager).
   */
  readonly apiKey: Secret;
}

/**
 * A New Relic account: its id, data center and User API key. Configures the `newrelic`
 * provider (newrelic/newrelic) once per connection.
 *
 * Connection check: off unless `testConnection: true`. Data sources are written to the
 * Terraform state, so the check never sends the API key: it probes that the NerdGraph endpoint
 * of the region answers (any status below 500), without credentials.
 */
export class NewRelicConnection extends IntegrationConnection {
  /**
   * The New Relic connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) New Relic connection
   */
  public static of(scope: IConstruct, alias?: string): NewRelicConnection {
    return IntegrationConnection.findConnection(scope, NEW_RELIC_KIND, alias) as NewRelicConnection;
  }

  /** The account id. */
  public readonly accountId: number;
  /** The data center. */
  public readonly region: NewRelicRegion;
  /** The User API key. */
  public readonly apiKey: Secret;
  /** The configured `newrelic` provider (escape hatch). */
  public readonly provider: NewrelicProvider;

  constructor(scope: Construct, id: string, props: NewRelicConnectionProps) {
    super(scope, id, NEW_RELIC_KIND, { ...(props ?? {}), testConnection: props?.testConnection ?? false });
    if (!props || typeof props !== 'object') fail(this, 'props', props, 'a NewRelicConnectionProps object');
    this.accountId = requireAccountId(this, 'accountId', props.accountId);
    const region = props.region ?? NewRelicRegion.US;
    if (!Object.values(NewRelicRegion).includes(region)) fail(this, 'region', region, 'NewRelicRegion.US or NewRelicRegion.EU');
    this.region = region;
    this.apiKey = requireSecret(this, 'apiKey', props.apiKey);
    this.provider = this.registerProvider(new (newRelicL1.provider().NewrelicProvider)(this, 'Provider', {
      alias: this.alias,
      accountId: this.accountId,
      apiKey: this.apiKey.value,
      region,
    }));
    addConnectionCheck(this, {
      url: NERDGRAPH[region],
      condition: 'RESPONSE.status_code < 500',
      errorMessage: `The New Relic NerdGraph endpoint of ${this.node.path} (${NERDGRAPH[region]}) is not reachable (it answered 5xx or nothing).`,
    });
  }

  /** The NerdGraph endpoint of the region. */
  public get nerdGraphUrl(): string {
    return NERDGRAPH[this.region];
  }

  /** Account and region. */
  protected integrationEndpoint(): { [key: string]: string } {
    return { accountId: String(this.accountId), region: String(this.region) };
  }

  /** The user API key. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return [{ role: 'apiKey', secret: this.apiKey }];
  }
}
