import { TerraformStack } from 'cdktf';
import { Dashboard, DashboardBackend, DashboardProps, IDashboardBackend, ComparisonOperator, MonitorBackend, MonitorConfig, MonitorConfigProps, Signal, Statistic } from '../../src';
import { GrafanaFolder } from '../../src/grafana/grafana-folder';
import { connect } from '../monitors/fixtures';
import { newStack, synthStack } from '../support/synth';

export const lambdaErrors = () => Signal.cloudWatchMetric({
  namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout' }, statistic: Statistic.SUM,
});
export const promRequests = () => Signal.promQl({ query: 'sum(rate(http_requests_total{job="checkout"}[5m]))' });
export const ddLatency = () => Signal.datadogQuery({ query: 'avg:trace.http.request.duration{service:checkout}' });

/** A stack with every connection and a Grafana folder. */
export function setup(): { stack: TerraformStack; folder: GrafanaFolder } {
  const stack = newStack();
  connect(stack);
  const folder = new GrafanaFolder(stack, 'Folder', { title: 'Checkout' });
  return { stack, folder };
}

export const datadog = (): IDashboardBackend[] => [DashboardBackend.datadog()];
export const grafana = (folder?: GrafanaFolder): IDashboardBackend[] =>
  [DashboardBackend.grafana({ folder, datasourceUid: 'prom', cloudWatchDatasourceUid: 'cw' })];
export const cloudwatch = (): IDashboardBackend[] => [DashboardBackend.cloudwatch()];

/** A dashboard with defaults. */
export function dashboard(stack: TerraformStack, props: Partial<DashboardProps> = {}, id = 'Dash'): Dashboard {
  return new Dashboard(stack, id, { title: 'Checkout service', backends: datadog(), ...props });
}

/** A monitor on all three backends. */
export function monitor(stack: TerraformStack, props: Partial<MonitorConfigProps> = {}, id = 'Errors'): MonitorConfig {
  return new MonitorConfig(stack, id, {
    title: 'checkout errors',
    message: 'Checkout Lambda errors are high.',
    signal: lambdaErrors(),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 10,
    backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cw' })],
    ...props,
  });
}

/** The one resource of `type` whose name starts with `prefix`. */
export function resource(json: any, type: string, prefix: string): any {
  const hits = Object.entries<any>(json.resource?.[type] ?? {}).filter(([k]) => k.startsWith(prefix));
  expect(hits.map(([k]) => k)).toHaveLength(1);
  return hits[0][1];
}

/** The parsed dashboard JSON each backend synthesized for the dashboard with construct id `id`. */
export function rendered(json: any, id = 'Dash') {
  const get = (type: string, backend: string, attr: string) => {
    const r = Object.entries<any>(json.resource?.[type] ?? {}).find(([k]) => k.startsWith(`${id}_${backend}_`));
    return r ? JSON.parse(r[1][attr]) : undefined;
  };
  return {
    datadog: get('datadog_dashboard_json', 'Datadog', 'dashboard'),
    grafana: get('grafana_dashboard', 'Grafana', 'config_json'),
    cloudwatch: get('aws_cloudwatch_dashboard', 'CloudWatch', 'dashboard_body'),
  };
}

/** Synthesize the stack and return the rendered dashboards of `id`. */
export function synth(stack: TerraformStack, id = 'Dash') {
  const json = synthStack(stack);
  return { json, ...rendered(json, id) };
}
