import { IConstruct } from 'constructs';
import { requireSecret } from '../core/private/require-secret';
import { stackSingleton } from '../core/private/stack-registry';
import { fail, isToken, optionalPattern, requirePattern, requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';
import { Severities, Severity } from '../core/severity';
import { PagerDutyConnection, PagerDutyRegion } from '../pagerduty/pagerduty-connection';
import { SlackConnection } from '../slack/slack-connection';
import { WebhookConnection } from '../webhooks/webhook-connection';

/**
 * Someone or something to notify. A target is a neutral description (a Slack channel, a
 * PagerDuty service…); each monitor backend decides how to reach it. A backend declares the
 * small interface a target implements for it (`IDatadogNotificationTarget`,
 * `ICloudWatchNotificationTarget`, `IGrafanaNotificationTarget`, `INewRelicNotificationTarget`)
 * and serves the built-in targets (`NotificationTarget.slack()` …) itself; a target that a
 * backend cannot serve is a synth error naming both.
 */
export interface INotificationTarget {
  /** Stable id of the target: construct ids and names of its resources derive from it. */
  readonly targetId: string;
  /** The severities the target takes; alerts of other severities do not notify it. */
  readonly severities: Severity[];
}

/** Common options of notification targets. */
export interface NotificationTargetOptions {
  /**
   * Stable id of the target (letters, digits, `_`, `-`); names its resources.
   * @default - derived from the channel, service, address or connection
   */
  readonly id?: string;
  /**
   * The severities this target takes.
   * @default - every severity
   */
  readonly severities?: Severity[];
}

/** A Slack channel. */
export interface SlackTargetProps extends NotificationTargetOptions {
  /** The channel name without `#`, e.g. `checkout-alerts`. */
  readonly channel: string;
  /**
   * The channel id (e.g. `C0123ABCD`). AWS Chatbot (the CloudWatch backend) needs it.
   * @default - none: the CloudWatch backend cannot notify this channel
   */
  readonly channelId?: string;
  /**
   * An incoming-webhook URL for the channel, for Grafana when the connection has no bot token.
   * Its value reaches the Terraform state (in the contact point).
   * @default - Grafana posts with the connection's bot token
   */
  readonly webhookUrl?: Secret;
  /**
   * The Slack workspace.
   * @default SlackConnection.of(scope)
   */
  readonly connection?: SlackConnection;
}

/** A PagerDuty service. */
export interface PagerDutyTargetProps extends NotificationTargetOptions {
  /**
   * The service name as Datadog's PagerDuty integration knows it (`@pagerduty-<serviceName>`).
   */
  readonly serviceName: string;
  /**
   * The service's integration key: for CloudWatch an "Amazon CloudWatch" integration key,
   * for Grafana an Events API v2 integration (routing) key. Its value reaches the Terraform
   * state (in the SNS subscription endpoint and the contact point), never the synthesized JSON.
   * @default - none: only the Datadog backend can notify this service
   */
  readonly integrationKey?: Secret;
  /**
   * The PagerDuty account (its region chooses the endpoints).
   * @default - PagerDutyConnection.of(scope) when there is one, else the US region
   */
  readonly connection?: PagerDutyConnection;
}

/** An e-mail address. */
export interface EmailTargetProps extends NotificationTargetOptions {
  /** The address. */
  readonly address: string;
}

/** A generic webhook. */
export interface WebhookTargetProps extends NotificationTargetOptions {
  /** The receiving endpoint and its authentication. */
  readonly connection: WebhookConnection;
  /**
   * The name of the webhook in Datadog's Webhooks integration (`@webhook-<name>`).
   * @default - the connection's construct id
   */
  readonly datadogWebhookName?: string;
}

/** A Microsoft Teams channel, reached through a Workflows ("Post to a channel when a webhook request is received") webhook. */
export interface TeamsTargetProps extends NotificationTargetOptions {
  /**
   * The handle name: Datadog monitors mention it as `@teams-<name>` (Datadog Microsoft Teams
   * integration, Workflows webhook handles); letters, digits, `_` and `-`.
   */
  readonly name: string;
  /**
   * The https URL of the channel's Workflows webhook. Its signature (`sig=`) grants posting:
   * pass a Secret's `value` to keep it out of the synthesized JSON (it then reaches only the
   * Terraform state, in the Datadog handle, the contact point or the API destination).
   */
  readonly webhookUrl: string;
}

/** The Opsgenie (Atlassian) service region of an account. */
export enum OpsgenieRegion {
  /** US region: https://api.opsgenie.com. */
  US = 'US',
  /** EU region: https://api.eu.opsgenie.com. */
  EU = 'EU',
}

/** An Opsgenie integration (an API integration of a team). */
export interface OpsgenieTargetProps extends NotificationTargetOptions {
  /**
   * The service name in Datadog's Opsgenie integration (`@opsgenie-<serviceName>`); letters,
   * digits, `_`, `.` and `-`.
   */
  readonly serviceName: string;
  /**
   * The API key of the Opsgenie integration that receives the alerts. Its value reaches the
   * Terraform state (Datadog service object, contact point, SNS subscription), never the JSON.
   */
  readonly apiKey: Secret;
  /**
   * The account's region.
   * @default OpsgenieRegion.US
   */
  readonly region?: OpsgenieRegion;
  /**
   * The Opsgenie API root; must be the one of `region` (`https://api.opsgenie.com` for US,
   * `https://api.eu.opsgenie.com` for EU).
   * @default - the API root of `region`
   */
  readonly apiUrl?: string;
}

/**
 * Opsgenie API roots per region (Opsgenie REST API overview: "api.opsgenie.com", and
 * "api.eu.opsgenie.com" for accounts in the EU instance).
 */
const OPSGENIE_API_URLS: { [region: string]: string } = {
  US: 'https://api.opsgenie.com',
  EU: 'https://api.eu.opsgenie.com',
};

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function sanitizeId(s: string): string {
  const out = s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z]+/, '').replace(/-+$/, '').slice(0, 64);
  return out || 'target';
}

/**
 * The built-in notification targets: Slack, PagerDuty, e-mail and webhooks. Each is a neutral
 * description; every backend serves them in its own way (its folder says how):
 *
 * | target | Datadog | CloudWatch | Grafana | New Relic |
 * | --- | --- | --- | --- | --- |
 * | Slack | `@slack-<account>-<channel>` | SNS topic → AWS Chatbot channel configuration | Slack contact point | see `NewRelicBackend` |
 * | PagerDuty | `@pagerduty-<service>` | SNS topic → HTTPS subscription to PagerDuty's CloudWatch endpoint | PagerDuty contact point | see `NewRelicBackend` |
 * | e-mail | `@<address>` | SNS topic → e-mail subscription | e-mail contact point | see `NewRelicBackend` |
 * | webhook | `@webhook-<name>` | SNS topic → HTTPS subscription with a retry policy | webhook contact point | see `NewRelicBackend` |
 * | Microsoft Teams | Workflows webhook handle, `@teams-<name>` | EventBridge rule → API destination posting an Adaptive Card | Teams contact point | refused |
 * | Opsgenie | Opsgenie service object, `@opsgenie-<service>` | SNS topic → HTTPS subscription to Opsgenie's CloudWatch endpoint | Opsgenie contact point | refused |
 *
 * PagerDuty services managed here (`PagerDutyService.target()`) create their own integrations.
 */
export abstract class NotificationTarget implements INotificationTarget {
  /** A Slack channel. */
  public static slack(props: SlackTargetProps): INotificationTarget {
    return new SlackTarget(props);
  }

  /** A PagerDuty service. */
  public static pagerDuty(props: PagerDutyTargetProps): INotificationTarget {
    return new PagerDutyTarget(props);
  }

  /** An e-mail address. */
  public static email(props: EmailTargetProps): INotificationTarget {
    return new EmailTarget(props);
  }

  /** A generic webhook. */
  public static webhook(props: WebhookTargetProps): INotificationTarget {
    return new WebhookTarget(props);
  }

  /** A Microsoft Teams channel (its Workflows webhook). */
  public static teams(props: TeamsTargetProps): INotificationTarget {
    return new TeamsTarget(props);
  }

  /** An Opsgenie API integration. */
  public static opsgenie(props: OpsgenieTargetProps): INotificationTarget {
    return new OpsgenieTarget(props);
  }

  /** Stable id of the target. */
  public readonly targetId: string;
  /** The severities the target takes. */
  public readonly severities: Severity[];
  private readonly explicitId?: string;

  protected constructor(options: NotificationTargetOptions, defaultId: string) {
    this.explicitId = options.id;
    this.targetId = options.id ?? sanitizeId(defaultId);
    // A value that is not a list is kept as it is, so that the validation error shows it.
    this.severities = options.severities === undefined ? Severities.all()
      : Array.isArray(options.severities) ? [...options.severities] : options.severities;
  }

  /**
   * Validates the target for use in `scope` (called by the backends before they bind it).
   * @param prop the prop path of the target in messages, e.g. `targets.slack-ops`
   */
  public validate(scope: IConstruct, prop: string): void {
    if (this.explicitId !== undefined) requirePattern(scope, `${prop}.id`, this.explicitId, ID, 'a target id: a letter, then up to 63 letters, digits, _ or -');
    if (!Array.isArray(this.severities) || this.severities.length === 0 || !this.severities.every((s) => Severities.isSeverity(s))) {
      fail(scope, `${prop}.severities`, this.severities, 'a non-empty list of Severity values (SEV1 … SEV5)');
    }
    this._validate(scope, prop);
  }

  /**
   * What the target's resources for one backend are, once per backend and stack: the first
   * call runs `make`, later calls return its result. Two different targets with the same id in
   * one stack are an error.
   * @internal
   */
  public _bindOnce<T>(scope: IConstruct, backendId: string, make: (prop: string) => T): T {
    const prop = `targets.${this.targetId}`;
    this.validate(scope, prop);
    const cache: Map<string, { fingerprint: string; binding: unknown }> = stackSingleton(scope, 'monitoring:target-bindings', () => new Map());
    const key = `${backendId}/${this.targetId}`;
    const fingerprint = this._fingerprint();
    const hit = cache.get(key);
    if (hit) {
      if (hit.fingerprint !== fingerprint) {
        fail(scope, `${prop}.id`, this.targetId, 'an id not used by a different notification target in this stack (give each target its own \'id\')');
      }
      return hit.binding as T;
    }
    const binding = make(prop);
    cache.set(key, { fingerprint, binding });
    return binding;
  }

  /** @internal */
  protected abstract _validate(scope: IConstruct, prop: string): void;
  /** @internal */
  protected abstract _fingerprint(): string;
}

/** A Slack channel (`NotificationTarget.slack()`). */
export class SlackTarget extends NotificationTarget {
  /** The props. */
  public readonly props: SlackTargetProps;

  constructor(props: SlackTargetProps) {
    super(props ?? ({} as any), `slack-${props?.channel ?? ''}`);
    this.props = props ?? ({} as SlackTargetProps);
  }

  /** The Slack workspace of a target used in `scope`. */
  public connectionFor(scope: IConstruct): SlackConnection {
    return this.props.connection ?? SlackConnection.of(scope);
  }

  /** @internal */
  protected _validate(scope: IConstruct, prop: string): void {
    // Slack channel names: lower-case letters, digits, hyphens and underscores, at most 80 characters.
    requirePattern(scope, `${prop}.channel`, this.props.channel, /^[a-z0-9][a-z0-9_-]{0,79}$/, 'a Slack channel name without # (lower-case letters, digits, - and _, at most 80 characters)');
    optionalPattern(scope, `${prop}.channelId`, this.props.channelId, /^[CG][A-Z0-9]{6,14}$/, 'a Slack channel id such as C0123ABCD');
    if (this.props.webhookUrl !== undefined) requireSecret(scope, `${prop}.webhookUrl`, this.props.webhookUrl);
  }

  /** @internal */
  protected _fingerprint(): string {
    return `slack:${this.props.channel}:${this.props.channelId ?? ''}:${this.props.connection?.node.path ?? ''}`;
  }
}

/** A PagerDuty service (`NotificationTarget.pagerDuty()`). */
export class PagerDutyTarget extends NotificationTarget {
  /** The props. */
  public readonly props: PagerDutyTargetProps;

  constructor(props: PagerDutyTargetProps) {
    super(props ?? ({} as any), `pagerduty-${props?.serviceName ?? ''}`);
    this.props = props ?? ({} as PagerDutyTargetProps);
  }

  /**
   * The integration key, or a validation error saying that `backend` needs it.
   * @param backend the name of the backend in the message, e.g. `CloudWatch`
   */
  public requireIntegrationKey(scope: IConstruct, prop: string, backend: string): Secret {
    if (!this.props.integrationKey) fail(scope, `${prop}.integrationKey`, undefined, `a Secret with the service's integration key: the ${backend} backend sends to PagerDuty with it`);
    return this.props.integrationKey;
  }

  /** Whether the PagerDuty account of a target used in `scope` is in the EU region. */
  public isEu(scope: IConstruct): boolean {
    if (this.props.connection) return this.props.connection.region === PagerDutyRegion.EU;
    try {
      return PagerDutyConnection.of(scope).region === PagerDutyRegion.EU;
    } catch {
      return false;
    }
  }

  /** @internal */
  protected _validate(scope: IConstruct, prop: string): void {
    requirePattern(scope, `${prop}.serviceName`, this.props.serviceName, /^[A-Za-z0-9_.-]{1,100}$/, 'a PagerDuty service name as configured in Datadog (letters, digits, _ . -)');
    if (this.props.integrationKey !== undefined) requireSecret(scope, `${prop}.integrationKey`, this.props.integrationKey);
  }

  /** @internal */
  protected _fingerprint(): string {
    return `pagerduty:${this.props.serviceName}:${this.props.integrationKey?.node.path ?? ''}`;
  }
}

/** An e-mail address (`NotificationTarget.email()`). */
export class EmailTarget extends NotificationTarget {
  /** The props. */
  public readonly props: EmailTargetProps;

  constructor(props: EmailTargetProps) {
    super(props ?? ({} as any), `email-${(props?.address ?? '').replace('@', '-at-')}`);
    this.props = props ?? ({} as EmailTargetProps);
  }

  /** @internal */
  protected _validate(scope: IConstruct, prop: string): void {
    requirePattern(scope, `${prop}.address`, this.props.address, EMAIL, 'an e-mail address');
  }

  /** @internal */
  protected _fingerprint(): string {
    return `email:${this.props.address}`;
  }
}

/** A generic webhook (`NotificationTarget.webhook()`). */
export class WebhookTarget extends NotificationTarget {
  /** The props. */
  public readonly props: WebhookTargetProps;

  constructor(props: WebhookTargetProps) {
    super(props ?? ({} as any), `webhook-${props?.datadogWebhookName ?? props?.connection?.node?.id ?? ''}`);
    this.props = props ?? ({} as WebhookTargetProps);
  }

  /** @internal */
  protected _validate(scope: IConstruct, prop: string): void {
    if (!(this.props.connection instanceof WebhookConnection)) fail(scope, `${prop}.connection`, this.props.connection, 'a WebhookConnection');
    optionalPattern(scope, `${prop}.datadogWebhookName`, this.props.datadogWebhookName, /^[A-Za-z0-9_-]{1,100}$/, 'a Datadog webhook name (letters, digits, _ and -)');
  }

  /** @internal */
  protected _fingerprint(): string {
    return `webhook:${this.props.connection.node.path}:${this.props.datadogWebhookName ?? ''}`;
  }
}

/** A Microsoft Teams channel (`NotificationTarget.teams()`). */
export class TeamsTarget extends NotificationTarget {
  /** The props. */
  public readonly props: TeamsTargetProps;

  constructor(props: TeamsTargetProps) {
    super(props ?? ({} as any), `teams-${props?.name ?? ''}`);
    this.props = props ?? ({} as TeamsTargetProps);
  }

  /** @internal */
  protected _validate(scope: IConstruct, prop: string): void {
    requirePattern(scope, `${prop}.name`, this.props.name, /^[A-Za-z0-9_-]{1,100}$/, 'a Teams handle name (1-100 letters, digits, _ and -)');
    // Teams Workflows webhooks are https only; a token (a Secret's value) is unknown at synth and taken as is.
    requireUrl(scope, `${prop}.webhookUrl`, this.props.webhookUrl);
  }

  /** @internal */
  protected _fingerprint(): string {
    return `teams:${this.props.name}:${isToken(this.props.webhookUrl) ? 'token' : this.props.webhookUrl}`;
  }
}

/** An Opsgenie API integration (`NotificationTarget.opsgenie()`). */
export class OpsgenieTarget extends NotificationTarget {
  /** The props. */
  public readonly props: OpsgenieTargetProps;

  constructor(props: OpsgenieTargetProps) {
    super(props ?? ({} as any), `opsgenie-${props?.serviceName ?? ''}`);
    this.props = props ?? ({} as OpsgenieTargetProps);
  }

  /** The region of the account. */
  public get region(): OpsgenieRegion {
    return this.props.region ?? OpsgenieRegion.US;
  }

  /** The API root (validated). */
  public get apiUrl(): string {
    return this.props.apiUrl?.replace(/\/+$/, '') ?? OPSGENIE_API_URLS[this.region];
  }

  /** @internal */
  protected _validate(scope: IConstruct, prop: string): void {
    requirePattern(scope, `${prop}.serviceName`, this.props.serviceName, /^[A-Za-z0-9_.-]{1,100}$/, 'an Opsgenie service name for Datadog (1-100 letters, digits, _ . -)');
    requireSecret(scope, `${prop}.apiKey`, this.props.apiKey);
    if (!Object.values(OpsgenieRegion).includes(this.region)) fail(scope, `${prop}.region`, this.props.region, 'OpsgenieRegion.US or OpsgenieRegion.EU');
    if (this.props.apiUrl !== undefined) {
      const url = requireUrl(scope, `${prop}.apiUrl`, this.props.apiUrl);
      const expected = OPSGENIE_API_URLS[this.region];
      if (url !== expected) {
        const other = Object.keys(OPSGENIE_API_URLS).find((r) => OPSGENIE_API_URLS[r] === url);
        fail(scope, `${prop}.apiUrl`, this.props.apiUrl, other
          ? `the Opsgenie API of region ${this.region} (${expected}); ${url} is the API of region ${other}: set region to OpsgenieRegion.${other} or drop apiUrl`
          : `the Opsgenie API of region ${this.region} (${expected})`);
      }
    }
  }

  /** @internal */
  protected _fingerprint(): string {
    return `opsgenie:${this.props.serviceName}:${this.props.apiKey?.node.path ?? ''}:${this.region}`;
  }
}
