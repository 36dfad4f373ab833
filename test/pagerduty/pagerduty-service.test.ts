import { ValidationError } from '../../src/core/errors';
import { Integrations, MonitorBackend, NotificationTarget, PagerDutyConnection, PagerDutyRegion, PagerDutyService, Secret, Severity } from '../../src/index';
import { allBackends, connect, monitor, only } from '../monitors/fixtures';
import { newStack, synthStack } from '../support/synth';

describe('PagerDutyService as a target', () => {
  function pdStack() {
    const stack = newStack();
    const c = connect(stack);
    const token = Secret.fromTerraformVariable(stack, 'PdToken', { variableName: 'pd_token' });
    const conn = new PagerDutyConnection(stack, 'PagerDutyManaged', { apiToken: token, region: PagerDutyRegion.EU, testConnection: false });
    const service = new PagerDutyService(stack, 'Checkout', {
      name: 'checkout-prod', escalationRules: [{ escalationDelayMinutes: 15, scheduleIds: ['PSCHED1'] }], connection: conn,
    });
    return { stack, c, service };
  }

  test('every backend gets its own integration; keys are references', () => {
    const { stack, service } = pdStack();
    monitor(stack, { backends: allBackends(), targets: [service.target({ severities: [Severity.SEV1] })], severity: Severity.SEV1 });
    const out = synthStack(stack);
    const integrations = Object.values(out.resource.pagerduty_service_integration) as any[];
    expect(integrations).toHaveLength(3);
    expect(integrations.map((i) => i.type ?? i.name).sort()).toEqual(['Amazon CloudWatch', 'Datadog', 'events_api_v2_inbound_integration']);
    expect(Object.values(out.data.pagerduty_vendor).map((v: any) => v.name).sort()).toEqual(['Amazon CloudWatch', 'Datadog']);
    const so = only(out.resource.datadog_integration_pagerduty_service_object);
    expect(so.service_name).toMatch(/^\$\{pagerduty_service\..*\.name\}$/);
    expect(so.service_key).toMatch(/^\$\{pagerduty_service_integration\..*\.integration_key\}$/);
    expect(only(out.resource.aws_sns_topic_subscription).endpoint).toMatch(/^https:\/\/events\.eu\.pagerduty\.com\/integration\/\$\{pagerduty_service_integration\..*\.integration_key\}\/enqueue$/);
    expect(only(out.resource.grafana_contact_point).pagerduty[0].integration_key).toMatch(/pagerduty_service_integration\..*\.integration_key/);
    expect(JSON.stringify(out.provider.pagerduty)).toContain('${var.pd_token}');
    expect(out.provider.pagerduty[0].service_region).toBe('eu');
    expect(only(out.resource.datadog_monitor).message).toContain('@pagerduty-checkout-prod');
  });

  test('a target that does not take the severity is not notified', () => {
    const { stack, service } = pdStack();
    monitor(stack, { targets: [service.target({ severities: [Severity.SEV1] })], severity: Severity.SEV3 });
    const out = synthStack(stack);
    expect(out.resource.pagerduty_service_integration).toBeUndefined();
    expect(only(out.resource.datadog_monitor).message).not.toContain('@pagerduty-checkout-prod');
  });
});

describe('PagerDutyService bad input', () => {
  test('no API token, no escalation, both escalation kinds, rules without anyone, bad ids', () => {
    const stack = newStack();
    const noToken = new PagerDutyConnection(stack, 'NoToken', { testConnection: false });
    expect(() => new PagerDutyService(stack, 'A', { name: 'a', escalationPolicyId: 'PPOLICY1', connection: noToken })).toThrow(/'connection'.*apiToken/s);
    const conn = new PagerDutyConnection(stack, 'Pd', { apiToken: Secret.fromTerraformVariable(stack, 'T', { variableName: 'pd_token' }), testConnection: false });
    expect(() => new PagerDutyService(stack, 'B', { name: 'b', connection: conn })).toThrow(/'escalationRules'/);
    expect(() => new PagerDutyService(stack, 'C', { name: 'c', connection: conn, escalationPolicyId: 'PPOLICY1', escalationRules: [] })).toThrow(/one or the other/);
    expect(() => new PagerDutyService(stack, 'D', { name: 'd', connection: conn, escalationRules: [{ escalationDelayMinutes: 5 }] })).toThrow(/escalationRules\[0\].*at least one user or schedule/s);
    expect(() => new PagerDutyService(stack, 'E', { name: 'e', connection: conn, escalationRules: [{ escalationDelayMinutes: 0, userIds: ['PUSER01'] }] })).toThrow(/escalationDelayMinutes/);
    expect(() => new PagerDutyService(stack, 'F', { name: 'f', connection: conn, escalationRules: [{ escalationDelayMinutes: 5, userIds: ['bob'] }] })).toThrow(/userIds\[0\].*PagerDuty user id/s);
    expect(() => new PagerDutyService(stack, 'H', { name: 'h', connection: conn, escalationPolicyId: 'PPOLICY1', escalationLoops: 3 })).toThrow(/'escalationLoops'.*existing policy/s);
    expect(() => new PagerDutyService(stack, 'I', { name: 'i', connection: conn, escalationRules: [{ escalationDelayMinutes: 5, userIds: ['PUSER01'] }], escalationLoops: 12 })).toThrow(/'escalationLoops'/);
    expect(() => new PagerDutyService(stack, 'G', { name: 'has space', connection: conn, escalationPolicyId: 'PPOLICY1' })).toThrow(ValidationError);
  });
});

describe('PagerDutyService in the IntegrationCatalog', () => {
  test('describes the service, its policy and the integrations the backends use, by reference', () => {
    const stack = newStack();
    connect(stack);
    const conn = new PagerDutyConnection(stack, 'PagerDutyManaged', { apiToken: Secret.fromTerraformVariable(stack, 'PdToken', { variableName: 'pd_token' }), testConnection: false });
    const service = new PagerDutyService(stack, 'Checkout', { name: 'checkout-prod', escalationRules: [{ escalationDelayMinutes: 15, userIds: ['PUSER01'] }], connection: conn });
    monitor(stack, { backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()], targets: [service.target()] });
    expect(Integrations.isIntegration(service)).toBe(true);
    const d = service.describeIntegration();
    expect(d.kind).toBe('pagerduty-service');
    expect(d.systems).toEqual(['pagerduty', 'aws', 'datadog']);
    expect(d.endpoint).toEqual({ region: 'US' });
    expect(Object.keys(d.resources!)).toEqual(['service', 'escalationPolicy', 'cloudwatchIntegration', 'datadogIntegration']);
    const json = synthStack(stack);
    expect(Object.keys(json.resource.pagerduty_service_integration)).toHaveLength(2);
    expect(d.health).toEqual([]);
    expect(d.noHealthReason).toMatch(/PagerDuty/);
  });
});

test('a managed service and another target with the same id in one stack: a ValidationError, not a clash of resources', () => {
  const stack = newStack();
  connect(stack);
  const conn = new PagerDutyConnection(stack, 'PagerDutyManaged', { apiToken: Secret.fromTerraformVariable(stack, 'PdToken', { variableName: 'pd_token' }), testConnection: false });
  const service = new PagerDutyService(stack, 'Checkout', { name: 'checkout', escalationPolicyId: 'PPOLICY1', connection: conn });
  const grafana = MonitorBackend.grafana({ datasourceUid: 'cloudwatch' });
  monitor(stack, { backends: [grafana], targets: [service.target()] }, 'A');
  expect(() => monitor(stack, { backends: [grafana], title: 'other', targets: [NotificationTarget.email({ id: 'pagerduty-checkout', address: 'a@acme.example' })] }, 'B'))
    .toThrow(/targets\.pagerduty-checkout\.id.*not used by a different notification target/s);
});
