import { IConstruct } from 'constructs';
import type { GrafanaBackend } from './grafana-monitor-backend';
import { Severity } from '../core/severity';
import { INotificationTarget } from '../notifications/targets';

/** How a Grafana alert rule reaches one target. */
export interface GrafanaTargetBinding {
  /**
   * The name of the contact point that a route of the stack's notification policy leads to.
   * @default - none (then `routedByPolicy` must be true)
   */
  readonly contactPointName?: string;
  /**
   * An organization-wide notification policy (managed elsewhere, e.g. by an
   * IncidentRoutingStack) already routes the alert by its `severity` label, so no route is
   * added to this stack's policy.
   * @default false
   */
  readonly routedByPolicy?: boolean;
}

/**
 * A notification target that the Grafana backend can notify: implement it to route Grafana
 * alerts to a contact point of your own (from any jsii language). The built-in targets are
 * served by the backend itself.
 */
export interface IGrafanaNotificationTarget extends INotificationTarget {
  /**
   * How Grafana rules of `scope` reach this target.
   * @param scope the alerting construct (a MonitorConfig, an Slo …)
   * @param backend the Grafana backend
   * @param severity the severity of the alert
   */
  bindToGrafana(scope: IConstruct, backend: GrafanaBackend, severity: Severity): GrafanaTargetBinding;
}


