// Public API of src/webhooks (re-exported by src/index.ts).
export * from './webhook-connection';
export * from './webhook';
