// Public API of src/newrelic (re-exported by src/index.ts).
export * from './newrelic-connection';
export * from './newrelic-monitor-backend';
export * from './newrelic-targets';
export * from './newrelic-dashboard-renderer';
