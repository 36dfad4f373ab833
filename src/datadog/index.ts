// Public API of src/datadog (re-exported by src/index.ts).
export * from './datadog-site';
export * from './datadog-connection';
export * from './datadog-monitor-backend';
export * from './datadog-dashboard-renderer';
export * from './export/datadog-export';
export * from './import/datadog-dashboard-import';
export * from './import/datadog-monitor-import';
export * from './datadog-targets';
export * from './datadog-rendered-monitor';
export * from './datadog-stack-tags';
export * from './datadog-tenant-setup';
export * from './dora-reporting';
