import { Construct, IConstruct } from 'constructs';
import { IntegrationSecretReference } from '../core/integration';
import { IntegrationConnection, IntegrationConnectionProps } from '../core/integration-connection';
import { addConnectionCheck } from '../core/private/connection-check';
import { definedEntries } from '../core/private/describe';
import { optionalSecret } from '../core/private/require-secret';
import { optionalPattern } from '../core/private/validate';
import { Secret } from '../core/secret';

/** Props of a `SlackConnection`. */
export interface SlackConnectionProps extends IntegrationConnectionProps {
  /**
   * The Slack workspace (team) id, e.g. `T01234567`; AWS Chatbot needs it.
   * @default - none (AWS Chatbot targets cannot be used)
   */
  readonly workspaceId?: string;
  /**
   * A bot token (`xoxb-…`) for the Slack Web API: Grafana's Slack contact points can post with it.
   * @default - none (incoming webhooks or the backends' own Slack integrations are used)
   */
  readonly botToken?: Secret;
  /**
   * Name of the Slack account as configured in Datadog's Slack integration.
   * @default - none (Datadog `@slack-` handles then name only the channel)
   */
  readonly datadogAccountName?: string;
}

/**
 * A Slack workspace. Slack has no Terraform provider here: the connection holds what the
 * alerting backends need to post to it. With a bot token, the connection check calls
 * `auth.test`; without one there is nothing to probe and no check is added.
 */
export class SlackConnection extends IntegrationConnection {
  /**
   * The Slack connection of the stack of `scope`.
   * @param alias the connection's alias; by default the default (or only) Slack connection
   */
  public static of(scope: IConstruct, alias?: string): SlackConnection {
    return IntegrationConnection.findConnection(scope, 'slack', alias) as SlackConnection;
  }

  /**
   * The workspace id.
   * @default - none
   */
  public readonly workspaceId?: string;
  /**
   * The bot token.
   * @default - none
   */
  public readonly botToken?: Secret;
  /**
   * The Datadog Slack account name.
   * @default - none
   */
  public readonly datadogAccountName?: string;

  constructor(scope: Construct, id: string, props: SlackConnectionProps = {}) {
    super(scope, id, 'slack', props);
    this.workspaceId = optionalPattern(this, 'workspaceId', props.workspaceId, /^[TE][A-Z0-9]{6,14}$/, 'a Slack workspace id such as T01234567');
    this.botToken = optionalSecret(this, 'botToken', props.botToken);
    this.datadogAccountName = optionalPattern(this, 'datadogAccountName', props.datadogAccountName, /^[A-Za-z0-9_.-]{1,80}$/, 'a Datadog Slack account name (letters, digits, _ . -)');
    // api.test needs no token (Slack Web API, "api.test"); auth.test checks the bot token.
    addConnectionCheck(this, {
      url: 'https://slack.com/api/api.test',
      method: 'POST',
      condition: 'RESPONSE.status_code == 200 && try(jsondecode(RESPONSE.response_body).ok, false)',
      errorMessage: `The Slack Web API of ${this.node.path} is not reachable (api.test did not answer ok).`,
    }, this.botToken === undefined ? undefined : {
      url: 'https://slack.com/api/auth.test',
      method: 'POST',
      headers: { Authorization: `Bearer ${this.botToken.value}` },
      condition: 'RESPONSE.status_code == 200 && try(jsondecode(RESPONSE.response_body).ok, false)',
      errorMessage: `Slack rejected the bot token of ${this.node.path} (auth.test did not answer ok).`,
    });
  }

  /** Workspace and the Datadog Slack account, when given. */
  protected integrationEndpoint(): { [key: string]: string } {
    return definedEntries({ workspaceId: this.workspaceId, datadogAccountName: this.datadogAccountName });
  }

  /** The bot token, when given. */
  protected integrationSecrets(): IntegrationSecretReference[] {
    return this.botToken ? [{ role: 'botToken', secret: this.botToken }] : [];
  }
}
