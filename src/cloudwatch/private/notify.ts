import { ChatbotSlackChannelConfiguration } from '@cdktf/provider-aws/lib/chatbot-slack-channel-configuration';
import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct, IConstruct } from 'constructs';
import { targetScope } from '../../core/private/scopes';
import { fail, isToken, requireString } from '../../core/private/validate';
import { Severity } from '../../core/severity';
import { MonitorConfig } from '../../monitors/monitor-config';
import {
  EmailTarget, INotificationTarget, OpsgenieTarget, PagerDutyTarget, SlackTarget, TeamsTarget, WebhookTarget,
} from '../../notifications/targets';
import { alarmStatePattern, EndpointAuth, renderDeadLetter, renderEventBridge } from '../../webhooks/private/webhook-delivery';
import { WebhookAuthType } from '../../webhooks/webhook-connection';
import type { CloudWatchBackend } from '../cloudwatch-monitor-backend';
import type { CloudWatchTargetBinding, ICloudWatchNotificationTarget } from '../cloudwatch-targets';

function implementsCloudWatch(t: INotificationTarget): t is ICloudWatchNotificationTarget {
  return typeof (t as ICloudWatchNotificationTarget).bindToCloudWatch === 'function';
}

/**
 * SNS delivery retry policy of HTTPS subscriptions (Amazon SNS developer guide, "HTTP/S
 * delivery policy": each phase's retries count toward `numRetries`, delays 1-3600 s).
 */
export const HTTPS_DELIVERY_POLICY = {
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

/**
 * The binding of a target for the CloudWatch backend: its own `bindToCloudWatch`, or an SNS
 * topic per built-in target (once per stack and backend) with the subscription that reaches it;
 * a synth error naming both when neither exists.
 */
export function cloudWatchBinding(
  scope: IConstruct, backend: CloudWatchBackend, target: INotificationTarget, severity: Severity,
): CloudWatchTargetBinding {
  if (implementsCloudWatch(target)) {
    const b = target.bindToCloudWatch(scope, backend, severity);
    if (!b || ((!b.actionArns || b.actionArns.length === 0) && !b.viaEventBridge)) {
      fail(scope, `targets.${target.targetId}`, b, `a CloudWatchTargetBinding with actionArns or viaEventBridge from the target's bindToCloudWatch (backend ${backend.id})`);
    }
    return b;
  }
  if (target instanceof TeamsTarget) return teamsBinding(scope, backend, target);
  const subscribe = builtIn(target);
  if (!subscribe) {
    return fail(scope, `targets.${target.targetId}`, target.targetId,
      `a target the CloudWatch backend "${backend.id}" can notify (a built-in target, or one implementing ICloudWatchNotificationTarget); "${target.targetId}" cannot be notified through CloudWatch`);
  }
  // Topics are per AWS account and region: a second (aliased) connection gets its own.
  return (target as SlackTarget)._bindOnce(scope, backend._targetScopeId(scope), (prop) => {
    const topic = backend.notificationTopic(scope, target.targetId);
    subscribe(scope, prop, topic.node.scope as Construct, backend, topic.arn);
    return { actionArns: [topic.arn] };
  });
}

type Subscribe = (scope: IConstruct, prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string) => void;

function builtIn(target: INotificationTarget): Subscribe | undefined {
  if (target instanceof SlackTarget) return (...a) => subscribeSlack(target, ...a);
  if (target instanceof PagerDutyTarget) return (...a) => subscribePagerDuty(target, ...a);
  if (target instanceof EmailTarget) return (...a) => subscribeEmail(target, ...a);
  if (target instanceof WebhookTarget) return (...a) => subscribeWebhook(target, ...a);
  if (target instanceof OpsgenieTarget) return (...a) => subscribeOpsgenie(target, ...a);
  return undefined;
}

function subscribeSlack(target: SlackTarget, scope: IConstruct, prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string): void {
  const conn = target.connectionFor(scope);
  if (!conn.workspaceId) fail(scope, `${prop}.connection.workspaceId`, undefined, 'the Slack workspace id on the SlackConnection: AWS Chatbot delivers CloudWatch alarms to Slack and needs it');
  if (!target.props.channelId) fail(scope, `${prop}.channelId`, undefined, 'the Slack channel id (e.g. C0123ABCD): AWS Chatbot delivers CloudWatch alarms to Slack and needs it');
  const aws = backend.connectionFor(scope);
  // AWS Chatbot assumes this role; notifications need no permissions of it
  // (AWS Chatbot administrator guide, "Understanding permissions").
  const role = new IamRole(parent, 'ChatbotRole', {
    name: `${target.props.channel}-chatbot`.slice(0, 64),
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'chatbot.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
    provider: aws.provider,
  });
  new ChatbotSlackChannelConfiguration(parent, 'Chatbot', {
    configurationName: target.targetId,
    iamRoleArn: role.arn,
    slackTeamId: conn.workspaceId,
    slackChannelId: target.props.channelId,
    snsTopicArns: [topicArn],
    // Without guardrails AWS applies AdministratorAccess; alarms need only read access.
    guardrailPolicyArns: [`arn:${aws.partition}:iam::aws:policy/CloudWatchReadOnlyAccess`],
    provider: aws.provider,
  });
}

function subscribePagerDuty(
  target: PagerDutyTarget, scope: IConstruct, prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string,
): void {
  const key = target.requireIntegrationKey(scope, prop, 'CloudWatch');
  // PagerDuty's Amazon CloudWatch integration guide: subscribe the topic over HTTPS to
  // https://events.pagerduty.com/integration/<integration key>/enqueue (EU: events.eu.pagerduty.com);
  // PagerDuty confirms the subscription itself.
  const host = target.isEu(scope) ? 'events.eu.pagerduty.com' : 'events.pagerduty.com';
  new SnsTopicSubscription(parent, 'Subscription', {
    topicArn,
    protocol: 'https',
    endpoint: `https://${host}/integration/${key.value}/enqueue`,
    endpointAutoConfirms: true,
    deliveryPolicy: JSON.stringify(HTTPS_DELIVERY_POLICY),
    provider: backend.connectionFor(scope).provider,
  });
}

function subscribeOpsgenie(
  target: OpsgenieTarget, scope: IConstruct, _prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string,
): void {
  // Opsgenie's Amazon CloudWatch integration: subscribe the topic over HTTPS to
  // <api root>/v1/json/cloudwatch?apiKey=<integration API key> (support.atlassian.com/opsgenie,
  // "Integrate Opsgenie with Amazon CloudWatch"; EU accounts use api.eu.opsgenie.com). Opsgenie
  // confirms the subscription itself. The key reaches the state, never the JSON.
  new SnsTopicSubscription(parent, 'Subscription', {
    topicArn,
    protocol: 'https',
    endpoint: `${target.apiUrl}/v1/json/cloudwatch?apiKey=${target.props.apiKey.value}`,
    endpointAutoConfirms: true,
    deliveryPolicy: JSON.stringify(HTTPS_DELIVERY_POLICY),
    provider: backend.connectionFor(scope).provider,
  });
}

/** The alarms a Teams target follows for one backend (filled as monitors bind it). */
interface TeamsRoute {
  readonly alarmArns: (() => string)[];
}

/**
 * A Teams Workflows webhook cannot confirm an SNS subscription nor read SNS's envelope, so
 * CloudWatch reaches it through EventBridge: a rule on the state changes of the alarms that
 * notify the target, an API destination to the webhook and an input transformer that posts an
 * Adaptive Card message (Microsoft Learn, "Create incoming webhooks with Workflows for Microsoft
 * Teams": the request body is a message with an `application/vnd.microsoft.card.adaptive`
 * attachment). Failed deliveries land in a dead-letter queue with an alarm.
 */
function teamsBinding(scope: IConstruct, backend: CloudWatchBackend, target: TeamsTarget): CloudWatchTargetBinding {
  if (!(scope instanceof MonitorConfig)) {
    fail(scope, `targets.${target.targetId}`, scope.node.path, 'a MonitorConfig for a Teams target on CloudWatch (its EventBridge rule follows the alarms of monitors)');
  }
  const route = target._bindOnce<TeamsRoute>(scope, backend._targetScopeId(scope), (prop) => {
    const arns: (() => string)[] = [];
    const parent = targetScope(scope, target.targetId, backend._targetScopeId(scope));
    const aws = backend.connectionFor(scope);
    const name = `${target.targetId}-teams`.slice(0, 64);
    let ruleArn = '';
    const dl = renderDeadLetter(parent, { name, aws, ruleArns: () => [ruleArn], alarmActions: [] });
    const card = {
      type: 'message',
      attachments: [{
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', weight: 'Bolder', size: 'Medium', wrap: true, text: '<state>: <alarmName>' },
            { type: 'TextBlock', wrap: true, text: '<reason>' },
            { type: 'TextBlock', isSubtle: true, wrap: true, text: '<region> <time>' },
          ],
        },
      }],
    };
    // EventBridge input transformer: `<name>` placeholders inside JSON strings are replaced
    // with the escaped values (EventBridge User Guide, "Amazon EventBridge input transformation").
    const template = JSON.stringify(card);
    const delivery = renderEventBridge(parent, 'Teams', { url: target.props.webhookUrl, auth: EndpointAuth.NONE, headers: {}, authProp: `${prop}.webhookUrl` }, {
      template,
      sample: template,
      inputPaths: {
        alarmName: '$.detail.alarmName',
        reason: '$.detail.state.reason',
        region: '$.region',
        state: '$.detail.state.value',
        time: '$.time',
      },
    }, {
      name,
      aws,
      eventPattern: alarmStatePattern(['ALARM', 'OK'], () => arns.map((a) => a())),
      ruleDescription: `State changes of the alarms that notify the Teams channel ${target.props.name} (${target.targetId})`.slice(0, 512),
      httpMethod: 'POST',
      // EventBridge API destinations: 1-300 invocations per second.
      rateLimit: 10,
      // EventBridge retry policy limits: 60-86400 s, 0-185 attempts.
      maximumEventAgeSeconds: 3600,
      maximumRetryAttempts: 10,
      deadLetterQueue: dl.queue,
      allowUnsigned: true,
      prop,
    });
    ruleArn = delivery.rule.arn;
    return { alarmArns: arns };
  });
  // The critical alarm of a monitor carries its ARN in the rendering (CloudWatch backend).
  const monitor = scope;
  route.alarmArns.push(() => (monitor.rendering(backend.id).resource as CloudwatchMetricAlarm).arn);
  return { viaEventBridge: true };
}

function subscribeEmail(
  target: EmailTarget, scope: IConstruct, _prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string,
): void {
  // The recipient must confirm the subscription from the e-mail SNS sends.
  new SnsTopicSubscription(parent, 'Subscription', {
    topicArn, protocol: 'email', endpoint: target.props.address, provider: backend.connectionFor(scope).provider,
  });
}

function subscribeWebhook(
  target: WebhookTarget, scope: IConstruct, prop: string, parent: Construct, backend: CloudWatchBackend, topicArn: string,
): void {
  const conn = target.props.connection;
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
    provider: backend.connectionFor(scope).provider,
  });
}

/**
 * The alarm actions of one CloudWatch alarm: collects the targets' action ARNs (at most 5:
 * PutMetricAlarm / PutCompositeAlarm `AlarmActions`). Every CloudWatch rendering (metric alarms,
 * SLO burn-rate composites, composites, anomaly alarms) collects its actions here.
 */
export class CloudWatchActions {
  private readonly arns: string[] = [];

  constructor(private readonly scope: IConstruct, private readonly backend: CloudWatchBackend, private readonly severity: Severity) {}

  /** Adds a target's actions. */
  public add(target: INotificationTarget): void {
    const b = cloudWatchBinding(this.scope, this.backend, target, this.severity);
    const arns = b.actionArns ?? [];
    if (!Array.isArray(arns)) fail(this.scope, 'targets', arns, 'a target whose CloudWatch binding gives a list of alarm action ARNs');
    for (const a of arns) {
      if (typeof a !== 'string' || (!isToken(a) && a.trim() === '')) fail(this.scope, 'targets', a, 'a target whose CloudWatch alarm actions are non-empty ARNs');
      if (!this.arns.includes(a)) this.arns.push(a);
    }
    // PutMetricAlarm / PutCompositeAlarm: AlarmActions holds at most 5 ARNs.
    if (this.arns.length > 5) fail(this.scope, 'targets', this.arns.length, 'at most 5 CloudWatch alarm actions per alarm (a CloudWatch limit)');
  }

  /** The action ARNs, in the order added. */
  public get all(): string[] {
    return [...this.arns];
  }
}
