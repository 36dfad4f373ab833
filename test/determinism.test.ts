/** The same program synthesizes byte-identical output, wherever and whenever it runs. */
import { buildExamples } from '../examples/app';
import { synthApp } from './support/synth';

test('two synths of the examples are byte-identical', () => {
  const a = synthApp(buildExamples);
  const b = synthApp(buildExamples);
  expect(a.outdir).not.toBe(b.outdir);
  expect(Object.keys(a.files).sort()).toEqual(Object.keys(b.files).sort());
  expect(Object.keys(a.files).length).toBeGreaterThan(2);
  for (const file of Object.keys(a.files)) {
    expect({ file, text: b.files[file] }).toEqual({ file, text: a.files[file] });
  }
  // nothing machine-specific leaks into the output
  for (const [file, text] of Object.entries(a.files)) {
    expect({ file, hasOutdir: text.includes(a.outdir) }).toEqual({ file, hasOutdir: false });
  }
});
