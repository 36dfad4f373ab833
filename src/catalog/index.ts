// Public API of src/catalog (re-exported by src/index.ts).
export * from './import-source';
export * from './tenant';
export * from './tenant-catalog';
export * from './tenant-secret-store';
export * from './tenant-state-backend';
export * from './tenant-stacks';
