/**
 * Kubernetes workload preset: one PromQL monitor per check on Grafana and one Datadog monitor on
 * Datadog, with the same titles, thresholds and windows; CloudWatch left out; bad names.
 */
import { counts, datadogQueries, presetStack, promQlRules, validationError, warningsOf } from './support';
import { Dashboard, DashboardBackend, MonitorBackend, MonitorPresets } from '../../src';
import { GrafanaFolder } from '../../src/grafana/grafana-folder';
import { findPromQlSyntaxError } from '../../src/signals/private/promql';
import { synthStack } from '../support/synth';

const grafana = () => MonitorBackend.grafana({ datasourceUid: 'prometheus' });
const backends = () => [grafana(), MonitorBackend.datadog()];

const POD = 'pod=~"checkout-[a-z0-9]+-[a-z0-9]+"';
const DD = '{kube_namespace:shop,kube_deployment:checkout}';

describe('Kubernetes workload', () => {
  test('five checks, each a PromQL monitor on Grafana and a Datadog monitor on Datadog, with the defaults', () => {
    const s = presetStack();
    const g = MonitorPresets.kubernetesWorkload(s, 'Checkout', { namespace: 'shop', deployment: 'checkout', backends: backends() });
    const j = synthStack(s);
    expect(g.monitors.map((m) => m.node.id)).toEqual([
      'RestartsPromQl', 'RestartsDatadog', 'UnavailableReplicasPromQl', 'UnavailableReplicasDatadog',
      'PendingPodsPromQl', 'PendingPodsDatadog', 'CpuOfLimitPromQl', 'CpuOfLimitDatadog', 'MemoryOfLimitPromQl', 'MemoryOfLimitDatadog',
    ]);
    expect(g.title).toBe('Kubernetes deployment shop/checkout');
    expect(counts(j, 'grafana_rule_group', 'datadog_monitor', 'aws_cloudwatch_metric_alarm')).toEqual({ grafana_rule_group: 5, datadog_monitor: 5, aws_cloudwatch_metric_alarm: 0 });
    expect(warningsOf(g)).toEqual([]);

    const r = promQlRules(j);
    expect(r['shop/checkout: container restarts']).toMatchObject({
      expr: `sum(increase(kube_pod_container_status_restarts_total{namespace="shop",${POD}}[15m]))`,
      for: '0s',
      from: 900,
      noData: 'OK',
    });
    expect(r['shop/checkout: container restarts'].threshold.conditions[0].evaluator).toEqual({ type: 'gt', params: [3] });
    expect(r['shop/checkout: unavailable replicas']).toMatchObject({
      expr: 'max(kube_deployment_status_replicas_unavailable{namespace="shop",deployment="checkout"})',
      // ten one-minute evaluations in a row: the first plus nine more minutes
      for: '540s',
      from: 600,
      noData: 'NoData',
    });
    expect(r['shop/checkout: unavailable replicas'].threshold.conditions[0].evaluator).toEqual({ type: 'gt', params: [0] });
    expect(r['shop/checkout: pending pods']).toMatchObject({
      expr: `sum(kube_pod_status_phase{namespace="shop",${POD},phase="Pending"})`,
      for: '840s',
      from: 900,
      noData: 'OK',
    });
    expect(r['shop/checkout: CPU of limit']).toMatchObject({
      expr: `100 * sum(rate(container_cpu_usage_seconds_total{namespace="shop",${POD},container!=""}[5m])) / sum(kube_pod_container_resource_limits{namespace="shop",${POD},resource="cpu"})`,
      for: '600s',
      from: 900,
    });
    expect(r['shop/checkout: CPU of limit'].threshold.conditions[0].evaluator).toEqual({ type: 'gt', params: [90] });
    expect(r['shop/checkout: memory of limit']).toMatchObject({
      expr: `100 * sum(container_memory_working_set_bytes{namespace="shop",${POD},container!=""}) / sum(kube_pod_container_resource_limits{namespace="shop",${POD},resource="memory"})`,
      for: '600s',
    });
    for (const [name, rule] of Object.entries(r)) expect([name, findPromQlSyntaxError(rule.expr)]).toEqual([name, undefined]);

    expect(datadogQueries(j)).toEqual({
      'shop/checkout: container restarts': `sum(last_15m):monotonic_diff(sum:kubernetes_state.container.restarts${DD}) > 3`,
      'shop/checkout: unavailable replicas': `min(last_10m):max:kubernetes_state.deployment.replicas_unavailable${DD} > 0`,
      'shop/checkout: pending pods': 'min(last_15m):sum:kubernetes_state.pod.status_phase{kube_namespace:shop,kube_deployment:checkout,pod_phase:pending} > 0',
      'shop/checkout: CPU of limit': `avg(last_15m):100 * sum:kubernetes.cpu.usage.total${DD} / (sum:kubernetes.cpu.limits${DD} * 1000000000) > 90`,
      'shop/checkout: memory of limit': `avg(last_15m):100 * sum:kubernetes.memory.working_set${DD} / sum:kubernetes.memory.limits${DD} > 90`,
    });
  });

  test('thresholds from the props, on both kinds of backend', () => {
    const s = presetStack();
    MonitorPresets.kubernetesWorkload(s, 'W', {
      namespace: 'shop', deployment: 'checkout', maxRestarts: 0, maxCpuPercentOfLimit: 75, maxMemoryPercentOfLimit: 80, titlePrefix: 'Checkout', backends: backends(),
    });
    const j = synthStack(s);
    const r = promQlRules(j);
    expect(r['Checkout: container restarts'].threshold.conditions[0].evaluator.params).toEqual([0]);
    expect(r['Checkout: CPU of limit'].threshold.conditions[0].evaluator.params).toEqual([75]);
    expect(r['Checkout: memory of limit'].threshold.conditions[0].evaluator.params).toEqual([80]);
    const q = datadogQueries(j);
    expect(q['Checkout: container restarts']).toMatch(/ > 0$/);
    expect(q['Checkout: CPU of limit']).toMatch(/ > 75$/);
    expect(q['Checkout: memory of limit']).toMatch(/ > 80$/);
  });

  test('only the backends of each kind: Grafana alone gets only PromQL monitors', () => {
    const s = presetStack();
    const g = MonitorPresets.kubernetesWorkload(s, 'W', { namespace: 'shop', deployment: 'checkout', backends: [grafana()] });
    const j = synthStack(s);
    expect(g.monitors.every((m) => m.node.id.endsWith('PromQl'))).toBe(true);
    expect(counts(j, 'grafana_rule_group', 'datadog_monitor')).toEqual({ grafana_rule_group: 5, datadog_monitor: 0 });
  });

  test('a group on Grafana alone draws its PromQL charts on a Grafana dashboard', () => {
    const s = presetStack();
    const folder = new GrafanaFolder(s, 'Folder', { title: 'Shop' });
    const g = MonitorPresets.kubernetesWorkload(s, 'W', { namespace: 'shop', deployment: 'checkout', backends: [grafana()] });
    Dashboard.fromMonitors(s, 'Dash', { title: 'Shop', groups: [g], backends: [DashboardBackend.grafana({ folder, datasourceUid: 'prometheus' })] });
    const j = synthStack(s);
    const dash = JSON.parse(Object.values<any>(j.resource.grafana_dashboard)[0].config_json);
    const exprs = dash.panels.flatMap((p: any) => (p.targets ?? []).map((t: any) => t.expr)).filter((e: unknown) => typeof e === 'string');
    expect(exprs).toEqual(expect.arrayContaining([`sum(increase(kube_pod_container_status_restarts_total{namespace="shop",${POD}}[15m]))`]));
    expect(exprs).toHaveLength(5);
  });

  test('a CloudWatch backend is left out with a warning; alone it is a ValidationError', () => {
    const s = presetStack();
    const g = MonitorPresets.kubernetesWorkload(s, 'W', { namespace: 'shop', deployment: 'checkout', backends: [MonitorBackend.cloudwatch(), MonitorBackend.datadog()] });
    const j = synthStack(s);
    expect(counts(j, 'aws_cloudwatch_metric_alarm', 'datadog_monitor', 'grafana_rule_group')).toEqual({ aws_cloudwatch_metric_alarm: 0, datadog_monitor: 5, grafana_rule_group: 0 });
    expect(warningsOf(g)).toEqual(['test/W: not rendered to cloudwatch (Kubernetes metrics come from Prometheus exporters and Datadog\'s integrations); rendered to datadog only']);

    const s2 = presetStack();
    expect(validationError(() => MonitorPresets.kubernetesWorkload(s2, 'W', { namespace: 'shop', deployment: 'checkout', backends: [MonitorBackend.cloudwatch()] })))
      .toMatchObject({ constructPath: 'test/W', prop: 'backends', received: '"cloudwatch"', accepted: expect.stringMatching(/^Grafana \(PromQL\) or Datadog backends/) });
  });

  test('a namespace with a quote and PromQL after it is rejected before any query is written', () => {
    const s = presetStack();
    expect(validationError(() => MonitorPresets.kubernetesWorkload(s, 'W', { namespace: 'shop"} or vector(1)', deployment: 'checkout', backends: backends() })).prop).toBe('namespace');
  });
});

describe('bad input', () => {
  const build = (props: any) => (s: any) => MonitorPresets.kubernetesWorkload(s, 'T', { namespace: 'shop', deployment: 'checkout', backends: backends(), ...props });
  const name = 'a Kubernetes name: a DNS-1123 label of 1-63 lower-case letters, digits or -, starting and ending with a letter or digit';
  test.each<[string, (s: any) => unknown, string, unknown, string]>([
    ['an upper-case namespace', build({ namespace: 'Shop' }), 'namespace', '"Shop"', name],
    ['a namespace ending in -', build({ namespace: 'shop-' }), 'namespace', '"shop-"', name],
    ['a deployment with a dot', build({ deployment: 'check.out' }), 'deployment', '"check.out"', name],
    ['a 64-character deployment', build({ deployment: 'a'.repeat(64) }), 'deployment', `"${'a'.repeat(64)}"`, name],
    ['no deployment', build({ deployment: undefined }), 'deployment', 'undefined', name],
    ['a negative restart count', build({ maxRestarts: -1 }), 'maxRestarts', '-1', 'a number of 0 or more'],
    ['a CPU percentage of 100', build({ maxCpuPercentOfLimit: 100 }), 'maxCpuPercentOfLimit', '100', 'a percentage above 0 and below 100'],
    ['a memory percentage as text', build({ maxMemoryPercentOfLimit: '90' }), 'maxMemoryPercentOfLimit', '"90"', 'a percentage above 0 and below 100'],
    ['no backends', build({ backends: [] }), 'backends', '[]', expect.stringMatching(/^a non-empty list of backends/)],
  ])('%s', (_, fn, prop, received, acc) => {
    const s = presetStack();
    expect(validationError(() => fn(s))).toMatchObject({ constructPath: 'test/T', prop, received, accepted: acc });
  });
});
