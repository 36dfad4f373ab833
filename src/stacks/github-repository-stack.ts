import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsConnection, AwsConnectionProps } from '../aws/aws-connection';
import { fail, optionalArray, requireNoControlChars, requireUnique } from '../core/private/validate';
import { Secret } from '../core/secret';
import { GitHubAuth, GitHubConnection } from '../github/github-connection';
import { GitHubRepository, GitHubRepositoryProps } from '../github/github-repository';
import { DriftAction, GitOpsPipeline } from '../github/gitops-pipeline';
import { WebhookAuth, WebhookConnection } from '../webhooks/webhook-connection';

/** A webhook from the repository to an integration endpoint. */
export interface GitHubStackWebhook {
  /** Construct id of the webhook. */
  readonly id: string;
  /** The https URL that receives the events. */
  readonly url: string;
  /** GitHub events to send, e.g. `deployment`, `deployment_status`. */
  readonly events: string[];
  /**
   * Environment variable (`TF_VAR_<name>`) holding the signing secret the receiver verifies.
   * @default - `TF_VAR_<id in snake case>_webhook_secret`
   */
  readonly secretEnvironmentVariable?: string;
}

/** Options of the GitOps pipeline of a `GitHubRepositoryStack`. */
export interface GitHubStackPipelineOptions {
  /** The cdktf stacks the pipeline plans and applies, in apply order. */
  readonly stacks: string[];
  /** The AWS account and region the pipeline deploys to (OIDC roles and state bucket live there). */
  readonly aws: AwsConnectionProps;
  /**
   * GitHub user ids who approve applies (at most 6 with the team ids).
   * @default - none (the environment only restricts deployments to protected branches)
   */
  readonly applyReviewerUserIds?: number[];
  /**
   * GitHub team ids who approve applies.
   * @default - none
   */
  readonly applyReviewerTeamIds?: number[];
  /**
   * Managed policies of the apply role.
   * @default - AdministratorAccess (with a synth warning)
   */
  readonly applyPolicyArns?: string[];
  /**
   * Drift check schedule (POSIX cron, UTC).
   * @default "17 6 * * 1-5"
   */
  readonly driftSchedule?: string;
  /**
   * What a drift check does on drift.
   * @default DriftAction.OPEN_ISSUE
   */
  readonly driftAction?: DriftAction;
  /**
   * Commit the workflow files to the repository through Terraform.
   * @default false
   */
  readonly commitWorkflows?: boolean;
}

/** Props of a `GitHubRepositoryStack`. */
export interface GitHubRepositoryStackProps {
  /** The organization or user that owns the repository. */
  readonly owner: string;
  /** The repository. */
  readonly repository: GitHubRepositoryProps;
  /**
   * Environment variable (`TF_VAR_<name>`) holding the GitHub token Terraform uses.
   * @default "TF_VAR_github_token"
   */
  readonly tokenEnvironmentVariable?: string;
  /**
   * Repository webhooks to integration endpoints, each signed with its own secret.
   * @default - none
   */
  readonly webhooks?: GitHubStackWebhook[];
  /**
   * A GitOps pipeline for the repository (plan on pull requests, apply on merge, drift checks).
   * @default - no pipeline
   */
  readonly pipeline?: GitHubStackPipelineOptions;
}

/**
 * GitHub as an integration, in one stack: the repository with its settings and branch
 * protection, a protected `production` environment, signed webhooks, and optionally the
 * GitOps pipeline that applies the repository's own cdktf app (OIDC roles, state bucket,
 * workflows written to `cdktf.out/gitops/<stack>/.github/workflows/`).
 *
 * Secrets: the GitHub token and webhook secrets come from `TF_VAR_…` environment variables;
 * webhook signing secrets are stored in the Terraform state (webhook configuration).
 */
export class GitHubRepositoryStack extends TerraformStack {
  /** The GitHub connection. */
  public readonly github: GitHubConnection;
  /** The repository. */
  public readonly repository: GitHubRepository;
  /**
   * The pipeline.
   * @default - no pipeline
   */
  public readonly pipeline?: GitOpsPipeline;

  constructor(scope: Construct, id: string, props: GitHubRepositoryStackProps) {
    super(scope, id);
    const tokenEnv = props.tokenEnvironmentVariable ?? 'TF_VAR_github_token';
    this.github = new GitHubConnection(this, 'GitHub', {
      owner: props.owner,
      auth: GitHubAuth.token(Secret.fromEnvironment(this, 'GitHubToken', { environmentVariable: tokenEnv })),
    });
    const pipeline = props.pipeline;
    const environments = [...(props.repository?.environments ?? [])];
    if (pipeline && !environments.some((e) => e.name === 'production')) {
      environments.push({ name: 'production', reviewerUserIds: pipeline.applyReviewerUserIds, reviewerTeamIds: pipeline.applyReviewerTeamIds });
    }
    this.repository = new GitHubRepository(this, 'Repository', { ...props.repository, environments, connection: this.github });

    const hooks = optionalArray(this, 'webhooks', props.webhooks, 'a list of GitHubStackWebhook');
    hooks.forEach((hook, i) => {
      if (typeof hook !== 'object') fail(this, `webhooks[${i}]`, hook, 'a GitHubStackWebhook ({ id, url, events })');
      requireNoControlChars(this, `webhooks[${i}].id`, hook.id, 'a construct id without control characters');
    });
    requireUnique(this, 'webhooks', hooks.map((h) => h.id), (hookId) => hookId, 'a webhook id');
    for (const hook of hooks) {
      const hookId = hook.id;
      const env = hook.secretEnvironmentVariable ?? `TF_VAR_${hookId.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]/g, '_').toLowerCase()}_webhook_secret`;
      const secret = Secret.fromEnvironment(this, `${hookId}Secret`, { environmentVariable: env });
      const endpoint = new WebhookConnection(this, `${hookId}Endpoint`, { url: hook.url, auth: WebhookAuth.hmacSignature(secret, { signatureHeader: 'X-Hub-Signature-256' }) });
      this.repository.addWebhook(hookId, { endpoint, events: hook.events });
    }

    if (pipeline) {
      if (!pipeline.aws) fail(this, 'pipeline.aws', pipeline.aws, 'the AWS account and region of the pipeline (AwsConnectionProps)');
      const aws = new AwsConnection(this, 'Aws', pipeline.aws);
      this.pipeline = new GitOpsPipeline(this, 'Pipeline', {
        stacks: pipeline.stacks,
        githubRepository: this.repository,
        aws,
        applyEnvironment: 'production',
        applyPolicyArns: pipeline.applyPolicyArns,
        driftSchedule: pipeline.driftSchedule,
        driftAction: pipeline.driftAction,
        commitWorkflows: pipeline.commitWorkflows,
      });
    }
  }
}
