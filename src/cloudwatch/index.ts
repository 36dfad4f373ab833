// Public API of src/cloudwatch (re-exported by src/index.ts).
export * from './cloudwatch-monitor-backend';
export * from './cloudwatch-dashboard-renderer';
export * from './cloudwatch-targets';
export * from './cloudwatch-rendered-monitor';
