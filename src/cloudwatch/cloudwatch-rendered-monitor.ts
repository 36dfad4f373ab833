import { CloudwatchMetricAlarm, CloudwatchMetricAlarmConfig } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Annotations, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import type { CloudWatchBackend } from './cloudwatch-monitor-backend';
import { alarmMetric, validateAlarmWindow } from './private/metrics';
import { CloudWatchActions } from './private/notify';
import { awsTags } from '../aws/private/tags';
import { adoptExisting } from '../core/private/adopt';
import { claimName } from '../core/private/stack-registry';
import { fail, optionalBoolean } from '../core/private/validate';
import { IMonitorBackend, IRenderedMonitor } from '../monitors/backend';
import type { MonitorConfig } from '../monitors/monitor-config';
import { MonitorLike, monitorWhere } from '../monitors/private/normalize';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import type { INotificationTarget } from '../notifications/targets';

const COMPARISON: Record<ComparisonOperator, string> = {
  [ComparisonOperator.GREATER_THAN]: 'GreaterThanThreshold',
  [ComparisonOperator.GREATER_THAN_OR_EQUAL]: 'GreaterThanOrEqualToThreshold',
  [ComparisonOperator.LESS_THAN]: 'LessThanThreshold',
  [ComparisonOperator.LESS_THAN_OR_EQUAL]: 'LessThanOrEqualToThreshold',
};

const TREAT_MISSING: Record<MissingData, string> = {
  [MissingData.MISSING]: 'missing',
  [MissingData.BREACHING]: 'breaching',
  [MissingData.NOT_BREACHING]: 'notBreaching',
  [MissingData.IGNORE]: 'ignore',
};

// PutMetricAlarm: AlarmDescription is 0-1024 characters.
const DESCRIPTION_MAX = 1024;

/** The CloudWatch alarms a `MonitorConfig` rendered. */
export class CloudWatchRenderedMonitor extends Construct implements IRenderedMonitor {
  /** The backend. */
  public readonly backend: IMonitorBackend;
  /** The main resource (the critical alarm). */
  public readonly resource: TerraformResource;
  /** The critical alarm (escape hatch, typed). */
  public readonly alarm: CloudwatchMetricAlarm;
  /**
   * The warning alarm.
   * @default - none (no warning threshold)
   */
  public readonly warningAlarm?: CloudwatchMetricAlarm;
  private readonly actions: CloudWatchActions;
  private readonly monitor: MonitorConfig;

  constructor(monitor: MonitorConfig, backend: CloudWatchBackend) {
    super(monitor, backend.id);
    this.backend = backend;
    this.monitor = monitor;
    this.actions = new CloudWatchActions(monitor, backend, monitor.severity);
    const conn = backend.connectionFor(monitor);
    const common: Omit<CloudwatchMetricAlarmConfig, 'alarmName' | 'threshold'> = {
      ...cloudWatchAlarmArgs(monitor, backend),
      provider: conn.provider,
    };
    const tags = common.tags!;
    this.alarm = new CloudwatchMetricAlarm(this, 'Resource', { ...common, alarmName: monitor.title, threshold: monitor.critical });
    this.resource = this.alarm;
    if (monitor.warning !== undefined) {
      this.warningAlarm = new CloudwatchMetricAlarm(this, 'Warning', {
        ...common,
        alarmName: warningName(monitor.title),
        threshold: monitor.warning,
        tags: { ...tags, level: 'warning' },
      });
    }
    // The import id of aws_cloudwatch_metric_alarm is the alarm name.
    if (optionalBoolean(monitor, 'backends.adopt', backend.options.adopt, false)) {
      adoptExisting(monitor, 'title', this.alarm, monitor.title);
      if (this.warningAlarm) adoptExisting(monitor, 'title', this.warningAlarm, warningName(monitor.title));
    }
  }

  /** The alarm action ARNs (SNS topics), in the order added. */
  public get actionArns(): string[] {
    return this.actions.all;
  }

  /** Notify a target. */
  public addTarget(target: INotificationTarget): void {
    this.actions.add(target);
    const arns = this.actions.all;
    if (arns.length === 0) return;
    for (const alarm of [this.alarm, this.warningAlarm]) {
      if (!alarm) continue;
      alarm.alarmActions = [...arns];
      alarm.okActions = [...arns];
      if (this.monitor.missingData === MissingData.MISSING) alarm.insufficientDataActions = [...arns];
    }
  }
}

/** The arguments of a monitor's alarms other than name, threshold and actions, after checking its names are free. */
export function cloudWatchAlarmArgs(monitor: MonitorLike, backend: CloudWatchBackend): Omit<CloudwatchMetricAlarmConfig, 'alarmName' | 'threshold'> {
  const conn = backend.connectionFor(monitor);
  validateAlarmWindow(monitor, monitor.period, monitor.evaluationPeriods);
  const metric = alarmMetric(monitor, 'signal', monitor.signal, monitor.period);
  // Alarm names are unique per account and region.
  const names = monitor.warning === undefined ? [monitor.title] : [monitor.title, warningName(monitor.title)];
  for (const n of names) {
    if (!claimName(monitor, `cloudwatch-alarm:${conn.node.path}`, n)) {
      fail(monitor, 'title', monitor.title, 'a title not used by another monitor of this stack rendered to the same CloudWatch account and region (alarm names are unique)');
    }
  }
  const tags = awsTags(monitor, monitor.severity, monitor.tags);
  let description = monitor.message + (monitor.runbookUrl ? `\n\nRunbook: ${monitor.runbookUrl}` : '');
  if (description.length > DESCRIPTION_MAX) {
    Annotations.of(monitor).addWarning(`${monitorWhere(monitor)}: the CloudWatch alarm description is cut to ${DESCRIPTION_MAX} characters (PutMetricAlarm limit)`);
    description = `${description.slice(0, DESCRIPTION_MAX - 1)}…`;
  }
  if (monitor.criticalRecovery !== undefined || monitor.warningRecovery !== undefined) {
    Annotations.of(monitor).addWarning(`${monitorWhere(monitor)}: CloudWatch alarms have no recovery threshold; the alarm recovers as soon as the value stops breaching`);
  }
  return {
    ...metric,
    comparisonOperator: COMPARISON[monitor.comparison],
    evaluationPeriods: monitor.evaluationPeriods,
    datapointsToAlarm: monitor.datapointsToAlarm,
    treatMissingData: TREAT_MISSING[monitor.missingData],
    alarmDescription: description,
    tags,
  };
}

/** The name of a monitor's warning alarm. */
export function warningName(title: string): string {
  return `${title.slice(0, 245)} (warning)`;
}
