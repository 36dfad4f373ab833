// Public API of src/github (re-exported by src/index.ts).
export * from './github-connection';
export * from './github-repository';
export * from './gitops-pipeline';
