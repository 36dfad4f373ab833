import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Webhook as DatadogWebhookResource } from '@cdktf/provider-datadog/lib/webhook';
import { TerraformStack, Testing } from 'cdktf';
import { jiraIncidentsExample } from '../../examples/jira-incidents/main';
import { AwsConnection } from '../../src/aws/aws-connection';
import { ContactPoint } from '../../src/bindings/grafana/contact-point/index';
import { Secret } from '../../src/core/secret';
import { Severities, Severity } from '../../src/core/severity';
import { DatadogConnection } from '../../src/datadog/datadog-connection';
import { GrafanaAuth, GrafanaConnection } from '../../src/grafana/grafana-connection';
import { JiraAuth, JiraConnection, JiraDeployment } from '../../src/jira/jira-connection';
import { JiraWorkflow, JiraWorkflowProps, JiraWorkflowTemplate } from '../../src/jira/jira-workflow';
import { createIssueProblems, createIssueTemplate, syncTemplate } from '../../src/jira/private/jira-issue';
import { parseTemplate, renderChecked, SourceKind } from '../../src/webhooks/private/webhook-template';
import { newStack, resolved, synthApp, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

const v = (stack: TerraformStack, name: string) => Secret.fromTerraformVariable(stack, `Var_${name}`, { variableName: name });

type JiraMode = 'apiToken' | 'pat' | 'oauth2';
function setup(mode: JiraMode = 'apiToken'): TerraformStack {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new DatadogConnection(stack, 'Datadog', { apiKey: v(stack, 'dd_api'), appKey: v(stack, 'dd_app'), testConnection: false });
  new GrafanaConnection(stack, 'Grafana', { url: 'https://grafana.example.com', auth: GrafanaAuth.serviceAccountToken(v(stack, 'grafana_token')), testConnection: false });
  if (mode === 'apiToken') {
    new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('bot@acme.example', v(stack, 'jira_token')), testConnection: false });
  } else if (mode === 'pat') {
    new JiraConnection(stack, 'Jira', {
      baseUrl: 'https://jira.acme.example', deployment: JiraDeployment.DATA_CENTER, auth: JiraAuth.personalAccessToken(v(stack, 'jira_pat')), testConnection: false,
    });
  } else {
    new JiraConnection(stack, 'Jira', {
      baseUrl: 'https://acme.atlassian.net',
      auth: JiraAuth.oauth2ClientCredentials({ clientId: 'svc-client', cloudId: '11111111-2222-3333-4444-555555555555', clientSecret: v(stack, 'jira_client_secret') }),
      testConnection: false,
    });
  }
  return stack;
}

function props(stack: TerraformStack, extra: Partial<JiraWorkflowProps> = {}): JiraWorkflowProps {
  return {
    name: 'ops',
    projectKey: 'OPS',
    automationWebhookUrl: v(stack, 'automation_url'),
    automationWebhookToken: v(stack, 'automation_token'),
    datadog: {},
    grafana: {},
    cloudWatch: {},
    ...extra,
  };
}

const one = (json: any, type: string) => {
  const all = Object.values<any>(json.resource?.[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
};
const byName = (json: any, type: string, name: string) => Object.values<any>(json.resource[type]).find((r) => r.name === name);

/** Render the create-issue template for every source with its sample alert. */
function samples(adf: boolean, summary = '[{{source}}] {{title}}') {
  const template = createIssueTemplate({
    projectKey: 'OPS',
    issueType: 'Task',
    priority: 'High',
    labels: ['alert'],
    components: ['api'],
    summaryTemplate: summary,
    descriptionTemplate: JiraWorkflowTemplate.incident().descriptionTemplate,
    adf,
  });
  const segments = parseTemplate(template);
  return [SourceKind.DATADOG, SourceKind.GRAFANA, SourceKind.EVENTBRIDGE].map((s) => ({ source: s, rendered: renderChecked(segments, s) }));
}

describe('create-issue payloads rendered with sample alerts of every source', () => {
  test.each([true, false])('adf=%s: every source gives a body of the Jira create-issue shape', (adf) => {
    for (const { source, rendered } of samples(adf)) {
      const body = JSON.parse(rendered.sample);
      expect(createIssueProblems(body, adf)).toEqual([]);
      expect(body.fields.project).toEqual({ key: 'OPS' });
      expect(body.fields.issuetype).toEqual({ name: 'Task' });
      expect(body.fields.priority).toEqual({ name: 'High' });
      expect(body.fields.components).toEqual([{ name: 'api' }]);
      const prefix = { DATADOG: 'datadog-', GRAFANA: 'grafana-', EVENTBRIDGE: 'cloudwatch-' }[source];
      expect(body.fields.labels[0]).toBe('alert');
      expect(body.fields.labels[1].startsWith(prefix)).toBe(true);
      if (adf) {
        expect(body.fields.description.type).toBe('doc');
        expect(body.fields.description.content[0].content[0].text).toMatch(/^Alert: /);
      } else {
        expect(typeof body.fields.description).toBe('string');
      }
    }
  });

  test('the Grafana sample keeps quotes and line breaks of alert values (data.ToJSON escapes them)', () => {
    const grafana = samples(true).find((s) => s.source === SourceKind.GRAFANA)!;
    expect(JSON.parse(grafana.rendered.sample).fields.summary).toBe('[Grafana] High "p99" latency');
    expect(grafana.rendered.template).toContain('{{ print "[Grafana] " .CommonLabels.alertname | data.ToJSON }}');
  });

  test('the EventBridge rendering maps placeholders to input paths of the alarm event', () => {
    const eb = samples(true).find((s) => s.source === SourceKind.EVENTBRIDGE)!;
    expect(eb.rendered.inputPaths).toEqual({
      detail_alarmName: '$.detail.alarmName',
      detail_state_reason: '$.detail.state.reason',
      detail_state_value: '$.detail.state.value',
      resources_0: '$.resources[0]',
      time: '$.time',
    });
    expect(eb.rendered.template).toContain('"summary":"[CloudWatch] <detail_alarmName>"');
  });

  test('the shape check rejects a body without an ADF description', () => {
    expect(createIssueProblems({ fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 's', description: 'text' } }, true))
      .toEqual(['fields.description: an Atlassian Document Format doc of paragraphs with non-empty text (REST API v3)']);
  });

  test('the sync body carries the dedup label for every source', () => {
    const segments = parseTemplate(syncTemplate());
    expect(JSON.parse(renderChecked(segments, SourceKind.DATADOG).sample).dedupLabel).toBe('datadog-1234567');
    expect(renderChecked(segments, SourceKind.DATADOG).template).toContain('"dedupLabel":"datadog-$ALERT_ID"');
  });
});

describe('JiraWorkflow', () => {
  test('Datadog: create webhook to the REST API v3 with basic auth from a secret custom variable, sync webhook to Automation', () => {
    const stack = setup();
    const wf = new JiraWorkflow(stack, 'Incidents', props(stack, { severity: Severity.SEV1, grafana: undefined, cloudWatch: undefined }));
    const json = synthStack(stack);
    const create = byName(json, 'datadog_webhook', 'ops');
    expect(create.url).toBe('https://acme.atlassian.net/rest/api/3/issue');
    expect(JSON.parse(create.custom_headers)).toEqual({ 'Authorization': 'Basic $OPS_AUTH', 'Content-Type': 'application/json' });
    const body = JSON.parse(create.payload);
    expect(body.fields.priority).toEqual({ name: Severities.jiraPriority(Severity.SEV1) });
    expect(body.fields.summary).toBe('[Datadog] $EVENT_TITLE');
    expect(body.fields.labels).toEqual(['alert', 'datadog-$ALERT_ID']);
    const vars = Object.values<any>(json.resource.datadog_webhook_custom_variable);
    expect(vars.map((x) => [x.name, x.is_secret])).toEqual([['OPS_AUTH', true], ['OPS_SYNC_AUTH', true]]);
    expect(vars[0].value).toBe('${base64encode("bot@acme.example:${var.jira_token}")}');
    expect(vars[1].value).toBe('${var.automation_token}');
    const sync = byName(json, 'datadog_webhook', 'ops-sync');
    expect(sync.url).toBe('${var.automation_url}');
    expect(JSON.parse(sync.custom_headers)['X-Automation-Webhook-Token']).toBe('$OPS_SYNC_AUTH');
    // The handles name the webhooks by reference (a mentioning monitor then depends on them).
    const ref = (w: string) => `\${datadog_webhook.${Object.keys(json.resource.datadog_webhook).find((k) => json.resource.datadog_webhook[k].name === w)}.name}`;
    expect(resolved(wf, wf.datadogHandle)).toBe(`@webhook-${ref('ops')}`);
    expect(resolved(wf, wf.datadogSyncHandle)).toBe(`@webhook-${ref('ops-sync')}`);
    expect(resolved(wf, wf.datadogNotificationText)).toBe(`{{#is_renotify}}@webhook-${ref('ops-sync')}{{/is_renotify}}{{^is_renotify}}{{#is_alert}}@webhook-${ref('ops')}{{/is_alert}}{{/is_renotify}}{{#is_recovery}}@webhook-${ref('ops-sync')}{{/is_recovery}}`);
    expect(wf.datadogCreateWebhook).toBeInstanceOf(DatadogWebhookResource);
  });

  test('Grafana: one contact point, create integration (firing only) and sync integration', () => {
    const stack = setup();
    const wf = new JiraWorkflow(stack, 'Incidents', props(stack, { datadog: undefined, cloudWatch: undefined }));
    const json = synthStack(stack);
    const cp = one(json, 'grafana_contact_point');
    expect(cp.name).toBe('ops');
    // a reference to the contact point's name, for policies and rules' notification settings
    expect(resolved(wf, wf.grafanaContactPointName)).toBe(`\${grafana_contact_point.${Object.keys(json.resource.grafana_contact_point)[0]}.name}`);
    expect(wf.grafanaContactPoint).toBeInstanceOf(ContactPoint);
    const [create, sync] = cp.webhook;
    expect(create).toMatchObject({
      url: 'https://acme.atlassian.net/rest/api/3/issue',
      basic_auth_user: 'bot@acme.example',
      basic_auth_password: '${var.jira_token}',
      disable_resolve_message: true,
      http_method: 'POST',
    });
    expect(create.payload.template).toContain('"project":{"key":"OPS"}');
    expect(sync).toMatchObject({ url: '${var.automation_url}', headers: { 'X-Automation-Webhook-Token': '${var.automation_token}' }, disable_resolve_message: false });
  });

  test('Grafana with OAuth 2.0 client credentials uses http_config.oauth2 against the Atlassian token endpoint', () => {
    const stack = setup('oauth2');
    new JiraWorkflow(stack, 'Incidents', props(stack, { datadog: undefined, cloudWatch: undefined }));
    const create = one(synthStack(stack), 'grafana_contact_point').webhook[0];
    expect(create.url).toBe('https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue');
    expect(create.http_config.oauth2).toEqual({ client_id: 'svc-client', client_secret: '${var.jira_client_secret}', token_url: 'https://auth.atlassian.com/oauth/token' });
  });

  test('CloudWatch: ALARM → create, OK → sync, retries, rate limit, encrypted and alarmed dead-letter queue; valid for the AWS provider', () => {
    const stack = setup();
    const wf = new JiraWorkflow(stack, 'Incidents', props(stack, {
      datadog: undefined,
      grafana: undefined,
      cloudWatch: { invocationRateLimitPerSecond: 3, maximumEventAgeSeconds: 600, maximumRetryAttempts: 20, deadLetterAlarmActions: ['arn:aws:sns:eu-west-1:123456789012:oncall'] },
    }));
    wf.addCloudWatchAlarm('arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-5xx');
    const json = synthStack(stack);
    const rules = json.resource.aws_cloudwatch_event_rule;
    const create = Object.values<any>(rules).find((r) => r.name === 'ops-create');
    expect(JSON.parse(create.event_pattern)).toEqual({
      'source': ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
      'resources': ['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-5xx'],
      'detail': { state: { value: ['ALARM'] } },
    });
    const sync = Object.values<any>(rules).find((r) => r.name === 'ops-sync');
    expect(JSON.parse(sync.event_pattern).detail.state.value).toEqual(['OK']);
    const conns = json.resource.aws_cloudwatch_event_connection;
    const createConn = Object.values<any>(conns).find((c) => c.name === 'ops-create');
    expect(createConn.authorization_type).toBe('BASIC');
    expect(createConn.auth_parameters.basic).toEqual({ username: 'bot@acme.example', password: '${var.jira_token}' });
    const syncConn = Object.values<any>(conns).find((c) => c.name === 'ops-sync');
    expect(syncConn.auth_parameters.api_key).toEqual({ key: 'X-Automation-Webhook-Token', value: '${var.automation_token}' });
    for (const d of Object.values<any>(json.resource.aws_cloudwatch_event_api_destination)) expect(d.invocation_rate_limit_per_second).toBe(3);
    for (const t of Object.values<any>(json.resource.aws_cloudwatch_event_target)) {
      expect(t.retry_policy).toEqual({ maximum_event_age_in_seconds: 600, maximum_retry_attempts: 20 });
      expect(t.dead_letter_config.arn).toMatch(/^\$\{aws_sqs_queue\..+\.arn\}$/);
      expect(t.role_arn).toMatch(/^\$\{aws_iam_role\./);
      expect(() => JSON.parse(t.input_transformer.input_template.replace(/<[a-z_0-9A-Z]+>/g, 'x'))).not.toThrow();
    }
    const queue = one(json, 'aws_sqs_queue');
    expect(queue.sqs_managed_sse_enabled).toBe(true);
    const alarm = one(json, 'aws_cloudwatch_metric_alarm');
    expect(alarm).toMatchObject({ namespace: 'AWS/SQS', metric_name: 'ApproximateNumberOfMessagesVisible', threshold: 0, alarm_actions: ['arn:aws:sns:eu-west-1:123456789012:oncall'] });
    expect(wf.alarmRule).toBeInstanceOf(CloudwatchEventRule);
    expect(wf.deadLetterQueue).toBeInstanceOf(SqsQueue);
    const part = awsPart(json)!;
    const result = validator.validate(part.json);
    expect(result.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('CloudWatch with OAuth 2.0 client credentials: an EventBridge OAuth connection that AWS refreshes; valid for the AWS provider', () => {
    const stack = setup('oauth2');
    new JiraWorkflow(stack, 'Incidents', props(stack, { datadog: undefined, grafana: undefined }));
    const json = synthStack(stack);
    const conn = Object.values<any>(json.resource.aws_cloudwatch_event_connection).find((c) => c.name === 'ops-create');
    expect(conn.authorization_type).toBe('OAUTH_CLIENT_CREDENTIALS');
    expect(conn.auth_parameters.oauth).toMatchObject({
      authorization_endpoint: 'https://auth.atlassian.com/oauth/token',
      http_method: 'POST',
      client_parameters: { client_id: 'svc-client', client_secret: '${var.jira_client_secret}' },
    });
    expect(conn.auth_parameters.oauth.oauth_http_parameters.body.map((b: any) => b.key)).toEqual(['client_id', 'client_secret', 'grant_type']);
    const dest = Object.values<any>(json.resource.aws_cloudwatch_event_api_destination).find((d) => d.name === 'ops-create');
    expect(dest.invocation_endpoint).toBe('https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue');
    const result = validator.validate(awsPart(json)!.json);
    expect(result.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('Data Center: REST API v2 with a string description and a bearer token', () => {
    const stack = setup('pat');
    new JiraWorkflow(stack, 'Incidents', props(stack, { grafana: undefined, cloudWatch: undefined }));
    const json = synthStack(stack);
    const create = byName(json, 'datadog_webhook', 'ops');
    expect(create.url).toBe('https://jira.acme.example/rest/api/2/issue');
    expect(typeof JSON.parse(create.payload).fields.description).toBe('string');
    expect(JSON.parse(create.custom_headers).Authorization).toBe('Bearer $OPS_AUTH');
  });

  test('the template documents the Automation rule', () => {
    const rule = JiraWorkflowTemplate.incident({ recoveryTransition: 'Resolved' }).automationRule('OPS');
    expect(rule).toContain('Branch "For JQL": project = OPS AND labels = "{{webhookData.dedupLabel}}" AND statusCategory != Done');
    expect(rule).toContain('^(Recovered|resolved|OK)$');
    expect(rule).toContain('Transition issue" to "Resolved"');
  });

  describe('validation', () => {
    const build = (extra: Partial<JiraWorkflowProps>, mode: JiraMode = 'apiToken') => {
      const stack = setup(mode);
      return () => new JiraWorkflow(stack, 'Incidents', props(stack, extra));
    };
    test('project key', () => {
      expect(build({ projectKey: 'ops-1' })).toThrow("test/Incidents: 'projectKey' must be a Jira project key: an uppercase letter, then 1-9 uppercase letters, digits or _ (e.g. OPS); received \"ops-1\"");
    });
    test('automation webhook URL given as a plain string', () => {
      expect(build({ automationWebhookUrl: 'https://automation.atlassian.com/secret' as any }))
        .toThrow("test/Incidents: 'automationWebhookUrl' must be a Secret (Secret.fromTerraformVariable, fromEnvironment, fromSecretsManager or fromSsmParameter), never a plain string; received <a plain string (value not shown)>");
    });
    test('rate limit out of range', () => {
      expect(build({ cloudWatch: { invocationRateLimitPerSecond: 0 } }))
        .toThrow("test/Incidents: 'cloudWatch.invocationRateLimitPerSecond' must be a whole number of invocations per second from 1 to 300 (EventBridge API destinations); received 0");
    });
    test('retry settings out of range', () => {
      expect(build({ cloudWatch: { maximumEventAgeSeconds: 30 } })).toThrow("test/Incidents: 'cloudWatch.maximumEventAgeSeconds' must be a whole number from 60 to 86400; received 30");
      expect(build({ cloudWatch: { maximumRetryAttempts: 186 } })).toThrow("test/Incidents: 'cloudWatch.maximumRetryAttempts' must be a whole number from 0 to 185; received 186");
    });
    test('unknown placeholder in the summary', () => {
      expect(build({ template: JiraWorkflowTemplate.incident({ summaryTemplate: '{{host}} down' }) }))
        .toThrow("test/Incidents: 'template.summaryTemplate' must be a template whose placeholders are among {{alertId}}, {{dedupLabel}}, {{link}}, {{message}}, {{source}}, {{status}}, {{time}}, {{title}} (unknown {{host}}); received \"{{host}} down\"");
    });
    test('label with a space', () => {
      expect(build({ labels: ['on call'] })).toThrow("test/Incidents: 'labels[0]' must be a Jira label: 1-255 characters without spaces; received \"on call\"");
    });
    test('OAuth with a Datadog source', () => {
      expect(build({ grafana: undefined, cloudWatch: undefined }, 'oauth2'))
        .toThrow("test/Incidents: 'connection.auth' must be an authentication Datadog webhooks can send from a custom variable (basic, bearer, API-key header); use JiraAuth.apiToken for a workflow with Datadog sources; received \"OAuth 2.0 client credentials for Datadog\"");
    });
    test('no source', () => {
      expect(build({ datadog: undefined, grafana: undefined, cloudWatch: undefined }))
        .toThrow("test/Incidents: 'datadog, grafana, cloudWatch' must be at least one alert source; received \"none of them\"");
    });
    test('alarm ARN', () => {
      const stack = setup();
      const wf = new JiraWorkflow(stack, 'Incidents', props(stack));
      expect(() => wf.addCloudWatchAlarm('checkout-5xx')).toThrow("test/Incidents: 'alarmArn' must be a CloudWatch alarm ARN (arn:aws:cloudwatch:<region>:<account>:alarm:<name>); received \"checkout-5xx\"");
    });
  });
});

describe('examples/jira-incidents', () => {
  const CANARY = 'canary-jira-9f3a7c';
  test('synthesizes; its AWS part passes terraform validate; no canary secret in the output', () => {
    process.env.TF_VAR_grafana_token = CANARY;
    try {
      const out = synthApp((app) => jiraIncidentsExample(app));
      expect(Object.keys(out.stacks).sort()).toEqual(['jira-incidents', 'jira-incidents-datacenter']);
      for (const text of Object.values(out.files)) expect(text).not.toContain(CANARY);
      const main = out.stacks['jira-incidents'];
      expect(Object.keys(main.resource.datadog_webhook)).toHaveLength(3);
      expect(Object.keys(main.resource.grafana_contact_point)).toHaveLength(2);
      expect(main.resource.datadog_monitor[Object.keys(main.resource.datadog_monitor)[0]].message).toMatch(/@webhook-\$\{datadog_webhook\.Incidents_DatadogCreate_[0-9A-F]{8}\.name\}/);
      for (const name of Object.keys(out.stacks)) {
        const part = awsPart(out.stacks[name])!;
        const result = validator.validate(part.json);
        expect({ name, errors: result.diagnostics.filter((d) => d.startsWith('error')) }).toEqual({ name, errors: [] });
        expect(result.valid).toBe(true);
        for (const q of Object.values<any>(out.stacks[name].resource.aws_sqs_queue)) expect(q.sqs_managed_sse_enabled).toBe(true);
        expect(Object.values<any>(out.stacks[name].resource.aws_cloudwatch_metric_alarm).some((a) => a.namespace === 'AWS/SQS')).toBe(true);
      }
    } finally {
      delete process.env.TF_VAR_grafana_token;
    }
  });

  test('is deterministic', () => {
    const a = synthApp((app) => jiraIncidentsExample(app));
    const b = synthApp((app) => jiraIncidentsExample(app));
    expect(a.files).toEqual(b.files);
    expect(Testing).toBeDefined();
  });
});
