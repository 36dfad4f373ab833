import { Testing } from 'cdktf';
import { DoraMetricsStack, DoraMetricsStackProps, IncidentRoutingStack, Severity } from '../../src';
import { ValidationError } from '../../src/core/errors';
import { synthApp } from '../support/synth';

const all = (json: any, type: string) => Object.values<any>(json.resource?.[type] ?? {});
const byPath = (json: any, path: string) => all(json, 'datadog_monitor').find((m) => m['//'].metadata.path === path);

function build(props: Partial<DoraMetricsStackProps> = {}) {
  return synthApp((app) => {
    const routing = new IncidentRoutingStack(app, 'routing', {
      aws: { region: 'eu-west-1', accountId: '123456789012' },
      slack: { workspaceId: 'T01234567', botTokenEnvironmentVariable: 'TF_VAR_slack_bot', datadogAccountName: 'acme' },
      routes: [
        { severities: [Severity.SEV1, Severity.SEV2], pagerDutyService: 'oncall', pagerDutyKeyEnvironmentVariable: 'TF_VAR_pd_key' },
        { severities: [Severity.SEV3, Severity.SEV4, Severity.SEV5], slackChannel: 'delivery', slackChannelId: 'C0DELIVE1' },
      ],
    });
    new DoraMetricsStack(app, 'dora', {
      services: ['checkout', 'payments-api'],
      env: 'production',
      team: 'platform',
      routing,
      deploymentFrequency: { windowDays: 3, minimumDeployments: 2, severity: Severity.SEV2 },
      changeFailureRate: { maxPercent: 25 },
      timeToRestore: { maxHours: 4, windowDays: 5 },
      ...props,
    });
  });
}

describe('DoraMetricsStack monitors', () => {
  const dora = build().stacks.dora;

  test('three monitors per service, each a Datadog metric alert tagged with its service, env and team', () => {
    const monitors = all(dora, 'datadog_monitor');
    expect(monitors.map((m) => m['//'].metadata.path).sort()).toEqual([
      'dora/checkout/ChangeFailureRate/Datadog/Resource', 'dora/checkout/DeploymentFrequency/Datadog/Resource', 'dora/checkout/TimeToRestore/Datadog/Resource',
      'dora/payments-api/ChangeFailureRate/Datadog/Resource', 'dora/payments-api/DeploymentFrequency/Datadog/Resource', 'dora/payments-api/TimeToRestore/Datadog/Resource',
    ]);
    for (const m of monitors) expect(m.type).toBe('metric alert');
    expect(byPath(dora, 'dora/payments-api/TimeToRestore/Datadog/Resource').tags).toEqual(['env:production', 'service:payments-api', 'severity:sev3', 'team:platform']);
    expect(dora.output.MonitorCount.value).toBe(6);
  });

  test('deployment frequency: the deployments count summed over the window, no data for a window is the alert', () => {
    const m = byPath(dora, 'dora/checkout/DeploymentFrequency/Datadog/Resource');
    expect(m.query).toBe('sum(last_72h):sum:dora.deployments.count{service:checkout,env:production}.as_count() < 2');
    expect(m.monitor_thresholds).toEqual({ critical: '2' });
    expect(m.notify_no_data).toBe(true);
    expect(m.no_data_timeframe).toBe(3 * 24 * 60);
    expect(m.require_full_window).toBe(false);
    expect(m.priority).toBe('2');
  });

  test('change failure rate: failures over deployments in percent, both counts summed over a week, no data does not notify', () => {
    const m = byPath(dora, 'dora/payments-api/ChangeFailureRate/Datadog/Resource');
    expect(m.query).toBe('sum(last_1w):100 * sum:dora.incidents_impact{service:payments-api,env:production}.as_count()'
      + ' / sum:dora.deployments.count{service:payments-api,env:production}.as_count() > 25');
    expect(m.monitor_thresholds).toEqual({ critical: '25' });
    expect(m.notify_no_data).toBe(false);
    expect(m.no_data_timeframe).toBeUndefined();
    expect(m.require_full_window).toBe(false);
    expect(m.message).not.toContain('is_no_data');
  });

  test('time to restore: the mean of the seconds distribution against the hours given, sparse, no data does not notify', () => {
    const m = byPath(dora, 'dora/checkout/TimeToRestore/Datadog/Resource');
    expect(m.query).toBe('avg(last_120h):avg:dora.time_to_restore{service:checkout,env:production} > 14400');
    expect(m.monitor_thresholds).toEqual({ critical: '14400' });
    expect(m.notify_no_data).toBe(false);
    expect(m.require_full_window).toBe(false);
  });

  test('routed by severity through the routing stack handles', () => {
    const page = byPath(dora, 'dora/checkout/DeploymentFrequency/Datadog/Resource');
    expect(page.message).toContain('{{#is_alert}}@pagerduty-oncall{{/is_alert}}');
    expect(page.message).toContain('{{#is_no_data}}@pagerduty-oncall{{/is_no_data}}');
    expect(page.message).not.toContain('@slack-acme-delivery');
    const ticket = byPath(dora, 'dora/checkout/ChangeFailureRate/Datadog/Resource');
    expect(ticket.message).toContain('@slack-acme-delivery');
    expect(ticket.message).not.toContain('@pagerduty-oncall');
  });

  test('defaults: no deployment-frequency monitor, above 30 % over a week, a mean above 24 hours, env prod', () => {
    const json = synthApp((app) => new DoraMetricsStack(app, 'd', { services: ['checkout'] })).stacks.d;
    expect(all(json, 'datadog_monitor').map((m) => m.query).sort()).toEqual([
      'avg(last_1w):avg:dora.time_to_restore{service:checkout,env:prod} > 86400',
      'sum(last_1w):100 * sum:dora.incidents_impact{service:checkout,env:prod}.as_count() / sum:dora.deployments.count{service:checkout,env:prod}.as_count() > 30',
    ]);
    expect(all(json, 'datadog_monitor').map((m) => m.priority)).toEqual(['3', '3']);
    expect(json.provider.datadog[0].api_key).toMatch(/^\$\{var\.datadog_api_key\}$/);
  });

  test('a minimum of deployments for the rate: a composite of the rate and the deployments count notifies, its parts do not', () => {
    const json = build({ changeFailureRate: { maxPercent: 25, minimumDeployments: 5 } }).stacks.dora;
    const rate = byPath(json, 'dora/checkout/ChangeFailureRate/Datadog/Resource');
    const enough = byPath(json, 'dora/checkout/ChangeFailureRateDeployments/Datadog/Resource');
    const composite = byPath(json, 'dora/checkout/ChangeFailureRateComposite/Datadog/Resource');
    expect(enough.query).toBe('sum(last_1w):sum:dora.deployments.count{service:checkout,env:production}.as_count() >= 5');
    expect(enough.notify_no_data).toBe(false);
    expect(composite.type).toBe('composite');
    const id = (m: any) => `\${datadog_monitor.${Object.keys(json.resource.datadog_monitor).find((k) => json.resource.datadog_monitor[k] === m)}.id}`;
    expect(composite.query).toBe(`${id(rate)} && ${id(enough)}`);
    expect(composite.message).toContain('@slack-acme-delivery');
    expect(rate.message).not.toContain('@slack-acme-delivery');
    expect(enough.message).not.toContain('@slack-acme-delivery');
    expect(composite.tags).toEqual(['env:production', 'service:checkout', 'severity:sev3', 'team:platform']);
    expect(json.output.MonitorCount.value).toBe(2 * 5);
  });

  test('monitors can be turned off, the dashboard too', () => {
    const json = synthApp((app) => new DoraMetricsStack(app, 'd', {
      services: ['checkout'], changeFailureRate: { enabled: false }, timeToRestore: { enabled: false }, dashboard: false,
    })).stacks.d;
    expect(all(json, 'datadog_monitor')).toEqual([]);
    expect(all(json, 'datadog_dashboard_json')).toEqual([]);
  });
});

describe('DoraMetricsStack dashboard', () => {
  const dora = build().stacks.dora;
  const [resource] = all(dora, 'datadog_dashboard_json');
  const model = JSON.parse(resource.dashboard);
  const rows = model.widgets.map((g: any) => g.definition);
  const queries = (title: string) => rows.find((r: any) => r.title === title).widgets.flatMap((w: any) => w.definition.requests.map((r: any) => r.q));

  test('service and env template variables, the team tag', () => {
    expect(model.template_variables).toEqual([
      { name: 'service', prefix: 'service', available_values: ['checkout', 'payments-api'], defaults: ['*'] },
      { name: 'env', prefix: 'env', available_values: ['production'], defaults: ['production'] },
    ]);
    expect(model.tags).toEqual(['team:platform']);
  });

  test('a row per DORA metric, each per service, and the alert status', () => {
    expect(rows.map((r: any) => r.title)).toEqual(['Deployment frequency', 'Change lead time', 'Change failure rate', 'Time to restore', 'Alert status']);
    expect(queries('Deployment frequency')).toEqual(['sum:dora.deployments.count{$service,$env} by {service}.as_count().rollup(sum, 86400)']);
    expect(queries('Change lead time')).toEqual(['avg:dora.change_lead_time{$service,$env} by {service} / 3600']);
    expect(queries('Change failure rate')).toEqual([
      '100 * sum:dora.incidents_impact{$service,$env} by {service}.as_count().rollup(sum, 604800) / sum:dora.deployments.count{$service,$env} by {service}.as_count().rollup(sum, 604800)',
    ]);
    expect(queries('Time to restore')).toEqual(['avg:dora.time_to_restore{$service,$env} by {service} / 3600']);
  });

  test('the alert thresholds are drawn, in the units of the charts', () => {
    const markers = (title: string) => rows.find((r: any) => r.title === title).widgets[0].definition.markers.map((m: any) => m.value);
    expect(markers('Change failure rate')).toEqual(['y = 25']);
    expect(markers('Time to restore')).toEqual(['y = 4']);
  });

  test('the alert status lists the monitors by reference', () => {
    const status = rows.find((r: any) => r.title === 'Alert status').widgets[0].definition;
    expect(status.type).toBe('manage_status');
    const ids = status.query.replace(/^\(|\)$/g, '').split(' OR ');
    expect(ids).toHaveLength(6);
    for (const id of ids) expect(id).toMatch(/^\$\{datadog_monitor\.[A-Za-z0-9_-]+\.id\}$/);
  });
});

test('canary: no secret value reaches the synthesized stacks', () => {
  const CANARY = 'CANARY-dora-5c1d';
  const saved = [process.env.TF_VAR_dora_api, process.env.TF_VAR_dora_app];
  process.env.TF_VAR_dora_api = CANARY;
  process.env.TF_VAR_dora_app = CANARY;
  try {
    const out = synthApp((app) => new DoraMetricsStack(app, 'd', {
      services: ['checkout'], datadog: { apiKeyEnvironmentVariable: 'TF_VAR_dora_api', appKeyEnvironmentVariable: 'TF_VAR_dora_app' },
    }));
    for (const [file, text] of Object.entries(out.files)) expect({ file, leaks: text.includes(CANARY) }).toEqual({ file, leaks: false });
    expect(out.stacks.d.provider.datadog[0].api_key).toBe('${var.dora_api}');
  } finally {
    process.env.TF_VAR_dora_api = saved[0];
    process.env.TF_VAR_dora_app = saved[1];
  }
});

describe('DoraMetricsStack validation', () => {
  const make = (props: object) => () => new DoraMetricsStack(Testing.app(), 'd', { services: ['checkout'], ...props } as any);
  const tag = (key: string, max: number) => `a Datadog ${key} tag value: a lower-case letter first, then lower-case letters, digits, _ - : . /, `
    + `not ending with ':', at most ${max} characters (the tag ${key}:<value> at most 200)`;

  test.each(['My Service', 'Checkout', '1checkout', '_checkout', 'check out', 'checkout:', 'a'.repeat(193), 'é'])('service name %j is rejected', (name) => {
    expect(make({ services: ['payments', name] })).toThrow(`d: 'services[1]' must be ${tag('service', 192)}; received ${JSON.stringify(name)}`);
  });

  test('every tag character Datadog accepts, up to the tag length', () => {
    expect(make({ services: ['a'.repeat(192), 'team-a/checkout.v2:blue_1'] })).not.toThrow();
  });

  test('the error is a ValidationError naming the construct, the prop, the value and what is accepted', () => {
    try {
      make({ services: ['My Service'] })();
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const v = e as ValidationError;
      expect([v.constructPath, v.prop, v.received]).toEqual(['d', 'services[0]', '"My Service"']);
      expect(v.accepted).toBe(tag('service', 192));
    }
  });

  test.each<[object | undefined, string]>([
    [{ services: [] }, "d: 'services' must be a non-empty list of service names; received []"],
    [{ services: 'checkout' }, "d: 'services' must be a non-empty list of service names; received \"checkout\""],
    [{ services: ['checkout', 'checkout'] }, "d: 'services[1]' must be a service not used twice; received \"checkout\""],
    [{ env: 'Prod' }, `d: 'env' must be ${tag('env', 196)}; received "Prod"`],
    [{ team: '9team' }, `d: 'team' must be ${tag('team', 195)}; received "9team"`],
    [{ changeFailureRate: { maxPercent: 0 } }, "d: 'changeFailureRate.maxPercent' must be a percentage greater than 0 and at most 100; received 0"],
    [{ changeFailureRate: { maxPercent: 120 } }, "d: 'changeFailureRate.maxPercent' must be a percentage greater than 0 and at most 100; received 120"],
    [{ changeFailureRate: { maxPercent: '30' } }, "d: 'changeFailureRate.maxPercent' must be a percentage greater than 0 and at most 100; received \"30\""],
    [{ changeFailureRate: { windowDays: 30 } }, "d: 'changeFailureRate.windowDays' must be a whole number from 1 to 7; received 30"],
    [{ changeFailureRate: { enabled: 'no' } }, "d: 'changeFailureRate.enabled' must be true or false; received \"no\""],
    [{ changeFailureRate: { minimumDeployments: 0.5 } }, "d: 'changeFailureRate.minimumDeployments' must be a whole number from 1 to 10000; received 0.5"],
    [{ changeFailureRate: 5 }, "d: 'changeFailureRate' must be an options object; received 5"],
    [{ timeToRestore: { maxHours: -1 } }, "d: 'timeToRestore.maxHours' must be a number of hours greater than 0 and at most 720; received -1"],
    [{ timeToRestore: { windowDays: 0 } }, "d: 'timeToRestore.windowDays' must be a whole number from 1 to 7; received 0"],
    [{ deploymentFrequency: { windowDays: 1.5 } }, "d: 'deploymentFrequency.windowDays' must be a whole number from 1 to 7; received 1.5"],
    [{ deploymentFrequency: { minimumDeployments: 0 } }, "d: 'deploymentFrequency.minimumDeployments' must be a whole number from 1 to 10000; received 0"],
    [{ severity: 'SEV9' }, "d: 'severity' must be a Severity (SEV1 … SEV5); received \"SEV9\""],
    [{ timeToRestore: { severity: 2 } }, "d: 'timeToRestore.severity' must be a Severity (SEV1 … SEV5); received 2"],
    [{ runbookUrl: 'wiki/delivery' }, "d: 'runbookUrl' must be an absolute https or http URL with a host; received \"wiki/delivery\""],
    [{ datadog: 'eu' }, "d: 'datadog' must be an options object; received \"eu\""],
    [{ targets: 'ops' }, "d: 'targets' must be a list of notification targets; received \"ops\""],
    [undefined, "d: 'props' must be a DoraMetricsStackProps object; received undefined"],
    [{ routing: {} }, "d: 'routing' must be an IncidentRoutingStack; received {}"],
    [{ dashboard: 'yes' }, "d: 'dashboard' must be true or false; received \"yes\""],
  ])('bad props %#', (props, message) => {
    const construct = props === undefined ? () => new DoraMetricsStack(Testing.app(), 'd', undefined as any) : make(props);
    expect(construct).toThrow(message);
  });
});
