import { Project } from '@cdktf/provider-gitlab/lib/project';
import { TerraformStack, TerraformVariable } from 'cdktf';
import * as fc from 'fast-check';
import {
  GitLabAccessLevel, GitLabConnection, GitLabProject, GitLabVisibility, GitLabWebhookEvent, IntegrationCatalog, Secret,
} from '../../src';
import { anything, checkEveryProp, hostileNumber, hostileString, listOf, orAnything } from '../properties/support';
import { findCopiedNames } from '../support/references';
import { BindingsProviderSchema, checkStack, formatFinding, httpSchema } from '../support/schema-conformance';
import { newStack, resolved, synthApp, synthStack } from '../support/synth';

function setup(): TerraformStack {
  const stack = newStack();
  new GitLabConnection(stack, 'GitLab', { token: Secret.fromTerraformVariable(stack, 'Token', { variableName: 'gl_token' }), testConnection: false });
  return stack;
}
const all = (json: any, type: string): any[] => Object.values<any>(json.resource?.[type] ?? {});
const one = (json: any, type: string) => {
  const found = all(json, type);
  expect(found).toHaveLength(1);
  return found[0];
};
const PROJECT_ID = /^\$\{gitlab_project\.Project_[0-9A-F]+\.id\}$/;

describe('the project', () => {
  test('defaults: private, initialized on main, merges only after a green pipeline with resolved threads, archived on destroy', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'observability-iac' });
    const json = synthStack(stack);
    expect(one(json, 'gitlab_project')).toEqual({
      provider: 'gitlab',
      path: 'observability-iac',
      name: 'observability-iac',
      visibility_level: 'private',
      default_branch: 'main',
      initialize_with_readme: true,
      only_allow_merge_if_pipeline_succeeds: true,
      only_allow_merge_if_all_discussions_are_resolved: true,
      remove_source_branch_after_merge: true,
      archive_on_destroy: true,
    });
    expect(project.resource).toBeInstanceOf(Project);
    expect(project.projectData).toBeUndefined();
    expect(json.data).toBeUndefined();
  });

  test('every setting reaches its argument', () => {
    const stack = setup();
    new GitLabProject(stack, 'Project', {
      path: 'api.service_v2',
      namespaceId: 4242,
      name: 'API service',
      description: 'The API',
      visibility: GitLabVisibility.INTERNAL,
      defaultBranch: 'trunk',
      onlyAllowMergeIfPipelineSucceeds: false,
      onlyAllowMergeIfAllDiscussionsAreResolved: false,
      removeSourceBranchAfterMerge: false,
      archiveOnDestroy: false,
    });
    expect(one(synthStack(stack), 'gitlab_project')).toMatchObject({
      path: 'api.service_v2',
      namespace_id: 4242,
      name: 'API service',
      description: 'The API',
      visibility_level: 'internal',
      default_branch: 'trunk',
      only_allow_merge_if_pipeline_succeeds: false,
      only_allow_merge_if_all_discussions_are_resolved: false,
      remove_source_branch_after_merge: false,
      archive_on_destroy: false,
    });
  });

  test('a namespace id may be a token (a group created in the same stack)', () => {
    const stack = setup();
    const groupId = new TerraformVariable(stack, 'group_id', { type: 'number' }).numberValue;
    new GitLabProject(stack, 'Project', { path: 'p', namespaceId: groupId });
    expect(one(synthStack(stack), 'gitlab_project').namespace_id).toBe('${var.group_id}');
  });

  test('an existing project is read by its full path, and nothing else is managed', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { existingProject: 'acme/platform/observability-iac' });
    project.protectDefaultBranch({ pushAccessLevel: GitLabAccessLevel.NO_ONE });
    expect(() => project.protectDefaultBranch()).toThrow(/test\/Project: 'branch' must be a branch not protected twice .*; received <the default branch>/);
    const json = synthStack(stack);
    expect(json.resource.gitlab_project).toBeUndefined();
    const data = Object.values<any>(json.data.gitlab_project);
    expect(data).toEqual([{ provider: 'gitlab', path_with_namespace: 'acme/platform/observability-iac' }]);
    expect(one(json, 'gitlab_branch_protection').project).toMatch(/^\$\{data\.gitlab_project\.Project_[0-9A-F]+\.id\}$/);
    expect(one(json, 'gitlab_branch_protection')).toMatchObject({
      branch: expect.stringMatching(/^\$\{data\.gitlab_project\.Project_[0-9A-F]+\.default_branch\}$/), push_access_level: 'no one',
    });
    expect(project.resource).toBeUndefined();
    expect(project.pathWithNamespace).toBe('acme/platform/observability-iac');
  });

  test('an existing project with a project setting fails, naming the setting', () => {
    expect(() => new GitLabProject(setup(), 'Project', { existingProject: 'acme/app', visibility: GitLabVisibility.PUBLIC }))
      .toThrow("test/Project: 'visibility' must be nothing when existingProject is given (an adopted project's settings are not managed); received \"public\"");
  });

  test.each(['acme', 'acme//app', 'acme/app.git', 'acme/has space'])('existing project path %j is rejected', (full) => {
    expect(() => new GitLabProject(setup(), 'Project', { existingProject: full })).toThrow(/test\/Project: 'existingProject' must be the full path of a project/);
  });

  test('a path with a space: the error names the construct, the prop, the value and the rule', () => {
    expect(() => new GitLabProject(setup(), 'Project', { path: 'my project' })).toThrow(
      "test/Project: 'path' must be a GitLab project path of letters, digits, \"_\", \".\" and \"-\", starting and ending with a letter or digit, "
      + 'no two of "_", ".", "-" in a row, no spaces, not ending in ".git" or ".atom" (or give existingProject instead); received "my project"');
  });

  test.each(['-app', 'app-', 'app.git', 'app.ATOM', 'a..b', 'a_-b', 'ünïcode', '', 'tree'])('path %j is rejected', (path) => {
    expect(() => new GitLabProject(setup(), 'Project', { path })).toThrow(/test\/Project: 'path' must be a GitLab project path/);
  });

  test.each(['a', 'app', 'api.service.v2', 'user_management_portal', 'A1-b2'])('path %j is accepted', (path) => {
    expect(one(synthStack(((s) => { new GitLabProject(s, 'Project', { path }); return s; })(setup())), 'gitlab_project').path).toBe(path);
  });

  test.each(['Backend API Service 🚀', 'web-app-v2+features', '_internal', 'Überwachung'])('project name %j is accepted', (name) => {
    expect(one(synthStack(((s) => { new GitLabProject(s, 'Project', { path: 'p', name }); return s; })(setup())), 'gitlab_project').name).toBe(name);
  });

  test.each(['-dash first', 'has/slash', 'semi;colon', ' leading space', 'tab\there'])('project name %j is rejected', (name) => {
    expect(() => new GitLabProject(setup(), 'Project', { path: 'p', name })).toThrow(
      `test/Project: 'name' must be a project name of letters, digits, emoji, "_", ".", "+", "-" or spaces, starting with a letter, digit, emoji or "_"; received ${JSON.stringify(name)}`);
  });

  test('no path and no existing project fails', () => {
    expect(() => new GitLabProject(setup(), 'Project', {})).toThrow(/test\/Project: 'path' must be a GitLab project path .*; received undefined/);
  });

  test('an unknown visibility and a bad namespace id fail', () => {
    expect(() => new GitLabProject(setup(), 'Project', { path: 'p', visibility: 'secret' as GitLabVisibility }))
      .toThrow("test/Project: 'visibility' must be GitLabVisibility.PRIVATE, INTERNAL or PUBLIC; received \"secret\"");
    expect(() => new GitLabProject(setup(), 'Project', { path: 'p', namespaceId: 1.5 }))
      .toThrow(/test\/Project: 'namespaceId' must be a whole number from 1 to \d+; received 1.5/);
  });

  test('uses the provider of the connection given', () => {
    const stack = setup();
    const other = new GitLabConnection(stack, 'SelfManaged', {
      token: Secret.fromTerraformVariable(stack, 'Other', { variableName: 'other' }), baseUrl: 'https://gitlab.example.com/api/v4', testConnection: false,
    });
    new GitLabProject(stack, 'Project', { path: 'p', connection: other });
    expect(one(synthStack(stack), 'gitlab_project').provider).toBe('gitlab.SelfManaged');
  });
});

describe('protected branches', () => {
  test('maintainers push and merge, no force push, no code owner approval by default; project and default branch are references', () => {
    const stack = setup();
    new GitLabProject(stack, 'Project', { path: 'p' }).protectBranch('main');
    const bp = one(synthStack(stack), 'gitlab_branch_protection');
    expect(bp).toEqual({
      provider: 'gitlab',
      project: expect.stringMatching(PROJECT_ID),
      branch: expect.stringMatching(/^\$\{gitlab_project\.Project_[0-9A-F]+\.default_branch\}$/),
      push_access_level: 'maintainer',
      merge_access_level: 'maintainer',
      allow_force_push: false,
      code_owner_approval_required: false,
    });
  });

  test('access levels, force push and code owners are written as given; wildcards get distinct ids', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'p' });
    project.protectBranch('release/*', {
      pushAccessLevel: GitLabAccessLevel.NO_ONE, mergeAccessLevel: GitLabAccessLevel.DEVELOPER, allowForcePush: true, codeOwnerApprovalRequired: true,
    });
    project.protectBranch('release-*', { pushAccessLevel: GitLabAccessLevel.ADMIN });
    const bps = all(synthStack(stack), 'gitlab_branch_protection');
    expect(bps).toEqual(expect.arrayContaining([
      expect.objectContaining({ branch: 'release/*', push_access_level: 'no one', merge_access_level: 'developer', allow_force_push: true, code_owner_approval_required: true }),
      expect.objectContaining({ branch: 'release-*', push_access_level: 'admin' }),
    ]));
    expect(bps).toHaveLength(2);
  });

  test('a bad access level: the error names the construct, the prop, the value and the levels', () => {
    const project = new GitLabProject(setup(), 'Project', { path: 'p' });
    expect(() => project.protectBranch('main', { pushAccessLevel: 'owner' as GitLabAccessLevel }))
      .toThrow("test/Project: 'protectedBranches.main.pushAccessLevel' must be GitLabAccessLevel.NO_ONE, DEVELOPER, MAINTAINER or ADMIN; received \"owner\"");
    expect(() => project.protectBranch('main', { mergeAccessLevel: 30 as unknown as GitLabAccessLevel }))
      .toThrow("test/Project: 'protectedBranches.main.mergeAccessLevel' must be GitLabAccessLevel.NO_ONE, DEVELOPER, MAINTAINER or ADMIN; received 30");
  });

  test('a branch protected twice and an empty branch fail', () => {
    const project = new GitLabProject(setup(), 'Project', { path: 'p' });
    project.protectBranch('main');
    expect(() => project.protectBranch('main')).toThrow(
      "test/Project: 'branch' must be a branch not protected twice in the project (GitLab keeps one protection per branch; the default branch counts once); received \"main\"");
    expect(() => project.protectDefaultBranch()).toThrow(/'branch' must be a branch not protected twice .*; received "main"/);
    project.protectBranch('develop');
    expect(() => project.protectBranch('develop')).toThrow(/'branch' must be a branch not protected twice .*; received "develop"/);
    expect(() => project.protectBranch('')).toThrow(/test\/Project: 'branch' must be a non-empty branch name or wildcard/);
  });
});

describe('webhooks', () => {
  test('send the chosen events only, with the secret token as a reference and TLS verification on', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'p' });
    project.addWebhook('Deployments', {
      url: 'https://hooks.example.com/gitlab/',
      secretToken: Secret.fromTerraformVariable(stack, 'HookToken', { variableName: 'hook_token' }),
      events: [GitLabWebhookEvent.PIPELINE, GitLabWebhookEvent.DEPLOYMENT, GitLabWebhookEvent.MERGE_REQUESTS],
    });
    expect(one(synthStack(stack), 'gitlab_project_hook')).toEqual({
      provider: 'gitlab',
      project: expect.stringMatching(PROJECT_ID),
      url: 'https://hooks.example.com/gitlab/',
      token: '${var.hook_token}',
      enable_ssl_verification: true,
      push_events: false,
      tag_push_events: false,
      issues_events: false,
      confidential_issues_events: false,
      merge_requests_events: true,
      note_events: false,
      confidential_note_events: false,
      job_events: false,
      pipeline_events: true,
      wiki_page_events: false,
      deployment_events: true,
      releases_events: false,
      resource_access_token_events: false,
    });
  });

  test('a push branch filter needs push events; turning TLS verification off warns', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'p' });
    const secretToken = Secret.fromTerraformVariable(stack, 'HookToken');
    project.addWebhook('Push', { url: 'https://h.example.com', secretToken, events: [GitLabWebhookEvent.PUSH], pushEventsBranchFilter: 'main', enableSslVerification: false });
    expect(one(synthStack(stack), 'gitlab_project_hook')).toMatchObject({ push_events: true, push_events_branch_filter: 'main', enable_ssl_verification: false });
    expect(project.node.metadata.map((m) => String(m.data))).toEqual([expect.stringContaining('webhook Push is sent without TLS certificate verification')]);
    expect(() => project.addWebhook('Tags', { url: 'https://h.example.com', secretToken, events: [GitLabWebhookEvent.TAG_PUSH], pushEventsBranchFilter: 'main' }))
      .toThrow("test/Project: 'webhooks.Tags.pushEventsBranchFilter' must be nothing unless events include GitLabWebhookEvent.PUSH; received \"main\"");
  });

  test('an http URL: the error names the construct, the prop, the value and what is accepted', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'p' });
    expect(() => project.addWebhook('A', { url: 'http://hooks.example.com', secretToken: Secret.fromTerraformVariable(stack, 'S'), events: [GitLabWebhookEvent.PUSH] }))
      .toThrow("test/Project: 'webhooks.A.url' must be an absolute https URL with a host; received \"http://hooks.example.com\"");
  });

  test('a plain-string token, no events, an unknown event, a repeated event and a repeated id fail', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'p' });
    const url = 'https://h.example.com';
    const secretToken = Secret.fromTerraformVariable(stack, 'S');
    expect(() => project.addWebhook('A', { url, secretToken: 'CANARY-plain-token-7a7a' as unknown as Secret, events: [GitLabWebhookEvent.PUSH] }))
      .toThrow("test/Project: 'webhooks.A.secretToken' must be a Secret (Secret.fromTerraformVariable, fromEnvironment, fromSecretsManager or fromSsmParameter), never a plain string; received <a plain string (value not shown)>");
    expect(() => project.addWebhook('A', { url, secretToken, events: [] })).toThrow(/test\/Project: 'webhooks.A.events' must be a non-empty list of GitLabWebhookEvent \(PUSH, TAG_PUSH, .*\); received \[\]/);
    expect(() => project.addWebhook('A', { url, secretToken, events: ['push_events' as GitLabWebhookEvent] }))
      .toThrow(/test\/Project: 'webhooks.A.events\[0\]' must be a GitLabWebhookEvent \(PUSH, .*\); received "push_events"/);
    expect(() => project.addWebhook('A', { url, secretToken, events: [GitLabWebhookEvent.PUSH, GitLabWebhookEvent.PUSH] }))
      .toThrow("test/Project: 'webhooks.A.events' must be a list of GitLabWebhookEvent, each at most once; received [\"PUSH\",\"PUSH\"]");
    project.addWebhook('A', { url, secretToken, events: [GitLabWebhookEvent.PUSH] });
    expect(() => project.addWebhook('A', { url, secretToken, events: [GitLabWebhookEvent.PUSH] })).toThrow("test/Project: 'webhook id' must be a webhook id not used twice in the project; received \"A\"");
  });
});

describe('CI/CD variables', () => {
  test('a plain variable: unprotected, unmasked, all environments; a secret one: protected, masked, raw, its value a reference', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'p' });
    project.addVariable('AWS_REGION', 'eu-west-1');
    project.addSecretVariable('DEPLOY_TOKEN', Secret.fromTerraformVariable(stack, 'Deploy', { variableName: 'deploy_token' }));
    const vars = all(synthStack(stack), 'gitlab_project_variable');
    expect(vars).toEqual([
      {
        provider: 'gitlab',
        project: expect.stringMatching(PROJECT_ID),
        key: 'AWS_REGION',
        value: 'eu-west-1',
        protected: false,
        masked: false,
        raw: false,
        environment_scope: '*',
      },
      {
        provider: 'gitlab',
        project: expect.stringMatching(PROJECT_ID),
        key: 'DEPLOY_TOKEN',
        value: '${var.deploy_token}',
        protected: true,
        masked: true,
        raw: true,
        environment_scope: '*',
      },
    ]);
  });

  test('options reach their arguments; one key per environment scope', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'p' });
    const s = Secret.fromTerraformVariable(stack, 'S', { variableName: 's' });
    project.addSecretVariable('API_KEY', s, { environmentScope: 'production', protectedOnly: false, masked: false, raw: false, description: 'prod key' });
    project.addSecretVariable('API_KEY', s, { environmentScope: 'review/*' });
    expect(() => project.addSecretVariable('API_KEY', s, { environmentScope: 'production' }))
      .toThrow("test/Project: 'variable key' must be a CI/CD variable key not added twice for the environment scope production; received \"API_KEY\"");
    const vars = all(synthStack(stack), 'gitlab_project_variable');
    expect(vars).toEqual([
      expect.objectContaining({ key: 'API_KEY', environment_scope: 'production', protected: false, masked: false, raw: false, description: 'prod key' }),
      expect.objectContaining({ key: 'API_KEY', environment_scope: 'review/*', protected: true, masked: true }),
    ]);
  });

  test.each(['HAS-DASH', 'has space', '', 'ÄPFEL', 'A'.repeat(256)])('a bad key %j: the error names the construct, the prop, the value and the rule', (key) => {
    const project = new GitLabProject(setup(), 'Project', { path: 'p' });
    expect(() => project.addVariable(key, 'v')).toThrow(
      `test/Project: 'variable key' must be a CI/CD variable key of 1-255 letters, digits or "_" (GitLab allows only A-Z, a-z, 0-9 and _); received ${JSON.stringify(key.length > 200 ? `${key.slice(0, 200)}…` : key)}`);
  });

  test('a known masked value is checked against GitLab\'s masking requirements, without echoing a secret', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'p' });
    expect(() => project.addVariable('SHORT', 'abc', { masked: true }))
      .toThrow("test/Project: 'variables.SHORT.masked' must be a value GitLab can mask: a single line with no spaces, at least 8 characters (or masked: false); received \"abc\"");
    expect(() => project.addVariable('SPACED', 'has a space in it', { masked: true })).toThrow(/'variables.SPACED.masked' must be a value GitLab can mask/);
    expect(() => project.addVariable('EXPANDED', 'pa$$w0rd!x', { masked: true }))
      .toThrow(/'variables.EXPANDED.masked' must be .*with raw: false only letters, digits and _ : @ - \+ \. ~ = \/ \(or raw: true\); received "pa\$\$w0rd!x"/);
    project.addVariable('RAW', 'pa$$w0rd!x', { masked: true, raw: true });
    const literal = Secret.unsafePlainText(stack, 'Lit', 'CANARY7');
    expect(() => project.addSecretVariable('LIT', literal)).toThrow("test/Project: 'variables.LIT.masked' must be a value GitLab can mask: a single line with no spaces, at least 8 characters (or masked: false); received <the secret value (not shown)>");
    expect(() => project.addSecretVariable('LIT', literal)).not.toThrow(/CANARY7/);
  });

  test('a secret variable refuses a plain string', () => {
    const project = new GitLabProject(setup(), 'Project', { path: 'p' });
    expect(() => project.addSecretVariable('K', 'CANARY-plain-1234' as unknown as Secret)).toThrow(/test\/Project: 'variables.K' must be a Secret .*received <a plain string \(value not shown\)>/);
  });
});

test('no secret value reaches cdktf.out: canary values of every secret the project uses', () => {
  const canaries = { TF_VAR_gl_canary_token: 'CANARY-gl-token-1f1f', TF_VAR_gl_canary_hook: 'CANARY-gl-hook-2e2e', TF_VAR_gl_canary_var: 'CANARY-gl-var-3d3d' };
  const saved = Object.fromEntries(Object.keys(canaries).map((k) => [k, process.env[k]]));
  Object.assign(process.env, canaries);
  try {
    const out = synthApp((app) => {
      const stack = new TerraformStack(app, 'gitlab');
      const env = (id: string, name: string) => Secret.fromEnvironment(stack, id, { environmentVariable: `TF_VAR_${name}` });
      new GitLabConnection(stack, 'GitLab', { token: env('Token', 'gl_canary_token'), testCredentials: true });
      const project = new GitLabProject(stack, 'Project', { path: 'p' });
      project.addWebhook('Hook', { url: 'https://h.example.com', secretToken: env('Hook', 'gl_canary_hook'), events: [GitLabWebhookEvent.PIPELINE] });
      project.addSecretVariable('DEPLOY', env('Var', 'gl_canary_var'));
      new IntegrationCatalog(stack, 'Catalog');
    });
    const text = Object.values(out.files).join('\n');
    for (const c of Object.values(canaries)) expect(text).not.toContain(c);
    // the secrets are there, as references
    const json = out.stacks.gitlab;
    expect(Object.values<any>(json.resource.gitlab_project_hook)[0].token).toBe('${var.gl_canary_hook}');
    expect(Object.values<any>(json.resource.gitlab_project_variable)[0].value).toBe('${var.gl_canary_var}');
    expect(findCopiedNames(json)).toEqual([]);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

test('positive control: an unsafe plain-text secret is found in cdktf.out', () => {
  const out = synthApp((app) => {
    const stack = new TerraformStack(app, 'gitlab');
    new GitLabConnection(stack, 'GitLab', { token: Secret.fromTerraformVariable(stack, 'T'), testConnection: false });
    new GitLabProject(stack, 'Project', { path: 'p' }).addSecretVariable('K', Secret.unsafePlainText(stack, 'Unsafe', 'CANARY-unsafe-9c9c'));
  });
  expect(Object.values(out.files).join('\n')).toContain('CANARY-unsafe-9c9c');
});

describe('as an integration', () => {
  test('describes its connection, endpoint and project by reference, with no health signal and the reason', () => {
    const stack = setup();
    const project = new GitLabProject(stack, 'Project', { path: 'p', namespaceId: 77 });
    const d = project.describeIntegration();
    expect(d).toMatchObject({
      kind: 'gitlab-project',
      name: '77/p',
      systems: ['gitlab'],
      endpoint: { project: '77/p', defaultBranch: 'main' },
      health: [],
      noHealthReason: expect.stringContaining('no monitor backend reads'),
    });
    expect(d.connections).toEqual([GitLabConnection.of(stack)]);
    expect(resolved(stack, d.resources!.project)).toMatch(PROJECT_ID);
  });

  test('the catalog lists it', () => {
    const stack = setup();
    new GitLabProject(stack, 'Project', { existingProject: 'acme/app' });
    new IntegrationCatalog(stack, 'Catalog');
    const json = synthStack(stack);
    const outputs = Object.entries<any>(json.output ?? {}).filter(([k]) => k.includes('gitlab-project') || k.includes('gitlab_project'));
    expect(outputs).toHaveLength(1);
    expect(outputs[0][1].value).toMatchObject({ kind: 'gitlab-project', name: 'acme/app' });
    expect((stack.node.findChild('Project') as GitLabProject).describeIntegration().endpoint).toEqual({ project: 'acme/app' });
  });
});

describe('any value of any prop or method argument', () => {
  const bool = () => orAnything(fc.boolean());
  const events = listOf(orAnything(fc.constantFrom(...Object.values(GitLabWebhookEvent))));
  const levels = orAnything(fc.constantFrom(...Object.values(GitLabAccessLevel)));
  checkEveryProp('GitLabProject', {
    path: orAnything(hostileString, fc.constantFrom('iac', 'a.b', 'x-1')),
    existingProject: orAnything(hostileString, fc.constantFrom('acme/iac', 'a/b/c')),
    namespaceId: orAnything(hostileNumber),
    name: orAnything(hostileString, fc.constant('IaC 🚀')),
    description: orAnything(hostileString),
    visibility: orAnything(fc.constantFrom(...Object.values(GitLabVisibility))),
    defaultBranch: orAnything(hostileString, fc.constant('trunk')),
    onlyAllowMergeIfPipelineSucceeds: bool(),
    onlyAllowMergeIfAllDiscussionsAreResolved: bool(),
    removeSourceBranchAfterMerge: bool(),
    archiveOnDestroy: bool(),
    connection: anything,
    branch: fc.tuple(orAnything(hostileString, fc.constant('main')), orAnything(fc.record({
      pushAccessLevel: levels, mergeAccessLevel: levels, allowForcePush: bool(), codeOwnerApprovalRequired: bool(),
    }, { requiredKeys: [] }))),
    defaultBranchProtection: orAnything(fc.record({ pushAccessLevel: levels, allowForcePush: bool() }, { requiredKeys: [] })),
    webhook: fc.tuple(orAnything(hostileString, fc.constant('Hook')), fc.record({
      url: orAnything(hostileString, fc.constant('https://h.example.com/x')),
      secretToken: fc.oneof(anything, fc.constant('SECRET')),
      events: fc.oneof(events, fc.constant([GitLabWebhookEvent.PUSH])),
      enableSslVerification: bool(),
      pushEventsBranchFilter: orAnything(hostileString),
    }, { requiredKeys: [] })),
    variable: fc.tuple(orAnything(hostileString, fc.constant('KEY')), orAnything(hostileString), orAnything(fc.record({
      protectedOnly: bool(), masked: bool(), environmentScope: orAnything(hostileString), raw: bool(), description: orAnything(hostileString),
    }, { requiredKeys: [] }))),
    secretVariable: fc.tuple(orAnything(hostileString, fc.constant('KEY')), fc.oneof(anything, fc.constant('SECRET'), fc.constant('LITERAL'))),
  }, (p) => {
    const stack = setup();
    const { branch, defaultBranchProtection, webhook, variable, secretVariable, ...props } = p;
    const project = new GitLabProject(stack, 'Project', { ...('existingProject' in props ? {} : { path: 'p' }), ...props } as any);
    const secret = (x: unknown) => (x === 'SECRET' ? Secret.fromTerraformVariable(stack, 'S') : x === 'LITERAL' ? Secret.unsafePlainText(stack, 'L', 'short') : x);
    if (branch) project.protectBranch(...(branch as [any, any]));
    if ('defaultBranchProtection' in p) project.protectDefaultBranch(defaultBranchProtection as any);
    if (webhook) {
      const [id, o] = webhook as [any, any];
      project.addWebhook(id, { ...o, secretToken: secret(o.secretToken) });
    }
    if (variable) project.addVariable(...(variable as [any, any, any]));
    if (secretVariable) {
      const [key, value] = secretVariable as [any, any];
      project.addSecretVariable(key, secret(value) as any);
    }
    return stack;
  }, 300, {
    related: {
      existingProject: ['path'],
      branch: ['branch', 'protectedBranches'],
      defaultBranchProtection: ['protectedBranches'],
      webhook: ['webhook id', 'webhooks'],
      variable: ['variable key', 'variables'],
      secretVariable: ['variable key', 'variables'],
    },
  });
});

test('everything synthesized conforms to the gitlab provider schema (new and adopted projects, every method)', () => {
  const gitlab = new BindingsProviderSchema('@cdktf/provider-gitlab');
  const schemas = new Map([gitlab, httpSchema()].map((x) => [x.source, x]));
  const stack = newStack();
  new GitLabConnection(stack, 'GitLab', { token: Secret.fromTerraformVariable(stack, 'Token', { variableName: 'gl_token' }), testCredentials: true });
  const secretToken = Secret.fromTerraformVariable(stack, 'HookToken', { variableName: 'hook_token' });
  for (const project of [
    new GitLabProject(stack, 'New', { path: 'p', namespaceId: 7, description: 'd', visibility: GitLabVisibility.PUBLIC }),
    new GitLabProject(stack, 'Adopted', { existingProject: 'acme/app' }),
  ]) {
    project.protectDefaultBranch();
    project.protectBranch('release/*', { pushAccessLevel: GitLabAccessLevel.NO_ONE, codeOwnerApprovalRequired: true });
    project.addWebhook('Hook', { url: 'https://h.example.com', secretToken, events: Object.values(GitLabWebhookEvent), pushEventsBranchFilter: 'main' });
    project.addVariable('PLAIN', 'value', { environmentScope: 'production', description: 'plain' });
    project.addSecretVariable('SECRET', secretToken);
  }
  const report = checkStack(synthStack(stack), schemas);
  expect(report.findings.map(formatFinding)).toEqual([]);
  expect(report.checked[gitlab.source]).toBe(1 + 1 + 1 + 2 * (2 + 1 + 2));
});

describe('push rules', () => {
  const project = (extra: Record<string, unknown>) => {
    const stack = newStack();
    new GitLabConnection(stack, 'GitLab', { token: Secret.fromTerraformVariable(stack, 'Token', { variableName: 'gl_token' }), testConnection: false });
    new GitLabProject(stack, 'P', { path: 'p', namespaceId: 7, ...extra });
    return stack;
  };
  test('secrets and unsigned commits rejected when asked; no push_rules block otherwise', () => {
    const withRules = Object.values<any>(synthStack(project({ preventSecrets: true, rejectUnsignedCommits: true })).resource.gitlab_project)[0];
    expect(withRules.push_rules).toEqual({ prevent_secrets: true, reject_unsigned_commits: true });
    const without = Object.values<any>(synthStack(project({})).resource.gitlab_project)[0];
    expect(without.push_rules).toBeUndefined();
  });
  test('a push rule that is not a boolean, or given for an adopted project, is a ValidationError', () => {
    expect(() => project({ preventSecrets: 'yes' })).toThrow("test/P: 'preventSecrets' must be");
    const stack = newStack();
    new GitLabConnection(stack, 'GitLab', { token: Secret.fromTerraformVariable(stack, 'Token', { variableName: 'gl_token' }), testConnection: false });
    expect(() => new GitLabProject(stack, 'A', { existingProject: 'acme/app', rejectUnsignedCommits: true }))
      .toThrow("test/A: 'rejectUnsignedCommits' must be nothing when existingProject is given");
  });
});
