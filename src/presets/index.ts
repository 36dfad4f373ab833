// Public API of src/presets (re-exported by src/index.ts).
export * from './presets';
