/** Shared helpers of the default tests (not a test file). */
import { TerraformStack } from 'cdktf';
import { AwsConnection, DatadogConnection, GrafanaAuth, GrafanaConnection, Secret } from '../../src';

export function connected(stack: TerraformStack) {
  const v = (n: string) => Secret.fromTerraformVariable(stack, `Var_${n}`, { variableName: n });
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  const datadog = new DatadogConnection(stack, 'Datadog', { apiKey: v('dd_api'), appKey: v('dd_app'), testConnection: false });
  const grafana = new GrafanaConnection(stack, 'Grafana', { url: 'https://g.example.com', auth: GrafanaAuth.serviceAccountToken(v('grafana_token')), testConnection: false });
  return { aws, datadog, grafana, v };
}

/** The only resource of a type. */
export function one(json: any, type: string): any {
  const found = Object.values<any>(json.resource?.[type] ?? {});
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}: ${Object.keys(json.resource?.[type] ?? {}).join(', ')}`);
  return found[0];
}

/** Every resource of a type. */
export function all(json: any, type: string): any[] {
  return Object.values<any>(json.resource?.[type] ?? {});
}
