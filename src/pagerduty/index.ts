// Public API of src/pagerduty (re-exported by src/index.ts).
export * from './pagerduty-connection';
export * from './pagerduty-service';
