/**
 * Terraform reads every string as a template. Text a user gives the library (titles, messages,
 * runbook URLs, descriptions, tags, imported JSON) must reach the real system as written: `${`
 * and `%{` are escaped as `$${` and `%%{` wherever they are written, and real references still
 * resolve.
 */
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AlarmRule, AnomalyDirection, BurnRateAlert, AnomalyMonitor, CompositeMonitor, Dashboard, DashboardBackend, DatadogDashboardImport,
  DatadogMonitorImport, GitHubAuth, GitHubConnection, GitHubRepository, GrafanaDashboardImport, GrafanaFolder,
  JiraAuth, JiraConnection, JiraWorkflow, JiraWorkflowTemplate, MonitorBackend, NotificationTarget, Severity, Slo,
  SloIndicator, Signal, Statistic, Webhook, WebhookPayload, Widget,
} from '../../src';
import { allBackends, connect, monitor } from '../monitors/fixtures';
import { newStack, synthApp } from '../support/synth';
import { EXAMPLES } from '../../examples/app';

const INTERPOLATION = '${var.datadog_api_key}';
const DIRECTIVE = '%{ if true }leak%{ endif }';
const TEXT = `see ${INTERPOLATION} and ${DIRECTIVE}`;

/** Every unescaped `${`/`%{` of the canaries in `json` (an escaped one is preceded by `$`/`%`). */
function unescaped(json: string): string[] {
  const found: string[] = [];
  for (const needle of ['${var.datadog_api_key}', '%{ if true }', '%{ endif }']) {
    const quoted = JSON.stringify(needle).slice(1, -1);
    let i = json.indexOf(quoted);
    while (i >= 0) {
      if (json[i - 1] !== needle[0]) found.push(json.slice(Math.max(0, i - 40), i + quoted.length));
      i = json.indexOf(quoted, i + 1);
    }
  }
  return found;
}

function synthJson(build: (stack: TerraformStack) => void): string {
  const stack = newStack();
  build(stack);
  return Testing.synth(stack, true);
}

const CASES: Record<string, (stack: TerraformStack) => void> = {
  'MonitorConfig title, message, runbook URL and tags on every backend': (stack) => {
    const c = connect(stack);
    monitor(stack, {
      title: `errors ${INTERPOLATION}`,
      message: TEXT,
      runbookUrl: `https://runbooks.acme.example/${INTERPOLATION}`,
      tags: { team: 'checkout' },
      backends: allBackends(),
      targets: [NotificationTarget.slack({ channel: 'alerts', channelId: 'C0123ABCD' }), NotificationTarget.webhook({ connection: c.hook })],
    });
  },
  'Slo name and message': (stack) => {
    connect(stack);
    new Slo(stack, 'Slo', {
      name: `orders ${INTERPOLATION}`,
      message: TEXT,
      target: 99.9,
      burnRateAlerts: [BurnRateAlert.page(14.4, 60, 5), BurnRateAlert.ticket(3, 1440, 120)],
      backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
      indicator: SloIndicator.ratio({
        good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'Ok', statistic: Statistic.SUM, datadogMetric: 'checkout.ok' }),
        total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'All', statistic: Statistic.SUM, datadogMetric: 'checkout.all' }),
      }),
    });
  },
  'CompositeMonitor and AnomalyMonitor titles and messages': (stack) => {
    connect(stack);
    const a = monitor(stack, { title: 'a', backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()] }, 'A');
    const b = monitor(stack, { title: 'b', backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()] }, 'B');
    new CompositeMonitor(stack, 'Both', {
      title: `both ${INTERPOLATION}`,
      message: TEXT,
      rule: AlarmRule.allOf(AlarmRule.monitor(a), AlarmRule.monitor(b)),
      backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
      severity: Severity.SEV2,
    });
    new AnomalyMonitor(stack, 'Unusual', {
      title: `unusual ${INTERPOLATION}`,
      message: TEXT,
      direction: AnomalyDirection.BOTH,
      signal: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: { FunctionName: 'f' }, statistic: Statistic.SUM }),
      backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
    });
  },
  'Dashboard title, description, tags, link, row and widget text on every backend': (stack) => {
    const c = connect(stack);
    new Dashboard(stack, 'Board', {
      title: `board ${INTERPOLATION}`,
      description: TEXT,
      tags: [`team:${INTERPOLATION}`],
      links: [{ title: TEXT, url: `https://wiki.acme.example/${INTERPOLATION}` }],
      backends: [DashboardBackend.datadog(), DashboardBackend.cloudwatch(), DashboardBackend.grafana({ connection: c.grafana, datasourceUid: 'cw' })],
      rows: [{
        title: TEXT,
        widgets: [
          Widget.timeSeries({ title: TEXT, signals: [Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'f' }, statistic: Statistic.SUM })] }),
          Widget.text({ markdown: TEXT }),
        ],
      }],
    });
  },
  'GrafanaFolder title': (stack) => {
    const c = connect(stack);
    new GrafanaFolder(stack, 'Folder', { connection: c.grafana, title: TEXT });
  },
  'Webhook name-free texts (payload template, headers)': (stack) => {
    connect(stack);
    new Webhook(stack, 'Hook', {
      name: 'bridge',
      payload: WebhookPayload.fromJsonTemplate(`{"title": "{{title}}", "note": "${TEXT}"}`),
      headers: { 'X-Note': TEXT },
      allowUnsignedSources: true,
      datadog: {},
      grafana: {},
    });
  },
  'JiraWorkflow summary and description templates': (stack) => {
    const c = connect(stack);
    new JiraConnection(stack, 'Jira', { baseUrl: 'https://acme.atlassian.net', auth: JiraAuth.apiToken('a@acme.example', c.v('jira')), testConnection: false });
    new JiraWorkflow(stack, 'Incidents', {
      name: 'ops',
      projectKey: 'OPS',
      automationWebhookUrl: c.v('jira_url'),
      template: JiraWorkflowTemplate.incident({ summaryTemplate: `[{{source}}] {{title}} ${INTERPOLATION}`, descriptionTemplate: TEXT }),
      datadog: {},
    });
  },
  'GitHubRepository description and homepage': (stack) => {
    const c = connect(stack);
    new GitHubConnection(stack, 'GitHub', { owner: 'acme', auth: GitHubAuth.token(c.v('gh')), testConnection: false });
    new GitHubRepository(stack, 'Repo', { name: 'infra', description: TEXT });
  },
  'Importers (Datadog monitor and dashboard, Grafana dashboard)': (stack) => {
    const c = connect(stack);
    DatadogMonitorImport.fromObject(stack, 'Monitor', ({ name: TEXT, type: 'metric alert', query: 'avg(last_5m):avg:system.load.1{*} > 2', message: TEXT }));
    DatadogDashboardImport.fromObject(stack, 'DdBoard', ({ title: TEXT, layout_type: 'ordered', widgets: [{ definition: { type: 'note', content: TEXT } }] }));
    GrafanaDashboardImport.fromObject(stack, 'GBoard', ({ title: TEXT, uid: 'board', panels: [{ type: 'text', title: TEXT, options: { content: TEXT } }] }), { connection: c.grafana, folderUid: 'x' });
  },
};

describe('user text is escaped for Terraform templates', () => {
  test.each(Object.keys(CASES))('%s', (name) => {
    const json = synthJson(CASES[name]);
    // The text went through…
    expect(json).toContain(JSON.stringify('$' + INTERPOLATION).slice(1, -1));
    // …and only in escaped form, escaped once (Terraform renders `$$${` as `$${`: not the text).
    expect(unescaped(json)).toEqual([]);
    expect(json).not.toMatch(/\$\$\$\{|%%%\{/);
  });

  test('references the library writes still resolve', () => {
    const json = JSON.parse(synthJson(CASES['MonitorConfig title, message, runbook URL and tags on every backend']));
    const alarm: any = Object.values(json.resource.aws_cloudwatch_metric_alarm)[0];
    expect(alarm.alarm_actions.length).toBeGreaterThan(0);
    for (const action of alarm.alarm_actions) expect(action).toMatch(/^\$\{aws_sns_topic\.[\w-]+\.arn\}$/);
    const rule: any = Object.values(json.resource.grafana_rule_group)[0];
    expect(JSON.stringify(rule)).toMatch(/"\$\{grafana_folder\.[\w-]+\.uid\}"|"folder_uid":"[\w-]+"/);
  });

  test('tokens given by the user stay references; the user\'s own resources are not touched', () => {
    const json = JSON.parse(synthJson((stack) => {
      connect(stack);
      const owner = new TerraformVariable(stack, 'owner', { type: 'string' });
      monitor(stack, { message: `owned by ${owner.stringValue}` });
      new SnsTopic(stack, 'Mine', { name: '${var.topic_name}' });
    }));
    expect(Object.values<any>(json.resource.datadog_monitor)[0].message).toContain('owned by ${var.owner}');
    expect(json.resource.aws_sns_topic.Mine.name).toBe('${var.topic_name}');
  });

  test('an already escaped text keeps its meaning (`$${` in, `$${` out of Terraform)', () => {
    const json = JSON.parse(synthJson((stack) => {
      connect(stack);
      monitor(stack, { message: 'literal $${x} and %%{y}' });
    }));
    // Terraform renders `$$${x}` as `$${x}` and `%%%{y}` as `%%{y}`: what the user wrote.
    expect(Object.values<any>(json.resource.datadog_monitor)[0].message).toContain('literal $$${x} and %%%{y}');
  });

  test('the check can fail: unescaped text is reported', () => {
    expect(unescaped(JSON.stringify({ message: TEXT }))).toHaveLength(3);
    expect(unescaped(JSON.stringify({ message: `$${DIRECTIVE.replace(/%\{/g, '%%{')} $${INTERPOLATION}` }))).toEqual([]);
  });

  test('cdktf\'s own expressions in a stack (cross-stack remote state) are not escaped: no example writes `$${terraform.`', () => {
    const out = synthApp((app) => EXAMPLES['service-template'](app));
    const remote = Object.values(out.stacks).flatMap((j: any) => Object.values<any>(j.data?.terraform_remote_state ?? {}));
    expect(remote.length).toBeGreaterThan(0);
    for (const r of remote) expect(r.workspace).toBe('${terraform.workspace}');
    for (const name of Object.keys(EXAMPLES)) {
      const files = synthApp((app) => EXAMPLES[name](app)).files;
      for (const [file, text] of Object.entries(files)) expect({ file, escaped: text.includes('$${terraform.') }).toEqual({ file, escaped: false });
    }
  });
});
