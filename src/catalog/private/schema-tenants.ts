/**
 * The tenant catalog (`TenantCatalog.fromFile`), as a JSON Schema (draft-07). The rules the
 * schema cannot say (tenant ids used twice, a feature not declared in `features`, an
 * organization id given to two tenants, the reserved tag key `tenant`) are checked after it,
 * with the same file:line:column messages.
 */

/**
 * A tenant id is part of a stack name, a state key, secret paths, Terraform variable names and a
 * Datadog tag value: lower-case letters and digits in words joined by single hyphens, starting
 * with a letter, at most 32 characters. It contains no `_`, `/` or `.`, so a tenant's path
 * segment ends unambiguously at the separator after it (see TenantSecretStore).
 */
export const TENANT_ID_PATTERN = '^(?=.{1,32}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$';
export const TENANT_ID_ACCEPTED = 'a tenant id: 1-32 lower-case letters, digits and single hyphens, starting with a letter';

/** A feature name: the same shape as a tenant id, so it reads the same in a file and in code. */
export const FEATURE_PATTERN = '^(?=.{1,64}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$';
export const FEATURE_ACCEPTED = 'a feature name: 1-64 lower-case letters, digits and single hyphens, starting with a letter';

/**
 * Tags reach Datadog as `key:value` and AWS as default tags. Datadog lower-cases tags and
 * accepts letters, digits, `_ - : . /`, starting with a letter, at most 200 characters
 * (docs.datadoghq.com/getting_started/tagging/#define-tags); the AWS limits are 128 characters
 * for a key and 256 for a value (docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html).
 * Keys and values here are lower-case from the start, so what is written is what every system shows.
 */
export const TAG_KEY_PATTERN = '^(?=.{1,50}$)[a-z][a-z0-9_.-]*$';
export const TAG_KEY_ACCEPTED = 'a tag key: 1-50 lower-case letters, digits, _ . -, starting with a letter';
export const TAG_VALUE_PATTERN = '^(?=.{1,100}$)[a-z0-9][a-z0-9_.:/-]*$';
export const TAG_VALUE_ACCEPTED = 'a tag value: 1-100 lower-case letters, digits, _ . : / -, starting with a letter or digit';

/** Keys of per-tenant settings (read in code: `tenant.setting('jiraProject')`). */
export const SETTING_KEY_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]{0,63}$';
export const SETTING_KEY_ACCEPTED = 'a setting key: a letter, then up to 63 letters, digits, _ . -';

/** Organization ids (Grafana's `org_id` is a positive 32-bit integer: `orgs.id` in Grafana's database). */
export const ORG_ID_MAX = 2_147_483_647;

export const TENANTS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://cdktf-integrations.dev/schemas/tenants.schema.json',
  title: 'Tenant catalog',
  description: 'The tenants of an app: one Terraform stack per tenant, each with its own state, credentials, organizations, tags and features.',
  type: 'object',
  additionalProperties: false,
  required: ['tenants'],
  properties: {
    features: {
      type: 'array',
      description: 'every feature a tenant can switch on; a tenant that names any other feature is refused',
      items: { type: 'string', pattern: FEATURE_PATTERN, description: FEATURE_ACCEPTED },
    },
    tenants: {
      type: 'array',
      description: 'the tenants (at least one), each one stack',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        description: 'one tenant',
        properties: {
          id: { type: 'string', pattern: TENANT_ID_PATTERN, description: TENANT_ID_ACCEPTED },
          displayName: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            pattern: '^[^\\u0000-\\u001f\\u007f]*$',
            description: 'a human-readable name of 1-100 characters without control characters',
          },
          features: {
            type: 'object',
            description: 'feature to true (on) or false (off); a feature not named is off',
            additionalProperties: { type: 'boolean', description: 'true (on) or false (off)' },
          },
          tags: {
            type: 'object',
            description: 'tags of everything the tenant\'s stack creates, key to value (the tag tenant:<id> is always added)',
            additionalProperties: { type: 'string', pattern: TAG_VALUE_PATTERN, description: TAG_VALUE_ACCEPTED },
          },
          settings: {
            type: 'object',
            description: 'per-tenant overrides your builders read with tenant.setting(key), key to string value',
            additionalProperties: { type: 'string', maxLength: 1000, description: 'a setting value: a string of at most 1000 characters' },
          },
          orgIds: {
            type: 'object',
            description: 'the tenant\'s own organization in a system, by system (grafana: 3); never shared with another tenant',
            additionalProperties: { type: 'integer', minimum: 1, maximum: ORG_ID_MAX, description: `an organization id: a whole number from 1 to ${ORG_ID_MAX}` },
          },
        },
      },
    },
  },
};
