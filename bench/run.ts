/**
 * Runs the benchmarks and prints a table; results are also written to bench/results/.
 * Usage: npx projen compile && npx projen bench [-- --samples N]
 */
import * as fs from 'fs';
import * as path from 'path';
import { runLoadTime } from './load-time';

const argIdx = process.argv.indexOf('--samples');
const samples = argIdx > 0 ? Number(process.argv[argIdx + 1]) : 7;

const load = runLoadTime(samples);
const lines = [
  `Load time (median of ${samples} fresh processes, node ${process.version})`,
  `  ${load.library.subject}: ${load.library.medianMs.toFixed(0)} ms, ${load.library.medianRssMb.toFixed(0)} MB RSS`,
  `  ${load.providers.subject}: ${load.providers.medianMs.toFixed(0)} ms, ${load.providers.medianRssMb.toFixed(0)} MB RSS`,
  `  ratio: ${(load.timeRatio * 100).toFixed(1)}% of the provider-index load time (target < 15%, and < 150 MB RSS)`,
];
console.log(lines.join('\n'));
const outDir = path.join(__dirname, 'results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'load-time.json'), JSON.stringify(load, null, 2));
if (load.timeRatio >= 0.15 || load.library.medianRssMb >= 150) {
  console.error('load-time target missed');
  process.exitCode = 1;
}
