// Public API of src/gitops (re-exported by src/index.ts).
export * from './gitops-pipeline-options';
