import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { TerraformStack } from 'cdktf';
import { connect, errorsSignal, only } from './fixtures';
import {
  Severity,
  AnomalyAlgorithm, AnomalyDirection, AnomalyMonitor, AnomalyMonitorProps, MonitorBackend, NotificationTarget, Signal,
} from '../../src/index';
import { newStack, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

function anomaly(stack: TerraformStack, props: Partial<AnomalyMonitorProps> = {}, id = 'Anomaly'): AnomalyMonitor {
  return new AnomalyMonitor(stack, id, {
    title: 'checkout errors unusual',
    message: 'Checkout errors are outside their usual band.',
    signal: errorsSignal(),
    backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
    ...props,
  });
}

describe('AnomalyMonitor', () => {
  test('Datadog: an anomalies() query alert with threshold windows', () => {
    const stack = newStack();
    connect(stack);
    const a = anomaly(stack, {
      backends: [MonitorBackend.datadog()],
      algorithm: AnomalyAlgorithm.ROBUST,
      direction: AnomalyDirection.ABOVE,
      bounds: 3,
      period: 60,
      evaluationPeriods: 30,
      datapointsToAlarm: 24,
      severity: Severity.SEV2,
      targets: [NotificationTarget.email({ address: 'oncall@acme.example' })],
    });
    const m = only(synthStack(stack).resource.datadog_monitor);
    expect(m).toEqual({
      name: 'checkout errors unusual',
      type: 'query alert',
      query: 'avg(last_150m):anomalies(sum:aws.lambda.errors{functionname:checkout}.as_count(), \'robust\', 3, direction=\'above\', '
        + 'alert_window=\'last_30m\', interval=60, count_default_zero=\'true\') >= 0.8',
      message: 'Checkout errors are outside their usual band.\n\n{{#is_alert}}@oncall@acme.example{{/is_alert}}\n\n{{#is_recovery}}@oncall@acme.example{{/is_recovery}}',
      priority: '2',
      tags: ['severity:sev2'],
      monitor_thresholds: { critical: '0.8', critical_recovery: '0' },
      monitor_threshold_windows: { trigger_window: 'last_30m', recovery_window: 'last_30m' },
      evaluation_delay: 900,
      // an AWS metric: no full window required (Datadog, "Monitoring sparse metrics")
      require_full_window: false,
      include_tags: true,
      provider: 'datadog',
    });
    expect(a.resourceFor('Datadog')).toBeInstanceOf(Monitor);
  });

  test('Datadog: a Datadog query, defaults (agile, 2 deviations, both directions, 15 × 60 s)', () => {
    const stack = newStack();
    connect(stack);
    anomaly(stack, { backends: [MonitorBackend.datadog()], signal: Signal.datadogQuery({ query: 'avg:system.load.1{service:checkout}' }) });
    const m = only(synthStack(stack).resource.datadog_monitor);
    expect(m.query).toBe('avg(last_75m):anomalies(avg:system.load.1{service:checkout}, \'agile\', 2, direction=\'both\', alert_window=\'last_15m\', interval=60, count_default_zero=\'true\') >= 1');
    expect(m.evaluation_delay).toBeUndefined();
  });

  test('CloudWatch: an anomaly-detection alarm with ANOMALY_DETECTION_BAND as threshold metric; passes terraform validate', () => {
    const stack = newStack();
    connect(stack);
    const a = anomaly(stack, {
      backends: [MonitorBackend.cloudwatch()],
      direction: AnomalyDirection.BELOW,
      bounds: 2.5,
      period: 300,
      evaluationPeriods: 6,
      datapointsToAlarm: 4,
      targets: [NotificationTarget.email({ address: 'oncall@acme.example' })],
    });
    anomaly(stack, {
      backends: [MonitorBackend.cloudwatch()],
      title: 'error rate unusual',
      signal: Signal.cloudWatchExpression({
        expression: 'errors / invocations',
        usingMetrics: { errors: errorsSignal(), invocations: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: { FunctionName: 'checkout' } }) },
      }),
    }, 'RateAnomaly');
    const json = synthStack(stack);
    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    const one = alarms.find((x) => x.alarm_name === 'checkout errors unusual');
    expect(one).toMatchObject({
      comparison_operator: 'LessThanLowerThreshold',
      evaluation_periods: 6,
      datapoints_to_alarm: 4,
      threshold_metric_id: 'ad1',
      treat_missing_data: 'missing',
      metric_query: [
        { id: 'm1', return_data: true, metric: { namespace: 'AWS/Lambda', metric_name: 'Errors', dimensions: { FunctionName: 'checkout' }, period: 300, stat: 'Sum' } },
        { id: 'ad1', expression: 'ANOMALY_DETECTION_BAND(m1, 2.5)', label: 'm1 (expected)', return_data: true },
      ],
      tags: { severity: 'sev3' },
    });
    expect(one.threshold).toBeUndefined();
    expect(one.alarm_actions).toHaveLength(1);
    const two = alarms.find((x) => x.alarm_name === 'error rate unusual');
    expect(two.comparison_operator).toBe('LessThanLowerOrGreaterThanUpperThreshold');
    expect(two.metric_query.map((q: any) => q.id)).toEqual(['errors', 'invocations', 'e1', 'ad1']);
    expect(two.metric_query[3].expression).toBe('ANOMALY_DETECTION_BAND(e1, 2)');
    expect(a.resourceFor('CloudWatch')).toBeInstanceOf(CloudwatchMetricAlarm);
    const result = validator.validate(awsPart(json)!.json);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('bounds outside (0, 10] are an error', () => {
    const stack = newStack();
    connect(stack);
    expect(() => anomaly(stack, { bounds: 0 })).toThrow('test/Anomaly: \'bounds\' must be a number of standard deviations greater than 0 and at most 10; received 0');
    const s2 = newStack();
    connect(s2);
    expect(() => anomaly(s2, { bounds: 12 })).toThrow('test/Anomaly: \'bounds\' must be a number of standard deviations greater than 0 and at most 10; received 12');
  });

  test('Datadog: the query window stays in the API\'s documented forms (at most a week); AWS metrics need no full window', () => {
    const stack = newStack();
    connect(stack);
    // 2-day alert window: five times that is 10 days, beyond last_1w.
    anomaly(stack, { backends: [MonitorBackend.datadog()], period: 3600, evaluationPeriods: 48 });
    const m = only(synthStack(stack).resource.datadog_monitor);
    expect(m.query).toMatch(/^avg\(last_1w\):anomalies\(.*alert_window='last_48h'/);
    expect(m.require_full_window).toBe(false);
    const s2 = newStack();
    connect(s2);
    expect(() => anomaly(s2, { backends: [MonitorBackend.datadog()], period: 3600, evaluationPeriods: 192 }))
      .toThrow('test/Anomaly: \'period × evaluationPeriods\' must be for Datadog an alert window of whole minutes, at most a week (the longest monitor query window the API documents); received "3600 × 192 = 691200 seconds"');
  });

  test('Datadog needs an alert window of at least 5 rollup intervals', () => {
    const stack = newStack();
    connect(stack);
    expect(() => anomaly(stack, { evaluationPeriods: 4, backends: [MonitorBackend.datadog()] }))
      .toThrow('test/Anomaly: \'evaluationPeriods\' must be for Datadog at least 5 (the rollup interval, period, is at most a fifth of the alert window); received 4');
  });

  test('Grafana has no anomaly detection', () => {
    const stack = newStack();
    connect(stack);
    expect(() => anomaly(stack, { backends: [MonitorBackend.grafana({ datasourceUid: 'cw' })] }))
      .toThrow('test/Anomaly: \'backends\' must be Datadog or CloudWatch backends: Grafana has no built-in anomaly detection; received "Grafana"');
  });

  test('CloudWatch cannot run PromQL', () => {
    const stack = newStack();
    connect(stack);
    expect(() => anomaly(stack, { backends: [MonitorBackend.cloudwatch()], signal: Signal.promQl({ query: 'up' }) }))
      .toThrow('test/Anomaly: \'signal\' must be a signal the CloudWatch backend can evaluate (a CloudWatch metric or metric-math expression); CloudWatch cannot evaluate a PROMQL; received "PromQL query \\"up\\""');
  });
});
