/**
 * Runs the benchmarks and prints a table; results are also written to bench/results/.
 * Usage: npx projen compile && npx projen bench [-- --samples N] [-- --sizes 100,1000,10000 --reps 3] [-- --only load|monitors|catalog]
 */
import * as fs from 'fs';
import * as path from 'path';
import { runLoadTime } from './load-time';
import { runMonitorBench } from './monitors';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const only = arg('only', 'all');
const outDir = path.join(__dirname, 'results');
fs.mkdirSync(outDir, { recursive: true });
let failed = false;

if (only === 'all' || only === 'load') {
  const samples = Number(arg('samples', '7'));
  const load = runLoadTime(samples);
  console.log([
    `Load time (median of ${samples} fresh processes, node ${process.version})`,
    `  ${load.library.subject}: ${load.library.medianMs.toFixed(0)} ms, ${load.library.medianRssMb.toFixed(0)} MB RSS`,
    `  ${load.providers.subject}: ${load.providers.medianMs.toFixed(0)} ms, ${load.providers.medianRssMb.toFixed(0)} MB RSS`,
    `  ratio: ${(load.timeRatio * 100).toFixed(1)}% of the provider-index load time (target < 15%, and < 150 MB RSS)`,
  ].join('\n'));
  fs.writeFileSync(path.join(outDir, 'load-time.json'), JSON.stringify(load, null, 2));
  if (load.timeRatio >= 0.15 || load.library.medianRssMb >= 150) {
    console.error('load-time target missed');
    failed = true;
  }
}

if (only === 'all' || only === 'monitors') {
  const sizes = arg('sizes', '100,1000,10000').split(',').map(Number);
  const reps = Number(arg('reps', '3'));
  const rows = runMonitorBench(sizes, reps);
  console.log(`\nMonitorConfig on Datadog + CloudWatch + Grafana vs hand-written L1 (build + synth, median of ${reps} fresh processes; identical output checked)`);
  console.log('  monitors  resources  library ms  L1 ms  ratio  library ms/monitor  L1 ms/monitor  library RSS MB');
  for (const r of rows) {
    console.log(`  ${String(r.count).padStart(8)}  ${String(r.resources).padStart(9)}  ${r.libraryMs.toFixed(0).padStart(10)}  ${r.l1Ms.toFixed(0).padStart(5)}  ${r.ratio.toFixed(2).padStart(5)}  ${r.libraryMsPerMonitor.toFixed(2).padStart(18)}  ${r.l1MsPerMonitor.toFixed(2).padStart(13)}  ${r.libraryRssMb.toFixed(0).padStart(14)}`);
  }
  fs.writeFileSync(path.join(outDir, 'monitors.json'), JSON.stringify(rows, null, 2));
  const at1000 = rows.find((r) => r.count === 1000);
  if (at1000 && at1000.ratio > 1.5) {
    console.error(`monitor target missed: ${at1000.ratio.toFixed(2)}x the L1 time at 1000 monitors (target <= 1.5x)`);
    failed = true;
  }
  const small = rows.find((r) => r.count === 1000);
  const large = rows.find((r) => r.count === 10000);
  if (small && large) {
    const growth = large.libraryMsPerMonitor / small.libraryMsPerMonitor;
    console.log(`  per-monitor cost at 10000 vs 1000: ${growth.toFixed(2)}x (library), ${(large.l1MsPerMonitor / small.l1MsPerMonitor).toFixed(2)}x (L1)`);
  }
}
if (only === 'all' || only === 'catalog') {
  const sizes = arg('sizes', '1000,10000').split(',').map(Number);
  const reps = Number(arg('reps', '3'));
  const rows = runMonitorBench(sizes, reps, 'catalog');
  console.log(`\nMonitorCatalog (for_each) on Datadog + CloudWatch + Grafana vs hand-written L1, one resource per monitor (build + synth, median of ${reps} fresh processes; identical instances checked)`);
  console.log('  monitors  instances  catalog ms  L1 ms  ratio  catalog ms/monitor  L1 ms/monitor  catalog RSS MB');
  for (const r of rows) {
    console.log(`  ${String(r.count).padStart(8)}  ${String(r.resources).padStart(9)}  ${r.libraryMs.toFixed(0).padStart(10)}  ${r.l1Ms.toFixed(0).padStart(5)}  ${r.ratio.toFixed(2).padStart(5)}  ${r.libraryMsPerMonitor.toFixed(2).padStart(18)}  ${r.l1MsPerMonitor.toFixed(2).padStart(13)}  ${r.libraryRssMb.toFixed(0).padStart(14)}`);
  }
  fs.writeFileSync(path.join(outDir, 'catalog.json'), JSON.stringify(rows, null, 2));
  const at10k = rows.find((r) => r.count === 10000);
  if (at10k && at10k.ratio > 0.25) {
    console.error(`catalog target missed: ${at10k.ratio.toFixed(2)}x the L1 time at 10000 monitors (target <= 0.25x)`);
    failed = true;
  }
  const small = rows.find((r) => r.count === 1000);
  if (small && at10k) console.log(`  per-monitor cost at 10000 vs 1000: ${(at10k.libraryMsPerMonitor / small.libraryMsPerMonitor).toFixed(2)}x (catalog), ${(at10k.l1MsPerMonitor / small.l1MsPerMonitor).toFixed(2)}x (L1)`);
}
if (failed) process.exitCode = 1;
