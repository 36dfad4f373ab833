import { ValidationError } from '../../src/core/errors';
import {
  BurnRateAlert, MonitorBackend, NotificationTarget, OpsgenieRegion, PagerDutyConnection, PagerDutyService, Secret, Severity,
  Signal, Slo, SloIndicator,
} from '../../src/index';
import { connect, monitor, only } from '../monitors/fixtures';
import { connectNewRelic, errorOf, nrMonitor } from '../newrelic/support';
import { newStack, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

const TEAMS_URL = 'https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke';

function teams(stack: any, extra: Record<string, unknown> = {}) {
  return NotificationTarget.teams({ name: 'checkout-oncall', webhookUrl: Secret.fromTerraformVariable(stack, 'TeamsUrl', { variableName: 'teams_url' }).value, ...extra } as any);
}
function opsgenie(stack: any, extra: Record<string, unknown> = {}) {
  return NotificationTarget.opsgenie({ serviceName: 'checkout', apiKey: Secret.fromTerraformVariable(stack, 'OgKey', { variableName: 'opsgenie_key' }), ...extra } as any);
}

describe('Microsoft Teams', () => {
  test('Datadog: a Workflows webhook handle and @teams-<name> in the message', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { targets: [teams(stack)] });
    const out = synthStack(stack);
    const handle = only(out.resource.datadog_integration_ms_teams_workflows_webhook_handle);
    expect(handle.name).toBe('checkout-oncall');
    expect(handle.url).toBe('${var.teams_url}');
    expect(only(out.resource.datadog_monitor).message).toContain('{{#is_alert}}@teams-checkout-oncall{{/is_alert}}');
  });

  test('Grafana: a teams contact point routed by severity', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, {
      backends: [MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })],
      targets: [teams(stack, { severities: [Severity.SEV1, Severity.SEV2] })],
      severity: Severity.SEV1,
    });
    const out = synthStack(stack);
    const cp = only(out.resource.grafana_contact_point);
    expect(cp.teams).toEqual([expect.objectContaining({ url: '${var.teams_url}' })]);
    const policy = JSON.stringify(out.resource.grafana_notification_policy);
    expect(policy).toContain('notify_teams-checkout-oncall'.replace(/-/g, '_'));
    expect(policy).toContain('sev1|sev2');
  });

  test('CloudWatch: an EventBridge rule on the alarm, an API destination to the webhook, an Adaptive Card', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: [MonitorBackend.cloudwatch()], targets: [teams(stack)] });
    const out = synthStack(stack);
    expect(only(out.resource.aws_cloudwatch_event_api_destination).invocation_endpoint).toBe('${var.teams_url}');
    const rule = only(out.resource.aws_cloudwatch_event_rule);
    const pattern = rule.event_pattern as string;
    expect(pattern).toContain('CloudWatch Alarm State Change');
    expect(pattern).toMatch(/aws_cloudwatch_metric_alarm\.[A-Za-z0-9_]+\.arn/);
    const target = only(out.resource.aws_cloudwatch_event_target);
    expect(JSON.parse(target.input_transformer.input_template).attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(target.input_transformer.input_paths.alarmName).toBe('$.detail.alarmName');
    expect(target.dead_letter_config.arn).toMatch(/aws_sqs_queue\./);
    // The alarm has no action for it: EventBridge follows the alarm.
    const alarms = Object.values(out.resource.aws_cloudwatch_metric_alarm) as any[];
    expect(alarms.every((a) => !a.alarm_actions || a.alarm_actions.length === 0)).toBe(true);
  });

  test('a webhook that is not https is a ValidationError naming the prop and value', () => {
    const stack = newStack();
    connect(stack);
    expect(() => monitor(stack, { targets: [NotificationTarget.teams({ name: 'ops', webhookUrl: 'http://prod.logic.azure.com/workflows/1' })] }))
      .toThrow(ValidationError);
    const stack2 = newStack();
    connect(stack2);
    expect(() => monitor(stack2, { targets: [NotificationTarget.teams({ name: 'ops', webhookUrl: 'http://prod.logic.azure.com/workflows/1' })] }))
      .toThrow(/targets\.teams-ops\.webhookUrl.*https URL.*http:\/\/prod\.logic\.azure\.com/s);
  });

  test('CloudWatch: an SLO notifying Teams is refused (the rule follows monitor alarms)', () => {
    const stack = newStack();
    connect(stack);
    expect(() => new Slo(stack, 'Availability', {
      name: 'checkout availability',
      target: 99.9,
      indicator: SloIndicator.ratio({
        good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'GoodRequests' }),
        total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'Requests' }),
      }),
      burnRateAlerts: BurnRateAlert.sreWorkbook(),
      backends: [MonitorBackend.cloudwatch()],
      targets: [teams(stack)],
    })).toThrow(/targets\.teams-checkout-oncall.*a MonitorConfig for a Teams target on CloudWatch/s);
  });

  test('CloudWatch: the AWS part passes terraform validate', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: [MonitorBackend.cloudwatch()], targets: [teams(stack), opsgenie(stack)] });
    const verdict = validator.validate(awsPart(synthStack(stack))!.json);
    expect(verdict.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  test('a handle name with spaces is refused', () => {
    const stack = newStack();
    connect(stack);
    expect(() => monitor(stack, { targets: [NotificationTarget.teams({ id: 'ops', name: 'on call', webhookUrl: TEAMS_URL })] }))
      .toThrow(/targets\.ops\.name.*Teams handle name/s);
  });
});

describe('Opsgenie', () => {
  test('Datadog: a service object with the region and @opsgenie-<service>', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { targets: [opsgenie(stack, { region: OpsgenieRegion.EU })] });
    const out = synthStack(stack);
    const so = only(out.resource.datadog_integration_opsgenie_service_object);
    expect(so).toEqual(expect.objectContaining({ name: 'checkout', region: 'eu', opsgenie_api_key: '${var.opsgenie_key}' }));
    expect(only(out.resource.datadog_monitor).message).toContain('{{#is_alert}}@opsgenie-checkout{{/is_alert}}');
  });

  test('Grafana: an opsgenie contact point on the region\'s Alert API', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: [MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })], targets: [opsgenie(stack, { region: OpsgenieRegion.EU })] });
    const cp = only(synthStack(stack).resource.grafana_contact_point);
    expect(cp.opsgenie).toEqual([expect.objectContaining({ api_key: '${var.opsgenie_key}', url: 'https://api.eu.opsgenie.com/v2/alerts', auto_close: true })]);
  });

  test('CloudWatch: an SNS topic with an HTTPS subscription to Opsgenie\'s CloudWatch endpoint', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: [MonitorBackend.cloudwatch()], targets: [opsgenie(stack)] });
    const out = synthStack(stack);
    const sub = only(out.resource.aws_sns_topic_subscription);
    expect(sub.protocol).toBe('https');
    expect(sub.endpoint).toBe('https://api.opsgenie.com/v1/json/cloudwatch?apiKey=${var.opsgenie_key}');
    expect(sub.endpoint_auto_confirms).toBe(true);
    expect(only(out.resource.aws_cloudwatch_metric_alarm).alarm_actions).toEqual([expect.stringMatching(/aws_sns_topic\..*\.arn/)]);
  });

  test('an API URL of the wrong region is a ValidationError naming both regions', () => {
    const stack = newStack();
    connect(stack);
    expect(() => monitor(stack, { targets: [opsgenie(stack, { region: OpsgenieRegion.EU, apiUrl: 'https://api.opsgenie.com' })] }))
      .toThrow(ValidationError);
    const stack2 = newStack();
    connect(stack2);
    expect(() => monitor(stack2, { targets: [opsgenie(stack2, { apiUrl: 'https://api.eu.opsgenie.com/' })] }))
      .toThrow(/targets\.opsgenie-checkout\.apiUrl.*region US.*https:\/\/api\.eu\.opsgenie\.com is the API of region EU/s);
  });

  test('an API URL that is not Opsgenie\'s, or not https, is refused', () => {
    const stack = newStack();
    connect(stack);
    expect(() => monitor(stack, { targets: [opsgenie(stack, { apiUrl: 'https://opsgenie.evil.example' })] })).toThrow(/apiUrl.*Opsgenie API of region US/s);
    const stack2 = newStack();
    connect(stack2);
    expect(() => monitor(stack2, { targets: [opsgenie(stack2, { apiUrl: 'http://api.opsgenie.com' })] })).toThrow(/apiUrl.*https URL/s);
  });

  test('a missing API key is refused', () => {
    const stack = newStack();
    connect(stack);
    expect(() => monitor(stack, { targets: [NotificationTarget.opsgenie({ serviceName: 'checkout' } as any)] })).toThrow(/targets\.opsgenie-checkout\.apiKey/);
  });
});

describe('unsupported combinations', () => {
  test('New Relic cannot notify Teams or Opsgenie: a synth error naming the target and the backend', () => {
    for (const [make, id] of [[(s: any) => teams(s), 'teams-checkout-oncall'], [(s: any) => opsgenie(s), 'opsgenie-checkout']] as const) {
      const stack = newStack();
      connectNewRelic(stack);
      const e = errorOf(() => nrMonitor(stack, { targets: [make(stack)] }, 'A'));
      expect(e.message).toContain(`'targets.${id}' must be a target the New Relic backend "NewRelic" can notify`);
      expect(e.message).toContain(`"${id}" cannot be notified through New Relic`);
    }
  });

  test('a managed PagerDuty service cannot be notified through New Relic', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const conn = new PagerDutyConnection(stack, 'Pd', { apiToken: Secret.fromTerraformVariable(stack, 'T', { variableName: 'pd_token' }), testConnection: false });
    const service = new PagerDutyService(stack, 'Svc', { name: 'checkout', escalationPolicyId: 'PPOLICY1', connection: conn });
    const e = errorOf(() => nrMonitor(stack, { targets: [service.target()] }, 'A'));
    expect(e.message).toContain('"pagerduty-checkout" cannot be notified through New Relic');
  });
});
