import { ServiceLevelObjective } from '@cdktf/provider-datadog/lib/service-level-objective';
import { TerraformStack } from 'cdktf';
import { connect, monitor } from './fixtures';
import { RuleGroup } from '../../src/bindings/grafana/rule-group/index';
import {
  Severity,
  AwsService, BurnRateAlert, MonitorBackend, NotificationTarget, Signal, Slo, SloIndicator, SloProps, SloWindow,
} from '../../src/index';
import { newStack, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

const ddRatio = () => SloIndicator.ratio({
  good: Signal.datadogQuery({ query: 'sum:trace.http.request.hits{service:checkout,!http.status_class:5xx}.as_count()' }),
  total: Signal.datadogQuery({ query: 'sum:trace.http.request.hits{service:checkout}.as_count()' }),
});
const cwRatio = () => SloIndicator.ratio({
  good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'GoodRequests' }),
  total: Signal.awsMetric(AwsService.APPLICATION_LOAD_BALANCER, 'app/checkout/50dc6c495c0c9188', 'RequestCount'),
});
const promRatio = () => SloIndicator.ratio({
  good: Signal.promQl({ query: 'http_requests_total{job="checkout",code!~"5.."}' }),
  total: Signal.promQl({ query: 'http_requests_total{job="checkout"}' }),
});
const datadogAlerts = () => [BurnRateAlert.page(14.4, 60, 5), BurnRateAlert.page(6, 360, 30), BurnRateAlert.ticket(3, 1440, 120)];

function slo(stack: TerraformStack, props: Partial<SloProps> = {}): Slo {
  return new Slo(stack, 'Availability', {
    name: 'checkout availability',
    target: 99.9,
    indicator: ddRatio(),
    burnRateAlerts: datadogAlerts(),
    backends: [MonitorBackend.datadog()],
    ...props,
  });
}

describe('BurnRateAlert', () => {
  test('the SRE workbook pairs', () => {
    expect(BurnRateAlert.sreWorkbook().map((a) => [a.toString(), a.props.urgency])).toEqual([
      ['14.4x 1h/5m', 'PAGE'], ['6x 6h/30m', 'PAGE'], ['1x 3d/6h', 'TICKET'],
    ]);
  });
});

describe('Slo on Datadog', () => {
  test('a metric SLO and one slo alert monitor per burn-rate alert, routed by severity', () => {
    const stack = newStack();
    connect(stack);
    const s = slo(stack, {
      tags: { team: 'payments' },
      targets: [
        NotificationTarget.email({ address: 'oncall@acme.example', severities: [Severity.SEV2] }),
        NotificationTarget.email({ address: 'team@acme.example', severities: [Severity.SEV4] }),
      ],
    });
    const json = synthStack(stack);
    const [key, dslo] = Object.entries<any>(json.resource.datadog_service_level_objective)[0];
    expect(dslo).toEqual({
      name: 'checkout availability',
      description: 'checkout availability',
      type: 'metric',
      query: {
        numerator: 'sum:trace.http.request.hits{service:checkout,!http.status_class:5xx}.as_count()',
        denominator: 'sum:trace.http.request.hits{service:checkout}.as_count()',
      },
      thresholds: [{ timeframe: '30d', target: 99.9 }],
      tags: ['team:payments'],
      provider: 'datadog',
    });
    const monitors = Object.values<any>(json.resource.datadog_monitor);
    expect(monitors.map((m) => [m.name, m.type, m.query, m.priority, m.monitor_thresholds.critical])).toEqual([
      ['checkout availability: burn rate 14.4x 1h/5m', 'slo alert',
        `burn_rate("\${datadog_service_level_objective.${key}.id}").over("30d").long_window("1h").short_window("5m") > 14.4`, '2', '14.4'],
      ['checkout availability: burn rate 6x 6h/30m', 'slo alert',
        `burn_rate("\${datadog_service_level_objective.${key}.id}").over("30d").long_window("6h").short_window("30m") > 6`, '2', '6'],
      ['checkout availability: burn rate 3x 1d/2h', 'slo alert',
        `burn_rate("\${datadog_service_level_objective.${key}.id}").over("30d").long_window("24h").short_window("120m") > 3`, '4', '3'],
    ]);
    expect(monitors[0].message).toContain('{{#is_alert}}@oncall@acme.example{{/is_alert}}');
    expect(monitors[0].message).not.toContain('team@acme.example');
    expect(monitors[2].message).toContain('{{#is_alert}}@team@acme.example{{/is_alert}}');
    expect(monitors[2].tags).toEqual(['severity:sev4', 'team:payments']);
    expect(s.node.findChild('Datadog').node.findChild('Resource')).toBeInstanceOf(ServiceLevelObjective);
    expect(s.alertResourcesFor('Datadog')).toHaveLength(3);
  });

  test('a monitor-based SLO over 7 days', () => {
    const stack = newStack();
    connect(stack);
    const m = monitor(stack);
    slo(stack, { indicator: SloIndicator.monitors([m]), window: SloWindow.SEVEN_DAYS, burnRateAlerts: [BurnRateAlert.page(16.8, 60, 5)] });
    const json = synthStack(stack);
    const ddKey = Object.keys(json.resource.datadog_monitor).find((k) => json.resource.datadog_monitor[k].type === 'metric alert');
    const dslo = Object.values<any>(json.resource.datadog_service_level_objective)[0];
    expect(dslo.type).toBe('monitor');
    expect(dslo.monitor_ids).toEqual([`\${datadog_monitor.${ddKey}.id}`]);
    expect(dslo.thresholds).toEqual([{ timeframe: '7d', target: 99.9 }]);
  });

  test('the SRE workbook\'s 3-day ticket exceeds Datadog\'s 48-hour long window', () => {
    const stack = newStack();
    connect(stack);
    expect(() => slo(stack, { burnRateAlerts: BurnRateAlert.sreWorkbook() })).toThrow(
      'test/Availability: \'burnRateAlerts[2].longWindowMinutes\' must be for Datadog whole hours from 1 to 48 hours (60-2880 minutes; Datadog burn-rate alerts); '
      + 'replace the SRE workbook\'s 3-day ticket, e.g. with BurnRateAlert.ticket(3, 1440, 120) as BurnRateAlert.defaults() does; received 4320');
  });
});

describe('Slo on CloudWatch', () => {
  test('per alert: long and short burn-rate alarms and a composite that notifies; passes terraform validate', () => {
    const stack = newStack();
    connect(stack);
    const s = slo(stack, {
      indicator: cwRatio(),
      burnRateAlerts: BurnRateAlert.sreWorkbook(),
      backends: [MonitorBackend.cloudwatch()],
      targets: [NotificationTarget.email({ address: 'oncall@acme.example', severities: [Severity.SEV2] })],
    });
    const json = synthStack(stack);
    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    expect(alarms.map((a) => [a.alarm_name, a.threshold, a.metric_query[0].metric.period])).toEqual([
      ['checkout availability: burn rate 14.4x 1h/5m (1h)', 14.4, 3600],
      ['checkout availability: burn rate 14.4x 1h/5m (5m)', 14.4, 300],
      ['checkout availability: burn rate 6x 6h/30m (6h)', 6, 21600],
      ['checkout availability: burn rate 6x 6h/30m (30m)', 6, 1800],
      ['checkout availability: burn rate 1x 3d/6h (3d)', 1, 259200],
      ['checkout availability: burn rate 1x 3d/6h (6h)', 1, 21600],
    ]);
    expect(alarms[0]).toMatchObject({
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      evaluation_periods: 1,
      treat_missing_data: 'notBreaching',
      metric_query: [
        { id: 'good', return_data: false, metric: { namespace: 'Checkout', metric_name: 'GoodRequests', stat: 'Sum', period: 3600 } },
        { id: 'total', return_data: false, metric: { namespace: 'AWS/ApplicationELB', metric_name: 'RequestCount', stat: 'Sum', dimensions: { LoadBalancer: 'app/checkout/50dc6c495c0c9188' } } },
        { id: 'burn', return_data: true, expression: '(total - good) / total / 0.001' },
      ],
    });
    expect(alarms[0].alarm_actions).toBeUndefined();
    const composites = Object.values<any>(json.resource.aws_cloudwatch_composite_alarm);
    expect(composites.map((c) => c.alarm_name)).toEqual([
      'checkout availability: burn rate 14.4x 1h/5m', 'checkout availability: burn rate 6x 6h/30m', 'checkout availability: burn rate 1x 3d/6h',
    ]);
    expect(composites[0].alarm_rule).toMatch(/^ALARM\("\$\{aws_cloudwatch_metric_alarm\.[^}]+\.alarm_name\}"\) AND ALARM\("\$\{aws_cloudwatch_metric_alarm\.[^}]+\.alarm_name\}"\)$/);
    expect(composites[0].alarm_actions).toHaveLength(1);
    expect(composites[0].tags).toEqual({ severity: 'sev2' });
    expect(composites[2].alarm_actions).toBeUndefined();
    expect(composites[2].tags).toEqual({ severity: 'sev4' });
    expect(s.alertResourcesFor('CloudWatch')).toHaveLength(3);
    const result = validator.validate(awsPart(json)!.json);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('a monitor-based SLO cannot render to CloudWatch', () => {
    const stack = newStack();
    connect(stack);
    const m = monitor(stack, { backends: [MonitorBackend.cloudwatch()] });
    expect(() => slo(stack, { indicator: SloIndicator.monitors([m]), backends: [MonitorBackend.cloudwatch()] })).toThrow(
      'test/Availability: \'indicator\' must be for CloudWatch a ratio indicator (CloudWatch has no monitor-based SLO); received "SloIndicator.monitors(...)"');
  });
});

describe('Slo on Grafana', () => {
  test('a rule group with one rule per alert over PromQL counters, routed by severity', () => {
    const stack = newStack();
    connect(stack);
    const s = slo(stack, {
      indicator: promRatio(),
      burnRateAlerts: [BurnRateAlert.page(14.4, 60, 5), BurnRateAlert.ticket(1, 4320, 360)],
      backends: [MonitorBackend.grafana({ datasourceUid: 'prometheus' })],
      targets: [NotificationTarget.email({ address: 'oncall@acme.example', severities: [Severity.SEV2] })],
    });
    const json = synthStack(stack);
    const group = Object.values<any>(json.resource.grafana_rule_group)[0];
    expect(group.name).toBe('checkout availability');
    expect(group.interval_seconds).toBe(60);
    const [page, ticket] = group.rule;
    expect(page.name).toBe('checkout availability: burn rate 14.4x 1h/5m');
    expect(page.for).toBe('0s');
    expect(page.labels).toEqual({ notify_email_oncall_at_acme_example: 'true', pagerduty_severity: 'error', severity: 'sev2' });
    expect(JSON.parse(page.data[0].model).expr).toBe(
      '(1 - sum(increase(http_requests_total{job="checkout",code!~"5.."}[1h])) / sum(increase(http_requests_total{job="checkout"}[1h]))) / 0.001');
    expect(page.data[0].relative_time_range).toEqual({ from: 3600, to: 0 });
    expect(JSON.parse(page.data[1].model).expr).toContain('[5m]');
    expect(JSON.parse(page.data[2].model)).toEqual({ refId: 'C', type: 'math', expression: '$A >= 14.4 && $B >= 14.4' });
    expect(ticket.labels.severity).toBe('sev4');
    const routes = Object.values<any>(json.resource.grafana_notification_policy)[0].policy;
    const [cpKey] = Object.keys(json.resource.grafana_contact_point);
    expect(routes).toContainEqual({
      contact_point: `\${grafana_contact_point.${cpKey}.name}`,
      continue: true,
      matcher: [{ label: 'notify_email_oncall_at_acme_example', match: '=', value: 'true' }, { label: 'severity', match: '=~', value: 'sev2' }],
    });
    expect(s.alertResourcesFor('Grafana')[0]).toBeInstanceOf(RuleGroup);
  });

  test('a PromQL query that is not a counter selector is an error', () => {
    const stack = newStack();
    connect(stack);
    expect(() => slo(stack, {
      indicator: SloIndicator.ratio({ good: Signal.promQl({ query: 'sum(rate(x[5m]))' }), total: Signal.promQl({ query: 'x' }) }),
      backends: [MonitorBackend.grafana({ datasourceUid: 'prometheus' })],
    })).toThrow('test/Availability: \'indicator.good\' must be for Grafana a PromQL counter selector such as http_requests_total{job="checkout",code!~"5.."} '
      + '(the library wraps it in increase() per window); received "PromQL query \\"sum(rate(x[5m]))\\""');
  });
});

describe('Slo validation', () => {
  const build = (props: Partial<SloProps>) => () => {
    const stack = newStack();
    connect(stack);
    slo(stack, props);
  };

  test('target outside (0, 100)', () => {
    expect(build({ target: 100 })).toThrow('test/Availability: \'target\' must be a percentage greater than 0 and less than 100; received 100');
    expect(build({ target: 0 })).toThrow('test/Availability: \'target\' must be a percentage greater than 0 and less than 100; received 0');
  });

  test('an unknown window', () => {
    expect(build({ window: '14d' as any })).toThrow('test/Availability: \'window\' must be a SloWindow (SEVEN_DAYS, THIRTY_DAYS, NINETY_DAYS); received "14d"');
  });

  test('a burn-rate window longer than the SLO window', () => {
    expect(build({ window: SloWindow.SEVEN_DAYS, burnRateAlerts: [BurnRateAlert.ticket(1, 8 * 1440, 360)] }))
      .toThrow('test/Availability: \'burnRateAlerts[0].longWindowMinutes\' must be at most the SLO window (7d = 10080 minutes); received 11520');
  });

  test('a short window not shorter than the long one', () => {
    expect(build({ burnRateAlerts: [BurnRateAlert.page(6, 60, 60)] }))
      .toThrow('test/Availability: \'burnRateAlerts[0].shortWindowMinutes\' must be less than longWindowMinutes (60); received 60');
  });

  test('a burn rate the error ratio can never reach', () => {
    expect(build({ target: 99, burnRateAlerts: [BurnRateAlert.page(150, 60, 5)] }))
      .toThrow('test/Availability: \'burnRateAlerts[0].burnRate\' must be a burn rate greater than 0 and at most 1 / (1 - target) = 100; received 150');
  });
});
