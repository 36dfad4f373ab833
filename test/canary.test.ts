/**
 * Canary test: secrets from every source are set to recognisable values wherever a value
 * can exist while synthesizing (the environment Terraform will read), and nothing written to
 * cdktf.out contains them. A positive control (the one explicitly unsafe source) proves the
 * scan finds a canary when one is there.
 */
import { TerraformStack } from 'cdktf';
import { buildExamples } from '../examples/app';
import {
  AwsConnection, DatadogConnection, GitHubAuth, GitHubConnection, GitLabConnection, GitLabGitOpsPipeline, GitLabProject,
  GitLabWebhookEvent, GitOpsPipeline, GrafanaAuth, GrafanaConnection, IntegrationCatalog, JiraAuth, JiraConnection, PagerDutyConnection,
  Secret, SlackConnection, WebhookAuth, WebhookConnection,
} from '../src';
import { synthApp } from './support/synth';

const CANARIES: Record<string, string> = {
  TF_VAR_canary_dd_api: 'CANARY-dd-api-5b1e',
  TF_VAR_canary_dd_app: 'CANARY-dd-app-9c7d',
  TF_VAR_canary_grafana: 'CANARY-grafana-31fa',
  TF_VAR_canary_jira: 'CANARY-jira-77aa',
  TF_VAR_canary_slack: 'CANARY-slack-0e0e',
  TF_VAR_canary_pd: 'CANARY-pd-4242',
  TF_VAR_canary_hook: 'CANARY-hook-abcd',
  TF_VAR_canary_gitlab: 'CANARY-gitlab-5151',
  TF_VAR_canary_gitlab_hook: 'CANARY-gitlab-hook-6161',
  TF_VAR_canary_gitlab_var: 'CANARY-gitlab-var-7171',
  // Variables of the examples, as a user would export them before `cdktf deploy`.
  TF_VAR_grafana_token: 'CANARY-example-grafana-1111',
  TF_VAR_pagerduty_token: 'CANARY-example-pd-2222',
  TF_VAR_jira_api_token: 'CANARY-example-jira-3333',
  TF_VAR_datadog_api_key: 'CANARY-example-dd-4444',
  TF_VAR_github_token: 'CANARY-example-gh-5555',
  // Provider environment variables a CI machine typically has.
  DD_API_KEY: 'CANARY-env-dd-6666',
  DD_APP_KEY: 'CANARY-env-dd-7777',
  GITHUB_TOKEN: 'CANARY-env-gh-8888',
  GRAFANA_AUTH: 'CANARY-env-grafana-9999',
  AWS_SECRET_ACCESS_KEY: 'CANARY-env-aws-aaaa',
};

function everySource(stack: TerraformStack): void {
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
  const env = (id: string, name: string) => Secret.fromEnvironment(stack, id, { environmentVariable: `TF_VAR_${name}` });
  new DatadogConnection(stack, 'Datadog', { apiKey: env('DdApi', 'canary_dd_api'), appKey: env('DdApp', 'canary_dd_app') });
  new DatadogConnection(stack, 'Datadog2', {
    apiKey: Secret.fromSecretsManager(stack, 'SmKey', { secretId: 'canary/datadog', jsonKey: 'api_key', aws }),
    appKey: Secret.fromSsmParameter(stack, 'SsmKey', { parameterName: '/canary/datadog/app', aws }),
  });
  new GrafanaConnection(stack, 'Grafana', { url: 'https://g.example.com', auth: GrafanaAuth.serviceAccountToken(env('G', 'canary_grafana')) });
  new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(Secret.fromTerraformVariable(stack, 'GhTok', { variableName: 'canary_github' })) });
  new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('a@acme.example', env('J', 'canary_jira')) });
  new SlackConnection(stack, 'Slack', { botToken: env('S', 'canary_slack') });
  new PagerDutyConnection(stack, 'PagerDuty', { apiToken: env('P', 'canary_pd') });
  new WebhookConnection(stack, 'Hook', { url: 'https://h.example.com', auth: WebhookAuth.bearer(env('H', 'canary_hook')) });
  new GitLabConnection(stack, 'GitLab', { token: env('Gl', 'canary_gitlab') });
  const project = new GitLabProject(stack, 'GitLabProject', { path: 'iac' });
  project.addWebhook('Hook', { url: 'https://h.example.com/gitlab', secretToken: env('GlHook', 'canary_gitlab_hook'), events: [GitLabWebhookEvent.PIPELINE] });
  project.addSecretVariable('DEPLOY_TOKEN', env('GlVar', 'canary_gitlab_var'));
  // the catalog describes every connection above, and their secrets by reference
  new IntegrationCatalog(stack, 'Catalog');
}

function scan(files: Record<string, string>, needles: string[]): string[] {
  const hits: string[] = [];
  for (const [file, text] of Object.entries(files)) for (const n of needles) if (text.includes(n)) hits.push(`${file}: ${n}`);
  return hits;
}

describe('no secret value reaches cdktf.out', () => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [k, val] of Object.entries(CANARIES)) {
      saved[k] = process.env[k];
      process.env[k] = val;
    }
  });
  afterAll(() => {
    for (const k of Object.keys(CANARIES)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  test('with secrets from every source', () => {
    const out = synthApp((app) => everySource(new TerraformStack(app, 'canary')));
    expect(Object.keys(out.files).length).toBeGreaterThan(0);
    expect(scan(out.files, Object.values(CANARIES))).toEqual([]);
    // the secrets are there, as references
    const text = out.files['stacks/canary/cdk.tf.json'];
    expect(text).toContain('${var.canary_dd_api}');
    expect(text).toContain('data.aws_secretsmanager_secret_version.');
    expect(text).toContain('${var.canary_gitlab_hook}');
    expect(JSON.parse(out.files['stacks/canary/integrations.manifest.json']).integrations).toHaveLength(11);
  });

  /** The kind of a file the synth writes: cdk.tf.json, manifest.json, a workflow YAML, or its extension. */
  const kindOf = (file: string) => {
    const base = file.split('/').pop()!;
    if (base === 'cdk.tf.json' || base === 'manifest.json') return base;
    if (/\.ya?ml$/.test(base)) return file.includes('.github/workflows/') ? 'workflow YAML' : 'YAML';
    return base.includes('.') ? base.slice(base.indexOf('.')) : base;
  };
  let exampleKinds: string[] = [];

  test('in every example', () => {
    const out = synthApp(buildExamples);
    expect(scan(out.files, Object.values(CANARIES))).toEqual([]);
    exampleKinds = [...new Set(Object.keys(out.files).map(kindOf))].sort();
    expect(exampleKinds).toEqual(expect.arrayContaining(['cdk.tf.json', 'manifest.json', 'workflow YAML']));
  });

  test('positive control: the scan finds a canary in every kind of file the synth writes', () => {
    const needle = 'CANARY-unsafe-ffff';
    const out = synthApp((app) => {
      // cdk.tf.json: the one explicitly unsafe secret source
      const stack = new TerraformStack(app, 'unsafe');
      new WebhookConnection(stack, 'Hook', { url: 'https://h.example.com', auth: WebhookAuth.bearer(Secret.unsafePlainText(stack, 'T', needle)), testCredentials: true });
      // workflow YAML: a value that is written into the workflows
      new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
      new GitOpsPipeline(stack, 'Pipeline', {
        stacks: ['unsafe'], repositoryName: 'acme/iac', installCommand: `npm ci --token=${needle}`, applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'],
      });
      // YAML: .gitlab-ci.yml, whose install command is written into it
      new GitLabGitOpsPipeline(stack, 'GitLabPipeline', {
        stacks: ['unsafe'], projectPath: 'acme/iac', installCommand: `npm ci --token=${needle}`, applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'],
      });
      // manifest.json: names the stacks; integrations.manifest.json: names its stack
      new IntegrationCatalog(new TerraformStack(app, needle), 'Catalog');
    });
    const hits = scan(out.files, [needle]);
    const hitKinds = [...new Set(hits.map((h) => kindOf(h.slice(0, h.indexOf(':')))))].sort();
    expect(hits).toContain(`stacks/unsafe/cdk.tf.json: ${needle}`);
    expect(hits).toContain(`manifest.json: ${needle}`);
    expect(hits).toContain(`stacks/${needle}/integrations.manifest.json: ${needle}`);
    expect(hits).toContain(`gitops/unsafe/.github/workflows/cdktf-plan.yml: ${needle}`);
    expect(hits).toContain(`gitops/unsafe/.gitlab-ci.yml: ${needle}`);
    // every kind of file the examples write is covered by the control
    expect(hitKinds).toEqual(expect.arrayContaining(exampleKinds.length > 0 ? exampleKinds : ['cdk.tf.json', 'manifest.json', 'workflow YAML']));
  });
});
