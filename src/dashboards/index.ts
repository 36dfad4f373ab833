// Public API of src/dashboards (re-exported by src/index.ts).
export * from './template-variable';
export * from './widget';
export * from './dashboard-backend';
export * from './dashboard';
