/**
 * `terraform apply` and `terraform destroy` for real: the AWS part of every stack of every
 * example (examples/app.ts EXAMPLES) against the local AWS emulator on 127.0.0.1. Stacks run
 * sequentially, in dependency order for apply and the reverse for destroy; the emulator is
 * reset between examples and stopped at the end. Resource types the emulator lacks are listed
 * in test/apply/unsupported.ts and left out with what references them.
 */
import * as path from 'path';
import { EXAMPLES } from '../../examples/app';
import { AwsEmulator, ensureAwsTool } from '../support/aws-tools';
import { synthApp } from '../support/synth';
import { PreparedStack, prepareForApply, seedSecrets, TerraformApplier } from '../support/terraform-apply';
import { awsPart } from '../support/terraform-validate';

const exampleNames = Object.keys(EXAMPLES).sort();
let emulator: AwsEmulator | undefined;
let applier: TerraformApplier | undefined;
const totals = { synthesized: 0, applied: 0, excluded: [] as string[] };

beforeAll(async () => {
  const moto = ensureAwsTool('moto');
  emulator = await AwsEmulator.start(moto);
  applier = new TerraformApplier(emulator.url);
}, 900_000);

afterAll(() => {
  emulator?.stop();
  applier?.dispose();
});

/** Stacks in dependency order (from the manifest). */
function ordered(manifest: any): string[] {
  const deps: Record<string, string[]> = {};
  for (const [name, s] of Object.entries<any>(manifest.stacks)) deps[name] = s.dependencies ?? [];
  const out: string[] = [];
  const visit = (n: string) => {
    if (out.includes(n)) return;
    for (const d of deps[n] ?? []) visit(d);
    out.push(n);
  };
  for (const n of Object.keys(deps).sort()) visit(n);
  return out;
}

/**
 * The configuration that creates only the objects a stack's import blocks adopt (their resource
 * blocks, without the import blocks, checks and outputs), or undefined when it adopts nothing.
 */
function objectsToAdopt(prepared: PreparedStack): PreparedStack | undefined {
  const blocks: any[] = prepared.config.import ?? [];
  if (blocks.length === 0) return undefined;
  const resource: Record<string, Record<string, any>> = {};
  for (const b of blocks) {
    const [type, name] = String(b.to).split('.');
    const body = prepared.config.resource?.[type]?.[name];
    expect(body).toBeDefined();
    resource[type] = { ...(resource[type] ?? {}), [name]: body };
  }
  const { import: _i, check: _c, output: _o, resource: _r, ...rest } = prepared.config;
  return { ...prepared, config: { ...rest, resource } };
}

interface ExampleRun {
  readonly stacks: Array<{ stack: string; prepared: PreparedStack }>;
  readonly applied: string[];
  complete: boolean;
}
const runs: Record<string, ExampleRun> = {};

describe.each(exampleNames)('example %s', (name) => {
  // Two tests, so that each stays well under jest's per-test timeout: apply every stack in
  // dependency order, then destroy them in reverse order (also after a failed apply).
  test('the AWS part of every stack applies against the emulator', async () => {
    const result = synthApp((app) => EXAMPLES[name](app));
    await emulator!.reset();
    const run: ExampleRun = { stacks: [], applied: [], complete: false };
    runs[name] = run;
    const report: string[] = [];
    for (const stack of ordered(JSON.parse(result.files['manifest.json']))) {
      const part = awsPart(result.stacks[stack]);
      if (!part) continue;
      const prepared = prepareForApply(part.json, emulator!.url, (p) => path.join(applier!.dir(path.basename(p).replace(/^terraform\.(.+)\.tfstate$/, '$1')), 'terraform.tfstate'));
      run.stacks.push({ stack, prepared });
      totals.synthesized += prepared.synthesized.length;
      totals.excluded.push(...prepared.excluded.map((e) => `${stack}: ${e.address} (${e.reason})`));
      await seedSecrets(emulator!.url, prepared.seeds);
      // Objects the stack adopts (its import blocks) must exist before: they are created first
      // from their own resource blocks in a throwaway state, as if made by hand, so the apply
      // below really imports them (Terraform refuses an import of an object that does not exist).
      const existing = objectsToAdopt(prepared);
      if (existing) {
        const pre = applier!.apply(`${stack}-existing-objects`, existing);
        expect({ stack, existing: pre.ok ? 'ok' : pre.output.slice(-6000) }).toEqual({ stack, existing: 'ok' });
        report.push(`${stack}: ${Object.values<any>(existing.config.resource).reduce((n, byName) => n + Object.keys(byName).length, 0)} existing objects made first`);
      }
      const apply = applier!.apply(stack, prepared);
      run.applied.push(stack);
      expect({ stack, apply: apply.ok ? 'ok' : apply.output.slice(-6000) }).toEqual({ stack, apply: 'ok' });
      // A for_each resource is in the state once per key (`address["key"]`).
      const inState = [...new Set(applier!.stateList(stack).filter((a) => a.startsWith('aws_')).map((a) => a.replace(/\[.*\]$/, '')))].sort();
      expect(inState).toEqual([...prepared.applied].sort());
      report.push(`${stack}: applied ${inState.length}/${prepared.synthesized.length} in ${apply.seconds.toFixed(1)} s`);
      if (existing) expect(apply.output).toMatch(/Import complete|imported/);
    }
    run.complete = true;
    console.log(`${name}:\n  ${report.join('\n  ')}`);
  });

  test('and destroys again, leaving an empty state', () => {
    const run = runs[name];
    expect(run).toBeDefined();
    const report: string[] = [];
    const failures: string[] = [];
    for (const stack of [...run.applied].reverse()) {
      const destroy = applier!.destroy(stack);
      const left = applier!.stateList(stack);
      if (!destroy.ok || left.length) failures.push(`${stack}: ${destroy.ok ? `left ${left.join(', ')}` : destroy.output.slice(-6000)}`);
      report.push(`${stack}: destroyed in ${destroy.seconds.toFixed(1)} s`);
    }
    console.log(`${name}:\n  ${report.join('\n  ')}`);
    expect(failures).toEqual([]);
    // counted only when every stack of the example applied and was destroyed
    if (run.complete) {
      for (const { prepared } of run.stacks) totals.applied += prepared.applied.length;
    }
  });
});

test('at least 80 % of the AWS resources synthesized are applied and destroyed', () => {
  const share = totals.synthesized ? totals.applied / totals.synthesized : 0;
  console.log(`AWS resources applied/destroyed: ${totals.applied}/${totals.synthesized} (${(share * 100).toFixed(1)} %)\n`
    + `left out (the emulator lacks them, or they reference what it lacks):\n  ${totals.excluded.join('\n  ')}`);
  expect(totals.synthesized).toBeGreaterThan(0);
  expect(share).toBeGreaterThanOrEqual(0.8);
});
