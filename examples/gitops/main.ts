/**
 * Example: GitHub as an integration and the GitOps pipeline of this very repository.
 *
 * Stack `gitops-github`: the repository (settings, branch protection, a protected
 * `production` environment with reviewers), a signed deployment webhook to an integration
 * endpoint, and the pipeline: GitHub OIDC roles scoped to this repository, the encrypted
 * state bucket with S3-native locking, and the plan / apply / drift workflows (written to
 * cdktf.out/gitops/gitops-github/.github/workflows/).
 * Stack `gitops-service`: an application stack whose state lives in the pipeline's bucket.
 */
import { App, TerraformStack } from 'cdktf';
import { AwsConnection, DriftAction, GitHubRepositoryStack, RepositoryVisibility } from '../../src';

export function gitopsExample(app: App): TerraformStack[] {
  const github = new GitHubRepositoryStack(app, 'gitops-github', {
    owner: 'acme-platform',
    repository: {
      name: 'observability-iac',
      description: 'Observability integrations, declared with cdktf-integrations',
      visibility: RepositoryVisibility.PRIVATE,
      topics: ['cdktf', 'observability'],
      branchProtection: [{ pattern: 'main', requiredApprovingReviews: 1, requiredStatusChecks: ['Plan every stack'] }],
    },
    webhooks: [{ id: 'Deployments', url: 'https://hooks.acme.example/github/deployments', events: ['deployment', 'deployment_status'] }],
    pipeline: {
      stacks: ['gitops-service', 'gitops-github'],
      aws: { region: 'eu-west-1', accountId: '123456789012' },
      applyReviewerUserIds: [1001, 1002],
      applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess', 'arn:aws:iam::aws:policy/IAMFullAccess'],
      driftSchedule: '17 6 * * 1-5',
      driftAction: DriftAction.OPEN_ISSUE,
    },
  });

  const service = new TerraformStack(app, 'gitops-service');
  new AwsConnection(service, 'Aws', { region: 'eu-west-1' });
  github.pipeline!.configureBackend(service);
  return [github, service];
}

if (require.main === module) {
  const app = new App();
  gitopsExample(app);
  app.synth();
}
