import { TerraformStack } from 'cdktf';
import { Errors, IMonitorBackend, MonitorBackend } from '../../src';
import { connect } from '../monitors/fixtures';
import { newStack } from '../support/synth';

/** Datadog, CloudWatch and Grafana (over a CloudWatch data source). */
export const allBackends = (): IMonitorBackend[] => [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })];

/** A stack named `test` with every connection. */
export function presetStack(): TerraformStack {
  const stack = newStack();
  connect(stack);
  return stack;
}

/** The CloudWatch alarm named `name`; fails the test when there is not exactly one. */
export function alarm(json: any, name: string): any {
  const hits = Object.values<any>(json.resource?.aws_cloudwatch_metric_alarm ?? {}).filter((a) => a.alarm_name === name);
  expect(hits.map((a) => a.alarm_name)).toEqual([name]);
  return hits[0];
}

/** What decides an alarm's behaviour: metric, statistic, comparison, threshold and window. */
export function alarmShape(json: any, name: string): Record<string, unknown> {
  const a = alarm(json, name);
  const keys = ['namespace', 'metric_name', 'dimensions', 'statistic', 'extended_statistic', 'comparison_operator', 'threshold',
    'period', 'evaluation_periods', 'datapoints_to_alarm', 'treat_missing_data'];
  return Object.fromEntries(keys.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
}

/** The query of the Datadog monitor named `name`. */
export function datadogQuery(json: any, name: string): string {
  const hits = Object.values<any>(json.resource?.datadog_monitor ?? {}).filter((m) => m.name === name);
  expect(hits.map((m) => m.name)).toEqual([name]);
  return hits[0].query;
}

/** The Grafana rule named `name`: its CloudWatch query model, threshold model and `for`. */
export function grafanaRule(json: any, name: string): { query: any; threshold: any; for: string; noData: string } {
  const rules = Object.values<any>(json.resource?.grafana_rule_group ?? {}).flatMap((g) => g.rule).filter((r) => r.name === name);
  expect(rules.map((r) => r.name)).toEqual([name]);
  const r = rules[0];
  const model = (ref: string) => JSON.parse(r.data.find((d: any) => d.ref_id === ref).model);
  return { query: model('A'), threshold: model('C'), for: r.for, noData: r.no_data_state };
}

/** Number of resources of each type. */
export function counts(json: any, ...types: string[]): Record<string, number> {
  return Object.fromEntries(types.map((t) => [t, Object.keys(json.resource?.[t] ?? {}).length]));
}

/** The fields of the library's ValidationError that `fn` throws. */
export function validationError(fn: () => unknown): { constructPath: string; prop: string; received: string; accepted: string; message: string } {
  let error: any;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (!Errors.isValidationError(error)) throw new Error(`expected the library's ValidationError, got ${error === undefined ? 'no error' : error?.stack ?? error}`);
  const { constructPath, prop, received, accepted, message } = error;
  return { constructPath, prop, received, accepted, message };
}

/** Warning messages of a construct (cdktf annotations). */
export function warningsOf(c: { node: { metadata: Array<{ type: string; data: unknown }> } }): string[] {
  return c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
}

/** Every Grafana rule of the stack, by name: its PromQL, threshold model, `for`, no-data state and query range. */
export function promQlRules(json: any): Record<string, { expr: string; threshold: any; for: string; noData: string; from: number }> {
  const out: Record<string, any> = {};
  for (const group of Object.values<any>(json.resource?.grafana_rule_group ?? {})) {
    for (const r of group.rule) {
      const a = r.data.find((d: any) => d.ref_id === 'A');
      const c = r.data.find((d: any) => d.ref_id === 'C');
      out[r.name] = {
        expr: JSON.parse(a.model).expr, threshold: JSON.parse(c.model), for: r.for, noData: r.no_data_state, from: a.relative_time_range.from,
      };
    }
  }
  return out;
}

/** Every Datadog monitor query of the stack, by name. */
export function datadogQueries(json: any): Record<string, string> {
  return Object.fromEntries(Object.values<any>(json.resource?.datadog_monitor ?? {}).map((m) => [m.name, m.query]));
}
