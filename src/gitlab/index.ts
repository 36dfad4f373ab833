// Public API of src/gitlab (re-exported by src/index.ts).
export * from './gitlab-connection';
export * from './gitlab-project';
export * from './gitlab-gitops-pipeline';
