// Importers of native exports (Grafana dashboards, Datadog dashboards and monitors).
export * from './import-source';
export * from './grafana-dashboard-import';
export * from './datadog-dashboard-import';
export * from './datadog-monitor-import';
