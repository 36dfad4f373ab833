import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { ValidationError } from '../../src/core/errors';
import { findPromQlSyntaxError } from '../../src/signals/private/promql';
import { Signal } from '../../src/signals/signal';

function validate(query: string): () => void {
  const stack = new TerraformStack(new App(), 'test');
  return () => Signal.promQl({ query })._validate(stack, 'signal', 60);
}

describe('PromQL is checked by Prometheus\'s parser', () => {
  test.each([
    ['a bare metric', 'up'],
    ['a rate over a range with matchers', 'sum by (job) (rate(http_requests_total{code=~"5..", job!="x"}[5m]))'],
    ['a ratio with a comparison', 'sum(rate(a_total[5m])) / sum(rate(b_total[5m])) > 0.05'],
    ['a histogram quantile', 'histogram_quantile(0.99, sum by (le) (rate(envoy_cluster_upstream_rq_time_bucket[5m])))'],
    ['an escaped label value', 'up{job="a\\"b\\\\c"}'],
    ['a subquery with offset', 'max_over_time(rate(x_total[1m])[10m:1m] offset 5m)'],
  ])('accepts %s', (_name, query) => {
    expect(findPromQlSyntaxError(query)).toBeUndefined();
    expect(validate(query)).not.toThrow();
  });

  test.each([
    ['an unclosed parenthesis', 'sum(rate(x_total[5m])', 21],
    ['an unclosed matcher', 'up{job="a"', 10],
    ['a range without brackets closed', 'rate(x_total[5m)', 15],
    ['a dangling operator', 'up >', 4],
    ['an unterminated string', 'up{job="a}', 10],
  ])('rejects %s', (_name, query, offset) => {
    const error = findPromQlSyntaxError(query);
    expect(error).toBeDefined();
    expect(error!.offset).toBe(offset);
    expect(validate(query)).toThrow(ValidationError);
    expect(validate(query)).toThrow(`test: 'signal.query' must be a PromQL query that Prometheus's parser accepts (syntax error at character ${offset + 1}`);
    expect(validate(query)).toThrow(JSON.stringify(query));
  });

  test('the message shows the text at the error', () => {
    expect(validate('sum(rate(x_total[5m])) + )')).toThrow('near ")"');
  });
});

describe('Grafana variables in PromQL', () => {
  test.each([
    ['a built-in range', 'sum(rate(http_requests_total{job="$job"}[$__rate_interval]))'],
    ['a braced variable with a format', 'up{instance=~"${instance:regex}"}'],
    ['a variable as a subquery step', 'max_over_time(rate(x_total[5m])[1h:$__interval])'],
    ['an offset variable', 'rate(x_total[5m] offset $shift)'],
    ['a deprecated [[name]] variable', 'sum by ([[grouping]]) (up)'],
    ['a variable as the metric name', '${metric}{job="a"} > $threshold'],
  ])('accepts %s', (_name, query) => {
    expect(findPromQlSyntaxError(query)).toBeUndefined();
  });

  test('a syntax error after a variable is still found, at its place in the query as written', () => {
    const query = 'rate(x_total{job="$job"}[$__rate_interval]) +';
    expect(findPromQlSyntaxError(query)!.offset).toBe(query.length);
  });
});

describe('the queries of real Grafana dashboards parse', () => {
  // Exported dashboards of public repositories (../shared/corpus/MANIFEST.tsv): every target of a
  // Prometheus data source, as Grafana sends it to Prometheus before interpolation.
  const dir = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'grafana-dashboards');
  const queries: Array<[string, string]> = [];
  const visit = (file: string, node: any, dsType?: string): void => {
    if (Array.isArray(node)) { node.forEach((n) => visit(file, n, dsType)); return; }
    if (!node || typeof node !== 'object') return;
    const ds = node.datasource;
    const type = typeof ds === 'object' && ds && typeof ds.type === 'string' ? ds.type : dsType;
    if (typeof node.expr === 'string' && node.expr.trim() !== '' && (type === undefined || type === 'prometheus')) queries.push([file, node.expr]);
    for (const [k, v] of Object.entries(node)) if (k !== 'datasource') visit(file, v, type);
  };
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort() : []) {
    visit(f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  }

  test('the corpus holds PromQL queries', () => {
    expect(queries.length).toBeGreaterThan(100);
  });

  test('control: many of them use Grafana variables that Prometheus\'s grammar alone rejects', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parser } = require('@prometheus-io/lezer-promql');
    const rawErrors = queries.filter(([, q]) => {
      let error = false;
      parser.parse(q).iterate({ enter: (n: any) => { if (n.type.isError) error = true; } });
      return error;
    });
    expect(rawErrors.length).toBeGreaterThan(10);
  });

  test('every one parses', () => {
    const failed = queries.filter(([, q]) => findPromQlSyntaxError(q) !== undefined).map(([f, q]) => `${f}: ${q}`);
    expect(failed).toEqual([]);
  });
});
