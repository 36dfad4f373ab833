// Public API of src/catalog (re-exported by src/index.ts).
export * from './import-source';
export * from './integration-catalog';
