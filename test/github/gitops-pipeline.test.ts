import { TerraformStack } from 'cdktf';
import { parse } from 'yaml';
import {
  AwsConnection, DriftAction, GitHubAuth, GitHubConnection, GitHubRepository, GitHubRepositoryStack, GitOpsPipeline, Secret,
} from '../../src';
import { newStack, synthApp, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

function setup(extra: Partial<ConstructorParameters<typeof GitOpsPipeline>[2]> = {}) {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
  new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(Secret.fromEnvironment(stack, 'Tok', { environmentVariable: 'TF_VAR_github_token' })), testConnection: false });
  const repo = new GitHubRepository(stack, 'Repo', { name: 'iac', environments: [{ name: 'production', reviewerUserIds: [7] }] });
  const pipeline = new GitOpsPipeline(stack, 'Pipeline', { stacks: ['test', 'other'], githubRepository: repo, applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'], ...extra });
  return { stack, repo, pipeline };
}
const all = (json: any, type: string) => Object.values<any>(json.resource[type] ?? {});
const workflow = (p: GitOpsPipeline, name: string) => parse(p.workflowFiles[`.github/workflows/cdktf-${name}.yml`]);

describe('OIDC trust', () => {
  test('the plan role trusts only pull requests and the default branch of this repository', () => {
    const { stack } = setup();
    const json = synthStack(stack);
    const roles = Object.fromEntries(all(json, 'aws_iam_role').map((r) => [r.name, JSON.parse(r.assume_role_policy)]));
    const plan = roles['cdktf-iac-plan'].Statement[0];
    expect(plan.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(plan.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': ['repo:acme/iac:pull_request', 'repo:acme/iac:ref:refs/heads/main'],
      },
    });
    expect(roles['cdktf-iac-apply'].Statement[0].Condition.StringEquals['token.actions.githubusercontent.com:sub']).toEqual(['repo:acme/iac:environment:production']);
    for (const doc of Object.values<any>(roles)) {
      expect(JSON.stringify(doc)).not.toContain('*');
      expect(Object.keys(doc.Statement[0].Condition)).toEqual(['StringEquals']);
    }
    expect(all(json, 'aws_iam_openid_connect_provider')).toEqual([expect.objectContaining({ url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'] })]);
  });

  test.each(['*/iac', 'acme/*', 'acme', 'ac me/iac'])('a repository name that is not one exact repository (%j) fails', (repositoryName) => {
    const stack = newStack();
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
    expect(() => new GitOpsPipeline(stack, 'Pipeline', { stacks: ['test'], repositoryName }))
      .toThrow(`test/Pipeline: 'repositoryName' must be owner/name of a GitHub repository (no wildcards), or githubRepository; received ${JSON.stringify(repositoryName)}`);
  });
});

test('the state bucket is encrypted, versioned, private and TLS-only; backends lock natively', () => {
  const { stack, pipeline } = setup();
  const json = synthStack(stack);
  expect(all(json, 'aws_s3_bucket_versioning')[0].versioning_configuration).toEqual({ status: 'Enabled' });
  expect(all(json, 'aws_s3_bucket_server_side_encryption_configuration')[0].rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' }, bucket_key_enabled: true }]);
  expect(all(json, 'aws_s3_bucket_public_access_block')[0]).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
  const policy = JSON.parse(all(json, 'aws_s3_bucket_policy')[0].policy);
  expect(policy.Statement[0]).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  expect(all(json, 'aws_s3_bucket')[0].bucket).toBe('cdktf-state-acme-iac');
  // old state versions expire, and parts of uploads that never completed are removed
  expect(all(json, 'aws_s3_bucket_lifecycle_configuration')[0].rule).toEqual([{
    id: 'expire-old-state-versions',
    status: 'Enabled',
    filter: [{ prefix: '' }],
    noncurrent_version_expiration: [{ noncurrent_days: 90 }],
    abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
  }]);

  const app = stack.node.root;
  const service = new TerraformStack(app, 'other');
  pipeline.configureBackend(service);
  expect(synthStack(service).terraform.backend.s3).toEqual({ bucket: 'cdktf-state-acme-iac', key: 'other/terraform.tfstate', region: 'eu-west-1', encrypt: true, use_lockfile: true });
});

describe('workflows', () => {
  test('parse as YAML; plan posts to the pull request with the least permissions', () => {
    const { pipeline } = setup();
    const plan = workflow(pipeline, 'plan');
    expect(plan.on).toEqual({ pull_request: { branches: ['main'] } });
    expect(plan.permissions).toEqual({ contents: 'read' });
    expect(plan.jobs.plan.permissions).toEqual({ 'contents': 'read', 'id-token': 'write', 'pull-requests': 'write' });
    const names = plan.jobs.plan.steps.map((s: any) => s.name);
    expect(names).toEqual(['Check out', 'Set up Node.js', 'Set up Terraform', 'AWS credentials (OIDC)', 'Install', 'Synthesize', 'Plan test', 'Plan other', 'Post the plan summary to the pull request']);
    expect(plan.jobs.plan.steps[3].with['role-to-assume']).toBe('${{ vars.CDKTF_PLAN_ROLE_ARN }}');
    expect(plan.jobs.plan.steps[6].run).toContain('terraform -chdir=cdktf.out/stacks/test plan -input=false -no-color -lock-timeout=5m -out=tfplan');
    expect(plan.jobs.plan.env).toEqual({ TF_VAR_github_token: '${{ secrets.TF_VAR_github_token }}' });
  });

  test('apply runs on the default branch behind the protected environment', () => {
    const { pipeline } = setup();
    const apply = workflow(pipeline, 'apply');
    expect(apply.on.push).toEqual({ branches: ['main'] });
    expect(apply.jobs.apply.environment).toEqual({ name: 'production' });
    expect(apply.jobs.apply.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
    expect(apply.concurrency).toEqual({ 'group': 'cdktf-apply', 'cancel-in-progress': false });
    expect(apply.jobs.apply.steps.at(-1).run).toContain('apply -input=false -no-color -lock-timeout=5m -auto-approve');
  });

  test('drift runs on the schedule, opens an issue and fails; FAIL needs no issues permission', () => {
    const drift = workflow(setup().pipeline, 'drift');
    expect(drift.on.schedule).toEqual([{ cron: '17 6 * * 1-5' }]);
    expect(drift.jobs.drift.permissions).toEqual({ 'contents': 'read', 'id-token': 'write', 'issues': 'write' });
    expect(drift.jobs.drift.steps.find((s: any) => s.id === 'drift').run).toContain('-detailed-exitcode');
    expect(drift.jobs.drift.steps.map((s: any) => s.name)).toContain('Open or update the drift issue');
    const failOnly = workflow(setup({ driftAction: DriftAction.FAIL, driftSchedule: '0 */6 * * *' }).pipeline, 'drift');
    expect(failOnly.jobs.drift.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
    expect(failOnly.on.schedule).toEqual([{ cron: '0 */6 * * *' }]);
  });

  test('id-token: write only in jobs; every action pinned to a released version', () => {
    const { pipeline } = setup();
    for (const [file, text] of Object.entries(pipeline.workflowFiles)) {
      const wf = parse(text);
      expect({ file, top: wf.permissions }).toEqual({ file, top: { contents: 'read' } });
      for (const job of Object.values<any>(wf.jobs)) {
        for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+\.\d+\.\d+$/);
      }
    }
  });

  test.each(['* * * *', '61 * * * *', '0 25 * * *', '0 0 0 * *', '0 0 * 13 *', '0 0 * * 8', 'every day'])('cron %j is rejected', (driftSchedule) => {
    expect(() => setup({ driftSchedule })).toThrow(/test\/Pipeline: 'driftSchedule' must be a POSIX cron expression with 5 fields/);
  });

  test('workflows are written into cdktf.out and can be committed as repository files', () => {
    const out = synthApp((app) => {
      const s = new GitHubRepositoryStack(app, 'gh', {
        owner: 'acme',
        repository: { name: 'iac' },
        pipeline: { stacks: ['gh'], aws: { region: 'eu-west-1' }, commitWorkflows: true, applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'] },
      });
      return s;
    });
    expect(Object.keys(out.files).filter((f) => f.startsWith('gitops/'))).toEqual([
      'gitops/gh/.github/workflows/cdktf-apply.yml', 'gitops/gh/.github/workflows/cdktf-drift.yml', 'gitops/gh/.github/workflows/cdktf-plan.yml',
    ]);
    const files = all(out.stacks.gh, 'github_repository_file');
    expect(files.map((f) => f.file).sort()).toEqual(['.github/workflows/cdktf-apply.yml', '.github/workflows/cdktf-drift.yml', '.github/workflows/cdktf-plan.yml']);
    // Terraform reads the content as a template: GitHub's `${{ … }}` is written `$${{ … }}` and
    // reaches the repository as the file in cdktf.out.
    const content: string = files.find((f) => f.file.endsWith('plan.yml')).content;
    expect(content).toContain('$${{ github.event.pull_request.number }}');
    expect(content.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')).toBe(out.files['gitops/gh/.github/workflows/cdktf-plan.yml']);
    const env = all(out.stacks.gh, 'github_repository_environment')[0];
    expect(env.environment).toBe('production');
  });
});

test('no secret value reaches the workflows or cdktf.out', () => {
  process.env.TF_VAR_github_token = 'CANARY-gitops-token-7c1d';
  try {
    const out = synthApp((app) => new GitHubRepositoryStack(app, 'gh', {
      owner: 'acme',
      repository: { name: 'iac' },
      webhooks: [{ id: 'Deploys', url: 'https://hooks.example.com/gh', events: ['deployment'] }],
      pipeline: { stacks: ['gh'], aws: { region: 'eu-west-1' }, applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'] },
    }));
    for (const [file, text] of Object.entries(out.files)) expect({ file, leak: text.includes('CANARY-gitops-token-7c1d') }).toEqual({ file, leak: false });
    const plan = parse(out.files['gitops/gh/.github/workflows/cdktf-plan.yml']);
    expect(plan.jobs.plan.env).toEqual({
      TF_VAR_deploys_webhook_secret: '${{ secrets.TF_VAR_deploys_webhook_secret }}',
      TF_VAR_github_token: '${{ secrets.TF_VAR_github_token }}',
    });
  } finally {
    delete process.env.TF_VAR_github_token;
  }
});

test('without a managed repository the role ARNs need the account id', () => {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
  expect(() => new GitOpsPipeline(stack, 'Pipeline', { stacks: ['test'], repositoryName: 'acme/iac' }))
    .toThrow("test/Pipeline: 'aws' must be an AwsConnection with accountId when githubRepository is not given (the workflows need the role ARNs); received \"test/Aws\"");
  const stack2 = newStack();
  new AwsConnection(stack2, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  const p = new GitOpsPipeline(stack2, 'Pipeline', { stacks: ['test'], repositoryName: 'acme/iac', applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'] });
  expect(parse(p.workflowFiles['.github/workflows/cdktf-apply.yml']).jobs.apply.steps[3].with['role-to-assume']).toBe('arn:aws:iam::123456789012:role/cdktf-iac-apply');
});

test('the AWS part passes terraform validate against the real provider', () => {
  const { stack } = setup();
  const validator = new TerraformValidator();
  try {
    const verdict = validator.validate(awsPart(synthStack(stack))!.json);
    expect(verdict.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(verdict.valid).toBe(true);
  } finally {
    validator.dispose();
  }
});
