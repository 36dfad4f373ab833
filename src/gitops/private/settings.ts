import { IConstruct } from 'constructs';
import { cronProblem } from './cron';
import { fail, optionalArray, requireNoControlChars, requirePattern, requireUnique } from '../../core/private/validate';
import type { GitOpsPipelineOptions } from '../gitops-pipeline-options';

/** The options every GitOps pipeline takes, checked; defaults filled in. */
export interface CommonPipelineSettings {
  readonly stacks: string[];
  readonly defaultBranch: string;
  readonly applyEnvironment: string;
  readonly driftCron: string;
  readonly terraformVersion: string;
  readonly nodeVersion: string;
  readonly installCommand: string;
  readonly workingDirectory: string;
  /** `environmentSecrets`, checked. */
  readonly extraSecrets: string[];
}

const STACK = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Checks the options shared by the pipelines. `branch` and `environment` are the pipeline's
 * own props (their defaults depend on the CI system); `secretKind` names where `TF_VAR_`
 * variables come from.
 */
export function commonPipelineSettings(scope: IConstruct, props: GitOpsPipelineOptions,
  branch: string, environment: string, secretKind: string): CommonPipelineSettings {
  const stacks = optionalArray(scope, 'stacks', props.stacks, 'a list of cdktf stack names');
  if (stacks.length === 0) fail(scope, 'stacks', stacks, 'a non-empty list of cdktf stack names');
  stacks.forEach((s, i) => requirePattern(scope, `stacks[${i}]`, s, STACK, 'a cdktf stack name (letters, digits, _ and -)'));
  if (new Set(stacks).size !== stacks.length) fail(scope, 'stacks', stacks, 'stack names without duplicates');
  const defaultBranch = requirePattern(scope, 'defaultBranch', branch, /^[^\s~^:?*[\\\u0000-\u001f\u007f]{1,255}$/, 'a non-empty branch name without wildcards');
  const applyEnvironment = requirePattern(scope, 'applyEnvironment', environment, /^[A-Za-z0-9._-]{1,255}$/, 'an environment name of letters, digits, . _ -');
  const driftCron = props.driftSchedule ?? '17 6 * * 1-5';
  const problem = cronProblem(driftCron);
  if (problem) fail(scope, 'driftSchedule', driftCron, `a POSIX cron expression with 5 fields (minute hour day-of-month month day-of-week); ${problem}`);
  const terraformVersion = requirePattern(scope, 'terraformVersion', props.terraformVersion ?? '1.11.4', /^1\.(1[0-9]|[2-9]\d)\.\d+$/, 'a Terraform version 1.10.0 or later (S3-native state locking)');
  const nodeVersion = requirePattern(scope, 'nodeVersion', props.nodeVersion ?? '20', /^\d{2}(\.\d+){0,2}$/, 'a Node.js version such as 20 or 22.11');
  const installCommand = requireNoControlChars(scope, 'installCommand', props.installCommand ?? 'npm ci', 'a non-empty command line without control characters (no line breaks)');
  const workingDirectory = requirePattern(scope, 'workingDirectory', props.workingDirectory ?? '.', /^(\.|(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+)$/, 'a relative directory inside the repository');
  const extraSecrets = optionalArray(scope, 'environmentSecrets', props.environmentSecrets, 'a list of environment variable names').map((e, i) =>
    requirePattern(scope, `environmentSecrets[${i}]`, e, /^TF_VAR_[A-Za-z_][A-Za-z0-9_]*$/, `an environment variable name TF_VAR_<name> (also the name of the ${secretKind})`));
  requireUnique(scope, 'environmentSecrets', extraSecrets, (e) => e, 'an environment variable name');
  return { stacks, defaultBranch, applyEnvironment, driftCron, terraformVersion, nodeVersion, installCommand, workingDirectory, extraSecrets };
}
