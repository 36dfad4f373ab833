// Public API of src/monitors (re-exported by src/index.ts).
export * from './alert-options';
export * from './alerting-construct';
export * from './threshold';
export * from './backend';
export * from './monitor-config';
export * from './monitor-backend';
export * from './alarm-rule';
export * from './composite-monitor';
export * from './anomaly-monitor';
export * from './slo';
