import { monitorsExample } from '../../examples/monitors/main';
import { synthApp } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

describe('examples/monitors', () => {
  const out = synthApp((app) => monitorsExample(app));
  const json = out.stacks.monitors;

  test('synthesizes one stack named monitors', () => {
    expect(Object.keys(out.stacks)).toEqual(['monitors']);
  });

  test('renders each monitor to the backends it names', () => {
    const names = (type: string, attr: string) => Object.values<any>(json.resource[type]).map((r) => r[attr]).sort();
    expect(names('datadog_monitor', 'name')).toEqual([
      'checkout: ALB target 5xx', 'checkout: APM errors', 'checkout: Lambda errors', 'checkout: degraded (errors and slow)', 'checkout: order queue backlog',
      'checkout: order success: burn rate 14.4x 1h/5m', 'checkout: order success: burn rate 3x 1d/2h', 'checkout: order success: burn rate 6x 6h/30m',
      'checkout: p99 duration', 'checkout: unusual traffic',
    ]);
    expect(names('aws_cloudwatch_metric_alarm', 'alarm_name')).toEqual([
      'checkout: ALB target 5xx', 'checkout: Lambda errors', 'checkout: Lambda errors (warning)', 'checkout: error rate',
      'checkout: order queue backlog',
      'checkout: order success: burn rate 14.4x 1h/5m (1h)', 'checkout: order success: burn rate 14.4x 1h/5m (5m)',
      'checkout: order success: burn rate 3x 1d/2h (1d)', 'checkout: order success: burn rate 3x 1d/2h (2h)',
      'checkout: order success: burn rate 6x 6h/30m (30m)', 'checkout: order success: burn rate 6x 6h/30m (6h)',
      'checkout: p99 duration', 'checkout: p99 duration (warning)', 'checkout: unusual traffic',
    ]);
    expect(names('aws_cloudwatch_composite_alarm', 'alarm_name')).toEqual([
      'checkout: degraded (errors and slow)', 'checkout: order success: burn rate 14.4x 1h/5m',
      'checkout: order success: burn rate 3x 1d/2h', 'checkout: order success: burn rate 6x 6h/30m',
    ]);
    expect(names('datadog_service_level_objective', 'name')).toEqual(['checkout: order success']);
    expect(names('grafana_rule_group', 'name')).toEqual([
      'checkout: ALB target 5xx', 'checkout: HTTP 5xx ratio', 'checkout: HTTP availability', 'checkout: Lambda errors', 'checkout: order queue backlog',
      'checkout: p99 duration',
    ]);
    expect(Object.values<any>(json.resource.grafana_folder)).toEqual([expect.objectContaining({ title: 'Checkout', provider: 'grafana' })]);
  });

  test('routes by severity: SEV1/SEV2 page, SEV3+ e-mail, Slack hears all', () => {
    const dd = (name: string) => Object.values<any>(json.resource.datadog_monitor).find((m) => m.name === name);
    const sev2 = dd('checkout: Lambda errors').message;
    expect(sev2).toContain('{{#is_alert}}@pagerduty-checkout @webhook-incident-bridge @slack-acme-checkout-alerts{{/is_alert}}');
    expect(sev2).not.toContain('checkout-team@acme.example');
    const sev3 = dd('checkout: p99 duration').message;
    expect(sev3).toContain('{{#is_alert}}@slack-acme-checkout-alerts @checkout-team@acme.example{{/is_alert}}');
    expect(sev3).not.toContain('@pagerduty');

    const policy = Object.values<any>(json.resource.grafana_notification_policy);
    expect(policy).toHaveLength(1);
    const routes = policy[0].policy;
    // contact points by reference, routes in declaration order: the platform team's route
    // (continue: false) is added last, so it hides none of the monitors' routes
    const cps = json.resource.grafana_contact_point;
    const cp = (name: string) => `\${grafana_contact_point.${Object.keys(cps).find((k) => cps[k].name === name)}.name}`;
    expect(routes.map((r: any) => r.contact_point)).toEqual([
      cp('pagerduty-checkout'), cp('webhook-incident-bridge'), cp('slack-checkout-alerts'), cp('slack-checkout-alerts'),
      cp('email-checkout-team-at-acme-example'), cp('pagerduty-checkout'), cp('webhook-incident-bridge'), 'platform-oncall',
    ]);
    expect(routes).toContainEqual({
      contact_point: cp('pagerduty-checkout'),
      continue: true,
      matcher: [{ label: 'notify_pagerduty_checkout', match: '=', value: 'true' }, { label: 'severity', match: '=~', value: 'sev1|sev2' }],
    });
    expect(routes).toContainEqual({
      contact_point: cp('email-checkout-team-at-acme-example'),
      continue: true,
      matcher: [{ label: 'notify_email_checkout_team_at_acme_example', match: '=', value: 'true' }, { label: 'severity', match: '=~', value: 'sev3|sev4|sev5' }],
    });
    expect(routes).toContainEqual({ contact_point: 'platform-oncall', continue: false, matcher: [{ label: 'team', match: '=', value: 'platform' }] });
  });

  test('composite, anomaly and SLO monitors: queries and rules', () => {
    const dd = (name: string) => Object.values<any>(json.resource.datadog_monitor).find((m) => m.name === name);
    const key = (type: string, attr: string, value: string) => Object.entries<any>(json.resource[type]).find(([, r]) => r[attr] === value)![0];
    expect(dd('checkout: degraded (errors and slow)').query).toBe(
      `\${datadog_monitor.${key('datadog_monitor', 'name', 'checkout: Lambda errors')}.id} && \${datadog_monitor.${key('datadog_monitor', 'name', 'checkout: p99 duration')}.id}`);
    expect(dd('checkout: unusual traffic').query).toBe(
      'avg(last_150m):anomalies(sum:aws.lambda.invocations{functionname:checkout}.as_count(), \'agile\', 3, direction=\'both\', alert_window=\'last_30m\', interval=300, count_default_zero=\'true\') >= 1');
    const slo = key('datadog_service_level_objective', 'name', 'checkout: order success');
    expect(dd('checkout: order success: burn rate 14.4x 1h/5m').query)
      .toBe(`burn_rate("\${datadog_service_level_objective.${slo}.id}").over("30d").long_window("1h").short_window("5m") > 14.4`);
    expect(dd('checkout: order success: burn rate 14.4x 1h/5m').message).toContain('@pagerduty-checkout');
    expect(dd('checkout: order success: burn rate 3x 1d/2h').message).not.toContain('@pagerduty-checkout');
    expect(dd('checkout: order success: burn rate 3x 1d/2h').message).toContain('@checkout-team@acme.example');
    const composite = Object.values<any>(json.resource.aws_cloudwatch_composite_alarm).find((a) => a.alarm_name === 'checkout: degraded (errors and slow)');
    expect(composite.alarm_rule).toBe(
      `ALARM("\${aws_cloudwatch_metric_alarm.${key('aws_cloudwatch_metric_alarm', 'alarm_name', 'checkout: Lambda errors')}.alarm_name}") AND `
      + `ALARM("\${aws_cloudwatch_metric_alarm.${key('aws_cloudwatch_metric_alarm', 'alarm_name', 'checkout: p99 duration')}.alarm_name}")`);
    const anomaly = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).find((a) => a.alarm_name === 'checkout: unusual traffic');
    expect(anomaly.threshold_metric_id).toBe('ad1');
    expect(anomaly.comparison_operator).toBe('LessThanLowerOrGreaterThanUpperThreshold');
  });

  test('no secret value in the output, only references', () => {
    const text = JSON.stringify(json);
    expect(text).toMatch(/https:\/\/events\.eu\.pagerduty\.com\/integration\/\$\{data\.aws_secretsmanager_secret_version\.PagerDutyKey_[0-9A-F]{8}\.secret_string\}\/enqueue/);
    expect(text).toMatch(/"integration_key":"\$\{data\.aws_secretsmanager_secret_version\.PagerDutyKey_[0-9A-F]{8}\.secret_string\}"/);
    expect(text).toContain('${var.monitors_grafana_token}');
  });

  test('the AWS part passes terraform validate', () => {
    const part = awsPart(json)!;
    expect(part.awsBlocks).toBeGreaterThan(10);
    const result = validator.validate(part.json);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
