import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Webhook as DatadogWebhookResource } from '@cdktf/provider-datadog/lib/webhook';
import { TerraformStack, Testing } from 'cdktf';
import { AwsConnection } from '../../src/aws/aws-connection';
import { ContactPoint } from '../../src/bindings/grafana/contact-point/index';
import { Secret } from '../../src/core/secret';
import { DatadogConnection } from '../../src/datadog/datadog-connection';
import { GrafanaAuth, GrafanaConnection } from '../../src/grafana/grafana-connection';
import { parseTemplate, renderChecked, SourceKind } from '../../src/webhooks/private/webhook-template';
import { Webhook, WebhookPayload, WebhookProps } from '../../src/webhooks/webhook';
import { WebhookAuth, WebhookConnection } from '../../src/webhooks/webhook-connection';
import { newStack, resolved, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

const v = (stack: TerraformStack, name: string) => Secret.fromTerraformVariable(stack, `Var_${name}`, { variableName: name });
const TEMPLATE = '{"text": "[{{status}}] {{title}}", "id": "{{dedupLabel}}", "link": "{{link}}", "static": "ok", "n": 1}';

function setup(auth?: (stack: TerraformStack) => WebhookAuth): TerraformStack {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new DatadogConnection(stack, 'Datadog', { apiKey: v(stack, 'dd_api'), appKey: v(stack, 'dd_app'), testConnection: false });
  new GrafanaConnection(stack, 'Grafana', { url: 'https://grafana.example.com', auth: GrafanaAuth.serviceAccountToken(v(stack, 'grafana_token')), testConnection: false });
  new WebhookConnection(stack, 'Receiver', { url: 'https://hooks.example.com/alerts', auth: auth ? auth(stack) : undefined, testConnection: false });
  return stack;
}

const all = (extra: Partial<WebhookProps> = {}): WebhookProps => ({
  name: 'alerts',
  payload: WebhookPayload.fromJsonTemplate(TEMPLATE),
  datadog: {},
  grafana: {},
  eventBridge: {},
  ...extra,
});
const warningsOf = (c: Webhook) => c.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data));
const one = (json: any, type: string) => {
  const list = Object.values<any>(json.resource?.[type] ?? {});
  expect(list).toHaveLength(1);
  return list[0];
};

describe('payload templates rendered with sample alerts', () => {
  test.each([SourceKind.DATADOG, SourceKind.GRAFANA, SourceKind.EVENTBRIDGE])('%s sample body is valid JSON with the literal parts kept', (source) => {
    const body = JSON.parse(renderChecked(parseTemplate(TEMPLATE), source).sample);
    expect(body.static).toBe('ok');
    expect(body.n).toBe(1);
    expect(body.text).toMatch(/^\[(Triggered|firing|ALARM)\] /);
  });

  test('Datadog gets $VARIABLES, Grafana print | data.ToJSON, EventBridge <vars> with input paths', () => {
    const segs = parseTemplate(TEMPLATE);
    expect(renderChecked(segs, SourceKind.DATADOG).template).toBe(
      '{"text": "[$ALERT_TRANSITION] $EVENT_TITLE", "id": "datadog-$ALERT_ID", "link": "$LINK", "static": "ok", "n": 1}');
    expect(renderChecked(segs, SourceKind.GRAFANA).template).toBe(
      '{"text": {{ print "[" .Status "] " .CommonLabels.alertname | data.ToJSON }}, "id": {{ print "grafana-" (index .Alerts 0).Fingerprint | data.ToJSON }}, '
      + '"link": {{ print (index .Alerts 0).GeneratorURL | data.ToJSON }}, "static": "ok", "n": 1}');
    const eb = renderChecked(segs, SourceKind.EVENTBRIDGE);
    expect(eb.template).toBe('{"text": "[<detail_state_value>] <detail_alarmName>", "id": "cloudwatch-<resources_0>", "link": "<resources_0>", "static": "ok", "n": 1}');
    expect(eb.inputPaths).toEqual({ detail_alarmName: '$.detail.alarmName', detail_state_value: '$.detail.state.value', resources_0: '$.resources[0]' });
  });

  test('Terraform template sequences in literals stay as written (escaped once, when the stack is rendered)', () => {
    const r = renderChecked(parseTemplate('{"a": "cost ${x} and %{y} for {{title}}"}'), SourceKind.DATADOG);
    expect(r.template).toBe('{"a": "cost ${x} and %{y} for $EVENT_TITLE"}');
  });
});

describe('Webhook', () => {
  test('Datadog: payload, headers and a secret custom variable for a bearer token', () => {
    const stack = setup((s) => WebhookAuth.bearer(v(s, 'receiver_token')));
    const hook = new Webhook(stack, 'Hook', all({ grafana: undefined, eventBridge: undefined, headers: { 'X-Team': 'sre' } }));
    const json = synthStack(stack);
    const dd = one(json, 'datadog_webhook');
    expect(dd).toMatchObject({ name: 'alerts', url: 'https://hooks.example.com/alerts', encode_as: 'json' });
    expect(JSON.parse(dd.custom_headers)).toEqual({ 'Authorization': 'Bearer $ALERTS_AUTH', 'Content-Type': 'application/json', 'X-Team': 'sre' });
    expect(JSON.parse(dd.payload.replace(/\$[A-Z_]+/g, 'x'))).toMatchObject({ static: 'ok' });
    expect(one(json, 'datadog_webhook_custom_variable')).toMatchObject({ name: 'ALERTS_AUTH', value: '${var.receiver_token}', is_secret: true });
    expect(hook.datadogWebhook).toBeInstanceOf(DatadogWebhookResource);
    // by reference: a monitor mentioning the handle then depends on the webhook
    expect(resolved(hook, hook.datadogHandle)).toBe(`@webhook-\${datadog_webhook.${Object.keys(json.resource.datadog_webhook)[0]}.name}`);
  });

  test('Grafana: contact point with method, max alerts, message, custom payload and basic auth', () => {
    const stack = setup((s) => WebhookAuth.basic('alerts', v(s, 'receiver_password')));
    const hook = new Webhook(stack, 'Hook', all({
      datadog: undefined,
      eventBridge: undefined,
      grafana: { maxAlerts: 5, message: '{{ template "default.message" . }}', sendResolved: false, contactPointName: 'receiver' },
    }));
    const cp = one(synthStack(stack), 'grafana_contact_point');
    expect(cp.name).toBe('receiver');
    expect(cp.webhook[0]).toMatchObject({
      url: 'https://hooks.example.com/alerts',
      http_method: 'POST',
      max_alerts: 5,
      message: '{{ template "default.message" . }}',
      disable_resolve_message: true,
      basic_auth_user: 'alerts',
      basic_auth_password: '${var.receiver_password}',
    });
    expect(cp.webhook[0].payload.template).toContain('data.ToJSON');
    expect(hook.grafanaContactPoint).toBeInstanceOf(ContactPoint);
  });

  test('HMAC: Grafana signs with hmac_config; Datadog and EventBridge fail unless allowed unsigned', () => {
    const hmac = (s: TerraformStack) => WebhookAuth.hmacSignature(v(s, 'signing_key'), { signatureHeader: 'X-Sig', timestampHeader: 'X-Ts' });
    const stack = setup(hmac);
    new Webhook(stack, 'Hook', all({ datadog: undefined, eventBridge: undefined }));
    expect(one(synthStack(stack), 'grafana_contact_point').webhook[0].hmac_config).toEqual({ secret: '${var.signing_key}', header: 'X-Sig', timestamp_header: 'X-Ts' });

    const s2 = setup(hmac);
    expect(() => new Webhook(s2, 'Hook', all({ grafana: undefined, eventBridge: undefined }))).toThrow(
      "test/Hook: 'connection.auth' must be a source that can sign (Datadog cannot sign webhook requests with HMAC; only Grafana (hmac_config) can); set allowUnsignedSources: true to send Datadog requests unsigned; received \"WebhookAuth.hmacSignature for Datadog\"");
    const s3 = setup(hmac);
    expect(() => new Webhook(s3, 'Hook', all({ datadog: undefined, grafana: undefined }))).toThrow(/'connection.auth' must be a source that can sign \(EventBridge \(CloudWatch\) cannot sign/);

    const s4 = setup(hmac);
    const hook = new Webhook(s4, 'Hook', all({ allowUnsignedSources: true }));
    Testing.synth(s4);
    const warnings = warningsOf(hook);
    expect(warnings.some((w) => w.includes('Datadog cannot sign'))).toBe(true);
    expect(warnings.some((w) => w.includes('EventBridge (CloudWatch) cannot sign'))).toBe(true);
  });

  test('EventBridge: API-key connection, rate-limited API destination, alarm rule, transformer, retries, encrypted and alarmed DLQ; valid for the AWS provider', () => {
    const stack = setup((s) => WebhookAuth.apiKeyHeader('X-Api-Key', v(s, 'receiver_key')));
    const hook = new Webhook(stack, 'Hook', all({
      datadog: undefined,
      grafana: undefined,
      eventBridge: { alarmNamePrefix: 'checkout-', alarmStates: ['ALARM'], invocationRateLimitPerSecond: 20, maximumEventAgeSeconds: 3600, maximumRetryAttempts: 10 },
    }));
    const json = synthStack(stack);
    expect(one(json, 'aws_cloudwatch_event_connection')).toMatchObject({
      name: 'alerts', authorization_type: 'API_KEY', auth_parameters: { api_key: { key: 'X-Api-Key', value: '${var.receiver_key}' } },
    });
    expect(one(json, 'aws_cloudwatch_event_api_destination')).toMatchObject({ invocation_endpoint: 'https://hooks.example.com/alerts', http_method: 'POST', invocation_rate_limit_per_second: 20 });
    expect(JSON.parse(one(json, 'aws_cloudwatch_event_rule').event_pattern)).toEqual({
      'source': ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm State Change'], 'detail': { state: { value: ['ALARM'] }, alarmName: [{ prefix: 'checkout-' }] },
    });
    const target = one(json, 'aws_cloudwatch_event_target');
    expect(target.retry_policy).toEqual({ maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 10 });
    expect(target.input_transformer.input_paths.detail_alarmName).toBe('$.detail.alarmName');
    expect(one(json, 'aws_sqs_queue')).toMatchObject({ name: 'alerts-dlq', sqs_managed_sse_enabled: true });
    expect(one(json, 'aws_sqs_queue_policy').policy).toMatch(/^\$\{data\.aws_iam_policy_document\./);
    const docs = Object.values<any>(json.data.aws_iam_policy_document);
    const dlqDoc = docs.find((d) => d.statement[0].sid === 'EventBridgeDeadLetters');
    expect(dlqDoc.statement[0]).toMatchObject({ actions: ['sqs:SendMessage'], principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }] });
    expect(dlqDoc.statement[0].condition[0]).toMatchObject({ test: 'ArnEquals', variable: 'aws:SourceArn' });
    expect(dlqDoc.statement[0].condition[0].values[0]).toMatch(/^\$\{aws_cloudwatch_event_rule\..+\.arn\}$/);
    expect(one(json, 'aws_cloudwatch_metric_alarm')).toMatchObject({ namespace: 'AWS/SQS', metric_name: 'ApproximateNumberOfMessagesVisible', comparison_operator: 'GreaterThanThreshold', threshold: 0 });
    expect(hook.eventTarget).toBeInstanceOf(CloudwatchEventTarget);
    expect(hook.deadLetterQueue).toBeInstanceOf(SqsQueue);
    const result = validator.validate(awsPart(json)!.json);
    expect(result.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('EventBridge with a KMS key uses it instead of SSE-SQS', () => {
    const stack = setup();
    new Webhook(stack, 'Hook', all({ datadog: undefined, grafana: undefined, eventBridge: { deadLetterKmsKeyId: 'alias/dlq' } }));
    const q = one(synthStack(stack), 'aws_sqs_queue');
    expect(q.kms_master_key_id).toBe('alias/dlq');
    expect(q.sqs_managed_sse_enabled).toBeUndefined();
  });

  test('no secret value in the output (canary)', () => {
    const CANARY = 'canary-webhook-51c2e';
    process.env.TF_VAR_receiver_token = CANARY;
    try {
      const stack = setup((s) => WebhookAuth.bearer(Secret.fromEnvironment(s, 'Tok', { environmentVariable: 'TF_VAR_receiver_token' })));
      new Webhook(stack, 'Hook', all());
      const text = Testing.synth(stack);
      expect(text).not.toContain(CANARY);
      expect(text).toContain('${var.receiver_token}');
    } finally {
      delete process.env.TF_VAR_receiver_token;
    }
  });

  test('rate limit above the EventBridge maximum of 300 per second fails', () => {
    const stack = setup();
    expect(() => new Webhook(stack, 'Hook', all({ datadog: undefined, grafana: undefined, eventBridge: { invocationRateLimitPerSecond: 301 } }))).toThrow(
      "test/Hook: 'eventBridge.invocationRateLimitPerSecond' must be a whole number of invocations per second from 1 to 300 (EventBridge API destinations); received 301");
    expect(() => new Webhook(setup(), 'Hook', all({ datadog: undefined, grafana: undefined, eventBridge: { invocationRateLimitPerSecond: 300 } }))).not.toThrow();
  });

  describe('validation', () => {
    const build = (extra: Partial<WebhookProps>) => {
      const stack = setup();
      return () => new Webhook(stack, 'Hook', all(extra));
    };
    test('template that is not valid JSON once rendered', () => {
      expect(build({ payload: WebhookPayload.fromJsonTemplate('{"a": "{{title}}",}') })).toThrow(
        /^test\/Hook: 'payload' must be JSON text that is valid JSON once its placeholders are replaced by a sample datadog alert \(.+\); received "the template rendered for DATADOG"$/);
    });
    test('placeholder outside a string', () => {
      expect(build({ payload: WebhookPayload.fromJsonTemplate('{"a": {{title}}}') })).toThrow(
        "test/Hook: 'payload' must be JSON text whose placeholders {{name}} appear only inside JSON strings; received \"{\\\"a\\\": {{title}}}\"");
    });
    test('unknown placeholder', () => {
      expect(build({ payload: WebhookPayload.fromJsonTemplate('{"a": "{{host}}"}') })).toThrow(
        "test/Hook: 'payload' must be JSON text whose placeholders are among {{alertId}}, {{dedupLabel}}, {{link}}, {{message}}, {{source}}, {{status}}, {{time}}, {{title}} (unknown {{host}}); received \"{\\\"a\\\": \\\"{{host}}\\\"}\"");
    });
    test('placeholder in a key', () => {
      expect(build({ payload: WebhookPayload.fromJsonTemplate('{"{{title}}": "x"}') })).toThrow(/never in object keys/);
    });
    test('Datadog variable followed by a letter', () => {
      expect(build({ payload: WebhookPayload.fromJsonTemplate('{"a": "{{title}}x"}') })).toThrow(/no placeholder is directly followed by a letter/);
    });
    test('name', () => {
      expect(build({ name: 'bad name' })).toThrow("test/Hook: 'name' must be 1-40 of letters, digits, - and _; received \"bad name\"");
    });
    test('rate limit out of range', () => {
      expect(build({ eventBridge: { invocationRateLimitPerSecond: 0.5 } })).toThrow(
        "test/Hook: 'eventBridge.invocationRateLimitPerSecond' must be a whole number of invocations per second from 1 to 300 (EventBridge API destinations); received 0.5");
    });
    test('retry settings out of range', () => {
      expect(build({ eventBridge: { maximumEventAgeSeconds: 90_000 } })).toThrow("test/Hook: 'eventBridge.maximumEventAgeSeconds' must be a whole number from 60 to 86400; received 90000");
      expect(build({ eventBridge: { maximumRetryAttempts: -1 } })).toThrow("test/Hook: 'eventBridge.maximumRetryAttempts' must be a whole number from 0 to 185; received -1");
    });
    test('alarm state', () => {
      expect(build({ eventBridge: { alarmStates: ['FIRING'] } })).toThrow("test/Hook: 'eventBridge.alarmStates[0]' must be one of ALARM, OK, INSUFFICIENT_DATA; received \"FIRING\"");
    });
    test('PUT with Datadog', () => {
      expect(build({ httpMethod: 'PUT' as any })).toThrow("test/Hook: 'httpMethod' must be WebhookHttpMethod.POST when rendering for Datadog (Datadog webhooks always POST); received \"PUT\"");
    });
    test('no source', () => {
      expect(build({ datadog: undefined, grafana: undefined, eventBridge: undefined })).toThrow(
        "test/Hook: 'datadog, grafana, eventBridge' must be at least one source to render the webhook for; received \"none of them\"");
    });
    test('a non-https receiver URL (the connection rejects it)', () => {
      expect(() => new WebhookConnection(newStack(), 'Receiver', { url: 'http://hooks.example.com' })).toThrow(
        "test/Receiver: 'url' must be an absolute https URL with a host; received \"http://hooks.example.com\"");
    });
    test('a plain-string secret (the auth rejects it)', () => {
      expect(() => new WebhookConnection(newStack(), 'Receiver', { url: 'https://hooks.example.com', auth: WebhookAuth.bearer('token' as any) })).toThrow(
        /'auth.secret' must be a Secret .*never a plain string; received <a plain string \(value not shown\)>/);
    });
  });
});
