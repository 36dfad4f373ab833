/**
 * Deployment reports to Datadog DORA Metrics from both pipelines: the apply job's own
 * reporting code is run (as GitHub Actions and GitLab would run it) against a local HTTP
 * server, and every request body is checked against the models of Datadog's API client
 * (`DORADeploymentRequest`, `DORAFailureRequest`).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import {
  AwsConnection, DatadogSite, GitHubAuth, GitHubConnection, GitHubRepository, GitLabGitOpsPipeline, GitOpsPipeline, Secret,
} from '../../src';
import { checkApiValue } from '../support/datadog-api-contract';
import { newStack } from '../support/synth';

interface Received { path: string; apiKey: string | undefined; body: any }

/** Runs `script` in bash with `env`, sending to a local server in place of `endpoint`; returns what it posted. */
async function run(script: string, endpoint: string, env: Record<string, string>): Promise<{ received: Received[]; log: string }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', apiKey: req.headers['dd-api-key'] as string | undefined, body: JSON.parse(data) });
      res.writeHead(202, { 'Content-Type': 'application/json' });
      res.end('{"data":{"id":"x","type":"dora_deployment"}}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/dora`;
  try {
    const localEnv = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.split(endpoint).join(local)]));
    const log = await new Promise<string>((ok, ko) => execFile('bash', ['-c', script.split(endpoint).join(local)], { env: { PATH: process.env.PATH!, ...localEnv } },
      (err, stdout, stderr) => (err ? ko(new Error(`${err.message}\n${stderr}`)) : ok(stdout))));
    return { received, log };
  } finally {
    server.close();
  }
}

const contract = (r: Received) => checkApiValue(r.body, r.path.endsWith('/deployment') ? 'DORADeploymentRequest' : 'DORAFailureRequest', 'body', [], 'v2');

function github(dora: ConstructorParameters<typeof GitOpsPipeline>[2]['doraReporting']) {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
  new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(Secret.fromEnvironment(stack, 'Tok', { environmentVariable: 'TF_VAR_github_token' })), testConnection: false });
  const repo = new GitHubRepository(stack, 'Repo', { name: 'iac', environments: [{ name: 'production', reviewerUserIds: [7] }] });
  return new GitOpsPipeline(stack, 'Pipeline', { stacks: ['test'], githubRepository: repo, applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'], doraReporting: dora });
}
function gitlab(dora: ConstructorParameters<typeof GitLabGitOpsPipeline>[2]['doraReporting']) {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
  return new GitLabGitOpsPipeline(stack, 'Pipeline', { stacks: ['test'], projectPath: 'acme/iac', applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'], doraReporting: dora });
}

/** The GitHub step with the expressions GitHub would substitute. */
function githubStep(p: GitOpsPipeline, values: Record<string, string>) {
  const apply = parse(p.workflowFiles['.github/workflows/cdktf-apply.yml']);
  const steps = apply.jobs.apply.steps;
  const step = steps.find((s: any) => s.name === 'Report the deployment to Datadog DORA Metrics');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries<string>(step.env)) env[k] = v.replace(/\$\{\{ ([^}]+) \}\}/g, (_m, e) => values[e.trim()] ?? '');
  return { apply, steps, step, env };
}

const SHA = '0123456789abcdef0123456789abcdef01234567';
const KEY = 'dd-api-key-canary-0001';

describe('GitHub Actions', () => {
  test('a successful apply reports one deployment: service, env, commit, repository, start and finish', async () => {
    const p = github({ service: 'checkout', team: 'payments', site: DatadogSite.EU1 });
    const { apply, steps, step, env } = githubStep(p, {
      'job.status': 'success',
      'steps.dora_start.outputs.at': '1764680000',
      'github.sha': SHA,
      'github.server_url': 'https://github.com',
      'github.repository': 'acme/iac',
      'inputs.rollback == true': 'false',
      'github.event.head_commit.message': 'Add the orders queue\n\nmore',
      'secrets.DD_API_KEY': KEY,
    });
    // recorded before the first apply, reported after the last, whatever the outcome
    const names = steps.map((s: any) => s.name);
    expect(names.indexOf('Record the start of the deployment')).toBeLessThan(names.indexOf('Apply test'));
    expect(names[names.length - 1]).toBe('Report the deployment to Datadog DORA Metrics');
    expect(step.if).toBe("always() && steps.dora_start.outcome == 'success'");
    expect(step.env.DD_API_KEY).toBe('${{ secrets.DD_API_KEY }}');
    expect(apply.on.workflow_dispatch.inputs.rollback).toMatchObject({ type: 'boolean', default: false });
    const { received } = await run(step.run.replace(/"\$RUNNER_TEMP/g, '"/tmp'), 'https://api.datadoghq.eu/api/v2/dora', env);
    expect(received).toHaveLength(1);
    expect(received[0].path).toBe('/api/v2/dora/deployment');
    expect(received[0].apiKey).toBe(KEY);
    const a = received[0].body.data.attributes;
    expect(a).toMatchObject({
      service: 'checkout',
      env: 'production',
      team: 'payments',
      version: SHA,
      started_at: 1764680000,
      git: { commit_sha: SHA, repository_url: 'https://github.com/acme/iac' },
    });
    expect(a.finished_at).toBeGreaterThanOrEqual(a.started_at);
    expect(contract(received[0])).toEqual([]);
  });

  test('a failed apply is a failure that is not restored; a rollback run is a deployment and a restored failure', async () => {
    const p = github({ service: 'checkout', env: 'prod' });
    const base = {
      'steps.dora_start.outputs.at': '1764680000',
      'github.sha': SHA,
      'github.server_url': 'https://github.com',
      'github.repository': 'acme/iac',
      'github.event.head_commit.message': 'Change',
      'secrets.DD_API_KEY': KEY,
    };
    const failed = githubStep(p, { ...base, 'job.status': 'failure', 'inputs.rollback == true': 'false' });
    const r1 = await run(failed.step.run.replace(/"\$RUNNER_TEMP/g, '"/tmp'), 'https://api.datadoghq.com/api/v2/dora', failed.env);
    expect(r1.received.map((r) => r.path)).toEqual(['/api/v2/dora/failure']);
    expect(r1.received[0].body.data.attributes).toMatchObject({ services: ['checkout'], env: 'prod', started_at: 1764680000, name: `Apply failed at ${SHA}` });
    expect(r1.received[0].body.data.attributes.finished_at).toBeUndefined();
    expect(contract(r1.received[0])).toEqual([]);

    const rollback = githubStep(p, { ...base, 'job.status': 'success', 'inputs.rollback == true': 'true' });
    const r2 = await run(rollback.step.run.replace(/"\$RUNNER_TEMP/g, '"/tmp'), 'https://api.datadoghq.com/api/v2/dora', rollback.env);
    expect(r2.received.map((r) => r.path)).toEqual(['/api/v2/dora/deployment', '/api/v2/dora/failure']);
    expect(r2.received[1].body.data.attributes.finished_at).toBeGreaterThanOrEqual(1764680000);
    for (const r of r2.received) expect(contract(r)).toEqual([]);
  });

  test('without a key the report is skipped with a warning, never a failed job; without DORA the workflow has no such step', async () => {
    const p = github({ service: 'checkout' });
    const { step, env } = githubStep(p, { 'job.status': 'success', 'steps.dora_start.outputs.at': '1764680000', 'github.sha': SHA });
    const { received, log } = await run(step.run.replace(/"\$RUNNER_TEMP/g, '"/tmp'), 'https://api.datadoghq.com/api/v2/dora', env);
    expect(received).toEqual([]);
    expect(log).toContain('warning: no Datadog API key in DD_API_KEY');
    const plain = parse(github(undefined).workflowFiles['.github/workflows/cdktf-apply.yml']);
    expect(plain.jobs.apply.steps.map((s: any) => s.name)).not.toContain('Report the deployment to Datadog DORA Metrics');
    expect(plain.on.workflow_dispatch).toEqual({});
  });
});

describe('GitLab CI/CD', () => {
  test('the after_script reports the job\'s outcome; a commit made by git revert is a rollback', async () => {
    const p = gitlab({ service: 'checkout', apiKeyVariable: 'DATADOG_API_KEY' });
    const ci = parse(p.pipelineFiles['.gitlab-ci.yml']);
    expect(ci.apply.script[0]).toBe('date +%s > $CI_PROJECT_DIR/.cdktf-apply-started-at');
    const [after] = ci.apply.after_script;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dora-'));
    fs.writeFileSync(`${dir}/.cdktf-apply-started-at`, '1764680000\n');
    const vars = {
      CI_PROJECT_DIR: dir, CI_COMMIT_SHA: SHA, CI_PROJECT_URL: 'https://gitlab.com/acme/iac', DATADOG_API_KEY: KEY,
    };
    const ok = await run(after, 'https://api.datadoghq.com/api/v2/dora', { ...vars, CI_JOB_STATUS: 'success', CI_COMMIT_TITLE: 'Add a queue' });
    expect(ok.received.map((r) => r.path)).toEqual(['/api/v2/dora/deployment']);
    expect(ok.received[0].apiKey).toBe(KEY);
    expect(ok.received[0].body.data.attributes).toMatchObject({ service: 'checkout', env: 'production', started_at: 1764680000, git: { commit_sha: SHA, repository_url: 'https://gitlab.com/acme/iac' } });

    const revert = await run(after, 'https://api.datadoghq.com/api/v2/dora', { ...vars, CI_JOB_STATUS: 'success', CI_COMMIT_TITLE: 'Revert "Add a queue"' });
    expect(revert.received.map((r) => r.path)).toEqual(['/api/v2/dora/deployment', '/api/v2/dora/failure']);
    expect(revert.received[1].body.data.attributes.name).toBe('Rolled back: Revert "Add a queue"');

    const failed = await run(after, 'https://api.datadoghq.com/api/v2/dora', { ...vars, CI_JOB_STATUS: 'failed', CI_COMMIT_TITLE: 'x' });
    expect(failed.received.map((r) => r.path)).toEqual(['/api/v2/dora/failure']);

    const cancelled = await run(after, 'https://api.datadoghq.com/api/v2/dora', { ...vars, CI_JOB_STATUS: 'canceled', CI_COMMIT_TITLE: 'x' });
    expect(cancelled.received).toEqual([]);
    for (const r of [...ok.received, ...revert.received, ...failed.received]) expect(contract(r)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an apply that never started (no start time) reports nothing', async () => {
    const [after] = parse(gitlab({ service: 'checkout' }).pipelineFiles['.gitlab-ci.yml']).apply.after_script;
    const r = await run(after, 'https://api.datadoghq.com/api/v2/dora', { CI_PROJECT_DIR: '/nonexistent', CI_JOB_STATUS: 'failed', DD_API_KEY: KEY });
    expect(r.received).toEqual([]);
    expect(r.log).toContain('the apply did not start');
  });
});

test('the contract check can fail: a body with a wrong field is reported', () => {
  expect(contract({ path: '/api/v2/dora/deployment', apiKey: KEY, body: { data: { attributes: { service: 'x', started_at: 1, finished_at: 2, commit: 'y' } } } }))
    .toEqual([expect.objectContaining({ problem: expect.stringContaining("unknown field 'commit'") })]);
  expect(contract({ path: '/api/v2/dora/deployment', apiKey: KEY, body: { data: { attributes: { started_at: 1, finished_at: 2 } } } }))
    .toEqual([expect.objectContaining({ problem: expect.stringContaining("missing required field 'service'") })]);
});
