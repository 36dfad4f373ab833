/**
 * The harness of the property-based tests (not a test file): hostile values of every JS type,
 * and the one accepted outcome of building a construct from them — synthesis that succeeds
 * with valid output, or the library's ValidationError naming the construct path, the prop and
 * the value. Any other exception (a TypeError, a RangeError, cdktf's own errors) fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { Errors } from '../../src';

/** Raw C0 control characters other than TAB, LF and CR, and DEL. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Strings that have broken something before, and generated ones of every kind. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '\t', '${var.x}', 'a${b}c', '%{if true}x%{endif}', '$${', '\r\n', 'a\r\nX-Injected: 1', '\u0000', 'a\u0007b', '\u007f', '"', "'", '\\',
    '}', '{', '{{title}}', '{{#is_alert}}', 'x'.repeat(5_000), '💥', '\u202e', 'Zähler', ' lead', 'trail ', 'a,b', 'a:b', 'a/b', '*', '..', 'main',
    'https://${x}.example.com', 'https://example.com/${x}', 'arn:aws:sns:eu-west-1:123456789012:t', '-1', '0', '1e400', 'null', 'undefined', '__proto__', 'constructor',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '$', '{', '}', '%', '\n', '\r', '\u0001', '"', ' ', 'é', '-', '_', '.', '/', ':'), maxLength: 30 }),
);

/** Numbers that have broken something before, and generated ones. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 301, 86_401, 1e-300),
  fc.integer(),
  fc.double(),
);

/** Any JS value a jsii caller (Python, Java, Go, .NET) could pass for a prop. */
export const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  hostileNumber,
  hostileString,
  fc.array(fc.oneof(hostileString, hostileNumber, fc.constant(null), fc.constant(undefined)), { maxLength: 4 }),
  fc.dictionary(hostileString, fc.oneof(hostileString, hostileNumber, fc.constant(null)), { maxKeys: 3 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
);

/** `anything`, or one of the given (plausible) values. */
export function orAnything<T>(...plausible: fc.Arbitrary<T>[]): fc.Arbitrary<unknown> {
  return fc.oneof(anything, ...plausible);
}

/** A list of elements from `element`, or anything. */
export function listOf(element: fc.Arbitrary<unknown>, maxLength = 4): fc.Arbitrary<unknown> {
  return fc.oneof(anything, fc.array(fc.oneof(element, anything), { maxLength }), fc.array(element, { maxLength }));
}

/** Outcomes of a property run, for the report at the end. */
export interface Tally { ok: number; rejected: number }

/**
 * Check one outcome. `build` creates the constructs in a fresh stack and returns it (or an App
 * whose stacks are synthesized); `props` are the prop names under test (an error must name one
 * of them, or a nested prop under one of them).
 */
export function expectValidOutcome(tally: Tally, props: readonly string[], build: () => TerraformStack | App): void {
  let target: TerraformStack | App;
  let output: string[];
  try {
    target = build();
    output = target instanceof App ? synthesizeApp(target) : [Testing.synth(target, true)];
  } catch (e) {
    expectValidationError(e, props);
    tally.rejected++;
    return;
  }
  for (const text of output) {
    if (RAW_CONTROL.test(text)) throw new Error(`raw control character in synthesized output: ${JSON.stringify(text.match(RAW_CONTROL)![0])}`);
  }
  const json = output.filter((t) => t.trimStart().startsWith('{'));
  for (const text of json) JSON.parse(text);
  tally.ok++;
}

function synthesizeApp(app: App): string[] {
  app.synth();
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) {walk(p);} else {
        const text = fs.readFileSync(p, 'utf8');
        if (p.endsWith('.json')) JSON.parse(text);
        out.push(text);
      }
    }
  };
  walk(app.outdir);
  return out;
}

/** The error must be the library's ValidationError naming the construct path, one of `props` and the value. */
export function expectValidationError(e: unknown, props: readonly string[]): void {
  if (!Errors.isValidationError(e)) {
    const err = e as Error;
    throw new Error(`not a ValidationError: ${err?.name}: ${err?.message}\n${err?.stack?.split('\n').slice(1, 6).join('\n')}`);
  }
  const v = e as { message: string; constructPath: string; prop: string; received: string };
  const ok = v.constructPath.length > 0 && v.message.startsWith(`${v.constructPath}: '${v.prop}' must be `) && v.message.includes(`; received ${v.received}`);
  if (!ok) throw new Error(`a ValidationError that does not name path, prop and value: ${v.message}`);
  const root = (p: string) => p.split(/[.[ ]/)[0];
  if (!props.some((p) => root(v.prop) === root(p) || v.prop.startsWith(p))) {
    throw new Error(`a ValidationError naming ${v.prop}, not one of the props under test (${props.join(', ')}): ${v.message}`);
  }
}

/** Number of runs per property; FAST_CHECK_RUNS scales all of them. */
export function runs(n: number): number {
  const scale = Number(process.env.FAST_CHECK_RUNS_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** One prop set to a generated value, the others left to the build. */
export function oneProp(arbs: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<[string, unknown]> {
  return fc.constantFrom(...Object.keys(arbs)).chain((k) => arbs[k].map((x) => [k, x] as [string, unknown]));
}

/** Options of `checkEveryProp`. */
export interface CheckOptions {
  /** Props whose value may be rejected through another prop (the error may name those). */
  readonly related?: Record<string, string[]>;
  /** Whether some generated values must synthesize (false where nearly every value is refused). */
  readonly expectAccepted?: boolean;
}

/**
 * A test: `n` runs, each setting one prop of `arbs` to a generated value and building with it;
 * every outcome is valid output or a ValidationError naming the prop (see expectValidOutcome).
 */
export function checkEveryProp(name: string, arbs: Record<string, fc.Arbitrary<unknown>>,
  build: (props: Record<string, unknown>) => TerraformStack | App, n: number, options: CheckOptions = {}): void {
  test(`${name}: any value of any prop is valid output or a ValidationError (${n} runs)`, () => {
    const tally: Tally = { ok: 0, rejected: 0 };
    fc.assert(fc.property(oneProp(arbs), ([k, x]) => {
      expectValidOutcome(tally, [k, ...(options.related?.[k] ?? [])], () => build({ [k]: x }));
    }), { numRuns: runs(n), seed: Number(process.env.FAST_CHECK_SEED ?? 4242) });
    expect(tally.ok + tally.rejected).toBe(runs(n));
    if (options.expectAccepted ?? true) expect(tally.ok).toBeGreaterThan(0);
    expect(tally.rejected).toBeGreaterThan(0);
  });
}
