import { allBackends, connect, errorsSignal, monitor, warningsOf } from './fixtures';
import {
  Errors, IDatadogNotificationTarget, Severity,
  Aggregation, AwsService, ComparisonOperator, MissingData, MonitorBackend, MonitorConfig, NotificationTarget, Signal,
  SignalKind, Statistic,
} from '../../src/index';
import { newStack, synthStack } from '../support/synth';

const cw = () => [MonitorBackend.cloudwatch()];
const dd = () => [MonitorBackend.datadog()];
const gf = () => [MonitorBackend.grafana({ datasourceUid: 'prom' })];

function build(props: Parameters<typeof monitor>[1]) {
  const stack = newStack();
  connect(stack);
  return () => monitor(stack, props);
}

describe('Signal', () => {
  test('static factories make immutable values of each kind', () => {
    const m = errorsSignal();
    expect(m.kind).toBe(SignalKind.CLOUDWATCH_METRIC);
    // read-only at run time, yet extensible: the jsii kernel tags what it hands to other languages
    expect(() => { (m as any).kind = 'other'; }).toThrow(TypeError);
    expect(Object.isExtensible(m)).toBe(true);
    const p99 = m.withStatistic(Statistic.percentile(99));
    expect(p99.cloudWatchMetricProps!.statistic!.name).toBe('p99');
    expect(m.cloudWatchMetricProps!.statistic!.name).toBe('Sum');
    expect(m.withDimensions({ Resource: 'checkout:live' }).cloudWatchMetricProps!.dimensions).toEqual({ FunctionName: 'checkout', Resource: 'checkout:live' });
    expect(Signal.cloudWatchExpression({ expression: 'a / b', usingMetrics: { a: m, b: m } }).kind).toBe(SignalKind.CLOUDWATCH_EXPRESSION);
    expect(Signal.datadogQuery({ query: 'avg:system.cpu.user{*}' }).kind).toBe(SignalKind.DATADOG_QUERY);
    expect(Signal.promQl({ query: 'up' }).kind).toBe(SignalKind.PROMQL);
  });

  test('Statistic names, percentiles and aggregations', () => {
    expect(Statistic.percentile(99.9).name).toBe('p99.9');
    expect(Statistic.percentile(99).isPercentile).toBe(true);
    expect(Statistic.SUM.isPercentile).toBe(false);
    expect(Statistic.fromString('Maximum')).toBe(Statistic.MAXIMUM);
    expect(Statistic.percentile(100).isValid).toBe(false);
    expect(Statistic.fromString('Median').isValid).toBe(false);
    expect(Statistic.MAXIMUM.aggregation).toBe(Aggregation.MAX);
    expect(Statistic.SAMPLE_COUNT.aggregation).toBe(Aggregation.SUM);
  });

  test.each([
    [AwsService.LAMBDA, 'checkout', 'Errors', 'AWS/Lambda', { FunctionName: 'checkout' }, 'Sum'],
    [AwsService.LAMBDA, 'checkout', 'Duration', 'AWS/Lambda', { FunctionName: 'checkout' }, 'Average'],
    [AwsService.APPLICATION_LOAD_BALANCER, 'app/web/50dc6c495c0c9188', 'HTTPCode_Target_5XX_Count', 'AWS/ApplicationELB', { LoadBalancer: 'app/web/50dc6c495c0c9188' }, 'Sum'],
    [AwsService.SQS, 'orders', 'ApproximateAgeOfOldestMessage', 'AWS/SQS', { QueueName: 'orders' }, 'Average'],
    [AwsService.RDS, 'orders-db', 'CPUUtilization', 'AWS/RDS', { DBInstanceIdentifier: 'orders-db' }, 'Average'],
    [AwsService.DYNAMODB, 'carts', 'ThrottledRequests', 'AWS/DynamoDB', { TableName: 'carts' }, 'Sum'],
    [AwsService.ECS, 'prod/checkout', 'CPUUtilization', 'AWS/ECS', { ClusterName: 'prod', ServiceName: 'checkout' }, 'Average'],
  ])('awsMetric(%s, %s, %s) is %s with %j and %s', (service, resource, name, namespace, dimensions, stat) => {
    const s = Signal.awsMetric(service, resource, name);
    expect(s.cloudWatchMetricProps).toMatchObject({ namespace, metricName: name, dimensions });
    expect(s.cloudWatchMetricProps!.statistic!.name).toBe(stat);
  });
});

describe('MonitorConfig neutral model', () => {
  test('defaults', () => {
    const stack = newStack();
    connect(stack);
    const m = monitor(stack);
    expect(m.period).toBe(300);
    expect(m.evaluationPeriods).toBe(1);
    expect(m.datapointsToAlarm).toBe(1);
    expect(m.missingData).toBe(MissingData.MISSING);
    expect(m.severity).toBe(Severity.SEV3);
    expect(m.tags).toEqual({});
    expect(m.renderings.map((r) => r.backend.id)).toEqual(['Datadog']);
  });

  test('targets that do not take the severity are recorded but not notified', () => {
    const stack = newStack();
    connect(stack);
    const pager = NotificationTarget.email({ address: 'pager@acme.example', severities: [Severity.SEV1] });
    const team = NotificationTarget.email({ address: 'team@acme.example' });
    const m = monitor(stack, { severity: Severity.SEV3, targets: [pager, team] });
    expect(m.targets).toEqual([pager, team]);
    expect(m.notifiedTargets).toEqual([team]);
    const json = synthStack(stack);
    const message = Object.values<any>(json.resource.datadog_monitor)[0].message;
    expect(message).toContain('@team@acme.example');
    expect(message).not.toContain('@pager@acme.example');
  });

  test('a monitor renders to all three backends at once', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: allBackends() });
    const json = synthStack(stack);
    expect(Object.keys(json.resource.datadog_monitor)).toEqual(['Errors_Datadog_4432EDB1']);
    expect(Object.keys(json.resource.aws_cloudwatch_metric_alarm)).toEqual(['Errors_CloudWatch_8CD69CBF']);
    expect(Object.keys(json.resource.grafana_rule_group)).toEqual(['Errors_Grafana_FCBFC7CC']);
  });

  test('a new backend is a plugin: MonitorConfig calls render and addTarget', () => {
    const stack = newStack();
    connect(stack);
    const seen: string[] = [];
    const plugin = {
      kind: 'plugin',
      id: 'Plugin',
      render(mc: MonitorConfig) {
        seen.push(`render ${mc.title}`);
        return { backend: plugin, resource: undefined as any, addTarget: (t: any) => seen.push(`target ${t.targetId}`) };
      },
    };
    const m = monitor(stack, { backends: [plugin], targets: [NotificationTarget.email({ address: 'a@acme.example' })] });
    m.addTarget(NotificationTarget.email({ address: 'b@acme.example' }));
    expect(seen).toEqual(['render checkout errors', 'target email-a-at-acme-example', 'target email-b-at-acme-example']);
  });

  test('a target that a backend cannot serve is a synth error naming both', () => {
    const stack = newStack();
    connect(stack);
    // A target of the user's own that implements no backend's target interface.
    const pager = { targetId: 'pager', severities: [Severity.SEV1, Severity.SEV2, Severity.SEV3] };
    expect(() => monitor(stack, { backends: [MonitorBackend.datadog()], targets: [pager] }))
      .toThrow("test/Errors: 'targets.pager' must be a target the Datadog backend \"Datadog\" can notify (a built-in target, or one implementing IDatadogNotificationTarget); \"pager\" cannot be notified through Datadog; received \"pager\"");
  });

  test('a target of the user\'s own implements the backend\'s target interface', () => {
    const stack = newStack();
    connect(stack);
    const calls: string[] = [];
    const pager: IDatadogNotificationTarget = {
      targetId: 'pager',
      severities: [Severity.SEV3],
      bindToDatadog: (scope, backend, severity) => {
        calls.push(`${scope.node.path} ${backend.id} ${severity}`);
        return { handle: '@opsgenie-payments' };
      },
    };
    const m = monitor(stack, { backends: [MonitorBackend.datadog()], targets: [pager] });
    expect(calls).toEqual(['test/Errors Datadog SEV3']);
    const json = synthStack(stack);
    const rendered: any = Object.values(json.resource.datadog_monitor)[0];
    expect(rendered.message).toContain('{{#is_alert}}@opsgenie-payments{{/is_alert}}');
    expect(rendered.message).toContain('{{#is_recovery}}@opsgenie-payments{{/is_recovery}}');
    expect(m.notifiedTargets).toEqual([pager]);
  });
});

describe('MonitorConfig validation', () => {
  test('errors are the library validation error', () => {
    let err: unknown;
    try {
      build({ title: '' })();
    } catch (e) {
      err = e;
    }
    expect(Errors.isValidationError(err)).toBe(true);
  });

  test.each([
    ['warning above critical for >', { warning: 20 }, "test/Errors: 'warning' must be below critical (10) for the comparison >; received 20"],
    ['warning equal to critical for >=', { comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL, warning: 10 }, "test/Errors: 'warning' must be below critical (10) for the comparison >=; received 10"],
    ['warning below critical for <', { comparison: ComparisonOperator.LESS_THAN, warning: 5 }, "test/Errors: 'warning' must be above critical (10) for the comparison <; received 5"],
    ['critical recovery on the alerting side', { criticalRecovery: 11 }, "test/Errors: 'criticalRecovery' must be below critical (10) for the comparison >; received 11"],
    ['warning recovery without warning', { warningRecovery: 1 }, "test/Errors: 'warningRecovery' must be given only together with warning; received 1"],
    ['warning recovery on the alerting side', { warning: 5, warningRecovery: 6 }, "test/Errors: 'warningRecovery' must be below warning (5) for the comparison >; received 6"],
    ['empty title', { title: '' }, "test/Errors: 'title' must be a name of 1-255 characters without control characters; received \"\""],
    ['over-long title', { title: 'x'.repeat(256) }, `test/Errors: 'title' must be a name of 1-255 characters without control characters; received "${'x'.repeat(200)}…"`],
    ['datapoints over periods', { evaluationPeriods: 3, datapointsToAlarm: 4 }, "test/Errors: 'datapointsToAlarm' must be at most evaluationPeriods (3); received 4"],
    ['non-integer period', { period: 12.5 }, "test/Errors: 'period' must be a whole number from 1 to 604800; received 12.5"],
    ['NaN threshold', { critical: NaN }, "test/Errors: 'critical' must be a finite number; received NaN"],
    ['runbook not a URL', { runbookUrl: 'wiki/checkout' }, "test/Errors: 'runbookUrl' must be an absolute https or http URL with a host; received \"wiki/checkout\""],
    ['no backends', { backends: [] }, "test/Errors: 'backends' must be a non-empty list of backends (MonitorBackend.datadog(), .cloudwatch(), .grafana({...}), .newRelic({...})); received []"],
    ['two backends with one id', { backends: [MonitorBackend.datadog(), MonitorBackend.datadog()] }, "test/Errors: 'backends' must be backends with distinct ids (give a second backend of a kind its own id); received \"Datadog\""],
    ['bad severity', { severity: 'P1' as any }, "test/Errors: 'severity' must be a Severity (SEV1 … SEV5); received \"P1\""],
    ['percentile 100', { signal: errorsSignal().withStatistic(Statistic.percentile(100)) }, "test/Errors: 'signal.statistic' must be Statistic.AVERAGE, SUM, MINIMUM, MAXIMUM, SAMPLE_COUNT or Statistic.percentile(p) with 0 < p < 100; received \"p100\""],
    ['metric period differs from the monitor period', { signal: Signal.cloudWatchMetric({ namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', period: 60 }) }, "test/Errors: 'signal.period' must be the monitor's period (300 seconds) or unset; received 60"],
    ['expression over a non-CloudWatch signal', { signal: Signal.cloudWatchExpression({ expression: 'a * 2', usingMetrics: { a: Signal.promQl({ query: 'up' }) } }), backends: cw() }, "test/Errors: 'signal.usingMetrics.a' must be a CloudWatch metric signal (Signal.cloudWatchMetric or Signal.awsMetric); received \"PromQL query \\\"up\\\"\""],
    ['expression metric id upper-case', { signal: Signal.cloudWatchExpression({ expression: 'A * 2', usingMetrics: { A: errorsSignal() } }), backends: cw() }, "test/Errors: 'signal.usingMetrics' must be metric ids that start with a lower-case letter followed by letters, digits or _; received \"A\""],
    ['empty PromQL', { signal: Signal.promQl({ query: ' ' }), backends: gf() }, "test/Errors: 'signal.query' must be a non-empty PromQL query; received \" \""],
  ])('%s', (_name, props, message) => {
    expect(build(props as any)).toThrow(message);
  });

  describe('CloudWatch limits', () => {
    test.each([
      ['period 45', { period: 45, backends: cw() }, "test/Errors: 'period' must be for CloudWatch 10, 20, 30 or a multiple of 60 seconds; received 45"],
      ['period 90', { period: 90, backends: cw() }, "test/Errors: 'period' must be for CloudWatch 10, 20, 30 or a multiple of 60 seconds; received 90"],
      ['over a day with minute periods', { period: 60, evaluationPeriods: 1441, backends: cw() }, "test/Errors: 'evaluationPeriods' must be for CloudWatch at most 1440 with a period of 60 seconds (period × evaluationPeriods ≤ 86400 seconds for periods under an hour); that is 86460; received 1441"],
      ['over 7 days with hourly periods', { period: 3600, evaluationPeriods: 169, backends: cw() }, "test/Errors: 'evaluationPeriods' must be for CloudWatch at most 168 with a period of 3600 seconds (period × evaluationPeriods ≤ 604800 seconds); that is 608400; received 169"],
    ])('%s', (_name, props, message) => {
      expect(build(props as any)).toThrow(message);
    });

    test.each([[10], [20], [30], [60], [120]])('period %s is accepted', (period) => {
      expect(build({ period, backends: cw() })).not.toThrow();
    });

    test('one day of minute periods and 7 days of hourly periods are accepted', () => {
      expect(build({ period: 60, evaluationPeriods: 1440, datapointsToAlarm: 1, backends: cw() })).not.toThrow();
      expect(build({ period: 3600, evaluationPeriods: 168, datapointsToAlarm: 1, backends: cw() })).not.toThrow();
    });
  });

  describe('Datadog limits', () => {
    test.each([
      ['a 30-second window', { period: 30 }, "test/Errors: 'period × evaluationPeriods' must be a Datadog evaluation window: a whole number of minutes from 1 minute to 7 days (last_10080m, the longest the monitor API documents); received \"30 × 1 = 30 seconds\""],
      ['a 90-second window', { period: 30, evaluationPeriods: 3 }, "test/Errors: 'period × evaluationPeriods' must be a Datadog evaluation window: a whole number of minutes from 1 minute to 7 days (last_10080m, the longest the monitor API documents); received \"30 × 3 = 90 seconds\""],
      ['an 8-day window', { period: 86400, evaluationPeriods: 8 }, "test/Errors: 'period × evaluationPeriods' must be a Datadog evaluation window: a whole number of minutes from 1 minute to 7 days (last_10080m, the longest the monitor API documents); received \"86400 × 8 = 691200 seconds\""],
    ])('%s', (_name, props, message) => {
      expect(build({ ...props, backends: dd() } as any)).toThrow(message);
    });
  });

  describe('tags per backend', () => {
    test.each([
      ['Datadog: a tag starting with a digit', dd(), { '1team': 'payments' }, "test/Errors: 'tags.1team' must be a Datadog tag: starts with a letter, then letters, digits, _ - : . /, at most 200 characters; received \"1team:payments\""],
      ['Datadog: a tag with a space', dd(), { team: 'pay ments' }, "test/Errors: 'tags.team' must be a Datadog tag: starts with a letter, then letters, digits, _ - : . /, at most 200 characters; received \"team:pay ments\""],
      ['Datadog: an over-long tag', dd(), { team: 'x'.repeat(200) }, `test/Errors: 'tags.team' must be a Datadog tag: starts with a letter, then letters, digits, _ - : . /, at most 200 characters; received "team:${'x'.repeat(195)}…"`],
      ['CloudWatch: an aws: key', cw(), { 'aws:owner': 'me' }, "test/Errors: 'tags.aws:owner' must be an AWS tag key: 1-128 letters, digits, spaces or _ . : / = + - @, not starting with aws:; received \"aws:owner\""],
      ['CloudWatch: a value with a comma', cw(), { team: 'a,b' }, "test/Errors: 'tags.team' must be an AWS tag value: 0-256 letters, digits, spaces or _ . : / = + - @; received \"a,b\""],
      ['Grafana: a label with a hyphen', gf(), { 'cost-center': '42' }, "test/Errors: 'tags.cost-center' must be for Grafana a label name: a letter or _, then letters, digits or _, not starting with __; received \"cost-center\""],
      ['every backend: the severity key is reserved', dd(), { severity: 'high' }, "test/Errors: 'tags.severity' must be a key other than severity (it is set from the severity); received \"severity\""],
    ])('%s', (_name, backends, tags, message) => {
      const signal = backends[0].kind === 'grafana' ? Signal.promQl({ query: 'up' }) : errorsSignal();
      expect(build({ backends, tags, signal })).toThrow(message);
    });

    test('a tag valid everywhere is rendered everywhere', () => {
      expect(build({ backends: allBackends(), tags: { team: 'payments', service_tier: '1' } })).not.toThrow();
    });
  });

  test('Grafana: an over-long title and a period off the 10-second grid', () => {
    expect(build({ title: 'x'.repeat(191), backends: gf(), signal: Signal.promQl({ query: 'up' }) }))
      .toThrow(`test/Errors: 'title' must be for Grafana a title of 1-190 characters; received "${'x'.repeat(191).slice(0, 200)}"`);
    expect(build({ period: 15, backends: gf(), signal: Signal.promQl({ query: 'up' }) }))
      .toThrow("test/Errors: 'period' must be for Grafana a multiple of 10 seconds (the scheduler's base interval); received 15");
  });

  describe('a signal a backend cannot evaluate', () => {
    const promql = Signal.promQl({ query: 'sum(rate(http_requests_total{code=~"5.."}[5m]))' });
    const ddq = Signal.datadogQuery({ query: 'sum:trace.http.request.errors{service:checkout}.as_count()' });
    const expr = Signal.cloudWatchExpression({ expression: 'a * 2', usingMetrics: { a: errorsSignal() } });
    test.each([
      ['PromQL on CloudWatch', promql, cw(), `test/Errors: 'signal' must be a signal the CloudWatch backend can evaluate (a CloudWatch metric or metric-math expression); CloudWatch cannot evaluate a PROMQL; received ${JSON.stringify(promql.toString())}`],
      ['a Datadog query on CloudWatch', ddq, cw(), `test/Errors: 'signal' must be a signal the CloudWatch backend can evaluate (a CloudWatch metric or metric-math expression); CloudWatch cannot evaluate a DATADOG_QUERY; received ${JSON.stringify(ddq.toString())}`],
      ['PromQL on Datadog', promql, dd(), `test/Errors: 'signal' must be a signal the Datadog backend can evaluate (a Datadog query, or a CloudWatch metric collected by Datadog's AWS integration); Datadog cannot evaluate a PROMQL; received ${JSON.stringify(promql.toString())}`],
      ['a CloudWatch expression on Datadog', expr, dd(), `test/Errors: 'signal' must be a signal the Datadog backend can evaluate (a Datadog query, or a CloudWatch metric collected by Datadog's AWS integration); Datadog cannot evaluate a CLOUDWATCH_EXPRESSION; received ${JSON.stringify(expr.toString())}`],
      ['a Datadog query on Grafana', ddq, gf(), `test/Errors: 'signal' must be a signal the Grafana backend can evaluate (a PromQL query, or a CloudWatch metric through a CloudWatch data source); Grafana cannot evaluate a DATADOG_QUERY; received ${JSON.stringify(ddq.toString())}`],
      ['a CloudWatch expression on Grafana', expr, gf(), `test/Errors: 'signal' must be a signal the Grafana backend can evaluate (a PromQL query, or a CloudWatch metric through a CloudWatch data source); Grafana cannot evaluate a CLOUDWATCH_EXPRESSION; received ${JSON.stringify(expr.toString())}`],
      ['a count metric with Average on Datadog', errorsSignal().withStatistic(Statistic.AVERAGE), dd(), "test/Errors: 'signal' must be a signal the Datadog backend can evaluate: Datadog collects AWS/Lambda Errors only as a count (its Sum, aws.lambda.errors); use Statistic.SUM; received \"CloudWatch metric AWS/Lambda/Errors\""],
      ['a custom namespace on Datadog without datadogMetric', Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'Orders' }), dd(), "test/Errors: 'signal' must be a signal the Datadog backend can evaluate: Datadog's AWS integration names only AWS/ namespaces by rule; set 'datadogMetric' on the signal for the custom namespace Checkout; received \"CloudWatch metric Checkout/Orders\""],
    ])('%s', (_name, signal, backends, message) => {
      expect(build({ signal, backends })).toThrow(message);
    });
  });

  test('two monitors with one title on the same CloudWatch account', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: cw() }, 'A');
    expect(() => monitor(stack, { backends: cw() }, 'B'))
      .toThrow("test/B: 'title' must be a title not used by another monitor of this stack rendered to the same CloudWatch account and region (alarm names are unique); received \"checkout errors\"");
  });

  test('two monitors with one title in the same Grafana folder', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: gf(), signal: Signal.promQl({ query: 'up' }) }, 'A');
    expect(() => monitor(stack, { backends: gf(), signal: Signal.promQl({ query: 'up' }) }, 'B'))
      .toThrow("test/B: 'title' must be a title not used by another monitor in the same Grafana folder of this stack (Grafana rule group names are unique per folder); received \"checkout errors\"");
  });

  test('Grafana warns when M of N cannot be expressed', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: gf(), signal: Signal.promQl({ query: 'up' }), evaluationPeriods: 5, datapointsToAlarm: 3 });
    expect(warningsOf(stack)).toEqual(['test/Errors: Grafana has no "M of N" evaluation; the rule fires after 3 consecutive breaching evaluations']);
  });
});
