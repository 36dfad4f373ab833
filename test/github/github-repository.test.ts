import { Repository } from '@cdktf/provider-github/lib/repository';
import { Testing, TerraformStack } from 'cdktf';
import {
  GitHubAuth, GitHubConnection, GitHubRepository, GitHubSecretValue, RepositoryVisibility, Secret, WebhookAuth, WebhookConnection,
} from '../../src';
import { newStack, synthStack } from '../support/synth';

function setup() {
  const stack = newStack();
  new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(Secret.fromTerraformVariable(stack, 'Token', { variableName: 'gh_token' })), testConnection: false });
  return stack;
}
const one = (json: any, type: string) => {
  const all = Object.values<any>(json.resource[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
};

test('defaults: private, squash merges only, branches deleted on merge, alerts on, the default branch protected', () => {
  const stack = setup();
  const repo = new GitHubRepository(stack, 'Repo', { name: 'observability-iac', topics: ['cdktf', 'a-topic'] });
  const json = synthStack(stack);
  expect(one(json, 'github_repository')).toEqual({
    provider: 'github',
    name: 'observability-iac',
    visibility: 'private',
    topics: ['a-topic', 'cdktf'],
    auto_init: true,
    has_issues: true,
    delete_branch_on_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: false,
    allow_rebase_merge: false,
    vulnerability_alerts: true,
    archive_on_destroy: true,
  });
  const bp = one(json, 'github_branch_protection');
  expect(bp).toMatchObject({
    pattern: 'main',
    enforce_admins: true,
    allows_deletions: false,
    allows_force_pushes: false,
    require_conversation_resolution: true,
    required_pull_request_reviews: [{ required_approving_review_count: 1, dismiss_stale_reviews: true, require_code_owner_reviews: false }],
  });
  expect(bp.repository_id).toMatch(/^\$\{github_repository\.Repo_[0-9A-F]+\.node_id\}$/);
  expect(repo.resource).toBeInstanceOf(Repository);
  expect(repo.fullName).toBe('acme/observability-iac');
});

test('environments carry reviewers, wait timer and the protected-branch policy', () => {
  const stack = setup();
  new GitHubRepository(stack, 'Repo', {
    name: 'r',
    visibility: RepositoryVisibility.INTERNAL,
    environments: [{ name: 'production', reviewerUserIds: [1, 2], reviewerTeamIds: [9], waitTimerMinutes: 5 }],
  });
  const env = one(synthStack(stack), 'github_repository_environment');
  expect(env).toMatchObject({
    environment: 'production',
    wait_timer: 5,
    prevent_self_review: true,
    reviewers: [{ users: [1, 2], teams: [9] }],
    deployment_branch_policy: { protected_branches: true, custom_branch_policies: false },
  });
});

test('more than 6 environment reviewers fail', () => {
  const stack = setup();
  expect(() => new GitHubRepository(stack, 'Repo', { name: 'r', environments: [{ name: 'prod', reviewerUserIds: [1, 2, 3, 4, 5], reviewerTeamIds: [6, 7] }] }))
    .toThrow("test/Repo: 'environments[0].reviewerUserIds' must be at most 6 required reviewers (users and teams together), as GitHub allows; received [1,2,3,4,5,6,7]");
});

test.each(['has space', '', '.', '..', 'x.git', 'a'.repeat(101), 'semi;colon'])('repository name %j is rejected', (name) => {
  expect(() => new GitHubRepository(setup(), 'Repo', { name })).toThrow(/test\/Repo: 'name' must be a repository name/);
});

test('an empty branch pattern is rejected', () => {
  expect(() => new GitHubRepository(setup(), 'Repo', { name: 'r', branchProtection: [{ pattern: '' }] }))
    .toThrow("test/Repo: 'branchProtection[0].pattern' must be a non-empty branch name pattern such as main or release/* (no control characters); received \"\"");
});

test('required reviews out of range are rejected', () => {
  expect(() => new GitHubRepository(setup(), 'Repo', { name: 'r', branchProtection: [{ pattern: 'main', requiredApprovingReviews: 7 }] }))
    .toThrow("test/Repo: 'branchProtection[0].requiredApprovingReviews' must be a whole number from 0 to 6; received 7");
});

describe('Actions variables and secrets', () => {
  test('pre-encrypted secrets use encrypted_value; plaintext uses plaintext_value and warns', () => {
    const stack = setup();
    const repo = new GitHubRepository(stack, 'Repo', { name: 'r', environments: [{ name: 'production' }] });
    repo.addSecret('DEPLOY_KEY', GitHubSecretValue.preEncrypted(Secret.fromTerraformVariable(stack, 'Enc', { variableName: 'enc' })));
    repo.addSecret('PLAIN', GitHubSecretValue.plaintext(Secret.fromTerraformVariable(stack, 'Plain', { variableName: 'plain' })), 'production');
    repo.addVariable('REGION', 'eu-west-1');
    const json = synthStack(stack);
    expect(one(json, 'github_actions_secret')).toMatchObject({ secret_name: 'DEPLOY_KEY', encrypted_value: '${var.enc}' });
    expect(one(json, 'github_actions_secret')).not.toHaveProperty('plaintext_value');
    expect(one(json, 'github_actions_environment_secret')).toMatchObject({ secret_name: 'PLAIN', plaintext_value: '${var.plain}', environment: expect.stringMatching(/^\$\{github_repository_environment\.Repo_Environmentproduction_[0-9A-F]+\.environment\}$/) });
    expect(one(json, 'github_actions_variable')).toMatchObject({ variable_name: 'REGION', value: 'eu-west-1' });
    const warnings = repo.node.metadata.map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining('Actions secret PLAIN is given as plaintext')]);
  });

  test.each(['GITHUB_TOKEN', '1ABC', 'has-dash'])('secret name %j is rejected', (name) => {
    const stack = setup();
    const repo = new GitHubRepository(stack, 'Repo', { name: 'r' });
    expect(() => repo.addSecret(name, GitHubSecretValue.plaintext(Secret.fromTerraformVariable(stack, 'S'))))
      .toThrow(/test\/Repo: 'secret name' must be an Actions secret name/);
  });

  test('an unknown environment is rejected', () => {
    const repo = new GitHubRepository(setup(), 'Repo', { name: 'r' });
    expect(() => repo.addVariable('X', 'y', 'staging')).toThrow("test/Repo: 'environment' must be an environment of this repository (none yet: call addEnvironment first); received \"staging\"");
  });
});

describe('webhooks', () => {
  test('are signed with the endpoint HMAC secret and send JSON', () => {
    const stack = setup();
    const repo = new GitHubRepository(stack, 'Repo', { name: 'r' });
    const endpoint = new WebhookConnection(stack, 'Hook', {
      url: 'https://hooks.example.com/gh',
      auth: WebhookAuth.hmacSignature(Secret.fromTerraformVariable(stack, 'HookSecret', { variableName: 'hook_secret' }), { signatureHeader: 'X-Hub-Signature-256' }),
      testConnection: false,
    });
    repo.addWebhook('Deployments', { endpoint, events: ['deployment_status', 'deployment'] });
    expect(one(synthStack(stack), 'github_repository_webhook')).toEqual({
      provider: 'github',
      repository: expect.stringContaining('github_repository.Repo_'),
      events: ['deployment', 'deployment_status'],
      active: true,
      configuration: { url: 'https://hooks.example.com/gh', content_type: 'json', insecure_ssl: false, secret: '${var.hook_secret}' },
    });
  });

  test('an unsigned webhook and an unknown event are rejected', () => {
    const stack = setup();
    const repo = new GitHubRepository(stack, 'Repo', { name: 'r' });
    const open = new WebhookConnection(stack, 'Open', { url: 'https://hooks.example.com/gh', testConnection: false });
    expect(() => repo.addWebhook('A', { endpoint: open, events: ['push'] })).toThrow(/test\/Repo: 'webhooks.A.signingSecret' must be a Secret, or an endpoint whose auth is WebhookAuth.hmacSignature\(\)/);
    expect(() => repo.addWebhook('B', { endpoint: open, events: ['deploy'], signingSecret: Secret.fromTerraformVariable(stack, 'S') }))
      .toThrow(/test\/Repo: 'webhooks.B.events' must be a GitHub webhook event \(.*\), or "\*" alone; received "deploy"/);
  });
});

test('the repository uses the connection provider of an aliased GitHub connection', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  const tok = Secret.fromTerraformVariable(stack, 'T');
  new GitHubConnection(stack, 'Main', { owner: 'acme', auth: GitHubAuth.token(tok), testConnection: false });
  const other = new GitHubConnection(stack, 'Other', { owner: 'other-org', auth: GitHubAuth.token(tok), testConnection: false });
  new GitHubRepository(stack, 'Repo', { name: 'r', connection: other });
  expect(one(synthStack(stack), 'github_repository').provider).toBe('github.Other');
});
