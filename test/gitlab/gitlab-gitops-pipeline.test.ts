/**
 * GitLabGitOpsPipeline: the `.gitlab-ci.yml` checked by GitLab's own schema and job rules
 * (gitlab-ci-local bundles both), the OIDC trust of the two roles, the managed project's
 * variables and drift schedule, and bad input.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { parse } from 'yaml';
import {
  AwsConnection, DatadogSite, GitLabConnection, GitLabGitOpsPipeline, GitLabProject, Secret,
} from '../../src';
import { newStack, synthApp, synthStack } from '../support/synth';

const GITLAB_CI_LOCAL = require.resolve('gitlab-ci-local/src/index.js');

function setup(extra: Partial<ConstructorParameters<typeof GitLabGitOpsPipeline>[2]> = {}) {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
  const pipeline = new GitLabGitOpsPipeline(stack, 'Pipeline', {
    stacks: ['test', 'other'], projectPath: 'acme/platform/iac', applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'], ...extra,
  });
  return { stack, pipeline };
}
function managed(extra: Partial<ConstructorParameters<typeof GitLabGitOpsPipeline>[2]> = {}) {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
  new GitLabConnection(stack, 'GitLab', { token: Secret.fromEnvironment(stack, 'Tok', { environmentVariable: 'TF_VAR_gitlab_token' }), testConnection: false });
  const project = new GitLabProject(stack, 'Project', { path: 'iac', namespaceId: 42 });
  const pipeline = new GitLabGitOpsPipeline(stack, 'Pipeline', { stacks: ['test'], gitlabProject: project, projectPath: 'acme/iac', applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'], ...extra });
  return { stack, project, pipeline };
}
const all = (json: any, type: string) => Object.values<any>(json.resource[type] ?? {});
const ciFile = (p: GitLabGitOpsPipeline) => p.pipelineFiles['.gitlab-ci.yml'];

/** The jobs GitLab would create for a pipeline with these predefined variables, by name → `when`. */
function jobsFor(yml: string, variables: Record<string, string>): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gitlab-ci-'));
  try {
    fs.writeFileSync(path.join(dir, '.gitlab-ci.yml'), yml);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-q', '--allow-empty', '-m', 'init');
    git('remote', 'add', 'origin', 'https://gitlab.com/acme/platform/iac.git');
    const args = [GITLAB_CI_LOCAL, '--list-json', '--json-schema-validation', ...Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`])];
    const out = execFileSync(process.execPath, args, {
      cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GCL_IGNORE_PREDEFINED_VARS: Object.keys(variables).join(',') },
    }).toString();
    return Object.fromEntries(JSON.parse(out).map((j: any) => [j.name, j.when]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the pipeline as GitLab reads it', () => {
  const yml = ciFile(setup({ doraReporting: { service: 'checkout' } }).pipeline);

  test('merge requests plan, the default branch applies behind a manual job, the drift schedule checks drift', () => {
    expect(jobsFor(yml, { CI_PIPELINE_SOURCE: 'merge_request_event' })).toEqual({ plan: 'on_success', apply: 'never', drift: 'never' });
    expect(jobsFor(yml, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main' })).toEqual({ plan: 'never', apply: 'manual', drift: 'never' });
    expect(jobsFor(yml, { CI_PIPELINE_SOURCE: 'web', CI_COMMIT_BRANCH: 'main' })).toEqual({ plan: 'never', apply: 'manual', drift: 'never' });
    expect(jobsFor(yml, { CI_PIPELINE_SOURCE: 'schedule', CDKTF_SCHEDULE: 'drift' })).toEqual({ plan: 'never', apply: 'never', drift: 'on_success' });
    // a push to another branch, or another schedule of the project, runs none of them
    expect(jobsFor(yml, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature' })).toEqual({ plan: 'never', apply: 'never', drift: 'never' });
    expect(jobsFor(yml, { CI_PIPELINE_SOURCE: 'schedule', CDKTF_SCHEDULE: 'nightly-report' })).toEqual({ plan: 'never', apply: 'never', drift: 'never' });
  });

  test('a job GitLab rejects is caught: the schema check can fail', () => {
    const bad = yml.replace('stage: apply', 'stage: deploy-nowhere');
    expect(() => jobsFor(bad, { CI_PIPELINE_SOURCE: 'push' })).toThrow();
  });

  test('each job gets an ID token for the AWS role, Terraform checked against its sums, and the app synthesized', () => {
    const ci = parse(yml);
    expect(ci.plan.id_tokens).toEqual({ CDKTF_AWS_ID_TOKEN: { aud: 'https://gitlab.com' } });
    expect(ci.plan.variables).toMatchObject({
      AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/cdktf-iac-plan', AWS_WEB_IDENTITY_TOKEN_FILE: '/tmp/cdktf-aws-web-identity-token', AWS_REGION: 'eu-west-1',
    });
    expect(ci.apply.variables.AWS_ROLE_ARN).toBe('arn:aws:iam::123456789012:role/cdktf-iac-apply');
    expect(ci.drift.variables.AWS_ROLE_ARN).toBe('arn:aws:iam::123456789012:role/cdktf-iac-plan');
    expect(ci.plan.before_script).toEqual(expect.arrayContaining([
      '(cd /tmp && grep " terraform_1.11.4_linux_amd64.zip$" terraform_SHA256SUMS | sha256sum -c -)',
      'printf \'%s\' "$CDKTF_AWS_ID_TOKEN" > /tmp/cdktf-aws-web-identity-token',
      'npm ci', 'npx cdktf synth',
    ]));
    expect(ci.apply).toMatchObject({ environment: { name: 'production', deployment_tier: 'production' }, resource_group: 'cdktf-apply', allow_failure: false });
    expect(ci.apply.script).toEqual(expect.arrayContaining(['terraform -chdir=cdktf.out/stacks/other apply -input=false -no-color -lock-timeout=5m -auto-approve']));
    expect(ci.plan.artifacts.reports.terraform).toEqual(['cdktf.out/stacks/test/tfplan-report.json', 'cdktf.out/stacks/other/tfplan-report.json']);
    expect(ci.plan.artifacts.access).toBe('developer');
  });

  test('the plan report the merge request widget reads counts the plan\'s actions', () => {
    const line = parse(yml).plan.script.find((l: string) => l.includes('tfplan-report.json'));
    const program = /node -e "(.*)" >/.exec(line)![1];
    const plan = { resource_changes: [{ change: { actions: ['create'] } }, { change: { actions: ['delete', 'create'] } }, { change: { actions: ['update'] } }, { change: { actions: ['no-op'] } }] };
    const out = execFileSync(process.execPath, ['-e', program], { input: JSON.stringify(plan) }).toString();
    expect(JSON.parse(out)).toEqual({ create: 2, update: 1, delete: 1 });
  });

  test('the app in a subdirectory installs and synthesizes there; Terraform runs from the repository root', () => {
    const ci = parse(ciFile(setup({ workingDirectory: 'infra' }).pipeline));
    expect(ci.plan.before_script).toEqual(expect.arrayContaining(['(cd infra && npm ci)', '(cd infra && npx cdktf synth)']));
    expect(ci.plan.script[0]).toBe('terraform -chdir=infra/cdktf.out/stacks/test init -input=false -no-color');
    expect(ci.plan.cache.key.files).toEqual(['infra/package-lock.json']);
  });
});

describe('OIDC trust', () => {
  test('the plan role trusts the project\'s branch pipelines, the apply role only its default branch', () => {
    const json = synthStack(setup().stack);
    const roles = Object.fromEntries(all(json, 'aws_iam_role').map((r) => [r.name, JSON.parse(r.assume_role_policy)]));
    expect(roles['cdktf-iac-plan'].Statement[0].Condition).toEqual({
      StringEquals: { 'gitlab.com:aud': 'https://gitlab.com' },
      StringLike: { 'gitlab.com:sub': ['project_path:acme/platform/iac:ref_type:branch:ref:*'] },
    });
    expect(roles['cdktf-iac-apply'].Statement[0].Condition).toEqual({
      StringEquals: { 'gitlab.com:aud': 'https://gitlab.com', 'gitlab.com:sub': ['project_path:acme/platform/iac:ref_type:branch:ref:main'] },
    });
    expect(all(json, 'aws_iam_openid_connect_provider')).toEqual([expect.objectContaining({ url: 'https://gitlab.com', client_id_list: ['https://gitlab.com'] })]);
    expect(all(json, 'aws_s3_bucket')[0].bucket).toBe('cdktf-state-acme-platform-iac');
  });

  test('a self-managed instance is its own issuer', () => {
    const { stack, pipeline } = setup({ instanceUrl: 'https://gitlab.example.com/', defaultBranch: 'trunk' });
    const json = synthStack(stack);
    const apply = JSON.parse(all(json, 'aws_iam_role').find((r) => r.name === 'cdktf-iac-apply').assume_role_policy);
    expect(apply.Statement[0].Condition.StringEquals).toEqual({
      'gitlab.example.com:aud': 'https://gitlab.example.com', 'gitlab.example.com:sub': ['project_path:acme/platform/iac:ref_type:branch:ref:trunk'],
    });
    expect(parse(ciFile(pipeline)).apply.rules[0].if).toBe('$CI_COMMIT_BRANCH == "trunk" && ($CI_PIPELINE_SOURCE == "push" || $CI_PIPELINE_SOURCE == "web")');
  });
});

describe('a project managed here', () => {
  test('the roles trust its path by reference; their ARNs are CI/CD variables; the drift check is its pipeline schedule', () => {
    const { stack, pipeline } = managed({ driftSchedule: '0 5 * * *' });
    const json = synthStack(stack);
    const plan = JSON.parse(all(json, 'aws_iam_role').find((r) => r.name === 'cdktf-iac-plan').assume_role_policy);
    expect(plan.Statement[0].Condition.StringLike['gitlab.com:sub']).toEqual(['project_path:${gitlab_project.Project_Resource_B6D7A7B8.path_with_namespace}:ref_type:branch:ref:*'.replace(/Project_Resource_[A-F0-9]+/, Object.keys(json.resource.gitlab_project)[0])]);
    const vars = Object.fromEntries(all(json, 'gitlab_project_variable').map((v) => [v.key, v]));
    expect(vars.CDKTF_PLAN_ROLE_ARN).toMatchObject({ protected: false, value: expect.stringMatching(/^\$\{aws_iam_role\.[^.]+\.arn\}$/) });
    expect(vars.CDKTF_APPLY_ROLE_ARN).toMatchObject({ protected: true, value: expect.stringMatching(/^\$\{aws_iam_role\.[^.]+\.arn\}$/) });
    const ci = parse(ciFile(pipeline));
    expect(ci.apply.variables.AWS_ROLE_ARN).toBe('$CDKTF_APPLY_ROLE_ARN');
    expect(ci.plan.variables.AWS_ROLE_ARN).toBe('$CDKTF_PLAN_ROLE_ARN');
    const [schedule] = all(json, 'gitlab_pipeline_schedule');
    expect(schedule).toMatchObject({ cron: '0 5 * * *', cron_timezone: 'UTC', ref: 'refs/heads/main', active: true, project: expect.stringMatching(/^\$\{gitlab_project\.[^.]+\.id\}$/) });
    const [variable] = all(json, 'gitlab_pipeline_schedule_variable');
    expect(variable).toMatchObject({ key: 'CDKTF_SCHEDULE', value: 'drift', pipeline_schedule_id: expect.stringMatching(/^\$\{gitlab_pipeline_schedule\.[^.]+\.pipeline_schedule_id\}$/) });
  });

  test('commitPipeline commits the same .gitlab-ci.yml as text', () => {
    const { stack, pipeline } = managed({ commitPipeline: true });
    const json = synthStack(stack);
    const [file] = all(json, 'gitlab_repository_file');
    expect(file).toMatchObject({ file_path: '.gitlab-ci.yml', branch: 'main', encoding: 'text', overwrite_on_create: true });
    // escaped for Terraform's template syntax, so Terraform writes the file as generated
    expect(file.content).toContain('$${#drifted[@]}');
    expect(file.content.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')).toBe(ciFile(pipeline));
  });

  test('the file is written under cdktf.out/gitops/<stack>/ at synth', () => {
    const result = synthApp((app) => {
      const stack = new TerraformStack(app, 'ci');
      new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
      new GitLabGitOpsPipeline(stack, 'Pipeline', { stacks: ['ci'], projectPath: 'acme/iac', applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'] });
    });
    expect(Object.keys(result.files)).toEqual(expect.arrayContaining(['gitops/ci/.gitlab-ci.yml']));
    expect(result.files['gitops/ci/.gitlab-ci.yml']).toContain('# Generated by cdktf-integrations (GitLabGitOpsPipeline)');
  });
});

describe('bad input', () => {
  const reject = (build: () => unknown, message: string) => expect(build).toThrow(message);

  test.each([
    ['acme/my project', 'test/Pipeline: \'projectPath\' must be the full path of a project, e.g. "group/subgroup/project": "/"-separated GitLab paths of letters, digits, "_", "." and "-"; received "acme/my project"'],
    ['iac', 'test/Pipeline: \'projectPath\' must be the full path of a project'],
    ['acme/iac.git', 'test/Pipeline: \'projectPath\' must be the full path of a project'],
  ])('a project path GitLab would reject (%j)', (projectPath, message) => {
    reject(() => setup({ projectPath }), message);
  });

  test('neither a project nor a path', () => {
    const stack = newStack();
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
    reject(() => new GitLabGitOpsPipeline(stack, 'P', { stacks: ['a'] }),
      'test/P: \'projectPath\' must be the full path of the project, e.g. "group/subgroup/project", or gitlabProject; received undefined');
  });

  test('an instance that is not https, an OIDC provider of another issuer, a bad image', () => {
    reject(() => setup({ instanceUrl: 'http://gitlab.example.com' }), 'test/Pipeline: \'instanceUrl\' must be');
    reject(() => setup({ existingOidcProviderArn: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' }),
      'test/Pipeline: \'existingOidcProviderArn\' must be the ARN of the IAM OIDC provider for gitlab.com; received "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"');
    reject(() => setup({ image: 'node:20 bookworm' }), 'test/Pipeline: \'image\' must be a container image reference such as node:20-bookworm; received "node:20 bookworm"');
  });

  test('without a managed project the role ARNs need the account id; commitPipeline needs the project', () => {
    const stack = newStack();
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
    reject(() => new GitLabGitOpsPipeline(stack, 'P', { stacks: ['a'], projectPath: 'acme/iac' }),
      'test/P: \'aws\' must be an AwsConnection with accountId when gitlabProject is not given (.gitlab-ci.yml needs the role ARNs); received "test/Aws"');
    reject(() => setup({ commitPipeline: true }), 'test/Pipeline: \'commitPipeline\' must be false unless gitlabProject is given; received true');
  });

  test('a DORA service name Datadog would reject', () => {
    reject(() => setup({ doraReporting: { service: 'My Checkout' } }),
      'test/Pipeline: \'doraReporting.service\' must be a Datadog service tag value: a lower-case letter first, then lower-case letters, digits, _ - : . /, not ending with \':\', at most 192 characters (the tag service:<value> at most 200); received "My Checkout"');
    reject(() => setup({ doraReporting: { service: 'checkout', site: 'datadoghq.eu' as unknown as DatadogSite } }),
      'test/Pipeline: \'doraReporting.site\' must be a DatadogSite; received "datadoghq.eu"');
  });
});
