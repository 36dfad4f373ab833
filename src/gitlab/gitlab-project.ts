import type { BranchProtection } from '@cdktf/provider-gitlab/lib/branch-protection';
import type { DataGitlabProject } from '@cdktf/provider-gitlab/lib/data-gitlab-project';
import type { Project } from '@cdktf/provider-gitlab/lib/project';
import type { ProjectHook } from '@cdktf/provider-gitlab/lib/project-hook';
import type { ProjectVariable } from '@cdktf/provider-gitlab/lib/project-variable';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { GitLabConnection } from './gitlab-connection';
import { requireProjectFullPath, SLUG, SLUG_SUFFIX } from './private/paths';
import { gitLabL1 } from './private/provider';
import { IIntegration, IntegrationDescription, Integrations } from '../core/integration';
import { requireSecret } from '../core/private/require-secret';
import { libraryScope } from '../core/private/template-escape';
import {
  CONTROL_CHARS, fail, isToken, optionalBoolean, optionalNoControlChars, optionalString, Redacted, requireArray, requireInteger,
  requireNoControlChars, requireOneOf, requirePattern, requireString, requireUrl,
} from '../core/private/validate';
import { Secret } from '../core/secret';

/** Who can see a GitLab project (`gitlab_project.visibility_level`). */
export enum GitLabVisibility {
  /** Only members of the project (or of its group). */
  PRIVATE = 'private',
  /** Every signed-in user of the instance. */
  INTERNAL = 'internal',
  /** Everyone, signed in or not. */
  PUBLIC = 'public',
}

/**
 * Who may push to or merge into a protected branch. The values are those the `gitlab`
 * provider accepts for `push_access_level` and `merge_access_level` (provider docs,
 * resources/branch_protection: "no one, developer, maintainer, admin").
 */
export enum GitLabAccessLevel {
  /** Nobody (for pushes: changes only through merge requests). */
  NO_ONE = 'no one',
  /** Developers and above. */
  DEVELOPER = 'developer',
  /** Maintainers and above. */
  MAINTAINER = 'maintainer',
  /** Instance administrators only. */
  ADMIN = 'admin',
}

/**
 * An event a GitLab project webhook is sent for (GitLab docs, "Webhook events"; the
 * `gitlab_project_hook` arguments `<event>_events`).
 */
export enum GitLabWebhookEvent {
  /** Pushes to the repository. */
  PUSH = 'PUSH',
  /** Tags created or deleted. */
  TAG_PUSH = 'TAG_PUSH',
  /** Issues created, updated, closed or reopened. */
  ISSUES = 'ISSUES',
  /** Confidential issues. */
  CONFIDENTIAL_ISSUES = 'CONFIDENTIAL_ISSUES',
  /** Merge requests created, updated, merged or closed. */
  MERGE_REQUESTS = 'MERGE_REQUESTS',
  /** Comments. */
  NOTE = 'NOTE',
  /** Comments on confidential issues. */
  CONFIDENTIAL_NOTE = 'CONFIDENTIAL_NOTE',
  /** CI/CD job status changes. */
  JOB = 'JOB',
  /** Pipeline status changes. */
  PIPELINE = 'PIPELINE',
  /** Wiki pages created, updated or deleted. */
  WIKI_PAGE = 'WIKI_PAGE',
  /** Deployments started, succeeded, failed or canceled. */
  DEPLOYMENT = 'DEPLOYMENT',
  /** Releases created, updated or deleted. */
  RELEASES = 'RELEASES',
  /** Project access tokens about to expire. */
  RESOURCE_ACCESS_TOKEN = 'RESOURCE_ACCESS_TOKEN',
}

/** The `gitlab_project_hook` argument (as the cdktf binding names it) of each event. */
const EVENT_ARGUMENT: Record<GitLabWebhookEvent, string> = {
  [GitLabWebhookEvent.PUSH]: 'pushEvents',
  [GitLabWebhookEvent.TAG_PUSH]: 'tagPushEvents',
  [GitLabWebhookEvent.ISSUES]: 'issuesEvents',
  [GitLabWebhookEvent.CONFIDENTIAL_ISSUES]: 'confidentialIssuesEvents',
  [GitLabWebhookEvent.MERGE_REQUESTS]: 'mergeRequestsEvents',
  [GitLabWebhookEvent.NOTE]: 'noteEvents',
  [GitLabWebhookEvent.CONFIDENTIAL_NOTE]: 'confidentialNoteEvents',
  [GitLabWebhookEvent.JOB]: 'jobEvents',
  [GitLabWebhookEvent.PIPELINE]: 'pipelineEvents',
  [GitLabWebhookEvent.WIKI_PAGE]: 'wikiPageEvents',
  [GitLabWebhookEvent.DEPLOYMENT]: 'deploymentEvents',
  [GitLabWebhookEvent.RELEASES]: 'releasesEvents',
  [GitLabWebhookEvent.RESOURCE_ACCESS_TOKEN]: 'resourceAccessTokenEvents',
};

/** Props of a `GitLabProject`. */
export interface GitLabProjectProps {
  /**
   * The project path (its URL slug, `gitlab_project.path`): letters, digits, `_`, `.` and `-`,
   * starting and ending with a letter or digit, no two special characters in a row, not
   * ending in `.git` or `.atom`.
   * @default - none: then `existingProject` must be given
   */
  readonly path?: string;
  /**
   * Adopt an existing project instead of creating one: its full path (`path_with_namespace`),
   * e.g. `acme/platform/observability-iac`. The project is read with the `gitlab_project`
   * data source; its settings are not managed, only what is added to it (branch protection,
   * webhooks, CI/CD variables). None of the project settings may then be given.
   * @default - a new project from `path`
   */
  readonly existingProject?: string;
  /**
   * Id of the group (or user namespace) the new project is created in; a number or a token.
   * @default - the personal namespace of the token's user
   */
  readonly namespaceId?: number;
  /**
   * Display name of the new project.
   * @default - the path
   */
  readonly name?: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Visibility.
   * @default GitLabVisibility.PRIVATE
   */
  readonly visibility?: GitLabVisibility;
  /**
   * Default branch, created with the project (initialized with a README).
   * @default "main"
   */
  readonly defaultBranch?: string;
  /**
   * Merge requests can only be merged when their pipeline succeeded.
   * @default true
   */
  readonly onlyAllowMergeIfPipelineSucceeds?: boolean;
  /**
   * Merge requests can only be merged when all their threads are resolved.
   * @default true
   */
  readonly onlyAllowMergeIfAllDiscussionsAreResolved?: boolean;
  /**
   * Delete the source branch of a merge request when it is merged.
   * @default true
   */
  readonly removeSourceBranchAfterMerge?: boolean;
  /**
   * Archive instead of delete when the resource is destroyed.
   * @default true
   */
  readonly archiveOnDestroy?: boolean;
  /**
   * Push rule: reject files that are likely to hold secrets (`push_rules.prevent_secrets`).
   * Push rules need GitLab Premium or Ultimate (GitLab docs, "Push rules").
   * @default - not set: the instance's default push rules apply
   */
  readonly preventSecrets?: boolean;
  /**
   * Push rule: reject commits that are not signed (`push_rules.reject_unsigned_commits`; GitLab
   * Premium or Ultimate).
   * @default - not set: the instance's default push rules apply
   */
  readonly rejectUnsignedCommits?: boolean;
  /**
   * The GitLab connection (instance and provider).
   * @default - GitLabConnection.of(this)
   */
  readonly connection?: GitLabConnection;
}

/** Protection of one branch (or wildcard, e.g. `release/*`). */
export interface GitLabBranchProtectionOptions {
  /**
   * Who may push.
   * @default GitLabAccessLevel.MAINTAINER
   */
  readonly pushAccessLevel?: GitLabAccessLevel;
  /**
   * Who may merge.
   * @default GitLabAccessLevel.MAINTAINER
   */
  readonly mergeAccessLevel?: GitLabAccessLevel;
  /**
   * Whoever may push may also force-push.
   * @default false
   */
  readonly allowForcePush?: boolean;
  /**
   * Changes to files with code owners need a code owner's approval (GitLab Premium and Ultimate).
   * @default false
   */
  readonly codeOwnerApprovalRequired?: boolean;
}

/** A webhook of the project. */
export interface GitLabWebhookOptions {
  /** The endpoint that receives the events (https only). */
  readonly url: string;
  /**
   * The secret token GitLab sends with each delivery in the `X-Gitlab-Token` header, for the
   * receiver to check (GitLab docs, "Webhooks": "Validate requests with a secret token").
   * Stored in the Terraform state (`gitlab_project_hook.token`).
   */
  readonly secretToken: Secret;
  /** The events the webhook is sent for (at least one). */
  readonly events: GitLabWebhookEvent[];
  /**
   * GitLab verifies the endpoint's TLS certificate.
   * @default true
   */
  readonly enableSslVerification?: boolean;
  /**
   * Send push events only for branches matching this wildcard (e.g. `main` or `release/*`).
   * @default - every branch
   */
  readonly pushEventsBranchFilter?: string;
}

/** Options of a plain CI/CD variable. */
export interface GitLabVariableOptions {
  /**
   * Only pipelines of protected branches and tags get the variable (GitLab's `protected`).
   * @default false
   */
  readonly protectedOnly?: boolean;
  /**
   * Mask the value in job logs; it must then meet GitLab's masking requirements.
   * @default false
   */
  readonly masked?: boolean;
  /**
   * The environments that get the variable (`*` for all, or a name or wildcard such as `review/*`).
   * @default "*"
   */
  readonly environmentScope?: string;
  /**
   * Treat the value as a raw string: `$` references in it are not expanded.
   * @default false
   */
  readonly raw?: boolean;
  /**
   * Description of the variable.
   * @default - none
   */
  readonly description?: string;
}

/** Options of a secret CI/CD variable. */
export interface GitLabSecretVariableOptions {
  /**
   * Only pipelines of protected branches and tags get the variable (GitLab's `protected`).
   * @default true
   */
  readonly protectedOnly?: boolean;
  /**
   * Mask the value in job logs; it must then meet GitLab's masking requirements (checked at
   * synth only when the value is known, i.e. `Secret.unsafePlainText()`; otherwise by GitLab).
   * @default true
   */
  readonly masked?: boolean;
  /**
   * The environments that get the variable (`*` for all, or a name or wildcard such as `review/*`).
   * @default "*"
   */
  readonly environmentScope?: string;
  /**
   * Treat the value as a raw string: `$` references in it are not expanded. With expansion
   * on, GitLab accepts fewer characters in a masked value.
   * @default true
   */
  readonly raw?: boolean;
  /**
   * Description of the variable.
   * @default - none
   */
  readonly description?: string;
}

// The same page: project names "must contain only letters, digits, emoji, underscores, dots, pluses, dashes, or
// spaces" and start with a letter, digit, emoji or underscore.
const PROJECT_NAME = /^[\p{L}\p{N}\p{Extended_Pictographic}_][\p{L}\p{N}\p{Extended_Pictographic}\u200d\ufe0f_.+\- ]*$/u;
const SLUG_ACCEPTED = 'a GitLab project path of letters, digits, "_", "." and "-", starting and ending with a letter or digit, '
  + 'no two of "_", ".", "-" in a row, no spaces, not ending in ".git" or ".atom"';
// The same page: "You cannot create projects with the following names" (the one-segment ones).
const RESERVED_PROJECT_NAMES = [
  'badges', 'blame', 'blob', 'builds', 'commits', 'create', 'create_dir', 'edit', 'files', 'find_file', 'new', 'preview', 'raw', 'refs',
  'tree', 'update', 'wikis',
];
// CI/CD variable keys, GitLab docs "Project-level CI/CD variables API" (Create a variable, `key`): "must have no more
// than 255 characters; only A-Z, a-z, 0-9, and _ are allowed".
const VARIABLE_KEY = /^[A-Za-z0-9_]{1,255}$/;
// Masked values, GitLab docs "CI/CD variables" (docs.gitlab.com/ci/variables/#mask-a-cicd-variable): a single line
// with no spaces, 8 characters or longer; with variable expansion on, the only non-alphanumeric characters allowed
// are `_ : @ - + . ~ = /` (with expansion off, i.e. raw, all characters can be used).
const MASKED_MIN_LENGTH = 8;
const MASKED_EXPANDED = /^[A-Za-z0-9_:@\-+.~=/]*$/;
const BRANCH = /^(?!\/)(?!.*\/\/)(?!.*\.\.)[^\s~^:?[\\\u0000-\u001f\u007f]{1,255}(?<![/.])$/;
const HOOK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The settings of a variable, validated except for the scope and description. */
interface VariableSettings {
  readonly protected: boolean;
  readonly masked: boolean;
  readonly raw: boolean;
  readonly environmentScope?: string;
  readonly description?: string;
}

/**
 * A GitLab project with its merge settings, protected branches, signed webhooks and CI/CD
 * variables — GitLab as an integration. A new project (`path`) or an existing one
 * (`existingProject`, read by its full path); branch protection, webhooks and variables
 * reference the project's id either way.
 *
 * State: webhook secret tokens and CI/CD variable values (secret ones included) are resource
 * arguments of the `gitlab` provider and so are stored in the Terraform state; they never
 * appear in cdktf.out.
 */
export class GitLabProject extends Construct implements IIntegration {
  /**
   * The `gitlab_project` resource (escape hatch).
   * @default - none: the project is adopted (`existingProject`), see `projectData`
   */
  public readonly resource?: Project;
  /**
   * The `gitlab_project` data source of an adopted project (escape hatch).
   * @default - none: the project is created by this construct, see `resource`
   */
  public readonly projectData?: DataGitlabProject;
  /** The connection. */
  public readonly connection: GitLabConnection;
  /** The project id, as a Terraform reference (`gitlab_project.<name>.id`). */
  public readonly projectId: string;
  /** The full path `namespace/path`, a Terraform reference for a new project. */
  public readonly pathWithNamespace: string;
  /** The default branch (a Terraform reference for an adopted project). */
  public readonly defaultBranch: string;
  private readonly label: string;
  private readonly protectedBranches = new Set<string>();
  private readonly webhookIds = new Set<string>();
  /** Variables added, by environment scope and key (GitLab keeps one per key and scope). */
  private readonly variableKeys = new Set<string>();

  constructor(scope: Construct, id: string, props: GitLabProjectProps) {
    super(scope, id);
    libraryScope(this);
    Integrations.mark(this);
    if (props === null || typeof props !== 'object') fail(this, 'props', props, 'a GitLabProjectProps object');
    this.connection = props.connection ?? GitLabConnection.of(this);
    if (!(this.connection instanceof GitLabConnection)) fail(this, 'connection', props.connection, 'a GitLabConnection');
    const provider = this.connection.provider;

    if (props.existingProject !== undefined) {
      const full = requireProjectFullPath(this, 'existingProject', props.existingProject);
      const managed: Array<keyof GitLabProjectProps> = [
        'path', 'namespaceId', 'name', 'description', 'visibility', 'defaultBranch', 'onlyAllowMergeIfPipelineSucceeds',
        'onlyAllowMergeIfAllDiscussionsAreResolved', 'removeSourceBranchAfterMerge', 'archiveOnDestroy', 'preventSecrets', 'rejectUnsignedCommits',
      ];
      for (const p of managed) {
        if (props[p] !== undefined) fail(this, p, props[p], 'nothing when existingProject is given (an adopted project\'s settings are not managed)');
      }
      const data = new (gitLabL1.dataProject().DataGitlabProject)(this, 'Project', { provider, pathWithNamespace: full });
      this.projectData = data;
      this.projectId = data.id;
      this.pathWithNamespace = full;
      this.defaultBranch = data.defaultBranch;
      this.label = full;
      return;
    }

    const path = requirePattern(this, 'path', props.path, SLUG, `${SLUG_ACCEPTED} (or give existingProject instead)`);
    if (!isToken(path) && (SLUG_SUFFIX.test(path) || RESERVED_PROJECT_NAMES.includes(path.toLowerCase()))) {
      fail(this, 'path', path, `${SLUG_ACCEPTED}, and not a name GitLab reserves (${RESERVED_PROJECT_NAMES.join(', ')})`);
    }
    const namespaceId = props.namespaceId === undefined ? undefined : requireInteger(this, 'namespaceId', props.namespaceId, 1, Number.MAX_SAFE_INTEGER);
    const name = props.name === undefined ? path : requirePattern(this, 'name', props.name, PROJECT_NAME,
      'a project name of letters, digits, emoji, "_", ".", "+", "-" or spaces, starting with a letter, digit, emoji or "_"');
    const visibility = requireOneOf(this, 'visibility', props.visibility ?? GitLabVisibility.PRIVATE, Object.values(GitLabVisibility),
      'GitLabVisibility.PRIVATE, INTERNAL or PUBLIC');
    this.defaultBranch = requirePattern(this, 'defaultBranch', props.defaultBranch ?? 'main', BRANCH, 'a valid git branch name');

    const project = new (gitLabL1.project().Project)(this, 'Resource', {
      provider,
      path,
      name,
      namespaceId,
      description: optionalString(this, 'description', props.description),
      visibilityLevel: visibility,
      defaultBranch: this.defaultBranch,
      initializeWithReadme: true,
      onlyAllowMergeIfPipelineSucceeds: optionalBoolean(this, 'onlyAllowMergeIfPipelineSucceeds', props.onlyAllowMergeIfPipelineSucceeds, true),
      onlyAllowMergeIfAllDiscussionsAreResolved: optionalBoolean(this, 'onlyAllowMergeIfAllDiscussionsAreResolved', props.onlyAllowMergeIfAllDiscussionsAreResolved, true),
      removeSourceBranchAfterMerge: optionalBoolean(this, 'removeSourceBranchAfterMerge', props.removeSourceBranchAfterMerge, true),
      archiveOnDestroy: optionalBoolean(this, 'archiveOnDestroy', props.archiveOnDestroy, true),
      ...pushRules(this, props),
    });
    this.resource = project;
    this.projectId = project.id;
    this.pathWithNamespace = project.pathWithNamespace;
    this.label = namespaceId !== undefined && !isToken(namespaceId) ? `${namespaceId}/${path}` : path;
  }

  /**
   * Protect a branch (or the branches matching a wildcard such as `release/*`). The default
   * branch of a new project is written as a reference to the project's `default_branch`.
   * @param branch the branch name or wildcard
   */
  public protectBranch(branch: string, options: GitLabBranchProtectionOptions = {}): BranchProtection {
    const b = requireNoControlChars(this, 'branch', branch, 'a non-empty branch name or wildcard such as main or release/* (no control characters)');
    return this.addProtection(b, b === this.defaultBranch ? 'DefaultBranch' : b, `protectedBranches.${b}`, options);
  }

  /**
   * Protect the default branch, named by reference to the project (`gitlab_project.default_branch`,
   * or the data source's for an adopted project). GitLab usually protects a new project's default
   * branch itself; the provider then replaces that protection with this one (terraform-provider-gitlab
   * pull request 1216, "Allow to manage branch protection for default branch").
   */
  public protectDefaultBranch(options: GitLabBranchProtectionOptions = {}): BranchProtection {
    return this.addProtection(this.defaultBranch, 'DefaultBranch', 'protectedBranches.<default branch>', options);
  }

  private addProtection(b: string, idPart: string, prop: string, options: GitLabBranchProtectionOptions): BranchProtection {
    const isDefault = idPart === 'DefaultBranch';
    const claim = isDefault ? '\u0000default' : b;
    if (this.protectedBranches.has(claim)) {
      fail(this, 'branch', isToken(b) ? new Redacted('the default branch') : b, 'a branch not protected twice in the project (GitLab keeps one protection per branch; the default branch counts once)');
    }
    if (options === null || typeof options !== 'object') fail(this, prop, options, 'a GitLabBranchProtectionOptions object');
    // Maintainer by default for both, as GitLab's own default (Protected branches API, "Protect repository
    // branches": push_access_level and merge_access_level default to 40, the Maintainer role).
    const levels = Object.values(GitLabAccessLevel);
    const accepted = 'GitLabAccessLevel.NO_ONE, DEVELOPER, MAINTAINER or ADMIN';
    const push = requireOneOf(this, `${prop}.pushAccessLevel`, options.pushAccessLevel ?? GitLabAccessLevel.MAINTAINER, levels, accepted);
    const merge = requireOneOf(this, `${prop}.mergeAccessLevel`, options.mergeAccessLevel ?? GitLabAccessLevel.MAINTAINER, levels, accepted);
    const allowForcePush = optionalBoolean(this, `${prop}.allowForcePush`, options.allowForcePush, false);
    const codeOwners = optionalBoolean(this, `${prop}.codeOwnerApprovalRequired`, options.codeOwnerApprovalRequired, false);
    this.protectedBranches.add(claim);
    return new (gitLabL1.branchProtection().BranchProtection)(this, this.freeId(`Protection${idPart.replace(/[^A-Za-z0-9]/g, '_')}`), {
      provider: this.connection.provider,
      project: this.projectId,
      branch: isDefault ? this.defaultBranchReference() : b,
      pushAccessLevel: push,
      mergeAccessLevel: merge,
      allowForcePush,
      codeOwnerApprovalRequired: codeOwners,
    });
  }

  /** The default branch as a Terraform reference to the project resource or data source. */
  private defaultBranchReference(): string {
    return this.resource ? this.resource.defaultBranch : this.defaultBranch;
  }

  /** Add a webhook that sends project events to an https endpoint, with a secret token. */
  public addWebhook(id: string, options: GitLabWebhookOptions): ProjectHook {
    requirePattern(this, 'webhook id', id, HOOK_ID, 'a webhook id of 1-64 letters, digits, "_" or "-"');
    if (this.webhookIds.has(id)) fail(this, 'webhook id', id, 'a webhook id not used twice in the project');
    const prop = `webhooks.${id}`;
    if (options === null || typeof options !== 'object') fail(this, prop, options, 'a GitLabWebhookOptions object');
    requireUrl(this, `${prop}.url`, options.url, ['https']);
    const secret = requireSecret(this, `${prop}.secretToken`, options.secretToken);
    const events = requireArray(this, `${prop}.events`, options.events, 'a list of GitLabWebhookEvent');
    const all = Object.values(GitLabWebhookEvent);
    if (events.length === 0) fail(this, `${prop}.events`, events, `a non-empty list of GitLabWebhookEvent (${all.join(', ')})`);
    events.forEach((e, i) => requireOneOf(this, `${prop}.events[${i}]`, e, all, `a GitLabWebhookEvent (${all.join(', ')})`));
    if (new Set(events).size !== events.length) fail(this, `${prop}.events`, events, 'a list of GitLabWebhookEvent, each at most once');
    const ssl = optionalBoolean(this, `${prop}.enableSslVerification`, options.enableSslVerification, true);
    if (!ssl) Annotations.of(this).addWarning(`${this.node.path}: webhook ${id} is sent without TLS certificate verification (enableSslVerification: false).`);
    const filter = optionalNoControlChars(this, `${prop}.pushEventsBranchFilter`, options.pushEventsBranchFilter,
      'a non-empty branch name or wildcard without control characters');
    if (filter !== undefined && !events.includes(GitLabWebhookEvent.PUSH)) {
      fail(this, `${prop}.pushEventsBranchFilter`, filter, 'nothing unless events include GitLabWebhookEvent.PUSH');
    }
    // Every event argument is written: the provider's push_events defaults to true (provider docs,
    // resources/project_hook), so an event not asked for is switched off explicitly.
    const flags: Record<string, boolean> = {};
    for (const e of all) flags[EVENT_ARGUMENT[e]] = events.includes(e);
    this.webhookIds.add(id);
    return new (gitLabL1.projectHook().ProjectHook)(this, `Webhook${id}`, {
      provider: this.connection.provider,
      project: this.projectId,
      url: options.url,
      token: secret.value,
      enableSslVerification: ssl,
      pushEventsBranchFilter: filter,
      ...flags,
    });
  }

  /**
   * Add a plain CI/CD variable (configuration, not secret: its value is written into cdktf.out).
   * @param key letters, digits and `_` (at most 255)
   */
  public addVariable(key: string, value: string, options: GitLabVariableOptions = {}): ProjectVariable {
    const k = this.variableKey(key);
    const prop = `variables.${k}`;
    const v = requireString(this, prop, value, 'a non-empty value');
    if (options === null || typeof options !== 'object') fail(this, `${prop}.options`, options, 'a GitLabVariableOptions object');
    const masked = optionalBoolean(this, `${prop}.masked`, options.masked, false);
    const raw = optionalBoolean(this, `${prop}.raw`, options.raw, false);
    if (masked) this.checkMaskable(prop, v, raw, false);
    return this.variable(k, v, {
      protected: optionalBoolean(this, `${prop}.protectedOnly`, options.protectedOnly, false),
      masked,
      raw,
      environmentScope: options.environmentScope,
      description: options.description,
    });
  }

  /**
   * Add a secret CI/CD variable: protected and masked unless told otherwise. The value never
   * appears in cdktf.out; the provider stores it in the Terraform state.
   * @param key letters, digits and `_` (at most 255)
   */
  public addSecretVariable(key: string, secret: Secret, options: GitLabSecretVariableOptions = {}): ProjectVariable {
    const k = this.variableKey(key);
    const prop = `variables.${k}`;
    const s = requireSecret(this, prop, secret);
    if (options === null || typeof options !== 'object') fail(this, `${prop}.options`, options, 'a GitLabSecretVariableOptions object');
    const masked = optionalBoolean(this, `${prop}.masked`, options.masked, true);
    const raw = optionalBoolean(this, `${prop}.raw`, options.raw, true);
    // Only a literal (unsafe) secret has a value to check at synth; the others are checked by GitLab.
    if (masked && !isToken(s.value)) this.checkMaskable(prop, s.value, raw, true);
    return this.variable(k, s.value, {
      protected: optionalBoolean(this, `${prop}.protectedOnly`, options.protectedOnly, true),
      masked,
      raw,
      environmentScope: options.environmentScope,
      description: options.description,
    });
  }

  /**
   * The project as an integration (for the `IntegrationCatalog`). It has no health signal:
   * GitLab reports webhook deliveries only in the project's webhook settings and its REST API
   * ("Project webhooks API"), which no monitor backend reads; the GitLab API itself is probed
   * by the GitLabConnection's check.
   */
  public describeIntegration(): IntegrationDescription {
    return {
      kind: 'gitlab-project',
      name: this.label,
      systems: ['gitlab'],
      connections: [this.connection],
      // only literal facts: an adopted project's default branch is known at plan time only
      endpoint: this.resource ? { project: this.label, defaultBranch: this.defaultBranch } : { project: this.label },
      resources: { project: this.projectId },
      health: [],
      noHealthReason: 'GitLab reports webhook deliveries only in the webhook settings and its REST API, which no monitor backend reads; '
        + 'the GitLab API is probed by the connection check',
    };
  }

  private variableKey(key: string): string {
    return requirePattern(this, 'variable key', key, VARIABLE_KEY, 'a CI/CD variable key of 1-255 letters, digits or "_" (GitLab allows only A-Z, a-z, 0-9 and _)');
  }

  private variable(key: string, value: string, o: VariableSettings): ProjectVariable {
    const prop = `variables.${key}`;
    const scope = o.environmentScope === undefined ? '*'
      : requireNoControlChars(this, `${prop}.environmentScope`, o.environmentScope, 'an environment scope: "*", an environment name or a wildcard such as review/* (no control characters)');
    const description = optionalNoControlChars(this, `${prop}.description`, o.description, 'a non-empty description without control characters');
    const claim = `${scope}\u0000${key}`;
    if (this.variableKeys.has(claim)) fail(this, 'variable key', key, `a CI/CD variable key not added twice for the environment scope ${scope}`);
    this.variableKeys.add(claim);
    const id = this.freeId(`Variable_${key}${scope === '*' ? '' : `_${scope.replace(/[^A-Za-z0-9]/g, '_')}`}`);
    return new (gitLabL1.projectVariable().ProjectVariable)(this, id, {
      provider: this.connection.provider,
      project: this.projectId,
      key,
      value,
      protected: o.protected,
      masked: o.masked,
      raw: o.raw,
      environmentScope: scope,
      description,
    });
  }

  /** GitLab's masking requirements (see MASKED_* above), for a value known at synth. */
  private checkMaskable(prop: string, value: string, raw: boolean, secret: boolean): void {
    if (isToken(value)) return;
    const shown = secret ? new Redacted('the secret value (not shown)') : value;
    const base = `a value GitLab can mask: a single line with no spaces, at least ${MASKED_MIN_LENGTH} characters`;
    if (value.length < MASKED_MIN_LENGTH || /\s/.test(value) || CONTROL_CHARS.test(value)) {
      fail(this, `${prop}.masked`, shown, `${base} (or masked: false)`);
    }
    if (!raw && !MASKED_EXPANDED.test(value)) {
      fail(this, `${prop}.masked`, shown, `${base}, and with raw: false only letters, digits and _ : @ - + . ~ = / (or raw: true)`);
    }
  }

  /** The id, or the id with a numbered suffix when two distinct names map to it. */
  private freeId(id: string): string {
    let candidate = id;
    for (let n = 2; this.node.tryFindChild(candidate); n++) candidate = `${id}_${n}`;
    return candidate;
  }
}

/** The project's push rules, when any is given (a block the provider manages as a whole). */
function pushRules(scope: Construct, props: GitLabProjectProps) {
  if (props.preventSecrets === undefined && props.rejectUnsignedCommits === undefined) return {};
  const rules: { preventSecrets?: boolean; rejectUnsignedCommits?: boolean } = {};
  if (props.preventSecrets !== undefined) rules.preventSecrets = optionalBoolean(scope, 'preventSecrets', props.preventSecrets, false);
  if (props.rejectUnsignedCommits !== undefined) rules.rejectUnsignedCommits = optionalBoolean(scope, 'rejectUnsignedCommits', props.rejectUnsignedCommits, false);
  return { pushRules: rules };
}
