/**
 * Rules the grafana provider (4.45.1) enforces in its code, beyond its schema
 * (src/grafana/private/provider-rules.ts): checked at synth time, and what the library
 * synthesizes itself never breaks them.
 */
import {
  AwsConnection, FolderAccess, FolderGrant, GrafanaAuth, GrafanaConnection, GrafanaDataSource, GrafanaFolder, GrafanaNotificationPolicy, GrafanaRole,
  MatchOperator, MonitorBackend, NotificationTarget, Secret,
} from '../../src';
import { ValidationError } from '../../src/core/errors';
import { RESERVED_JSON_DATA, RESERVED_SECURE_JSON_DATA } from '../../src/grafana/private/provider-rules';
import { connect, monitor } from '../monitors/fixtures';
import { newStack, synthStack } from '../support/synth';

function setup() {
  const stack = newStack();
  new GrafanaConnection(stack, 'Grafana', { url: 'https://g.example.com', auth: GrafanaAuth.serviceAccountToken(Secret.fromTerraformVariable(stack, 'T', { variableName: 'gtoken' })), testConnection: false });
  return stack;
}
const dataSources = (json: any) => Object.values<any>(json.resource.grafana_data_source ?? {});

/** What resource_data_source.go rejects in the encoded settings (a substring match). */
function reservedIn(ds: any): string[] {
  return [
    ...RESERVED_JSON_DATA.filter((w) => (ds.json_data_encoded ?? '').includes(w)),
    ...RESERVED_SECURE_JSON_DATA.filter((w) => (ds.secure_json_data_encoded ?? '').includes(w)),
  ];
}

describe('grafana_data_source (resource_data_source.go)', () => {
  test('a Prometheus bearer token goes in http_headers as "Authorization: Bearer <token>", never in the reserved JSON keys', () => {
    const stack = setup();
    GrafanaDataSource.prometheus(stack, 'P', { name: 'amp', url: 'https://amp.example.com', bearerToken: Secret.fromTerraformVariable(stack, 'Bt', { variableName: 'bt' }) });
    const [ds] = dataSources(synthStack(stack));
    expect(reservedIn(ds)).toEqual([]);
    expect(ds.http_headers).toEqual({ Authorization: 'Bearer ${var.bt}' });
    expect(JSON.parse(ds.json_data_encoded)).toEqual({ httpMethod: 'POST', timeInterval: '15s' });
    expect(ds.secure_json_data_encoded).toBeUndefined();
  });

  test('the secret headers of a JSON API go in http_headers', () => {
    const stack = setup();
    GrafanaDataSource.jsonApi(stack, 'J', {
      name: 'api',
      url: 'https://api.example.com',
      secretHeaders: { 'X-Api-Key': Secret.fromTerraformVariable(stack, 'K', { variableName: 'k' }), 'X-Org': Secret.fromTerraformVariable(stack, 'O', { variableName: 'org' }) },
    });
    const [ds] = dataSources(synthStack(stack));
    expect(reservedIn(ds)).toEqual([]);
    expect(ds.http_headers).toEqual({ 'X-Api-Key': '${var.k}', 'X-Org': '${var.org}' });
    expect(ds.json_data_encoded).toBeUndefined();
    expect(ds.secure_json_data_encoded).toBeUndefined();
  });

  test('no secret in cdktf.out: header values are references', () => {
    const stack = setup();
    new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
    GrafanaDataSource.prometheus(stack, 'P', { name: 'amp', url: 'https://amp.example.com', bearerToken: Secret.fromSecretsManager(stack, 'Bt', { secretId: 'amp/token' }) });
    const [ds] = dataSources(synthStack(stack));
    expect(ds.http_headers.Authorization).toMatch(/^Bearer \$\{data\.aws_secretsmanager_secret_version\.[\w-]+\.secret_string\}$/);
  });

  test('httpHeaders and bearerToken of the generic constructor', () => {
    const stack = setup();
    new GrafanaDataSource(stack, 'L', {
      name: 'loki',
      type: 'loki',
      url: 'https://loki.example.com',
      httpHeaders: { 'X-Scope-OrgID': Secret.fromTerraformVariable(stack, 'Tenant', { variableName: 'tenant' }) },
      bearerToken: Secret.fromTerraformVariable(stack, 'Lt', { variableName: 'lt' }),
    });
    const [ds] = dataSources(synthStack(stack));
    expect(ds.http_headers).toEqual({ 'Authorization': 'Bearer ${var.lt}', 'X-Scope-OrgID': '${var.tenant}' });
  });

  test.each(RESERVED_JSON_DATA.map((w) => [w]))('jsonData holding "%s" fails at synth time', (word) => {
    const stack = setup();
    expect(() => new GrafanaDataSource(stack, 'D', { name: 'd', type: 'loki', jsonData: { [`${word}1`]: 'x' } }))
      .toThrow(`test/D: 'jsonData' must be settings without "${word}" (a key the grafana provider reserves: headers go in httpHeaders); received "${word}"`);
    // a substring match over the encoded JSON, values included
    expect(() => new GrafanaDataSource(stack, 'E', { name: 'e', type: 'loki', jsonData: { note: `see ${word}` } })).toThrow(ValidationError);
  });

  test('secureJsonData holding httpHeaderValue fails at synth time', () => {
    const stack = setup();
    expect(() => new GrafanaDataSource(stack, 'D', { name: 'd', type: 'loki', secureJsonData: { httpHeaderValue1: Secret.fromTerraformVariable(stack, 'V', { variableName: 'v' }) } }))
      .toThrow('test/D: \'secureJsonData\' must be settings without "httpHeaderValue" (a key the grafana provider reserves: headers go in httpHeaders); received "httpHeaderValue"');
  });

  test('bad headers fail', () => {
    const stack = setup();
    const v = Secret.fromTerraformVariable(stack, 'V', { variableName: 'v' });
    expect(() => new GrafanaDataSource(stack, 'A', { name: 'a', type: 'loki', httpHeaders: { 'Bad Header': v } }))
      .toThrow("test/A: 'httpHeaders' must be HTTP header names; received \"Bad Header\"");
    expect(() => new GrafanaDataSource(stack, 'B', { name: 'b', type: 'loki', httpHeaders: { authorization: v }, bearerToken: v }))
      .toThrow("test/B: 'httpHeaders.authorization' must be no Authorization header when bearerToken is given; received \"authorization\"");
    expect(() => new GrafanaDataSource(stack, 'C', { name: 'c', type: 'loki', httpHeaders: { 'X-Key': 'plain' as any } }))
      .toThrow(/test\/C: 'httpHeaders\.X-Key' must be a Secret/);
  });
});

describe('grafana_rule_group and grafana_folder (resource_alerting_rule_group.go, resource_folder.go)', () => {
  test('a folderUid the provider rejects fails at synth time', () => {
    const stack = newStack();
    connect(stack);
    expect(() => monitor(stack, { backends: [MonitorBackend.grafana({ datasourceUid: 'cloudwatch', folderUid: 'my folder' })] }))
      .toThrow("test/Errors: 'folderUid' must be a Grafana folder uid of 1-40 letters, digits, - or _; received \"my folder\"");
  });

  test('a valid folderUid is used as it is', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: [MonitorBackend.grafana({ datasourceUid: 'cloudwatch', folderUid: 'team-a_alerts' })] });
    const [group] = Object.values<any>(synthStack(stack).resource.grafana_rule_group);
    expect(group.folder_uid).toBe('team-a_alerts');
    // the provider requires a condition when the rule is no recording rule
    expect(group.rule.every((r: any) => r.condition === 'C' && r.record === undefined)).toBe(true);
  });

  test('folder uids and permissions', () => {
    const stack = setup();
    expect(() => new GrafanaFolder(stack, 'F', { title: 'f', uid: 'a.b' })).toThrow("test/F: 'uid' must be a uid of 1-40 letters, digits, - or _; received \"a.b\"");
    expect(() => new GrafanaFolder(stack, 'G', { title: 'g', permissions: [FolderGrant.forRole('Admin' as GrafanaRole, FolderAccess.VIEW)] })).toThrow(ValidationError);
    new GrafanaFolder(stack, 'H', { title: 'h', permissions: [FolderGrant.forRole(GrafanaRole.EDITOR, FolderAccess.ADMIN)] });
    const [perm] = Object.values<any>(synthStack(stack).resource.grafana_folder_permission);
    expect(perm.permissions).toEqual([{ permission: 'Admin', role: 'Editor' }]);
  });
});

describe('grafana_notification_policy (resource_alerting_notification_policy.go)', () => {
  test('matcher operators are the four the provider accepts', () => {
    const stack = setup();
    const policy = GrafanaNotificationPolicy.of(stack);
    expect(() => policy.addRoute({ contactPoint: 'c', matchers: [{ label: 'team', match: '==' as MatchOperator, value: 'a' }] }))
      .toThrow("'route.matchers.match' must be a MatchOperator (=, !=, =~, !~); received \"==\"");
    expect(Object.values(MatchOperator).sort()).toEqual(['!=', '!~', '=', '=~']);
  });

  test('group_by entries are never empty', () => {
    const stack = setup();
    expect(() => new GrafanaNotificationPolicy(stack, 'P', { groupBy: [''] })).toThrow(ValidationError);
  });
});

describe('grafana_contact_point (resource_alerting_contact_point_notifiers.go)', () => {
  test('an e-mail address the provider would split fails at synth time', () => {
    const stack = newStack();
    connect(stack);
    expect(() => monitor(stack, {
      backends: [MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })],
      targets: [NotificationTarget.email({ address: 'a;b@example.com' })],
    })).toThrow(/'[^']*address' must be for Grafana an e-mail address without , or ;; received "a;b@example.com"/);
  });
});
