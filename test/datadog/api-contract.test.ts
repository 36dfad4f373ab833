/**
 * Every Datadog monitor, SLO, dashboard and webhook of every example, template stack and preset,
 * checked against the models of Datadog's official API client (test/support/datadog-api-contract.ts).
 */
import { CONTRACTS, checkApiValue, checkResource } from '../support/datadog-api-contract';
import { datadogCorpus, resourcesOf } from '../support/datadog-corpus';

describe('Datadog API contract of every synthesized stack', () => {
  const corpus = datadogCorpus();

  test('the corpus holds every kind of resource checked', () => {
    for (const type of Object.keys(CONTRACTS)) {
      expect(corpus.flatMap((s) => resourcesOf(s.json, type)).length).toBeGreaterThan(0);
    }
  });

  test.each(Object.keys(CONTRACTS))('every %s matches the API model', (type) => {
    const findings: string[] = [];
    for (const { source, stack, json } of corpus) {
      for (const [address, body] of resourcesOf(json, type)) {
        for (const f of checkResource(type, body)) findings.push(`${source}/${stack} ${address}: ${f.path}: ${f.problem}`);
      }
    }
    expect(findings).toEqual([]);
  });
});

describe('the contract check fails where the API would refuse', () => {
  const monitor = { name: 'm', type: 'metric alert', query: 'avg(last_5m):avg:aws.lambda.errors{*} > 1', message: 'x', priority: '2', monitor_thresholds: { critical: '1' } };

  test('a valid monitor has no finding', () => {
    expect(checkResource('datadog_monitor', monitor)).toEqual([]);
  });

  test.each([
    ['an unknown monitor type', { ...monitor, type: 'metric-alert' }, /not a valid MonitorType/],
    ['a missing query', { ...monitor, query: undefined }, /missing required field 'query'/],
    ['a threshold that is not a number', { ...monitor, monitor_thresholds: { critical: 'high' } }, /thresholds.critical: expected a number/],
    ['an unknown option', { ...monitor, notify_on_missing: true }, /Terraform argument 'notify_on_missing'/],
    ['a bad on_missing_data value', { ...monitor, on_missing_data: 'page' }, /not a valid OnMissingDataOption/],
    ['a boolean of the wrong type', { ...monitor, require_full_window: 'false' }, /require_full_window: expected a boolean/],
  ])('monitor: %s', (_what, body, problem) => {
    expect(checkResource('datadog_monitor', body as any).map((f) => `${f.path}: ${f.problem}`).join('\n')).toMatch(problem);
  });

  test.each([
    ['an SLO timeframe Datadog has not', { name: 's', type: 'metric', query: { numerator: 'a', denominator: 'b' }, thresholds: [{ timeframe: '14d', target: 99 }] }, /SLOTimeframe/],
    ['an SLO without thresholds', { name: 's', type: 'metric', query: { numerator: 'a', denominator: 'b' } }, /missing required field 'thresholds'/],
  ])('SLO: %s', (_what, body, problem) => {
    expect(checkResource('datadog_service_level_objective', body).map((f) => f.problem).join('\n')).toMatch(problem);
  });

  test('webhook: an encoding the API does not know, and a payload that is not JSON', () => {
    const problems = checkResource('datadog_webhook', { name: 'w', url: 'https://x.example', encode_as: 'xml', payload: '{"a":' }).map((f) => f.problem).join('\n');
    expect(problems).toMatch(/WebhooksIntegrationEncoding/);
    expect(problems).toMatch(/payload is not JSON/);
  });

  test('dashboard: an unknown widget type, an unknown widget field and a missing layout', () => {
    const dash = (widgets: unknown[], extra: object = {}) => ({ dashboard: JSON.stringify({ title: 't', layout_type: 'ordered', widgets, ...extra }) });
    const ok = { definition: { type: 'timeseries', requests: [{ q: 'avg:aws.lambda.duration{*}', display_type: 'line' }] } };
    expect(checkResource('datadog_dashboard_json', dash([ok]))).toEqual([]);
    const problems = (d: any) => checkResource('datadog_dashboard_json', d).map((f) => `${f.path}: ${f.problem}`).join('\n');
    expect(problems(dash([{ definition: { type: 'timeserie', requests: [] } }]))).toMatch(/not a valid WidgetDefinition/);
    expect(problems(dash([{ definition: { ...ok.definition, legend: true } }]))).toMatch(/unknown field 'legend' of TimeseriesWidgetDefinition/);
    expect(problems(dash([{ definition: { ...ok.definition, requests: [{ q: 'x', display_type: 'dots' }] } }]))).toMatch(/WidgetDisplayType/);
    expect(problems({ dashboard: JSON.stringify({ title: 't', widgets: [] }) })).toMatch(/missing required field 'layout_type'/);
  });

  test('a Terraform reference stands for a number until apply', () => {
    expect(checkApiValue({ monitor_ids: ['${datadog_monitor.a.id}'], name: 'n', type: 'monitor', thresholds: [{ timeframe: '7d', target: 99 }] }, 'ServiceLevelObjectiveRequest', 'slo')).toEqual([]);
  });
});
