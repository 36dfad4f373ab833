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
import {
  AwsMetricsToDatadogStack, DatadogSite, ExportInterval, GitHubRepositoryStack, IncidentRoutingStack,
  IncidentRoutingStackProps, ServiceBackend, ServiceMonitoringStack, Severity, Signal, Statistic,
} from '../../src';
import { ContactPoint } from '../../src/bindings/grafana/contact-point';
import { NotificationPolicy } from '../../src/bindings/grafana/notification-policy';
import { findCopiedNames } from '../support/references';
import { newStack, synthApp, synthStack } from '../support/synth';

const short = (s: string) => s.replace(/_[0-9A-F]{8}(?=\.|$)/g, '');
const copies = (json: any) => findCopiedNames(json).map((c) => `${short(c.resource)} ${c.path} = ${JSON.stringify(c.value)} (names ${short(c.identifies)})`);

describe.each(Object.keys(EXAMPLES).sort())('example %s', (name) => {
  const out = synthApp((app) => EXAMPLES[name](app));
  test.each(Object.keys(out.stacks).sort())('stack %s refers to its own resources by reference', (stack) => {
    expect(copies(out.stacks[stack])).toEqual([]);
  });
});

const routingProps: IncidentRoutingStackProps = {
  aws: { region: 'eu-west-1', accountId: '123456789012' },
  grafana: { url: 'https://g.example.com' },
  slack: { workspaceId: 'T01234567', botTokenEnvironmentVariable: 'TF_VAR_slack_bot', datadogAccountName: 'acme' },
  routes: [
    { severities: [Severity.SEV1, Severity.SEV2], pagerDutyService: 'oncall', pagerDutyKeyEnvironmentVariable: 'TF_VAR_pd_key' },
    { severities: [Severity.SEV1, Severity.SEV2], slackChannel: 'incidents', slackChannelId: 'C0INCIDE1' },
    { severities: [Severity.SEV3, Severity.SEV4, Severity.SEV5], slackChannel: 'alerts', slackChannelId: 'C0ALERTS1' },
    { severities: [Severity.SEV3, Severity.SEV4, Severity.SEV5], email: 'ops@example.com' },
  ],
};

describe('template stacks', () => {
  test('IncidentRoutingStack and ServiceMonitoringStack', () => {
    const out = synthApp((app) => {
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
    expect(Object.keys(out.stacks).sort()).toEqual(['checkout', 'routing']);
    expect(copies(out.stacks.routing)).toEqual([]);
    expect(copies(out.stacks.checkout)).toEqual([]);
  });

  test('AwsMetricsToDatadogStack, with health checks and an account integration', () => {
    const stack = new AwsMetricsToDatadogStack(Testing.app(), 'metrics', {
      accountId: '123456789012', regions: ['eu-west-1', 'us-east-1'], datadogSite: DatadogSite.EU1, exportInterval: ExportInterval.FIVE_MINUTES,
    });
    const json = synthStack(stack);
    expect(Object.keys(json.resource.aws_cloudwatch_metric_alarm ?? {}).length).toBeGreaterThan(0);
    expect(copies(json)).toEqual([]);
  });

  test('GitHubRepositoryStack with a pipeline and a webhook', () => {
    const out = synthApp((app) => new GitHubRepositoryStack(app, 'gh', {
      owner: 'acme',
      repository: { name: 'iac', branchProtection: [{ pattern: 'main', requiredApprovingReviews: 1 }] },
      webhooks: [{ id: 'Deployments', url: 'https://hooks.example.com/github', events: ['deployment'] }],
      pipeline: { stacks: ['gh'], aws: { region: 'eu-west-1', accountId: '123456789012' }, commitWorkflows: true, applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'] },
    }));
    expect(copies(out.stacks.gh)).toEqual([]);
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
