/**
 * Property: every prop of GitHubRepository, GitOpsPipeline, Webhook, JiraWorkflow and
 * DatadogExport, given any JS value, yields valid synthesized output (for the pipeline: every
 * file the synth writes) or a ValidationError naming path, prop and value.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { anything, checkEveryProp, hostileNumber, hostileString, listOf, orAnything } from './support';
import {
  AwsConnection, DatadogConnection, DatadogExport, DriftAction, ExportInterval, GitHubAuth, GitHubConnection, GitHubRepository, GitOpsPipeline,
  GrafanaAuth, GrafanaConnection, JiraAuth, JiraConnection, JiraWorkflow, MonitorBackend, RepositoryVisibility, Secret, Severity, Webhook,
  WebhookAuth, WebhookConnection, WebhookHttpMethod, WebhookPayload,
} from '../../src';
import { newStack } from '../support/synth';

const v = (stack: TerraformStack, name: string) => Secret.fromTerraformVariable(stack, `Var_${name}`, { variableName: name });
const bool = () => orAnything(fc.boolean());

function check(name: string, arbs: Record<string, fc.Arbitrary<unknown>>, build: (props: Record<string, unknown>) => TerraformStack | App, n: number,
  related: Record<string, string[]> = {}) {
  checkEveryProp(name, arbs, build, n, { related });
}

function gitHub(stack: TerraformStack) {
  new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(v(stack, 'gh_token')), testConnection: false });
}

const branchProtection = fc.record({
  pattern: orAnything(hostileString, fc.constant('main')),
  requiredApprovingReviews: orAnything(hostileNumber),
  requiredStatusChecks: listOf(hostileString),
  enforceAdmins: bool(),
}, { requiredKeys: ['pattern'] });
const environment = fc.record({
  name: orAnything(hostileString, fc.constant('production')),
  reviewerUserIds: listOf(hostileNumber),
  reviewerTeamIds: listOf(hostileNumber),
  waitTimerMinutes: orAnything(hostileNumber),
  protectedBranchesOnly: bool(),
}, { requiredKeys: ['name'] });

check('GitHubRepository', {
  name: orAnything(hostileString, fc.constant('iac')),
  description: orAnything(hostileString),
  visibility: orAnything(fc.constantFrom(...Object.values(RepositoryVisibility))),
  topics: listOf(orAnything(hostileString, fc.constantFrom('cdktf', 'a-b', 'x1')), 25),
  defaultBranch: orAnything(hostileString, fc.constant('trunk')),
  deleteBranchOnMerge: bool(),
  allowSquashMerge: bool(),
  allowMergeCommit: bool(),
  allowRebaseMerge: bool(),
  vulnerabilityAlerts: bool(),
  archiveOnDestroy: bool(),
  branchProtection: listOf(branchProtection),
  environments: listOf(environment),
  connection: anything,
  variable: fc.tuple(hostileString, hostileString),
}, (p) => {
  const stack = newStack();
  gitHub(stack);
  const { variable, ...props } = p;
  const repo = new GitHubRepository(stack, 'Repo', { name: 'iac', ...props } as any);
  if (variable) {
    const [name, value] = variable as [string, string];
    repo.addVariable(name, value);
    repo.addVariable(name, value);
  }
  return stack;
}, 250, { variable: ['variable name', 'variables'], defaultBranch: ['branchProtection'] });

check('GitOpsPipeline', {
  stacks: listOf(orAnything(hostileString, fc.constant('test'))),
  repositoryName: orAnything(hostileString, fc.constant('acme/iac')),
  defaultBranch: orAnything(hostileString),
  applyEnvironment: orAnything(hostileString),
  stateBucketName: orAnything(hostileString),
  existingOidcProviderArn: orAnything(hostileString),
  planPolicyArns: listOf(hostileString),
  applyPolicyArns: listOf(hostileString),
  driftSchedule: orAnything(hostileString, fc.constant('0 6 * * 1')),
  driftAction: orAnything(fc.constantFrom(...Object.values(DriftAction))),
  nodeVersion: orAnything(hostileString, fc.constant('20')),
  terraformVersion: orAnything(hostileString, fc.constant('1.9.8')),
  installCommand: orAnything(hostileString),
  workingDirectory: orAnything(hostileString),
  environmentSecrets: listOf(hostileString),
  commitWorkflows: bool(),
}, (p) => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-prop-'));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'test');
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
  new GitOpsPipeline(stack, 'Pipeline', { stacks: ['test'], repositoryName: 'acme/iac', applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'], ...p } as any);
  return app;
}, 60, { repositoryName: ['aws'], applyPolicyArns: ['planPolicyArns'] });

function webhookStack() {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new DatadogConnection(stack, 'Datadog', { apiKey: v(stack, 'dd_api'), appKey: v(stack, 'dd_app'), testConnection: false });
  new GrafanaConnection(stack, 'Grafana', { url: 'https://grafana.example.com', auth: GrafanaAuth.serviceAccountToken(v(stack, 'grafana_token')), testConnection: false });
  new WebhookConnection(stack, 'Receiver', { url: 'https://hooks.example.com/alerts', auth: WebhookAuth.bearer(v(stack, 'hook_token')), testConnection: false });
  return stack;
}

check('Webhook', {
  name: orAnything(hostileString, fc.constant('alerts')),
  payload: orAnything(hostileString.map((t) => WebhookPayload.fromJsonTemplate(t)), fc.constant(WebhookPayload.fromJsonTemplate('{"t": "{{title}}", "x": "${y}"}'))),
  httpMethod: orAnything(fc.constantFrom(...Object.values(WebhookHttpMethod))),
  headers: orAnything(fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), fc.dictionary(fc.constantFrom('X-Team', 'X-Env'), hostileString, { maxKeys: 2 })),
  allowUnsignedSources: bool(),
  grafana: orAnything(fc.record({
    contactPointName: orAnything(hostileString),
    maxAlerts: orAnything(hostileNumber),
    message: orAnything(hostileString),
    title: orAnything(hostileString),
  }, { requiredKeys: [] })),
  eventBridge: orAnything(fc.record({
    invocationRateLimitPerSecond: orAnything(hostileNumber),
    maximumEventAgeSeconds: orAnything(hostileNumber),
    maximumRetryAttempts: orAnything(hostileNumber),
    alarmNamePrefix: orAnything(hostileString),
    alarmStates: listOf(fc.constantFrom('ALARM', 'OK', 'INSUFFICIENT_DATA')),
    deadLetterAlarmActions: listOf(hostileString),
    deadLetterKmsKeyId: orAnything(hostileString),
  }, { requiredKeys: [] })),
}, (p) => {
  const stack = webhookStack();
  new Webhook(stack, 'Hook', { name: 'alerts', payload: WebhookPayload.fromJsonTemplate('{"t": "{{title}}"}'), datadog: {}, grafana: {}, eventBridge: {}, ...p } as any);
  return stack;
}, 120, { eventBridge: ['datadog, grafana, eventBridge'], grafana: ['datadog, grafana, eventBridge'], httpMethod: ['datadog'] });

check('JiraWorkflow', {
  name: orAnything(hostileString, fc.constant('ops')),
  projectKey: orAnything(hostileString, fc.constant('OPS')),
  severity: orAnything(fc.constantFrom(...Object.values(Severity))),
  labels: listOf(hostileString),
  components: listOf(hostileString),
  grafana: orAnything(fc.record({ contactPointName: orAnything(hostileString) }, { requiredKeys: [] })),
  cloudWatch: orAnything(fc.record({
    invocationRateLimitPerSecond: orAnything(hostileNumber),
    alarmArns: listOf(hostileString),
    deadLetterAlarmActions: listOf(hostileString),
    alarmNamePrefix: orAnything(hostileString),
  }, { requiredKeys: [] })),
}, (p) => {
  const stack = webhookStack();
  new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('bot@acme.example', v(stack, 'jira_token')), testConnection: false });
  new JiraWorkflow(stack, 'Incidents', {
    name: 'ops',
    projectKey: 'OPS',
    automationWebhookUrl: v(stack, 'automation_url'),
    automationWebhookToken: v(stack, 'automation_token'),
    datadog: {},
    grafana: {},
    cloudWatch: {},
    ...p,
  } as any);
  return stack;
}, 60, { grafana: ['datadog, grafana, cloudWatch'], cloudWatch: ['datadog, grafana, cloudWatch'] });

const filter = fc.record({ namespace: orAnything(hostileString, fc.constant('AWS/Lambda')), metricNames: listOf(hostileString) }, { requiredKeys: ['namespace'] });
check('DatadogExport', {
  enabled: bool(),
  exportInterval: orAnything(fc.constantFrom(...Object.values(ExportInterval))),
  includeFilters: listOf(filter),
  excludeFilters: listOf(filter),
  allowCustomNamespaces: bool(),
  additionalStatistics: listOf(fc.record({ namespace: orAnything(hostileString, fc.constant('AWS/Lambda')), metricName: orAnything(hostileString), statistics: listOf(orAnything(fc.constantFrom('p99', 'p50'))) })),
  metricMapping: listOf(fc.record({
    namespace: orAnything(hostileString), metricName: orAnything(hostileString), datadogMetricName: orAnything(hostileString),
  })),
  tags: orAnything(fc.dictionary(hostileString, hostileString, { maxKeys: 3 })),
  name: orAnything(hostileString, fc.constant('export')),
  retryDuration: orAnything(hostileNumber),
  bufferSize: orAnything(hostileNumber),
  failedDataRetentionDays: orAnything(hostileNumber),
  logRetentionDays: orAnything(hostileNumber),
  secretKmsKeyArn: orAnything(hostileString),
  accountIntegration: bool(),
  integrationRoleName: orAnything(hostileString),
  integrationRegions: listOf(orAnything(hostileString, fc.constantFrom('eu-west-1', 'us-east-1'))),
  healthBackends: orAnything(fc.constant([MonitorBackend.datadog()])),
  healthSeverity: orAnything(fc.constantFrom(...Object.values(Severity))),
  minDeliverySuccessRate: orAnything(hostileNumber),
  maxDataFreshness: orAnything(hostileNumber),
}, (p) => {
  const stack = newStack();
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new DatadogConnection(stack, 'Datadog', {
    apiKey: Secret.fromSecretsManager(stack, 'ApiKey', { secretId: 'dd/api', jsonKey: 'api_key', aws }), appKey: v(stack, 'dd_app_key'), testConnection: false,
  });
  new DatadogExport(stack, 'Export', p as any);
  return stack;
}, 120, {
  includeFilters: ['excludeFilters', 'allowCustomNamespaces'],
  excludeFilters: ['includeFilters'],
  allowCustomNamespaces: ['includeFilters', 'excludeFilters'],
  accountIntegration: ['integrationRoleName', 'integrationRegions'],
  minDeliverySuccessRate: ['healthBackends'],
  maxDataFreshness: ['healthBackends'],
});
