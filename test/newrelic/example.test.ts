import { newRelicSchemaProblems } from './support';
import { fourBackendsExample } from '../../examples/four-backends/main';
import { synthApp } from '../support/synth';

describe('example four-backends', () => {
  const out = synthApp((app) => fourBackendsExample(app));
  const json = out.stacks['four-backends'];

  test('renders the monitors and the dashboard to Datadog, CloudWatch, Grafana and New Relic', () => {
    const r = json.resource;
    expect(Object.keys(r.datadog_monitor)).toHaveLength(3);
    expect(Object.keys(r.aws_cloudwatch_metric_alarm).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(r.grafana_rule_group)).toHaveLength(2);
    expect(Object.keys(r.newrelic_nrql_alert_condition)).toHaveLength(4);
    expect(Object.keys(r.newrelic_alert_policy)).toHaveLength(1);
    expect(Object.keys(r.newrelic_workflow)).toHaveLength(2);
    for (const t of ['datadog_dashboard_json', 'aws_cloudwatch_dashboard', 'grafana_dashboard', 'newrelic_one_dashboard']) expect(Object.keys(r[t])).toHaveLength(1);
    const types = Object.values<any>(r.newrelic_nrql_alert_condition).map((c) => c.type).sort();
    expect(types).toEqual(['baseline', 'static', 'static', 'static']);
  });

  test('every New Relic resource has only arguments the provider knows', () => {
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });
});
