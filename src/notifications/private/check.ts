import { IConstruct } from 'constructs';
import { fail } from '../../core/private/validate';
import { Severities } from '../../core/severity';
import type { INotificationTarget } from '../targets';

/** Whether `target` looks like a notification target (a jsii object from any language). */
export function isNotificationTarget(target: unknown): target is INotificationTarget {
  return !!target && typeof (target as INotificationTarget).targetId === 'string' && Array.isArray((target as INotificationTarget).severities);
}

/** Adds `target` to `existing` after checking it is a target with an id not yet in the list. */
export function checkTarget(scope: IConstruct, existing: INotificationTarget[], target: INotificationTarget): void {
  const t = target as unknown as { targetId?: unknown; severities?: unknown } | null | undefined;
  if (t && typeof t === 'object' && typeof t.targetId === 'string') {
    const severities = t.severities;
    if (!Array.isArray(severities) || severities.length === 0 || severities.some((s) => !Severities.isSeverity(s))) {
      fail(scope, `targets.${t.targetId}.severities`, severities, 'a non-empty list of Severity values (SEV1 … SEV5)');
    }
  }
  if (!isNotificationTarget(target)) {
    fail(scope, 'targets', target, 'INotificationTarget values (NotificationTarget.slack(), pagerDuty(), email(), webhook(), JiraWorkflow.target() …)');
  }
  if (existing.some((x) => x.targetId === target.targetId)) {
    fail(scope, 'targets', target.targetId, 'targets with distinct ids (this one is already notified)');
  }
}

/** Whether `target` takes `severity`. */
export function takesSeverity(target: INotificationTarget, severity: string): boolean {
  return Array.isArray(target.severities) && (target.severities as string[]).includes(severity);
}
