import { Severity } from '../core/severity';
import { INotificationTarget } from '../notifications/targets';

/** What every alerting construct (MonitorConfig, CompositeMonitor, AnomalyMonitor) takes. */
export interface AlertOptions {
  /** The name (Datadog monitor name, CloudWatch alarm name, Grafana rule title). */
  readonly title: string;
  /** What the alert says. */
  readonly message: string;
  /**
   * How bad the alert is: targets are routed by it, Datadog's priority is `Severities.rank()`,
   * and it is a `severity` tag or label everywhere.
   * @default Severity.SEV3
   */
  readonly severity?: Severity;
  /**
   * Where responders find what to do.
   * @default - no runbook link
   */
  readonly runbookUrl?: string;
  /**
   * Tags (Datadog tags `key:value`, CloudWatch alarm tags, Grafana labels). Each backend checks
   * them against its own rules.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Re-notify while the alert stays open, every this many minutes (Datadog `renotify_interval`,
   * Grafana route `repeat_interval`; CloudWatch alarms notify once per state change).
   * @default - no re-notification
   */
  readonly renotifyInterval?: number;
  /**
   * Who to notify. More can be added with `addTarget()`.
   * @default - none
   */
  readonly targets?: INotificationTarget[];
}
