/**
 * Synthesizes every example of one flavour in a fresh Node process (a process holds one
 * toolkit: the examples of `.flavours/<name>` load cdktn and its providers, the repository's
 * load cdktf), each example in its own app; returns each example's stacks or its error.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** One example's synthesized stacks (`cdk.tf.json`, parsed, by stack name), or the message of the error it threw. */
export interface ExampleSynth {
  readonly stacks?: { [stack: string]: any };
  readonly error?: string;
}

const SCRIPT = `
  const fs = require('fs'), os = require('os'), path = require('path');
  const [dir, toolkit, out] = process.argv.slice(1);
  require('ts-node').register({ project: path.join(${JSON.stringify(ROOT)}, 'tsconfig.dev.json'), transpileOnly: true });
  const { EXAMPLES } = require(path.join(dir, 'examples', 'app.ts'));
  const { App } = require(toolkit);
  const result = {};
  for (const name of Object.keys(EXAMPLES)) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'flavour-example-'));
    try {
      const app = new App({ outdir, stackTraces: false });
      EXAMPLES[name](app);
      app.synth();
      const stacks = {};
      for (const s of fs.readdirSync(path.join(outdir, 'stacks')).sort()) {
        stacks[s] = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'));
      }
      result[name] = { stacks };
    } catch (e) {
      result[name] = { error: String(e && e.message) };
    }
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  fs.writeFileSync(out, JSON.stringify(result));
`;

/** Every example of the sources in `dir` (the repository, or `.flavours/<name>`), under `toolkit` (`cdktf` or `cdktn`). */
export function synthExamples(dir: string, toolkit: string): { [example: string]: ExampleSynth } {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flavour-synth-')), 'result.json');
  execFileSync(process.execPath, ['-e', SCRIPT, dir, toolkit, out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

/**
 * Builds the flavour's sources into a directory of its own inside the repository (so that its
 * packages resolve from the repository's node_modules, and test files running at once do not
 * rebuild each other's copy); returns the directory, removed by `cleanup`.
 */
export async function flavourCopy(name: string): Promise<{ dir: string; cleanup: () => void }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildFlavourSources } = require('../../../projenrc/flavour') as typeof import('../../../projenrc/flavour');
  fs.mkdirSync(path.join(ROOT, '.flavours'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.flavours', `${name}-test-`));
  const { problems } = await buildFlavourSources(name, dir);
  if (problems.length) throw new Error(`the ${name} flavour does not build:\n${problems.join('\n')}`);
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
