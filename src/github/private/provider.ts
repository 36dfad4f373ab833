/**
 * The GitHub provider bindings, loaded on first use: `@cdktf/provider-github` is an optional
 * peer dependency, so the library loads without it, and only a stack with a `GitHubConnection`
 * (and the repositories and committed workflows that use it) needs it installed. A flavour of
 * the library without GitHub bindings reports why instead (see `optionalPackage`).
 */
import type * as actionsEnvironmentSecret from '@cdktf/provider-github/lib/actions-environment-secret';
import type * as actionsEnvironmentVariable from '@cdktf/provider-github/lib/actions-environment-variable';
import type * as actionsSecret from '@cdktf/provider-github/lib/actions-secret';
import type * as actionsVariable from '@cdktf/provider-github/lib/actions-variable';
import type * as branchProtection from '@cdktf/provider-github/lib/branch-protection';
import type * as provider from '@cdktf/provider-github/lib/provider';
import type * as repository from '@cdktf/provider-github/lib/repository';
import type * as repositoryEnvironment from '@cdktf/provider-github/lib/repository-environment';
import type * as repositoryFile from '@cdktf/provider-github/lib/repository-file';
import type * as repositoryWebhook from '@cdktf/provider-github/lib/repository-webhook';
import { optionalPackage } from '../../core/private/optional-package';

const PACKAGE = '@cdktf/provider-github';
/** The version the library is built and tested with (package.json peerDependencies). */
export const GITHUB_PROVIDER_PACKAGE_VERSION = '15.3.1';
const PYTHON = 'cdktf-cdktf-provider-github';

const load = optionalPackage(PACKAGE, GITHUB_PROVIDER_PACKAGE_VERSION, PYTHON, 'GitHubConnection');
const loadForRepository = optionalPackage(PACKAGE, GITHUB_PROVIDER_PACKAGE_VERSION, PYTHON, 'GitHubRepository');
const loadForPipeline = optionalPackage(PACKAGE, GITHUB_PROVIDER_PACKAGE_VERSION, PYTHON, 'GitOpsPipeline (commitWorkflows)');

/** The provider modules the GitHub folder uses, each loaded when first called. */
export const gitHubL1 = {
  provider: () => load<typeof provider>('provider'),
  repository: () => loadForRepository<typeof repository>('repository'),
  branchProtection: () => loadForRepository<typeof branchProtection>('branch-protection'),
  repositoryEnvironment: () => loadForRepository<typeof repositoryEnvironment>('repository-environment'),
  repositoryWebhook: () => loadForRepository<typeof repositoryWebhook>('repository-webhook'),
  actionsSecret: () => loadForRepository<typeof actionsSecret>('actions-secret'),
  actionsVariable: () => loadForRepository<typeof actionsVariable>('actions-variable'),
  actionsEnvironmentSecret: () => loadForRepository<typeof actionsEnvironmentSecret>('actions-environment-secret'),
  actionsEnvironmentVariable: () => loadForRepository<typeof actionsEnvironmentVariable>('actions-environment-variable'),
  repositoryFile: () => loadForPipeline<typeof repositoryFile>('repository-file'),
};
