/**
 * Bad input found escaping as TypeError, stack overflow, a cdktf id collision or broken output:
 * each is now the library's ValidationError naming the construct path, the prop and the value.
 */
import {
  DatadogDashboardImport, DatadogMonitorImport, Errors, GrafanaDashboardImport, ImportSource,
} from '../../src';
import { datadog, grafana } from '../catalog/support';
import { newStack } from '../support/synth';

/** Run `f` and return the ValidationError it throws (fails the test on any other outcome). */
export function validationError(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    if (!Errors.isValidationError(e)) throw new Error(`expected a ValidationError, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    return e as Error;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

const nested = (depth: number): any => {
  let v: any = { leaf: true };
  for (let i = 0; i < depth; i++) v = { a: [v] };
  return v;
};

describe('deeply nested import JSON', () => {
  const deep = nested(20_000);
  const deepText = '['.repeat(100_000) + ']'.repeat(100_000);
  test.each([
    ['a Datadog monitor (object)', (s: any) => new DatadogMonitorImport(s, 'Imp', { source: ImportSource.fromObject(deep) })],
    ['a Datadog monitor (string)', (s: any) => new DatadogMonitorImport(s, 'Imp', { source: ImportSource.fromString(deepText) })],
    ['a Datadog dashboard', (s: any) => new DatadogDashboardImport(s, 'Imp', { source: ImportSource.fromObject({ title: 't', widgets: [deep] }) })],
    ['a Grafana dashboard', (s: any) => new GrafanaDashboardImport(s, 'Imp', { source: ImportSource.fromObject({ title: 't', panels: [deep] }) })],
    ['a Grafana dashboard (string)', (s: any) => new GrafanaDashboardImport(s, 'Imp', { source: ImportSource.fromString(`{"title":"t","panels":[${'{"a":['.repeat(5_000)}1${']}'.repeat(5_000)}]}`) })],
  ])('%s is rejected with a depth limit', (_name, build) => {
    const s = newStack();
    datadog(s);
    grafana(s);
    const e = validationError(() => build(s));
    expect(e.message).toMatch(/^test\/Imp: '(monitor|dashboard)' must be a JSON document nested at most 64 levels deep; received <a document nested more than 64 levels deep>$/);
  });

  test('an export nested 60 levels deep is still accepted', () => {
    const s = newStack();
    grafana(s);
    expect(() => new GrafanaDashboardImport(s, 'Imp', { source: ImportSource.fromObject({ title: 't', panels: [], extra: nested(25) }) })).not.toThrow();
  });
});
