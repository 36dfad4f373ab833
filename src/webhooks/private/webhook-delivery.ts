/**
 * Renders one outgoing webhook (an endpoint, its auth and a rendered payload) into the L1
 * resources of each alert source. Shared by `Webhook` and `JiraWorkflow`.
 */
import { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { CloudwatchEventConnection, CloudwatchEventConnectionAuthParameters } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Webhook as DatadogWebhookL1 } from '@cdktf/provider-datadog/lib/webhook';
import { WebhookCustomVariable } from '@cdktf/provider-datadog/lib/webhook-custom-variable';
import { Annotations, Fn } from 'cdktf';
import { Construct } from 'constructs';
import { Rendered } from './webhook-template';
import { AwsConnection } from '../../aws/aws-connection';
import { ContactPointWebhook } from '../../bindings/grafana/contact-point/index';
import { EscapingLazy } from '../../core/private/template-escape';
import { fail } from '../../core/private/validate';
import { Secret } from '../../core/secret';
import { DatadogConnection } from '../../datadog/datadog-connection';

/** How an endpoint authenticates its callers. */
export enum EndpointAuth {
  NONE = 'NONE',
  BASIC = 'BASIC',
  BEARER = 'BEARER',
  API_KEY_HEADER = 'API_KEY_HEADER',
  HMAC_SIGNATURE = 'HMAC_SIGNATURE',
  OAUTH2_CLIENT_CREDENTIALS = 'OAUTH2_CLIENT_CREDENTIALS',
}

/** Where a webhook goes and how it authenticates. */
export interface Endpoint {
  /** https URL (may be a Secret's token when the URL itself is secret). */
  readonly url: string;
  readonly auth: EndpointAuth;
  readonly secret?: Secret;
  readonly username?: string;
  /** API-key header or HMAC signature header. */
  readonly headerName?: string;
  readonly timestampHeader?: string;
  readonly oauthClientId?: string;
  readonly oauthTokenUrl?: string;
  /** Extra headers that are not secret. */
  readonly headers: Record<string, string>;
  /** Prop named in errors about this endpoint's auth. */
  readonly authProp: string;
}

/** Whether a source can sign requests with HMAC. */
export function hmacUnsupported(scope: Construct, endpoint: Endpoint, source: string, allowUnsigned: boolean, prop: string): void {
  if (endpoint.auth !== EndpointAuth.HMAC_SIGNATURE) return;
  const why = `${source} cannot sign webhook requests with HMAC; only Grafana (hmac_config) can`;
  if (!allowUnsigned) {
    fail(scope, prop, `WebhookAuth.hmacSignature for ${source}`, `a source that can sign (${why}); set allowUnsignedSources: true to send ${source} requests unsigned`);
  }
  Annotations.of(scope).addWarning(`${scope.node.path}: ${why}; its requests to the receiver are sent unsigned (allowUnsignedSources).`);
}

function upperVar(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** The result of rendering for Datadog. */
export interface DatadogRendering {
  readonly webhook: DatadogWebhookL1;
  readonly variables: WebhookCustomVariable[];
}

/**
 * A `datadog_webhook`: the rendered payload, `custom_headers` as JSON, and each secret through
 * a `datadog_webhook_custom_variable` with `is_secret = true`, referenced as `$NAME` in the
 * headers (custom variables may be used in the URL, payload and custom headers: Datadog
 * Webhooks integration docs). Values of custom variables are resource arguments: stored in the
 * Terraform state.
 */
export function renderDatadog(scope: Construct, id: string, args: {
  name: string; endpoint: Endpoint; payload: Rendered; conn: DatadogConnection; allowUnsigned: boolean; prop: string;
}): DatadogRendering {
  const { name, endpoint, conn } = args;
  hmacUnsupported(scope, endpoint, 'Datadog', args.allowUnsigned, args.prop);
  if (endpoint.auth === EndpointAuth.OAUTH2_CLIENT_CREDENTIALS) {
    fail(scope, endpoint.authProp, 'OAuth 2.0 client credentials for Datadog',
      'an authentication Datadog webhooks can send from a custom variable (basic, bearer, API-key header); use JiraAuth.apiToken for a workflow with Datadog sources');
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...endpoint.headers };
  const variables: WebhookCustomVariable[] = [];
  const secretVar = (suffix: string, value: string): string => {
    const varName = `${upperVar(name)}_${suffix}`;
    variables.push(new WebhookCustomVariable(scope, `${id}${suffix === 'AUTH' ? 'Auth' : suffix}Variable`, {
      name: varName,
      value,
      isSecret: true,
      provider: conn.provider,
    }));
    return `$${varName}`;
  };
  switch (endpoint.auth) {
    case EndpointAuth.BASIC:
      headers.Authorization = `Basic ${secretVar('AUTH', Fn.base64encode(`${endpoint.username}:${endpoint.secret!.value}`))}`;
      break;
    case EndpointAuth.BEARER:
      headers.Authorization = `Bearer ${secretVar('AUTH', endpoint.secret!.value)}`;
      break;
    case EndpointAuth.API_KEY_HEADER:
      headers[endpoint.headerName!] = secretVar('AUTH', endpoint.secret!.value);
      break;
    default:
      break;
  }
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(headers).sort()) sorted[k] = headers[k];
  const webhook = new DatadogWebhookL1(scope, id, {
    name,
    url: endpoint.url,
    encodeAs: 'json',
    payload: args.payload.template,
    customHeaders: JSON.stringify(sorted),
    provider: conn.provider,
    dependsOn: variables,
  });
  return { webhook, variables };
}

/** Options of a Grafana webhook integration. */
export interface GrafanaRenderOptions {
  readonly httpMethod: string;
  readonly maxAlerts?: number;
  readonly message?: string;
  readonly title?: string;
  readonly disableResolveMessage: boolean;
}

/**
 * One `webhook` block of a `grafana_contact_point`: custom payload template, auth
 * (basic, authorization scheme/credentials, API-key header, HMAC `hmac_config`, OAuth 2.0
 * `http_config.oauth2`). The whole contact point, secrets included, is stored in the state.
 */
export function grafanaWebhookBlock(endpoint: Endpoint, payload: Rendered, options: GrafanaRenderOptions): ContactPointWebhook {
  const headers: Record<string, string> = { ...endpoint.headers };
  let auth: Partial<ContactPointWebhook> = {};
  switch (endpoint.auth) {
    case EndpointAuth.BASIC:
      auth = { basicAuthUser: endpoint.username, basicAuthPassword: endpoint.secret!.value };
      break;
    case EndpointAuth.BEARER:
      auth = { authorizationScheme: 'Bearer', authorizationCredentials: endpoint.secret!.value };
      break;
    case EndpointAuth.API_KEY_HEADER:
      headers[endpoint.headerName!] = endpoint.secret!.value;
      break;
    case EndpointAuth.HMAC_SIGNATURE:
      auth = { hmacConfig: { secret: endpoint.secret!.value, header: endpoint.headerName, timestampHeader: endpoint.timestampHeader } };
      break;
    case EndpointAuth.OAUTH2_CLIENT_CREDENTIALS:
      auth = {
        httpConfig: { oauth2: { clientId: endpoint.oauthClientId!, clientSecret: endpoint.secret!.value, tokenUrl: endpoint.oauthTokenUrl! } },
      };
      break;
    default:
      break;
  }
  const sortedHeaders: Record<string, string> = {};
  for (const k of Object.keys(headers).sort()) sortedHeaders[k] = headers[k];
  return {
    url: endpoint.url,
    httpMethod: options.httpMethod,
    maxAlerts: options.maxAlerts,
    message: options.message,
    title: options.title,
    disableResolveMessage: options.disableResolveMessage,
    headers: Object.keys(sortedHeaders).length > 0 ? sortedHeaders : undefined,
    payload: { template: payload.template },
    ...auth,
  };
}

/** Settings of an EventBridge delivery. */
export interface EventBridgeRenderOptions {
  readonly name: string;
  readonly aws: AwsConnection;
  readonly eventPattern: string;
  readonly ruleDescription: string;
  readonly httpMethod: string;
  readonly rateLimit: number;
  readonly maximumEventAgeSeconds: number;
  readonly maximumRetryAttempts: number;
  readonly deadLetterQueue: SqsQueue;
  readonly allowUnsigned: boolean;
  readonly prop: string;
}

/** The resources of one EventBridge delivery. */
export interface EventBridgeRendering {
  readonly connection: CloudwatchEventConnection;
  readonly apiDestination: CloudwatchEventApiDestination;
  readonly rule: CloudwatchEventRule;
  readonly target: CloudwatchEventTarget;
  readonly role: IamRole;
}

/**
 * EventBridge connection + API destination + rule + target (input transformer, retry policy,
 * dead-letter queue) + the role EventBridge assumes to invoke the API destination.
 *
 * State: the connection's auth parameters (password, API-key value, OAuth client secret) are
 * resource arguments, so Terraform stores them in the state; AWS itself keeps them in a
 * Secrets Manager secret that EventBridge creates and manages for the connection.
 */
export function renderEventBridge(
  scope: Construct, prefix: string, endpoint: Endpoint, payload: Rendered, o: EventBridgeRenderOptions,
): EventBridgeRendering {
  hmacUnsupported(scope, endpoint, 'EventBridge (CloudWatch)', o.allowUnsigned, o.prop);
  const provider = o.aws.provider;
  const invocationHttpParameters = Object.keys(endpoint.headers).length === 0 ? undefined : {
    header: Object.keys(endpoint.headers).sort().map((key) => ({ key, value: endpoint.headers[key], isValueSecret: false })),
  };
  let authorizationType: string;
  let authParameters: CloudwatchEventConnectionAuthParameters;
  switch (endpoint.auth) {
    case EndpointAuth.BASIC:
      authorizationType = 'BASIC';
      authParameters = { basic: { username: endpoint.username!, password: endpoint.secret!.value }, invocationHttpParameters };
      break;
    case EndpointAuth.BEARER:
      authorizationType = 'API_KEY';
      authParameters = { apiKey: { key: 'Authorization', value: `Bearer ${endpoint.secret!.value}` }, invocationHttpParameters };
      break;
    case EndpointAuth.API_KEY_HEADER:
      authorizationType = 'API_KEY';
      authParameters = { apiKey: { key: endpoint.headerName!, value: endpoint.secret!.value }, invocationHttpParameters };
      break;
    case EndpointAuth.OAUTH2_CLIENT_CREDENTIALS:
      // EventBridge obtains the token from the authorization endpoint with the client id and
      // secret and refreshes it itself (EventBridge "Connections for API targets", OAuth).
      authorizationType = 'OAUTH_CLIENT_CREDENTIALS';
      authParameters = {
        oauth: {
          authorizationEndpoint: endpoint.oauthTokenUrl!,
          httpMethod: 'POST',
          clientParameters: { clientId: endpoint.oauthClientId!, clientSecret: endpoint.secret!.value },
          // Atlassian's token endpoint takes grant_type, client_id and client_secret in the body
          // (support.atlassian.com, "Create OAuth 2.0 credential for service accounts").
          oauthHttpParameters: {
            body: [
              { key: 'client_id', value: endpoint.oauthClientId!, isValueSecret: false },
              { key: 'client_secret', value: endpoint.secret!.value, isValueSecret: true },
              { key: 'grant_type', value: 'client_credentials', isValueSecret: false },
            ],
          },
        },
        invocationHttpParameters,
      };
      break;
    default:
      // A connection needs an authorization type; a receiver without auth (or one that only
      // checks signatures, which EventBridge cannot compute) gets a harmless marker header.
      authorizationType = 'API_KEY';
      authParameters = { apiKey: { key: 'X-Webhook-Source', value: 'aws-eventbridge' }, invocationHttpParameters };
      break;
  }
  const connection = new CloudwatchEventConnection(scope, `${prefix}Connection`, {
    name: o.name,
    description: `Connection of ${scope.node.path}`,
    authorizationType,
    authParameters,
    provider,
  });
  const apiDestination = new CloudwatchEventApiDestination(scope, `${prefix}ApiDestination`, {
    name: o.name,
    description: `API destination of ${scope.node.path}`,
    connectionArn: connection.arn,
    invocationEndpoint: endpoint.url,
    httpMethod: o.httpMethod,
    invocationRateLimitPerSecond: o.rateLimit,
    provider,
  });
  const assume = new DataAwsIamPolicyDocument(scope, `${prefix}AssumeRolePolicy`, {
    statement: [{
      effect: 'Allow',
      actions: ['sts:AssumeRole'],
      principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
    }],
    provider,
  });
  const role = new IamRole(scope, `${prefix}InvokeRole`, {
    name: o.name,
    description: `Lets EventBridge invoke the API destination of ${scope.node.path}`.slice(0, 1000),
    assumeRolePolicy: assume.json,
    provider,
  });
  const invoke = new DataAwsIamPolicyDocument(scope, `${prefix}InvokePolicyDocument`, {
    statement: [{ effect: 'Allow', actions: ['events:InvokeApiDestination'], resources: [apiDestination.arn] }],
    provider,
  });
  new IamRolePolicy(scope, `${prefix}InvokePolicy`, {
    name: 'invoke-api-destination',
    role: role.id,
    policy: invoke.json,
    provider,
  });
  const { rule, target } = renderEventBridgeRule(scope, prefix, { apiDestination, role }, payload, o);
  return { connection, apiDestination, rule, target, role };
}

/** A further rule and target on the API destination of an EventBridge delivery. */
export function renderEventBridgeRule(
  scope: Construct, prefix: string, destination: Pick<EventBridgeRendering, 'apiDestination' | 'role'>, payload: Rendered,
  o: Pick<EventBridgeRenderOptions, 'name' | 'aws' | 'eventPattern' | 'ruleDescription' | 'maximumEventAgeSeconds' | 'maximumRetryAttempts' | 'deadLetterQueue'>,
): { rule: CloudwatchEventRule; target: CloudwatchEventTarget } {
  const provider = o.aws.provider;
  const rule = new CloudwatchEventRule(scope, `${prefix}Rule`, {
    name: o.name,
    description: o.ruleDescription,
    eventPattern: o.eventPattern,
    provider,
  });
  const target = new CloudwatchEventTarget(scope, `${prefix}Target`, {
    rule: rule.name,
    targetId: 'api-destination',
    arn: destination.apiDestination.arn,
    roleArn: destination.role.arn,
    inputTransformer: {
      inputPaths: payload.inputPaths,
      inputTemplate: payload.template,
    },
    retryPolicy: {
      maximumEventAgeInSeconds: o.maximumEventAgeSeconds,
      maximumRetryAttempts: o.maximumRetryAttempts,
    },
    deadLetterConfig: { arn: o.deadLetterQueue.arn },
    provider,
  });
  return { rule, target };
}

/** The dead-letter queue shared by the EventBridge targets of a construct, and its alarm. */
export interface DeadLetter {
  readonly queue: SqsQueue;
  readonly policy: SqsQueuePolicy;
  readonly alarm: CloudwatchMetricAlarm;
}

/**
 * An SQS queue encrypted with SSE-SQS (or a KMS key), a queue policy that lets EventBridge
 * send to it only on behalf of the given rules (aws:SourceArn), and an alarm as soon as one
 * message is in it.
 */
export function renderDeadLetter(scope: Construct, args: {
  name: string; aws: AwsConnection; kmsKeyId?: string; ruleArns: () => string[]; alarmActions: string[];
}): DeadLetter {
  const provider = args.aws.provider;
  const queue = new SqsQueue(scope, 'DeadLetterQueue', {
    name: `${args.name}-dlq`,
    // 14 days, the SQS maximum: time to look at failed deliveries.
    messageRetentionSeconds: 1_209_600,
    sqsManagedSseEnabled: args.kmsKeyId ? undefined : true,
    kmsMasterKeyId: args.kmsKeyId,
    provider,
  });
  const doc = new DataAwsIamPolicyDocument(scope, 'DeadLetterQueuePolicyDocument', {
    statement: [{
      sid: 'EventBridgeDeadLetters',
      effect: 'Allow',
      actions: ['sqs:SendMessage'],
      principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
      resources: [queue.arn],
      condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: EscapingLazy.listValue({ produce: () => args.ruleArns() }) }],
    }],
    provider,
  });
  const policy = new SqsQueuePolicy(scope, 'DeadLetterQueuePolicy', { queueUrl: queue.url, policy: doc.json, provider });
  const alarm = new CloudwatchMetricAlarm(scope, 'DeadLetterAlarm', {
    alarmName: `${args.name}-dead-letters`,
    alarmDescription: `Webhook deliveries of ${scope.node.path} failed after all retries and are in the dead-letter queue ${args.name}-dlq.`,
    namespace: 'AWS/SQS',
    metricName: 'ApproximateNumberOfMessagesVisible',
    dimensions: { QueueName: queue.name },
    statistic: 'Maximum',
    period: 300,
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    alarmActions: args.alarmActions.length > 0 ? args.alarmActions : undefined,
    provider,
  });
  return { queue, policy, alarm };
}

/** JSON of a CloudWatch alarm state-change event pattern. */
export function alarmStatePattern(
  states: string[], alarmArns: () => string[], alarmNamePrefix?: string, excludedArns: () => string[] = () => [],
): string {
  return EscapingLazy.stringValue({
    produce: () => {
      const arns = alarmArns();
      const excluded = excludedArns();
      const pattern: Record<string, unknown> = {
        'source': ['aws.cloudwatch'],
        'detail-type': ['CloudWatch Alarm State Change'],
      };
      if (arns.length > 0) pattern.resources = arns;
      // "anything-but" content filtering (EventBridge User Guide, "Content filtering in event patterns").
      else if (excluded.length > 0) pattern.resources = [{ 'anything-but': excluded }];
      const detail: Record<string, unknown> = { state: { value: states } };
      if (alarmNamePrefix !== undefined) detail.alarmName = [{ prefix: alarmNamePrefix }];
      pattern.detail = detail;
      // ARNs that are tokens become Terraform interpolations inside the JSON string.
      return JSON.stringify(pattern);
    },
  });
}
