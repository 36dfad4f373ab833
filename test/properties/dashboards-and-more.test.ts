/**
 * Property: Dashboard, the connections, Secret, the importers (any JSON document), the
 * template stacks and the presets, given any JS value for a prop, yield valid synthesized
 * output or a ValidationError naming path, prop and value.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { anything, checkEveryProp, hostileNumber, hostileString, listOf, orAnything } from './support';
import {
  AwsConnection, AwsMetricsToDatadogStack, Dashboard, DashboardBackend, DatadogConnection, DatadogDashboardImport, DatadogMonitorImport,
  DatadogSite, GitHubAuth, GitHubConnection, GitHubRepositoryStack, GrafanaAuth, GrafanaConnection, GrafanaDashboardImport, ImportSource,
  IncidentRoutingStack, JiraAuth, JiraConnection, MonitorBackend, MonitorPresets, PagerDutyConnection, Secret, ServiceBackend,
  ServiceMonitoringStack, Severity, Signal, SlackConnection, TemplateVariable, TimeRange, WebhookAuth, WebhookConnection, Widget,
} from '../../src';
import { newStack } from '../support/synth';

const v = (stack: TerraformStack, name: string) => Secret.fromTerraformVariable(stack, `Var_${name}`, { variableName: name });
const bool = () => orAnything(fc.boolean());

function check(name: string, arbs: Record<string, fc.Arbitrary<unknown>>, build: (props: Record<string, unknown>) => TerraformStack | App, n: number,
  related: Record<string, string[]> = {}, expectBoth = true) {
  checkEveryProp(name, arbs, build, n, { related, expectAccepted: expectBoth });
}

function connected() {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new DatadogConnection(stack, 'Datadog', { apiKey: v(stack, 'dd_api'), appKey: v(stack, 'dd_app'), testConnection: false });
  new GrafanaConnection(stack, 'Grafana', { url: 'https://grafana.example.com', auth: GrafanaAuth.serviceAccountToken(v(stack, 'grafana_token')), testConnection: false });
  return stack;
}

const signal = Signal.datadogQuery({ query: 'avg:system.load.1{*}' });
check('Dashboard', {
  title: orAnything(hostileString),
  description: orAnything(hostileString),
  tags: listOf(hostileString),
  variables: listOf(orAnything(fc.constant(TemplateVariable.env()), hostileString.map((n) => TemplateVariable.custom(n, ['a', 'b'])))),
  timeRange: orAnything(hostileNumber.map((n) => TimeRange.hours(n))),
  links: listOf(fc.record({ title: orAnything(hostileString), url: orAnything(hostileString) })),
  backends: orAnything(fc.constantFrom([DashboardBackend.datadog()], [DashboardBackend.grafana({ datasourceUid: 'prom' })], [DashboardBackend.cloudwatch()])),
  rows: listOf(fc.record({
    title: orAnything(hostileString),
    collapsed: bool(),
    widgets: listOf(orAnything(hostileString.map((t) => Widget.text({ title: 'Notes', markdown: t } as any)), hostileString.map((t) => Widget.timeSeries({ title: t, signals: [signal] })))),
  })),
}, (p) => {
  const stack = connected();
  new Dashboard(stack, 'Dash', { title: 'Checkout', backends: [DashboardBackend.datadog(), DashboardBackend.grafana({ datasourceUid: 'prom' })], ...p } as any);
  return stack;
}, 150, { rows: ['rowTitle'] });

check('connections', {
  aws: fc.record({ region: orAnything(hostileString, fc.constant('eu-west-1')), accountId: orAnything(hostileString), alias: orAnything(hostileString) }),
  datadog: fc.record({ site: orAnything(fc.constantFrom(...Object.values(DatadogSite))), alias: orAnything(hostileString) }),
  grafana: fc.record({ url: orAnything(hostileString, fc.constant('https://g.example.com')), alias: orAnything(hostileString) }),
  github: fc.record({ owner: orAnything(hostileString, fc.constant('acme')), baseUrl: orAnything(hostileString) }),
  jira: fc.record({ baseUrl: orAnything(hostileString, fc.constant('https://acme.atlassian.net')), email: orAnything(hostileString) }),
  slack: fc.record({ workspaceId: orAnything(hostileString, fc.constant('T01234567')), datadogAccountName: orAnything(hostileString) }),
  pagerDuty: fc.record({ subdomain: orAnything(hostileString) }),
  webhook: fc.record({ url: orAnything(hostileString), healthCheckUrl: orAnything(hostileString) }),
  testConnection: bool(),
}, (p) => {
  const stack = newStack();
  const [kind, value] = Object.entries(p)[0] as [string, any];
  const tc = kind === 'testConnection' ? value : false;
  const o = (kind === 'testConnection' ? {} : value) as Record<string, any>;
  const secret = v(stack, 'token');
  const build = (k: string) => {
    switch (k) {
      case 'aws': return new AwsConnection(stack, 'Conn', { region: 'eu-west-1', ...o, testConnection: tc });
      case 'datadog': return new DatadogConnection(stack, 'Conn', { apiKey: secret, appKey: v(stack, 'app'), ...o, testConnection: tc });
      case 'grafana': return new GrafanaConnection(stack, 'Conn', { url: 'https://g.example.com', auth: GrafanaAuth.serviceAccountToken(secret), ...o, testConnection: tc });
      case 'github': return new GitHubConnection(stack, 'Conn', { owner: 'acme', auth: GitHubAuth.token(secret), ...o, testConnection: tc });
      case 'jira': return new JiraConnection(stack, 'Conn', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken(o.email ?? 'bot@acme.example', secret), ...o, testConnection: tc });
      case 'slack': return new SlackConnection(stack, 'Conn', { workspaceId: 'T01234567', botToken: secret, ...o, testConnection: tc });
      case 'pagerDuty': return new PagerDutyConnection(stack, 'Conn', { ...o, testConnection: tc });
      default: return new WebhookConnection(stack, 'Conn', { url: 'https://hooks.example.com/in', ...o, testConnection: tc });
    }
  };
  build(kind === 'testConnection' ? 'webhook' : kind);
  return stack;
}, 200, {
  aws: ['region', 'accountId', 'alias'],
  datadog: ['site', 'alias'],
  grafana: ['url', 'alias'],
  github: ['owner', 'baseUrl'],
  jira: ['baseUrl', 'auth', 'email'],
  slack: ['workspaceId', 'datadogAccountName'],
  pagerDuty: ['subdomain'],
  webhook: ['url', 'healthCheckUrl'],
  testConnection: ['url'],
});

check('Secret', {
  variableName: orAnything(hostileString),
  environmentVariable: orAnything(hostileString),
  secretId: orAnything(hostileString),
  jsonKey: orAnything(hostileString),
  parameterName: orAnything(hostileString),
  plainText: orAnything(hostileString),
}, (p) => {
  const stack = newStack();
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  const [k, x] = Object.entries(p)[0] as [string, any];
  let s: Secret;
  if (k === 'variableName') s = Secret.fromTerraformVariable(stack, 'S', { variableName: x });
  else if (k === 'environmentVariable') s = Secret.fromEnvironment(stack, 'S', { environmentVariable: x });
  else if (k === 'secretId') s = Secret.fromSecretsManager(stack, 'S', { secretId: x, aws });
  else if (k === 'jsonKey') s = Secret.fromSecretsManager(stack, 'S', { secretId: 'dd/api', jsonKey: x, aws });
  else if (k === 'parameterName') s = Secret.fromSsmParameter(stack, 'S', { parameterName: x, aws } as any);
  else s = Secret.unsafePlainText(stack, 'S', x);
  new WebhookConnection(stack, 'Hook', { url: 'https://hooks.example.com/in', auth: WebhookAuth.bearer(s), testConnection: false });
  return stack;
}, 150, { plainText: ['value'], secretId: ['value'], jsonKey: ['value'], parameterName: ['value'], variableName: ['value'], environmentVariable: ['value'] });


/** JSON documents: generated ones of any shape, and real-looking exports with hostile fields. */
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ title: anything, widgets: anything, layout_type: fc.constantFrom('ordered', 'free', 'x'), template_variables: anything }),
  fc.record({ title: anything, panels: fc.array(fc.record({ type: fc.constantFrom('timeseries', 'stat', 'row'), title: anything, targets: anything, id: anything })), uid: anything, templating: anything }),
  fc.record({ name: anything, type: fc.constantFrom('query alert', 'metric alert', 'composite', 'x'), query: anything, message: anything, tags: anything, options: anything, priority: anything }),
);
check('importers', {
  datadogMonitor: json,
  datadogDashboard: json,
  grafanaDashboard: json,
  text: hostileString,
}, (p) => {
  const stack = connected();
  const [k, x] = Object.entries(p)[0] as [string, any];
  const source = k === 'text' ? ImportSource.fromString(x) : x !== null && typeof x === 'object' && !Array.isArray(x) ? ImportSource.fromObject(x) : ImportSource.fromString(JSON.stringify(x) ?? 'undefined');
  if (k === 'datadogMonitor') new DatadogMonitorImport(stack, 'Imp', { source });
  else if (k === 'datadogDashboard' || k === 'text') new DatadogDashboardImport(stack, 'Imp', { source });
  else new GrafanaDashboardImport(stack, 'Imp', { source });
  return stack;
}, 300, { datadogMonitor: ['monitor'], datadogDashboard: ['dashboard'], grafanaDashboard: ['dashboard'], text: ['dashboard'] }, false);

check('template stacks', {
  regions: listOf(orAnything(hostileString, fc.constantFrom('eu-west-1', 'us-east-1'))),
  service: orAnything(hostileString, fc.constant('checkout')),
  lambdaFunctions: listOf(fc.record({ functionName: orAnything(hostileString) })),
  queues: listOf(fc.record({ queueName: orAnything(hostileString) })),
  routes: listOf(fc.record({
    severities: listOf(fc.constantFrom(...Object.values(Severity))),
    slackChannel: orAnything(hostileString),
    slackChannelId: orAnything(hostileString),
  })),
  webhooks: listOf(fc.record({ id: orAnything(hostileString), url: orAnything(hostileString), events: listOf(hostileString) })),
}, (p) => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-prop-')), stackTraces: false });
  const [k] = Object.keys(p);
  if (k === 'regions') {new AwsMetricsToDatadogStack(app, 'metrics', { accountId: '123456789012', regions: ['eu-west-1'], ...p } as any);} else if (k === 'routes') {
    new IncidentRoutingStack(app, 'routing', {
      aws: { region: 'eu-west-1', accountId: '123456789012' },
      slack: { workspaceId: 'T01234567', botTokenEnvironmentVariable: 'TF_VAR_slack_bot', datadogAccountName: 'acme' },
      routes: [{ severities: [Severity.SEV1], slackChannel: 'alerts', slackChannelId: 'C0ALERTS1' }],
      ...p,
    } as any);
  } else if (k === 'webhooks') {
    new GitHubRepositoryStack(app, 'gh', { owner: 'acme', repository: { name: 'iac' }, ...p } as any);
  } else {
    new ServiceMonitoringStack(app, 's', { service: 'checkout', backends: [ServiceBackend.DATADOG, ServiceBackend.CLOUDWATCH], aws: { region: 'eu-west-1' }, datadog: {}, ...p } as any);
  }
  return app;
}, 80, { routes: ['slack'], webhooks: ['repository', 'pipeline'], lambdaFunctions: ['functionName'], queues: ['queueName'], service: ['tags'] });

check('presets', {
  functionName: orAnything(hostileString, fc.constant('checkout')),
  maxErrors: orAnything(hostileNumber),
  maxDurationP99Ms: orAnything(hostileNumber),
  maxThrottles: orAnything(hostileNumber),
  titlePrefix: orAnything(hostileString),
  tags: orAnything(fc.dictionary(hostileString, hostileString, { maxKeys: 2 })),
  severity: orAnything(fc.constantFrom(...Object.values(Severity))),
  runbookUrl: orAnything(hostileString),
  queueName: orAnything(hostileString),
  maxAgeOfOldestMessageSeconds: orAnything(hostileNumber),
  deadLetterQueueName: orAnything(hostileString),
}, (p) => {
  const stack = connected();
  const backends = [MonitorBackend.datadog(), MonitorBackend.cloudwatch()];
  if ('queueName' in p || 'maxAgeOfOldestMessageSeconds' in p || 'deadLetterQueueName' in p) {
    MonitorPresets.sqsQueue(stack, 'Orders', { queueName: 'orders', maxAgeOfOldestMessageSeconds: 600, backends, ...p } as any);
  } else {
    MonitorPresets.lambdaFunction(stack, 'Checkout', { functionName: 'checkout', maxErrors: 5, maxDurationP99Ms: 2400, backends, ...p } as any);
  }
  return stack;
}, 120, { titlePrefix: ['title'], functionName: ['signal'], queueName: ['signal'], deadLetterQueueName: ['signal'] });
