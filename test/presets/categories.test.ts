/**
 * The category helpers, one by one: each holds the defaults of its category (statistic,
 * comparison, period, evaluation periods, missing data, default threshold, threshold check).
 */
import { Token } from 'cdktf';
import { presetStack, validationError, warningsOf } from './support';
import { ComparisonOperator, MissingData, MonitorBackend, MonitorConfig, MonitorGroup, Signal, Statistic } from '../../src';
import {
  AMOUNT, MetricOf, PresetMonitor, SaturatedResource, SaturationMeasure, Settled,
  age, backlog, errorCount, latencyPercentile, saturation, throttles, unhealthyHosts, recommended,
} from '../../src/presets/private/categories';

/** A group ready for monitors, rendered to CloudWatch only. */
function group() {
  const g = new MonitorGroup(presetStack(), 'G');
  g._configure('G', { backends: [MonitorBackend.cloudwatch()] });
  return g;
}

/** A metric that records the statistic the category asked for. */
const asked: string[] = [];
const metric: MetricOf = (statistic) => {
  asked.push(statistic.name);
  return Signal.cloudWatchMetric({ namespace: 'Test', metricName: 'M', dimensions: { Resource: 'r' }, statistic });
};

/** A monitor description whose words record what the category settled on. */
function described(extra: Partial<PresetMonitor> = {}): { monitor: PresetMonitor; settled: Settled[] } {
  const settled: Settled[] = [];
  const monitor: PresetMonitor = {
    id: 'M',
    metric,
    text: (s) => {
      settled.push(s);
      return { title: 'title', message: `above ${s.critical} in ${s.window} (${s.statistic})` };
    },
    ...extra,
  };
  return { monitor, settled };
}

/** What a MonitorConfig made by a category decided. */
const decided = (m: MonitorConfig) => ({
  statistic: m.signal.cloudWatchMetricProps!.statistic!.name,
  comparison: m.comparison,
  critical: m.critical,
  period: m.period,
  evaluationPeriods: m.evaluationPeriods,
  datapointsToAlarm: m.datapointsToAlarm,
  missingData: m.missingData,
  message: m.message,
});

describe('category defaults', () => {
  test('errorCount: Sum, >, 5 minutes once, not breaching without data; 0 when an optional prop is left out', () => {
    const { monitor, settled } = described({ prop: 'maxErrors', value: 4 });
    expect(decided(errorCount(group(), monitor))).toEqual({
      statistic: 'Sum',
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 4,
      period: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      missingData: MissingData.NOT_BREACHING,
      message: 'above 4 in 5 minutes (Sum)',
    });
    expect(settled).toEqual([{ critical: 4, window: '5 minutes', statistic: 'Sum' }]);
    expect(errorCount(group(), described({ prop: 'maxElb5xx', value: undefined, optional: true }).monitor).critical).toBe(0);
  });

  test('latencyPercentile: p99, >, 5 minutes once, not breaching without data', () => {
    expect(decided(latencyPercentile(group(), described({ prop: 'maxP99', value: 250 }).monitor))).toEqual({
      statistic: 'p99',
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 250,
      period: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      missingData: MissingData.NOT_BREACHING,
      message: 'above 250 in 5 minutes (p99)',
    });
  });

  test('latencyPercentile has no default threshold: a preset must name its prop', () => {
    expect(() => latencyPercentile(group(), described().monitor)).toThrow('G/M: a preset monitor of this category needs a threshold prop');
  });

  test('throttles: Sum, >, 5 minutes once, not breaching without data, 0 by default', () => {
    expect(decided(throttles(group(), described({ prop: 'maxThrottles', value: undefined, optional: true }).monitor))).toEqual({
      statistic: 'Sum',
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 0,
      period: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      missingData: MissingData.NOT_BREACHING,
      message: 'above 0 in 5 minutes (Sum)',
    });
    expect(throttles(group(), described({ prop: 'maxThrottles', value: 12, optional: true }).monitor).critical).toBe(12);
  });

  test('age: Maximum, >, 5 minutes once, no data is its own state', () => {
    expect(decided(age(group(), described({ prop: 'maxAge', value: 900 }).monitor))).toEqual({
      statistic: 'Maximum',
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 900,
      period: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      missingData: MissingData.MISSING,
      message: 'above 900 in 5 minutes (Maximum)',
    });
  });

  test('backlog: Maximum, >, 5 minutes once, no data is its own state; any message without a prop (dead letters)', () => {
    expect(decided(backlog(group(), described({ prop: 'maxVisible', value: 50 }).monitor))).toMatchObject({
      statistic: 'Maximum', comparison: ComparisonOperator.GREATER_THAN, critical: 50, period: 300, evaluationPeriods: 1, missingData: MissingData.MISSING,
    });
    expect(backlog(group(), described().monitor).critical).toBe(0);
  });

  test('unhealthyHosts: Maximum, > 0, 1-minute periods five of five, no data is its own state', () => {
    expect(decided(unhealthyHosts(group(), described().monitor))).toEqual({
      statistic: 'Maximum',
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 0,
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      missingData: MissingData.MISSING,
      message: 'above 0 in 1 minute (Maximum)',
    });
  });

  test.each<[SaturatedResource, SaturationMeasure, number, string, ComparisonOperator, number]>([
    ['cpu', 'utilization-percent', 80, 'Average', ComparisonOperator.GREATER_THAN, 3],
    ['memory', 'utilization-percent', 90, 'Average', ComparisonOperator.GREATER_THAN, 3],
    ['memory', 'free', 1e8, 'Minimum', ComparisonOperator.LESS_THAN, 3],
    ['storage', 'free', 5e9, 'Minimum', ComparisonOperator.LESS_THAN, 1],
    ['connections', 'in-use', 300, 'Maximum', ComparisonOperator.GREATER_THAN, 1],
  ])('saturation of %s measured as %s: statistic and comparison by measure, window by resource', (resource, measure, value, statistic, comparison, periods) => {
    expect(decided(saturation(group(), resource, measure, described({ prop: 'limit', value }).monitor))).toEqual({
      statistic,
      comparison,
      critical: value,
      period: 300,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      missingData: MissingData.MISSING,
      message: `above ${value} in 5 minutes (${statistic})`,
    });
  });

  test('the metric is asked for the category\'s statistic, once per monitor', () => {
    asked.length = 0;
    errorCount(group(), described({ prop: 'p', value: 1 }).monitor);
    latencyPercentile(group(), described({ prop: 'p', value: 1 }).monitor);
    saturation(group(), 'storage', 'free', described({ prop: 'p', value: 1 }).monitor);
    expect(asked).toEqual(['Sum', 'p99', 'Minimum']);
  });
});

describe('category thresholds', () => {
  test.each<[string, (g: MonitorGroup, m: PresetMonitor) => unknown, unknown, string]>([
    ['a negative error count', errorCount, -1, 'a number of 0 or more'],
    ['a missing required error count', errorCount, undefined, 'a number of 0 or more'],
    ['an infinite latency', latencyPercentile, Infinity, 'a number of 0 or more'],
    ['a string for throttles', throttles, '3', 'a number of 0 or more'],
    ['NaN for an age', age, NaN, 'a number of 0 or more'],
    ['a utilization of 0 %', (g, m) => saturation(g, 'cpu', 'utilization-percent', m), 0, 'a percentage above 0 and below 100'],
    ['a utilization of 100 %', (g, m) => saturation(g, 'memory', 'utilization-percent', m), 100, 'a percentage above 0 and below 100'],
    ['negative free bytes', (g, m) => saturation(g, 'storage', 'free', m), -5, 'a number of 0 or more'],
    ['a token for connections', (g, m) => saturation(g, 'connections', 'in-use', m), Token.asNumber('${var.max_connections}'),
      'a number of 0 or more, known at synth time (thresholds are compared and rendered into queries)'],
  ])('%s is rejected with the prop and what is accepted', (_name, helper, value, accepted) => {
    const g = group();
    const e = validationError(() => helper(g, described({ prop: 'limit', value }).monitor));
    expect(e).toMatchObject({ constructPath: 'test/G', prop: 'limit', accepted });
    expect(g.monitors.map((m) => m.node.id)).toEqual([]);
  });

  test('a percentage that is not a utilization is just a number of 0 or more', () => {
    expect(saturation(group(), 'connections', 'in-use', described({ prop: 'limit', value: 150 }).monitor).critical).toBe(150);
  });
});

describe('monitors Datadog cannot evaluate by a published name', () => {
  const onDatadog = (...more: any[]) => {
    const g = new MonitorGroup(presetStack(), 'G');
    g._configure('G', { backends: [MonitorBackend.datadog(), ...more] });
    return g;
  };
  const ANY_SUM = {
    statistic: Statistic.SUM,
    comparison: ComparisonOperator.GREATER_THAN,
    period: 300,
    evaluationPeriods: 1,
    missingData: MissingData.NOT_BREACHING,
    threshold: AMOUNT,
    defaultCritical: 0,
  };
  // Datadog lists aws.sns.* but no NumberOfNotificationsRedrivenToDlq.
  const unpublished: MetricOf = (statistic) => Signal.cloudWatchMetric({ namespace: 'AWS/SNS', metricName: 'NumberOfNotificationsRedrivenToDlq', dimensions: { TopicName: 't' }, statistic });

  test('recommended(): rendered to the other backends, with a warning naming the metric and the backends', () => {
    const g = onDatadog(MonitorBackend.cloudwatch());
    const m = recommended(g, ANY_SUM, { ...described().monitor, metric: unpublished, datadogInstead: 'watch the queue' })!;
    expect(m.renderings.map((r) => r.backend.kind)).toEqual(['cloudwatch']);
    expect(warningsOf(g)).toEqual([expect.stringMatching(/^test\/G\/M: not rendered to Datadog \(.*aws\.sns\.number_of_notifications_redriven_to_dlq\.sum.*\); rendered to cloudwatch only; watch the queue$/)]);
  });

  test('recommended() with Datadog alone: the monitor is left out', () => {
    const g = onDatadog();
    expect(recommended(g, ANY_SUM, { ...described().monitor, metric: unpublished })).toBeUndefined();
    expect(g.monitors).toEqual([]);
  });

  test('a category helper with Datadog alone refuses with a ValidationError naming the monitor', () => {
    expect(validationError(() => errorCount(onDatadog(), { ...described().monitor, metric: unpublished }))).toEqual(expect.objectContaining({
      constructPath: 'test/G',
      prop: 'backends',
      received: '"datadog"',
      accepted: 'backends that can evaluate the M monitor (Datadog does not publish its metric; add MonitorBackend.cloudwatch() or .grafana())',
    }));
  });

  test('a published metric stays on Datadog, with no warning', () => {
    const g = onDatadog();
    const published: MetricOf = (statistic) => Signal.cloudWatchMetric({ namespace: 'AWS/SNS', metricName: 'NumberOfNotificationsFailed', dimensions: { TopicName: 't' }, statistic });
    expect(errorCount(g, { ...described().monitor, metric: published }).renderings.map((r) => r.backend.kind)).toEqual(['datadog']);
    expect(warningsOf(g)).toEqual([]);
  });
});
