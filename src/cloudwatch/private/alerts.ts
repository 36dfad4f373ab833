import { TerraformResource } from 'cdktf';
import { CloudWatchActions } from './notify';
import { Severity } from '../../core/severity';
import { IMonitorBackend, IRenderedAlerts } from '../../monitors/backend';
import { takesSeverity } from '../../notifications/private/check';
import type { INotificationTarget } from '../../notifications/targets';

/** An alarm (metric or composite) whose actions notify. */
export interface NotifyingAlarm {
  alarmActions: string[];
  okActions: string[];
}

/** One alarm that notifies for an alert of one severity. */
export interface CloudWatchAlert {
  readonly severity: Severity;
  readonly alarm: NotifyingAlarm;
  readonly actions: CloudWatchActions;
}

/** The notifying alarms of an SLO, a composite or an anomaly monitor. */
export class CloudWatchRenderedAlerts implements IRenderedAlerts {
  constructor(
    public readonly backend: IMonitorBackend,
    public readonly resources: TerraformResource[],
    private readonly alerts: CloudWatchAlert[],
  ) {}

  public addTarget(target: INotificationTarget): void {
    for (const a of this.alerts) {
      if (!takesSeverity(target, a.severity)) continue;
      a.actions.add(target);
      const arns = a.actions.all;
      if (arns.length === 0) continue;
      // Set on each target (cheaper than a lazy token per alarm).
      a.alarm.alarmActions = [...arns];
      a.alarm.okActions = [...arns];
    }
  }
}

/** `message` with the runbook link, as CloudWatch alarm descriptions carry it. */
export function describeAlarm(message: string, runbookUrl?: string): string {
  return message + (runbookUrl ? `\n\nRunbook: ${runbookUrl}` : '');
}
