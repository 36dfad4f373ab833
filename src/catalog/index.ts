// Public API of src/catalog (re-exported by src/index.ts).
export * from './import-source';
export * from './catalog-file-options';
export * from './monitor-catalog';
export * from './openslo';
export * from './integration-catalog';
