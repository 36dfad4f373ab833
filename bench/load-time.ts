/**
 * Load-time benchmark: the cost of `require('cdktf-integrations')` (the compiled package
 * main) in a new Node.js process, against the cost of requiring the AWS and Datadog provider
 * package indexes, measured in the same run. Each sample is a fresh process; the median of
 * the samples is reported with the ratio.
 *
 * Run: npx projen compile && npx projen bench
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface LoadSample {
  readonly ms: number;
  readonly rssMb: number;
}

export interface LoadResult {
  readonly subject: string;
  readonly modules: string[];
  readonly medianMs: number;
  readonly medianRssMb: number;
  readonly samples: LoadSample[];
}

const root = path.resolve(__dirname, '..');

function sample(modules: string[]): LoadSample {
  const script = `
    const t0 = process.hrtime.bigint();
    for (const m of ${JSON.stringify(modules)}) require(m);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(JSON.stringify({ ms, rssMb: process.memoryUsage().rss / 1048576 }));`;
  const res = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`loading ${modules.join(', ')} failed:\n${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function runLoadTime(samples = 7): { library: LoadResult; providers: LoadResult; timeRatio: number } {
  const main = path.join(root, 'lib', 'index.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run 'npx projen compile' first`);
  const subjects: Array<[string, string[]]> = [
    ['cdktf-integrations (package main)', [main]],
    ['@cdktf/provider-aws + @cdktf/provider-datadog indexes', ['@cdktf/provider-aws', '@cdktf/provider-datadog']],
  ];
  const collected: LoadSample[][] = subjects.map(() => []);
  sample(['cdktf']); // warm the file-system cache once
  for (let i = 0; i < samples; i++) subjects.forEach(([, mods], j) => collected[j].push(sample(mods)));
  const [library, providers] = subjects.map(([subject, modules], j): LoadResult => ({
    subject,
    modules: modules.map((m) => path.relative(root, m) || m),
    medianMs: median(collected[j].map((s) => s.ms)),
    medianRssMb: median(collected[j].map((s) => s.rssMb)),
    samples: collected[j],
  }));
  return { library, providers, timeRatio: library.medianMs / providers.medianMs };
}
