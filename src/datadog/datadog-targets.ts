import { IConstruct } from 'constructs';
import type { DatadogBackend } from './datadog-monitor-backend';
import { Severity } from '../core/severity';
import { INotificationTarget } from '../notifications/targets';

/** How a Datadog monitor notifies one target. */
export interface DatadogTargetBinding {
  /**
   * An `@` mention in the monitor message, e.g. `@slack-acme-alerts`; the backend puts it in
   * the message's alert, warning, no-data and recovery blocks.
   * @default - none (then `messageText` must be set)
   */
  readonly handle?: string;
  /**
   * Text added to the monitor message as it is (with its own conditional blocks), for targets
   * whose handles differ between alerts and recoveries.
   * @default - none
   */
  readonly messageText?: string;
}

/**
 * A notification target that the Datadog backend can notify: implement it to send Datadog
 * alerts to a target of your own (from any jsii language). The built-in targets are served by
 * the backend itself.
 */
export interface IDatadogNotificationTarget extends INotificationTarget {
  /**
   * How Datadog monitors of `scope` notify this target. Called for every alert the target
   * hears (bind once per stack and backend where it creates resources).
   * @param scope the alerting construct (a MonitorConfig, an Slo …)
   * @param backend the Datadog backend
   * @param severity the severity of the alert
   */
  bindToDatadog(scope: IConstruct, backend: DatadogBackend, severity: Severity): DatadogTargetBinding;
}


