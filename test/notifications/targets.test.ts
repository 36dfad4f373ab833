import { NotificationPolicy } from '../../src/bindings/grafana/notification-policy/index';
import {
  AwsConnection, PagerDutyConnection, PagerDutyRegion, Secret, Severity, SlackConnection, WebhookAuth, WebhookConnection,
  CloudWatchRenderedMonitor, DatadogRenderedMonitor, GrafanaNotificationPolicy, GrafanaRenderedMonitor, MatchOperator,
  MonitorBackend, NotificationTarget, Signal, TopicEncryption,
  MissingData,
} from '../../src/index';
import { connect, monitor, only, warningsOf } from '../monitors/fixtures';
import { newStack, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

const promql = Signal.promQl({ query: 'sum(rate(http_requests_total{code=~"5.."}[5m]))' });

describe('Datadog handles', () => {
  test('slack, pagerduty, email and webhook handles in alert, warning, no-data and recovery blocks', () => {
    const stack = newStack();
    const c = connect(stack);
    const m = monitor(stack, {
      backends: [MonitorBackend.datadog()],
      warning: 5,
      runbookUrl: 'https://runbooks.acme.example/checkout',
      // Errors is a sparse count, silent on no data by default: ask for the no-data notification.
      missingData: MissingData.BREACHING,
      targets: [
        NotificationTarget.slack({ channel: 'checkout-alerts' }),
        NotificationTarget.pagerDuty({ serviceName: 'checkout-prod' }),
        NotificationTarget.email({ address: 'oncall@acme.example' }),
        NotificationTarget.webhook({ connection: c.hook }),
        NotificationTarget.webhook({ connection: c.bearerHook, datadogWebhookName: 'status-page' }),
      ],
    });
    const h = '@slack-acme-checkout-alerts @pagerduty-checkout-prod @oncall@acme.example @webhook-IncidentBridge @webhook-status-page';
    expect(only(synthStack(stack).resource.datadog_monitor).message).toBe([
      'Checkout Lambda errors are high.',
      'Runbook: https://runbooks.acme.example/checkout',
      `{{#is_alert}}${h}{{/is_alert}}`,
      `{{#is_warning}}${h}{{/is_warning}}`,
      `{{#is_no_data}}${h}{{/is_no_data}}`,
      `{{#is_recovery}}${h}{{/is_recovery}}`,
    ].join('\n\n'));
    expect((m.rendering('Datadog') as DatadogRenderedMonitor).notificationHandles).toEqual(h.split(' '));
  });

  test('without a Datadog Slack account name the handle names only the channel; targets added later render too', () => {
    const stack = newStack();
    new SlackConnection(stack, 'Slack', { testConnection: false });
    connect(stack, { slack: false });
    const m = monitor(stack, { backends: [MonitorBackend.datadog()], missingData: undefined });
    m.addTarget(NotificationTarget.slack({ channel: 'alerts', connection: SlackConnection.of(stack) }));
    expect(only(synthStack(stack).resource.datadog_monitor).message).toContain('{{#is_alert}}@slack-alerts{{/is_alert}}');
  });
});

describe('CloudWatch SNS topics', () => {
  function cwStack(targets: (c: ReturnType<typeof connect>) => any[], backend = MonitorBackend.cloudwatch()) {
    const stack = newStack();
    const c = connect(stack);
    const m = monitor(stack, { backends: [backend], targets: targets(c) });
    return { stack, m, json: synthStack(stack) };
  }

  test('each target gets one KMS-encrypted topic; alarm, OK and insufficient-data actions point at them', () => {
    const { m, json } = cwStack((c) => [
      NotificationTarget.email({ address: 'oncall@acme.example' }),
      NotificationTarget.pagerDuty({ serviceName: 'checkout', integrationKey: c.v('pd_key') }),
      NotificationTarget.webhook({ connection: c.hook }),
      NotificationTarget.slack({ channel: 'checkout-alerts', channelId: 'C0123ABCD' }),
    ]);
    const topics = json.resource.aws_sns_topic;
    expect(Object.values<any>(topics).map((t) => t.name).sort()).toEqual([
      'test-email-oncall-at-acme-example', 'test-pagerduty-checkout', 'test-slack-checkout-alerts', 'test-webhook-IncidentBridge',
    ]);
    for (const t of Object.values<any>(topics)) expect(t.kms_master_key_id).toBe('${aws_kms_key.MonitoringEncryption_Key_6E8104B2.arn}');
    const alarm = only(json.resource.aws_cloudwatch_metric_alarm);
    const arns = Object.keys(topics).map((k) => `\${aws_sns_topic.${k}.arn}`);
    expect([...alarm.alarm_actions].sort()).toEqual(arns.sort());
    expect(alarm.ok_actions).toEqual(alarm.alarm_actions);
    expect(alarm.insufficient_data_actions).toEqual(alarm.alarm_actions);
    expect((m.rendering('CloudWatch') as CloudWatchRenderedMonitor).actionArns).toHaveLength(4);

    const key = only(json.resource.aws_kms_key);
    expect(key.enable_key_rotation).toBe(true);
    expect(JSON.parse(key.policy).Statement[1]).toEqual({
      Sid: 'CloudWatchAlarmsPublish',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
    });
    expect(only(json.resource.aws_kms_alias).name).toBe('alias/test-alarm-notifications');

    const subs = Object.values<any>(json.resource.aws_sns_topic_subscription);
    expect(subs.find((s) => s.protocol === 'email')).toMatchObject({ endpoint: 'oncall@acme.example' });
    const pd = subs.find((s) => s.endpoint.includes('pagerduty'));
    expect(pd).toMatchObject({ protocol: 'https', endpoint: 'https://events.pagerduty.com/integration/${var.pd_key}/enqueue', endpoint_auto_confirms: true });
    expect(JSON.parse(pd.delivery_policy).healthyRetryPolicy).toEqual({
      minDelayTarget: 5, maxDelayTarget: 300, numRetries: 10, numNoDelayRetries: 0, numMinDelayRetries: 2, numMaxDelayRetries: 3, backoffFunction: 'exponential',
    });
    expect(subs.find((s) => s.endpoint === 'https://hooks.acme.example/alerts')).toMatchObject({ protocol: 'https' });
    expect(only(json.resource.aws_chatbot_slack_channel_configuration)).toMatchObject({
      configuration_name: 'slack-checkout-alerts',
      slack_team_id: 'T01234567',
      slack_channel_id: 'C0123ABCD',
      guardrail_policy_arns: ['arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess'],
    });
    expect(JSON.parse(only(json.resource.aws_iam_role).assume_role_policy).Statement[0].Principal).toEqual({ Service: 'chatbot.amazonaws.com' });
  });

  test('the AWS part validates against the real AWS provider', () => {
    const { json } = cwStack((c) => [
      NotificationTarget.email({ address: 'oncall@acme.example' }),
      NotificationTarget.pagerDuty({ serviceName: 'checkout', integrationKey: c.v('pd_key') }),
      NotificationTarget.webhook({ connection: c.hook }),
      NotificationTarget.slack({ channel: 'checkout-alerts', channelId: 'C0123ABCD' }),
    ]);
    const part = awsPart(json)!;
    const result = validator.validate(part.json);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('a given key or the AWS managed key (with a warning)', () => {
    const given = cwStack(() => [NotificationTarget.email({ address: 'a@acme.example' })],
      MonitorBackend.cloudwatch({ topicEncryption: TopicEncryption.kmsKey('alias/alarms') })).json;
    expect(only(given.resource.aws_sns_topic).kms_master_key_id).toBe('alias/alarms');
    expect(given.resource.aws_kms_key).toBeUndefined();
    const managed = cwStack(() => [NotificationTarget.email({ address: 'a@acme.example' })],
      MonitorBackend.cloudwatch({ topicEncryption: TopicEncryption.awsManagedKey() }));
    expect(only(managed.json.resource.aws_sns_topic).kms_master_key_id).toBe('alias/aws/sns');
    expect(warningsOf(managed.stack)).toEqual(['test/Errors: SNS topics encrypted with alias/aws/sns cannot receive CloudWatch alarm notifications (CloudWatch may not use that key); use TopicEncryption.managedByLibrary() or a key whose policy admits cloudwatch.amazonaws.com']);
    expect(() => cwStack(() => [NotificationTarget.email({ address: 'a@acme.example' })],
      MonitorBackend.cloudwatch({ topicEncryption: TopicEncryption.kmsKey('my key') })))
      .toThrow("test/Errors: 'topicEncryption.keyId' must be a KMS key id, key ARN, alias ARN or alias/<name>; received \"my key\"");
  });

  test('a target shared by two monitors has one topic; a missing-data policy other than MISSING sends no insufficient-data action', () => {
    const stack = newStack();
    connect(stack);
    const mail = NotificationTarget.email({ address: 'oncall@acme.example' });
    monitor(stack, { backends: [MonitorBackend.cloudwatch()], targets: [mail] }, 'A');
    monitor(stack, { title: 'other', backends: [MonitorBackend.cloudwatch()], targets: [NotificationTarget.email({ address: 'oncall@acme.example' })], missingData: 'IGNORE' as any }, 'B');
    const json = synthStack(stack);
    expect(Object.keys(json.resource.aws_sns_topic)).toHaveLength(1);
    expect(Object.keys(json.resource.aws_sns_topic_subscription)).toHaveLength(1);
    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    expect(alarms.find((a) => a.alarm_name === 'other').insufficient_data_actions).toBeUndefined();
    expect(alarms.find((a) => a.alarm_name === 'checkout errors').insufficient_data_actions).toHaveLength(1);
  });

  test('PagerDuty EU endpoints; webhook basic auth in the URL', () => {
    const stack = newStack();
    const c = connect(stack);
    const eu = new PagerDutyConnection(stack, 'PagerDutyEu', { region: PagerDutyRegion.EU, testConnection: false });
    const basic = new WebhookConnection(stack, 'Legacy', { url: 'https://legacy.acme.example/notify', auth: WebhookAuth.basic('alerts', c.v('legacy_pw')), testConnection: false });
    monitor(stack, {
      backends: [MonitorBackend.cloudwatch()],
      targets: [NotificationTarget.pagerDuty({ serviceName: 'eu', integrationKey: c.v('pd_eu'), connection: eu }), NotificationTarget.webhook({ connection: basic })],
    });
    const endpoints = Object.values<any>(synthStack(stack).resource.aws_sns_topic_subscription).map((s) => s.endpoint).sort();
    expect(endpoints).toEqual(['https://alerts:${var.legacy_pw}@legacy.acme.example/notify', 'https://events.eu.pagerduty.com/integration/${var.pd_eu}/enqueue']);
  });

  test.each([
    ['a Slack channel without id', (_c: any) => NotificationTarget.slack({ channel: 'alerts' }), "test/Errors: 'targets.slack-alerts.channelId' must be the Slack channel id (e.g. C0123ABCD): AWS Chatbot delivers CloudWatch alarms to Slack and needs it; received undefined"],
    ['a PagerDuty service without key', (_c: any) => NotificationTarget.pagerDuty({ serviceName: 'checkout' }), "test/Errors: 'targets.pagerduty-checkout.integrationKey' must be a Secret with the service's integration key: the CloudWatch backend sends to PagerDuty with it; received undefined"],
    ['a bearer webhook', (c: any) => NotificationTarget.webhook({ connection: c.bearerHook }), "test/Errors: 'targets.webhook-StatusPage.connection.auth' must be WebhookAuth.none() or WebhookAuth.basic() for the CloudWatch backend: SNS HTTPS subscriptions send no custom headers or signatures; received \"BEARER\""],
  ])('%s cannot be notified by CloudWatch', (_name, target, message) => {
    const stack = newStack();
    const c = connect(stack);
    expect(() => monitor(stack, { backends: [MonitorBackend.cloudwatch()], targets: [target(c)] })).toThrow(message);
  });
});

describe('target validation', () => {
  test.each([
    ['a channel with #', () => NotificationTarget.slack({ channel: '#alerts', id: 'alerts' }), "test/Errors: 'targets.alerts.channel' must be a Slack channel name without # (lower-case letters, digits, - and _, at most 80 characters); received \"#alerts\""],
    ['a bad e-mail address', () => NotificationTarget.email({ address: 'oncall' }), "test/Errors: 'targets.email-oncall.address' must be an e-mail address; received \"oncall\""],
    ['a plain-string PagerDuty key', () => NotificationTarget.pagerDuty({ serviceName: 'checkout', integrationKey: 'abc' as any }), "test/Errors: 'targets.pagerduty-checkout.integrationKey' must be a Secret (Secret.fromTerraformVariable, fromEnvironment, fromSecretsManager or fromSsmParameter), never a plain string; received <a plain string (value not shown)>"],
    ['no severities', () => NotificationTarget.email({ address: 'a@acme.example', severities: [Severity.SEV1] }), null],
    ['a bad id', () => NotificationTarget.email({ address: 'a@acme.example', id: '1st' }), "test/Errors: 'targets.1st.id' must be a target id: a letter, then up to 63 letters, digits, _ or -; received \"1st\""],
  ])('%s', (_name, target, message) => {
    const stack = newStack();
    connect(stack);
    const make = () => monitor(stack, { backends: [MonitorBackend.datadog()], severity: Severity.SEV1, targets: [target()] });
    if (message) expect(make).toThrow(message);
    else expect(make).not.toThrow();
  });

  test('two different targets with one id', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: [MonitorBackend.datadog()], targets: [NotificationTarget.email({ address: 'a@acme.example', id: 'team' })] }, 'A');
    expect(() => monitor(stack, { backends: [MonitorBackend.datadog()], targets: [NotificationTarget.email({ address: 'b@acme.example', id: 'team' })] }, 'B'))
      .toThrow("test/B: 'targets.team.id' must be an id not used by a different notification target in this stack (give each target its own 'id'); received \"team\"");
  });

  test('the same target twice on one monitor', () => {
    const stack = newStack();
    connect(stack);
    const t = NotificationTarget.email({ address: 'a@acme.example' });
    expect(() => monitor(stack, { targets: [t, t] }))
      .toThrow("test/Errors: 'targets' must be targets with distinct ids (this one is already notified); received \"email-a-at-acme-example\"");
  });
});

describe('Grafana contact points and the notification policy', () => {
  const gf = () => [MonitorBackend.grafana({ datasourceUid: 'prometheus' })];

  test('each target is a contact point; each monitor-target pair a labelled route, severity-filtered', () => {
    const stack = newStack();
    const c = connect(stack);
    const m = monitor(stack, {
      backends: gf(),
      signal: promql,
      severity: Severity.SEV2,
      targets: [
        NotificationTarget.slack({ channel: 'checkout-alerts' }),
        NotificationTarget.pagerDuty({ serviceName: 'checkout', integrationKey: c.v('pd_key'), severities: [Severity.SEV1, Severity.SEV2] }),
        NotificationTarget.email({ address: 'oncall@acme.example' }),
        NotificationTarget.webhook({ connection: c.bearerHook }),
      ],
    });
    const json = synthStack(stack);
    const cps = Object.values<any>(json.resource.grafana_contact_point);
    expect(cps).toEqual(expect.arrayContaining([
      { name: 'slack-checkout-alerts', slack: [{ token: '${var.slack_token}', recipient: 'checkout-alerts' }], provider: 'grafana' },
      { name: 'pagerduty-checkout', pagerduty: [{ integration_key: '${var.pd_key}', severity: '{{ or .CommonLabels.pagerduty_severity "critical" }}' }], provider: 'grafana' },
      { name: 'email-oncall-at-acme-example', email: [{ addresses: ['oncall@acme.example'], single_email: true }], provider: 'grafana' },
      { name: 'webhook-StatusPage', webhook: [{ url: 'https://status.acme.example/hook', authorization_scheme: 'Bearer', authorization_credentials: '${var.status_token}' }], provider: 'grafana' },
    ]));
    expect(cps).toHaveLength(4);
    const policy = only(json.resource.grafana_notification_policy);
    expect(policy.contact_point).toBe('grafana-default-email');
    expect(policy.group_by).toEqual(['grafana_folder', 'alertname']);
    // routes name their contact points by reference (the policy is destroyed before them)
    const cp = (name: string) => `\${grafana_contact_point.${Object.keys(json.resource.grafana_contact_point).find((k) => json.resource.grafana_contact_point[k].name === name)}.name}`;
    expect(policy.policy).toContainEqual({
      contact_point: cp('pagerduty-checkout'),
      continue: true,
      matcher: [{ label: 'notify_pagerduty_checkout', match: '=', value: 'true' }, { label: 'severity', match: '=~', value: 'sev1|sev2' }],
    });
    expect(policy.policy).toContainEqual({ contact_point: cp('slack-checkout-alerts'), continue: true, matcher: [{ label: 'notify_slack_checkout_alerts', match: '=', value: 'true' }] });
    expect(policy.policy).toHaveLength(4);
    const labels = only(json.resource.grafana_rule_group).rule[0].labels;
    expect(labels).toEqual({
      notify_email_oncall_at_acme_example: 'true',
      notify_pagerduty_checkout: 'true',
      notify_slack_checkout_alerts: 'true',
      notify_webhook_StatusPage: 'true',
      pagerduty_severity: 'error',
      severity: 'sev2',
    });
    expect((m.rendering('Grafana') as GrafanaRenderedMonitor).targetLabels).toEqual({
      notify_email_oncall_at_acme_example: 'true', notify_pagerduty_checkout: 'true', notify_slack_checkout_alerts: 'true', notify_webhook_StatusPage: 'true',
    });
  });

  test('one policy per stack, its routes in the order monitors, targets and user routes were declared', () => {
    const build = (order: 'monitors-first' | 'routes-first') => {
      const stack = newStack();
      connect(stack);
      const userRoute = () => GrafanaNotificationPolicy.of(stack).addRoute({
        contactPoint: 'platform', matchers: [{ label: 'team', match: MatchOperator.EQUAL, value: 'platform' }], continueMatching: false, repeatInterval: '12h',
      });
      if (order === 'routes-first') userRoute();
      const a = monitor(stack, { backends: gf(), signal: promql, renotifyInterval: 30 }, 'A');
      const b = monitor(stack, { title: 'b', backends: gf(), signal: promql, targets: [NotificationTarget.email({ address: 'b@acme.example' })] }, 'B');
      a.addTarget(NotificationTarget.email({ address: 'b@acme.example' }));
      b.addTarget(NotificationTarget.email({ address: 'a@acme.example' }));
      if (order === 'monitors-first') userRoute();
      return synthStack(stack);
    };
    const one = build('monitors-first');
    // the same program, the same tree
    expect(build('monitors-first')).toEqual(one);
    const policy = only(one.resource.grafana_notification_policy);
    const cps = one.resource.grafana_contact_point;
    expect(Object.keys(cps)).toHaveLength(2);
    const cp = (name: string) => `\${grafana_contact_point.${Object.keys(cps).find((k) => cps[k].name === name)}.name}`;
    const platform = { contact_point: 'platform', continue: false, matcher: [{ label: 'team', match: '=', value: 'platform' }], repeat_interval: '12h' };
    const routes = [
      { contact_point: cp('email-b-at-acme-example'), continue: true, matcher: [{ label: 'notify_email_b_at_acme_example', match: '=', value: 'true' }] },
      { contact_point: cp('email-b-at-acme-example'), continue: true, matcher: [{ label: 'notify_email_b_at_acme_example', match: '=', value: 'every_30m' }], repeat_interval: '30m' },
      { contact_point: cp('email-a-at-acme-example'), continue: true, matcher: [{ label: 'notify_email_a_at_acme_example', match: '=', value: 'true' }] },
    ];
    expect(policy.policy).toEqual([...routes, platform]);
    // declared first, the user route (continue: false) comes first and hides the others
    const two = build('routes-first');
    expect(only(two.resource.grafana_notification_policy).policy.map((r: any) => r.contact_point))
      .toEqual(['platform', ...routes.map((r) => r.contact_point)]);
  });

  test('an explicit policy with its own defaults; a second one for the same connection fails', () => {
    const stack = newStack();
    const c = connect(stack);
    const p = new GrafanaNotificationPolicy(stack, 'Policy', { defaultContactPoint: 'ops', groupBy: ['alertname', 'team'], repeatInterval: '1h' });
    expect(p.resource).toBeInstanceOf(NotificationPolicy);
    expect(GrafanaNotificationPolicy.of(stack)).toBe(p);
    monitor(stack, { backends: gf(), signal: promql, targets: [NotificationTarget.email({ address: 'a@acme.example' })] });
    const policy = only(synthStack(stack).resource.grafana_notification_policy);
    expect(policy).toMatchObject({ contact_point: 'ops', group_by: ['alertname', 'team'], repeat_interval: '1h' });
    expect(policy.policy).toHaveLength(1);
    expect(() => new GrafanaNotificationPolicy(stack, 'Again', { connection: c.grafana }))
      .toThrow("test/Again: 'connection' must be a Grafana connection whose notification policy is not yet defined in this stack (use GrafanaNotificationPolicy.of(scope)); received \"test/Grafana\"");
    expect(() => p.addRoute({ contactPoint: 'x', matchers: [{ label: 'team-name', match: MatchOperator.EQUAL, value: 'x' }] }))
      .toThrow("test/Policy: 'route.matchers.label' must be a label name (a letter or _, then letters, digits or _); received \"team-name\"");
  });

  test('webhook auth kinds and Slack webhook URLs as contact points', () => {
    const stack = newStack();
    const c = connect(stack);
    const hmac = new WebhookConnection(stack, 'Signed', { url: 'https://signed.acme.example/hook', auth: WebhookAuth.hmacSignature(c.v('sign'), { timestampHeader: 'X-Time' }), testConnection: false });
    const key = new WebhookConnection(stack, 'Keyed', { url: 'https://keyed.acme.example/hook', auth: WebhookAuth.apiKeyHeader('X-Api-Key', c.v('api_key')), testConnection: false });
    const basic = new WebhookConnection(stack, 'Basic', { url: 'https://basic.acme.example/hook', auth: WebhookAuth.basic('alerts', c.v('pw')), testConnection: false });
    monitor(stack, {
      backends: gf(),
      signal: promql,
      targets: [
        NotificationTarget.webhook({ connection: hmac }),
        NotificationTarget.webhook({ connection: key }),
        NotificationTarget.webhook({ connection: basic }),
        NotificationTarget.webhook({ connection: c.hook }),
        NotificationTarget.slack({ channel: 'ops', webhookUrl: Secret.fromTerraformVariable(stack, 'SlackHook', { variableName: 'slack_hook' }) }),
      ],
    });
    const cps = Object.values<any>(synthStack(stack).resource.grafana_contact_point);
    const by = (n: string) => cps.find((x) => x.name === n);
    expect(by('webhook-Signed').webhook).toEqual([{ url: 'https://signed.acme.example/hook', hmac_config: { secret: '${var.sign}', header: 'X-Signature', timestamp_header: 'X-Time' } }]);
    expect(by('webhook-Keyed').webhook).toEqual([{ url: 'https://keyed.acme.example/hook', headers: { 'X-Api-Key': '${var.api_key}' } }]);
    expect(by('webhook-Basic').webhook).toEqual([{ url: 'https://basic.acme.example/hook', basic_auth_user: 'alerts', basic_auth_password: '${var.pw}' }]);
    expect(by('webhook-IncidentBridge').webhook).toEqual([{ url: 'https://hooks.acme.example/alerts' }]);
    expect(by('slack-ops').slack).toEqual([{ url: '${var.slack_hook}', recipient: 'ops' }]);
  });

  test('Slack without bot token or webhook URL, PagerDuty without key', () => {
    const stack = newStack();
    new SlackConnection(stack, 'Slack', { testConnection: false });
    connect(stack, { slack: false });
    expect(() => monitor(stack, { backends: gf(), signal: promql, targets: [NotificationTarget.slack({ channel: 'ops' })] }, 'A'))
      .toThrow("test/A: 'targets.slack-ops.webhookUrl' must be an incoming-webhook Secret, or a SlackConnection with a botToken: Grafana posts to Slack with one of them; received undefined");
    expect(() => monitor(stack, { title: 'b', backends: gf(), signal: promql, targets: [NotificationTarget.pagerDuty({ serviceName: 'x' })] }, 'B'))
      .toThrow("test/B: 'targets.pagerduty-x.integrationKey' must be a Secret with the service's integration key: the Grafana backend sends to PagerDuty with it; received undefined");
  });
});

describe('targets per account and region', () => {
  test('a target notified from two AWS regions gets a topic in each', () => {
    const stack = newStack();
    const { aws } = connect(stack);
    const east = new AwsConnection(stack, 'AwsEast', { region: 'us-east-1', alias: 'east', testConnection: false });
    const target = NotificationTarget.email({ address: 'ops@acme.example' });
    monitor(stack, { backends: [MonitorBackend.cloudwatch({ connection: aws })], targets: [target] }, 'West');
    monitor(stack, { title: 'east errors', backends: [MonitorBackend.cloudwatch({ connection: east })], targets: [target] }, 'East');
    const json = synthStack(stack);
    const topics = json.resource.aws_sns_topic;
    expect(Object.keys(topics)).toHaveLength(2);
    const providers = Object.values<any>(topics).map((t) => t.provider).sort();
    expect(providers).toEqual(['aws', 'aws.east']);
    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    const arnsOf = (name: string) => alarms.find((a) => a.alarm_name === name).alarm_actions;
    expect(arnsOf('checkout errors')).not.toEqual(arnsOf('east errors'));
  });
});
