// Public API of src/aws (re-exported by src/index.ts).
export * from './aws-regions';
export * from './aws-connection';
export * from './aws-tenant-setup';
