/**
 * Every workflow the GitOps pipeline writes is parsed by GitHub's own workflow parser
 * (@actions/workflow-parser: schema, expressions, job and step structure) with zero errors:
 * the files in cdktf.out and the contents committed through `github_repository_file` (as
 * Terraform renders them) alike.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { EXAMPLES } from '../../examples/app';
import { AwsConnection, DriftAction, GitHubAuth, GitHubConnection, GitHubRepository, GitOpsPipeline, Secret } from '../../src';
import { synthApp, SynthResult } from '../support/synth';

interface Parsed { readonly name: string; readonly errors: string[] }

function parse(files: { name: string; content: string }[]): Parsed[] {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'support', 'workflow-parser.mjs')], {
    input: JSON.stringify(files), encoding: 'utf8', cwd: path.join(__dirname, '..', '..'),
  });
  return JSON.parse(out);
}

/** Terraform's rendering of a literal template string (`$${` → `${`, `%%{` → `%{`). */
const rendered = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');

function workflowsOf(result: SynthResult, label: string): { name: string; content: string }[] {
  const files = Object.entries(result.files)
    .filter(([f]) => /\/\.github\/workflows\/[^/]+\.ya?ml$/.test(f))
    .map(([name, content]) => ({ name: `${label}:${name}`, content }));
  for (const [stack, json] of Object.entries<any>(result.stacks)) {
    for (const [id, r] of Object.entries<any>(json.resource?.github_repository_file ?? {})) {
      if (/^\.github\/workflows\//.test(r.file)) files.push({ name: `${label}:${stack}:${id}:${r.file}`, content: rendered(r.content) });
    }
  }
  return files;
}

function pipelineApp(extra: Record<string, unknown>) {
  return synthApp((app) => {
    const stack = new TerraformStack(app, 'infra');
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
    new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(Secret.fromTerraformVariable(stack, 'Tok', { variableName: 'gh' })), testConnection: false });
    const repo = new GitHubRepository(stack, 'Repo', { name: 'iac' });
    new GitOpsPipeline(stack, 'Pipeline', {
      stacks: ['infra', 'service-a'], githubRepository: repo, applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'], commitWorkflows: true, ...extra,
    });
  });
}

describe('GitOps workflows pass GitHub\'s workflow parser', () => {
  const workflows: { name: string; content: string }[] = [];
  for (const name of Object.keys(EXAMPLES).sort()) workflows.push(...workflowsOf(synthApp((app) => EXAMPLES[name](app)), name));
  workflows.push(...workflowsOf(pipelineApp({ driftSchedule: '17 4 * * 1-5', driftAction: DriftAction.OPEN_ISSUE, environmentSecrets: ['TF_VAR_datadog_api_key'] }), 'drift-issue'));
  workflows.push(...workflowsOf(pipelineApp({ workingDirectory: 'infra/cdktf', nodeVersion: '22', terraformVersion: '1.11.4', installCommand: 'npm ci --ignore-scripts' }), 'subdirectory'));
  workflows.push(...workflowsOf(pipelineApp({ doraReporting: { service: 'checkout', team: 'payments' } }), 'dora'));

  test('the examples and the pipeline variants write workflows (plan, apply, drift; files and repository contents)', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(workflows.map((w) => path.basename(w.name)))).toEqual(new Set(['cdktf-plan.yml', 'cdktf-apply.yml', 'cdktf-drift.yml']));
  });

  test('zero parser errors in every workflow', () => {
    const problems = parse(workflows).filter((p) => p.errors.length > 0);
    expect(problems).toEqual([]);
  });

  test('the parser finds errors where there are some (negative control)', () => {
    const [broken] = parse([{ name: 'broken.yml', content: 'on: pushx\njobs:\n  x:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo ${{ github.sha( }}\n' }]);
    expect(broken.errors.join('\n')).toMatch(/Unexpected value 'pushx'/);
    expect(broken.errors.join('\n')).toMatch(/runs-on/);
    expect(broken.errors.join('\n')).toMatch(/Unexpected symbol/);
  });
});
