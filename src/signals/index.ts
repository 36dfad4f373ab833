// Public API of src/signals (re-exported by src/index.ts).
export * from './signal';
