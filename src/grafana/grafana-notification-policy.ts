import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GrafanaConnection } from './grafana-connection';
import { MATCH_OPERATORS } from './private/provider-rules';
import { NotificationPolicy } from '../bindings/grafana/notification-policy/index';
import { stackRegistry } from '../core/private/stack-registry';
import { EscapingLazy, libraryScope } from '../core/private/template-escape';
import { fail, requirePattern, requireString } from '../core/private/validate';

/** How a matcher compares a label (Alertmanager matcher operators). */
export enum MatchOperator {
  /** Equal. */
  EQUAL = '=',
  /** Not equal. */
  NOT_EQUAL = '!=',
  /** Matches the regular expression. */
  REGEX = '=~',
  /** Does not match the regular expression. */
  NOT_REGEX = '!~',
}

/** One label matcher of a route. */
export interface RouteMatcher {
  /** The label name. */
  readonly label: string;
  /** How the label is compared. */
  readonly match: MatchOperator;
  /** The value or regular expression. */
  readonly value: string;
}

/** A route of the Grafana notification policy tree. */
export interface GrafanaRoute {
  /**
   * The contact point alerts matching the route go to: its name, or better a reference to it
   * (`contactPoint.name` of a `grafana_contact_point`), so that Terraform orders the two.
   */
  readonly contactPoint: string;
  /** All must match. */
  readonly matchers: RouteMatcher[];
  /**
   * Keep matching the routes after this one (so several routes can notify for one alert).
   * @default true
   */
  readonly continueMatching?: boolean;
  /**
   * Re-notify an open alert this often (Grafana duration, e.g. `4h`).
   * @default - the policy's default
   */
  readonly repeatInterval?: string;
}

/** Props of a `GrafanaNotificationPolicy`. */
export interface GrafanaNotificationPolicyProps {
  /**
   * The Grafana connection (one policy tree per organization, so one per connection and stack).
   * @default GrafanaConnection.of(scope)
   */
  readonly connection?: GrafanaConnection;
  /**
   * Contact point of alerts no route matches.
   * @default "grafana-default-email" (the contact point a new Grafana organization has)
   */
  readonly defaultContactPoint?: string;
  /**
   * Labels alerts are grouped by.
   * @default ["grafana_folder", "alertname"]
   */
  readonly groupBy?: string[];
  /**
   * How often an open alert is re-notified when its route does not say.
   * @default "4h"
   */
  readonly repeatInterval?: string;
}

// Label names of matchers and group_by (Prometheus label names). The provider itself asks only
// for non-empty group_by entries (internal/resources/grafana/resource_alerting_notification_policy.go,
// StringIsNotEmpty) and one of MATCH_OPERATORS for a matcher (private/provider-rules.ts).
const LABEL = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

/**
 * The Grafana notification policy tree of one organization. Grafana keeps a single tree per
 * organization, so the library assembles one `grafana_notification_policy` per Grafana
 * connection and stack: monitors (and you) add routes from anywhere with
 * `GrafanaNotificationPolicy.of(scope).addRoute(...)`, and the tree renders lazily with its
 * routes in the order they were added: Grafana evaluates routes in order, and a route with
 * `continueMatching: false` stops the evaluation, so the order is the author's (the same
 * program always gives the same tree). Routes to contact points of the library name them by
 * reference, so Terraform creates the contact points before the policy and destroys them after
 * it. Do not manage the same organization's policy from two stacks.
 */
export class GrafanaNotificationPolicy extends Construct {
  /**
   * The policy of the stack of `scope` for a connection, created with defaults on first use.
   * @param connection default: GrafanaConnection.of(scope)
   */
  public static of(scope: IConstruct, connection?: GrafanaConnection): GrafanaNotificationPolicy {
    const conn = connection ?? GrafanaConnection.of(scope);
    const existing = stackRegistry(scope).get(registryKey(conn));
    if (existing) return existing;
    return new GrafanaNotificationPolicy(TerraformStack.of(scope), conn.alias ? `GrafanaNotificationPolicy-${conn.alias}` : 'GrafanaNotificationPolicy', { connection: conn });
  }

  /** The `grafana_notification_policy` (escape hatch). */
  public readonly resource: NotificationPolicy;
  /** The connection. */
  public readonly connection: GrafanaConnection;
  private readonly routes = new Map<string, GrafanaRoute>();

  constructor(scope: Construct, id: string, props: GrafanaNotificationPolicyProps = {}) {
    super(scope, id);
    libraryScope(this);
    this.connection = props.connection ?? GrafanaConnection.of(this);
    const key = registryKey(this.connection);
    const reg = stackRegistry(this);
    if (reg.has(key)) {
      fail(this, 'connection', this.connection.node.path, 'a Grafana connection whose notification policy is not yet defined in this stack (use GrafanaNotificationPolicy.of(scope))');
    }
    reg.set(key, this);
    const dflt = props.defaultContactPoint === undefined ? 'grafana-default-email' : requireString(this, 'defaultContactPoint', props.defaultContactPoint);
    const groupBy = props.groupBy ?? ['grafana_folder', 'alertname'];
    if (!Array.isArray(groupBy) || groupBy.length === 0) fail(this, 'groupBy', groupBy, 'a non-empty list of label names');
    groupBy.forEach((g, i) => { if (g !== '...') requirePattern(this, `groupBy[${i}]`, g, LABEL, 'label names (or "...")'); });
    const repeat = props.repeatInterval === undefined ? '4h' : requirePattern(this, 'repeatInterval', props.repeatInterval, DURATION, 'a duration such as 30m or 4h');
    this.resource = new NotificationPolicy(this, 'Resource', {
      contactPoint: dflt,
      groupBy,
      repeatInterval: repeat,
      policy: EscapingLazy.anyValue({ produce: () => this.renderRoutes() }, { omitEmptyArray: true }) as any,
      provider: this.connection.provider,
    });
  }

  /**
   * Add a route after the routes added so far (an identical route added twice is kept once,
   * at its first place).
   */
  public addRoute(route: GrafanaRoute): void {
    requireString(this, 'route.contactPoint', route?.contactPoint);
    if (!Array.isArray(route.matchers) || route.matchers.length === 0) fail(this, 'route.matchers', route.matchers, 'at least one matcher');
    for (const m of route.matchers) {
      requirePattern(this, 'route.matchers.label', m?.label, LABEL, 'a label name (a letter or _, then letters, digits or _)');
      if (!(MATCH_OPERATORS as readonly string[]).includes(m.match)) fail(this, 'route.matchers.match', m.match, 'a MatchOperator (=, !=, =~, !~)');
      if (typeof m.value !== 'string') fail(this, 'route.matchers.value', m.value, 'a string');
    }
    if (route.repeatInterval !== undefined) requirePattern(this, 'route.repeatInterval', route.repeatInterval, DURATION, 'a duration such as 30m or 4h');
    const norm: GrafanaRoute = {
      contactPoint: route.contactPoint,
      matchers: [...route.matchers].sort((a, b) => `${a.label}${a.match}${a.value}`.localeCompare(`${b.label}${b.match}${b.value}`)),
      continueMatching: route.continueMatching ?? true,
      repeatInterval: route.repeatInterval,
    };
    this.routes.set(JSON.stringify(norm), norm);
  }

  /** The routes, in the order they were added. */
  public get allRoutes(): GrafanaRoute[] {
    return [...this.routes.values()];
  }

  private renderRoutes(): any[] {
    return this.allRoutes.map((r) => ({
      contact_point: r.contactPoint,
      continue: r.continueMatching,
      matcher: r.matchers.map((m) => ({ label: m.label, match: m.match, value: m.value })),
      repeat_interval: r.repeatInterval,
    }));
  }
}

function registryKey(conn: GrafanaConnection): string {
  return `monitoring:grafana-policy:${conn.node.path}`;
}
