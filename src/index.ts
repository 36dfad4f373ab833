// Public API of cdktf-integrations. This file only re-exports.
export { Errors } from './core/errors';
export * from './core/secret';
export * from './core/aws-regions';
export * from './core/severity';
export * from './connections/integration-connection';
export * from './connections/datadog-site';
export * from './connections/datadog-connection';
export * from './connections/grafana-connection';
export * from './connections/aws-connection';
export * from './connections/github-connection';
export * from './connections/jira-connection';
export * from './connections/slack-connection';
export * from './connections/pagerduty-connection';
export * from './connections/webhook-connection';
export * from './monitoring';
export * from './catalog';
export * from './dashboards';
export * from './constructs/datadog-export';
export * from './constructs/webhook';
export * from './constructs/jira-workflow';
export * from './grafana/grafana-folder';
export * from './grafana/grafana-data-source';
export * from './github/github-repository';
export * from './gitops/gitops-pipeline';
export * from './stacks/aws-metrics-to-datadog-stack';
export * from './stacks/github-repository-stack';
export * from './stacks/incident-routing-stack';
export * from './stacks/service-monitoring-stack';

/** Generated L1 bindings of the Grafana provider (grafana/grafana), one submodule per resource. */
export * as grafanaL1 from './bindings/grafana';
