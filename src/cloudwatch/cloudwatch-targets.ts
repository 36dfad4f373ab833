import { IConstruct } from 'constructs';
import type { CloudWatchBackend } from './cloudwatch-monitor-backend';
import { Severity } from '../core/severity';
import { INotificationTarget } from '../notifications/targets';

/** How a CloudWatch alarm notifies one target. */
export interface CloudWatchTargetBinding {
  /**
   * Alarm action ARNs (SNS topics…) the alarm notifies on ALARM and OK (and on missing data
   * where the monitor says so).
   * @default - none (then `viaEventBridge` must be true)
   */
  readonly actionArns?: string[];
  /**
   * The target follows the alarm's state changes through EventBridge and needs no alarm action
   * (it registers the alarm itself when it binds).
   * @default false
   */
  readonly viaEventBridge?: boolean;
}

/**
 * A notification target that the CloudWatch backend can notify: implement it to send alarms to
 * a target of your own (from any jsii language), e.g. with `backend.notificationTopic(scope, id)`
 * and a subscription. The built-in targets are served by the backend itself.
 */
export interface ICloudWatchNotificationTarget extends INotificationTarget {
  /**
   * How CloudWatch alarms of `scope` notify this target.
   * @param scope the alerting construct (a MonitorConfig, an Slo …)
   * @param backend the CloudWatch backend
   * @param severity the severity of the alert
   */
  bindToCloudWatch(scope: IConstruct, backend: CloudWatchBackend, severity: Severity): CloudWatchTargetBinding;
}


