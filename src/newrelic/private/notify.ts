import type { AlertPolicy } from '@cdktf/provider-newrelic/lib/alert-policy';
import type { NotificationChannelProperty } from '@cdktf/provider-newrelic/lib/notification-channel';
import type { NotificationDestinationConfig } from '@cdktf/provider-newrelic/lib/notification-destination';
import type { Workflow } from '@cdktf/provider-newrelic/lib/workflow';
import { Fn, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CONDITIONS_PER_POLICY, NAME_MAX, WORKFLOW_FILTER_MAX } from './limits';
import { sharedScope, targetScope } from '../../core/private/scopes';
import { stackSingleton } from '../../core/private/stack-registry';
import { fail, isToken } from '../../core/private/validate';
import { Severity } from '../../core/severity';
import { takesSeverity } from '../../notifications/private/check';
import { EmailTarget, INotificationTarget, PagerDutyTarget, SlackTarget, WebhookTarget } from '../../notifications/targets';
import { WebhookAuthType } from '../../webhooks/webhook-connection';
import type { NewRelicConnection } from '../newrelic-connection';
import type { NewRelicBackend } from '../newrelic-monitor-backend';
import type { INewRelicNotificationTarget, NewRelicTargetBinding } from '../newrelic-targets';
import { newRelicL1 } from './provider';
import { EscapingLazy } from '../../core/private/template-escape';

// Workflow settings (terraform-provider-newrelic docs/resources/workflow): issue filters have
// `type = "FILTER"`; `labels.policyIds` lists "IDs of alert policies that triggered the incidents"
// and list attributes take `EXACTLY_MATCHES` ("check if the array contains one of the given
// items"); `muting_rules_handling` is one of DONT_NOTIFY_FULLY_MUTED_ISSUES,
// DONT_NOTIFY_FULLY_OR_PARTIALLY_MUTED_ISSUES, NOTIFY_ALL_ISSUES. `accumulations.conditionFamilyId`
// is the "list of the condition IDs" of an issue (docs.newrelic.com/docs/alerts/get-notified/
// custom-variables-alert-event-workflows). Channels for workflows need `product = "IINT"`.
const FILTER_TYPE = 'FILTER';
const MUTING = 'DONT_NOTIFY_FULLY_MUTED_ISSUES';
const PRODUCT = 'IINT';
export const DEFAULT_TRIGGERS = ['ACTIVATED', 'PRIORITY_CHANGED', 'CLOSED'];
const TRIGGERS = ['ACTIVATED', 'ACKNOWLEDGED', 'INVESTIGATING', 'PRIORITY_CHANGED', 'CLOSED', 'OTHER_UPDATES'];
// `{{ annotations.title.[0] }}` is the issue title (provider docs/resources/notification_channel,
// Jira example); `issueId`, `issuePageUrl`, `priority` are in its PagerDuty customDetails example.
const TITLE = '{{ annotations.title.[0] }}';
const WEBHOOK_PAYLOAD = [
  '{',
  '  "id": {{ json issueId }},',
  '  "title": {{ json annotations.title.[0] }},',
  '  "priority": {{ json priority }},',
  '  "state": {{ json state }},',
  '  "url": {{ json issuePageUrl }},',
  '  "conditions": {{ json accumulations.conditionName }},',
  '  "runbooks": {{ json accumulations.runbookUrl }}',
  '}',
].join('\n');
// Destination ids are UUIDs (provider docs, e.g. `destination_id = "00b6bd1d-ac06-4d3d-bd72-49551e70f7a8"`).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The alert policy of a backend in a stack, with the workflows that route its issues. */
export interface PolicyContext {
  readonly policy: AlertPolicy;
  readonly connection: NewRelicConnection;
  readonly name: string;
  readonly scope: Construct;
  conditions: number;
  readonly routes: Map<string, Route>;
}

interface Route {
  readonly workflow: Workflow;
  readonly conditionIds: string[];
  readonly channels: { channelId: string; triggers: string[] }[];
}

/**
 * The `newrelic_alert_policy` of a backend, created once per stack and backend (and so once per
 * connection): issues are created per condition and signal (`PER_CONDITION_AND_TARGET`,
 * provider docs/resources/alert_policy), so each issue has the conditions of one monitor and
 * the workflows can route it by condition.
 */
export function policyFor(scope: IConstruct, backend: NewRelicBackend, connection: NewRelicConnection): PolicyContext {
  const all: Map<string, PolicyContext> = stackSingleton(scope, 'newrelic:policies', () => new Map());
  const hit = all.get(backend.id);
  if (hit) {
    if (hit.connection !== connection) {
      fail(scope, 'backends', backend.id, `a New Relic backend id used with one connection only in stack ${TerraformStack.of(scope).node.id} (give the backend of ${connection.node.path} its own id)`);
    }
    if (++hit.conditions > CONDITIONS_PER_POLICY) {
      fail(scope, 'backends', backend.id, `at most ${CONDITIONS_PER_POLICY} alert conditions per New Relic policy (New Relic limit): split the monitors over backends with their own ids`);
    }
    return hit;
  }
  const name = backend.options.policyName ?? `${TerraformStack.of(scope).node.id} (${backend.id})`;
  if (!isToken(name) && (name.length < 1 || name.length > NAME_MAX)) {
    fail(scope, 'policyName', name, `a New Relic alert policy name of 1-${NAME_MAX} characters`);
  }
  const parent = sharedScope(scope, `NewRelicAlerts-${backend.id}`);
  const policy = new (newRelicL1.alertPolicy().AlertPolicy)(parent, 'Policy', {
    name,
    accountId: connection.accountId,
    incidentPreference: 'PER_CONDITION_AND_TARGET',
    provider: connection.provider,
  });
  const ctx: PolicyContext = { policy, connection, name, scope: parent, conditions: 1, routes: new Map() };
  all.set(backend.id, ctx);
  return ctx;
}

/** The numeric condition id of a `newrelic_nrql_alert_condition` (its id is `<policy_id>:<condition_id>`, provider docs). */
export function conditionIdOf(resourceId: string): string {
  return Fn.element(Fn.split(':', resourceId), 1);
}

/**
 * The notifications of one alert condition: each target that takes the alert's severity gets
 * the condition added to its workflow.
 */
export class NewRelicNotifier {
  private readonly targets: string[] = [];

  constructor(private readonly scope: IConstruct, private readonly backend: NewRelicBackend, private readonly ctx: PolicyContext,
    private readonly severity: Severity, private readonly conditionId: string) {}

  /** Notify `target` (when it takes the alert's severity). */
  public add(target: INotificationTarget): void {
    if (!takesSeverity(target, this.severity) || this.targets.includes(target.targetId)) return;
    this.targets.push(target.targetId);
    const binding = newRelicBinding(this.scope, this.backend, target, this.severity);
    const route = routeFor(this.scope, this.backend, this.ctx, target, binding);
    if (!route.conditionIds.includes(this.conditionId)) route.conditionIds.push(this.conditionId);
  }

  /** The ids of the targets notified, in the order added. */
  public get targetIds(): string[] {
    return [...this.targets];
  }
}

function routeFor(scope: IConstruct, backend: NewRelicBackend, ctx: PolicyContext, target: INotificationTarget,
  binding: NewRelicTargetBinding): Route {
  const triggers = binding.notificationTriggers ?? DEFAULT_TRIGGERS;
  let route = ctx.routes.get(target.targetId);
  if (!route) {
    const conditionIds: string[] = [];
    const channels: { channelId: string; triggers: string[] }[] = [];
    const parent = targetScope(scope, target.targetId, backend.id);
    const workflow = new (newRelicL1.workflow().Workflow)(parent, 'Workflow', {
      name: `${ctx.name}: ${target.targetId}`,
      accountId: ctx.connection.accountId,
      mutingRulesHandling: MUTING,
      issuesFilter: {
        name: `${target.targetId} conditions`,
        type: FILTER_TYPE,
        predicate: [
          { attribute: 'labels.policyIds', operator: 'EXACTLY_MATCHES', values: [ctx.policy.id] },
          { attribute: 'accumulations.conditionFamilyId', operator: 'EXACTLY_MATCHES', values: EscapingLazy.listValue({ produce: () => conditionIds }) },
        ],
      },
      destination: EscapingLazy.anyValue({ produce: () => channels.map((c) => ({ channel_id: c.channelId, notification_triggers: c.triggers })) }),
      provider: ctx.connection.provider,
    });
    workflow.node.addValidation({
      validate: () => {
        // The filter holds the policy id and one id per condition; ids are unknown at synth,
        // so each is counted at the 20 digits of a 64-bit integer plus separators.
        const size = 200 + 22 * conditionIds.length;
        return size > WORKFLOW_FILTER_MAX
          ? [`${workflow.node.path}: the New Relic workflow filter of target ${target.targetId} would exceed ${WORKFLOW_FILTER_MAX} characters (New Relic limit) with ${conditionIds.length} conditions; split the monitors over backends with their own ids`]
          : [];
      },
    });
    route = { workflow, conditionIds, channels };
    ctx.routes.set(target.targetId, route);
  }
  if (!route.channels.some((c) => c.channelId === binding.channelId)) route.channels.push({ channelId: binding.channelId, triggers: [...triggers] });
  return route;
}

function implementsNewRelic(t: INotificationTarget): t is INewRelicNotificationTarget {
  return typeof (t as INewRelicNotificationTarget).bindToNewRelic === 'function';
}

/**
 * The binding of a target for the New Relic backend: its own `bindToNewRelic`, or a
 * destination and channel per built-in target (once per stack and backend); a synth error
 * naming both when neither exists.
 */
export function newRelicBinding(scope: IConstruct, backend: NewRelicBackend, target: INotificationTarget, severity: Severity): NewRelicTargetBinding {
  if (implementsNewRelic(target)) {
    const b = target.bindToNewRelic(scope, backend, severity);
    if (!b || typeof b.channelId !== 'string' || b.channelId === '') {
      fail(scope, `targets.${target.targetId}`, b, `a NewRelicTargetBinding with a channelId from the target's bindToNewRelic (backend ${backend.id})`);
    }
    for (const t of b.notificationTriggers ?? []) {
      if (!TRIGGERS.includes(t)) fail(scope, `targets.${target.targetId}.notificationTriggers`, t, `one of ${TRIGGERS.join(', ')}`);
    }
    return b;
  }
  const make = builtIn(target);
  if (!make) {
    return fail(scope, `targets.${target.targetId}`, target.targetId,
      `a target the New Relic backend "${backend.id}" can notify (a built-in target, or one implementing INewRelicNotificationTarget); "${target.targetId}" cannot be notified through New Relic`);
  }
  return (target as EmailTarget)._bindOnce(scope, backend.id, (prop) => {
    const parent = targetScope(scope, target.targetId, backend.id);
    const conn = backend.connectionFor(scope);
    return { channelId: make(scope, prop, parent, backend, conn) };
  });
}

type Make = (scope: IConstruct, prop: string, parent: Construct, backend: NewRelicBackend, conn: NewRelicConnection) => string;

function builtIn(target: INotificationTarget): Make | undefined {
  if (target instanceof EmailTarget) return (...a) => email(target, ...a);
  if (target instanceof WebhookTarget) return (...a) => webhook(target, ...a);
  if (target instanceof PagerDutyTarget) return (...a) => pagerDuty(target, ...a);
  if (target instanceof SlackTarget) return (...a) => slack(target, ...a);
  return undefined;
}

function channel(parent: Construct, conn: NewRelicConnection, name: string, type: string, destinationId: string,
  property: NotificationChannelProperty[]): string {
  return new (newRelicL1.notificationChannel().NotificationChannel)(parent, 'Channel', {
    name, type, destinationId, product: PRODUCT, property, accountId: conn.accountId, provider: conn.provider,
  }).id;
}

function destination(parent: Construct, conn: NewRelicConnection, config: Omit<NotificationDestinationConfig, 'accountId' | 'provider'>): string {
  return new (newRelicL1.notificationDestination().NotificationDestination)(parent, 'Destination', { ...config, accountId: conn.accountId, provider: conn.provider }).id;
}

/** E-mail: an EMAIL destination (property `email`) and an EMAIL channel (property `subject`), provider docs. */
function email(target: EmailTarget, _scope: IConstruct, _prop: string,
  parent: Construct, backend: NewRelicBackend, conn: NewRelicConnection): string {
  const name = `${target.targetId} (${backend.id})`;
  const dest = destination(parent, conn, { name, type: 'EMAIL', property: [{ key: 'email', value: target.props.address }] });
  return channel(parent, conn, name, 'EMAIL', dest, [{ key: 'subject', value: TITLE }]);
}

/**
 * Webhook: a WEBHOOK destination (property `url`) with `auth_basic`, `auth_token` (prefix
 * `Bearer`) or `auth_custom_header` (provider docs/resources/notification_destination), and a
 * WEBHOOK channel whose `payload` is a JSON template of the issue. New Relic does not sign
 * payloads: an HMAC-signed webhook is a synth error.
 */
function webhook(target: WebhookTarget, scope: IConstruct, prop: string,
  parent: Construct, backend: NewRelicBackend, conn: NewRelicConnection): string {
  const hook = target.props.connection;
  const name = `${target.targetId} (${backend.id})`;
  const secret = hook.auth.secret?.value;
  const config: Omit<NotificationDestinationConfig, 'accountId' | 'provider'> = { name, type: 'WEBHOOK', property: [{ key: 'url', value: hook.url }] };
  let auth: Partial<NotificationDestinationConfig> = {};
  switch (hook.auth.type) {
    case WebhookAuthType.NONE:
      break;
    case WebhookAuthType.BASIC:
      auth = { authBasic: { user: hook.auth.username!, password: secret! } };
      break;
    case WebhookAuthType.BEARER:
      auth = { authToken: { prefix: 'Bearer', token: secret! } };
      break;
    case WebhookAuthType.API_KEY_HEADER:
      auth = { authCustomHeader: [{ key: hook.auth.headerName!, value: secret! }] };
      break;
    default:
      return fail(scope, `${prop}.connection.auth`, hook.auth.type,
        'for New Relic a webhook with no, basic, bearer-token or API-key-header authentication (New Relic webhook destinations cannot sign payloads with HMAC)');
  }
  const dest = destination(parent, conn, { ...config, ...auth });
  return channel(parent, conn, name, 'WEBHOOK', dest, [{ key: 'payload', value: WEBHOOK_PAYLOAD, label: 'Payload Template' }]);
}

/**
 * PagerDuty: a PAGERDUTY_SERVICE_INTEGRATION destination whose `auth_token` is the service's
 * integration key (prefix `Token token=`, as in the provider docs' example) and a channel with
 * the `summary` it requires.
 */
function pagerDuty(target: PagerDutyTarget, scope: IConstruct, prop: string,
  parent: Construct, backend: NewRelicBackend, conn: NewRelicConnection): string {
  const key = target.requireIntegrationKey(scope, prop, 'New Relic');
  const name = `${target.targetId} (${backend.id})`;
  const dest = destination(parent, conn, {
    name, type: 'PAGERDUTY_SERVICE_INTEGRATION', property: [{ key: '', value: '' }], authToken: { prefix: 'Token token=', token: key.value },
  });
  return channel(parent, conn, name, 'PAGERDUTY_SERVICE_INTEGRATION', dest, [{ key: 'summary', value: TITLE }]);
}

/**
 * Slack: New Relic's Slack destinations are created by an OAuth install in the browser and
 * "cannot be created via terraform" (provider docs/resources/notification_destination, "Slack"),
 * so the backend needs the id of the installed destination (`slackDestinationId`) and the
 * channel id (`channelId`, the SLACK channel's required property).
 */
function slack(target: SlackTarget, scope: IConstruct, prop: string, parent: Construct, backend: NewRelicBackend, conn: NewRelicConnection): string {
  const destinationId = backend.options.slackDestinationId;
  if (destinationId === undefined) {
    fail(scope, `backends.${backend.id}.slackDestinationId`, undefined,
      'the id of the New Relic Slack destination installed in the New Relic UI (Slack destinations need an OAuth install and cannot be created with Terraform)');
  }
  if (!isToken(destinationId) && !UUID.test(destinationId)) fail(scope, `backends.${backend.id}.slackDestinationId`, destinationId, 'a New Relic destination id (a UUID)');
  if (!target.props.channelId) fail(scope, `${prop}.channelId`, undefined, 'the Slack channel id (e.g. C0123ABCD): New Relic Slack channels are addressed by id');
  return channel(parent, conn, `${target.targetId} (${backend.id})`, 'SLACK', destinationId, [{ key: 'channelId', value: target.props.channelId }]);
}
