// Public API of src/jira (re-exported by src/index.ts).
export * from './jira-connection';
export * from './jira-workflow';
