import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { connect, errorsSignal, monitor, only, warningsOf } from './fixtures';
import { Folder } from '../../src/bindings/grafana/folder/index';
import { RuleGroup } from '../../src/bindings/grafana/rule-group/index';
import {
  Severity,
  Aggregation, AwsService, CloudWatchRenderedMonitor, ComparisonOperator, DatadogRenderedMonitor, GrafanaRenderedMonitor,
  MissingData, MonitorBackend, Signal, Statistic,
} from '../../src/index';
import { newStack, synthStack } from '../support/synth';

const promql = Signal.promQl({ query: 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m]))' });

function render(props: Parameters<typeof monitor>[1]) {
  const stack = newStack();
  connect(stack);
  const m = monitor(stack, props);
  return { stack, m, json: synthStack(stack) };
}

describe('Datadog backend', () => {
  const dd = [MonitorBackend.datadog()];

  test('a CloudWatch count metric: sum over the window, as_count, dimension tags, priority, tags', () => {
    const { m, json } = render({ backends: dd, severity: Severity.SEV2, tags: { team: 'Payments', env: 'prod' }, renotifyInterval: 30 });
    const mon = only(json.resource.datadog_monitor);
    expect(mon).toEqual({
      name: 'checkout errors',
      type: 'metric alert',
      query: 'sum(last_5m):sum:aws.lambda.errors{functionname:checkout}.as_count() > 10',
      message: 'Checkout Lambda errors are high.',
      priority: '2',
      tags: ['env:prod', 'severity:sev2', 'team:payments'],
      monitor_thresholds: { critical: '10' },
      // a count reports only what happens: no data does not notify, and no full window is required
      notify_no_data: false,
      require_full_window: false,
      renotify_interval: 30,
      evaluation_delay: 900,
      include_tags: true,
      provider: 'datadog',
    });
    const r = m.rendering('Datadog') as DatadogRenderedMonitor;
    expect(r.datadogMonitor).toBeInstanceOf(Monitor);
    expect(r.resource).toBe(r.datadogMonitor);
    expect(r.query).toBe(mon.query);
  });

  test('a gauge percentile over a 1-hour window, lower-cased dimension values', () => {
    const signal = Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, 'app/Web/50dc6c495c0c9188', 'TargetResponseTime', { statistic: Statistic.percentile(99) });
    const { json } = render({ backends: dd, signal, period: 60, evaluationPeriods: 60, datapointsToAlarm: 60, critical: 1.5 });
    expect(only(json.resource.datadog_monitor).query)
      .toBe('avg(last_1h):avg:aws.applicationelb.target_response_time.p99{loadbalancer:app/web/50dc6c495c0c9188} > 1.5');
  });

  test('Maximum of a gauge with several dimensions over a day; a CloudWatch metric without dimensions', () => {
    const signal = Signal.cloudWatchMetric({ namespace: 'AWS/ECS', metricName: 'CPUUtilization', statistic: Statistic.MAXIMUM, dimensions: { ServiceName: 'checkout', ClusterName: 'prod' } });
    expect(only(render({ backends: dd, signal, period: 3600, evaluationPeriods: 24 }).json.resource.datadog_monitor).query)
      .toBe('max(last_1d):max:aws.ecs.cpuutilization.maximum{clustername:prod,servicename:checkout} > 10');
    const bare = Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'ConcurrentExecutions', statistic: Statistic.MAXIMUM });
    expect(only(render({ backends: dd, signal: bare }).json.resource.datadog_monitor).query)
      .toBe('max(last_5m):max:aws.lambda.concurrent_executions.maximum{*} > 10');
  });

  test('an explicit datadogMetric for a custom namespace', () => {
    const signal = Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'FailedOrders', statistic: Statistic.SUM, datadogMetric: 'checkout.failed_orders' });
    expect(only(render({ backends: dd, signal }).json.resource.datadog_monitor).query)
      .toBe('sum(last_5m):sum:checkout.failed_orders{*} > 10');
  });

  test('a Datadog query: time aggregation, thresholds with warning and recovery, no evaluation delay', () => {
    const signal = Signal.datadogQuery({ query: 'sum:trace.http.request.errors{service:checkout}.as_count()', timeAggregation: Aggregation.SUM });
    const { json } = render({
      backends: dd,
      signal,
      period: 60,
      evaluationPeriods: 10,
      critical: 50,
      warning: 20,
      criticalRecovery: 40,
      warningRecovery: 10,
      missingData: MissingData.NOT_BREACHING,
    });
    const mon = only(json.resource.datadog_monitor);
    expect(mon.query).toBe('sum(last_10m):sum:trace.http.request.errors{service:checkout}.as_count() > 50');
    expect(mon.monitor_thresholds).toEqual({ critical: '50', warning: '20', critical_recovery: '40', warning_recovery: '10' });
    expect(mon.notify_no_data).toBe(false);
    expect(mon.no_data_timeframe).toBeUndefined();
    expect(mon.evaluation_delay).toBeUndefined();
  });

  test('below comparisons; the default time aggregation is avg; awsEvaluationDelay overrides', () => {
    const signal = Signal.datadogQuery({ query: 'avg:aws.sqs.approximate_number_of_messages_visible{queuename:orders}' });
    const { json } = render({ backends: dd, signal, comparison: ComparisonOperator.LESS_THAN_OR_EQUAL, critical: 0, warning: 5 });
    expect(only(json.resource.datadog_monitor).query).toBe('avg(last_5m):avg:aws.sqs.approximate_number_of_messages_visible{queuename:orders} <= 0');
    const delayed = render({ backends: [MonitorBackend.datadog({ awsEvaluationDelay: 600 })] }).json;
    expect(only(delayed.resource.datadog_monitor).evaluation_delay).toBe(600);
  });

  test.each([
    [Severity.SEV1, '1'], [Severity.SEV3, '3'], [Severity.SEV5, '5'],
  ])('severity %s is priority %s', (severity, priority) => {
    expect(only(render({ backends: dd, severity }).json.resource.datadog_monitor).priority).toBe(priority);
  });
});

describe('CloudWatch backend', () => {
  const cw = [MonitorBackend.cloudwatch()];

  test('a metric alarm: comparison, window, statistic, missing data, tags, description', () => {
    const { m, json } = render({
      backends: cw,
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      missingData: MissingData.NOT_BREACHING,
      runbookUrl: 'https://runbooks.acme.example/checkout',
      tags: { team: 'payments' },
      severity: Severity.SEV2,
    });
    expect(only(json.resource.aws_cloudwatch_metric_alarm)).toEqual({
      alarm_name: 'checkout errors',
      alarm_description: 'Checkout Lambda errors are high.\n\nRunbook: https://runbooks.acme.example/checkout',
      namespace: 'AWS/Lambda',
      metric_name: 'Errors',
      dimensions: { FunctionName: 'checkout' },
      statistic: 'Sum',
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 3,
      threshold: 10,
      comparison_operator: 'GreaterThanThreshold',
      treat_missing_data: 'notBreaching',
      tags: { severity: 'sev2', team: 'payments' },
      provider: 'aws',
    });
    const r = m.rendering('CloudWatch') as CloudWatchRenderedMonitor;
    expect(r.alarm).toBeInstanceOf(CloudwatchMetricAlarm);
    expect(r.resource).toBe(r.alarm);
    expect(r.warningAlarm).toBeUndefined();
  });

  test('a percentile is an extended statistic', () => {
    const signal = Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Duration', { statistic: Statistic.percentile(99) });
    const alarm = only(render({ backends: cw, signal }).json.resource.aws_cloudwatch_metric_alarm);
    expect(alarm.extended_statistic).toBe('p99');
    expect(alarm.statistic).toBeUndefined();
  });

  test('a metric-math expression becomes metric queries', () => {
    const signal = Signal.cloudWatchExpression({
      expression: '100 * errors / invocations',
      label: 'error rate (%)',
      usingMetrics: {
        invocations: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Invocations'),
        errors: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Errors'),
      },
    });
    const { json } = render({ backends: cw, signal, comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL, critical: 5 });
    const alarm = only(json.resource.aws_cloudwatch_metric_alarm);
    expect(alarm.metric_name).toBeUndefined();
    expect(alarm.comparison_operator).toBe('GreaterThanOrEqualToThreshold');
    expect(alarm.metric_query).toEqual([
      { id: 'errors', return_data: false, metric: { namespace: 'AWS/Lambda', metric_name: 'Errors', dimensions: { FunctionName: 'checkout' }, period: 300, stat: 'Sum' } },
      { id: 'invocations', return_data: false, metric: { namespace: 'AWS/Lambda', metric_name: 'Invocations', dimensions: { FunctionName: 'checkout' }, period: 300, stat: 'Sum' } },
      { id: 'expression', expression: '100 * errors / invocations', label: 'error rate (%)', return_data: true },
    ]);
  });

  test('a warning threshold is a second alarm; recovery thresholds are a warning', () => {
    const { m, stack, json } = render({ backends: cw, comparison: ComparisonOperator.LESS_THAN, critical: 1, warning: 3, criticalRecovery: 2 });
    const alarms = json.resource.aws_cloudwatch_metric_alarm;
    expect(Object.keys(alarms).sort()).toEqual(['Errors_CloudWatch_8CD69CBF', 'Errors_CloudWatch_Warning_94EAEE96']);
    expect(alarms.Errors_CloudWatch_Warning_94EAEE96).toMatchObject({
      alarm_name: 'checkout errors (warning)', threshold: 3, comparison_operator: 'LessThanThreshold', tags: { level: 'warning', severity: 'sev3' },
    });
    expect((m.rendering('CloudWatch') as CloudWatchRenderedMonitor).warningAlarm).toBeInstanceOf(CloudwatchMetricAlarm);
    expect(warningsOf(stack)).toEqual(['test/Errors: CloudWatch alarms have no recovery threshold; the alarm recovers as soon as the value stops breaching']);
  });

  test.each([
    [MissingData.MISSING, 'missing'], [MissingData.BREACHING, 'breaching'], [MissingData.NOT_BREACHING, 'notBreaching'], [MissingData.IGNORE, 'ignore'],
  ])('missing data %s is treat_missing_data %s', (missingData, treat) => {
    expect(only(render({ backends: cw, missingData }).json.resource.aws_cloudwatch_metric_alarm).treat_missing_data).toBe(treat);
  });

  test('an over-long description is cut with a warning', () => {
    const { stack, json } = render({ backends: cw, message: 'x'.repeat(1100) });
    expect(only(json.resource.aws_cloudwatch_metric_alarm).alarm_description).toHaveLength(1024);
    expect(warningsOf(stack)).toEqual(['test/Errors: the CloudWatch alarm description is cut to 1024 characters (PutMetricAlarm limit)']);
  });
});

describe('Grafana backend', () => {
  const gf = (extra = {}) => [MonitorBackend.grafana({ datasourceUid: 'prometheus', ...extra })];
  const rule = (json: any, i = 0) => only(json.resource.grafana_rule_group).rule[i];
  const model = (data: any) => JSON.parse(data.model);

  test('a PromQL rule: query, reduce and threshold, for, labels, annotations, folder', () => {
    const { m, json } = render({
      backends: gf(),
      signal: promql,
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      critical: 2,
      criticalRecovery: 1,
      runbookUrl: 'https://runbooks.acme.example/checkout',
      tags: { team: 'payments' },
      severity: Severity.SEV1,
      missingData: MissingData.BREACHING,
    });
    const group = only(json.resource.grafana_rule_group);
    expect(group).toMatchObject({ name: 'checkout errors', interval_seconds: 60, folder_uid: '${grafana_folder.GrafanaMonitorFolders_Monitors_F93FD9DC.uid}', provider: 'grafana' });
    expect(only(json.resource.grafana_folder)).toEqual({ title: 'Monitors', provider: 'grafana' });
    const r = group.rule[0];
    expect(r).toMatchObject({
      name: 'checkout errors',
      condition: 'C',
      for: '240s',
      no_data_state: 'Alerting',
      exec_err_state: 'Error',
      annotations: { summary: 'checkout errors', description: 'Checkout Lambda errors are high.', runbook_url: 'https://runbooks.acme.example/checkout' },
      labels: { pagerduty_severity: 'critical', severity: 'sev1', team: 'payments' },
    });
    expect(r.data.map((d: any) => [d.ref_id, d.datasource_uid, d.relative_time_range])).toEqual([
      ['A', 'prometheus', { from: 300, to: 0 }], ['B', '__expr__', { from: 0, to: 0 }], ['C', '__expr__', { from: 0, to: 0 }],
    ]);
    expect(model(r.data[0])).toEqual({ refId: 'A', expr: promql.promQlProps!.query, range: true, instant: false, intervalMs: 1000, maxDataPoints: 43200 });
    expect(model(r.data[1])).toEqual({ refId: 'B', type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } });
    expect(model(r.data[2])).toEqual({
      refId: 'C',
      type: 'threshold',
      expression: 'B',
      conditions: [{ evaluator: { type: 'gt', params: [2] }, unloadEvaluator: { type: 'lt', params: [1] } }],
    });
    const rendered = m.rendering('Grafana') as GrafanaRenderedMonitor;
    expect(rendered.ruleGroup).toBeInstanceOf(RuleGroup);
    expect(rendered.resource).toBe(rendered.ruleGroup);
    expect(m.node.findAll().some((c) => c instanceof Folder)).toBe(false);
  });

  test('a CloudWatch metric through the CloudWatch data source', () => {
    const signal = Signal.awsMetric(AwsService.SQS, 'orders', 'ApproximateAgeOfOldestMessage', { statistic: Statistic.MAXIMUM });
    const { json } = render({ backends: gf({ cloudWatchDatasourceUid: 'cloudwatch' }), signal, critical: 600, missingData: MissingData.IGNORE });
    const r = rule(json);
    expect(r.data[0].datasource_uid).toBe('cloudwatch');
    expect(model(r.data[0])).toEqual({
      refId: 'A',
      queryMode: 'Metrics',
      metricQueryType: 0,
      metricEditorMode: 0,
      region: 'default',
      namespace: 'AWS/SQS',
      metricName: 'ApproximateAgeOfOldestMessage',
      dimensions: { QueueName: 'orders' },
      matchExact: true,
      statistic: 'Maximum',
      period: '300',
    });
    expect(r.no_data_state).toBe('KeepLast');
  });

  test.each([
    [ComparisonOperator.LESS_THAN, { type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: 'lt', params: [10] } }] }],
    [ComparisonOperator.GREATER_THAN_OR_EQUAL, { type: 'math', expression: '$B >= 10' }],
    [ComparisonOperator.LESS_THAN_OR_EQUAL, { type: 'math', expression: '$B <= 10' }],
  ])('comparison %s is the condition %j', (comparison, condition) => {
    expect(model(rule(render({ backends: gf(), signal: promql, comparison }).json).data[2])).toEqual({ refId: 'C', ...condition });
  });

  test('a warning threshold is a second rule in the group; an existing folder is used by uid', () => {
    const { json } = render({ backends: gf({ folderUid: 'checkout' }), signal: promql, critical: 10, warning: 5, warningRecovery: 4, missingData: MissingData.NOT_BREACHING });
    expect(json.resource.grafana_folder).toBeUndefined();
    const group = only(json.resource.grafana_rule_group);
    expect(group.folder_uid).toBe('checkout');
    expect(group.rule).toHaveLength(2);
    expect(group.rule[1]).toMatchObject({ name: 'checkout errors (warning)', no_data_state: 'OK', labels: { level: 'warning', pagerduty_severity: 'warning', severity: 'sev3' } });
    expect(model(group.rule[1].data[2]).conditions).toEqual([{ evaluator: { type: 'gt', params: [5] }, unloadEvaluator: { type: 'lt', params: [4] } }]);
  });

  test('one folder per title and stack, shared by monitors', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: gf({ folder: 'Checkout' }), signal: promql }, 'A');
    monitor(stack, { title: 'other', backends: gf({ folder: 'Checkout' }), signal: promql }, 'B');
    const json = synthStack(stack);
    expect(Object.values<any>(json.resource.grafana_folder)).toEqual([{ title: 'Checkout', provider: 'grafana' }]);
    expect(Object.keys(json.resource.grafana_rule_group)).toHaveLength(2);
  });

  test('an invalid data source uid', () => {
    const stack = newStack();
    connect(stack);
    expect(() => monitor(stack, { backends: [MonitorBackend.grafana({ datasourceUid: 'not a uid' })], signal: promql }))
      .toThrow("test/Errors: 'datasourceUid' must be a Grafana data source UID (1-40 letters, digits, _ or -); received \"not a uid\"");
  });

  test('a recovery threshold on >= is a warning', () => {
    const { stack } = render({ backends: gf(), signal: promql, comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL, criticalRecovery: 5 });
    expect(warningsOf(stack)).toEqual(['test/Errors: Grafana recovery thresholds apply to > and < comparisons only; criticalRecovery is not rendered to Grafana']);
  });
});

test('every backend renders the same errors signal (CloudWatch metric) in one stack', () => {
  const { json } = render({ backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })], signal: errorsSignal() });
  expect(only(json.resource.datadog_monitor).query).toContain('aws.lambda.errors');
  expect(only(json.resource.aws_cloudwatch_metric_alarm).metric_name).toBe('Errors');
  expect(JSON.parse(only(json.resource.grafana_rule_group).rule[0].data[0].model).metricName).toBe('Errors');
});
