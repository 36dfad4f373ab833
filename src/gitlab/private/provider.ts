/**
 * The GitLab provider bindings, loaded on first use: `@cdktf/provider-gitlab` is an optional
 * peer dependency, so the library must load without it, and only a stack with a
 * `GitLabConnection` needs it installed.
 */
import type * as provider from '@cdktf/provider-gitlab/lib/provider';
import { optionalPackage } from '../../core/private/optional-package';

const PACKAGE = '@cdktf/provider-gitlab';
/** The version the library is built and tested with (package.json peerDependencies). */
export const GITLAB_PROVIDER_PACKAGE_VERSION = '15.6.2';

const load = optionalPackage(PACKAGE, GITLAB_PROVIDER_PACKAGE_VERSION, 'cdktf-cdktf-provider-gitlab', 'GitLabConnection');

/** The provider modules the GitLab folder uses, each loaded when first called. */
export const gitLabL1 = {
  provider: () => load<typeof provider>('provider'),
};
