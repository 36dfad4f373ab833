/** JiraWorkflow as a MonitorConfig notification target, on every backend. */
import { jiraIncidentsExample } from '../../examples/jira-incidents/main';
import { synthApp } from '../support/synth';

const out = synthApp((app) => jiraIncidentsExample(app));
const stack = out.stacks['jira-incidents'];
const byName = (type: string, pred: (r: any) => boolean) => Object.values<any>(stack.resource[type]).filter(pred);
/** `${type.<key>.name}` of the resource of `type` named `name`. */
const nameRef = (type: string, name: string) => `\${${type}.${Object.keys(stack.resource[type]).find((k) => stack.resource[type][k].name === name)}.name}`;

test('Datadog: the monitor message carries the create and sync webhooks with their conditions', () => {
  const [monitor] = byName('datadog_monitor', (m) => m.name === 'checkout orders queue is falling behind');
  // the webhooks by reference: the monitor depends on them
  const create = nameRef('datadog_webhook', 'ops-incidents');
  const sync = nameRef('datadog_webhook', 'ops-incidents-sync');
  expect(monitor.message).toContain(`{{^is_renotify}}{{#is_alert}}@webhook-${create}{{/is_alert}}{{/is_renotify}}`);
  expect(monitor.message).toContain(`{{#is_recovery}}@webhook-${sync}{{/is_recovery}}`);
  expect(monitor.message).toContain(`{{#is_renotify}}@webhook-${sync}{{/is_renotify}}`);
});

test('Grafana: the rule routes to the Jira contact point through the policy', () => {
  const [policy] = Object.values<any>(stack.resource.grafana_notification_policy);
  const contactPoints = policy.policy.map((p: any) => p.contact_point);
  // the contact point by reference: Terraform destroys the policy before the contact point
  expect(contactPoints).toContain(nameRef('grafana_contact_point', 'ops-incidents'));
  // the example's hand-written rule names the contact point by reference too
  const [handWritten] = byName('grafana_rule_group', (g) => g.name === 'checkout');
  expect(handWritten.rule[0].notification_settings.contact_point).toBe(nameRef('grafana_contact_point', 'ops-incidents'));
  const groups = byName('grafana_rule_group', (g) => g.rule.some((r: any) => r.name.startsWith('checkout orders queue')));
  expect(groups).toHaveLength(1);
});

test('CloudWatch: the alarm needs no action; rules of its own match it by ARN, the shared rules leave it out', () => {
  const [alarm] = byName('aws_cloudwatch_metric_alarm', (a) => a.alarm_name === 'checkout orders queue is falling behind');
  expect(alarm.alarm_actions ?? []).toEqual([]);
  const alarmKey = Object.keys(stack.resource.aws_cloudwatch_metric_alarm).find((k) => stack.resource.aws_cloudwatch_metric_alarm[k] === alarm)!;
  const rules = Object.entries<any>(stack.resource.aws_cloudwatch_event_rule).filter(([key]) => key.startsWith('Incidents_'));
  const own = rules.filter(([key]) => key.startsWith('Incidents_Alarm0')).map(([, r]) => JSON.parse(r.event_pattern));
  expect(own.map((p) => p.detail.state.value)).toEqual([['ALARM'], ['OK']]);
  for (const pattern of own) expect(pattern.resources).toEqual([`\${aws_cloudwatch_metric_alarm.${alarmKey}.arn}`]);
  const shared = rules.filter(([key]) => !key.startsWith('Incidents_Alarm')).map(([, r]) => JSON.parse(r.event_pattern));
  expect(shared).toHaveLength(2);
  for (const pattern of shared) expect(pattern.resources).not.toContain(`\${aws_cloudwatch_metric_alarm.${alarmKey}.arn}`);
});

test('CloudWatch: the dedup label of a monitor alarm is a valid Jira label whatever the alarm name (spaces, quotes)', () => {
  const targets = Object.entries<any>(stack.resource.aws_cloudwatch_event_target).filter(([key]) => /^Incidents_Alarm\d+(Create|Sync)Target/.test(key));
  expect(targets).toHaveLength(2);
  for (const [key, t] of targets) {
    // What EventBridge sends: the input template with the sample event's values inserted.
    const body = JSON.parse(t.input_transformer.input_template.replace(/<[A-Za-z0-9_]+>/g, 'x'));
    const label: string = key.includes('Create') ? body.fields.labels[body.fields.labels.length - 1] : body.dedupLabel;
    expect(label).toMatch(/^cloudwatch-checkout-orders-queue-is-falling-behind-[0-9a-f]{8}$/);
    expect(key.includes('Create') ? body.fields.summary : body.title).toBe(key.includes('Create')
      ? '[CloudWatch] checkout orders queue is falling behind' : 'checkout orders queue is falling behind');
  }
});
