// Public API of the monitoring module (re-exported by src/index.ts).
export * from './alert-options';
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
export * from './alarm-rule';
export * from './composite-monitor';
export * from './anomaly-monitor';
export * from './slo';
