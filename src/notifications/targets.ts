import { ChatbotSlackChannelConfiguration } from '@cdktf/provider-aws/lib/chatbot-slack-channel-configuration';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct, IConstruct } from 'constructs';
import { ContactPoint, ContactPointConfig } from '../bindings/grafana/contact-point/index';
import { CloudWatchBackend } from '../cloudwatch/cloudwatch-monitor-backend';
import { requireSecret } from '../core/private/require-secret';
import { targetScope } from '../core/private/scopes';
import { stackSingleton } from '../core/private/stack-registry';
import { fail, isToken, optionalPattern, requirePattern, requireString } from '../core/private/validate';
import { Secret } from '../core/secret';
import { Severities, Severity } from '../core/severity';
import { GrafanaBackend } from '../grafana/grafana-monitor-backend';
import type { IMonitorBackend } from '../monitors/backend';
import { PagerDutyConnection, PagerDutyRegion } from '../pagerduty/pagerduty-connection';
import { SlackConnection } from '../slack/slack-connection';
import { WebhookAuthType, WebhookConnection } from '../webhooks/webhook-connection';

/** What a target contributes to one backend's rendering of a monitor. */
export interface NotificationTargetBinding {
  /**
   * A mention in the monitor message (Datadog), e.g. `@slack-acme-alerts`.
   * @default - none
   */
  readonly handle?: string;
  /**
   * An alarm action ARN (CloudWatch): the SNS topic that fans out to the target.
   * @default - none
   */
  readonly actionArn?: string;
  /**
   * Text added to the Datadog monitor message as it is (with its own conditional blocks),
   * for targets whose handles differ between alerts and recoveries.
   * @default - none
   */
  readonly datadogMessage?: string;
  /**
   * CloudWatch: the target follows the alarm's state changes through EventBridge and needs no
   * alarm action (it registers the alarm itself when it binds).
   * @default false
   */
  readonly viaEventBridge?: boolean;
  /**
   * More alarm action ARNs (CloudWatch), for a target that fans out to several topics.
   * @default - none
   */
  readonly actionArns?: string[];
  /**
   * The name of a contact point (Grafana) that routes of the notification policy lead to.
   * @default - none
   */
  readonly contactPointName?: string;
  /**
   * Grafana: an organization-wide notification policy (managed elsewhere, e.g. by an
   * IncidentRoutingStack) already routes the monitor by its `severity` label, so no route is
   * added to this stack's policy.
   * @default false
   */
  readonly routedByPolicy?: boolean;
}

/**
 * Someone or something to notify. A target binds to each backend through `bind()`, which
 * creates what that backend needs (an SNS topic, a contact point) once per stack and returns
 * how monitors refer to it.
 */
export interface INotificationTarget {
  /** Stable id of the target: construct ids and names of its resources derive from it. */
  readonly targetId: string;
  /** The severities the target takes; monitors of other severities do not notify it. */
  readonly severities: Severity[];
  /**
   * Bind the target to `backend` for a monitor in `scope` (once per backend and stack; later
   * calls return the same binding).
   * @param severity the severity of the alert being notified (targets that route by severity
   * use it); default: the scope's, when the scope is a MonitorConfig
   */
  bind(scope: IConstruct, backend: IMonitorBackend, severity?: Severity): NotificationTargetBinding;
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

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * SNS delivery retry policy of HTTPS subscriptions (Amazon SNS developer guide, "HTTP/S
 * delivery policy": each phase's retries count toward `numRetries`, delays 1-3600 s).
 */
const HTTPS_DELIVERY_POLICY = {
  healthyRetryPolicy: {
    minDelayTarget: 5,
    maxDelayTarget: 300,
    numRetries: 10,
    numNoDelayRetries: 0,
    numMinDelayRetries: 2,
    numMaxDelayRetries: 3,
    backoffFunction: 'exponential',
  },
};

function sanitizeId(s: string): string {
  const out = s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z]+/, '').replace(/-+$/, '').slice(0, 64);
  return out || 'target';
}

/**
 * Notification targets: Slack, PagerDuty, e-mail and webhooks, bound per backend.
 *
 * | target | Datadog | CloudWatch | Grafana |
 * | --- | --- | --- | --- |
 * | Slack | `@slack-<account>-<channel>` | SNS topic → AWS Chatbot channel configuration | Slack contact point |
 * | PagerDuty | `@pagerduty-<service>` | SNS topic → HTTPS subscription to PagerDuty's CloudWatch endpoint | PagerDuty contact point |
 * | e-mail | `@<address>` | SNS topic → e-mail subscription | e-mail contact point |
 * | webhook | `@webhook-<name>` | SNS topic → HTTPS subscription with a retry policy | webhook contact point |
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

  /** Stable id of the target. */
  public readonly targetId: string;
  /** The severities the target takes. */
  public readonly severities: Severity[];
  private readonly explicitId?: string;

  protected constructor(options: NotificationTargetOptions, defaultId: string) {
    this.explicitId = options.id;
    this.targetId = options.id ?? sanitizeId(defaultId);
    this.severities = options.severities ? [...options.severities] : Severities.all();
  }

  /** Bind to a backend (cached per backend and stack). */
  public bind(scope: IConstruct, backend: IMonitorBackend, _severity?: Severity): NotificationTargetBinding {
    const prop = `targets.${this.targetId}`;
    if (this.explicitId !== undefined) requirePattern(scope, `${prop}.id`, this.explicitId, ID, 'a target id: a letter, then up to 63 letters, digits, _ or -');
    if (!Array.isArray(this.severities) || this.severities.length === 0 || !this.severities.every((s) => Severities.isSeverity(s))) {
      fail(scope, `${prop}.severities`, this.severities, 'a non-empty list of Severity values (SEV1 … SEV5)');
    }
    this._validate(scope, prop);
    const cache: Map<string, { fingerprint: string; binding: NotificationTargetBinding }> =
      stackSingleton(scope, 'monitoring:target-bindings', () => new Map());
    const key = `${backend.id}/${this.targetId}`;
    const fingerprint = this._fingerprint();
    const hit = cache.get(key);
    if (hit) {
      if (hit.fingerprint !== fingerprint) {
        fail(scope, `${prop}.id`, this.targetId, 'an id not used by a different notification target in this stack (give each target its own \'id\')');
      }
      return hit.binding;
    }
    let binding: NotificationTargetBinding;
    switch (backend.kind) {
      case 'datadog':
        binding = { handle: this._datadogHandle(scope, prop) };
        break;
      case 'cloudwatch': {
        const cw = backend as CloudWatchBackend;
        const topic = cw._notificationTopic(scope, this.targetId);
        this._subscribe(scope, prop, topic.node.scope as Construct, cw, topic.arn);
        binding = { actionArn: topic.arn };
        break;
      }
      case 'grafana': {
        const g = backend as GrafanaBackend;
        const parent = targetScope(scope, this.targetId, backend.id);
        const name = this.targetId;
        const config = this._grafanaContactPoint(scope, prop, name);
        new ContactPoint(parent, 'ContactPoint', { ...config, name, provider: g._connection(scope).provider });
        binding = { contactPointName: name };
        break;
      }
      default:
        fail(scope, prop, this.targetId, `a target that can notify through the ${backend.kind} backend (this one knows datadog, cloudwatch and grafana)`);
    }
    cache.set(key, { fingerprint, binding });
    return binding;
  }

  /** @internal */
  protected abstract _validate(scope: IConstruct, prop: string): void;
  /** @internal */
  protected abstract _fingerprint(): string;
  /** @internal */
  protected abstract _datadogHandle(scope: IConstruct, prop: string): string;
  /** @internal */
  protected abstract _subscribe(scope: IConstruct, prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string): void;
  /** @internal */
  protected abstract _grafanaContactPoint(scope: IConstruct, prop: string, name: string): Omit<ContactPointConfig, 'name'>;
}


class SlackTarget extends NotificationTarget {
  constructor(private readonly props: SlackTargetProps) {
    super(props ?? ({} as any), `slack-${props?.channel ?? ''}`);
  }

  protected _validate(scope: IConstruct, prop: string): void {
    // Slack channel names: lower-case letters, digits, hyphens and underscores, at most 80 characters.
    requirePattern(scope, `${prop}.channel`, this.props.channel, /^[a-z0-9][a-z0-9_-]{0,79}$/, 'a Slack channel name without # (lower-case letters, digits, - and _, at most 80 characters)');
    optionalPattern(scope, `${prop}.channelId`, this.props.channelId, /^[CG][A-Z0-9]{6,14}$/, 'a Slack channel id such as C0123ABCD');
    if (this.props.webhookUrl !== undefined) requireSecret(scope, `${prop}.webhookUrl`, this.props.webhookUrl);
  }

  protected _fingerprint(): string {
    return `slack:${this.props.channel}:${this.props.channelId ?? ''}:${this.props.connection?.node.path ?? ''}`;
  }

  private connection(scope: IConstruct): SlackConnection {
    return this.props.connection ?? SlackConnection.of(scope);
  }

  protected _datadogHandle(scope: IConstruct): string {
    // Datadog Slack integration: `@slack-<account>-<channel>` (docs.datadoghq.com/integrations/slack).
    const account = this.connection(scope).datadogAccountName;
    return account ? `@slack-${account}-${this.props.channel}` : `@slack-${this.props.channel}`;
  }

  protected _subscribe(scope: IConstruct, prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string): void {
    const conn = this.connection(scope);
    if (!conn.workspaceId) fail(scope, `${prop}.connection.workspaceId`, undefined, 'the Slack workspace id on the SlackConnection: AWS Chatbot delivers CloudWatch alarms to Slack and needs it');
    if (!this.props.channelId) fail(scope, `${prop}.channelId`, undefined, 'the Slack channel id (e.g. C0123ABCD): AWS Chatbot delivers CloudWatch alarms to Slack and needs it');
    const aws = backend._connection(scope);
    // AWS Chatbot assumes this role; notifications need no permissions of it
    // (AWS Chatbot administrator guide, "Understanding permissions").
    const role = new IamRole(parent, 'ChatbotRole', {
      name: `${this.props.channel}-chatbot`.slice(0, 64),
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'chatbot.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      provider: aws.provider,
    });
    new ChatbotSlackChannelConfiguration(parent, 'Chatbot', {
      configurationName: this.targetId,
      iamRoleArn: role.arn,
      slackTeamId: conn.workspaceId,
      slackChannelId: this.props.channelId,
      snsTopicArns: [topicArn],
      // Without guardrails AWS applies AdministratorAccess; alarms need only read access.
      guardrailPolicyArns: [`arn:${aws.partition}:iam::aws:policy/CloudWatchReadOnlyAccess`],
      provider: aws.provider,
    });
  }

  protected _grafanaContactPoint(scope: IConstruct, prop: string): Omit<ContactPointConfig, 'name'> {
    const conn = this.connection(scope);
    if (this.props.webhookUrl) {
      return { slack: [{ url: this.props.webhookUrl.value, recipient: this.props.channelId ?? this.props.channel }] };
    }
    if (!conn.botToken) fail(scope, `${prop}.webhookUrl`, undefined, 'an incoming-webhook Secret, or a SlackConnection with a botToken: Grafana posts to Slack with one of them');
    return { slack: [{ token: conn.botToken.value, recipient: this.props.channelId ?? this.props.channel }] };
  }
}

class PagerDutyTarget extends NotificationTarget {
  constructor(private readonly props: PagerDutyTargetProps) {
    super(props ?? ({} as any), `pagerduty-${props?.serviceName ?? ''}`);
  }

  protected _validate(scope: IConstruct, prop: string): void {
    requirePattern(scope, `${prop}.serviceName`, this.props.serviceName, /^[A-Za-z0-9_.-]{1,100}$/, 'a PagerDuty service name as configured in Datadog (letters, digits, _ . -)');
    if (this.props.integrationKey !== undefined) requireSecret(scope, `${prop}.integrationKey`, this.props.integrationKey);
  }

  protected _fingerprint(): string {
    return `pagerduty:${this.props.serviceName}:${this.props.integrationKey?.node.path ?? ''}`;
  }

  private key(scope: IConstruct, prop: string, backend: string): Secret {
    if (!this.props.integrationKey) fail(scope, `${prop}.integrationKey`, undefined, `a Secret with the service's integration key: the ${backend} backend sends to PagerDuty with it`);
    return this.props.integrationKey;
  }

  private eu(scope: IConstruct): boolean {
    if (this.props.connection) return this.props.connection.region === PagerDutyRegion.EU;
    try {
      return PagerDutyConnection.of(scope).region === PagerDutyRegion.EU;
    } catch {
      return false;
    }
  }

  protected _datadogHandle(): string {
    // Datadog PagerDuty integration: `@pagerduty-<service name>` (docs.datadoghq.com/integrations/pagerduty).
    return `@pagerduty-${this.props.serviceName}`;
  }

  protected _subscribe(scope: IConstruct, prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string): void {
    const key = this.key(scope, prop, 'CloudWatch');
    // PagerDuty's Amazon CloudWatch integration guide: subscribe the topic over HTTPS to
    // https://events.pagerduty.com/integration/<integration key>/enqueue (EU: events.eu.pagerduty.com);
    // PagerDuty confirms the subscription itself.
    const host = this.eu(scope) ? 'events.eu.pagerduty.com' : 'events.pagerduty.com';
    new SnsTopicSubscription(parent, 'Subscription', {
      topicArn,
      protocol: 'https',
      endpoint: `https://${host}/integration/${key.value}/enqueue`,
      endpointAutoConfirms: true,
      deliveryPolicy: JSON.stringify(HTTPS_DELIVERY_POLICY),
      provider: backend._connection(scope).provider,
    });
  }

  protected _grafanaContactPoint(scope: IConstruct, prop: string): Omit<ContactPointConfig, 'name'> {
    return { pagerduty: [{ integrationKey: this.key(scope, prop, 'Grafana').value, severity: '{{ or .CommonLabels.pagerduty_severity "critical" }}' }] };
  }
}

class EmailTarget extends NotificationTarget {
  constructor(private readonly props: EmailTargetProps) {
    super(props ?? ({} as any), `email-${(props?.address ?? '').replace('@', '-at-')}`);
  }

  protected _validate(scope: IConstruct, prop: string): void {
    requirePattern(scope, `${prop}.address`, this.props.address, EMAIL, 'an e-mail address');
  }

  protected _fingerprint(): string {
    return `email:${this.props.address}`;
  }

  protected _datadogHandle(): string {
    // Datadog: `@<email address>` notifies the address (docs.datadoghq.com/monitors/notify).
    return `@${this.props.address}`;
  }

  protected _subscribe(scope: IConstruct, _prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string): void {
    // The recipient must confirm the subscription from the e-mail SNS sends.
    new SnsTopicSubscription(parent, 'Subscription', {
      topicArn, protocol: 'email', endpoint: this.props.address, provider: backend._connection(scope).provider,
    });
  }

  protected _grafanaContactPoint(): Omit<ContactPointConfig, 'name'> {
    return { email: [{ addresses: [this.props.address], singleEmail: true }] };
  }
}

class WebhookTarget extends NotificationTarget {
  constructor(private readonly props: WebhookTargetProps) {
    super(props ?? ({} as any), `webhook-${props?.datadogWebhookName ?? props?.connection?.node?.id ?? ''}`);
  }

  protected _validate(scope: IConstruct, prop: string): void {
    if (!(this.props.connection instanceof WebhookConnection)) fail(scope, `${prop}.connection`, this.props.connection, 'a WebhookConnection');
    optionalPattern(scope, `${prop}.datadogWebhookName`, this.props.datadogWebhookName, /^[A-Za-z0-9_-]{1,100}$/, 'a Datadog webhook name (letters, digits, _ and -)');
  }

  protected _fingerprint(): string {
    return `webhook:${this.props.connection.node.path}:${this.props.datadogWebhookName ?? ''}`;
  }

  protected _datadogHandle(): string {
    // Datadog Webhooks integration: `@webhook-<name>` (docs.datadoghq.com/integrations/webhooks).
    return `@webhook-${this.props.datadogWebhookName ?? this.props.connection.node.id}`;
  }

  protected _subscribe(scope: IConstruct, prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string): void {
    const conn = this.props.connection;
    let endpoint = conn.url;
    if (conn.auth.type === WebhookAuthType.BASIC) {
      // SNS HTTPS endpoints take basic-auth credentials in the URL (Amazon SNS developer guide,
      // "HTTP/S endpoints"); the password then reaches the Terraform state, never the JSON.
      endpoint = conn.url.replace(/^https:\/\//, `https://${conn.auth.username}:${conn.auth.secret!.value}@`);
    } else if (conn.auth.type !== WebhookAuthType.NONE) {
      fail(scope, `${prop}.connection.auth`, conn.auth.type, 'WebhookAuth.none() or WebhookAuth.basic() for the CloudWatch backend: SNS HTTPS subscriptions send no custom headers or signatures');
    }
    if (!isToken(endpoint)) requireString(scope, `${prop}.connection.url`, endpoint);
    // The endpoint must confirm the subscription (visit the SubscribeURL SNS posts to it).
    new SnsTopicSubscription(parent, 'Subscription', {
      topicArn,
      protocol: 'https',
      endpoint,
      deliveryPolicy: JSON.stringify(HTTPS_DELIVERY_POLICY),
      provider: backend._connection(scope).provider,
    });
  }

  protected _grafanaContactPoint(): Omit<ContactPointConfig, 'name'> {
    const conn = this.props.connection;
    const secret = conn.auth.secret?.value;
    switch (conn.auth.type) {
      case WebhookAuthType.BASIC:
        return { webhook: [{ url: conn.url, basicAuthUser: conn.auth.username, basicAuthPassword: secret }] };
      case WebhookAuthType.BEARER:
        return { webhook: [{ url: conn.url, authorizationScheme: 'Bearer', authorizationCredentials: secret }] };
      case WebhookAuthType.API_KEY_HEADER:
        return { webhook: [{ url: conn.url, headers: { [conn.auth.headerName!]: secret! } }] };
      case WebhookAuthType.HMAC_SIGNATURE:
        return {
          webhook: [{ url: conn.url, hmacConfig: { secret: secret!, header: conn.auth.headerName, timestampHeader: conn.auth.timestampHeader } }],
        };
      default:
        return { webhook: [{ url: conn.url }] };
    }
  }
}
