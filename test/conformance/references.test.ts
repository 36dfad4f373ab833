/**
 * Every relation between two resources of a stack is a Terraform reference, never a copied
 * name: over every stack of every example and of every template stack, no argument of one
 * resource repeats an identifying literal (name, uid, title, ARN …) of another.
 */
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Testing } from 'cdktf';
import { EXAMPLES } from '../../examples/app';
import { ContactPoint } from '../../src/bindings/grafana/contact-point';
import { NotificationPolicy } from '../../src/bindings/grafana/notification-policy';
import { findCopiedNames } from '../support/references';
import { newStack, synthApp } from '../support/synth';
import { TEMPLATE_STACKS } from '../support/template-stacks';

const short = (s: string) => s.replace(/_[0-9A-F]{8}(?=\.|$)/g, '');
const copies = (json: any) => findCopiedNames(json).map((c) => `${short(c.resource)} ${c.path} = ${JSON.stringify(c.value)} (names ${short(c.identifies)})`);

describe.each(Object.keys(EXAMPLES).sort())('example %s', (name) => {
  const out = synthApp((app) => EXAMPLES[name](app));
  test.each(Object.keys(out.stacks).sort())('stack %s refers to its own resources by reference', (stack) => {
    expect(copies(out.stacks[stack])).toEqual([]);
  });
});

describe('template stacks', () => {
  test('IncidentRoutingStack and ServiceMonitoringStack', () => {
    const out = synthApp(TEMPLATE_STACKS['IncidentRoutingStack and ServiceMonitoringStack on three backends with an SLO']);
    expect(Object.keys(out.stacks).sort()).toEqual(['checkout', 'routing']);
    expect(copies(out.stacks.routing)).toEqual([]);
    expect(copies(out.stacks.checkout)).toEqual([]);
  });

  test('AwsMetricsToDatadogStack, with health checks and an account integration', () => {
    const json = synthApp(TEMPLATE_STACKS['AwsMetricsToDatadogStack with CloudWatch health checks']).stacks.metrics;
    expect(Object.keys(json.resource.aws_cloudwatch_metric_alarm ?? {}).length).toBeGreaterThan(0);
    expect(copies(json)).toEqual([]);
  });

  test('GitHubRepositoryStack with a pipeline and a webhook', () => {
    const out = synthApp(TEMPLATE_STACKS['GitHubRepositoryStack with webhooks and the pipeline']);
    expect(copies(out.stacks.github)).toEqual([]);
  });

  test.each(Object.keys(TEMPLATE_STACKS))('%s: every stack refers to its own resources by reference', (name) => {
    const out = synthApp(TEMPLATE_STACKS[name]);
    for (const [stack, json] of Object.entries(out.stacks)) expect({ stack, copies: copies(json) }).toEqual({ stack, copies: [] });
  });
});

describe('the check itself', () => {
  const alarm = {
    alarmName: 'errors',
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    comparisonOperator: 'GreaterThanThreshold',
    evaluationPeriods: 1,
    period: 60,
    statistic: 'Sum',
    threshold: 1,
  };
  test('fails on a copied name: an ARN spelled out, a contact point named by a string, a role in a JSON policy', () => {
    const stack = newStack();
    new SnsTopic(stack, 'Topic', { name: 'alerts' });
    new CloudwatchMetricAlarm(stack, 'Alarm', { ...alarm, alarmActions: ['arn:aws:sns:eu-west-1:123456789012:alerts'] });
    new IamRole(stack, 'Role', { name: 'reader', assumeRolePolicy: '{}' });
    new IamRolePolicy(stack, 'Policy', { role: 'reader', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: 'alerts' }] }) });
    new ContactPoint(stack, 'Contact', { name: 'oncall', email: [{ addresses: ['a@example.com'] }] });
    new NotificationPolicy(stack, 'Tree', { contactPoint: 'oncall', groupBy: ['alertname'], policy: [{ contactPoint: 'oncall', matcher: [{ label: 'a', match: '=', value: 'b' }] }] });
    expect(copies(JSON.parse(Testing.synth(stack))).sort()).toEqual([
      'aws_cloudwatch_metric_alarm.Alarm alarm_actions.0 = "arn:aws:sns:eu-west-1:123456789012:alerts" (names aws_sns_topic.Topic.name)',
      'aws_iam_role_policy.Policy policy.<json>.Statement.0.Resource = "alerts" (names aws_sns_topic.Topic.name)',
      'aws_iam_role_policy.Policy role = "reader" (names aws_iam_role.Role.name)',
      'grafana_notification_policy.Tree contact_point = "oncall" (names grafana_contact_point.Contact.name)',
      'grafana_notification_policy.Tree policy.0.contact_point = "oncall" (names grafana_contact_point.Contact.name)',
    ]);
  });

  test('passes the same relations written as references', () => {
    const stack = newStack();
    const topic = new SnsTopic(stack, 'Topic', { name: 'alerts' });
    new CloudwatchMetricAlarm(stack, 'Alarm', { ...alarm, alarmActions: [topic.arn] });
    const role = new IamRole(stack, 'Role', { name: 'reader', assumeRolePolicy: '{}' });
    new IamRolePolicy(stack, 'Policy', { role: role.name, policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: topic.arn }] }) });
    const cp = new ContactPoint(stack, 'Contact', { name: 'oncall', email: [{ addresses: ['a@example.com'] }] });
    new NotificationPolicy(stack, 'Tree', { contactPoint: cp.name, groupBy: ['alertname'], policy: [{ contactPoint: cp.name, matcher: [{ label: 'a', match: '=', value: 'b' }] }] });
    expect(copies(JSON.parse(Testing.synth(stack)))).toEqual([]);
  });

  test('a Datadog mention of a webhook of the stack written literally is a copy', () => {
    const json = {
      resource: {
        datadog_webhook: { hook: { name: 'ops', url: 'https://x.example.com' }, other: { name: 'ops-sync', url: 'https://y.example.com' } },
        datadog_monitor: {
          literal: { name: 'm', message: 'x @webhook-ops-sync y', query: 'q' },
          referenced: { name: 'n', message: 'x @webhook-${datadog_webhook.hook.name} @webhook-elsewhere', query: 'q' },
        },
      },
    };
    expect(findCopiedNames(json).map((c) => [c.resource, c.value, c.identifies])).toEqual([
      ['datadog_monitor.literal', '@webhook-ops-sync', 'datadog_webhook.other.name'],
    ]);
  });

  test('free text, labels and the shared names of one monitor on several backends are no copies', () => {
    const json = {
      resource: {
        grafana_folder: { f: { title: 'Checkout', uid: 'checkout' } },
        datadog_monitor: { m: { name: 'checkout: errors', message: 'checkout', tags: ['checkout'], query: 'q' } },
        aws_cloudwatch_metric_alarm: { a: { alarm_name: 'checkout: errors', alarm_description: 'checkout', namespace: 'Checkout', dimensions: { FunctionName: 'checkout' }, tags: { service: 'checkout' } } },
        grafana_dashboard: { d: { config_json: JSON.stringify({ uid: 'checkout-board', title: 'Checkout', panels: [{ title: 'checkout: errors', datasource: { type: 'checkout' } }] }) } },
        aws_cloudwatch_dashboard: { c: { dashboard_name: 'checkout-board', dashboard_body: '{}' } },
      },
    };
    expect(findCopiedNames(json)).toEqual([]);
  });

  test('an allowed copy needs depends_on on the resource it names', () => {
    const allowed = [{ consumerType: 'thing_b', path: 'target_name', namedType: 'thing_a', reason: 'the provider exports no name attribute' }];
    const json = (dependsOn?: string[]) => ({ resource: { thing_a: { a: { name: 'alpha' } }, thing_b: { b: { target_name: 'alpha', depends_on: dependsOn } } } });
    expect(findCopiedNames(json(), allowed).map((c) => c.resource)).toEqual(['thing_b.b']);
    expect(findCopiedNames(json(['thing_a.a']), allowed)).toEqual([]);
    // without the allow-list entry, depends_on alone does not make a copy acceptable
    expect(findCopiedNames(json(['thing_a.a']), []).map((c) => c.resource)).toEqual(['thing_b.b']);
  });
});
