/**
 * Rules the grafana/grafana Terraform provider (4.45.1) enforces in its own code, which its
 * schema cannot show: checked at synth time so that bad input fails with the library's
 * ValidationError instead of at plan or apply. Each rule names the provider source file
 * (github.com/grafana/terraform-provider-grafana, tag v4.45.1) it was read from.
 */
import { IConstruct } from 'constructs';
import { fail, isToken } from '../../core/private/validate';

/**
 * Folder uids: letters, digits, `-` and `_` only. internal/resources/grafana/resource_folder.go
 * (`folderUIDValidation` on `uid`), used again for `folder_uid` of resource_alerting_rule_group.go
 * and, as a regex validator, for `folder_uid` of resource_folder_permission.go. The length limit
 * of 40 is Grafana's own uid limit (the API rejects longer uids).
 */
export const FOLDER_UID = /^[A-Za-z0-9_-]{1,40}$/;

/** A folder uid the provider accepts (an unresolved token is left to Terraform). */
export function requireFolderUid(scope: IConstruct, prop: string, value: unknown): string {
  if (typeof value !== 'string' || (!isToken(value) && !FOLDER_UID.test(value))) {
    fail(scope, prop, value, 'a Grafana folder uid of 1-40 letters, digits, - or _');
  }
  return value;
}

/**
 * Text the provider rejects anywhere in `json_data_encoded` of `grafana_data_source`
 * (internal/resources/grafana/resource_data_source.go, the ValidateFunc of
 * `datasourceJSONDataAttribute`): the header keys belong to `http_headers`, the team header
 * rules to `grafana_data_source_config_lbac_rules`, and the secure-socks-proxy keys are set by
 * the provider itself from `private_data_source_connect_network_id`. The check is a substring
 * match over the whole encoded JSON, keys and values alike.
 */
export const RESERVED_JSON_DATA = ['httpHeaderName', 'teamHttpHeaders', 'enableSecureSocksProxy', 'secureSocksProxyUsername'] as const;

/**
 * Text the provider rejects anywhere in `secure_json_data_encoded`: `httpHeaderValue`
 * (same file, `datasourceSecureJSONDataAttribute`); header values go in `http_headers`.
 */
export const RESERVED_SECURE_JSON_DATA = ['httpHeaderValue'] as const;

/** Fails when `encoded` (the JSON the resource receives) holds one of the reserved words. */
export function checkReserved(scope: IConstruct, prop: string, encoded: string, reserved: readonly string[], use: string): void {
  for (const word of reserved) {
    if (encoded.includes(word)) fail(scope, prop, word, `settings without "${word}" (a key the grafana provider reserves: ${use})`);
  }
}

/**
 * Label matcher operators of `grafana_notification_policy` `policy.matcher.match`
 * (internal/resources/grafana/resource_alerting_notification_policy.go, StringInSlice).
 */
export const MATCH_OPERATORS = ['=', '!=', '=~', '!~'] as const;

/**
 * Folder permission values of `grafana_folder_permission` `permissions.permission` and basic
 * roles of `permissions.role` (internal/resources/grafana/common_resource_permission.go,
 * `bulkPermissionsSchemaAttribute`, OneOf validators; resource_folder_permission.go passes
 * View, Edit and Admin).
 */
export const FOLDER_PERMISSIONS = ['View', 'Edit', 'Admin'] as const;
export const FOLDER_ROLES = ['Viewer', 'Editor', 'Admin'] as const;
