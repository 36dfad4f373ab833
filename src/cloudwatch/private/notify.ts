import { ChatbotSlackChannelConfiguration } from '@cdktf/provider-aws/lib/chatbot-slack-channel-configuration';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct, IConstruct } from 'constructs';
import { fail, isToken, requireString } from '../../core/private/validate';
import { Severity } from '../../core/severity';
import { EmailTarget, INotificationTarget, PagerDutyTarget, SlackTarget, WebhookTarget } from '../../notifications/targets';
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
