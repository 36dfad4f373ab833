import {
  AwsConnection, FolderAccess, FolderGrant, GrafanaAuth, GrafanaConnection, GrafanaDataSource, GrafanaFolder, GrafanaRole, Secret,
} from '../../src';
import { DataSource } from '../../src/bindings/grafana/data-source';
import { Folder } from '../../src/bindings/grafana/folder';
import { newStack, synthStack } from '../support/synth';

function setup() {
  const stack = newStack();
  new GrafanaConnection(stack, 'Grafana', { url: 'https://g.example.com', auth: GrafanaAuth.serviceAccountToken(Secret.fromTerraformVariable(stack, 'T', { variableName: 'gtoken' })), testConnection: false });
  return stack;
}
const one = (json: any, type: string) => {
  const all = Object.values<any>(json.resource[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
};

describe('GrafanaFolder', () => {
  test('derives a stable uid and manages permissions authoritatively', () => {
    const stack = setup();
    const folder = new GrafanaFolder(stack, 'Folder', {
      title: 'Checkout — Alerts!',
      permissions: [
        FolderGrant.forRole(GrafanaRole.VIEWER, FolderAccess.VIEW),
        FolderGrant.forTeam(12, FolderAccess.EDIT),
        FolderGrant.forUser(7, FolderAccess.ADMIN),
      ],
    });
    const json = synthStack(stack);
    expect(one(json, 'grafana_folder')).toEqual({
      provider: 'grafana', title: 'Checkout — Alerts!', uid: 'checkout-alerts', prevent_destroy_if_not_empty: true,
    });
    expect(one(json, 'grafana_folder_permission').permissions).toEqual([
      { role: 'Viewer', permission: 'View' }, { team_id: '12', permission: 'Edit' }, { user_id: '7', permission: 'Admin' },
    ]);
    expect(folder.resource).toBeInstanceOf(Folder);
    expect(folder.uid).toBe('checkout-alerts');
  });

  test('nested folders point at their parent', () => {
    const stack = setup();
    const parent = new GrafanaFolder(stack, 'Parent', { title: 'Teams', uid: 'teams' });
    new GrafanaFolder(stack, 'Child', { title: 'Payments', parent });
    const folders = Object.values<any>(synthStack(stack).resource.grafana_folder);
    // by reference: Terraform creates the parent first and destroys it last
    expect(folders.find((f) => f.uid === 'payments').parent_folder_uid).toMatch(/^\$\{grafana_folder\.Parent_[0-9A-F]{8}\.uid\}$/);
  });

  test('bad uid, duplicate grants and no permissions management', () => {
    const stack = setup();
    expect(() => new GrafanaFolder(stack, 'A', { title: 'x', uid: 'has space' })).toThrow("test/A: 'uid' must be a uid of 1-40 letters, digits, - or _; received \"has space\"");
    expect(() => new GrafanaFolder(stack, 'B', { title: 'x', permissions: [FolderGrant.forTeam(1, FolderAccess.VIEW), FolderGrant.forTeam(1, FolderAccess.EDIT)] }))
      .toThrow("test/B: 'permissions[1]' must be at most one grant per role, team or user; received \"team:1\"");
    expect(() => new GrafanaFolder(stack, 'C', { title: '' })).toThrow("test/C: 'title' must be a non-empty folder title; received \"\"");
    const plain = new GrafanaFolder(stack, 'D', { title: 'Plain' });
    expect(plain.permission).toBeUndefined();
  });
});

describe('GrafanaDataSource', () => {
  test('CloudWatch with an assumed role', () => {
    const stack = setup();
    const ds = GrafanaDataSource.cloudWatch(stack, 'Cw', { name: 'CloudWatch prod', region: 'eu-west-1', assumeRoleArn: 'arn:aws:iam::123456789012:role/grafana-reader', externalId: 'ext-1' });
    const r = one(synthStack(stack), 'grafana_data_source');
    expect(r).toMatchObject({ name: 'CloudWatch prod', uid: 'cloudwatch-prod', type: 'cloudwatch', is_default: false });
    expect(JSON.parse(r.json_data_encoded)).toEqual({ assumeRoleArn: 'arn:aws:iam::123456789012:role/grafana-reader', authType: 'default', defaultRegion: 'eu-west-1', externalId: 'ext-1' });
    expect(r).not.toHaveProperty('secure_json_data_encoded');
    expect(ds.resource).toBeInstanceOf(DataSource);
  });

  test('CloudWatch with keys sends them as secure JSON data, never in clear', () => {
    const stack = setup();
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
    GrafanaDataSource.cloudWatch(stack, 'Cw', {
      name: 'cw',
      region: 'eu-west-1',
      accessKeyId: Secret.fromTerraformVariable(stack, 'Ak', { variableName: 'ak' }),
      secretAccessKey: Secret.fromSsmParameter(stack, 'Sk', { parameterName: '/grafana/sk' }),
    });
    const r = one(synthStack(stack), 'grafana_data_source');
    expect(JSON.parse(r.json_data_encoded).authType).toBe('keys');
    expect(r.secure_json_data_encoded).toMatch(/^\$\{jsonencode\(\{"accessKey" = var\.ak, "secretKey" = data\.aws_ssm_parameter\.Sk_[0-9A-F]+\.value\}\)\}$/);
  });

  test('Prometheus with basic auth, and with a bearer token', () => {
    const stack = setup();
    GrafanaDataSource.prometheus(stack, 'P1', { name: 'prom', url: 'https://prom.example.com', basicAuthUsername: 'grafana', basicAuthPassword: Secret.fromTerraformVariable(stack, 'Pw', { variableName: 'pw' }) });
    GrafanaDataSource.prometheus(stack, 'P2', { name: 'amp', url: 'https://amp.example.com', bearerToken: Secret.fromTerraformVariable(stack, 'Bt', { variableName: 'bt' }), scrapeInterval: '30s' });
    const [p1, p2] = Object.values<any>(synthStack(stack).resource.grafana_data_source);
    expect(p1).toMatchObject({ type: 'prometheus', url: 'https://prom.example.com', basic_auth_enabled: true, basic_auth_username: 'grafana' });
    expect(p1.secure_json_data_encoded).toBe('${jsonencode({"basicAuthPassword" = var.pw})}');
    // the grafana provider reserves httpHeaderName/httpHeaderValue keys: headers go in http_headers
    expect(JSON.parse(p2.json_data_encoded)).toEqual({ httpMethod: 'POST', timeInterval: '30s' });
    expect(p2.secure_json_data_encoded).toBeUndefined();
    expect(p2.http_headers).toEqual({ Authorization: 'Bearer ${var.bt}' });
  });

  test('JSON API with secret headers', () => {
    const stack = setup();
    GrafanaDataSource.jsonApi(stack, 'Api', { name: 'metrics api', url: 'https://api.example.com/metrics', secretHeaders: { 'X-Api-Key': Secret.fromTerraformVariable(stack, 'K', { variableName: 'k' }) }, queryParams: 'env=prod' });
    const r = one(synthStack(stack), 'grafana_data_source');
    expect(r.type).toBe('marcusolsson-json-datasource');
    expect(JSON.parse(r.json_data_encoded)).toEqual({ queryParams: 'env=prod' });
    expect(r.secure_json_data_encoded).toBeUndefined();
    expect(r.http_headers).toEqual({ 'X-Api-Key': '${var.k}' });
  });

  test('bad input names the future construct path', () => {
    const stack = setup();
    expect(() => GrafanaDataSource.cloudWatch(stack, 'Cw', { name: 'cw', region: 'moon-1' })).toThrow(/test\/Cw: 'region' must be an AWS region/);
    expect(() => GrafanaDataSource.prometheus(stack, 'P', { name: 'p', url: 'ftp://x' })).toThrow("test/P: 'url' must be an absolute https or http URL with a host; received \"ftp://x\"");
    expect(() => GrafanaDataSource.jsonApi(stack, 'J', { name: 'j', url: 'http://plain.example.com' })).toThrow("test/J: 'url' must be an absolute https URL with a host; received \"http://plain.example.com\"");
    expect(() => new GrafanaDataSource(stack, 'G', { name: 'g', type: 'Bad Type' })).toThrow("test/G: 'type' must be a Grafana plugin type id such as prometheus; received \"Bad Type\"");
    expect(() => new GrafanaDataSource(stack, 'S', { name: 's', type: 'loki', secureJsonData: { password: 'plain' as any } }))
      .toThrow("test/S: 'secureJsonData.password' must be a Secret (Secret.fromTerraformVariable, fromEnvironment, fromSecretsManager or fromSsmParameter), never a plain string; received <a plain string (value not shown)>");
  });
});
