import { dashboardsExample } from '../../examples/dashboards/main';
import { synthApp } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

describe('examples/dashboards', () => {
  const out = synthApp((app) => dashboardsExample(app));
  const json = out.stacks.dashboards;
  const parse = (type: string, attr: string) => Object.values<any>(json.resource[type]).map((r) => JSON.parse(r[attr]));

  test('synthesizes one stack named dashboards', () => {
    expect(Object.keys(out.stacks)).toEqual(['dashboards']);
  });

  test('draws the service dashboard and the monitors dashboard on every backend', () => {
    expect(parse('datadog_dashboard_json', 'dashboard').map((d) => d.title).sort()).toEqual(['Checkout monitors', 'Checkout service']);
    expect(parse('grafana_dashboard', 'config_json').map((d) => d.uid).sort()).toEqual(['checkout-http-prometheus', 'checkout-monitors', 'checkout-service', 'k8s_system_coredns']);
    expect(Object.values<any>(json.resource.aws_cloudwatch_dashboard).map((d) => d.dashboard_name).sort()).toEqual(['Checkout-monitors', 'checkout-service']);
    for (const g of Object.values<any>(json.resource.grafana_dashboard)) expect(g.folder).toMatch(/^\$\{grafana_folder\.CheckoutFolder_[0-9A-F]+\.uid\}$/);
  });

  test('the service dashboard shows the widgets added after its rows', () => {
    const dd = parse('datadog_dashboard_json', 'dashboard').find((d) => d.title === 'Checkout service');
    expect(dd.widgets.map((g: any) => g.definition.title)).toEqual(['Traffic and errors', 'Latency and backlog', 'Overview']);
    expect(dd.widgets[2].definition.widgets.map((w: any) => w.definition.type)).toEqual(['toplist', 'manage_status', 'note']);
    expect(dd.tags).toEqual(['team:payments']);
  });

  test('its AWS part passes terraform validate', () => {
    const part = awsPart(json)!;
    expect(part.json.resource.aws_cloudwatch_dashboard).toBeDefined();
    const result = validator.validate(part.json);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
