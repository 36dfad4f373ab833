import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { Construct, IConstruct } from 'constructs';
import { DatadogSite } from './datadog-site';
import { IntegrationSecretReference } from '../core/integration';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { addConnectionCheck } from '../core/private/connection-check';
import { hostOf } from '../core/private/describe';
import { requireSecret } from '../core/private/require-secret';
import { fail } from '../core/private/validate';
import { Secret } from '../core/secret';

/** Props of a `DatadogConnection`. */
export interface DatadogConnectionProps extends IntegrationConnectionProps {
  /**
   * The Datadog site of the organization.
   * @default DatadogSite.US1
   */
  readonly site?: DatadogSite;
  /** The API key (sent to the provider and to the intake; reaches the state as a provider argument only). */
  readonly apiKey: Secret;
  /** The application key (provider argument). */
  readonly appKey: Secret;
}

/**
 * A Datadog organization: its site and keys. Configures the `datadog` provider.
 *
 * State: the keys are provider arguments, which Terraform never stores in the state; they
 * reach the state only through a Secrets Manager or SSM data source (whose result is stored).
 * The connection check calls `GET /api/v1/validate` with the API key.
 */
export class DatadogConnection extends IntegrationConnection {
  /**
   * The Datadog connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) Datadog connection
   */
  public static of(scope: IConstruct, alias?: string): DatadogConnection {
    return IntegrationConnection.findConnection(scope, 'datadog', alias) as DatadogConnection;
  }

  /** The Datadog site. */
  public readonly site: DatadogSite;
  /** The API key. */
  public readonly apiKey: Secret;
  /** The application key. */
  public readonly appKey: Secret;
  /** The configured `datadog` provider (escape hatch). */
  public readonly provider: DatadogProvider;

  constructor(scope: Construct, id: string, props: DatadogConnectionProps) {
    super(scope, id, 'datadog', props);
    const site = props.site ?? DatadogSite.US1;
    if (!(site instanceof DatadogSite) || !site.isKnown) {
      fail(this, 'site', site instanceof DatadogSite ? site.name : site,
        `one of ${DatadogSite.all().map((s) => s.name).join(', ')} (DatadogSite.US1 …)`);
    }
    this.site = site;
    this.apiKey = requireSecret(this, 'apiKey', props.apiKey);
    this.appKey = requireSecret(this, 'appKey', props.appKey);
    this.provider = this.registerProvider(new DatadogProvider(this, 'Provider', {
      alias: this.alias,
      apiUrl: site.apiUrl,
      apiKey: this.apiKey.value,
      appKey: this.appKey.value,
    }));
    // Without the key Datadog answers 403 at the same endpoint: enough to show the site is reachable.
    addConnectionCheck(this, {
      url: `${site.apiUrl}api/v1/validate`,
      headers: { Accept: 'application/json' },
      condition: 'RESPONSE.status_code < 500',
      errorMessage: `The Datadog API of ${this.node.path} at ${site.apiUrl} is not reachable (GET /api/v1/validate answered 5xx or nothing).`,
    }, {
      url: `${site.apiUrl}api/v1/validate`,
      headers: { 'DD-API-KEY': this.apiKey.value, 'Accept': 'application/json' },
      condition: 'RESPONSE.status_code == 200',
      errorMessage: `Datadog rejected the API key of ${this.node.path} at ${site.apiUrl} (GET /api/v1/validate did not answer 200).`,
    });
  }

  /** The Datadog site. */
  protected integrationEndpoint(): { [key: string]: string } {
    return { site: this.site.name, host: hostOf(this.site.apiUrl) };
  }

  /** The API and application keys. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return [{ role: 'apiKey', secret: this.apiKey }, { role: 'appKey', secret: this.appKey }];
  }
}
