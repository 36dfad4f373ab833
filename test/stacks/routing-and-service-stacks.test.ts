import { Testing } from 'cdktf';
import {
  IncidentRoutingStack, IncidentRoutingStackProps, ServiceBackend, ServiceMonitoringStack, Severity, Signal, Statistic, Webhook, WebhookConnection,
  WebhookPayload,
} from '../../src';
import { synthApp } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

const routingProps: IncidentRoutingStackProps = {
  aws: { region: 'eu-west-1', accountId: '123456789012' },
  grafana: { url: 'https://g.example.com' },
  slack: { workspaceId: 'T01234567', botTokenEnvironmentVariable: 'TF_VAR_slack_bot', datadogAccountName: 'acme' },
  routes: [
    { severities: [Severity.SEV1, Severity.SEV2], pagerDutyService: 'oncall', pagerDutyKeyEnvironmentVariable: 'TF_VAR_pd_key' },
    { severities: [Severity.SEV3, Severity.SEV4, Severity.SEV5], slackChannel: 'alerts', slackChannelId: 'C0ALERTS1' },
  ],
};
const all = (json: any, type: string) => Object.values<any>(json.resource?.[type] ?? {});

function build() {
  return synthApp((app) => {
    const routing = new IncidentRoutingStack(app, 'routing', routingProps);
    new ServiceMonitoringStack(app, 'checkout', {
      service: 'checkout',
      backends: [ServiceBackend.DATADOG, ServiceBackend.CLOUDWATCH, ServiceBackend.GRAFANA],
      routing,
      aws: { region: 'eu-west-1' },
      datadog: {},
      grafana: { url: 'https://g.example.com', datasourceUid: 'prom' },
      lambdaFunctions: [{ functionName: 'checkout-api' }],
      queues: [{ queueName: 'orders' }],
      slo: {
        target: 99.9,
        good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersSucceeded', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_succeeded' }),
        total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersPlaced', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_placed' }),
        backends: [ServiceBackend.DATADOG, ServiceBackend.CLOUDWATCH],
      },
    });
  });
}

describe('IncidentRoutingStack', () => {
  const out = build();
  const routing = out.stacks.routing;

  test('assembles the one Grafana policy tree, routing by severity label', () => {
    const [policy] = all(routing, 'grafana_notification_policy');
    expect(policy.group_by).toEqual(['grafana_folder', 'alertname', 'severity']);
    // contact points by reference (Terraform destroys the policy before them), in route order
    const contactPoints = routing.resource.grafana_contact_point;
    const ref = (name: string) => `\${grafana_contact_point.${Object.keys(contactPoints).find((k) => contactPoints[k].name === name)}.name}`;
    expect(policy.policy.map((p: any) => [p.contact_point, p.matcher[0]])).toEqual([
      [ref('pagerduty-oncall-sev1-sev2'), { label: 'severity', match: '=~', value: 'sev1|sev2' }],
      [ref('slack-alerts-sev3-sev4-sev5'), { label: 'severity', match: '=~', value: 'sev3|sev4|sev5' }],
    ]);
    expect(all(routing, 'grafana_contact_point').map((c) => c.name).sort()).toEqual(['pagerduty-oncall-sev1-sev2', 'slack-alerts-sev3-sev4-sev5']);
  });

  test('creates KMS-encrypted SNS topics and outputs them per severity', () => {
    const topics = all(routing, 'aws_sns_topic');
    expect(topics).toHaveLength(2);
    for (const t of topics) expect(t.kms_master_key_id).toMatch(/aws_kms_key|alias/);
    expect(Object.keys(routing.output).filter((k) => k.startsWith('TopicArns-')).sort()).toEqual(['TopicArns-sev1', 'TopicArns-sev2', 'TopicArns-sev3', 'TopicArns-sev4', 'TopicArns-sev5']);
  });

  test.each([
    [{ routes: [] }, "r: 'routes' must be at least one route; received []"],
    [{ routes: [{ severities: [Severity.SEV1] }] }, /r: 'routes\[0\]' must be a route with a slackChannel, a pagerDutyService or an email/],
    [{ routes: [{ severities: [Severity.SEV1], email: 'a@b.co' }] }, /r: 'routes' must be routes that together take every severity \(none takes SEV2\)/],
    [{ routes: [{ severities: [], email: 'a@b.co' }] }, "r: 'routes[0].severities' must be a non-empty list of Severity values (SEV1 … SEV5); received []"],
  ])('bad routes %#', (props, message) => {
    expect(() => new IncidentRoutingStack(Testing.app(), 'r', props as any)).toThrow(message as any);
  });
});

describe('ServiceMonitoringStack', () => {
  const out = build();
  const service = out.stacks.checkout;

  test('renders every preset monitor to the three backends', () => {
    const monitors = all(service, 'datadog_monitor').filter((m) => m.type === 'metric alert');
    // the SLO's CloudWatch burn-rate alarms (two per alert) are not preset monitors
    const alarms = all(service, 'aws_cloudwatch_metric_alarm').filter((a) => !/burn rate/.test(a.alarm_name));
    expect(monitors).toHaveLength(alarms.length);
    expect(monitors.length).toBeGreaterThanOrEqual(4);
    expect(all(service, 'grafana_rule_group').length).toBe(monitors.length);
    for (const m of all(service, 'datadog_monitor')) expect(m.tags).toEqual(expect.arrayContaining(['service:checkout', 'env:prod']));
  });

  test('routes through the routing stack by reference, never by copied strings', () => {
    const sev2 = all(service, 'datadog_monitor')[0];
    expect(sev2.message).toContain('{{#is_alert}}@pagerduty-oncall{{/is_alert}}');
    const alarm = all(service, 'aws_cloudwatch_metric_alarm')[0];
    expect(alarm.alarm_actions).toEqual([expect.stringMatching(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-routing\.outputs\.cross-stack-output-aws_sns_topic/)]);
    expect(Object.keys(service.data.terraform_remote_state)).toHaveLength(1);
    // Grafana rules carry the severity label; the org policy lives in the routing stack only
    expect(all(service, 'grafana_notification_policy')).toEqual([]);
    const rule = all(service, 'grafana_rule_group')[0].rule[0];
    expect(rule.labels.severity).toBe('sev2');
  });

  test('a backend without its connection fails', () => {
    expect(() => new ServiceMonitoringStack(Testing.app(), 's', { service: 'x', backends: [ServiceBackend.GRAFANA] }))
      .toThrow("s: 'backends' must be backends whose connection is configured: set grafana to render to Grafana; received \"GRAFANA\"");
    expect(() => new ServiceMonitoringStack(Testing.app(), 's', { service: 'Bad Name', backends: [ServiceBackend.DATADOG], datadog: {} }))
      .toThrow("s: 'service' must be a service name of lower-case letters, digits, _ . - (at most 63); received \"Bad Name\"");
  });

  test('the AWS parts of both stacks pass terraform validate', () => {
    const validator = new TerraformValidator();
    try {
      for (const name of ['routing', 'checkout']) {
        const verdict = validator.validate(awsPart(out.stacks[name])!.json);
        expect({ name, errors: verdict.diagnostics.filter((d) => d.startsWith('error')) }).toEqual({ name, errors: [] });
      }
    } finally {
      validator.dispose();
    }
  });
});

test('the service stack draws its dashboard on every backend', () => {
  const out = build();
  const service = out.stacks.checkout;
  expect(Object.values<any>(service.resource.datadog_dashboard_json)).toHaveLength(1);
  expect(Object.values<any>(service.resource.aws_cloudwatch_dashboard)).toHaveLength(1);
  const [grafana] = Object.values<any>(service.resource.grafana_dashboard);
  const model = JSON.parse(grafana.config_json);
  expect(model.title).toBe('checkout service');
  const monitors = Object.values<any>(service.resource.datadog_monitor).filter((m) => m.type === 'metric alert').length;
  const dd = JSON.parse(Object.values<any>(service.resource.datadog_dashboard_json)[0].dashboard);
  // one row (group) per distinct monitored signal, plus the alert status
  expect(dd.widgets.length).toBeGreaterThan(1);
  expect(dd.widgets.length).toBeLessThanOrEqual(monitors + 1);
  expect(JSON.stringify(dd)).toContain('manage_status');
});

test('the service SLO routes its page and ticket burn-rate alerts by their own severities', () => {
  const service = build().stacks.checkout;
  expect(Object.values<any>(service.resource.datadog_service_level_objective)).toHaveLength(1);
  const sloAlerts = Object.values<any>(service.resource.datadog_monitor).filter((m) => m.type === 'slo alert');
  expect(sloAlerts).toHaveLength(3);
  const page = sloAlerts.filter((m) => m.message.includes('@pagerduty-oncall'));
  const ticket = sloAlerts.filter((m) => m.message.includes('@slack-acme-alerts'));
  expect(page).toHaveLength(2);
  expect(ticket).toHaveLength(1);
  const composites = Object.values<any>(service.resource.aws_cloudwatch_composite_alarm);
  expect(composites).toHaveLength(3);
  for (const c of composites) expect(c.alarm_actions[0]).toMatch(/terraform_remote_state\.cross-stack-reference-input-routing/);
});

describe('ServiceMonitoringStack integration catalog', () => {
  const props = (extra: object = {}) => ({
    service: 'checkout',
    backends: [ServiceBackend.CLOUDWATCH, ServiceBackend.GRAFANA],
    aws: { region: 'eu-west-1' },
    grafana: { url: 'https://g.example.com', datasourceUid: 'prom' },
    queues: [{ queueName: 'orders' }],
    ...extra,
  });

  test('by default it writes the manifest only: the Terraform of the stack is what it was without it', () => {
    const withCatalog = synthApp((app) => new ServiceMonitoringStack(app, 'checkout', props()));
    const without = synthApp((app) => new ServiceMonitoringStack(app, 'checkout', props({ integrationCatalog: { enabled: false } })));
    expect(withCatalog.files['stacks/checkout/cdk.tf.json']).toBe(without.files['stacks/checkout/cdk.tf.json']);
    expect(without.files['stacks/checkout/integrations.manifest.json']).toBeUndefined();
    const manifest = JSON.parse(withCatalog.files['stacks/checkout/integrations.manifest.json']);
    expect(manifest.integrations.map((i: any) => i.id)).toEqual(['connection.aws/default', 'connection.grafana/default']);
    expect(manifest.integrations[1].secrets).toEqual([{ role: 'auth.token', source: 'ENVIRONMENT', path: 'checkout/GrafanaToken', variable: 'grafana_token', environmentVariable: 'TF_VAR_grafana_token' }]);
  });

  test('integrations added to the stack after it is built are cataloged', () => {
    const out = synthApp((app) => {
      const stack = new ServiceMonitoringStack(app, 'checkout', props());
      new WebhookConnection(stack, 'Receiver', { url: 'https://hooks.example.com/x' });
      new Webhook(stack, 'Alerts', { name: 'alerts', payload: WebhookPayload.fromJsonTemplate('{"t": "{{title}}"}'), eventBridge: {} });
      expect(stack.integrationCatalog).toBeDefined();
    });
    const manifest = JSON.parse(out.files['stacks/checkout/integrations.manifest.json']);
    expect(manifest.integrations.map((i: any) => [i.id, i.status])).toEqual([
      ['connection.aws/default', 'checked'], ['connection.grafana/default', 'checked'], ['connection.webhook/default', 'checked'], ['webhook/alerts', 'partially-checked'],
    ]);
  });

  test('dashboard, monitors and outputs on request, on the stack backends, routed like its monitors', () => {
    const out = synthApp((app) => {
      const routing = new IncidentRoutingStack(app, 'routing', routingProps);
      const stack = new ServiceMonitoringStack(app, 'checkout', props({ routing, integrationCatalog: { dashboard: true, monitors: true, outputs: true, severity: Severity.SEV4 } }));
      new WebhookConnection(stack, 'Receiver', { url: 'https://hooks.example.com/x' });
      new Webhook(stack, 'Alerts', { name: 'alerts', payload: WebhookPayload.fromJsonTemplate('{"t": "{{title}}"}'), eventBridge: {} });
    });
    const service = out.stacks.checkout;
    const dashboards = all(service, 'aws_cloudwatch_dashboard').map((d) => d.dashboard_name);
    expect(dashboards).toHaveLength(2);
    expect(all(service, 'grafana_dashboard')).toHaveLength(2);
    const retries = all(service, 'aws_cloudwatch_metric_alarm').find((a) => a.metric_name === 'RetryInvocationAttempts');
    expect(retries.alarm_actions).toEqual([expect.stringMatching(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-routing\.outputs\.cross-stack-output-aws_sns_topic/)]);
    const rule = all(service, 'grafana_rule_group').find((g) => g.name === 'Integration webhook/alerts: retries-alarms').rule[0];
    expect(rule.labels.severity).toBe('sev4');
    expect(Object.keys(service.output).filter((k) => k.startsWith('integration_')).sort()).toEqual([
      'integration_connection_aws_default', 'integration_connection_grafana_default', 'integration_connection_webhook_default', 'integration_webhook_alerts',
    ]);
    expect(service.output.integration_webhook_alerts.value.status).toBe('checked');
  });

  test('bad catalog options', () => {
    expect(() => new ServiceMonitoringStack(Testing.app(), 's', props({ integrationCatalog: { dashboard: 'yes' } })))
      .toThrow("s: 'integrationCatalog.dashboard' must be true or false; received \"yes\"");
    expect(() => new ServiceMonitoringStack(Testing.app(), 's', props({ integrationCatalog: { severity: Severity.SEV1 } })))
      .toThrow("s: 'integrationCatalog.severity' must be unset unless integrationCatalog.monitors is true; received \"SEV1\"");
    expect(() => new ServiceMonitoringStack(Testing.app(), 's', props({ integrationCatalog: true })))
      .toThrow("s: 'integrationCatalog' must be a ServiceIntegrationCatalogOptions object; received true");
  });
});
