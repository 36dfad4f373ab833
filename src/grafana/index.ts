// Public API of src/grafana (re-exported by src/index.ts).
export * from './grafana-connection';
export * from './grafana-monitor-backend';
export * from './grafana-notification-policy';
export * from './grafana-dashboard-renderer';
export * from './grafana-folder';
export * from './grafana-data-source';
export * from './import/grafana-dashboard-import';
export * from './grafana-targets';
export * from './grafana-tenant-setup';
