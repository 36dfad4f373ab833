import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { CloudWatchRenderedAlerts, describeAlarm } from './alerts';
import { metricQueries, validateAlarmWindow } from './metrics';
import { CloudWatchActions } from './notify';
import { awsTags } from '../../aws/private/tags';
import { claimName } from '../../core/private/stack-registry';
import { fail } from '../../core/private/validate';
import { AnomalyDirection, AnomalyMonitor } from '../../monitors/anomaly-monitor';
import type { CloudWatchBackend } from '../cloudwatch-monitor-backend';

const COMPARISON: Record<AnomalyDirection, string> = {
  [AnomalyDirection.ABOVE]: 'GreaterThanUpperThreshold',
  [AnomalyDirection.BELOW]: 'LessThanLowerThreshold',
  [AnomalyDirection.BOTH]: 'LessThanLowerOrGreaterThanUpperThreshold',
};

/**
 * A CloudWatch anomaly-detection alarm: the band is a metric-math expression named by
 * threshold_metric_id (terraform-provider-aws docs r/cloudwatch_metric_alarm, "Example of an
 * Alarm for Anomaly Detection").
 */
export function renderCloudWatchAnomaly(a: AnomalyMonitor, backend: CloudWatchBackend): CloudWatchRenderedAlerts {
  validateAlarmWindow(a, a.period, a.evaluationPeriods);
  const conn = backend.connectionFor(a);
  if (!claimName(a, `cloudwatch-alarm:${conn.node.path}`, a.title)) {
    fail(a, 'title', a.title, 'a title not used by another alarm of this stack in the same CloudWatch account and region (alarm names are unique)');
  }
  const { queries, id } = metricQueries(a, 'signal', a.signal, a.period, { metric: 'm1', expression: 'e1' });
  queries.push({ id: 'ad1', expression: `ANOMALY_DETECTION_BAND(${id}, ${a.bounds})`, label: `${id} (expected)`, returnData: true });
  const parent = new Construct(a, backend.id);
  const alarm = new CloudwatchMetricAlarm(parent, 'Resource', {
    alarmName: a.title,
    alarmDescription: describeAlarm(a.message, a.runbookUrl),
    comparisonOperator: COMPARISON[a.direction],
    evaluationPeriods: a.evaluationPeriods,
    datapointsToAlarm: a.datapointsToAlarm,
    thresholdMetricId: 'ad1',
    metricQuery: queries,
    treatMissingData: 'missing',
    tags: awsTags(a, a.severity, a.tags),
    provider: conn.provider,
  });
  return new CloudWatchRenderedAlerts(backend, [alarm], [{ severity: a.severity, alarm, actions: new CloudWatchActions(a, backend, a.severity) }]);
}
