// Public API of src/notifications (re-exported by src/index.ts).
export * from './targets';
