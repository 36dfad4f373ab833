/**
 * Monitor benchmark: N MonitorConfigs rendered to Datadog, CloudWatch and Grafana against
 * hand-written L1 code that emits the same resources (checked: equal digests of the
 * normalised resources), measured in the same run, each sample in a fresh process.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface MonitorSample {
  readonly ms: number;
  readonly rssMb: number;
  readonly resources: number;
  readonly sha: string;
}

export interface MonitorBenchRow {
  readonly count: number;
  readonly libraryMs: number;
  readonly l1Ms: number;
  readonly ratio: number;
  readonly libraryMsPerMonitor: number;
  readonly l1MsPerMonitor: number;
  readonly resources: number;
  readonly libraryRssMb: number;
}

const root = path.resolve(__dirname, '..');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function sample(mode: string, count: number): MonitorSample {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${mode}-`));
  try {
    const res = spawnSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--project', path.join(root, 'tsconfig.dev.json'), '--transpile-only',
      path.join(__dirname, 'monitor-child.ts'), mode, String(count), outdir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (res.status !== 0) throw new Error(`${mode} ${count} failed:\n${res.stderr}`);
    return JSON.parse(res.stdout.trim().split('\n').pop()!);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * `mode` (`library`: a MonitorConfig per monitor; `catalog`: one MonitorCatalog) against the
 * hand-written L1 code, per size, in the same run.
 */
export function runMonitorBench(sizes: number[], reps: number, mode: 'library' | 'catalog' = 'library'): MonitorBenchRow[] {
  return sizes.map((count) => {
    const lib: MonitorSample[] = [];
    const l1: MonitorSample[] = [];
    for (let r = 0; r < reps; r++) {
      // alternate the order so neither side always runs on a warmer machine
      if (r % 2 === 0) { lib.push(sample(mode, count)); l1.push(sample('l1', count)); } else { l1.push(sample('l1', count)); lib.push(sample(mode, count)); }
    }
    const shas = new Set([...lib, ...l1].map((s) => s.sha));
    if (shas.size !== 1) throw new Error(`${mode} and L1 output differ for ${count} monitors: ${[...shas].join(', ')}`);
    const libraryMs = median(lib.map((s) => s.ms));
    const l1Ms = median(l1.map((s) => s.ms));
    return {
      count,
      libraryMs,
      l1Ms,
      ratio: libraryMs / l1Ms,
      libraryMsPerMonitor: libraryMs / count,
      l1MsPerMonitor: l1Ms / count,
      resources: lib[0].resources,
      libraryRssMb: median(lib.map((s) => s.rssMb)),
    };
  });
}
