import Ajv from 'ajv';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsConnection, DashboardBackend, DatadogConnection, DatadogExport, Errors, GitHubAuth, GitHubConnection, GitHubRepository, GitOpsPipeline,
  GrafanaAuth, GrafanaConnection, GrafanaFolder, IIntegration, IntegrationCatalog, IntegrationDescription, IntegrationHealthKind, Integrations,
  IntegrationStatus, ComparisonOperator, JiraAuth, JiraConnection, JiraWorkflow, MonitorBackend, NotificationTarget, Secret, Severity, Signal,
  SlackConnection, Webhook, WebhookAuth, WebhookConnection, WebhookPayload,
} from '../../src';
import { newStack, synthApp, synthStack } from '../support/synth';

const v = (stack: TerraformStack, name: string) => Secret.fromTerraformVariable(stack, `Var_${name}`, { variableName: name });

/** A realistic app: every kind of integration the library has, in one stack. */
function realistic(stack: TerraformStack, exportProps: { healthBackends?: any[] } = {}) {
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
  const datadog = new DatadogConnection(stack, 'Datadog', { apiKey: v(stack, 'dd_api'), appKey: v(stack, 'dd_app') });
  new GrafanaConnection(stack, 'Grafana', { url: 'https://grafana.example.com', auth: GrafanaAuth.serviceAccountToken(v(stack, 'grafana_token')) });
  const github = new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(v(stack, 'github_token')) });
  new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('bot@acme.example', v(stack, 'jira_token')) });
  new SlackConnection(stack, 'Slack', { testConnection: false });
  const receiver = new WebhookConnection(stack, 'Receiver', { url: 'https://hooks.example.com/secret-path/alerts?token=abc', auth: WebhookAuth.bearer(v(stack, 'hook_token')) });
  const exp = new DatadogExport(stack, 'Export', { includeFilters: [{ namespace: 'AWS/Lambda' }], ...exportProps });
  const hook = new Webhook(stack, 'Alerts', { name: 'alerts', payload: WebhookPayload.fromJsonTemplate('{"text": "{{title}}"}'), datadog: {}, eventBridge: {} });
  const ddOnly = new Webhook(stack, 'DdOnly', { name: 'dd-only', payload: WebhookPayload.fromJsonTemplate('{"text": "{{title}}"}'), datadog: {} });
  const jira = new JiraWorkflow(stack, 'Incidents', {
    name: 'ops', projectKey: 'OPS', automationWebhookUrl: v(stack, 'automation_url'), automationWebhookToken: v(stack, 'automation_token'), cloudWatch: {}, grafana: {},
  });
  const repo = new GitHubRepository(stack, 'Repo', { name: 'iac' });
  repo.addWebhook('deploys', { endpoint: receiver, events: ['deployment'], signingSecret: v(stack, 'gh_signing') });
  const pipeline = new GitOpsPipeline(stack, 'Pipeline', { stacks: [stack.node.id], githubRepository: repo, applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'] });
  return { aws, datadog, github, receiver, exp, hook, ddOnly, jira, repo, pipeline };
}

function catalogApp(props: ConstructorParameters<typeof IntegrationCatalog>[2] = {}, exportProps = {}) {
  const stack = newStack();
  const parts = realistic(stack, exportProps);
  const catalog = new IntegrationCatalog(stack, 'Catalog', props);
  return { stack, catalog, ...parts };
}

const byId = (catalog: IntegrationCatalog) => Object.fromEntries(catalog.integrations.map((i) => [i.id, i]));
const manifestOf = (catalog: IntegrationCatalog, id: string) => catalog.manifest.integrations.find((i: any) => i.id === id);

describe('finding integrations', () => {
  test('finds every kind of integration of the stack, sorted by id', () => {
    const { catalog } = catalogApp();
    expect(catalog.integrations.map((i) => i.id)).toEqual([
      'connection.aws/default',
      'connection.datadog/default',
      'connection.github/default',
      'connection.grafana/default',
      'connection.jira/default',
      'connection.slack/default',
      'connection.webhook/default',
      'datadog-export/datadog-metrics-eu-west-1',
      'github-repository/acme/iac',
      'gitops-pipeline/acme/iac',
      'jira-workflow/ops',
      'webhook/alerts',
      'webhook/dd-only',
    ]);
  });

  test('integrations created after the catalog are found (it looks just before synthesis)', () => {
    const stack = newStack();
    const catalog = new IntegrationCatalog(stack, 'Catalog');
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
    const json = synthStack(stack);
    expect(Object.keys(json.output)).toEqual(['integration_connection_aws_default']);
    expect(catalog.integrations.map((i) => i.id)).toEqual(['connection.aws/default']);
  });

  test('integrations of other stacks are not in the catalog', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    new AwsConnection(a, 'Aws', { region: 'eu-west-1' });
    new AwsConnection(b, 'Aws', { region: 'us-east-1' });
    const catalog = new IntegrationCatalog(a, 'Catalog');
    expect(catalog.integrations.map((i) => i.integration.node.path)).toEqual(['a/Aws']);
  });

  test('a plugin integration is found by its marker, with no change to the catalog', () => {
    const stack = newStack();
    new Legacy(stack, 'Legacy', 'billing-sync');
    const catalog = new IntegrationCatalog(stack, 'Catalog');
    expect(catalog.integrations.map((i) => [i.id, i.status])).toEqual([['legacy-sftp/billing-sync', IntegrationStatus.NO_HEALTH_SIGNAL]]);
    expect(Integrations.isIntegration(new Construct(stack, 'Plain'))).toBe(false);
  });
});

describe('health signals', () => {
  test('a connection is checked by its plan-time check, or has no health signal without one', () => {
    const { catalog } = catalogApp();
    const aws = byId(catalog)['connection.aws/default'];
    expect(aws.status).toBe(IntegrationStatus.CHECKED);
    expect(aws.description.health.map((h) => [h.name, h.kind])).toEqual([['connectivity', IntegrationHealthKind.CONNECTIVITY]]);
    const slack = manifestOf(catalog, 'connection.slack/default');
    expect(slack.health).toBe('none');
    expect(slack.reason).toBe('testConnection is off: nothing probes the endpoint');
    expect(manifestOf(catalog, 'connection.aws/default').health[0].checkedBy).toEqual([
      { type: 'plan-check', system: 'terraform', address: expect.stringMatching(/^check\.Aws_TestConnection_[A-F0-9]+$/) },
    ]);
  });

  test('the DatadogExport health checks are referenced, never alarmed twice', () => {
    const { catalog, stack, exp } = catalogApp({ monitorBackends: [MonitorBackend.cloudwatch()] });
    const e = byId(catalog)['datadog-export/datadog-metrics-eu-west-1'];
    expect(e.description.health.map((h) => [h.name, h.kind])).toEqual([
      ['delivery-errors-cloudwatch', IntegrationHealthKind.ERROR_RATE],
      ['data-freshness-cloudwatch', IntegrationHealthKind.FRESHNESS],
      ['throttling-cloudwatch', IntegrationHealthKind.THROTTLING],
      ['failed-data-cloudwatch', IntegrationHealthKind.DEAD_LETTERS],
    ]);
    expect(e.status).toBe(IntegrationStatus.CHECKED);
    expect(e.monitors).toEqual({});
    const json = synthStack(stack);
    const freshness = manifestOf(catalog, e.id).health.find((h: any) => h.name === 'data-freshness-cloudwatch');
    const alarm = exp.healthChecks.find((h) => h.kind === 'DATA_FRESHNESS')!.monitor.rendering('CloudWatch').resource;
    expect(freshness.checkedBy).toEqual([{ type: 'integration-alarm', system: 'cloudwatch', address: `aws_cloudwatch_metric_alarm.${stack.getLogicalId(alarm)}` }]);
    expect(json.resource.aws_cloudwatch_metric_alarm[stack.getLogicalId(alarm)]).toBeDefined();
    expect(freshness).toMatchObject({ kind: 'FRESHNESS', comparison: '>', missingData: 'BREACHING', signal: { kind: 'CLOUDWATCH_METRIC', statistic: 'Maximum' } });
    expect(freshness.signal.dimensions.DeliveryStreamName).toMatch(/^\$\{aws_kinesis_firehose_delivery_stream\.[^.]+\.name\}$/);
  });

  test('an export without health backends is unchecked until the catalog monitors its signals', () => {
    const unchecked = catalogApp({}, { healthBackends: [] }).catalog;
    expect(byId(unchecked)['datadog-export/datadog-metrics-eu-west-1'].status).toBe(IntegrationStatus.UNCHECKED);
    const { catalog } = catalogApp({ monitorBackends: [MonitorBackend.cloudwatch()] }, { healthBackends: [] });
    const e = byId(catalog)['datadog-export/datadog-metrics-eu-west-1'];
    expect(Object.keys(e.monitors)).toEqual(['delivery-errors', 'data-freshness', 'throttling']);
    expect(e.status).toBe(IntegrationStatus.CHECKED);
  });

  test('webhook and Jira dead letters are alarmed by the integration, their retries by the catalog', () => {
    const { catalog, hook, jira, stack } = catalogApp({ monitorBackends: [MonitorBackend.cloudwatch()] });
    const w = byId(catalog)['webhook/alerts'];
    expect(w.description.health.map((h) => [h.name, h.kind, !!h.alarm])).toEqual([
      ['dead-letters', IntegrationHealthKind.DEAD_LETTERS, true],
      ['retries-alarms', IntegrationHealthKind.ERROR_RATE, false],
    ]);
    expect(w.description.health[0].alarm!.resource).toBe(hook.deadLetterAlarm);
    expect(Object.keys(w.monitors)).toEqual(['retries-alarms']);
    const j = byId(catalog)['jira-workflow/ops'];
    expect(j.description.health[0].alarm!.resource).toBe(jira.deadLetterAlarm);
    expect(Object.keys(j.monitors)).toEqual(['retries-create', 'retries-sync']);
    const json = synthStack(stack);
    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    const retries = alarms.filter((a) => a.metric_name === 'RetryInvocationAttempts');
    expect(retries.map((a) => a.alarm_name).sort()).toEqual([
      'Integration jira-workflow/ops: retries-create',
      'Integration jira-workflow/ops: retries-sync',
      'Integration webhook/alerts: retries-alarms',
    ]);
    expect(retries[0]).toMatchObject({ namespace: 'AWS/Events', statistic: 'Sum', threshold: 0, comparison_operator: 'GreaterThanThreshold', evaluation_periods: 3, period: 300 });
    expect(retries.every((a) => /^\$\{aws_cloudwatch_event_rule\.[^.]+\.name\}$/.test(a.dimensions.RuleName))).toBe(true);
    // the dead-letter alarms are the integrations' own: one per integration, none from the catalog
    expect(alarms.filter((a) => a.metric_name === 'ApproximateNumberOfMessagesVisible')).toHaveLength(2);
  });

  test('a disabled export has no health signal, and no resources to name', () => {
    const stack = newStack();
    new DatadogExport(stack, 'Export', { enabled: false });
    const catalog = new IntegrationCatalog(stack, 'Catalog');
    const m = manifestOf(catalog, 'datadog-export/datadog-metrics');
    expect(m).toMatchObject({ health: 'none', status: 'no-health-signal', resources: {}, connections: [], reason: 'the export is disabled (enabled: false): there is no pipeline' });
    expect(synthStack(stack).output.integration_datadog_export_datadog_metrics.value.status).toBe('no-health-signal');
  });

  test('names that differ only in characters ids cannot hold get distinct outputs', () => {
    const stack = newStack();
    new Legacy(stack, 'A', 'a.b');
    new Legacy(stack, 'B', 'a_b');
    new IntegrationCatalog(stack, 'Catalog');
    expect(Object.keys(synthStack(stack).output).sort()).toEqual(['integration_legacy_sftp_a_b', 'integration_legacy_sftp_a_b_2']);
  });

  test('integrations without a health signal say why', () => {
    const { catalog } = catalogApp();
    for (const id of ['webhook/dd-only', 'github-repository/acme/iac', 'gitops-pipeline/acme/iac']) {
      const m = manifestOf(catalog, id);
      expect(m.health).toBe('none');
      expect(m.status).toBe('no-health-signal');
      expect(m.reason.length).toBeGreaterThan(20);
    }
  });
});

describe('monitors', () => {
  test('catalog monitors are routed by severity like any other monitor', () => {
    const stack = newStack();
    realistic(stack);
    const page = NotificationTarget.email({ id: 'pager', address: 'pager@acme.example', severities: [Severity.SEV1, Severity.SEV2] });
    const ticket = NotificationTarget.email({ id: 'tickets', address: 'tickets@acme.example', severities: [Severity.SEV3] });
    const catalog = new IntegrationCatalog(stack, 'Catalog', { monitorBackends: [MonitorBackend.cloudwatch()], targets: [page, ticket], severity: Severity.SEV3 });
    const json = synthStack(stack);
    const retries = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).filter((a) => a.metric_name === 'RetryInvocationAttempts');
    const topics = Object.entries<any>(json.resource.aws_sns_topic_subscription).map(([, s]) => s.endpoint);
    expect(topics).toEqual(['tickets@acme.example']);
    for (const a of retries) expect(a.alarm_actions).toHaveLength(1);
    expect(byId(catalog)['webhook/alerts'].monitors['retries-alarms'].severity).toBe(Severity.SEV3);
  });

  test('monitors render on the named backends that evaluate the signal', () => {
    // The retries are AWS/Events metrics, which Datadog's AWS integration does not publish: only
    // CloudWatch monitors them. The export's Firehose metrics Datadog publishes: both do, the
    // delivery stream named by reference (Terraform lower-cases it into Datadog's tag filter).
    const { stack, catalog } = catalogApp({ monitorBackends: [MonitorBackend.cloudwatch(), MonitorBackend.datadog()] }, { healthBackends: [] });
    const json = synthStack(stack);
    expect(manifestOf(catalog, 'webhook/alerts').health[1].checkedBy.map((c: any) => c.system)).toEqual(['cloudwatch']);
    const dd = Object.values<any>(json.resource.datadog_monitor ?? {});
    expect(dd.map((m) => m.name).sort()).toEqual([
      'Integration datadog-export/datadog-metrics-eu-west-1: data-freshness',
      'Integration datadog-export/datadog-metrics-eu-west-1: delivery-errors',
      'Integration datadog-export/datadog-metrics-eu-west-1: throttling',
    ]);
    for (const m of dd) expect(m.query).toMatch(/\{deliverystreamname:\$\{lower\(aws_kinesis_firehose_delivery_stream\.[^}]+\.name\)\}\}/);
    const exp = manifestOf(catalog, 'datadog-export/datadog-metrics-eu-west-1');
    expect(exp.health.map((h: any) => h.checkedBy.map((c: any) => c.system))).toEqual([['cloudwatch', 'datadog'], ['cloudwatch', 'datadog'], ['cloudwatch', 'datadog']]);
  });

  test('a Datadog monitor for a signal Datadog can query', () => {
    const stack = newStack();
    new DatadogConnection(stack, 'Datadog', { apiKey: v(stack, 'dd_api'), appKey: v(stack, 'dd_app'), testConnection: false });
    new Legacy(stack, 'Legacy', 'orders', {
      health: [{
        name: 'lag',
        kind: IntegrationHealthKind.FRESHNESS,
        description: 'the order sync lags',
        signal: Signal.datadogQuery({ query: 'max:orders.sync.lag{*}' }),
        comparison: ComparisonOperator.GREATER_THAN,
        threshold: 600,
      }],
    });
    const catalog = new IntegrationCatalog(stack, 'Catalog', { monitorBackends: [MonitorBackend.cloudwatch(), MonitorBackend.datadog()] });
    const json = synthStack(stack);
    expect(Object.values<any>(json.resource.datadog_monitor).map((m) => [m.name, m.query])).toEqual([
      ['Integration legacy-sftp/orders: lag', 'avg(last_5m):max:orders.sync.lag{*} > 600'],
    ]);
    expect(json.resource.aws_cloudwatch_metric_alarm).toBeUndefined();
    expect(byId(catalog)['legacy-sftp/orders'].status).toBe(IntegrationStatus.CHECKED);
  });
});

describe('status dashboards', () => {
  function dashboards() {
    const stack = newStack();
    const parts = realistic(stack);
    const folder = new GrafanaFolder(stack, 'Folder', { title: 'Integrations' });
    const catalog = new IntegrationCatalog(stack, 'Catalog', {
      dashboardBackends: [DashboardBackend.datadog(), DashboardBackend.grafana({ folder, datasourceUid: 'cw' }), DashboardBackend.cloudwatch({ connection: parts.aws })],
    });
    const json = synthStack(stack);
    return { json, catalog };
  }

  test('one dashboard per backend, one row per integration', () => {
    const { json, catalog } = dashboards();
    expect(catalog.dashboards.map((d) => d.node.id)).toEqual(['DashboardDatadog', 'DashboardGrafana', 'DashboardCloudWatch']);
    const dd = JSON.parse(Object.values<any>(json.resource.datadog_dashboard_json)[0].dashboard);
    expect(dd.title).toBe('Integrations of test');
    expect(dd.widgets.map((w: any) => w.definition.title)).toEqual(catalog.integrations.map((i) => `${i.description.kind}: ${i.description.name}`));
    const grafana = JSON.parse(Object.values<any>(json.resource.grafana_dashboard)[0].config_json);
    expect(grafana.panels.filter((p: any) => p.type === 'row')).toHaveLength(13);
    const cw = JSON.parse(Object.values<any>(json.resource.aws_cloudwatch_dashboard)[0].dashboard_body);
    expect(cw.widgets.filter((w: any) => w.type === 'text' && /^## /.test(w.properties.markdown))).toHaveLength(13);
  });

  test('an integration without signal gets a text saying so; signals are charted where the backend draws them', () => {
    const { json } = dashboards();
    const dd = JSON.parse(Object.values<any>(json.resource.datadog_dashboard_json)[0].dashboard);
    const group = (title: string) => dd.widgets.find((w: any) => w.definition.title === title).definition.widgets;
    const repo = group('github-repository: acme/iac');
    expect(repo).toHaveLength(1);
    expect(repo[0].definition.type).toBe('note');
    expect(repo[0].definition.content).toContain('No health signal: GitHub reports webhook deliveries only through its REST API');
    // On Datadog the dead-letter queue (named by reference) is charted; the retries (AWS/Events,
    // which Datadog does not publish) are not: the text lists the signals and what checks them.
    const hook = group('webhook: alerts');
    expect(hook.map((w: any) => w.definition.type)).toEqual(['note', 'timeseries']);
    expect(hook[1].definition.requests[0].q).toMatch(/aws\.sqs\.approximate_number_of_messages_visible\{queuename:\$\{lower\(aws_sqs_queue\.[^}]+\.name\)\}\}/);
    expect(hook[0].definition.content).toContain('- dead-letters (DEAD_LETTERS) when CloudWatch metric AWS/SQS/ApproximateNumberOfMessagesVisible > 0: checked by its alarm (cloudwatch)');
    const grafana = JSON.parse(Object.values<any>(json.resource.grafana_dashboard)[0].config_json);
    expect(grafana.panels.filter((p: any) => p.type === 'timeseries').map((p: any) => p.title)).toContain(
      'dead-letters: Webhook alerts: deliveries failed after all retries and are in the dead-letter queue');
    const cw = JSON.parse(Object.values<any>(json.resource.aws_cloudwatch_dashboard)[0].dashboard_body);
    const metrics = cw.widgets.filter((w: any) => w.type === 'metric').map((w: any) => w.properties.metrics[0].slice(0, 2).join(' '));
    expect(metrics).toContain('AWS/SQS ApproximateNumberOfMessagesVisible');
    expect(metrics).toContain('AWS/Firehose DeliveryToHttpEndpoint.DataFreshness');
  });
});

describe('outputs', () => {
  test('one output per integration, values built from references', () => {
    const { stack, hook } = catalogApp({ monitorBackends: [MonitorBackend.cloudwatch()] });
    const json = synthStack(stack);
    expect(Object.keys(json.output).filter((k) => k.startsWith('integration_'))).toHaveLength(13);
    const out = json.output.integration_webhook_alerts.value;
    expect(out).toMatchObject({ kind: 'webhook', name: 'alerts', status: 'checked', systems: ['aws', 'datadog', 'webhook'] });
    expect(out.resources.deadLetterQueue).toBe(`\${aws_sqs_queue.${stack.getLogicalId(hook.deadLetterQueue!)}.arn}`);
    expect(out.health['dead-letters'].checked_by.integration_alarm).toBe(`\${aws_cloudwatch_metric_alarm.${stack.getLogicalId(hook.deadLetterAlarm!)}.arn}`);
    expect(out.health['retries-alarms'].checked_by.catalog_monitor_CloudWatch).toMatch(/^\$\{aws_cloudwatch_metric_alarm\.Catalog_Monitor_webhook_alerts_retries_alarms_CloudWatch_[^.]+\.id\}$/);
    expect(json.output.integration_github_repository_acme_iac.value.reason).toContain('REST API');
  });

  test('outputs: false creates none', () => {
    const { stack } = catalogApp({ outputs: false });
    expect(Object.keys(synthStack(stack).output ?? {}).filter((k) => k.startsWith('integration_'))).toEqual([]);
  });
});

describe('manifest', () => {
  test('is valid against its published schema', () => {
    const { catalog } = catalogApp({ monitorBackends: [MonitorBackend.cloudwatch()] });
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(IntegrationCatalog.manifestSchema());
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(catalog.manifest)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
    // and the schema rejects what it should
    const broken = JSON.parse(catalog.manifestJson);
    delete broken.integrations[0].status;
    broken.integrations[1].health = 'none';
    expect(validate(broken)).toBe(false);
    expect((validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)).toEqual(expect.arrayContaining([
      "/integrations/0 must have required property 'status'",
      "/integrations/1 must have required property 'reason'",
    ]));
  });

  test('describes connections, endpoints (no URL path or query) and secrets by reference', () => {
    const { catalog } = catalogApp();
    const hook = manifestOf(catalog, 'connection.webhook/default');
    expect(hook.endpoint).toEqual({ auth: 'BEARER', host: 'hooks.example.com' });
    expect(hook.secrets).toEqual([{ role: 'auth', source: 'TERRAFORM_VARIABLE', path: 'test/Var_hook_token', variable: 'hook_token' }]);
    expect(catalog.manifestJson).not.toContain('secret-path');
    expect(catalog.manifestJson).not.toContain('token=abc');
    const jira = manifestOf(catalog, 'jira-workflow/ops');
    expect(jira.connections).toEqual(['connection.aws/default', 'connection.grafana/default', 'connection.jira/default']);
    expect(jira.secrets.map((s: any) => s.role)).toEqual(['automationWebhookToken', 'automationWebhookUrl']);
    expect(manifestOf(catalog, 'github-repository/acme/iac').connections).toEqual(['connection.github/default', 'connection.webhook/default']);
  });

  test('is written next to cdk.tf.json, deterministically', () => {
    const build = (app: App) => {
      const stack = new TerraformStack(app, 'svc');
      realistic(stack);
      new IntegrationCatalog(stack, 'Catalog', { dashboardBackends: [DashboardBackend.datadog()], monitorBackends: [MonitorBackend.cloudwatch()] });
    };
    const first = synthApp(build).files;
    const second = synthApp(build).files;
    const text = first['stacks/svc/integrations.manifest.json'];
    expect(text).toBeDefined();
    expect(second['stacks/svc/integrations.manifest.json']).toBe(text);
    expect(second['stacks/svc/cdk.tf.json']).toBe(first['stacks/svc/cdk.tf.json']);
    const doc = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    const keysSorted = (x: any): boolean => (Array.isArray(x) ? x.every(keysSorted)
      : x && typeof x === 'object' ? Object.keys(x).join() === Object.keys(x).sort().join() && Object.values(x).every(keysSorted) : true);
    expect(keysSorted(doc)).toBe(true);
    expect(doc.stack).toBe('svc');
  });

  test('writeManifest: false and manifestFileName', () => {
    const off = synthApp((app) => {
      const s = new TerraformStack(app, 'a');
      new AwsConnection(s, 'Aws', { region: 'eu-west-1' });
      new IntegrationCatalog(s, 'Catalog', { writeManifest: false });
    }).files;
    expect(Object.keys(off).filter((f) => f.includes('manifest.json') && f !== 'manifest.json')).toEqual([]);
    const named = synthApp((app) => {
      const s = new TerraformStack(app, 'a');
      new AwsConnection(s, 'Aws', { region: 'eu-west-1' });
      new IntegrationCatalog(s, 'Catalog', { manifestFileName: 'catalog.json' });
    }).files;
    expect(JSON.parse(named['stacks/a/catalog.json']).integrations).toHaveLength(1);
  });

  test('canary: no secret value reaches the manifest, the outputs or the dashboards', () => {
    const CANARY = 'CANARY-catalog-7f3e';
    const saved = process.env.TF_VAR_catalog_canary;
    process.env.TF_VAR_catalog_canary = CANARY;
    try {
      const { files } = synthApp((app) => {
        const stack = new TerraformStack(app, 'svc');
        realistic(stack);
        const env = Secret.fromEnvironment(stack, 'Env', { environmentVariable: 'TF_VAR_catalog_canary' });
        new WebhookConnection(stack, 'Second', { url: 'https://second.example.com/x', auth: WebhookAuth.bearer(env) });
        new IntegrationCatalog(stack, 'Catalog', { dashboardBackends: [DashboardBackend.datadog()], monitorBackends: [MonitorBackend.cloudwatch()] });
      });
      const hits = Object.entries(files).filter(([, text]) => text.includes(CANARY)).map(([f]) => f);
      expect(hits).toEqual([]);
      const manifest = JSON.parse(files['stacks/svc/integrations.manifest.json']);
      const second = manifest.integrations.find((i: any) => i.id === 'connection.webhook/Second');
      expect(second.secrets).toEqual([{ role: 'auth', source: 'ENVIRONMENT', path: 'svc/Env', variable: 'catalog_canary', environmentVariable: 'TF_VAR_catalog_canary' }]);
    } finally {
      if (saved === undefined) delete process.env.TF_VAR_catalog_canary;
      else process.env.TF_VAR_catalog_canary = saved;
    }
  });

  test('positive control: an unsafe plain-text secret used as a webhook URL path never reaches the manifest', () => {
    const stack = newStack();
    const unsafe = Secret.unsafePlainText(stack, 'Unsafe', 'https://hooks.example.com/CANARY-unsafe-1234');
    new WebhookConnection(stack, 'Hook', { url: unsafe.value });
    const catalog = new IntegrationCatalog(stack, 'Catalog');
    expect(Testing.synth(stack)).toContain('CANARY-unsafe-1234');
    expect(catalog.manifestJson).not.toContain('CANARY-unsafe-1234');
    expect(manifestOf(catalog, 'connection.webhook/default').secrets).toEqual([]);
  });
});

describe('bad input', () => {
  const error = (f: () => unknown): any => {
    try {
      f();
    } catch (e) {
      expect(Errors.isValidationError(e)).toBe(true);
      return e;
    }
    throw new Error('no error');
  };

  test('an unknown dashboard backend', () => {
    const stack = newStack();
    expect(() => new IntegrationCatalog(stack, 'Catalog', { dashboardBackends: ['datadog' as any] }))
      .toThrow("test/Catalog: 'dashboardBackends[0]' must be IDashboardBackend values (DashboardBackend.datadog(), .grafana({...}), .cloudwatch(), .newRelic()); received \"datadog\"");
    expect(error(() => new IntegrationCatalog(newStack(), 'Catalog', { dashboardBackends: [{ kind: 'x', id: 'X' } as any] })).received)
      .toBe('"x backend X (without render())"');
    expect(() => new IntegrationCatalog(newStack(), 'Catalog', { dashboardBackends: [DashboardBackend.datadog(), DashboardBackend.datadog()] }))
      .toThrow("test/Catalog: 'dashboardBackends[1]' must be backends with distinct ids (give a second backend of a kind its own id); received \"Datadog\"");
    expect(() => new IntegrationCatalog(newStack(), 'Catalog', { dashboardBackends: DashboardBackend.datadog() as any }))
      .toThrow("test/Catalog: 'dashboardBackends' must be a list of IDashboardBackend values");
  });

  test('bad monitor backends, targets, severity, flags and names', () => {
    expect(() => new IntegrationCatalog(newStack(), 'Catalog', { monitorBackends: [null as any] }))
      .toThrow("test/Catalog: 'monitorBackends[0]' must be an element of a list of IMonitorBackend values");
    expect(() => new IntegrationCatalog(newStack(), 'Catalog', { targets: [NotificationTarget.email({ address: 'a@acme.example' })] }))
      .toThrow("test/Catalog: 'targets' must be [] or unset when monitorBackends is empty (the catalog creates no monitors to notify from)");
    expect(() => new IntegrationCatalog(newStack(), 'Catalog', { monitorBackends: [MonitorBackend.cloudwatch()], targets: [{ id: 'x' } as any] }))
      .toThrow("test/Catalog: 'targets[0]' must be an INotificationTarget");
    expect(() => new IntegrationCatalog(newStack(), 'Catalog', { severity: 'P1' as any })).toThrow("test/Catalog: 'severity' must be one of SEV1, SEV2, SEV3, SEV4, SEV5; received \"P1\"");
    expect(() => new IntegrationCatalog(newStack(), 'Catalog', { outputs: 'yes' as any })).toThrow("test/Catalog: 'outputs' must be true or false; received \"yes\"");
    expect(() => new IntegrationCatalog(newStack(), 'Catalog', { manifestFileName: '../x.json' }))
      .toThrow("test/Catalog: 'manifestFileName' must be a file name of letters, digits, ., _ and - ending in .json; received \"../x.json\"");
    expect(() => new IntegrationCatalog(newStack(), 'Catalog', { dashboardTitle: 'a\nb' })).toThrow("test/Catalog: 'dashboardTitle' must be a non-empty title without control characters");
  });

  test('a second catalog in a stack', () => {
    const stack = newStack();
    new IntegrationCatalog(stack, 'One');
    expect(() => new IntegrationCatalog(stack, 'Two')).toThrow("test/Two: 'IntegrationCatalog' must be one IntegrationCatalog per stack (it already has one); received \"test\"");
  });

  test('a duplicate integration name', () => {
    const stack = newStack();
    new Legacy(stack, 'A', 'sync');
    new Legacy(stack, 'B', 'sync');
    const catalog = new IntegrationCatalog(stack, 'Catalog');
    expect(() => catalog.integrations)
      .toThrow("test/Catalog: 'integrations' must be integrations with distinct kind and name (test/A and test/B are both legacy-sftp/sync); received \"legacy-sftp/sync\"");
  });

  test('a plugin whose description is malformed is named in the error', () => {
    const stack = newStack();
    new Legacy(stack, 'A', 'sync', { health: [], noHealthReason: undefined });
    expect(() => new IntegrationCatalog(stack, 'Catalog').integrations)
      .toThrow("test/A: 'describeIntegration().noHealthReason' must be a reason (required when health is empty); received undefined");
    const s2 = newStack();
    new Legacy(s2, 'A', 'sync', { kind: 'Legacy SFTP' });
    expect(() => new IntegrationCatalog(s2, 'Catalog').integrations).toThrow("test/A: 'describeIntegration().kind' must be a kind of lower-case letters");
    const s3 = newStack();
    new Legacy(s3, 'A', 'sync', { health: [{ name: 'x', kind: 'LATENCY' as any, description: 'slow', check: undefined }] });
    expect(() => new IntegrationCatalog(s3, 'Catalog').integrations).toThrow("test/A: 'describeIntegration().health[0].kind' must be one of IntegrationHealthKind.FRESHNESS");
    expect(() => Integrations.mark({} as any)).toThrow("Integrations.mark: 'integration' must be a construct that implements describeIntegration(); received {}");
  });

  test('a catalog with no integration is a warning, not an error', () => {
    const stack = newStack();
    const catalog = new IntegrationCatalog(stack, 'Catalog');
    const json = synthStack(stack);
    expect(json.output).toBeUndefined();
    const warnings = catalog.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warnings).toEqual(['test/Catalog: the stack test has no integration (no connection, export, webhook, workflow, repository or pipeline); the catalog is empty.']);
    expect(catalog.manifest.integrations).toEqual([]);
  });

  test('an integration created after the catalog was read is left out, with a warning', () => {
    const stack = newStack();
    const catalog = new IntegrationCatalog(stack, 'Catalog');
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });
    expect(catalog.integrations).toHaveLength(1);
    new SlackConnection(stack, 'Slack', {});
    synthStack(stack);
    expect(catalog.node.metadata.map((m) => m.data)).toContain(
      'test/Catalog: test/Slack was created after the catalog read its integrations (integrations or manifest was read before) and are not in it.');
  });
});

/** A plugin integration written outside the library. */
class Legacy extends Construct implements IIntegration {
  constructor(scope: Construct, id: string, private readonly name: string, private readonly override: Partial<IntegrationDescription> = {}) {
    super(scope, id);
    Integrations.mark(this);
  }

  public describeIntegration(): IntegrationDescription {
    return { kind: 'legacy-sftp', name: this.name, systems: ['sftp'], health: [], noHealthReason: 'the SFTP drop has no metric', ...this.override };
  }
}
