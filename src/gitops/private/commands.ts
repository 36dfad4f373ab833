/**
 * The shell commands of a GitOps pipeline, the same on every CI system: each system's renderer
 * wraps them in its own jobs, triggers and credentials.
 */

/** Where the app is and which stacks the jobs run. */
export interface PipelineLayout {
  readonly stacks: string[];
  /** Directory of the cdktf app within the repository (`.` for the root). */
  readonly workingDirectory: string;
}

/** The synthesized directory of a stack (`''` gives the directory of all stacks, with a trailing `/`). */
export function stackDir(s: PipelineLayout, stack: string): string {
  const base = s.workingDirectory === '.' ? '' : `${s.workingDirectory}/`;
  return `${base}cdktf.out/stacks/${stack}`;
}

/** Plans one stack and writes the plan as text to `<stack dir>/plan.txt`. */
export function planCommands(s: PipelineLayout, stack: string): string[] {
  const dir = stackDir(s, stack);
  return [
    `terraform -chdir=${dir} init -input=false -no-color`,
    `terraform -chdir=${dir} plan -input=false -no-color -lock-timeout=5m -out=tfplan`,
    `terraform -chdir=${dir} show -no-color tfplan > ${dir}/plan.txt`,
  ];
}

/** Applies one stack. */
export function applyCommands(s: PipelineLayout, stack: string): string[] {
  const dir = stackDir(s, stack);
  return [
    `terraform -chdir=${dir} init -input=false -no-color`,
    `terraform -chdir=${dir} apply -input=false -no-color -lock-timeout=5m -auto-approve`,
  ];
}

/**
 * Plans every stack with `-detailed-exitcode` (0 no changes, 1 error, 2 changes) and collects
 * the drifted stacks in the bash array `drifted` (as JSON strings); `record` lines follow.
 */
export function driftCommands(s: PipelineLayout, record: string[]): string[] {
  return [
    'drifted=()',
    `for stack in ${s.stacks.join(' ')}; do`,
    `  dir=${stackDir(s, '')}$stack`,
    '  terraform -chdir=$dir init -input=false -no-color',
    '  set +e',
    '  terraform -chdir=$dir plan -input=false -no-color -lock-timeout=5m -detailed-exitcode',
    '  code=$?',
    '  set -e',
    '  if [ $code -eq 1 ]; then echo "plan failed for $stack"; exit 1; fi',
    '  if [ $code -eq 2 ]; then drifted+=("\\"$stack\\""); fi',
    'done',
    ...record,
  ];
}
