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

test('CloudWatch: the alarm needs no action; the workflow EventBridge rules match it by ARN', () => {
  const [alarm] = byName('aws_cloudwatch_metric_alarm', (a) => a.alarm_name === 'checkout orders queue is falling behind');
  expect(alarm.alarm_actions ?? []).toEqual([]);
  const rules = Object.entries<any>(stack.resource.aws_cloudwatch_event_rule)
    .filter(([key]) => key.startsWith('Incidents_'))
    .map(([, r]) => JSON.parse(r.event_pattern));
  expect(rules).toHaveLength(2);
  const alarmKey = Object.keys(stack.resource.aws_cloudwatch_metric_alarm).find((k) => stack.resource.aws_cloudwatch_metric_alarm[k] === alarm)!;
  for (const pattern of rules) {
    expect(pattern.resources).toContain(`\${aws_cloudwatch_metric_alarm.${alarmKey}.arn}`);
  }
});
