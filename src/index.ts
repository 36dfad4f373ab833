// Public API of cdktf-integrations. This file only re-exports: neutral modules first, then one
// module per external system.
export { Errors } from './core/errors';
export * from './core/secret';
export * from './core/severity';
export * from './core/integration';
export * from './core/integration-connection';
export * from './signals';
export * from './monitors';
export * from './notifications';
export * from './dashboards';
export * from './presets';
export * from './catalog';
export * from './aws';
export * from './cloudwatch';
export * from './datadog';
export * from './grafana';
export * from './newrelic';
export * from './github';
export * from './gitlab';
export * from './gitops';
export * from './jira';
export * from './pagerduty';
export * from './slack';
export * from './webhooks';
export * from './stacks';
export * from './discovery';

/** Generated L1 bindings of the Grafana provider (grafana/grafana), one submodule per resource. */
export * as grafanaL1 from './bindings/grafana';
