/**
 * Construct ids are public API: the synthesized output of every example stack is pinned by a
 * SHA-256 digest of its files. A change to any example's output fails here until it is made on
 * purpose: rerun with `UPDATE_EXAMPLE_DIGESTS=1 npx jest test/example-digests.test.ts` and
 * list the change in the commit message.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { buildExamples } from '../examples/app';
import { synthApp } from './support/synth';

const DIGESTS = path.join(__dirname, 'fixtures', 'example-digests.json');
const ROOT = process.cwd();

function digests(): Record<string, string> {
  const { files } = synthApp(buildExamples);
  const out: Record<string, string> = {};
  for (const rel of Object.keys(files).sort()) {
    if (rel === 'manifest.json') continue; // lists the stacks, pinned by the stack files themselves
    // cdktf writes absolute paths of the working directory (local state files): a digest of the
    // output must not depend on where the repository is checked out
    out[rel] = createHash('sha256').update(files[rel].split(ROOT).join('<repository>')).digest('hex');
  }
  return out;
}

test('every example stack synthesizes the output pinned in test/fixtures/example-digests.json', () => {
  const now = digests();
  if (process.env.UPDATE_EXAMPLE_DIGESTS === '1') {
    fs.writeFileSync(DIGESTS, JSON.stringify(now, null, 2) + '\n');
  }
  const pinned = JSON.parse(fs.readFileSync(DIGESTS, 'utf8')) as Record<string, string>;
  expect(Object.keys(pinned).length).toBeGreaterThan(10);
  const changed = Object.keys({ ...pinned, ...now }).sort().filter((f) => pinned[f] !== now[f]);
  expect(changed).toEqual([]);
});
