/**
 * How Datadog evaluates what the library writes: full windows, no data, window forms, streamed
 * percentiles and the default burn-rate alerts of an Slo. Each rule cites its Datadog source in
 * the code that applies it.
 */
import { TerraformStack } from 'cdktf';
import {
  AwsService, BurnRateAlert, DatadogExport, MissingData, MonitorBackend, MonitorPresets, Signal, Slo, SloIndicator, Statistic,
} from '../../src';
import { connect, monitor } from '../monitors/fixtures';
import { expandForEach } from '../support/for-each';
import { newStack, synthStack } from '../support/synth';

const monitors = (json: any): any[] => Object.values<any>(expandForEach(json).resource?.datadog_monitor ?? {});
const byName = (json: any, name: string): any => {
  const hits = monitors(json).filter((m) => m.name === name);
  expect(hits).toHaveLength(1);
  return hits[0];
};

function stackWith(build: (stack: TerraformStack) => void): any {
  const stack = newStack();
  connect(stack);
  build(stack);
  return synthStack(stack);
}

describe('require_full_window, explicit per metric source', () => {
  test.each([
    ['an AWS integration metric', Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Duration', { statistic: Statistic.percentile(99) }), false],
    ['an AWS count', Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Errors'), false],
    ['a Datadog count', Signal.datadogQuery({ query: 'sum:trace.http.request.errors{service:checkout}.as_count()' }), false],
    ['a Datadog gauge', Signal.datadogQuery({ query: 'avg:system.cpu.user{service:checkout}' }), true],
  ])('%s: require_full_window = %s', (_what, signal, full) => {
    const json = stackWith((s) => monitor(s, { signal }));
    expect(only(json).require_full_window).toBe(full);
  });
});

describe('no data: a metric that goes silent while all is well does not page', () => {
  test('an empty SQS dead-letter queue reports nothing: the dead-letter monitor does not notify on no data', () => {
    const json = stackWith((s) => MonitorPresets.sqsQueue(s, 'Orders', {
      queueName: 'orders', maxAgeOfOldestMessageSeconds: 600, deadLetterQueueName: 'orders-dlq', backends: [MonitorBackend.datadog()],
    }));
    const dlq = byName(json, 'orders: dead letters');
    expect(dlq.notify_no_data).toBe(false);
    expect(dlq.no_data_timeframe).toBeUndefined();
    expect(dlq.message).not.toContain('{{#is_no_data}}');
  });

  test('a count (Lambda errors) does not notify on no data by default; a gauge does', () => {
    const json = stackWith((s) => {
      monitor(s, { title: 'errors', signal: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Errors') }, 'Errors');
      monitor(s, { title: 'latency', signal: Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Duration', { statistic: Statistic.percentile(99) }) }, 'Latency');
    });
    expect(byName(json, 'errors').notify_no_data).toBe(false);
    expect(byName(json, 'latency').notify_no_data).toBe(true);
  });

  test('BREACHING still notifies on no data, also for a sparse metric', () => {
    const json = stackWith((s) => monitor(s, { missingData: MissingData.BREACHING, signal: Signal.awsMetric(AwsService.SQS, 'orders-dlq', 'ApproximateNumberOfMessagesVisible') }));
    expect(only(json).notify_no_data).toBe(true);
  });
});

describe('evaluation windows in the forms the monitor API documents (last_#m, last_#h up to 168, last_1d, last_1w)', () => {
  test.each([
    [300, 1, 'last_5m'],
    [300, 18, 'last_90m'],
    [3600, 1, 'last_1h'],
    [86_400, 1, 'last_1d'],
    [86_400, 2, 'last_48h'],
    [86_400, 3, 'last_72h'],
    [86_400, 7, 'last_1w'],
  ])('%d s × %d is %s', (period, evaluationPeriods, window) => {
    const json = stackWith((s) => monitor(s, { period, evaluationPeriods, datapointsToAlarm: 1 }));
    expect(only(json).query).toMatch(new RegExp(`^sum\\(${window}\\):`));
    expect(only(json).query).not.toMatch(/last_\d+d\b(?<!last_1d)/);
  });

  test('a window beyond 7 days has no documented form: synth fails', () => {
    const stack = newStack();
    connect(stack);
    expect(() => monitor(stack, { period: 86_400, evaluationPeriods: 8, datapointsToAlarm: 1 })).toThrow(
      /'period × evaluationPeriods' must be a Datadog evaluation window: a whole number of minutes from 1 minute to 7 days/);
  });
});

describe('DatadogExport streams the percentiles the stack\'s Datadog monitors use', () => {
  function exportStack(build: (stack: TerraformStack) => void, props: ConstructorParameters<typeof DatadogExport>[2] = {}): any {
    const stack = newStack();
    connect(stack);
    new DatadogExport(stack, 'Export', props);
    build(stack);
    return synthStack(stack);
  }
  const stream = (json: any) => Object.values<any>(json.resource.aws_cloudwatch_metric_stream)[0];

  test('a p99 monitor on Datadog adds its percentile to the stream; CloudWatch-only monitors add none', () => {
    const json = exportStack((s) => {
      MonitorPresets.lambdaFunction(s, 'Checkout', { functionName: 'checkout', maxErrors: 5, maxDurationP99Ms: 2400, backends: [MonitorBackend.datadog()] });
      MonitorPresets.applicationLoadBalancer(s, 'Web', {
        loadBalancer: 'app/web/50dc6c495c0c9188', maxTarget5xx: 10, maxResponseTimeP99Seconds: 1.5, backends: [MonitorBackend.cloudwatch()],
      });
    });
    expect(stream(json).statistics_configuration).toEqual([
      { additional_statistics: ['p99'], include_metric: [{ namespace: 'AWS/Lambda', metric_name: 'Duration' }] },
    ]);
  });

  test('merged with the given additionalStatistics, and only for metrics the filters stream', () => {
    const json = exportStack((s) => {
      MonitorPresets.lambdaFunction(s, 'Checkout', { functionName: 'checkout', maxErrors: 5, maxDurationP99Ms: 2400, backends: [MonitorBackend.datadog()] });
      monitor(s, { signal: Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, 'app/web/1', 'TargetResponseTime', { statistic: Statistic.percentile(95) }) }, 'Alb');
    }, {
      includeFilters: [{ namespace: 'AWS/Lambda' }],
      additionalStatistics: [{ namespace: 'AWS/Lambda', metricName: 'Duration', statistics: ['p50'] }],
    });
    expect(stream(json).statistics_configuration).toEqual([
      { additional_statistics: ['p50', 'p99'], include_metric: [{ namespace: 'AWS/Lambda', metric_name: 'Duration' }] },
    ]);
  });

  test('without percentiles the stream has no statistics configuration', () => {
    const json = exportStack((s) => monitor(s));
    expect(stream(json).statistics_configuration).toBeUndefined();
  });
});

describe('a minimal Slo works on every backend that renders SLOs', () => {
  const indicator = () => SloIndicator.ratio({
    good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersSucceeded', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_succeeded' }),
    total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersPlaced', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_placed' }),
  });

  test.each([
    ['Datadog', () => MonitorBackend.datadog()],
    ['CloudWatch', () => MonitorBackend.cloudwatch()],
  ])('on %s', (_name, backend) => {
    const json = stackWith((s) => new Slo(s, 'Availability', { name: 'checkout availability', target: 99.9, indicator: indicator(), backends: [backend()] }));
    expect(JSON.stringify(json)).toBeTruthy();
  });

  test('the default alerts keep every long window within Datadog\'s 1 to 48 hours', () => {
    for (const a of BurnRateAlert.defaults()) {
      expect(a.props.longWindowMinutes).toBeGreaterThanOrEqual(60);
      expect(a.props.longWindowMinutes).toBeLessThanOrEqual(2880);
    }
    const json = stackWith((s) => new Slo(s, 'Availability', { name: 'checkout availability', target: 99.9, indicator: indicator(), backends: [MonitorBackend.datadog()] }));
    expect(monitors(json).map((m) => m.query.replace(/^burn_rate\("[^"]+"\)/, ''))).toEqual([
      '.over("30d").long_window("1h").short_window("5m") > 14.4',
      '.over("30d").long_window("6h").short_window("30m") > 6',
      '.over("30d").long_window("24h").short_window("120m") > 3',
    ]);
  });
});

function only(json: any): any {
  const all = monitors(json);
  expect(all).toHaveLength(1);
  return all[0];
}
