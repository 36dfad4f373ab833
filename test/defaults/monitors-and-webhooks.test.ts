/**
 * Every documented default (`@default` in the props docs) of the monitors, the webhook and its
 * connection: synthesized with the prop omitted, the rendered Terraform value is asserted.
 */
import { all, connected, one } from './support';
import {
  AnomalyMonitor, ComparisonOperator, MonitorBackend, MonitorConfig, Signal, Slo, SloIndicator, Statistic,
  Webhook, WebhookAuth, WebhookConnection, WebhookPayload,
  BurnRateAlert,
} from '../../src';
import { newStack, synthStack } from '../support/synth';

const duration = () => Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: { FunctionName: 'checkout' } });

describe('MonitorConfig / AlertOptions', () => {
  const json = (() => {
    const stack = newStack();
    connected(stack);
    new MonitorConfig(stack, 'M', {
      title: 'slow',
      message: 'slow',
      signal: duration(),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 1,
      backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cw' })],
    });
    return synthStack(stack);
  })();
  test('period @default 300', () => {
    expect(one(json, 'aws_cloudwatch_metric_alarm').period).toBe(300);
    expect(one(json, 'datadog_monitor').query).toMatch(/^avg\(last_5m\):/);
    expect(one(json, 'grafana_rule_group').interval_seconds).toBe(300);
  });
  test('evaluationPeriods @default 1 (and datapointsToAlarm follows it)', () => {
    expect(one(json, 'aws_cloudwatch_metric_alarm')).toMatchObject({ evaluation_periods: 1, datapoints_to_alarm: 1 });
  });
  test('missingData @default MissingData.MISSING', () => {
    expect(one(json, 'aws_cloudwatch_metric_alarm').treat_missing_data).toBe('missing');
    expect(one(json, 'grafana_rule_group').rule[0].no_data_state).toBe('NoData');
  });
  test('severity @default Severity.SEV3', () => {
    expect(one(json, 'aws_cloudwatch_metric_alarm').tags).toEqual({ severity: 'sev3' });
    expect(one(json, 'datadog_monitor')).toMatchObject({ priority: '3', tags: ['severity:sev3'] });
    expect(one(json, 'grafana_rule_group').rule[0].labels.severity).toBe('sev3');
  });
  test('CloudWatchMetricProps.statistic @default Statistic.AVERAGE', () => {
    expect(one(json, 'aws_cloudwatch_metric_alarm').statistic).toBe('Average');
    expect(one(json, 'datadog_monitor').query).toContain(':avg:aws.lambda.duration{');
  });
  test('DatadogBackendOptions.awsEvaluationDelay @default 900', () => {
    expect(one(json, 'datadog_monitor').evaluation_delay).toBe(900);
  });
  test('GrafanaBackendOptions.folder @default "Monitors"', () => {
    expect(one(json, 'grafana_folder').title).toBe('Monitors');
  });
  test('DatadogQueryProps.timeAggregation @default Aggregation.AVG', () => {
    const stack = newStack();
    connected(stack);
    new MonitorConfig(stack, 'M', { title: 'load', message: 'load', signal: Signal.datadogQuery({ query: 'avg:system.load.1{*}' }), comparison: ComparisonOperator.GREATER_THAN, critical: 1, backends: [MonitorBackend.datadog()] });
    expect(one(synthStack(stack), 'datadog_monitor').query).toBe('avg(last_5m):avg:system.load.1{*} > 1');
  });
});

describe('AnomalyMonitor', () => {
  const json = (() => {
    const stack = newStack();
    connected(stack);
    new AnomalyMonitor(stack, 'A', { title: 'odd', message: 'odd', signal: duration(), backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()] });
    return synthStack(stack);
  })();
  const alarm = () => one(json, 'aws_cloudwatch_metric_alarm');
  test('bounds @default 2', () => {
    expect(alarm().metric_query[1].expression).toBe('ANOMALY_DETECTION_BAND(m1, 2)');
    expect(one(json, 'datadog_monitor').query).toContain("'agile', 2,");
  });
  test('direction @default AnomalyDirection.BOTH (CloudWatch alerts below and above the band)', () => {
    expect(alarm().comparison_operator).toBe('LessThanLowerOrGreaterThanUpperThreshold');
    expect(one(json, 'datadog_monitor').query).toContain("direction='both'");
  });
  test('algorithm @default AnomalyAlgorithm.AGILE', () => {
    expect(one(json, 'datadog_monitor').query).toContain("anomalies(avg:aws.lambda.duration{functionname:checkout}, 'agile'");
  });
  test('period @default 60', () => {
    expect(alarm().metric_query[0].metric.period).toBe(60);
    expect(one(json, 'datadog_monitor').query).toContain('interval=60');
  });
  test('evaluationPeriods @default 15', () => {
    expect(alarm()).toMatchObject({ evaluation_periods: 15, datapoints_to_alarm: 15 });
    expect(one(json, 'datadog_monitor').monitor_threshold_windows).toEqual({ recovery_window: 'last_15m', trigger_window: 'last_15m' });
  });
});

describe('Slo', () => {
  const json = (() => {
    const stack = newStack();
    connected(stack);
    new Slo(stack, 'S', {
      name: 'availability',
      target: 99.9,
      backends: [MonitorBackend.datadog()],
      burnRateAlerts: [BurnRateAlert.page(14.4, 60, 5), BurnRateAlert.ticket(3, 1440, 120)],
      indicator: SloIndicator.ratio({ good: Signal.datadogQuery({ query: 'sum:hits{ok:true}.as_count()' }), total: Signal.datadogQuery({ query: 'sum:hits{*}.as_count()' }) }),
    });
    return synthStack(stack);
  })();
  test('window @default SloWindow.THIRTY_DAYS', () => {
    expect(one(json, 'datadog_service_level_objective').thresholds).toEqual([expect.objectContaining({ timeframe: '30d' })]);
  });
  test('pageSeverity @default Severity.SEV2 and ticketSeverity @default Severity.SEV4', () => {
    const monitors = all(json, 'datadog_monitor');
    expect(monitors.map((m) => m.tags.find((t: string) => t.startsWith('severity:'))).sort()).toEqual(['severity:sev2', 'severity:sev4']);
  });
  test('burnRateAlerts @default BurnRateAlert.defaults(): the three default alerts are rendered, on Datadog and CloudWatch', () => {
    expect(BurnRateAlert.defaults().map((a) => [a.props.burnRate, a.props.longWindowMinutes, a.props.shortWindowMinutes]))
      .toEqual([[14.4, 60, 5], [6, 360, 30], [3, 1440, 120]]);
    const stack = newStack();
    connected(stack);
    new Slo(stack, 'S', {
      name: 'availability',
      target: 99.9,
      backends: [MonitorBackend.cloudwatch(), MonitorBackend.datadog()],
      indicator: SloIndicator.ratio({
        good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'Good', statistic: Statistic.SUM, datadogMetric: 'checkout.good' }),
        total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'Total', statistic: Statistic.SUM, datadogMetric: 'checkout.total' }),
      }),
    });
    const out = synthStack(stack);
    const names = JSON.stringify(out.resource.aws_cloudwatch_composite_alarm ?? {});
    for (const n of ['14.4x 1h/5m', '6x 6h/30m', '3x 1d/2h']) expect(names).toContain(n);
    const burnRates = all(out, 'datadog_monitor').map((m) => m.query).filter((q: string) => q.startsWith('burn_rate('));
    expect(burnRates).toHaveLength(3);
    expect(burnRates.join('\n')).toContain('.long_window("24h").short_window("120m") > 3');
  });
});

describe('Webhook and WebhookConnection', () => {
  const build = (auth?: (v: (n: string) => any) => WebhookAuth) => {
    const stack = newStack();
    const { v } = connected(stack);
    new WebhookConnection(stack, 'Receiver', { url: 'https://hooks.example.com/in', auth: auth ? auth(v) : undefined, testConnection: false });
    new Webhook(stack, 'Hook', { name: 'alerts', payload: WebhookPayload.fromJsonTemplate('{"t": "{{title}}"}'), datadog: {}, grafana: {}, eventBridge: {}, ...(auth ? {} : { allowUnsignedSources: true }) });
    return synthStack(stack);
  };
  const json = build((v) => WebhookAuth.bearer(v('hook_token')));
  test('WebhookEventBridgeOptions.invocationRateLimitPerSecond @default 10', () => {
    expect(one(json, 'aws_cloudwatch_event_api_destination').invocation_rate_limit_per_second).toBe(10);
  });
  test('WebhookEventBridgeOptions.maximumEventAgeSeconds @default 86400 and maximumRetryAttempts @default 185', () => {
    expect(one(json, 'aws_cloudwatch_event_target').retry_policy).toEqual({ maximum_event_age_in_seconds: 86_400, maximum_retry_attempts: 185 });
  });
  test('WebhookEventBridgeOptions.alarmStates @default ["ALARM", "OK"]', () => {
    expect(JSON.parse(one(json, 'aws_cloudwatch_event_rule').event_pattern).detail.state.value).toEqual(['ALARM', 'OK']);
  });
  test('WebhookProps.httpMethod @default WebhookHttpMethod.POST', () => {
    expect(one(json, 'aws_cloudwatch_event_api_destination').http_method).toBe('POST');
    expect(one(json, 'grafana_contact_point').webhook[0].http_method).toBe('POST');
  });
  test('WebhookGrafanaOptions.sendResolved @default true and maxAlerts @default 0 (no limit)', () => {
    const hook = one(json, 'grafana_contact_point').webhook[0];
    expect(hook.disable_resolve_message).toBe(false);
    expect(hook.max_alerts ?? 0).toBe(0);
  });
  test('WebhookProps.allowUnsignedSources @default false: Datadog cannot sign HMAC', () => {
    expect(() => {
      const stack = newStack();
      const { v } = connected(stack);
      new WebhookConnection(stack, 'Receiver', { url: 'https://hooks.example.com/in', auth: WebhookAuth.hmacSignature(v('h')), testConnection: false });
      new Webhook(stack, 'Hook', { name: 'alerts', payload: WebhookPayload.fromJsonTemplate('{"t": "{{title}}"}'), datadog: {} });
    }).toThrow(/set allowUnsignedSources: true/);
  });
  test('WebhookConnectionProps.auth @default WebhookAuth.none(): no auth header', () => {
    const none = build();
    expect(JSON.parse(one(none, 'datadog_webhook').custom_headers)).toEqual({ 'Content-Type': 'application/json' });
    expect(one(none, 'grafana_contact_point').webhook[0].authorization_credentials).toBeUndefined();
  });
  test('WebhookHmacOptions.signatureHeader @default "X-Signature"', () => {
    expect(WebhookAuth.hmacSignature({} as any).headerName).toBe('X-Signature');
  });
  test('the connections default to the one of the stack (DatadogConnection.of, GrafanaConnection.of, AwsConnection.of, WebhookConnection.of)', () => {
    expect(one(json, 'datadog_webhook').provider).toBe('datadog');
    expect(one(json, 'grafana_contact_point').provider).toBe('grafana');
    expect(one(json, 'aws_cloudwatch_event_api_destination')).toMatchObject({ provider: 'aws', invocation_endpoint: 'https://hooks.example.com/in' });
  });
});

void Statistic;
