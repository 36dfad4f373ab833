import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { TerraformIterator, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { alarmMetric } from './metrics';
import { CloudWatchActions } from './notify';
import { escapedLiteral, libraryScope } from '../../core/private/template-escape';
import { optionalBoolean } from '../../core/private/validate';
import type { CatalogMonitorSpec, IRenderedCatalog } from '../../monitors/backend';
import { catalogMonitorLike } from '../../monitors/private/normalize';
import { MissingData } from '../../monitors/threshold';
import { SignalKind } from '../../signals/signal';
import type { CloudWatchBackend } from '../cloudwatch-monitor-backend';
import { cloudWatchAlarmArgs, warningName } from '../cloudwatch-rendered-monitor';

/** One catalog monitor prepared for CloudWatch: its alarm (and warning alarm) as `for_each` values. */
export interface CloudWatchCatalogEntry {
  readonly key: string;
  readonly alarm: Record<string, unknown>;
  readonly warning?: Record<string, unknown>;
}

/**
 * Check a catalog monitor for CloudWatch and compute its alarms' arguments (the same as a
 * `MonitorConfig`'s). A metric-math signal (its `metric_query` blocks differ in number from
 * monitor to monitor) and adoption (import blocks address one resource each) give `undefined`:
 * that monitor gets alarms of its own.
 */
export function prepareCloudWatchCatalogMonitor(
  catalog: Construct, spec: CatalogMonitorSpec, backend: CloudWatchBackend,
): CloudWatchCatalogEntry | undefined {
  const m = catalogMonitorLike(catalog, spec);
  if (spec.signal.cloudWatchMetricProps === undefined) {
    // A signal CloudWatch cannot evaluate at all is refused here, with the others' problems.
    if (spec.signal.kind !== SignalKind.CLOUDWATCH_EXPRESSION) alarmMetric(m, 'signal', spec.signal, spec.period);
    return undefined;
  }
  if (optionalBoolean(catalog, 'backends.adopt', backend.options.adopt, false)) return undefined;
  const args = cloudWatchAlarmArgs(m, backend);
  const actions = new CloudWatchActions(catalog, backend, spec.severity);
  for (const t of spec.targets) actions.add(t);
  const arns = actions.all;
  const value = (name: string, threshold: number, tags: Record<string, string>) => ({
    alarm_name: name,
    namespace: args.namespace,
    metric_name: args.metricName,
    dimensions: args.dimensions ?? null,
    period: args.period,
    statistic: args.statistic ?? null,
    extended_statistic: args.extendedStatistic ?? null,
    comparison_operator: args.comparisonOperator,
    threshold,
    evaluation_periods: args.evaluationPeriods,
    datapoints_to_alarm: args.datapointsToAlarm,
    treat_missing_data: args.treatMissingData,
    alarm_description: args.alarmDescription,
    tags,
    alarm_actions: arns,
    ok_actions: arns,
    insufficient_data_actions: spec.missingData === MissingData.MISSING ? arns : [],
  });
  return {
    key: spec.id,
    alarm: value(spec.title, spec.critical, args.tags!),
    warning: spec.warning === undefined ? undefined : value(warningName(spec.title), spec.warning, { ...args.tags!, level: 'warning' }),
  };
}

/**
 * Two `aws_cloudwatch_metric_alarm`s with `for_each` over the prepared monitors, keyed by
 * monitor id: the critical alarms and the warning alarms.
 */
export function renderCloudWatchCatalog(catalog: Construct, entries: CloudWatchCatalogEntry[], backend: CloudWatchBackend): IRenderedCatalog {
  const scope = libraryScope(new Construct(catalog, backend.id));
  const provider = backend.connectionFor(catalog).provider;
  const resources: TerraformResource[] = [];
  const render = (id: string, values: Record<string, Record<string, unknown>>) => {
    if (Object.keys(values).length === 0) return;
    const each = TerraformIterator.fromMap(escapedLiteral(values));
    resources.push(new CloudwatchMetricAlarm(scope, id, {
      forEach: each,
      alarmName: each.getString('alarm_name'),
      namespace: each.getString('namespace'),
      metricName: each.getString('metric_name'),
      dimensions: each.getStringMap('dimensions'),
      period: each.getNumber('period'),
      statistic: each.getString('statistic'),
      extendedStatistic: each.getString('extended_statistic'),
      comparisonOperator: each.getString('comparison_operator'),
      threshold: each.getNumber('threshold'),
      evaluationPeriods: each.getNumber('evaluation_periods'),
      datapointsToAlarm: each.getNumber('datapoints_to_alarm'),
      treatMissingData: each.getString('treat_missing_data'),
      alarmDescription: each.getString('alarm_description'),
      tags: each.getStringMap('tags'),
      alarmActions: each.getList('alarm_actions'),
      okActions: each.getList('ok_actions'),
      insufficientDataActions: each.getList('insufficient_data_actions'),
      provider,
    }));
  };
  const alarms: Record<string, Record<string, unknown>> = {};
  const warnings: Record<string, Record<string, unknown>> = {};
  for (const e of entries) {
    alarms[e.key] = e.alarm;
    if (e.warning) warnings[e.key] = e.warning;
  }
  render('Alarms', alarms);
  render('WarningAlarms', warnings);
  return { backend, resources };
}
