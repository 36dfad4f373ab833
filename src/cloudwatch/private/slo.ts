import { CloudwatchCompositeAlarm } from '@cdktf/provider-aws/lib/cloudwatch-composite-alarm';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { CloudWatchAlert, CloudWatchRenderedAlerts, describeAlarm } from './alerts';
import { queryMetric } from './metrics';
import { CloudWatchActions } from './notify';
import { awsTags } from '../../aws/private/tags';
import { claimName } from '../../core/private/stack-registry';
import { fail } from '../../core/private/validate';
import { shortDuration } from '../../monitors/private/alerting';
import type { Slo } from '../../monitors/slo';
import { SignalKind, Statistic } from '../../signals/signal';
import type { CloudWatchBackend } from '../cloudwatch-monitor-backend';

/**
 * An SLO on CloudWatch (ratio of CloudWatch metrics): per burn-rate alert two metric-math alarms
 * computing `(total - good) / total / (1 - target)` over the long and the short window, and an
 * `aws_cloudwatch_composite_alarm` `ALARM(long) AND ALARM(short)` that notifies.
 */
export function renderCloudWatchSlo(slo: Slo, backend: CloudWatchBackend): CloudWatchRenderedAlerts {
  const ratio = slo.indicator.ratioProps;
  if (!ratio) fail(slo, 'indicator', 'SloIndicator.monitors(...)', 'for CloudWatch a ratio indicator (CloudWatch has no monitor-based SLO)');
  for (const k of ['good', 'total'] as const) {
    const s = ratio[k];
    if (s.kind !== SignalKind.CLOUDWATCH_METRIC) fail(slo, `indicator.${k}`, s.toString(), 'for CloudWatch a CloudWatch metric (Signal.cloudWatchMetric or Signal.awsMetric)');
  }
  const parent = new Construct(slo, backend.id);
  const conn = backend.connectionFor(slo);
  const budget = slo.errorBudget;
  const resources: TerraformResource[] = [];
  const alerts: CloudWatchAlert[] = [];
  const claim = (name: string) => {
    if (!claimName(slo, `cloudwatch-alarm:${conn.node.path}`, name)) {
      fail(slo, 'name', slo.name, 'a name whose alarm names are not used by another alarm of this stack in the same CloudWatch account and region');
    }
  };
  slo.burnRateAlerts.forEach((a, i) => {
    const p = a.props;
    const severity = slo.severityOf(a);
    const tags = awsTags(slo, severity, slo.tags);
    const windowAlarm = (which: string, minutes: number) => {
      const seconds = minutes * 60;
      // PutMetricAlarm: a period of a multiple of 60 seconds; period × evaluation periods at most
      // one day for periods under an hour, 7 days otherwise.
      if (seconds > 604_800) fail(slo, `burnRateAlerts[${i}].longWindowMinutes`, minutes, 'for CloudWatch at most 7 days (10080 minutes)');
      const name = `${slo.alertTitle(a)} (${shortDuration(minutes)})`;
      claim(name);
      return new CloudwatchMetricAlarm(parent, `BurnRate${i}${which}`, {
        alarmName: name,
        alarmDescription: `Burn rate of ${slo.name} over ${shortDuration(minutes)}; notifies through ${slo.alertTitle(a)}.`,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: p.burnRate,
        evaluationPeriods: 1,
        metricQuery: [
          { id: 'good', returnData: false, metric: queryMetric(ratio.good.cloudWatchMetricProps!, seconds, Statistic.SUM) },
          { id: 'total', returnData: false, metric: queryMetric(ratio.total.cloudWatchMetricProps!, seconds, Statistic.SUM) },
          // Burn rate = error ratio / error budget.
          { id: 'burn', returnData: true, expression: `(total - good) / total / ${budget}`, label: `burn rate over ${shortDuration(minutes)}` },
        ],
        treatMissingData: 'notBreaching',
        tags,
        provider: conn.provider,
      });
    };
    const long = windowAlarm('Long', p.longWindowMinutes);
    const short = windowAlarm('Short', p.shortWindowMinutes);
    claim(slo.alertTitle(a));
    const composite = new CloudwatchCompositeAlarm(parent, `BurnRate${i}`, {
      alarmName: slo.alertTitle(a),
      alarmDescription: describeAlarm(slo.alertMessage(a), slo.runbookUrl),
      // Composite alarm rule syntax: ALARM("name") AND ALARM("name") (AWS "Creating a composite alarm").
      alarmRule: `ALARM("${long.alarmName}") AND ALARM("${short.alarmName}")`,
      tags,
      provider: conn.provider,
    });
    resources.push(composite);
    alerts.push({ severity, alarm: composite, actions: new CloudWatchActions(slo, backend, severity) });
  });
  return new CloudWatchRenderedAlerts(backend, resources, alerts);
}
