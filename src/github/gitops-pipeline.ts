import * as path from 'path';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { GitHubRepository } from './github-repository';
import { gitHubL1 } from './private/provider';
import { applyWorkflow, driftWorkflow, planWorkflow, renderWorkflow, WorkflowSettings } from './private/workflows';
import { AwsConnection } from '../aws/aws-connection';
import { IIntegration, IntegrationDescription, Integrations } from '../core/integration';
import type { IntegrationConnection } from '../core/integration-connection';
import { EscapingLazy, libraryScope } from '../core/private/template-escape';
import { TOOLKIT } from '../core/private/toolkit';
import { fail, optionalBoolean, requirePattern } from '../core/private/validate';
import { doraSettings } from '../datadog/private/dora';
import type { GitOpsPipelineOptions } from '../gitops/gitops-pipeline-options';
import { GitOpsAwsAccess } from '../gitops/private/aws-access';
import { commonPipelineSettings } from '../gitops/private/settings';
import { pipelineSecrets, writeFilesAtSynth } from '../gitops/private/synth-files';

/** What the scheduled drift check does when live infrastructure differs from the code. */
export enum DriftAction {
  /** Fail the workflow run (GitHub notifies by its own rules). */
  FAIL = 'FAIL',
  /** Open (or comment on) an issue labelled `drift`, and fail the run. */
  OPEN_ISSUE = 'OPEN_ISSUE',
}

/** Props of a `GitOpsPipeline`. */
export interface GitOpsPipelineProps extends GitOpsPipelineOptions {
  /**
   * The repository that holds the cdktf app, managed in this stack: the role ARNs become
   * Actions variables of it, and the workflows can be committed to it.
   * @default - `repositoryName` names an unmanaged repository
   */
  readonly githubRepository?: GitHubRepository;
  /**
   * `owner/name` of the repository, when it is not managed here.
   * @default - the full name of `githubRepository`
   */
  readonly repositoryName?: string;
  /**
   * The branch whose pushes are applied.
   * @default - the repository's default branch, else "main"
   */
  readonly defaultBranch?: string;
  /**
   * The protected GitHub environment the apply job runs in (add reviewers to it).
   * @default "production"
   */
  readonly applyEnvironment?: string;
  /**
   * Name of the S3 bucket for the Terraform state (versioned, encrypted, private, S3-native locking).
   * @default - `cdktf-state-<owner>-<repository>`, shortened to 63 characters
   */
  readonly stateBucketName?: string;
  /**
   * ARN of an existing IAM OIDC provider for token.actions.githubusercontent.com (one per account).
   * @default - the pipeline creates it
   */
  readonly existingOidcProviderArn?: string;
  /**
   * What the drift check does when it finds drift.
   * @default DriftAction.OPEN_ISSUE
   */
  readonly driftAction?: DriftAction;
  /**
   * Also commit the workflow files to `githubRepository` (as `github_repository_file`).
   * @default false
   */
  readonly commitWorkflows?: boolean;
}

const ISSUER = 'token.actions.githubusercontent.com';
const WORKFLOW_FILES = ['.github/workflows/cdktf-apply.yml', '.github/workflows/cdktf-drift.yml', '.github/workflows/cdktf-plan.yml'];
const FULL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]{1,100}$/;

/**
 * A GitOps pipeline for a cdktf repository on GitHub Actions: every pull request plans every
 * stack and posts the plan summary to the pull request; a merge to the default branch
 * applies behind a protected environment; a schedule detects drift.
 *
 * AWS access is by GitHub OIDC: the pipeline creates the OIDC provider (or uses one), a plan
 * role that only pull requests and the default branch of this repository can assume, and an
 * apply role that only the apply environment can assume — subjects are exact, never `*`.
 * The Terraform state lives in an encrypted, versioned, private S3 bucket with S3-native
 * locking (`use_lockfile`, Terraform 1.10+); `configureBackend(stack)` points a stack at it.
 *
 * The workflow files are written at synth to `<outdir>/gitops/<stack>/.github/workflows/`
 * (commit them), and with `commitWorkflows` also as `github_repository_file` resources.
 *
 * Bootstrap: the stack that holds the pipeline creates the state bucket, so apply it once
 * from a workstation with local state, then call `configureBackend()` on it too and run
 * `terraform init -migrate-state`.
 */
export class GitOpsPipeline extends Construct implements IIntegration {
  /** The state bucket. */
  public readonly stateBucket: S3Bucket;
  /** The role pull requests and drift checks assume. */
  public readonly planRole: IamRole;
  /** The role the apply job assumes. */
  public readonly applyRole: IamRole;
  /** `owner/name` of the repository. */
  public readonly repositoryName: string;
  /** The AWS connection. */
  public readonly aws: AwsConnection;
  /** Name of the state bucket (a literal, usable in backend configurations of any stack). */
  public readonly stateBucketName: string;
  private readonly settings: WorkflowSettings;
  private readonly extraSecrets: string[];
  private readonly githubRepository?: GitHubRepository;
  private readonly access: GitOpsAwsAccess;

  constructor(scope: Construct, id: string, props: GitOpsPipelineProps) {
    super(scope, id);
    libraryScope(this);
    Integrations.mark(this);
    this.aws = props.aws ?? AwsConnection.of(this);
    const repo = props.githubRepository;
    if (repo !== undefined && !(repo instanceof GitHubRepository)) fail(this, 'githubRepository', repo, 'a GitHubRepository');
    this.githubRepository = repo;
    const repoName = props.repositoryName ?? repo?.fullName;
    this.repositoryName = requirePattern(this, 'repositoryName', repoName, FULL_NAME, 'owner/name of a GitHub repository (no wildcards), or githubRepository');
    const common = commonPipelineSettings(this, props, props.defaultBranch ?? repo?.defaultBranch ?? 'main', props.applyEnvironment ?? 'production', 'GitHub Actions secret');
    const { stacks, defaultBranch, applyEnvironment, driftCron, terraformVersion, nodeVersion, installCommand, workingDirectory } = common;
    const driftAction = props.driftAction ?? DriftAction.OPEN_ISSUE;
    if (!Object.values(DriftAction).includes(driftAction)) fail(this, 'driftAction', driftAction, 'DriftAction.FAIL or DriftAction.OPEN_ISSUE');
    const [owner, name] = this.repositoryName.split('/');
    if (props.existingOidcProviderArn !== undefined) {
      requirePattern(this, 'existingOidcProviderArn', props.existingOidcProviderArn,
        /^arn:aws(-cn|-us-gov)?:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/, 'the ARN of the IAM OIDC provider for token.actions.githubusercontent.com');
    }
    const roleBase = `cdktf-${name}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 50);
    this.access = new GitOpsAwsAccess(this, {
      aws: this.aws,
      bucketName: props.stateBucketName ?? `cdktf-state-${owner}-${name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 63).replace(/-+$/, ''),
      roleBase,
      trust: {
        providerId: 'GitHubOidc',
        issuer: ISSUER,
        audience: 'sts.amazonaws.com',
        planSubjects: [`repo:${this.repositoryName}:pull_request`, `repo:${this.repositoryName}:ref:refs/heads/${defaultBranch}`],
        applySubjects: [`repo:${this.repositoryName}:environment:${applyEnvironment}`],
        existingProviderArn: props.existingOidcProviderArn,
      },
      planPolicyArns: props.planPolicyArns,
      applyPolicyArns: props.applyPolicyArns,
    });
    this.stateBucket = this.access.stateBucket;
    this.stateBucketName = this.access.stateBucketName;
    this.planRole = this.access.planRole;
    this.applyRole = this.access.applyRole;

    // Role ARNs reach the workflows as Actions variables when the repository is managed here,
    // else as literal ARNs (which needs the account id).
    let planRoleArn: string;
    let applyRoleArn: string;
    if (repo) {
      repo.addVariable('CDKTF_PLAN_ROLE_ARN', this.planRole.arn);
      repo.addVariable('CDKTF_APPLY_ROLE_ARN', this.applyRole.arn);
      planRoleArn = '${{ vars.CDKTF_PLAN_ROLE_ARN }}';
      applyRoleArn = '${{ vars.CDKTF_APPLY_ROLE_ARN }}';
    } else {
      ({ plan: planRoleArn, apply: applyRoleArn } = this.access.literalRoleArns(this.aws, roleBase, 'githubRepository is not given (the workflows need the role ARNs)'));
    }

    this.settings = {
      stacks,
      defaultBranch,
      applyEnvironment,
      nodeVersion,
      terraformVersion,
      installCommand,
      workingDirectory,
      awsRegion: this.aws.region,
      planRoleArn,
      applyRoleArn,
      driftCron,
      driftOpensIssue: driftAction === DriftAction.OPEN_ISSUE,
      dora: doraSettings(this, 'doraReporting', props.doraReporting, applyEnvironment),
    };
    this.extraSecrets = common.extraSecrets;

    if (optionalBoolean(this, 'commitWorkflows', props.commitWorkflows, false)) {
      if (!repo) fail(this, 'commitWorkflows', true, 'false unless githubRepository is given');
      for (const file of WORKFLOW_FILES) {
        new (gitHubL1.repositoryFile().RepositoryFile)(this, `Workflow${path.basename(file, '.yml')}`, {
          provider: repo.connection.provider,
          repository: repo.resource.name,
          branch: defaultBranch,
          file,
          content: EscapingLazy.stringValue({ produce: () => this.workflowFiles[file] }),
          commitMessage: `Update ${file} (${TOOLKIT.libraryPackage} GitOpsPipeline)`,
          overwriteOnCreate: true,
        });
      }
    }

    this.access.addOutputs('pull-request plans and drift checks');
    writeFilesAtSynth(this, () => this.workflowFiles);
  }

  /**
   * The workflow files: path in the repository → YAML. Every `Secret.fromEnvironment()` of
   * the pipeline's stacks (and `environmentSecrets`) is passed to the jobs from the GitHub
   * Actions secret of the same name.
   */
  public get workflowFiles(): { [path: string]: string } {
    const settings: WorkflowSettings = { ...this.settings, environmentSecrets: this.environmentSecrets() };
    return {
      '.github/workflows/cdktf-apply.yml': renderWorkflow(applyWorkflow(settings)),
      '.github/workflows/cdktf-drift.yml': renderWorkflow(driftWorkflow(settings)),
      '.github/workflows/cdktf-plan.yml': renderWorkflow(planWorkflow(settings)),
    };
  }

  /**
   * The pipeline as an integration (for the `IntegrationCatalog`). It has no health signal:
   * its plan, apply and drift-check runs report in GitHub Actions (a failed run, a `drift`
   * issue), which publishes no metric a monitor backend reads.
   */
  public describeIntegration(): IntegrationDescription {
    const connections: IntegrationConnection[] = [this.aws];
    if (this.githubRepository) connections.push(this.githubRepository.connection);
    return {
      kind: 'gitops-pipeline',
      name: this.repositoryName,
      systems: ['github', 'aws'],
      connections,
      endpoint: { repository: this.repositoryName, region: this.aws.region, stacks: this.settings.stacks.join(',') },
      resources: { stateBucket: this.stateBucket.arn, planRole: this.planRole.arn, applyRole: this.applyRole.arn },
      health: [],
      noHealthReason: 'its plan, apply and drift-check runs report in GitHub Actions (failed runs, drift issues), which publishes no metric a monitor backend reads',
    };
  }

  /**
   * Store a stack's state in the pipeline's bucket, encrypted, with S3-native locking
   * (`use_lockfile`, which cdktf's S3Backend does not offer: it is set as an override).
   * @param key state object key; default `<stack name>/terraform.tfstate`
   */
  public configureBackend(stack: TerraformStack, key?: string): S3Backend {
    return this.access.configureBackend(stack, this.aws.region, key);
  }

  /** TF_VAR_ variables the pipeline's stacks read from the environment, sorted. */
  private environmentSecrets(): string[] {
    return pipelineSecrets(this, this.settings.stacks, this.extraSecrets);
  }
}
