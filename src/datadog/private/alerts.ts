import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { TerraformResource } from 'cdktf';
import { DatadogMessage } from './notify';
import { Severity } from '../../core/severity';
import { IMonitorBackend, IRenderedAlerts } from '../../monitors/backend';
import { takesSeverity } from '../../notifications/private/check';
import type { INotificationTarget } from '../../notifications/targets';

/** One Datadog monitor that notifies for an alert of one severity. */
export interface DatadogAlert {
  readonly severity: Severity;
  readonly monitor: Monitor;
  readonly notifications: DatadogMessage;
  /** The monitor message with the notifications so far. */
  readonly message: () => string;
}

/** The Datadog monitors of an SLO, a composite or an anomaly monitor. */
export class DatadogRenderedAlerts implements IRenderedAlerts {
  constructor(
    public readonly backend: IMonitorBackend,
    public readonly resources: TerraformResource[],
    private readonly alerts: DatadogAlert[],
  ) {}

  public addTarget(target: INotificationTarget): void {
    for (const a of this.alerts) {
      if (!takesSeverity(target, a.severity)) continue;
      a.notifications.add(target);
      // Rendered again on each target (cheaper than a lazy token per monitor).
      a.monitor.message = a.message();
    }
  }
}
