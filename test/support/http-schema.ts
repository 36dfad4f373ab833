/**
 * The schema of the hashicorp/http provider (`~> 3.4`, what src/core/private/connection-check.ts
 * requires), in the `terraform providers schema -json` format. No binding package of this
 * provider is installed and the local mirror holds only hashicorp/aws, so the schema was
 * written down from the provider's source: the data source `http` from
 * internal/provider/data_source_http.go (plugin framework `Schema()`; `retry` is a
 * SingleNestedBlock; `request_timeout_ms` and the retry fields are Int64 attributes), the
 * provider block from internal/provider/provider.go (no arguments). Only arguments present
 * since 3.4.0 are listed as configurable; the client certificate arguments and
 * `response_is_sensitive` came later and are left out, so that the lowest admitted version
 * is the one checked.
 */
import type { ProviderSchemaJson } from './schema-conformance';

export const HTTP_PROVIDER_SCHEMA: ProviderSchemaJson = {
  provider: { block: {} },
  resource_schemas: {},
  data_source_schemas: {
    http: {
      block: {
        attributes: {
          id: { type: 'string', computed: true },
          url: { type: 'string', required: true },
          method: { type: 'string', optional: true },
          request_headers: { type: ['map', 'string'], optional: true },
          request_body: { type: 'string', optional: true },
          request_timeout_ms: { type: 'number', optional: true },
          ca_cert_pem: { type: 'string', optional: true },
          insecure: { type: 'bool', optional: true },
          response_body: { type: 'string', computed: true },
          body: { type: 'string', computed: true },
          response_body_base64: { type: 'string', computed: true },
          response_headers: { type: ['map', 'string'], computed: true },
          status_code: { type: 'number', computed: true },
        },
        block_types: {
          retry: {
            nesting_mode: 'single',
            block: {
              attributes: {
                attempts: { type: 'number', optional: true },
                min_delay_ms: { type: 'number', optional: true },
                max_delay_ms: { type: 'number', optional: true },
              },
            },
          },
        },
      },
    },
  },
};
