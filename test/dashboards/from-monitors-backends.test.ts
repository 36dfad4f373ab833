/**
 * Dashboard.fromMonitors over groups whose monitors are rendered to some backends only: each
 * dashboard backend draws the charts whose signals it can draw, and a warning names each chart
 * a backend leaves out. Before, one chart a backend could not draw failed the whole synth.
 */
import { Dashboard, DashboardBackend, MonitorBackend, MonitorPresets } from '../../src';
import { GrafanaFolder } from '../../src/grafana/grafana-folder';
import { presetStack, warningsOf } from '../presets/support';
import { synthStack } from '../support/synth';

const grafanaExprs = (j: any) => JSON.parse(Object.values<any>(j.resource.grafana_dashboard)[0].config_json).panels
  .flatMap((p: any) => (p.targets ?? []).map((t: any) => t.expr)).filter((e: unknown) => typeof e === 'string');
const datadogQueries = (j: any) => {
  const dash = JSON.parse(Object.values<any>(j.resource.datadog_dashboard_json)[0].dashboard);
  return dash.widgets.flatMap((g: any) => g.definition.widgets ?? [])
    .flatMap((w: any) => (w.definition.requests ?? []).map((r: any) => r.q)).filter((q: unknown) => typeof q === 'string');
};

test('a Kubernetes group on Grafana and Datadog: PromQL charts on Grafana, Datadog charts on Datadog', () => {
  const s = presetStack();
  const folder = new GrafanaFolder(s, 'Folder', { title: 'Shop' });
  const g = MonitorPresets.kubernetesWorkload(s, 'W', {
    namespace: 'shop',
    deployment: 'checkout',
    backends: [MonitorBackend.grafana({ datasourceUid: 'prometheus' }), MonitorBackend.datadog()],
  });
  const dash = Dashboard.fromMonitors(s, 'Dash', {
    title: 'Shop',
    groups: [g],
    backends: [DashboardBackend.grafana({ folder, datasourceUid: 'prometheus' }), DashboardBackend.datadog()],
  });
  const j = synthStack(s);
  const exprs = grafanaExprs(j);
  expect(exprs).toHaveLength(5);
  expect(exprs.every((e: string) => !e.includes('kubernetes_state.'))).toBe(true);
  const queries = datadogQueries(j);
  expect(queries).toHaveLength(5);
  expect(queries).toEqual(expect.arrayContaining([expect.stringContaining('kubernetes_state.container.restarts')]));
  expect(queries.every((q: string) => !q.includes('kube_pod_container_status_restarts_total'))).toBe(true);
  const warnings = warningsOf(dash);
  // five PromQL charts Datadog cannot draw, five Datadog charts Grafana cannot draw
  expect(warnings.filter((w) => w.includes('is not drawn on the Datadog dashboard, which cannot draw PROMQL signals'))).toHaveLength(5);
  expect(warnings.filter((w) => w.includes('is not drawn on the Grafana dashboard, which cannot draw DATADOG_QUERY signals'))).toHaveLength(5);
});

test('a chart every backend can draw gets no warning, and a dashboard of plain widgets is not filtered', () => {
  const s = presetStack();
  const q = MonitorPresets.sqsQueue(s, 'Q', { queueName: 'orders', maxAgeOfOldestMessageSeconds: 300, backends: [MonitorBackend.cloudwatch(), MonitorBackend.datadog()] });
  const dash = Dashboard.fromMonitors(s, 'Dash', { title: 'Q', groups: [q], backends: [DashboardBackend.cloudwatch(), DashboardBackend.datadog()] });
  const j = synthStack(s);
  expect(warningsOf(dash).filter((w) => w.includes('is not drawn'))).toEqual([]);
  const cw = JSON.parse(Object.values<any>(j.resource.aws_cloudwatch_dashboard)[0].dashboard_body);
  const metricWidgets = cw.widgets.filter((w: any) => w.type === 'metric');
  expect(metricWidgets.length).toBeGreaterThanOrEqual(q.monitors.length);
  expect(datadogQueries(j).length).toBeGreaterThanOrEqual(q.monitors.length);
});
