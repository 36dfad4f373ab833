// Public API of the dashboards module (re-exported by src/index.ts).
export * from './dashboard-backend-kind';
export * from './template-variable';
export * from './widget';
export * from './dashboard-backend';
export * from './dashboard';
export * from './renderers/datadog';
export * from './renderers/grafana';
export * from './renderers/cloudwatch';
