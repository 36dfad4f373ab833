import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { GitLabProject } from './gitlab-project';
import { renderGitLabCi, GitLabCiSettings } from './private/gitlab-ci';
import { requireProjectFullPath } from './private/paths';
import { gitLabL1 } from './private/provider';
import { AwsConnection } from '../aws/aws-connection';
import { IIntegration, IntegrationDescription, Integrations } from '../core/integration';
import type { IntegrationConnection } from '../core/integration-connection';
import { EscapingLazy, libraryScope } from '../core/private/template-escape';
import { fail, isToken, optionalBoolean, requirePattern, requireUrl } from '../core/private/validate';
import { doraSettings } from '../datadog/private/dora';
import type { GitOpsPipelineOptions } from '../gitops/gitops-pipeline-options';
import { GitOpsAwsAccess } from '../gitops/private/aws-access';
import { commonPipelineSettings } from '../gitops/private/settings';
import { pipelineSecrets, writeFilesAtSynth } from '../gitops/private/synth-files';

/** Props of a `GitLabGitOpsPipeline`. */
export interface GitLabGitOpsPipelineProps extends GitOpsPipelineOptions {
  /**
   * The project that holds the cdktf app, managed in this stack: the role ARNs become CI/CD
   * variables of it, the drift check its pipeline schedule, and `.gitlab-ci.yml` can be
   * committed to it. The roles trust its `path_with_namespace` by reference.
   * @default - `projectPath` names an unmanaged project
   */
  readonly gitlabProject?: GitLabProject;
  /**
   * Full path of the project (`group/subgroup/project`) when it is not managed here; with
   * `gitlabProject`, a literal path names the roles and the state bucket.
   * @default - the path of `gitlabProject`
   */
  readonly projectPath?: string;
  /**
   * URL of the GitLab instance: the issuer of its ID tokens (gitlab.com or self-managed, https).
   * @default "https://gitlab.com"
   */
  readonly instanceUrl?: string;
  /**
   * The branch whose pipelines apply (protect it: the apply role trusts its pipelines).
   * @default - the default branch of a new `gitlabProject`, else "main"
   */
  readonly defaultBranch?: string;
  /**
   * The GitLab environment of the apply job (make it a protected environment with approvers).
   * @default "production"
   */
  readonly applyEnvironment?: string;
  /**
   * Name of the S3 bucket for the Terraform state (versioned, encrypted, private, S3-native locking).
   * @default - `cdktf-state-<group>-<project>`, shortened to 63 characters
   */
  readonly stateBucketName?: string;
  /**
   * ARN of an existing IAM OIDC provider for the GitLab instance (one per account).
   * @default - the pipeline creates it
   */
  readonly existingOidcProviderArn?: string;
  /**
   * The audience of the jobs' ID tokens (the OIDC provider's client id).
   * @default - the instance URL, as in GitLab's AWS guide
   */
  readonly audience?: string;
  /**
   * Container image of the jobs: Debian-based, with Node.js, curl, unzip and sha256sum.
   * @default - `node:<nodeVersion>-bookworm`
   */
  readonly image?: string;
  /**
   * Also commit `.gitlab-ci.yml` to `gitlabProject` (as `gitlab_repository_file`).
   * @default false
   */
  readonly commitPipeline?: boolean;
}

/** The value of `CDKTF_SCHEDULE` in the pipeline schedule of the drift check. */
const DRIFT_SCHEDULE = 'drift';
const PIPELINE_FILE = '.gitlab-ci.yml';

/**
 * A GitOps pipeline for a cdktf repository on GitLab CI/CD, the counterpart of
 * `GitOpsPipeline`: merge request pipelines plan every stack (plans as artifacts and in the
 * merge request's Terraform widget); pipelines of the default branch apply behind a manual job
 * in the apply environment; a pipeline schedule detects drift.
 *
 * AWS access is by GitLab's ID tokens (OIDC): the pipeline creates the IAM OIDC provider for
 * the instance (or uses one), a plan role that the project's branch pipelines can assume
 * (`project_path:<path>:ref_type:branch:ref:*`, read only) and an apply role that only
 * pipelines of the default branch can assume. AWS checks only the `sub` and `aud` claims of a
 * GitLab token, so protect the default branch (`GitLabProject.protectDefaultBranch()`): who
 * can push to it can apply. The jobs hand the token to Terraform's AWS provider as a web
 * identity (`AWS_ROLE_ARN`, `AWS_WEB_IDENTITY_TOKEN_FILE`).
 *
 * `.gitlab-ci.yml` is written at synth to `<outdir>/gitops/<stack>/.gitlab-ci.yml` (commit it),
 * and with `commitPipeline` also as a `gitlab_repository_file`. `TF_VAR_` secrets reach the
 * jobs as CI/CD variables of the same name (add them masked; protected ones reach only
 * protected branches, so merge request plans of other branches do not get them).
 */
export class GitLabGitOpsPipeline extends Construct implements IIntegration {
  /** The state bucket. */
  public readonly stateBucket: S3Bucket;
  /** The role merge request plans and drift checks assume. */
  public readonly planRole: IamRole;
  /** The role the apply job assumes. */
  public readonly applyRole: IamRole;
  /** Full path of the project (a reference when the project is managed here). */
  public readonly projectPath: string;
  /** The AWS connection. */
  public readonly aws: AwsConnection;
  /** Name of the state bucket (a literal, usable in backend configurations of any stack). */
  public readonly stateBucketName: string;
  private readonly settings: Omit<GitLabCiSettings, 'environmentSecrets'>;
  private readonly extraSecrets: string[];
  private readonly project?: GitLabProject;
  private readonly access: GitOpsAwsAccess;
  private readonly issuer: string;

  constructor(scope: Construct, id: string, props: GitLabGitOpsPipelineProps) {
    super(scope, id);
    libraryScope(this);
    Integrations.mark(this);
    if (props === null || typeof props !== 'object') fail(this, 'props', props, 'a GitLabGitOpsPipelineProps object');
    this.aws = props.aws ?? AwsConnection.of(this);
    const project = props.gitlabProject;
    if (project !== undefined && !(project instanceof GitLabProject)) fail(this, 'gitlabProject', project, 'a GitLabProject');
    this.project = project;
    const literalPath = props.projectPath === undefined ? undefined : requireProjectFullPath(this, 'projectPath', props.projectPath);
    if (literalPath !== undefined && isToken(literalPath)) fail(this, 'projectPath', literalPath, 'a literal project path (it names the roles and the bucket)');
    if (literalPath === undefined && project === undefined) fail(this, 'projectPath', undefined, 'the full path of the project, e.g. "group/subgroup/project", or gitlabProject');
    this.projectPath = project?.pathWithNamespace ?? literalPath!;
    const namePath = literalPath ?? (isToken(this.projectPath) ? undefined : this.projectPath);
    const projectBranch = project && !isToken(project.defaultBranch) ? project.defaultBranch : undefined;
    if (project && projectBranch === undefined && props.defaultBranch === undefined) {
      fail(this, 'defaultBranch', undefined, 'the default branch of the adopted project (known only at apply time, and .gitlab-ci.yml is written at synth)');
    }
    const common = commonPipelineSettings(this, props, props.defaultBranch ?? projectBranch ?? 'main', props.applyEnvironment ?? 'production', 'GitLab CI/CD variable');
    this.extraSecrets = common.extraSecrets;

    const instance = requireUrl(this, 'instanceUrl', props.instanceUrl ?? 'https://gitlab.com').replace(/\/+$/, '');
    // The issuer is the instance URL (GitLab docs, "OpenID Connect (OIDC) Authentication Using ID Tokens": `iss`).
    this.issuer = instance.replace(/^https:\/\//, '');
    const audience = requirePattern(this, 'audience', props.audience ?? instance, /^[\x21-\x7e]{1,255}$/, 'an audience of 1-255 printable characters without spaces');
    if (props.existingOidcProviderArn !== undefined) {
      const escaped = this.issuer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      requirePattern(this, 'existingOidcProviderArn', props.existingOidcProviderArn, new RegExp(`^arn:aws(-cn|-us-gov)?:iam::\\d{12}:oidc-provider/${escaped}$`),
        `the ARN of the IAM OIDC provider for ${this.issuer}`);
    }

    // Names of the roles and the bucket: from the literal path, else from this construct.
    const slug = (namePath ?? `gitlab-${this.node.id}`).toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/-+/g, '-');
    const last = (namePath ? namePath.split('/').pop()! : `gitlab-${this.node.id}`).replace(/[^\w+=,.@-]/g, '-');
    const roleBase = `cdktf-${last}`.slice(0, 50);
    // Subjects of GitLab's ID tokens: project_path:{group}/{project}:ref_type:{type}:ref:{branch_name}.
    const subject = (ref: string) => `project_path:${this.projectPath}:ref_type:branch:ref:${ref}`;
    this.access = new GitOpsAwsAccess(this, {
      aws: this.aws,
      bucketName: props.stateBucketName ?? `cdktf-state-${slug}`.slice(0, 63).replace(/-+$/, ''),
      roleBase,
      trust: {
        providerId: 'GitLabOidc',
        issuer: this.issuer,
        audience,
        // merge request pipelines run on their source branch, any branch: the plan role only reads
        planSubjects: [subject('*')],
        planSubjectsLike: true,
        applySubjects: [subject(common.defaultBranch)],
        existingProviderArn: props.existingOidcProviderArn,
      },
      planPolicyArns: props.planPolicyArns,
      applyPolicyArns: props.applyPolicyArns,
    });
    this.stateBucket = this.access.stateBucket;
    this.stateBucketName = this.access.stateBucketName;
    this.planRole = this.access.planRole;
    this.applyRole = this.access.applyRole;

    // Role ARNs: CI/CD variables of a managed project (the apply role's protected), else literals.
    let planRoleArn: string;
    let applyRoleArn: string;
    if (project) {
      project.addVariable('CDKTF_PLAN_ROLE_ARN', this.planRole.arn, { description: 'Role of cdktf plans and drift checks' });
      project.addVariable('CDKTF_APPLY_ROLE_ARN', this.applyRole.arn, { protectedOnly: true, description: 'Role of cdktf applies (protected branches only)' });
      planRoleArn = '$CDKTF_PLAN_ROLE_ARN';
      applyRoleArn = '$CDKTF_APPLY_ROLE_ARN';
    } else {
      ({ plan: planRoleArn, apply: applyRoleArn } = this.access.literalRoleArns(this.aws, roleBase, 'gitlabProject is not given (.gitlab-ci.yml needs the role ARNs)'));
    }

    this.settings = {
      stacks: common.stacks,
      workingDirectory: common.workingDirectory,
      defaultBranch: common.defaultBranch,
      applyEnvironment: common.applyEnvironment,
      image: requirePattern(this, 'image', props.image ?? `node:${common.nodeVersion}-bookworm`, /^[a-z0-9][a-z0-9._\-/:@]{0,254}$/, 'a container image reference such as node:20-bookworm'),
      terraformVersion: common.terraformVersion,
      installCommand: common.installCommand,
      awsRegion: this.aws.region,
      planRoleArn,
      applyRoleArn,
      audience,
      driftScheduleVariable: DRIFT_SCHEDULE,
      dora: doraSettings(this, 'doraReporting', props.doraReporting, common.applyEnvironment),
    };

    if (project) {
      // The drift check's pipeline schedule (cron in UTC) on the default branch.
      const provider = project.connection.provider;
      const schedule = new (gitLabL1.pipelineSchedule().PipelineSchedule)(this, 'DriftSchedule', {
        provider,
        project: project.projectId,
        description: 'cdktf drift check',
        ref: `refs/heads/${common.defaultBranch}`,
        cron: common.driftCron,
        cronTimezone: 'UTC',
        active: true,
      });
      new (gitLabL1.pipelineScheduleVariable().PipelineScheduleVariable)(this, 'DriftScheduleVariable', {
        provider,
        project: project.projectId,
        pipelineScheduleId: schedule.pipelineScheduleId,
        key: 'CDKTF_SCHEDULE',
        value: DRIFT_SCHEDULE,
      });
    }
    if (optionalBoolean(this, 'commitPipeline', props.commitPipeline, false)) {
      if (!project) fail(this, 'commitPipeline', true, 'false unless gitlabProject is given');
      new (gitLabL1.repositoryFile().RepositoryFile)(this, 'PipelineFile', {
        provider: project.connection.provider,
        project: project.projectId,
        branch: common.defaultBranch,
        filePath: PIPELINE_FILE,
        encoding: 'text',
        content: EscapingLazy.stringValue({ produce: () => this.pipelineFiles[PIPELINE_FILE] }),
        commitMessage: `Update ${PIPELINE_FILE} (cdktf-integrations GitLabGitOpsPipeline)`,
        overwriteOnCreate: true,
      });
    }

    this.access.addOutputs('merge-request plans and drift checks');
    writeFilesAtSynth(this, () => this.pipelineFiles);
  }

  /**
   * The pipeline file: path in the repository → YAML. Every `Secret.fromEnvironment()` of the
   * pipeline's stacks (and `environmentSecrets`) is read by the jobs from the CI/CD variable
   * of the same name.
   */
  public get pipelineFiles(): { [path: string]: string } {
    const environmentSecrets = pipelineSecrets(this, this.settings.stacks, this.extraSecrets);
    return { [PIPELINE_FILE]: renderGitLabCi({ ...this.settings, environmentSecrets }) };
  }

  /**
   * The pipeline as an integration (for the `IntegrationCatalog`). It has no health signal:
   * its runs report in GitLab (failed pipelines), which publishes no metric a monitor backend reads.
   */
  public describeIntegration(): IntegrationDescription {
    const connections: IntegrationConnection[] = [this.aws];
    if (this.project) connections.push(this.project.connection);
    return {
      kind: 'gitops-pipeline',
      name: this.projectPath,
      systems: ['gitlab', 'aws'],
      connections,
      endpoint: { project: this.projectPath, instance: this.issuer, region: this.aws.region, stacks: this.settings.stacks.join(',') },
      resources: { stateBucket: this.stateBucket.arn, planRole: this.planRole.arn, applyRole: this.applyRole.arn },
      health: [],
      noHealthReason: 'its plan, apply and drift-check pipelines report in GitLab (failed pipelines), which publishes no metric a monitor backend reads',
    };
  }

  /**
   * Store a stack's state in the pipeline's bucket, encrypted, with S3-native locking.
   * @param key state object key; default `<stack name>/terraform.tfstate`
   */
  public configureBackend(stack: TerraformStack, key?: string): S3Backend {
    return this.access.configureBackend(stack, this.aws.region, key);
  }
}
