/**
 * examples/kubernetes: the workload, ingress-nginx and Kong presets render one Grafana rule per
 * check and one Datadog monitor per check Datadog can evaluate; every rule's PromQL parses; the
 * dashboard draws PromQL on Grafana and Datadog queries on Datadog; severity decides who hears.
 */
import { kubernetesExample } from '../../examples/kubernetes/main';
import { findPromQlSyntaxError } from '../../src/signals/private/promql';
import { synthApp } from '../support/synth';

const json = synthApp((app) => kubernetesExample(app)).stacks.kubernetes;
const ruleGroups = Object.entries<any>(json.resource.grafana_rule_group ?? {});
const monitors = Object.entries<any>(json.resource.datadog_monitor ?? {});

/** The preset group a resource belongs to: the first part of its construct path after the stack. */
const groupOf = (resource: any): string => resource['//'].metadata.path.split('/')[1];

function countBy(items: Array<[string, any]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [, r] of items) out[groupOf(r)] = (out[groupOf(r)] ?? 0) + 1;
  return out;
}

const rules = ruleGroups.flatMap(([, g]) => g.rule.map((r: any) => ({ group: groupOf(g), rule: r })));
const exprOf = (rule: any): string => JSON.parse(rule.data.find((d: any) => d.ref_id === 'A').model).expr;

describe('examples/kubernetes', () => {
  test('Grafana: one rule group of one rule per check of each preset', () => {
    expect(countBy(ruleGroups)).toEqual({ CheckoutDeployment: 5, SearchDeployment: 5, CheckoutIngress: 2, SearchApi: 3 });
    for (const [key, g] of ruleGroups) expect({ key, rules: g.rule.length }).toEqual({ key, rules: 1 });
    expect(rules).toHaveLength(15);
  });

  test('Datadog: one monitor per check, the p99 latencies (no Datadog percentile) left out', () => {
    expect(countBy(monitors)).toEqual({ CheckoutDeployment: 5, SearchDeployment: 5, CheckoutIngress: 1, SearchApi: 2 });
    expect(monitors.map(([, m]) => m.name).filter((n) => /p99/.test(n))).toEqual([]);
    expect(rules.map((r) => r.rule.name).filter((n) => /p99/.test(n)).sort()).toEqual(['search: p99 latency', 'shop/checkout: p99 latency']);
  });

  test('every Grafana rule queries the Prometheus data source by reference, and its PromQL parses', () => {
    const source = Object.keys(json.resource.grafana_data_source);
    expect(source).toHaveLength(1);
    for (const { rule } of rules) {
      expect({ rule: rule.name, error: findPromQlSyntaxError(exprOf(rule)) }).toEqual({ rule: rule.name, error: undefined });
      const a = rule.data.find((d: any) => d.ref_id === 'A');
      expect(a.datasource_uid).toBe(`\${grafana_data_source.${source[0]}.uid}`);
    }
    expect(exprOf(rules.find((r) => r.rule.name === 'shop/search: CPU of limit')!.rule)).toContain('pod=~"search-[a-z0-9]+-[a-z0-9]+"');
    expect(exprOf(rules.find((r) => r.rule.name === 'shop/checkout: 5xx ratio')!.rule)).toContain('nginx_ingress_controller_requests{service="checkout",namespace="shop"');
    expect(exprOf(rules.find((r) => r.rule.name === 'search: request rate')!.rule)).toMatch(/^sum\(rate\(kong_http_requests_total\{service="search"\}\[5m\]\)\)$/);
  });

  test('the Grafana dashboard has only PromQL targets on the Prometheus data source', () => {
    const dashboards = Object.values<any>(json.resource.grafana_dashboard);
    expect(dashboards).toHaveLength(1);
    const source = Object.keys(json.resource.grafana_data_source)[0];
    const panels = JSON.parse(dashboards[0].config_json).panels;
    const targets = panels.flatMap((p: any) => p.targets ?? []);
    // one chart per Grafana rule
    expect(targets).toHaveLength(15);
    for (const t of targets) {
      expect(t.datasource).toEqual({ type: 'prometheus', uid: `\${grafana_data_source.${source}.uid}` });
      expect(Object.keys(t).filter((k) => ['expr', 'refId', 'instant', 'range', 'datasource'].indexOf(k) < 0)).toEqual([]);
      expect({ expr: t.expr, error: findPromQlSyntaxError(t.expr) }).toEqual({ expr: t.expr, error: undefined });
    }
    expect(targets.map((t: any) => t.expr).sort()).toEqual(rules.map((r) => exprOf(r.rule)).sort());
  });

  test('the Datadog dashboard has only Datadog queries, one chart per Datadog monitor', () => {
    const dashboards = Object.values<any>(json.resource.datadog_dashboard_json);
    expect(dashboards).toHaveLength(1);
    const widgets: any[] = [];
    const walk = (w: any) => {
      widgets.push(w.definition);
      for (const c of w.definition.widgets ?? []) walk(c);
    };
    for (const w of JSON.parse(dashboards[0].dashboard).widgets) walk(w);
    const queries = widgets.flatMap((d) => (d.requests ?? []).map((r: any) => r.q));
    expect(queries).toHaveLength(13);
    for (const q of queries) {
      // Datadog metric queries (`aggregation:metric{tag:value}`), never PromQL label matchers
      expect({ q, datadog: /\b(sum|max|min|avg):[a-z_.]+\{[^}"=]+\}/.test(q), promQl: /="|=~|\[5m\]/.test(q) }).toEqual({ q, datadog: true, promQl: false });
    }
    // each chart's query is the query of the monitor it draws (after the monitor's window)
    const monitorQueries = monitors.map(([, m]) => String(m.query).replace(/^[a-z]+\(last_\d+m\):/, '').replace(/ [<>]=? [\d.]+$/, '')).sort();
    expect([...queries].sort()).toEqual(monitorQueries);
  });

  test('every monitor notifies Slack; SEV1 and SEV2 page PagerDuty, SEV3 does not', () => {
    const paging = new Set(['CheckoutDeployment', 'SearchDeployment', 'CheckoutIngress']);
    for (const [key, m] of monitors) {
      const alert = /\{\{#is_alert\}\}(.*?)\{\{\/is_alert\}\}/.exec(m.message)?.[1] ?? '';
      expect({ key, slack: alert.includes('@slack-acme-shop-alerts'), pagerDuty: alert.includes('@pagerduty-shop') })
        .toEqual({ key, slack: true, pagerDuty: paging.has(groupOf(m)) });
    }
    for (const { group, rule } of rules) {
      expect({ rule: rule.name, slack: rule.labels.notify_slack_shop_alerts, pagerDuty: rule.labels.notify_pagerduty_shop })
        .toEqual({ rule: rule.name, slack: 'true', pagerDuty: paging.has(group) ? 'true' : undefined });
    }
    // Grafana: the policy routes the labels to the contact points, by reference; PagerDuty only for SEV1/SEV2
    const points = Object.entries<any>(json.resource.grafana_contact_point);
    const point = (name: string) => `\${grafana_contact_point.${points.find(([, p]) => p.name === name)![0]}.name}`;
    const policy = Object.values<any>(json.resource.grafana_notification_policy);
    expect(policy).toHaveLength(1);
    expect(policy[0].policy.map((p: any) => [p.contact_point, p.matcher])).toEqual([
      [point('pagerduty-shop'), [{ label: 'notify_pagerduty_shop', match: '=', value: 'true' }, { label: 'severity', match: '=~', value: 'sev1|sev2' }]],
      [point('slack-shop-alerts'), [{ label: 'notify_slack_shop_alerts', match: '=', value: 'true' }]],
    ]);
  });

  test('no secret value in the output: keys and tokens are Terraform references', () => {
    const pd = Object.values<any>(json.resource.grafana_contact_point).find((p) => p.name === 'pagerduty-shop');
    expect(pd.pagerduty[0].integration_key).toMatch(/^\$\{data\.aws_secretsmanager_secret_version\.PagerDutyKey_[A-Z0-9]+\.secret_string\}$/);
    const slack = Object.values<any>(json.resource.grafana_contact_point).find((p) => p.name === 'slack-shop-alerts');
    expect(slack.slack[0].token).toMatch(/^\$\{data\.aws_ssm_parameter\.SlackBotToken_[A-Z0-9]+\.value\}$/);
  });
});
