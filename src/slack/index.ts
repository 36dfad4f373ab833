// Public API of src/slack (re-exported by src/index.ts).
export * from './slack-connection';
