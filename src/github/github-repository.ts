import type { BranchProtection } from '@cdktf/provider-github/lib/branch-protection';
import type { Repository } from '@cdktf/provider-github/lib/repository';
import type { RepositoryEnvironment } from '@cdktf/provider-github/lib/repository-environment';
import type { RepositoryWebhook } from '@cdktf/provider-github/lib/repository-webhook';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { GitHubConnection } from './github-connection';
import { gitHubL1 } from './private/provider';
import { IIntegration, IntegrationDescription, Integrations } from '../core/integration';
import type { IntegrationConnection } from '../core/integration-connection';
import { requireSecret } from '../core/private/require-secret';
import { libraryScope } from '../core/private/template-escape';
import {
  fail, isToken, optionalArray, optionalBoolean, optionalString, requireArray, requireInteger, requireNoControlChars, requirePattern, requireString,
} from '../core/private/validate';
import { Secret } from '../core/secret';
import { WebhookAuthType, WebhookConnection } from '../webhooks/webhook-connection';

/** Who can see a repository. */
export enum RepositoryVisibility {
  /** Everyone. */
  PUBLIC = 'public',
  /** Only people granted access. */
  PRIVATE = 'private',
  /** Members of the enterprise (GitHub Enterprise Cloud / Server). */
  INTERNAL = 'internal',
}

/**
 * The value of a GitHub Actions secret, and whether it reaches the Terraform state.
 *
 * GitHub stores Actions secrets encrypted with the repository's public key. The `github`
 * provider offers two arguments: `plaintext_value`, which the provider encrypts before
 * sending — the plain value is stored in the Terraform state — and `encrypted_value`, an
 * already-encrypted (libsodium sealed box, base64) value — only the ciphertext is stored.
 */
export class GitHubSecretValue {
  /**
   * A value already encrypted with the repository's (or environment's) public key, base64
   * encoded. Preferred: the plain value reaches neither cdktf.out nor the state.
   */
  public static preEncrypted(encryptedValue: Secret): GitHubSecretValue {
    return new GitHubSecretValue(encryptedValue, true);
  }

  /**
   * A plain value. It never appears in cdktf.out, but Terraform stores it in the state (as
   * `plaintext_value`); a synth warning says so.
   */
  public static plaintext(value: Secret): GitHubSecretValue {
    return new GitHubSecretValue(value, false);
  }

  /** The secret holding the value. */
  public readonly secret: Secret;
  /** Whether the value is already encrypted for GitHub. */
  public readonly encrypted: boolean;

  private constructor(secret: Secret, encrypted: boolean) {
    this.secret = secret;
    this.encrypted = encrypted;
  }
}

/** Protection rules of the branches matching a pattern. */
export interface BranchProtectionOptions {
  /** Branch name pattern (fnmatch), e.g. `main` or `release/*`. */
  readonly pattern: string;
  /**
   * Approving reviews required before merging (0 to 6).
   * @default 1
   */
  readonly requiredApprovingReviews?: number;
  /**
   * Require a review from the code owners.
   * @default false
   */
  readonly requireCodeOwnerReviews?: boolean;
  /**
   * Dismiss approvals when new commits are pushed.
   * @default true
   */
  readonly dismissStaleReviews?: boolean;
  /**
   * Status checks (job names) that must pass.
   * @default - none
   */
  readonly requiredStatusChecks?: string[];
  /**
   * The branch must be up to date with its base before merging.
   * @default true
   */
  readonly strictStatusChecks?: boolean;
  /**
   * Apply the rules to administrators too.
   * @default true
   */
  readonly enforceAdmins?: boolean;
  /**
   * Require signed commits.
   * @default false
   */
  readonly requireSignedCommits?: boolean;
  /**
   * Require a linear history (no merge commits).
   * @default false
   */
  readonly requireLinearHistory?: boolean;
  /**
   * Require all review conversations to be resolved.
   * @default true
   */
  readonly requireConversationResolution?: boolean;
}

/** A deployment environment with protection rules. */
export interface EnvironmentOptions {
  /** Environment name, e.g. `production`. */
  readonly name: string;
  /**
   * GitHub user ids (numbers) who can approve deployments. With `reviewerTeamIds`, at most 6 in all.
   * @default - none
   */
  readonly reviewerUserIds?: number[];
  /**
   * GitHub team ids (numbers) who can approve deployments.
   * @default - none
   */
  readonly reviewerTeamIds?: number[];
  /**
   * Minutes to wait before a deployment proceeds (0 to 43200).
   * @default 0
   */
  readonly waitTimerMinutes?: number;
  /**
   * Only branches with protection rules may deploy to the environment.
   * @default true
   */
  readonly protectedBranchesOnly?: boolean;
  /**
   * Prevent the person who triggered a deployment from approving it.
   * @default true
   */
  readonly preventSelfReview?: boolean;
}

/** A webhook of the repository. */
export interface RepositoryWebhookOptions {
  /** The endpoint that receives the events. */
  readonly endpoint: WebhookConnection;
  /** GitHub webhook events, e.g. `deployment`, `deployment_status`, `push`; or `*` for all. */
  readonly events: string[];
  /**
   * The secret GitHub signs each delivery with (HMAC-SHA256 in `X-Hub-Signature-256`). Stored
   * in the Terraform state (webhook configuration).
   * @default - the endpoint's HMAC signing secret (WebhookAuth.hmacSignature)
   */
  readonly signingSecret?: Secret;
  /**
   * Whether deliveries are sent.
   * @default true
   */
  readonly active?: boolean;
}

/** Props of a `GitHubRepository`. */
export interface GitHubRepositoryProps {
  /** Repository name: up to 100 letters, digits, `.`, `-` or `_`. */
  readonly name: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Visibility.
   * @default RepositoryVisibility.PRIVATE
   */
  readonly visibility?: RepositoryVisibility;
  /**
   * Topics (lower-case letters, digits and hyphens, up to 50 characters each).
   * @default - none
   */
  readonly topics?: string[];
  /**
   * Default branch, created with the repository.
   * @default "main"
   */
  readonly defaultBranch?: string;
  /**
   * Delete head branches after a merge.
   * @default true
   */
  readonly deleteBranchOnMerge?: boolean;
  /**
   * Allow squash merges (the only merge method enabled by default).
   * @default true
   */
  readonly allowSquashMerge?: boolean;
  /**
   * Allow merge commits.
   * @default false
   */
  readonly allowMergeCommit?: boolean;
  /**
   * Allow rebase merges.
   * @default false
   */
  readonly allowRebaseMerge?: boolean;
  /**
   * Enable Dependabot vulnerability alerts.
   * @default true
   */
  readonly vulnerabilityAlerts?: boolean;
  /**
   * Archive instead of delete when the resource is destroyed.
   * @default true
   */
  readonly archiveOnDestroy?: boolean;
  /**
   * Branch protection rules.
   * @default - the default branch is protected with the defaults of BranchProtectionOptions
   */
  readonly branchProtection?: BranchProtectionOptions[];
  /**
   * Deployment environments.
   * @default - none
   */
  readonly environments?: EnvironmentOptions[];
  /**
   * The GitHub connection (owner and provider).
   * @default - GitHubConnection.of(this)
   */
  readonly connection?: GitHubConnection;
}

const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const ACTIONS_NAME = /^(?![Gg][Ii][Tt][Hh][Uu][Bb]_)[A-Za-z_][A-Za-z0-9_]{0,199}$/;
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;
/** GitHub allows at most 20 topics per repository ("Classifying your repository with topics"). */
const MAX_TOPICS = 20;
/** Webhook events GitHub documents for repository webhooks. */
const GITHUB_EVENTS = [
  'branch_protection_configuration', 'branch_protection_rule', 'check_run', 'check_suite', 'code_scanning_alert', 'commit_comment',
  'create', 'custom_property_values', 'delete', 'dependabot_alert', 'deploy_key', 'deployment', 'deployment_protection_rule',
  'deployment_review', 'deployment_status', 'discussion', 'discussion_comment', 'fork', 'gollum', 'issue_comment', 'issues', 'label',
  'member', 'merge_group', 'meta', 'milestone', 'package', 'page_build', 'ping', 'project', 'project_card', 'project_column', 'public',
  'pull_request', 'pull_request_review', 'pull_request_review_comment', 'pull_request_review_thread', 'push', 'registry_package',
  'release', 'repository', 'repository_advisory', 'repository_dispatch', 'repository_import', 'repository_ruleset',
  'repository_vulnerability_alert', 'secret_scanning_alert', 'secret_scanning_alert_location', 'security_and_analysis', 'star',
  'status', 'team_add', 'watch', 'workflow_dispatch', 'workflow_job', 'workflow_run',
];
/** GitHub's limit of required reviewers per environment (users and teams together). */
const MAX_ENVIRONMENT_REVIEWERS = 6;

/**
 * A GitHub repository with its settings, branch protection, deployment environments, Actions
 * variables and secrets, and webhooks — GitHub as an integration.
 *
 * State: Actions secrets given with `GitHubSecretValue.plaintext()` and webhook signing
 * secrets are stored in the Terraform state; `GitHubSecretValue.preEncrypted()` stores only
 * ciphertext.
 */
export class GitHubRepository extends Construct implements IIntegration {
  /** The `github_repository` resource (escape hatch). */
  public readonly resource: Repository;
  /** The connection. */
  public readonly connection: GitHubConnection;
  /** The repository name. */
  public readonly name: string;
  /** `owner/name`. */
  public readonly fullName: string;
  /** The default branch. */
  public readonly defaultBranch: string;
  private readonly environmentResources = new Map<string, RepositoryEnvironment>();
  private readonly protectedPatterns = new Set<string>();
  /** Actions variables and secrets added, by scope and upper-cased name (GitHub ignores case). */
  private readonly actionsNames = new Set<string>();
  private readonly webhookIds = new Set<string>();
  private readonly webhookEndpoints: WebhookConnection[] = [];

  constructor(scope: Construct, id: string, props: GitHubRepositoryProps) {
    super(scope, id);
    libraryScope(this);
    Integrations.mark(this);
    this.connection = props.connection ?? GitHubConnection.of(this);
    const name = requirePattern(this, 'name', props.name, REPO, 'a repository name of 1-100 letters, digits, ".", "-" or "_"');
    if (!isToken(name) && (name === '.' || name === '..' || name.toLowerCase().endsWith('.git'))) {
      fail(this, 'name', name, 'a repository name other than "." or "..", not ending in ".git"');
    }
    this.name = name;
    this.fullName = `${this.connection.owner}/${name}`;
    this.defaultBranch = requirePattern(this, 'defaultBranch', props.defaultBranch ?? 'main', /^(?!\/)(?!.*\/\/)(?!.*\.\.)[^\s~^:?*[\\\u0000-\u001f\u007f]{1,255}(?<![/.])$/, 'a valid git branch name');
    const topics = optionalArray(this, 'topics', props.topics, 'a list of topics').map((t, i) => requirePattern(this, `topics[${i}]`, t, TOPIC, 'a topic of lower-case letters, digits and hyphens (at most 50 characters)'));
    if (topics.length > MAX_TOPICS) fail(this, 'topics', topics, `at most ${MAX_TOPICS} topics, as GitHub allows`);
    const visibility = props.visibility ?? RepositoryVisibility.PRIVATE;
    if (!Object.values(RepositoryVisibility).includes(visibility)) fail(this, 'visibility', visibility, 'RepositoryVisibility.PUBLIC, PRIVATE or INTERNAL');

    this.resource = new (gitHubL1.repository().Repository)(this, 'Resource', {
      provider: this.connection.provider,
      name,
      description: optionalString(this, 'description', props.description),
      visibility,
      topics: topics.length > 0 ? [...topics].sort() : undefined,
      autoInit: true,
      hasIssues: true,
      deleteBranchOnMerge: optionalBoolean(this, 'deleteBranchOnMerge', props.deleteBranchOnMerge, true),
      allowSquashMerge: optionalBoolean(this, 'allowSquashMerge', props.allowSquashMerge, true),
      allowMergeCommit: optionalBoolean(this, 'allowMergeCommit', props.allowMergeCommit, false),
      allowRebaseMerge: optionalBoolean(this, 'allowRebaseMerge', props.allowRebaseMerge, false),
      vulnerabilityAlerts: optionalBoolean(this, 'vulnerabilityAlerts', props.vulnerabilityAlerts, true),
      archiveOnDestroy: optionalBoolean(this, 'archiveOnDestroy', props.archiveOnDestroy, true),
    });
    if (this.defaultBranch !== 'main') this.resource.addOverride('default_branch', this.defaultBranch);

    for (const bp of optionalArray(this, 'branchProtection', props.branchProtection, 'a list of BranchProtectionOptions', [{ pattern: this.defaultBranch }])) this.addBranchProtection(bp);
    for (const env of optionalArray(this, 'environments', props.environments, 'a list of EnvironmentOptions')) this.addEnvironment(env);
  }

  /** Protect the branches matching a pattern. */
  public addBranchProtection(options: BranchProtectionOptions): BranchProtection {
    const idx = this.node.children.filter((c) => c instanceof gitHubL1.branchProtection().BranchProtection).length;
    const prop = `branchProtection[${idx}]`;
    if (options === null || typeof options !== 'object') fail(this, prop, options, 'a BranchProtectionOptions object');
    const pattern = requireNoControlChars(this, `${prop}.pattern`, options.pattern, 'a non-empty branch name pattern such as main or release/* (no control characters)');
    if (this.protectedPatterns.has(pattern)) fail(this, `${prop}.pattern`, pattern, 'a branch name pattern not protected twice in the repository (GitHub keeps one rule per pattern)');
    this.protectedPatterns.add(pattern);
    const reviews = options.requiredApprovingReviews === undefined ? 1 : requireInteger(this, `${prop}.requiredApprovingReviews`, options.requiredApprovingReviews, 0, 6);
    const checks = optionalArray(this, `${prop}.requiredStatusChecks`, options.requiredStatusChecks, 'a list of status check names')
      .map((c, i) => requireNoControlChars(this, `${prop}.requiredStatusChecks[${i}]`, c, 'a non-empty status check name without control characters'));
    return new (gitHubL1.branchProtection().BranchProtection)(this, this.freeId(`Protection${pattern.replace(/[^A-Za-z0-9]/g, '_')}`), {
      provider: this.connection.provider,
      repositoryId: this.resource.nodeId,
      pattern,
      enforceAdmins: optionalBoolean(this, `${prop}.enforceAdmins`, options.enforceAdmins, true),
      requireSignedCommits: optionalBoolean(this, `${prop}.requireSignedCommits`, options.requireSignedCommits, false),
      requiredLinearHistory: optionalBoolean(this, `${prop}.requireLinearHistory`, options.requireLinearHistory, false),
      requireConversationResolution: optionalBoolean(this, `${prop}.requireConversationResolution`, options.requireConversationResolution, true),
      allowsDeletions: false,
      allowsForcePushes: false,
      requiredPullRequestReviews: [{
        requiredApprovingReviewCount: reviews,
        dismissStaleReviews: optionalBoolean(this, `${prop}.dismissStaleReviews`, options.dismissStaleReviews, true),
        requireCodeOwnerReviews: optionalBoolean(this, `${prop}.requireCodeOwnerReviews`, options.requireCodeOwnerReviews, false),
      }],
      requiredStatusChecks: checks.length > 0
        ? [{ contexts: checks, strict: optionalBoolean(this, `${prop}.strictStatusChecks`, options.strictStatusChecks, true) }]
        : undefined,
    });
  }

  /** Add a deployment environment with its protection rules. */
  public addEnvironment(options: EnvironmentOptions): RepositoryEnvironment {
    const prop = `environments[${this.environmentResources.size}]`;
    if (options === null || typeof options !== 'object') fail(this, prop, options, 'an EnvironmentOptions object');
    const name = requirePattern(this, `${prop}.name`, options.name, /^[^,;\s][^,;\u0000-\u001f\u007f]{0,254}$/, 'an environment name of 1-255 characters without , or ; or control characters');
    if (this.environmentResources.has(name)) fail(this, `${prop}.name`, name, 'an environment name not used twice in the repository');
    const users = optionalArray(this, `${prop}.reviewerUserIds`, options.reviewerUserIds, 'a list of GitHub user ids')
      .map((u, i) => requireInteger(this, `${prop}.reviewerUserIds[${i}]`, u, 1, Number.MAX_SAFE_INTEGER));
    const teams = optionalArray(this, `${prop}.reviewerTeamIds`, options.reviewerTeamIds, 'a list of GitHub team ids')
      .map((t, i) => requireInteger(this, `${prop}.reviewerTeamIds[${i}]`, t, 1, Number.MAX_SAFE_INTEGER));
    if (users.length + teams.length > MAX_ENVIRONMENT_REVIEWERS) {
      fail(this, `${prop}.reviewerUserIds`, [...users, ...teams], `at most ${MAX_ENVIRONMENT_REVIEWERS} required reviewers (users and teams together), as GitHub allows`);
    }
    const protectedOnly = optionalBoolean(this, `${prop}.protectedBranchesOnly`, options.protectedBranchesOnly, true);
    const env = new (gitHubL1.repositoryEnvironment().RepositoryEnvironment)(this, this.freeId(`Environment${name.replace(/[^A-Za-z0-9]/g, '_')}`), {
      provider: this.connection.provider,
      repository: this.resource.name,
      environment: name,
      waitTimer: options.waitTimerMinutes === undefined ? undefined : requireInteger(this, `${prop}.waitTimerMinutes`, options.waitTimerMinutes, 0, 43_200),
      preventSelfReview: optionalBoolean(this, `${prop}.preventSelfReview`, options.preventSelfReview, true),
      reviewers: users.length + teams.length > 0 ? [{ users: users.length ? users : undefined, teams: teams.length ? teams : undefined }] : undefined,
      deploymentBranchPolicy: protectedOnly ? { protectedBranches: true, customBranchPolicies: false } : undefined,
    });
    this.environmentResources.set(name, env);
    return env;
  }

  /**
   * Add an Actions variable (plain configuration, not secret), to the repository or to one
   * of its environments.
   * @param environment an environment added with `addEnvironment`; default: repository-wide
   */
  public addVariable(name: string, value: string, environment?: string): void {
    const n = requirePattern(this, 'variable name', name, ACTIONS_NAME, 'an Actions variable name (letters, digits, _; not starting with a digit or GITHUB_)');
    requireString(this, `variables.${n}`, value, 'a non-empty value');
    this.claimActionsName('variable', n, environment);
    const id = `Variable${environment ? `_${environment}_` : ''}${n}`;
    if (environment !== undefined) {
      const env = this.environment(environment).environment;
      new (gitHubL1.actionsEnvironmentVariable().ActionsEnvironmentVariable)(this, id, {
        provider: this.connection.provider, repository: this.resource.name, environment: env, variableName: n, value,
      });
    } else {
      new (gitHubL1.actionsVariable().ActionsVariable)(this, id, {
        provider: this.connection.provider, repository: this.resource.name, variableName: n, value,
      });
    }
  }

  /**
   * Add an Actions secret, to the repository or to one of its environments. See
   * `GitHubSecretValue` for what reaches the Terraform state.
   * @param environment an environment added with `addEnvironment`; default: repository-wide
   */
  public addSecret(name: string, value: GitHubSecretValue, environment?: string): void {
    const n = requirePattern(this, 'secret name', name, ACTIONS_NAME, 'an Actions secret name (letters, digits, _; not starting with a digit or GITHUB_)');
    if (!(value instanceof GitHubSecretValue)) fail(this, `secrets.${n}`, value, 'GitHubSecretValue.preEncrypted(secret) or GitHubSecretValue.plaintext(secret)');
    const secret = requireSecret(this, `secrets.${n}`, value.secret);
    this.claimActionsName('secret', n, environment);
    if (!value.encrypted) {
      Annotations.of(this).addWarning(`${this.node.path}: Actions secret ${n} is given as plaintext; the github provider stores plaintext_value in the Terraform state. Use GitHubSecretValue.preEncrypted() to keep it out.`);
    }
    const args = value.encrypted ? { encryptedValue: secret.value } : { plaintextValue: secret.value };
    const id = `Secret${environment ? `_${environment}_` : ''}${n}`;
    if (environment !== undefined) {
      const env = this.environment(environment).environment;
      new (gitHubL1.actionsEnvironmentSecret().ActionsEnvironmentSecret)(this, id, {
        provider: this.connection.provider, repository: this.resource.name, environment: env, secretName: n, ...args,
      });
    } else {
      new (gitHubL1.actionsSecret().ActionsSecret)(this, id, {
        provider: this.connection.provider, repository: this.resource.name, secretName: n, ...args,
      });
    }
  }

  /** Add a webhook that sends repository events to an endpoint, signed with a secret. */
  public addWebhook(id: string, options: RepositoryWebhookOptions): RepositoryWebhook {
    requireNoControlChars(this, 'webhook id', id, 'a non-empty webhook id without control characters');
    if (this.webhookIds.has(id)) fail(this, 'webhook id', id, 'a webhook id not used twice in the repository');
    if (options === null || typeof options !== 'object') fail(this, `webhooks.${id}`, options, 'a RepositoryWebhookOptions object');
    if (!(options.endpoint instanceof WebhookConnection)) fail(this, `webhooks.${id}.endpoint`, options.endpoint, 'a WebhookConnection');
    const events = options.events === undefined || options.events === null ? [] : requireArray(this, `webhooks.${id}.events`, options.events, 'a list of GitHub events');
    if (events.length === 0) fail(this, `webhooks.${id}.events`, events, `a non-empty list of GitHub events (${GITHUB_EVENTS.join(', ')}) or ["*"]`);
    for (const e of events) {
      if (!(e === '*' && events.length === 1) && !GITHUB_EVENTS.includes(e)) {
        fail(this, `webhooks.${id}.events`, e, `a GitHub webhook event (${GITHUB_EVENTS.join(', ')}), or "*" alone`);
      }
    }
    const endpointSecret = options.endpoint.auth.type === WebhookAuthType.HMAC_SIGNATURE ? options.endpoint.auth.secret : undefined;
    const secret = options.signingSecret ?? endpointSecret;
    if (!secret) {
      fail(this, `webhooks.${id}.signingSecret`, undefined, 'a Secret, or an endpoint whose auth is WebhookAuth.hmacSignature(); GitHub deliveries are only verifiable when signed');
    }
    requireSecret(this, `webhooks.${id}.signingSecret`, secret);
    if (endpointSecret && options.endpoint.auth.headerName && options.endpoint.auth.headerName.toLowerCase() !== 'x-hub-signature-256') {
      Annotations.of(this).addWarning(`${this.node.path}: GitHub sends its signature in X-Hub-Signature-256, not ${options.endpoint.auth.headerName} as the endpoint ${options.endpoint.node.path} expects.`);
    }
    this.webhookIds.add(id);
    if (!this.webhookEndpoints.includes(options.endpoint)) this.webhookEndpoints.push(options.endpoint);
    return new (gitHubL1.repositoryWebhook().RepositoryWebhook)(this, `Webhook${id}`, {
      provider: this.connection.provider,
      repository: this.resource.name,
      events: [...events].sort(),
      active: optionalBoolean(this, `webhooks.${id}.active`, options.active, true),
      configuration: { url: options.endpoint.url, contentType: 'json', insecureSsl: false, secret: secret.value },
    });
  }

  /**
   * The repository as an integration (for the `IntegrationCatalog`). It has no health signal:
   * GitHub reports webhook deliveries only through its REST API ("Repository webhooks: List
   * deliveries for a repository webhook"), which no monitor backend reads; the GitHub API
   * itself is probed by the GitHubConnection's check.
   */
  public describeIntegration(): IntegrationDescription {
    const connections: IntegrationConnection[] = [this.connection, ...this.webhookEndpoints];
    return {
      kind: 'github-repository',
      name: this.fullName,
      systems: ['github'],
      connections,
      endpoint: { owner: this.connection.owner, repository: this.name, defaultBranch: this.defaultBranch },
      resources: { repository: this.resource.fullName },
      health: [],
      noHealthReason: 'GitHub reports webhook deliveries only through its REST API (recent deliveries), which no monitor backend reads; '
        + 'the GitHub API is probed by the connection check',
    };
  }

  /** Record an Actions variable or secret name, failing when the same name is added twice in one scope. */
  private claimActionsName(kind: 'variable' | 'secret', name: string, environment?: string): void {
    const key = `${kind}:${environment ?? ''}:${isToken(name) ? name : name.toUpperCase()}`;
    if (this.actionsNames.has(key)) {
      fail(this, `${kind} name`, name, `an Actions ${kind} name not added twice ${environment === undefined ? 'to the repository' : `to the environment ${environment}`} (GitHub ignores case)`);
    }
    this.actionsNames.add(key);
  }

  /**
   * The id, or — when two distinct names map to the same id (`release/*` and `release-*`) —
   * the id with a numbered suffix; ids of names that do not collide are unchanged.
   */
  private freeId(id: string): string {
    let candidate = id;
    for (let n = 2; this.node.tryFindChild(candidate); n++) candidate = `${id}_${n}`;
    return candidate;
  }

  private environment(name: string): RepositoryEnvironment {
    const env = this.environmentResources.get(name);
    if (!env) fail(this, 'environment', name, `an environment of this repository (${[...this.environmentResources.keys()].join(', ') || 'none yet: call addEnvironment first'})`);
    return env;
  }
}
