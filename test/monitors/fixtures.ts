import { TerraformStack } from 'cdktf';
import {
  AwsConnection, DatadogConnection, GrafanaAuth, GrafanaConnection, PagerDutyConnection, Secret, SlackConnection,
  WebhookAuth, WebhookConnection,

  ComparisonOperator, IMonitorBackend, MonitorBackend, MonitorConfig, MonitorConfigProps, Signal, Statistic,
} from '../../src/index';

/** Every connection a monitor may need, without connection checks. */
export function connect(stack: TerraformStack, options: { slack?: boolean } = {}) {
  const v = (name: string) => Secret.fromTerraformVariable(stack, `Var_${name}`, { variableName: name });
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  const datadog = new DatadogConnection(stack, 'Datadog', { apiKey: v('dd_api'), appKey: v('dd_app'), testConnection: false });
  const grafana = new GrafanaConnection(stack, 'Grafana', {
    url: 'https://grafana.acme.example', auth: GrafanaAuth.serviceAccountToken(v('grafana_token')), testConnection: false,
  });
  const slack = options.slack === false ? undefined : new SlackConnection(stack, 'Slack', {
    workspaceId: 'T01234567', botToken: v('slack_token'), datadogAccountName: 'acme', testConnection: false,
  });
  const pagerDuty = new PagerDutyConnection(stack, 'PagerDuty', { testConnection: false });
  const hook = new WebhookConnection(stack, 'IncidentBridge', { url: 'https://hooks.acme.example/alerts', testConnection: false });
  const bearerHook = new WebhookConnection(stack, 'StatusPage', {
    url: 'https://status.acme.example/hook', auth: WebhookAuth.bearer(v('status_token')), testConnection: false,
  });
  return { aws, datadog, grafana, slack, pagerDuty, hook, bearerHook, v };
}

export const errorsSignal = () => Signal.cloudWatchMetric({
  namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout' }, statistic: Statistic.SUM,
});

export const allBackends = (): IMonitorBackend[] => [
  MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cloudwatch' }),
];

/** A valid monitor with overrides. */
export function monitor(stack: TerraformStack, props: Partial<MonitorConfigProps> = {}, id = 'Errors'): MonitorConfig {
  return new MonitorConfig(stack, id, {
    title: 'checkout errors',
    message: 'Checkout Lambda errors are high.',
    signal: errorsSignal(),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 10,
    backends: [MonitorBackend.datadog()],
    ...props,
  });
}

export const only = (obj: Record<string, any> | undefined): any => {
  const values = Object.values(obj ?? {});
  expect(values).toHaveLength(1);
  return values[0];
};

/** Every warning annotation in the tree of `scope`. */
export function warningsOf(scope: { node: any }): string[] {
  return scope.node.findAll().flatMap((c: any) => c.node.metadata).filter((m: any) => m.type === '@cdktf/warn').map((m: any) => String(m.data));
}
