/**
 * The Grafana notification policy: routes in declaration order (Grafana evaluates them in order
 * and stops at a route that does not continue), and contact points named by reference (the
 * provider then destroys the policy before the contact points, instead of answering 409).
 * Rules name their folder and data source by reference when the library creates them.
 */
import {
  Dashboard, DashboardBackend, GrafanaConnection, GrafanaDataSource, GrafanaFolder, GrafanaNotificationPolicy, MatchOperator, MonitorBackend,
  NotificationTarget, Signal, Widget,
} from '../../src';
import { connect, monitor, only } from '../monitors/fixtures';
import { newStack, synthStack } from '../support/synth';

const promql = Signal.promQl({ query: 'sum(rate(http_requests_total{code=~"5.."}[5m]))' });
const routeTo = (contactPoint: string, team: string, continueMatching: boolean) => ({
  contactPoint, matchers: [{ label: 'team', match: MatchOperator.EQUAL, value: team }], continueMatching,
});

describe('route order', () => {
  function build() {
    const stack = newStack();
    connect(stack);
    const policy = GrafanaNotificationPolicy.of(stack);
    // declared out of alphabetical order, the first one stopping the evaluation
    policy.addRoute(routeTo('zulu-oncall', 'payments', false));
    policy.addRoute(routeTo('alpha-chat', 'payments', true));
    policy.addRoute(routeTo('mike-mail', 'checkout', true));
    return { stack, policy };
  }

  test('routes keep the order in which they were declared', () => {
    const { stack, policy } = build();
    expect(policy.allRoutes.map((r) => r.contactPoint)).toEqual(['zulu-oncall', 'alpha-chat', 'mike-mail']);
    const rendered = only(synthStack(stack).resource.grafana_notification_policy).policy;
    expect(rendered.map((r: any) => [r.contact_point, r.continue])).toEqual([['zulu-oncall', false], ['alpha-chat', true], ['mike-mail', true]]);
  });

  test('the same program gives the same tree; an identical route stays at its first place', () => {
    const one = build();
    const two = build();
    two.policy.addRoute(routeTo('zulu-oncall', 'payments', false));
    expect(synthStack(two.stack).resource.grafana_notification_policy).toEqual(synthStack(one.stack).resource.grafana_notification_policy);
  });
});

describe('contact points by reference', () => {
  test('the policy JSON refers to every contact point it routes to, and names none by a copied string', () => {
    const stack = newStack();
    const c = connect(stack);
    monitor(stack, {
      backends: [MonitorBackend.grafana({ datasourceUid: 'prom' })],
      signal: promql,
      targets: [
        NotificationTarget.slack({ channel: 'checkout-alerts' }),
        NotificationTarget.email({ address: 'oncall@acme.example' }),
        NotificationTarget.webhook({ connection: c.hook }),
      ],
    });
    const json = synthStack(stack);
    const contactPoints = json.resource.grafana_contact_point;
    expect(Object.keys(contactPoints)).toHaveLength(3);
    const policy = only(json.resource.grafana_notification_policy);
    const text = JSON.stringify(policy);
    for (const [key, cp] of Object.entries<any>(contactPoints)) {
      expect(text).toContain(`\${grafana_contact_point.${key}.name}`);
      expect(text).not.toContain(`"${cp.name}"`);
    }
    for (const route of policy.policy) expect(route.contact_point).toMatch(/^\$\{grafana_contact_point\.[^.]+\.name\}$/);
  });
});

describe('folders and data sources by reference', () => {
  test('a rule names the folder and the data source the library creates by reference', () => {
    const stack = newStack();
    connect(stack);
    const folder = new GrafanaFolder(stack, 'Folder', { title: 'Checkout', uid: 'checkout' });
    const prom = GrafanaDataSource.prometheus(stack, 'Prom', { name: 'Prometheus', uid: 'prometheus', url: 'https://prom.acme.example' });
    monitor(stack, { backends: [MonitorBackend.grafana({ datasourceUid: prom.uid, folderUid: folder.uid })], signal: promql });
    const json = synthStack(stack);
    const group = only(json.resource.grafana_rule_group);
    expect(group.folder_uid).toBe(`\${grafana_folder.${Object.keys(json.resource.grafana_folder)[0]}.uid}`);
    expect(group.rule[0].data[0].datasource_uid).toBe(`\${grafana_data_source.${Object.keys(json.resource.grafana_data_source)[0]}.uid}`);
    // expressions are no data source
    expect(group.rule[0].data.slice(1).map((d: any) => d.datasource_uid)).toEqual(['__expr__', '__expr__']);
  });

  test('the folder the backend creates is referenced; uids of existing objects stay literal', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: [MonitorBackend.grafana({ datasourceUid: 'existing-prom', folder: 'Checkout' })], signal: promql }, 'A');
    monitor(stack, { title: 'b', backends: [MonitorBackend.grafana({ datasourceUid: 'existing-prom', folderUid: 'existing-folder' })], signal: promql }, 'B');
    const groups = Object.values<any>(synthStack(stack).resource.grafana_rule_group);
    expect(groups.map((g) => g.folder_uid)).toEqual([expect.stringMatching(/^\$\{grafana_folder\..+\.uid\}$/), 'existing-folder']);
    expect(groups.map((g) => g.rule[0].data[0].datasource_uid)).toEqual(['existing-prom', 'existing-prom']);
  });

  test('a data source of another Grafana connection is not referenced', () => {
    const stack = newStack();
    const c = connect(stack);
    const other = new GrafanaConnection(stack, 'Other', { url: 'https://other.acme.example', alias: 'other', auth: c.grafana.auth, testConnection: false });
    GrafanaDataSource.prometheus(stack, 'Prom', { name: 'Prometheus', uid: 'prometheus', url: 'https://prom.acme.example', connection: other });
    monitor(stack, { backends: [MonitorBackend.grafana({ datasourceUid: 'prometheus' })], signal: promql });
    expect(only(synthStack(stack).resource.grafana_rule_group).rule[0].data[0].datasource_uid).toBe('prometheus');
  });

  test('a dashboard names the data source the library creates by reference', () => {
    const stack = newStack();
    connect(stack);
    const prom = GrafanaDataSource.prometheus(stack, 'Prom', { name: 'Prometheus', uid: 'prometheus', url: 'https://prom.acme.example' });
    new Dashboard(stack, 'Board', {
      title: 'Checkout',
      backends: [DashboardBackend.grafana({ datasourceUid: prom.uid })],
      rows: [{ title: 'HTTP', widgets: [Widget.timeSeries({ title: 'errors', signals: [promql] })] }],
    });
    const json = synthStack(stack);
    const board = only(json.resource.grafana_dashboard);
    const ref = `\${grafana_data_source.${Object.keys(json.resource.grafana_data_source)[0]}.uid}`;
    expect(board.config_json).toContain(`"uid":"${ref}"`);
    expect(board.config_json).not.toContain('"uid":"prometheus"');
  });
});
