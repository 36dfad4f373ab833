import { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Webhook as DatadogWebhookResource } from '@cdktf/provider-datadog/lib/webhook';
import { Construct } from 'constructs';
import { ALARM_NAME_PREFIX, alarmActionList, checkedPayload, parsePayload, retrySettings } from './private/webhook-checks';
import {
  alarmStatePattern, Endpoint, EndpointAuth, grafanaWebhookBlock, renderDatadog, renderDeadLetter, renderEventBridge,
} from './private/webhook-delivery';
import { eventBridgeHealth, NO_EVENTBRIDGE_HEALTH } from './private/webhook-health';
import { SourceKind, VARIABLE_NAMES, VARIABLES } from './private/webhook-template';
import { WebhookAuthType, WebhookConnection } from './webhook-connection';
import { AwsConnection } from '../aws/aws-connection';
import { ContactPoint } from '../bindings/grafana/contact-point/index';
import { IIntegration, IntegrationDescription, Integrations } from '../core/integration';
import type { IntegrationConnection } from '../core/integration-connection';
import { hostOf } from '../core/private/describe';
import { libraryScope } from '../core/private/template-escape';
import {
  fail, isToken, optionalBoolean, optionalPattern, requireInteger, requirePattern, requireString, requireStringMap,
} from '../core/private/validate';
import { DatadogConnection } from '../datadog/datadog-connection';
import { GrafanaConnection } from '../grafana/grafana-connection';

/**
 * The body a webhook sends, written once as JSON text and rendered for every alert source.
 *
 * String values may contain placeholders `{{name}}` (only inside JSON strings, never in
 * keys or as bare values): `{{title}}`, `{{message}}`, `{{status}}`, `{{alertId}}`,
 * `{{link}}`, `{{time}}`, `{{source}}`, `{{dedupLabel}}` (see `WebhookPayload.describeVariables()`).
 * Datadog receives `$EVENT_TITLE`-style variables, Grafana a custom payload template that
 * JSON-escapes every value (`data.ToJSON`), EventBridge an input transformer over the
 * CloudWatch alarm state-change event (EventBridge does not escape inserted values).
 */
export class WebhookPayload {
  /**
   * A JSON template, e.g. `{"text": "[{{status}}] {{title}}", "link": "{{link}}"}`.
   * @param template JSON text with `{{name}}` placeholders inside string values
   */
  public static fromJsonTemplate(template: string): WebhookPayload {
    return new WebhookPayload(template);
  }

  /** The names of the placeholders a template can use. */
  public static variableNames(): string[] {
    return [...VARIABLE_NAMES];
  }

  /** Each placeholder with what it holds per source, as `name: description` lines. */
  public static describeVariables(): string[] {
    return VARIABLE_NAMES.map((n) => `${n}: ${VARIABLES[n].description}`);
  }

  /** The JSON template as given. */
  public readonly template: string;

  private constructor(template: string) {
    this.template = template;
  }
}

/** HTTP methods a webhook may use. */
export enum WebhookHttpMethod {
  /** POST (the default of every source). */
  POST = 'POST',
  /** PUT. */
  PUT = 'PUT',
}

/** Datadog rendering of a Webhook. */
export interface WebhookDatadogOptions {
  /**
   * The Datadog connection.
   * @default DatadogConnection.of(this)
   */
  readonly connection?: DatadogConnection;
}

/** Grafana rendering of a Webhook. */
export interface WebhookGrafanaOptions {
  /**
   * The Grafana connection.
   * @default GrafanaConnection.of(this)
   */
  readonly connection?: GrafanaConnection;
  /**
   * Name of the contact point.
   * @default - the webhook's name
   */
  readonly contactPointName?: string;
  /**
   * Maximum number of alerts in one request (0: no limit).
   * @default 0
   */
  readonly maxAlerts?: number;
  /**
   * Grafana message template (`message` of the integration; the custom payload replaces it
   * in the body, but templates may still refer to it).
   * @default - Grafana's default message
   */
  readonly message?: string;
  /**
   * Grafana title template.
   * @default - Grafana's default title
   */
  readonly title?: string;
  /**
   * Also notify when alerts resolve.
   * @default true
   */
  readonly sendResolved?: boolean;
}

/** EventBridge rendering of a Webhook (CloudWatch alarms as the source). */
export interface WebhookEventBridgeOptions {
  /**
   * The AWS connection.
   * @default AwsConnection.of(this)
   */
  readonly aws?: AwsConnection;
  /**
   * Only alarms whose name starts with this prefix.
   * @default - every CloudWatch alarm of the account and region
   */
  readonly alarmNamePrefix?: string;
  /**
   * Alarm states that trigger the webhook (`ALARM`, `OK`, `INSUFFICIENT_DATA`).
   * @default ["ALARM", "OK"]
   */
  readonly alarmStates?: string[];
  /**
   * Maximum invocations per second of the API destination (at least 1; 300 is EventBridge's
   * default quota per API destination, higher values need a quota increase).
   * @default 10
   */
  readonly invocationRateLimitPerSecond?: number;
  /**
   * How long EventBridge keeps retrying an event, in seconds (60 to 86400).
   * @default 86400
   */
  readonly maximumEventAgeSeconds?: number;
  /**
   * How many times EventBridge retries an event (0 to 185).
   * @default 185
   */
  readonly maximumRetryAttempts?: number;
  /**
   * KMS key (id or ARN) to encrypt the dead-letter queue with. Its key policy must allow
   * `events.amazonaws.com` kms:GenerateDataKey and kms:Decrypt.
   * @default - SSE-SQS (SQS-managed encryption)
   */
  readonly deadLetterKmsKeyId?: string;
  /**
   * Actions (e.g. SNS topic ARNs) of the alarm on the dead-letter queue.
   * @default - the alarm has no actions
   */
  readonly deadLetterAlarmActions?: string[];
}

/** Props of a `Webhook`. */
export interface WebhookProps {
  /**
   * Name of the webhook: the Datadog webhook name (`@webhook-<name>`), the Grafana contact
   * point name and the prefix of the AWS resources. 1-40 of letters, digits, `-` and `_`.
   */
  readonly name: string;
  /** The body, rendered for every source. */
  readonly payload: WebhookPayload;
  /**
   * The receiver: URL and authentication.
   * @default WebhookConnection.of(this)
   */
  readonly connection?: WebhookConnection;
  /**
   * HTTP method.
   * @default WebhookHttpMethod.POST
   */
  readonly httpMethod?: WebhookHttpMethod;
  /**
   * Extra headers that are not secret (secrets go through the connection's auth).
   * @default - none
   */
  readonly headers?: { [name: string]: string };
  /**
   * Send from Datadog (a `datadog_webhook`).
   * @default - not from Datadog
   */
  readonly datadog?: WebhookDatadogOptions;
  /**
   * Send from Grafana (a webhook contact point).
   * @default - not from Grafana
   */
  readonly grafana?: WebhookGrafanaOptions;
  /**
   * Send CloudWatch alarm state changes through EventBridge (API destination).
   * @default - not from CloudWatch
   */
  readonly eventBridge?: WebhookEventBridgeOptions;
  /**
   * When the receiver expects HMAC signatures (`WebhookAuth.hmacSignature`), let sources
   * that cannot sign (Datadog, EventBridge) send unsigned requests with a synth warning
   * instead of failing synthesis.
   * @default false
   */
  readonly allowUnsignedSources?: boolean;
}

const NAME = /^[A-Za-z0-9_-]{1,40}$/;
const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/;
const ALARM_STATES = ['ALARM', 'OK', 'INSUFFICIENT_DATA'];

/**
 * An outgoing webhook defined once and rendered for each alert source: a Datadog webhook, a
 * Grafana webhook contact point, and an EventBridge API destination fed by CloudWatch alarm
 * state changes, with retries, a rate limit and an encrypted, alarmed dead-letter queue.
 *
 * **Signing.** With `WebhookAuth.hmacSignature`, Grafana signs each request (`hmac_config`);
 * Datadog webhooks and EventBridge API destinations cannot compute signatures: synthesis
 * fails for them unless `allowUnsignedSources` is set (then a warning).
 *
 * **Secrets and the Terraform state.** No secret value is written into the synthesized JSON.
 * In the state: Datadog custom variables marked secret (`datadog_webhook_custom_variable.value`,
 * which carry the auth header values) are resource arguments and stored in the state; every
 * setting of a Grafana contact point (basic-auth password, credentials, HMAC secret, OAuth
 * client secret, headers) is stored in the state; the EventBridge connection's auth parameters
 * are stored by AWS in a Secrets Manager secret that EventBridge manages, but as arguments of
 * `aws_cloudwatch_event_connection` they are also in the Terraform state.
 *
 * **Delivery guarantees.** Datadog retries 5xx answers and connection failures (5 times,
 * 15 s timeout); Grafana retries per its alertmanager; EventBridge retries with the retry
 * policy, then puts the event in the dead-letter queue, whose depth is alarmed.
 */
export class Webhook extends Construct implements IIntegration {
  /** The endpoint of a WebhookConnection. */
  private static endpointOf(c: WebhookConnection, headers: Record<string, string>): Endpoint {
    const map: Record<string, EndpointAuth> = {
      [WebhookAuthType.NONE]: EndpointAuth.NONE,
      [WebhookAuthType.BASIC]: EndpointAuth.BASIC,
      [WebhookAuthType.BEARER]: EndpointAuth.BEARER,
      [WebhookAuthType.API_KEY_HEADER]: EndpointAuth.API_KEY_HEADER,
      [WebhookAuthType.HMAC_SIGNATURE]: EndpointAuth.HMAC_SIGNATURE,
    };
    return {
      url: c.url,
      auth: map[c.auth.type],
      secret: c.auth.secret,
      username: c.auth.username,
      headerName: c.auth.headerName,
      timestampHeader: c.auth.timestampHeader,
      headers,
      authProp: 'connection.auth',
    };
  }

  /** The `datadog_webhook` (escape hatch). @default - not rendered for Datadog */
  public readonly datadogWebhook?: DatadogWebhookResource;
  /** The Datadog notification handle, `@webhook-<name>`. @default - not rendered for Datadog */
  public readonly datadogHandle?: string;
  /** The Grafana contact point (escape hatch). @default - not rendered for Grafana */
  public readonly grafanaContactPoint?: ContactPoint;
  /**
   * Name of the Grafana contact point, for notification policies, as a reference to the contact
   * point's `name` (Terraform then orders the policy after the contact point).
   * @default - not rendered for Grafana
   */
  public readonly grafanaContactPointName?: string;
  /** The EventBridge connection. @default - not rendered for EventBridge */
  public readonly eventConnection?: CloudwatchEventConnection;
  /** The API destination. @default - not rendered for EventBridge */
  public readonly apiDestination?: CloudwatchEventApiDestination;
  /** The EventBridge rule (CloudWatch alarm state changes). @default - not rendered for EventBridge */
  public readonly eventRule?: CloudwatchEventRule;
  /** The EventBridge target. @default - not rendered for EventBridge */
  public readonly eventTarget?: CloudwatchEventTarget;
  /** The encrypted dead-letter queue. @default - not rendered for EventBridge */
  public readonly deadLetterQueue?: SqsQueue;
  /** The alarm on the dead-letter queue's depth. @default - not rendered for EventBridge */
  public readonly deadLetterAlarm?: CloudwatchMetricAlarm;
  /** The webhook's name. */
  public readonly name: string;
  private readonly usedConnections: IntegrationConnection[] = [];

  constructor(scope: Construct, id: string, props: WebhookProps) {
    super(scope, id);
    libraryScope(this);
    Integrations.mark(this);
    if (!props || typeof props !== 'object') fail(this, 'props', props, 'a WebhookProps object');
    const name = requirePattern(this, 'name', props.name, NAME, '1-40 of letters, digits, - and _');
    this.name = name;
    if (!(props.payload instanceof WebhookPayload)) fail(this, 'payload', props.payload, 'WebhookPayload.fromJsonTemplate(json)');
    const connection = props.connection ?? WebhookConnection.of(this);
    if (!(connection instanceof WebhookConnection)) fail(this, 'connection', connection, 'a WebhookConnection');
    this.usedConnections.push(connection);
    const httpMethod = props.httpMethod ?? WebhookHttpMethod.POST;
    if (!Object.values(WebhookHttpMethod).includes(httpMethod)) fail(this, 'httpMethod', httpMethod, 'WebhookHttpMethod.POST or WebhookHttpMethod.PUT');
    const headers = requireStringMap(this, 'headers', props.headers, HEADER, 'an HTTP header name', 1024);
    for (const [k, v] of Object.entries(headers)) {
      // A CR or LF in a header value would split the request (header injection); HTAB is allowed (RFC 9110 field-value).
      if (!isToken(v) && /[\u0000-\u0008\u000a-\u001f\u007f]/.test(v)) fail(this, `headers.${k}`, v, 'a header value without CR, LF or other control characters');
    }
    const allowUnsigned = optionalBoolean(this, 'allowUnsignedSources', props.allowUnsignedSources, false);
    if (!props.datadog && !props.grafana && !props.eventBridge) {
      fail(this, 'datadog, grafana, eventBridge', 'none of them', 'at least one source to render the webhook for');
    }
    const endpoint = Webhook.endpointOf(connection, headers);
    const segments = parsePayload(this, 'payload', props.payload.template);

    if (props.datadog) {
      const conn = props.datadog.connection ?? DatadogConnection.of(this);
      this.usedConnections.push(conn);
      const payload = checkedPayload(this, 'payload', segments, SourceKind.DATADOG);
      if (httpMethod !== WebhookHttpMethod.POST) fail(this, 'httpMethod', httpMethod, 'WebhookHttpMethod.POST when rendering for Datadog (Datadog webhooks always POST)');
      this.datadogWebhook = renderDatadog(this, 'Datadog', { name, endpoint, payload, conn, allowUnsigned, prop: 'connection.auth' }).webhook;
      // The handle names the webhook by reference: a monitor mentioning it then depends on it.
      this.datadogHandle = `@webhook-${this.datadogWebhook.name}`;
    }

    if (props.grafana) {
      const g = props.grafana;
      const conn = g.connection ?? GrafanaConnection.of(this);
      this.usedConnections.push(conn);
      const payload = checkedPayload(this, 'payload', segments, SourceKind.GRAFANA);
      const cpName = g.contactPointName === undefined ? name : requireString(this, 'grafana.contactPointName', g.contactPointName, 'a non-empty contact point name');
      const maxAlerts = g.maxAlerts === undefined ? undefined : requireInteger(this, 'grafana.maxAlerts', g.maxAlerts, 0, 10_000);
      const block = grafanaWebhookBlock(endpoint, payload, {
        httpMethod,
        maxAlerts,
        message: g.message === undefined ? undefined : requireString(this, 'grafana.message', g.message, 'a non-empty Grafana message template'),
        title: g.title === undefined ? undefined : requireString(this, 'grafana.title', g.title, 'a non-empty Grafana title template'),
        disableResolveMessage: !optionalBoolean(this, 'grafana.sendResolved', g.sendResolved, true),
      });
      this.grafanaContactPoint = new ContactPoint(this, 'Grafana', { name: cpName, webhook: [block], provider: conn.provider });
      this.grafanaContactPointName = this.grafanaContactPoint.name;
    }

    if (props.eventBridge) {
      const e = props.eventBridge;
      const aws = e.aws ?? AwsConnection.of(this);
      this.usedConnections.push(aws);
      const payload = checkedPayload(this, 'payload', segments, SourceKind.EVENTBRIDGE);
      const retry = retrySettings(this, 'eventBridge', e);
      const prefix = optionalPattern(this, 'eventBridge.alarmNamePrefix', e.alarmNamePrefix, ALARM_NAME_PREFIX, 'an alarm name prefix of 1-255 characters without control characters');
      const states = e.alarmStates ?? ['ALARM', 'OK'];
      if (!Array.isArray(states) || states.length === 0) fail(this, 'eventBridge.alarmStates', states, `a non-empty list of ${ALARM_STATES.join(', ')}`);
      states.forEach((s, i) => {
        if (!ALARM_STATES.includes(s)) fail(this, `eventBridge.alarmStates[${i}]`, s, `one of ${ALARM_STATES.join(', ')}`);
      });
      const rules: string[] = [];
      const dl = renderDeadLetter(this, {
        name, aws, kmsKeyId: e.deadLetterKmsKeyId, ruleArns: () => rules, alarmActions: alarmActionList(this, 'eventBridge.deadLetterAlarmActions', e.deadLetterAlarmActions),
      });
      const eb = renderEventBridge(this, 'EventBridge', endpoint, payload, {
        name,
        aws,
        eventPattern: alarmStatePattern([...states].sort(), () => [], prefix),
        ruleDescription: `CloudWatch alarm state changes sent by ${this.node.path}`,
        httpMethod,
        ...retry,
        deadLetterQueue: dl.queue,
        allowUnsigned,
        prop: 'connection.auth',
      });
      rules.push(eb.rule.arn);
      this.eventConnection = eb.connection;
      this.apiDestination = eb.apiDestination;
      this.eventRule = eb.rule;
      this.eventTarget = eb.target;
      this.deadLetterQueue = dl.queue;
      this.deadLetterAlarm = dl.alarm;
    }
  }

  /**
   * The webhook as an integration (for the `IntegrationCatalog`). With the EventBridge source:
   * the dead-letter queue (alarmed) and the rule's retries (not alarmed). Datadog and Grafana
   * deliveries have no metric: a webhook with only those sources has no health signal.
   */
  public describeIntegration(): IntegrationDescription {
    const systems = ['webhook'];
    if (this.datadogWebhook) systems.push('datadog');
    if (this.grafanaContactPoint) systems.push('grafana');
    if (this.apiDestination) systems.push('aws');
    const resources: Record<string, string> = {};
    if (this.datadogWebhook) resources.datadogWebhook = this.datadogWebhook.name;
    if (this.grafanaContactPoint) resources.grafanaContactPoint = this.grafanaContactPoint.name;
    if (this.apiDestination) resources.apiDestination = this.apiDestination.arn;
    if (this.deadLetterQueue) resources.deadLetterQueue = this.deadLetterQueue.arn;
    const connection = this.usedConnections[0] as WebhookConnection;
    const health = this.deadLetterQueue && this.deadLetterAlarm && this.eventRule
      ? eventBridgeHealth(`Webhook ${this.name}`, this.deadLetterQueue, this.deadLetterAlarm, { alarms: this.eventRule })
      : [];
    return {
      kind: 'webhook',
      name: this.name,
      systems,
      connections: [...this.usedConnections],
      endpoint: { host: hostOf(connection.url) },
      resources,
      health,
      noHealthReason: health.length > 0 ? undefined : NO_EVENTBRIDGE_HEALTH,
    };
  }
}
