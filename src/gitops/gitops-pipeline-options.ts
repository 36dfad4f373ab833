import type { AwsConnection } from '../aws/aws-connection';
import type { DoraReportingOptions } from '../datadog/dora-reporting';

/** What every GitOps pipeline (GitHub Actions, GitLab CI/CD) is configured with. */
export interface GitOpsPipelineOptions {
  /** The cdktf stacks the pipeline plans and applies, in apply order. */
  readonly stacks: string[];
  /**
   * The AWS account and region the pipeline deploys to.
   * @default - AwsConnection.of(this)
   */
  readonly aws?: AwsConnection;
  /**
   * Managed policies of the plan role (pull/merge requests and drift checks: read only).
   * @default - ReadOnlyAccess
   */
  readonly planPolicyArns?: string[];
  /**
   * Managed policies of the apply role. Narrow them to what your stacks create.
   * @default - AdministratorAccess (a synth warning says so)
   */
  readonly applyPolicyArns?: string[];
  /**
   * When the drift check runs (POSIX cron, UTC).
   * @default "17 6 * * 1-5" (06:17 UTC on weekdays)
   */
  readonly driftSchedule?: string;
  /**
   * Node.js version of the jobs.
   * @default "20"
   */
  readonly nodeVersion?: string;
  /**
   * Terraform version of the jobs (1.10 or later: the state uses S3-native locking).
   * @default "1.11.4"
   */
  readonly terraformVersion?: string;
  /**
   * Command that installs the app's dependencies.
   * @default "npm ci"
   */
  readonly installCommand?: string;
  /**
   * Directory of the cdktf app within the repository.
   * @default "."
   */
  readonly workingDirectory?: string;
  /**
   * More `TF_VAR_…` variables the jobs take from CI secrets of the same name (GitHub Actions secrets, GitLab CI/CD variables).
   * @default - only the `Secret.fromEnvironment()` secrets of the pipeline's stacks
   */
  readonly environmentSecrets?: string[];
  /**
   * Report every apply to Datadog DORA Metrics: a deployment, and a failed apply or a rollback
   * (a run marked as one — GitHub: `workflow_dispatch` with `rollback`; GitLab: a pipeline run
   * with `CDKTF_ROLLBACK=true` — or a commit made by `git revert`) as a failure. The API key
   * comes from the CI secret `apiKeyVariable`.
   * @default - no reports
   */
  readonly doraReporting?: DoraReportingOptions;
}
