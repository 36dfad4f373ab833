import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { DashboardJson } from '@cdktf/provider-datadog/lib/dashboard-json';
import { cloudwatch, dashboard, datadog, ddLatency, grafana, lambdaErrors, monitor, promRequests, resource, setup, synth } from './support';
import {
  CloudWatchRenderedDashboard, DashboardBackend, DatadogRenderedDashboard, GrafanaRenderedDashboard,
  MarkerLevel, TemplateVariable, ThresholdMarker, TimeRange, Widget,
  Signal, Statistic,
} from '../../src';
import { Dashboard as GrafanaDashboardResource } from '../../src/bindings/grafana/dashboard';
import { synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

const markers = [
  ThresholdMarker.line(10, { label: 'critical' }),
  ThresholdMarker.band(3, 5, { label: 'warning band', level: MarkerLevel.WARNING }),
];

describe('Datadog', () => {
  test('a time series: one request per signal, markers for thresholds, one group per row, ordered layout', () => {
    const { stack } = setup();
    dashboard(stack, {
      description: 'Checkout health.',
      links: [{ title: 'Runbook', url: 'https://runbooks.acme.example/checkout' }],
      tags: ['team:payments', 'service:checkout'],
      rows: [{ title: 'Errors', widgets: [Widget.timeSeries({ title: 'Errors', signals: [lambdaErrors(), ddLatency()], thresholds: markers })] }],
    });
    const { datadog: dd } = synth(stack);
    expect(dd).toEqual({
      title: 'Checkout service',
      description: 'Checkout health.\n\n- [Runbook](https://runbooks.acme.example/checkout)',
      layout_type: 'ordered',
      tags: ['team:payments'],
      template_variables: [],
      widgets: [{
        definition: {
          type: 'group',
          layout_type: 'ordered',
          title: 'Errors',
          widgets: [{
            definition: {
              type: 'timeseries',
              title: 'Errors',
              show_legend: true,
              requests: [
                { q: 'sum:aws.lambda.errors{functionname:checkout}.as_count()', display_type: 'line' },
                { q: 'avg:trace.http.request.duration{service:checkout}', display_type: 'line' },
              ],
              markers: [
                { value: 'y = 10', display_type: 'error dashed', label: 'critical' },
                { value: '3 < y < 5', display_type: 'warning dashed', label: 'warning band' },
              ],
            },
          }],
        },
      }],
    });
  });

  test('single value, top list, alert status (monitor summary of the monitors by id), note, raw', () => {
    const { stack } = setup();
    const m1 = monitor(stack);
    const m2 = monitor(stack, { title: 'checkout errors 2' }, 'Errors2');
    dashboard(stack, {
      rows: [{
        title: 'Now',
        widgets: [
          Widget.singleValue({ title: 'Errors now', signal: lambdaErrors() }),
          Widget.topList({ title: 'Top functions', signal: lambdaErrors(), groupBy: 'FunctionName', limit: 5 }),
          Widget.alertStatus({ monitors: [m1, m2] }),
          Widget.text({ title: 'About', markdown: 'Owned by **payments**.' }),
          Widget.raw({ backend: 'datadog', definition: { type: 'free_text', text: 'hi' } }),
          Widget.raw({ backend: 'grafana', definition: { type: 'news' } }),
        ],
      }],
    });
    const { datadog: dd } = synth(stack);
    expect(dd.widgets[0].definition.widgets.map((w: any) => w.definition)).toEqual([
      {
        type: 'query_value',
        title: 'Errors now',
        autoscale: true,
        precision: 2,
        requests: [{ q: 'sum:aws.lambda.errors{functionname:checkout}.as_count()', aggregator: 'last' }],
      },
      { type: 'toplist', title: 'Top functions', requests: [{ q: "top(sum:aws.lambda.errors{*} by {functionname}.as_count(), 5, 'mean', 'desc')" }] },
      {
        type: 'manage_status',
        title: 'Alert status',
        query: expect.stringMatching(/^\(\$\{datadog_monitor\.Errors_Datadog_[0-9A-F]+\.id\} OR \$\{datadog_monitor\.Errors2_Datadog_[0-9A-F]+\.id\}\)$/),
        summary_type: 'monitors',
        display_format: 'countsAndList',
        color_preference: 'background',
        hide_zero_counts: true,
        show_last_triggered: true,
        sort: 'status,asc',
      },
      {
        type: 'note',
        content: '## About\n\nOwned by **payments**.',
        background_color: 'white',
        font_size: '14',
        text_align: 'left',
        show_tick: false,
        has_padding: true,
      },
      { type: 'free_text', text: 'hi' },
    ]);
  });

  test('template variables: prefix, available values, defaults; a Datadog query grouped for a top list', () => {
    const { stack } = setup();
    dashboard(stack, {
      variables: [TemplateVariable.env({ values: ['prod', 'staging'], defaultValue: 'prod' }), TemplateVariable.query('cluster', { datadogTag: 'kube_cluster_name' })],
      rows: [{
        title: 'APM',
        widgets: [Widget.topList({ title: 'Slowest', signal: Signal.datadogQuery({ query: 'avg:trace.http.request.duration{$env,$cluster}' }), groupBy: 'resource_name' })],
      }],
    });
    const { datadog: dd } = synth(stack);
    expect(dd.template_variables).toEqual([
      { name: 'env', prefix: 'env', available_values: ['prod', 'staging'], defaults: ['prod'] },
      { name: 'cluster', prefix: 'kube_cluster_name', defaults: ['*'] },
    ]);
    expect(dd.widgets[0].definition.widgets[0].definition.requests[0].q)
      .toBe("top(avg:trace.http.request.duration{$env,$cluster} by {resource_name}, 10, 'mean', 'desc')");
  });

  test('a CloudWatch expression of arithmetic: queries and a formula; other metric math is an error', () => {
    const { stack } = setup();
    const rate = Signal.cloudWatchExpression({
      expression: '100 * errors / invocations',
      label: 'error rate',
      usingMetrics: { errors: lambdaErrors(), invocations: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: { FunctionName: 'checkout' }, statistic: Statistic.SUM }) },
    });
    dashboard(stack, { rows: [{ title: 'Rate', widgets: [Widget.timeSeries({ title: 'Error rate', signals: [rate] }), Widget.singleValue({ title: 'Now', signal: rate })] }] });
    const { datadog: dd } = synth(stack);
    const queries = [
      { data_source: 'metrics', name: 'errors', query: 'sum:aws.lambda.errors{functionname:checkout}.as_count()' },
      { data_source: 'metrics', name: 'invocations', query: 'sum:aws.lambda.invocations{functionname:checkout}.as_count()' },
    ];
    const [ts, qv] = dd.widgets[0].definition.widgets.map((w: any) => w.definition);
    expect(ts.requests).toEqual([{
      response_format: 'timeseries', display_type: 'line', queries, formulas: [{ formula: '100 * errors / invocations', alias: 'error rate' }],
    }]);
    expect(qv.requests).toEqual([{
      response_format: 'scalar', queries: queries.map((q) => ({ ...q, aggregator: 'last' })), formulas: [{ formula: '100 * errors / invocations', alias: 'error rate' }],
    }]);

    const other = setup();
    const filled = Signal.cloudWatchExpression({ expression: 'FILL(errors, 0)', usingMetrics: { errors: lambdaErrors() } });
    dashboard(other.stack, { rows: [{ title: 'Rate', widgets: [Widget.timeSeries({ title: 'Filled', signals: [filled] })] }] });
    expect(() => synthStack(other.stack)).toThrow(
      "test/Dash: 'rows[0].widgets[0].signals[0]' must be for Datadog a CloudWatch expression of metric ids, numbers, + - * / and parentheses (Datadog formulas have no CloudWatch metric-math functions); received \"CloudWatch expression \\\"FILL(errors, 0)\\\"\"");
  });

  test('rawOverrides merge into the JSON; the escape hatch is a DashboardJson', () => {
    const { stack } = setup();
    const d = dashboard(stack, { backends: [DashboardBackend.datadog({ rawOverrides: { reflow_type: 'fixed', notify_list: ['ops@acme.example'] } })] });
    d.addWidget(Widget.text({ markdown: 'x' }));
    const { datadog: dd } = synth(stack);
    expect(dd.reflow_type).toBe('fixed');
    expect(dd.notify_list).toEqual(['ops@acme.example']);
    const r = d.rendering('Datadog') as DatadogRenderedDashboard;
    expect(r.resource).toBeInstanceOf(DashboardJson);
    expect(r.dashboardJson).toBe(r.resource);
    expect(r.resource.node.id).toBe('Resource');
  });
});

describe('Grafana', () => {
  test('rows, panels and their queries from the foundation SDK model; uid from the title; folder', () => {
    const { stack, folder } = setup();
    const m = monitor(stack);
    dashboard(stack, {
      backends: grafana(folder),
      description: 'Checkout health.',
      timeRange: TimeRange.hours(6),
      tags: ['checkout'],
      links: [{ title: 'Runbook', url: 'https://runbooks.acme.example/checkout' }],
      rows: [
        { title: 'Errors', widgets: [Widget.timeSeries({ title: 'Errors', signals: [lambdaErrors(), promRequests()], thresholds: markers })] },
        {
          title: 'Now',
          collapsed: true,
          widgets: [
            Widget.singleValue({ title: 'Errors now', signal: lambdaErrors(), thresholds: [ThresholdMarker.line(10)] }),
            Widget.topList({ title: 'Top functions', signal: lambdaErrors() }),
            Widget.topList({ title: 'Top routes', signal: promRequests(), groupBy: 'route', limit: 5 }),
            Widget.alertStatus({ monitors: [m], width: 8 }),
            Widget.text({ markdown: 'Owned by **payments**.', width: 10 }),
            Widget.raw({ backend: 'grafana', definition: { type: 'news', title: 'News', options: { feedUrl: 'https://x.example/rss' } }, width: 6, height: 4 }),
            Widget.raw({ backend: 'cloudwatch', definition: { type: 'text', properties: { markdown: 'cw only' } } }),
          ],
        },
      ],
    });
    const { json, grafana: g } = synth(stack);
    const res = resource(json, 'grafana_dashboard', 'Dash_Grafana_');
    expect(res.folder).toMatch(/^\$\{grafana_folder\.Folder_[0-9A-F]+\.uid\}$/);
    expect(res.overwrite).toBeUndefined(); // a dashboard of the same uid made by hand is not silently replaced
    expect(g).toMatchObject({
      uid: 'checkout-service',
      title: 'Checkout service',
      description: 'Checkout health.',
      tags: ['checkout'],
      time: { from: 'now-6h', to: 'now' },
      links: [expect.objectContaining({ title: 'Runbook', type: 'link', url: 'https://runbooks.acme.example/checkout' })],
    });
    const [row1, ts, row2] = g.panels;
    expect(g.panels).toHaveLength(3);
    expect(row1).toMatchObject({ type: 'row', title: 'Errors', id: 1, collapsed: false, gridPos: { x: 0, y: 0, w: 24, h: 1 }, panels: [] });
    expect(ts).toMatchObject({
      type: 'timeseries',
      id: 2,
      title: 'Errors',
      gridPos: { x: 0, y: 1, w: 12, h: 6 },
      datasource: { type: 'datasource', uid: '-- Mixed --' },
      fieldConfig: {
        defaults: {
          custom: { thresholdsStyle: { mode: 'line+area' } },
          thresholds: {
            mode: 'absolute',
            steps: [
              { value: null, color: 'transparent' },
              { value: 3, color: 'orange' },
              { value: 5, color: 'transparent' },
              { value: 10, color: 'red' },
            ],
          },
        },
      },
    });
    expect(ts.targets).toEqual([
      expect.objectContaining({
        refId: 'A',
        datasource: { type: 'cloudwatch', uid: 'cw' },
        queryMode: 'Metrics',
        metricQueryType: 0,
        metricEditorMode: 0,
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        dimensions: { FunctionName: 'checkout' },
        statistic: 'Sum',
        period: '300',
        matchExact: true,
      }),
      expect.objectContaining({ refId: 'B', datasource: { type: 'prometheus', uid: 'prom' }, expr: 'sum(rate(http_requests_total{job="checkout"}[5m]))' }),
    ]);
    // A collapsed row holds its panels.
    expect(row2).toMatchObject({ type: 'row', title: 'Now', collapsed: true, gridPos: { y: 7 } });
    const [stat, topCw, topProm, alerts, text, raw] = row2.panels;
    expect(row2.panels).toHaveLength(6);
    expect(stat).toMatchObject({
      type: 'stat',
      title: 'Errors now',
      gridPos: { x: 0, y: 8, w: 6, h: 6 },
      options: { reduceOptions: { calcs: ['lastNotNull'], values: false }, colorMode: 'value' },
      fieldConfig: { defaults: { thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 10, color: 'red' }] } } },
    });
    expect(topCw).toMatchObject({
      type: 'bargauge',
      gridPos: { x: 6, y: 8, w: 8 },
      options: { orientation: 'horizontal' },
      targets: [{
        metricQueryType: 1,
        metricEditorMode: 1,
        datasource: { type: 'cloudwatch', uid: 'cw' },
        sqlExpression: 'SELECT SUM("Errors") FROM SCHEMA("AWS/Lambda", "FunctionName") GROUP BY "FunctionName" ORDER BY SUM() DESC LIMIT 10',
      }],
    });
    expect(topProm.targets).toEqual([expect.objectContaining({
      expr: 'topk(5, sum by (route) (sum(rate(http_requests_total{job="checkout"}[5m]))))', instant: true, datasource: { type: 'prometheus', uid: 'prom' },
    })]);
    expect(topProm.gridPos).toEqual({ x: 14, y: 8, w: 8, h: 6 });
    expect(alerts).toMatchObject({
      type: 'alertlist',
      title: 'Alert status',
      gridPos: { x: 0, y: 14, w: 8, h: 6 },
      options: { alertName: 'checkout errors', viewMode: 'list', stateFilter: { firing: true, pending: true, noData: true, normal: true, error: true } },
    });
    expect(text).toMatchObject({ type: 'text', gridPos: { x: 8, y: 14, w: 10, h: 3 }, options: { mode: 'markdown', content: 'Owned by **payments**.' } });
    expect(raw).toEqual({ type: 'news', title: 'News', options: { feedUrl: 'https://x.example/rss' }, id: 9, gridPos: { x: 18, y: 14, w: 6, h: 4 } });
  });

  test('template variables: custom, query and text box', () => {
    const { stack } = setup();
    dashboard(stack, {
      backends: grafana(),
      variables: [
        TemplateVariable.env({ values: ['prod', 'staging'], defaultValue: 'staging', label: 'Environment' }),
        TemplateVariable.query('instance', { promQlQuery: 'label_values(up{job="checkout"}, instance)' }),
        TemplateVariable.service(),
      ],
    });
    const { grafana: g } = synth(stack);
    const [env, instance, service] = g.templating.list;
    expect(env).toMatchObject({
      type: 'custom',
      name: 'env',
      label: 'Environment',
      query: 'prod,staging',
      current: { text: 'staging', value: 'staging' },
      options: [{ text: 'prod', value: 'prod', selected: false }, { text: 'staging', value: 'staging', selected: true }],
    });
    expect(instance).toMatchObject({
      type: 'query',
      name: 'instance',
      query: 'label_values(up{job="checkout"}, instance)',
      datasource: { type: 'prometheus', uid: 'prom' },
      refresh: 1,
      includeAll: true,
    });
    expect(service).toMatchObject({ type: 'textbox', name: 'service', query: '' });
  });

  test('a CloudWatch expression: hidden metric queries and a code-mode expression over their ids', () => {
    const { stack } = setup();
    const e = Signal.cloudWatchExpression({
      expression: '100 * errors / invocations',
      label: 'error rate',
      usingMetrics: { errors: lambdaErrors(), invocations: lambdaErrors().withDimensions({}).withStatistic(Statistic.SAMPLE_COUNT) },
    });
    dashboard(stack, { backends: grafana(), rows: [{ title: 'Rate', widgets: [Widget.timeSeries({ title: 'Error rate', signals: [e], period: 60 })] }] });
    const { grafana: g } = synth(stack);
    expect(g.panels[1].targets).toEqual([
      expect.objectContaining({ refId: 'A', metricEditorMode: 1, expression: '100 * s0errors / s0invocations', label: 'error rate', period: '60' }),
      expect.objectContaining({ refId: 'B', id: 's0errors', hide: true, statistic: 'Sum' }),
      expect.objectContaining({ refId: 'C', id: 's0invocations', hide: true, statistic: 'SampleCount' }),
    ]);
  });

  test('a given uid, rawOverrides; the escape hatch is a grafana_dashboard', () => {
    const { stack } = setup();
    const d = dashboard(stack, { backends: [DashboardBackend.grafana({ datasourceUid: 'prom', uid: 'checkout-main', rawOverrides: { refresh: '1m', time: { from: 'now-1h' } } })] });
    const { grafana: g } = synth(stack);
    expect(g.uid).toBe('checkout-main');
    expect(g.refresh).toBe('1m');
    expect(g.time).toEqual({ from: 'now-1h', to: 'now' });
    const r = d.rendering('Grafana') as GrafanaRenderedDashboard;
    expect(r.resource).toBeInstanceOf(GrafanaDashboardResource);
    expect(r.grafanaDashboard).toBe(r.resource);
    expect(r.uid).toBe('checkout-main');
  });
});

describe('CloudWatch', () => {
  test('metric, single value, top list (Metrics Insights), alarm status and text widgets in rows of the 24-column grid', () => {
    const { stack } = setup();
    const m = monitor(stack, { warning: 5 });
    dashboard(stack, {
      backends: cloudwatch(),
      description: 'Checkout health.',
      links: [{ title: 'Runbook', url: 'https://runbooks.acme.example/checkout' }],
      timeRange: TimeRange.days(2),
      rows: [
        {
          title: 'Errors',
          widgets: [
            Widget.timeSeries({ title: 'Errors', signals: [lambdaErrors()], thresholds: markers, period: 60 }),
            Widget.singleValue({ title: 'Errors now', signal: lambdaErrors() }),
            Widget.topList({ title: 'Top functions', signal: lambdaErrors(), limit: 3 }),
          ],
        },
        {
          title: 'State',
          widgets: [
            Widget.alertStatus({ monitors: [m] }),
            Widget.text({ markdown: 'Owned by **payments**.', width: 12 }),
            Widget.raw({ backend: 'cloudwatch', definition: { type: 'log', properties: { query: "SOURCE '/aws/lambda/checkout' | fields @message", region: 'eu-west-1' } } }),
          ],
        },
      ],
    });
    const { json, cloudwatch: cw } = synth(stack);
    expect(resource(json, 'aws_cloudwatch_dashboard', 'Dash_CloudWatch_').dashboard_name).toBe('Checkout-service');
    expect(cw.start).toBe('-P2D');
    expect(cw.periodOverride).toBe('inherit');
    expect(cw.widgets).toEqual([
      { type: 'text', x: 0, y: 0, width: 24, height: 2, properties: { markdown: '# Checkout service\n\nCheckout health. · [Runbook](https://runbooks.acme.example/checkout)' } },
      { type: 'text', x: 0, y: 2, width: 24, height: 1, properties: { markdown: '## Errors' } },
      {
        type: 'metric',
        x: 0,
        y: 3,
        width: 12,
        height: 6,
        properties: {
          title: 'Errors',
          view: 'timeSeries',
          region: 'eu-west-1',
          period: 60,
          metrics: [['AWS/Lambda', 'Errors', 'FunctionName', 'checkout', { period: 60, stat: 'Sum' }]],
          annotations: {
            horizontal: [
              { value: 10, label: 'critical', color: '#d62728' },
              [{ value: 3, label: 'warning band', color: '#ff7f0e' }, { value: 5 }],
            ],
          },
        },
      },
      {
        type: 'metric',
        x: 12,
        y: 3,
        width: 6,
        height: 6,
        properties: {
          title: 'Errors now',
          view: 'singleValue',
          region: 'eu-west-1',
          period: 300,
          metrics: [['AWS/Lambda', 'Errors', 'FunctionName', 'checkout', { period: 300, stat: 'Sum' }]],
        },
      },
      {
        type: 'metric',
        x: 0,
        y: 9,
        width: 8,
        height: 6,
        properties: {
          title: 'Top functions',
          view: 'bar',
          region: 'eu-west-1',
          period: 300,
          metrics: [[{
            expression: 'SELECT SUM("Errors") FROM SCHEMA("AWS/Lambda", "FunctionName") GROUP BY "FunctionName" ORDER BY SUM() DESC LIMIT 3',
            id: 'q1',
            label: 'Top functions',
          }]],
        },
      },
      { type: 'text', x: 0, y: 15, width: 24, height: 1, properties: { markdown: '## State' } },
      {
        type: 'alarm',
        x: 0,
        y: 16,
        width: 12,
        height: 6,
        properties: {
          title: 'Alert status',
          sortBy: 'stateUpdatedTimestamp',
          alarms: [
            expect.stringMatching(/^\$\{aws_cloudwatch_metric_alarm\.Errors_CloudWatch_[0-9A-F]+\.arn\}$/),
            expect.stringMatching(/^\$\{aws_cloudwatch_metric_alarm\.Errors_CloudWatch_Warning_[0-9A-F]+\.arn\}$/),
          ],
        },
      },
      { type: 'text', x: 12, y: 16, width: 12, height: 3, properties: { markdown: 'Owned by **payments**.' } },
      {
        type: 'log',
        x: 0,
        y: 22,
        width: 12,
        height: 6,
        properties: { query: "SOURCE '/aws/lambda/checkout' | fields @message", region: 'eu-west-1' },
      },
    ]);
    const result = validator.validate(awsPart(json)!.json);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('a metric-math expression: hidden metrics with ids and the expression', () => {
    const { stack } = setup();
    const e = Signal.cloudWatchExpression({ expression: 'errors / 60', usingMetrics: { errors: lambdaErrors() } });
    dashboard(stack, { backends: cloudwatch(), rows: [{ title: 'Rate', widgets: [Widget.timeSeries({ title: 'Per second', signals: [e] })] }] });
    const { cloudwatch: cw } = synth(stack);
    expect(cw.widgets[1].properties.metrics).toEqual([
      [{ expression: 's0errors / 60', label: 'errors / 60', id: 's0expr' }],
      ['AWS/Lambda', 'Errors', 'FunctionName', 'checkout', { id: 's0errors', period: 300, stat: 'Sum', visible: false }],
    ]);
  });

  test('a dashboard name, rawOverrides; the escape hatch is an aws_cloudwatch_dashboard', () => {
    const { stack } = setup();
    const d = dashboard(stack, { backends: [DashboardBackend.cloudwatch({ dashboardName: 'checkout-main', rawOverrides: { periodOverride: 'auto' } })] });
    const json = synthStack(stack);
    const res = resource(json, 'aws_cloudwatch_dashboard', 'Dash_CloudWatch_');
    expect(res.dashboard_name).toBe('checkout-main');
    expect(JSON.parse(res.dashboard_body)).toEqual({ start: '-PT3H', periodOverride: 'auto', widgets: [] });
    const r = d.rendering('CloudWatch') as CloudWatchRenderedDashboard;
    expect(r.resource).toBeInstanceOf(CloudwatchDashboard);
    expect(r.cloudwatchDashboard).toBe(r.resource);
    expect(r.dashboardName).toBe('checkout-main');
  });
});

describe('all backends', () => {
  test('JSON keys are sorted at every depth', () => {
    const { stack, folder } = setup();
    dashboard(stack, {
      backends: [...datadog(), ...grafana(folder), ...cloudwatch()],
      rows: [{ title: 'Errors', widgets: [Widget.timeSeries({ title: 'Errors', signals: [lambdaErrors()], thresholds: markers })] }],
    });
    const json = synthStack(stack);
    const sorted = (v: any): boolean => (Array.isArray(v) ? v.every(sorted)
      : v && typeof v === 'object' ? Object.keys(v).join() === Object.keys(v).sort().join() && Object.values(v).every(sorted) : true);
    const texts = [
      resource(json, 'datadog_dashboard_json', 'Dash_').dashboard,
      resource(json, 'grafana_dashboard', 'Dash_').config_json,
      resource(json, 'aws_cloudwatch_dashboard', 'Dash_').dashboard_body,
    ];
    for (const t of texts) expect(sorted(JSON.parse(t))).toBe(true);
  });
});
