// Public API of the monitoring module (re-exported by src/index.ts).
export * from './signal';
export * from './threshold';
export * from './backend';
export * from './monitor-config';
export * from './monitor-backend';
export * from './targets';
export * from './routing';
export * from './presets';
export * from './backends/datadog';
export * from './backends/cloudwatch';
export * from './backends/grafana';
