/**
 * Example: GitLab as an integration and the GitOps pipeline of a repository on GitLab, with
 * every deployment reported to Datadog DORA Metrics.
 *
 * Stack `gitops-gitlab`: the project (merge settings, push rules, the default branch protected, a signed
 * webhook of its deployments, the Datadog API key as a masked, protected CI/CD variable) and the
 * pipeline: GitLab ID-token roles scoped to the project, the encrypted state bucket with
 * S3-native locking, the drift check's pipeline schedule, and `.gitlab-ci.yml` (written to
 * cdktf.out/gitops/gitops-gitlab/.gitlab-ci.yml, and committed to the project).
 * Stack `gitops-gitlab-service`: an application stack whose state lives in the pipeline's bucket.
 */
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, DatadogSite, GitLabAccessLevel, GitLabConnection, GitLabGitOpsPipeline, GitLabProject, GitLabWebhookEvent, Secret,
} from '../../src';

export function gitlabGitopsExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'gitops-gitlab');
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  new GitLabConnection(stack, 'GitLab', { token: Secret.fromEnvironment(stack, 'GitLabToken', { environmentVariable: 'TF_VAR_gitlab_token' }) });
  const project = new GitLabProject(stack, 'Project', {
    path: 'observability-iac',
    namespaceId: 4242,
    description: 'Observability integrations, declared with cdktf-integrations',
    // push rules (GitLab Premium): no secrets in commits, signed commits only
    preventSecrets: true,
    rejectUnsignedCommits: true,
  });
  project.protectDefaultBranch({ pushAccessLevel: GitLabAccessLevel.NO_ONE, mergeAccessLevel: GitLabAccessLevel.MAINTAINER });
  project.addWebhook('Deployments', {
    url: 'https://hooks.acme.example/gitlab/deployments',
    secretToken: Secret.fromEnvironment(stack, 'HookToken', { environmentVariable: 'TF_VAR_gitlab_hook_token' }),
    events: [GitLabWebhookEvent.DEPLOYMENT, GitLabWebhookEvent.PIPELINE],
  });
  project.addSecretVariable('DD_API_KEY', Secret.fromEnvironment(stack, 'DatadogApiKey', { environmentVariable: 'TF_VAR_datadog_api_key' }));
  const pipeline = new GitLabGitOpsPipeline(stack, 'Pipeline', {
    stacks: ['gitops-gitlab-service', 'gitops-gitlab'],
    gitlabProject: project,
    projectPath: 'acme-platform/observability-iac',
    applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess', 'arn:aws:iam::aws:policy/IAMFullAccess'],
    driftSchedule: '17 6 * * 1-5',
    commitPipeline: true,
    doraReporting: { service: 'observability-iac', env: 'production', team: 'platform', site: DatadogSite.EU1 },
  });

  const service = new TerraformStack(app, 'gitops-gitlab-service');
  new AwsConnection(service, 'Aws', { region: 'eu-west-1' });
  pipeline.configureBackend(service);
  return [stack, service];
}

if (require.main === module) {
  const app = new App();
  gitlabGitopsExample(app);
  app.synth();
}
