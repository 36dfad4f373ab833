import { IConstruct } from 'constructs';
import type { NewRelicBackend } from './newrelic-monitor-backend';
import { Severity } from '../core/severity';
import { INotificationTarget } from '../notifications/targets';

/**
 * How New Relic reaches one target: a notification channel (`newrelic_notification_channel`
 * with `product = "IINT"`) that the backend puts in the target's workflow.
 *
 * New Relic lets a channel be used by one workflow only ("each channel can only be used in a
 * single workflow", terraform-provider-newrelic docs/resources/workflow, "Nested destination
 * blocks"): return a channel made for this backend.
 */
export interface NewRelicTargetBinding {
  /** The channel id, e.g. `newrelic_notification_channel.x.id` (a Terraform reference). */
  readonly channelId: string;
  /**
   * The issue events that notify (`ACTIVATED`, `ACKNOWLEDGED`, `INVESTIGATING`,
   * `PRIORITY_CHANGED`, `CLOSED`, `OTHER_UPDATES`; provider docs/resources/workflow,
   * "Notification Triggers").
   * @default ["ACTIVATED", "PRIORITY_CHANGED", "CLOSED"]
   */
  readonly notificationTriggers?: string[];
}

/**
 * A notification target that the New Relic backend can notify: implement it to send New Relic
 * issues to a target of your own (from any jsii language). The built-in targets (e-mail,
 * webhook, PagerDuty, Slack) are served by the backend itself.
 *
 * The backend creates one `newrelic_workflow` per target and backend that routes the issues of
 * the alert conditions that notify the target (by policy id and condition id) to the channel
 * `bindToNewRelic` returns.
 */
export interface INewRelicNotificationTarget extends INotificationTarget {
  /**
   * The channel New Relic alerts of `scope` notify. Called for every alert the target hears:
   * create resources once per stack and backend.
   * @param scope the alerting construct (a MonitorConfig, an AnomalyMonitor …)
   * @param backend the New Relic backend
   * @param severity the severity of the alert
   */
  bindToNewRelic(scope: IConstruct, backend: NewRelicBackend, severity: Severity): NewRelicTargetBinding;
}
