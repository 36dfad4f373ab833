/**
 * The GitLab provider bindings, loaded on first use: `@cdktf/provider-gitlab` is an optional
 * peer dependency, so the library must load without it, and only a stack with a
 * `GitLabConnection` (or a `GitLabProject`) needs it installed.
 */
import type * as branchProtection from '@cdktf/provider-gitlab/lib/branch-protection';
import type * as dataProject from '@cdktf/provider-gitlab/lib/data-gitlab-project';
import type * as pipelineSchedule from '@cdktf/provider-gitlab/lib/pipeline-schedule';
import type * as pipelineScheduleVariable from '@cdktf/provider-gitlab/lib/pipeline-schedule-variable';
import type * as project from '@cdktf/provider-gitlab/lib/project';
import type * as projectHook from '@cdktf/provider-gitlab/lib/project-hook';
import type * as projectVariable from '@cdktf/provider-gitlab/lib/project-variable';
import type * as provider from '@cdktf/provider-gitlab/lib/provider';
import type * as repositoryFile from '@cdktf/provider-gitlab/lib/repository-file';
import { optionalPackage } from '../../core/private/optional-package';

const PACKAGE = '@cdktf/provider-gitlab';
/** The version the library is built and tested with (package.json peerDependencies). */
export const GITLAB_PROVIDER_PACKAGE_VERSION = '15.6.2';

const load = optionalPackage(PACKAGE, GITLAB_PROVIDER_PACKAGE_VERSION, 'cdktf-cdktf-provider-gitlab', 'GitLabConnection');
const loadForProject = optionalPackage(PACKAGE, GITLAB_PROVIDER_PACKAGE_VERSION, 'cdktf-cdktf-provider-gitlab', 'GitLabProject');

/** The provider modules the GitLab folder uses, each loaded when first called. */
export const gitLabL1 = {
  provider: () => load<typeof provider>('provider'),
  project: () => loadForProject<typeof project>('project'),
  dataProject: () => loadForProject<typeof dataProject>('data-gitlab-project'),
  branchProtection: () => loadForProject<typeof branchProtection>('branch-protection'),
  projectHook: () => loadForProject<typeof projectHook>('project-hook'),
  projectVariable: () => loadForProject<typeof projectVariable>('project-variable'),
  pipelineSchedule: () => loadForProject<typeof pipelineSchedule>('pipeline-schedule'),
  pipelineScheduleVariable: () => loadForProject<typeof pipelineScheduleVariable>('pipeline-schedule-variable'),
  repositoryFile: () => loadForProject<typeof repositoryFile>('repository-file'),
};
