/**
 * Gateway presets (Kong, ingress-nginx, Envoy, Traefik): the 5xx ratio on Grafana and Datadog,
 * the p99 on Grafana only with a warning, the optional request rate floor; label values escaped
 * in PromQL and normalised for Datadog; bad input.
 */
import { TerraformVariable } from 'cdktf';
import { counts, datadogQueries, presetStack, promQlRules, validationError, warningsOf } from './support';
import { GatewayMonitorsProps, MonitorBackend, MonitorGroup, MonitorPresets } from '../../src';
import { findPromQlSyntaxError } from '../../src/signals/private/promql';
import { synthStack } from '../support/synth';

const grafana = () => MonitorBackend.grafana({ datasourceUid: 'prometheus' });
const backends = () => [grafana(), MonitorBackend.datadog()];

type Preset = (scope: any, id: string, props: GatewayMonitorsProps) => MonitorGroup;

/** What each gateway's queries name: PromQL selector, 5xx matcher, metrics, Datadog scopes and the p99 warning. */
interface Names {
  service: string;
  promSel: string;
  fiveXx: string;
  total: string;
  buckets: string;
  scale: string;
  ddSel: string;
  dd5xx: string;
  dd: string;
  ddP99: RegExp;
}

describe.each<[string, Preset, Names]>([
  ['Kong', (s, i, p) => MonitorPresets.kongGateway(s, i, p), {
    service: 'orders',
    promSel: 'service="orders"',
    fiveXx: 'code=~"5.."',
    total: 'kong_http_requests_total',
    buckets: 'kong_request_latency_ms_bucket',
    scale: '',
    ddSel: '{service:orders}',
    dd5xx: '{service:orders,code:5*}',
    dd: 'kong.http.status.count',
    ddP99: /kong\.latency/,
  }],
  ['ingress-nginx', (s, i, p) => MonitorPresets.nginxIngress(s, i, p), {
    service: 'orders',
    promSel: 'service="orders"',
    fiveXx: 'status=~"5.."',
    total: 'nginx_ingress_controller_requests',
    buckets: 'nginx_ingress_controller_request_duration_seconds_bucket',
    scale: '1000 * ',
    ddSel: '{service:orders}',
    dd5xx: '{service:orders,status:5*}',
    dd: 'nginx_ingress.controller.requests',
    ddP99: /nginx_ingress\.controller\.request\.duration/,
  }],
  ['Envoy', (s, i, p) => MonitorPresets.envoyProxy(s, i, p), {
    service: 'orders',
    promSel: 'envoy_cluster_name="orders"',
    fiveXx: 'envoy_response_code_class="5"',
    total: 'envoy_cluster_upstream_rq_xx',
    buckets: 'envoy_cluster_upstream_rq_time_bucket',
    scale: '',
    ddSel: '{envoy_cluster:orders}',
    dd5xx: '{envoy_cluster:orders,envoy_response_code_class:5}',
    dd: 'envoy.cluster.upstream_rq_xx.count',
    ddP99: /envoy\.cluster\.upstream_rq_time/,
  }],
  ['Traefik', (s, i, p) => MonitorPresets.traefikProxy(s, i, p), {
    service: 'orders',
    promSel: 'service="orders"',
    fiveXx: 'code=~"5.."',
    total: 'traefik_service_requests_total',
    buckets: 'traefik_service_request_duration_seconds_bucket',
    scale: '1000 * ',
    ddSel: '{service:orders}',
    dd5xx: '{service:orders,code:5*}',
    dd: 'traefik_mesh.service.requests.count',
    ddP99: /traefik_mesh\.service\.request\.duration\.seconds/,
  }],
])('%s', (_, preset, x) => {
  test('5xx ratio on both, p99 on Grafana only with a warning, the request rate floor when set', () => {
    const s = presetStack();
    const g = preset(s, 'Gw', { service: x.service, minRequestsPerSecond: 1, backends: backends() });
    const j = synthStack(s);
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ErrorRate5xxPromQl', 'ErrorRate5xxDatadog', 'LatencyP99PromQl', 'RequestRatePromQl', 'RequestRateDatadog']);
    expect(counts(j, 'grafana_rule_group', 'datadog_monitor')).toEqual({ grafana_rule_group: 3, datadog_monitor: 2 });
    const warnings = warningsOf(g);
    expect(warnings).toEqual([expect.stringMatching(/^test\/Gw\/LatencyP99: not rendered to Datadog \(.*\); rendered to grafana only$/)]);
    expect(warnings[0]).toMatch(x.ddP99);

    const r = promQlRules(j);
    expect(r['orders: 5xx ratio']).toMatchObject({
      expr: `100 * sum(rate(${x.total}{${x.promSel},${x.fiveXx}}[5m])) / sum(rate(${x.total}{${x.promSel}}[5m]))`,
      for: '0s',
      from: 300,
      noData: 'OK',
    });
    expect(r['orders: 5xx ratio'].threshold.conditions[0].evaluator).toEqual({ type: 'gt', params: [5] });
    expect(r['orders: p99 latency']).toMatchObject({ expr: `${x.scale}histogram_quantile(0.99, sum by (le) (rate(${x.buckets}{${x.promSel}}[5m])))`, noData: 'OK' });
    expect(r['orders: p99 latency'].threshold.conditions[0].evaluator).toEqual({ type: 'gt', params: [1000] });
    expect(r['orders: request rate']).toMatchObject({ expr: `sum(rate(${x.total}{${x.promSel}}[5m]))`, noData: 'Alerting' });
    expect(r['orders: request rate'].threshold.conditions[0].evaluator).toEqual({ type: 'lt', params: [1] });
    for (const [name, rule] of Object.entries(r)) expect([name, findPromQlSyntaxError(rule.expr)]).toEqual([name, undefined]);

    expect(datadogQueries(j)).toEqual({
      'orders: 5xx ratio': `sum(last_5m):100 * sum:${x.dd}${x.dd5xx}.as_count() / sum:${x.dd}${x.ddSel}.as_count() > 5`,
      'orders: request rate': `avg(last_5m):sum:${x.dd}${x.ddSel}.as_rate() < 1`,
    });
  });

  test('no request rate monitor unless set; thresholds from the props', () => {
    const s = presetStack();
    const g = preset(s, 'Gw', { service: x.service, max5xxPercent: 2, maxLatencyP99Ms: 250, titlePrefix: 'API', backends: backends() });
    const j = synthStack(s);
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ErrorRate5xxPromQl', 'ErrorRate5xxDatadog', 'LatencyP99PromQl']);
    const r = promQlRules(j);
    expect(r['API: 5xx ratio'].threshold.conditions[0].evaluator.params).toEqual([2]);
    expect(r['API: p99 latency'].threshold.conditions[0].evaluator.params).toEqual([250]);
    expect(datadogQueries(j)['API: 5xx ratio']).toMatch(/ > 2$/);
  });

  test('Datadog alone: the p99 is left out, with a warning', () => {
    const s = presetStack();
    const g = preset(s, 'Gw', { service: x.service, backends: [MonitorBackend.datadog()] });
    const j = synthStack(s);
    expect(g.monitors.map((m) => m.node.id)).toEqual(['ErrorRate5xxDatadog']);
    expect(counts(j, 'grafana_rule_group', 'datadog_monitor')).toEqual({ grafana_rule_group: 0, datadog_monitor: 1 });
    expect(warningsOf(g)).toEqual([expect.stringMatching(/^test\/Gw\/LatencyP99: not rendered to Datadog .*; no Grafana backend is given, so the monitor is left out$/)]);
  });
});

describe('label values', () => {
  test('Kong route and a service with quotes and backslashes: escaped in PromQL, normalised for Datadog', () => {
    const s = presetStack();
    MonitorPresets.kongGateway(s, 'K', { service: 'Orders "v2"\\x', route: 'orders.get', backends: backends() });
    const j = synthStack(s);
    const r = promQlRules(j);
    const rule = r['Orders "v2"\\x/orders.get: 5xx ratio'];
    expect(rule.expr).toBe('100 * sum(rate(kong_http_requests_total{service="Orders \\"v2\\"\\\\x",route="orders.get",code=~"5.."}[5m]))'
      + ' / sum(rate(kong_http_requests_total{service="Orders \\"v2\\"\\\\x",route="orders.get"}[5m]))');
    expect(findPromQlSyntaxError(rule.expr)).toBeUndefined();
    expect(datadogQueries(j)['Orders "v2"\\x/orders.get: 5xx ratio'])
      .toBe('sum(last_5m):100 * sum:kong.http.status.count{service:orders__v2__x,route:orders.get,code:5*}.as_count() / sum:kong.http.status.count{service:orders__v2__x,route:orders.get}.as_count() > 5');
  });

  test('a Traefik service name with @ and an ingress-nginx namespace', () => {
    const s = presetStack();
    MonitorPresets.traefikProxy(s, 'T', { service: 'shop-web-80@kubernetes', backends: backends() });
    MonitorPresets.nginxIngress(s, 'N', { service: 'web', namespace: 'shop', backends: backends() });
    const j = synthStack(s);
    const r = promQlRules(j);
    expect(r['shop-web-80@kubernetes: 5xx ratio'].expr).toContain('traefik_service_requests_total{service="shop-web-80@kubernetes",code=~"5.."}');
    expect(r['shop/web: 5xx ratio'].expr).toContain('nginx_ingress_controller_requests{service="web",namespace="shop",status=~"5.."}');
    const q = datadogQueries(j);
    expect(q['shop-web-80@kubernetes: 5xx ratio']).toContain('{service:shop-web-80_kubernetes,code:5*}');
    expect(q['shop/web: 5xx ratio']).toContain('{service:web,namespace:shop,status:5*}');
  });
});

describe('references', () => {
  test('a service known only at apply time is a ValidationError (it is written into queries)', () => {
    const s = presetStack();
    const name = new TerraformVariable(s, 'ServiceName', { type: 'string' }).stringValue;
    expect(validationError(() => MonitorPresets.kongGateway(s, 'K', { service: name, backends: backends() }))).toMatchObject({
      constructPath: 'test/K', prop: 'service', accepted: expect.stringMatching(/known at synth time$/),
    });
  });
});

describe('backends', () => {
  test('CloudWatch and New Relic are left out with a warning; alone they are a ValidationError', () => {
    const s = presetStack();
    const g = MonitorPresets.envoyProxy(s, 'E', { service: 'orders', backends: [MonitorBackend.cloudwatch(), MonitorBackend.newRelic(), grafana()] });
    const j = synthStack(s);
    expect(counts(j, 'aws_cloudwatch_metric_alarm', 'newrelic_nrql_alert_condition', 'grafana_rule_group')).toEqual({
      aws_cloudwatch_metric_alarm: 0, newrelic_nrql_alert_condition: 0, grafana_rule_group: 2,
    });
    expect(warningsOf(g)).toEqual(['test/E: not rendered to cloudwatch, newrelic (Envoy metrics come from Prometheus exporters and Datadog\'s integrations); rendered to grafana only']);

    const s2 = presetStack();
    expect(validationError(() => MonitorPresets.envoyProxy(s2, 'E', { service: 'orders', backends: [MonitorBackend.cloudwatch(), MonitorBackend.newRelic()] }))).toMatchObject({
      constructPath: 'test/E', prop: 'backends', received: '"cloudwatch, newrelic"', accepted: expect.stringMatching(/^Grafana \(PromQL\) or Datadog backends: Envoy metrics/),
    });
  });
});

describe('bad input', () => {
  const kong = (props: any) => (s: any) => MonitorPresets.kongGateway(s, 'T', { service: 'orders', backends: backends(), ...props });
  const envoy = (props: any) => (s: any) => MonitorPresets.envoyProxy(s, 'T', { service: 'orders', backends: backends(), ...props });
  const nginx = (props: any) => (s: any) => MonitorPresets.nginxIngress(s, 'T', { service: 'orders', backends: backends(), ...props });
  const svc = 'the Kong service name as its metrics report it: 1-253 characters without control characters, known at synth time';
  test.each<[string, (s: any) => unknown, string, unknown, string]>([
    ['an empty service', kong({ service: '' }), 'service', '""', svc],
    ['a service with a newline', kong({ service: 'a\nb' }), 'service', '"a\\nb"', svc],
    ['a 254-character service', kong({ service: 'a'.repeat(254) }), 'service', expect.stringMatching(/^"a{100,}/), svc],
    ['a route on Envoy', envoy({ route: 'r' }), 'route', '"r"', 'no route: only Kong reports routes (use service)'],
    ['a namespace on Kong', kong({ namespace: 'shop' }), 'namespace', '"shop"', 'no namespace: only ingress-nginx reports the Ingress namespace'],
    ['an upper-case ingress-nginx namespace', nginx({ namespace: 'Shop' }), 'namespace', '"Shop"', expect.stringMatching(/^a Kubernetes name: a DNS-1123 label/)],
    ['a 5xx percentage of 0', kong({ max5xxPercent: 0 }), 'max5xxPercent', '0', 'a percentage above 0 and below 100'],
    ['a negative p99', kong({ maxLatencyP99Ms: -5 }), 'maxLatencyP99Ms', '-5', 'a number of 0 or more'],
    ['a request rate as text', kong({ minRequestsPerSecond: 'ten' }), 'minRequestsPerSecond', '"ten"', 'a number of 0 or more'],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/T', prop, received, accepted: acc });
  });
});
