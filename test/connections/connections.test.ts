import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { GithubProvider } from '@cdktf/provider-github/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsConnection, DatadogConnection, DatadogSite, Errors, GitHubAuth, GitHubConnection, GrafanaAuth,
  GrafanaConnection, IntegrationConnection, JiraAuth, JiraConnection, JiraDeployment, PagerDutyConnection,
  PagerDutyRegion, Secret, SlackConnection, WebhookAuth, WebhookConnection,
} from '../../src';
import { GrafanaProvider } from '../../src/bindings/grafana/provider';
import { newStack, synthStack } from '../support/synth';

const v = (stack: TerraformStack, name: string) => Secret.fromTerraformVariable(stack, `Var_${name}`, { variableName: name });
const datadog = (stack: TerraformStack, id = 'Datadog', extra: Record<string, unknown> = {}) =>
  new DatadogConnection(stack, id, { apiKey: v(stack, `${id}_api`), appKey: v(stack, `${id}_app`), ...extra });
const checks = (json: any) => json.check ?? {};
const onlyCheck = (json: any, prefix: string) => {
  const names = Object.keys(checks(json)).filter((n) => n.startsWith(prefix));
  expect(names).toHaveLength(1);
  return json.check[names[0]];
};

describe('DatadogConnection', () => {
  test.each([
    [DatadogSite.US1, 'https://api.datadoghq.com/'],
    [DatadogSite.US3, 'https://api.us3.datadoghq.com/'],
    [DatadogSite.US5, 'https://api.us5.datadoghq.com/'],
    [DatadogSite.EU1, 'https://api.datadoghq.eu/'],
    [DatadogSite.AP1, 'https://api.ap1.datadoghq.com/'],
    [DatadogSite.AP2, 'https://api.ap2.datadoghq.com/'],
    [DatadogSite.US1_FED, 'https://api.ddog-gov.com/'],
  ])('site %s configures the provider API URL %s', (site, url) => {
    const stack = newStack();
    const conn = datadog(stack, 'Datadog', { site });
    const json = synthStack(stack);
    expect(json.provider.datadog).toEqual([{ api_url: url, api_key: '${var.Datadog_api}', app_key: '${var.Datadog_app}' }]);
    expect(conn.provider).toBeInstanceOf(DatadogProvider);
    expect(conn.terraformProvider).toBe(conn.provider);
    const check = onlyCheck(json, 'Datadog_TestConnection');
    // The default probe carries no key (Terraform would store it in the state with the probe).
    expect(check.data.http[Object.keys(check.data.http)[0]]).toEqual(expect.objectContaining({
      url: `${url}api/v1/validate`,
      request_headers: { Accept: 'application/json' },
    }));
    expect(check.assert[0].condition).toMatch(/^\$\{data\.http\.Datadog_TestConnection_\w+_probe\.status_code < 500\}$/);
  });

  test('fromString accepts names and domains', () => {
    expect(DatadogSite.fromString('eu1')).toBe(DatadogSite.EU1);
    expect(DatadogSite.fromString('datadoghq.eu')).toBe(DatadogSite.EU1);
    expect(DatadogSite.fromString('US1-FED')).toBe(DatadogSite.US1_FED);
    expect(DatadogSite.fromString('us2').isKnown).toBe(false);
  });

  test('site us2 fails with the accepted sites', () => {
    expect(() => datadog(newStack(), 'Datadog', { site: DatadogSite.fromString('us2') }))
      .toThrow("test/Datadog: 'site' must be one of US1, US3, US5, EU1, AP1, AP2, US1-FED (DatadogSite.US1 …); received \"us2\"");
  });

  test('a plain-string key is rejected without echoing it', () => {
    const stack = newStack();
    let message = '';
    try {
      new DatadogConnection(stack, 'Datadog', { apiKey: 'CANARY-PLAIN-KEY' as any, appKey: v(stack, 'app') });
    } catch (e: any) {
      message = e.message;
    }
    expect(message).toBe("test/Datadog: 'apiKey' must be a Secret (Secret.fromTerraformVariable, fromEnvironment, fromSecretsManager or fromSsmParameter), never a plain string; received <a plain string (value not shown)>");
    expect(message).not.toContain('CANARY-PLAIN-KEY');
  });

  test('testConnection: false adds no check and no http provider', () => {
    const stack = newStack();
    datadog(stack, 'Datadog', { testConnection: false });
    const json = synthStack(stack);
    expect(json.check).toBeUndefined();
    expect(json.terraform.required_providers.http).toBeUndefined();
  });

  test('the check declares the http provider once per stack', () => {
    const stack = newStack();
    datadog(stack, 'A');
    datadog(stack, 'B');
    const json = synthStack(stack);
    expect(json.terraform.required_providers.http).toEqual({ source: 'hashicorp/http', version: '~> 3.4' });
    expect(Object.keys(json.provider.http)).toHaveLength(1);
    expect(Object.keys(checks(json))).toHaveLength(2);
  });
});

describe('aliases and lookup', () => {
  test('the first connection of a kind is the default; later ones take their id as alias', () => {
    const stack = newStack();
    const a = datadog(stack, 'Main');
    const b = datadog(stack, 'Second');
    const json = synthStack(stack);
    expect(a.alias).toBeUndefined();
    expect(b.alias).toBe('Second');
    expect(json.provider.datadog.map((p: any) => p.alias)).toEqual([undefined, 'Second']);
    expect(DatadogConnection.of(stack)).toBe(a);
    expect(DatadogConnection.of(stack, 'Second')).toBe(b);
  });

  test('two connections of the same kind with the same alias fail', () => {
    const stack = newStack();
    datadog(stack, 'A', { alias: 'eu' });
    expect(() => datadog(stack, 'B', { alias: 'eu' }))
      .toThrow("test/B: 'alias' must be an alias not used by another datadog connection in stack test (taken: eu); received \"eu\"");
  });

  test('connections of different kinds may share an alias', () => {
    const stack = newStack();
    datadog(stack, 'A', { alias: 'prod' });
    expect(() => new AwsConnection(stack, 'B', { region: 'eu-west-1', alias: 'prod' })).not.toThrow();
  });

  test('an alias Terraform rejects fails', () => {
    expect(() => datadog(newStack(), 'A', { alias: 'has space' }))
      .toThrow("test/A: 'alias' must be a provider alias: a letter, then up to 63 letters, digits, _ or -; received \"has space\"");
  });

  test('of() from a nested construct finds the stack connection; a missing one fails clearly', () => {
    const stack = newStack();
    const conn = new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
    const nested = new Construct(stack, 'Team');
    const deeper = new Construct(nested, 'Service');
    expect(AwsConnection.of(deeper)).toBe(conn);
    expect(() => GrafanaConnection.of(deeper)).toThrow("test/Team/Service: 'grafana connection' must be exactly one grafana connection in stack test, one without alias, or an explicit alias (none); received \"none in the stack\"");
    expect(() => AwsConnection.of(deeper, 'nope')).toThrow("test/Team/Service: 'alias' must be the alias of a aws connection in stack test ((default)); received \"nope\"");
  });

  test('lookups do not cross stacks', () => {
    const app = Testing.app();
    const s1 = new TerraformStack(app, 's1');
    const s2 = new TerraformStack(app, 's2');
    new AwsConnection(s1, 'Aws', { region: 'eu-west-1' });
    expect(() => AwsConnection.of(s2)).toThrow(/s2: 'aws connection' must be exactly one aws connection in stack s2/);
    // the same construct id and no alias is fine in another stack
    expect(new AwsConnection(s2, 'Aws', { region: 'eu-west-1' }).alias).toBeUndefined();
  });

  test('allInStack lists every connection with its kind', () => {
    const stack = newStack();
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
    datadog(stack);
    new SlackConnection(stack, 'Slack');
    const all = IntegrationConnection.allInStack(stack);
    expect(all.map((c) => c.kind)).toEqual(['aws', 'datadog', 'slack']); // in the order created
    expect(all.every((c) => IntegrationConnection.isIntegrationConnection(c))).toBe(true);
  });
});

describe('AwsConnection', () => {
  test('configures region, assume role with external id, allowed account and default tags', () => {
    const stack = newStack();
    const conn = new AwsConnection(stack, 'Aws', {
      region: 'eu-central-1',
      accountId: '123456789012',
      assumeRoleArn: 'arn:aws:iam::123456789012:role/deployer',
      externalId: 'ext-123',
      sessionName: 'cdktf',
      defaultTags: { 'team': 'platform', 'cost-center': '42' },
    });
    const json = synthStack(stack);
    expect(json.provider.aws).toEqual([{
      region: 'eu-central-1',
      allowed_account_ids: ['123456789012'],
      assume_role: [{ role_arn: 'arn:aws:iam::123456789012:role/deployer', external_id: 'ext-123', session_name: 'cdktf' }],
      default_tags: [{ tags: { 'cost-center': '42', 'team': 'platform' } }],
    }]);
    expect(conn.provider).toBeInstanceOf(AwsProvider);
    expect(conn.partition).toBe('aws');
    expect(conn.arn('sns', 'alerts')).toBe('arn:aws:sns:eu-central-1:123456789012:alerts');
    const check = onlyCheck(json, 'Aws_TestConnection');
    expect(check.assert[0].condition).toMatch(/account_id == "123456789012"/);
  });

  test('GovCloud regions are in the aws-us-gov partition', () => {
    expect(new AwsConnection(newStack(), 'Aws', { region: 'us-gov-west-1' }).partition).toBe('aws-us-gov');
  });

  test.each([
    ['arn:aws:iam::123456789012:user/deployer'],
    ['deployer'],
    ['arn:aws:iam::12345:role/deployer'],
  ])('assume-role value %j that is not an IAM role ARN fails', (assumeRoleArn) => {
    expect(() => new AwsConnection(newStack(), 'Aws', { region: 'eu-west-1', assumeRoleArn }))
      .toThrow(`test/Aws: 'assumeRoleArn' must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>); received ${JSON.stringify(assumeRoleArn)}`);
  });

  test('an unknown region fails with the known ones', () => {
    expect(() => new AwsConnection(newStack(), 'Aws', { region: 'eu-west-9' })).toThrow(/test\/Aws: 'region' must be an AWS region \(af-south-1, .*us-west-2\); received "eu-west-9"/);
  });

  test('an external id without a role fails', () => {
    expect(() => new AwsConnection(newStack(), 'Aws', { region: 'eu-west-1', externalId: 'x1' }))
      .toThrow("test/Aws: 'externalId' must be given only together with assumeRoleArn; received \"x1\"");
  });

  test('tag keys under aws: are rejected', () => {
    expect(() => new AwsConnection(newStack(), 'Aws', { region: 'eu-west-1', defaultTags: { 'aws:owner': 'x' } }))
      .toThrow(/test\/Aws: 'defaultTags.aws:owner' must be a tag key/);
  });
});

describe('GrafanaConnection', () => {
  test('token auth configures url, auth and org id and probes /api/health', () => {
    const stack = newStack();
    const conn = new GrafanaConnection(stack, 'Grafana', { url: 'https://grafana.example.com/', auth: GrafanaAuth.serviceAccountToken(v(stack, 'gtoken')) });
    const json = synthStack(stack);
    expect(json.provider.grafana).toEqual([{ url: 'https://grafana.example.com', auth: '${var.gtoken}', org_id: 1 }]);
    expect(json.terraform.required_providers.grafana).toEqual({ source: 'grafana/grafana', version: '~> 4.45' });
    expect(conn.provider).toBeInstanceOf(GrafanaProvider);
    const check = onlyCheck(json, 'Grafana_TestConnection');
    expect(Object.values<any>(check.data.http)[0].url).toBe('https://grafana.example.com/api/health');
  });

  test('basic auth renders user:password', () => {
    const stack = newStack();
    new GrafanaConnection(stack, 'Grafana', { url: 'https://g.example.com', orgId: 3, auth: GrafanaAuth.basic('admin', v(stack, 'gpass')) });
    expect(synthStack(stack).provider.grafana[0]).toMatchObject({ auth: 'admin:${var.gpass}', org_id: 3 });
  });

  test('an empty URL fails', () => {
    const stack = newStack();
    expect(() => new GrafanaConnection(stack, 'Grafana', { url: '', auth: GrafanaAuth.serviceAccountToken(v(stack, 't')) }))
      .toThrow("test/Grafana: 'url' must be an absolute https or http URL with a host; received \"\"");
  });

  test('credentials in the URL fail', () => {
    const stack = newStack();
    expect(() => new GrafanaConnection(stack, 'Grafana', { url: 'https://admin:pw@g.example.com', auth: GrafanaAuth.serviceAccountToken(v(stack, 't')) }))
      .toThrow(/'url' must be an absolute https or http URL with a host and no credentials in it/);
  });

  test('org id 0 fails', () => {
    const stack = newStack();
    expect(() => new GrafanaConnection(stack, 'Grafana', { url: 'https://g.example.com', orgId: 0, auth: GrafanaAuth.serviceAccountToken(v(stack, 't')) }))
      .toThrow("test/Grafana: 'orgId' must be a whole number from 1 to 2147483647; received 0");
  });
});

describe('GitHubConnection', () => {
  test('token auth', () => {
    const stack = newStack();
    const conn = new GitHubConnection(stack, 'GitHub', { owner: 'acme-inc', auth: GitHubAuth.token(v(stack, 'ghtoken')) });
    const json = synthStack(stack);
    expect(json.provider.github).toEqual([{ owner: 'acme-inc', base_url: 'https://api.github.com/', token: '${var.ghtoken}' }]);
    expect(conn.provider).toBeInstanceOf(GithubProvider);
    const probe = Object.values<any>(onlyCheck(json, 'GitHub_TestConnection').data.http)[0];
    expect(probe.url).toBe('https://api.github.com/users/acme-inc');
    expect(probe.request_headers.Authorization).toBeUndefined();
    const tested = newStack();
    new GitHubConnection(tested, 'GitHub', { owner: 'acme-inc', auth: GitHubAuth.token(v(tested, 'ghtoken')), testCredentials: true });
    const authenticated = Object.values<any>(onlyCheck(synthStack(tested), 'GitHub_TestConnection').data.http)[0];
    expect(authenticated.request_headers.Authorization).toBe('Bearer ${var.ghtoken}');
  });

  test('App auth', () => {
    const stack = newStack();
    new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.app({ appId: '1', installationId: '2', privateKey: v(stack, 'pem') }) });
    expect(synthStack(stack).provider.github[0].app_auth).toEqual({ id: '1', installation_id: '2', pem_file: '${var.pem}' });
  });

  test.each(['acme inc', '-acme', 'acme-', 'a--b', 'x'.repeat(40), ''])('owner %j fails', (owner) => {
    const stack = newStack();
    expect(() => new GitHubConnection(stack, 'GitHub', { owner, auth: GitHubAuth.token(v(stack, 't')) }))
      .toThrow(`test/GitHub: 'owner' must be a GitHub user or organization name: 1-39 letters, digits or single hyphens, not starting or ending with a hyphen; received ${JSON.stringify(owner)}`);
  });

  test('a non-numeric App id fails', () => {
    const stack = newStack();
    expect(() => new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.app({ appId: 'abc', installationId: '2', privateKey: v(stack, 'pem') }) }))
      .toThrow("test/GitHub: 'auth.appId' must be a numeric GitHub App id; received \"abc\"");
  });
});

describe('JiraConnection', () => {
  test('Cloud API token: basic header, REST v3, /myself probe', () => {
    const stack = newStack();
    const conn = new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('bot@acme.example', v(stack, 'jtoken')) });
    expect(conn.deployment).toBe(JiraDeployment.CLOUD);
    expect(conn.restApiUrl).toBe('https://acme.atlassian.net/rest/api/3');
    const json = synthStack(stack);
    expect(json.provider).toEqual({ http: [{}] });
    const probe = Object.values<any>(onlyCheck(json, 'Jira_TestConnection').data.http)[0];
    expect(probe).toEqual(expect.objectContaining({ url: 'https://acme.atlassian.net/status' }));
    expect(probe.request_headers).toBeUndefined();
    const tested = newStack();
    new JiraConnection(tested, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('bot@acme.example', v(tested, 'jtoken')), testCredentials: true });
    const authenticated = Object.values<any>(onlyCheck(synthStack(tested), 'Jira_TestConnection').data.http)[0];
    expect(authenticated.url).toBe('https://acme.atlassian.net/rest/api/3/myself');
    expect(authenticated.request_headers.Authorization).toBe('Basic ${base64encode("bot@acme.example:${var.jtoken}")}');
  });

  test('Data Center PAT: bearer header, REST v2', () => {
    const stack = newStack();
    const conn = new JiraConnection(stack, 'Jira', { baseUrl: 'https://jira.acme.example', auth: JiraAuth.personalAccessToken(v(stack, 'pat')) });
    expect(conn.deployment).toBe(JiraDeployment.DATA_CENTER);
    expect(conn.restApiUrl).toBe('https://jira.acme.example/rest/api/2');
    expect(conn.authorizationHeader).toMatch(/^Bearer /);
  });

  test('OAuth client credentials: api.atlassian.com base, /status probe', () => {
    const stack = newStack();
    const conn = new JiraConnection(stack, 'Jira', {
      baseUrl: 'https://acme.atlassian.net',
      auth: JiraAuth.oauth2ClientCredentials({ clientId: 'cid', clientSecret: v(stack, 'cs'), cloudId: '11111111-2222-3333-4444-555555555555' }),
    });
    expect(conn.restApiUrl).toBe('https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3');
    expect(conn.tokenUrl).toBe('https://auth.atlassian.com/oauth/token');
    expect(conn.authorizationHeader).toBeUndefined();
    const probe = Object.values<any>(onlyCheck(synthStack(stack), 'Jira_TestConnection').data.http)[0];
    expect(probe.url).toBe('https://acme.atlassian.net/status');
  });

  test('a Jira URL over plain http fails', () => {
    const stack = newStack();
    expect(() => new JiraConnection(stack, 'Jira', { baseUrl: 'http://acme.atlassian.net', auth: JiraAuth.apiToken('a@b.co', v(stack, 't')) }))
      .toThrow("test/Jira: 'baseUrl' must be an absolute https URL with a host; received \"http://acme.atlassian.net\"");
  });

  test('API tokens on Data Center fail', () => {
    const stack = newStack();
    expect(() => new JiraConnection(stack, 'Jira', { baseUrl: 'https://jira.acme.example', auth: JiraAuth.apiToken('a@b.co', v(stack, 't')) }))
      .toThrow("test/Jira: 'auth' must be JiraAuth.personalAccessToken for Jira Data Center (API tokens are a Jira Cloud feature); received \"JiraAuth.apiToken\"");
  });

  test('a bad e-mail fails', () => {
    const stack = newStack();
    expect(() => new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('nobody', v(stack, 't')) }))
      .toThrow("test/Jira: 'auth.email' must be an e-mail address; received \"nobody\"");
  });
});

describe('Slack, PagerDuty and webhook connections', () => {
  test('Slack probes api.test without a token; auth.test with the bot token only when asked', () => {
    const stack = newStack();
    new SlackConnection(stack, 'Slack', { workspaceId: 'T0123ABCD', botToken: v(stack, 'slack') });
    new SlackConnection(stack, 'SlackTested', { workspaceId: 'T0123ABCD', botToken: v(stack, 'slack2'), testCredentials: true });
    const json = synthStack(stack);
    const probe = Object.values<any>(onlyCheck(json, 'Slack_TestConnection').data.http)[0];
    expect(probe).toEqual(expect.objectContaining({ url: 'https://slack.com/api/api.test', method: 'POST' }));
    expect(probe.request_headers).toBeUndefined();
    const tested = Object.values<any>(onlyCheck(json, 'SlackTested_TestConnection').data.http)[0];
    expect(tested).toMatchObject({ url: 'https://slack.com/api/auth.test', method: 'POST', request_headers: { Authorization: 'Bearer ${var.slack2}' } });
    expect(() => new SlackConnection(newStack(), 'NoToken', { testCredentials: true }))
      .toThrow("test/NoToken: 'testCredentials' must be false: this slack connection has no credential to test at plan time; received true");
  });

  test('Slack workspace id is validated', () => {
    expect(() => new SlackConnection(newStack(), 'Slack', { workspaceId: 'general' }))
      .toThrow("test/Slack: 'workspaceId' must be a Slack workspace id such as T01234567; received \"general\"");
  });

  test('PagerDuty EU region endpoints and token probe', () => {
    const stack = newStack();
    const pd = new PagerDutyConnection(stack, 'PD', { region: PagerDutyRegion.EU, apiToken: v(stack, 'pd') });
    expect(pd.apiUrl).toBe('https://api.eu.pagerduty.com');
    expect(pd.eventsUrl).toBe('https://events.eu.pagerduty.com/v2/enqueue');
    const probe = Object.values<any>(onlyCheck(synthStack(stack), 'PD_TestConnection').data.http)[0];
    expect(probe.url).toBe('https://api.eu.pagerduty.com/abilities');
    expect(probe.request_headers.Authorization).toBeUndefined();
    const tested = newStack();
    new PagerDutyConnection(tested, 'PD', { region: PagerDutyRegion.EU, apiToken: v(tested, 'pd'), testCredentials: true });
    expect(Object.values<any>(onlyCheck(synthStack(tested), 'PD_TestConnection').data.http)[0].request_headers.Authorization).toBe('Token token=${var.pd}');
  });

  test('PagerDuty rejects an unknown region', () => {
    expect(() => new PagerDutyConnection(newStack(), 'PD', { region: 'AP' as any })).toThrow("test/PD: 'region' must be PagerDutyRegion.US or PagerDutyRegion.EU; received \"AP\"");
  });

  test.each([
    ['none', () => WebhookAuth.none(), {}],
    ['basic', (s: TerraformStack) => WebhookAuth.basic('u', v(s, 'p')), { Authorization: 'Basic ${base64encode("u:${var.p}")}' }],
    ['bearer', (s: TerraformStack) => WebhookAuth.bearer(v(s, 'p')), { Authorization: 'Bearer ${var.p}' }],
    ['api key', (s: TerraformStack) => WebhookAuth.apiKeyHeader('X-Api-Key', v(s, 'p')), { 'X-Api-Key': '${var.p}' }],
    ['hmac', (s: TerraformStack) => WebhookAuth.hmacSignature(v(s, 'p')), {}],
  ])('webhook auth %s sends the right headers', (_name, auth, headers) => {
    const stack = newStack();
    const hook = new WebhookConnection(stack, 'Hook', { url: 'https://hooks.example.com/in', auth: (auth as any)(stack), testCredentials: Object.keys(headers).length > 0 });
    const json = synthStack(stack);
    const probe = Object.values<any>(onlyCheck(json, 'Hook_TestConnection').data.http)[0];
    expect(probe.request_headers ?? {}).toEqual(headers);
    expect(probe.url).toBe('https://hooks.example.com/in');
    expect(onlyCheck(json, 'Hook_TestConnection').assert[0].condition).toMatch(/status_code < 500/);
    expect(Object.keys(Testing.synth(stack) ? hook.authHeaders : {})).toEqual(Object.keys(headers));
  });

  test('webhook over http fails; a header name with spaces fails', () => {
    const stack = newStack();
    expect(() => new WebhookConnection(stack, 'A', { url: 'http://hooks.example.com' }))
      .toThrow("test/A: 'url' must be an absolute https URL with a host; received \"http://hooks.example.com\"");
    expect(() => new WebhookConnection(stack, 'B', { url: 'https://hooks.example.com', auth: WebhookAuth.apiKeyHeader('X Key', v(stack, 'k')) }))
      .toThrow("test/B: 'auth.headerName' must be an HTTP header name; received \"X Key\"");
  });
});

test('every validation error is recognisable as such', () => {
  let err: unknown;
  try {
    new AwsConnection(newStack(), 'Aws', { region: 'nowhere' });
  } catch (e) {
    err = e;
  }
  expect(Errors.isValidationError(err)).toBe(true);
  expect(Errors.isValidationError(new Error('x'))).toBe(false);
  expect((err as any).constructPath).toBe('test/Aws');
  expect((err as any).prop).toBe('region');
  expect((err as any).received).toBe('"nowhere"');
});
