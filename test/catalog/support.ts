/** Shared helpers of the catalog tests (not a test file). */
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { DatadogConnection, GrafanaAuth, GrafanaConnection, Secret } from '../../src';

export const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');

/** Every corpus file of a kind, as [file name, absolute path]. */
export function corpusFiles(kind: string): Array<[string, string]> {
  const dir = path.join(CORPUS, kind);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => [f, path.join(dir, f)]);
}

export function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function grafana(stack: TerraformStack, id = 'Grafana', alias?: string): GrafanaConnection {
  return new GrafanaConnection(stack, id, {
    url: 'https://grafana.example.com',
    alias,
    testConnection: false,
    auth: GrafanaAuth.serviceAccountToken(Secret.fromTerraformVariable(stack, `${id}Token`, { variableName: `${id.toLowerCase()}_token` })),
  });
}

export function datadog(stack: TerraformStack, id = 'Datadog', alias?: string): DatadogConnection {
  return new DatadogConnection(stack, id, {
    alias,
    testConnection: false,
    apiKey: Secret.fromTerraformVariable(stack, `${id}Api`, { variableName: `${id.toLowerCase()}_api_key` }),
    appKey: Secret.fromTerraformVariable(stack, `${id}App`, { variableName: `${id.toLowerCase()}_app_key` }),
  });
}

/** The only resource of a type in a synthesized stack. */
export function only(json: any, type: string): any {
  const all = Object.values<any>(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** Warning messages of a construct. */
export function warnings(c: IConstruct): string[] {
  return c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
}

/** Info messages of a construct. */
export function infos(c: IConstruct): string[] {
  return c.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data));
}
