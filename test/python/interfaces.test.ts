/**
 * Interfaces of the library implemented in Python (test/python/interfaces.py): a notification
 * target for Datadog (IDatadogNotificationTarget) and a monitor backend (IMonitorBackend, whose
 * render() returns an IRenderedMonitor), both used by MonitorConfigs and synthesized.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PY_SOURCES, readStacks, requirePythonEnv, runPython } from './support';

let stack: any;
let calls: string[];

beforeAll(() => {
  requirePythonEnv();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-python-interfaces-'));
  runPython([path.join(PY_SOURCES, 'test', 'python', 'interfaces.py'), outdir]);
  stack = readStacks(outdir).interfaces;
  calls = JSON.parse(fs.readFileSync(path.join(outdir, 'calls.json'), 'utf8'));
});

const monitorNamed = (title: string): any => {
  const found = Object.values(stack.resource.datadog_monitor).filter((m: any) => m.name.includes(title));
  expect(found).toHaveLength(1);
  return found[0];
};

test('the Datadog backend binds the Python target for the severities it takes, and only those', () => {
  expect(calls.filter((c) => c.startsWith('bind '))).toEqual(['bind interfaces/Errors Datadog SEV2']);
  const errors = monitorNamed('checkout: Lambda errors');
  // the Python target's handle, next to the built-in e-mail target's, in every block (Errors is a
  // sparse count: silent on no data by default, so there is no no-data block)
  for (const block of ['is_alert', 'is_recovery']) {
    expect(errors.message).toContain(`{{#${block}}}@opsgenie-payments @payments@acme.example{{/${block}}}`);
  }
  expect(errors.message).not.toContain('is_no_data');
  const latency = monitorNamed('checkout: p99 duration');
  expect(latency.message).not.toContain('opsgenie');
  expect(latency.message).toContain('@payments@acme.example');
});

test('the Python backend renders every monitor, and is told every target that takes its severity', () => {
  expect(calls.filter((c) => !c.startsWith('bind '))).toEqual([
    'render interfaces/Errors checkout: Lambda errors',
    'target interfaces/Errors opsgenie-payments',
    'target interfaces/Errors email-payments-at-acme-example',
    'render interfaces/Latency checkout: p99 duration',
    'target interfaces/Latency email-payments-at-acme-example',
  ]);
  const parameters = Object.values(stack.resource.aws_ssm_parameter) as any[];
  expect(parameters.map((p) => [p.name, JSON.parse(p.value), p.tags])).toEqual([
    ['/monitors/Errors', { title: 'checkout: Lambda errors', critical: 10, severity: 'SEV2' },
      { 'notify-opsgenie-payments': 'true', 'notify-email-payments-at-acme-example': 'true' }],
    ['/monitors/Latency', { title: 'checkout: p99 duration', critical: 3000, severity: 'SEV3' },
      { 'notify-email-payments-at-acme-example': 'true' }],
  ]);
  // rendered with the stack's AWS provider, next to the Datadog monitors of the same MonitorConfigs
  expect(parameters.every((p) => p.provider === undefined || /^aws/.test(p.provider))).toBe(true);
  expect(Object.keys(stack.resource.datadog_monitor)).toHaveLength(2);
});

test('no secret value is in the synthesized stack: keys are Terraform variables', () => {
  const text = JSON.stringify(stack);
  expect(Object.keys(stack.variable ?? {}).length).toBeGreaterThanOrEqual(2);
  for (const v of Object.values(stack.variable) as any[]) expect(v.sensitive).toBe(true);
  expect(text).not.toMatch(/"api_key":\s*"[0-9a-f]{32}"/);
});
