import { TerraformResource } from 'cdktf';
import type { MonitorConfig } from './monitor-config';
import type { INotificationTarget } from '../notifications/targets';

/**
 * A system that evaluates monitors: it renders a backend-neutral `MonitorConfig` into its own
 * resources. Datadog, CloudWatch and Grafana ship with the library (`MonitorBackend.datadog()`,
 * `.cloudwatch()`, `.grafana()`); another system is another implementation of this interface,
 * with no change to `MonitorConfig`.
 */
export interface IMonitorBackend {
  /**
   * The kind of system, e.g. `datadog`, `cloudwatch`, `grafana`. Notification targets choose
   * how to bind by it.
   */
  readonly kind: string;
  /** Construct id of what the backend renders under each monitor (e.g. `Datadog`). */
  readonly id: string;
  /**
   * Render `monitor` under it (a child construct with id `id`). Throws a validation error
   * naming the monitor when the backend cannot express the monitor (a signal it cannot
   * evaluate, a window it does not accept…).
   */
  render(monitor: MonitorConfig): IRenderedMonitor;
}

/** What a backend rendered for one monitor. */
export interface IRenderedMonitor {
  /** The backend that rendered it. */
  readonly backend: IMonitorBackend;
  /** The main L1 resource (the escape hatch): a `datadog_monitor`, an `aws_cloudwatch_metric_alarm`, a `grafana_rule_group`. */
  readonly resource: TerraformResource;
  /**
   * Notify `target` too. Called by `MonitorConfig` for every target that takes the monitor's
   * severity, in the constructor or later through `addTarget()`.
   */
  addTarget(target: INotificationTarget): void;
}
