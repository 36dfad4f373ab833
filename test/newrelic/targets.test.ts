import { NotificationChannel } from '@cdktf/provider-newrelic/lib/notification-channel';
import { NotificationDestination } from '@cdktf/provider-newrelic/lib/notification-destination';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { connectNewRelic, errorOf, newRelicSchemaProblems, nrMonitor, only, sqsAge } from './support';
import {
  AnomalyMonitor, Errors, INewRelicNotificationTarget, NewRelicBackend, NewRelicTargetBinding, NotificationTarget, Secret, Severity,
  WebhookAuth, WebhookConnection,
} from '../../src/index';
import { newStack, synthStack } from '../support/synth';

const REF = (type: string) => new RegExp(`^\\$\\{${type}\\.[\\w-]+\\.id\\}$`);
const CONDITION_ID = /^\$\{element\(split\(":", newrelic_nrql_alert_condition\.[\w-]+\.id\), 1\)\}$/;

function byName(json: any, type: string, name: string): any {
  const found = Object.values<any>(json.resource[type] ?? {}).filter((r) => r.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

function refName(ref: string): string {
  return /\.([\w-]+)\.id\}$/.exec(ref)![1];
}

describe('New Relic built-in targets', () => {
  test('e-mail: EMAIL destination and channel, a workflow routing the condition by policy and condition id', () => {
    const stack = newStack();
    connectNewRelic(stack);
    nrMonitor(stack, { targets: [NotificationTarget.email({ address: 'orders@acme.example' })] });
    const json = synthStack(stack);
    const dest = only(json.resource.newrelic_notification_destination);
    expect(dest).toEqual({
      account_id: 1234567,
      name: 'email-orders-at-acme-example (NewRelic)',
      type: 'EMAIL',
      property: [{ key: 'email', value: 'orders@acme.example' }],
      provider: 'newrelic',
    });
    const channel = only(json.resource.newrelic_notification_channel);
    expect(channel).toEqual({
      account_id: 1234567,
      name: 'email-orders-at-acme-example (NewRelic)',
      type: 'EMAIL',
      product: 'IINT',
      destination_id: expect.stringMatching(REF('newrelic_notification_destination')),
      property: [{ key: 'subject', value: '{{ annotations.title.[0] }}' }],
      provider: 'newrelic',
    });
    expect(json.resource.newrelic_notification_destination[refName(channel.destination_id)]).toBe(dest);
    const wf = only(json.resource.newrelic_workflow);
    expect(wf).toEqual({
      account_id: 1234567,
      name: 'test (NewRelic): email-orders-at-acme-example',
      muting_rules_handling: 'DONT_NOTIFY_FULLY_MUTED_ISSUES',
      issues_filter: {
        name: 'email-orders-at-acme-example conditions',
        type: 'FILTER',
        predicate: [
          { attribute: 'labels.policyIds', operator: 'EXACTLY_MATCHES', values: [expect.stringMatching(REF('newrelic_alert_policy'))] },
          { attribute: 'accumulations.conditionFamilyId', operator: 'EXACTLY_MATCHES', values: [expect.stringMatching(CONDITION_ID)] },
        ],
      },
      destination: [{ channel_id: expect.stringMatching(REF('newrelic_notification_channel')), notification_triggers: ['ACTIVATED', 'PRIORITY_CHANGED', 'CLOSED'] }],
      provider: 'newrelic',
    });
    expect(json.resource.newrelic_notification_channel[refName(wf.destination[0].channel_id)]).toBe(channel);
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test('webhook: WEBHOOK destination with its URL and each supported authentication; a JSON payload template', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const env = (id: string) => Secret.fromEnvironment(stack, id, { environmentVariable: `TF_VAR_${id.toLowerCase()}` });
    const hooks = {
      none: new WebhookConnection(stack, 'None', { url: 'https://hooks.acme.example/none', testConnection: false }),
      basic: new WebhookConnection(stack, 'Basic', { url: 'https://hooks.acme.example/basic', auth: WebhookAuth.basic('alerts', env('BasicPw')), testConnection: false }),
      bearer: new WebhookConnection(stack, 'Bearer', { url: 'https://hooks.acme.example/bearer', auth: WebhookAuth.bearer(env('BearerTok')), testConnection: false }),
      header: new WebhookConnection(stack, 'Header', { url: 'https://hooks.acme.example/header', auth: WebhookAuth.apiKeyHeader('X-Api-Key', env('HeaderKey')), testConnection: false }),
    };
    nrMonitor(stack, { targets: Object.values(hooks).map((connection) => NotificationTarget.webhook({ connection })) });
    const json = synthStack(stack);
    const d = (n: string) => byName(json, 'newrelic_notification_destination', `webhook-${n} (NewRelic)`);
    expect(d('None')).toEqual({ account_id: 1234567, name: 'webhook-None (NewRelic)', type: 'WEBHOOK', property: [{ key: 'url', value: 'https://hooks.acme.example/none' }], provider: 'newrelic' });
    expect(d('Basic').auth_basic).toEqual({ user: 'alerts', password: '${var.basicpw}' });
    expect(d('Bearer').auth_token).toEqual({ prefix: 'Bearer', token: '${var.bearertok}' });
    expect(d('Header').auth_custom_header).toEqual([{ key: 'X-Api-Key', value: '${var.headerkey}' }]);
    const channel = byName(json, 'newrelic_notification_channel', 'webhook-Basic (NewRelic)');
    expect(channel).toMatchObject({ type: 'WEBHOOK', product: 'IINT' });
    const payload = channel.property[0];
    expect(payload.key).toBe('payload');
    expect(payload.value).toContain('"id": {{ json issueId }}');
    expect(Object.keys(json.resource.newrelic_workflow)).toHaveLength(4);
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test('webhook with HMAC signing is a synth error (New Relic does not sign payloads)', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const hook = new WebhookConnection(stack, 'Signed', {
      url: 'https://hooks.acme.example/signed', auth: WebhookAuth.hmacSignature(Secret.fromEnvironment(stack, 'Hmac', { environmentVariable: 'TF_VAR_hmac' })), testConnection: false,
    });
    const e = errorOf(() => nrMonitor(stack, { targets: [NotificationTarget.webhook({ connection: hook })] }));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.prop).toBe('targets.webhook-Signed.connection.auth');
    expect(e.accepted).toContain('cannot sign payloads with HMAC');
  });

  test('PagerDuty: a service-integration destination whose token references the integration key Secret', () => {
    const stack = newStack();
    const { aws } = connectNewRelic(stack);
    const key = Secret.fromSecretsManager(stack, 'PdKey', { secretId: 'observability/pagerduty-orders', aws });
    nrMonitor(stack, { targets: [NotificationTarget.pagerDuty({ serviceName: 'orders', integrationKey: key })] });
    const json = synthStack(stack);
    expect(only(json.resource.newrelic_notification_destination)).toEqual({
      account_id: 1234567,
      name: 'pagerduty-orders (NewRelic)',
      type: 'PAGERDUTY_SERVICE_INTEGRATION',
      property: [{ key: '', value: '' }],
      auth_token: { prefix: 'Token token=', token: expect.stringMatching(/^\$\{data\.aws_secretsmanager_secret_version\.[\w-]+\.secret_string\}$/) },
      provider: 'newrelic',
    });
    expect(only(json.resource.newrelic_notification_channel)).toMatchObject({
      type: 'PAGERDUTY_SERVICE_INTEGRATION', product: 'IINT', property: [{ key: 'summary', value: '{{ annotations.title.[0] }}' }],
    });
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test('PagerDuty without an integration key is a synth error', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const e = errorOf(() => nrMonitor(stack, { targets: [NotificationTarget.pagerDuty({ serviceName: 'orders' })] }));
    expect(e.message).toBe("test/QueueAge: 'targets.pagerduty-orders.integrationKey' must be a Secret with the service's integration key: the New Relic backend sends to PagerDuty with it; received undefined");
  });

  test('Slack: a SLACK channel on the destination installed in the UI, addressed by channel id', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const destinationId = '00b6bd1d-ac06-4d3d-bd72-49551e70f7a8';
    nrMonitor(stack, { targets: [NotificationTarget.slack({ channel: 'orders-alerts', channelId: 'C0123ABCD' })] }, 'QueueAge', { slackDestinationId: destinationId });
    const json = synthStack(stack);
    expect(json.resource.newrelic_notification_destination).toBeUndefined();
    expect(only(json.resource.newrelic_notification_channel)).toEqual({
      account_id: 1234567,
      name: 'slack-orders-alerts (NewRelic)',
      type: 'SLACK',
      product: 'IINT',
      destination_id: destinationId,
      property: [{ key: 'channelId', value: 'C0123ABCD' }],
      provider: 'newrelic',
    });
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test('Slack without the installed destination id, or without a channel id, is a synth error', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const e = errorOf(() => nrMonitor(stack, { targets: [NotificationTarget.slack({ channel: 'orders-alerts', channelId: 'C0123ABCD' })] }, 'A'));
    expect(e.prop).toBe('backends.NewRelic.slackDestinationId');
    expect(e.accepted).toContain('cannot be created with Terraform');
    const e2 = errorOf(() => nrMonitor(stack, { targets: [NotificationTarget.slack({ channel: 'orders-alerts' })] }, 'B', { slackDestinationId: '00b6bd1d-ac06-4d3d-bd72-49551e70f7a8' }));
    expect(e2.prop).toBe('targets.slack-orders-alerts.channelId');
    const e3 = errorOf(() => nrMonitor(stack, { targets: [NotificationTarget.slack({ channel: 'x', channelId: 'C0123ABCD' })] }, 'C', { slackDestinationId: 'not-a-uuid' }));
    expect(e3.accepted).toBe('a New Relic destination id (a UUID)');
  });
});

describe('New Relic routing', () => {
  test('one workflow per target: the conditions of every monitor that notifies it, the target bound once', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const email = NotificationTarget.email({ address: 'orders@acme.example' });
    nrMonitor(stack, { targets: [email] }, 'A');
    nrMonitor(stack, { title: 'b', targets: [email] }, 'B');
    nrMonitor(stack, { title: 'c' }, 'C');
    const json = synthStack(stack);
    expect(Object.keys(json.resource.newrelic_notification_destination)).toHaveLength(1);
    expect(Object.keys(json.resource.newrelic_notification_channel)).toHaveLength(1);
    const values = only(json.resource.newrelic_workflow).issues_filter.predicate[1].values;
    expect(values).toHaveLength(2);
    for (const v of values) expect(v).toMatch(CONDITION_ID);
  });

  test('a target hears only the severities it takes', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const pager = NotificationTarget.email({ id: 'pager', address: 'pager@acme.example', severities: [Severity.SEV1] });
    const m = nrMonitor(stack, { severity: Severity.SEV3, targets: [pager] });
    const json = synthStack(stack);
    expect(json.resource.newrelic_workflow).toBeUndefined();
    expect(m.targets).toEqual([pager]);
  });

  test('an anomaly monitor routes its baseline condition to its targets', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const email = NotificationTarget.email({ address: 'orders@acme.example' });
    new AnomalyMonitor(stack, 'Anomaly', {
      title: 'unusual', message: 'm', signal: sqsAge(), backends: [new NewRelicBackend()], targets: [email],
    });
    const json = synthStack(stack);
    expect(only(json.resource.newrelic_workflow).issues_filter.predicate[1].values).toEqual([expect.stringMatching(CONDITION_ID)]);
  });

  test('a custom target implementing INewRelicNotificationTarget: its channel in the workflow, its triggers', () => {
    class OpsGenieTarget implements INewRelicNotificationTarget {
      public readonly targetId = 'opsgenie';
      public readonly severities = [Severity.SEV1, Severity.SEV2, Severity.SEV3];
      public calls = 0;
      private channelId?: string;
      public bindToNewRelic(scope: IConstruct, backend: NewRelicBackend, _severity: Severity): NewRelicTargetBinding {
        this.calls++;
        if (!this.channelId) {
          const stack = TerraformStack.of(scope);
          const conn = backend.connectionFor(scope);
          const dest = new NotificationDestination(stack, 'OpsGenieDestination', {
            name: 'opsgenie', type: 'WEBHOOK', property: [{ key: 'url', value: 'https://api.opsgenie.example/v1/json/newrelic' }], provider: conn.provider,
          });
          this.channelId = new NotificationChannel(stack, 'OpsGenieChannel', {
            name: 'opsgenie', type: 'WEBHOOK', product: 'IINT', destinationId: dest.id, property: [{ key: 'payload', value: '{}' }], provider: conn.provider,
          }).id;
        }
        return { channelId: this.channelId, notificationTriggers: ['ACTIVATED', 'CLOSED'] };
      }
    }
    const stack = newStack();
    connectNewRelic(stack);
    const t = new OpsGenieTarget();
    nrMonitor(stack, { targets: [t] }, 'A');
    nrMonitor(stack, { title: 'b', targets: [t] }, 'B');
    const json = synthStack(stack);
    expect(t.calls).toBe(2);
    const wf = only(json.resource.newrelic_workflow);
    expect(wf.name).toBe('test (NewRelic): opsgenie');
    expect(wf.destination).toEqual([{ channel_id: '${newrelic_notification_channel.OpsGenieChannel.id}', notification_triggers: ['ACTIVATED', 'CLOSED'] }]);
    expect(wf.issues_filter.predicate[1].values).toHaveLength(2);
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test('a custom target with a bad binding, and a target New Relic cannot serve, are synth errors naming both', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const bad: INewRelicNotificationTarget = { targetId: 'bad', severities: [Severity.SEV3], bindToNewRelic: () => ({ channelId: '' }) };
    const e = errorOf(() => nrMonitor(stack, { targets: [bad] }, 'A'));
    expect(e.prop).toBe('targets.bad');
    expect(e.accepted).toBe('a NewRelicTargetBinding with a channelId from the target\'s bindToNewRelic (backend NewRelic)');
    const foreign = { targetId: 'jira', severities: [Severity.SEV3] };
    const e2 = errorOf(() => nrMonitor(stack, { targets: [foreign] }, 'B'));
    expect(e2.message).toBe("test/B: 'targets.jira' must be a target the New Relic backend \"NewRelic\" can notify (a built-in target, or one implementing INewRelicNotificationTarget); \"jira\" cannot be notified through New Relic; received \"jira\"");
    const badTrigger: INewRelicNotificationTarget = { targetId: 'trig', severities: [Severity.SEV3], bindToNewRelic: () => ({ channelId: 'x', notificationTriggers: ['OPENED'] }) };
    const e3 = errorOf(() => nrMonitor(stack, { targets: [badTrigger] }, 'C'));
    expect(e3.prop).toBe('targets.trig.notificationTriggers');
  });
});
