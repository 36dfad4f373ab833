// Public API of src/stacks (re-exported by src/index.ts).
export * from './aws-metrics-to-datadog-stack';
export * from './dora-metrics-stack';
export * from './github-repository-stack';
export * from './incident-routing-stack';
export * from './service-monitoring-stack';
