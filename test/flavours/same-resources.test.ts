/**
 * Both flavours synthesize the same Terraform for every example: the same resources, arguments
 * and references, except where flavours/cdktn/flavour.json lists a difference (`synthDifferences`).
 * The cdktf flavour's output is what `terraform validate` checks against the local provider
 * mirror (AWS 5.100.0); the cdktn flavour's AWS resources are provider 6.x, which that mirror
 * cannot validate, so this equality is what covers their shape.
 *
 * An example that needs a provider the cdktn flavour has no bindings for must fail there with
 * the error that says so, and only such an example may.
 */
import { ExampleSynth, ROOT, flavourCopy, synthExamples } from './support/synth-examples';
import { readFlavour } from '../../projenrc/flavour';

const flavour = readFlavour('cdktn');
const unavailableNames = Object.keys(flavour.toolkit.unavailableProviders).map((pkg) => pkg.replace(/^@cdktf\/provider-/, ''));

/** Removes every path of `pattern` (dotted, `*` = any one key) from `json`; returns how many it removed. */
function remove(json: any, pattern: string[]): number {
  if (json === null || typeof json !== 'object') return 0;
  const [head, ...rest] = pattern;
  const keys = head === '*' ? Object.keys(json) : Object.prototype.hasOwnProperty.call(json, head) ? [head] : [];
  let n = 0;
  for (const k of keys) {
    if (rest.length === 0) {
      delete json[k];
      n++;
    } else {
      n += remove(json[k], rest);
    }
  }
  return n;
}

/** Splits a `synthDifferences` path on dots, keeping `//` (cdktf's metadata key) whole. */
function segments(p: string): string[] {
  return p.startsWith('//.') ? ['//', ...p.slice(3).split('.')] : p.split('.');
}

function usesUnavailableProvider(example: ExampleSynth): boolean {
  const providers = Object.values<any>(example.stacks ?? {}).flatMap((s) => Object.keys(s.terraform?.required_providers ?? {}));
  return providers.some((p) => unavailableNames.includes(p));
}

let cdktf: { [example: string]: ExampleSynth };
let cdktn: { [example: string]: ExampleSynth };

beforeAll(async () => {
  const copy = await flavourCopy('cdktn');
  try {
    cdktf = synthExamples(ROOT, 'cdktf');
    cdktn = synthExamples(copy.dir, 'cdktn');
  } finally {
    copy.cleanup();
  }
}, 300_000);

test('every example synthesizes under cdktf, and the same examples are built under both flavours', () => {
  expect(Object.keys(cdktn)).toEqual(Object.keys(cdktf));
  for (const [name, r] of Object.entries(cdktf)) expect({ name, error: r.error }).toEqual({ name, error: undefined });
});

test('an example fails under cdktn only when it needs a provider without cdktn bindings, with the error that names it', () => {
  const failing = Object.keys(cdktn).filter((n) => cdktn[n].error !== undefined);
  const needing = Object.keys(cdktf).filter((n) => usesUnavailableProvider(cdktf[n]));
  expect(failing).toEqual(needing);
  for (const n of failing) expect(cdktn[n].error).toMatch(/ is not available in cdktn-integrations \(the cdktn flavour\): no @cdktn\/provider-(github|gitlab|newrelic|pagerduty) package is published on npm/);
  // most examples are compared below
  expect(failing.length).toBeLessThan(Object.keys(cdktf).length / 2);
});

test('both flavours synthesize the same stacks, resources, arguments and references, except the listed differences', () => {
  const seen = new Map<string, number>(flavour.synthDifferences.map((d) => [d.path, 0]));
  const compared: string[] = [];
  for (const name of Object.keys(cdktf)) {
    if (cdktn[name].error !== undefined) continue;
    const a = JSON.parse(JSON.stringify(cdktf[name].stacks));
    const b = JSON.parse(JSON.stringify(cdktn[name].stacks));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const stack of Object.keys(a)) {
      for (const d of flavour.synthDifferences) {
        seen.set(d.path, seen.get(d.path)! + remove(a[stack], segments(d.path)) + remove(b[stack], segments(d.path)));
      }
    }
    expect({ name, stacks: b }).toEqual({ name, stacks: a });
    compared.push(name);
  }
  expect(compared.length).toBeGreaterThan(0);
  // every listed difference is real: each one occurs in the output of one flavour or both
  expect([...seen].filter(([, n]) => n === 0).map(([p]) => p)).toEqual([]);
});

test('the listed differences leave the resources in place: a difference names an argument or a version, never a whole resource', () => {
  for (const d of flavour.synthDifferences) {
    expect(d.reason.length).toBeGreaterThan(20);
    const s = segments(d.path);
    if (s[0] === 'resource' || s[0] === 'data') expect(s.length).toBeGreaterThanOrEqual(4);
  }
});
