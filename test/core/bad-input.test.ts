/**
 * Bad input found escaping as TypeError, stack overflow, a cdktf id collision or broken output:
 * each is now the library's ValidationError naming the construct path, the prop and the value.
 */
import { Testing } from 'cdktf';
import {
  Dashboard, DashboardBackend, NotificationTarget, Slo, SloIndicator, Widget,
  AwsMetricsToDatadogStack, GitHubRepositoryStack, IncidentRoutingStack, MonitorBackend, MonitorPresets, ServiceBackend, ServiceMonitoringStack,
  GitOpsPipeline,
  AwsConnection, Signal, Statistic, Webhook, WebhookPayload,
  GitHubAuth, GitHubConnection, GitHubRepository, GitHubSecretValue, Secret, WebhookAuth, WebhookConnection,
  DatadogDashboardImport, DatadogMonitorImport, Errors, GrafanaDashboardImport, ImportSource,
} from '../../src';
import { datadog, grafana } from '../catalog/support';
import { connect, monitor, only } from '../monitors/fixtures';
import { newStack, synthStack } from '../support/synth';

/** Run `f` and return the ValidationError it throws (fails the test on any other outcome). */
export function validationError(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    if (!Errors.isValidationError(e)) throw new Error(`expected a ValidationError, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    return e as Error;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

const nested = (depth: number): any => {
  let v: any = { leaf: true };
  for (let i = 0; i < depth; i++) v = { a: [v] };
  return v;
};

describe('deeply nested import JSON', () => {
  const deep = nested(20_000);
  const deepText = '['.repeat(100_000) + ']'.repeat(100_000);
  test.each([
    ['a Datadog monitor (object)', (s: any) => new DatadogMonitorImport(s, 'Imp', { source: ImportSource.fromObject(deep) })],
    ['a Datadog monitor (string)', (s: any) => new DatadogMonitorImport(s, 'Imp', { source: ImportSource.fromString(deepText) })],
    ['a Datadog dashboard', (s: any) => new DatadogDashboardImport(s, 'Imp', { source: ImportSource.fromObject({ title: 't', widgets: [deep] }) })],
    ['a Grafana dashboard', (s: any) => new GrafanaDashboardImport(s, 'Imp', { source: ImportSource.fromObject({ title: 't', panels: [deep] }) })],
    ['a Grafana dashboard (string)', (s: any) => new GrafanaDashboardImport(s, 'Imp', { source: ImportSource.fromString(`{"title":"t","panels":[${'{"a":['.repeat(5_000)}1${']}'.repeat(5_000)}]}`) })],
  ])('%s is rejected with a depth limit', (_name, build) => {
    const s = newStack();
    datadog(s);
    grafana(s);
    const e = validationError(() => build(s));
    expect(e.message).toMatch(/^test\/Imp: '(monitor|dashboard)' must be a JSON document nested at most 64 levels deep; received <a document nested more than 64 levels deep>$/);
  });

  test('an export nested 60 levels deep is still accepted', () => {
    const s = newStack();
    grafana(s);
    expect(() => new GrafanaDashboardImport(s, 'Imp', { source: ImportSource.fromObject({ title: 't', panels: [], extra: nested(25) }) })).not.toThrow();
  });
});

function gitHubStack() {
  const stack = newStack();
  new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(Secret.fromTerraformVariable(stack, 'Token', { variableName: 'gh_token' })), testConnection: false });
  return stack;
}

describe('GitHubRepository', () => {
  test.each([
    ['topics as a string', { topics: 'cdktf' }, "test/Repo: 'topics' must be a list of topics; received \"cdktf\""],
    ['topics as an object', { topics: { a: 1 } }, "test/Repo: 'topics' must be a list of topics; received {\"a\":1}"],
    ['a null topic', { topics: ['a', null] }, "test/Repo: 'topics[1]' must be an element of a list of topics, not null or undefined; received null"],
    ['branch protections as an object', { branchProtection: { pattern: 'main' } }, "test/Repo: 'branchProtection' must be a list of BranchProtectionOptions; received {\"pattern\":\"main\"}"],
    ['an undefined branch protection', { branchProtection: [undefined] }, "test/Repo: 'branchProtection[0]' must be an element of a list of BranchProtectionOptions, not null or undefined; received undefined"],
    ['status checks as a string', { branchProtection: [{ pattern: 'main', requiredStatusChecks: 'build' }] }, "test/Repo: 'branchProtection[0].requiredStatusChecks' must be a list of status check names; received \"build\""],
    ['environments as a string', { environments: 'prod' }, "test/Repo: 'environments' must be a list of EnvironmentOptions; received \"prod\""],
    ['reviewer ids as a number', { environments: [{ name: 'prod', reviewerUserIds: 5 }] }, "test/Repo: 'environments[0].reviewerUserIds' must be a list of GitHub user ids; received 5"],
    ['a null environment', { environments: [null] }, "test/Repo: 'environments[0]' must be an element of a list of EnvironmentOptions, not null or undefined; received null"],
  ])('%s is a ValidationError', (_name, props, message) => {
    expect(validationError(() => new GitHubRepository(gitHubStack(), 'Repo', { name: 'r', ...(props as any) })).message).toBe(message);
  });

  test('two branch protections with the same pattern', () => {
    expect(validationError(() => new GitHubRepository(gitHubStack(), 'Repo', { name: 'r', branchProtection: [{ pattern: 'main' }, { pattern: 'main' }] })).message)
      .toBe("test/Repo: 'branchProtection[1].pattern' must be a branch name pattern not protected twice in the repository (GitHub keeps one rule per pattern); received \"main\"");
  });

  test('distinct patterns that map to the same construct id both synthesize', () => {
    const stack = gitHubStack();
    new GitHubRepository(stack, 'Repo', { name: 'r', branchProtection: [{ pattern: 'release/*' }, { pattern: 'release-*' }], environments: [{ name: 'prod-1' }, { name: 'prod_1' }] });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.values<any>(json.resource.github_branch_protection).map((b) => b.pattern).sort()).toEqual(['release-*', 'release/*']);
    expect(Object.values<any>(json.resource.github_repository_environment).map((b) => b.environment).sort()).toEqual(['prod-1', 'prod_1']);
  });

  test('the same variable or secret twice', () => {
    const repo = new GitHubRepository(gitHubStack(), 'Repo', { name: 'r', environments: [{ name: 'prod' }] });
    repo.addVariable('REGION', 'eu-west-1');
    expect(validationError(() => repo.addVariable('region', 'us-east-1')).message)
      .toBe("test/Repo: 'variable name' must be an Actions variable name not added twice to the repository (GitHub ignores case); received \"region\"");
    repo.addVariable('REGION', 'eu-west-1', 'prod');
    const secret = GitHubSecretValue.preEncrypted(Secret.fromTerraformVariable(repo, 'S', { variableName: 's' }));
    repo.addSecret('TOKEN', secret);
    expect(validationError(() => repo.addSecret('TOKEN', secret)).message)
      .toBe("test/Repo: 'secret name' must be an Actions secret name not added twice to the repository (GitHub ignores case); received \"TOKEN\"");
    repo.addSecret('TOKEN', secret, 'prod');
    expect(validationError(() => repo.addSecret('TOKEN', secret, 'prod')).message)
      .toBe("test/Repo: 'secret name' must be an Actions secret name not added twice to the environment prod (GitHub ignores case); received \"TOKEN\"");
  });

  test('more than 20 topics, or a topic over 50 characters or with upper case', () => {
    const topics = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(validationError(() => new GitHubRepository(gitHubStack(), 'Repo', { name: 'r', topics })).message)
      .toMatch(/^test\/Repo: 'topics' must be at most 20 topics, as GitHub allows; received \["t0",/);
    expect(() => new GitHubRepository(gitHubStack(), 'Repo', { name: 'r', topics: topics.slice(0, 20) })).not.toThrow();
    for (const t of ['a'.repeat(51), 'Upper', 'under_score', '-lead']) {
      expect(validationError(() => new GitHubRepository(gitHubStack(), 'Repo', { name: 'r', topics: [t] })).message)
        .toMatch(/^test\/Repo: 'topics\[0\]' must be a topic of lower-case letters, digits and hyphens \(at most 50 characters\)/);
    }
  });

  test.each([
    ['a branch pattern', { branchProtection: [{ pattern: 'main\nx' }] }, 'branchProtection[0].pattern'],
    ['an environment name', { environments: [{ name: 'prod\u0007' }] }, 'environments[0].name'],
    ['the default branch', { defaultBranch: 'ma\u0001in' }, 'defaultBranch'],
  ])('a control character in %s is rejected', (_name, props, prop) => {
    const e = validationError(() => new GitHubRepository(gitHubStack(), 'Repo', { name: 'r', ...(props as any) }));
    expect(e.message).toContain(`test/Repo: '${prop}' must be`);
  });

  test('webhook events as a string, and the same webhook id twice', () => {
    const stack = gitHubStack();
    const repo = new GitHubRepository(stack, 'Repo', { name: 'r' });
    const endpoint = new WebhookConnection(stack, 'Hook', { url: 'https://hooks.example.com/in', auth: WebhookAuth.hmacSignature(Secret.fromTerraformVariable(stack, 'H', { variableName: 'h' })) });
    expect(validationError(() => repo.addWebhook('Deploy', { endpoint, events: 'push' as any })).message)
      .toBe("test/Repo: 'webhooks.Deploy.events' must be a list of GitHub events; received \"push\"");
    repo.addWebhook('Deploy', { endpoint, events: ['push'] });
    expect(validationError(() => repo.addWebhook('Deploy', { endpoint, events: ['push'] })).message)
      .toBe("test/Repo: 'webhook id' must be a webhook id not used twice in the repository; received \"Deploy\"");
  });
});

function webhookStack() {
  const stack = newStack();
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new WebhookConnection(stack, 'Receiver', { url: 'https://hooks.example.com/alerts', testConnection: false });
  return stack;
}
const hook = (extra: Record<string, unknown>) => ({
  name: 'alerts', payload: WebhookPayload.fromJsonTemplate('{"t": "{{title}}"}'), eventBridge: {}, allowUnsignedSources: true, ...extra,
}) as any;

describe('Webhook', () => {
  test.each([
    ['CR LF', 'a\r\nX-Injected: 1'], ['LF', 'a\nb'], ['NUL', 'a\u0000'], ['DEL', 'a\u007f'],
  ])('a header value with %s is rejected', (_name, value) => {
    expect(validationError(() => new Webhook(webhookStack(), 'Hook', hook({ headers: { 'X-Team': value } }))).message)
      .toBe(`test/Hook: 'headers.X-Team' must be a header value without CR, LF or other control characters; received ${JSON.stringify(value)}`);
  });

  test('a tab in a header value is allowed (RFC 9110)', () => {
    expect(() => new Webhook(webhookStack(), 'Hook', hook({ headers: { 'X-Team': 'a\tb' } }))).not.toThrow();
  });

  test('an invocation rate over 300 per second', () => {
    expect(validationError(() => new Webhook(webhookStack(), 'Hook', hook({ eventBridge: { invocationRateLimitPerSecond: 1000 } }))).message)
      .toBe("test/Hook: 'eventBridge.invocationRateLimitPerSecond' must be a whole number of invocations per second from 1 to 300 (EventBridge API destinations); received 1000");
  });

  test.each([
    ['an empty alarm action', [''], "test/Hook: 'eventBridge.deadLetterAlarmActions[0]' must be an alarm action ARN (arn:…); received \"\""],
    ['a null alarm action', [null], "test/Hook: 'eventBridge.deadLetterAlarmActions[0]' must be an element of a list of alarm action ARNs, not null or undefined; received null"],
    ['alarm actions as a string', 'arn:aws:sns:eu-west-1:1:x', "test/Hook: 'eventBridge.deadLetterAlarmActions' must be a list of alarm action ARNs; received \"arn:aws:sns:eu-west-1:1:x\""],
    ['six alarm actions', Array.from({ length: 6 }, (_, i) => `arn:aws:sns:eu-west-1:1:t${i}`), /^test\/Hook: 'eventBridge.deadLetterAlarmActions' must be at most 5 alarm actions \(a CloudWatch limit\)/],
  ])('%s', (_name, actions, message) => {
    const e = validationError(() => new Webhook(webhookStack(), 'Hook', hook({ eventBridge: { deadLetterAlarmActions: actions } })));
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });

  test('a control character in the alarm name prefix', () => {
    expect(validationError(() => new Webhook(webhookStack(), 'Hook', hook({ eventBridge: { alarmNamePrefix: 'a\nb' } }))).message)
      .toBe("test/Hook: 'eventBridge.alarmNamePrefix' must be an alarm name prefix of 1-255 characters without control characters; received \"a\\nb\"");
  });
});

describe('URLs', () => {
  test.each(['https://${var.host}/in', 'https://a${x}b.example.com', 'https://x{y}.example.com', 'https://a$b.example.com'])('%s is rejected', (url) => {
    expect(validationError(() => new WebhookConnection(newStack(), 'Receiver', { url, testConnection: false })).message)
      .toBe(`test/Receiver: 'url' must be an absolute https URL with a host (a DNS name or IP address, no \${…} or other template in it); received ${JSON.stringify(url)}`);
  });

  test.each(['https://hooks.example.com/${x}', 'https://[::1]:8443/in', 'https://bücher.example/in', 'https://a_b.example.com'])('%s is accepted', (url) => {
    expect(() => new WebhookConnection(newStack(), 'Receiver', { url, testConnection: false })).not.toThrow();
  });
});

describe('Datadog queries built from CloudWatch dimensions', () => {
  const query = (dimensions: Record<string, string>) => {
    const stack = newStack();
    connect(stack);
    monitor(stack, {
      signal: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions, statistic: Statistic.SUM }),
    });
    return only(synthStack(stack).resource.datadog_monitor).query as string;
  };

  test.each([
    ['a quote', 'check"out', 'functionname:check_out'],
    ['a newline', 'check\nout', 'functionname:check_out'],
    ['braces and a comma', 'a},b{c', 'functionname:a_b_c'],
    ['spaces and a trailing bang', 'My Function !', 'functionname:my_function'],
    ['unicode letters', 'Zähler', 'functionname:zähler'],
  ])('%s in a dimension value becomes the tag Datadog stores', (_name, value, filter) => {
    expect(query({ FunctionName: value })).toBe(`sum(last_5m):sum:aws.lambda.errors{${filter}}.as_count() > 10`);
  });

  test('a dimension name with a space or quote is normalized too', () => {
    expect(query({ 'Function "Name"': 'x' })).toBe('sum(last_5m):sum:aws.lambda.errors{function_name:x}.as_count() > 10');
  });

  test('a value with nothing Datadog keeps is a ValidationError', () => {
    const e = validationError(() => query({ FunctionName: '"\n"' }));
    expect(e.message).toMatch(/^test\/Errors: 'signal' must be a signal the Datadog backend can evaluate: the dimension FunctionName has the value "\\"\\n\\"", which Datadog's tag rules reduce to nothing/);
  });
});

describe('GitOpsPipeline', () => {
  const pipeline = (extra: Record<string, unknown>) => {
    const stack = newStack();
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012', testConnection: false });
    return () => new GitOpsPipeline(stack, 'Pipeline', { stacks: ['test'], repositoryName: 'acme/iac', applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'], ...extra } as any);
  };
  test.each([
    ['stacks as a string', { stacks: 'test' }, "test/Pipeline: 'stacks' must be a list of cdktf stack names; received \"test\""],
    ['a null stack', { stacks: ['test', null] }, "test/Pipeline: 'stacks[1]' must be an element of a list of cdktf stack names, not null or undefined; received null"],
    ['environment secrets as an object', { environmentSecrets: {} }, "test/Pipeline: 'environmentSecrets' must be a list of environment variable names; received {}"],
    ['the same environment secret twice', { environmentSecrets: ['TF_VAR_a', 'TF_VAR_a'] }, "test/Pipeline: 'environmentSecrets[1]' must be an environment variable name not used twice; received \"TF_VAR_a\""],
    ['policy ARNs as a string', { planPolicyArns: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, "test/Pipeline: 'planPolicyArns' must be a list of IAM managed policy ARNs; received \"arn:aws:iam::aws:policy/ReadOnlyAccess\""],
    ['the same policy twice', { applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess', 'arn:aws:iam::aws:policy/PowerUserAccess'] },
      "test/Pipeline: 'applyPolicyArns[1]' must be an IAM managed policy ARN not used twice; received \"arn:aws:iam::aws:policy/PowerUserAccess\""],
    ['a line break in the install command', { installCommand: 'npm ci\nrm -rf /' }, "test/Pipeline: 'installCommand' must be a non-empty command line without control characters (no line breaks); received \"npm ci\\nrm -rf /\""],
  ])('%s is a ValidationError', (_name, extra, message) => {
    expect(validationError(pipeline(extra)).message).toBe(message);
  });
});

describe('template stacks and presets', () => {
  const app = () => Testing.app({ stackTraces: false });
  test.each([
    ['service queues with an undefined element', () => new ServiceMonitoringStack(app(), 's', { service: 'x', backends: [ServiceBackend.DATADOG], datadog: {}, queues: [undefined as any] }),
      "s: 'queues[0]' must be an element of a list of ServiceQueue, not null or undefined; received undefined"],
    ['service backends as a string', () => new ServiceMonitoringStack(app(), 's', { service: 'x', backends: 'DATADOG' as any, datadog: {} }),
      "s: 'backends' must be a non-empty list of ServiceBackend values; received \"DATADOG\""],
    ['routes as an object', () => new IncidentRoutingStack(app(), 'r', { routes: {} as any }),
      "r: 'routes' must be a list of IncidentRoute; received {}"],
    ['route severities as a string', () => new IncidentRoutingStack(app(), 'r', { routes: [{ severities: 'SEV1' as any, email: 'a@b.example' }] }),
      "r: 'routes[0].severities' must be a non-empty list of Severity values (SEV1 … SEV5); received \"SEV1\""],
    ['regions as a string', () => new AwsMetricsToDatadogStack(app(), 'm', { accountId: '123456789012', regions: 'eu-west-1' as any }),
      "m: 'regions' must be a non-empty list of AWS regions; received \"eu-west-1\""],
    ['stack webhooks with an undefined element', () => new GitHubRepositoryStack(app(), 'gh', { owner: 'acme', repository: { name: 'iac' }, webhooks: [undefined as any] }),
      "gh: 'webhooks[0]' must be an element of a list of GitHubStackWebhook, not null or undefined; received undefined"],
    ['two stack webhooks with the same id', () => new GitHubRepositoryStack(app(), 'gh', {
      owner: 'acme',
      repository: { name: 'iac' },
      webhooks: [{ id: 'D', url: 'https://h.example.com/a', events: ['push'] }, { id: 'D', url: 'https://h.example.com/b', events: ['push'] }],
    }), "gh: 'webhooks[1]' must be a webhook id not used twice; received \"D\""],
  ])('%s', (_name, build, message) => {
    expect(validationError(build).message).toBe(message);
  });

  test('a preset title prefix that is not a string', () => {
    const stack = newStack();
    connect(stack, { slack: false });
    expect(validationError(() => MonitorPresets.lambdaFunction(stack, 'Fn', { functionName: 'checkout', maxErrors: 1, maxDurationP99Ms: 1, titlePrefix: {} as any, backends: [MonitorBackend.datadog()] })).message)
      .toBe("test/Fn: 'titlePrefix' must be a non-empty title prefix without control characters; received {}");
  });

  test('a Lambda function name with a line break', () => {
    const stack = newStack();
    connect(stack, { slack: false });
    expect(validationError(() => MonitorPresets.lambdaFunction(stack, 'Fn', { functionName: 'check\rout', maxErrors: 1, maxDurationP99Ms: 1, backends: [MonitorBackend.datadog()] })).message)
      .toBe("test/Fn: 'functionName' must be a Lambda function name (1-64 letters, digits, - or _); received \"check\\rout\"");
  });
});

describe('targets and widgets', () => {
  const monitorWith = (targets: unknown) => {
    const stack = newStack();
    connect(stack, { slack: false });
    return () => monitor(stack, { targets: targets as any });
  };
  test('target severities given as a string', () => {
    expect(validationError(monitorWith([NotificationTarget.email({ address: 'a@b.example', severities: 'SEV1' as any })])).message)
      .toBe("test/Errors: 'targets.email-a-at-b-example.severities' must be a non-empty list of Severity values (SEV1 … SEV5); received \"SEV1\"");
  });
  test('a null target severity', () => {
    expect(validationError(monitorWith([NotificationTarget.email({ address: 'a@b.example', severities: [null as any] })])).message)
      .toBe("test/Errors: 'targets.email-a-at-b-example.severities' must be a non-empty list of Severity values (SEV1 … SEV5); received [null]");
  });
  test('targets given as an object, or with an undefined element', () => {
    expect(validationError(monitorWith({ a: 1 })).message).toBe("test/Errors: 'targets' must be a list of notification targets; received {\"a\":1}");
    expect(validationError(monitorWith([undefined])).message)
      .toBe("test/Errors: 'targets[0]' must be an element of a list of notification targets, not null or undefined; received undefined");
  });
  test('widget thresholds given as a string', () => {
    const stack = newStack();
    connect(stack, { slack: false });
    const widget = Widget.timeSeries({ title: 'x', signals: [Signal.datadogQuery({ query: 'avg:a{*}' })], thresholds: 'x' as any });
    expect(validationError(() => new Dashboard(stack, 'D', { title: 't', backends: [DashboardBackend.datadog()], rows: [{ title: 'r', widgets: [widget] }] })).message)
      .toBe("test/D: 'rows[0].widgets[0].thresholds' must be a list of ThresholdMarker; received \"x\"");
  });
  test('dashboard links given as a string', () => {
    expect(validationError(() => new Dashboard(newStack(), 'D', { title: 't', backends: [DashboardBackend.datadog()], links: 'https://x.example' as any })).message)
      .toBe("test/D: 'links' must be a list of DashboardLink ({ title, url }); received \"https://x.example\"");
  });
  test('a control character in a monitor title or an SLO name', () => {
    const stack = newStack();
    connect(stack, { slack: false });
    expect(validationError(() => monitor(stack, { title: 'errors\u001b[31m' })).message)
      .toBe("test/Errors: 'title' must be a name of 1-255 characters without control characters; received \"errors\\u001b[31m\"");
    expect(validationError(() => new Slo(stack, 'Slo', {
      name: 'avail\nability',
      target: 99.9,
      backends: [MonitorBackend.datadog()],
      indicator: SloIndicator.ratio({ good: Signal.datadogQuery({ query: 'sum:a{ok}.as_count()' }), total: Signal.datadogQuery({ query: 'sum:a{*}.as_count()' }) }),
    })).message).toBe("test/Slo: 'name' must be a name of 1-255 characters without control characters; received \"avail\\nability\"");
  });
});

describe('raw widget definitions', () => {
  const dash = (definition: any) => {
    const stack = newStack();
    connect(stack, { slack: false });
    return () => new Dashboard(stack, 'D', { title: 't', backends: [DashboardBackend.datadog()], rows: [{ title: 'r', widgets: [Widget.raw({ backend: 'datadog', definition })] }] });
  };
  test('nested too deep', () => {
    expect(validationError(dash(nested(20_000))).message)
      .toBe("test/D: 'rows[0].widgets[0].definition' must be a JSON object nested at most 64 levels deep; received <an object nested more than 64 levels deep>");
  });
  test('with a cycle', () => {
    const def: any = { type: 'note' };
    def.self = def;
    expect(validationError(dash(def)).message).toBe("test/D: 'rows[0].widgets[0].definition' must be a JSON object (no cycles, no BigInt); received <an object that JSON cannot represent>");
  });
});
