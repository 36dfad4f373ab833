/**
 * Every documented default of GitHubRepository, GitOpsPipeline, DatadogExport, JiraWorkflow and
 * the connections: synthesized with the prop omitted, the rendered value is asserted.
 */
import { parse } from 'yaml';
import { all, connected, one } from './support';
import {
  AwsConnection, DatadogConnection, DatadogExport, GitHubAuth, GitHubConnection, GitHubRepository, GitOpsPipeline, GrafanaAuth, GrafanaConnection,
  JiraAuth, JiraConnection, JiraWorkflow, JiraWorkflowTemplate, PagerDutyConnection, Secret, WebhookAuth, WebhookConnection,
  ComparisonOperator, MonitorBackend, MonitorConfig, NotificationTarget, Signal,
} from '../../src';
import { newStack, synthStack } from '../support/synth';

describe('GitHubRepository', () => {
  const build = (extra: Record<string, unknown> = {}, f?: (r: GitHubRepository) => void) => {
    const stack = newStack();
    new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(Secret.fromTerraformVariable(stack, 'T', { variableName: 't' })), testConnection: false });
    const repo = new GitHubRepository(stack, 'Repo', { name: 'iac', ...extra });
    f?.(repo);
    return synthStack(stack);
  };
  const json = build({ branchProtection: [{ pattern: 'main', requiredStatusChecks: ['build'] }], environments: [{ name: 'production' }] });
  const repo = one(json, 'github_repository');
  const bp = one(json, 'github_branch_protection');
  const env = one(json, 'github_repository_environment');
  test.each([
    ['visibility @default RepositoryVisibility.PRIVATE', 'visibility', 'private'],
    ['deleteBranchOnMerge @default true', 'delete_branch_on_merge', true],
    ['allowSquashMerge @default true', 'allow_squash_merge', true],
    ['allowMergeCommit @default false', 'allow_merge_commit', false],
    ['allowRebaseMerge @default false', 'allow_rebase_merge', false],
    ['vulnerabilityAlerts @default true', 'vulnerability_alerts', true],
    ['archiveOnDestroy @default true', 'archive_on_destroy', true],
  ])('GitHubRepositoryProps.%s', (_name, key, value) => {
    expect(repo[key]).toBe(value);
  });
  test('GitHubRepositoryProps.defaultBranch @default "main" (the provider\'s own default: no override)', () => {
    expect(repo.default_branch).toBeUndefined();
    expect(one(build(), 'github_branch_protection').pattern).toBe('main');
  });
  test.each([
    ['requiredApprovingReviews @default 1', (b: any) => b.required_pull_request_reviews[0].required_approving_review_count, 1],
    ['requireCodeOwnerReviews @default false', (b: any) => b.required_pull_request_reviews[0].require_code_owner_reviews, false],
    ['dismissStaleReviews @default true', (b: any) => b.required_pull_request_reviews[0].dismiss_stale_reviews, true],
    ['strictStatusChecks @default true', (b: any) => b.required_status_checks[0].strict, true],
    ['enforceAdmins @default true', (b: any) => b.enforce_admins, true],
    ['requireSignedCommits @default false', (b: any) => b.require_signed_commits, false],
    ['requireLinearHistory @default false', (b: any) => b.required_linear_history, false],
    ['requireConversationResolution @default true', (b: any) => b.require_conversation_resolution, true],
  ])('BranchProtectionOptions.%s', (_name, get, value) => {
    expect(get(bp)).toBe(value);
  });
  test('EnvironmentOptions.waitTimerMinutes @default 0 (no wait timer)', () => {
    expect(env.wait_timer ?? 0).toBe(0);
  });
  test('EnvironmentOptions.protectedBranchesOnly @default true', () => {
    expect(env.deployment_branch_policy).toEqual({ protected_branches: true, custom_branch_policies: false });
  });
  test('EnvironmentOptions.preventSelfReview @default true', () => {
    expect(env.prevent_self_review).toBe(true);
  });
  test('RepositoryWebhookOptions.active @default true', () => {
    const hooked = (() => {
      const stack = newStack();
      new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(Secret.fromTerraformVariable(stack, 'T', { variableName: 't' })), testConnection: false });
      const r = new GitHubRepository(stack, 'Repo', { name: 'iac' });
      const endpoint = new WebhookConnection(stack, 'Hook', { url: 'https://h.example.com/gh', auth: WebhookAuth.hmacSignature(Secret.fromTerraformVariable(stack, 'S', { variableName: 's' })), testConnection: false });
      r.addWebhook('Deploy', { endpoint, events: ['push'] });
      return synthStack(stack);
    })();
    expect(one(hooked, 'github_repository_webhook').active).toBe(true);
  });
  test('GitHubConnectionProps.baseUrl @default "https://api.github.com/"', () => {
    expect(json.provider.github[0].base_url ?? 'https://api.github.com/').toBe('https://api.github.com/');
  });
});

describe('GitOpsPipeline', () => {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
  const pipeline = new GitOpsPipeline(stack, 'Pipeline', { stacks: ['test'], repositoryName: 'acme/iac', applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'] });
  const wf = (name: string) => parse(pipeline.workflowFiles[`.github/workflows/cdktf-${name}.yml`]);
  const text = Object.values(pipeline.workflowFiles).join('\n');
  const json = synthStack(stack);
  test('applyEnvironment @default "production"', () => {
    expect(wf('apply').jobs.apply.environment).toEqual({ name: 'production' });
  });
  test('driftSchedule @default "17 6 * * 1-5"', () => {
    expect(wf('drift').on.schedule).toEqual([{ cron: '17 6 * * 1-5' }]);
  });
  test('driftAction @default DriftAction.OPEN_ISSUE', () => {
    expect(text).toMatch(/issues: write/);
  });
  test('nodeVersion @default "20"', () => {
    expect(text).toMatch(/node-version: "?20"?\n/);
  });
  test('terraformVersion @default "1.11.4"', () => {
    expect(text).toMatch(/terraform_version: "?1\.11\.4"?\n/);
  });
  test('installCommand @default "npm ci"', () => {
    expect(text).toMatch(/run: npm ci\n/);
  });
  test('workingDirectory @default "."', () => {
    expect(text).not.toMatch(/working-directory: (?!\.\n)/);
  });
  test('commitWorkflows @default false', () => {
    expect(all(json, 'github_repository_file')).toEqual([]);
  });
});

describe('DatadogExport', () => {
  const stack = newStack();
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new DatadogConnection(stack, 'Datadog', {
    apiKey: Secret.fromSecretsManager(stack, 'ApiKey', { secretId: 'dd/api', jsonKey: 'api_key', aws }), appKey: Secret.fromTerraformVariable(stack, 'App', { variableName: 'app' }), testConnection: false,
  });
  const exp = new DatadogExport(stack, 'Export', {});
  const json = synthStack(stack);
  const stream = one(json, 'aws_cloudwatch_metric_stream');
  const firehose = one(json, 'aws_kinesis_firehose_delivery_stream');
  const http = firehose.http_endpoint_configuration;
  test('enabled @default true', () => {
    expect(stream).toBeDefined();
  });
  test('exportInterval @default ExportInterval.ONE_MINUTE (buffering interval 60 s)', () => {
    expect(http.buffering_interval).toBe(60);
  });
  test('bufferSize @default 4 (MiB)', () => {
    expect(http.buffering_size).toBe(4);
  });
  test('retryDuration @default 60', () => {
    expect(http.retry_duration).toBe(60);
  });
  test('includeLinkedAccountsMetrics @default false', () => {
    expect(stream.include_linked_accounts_metrics ?? false).toBe(false);
  });
  test('failedDataRetentionDays @default 30', () => {
    expect(JSON.stringify(json.resource.aws_s3_bucket_lifecycle_configuration)).toContain('"days":30');
  });
  test('logRetentionDays @default 30', () => {
    expect(one(json, 'aws_cloudwatch_log_group').retention_in_days).toBe(30);
  });
  test('accountIntegration @default true and integrationRoleName @default "DatadogIntegrationRole"', () => {
    expect(all(json, 'datadog_integration_aws_account')).toHaveLength(1);
    expect(all(json, 'aws_iam_role').map((r) => r.name)).toContain('DatadogIntegrationRole');
  });
  test('healthBackends @default [MonitorBackend.cloudwatch()] and healthSeverity @default Severity.SEV3', () => {
    expect(exp.healthChecks.length).toBeGreaterThan(0);
    const alarms = all(json, 'aws_cloudwatch_metric_alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const a of alarms) expect(a.tags?.severity).toBe('sev3');
  });
  test('minDeliverySuccessRate @default 0.99', () => {
    expect(all(json, 'aws_cloudwatch_metric_alarm').some((a) => a.metric_name === 'DeliveryToHttpEndpoint.Success' && a.threshold === 0.99)).toBe(true);
  });
});

describe('JiraWorkflow', () => {
  const stack = newStack();
  const { v } = connected(stack);
  new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('bot@acme.example', v('jira')), testConnection: false });
  new JiraWorkflow(stack, 'Incidents', { name: 'ops', projectKey: 'OPS', automationWebhookUrl: v('url'), automationWebhookToken: v('tok'), datadog: {}, grafana: {}, cloudWatch: {} });
  const json = synthStack(stack);
  const create = all(json, 'datadog_webhook').find((w) => w.name === 'ops')!;
  const body = JSON.parse(create.payload);
  test('template @default JiraWorkflowTemplate.incident(): issueType "Task", summaryTemplate "[{{source}}] {{title}}", labels ["alert"]', () => {
    expect(body.fields.issuetype).toEqual({ name: 'Task' });
    expect(body.fields.summary).toBe('[Datadog] $EVENT_TITLE');
    expect(body.fields.labels).toContain('alert');
  });
  test('severity @default Severity.SEV3 (priority Medium)', () => {
    expect(body.fields.priority).toEqual({ name: 'Medium' });
  });
  test('JiraWorkflowCloudWatchOptions: invocationRateLimitPerSecond @default 10, maximumEventAgeSeconds @default 86400, maximumRetryAttempts @default 185', () => {
    expect(all(json, 'aws_cloudwatch_event_api_destination').map((d) => d.invocation_rate_limit_per_second)).toEqual(expect.arrayContaining([10]));
    for (const t of all(json, 'aws_cloudwatch_event_target')) expect(t.retry_policy).toEqual({ maximum_event_age_in_seconds: 86_400, maximum_retry_attempts: 185 });
  });
  test('JiraWorkflowGrafanaOptions.maxAlerts @default 0 (no limit)', () => {
    for (const w of one(json, 'grafana_contact_point').webhook) expect(w.max_alerts ?? 0).toBe(0);
  });
});

describe('connections', () => {
  test('DatadogConnectionProps.site @default DatadogSite.US1', () => {
    const stack = newStack();
    const { datadog } = connected(stack);
    expect(synthStack(stack).provider.datadog[0].api_url).toBe('https://api.datadoghq.com/');
    void datadog;
  });
  test('GrafanaConnectionProps.orgId @default 1', () => {
    const stack = newStack();
    connected(stack);
    expect(synthStack(stack).provider.grafana[0].org_id ?? 1).toBe(1);
  });
  test('PagerDutyConnectionProps.region @default PagerDutyRegion.US', () => {
    const stack = newStack();
    const pd = new PagerDutyConnection(stack, 'Pd', { apiToken: Secret.fromTerraformVariable(stack, 'T', { variableName: 't' }) });
    expect(pd.eventsUrl).toBe('https://events.pagerduty.com/v2/enqueue');
    expect(JSON.stringify(synthStack(stack))).toContain('https://api.pagerduty.com/abilities');
  });
  test('SecretsManagerSecretProps.versionStage @default "AWSCURRENT"', () => {
    const stack = newStack();
    const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
    const s = Secret.fromSecretsManager(stack, 'S', { secretId: 'x', aws });
    new WebhookConnection(stack, 'Hook', { url: 'https://h.example.com', auth: WebhookAuth.bearer(s), testConnection: false });
    // Not rendered: the provider reads AWSCURRENT when version_stage is omitted (aws_secretsmanager_secret_version docs).
    expect(one({ resource: synthStack(stack).data }, 'aws_secretsmanager_secret_version')).toEqual({ provider: 'aws', secret_id: 'x' });
  });
  test('IntegrationConnectionProps.testConnection @default true: a check is rendered', () => {
    const stack = newStack();
    new WebhookConnection(stack, 'Hook', { url: 'https://h.example.com' });
    expect(JSON.stringify(synthStack(stack))).toContain('https://h.example.com');
    expect(Object.keys(synthStack(stack).check ?? synthStack(stack).data ?? {}).length).toBeGreaterThan(0);
  });
  void GrafanaAuth;
  void GrafanaConnection;
});

describe('more defaults of the integrations', () => {
  test('JiraWorkflowTemplateOptions.recoveryTransition @default "Done" (in the Automation rule the workflow documents)', () => {
    expect(JiraWorkflowTemplate.incident().automationRule('OPS')).toContain('Action "Transition issue" to "Done".');
  });
  test('JiraOAuthClientCredentialsOptions.tokenUrl @default "https://auth.atlassian.com/oauth/token"', () => {
    const stack = newStack();
    const { v } = connected(stack);
    new JiraConnection(stack, 'Jira', {
      baseUrl: 'https://acme.atlassian.net',
      testConnection: false,
      auth: JiraAuth.oauth2ClientCredentials({ clientId: 'svc-client', clientSecret: v('jira_client_secret'), cloudId: '11111111-2222-3333-4444-555555555555' }),
    });
    new JiraWorkflow(stack, 'Incidents', { name: 'ops', projectKey: 'OPS', automationWebhookUrl: v('url'), automationWebhookToken: v('tok'), grafana: {} });
    expect(one(synthStack(stack), 'grafana_contact_point').webhook[0].http_config.oauth2.token_url).toBe('https://auth.atlassian.com/oauth/token');
  });
  test('CloudWatchBackendOptions.adopt @default false: the alarms get no import block', () => {
    const stack = newStack();
    connected(stack);
    new MonitorConfig(stack, 'M', {
      title: 'load',
      message: 'load',
      signal: Signal.cloudWatchMetric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' }),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 1,
      warning: 0.5,
      backends: [MonitorBackend.cloudwatch()],
    });
    const json = synthStack(stack);
    expect(Object.keys(json.resource.aws_cloudwatch_metric_alarm)).toHaveLength(2);
    expect(json.import).toBeUndefined();
  });
  test('CloudWatchBackendOptions.topicEncryption @default TopicEncryption.managedByLibrary(): a customer managed key', () => {
    const stack = newStack();
    connected(stack);
    new MonitorConfig(stack, 'M', {
      title: 'load',
      message: 'load',
      signal: Signal.cloudWatchMetric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' }),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 1,
      backends: [MonitorBackend.cloudwatch()],
      targets: [NotificationTarget.email({ address: 'oncall@example.com' })],
    });
    const json = synthStack(stack);
    expect(one(json, 'aws_sns_topic').kms_master_key_id).toMatch(/^\$\{aws_kms_(key|alias)\./);
  });
});
