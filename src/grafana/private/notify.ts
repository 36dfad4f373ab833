import { IConstruct } from 'constructs';
import { ContactPoint, ContactPointConfig } from '../../bindings/grafana/contact-point';
import { targetScope } from '../../core/private/scopes';
import { fail } from '../../core/private/validate';
import { Severities, Severity } from '../../core/severity';
import {
  EmailTarget, INotificationTarget, OpsgenieTarget, PagerDutyTarget, SlackTarget, TeamsTarget, WebhookTarget,
} from '../../notifications/targets';
import { WebhookAuthType } from '../../webhooks/webhook-connection';
import type { GrafanaBackend } from '../grafana-monitor-backend';
import { GrafanaNotificationPolicy, MatchOperator } from '../grafana-notification-policy';
import type { GrafanaTargetBinding, IGrafanaNotificationTarget } from '../grafana-targets';

function implementsGrafana(t: INotificationTarget): t is IGrafanaNotificationTarget {
  return typeof (t as IGrafanaNotificationTarget).bindToGrafana === 'function';
}

/**
 * The binding of a target for the Grafana backend: its own `bindToGrafana`, or a contact point
 * per built-in target (once per stack and backend); a synth error naming both when neither exists.
 */
export function grafanaBinding(scope: IConstruct, backend: GrafanaBackend, target: INotificationTarget, severity: Severity): GrafanaTargetBinding {
  if (implementsGrafana(target)) {
    const b = target.bindToGrafana(scope, backend, severity);
    if (!b || (!b.contactPointName && !b.routedByPolicy)) {
      fail(scope, `targets.${target.targetId}`, b, `a GrafanaTargetBinding with a contactPointName or routedByPolicy from the target's bindToGrafana (backend ${backend.id})`);
    }
    return b;
  }
  const config = builtIn(target);
  if (!config) {
    return fail(scope, `targets.${target.targetId}`, target.targetId,
      `a target the Grafana backend "${backend.id}" can notify (a built-in target, or one implementing IGrafanaNotificationTarget); "${target.targetId}" cannot be notified through Grafana`);
  }
  // Contact points belong to one Grafana organization: a second (aliased) connection gets its own.
  const alias = backend.connectionFor(scope).alias;
  const scopeId = alias ? `${backend.id}-${alias}` : backend.id;
  return (target as SlackTarget)._bindOnce(scope, scopeId, (prop) => {
    const parent = targetScope(scope, target.targetId, scopeId);
    const name = target.targetId;
    const contactPoint = new ContactPoint(parent, 'ContactPoint', { ...config(scope, prop), name, provider: backend.connectionFor(scope).provider });
    // A reference, not the name: the policy routing to it then depends on the contact point
    // (Grafana refuses to delete a contact point a policy still uses).
    return { contactPointName: contactPoint.name };
  });
}

type ContactPointBody = Omit<ContactPointConfig, 'name'>;

function builtIn(target: INotificationTarget): ((scope: IConstruct, prop: string) => ContactPointBody) | undefined {
  if (target instanceof SlackTarget) return (scope, prop) => slackContactPoint(target, scope, prop);
  if (target instanceof PagerDutyTarget) {
    return (scope, prop) => ({
      pagerduty: [{ integrationKey: target.requireIntegrationKey(scope, prop, 'Grafana').value, severity: '{{ or .CommonLabels.pagerduty_severity "critical" }}' }],
    });
  }
  if (target instanceof EmailTarget) {
    return (scope, prop) => {
      // The provider joins `addresses` with ";" and splits them again on ",", ";" and newlines
      // (packAddrs/unpackAddrs in internal/resources/grafana/resource_alerting_contact_point_notifiers.go):
      // an address holding one of them would become several.
      if (/[,;\n]/.test(target.props.address)) fail(scope, `${prop}.address`, target.props.address, 'for Grafana an e-mail address without , or ;');
      return { email: [{ addresses: [target.props.address], singleEmail: true }] };
    };
  }
  if (target instanceof WebhookTarget) return () => webhookContactPoint(target);
  // Contact point `teams` block: `url` (required), title, message (terraform-provider-grafana
  // docs/resources/contact_point.md, "Nested Schema for teams"); Grafana posts to Workflows webhooks.
  if (target instanceof TeamsTarget) return () => ({ teams: [{ url: target.props.webhookUrl }] });
  // Contact point `opsgenie` block: `api_key` (required) and `url`, "Allows customization of the
  // Opsgenie API URL" (default https://api.opsgenie.com/v2/alerts; same provider doc): the
  // Alert API of the target's region.
  if (target instanceof OpsgenieTarget) {
    return () => ({ opsgenie: [{ apiKey: target.props.apiKey.value, url: `${target.apiUrl}/v2/alerts`, autoClose: true }] });
  }
  return undefined;
}

function slackContactPoint(target: SlackTarget, scope: IConstruct, prop: string): ContactPointBody {
  const conn = target.connectionFor(scope);
  const recipient = target.props.channelId ?? target.props.channel;
  if (target.props.webhookUrl) return { slack: [{ url: target.props.webhookUrl.value, recipient }] };
  if (!conn.botToken) fail(scope, `${prop}.webhookUrl`, undefined, 'an incoming-webhook Secret, or a SlackConnection with a botToken: Grafana posts to Slack with one of them');
  return { slack: [{ token: conn.botToken.value, recipient }] };
}

function webhookContactPoint(target: WebhookTarget): ContactPointBody {
  const conn = target.props.connection;
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

/**
 * The notifications of Grafana alert rules: each target becomes a `notify_<id>` label on the
 * rules and a route to its contact point in the stack's one notification policy. Every Grafana
 * rendering (monitor rules, SLO burn-rate rules) routes its targets here.
 */
export class GrafanaRouting {
  private readonly labels: Record<string, string> = {};

  /**
   * @param renotifyInterval minutes between re-notifications of an open alert (route `repeat_interval`)
   */
  constructor(
    private readonly scope: IConstruct,
    private readonly backend: GrafanaBackend,
    private readonly severity: Severity,
    private readonly renotifyInterval?: number,
  ) {}

  /** Adds a target; returns false when the organization's policy routes it already (nothing changed). */
  public add(target: INotificationTarget): boolean {
    const b = grafanaBinding(this.scope, this.backend, target, this.severity);
    if (b.routedByPolicy) return false;
    const label = `notify_${target.targetId.replace(/[^A-Za-z0-9_]/g, '_')}`;
    const every = this.renotifyInterval;
    const value = every === undefined ? 'true' : `every_${every}m`;
    this.labels[label] = value;
    const severities = Severities.all().filter((s: Severity) => target.severities.includes(s)).map((s) => Severities.label(s));
    GrafanaNotificationPolicy.of(this.scope, this.backend.connectionFor(this.scope)).addRoute({
      contactPoint: b.contactPointName!,
      matchers: [
        { label, match: MatchOperator.EQUAL, value },
        ...(severities.length === Severities.all().length ? [] : [{ label: 'severity', match: MatchOperator.REGEX, value: severities.join('|') }]),
      ],
      continueMatching: true,
      repeatInterval: every === undefined ? undefined : `${every}m`,
    });
    return true;
  }

  /** The routing labels the rules carry. */
  public get routeLabels(): Record<string, string> {
    return { ...this.labels };
  }
}
