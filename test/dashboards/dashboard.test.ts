import { TerraformStack } from 'cdktf';
import { cloudwatch, dashboard, datadog, ddLatency, grafana, lambdaErrors, monitor, promRequests, rendered, resource, setup, synth } from './support';
import {
  Dashboard, DashboardBackend, MarkerLevel, TemplateVariable, ThresholdMarker, TimeRange, Widget, WidgetKind,
  ComparisonOperator, MonitorBackend, MonitorConfig, Signal, Statistic,
} from '../../src';
import { connect } from '../monitors/fixtures';
import { newStack, synthStack } from '../support/synth';

const all = () => [...datadog(), ...grafana(), ...cloudwatch()];

describe('model', () => {
  test('widgets are immutable values with ids derived from titles; withPlacement() copies', () => {
    const { stack } = setup();
    const w = Widget.timeSeries({ title: 'Errors per minute', signals: [lambdaErrors()] });
    // read-only at run time, yet extensible: the jsii kernel tags what it hands to other languages
    expect(() => { (w as any).kind = 'other'; }).toThrow(TypeError);
    expect(Object.isExtensible(w)).toBe(true);
    expect(w.kind).toBe(WidgetKind.TIME_SERIES);
    expect([w.width, w.height]).toEqual([12, 6]);
    const wide = w.withPlacement({ width: 24, id: 'epm' });
    expect([wide.width, wide.id, w.width, w.id]).toEqual([24, 'epm', 12, undefined]);
    const d = dashboard(stack, { rows: [{ title: 'A', widgets: [w, w, Widget.text({ markdown: 'x' })] }] });
    expect(d.widgetIds).toEqual(['errors-per-minute', 'errors-per-minute-2', 'text']);
    expect(d.widget('text').markdown).toBe('x');
  });

  test('ThresholdMarker.fromMonitor: critical and warning lines labelled with the comparison', () => {
    const { stack } = setup();
    const m = monitor(stack, { warning: 5, comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL });
    expect(ThresholdMarker.fromMonitor(m).map((t) => [t.value, t.level, t.label, t.isBand])).toEqual([
      [10, MarkerLevel.CRITICAL, 'checkout errors: critical >= 10', false],
      [5, MarkerLevel.WARNING, 'checkout errors: warning >= 5', false],
    ]);
  });

  test('addWidget renders lazily: widgets and monitors added after the dashboard are drawn, in a new row or the last one', () => {
    const { stack } = setup();
    const d = dashboard(stack, { backends: all() });
    d.addWidget(Widget.text({ markdown: 'first' }));
    d.addWidget(Widget.timeSeries({ title: 'Errors', signals: [lambdaErrors()] }), 'Errors');
    const m = monitor(stack); // created after the dashboard
    d.addWidget(Widget.alertStatus({ monitors: [m] }));
    const { datadog: dd, grafana: g, cloudwatch: cw } = synth(stack);
    expect(dd.widgets.map((x: any) => [x.definition.title, x.definition.widgets.map((y: any) => y.definition.type)]))
      .toEqual([['Overview', ['note']], ['Errors', ['timeseries', 'manage_status']]]);
    expect(g.panels.map((p: any) => p.type)).toEqual(['row', 'text', 'row', 'timeseries', 'alertlist']);
    expect(cw.widgets.map((w: any) => w.type)).toEqual(['text', 'text', 'text', 'metric', 'alarm']);
  });

  test('the order of calls does not matter', () => {
    const build = (widgetsFirst: boolean) => {
      const stack = newStack();
      connect(stack);
      let d: Dashboard | undefined;
      const make = () => { d = dashboard(stack, { backends: all() }); };
      const add = () => {
        d!.addWidget(Widget.timeSeries({ title: 'Errors', signals: [lambdaErrors()] }), 'Errors');
        d!.addWidget(Widget.alertStatus({ monitors: [stack.node.findChild('Errors') as MonitorConfig] }), 'Errors');
      };
      if (widgetsFirst) {
        monitor(stack);
        make();
        add();
      } else {
        make();
        monitor(stack);
        add();
      }
      return rendered(synthStack(stack));
    };
    expect(build(true)).toEqual(build(false));
  });

  test('deterministic: the same code gives byte-identical JSON', () => {
    const text = () => {
      const { stack, folder } = setup();
      const m = monitor(stack, { warning: 5 });
      dashboard(stack, {
        backends: [...datadog(), ...grafana(folder), ...cloudwatch()],
        variables: [TemplateVariable.env({ values: ['prod', 'staging'] })],
        rows: [{
          title: 'All',
          widgets: [
            Widget.timeSeries({ title: 'Errors', signals: [lambdaErrors()], thresholds: ThresholdMarker.fromMonitor(m) }),
            Widget.singleValue({ title: 'Now', signal: lambdaErrors() }),
            Widget.topList({ title: 'Top', signal: lambdaErrors() }),
            Widget.alertStatus({ monitors: [m] }),
            Widget.text({ markdown: 'x' }),
          ],
        }],
      });
      const json = synthStack(stack);
      return [
        resource(json, 'datadog_dashboard_json', 'Dash_').dashboard,
        resource(json, 'grafana_dashboard', 'Dash_').config_json,
        resource(json, 'aws_cloudwatch_dashboard', 'Dash_').dashboard_body,
      ];
    };
    const a = text();
    expect(a.every((t) => t.length > 100)).toBe(true);
    expect(text()).toEqual(a);
  });
});

describe('Dashboard.fromMonitors', () => {
  test('one row per distinct signal with every threshold of its monitors, then the alert status of all', () => {
    const { stack, folder } = setup();
    const errors = monitor(stack, { warning: 5 });
    const errorsPage = monitor(stack, { title: 'checkout errors (page)', critical: 50 }, 'ErrorsPage');
    const slow = monitor(stack, {
      title: 'checkout p99',
      critical: 3000,
      signal: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: { FunctionName: 'checkout' }, statistic: Statistic.percentile(99) }),
    }, 'Slow');
    const d = Dashboard.fromMonitors(stack, 'Dash', {
      title: 'Checkout monitors', monitors: [errors, errorsPage, slow], backends: [...datadog(), ...grafana(folder), ...cloudwatch()],
    });
    expect(d.widgetIds).toEqual(['signal-1', 'signal-2', 'alert-status']);
    const { datadog: dd, grafana: g, cloudwatch: cw } = synth(stack);
    expect(dd.widgets.map((x: any) => x.definition.title)).toEqual(['checkout errors / checkout errors (page)', 'checkout p99', 'Alert status']);
    expect(dd.widgets[0].definition.widgets[0].definition.markers).toEqual([
      { value: 'y = 10', display_type: 'error dashed', label: 'checkout errors: critical > 10' },
      { value: 'y = 5', display_type: 'warning dashed', label: 'checkout errors: warning > 5' },
      { value: 'y = 50', display_type: 'error dashed', label: 'checkout errors (page): critical > 50' },
    ]);
    expect(dd.widgets[1].definition.widgets[0].definition.requests).toEqual([{ q: 'avg:aws.lambda.duration.p99{functionname:checkout}', display_type: 'line' }]);
    expect(dd.widgets[2].definition.widgets[0].definition.query).toMatch(/^\(\$\{datadog_monitor\.Errors_Datadog_\w+\.id\} OR \$\{datadog_monitor\.ErrorsPage_Datadog_\w+\.id\} OR \$\{datadog_monitor\.Slow_Datadog_\w+\.id\}\)$/);
    expect(g.panels.filter((p: any) => p.type === 'alertlist').map((p: any) => p.options.alertName)).toEqual(['checkout errors', 'checkout errors (page)', 'checkout p99']);
    expect(g.panels[1].fieldConfig.defaults.thresholds.steps).toEqual([
      { value: null, color: 'transparent' }, { value: 5, color: 'orange' }, { value: 10, color: 'red' }, { value: 50, color: 'red' },
    ]);
    const alarm = cw.widgets.find((w: any) => w.type === 'alarm');
    expect(alarm.properties.alarms).toHaveLength(4);
    expect(cw.widgets.find((w: any) => w.type === 'metric').properties.annotations.horizontal.map((h: any) => h.value)).toEqual([10, 5, 50]);
  });

  test('an empty list of monitors', () => {
    const { stack } = setup();
    expect(() => Dashboard.fromMonitors(stack, 'Dash', { title: 'x', monitors: [], backends: datadog() }))
      .toThrow("test/Dash: 'monitors' must be a non-empty list of MonitorConfig; received []");
  });
});

describe('validation', () => {
  test('an empty title', () => {
    const { stack } = setup();
    expect(() => dashboard(stack, { title: '' })).toThrow("test/Dash: 'title' must be a non-empty title; received \"\"");
  });

  test('duplicate widget ids', () => {
    const { stack } = setup();
    const w = Widget.text({ id: 'about', markdown: 'x' });
    expect(() => dashboard(stack, { rows: [{ title: 'A', widgets: [w, w] }] }))
      .toThrow("test/Dash: 'rows[0].widgets[1].id' must be a widget id not used by another widget of this dashboard; received \"about\"");
  });

  test('duplicate Grafana dashboard uids in a stack', () => {
    const { stack } = setup();
    dashboard(stack, { backends: grafana() });
    expect(() => dashboard(stack, { backends: grafana() }, 'Dash2')).toThrow(
      "test/Dash2: 'title' must be a Grafana dashboard uid not used by another dashboard of this stack and Grafana connection (set uid); received \"checkout-service\"");
    expect(() => dashboard(stack, { title: 'Other', backends: [DashboardBackend.grafana({ datasourceUid: 'prom', uid: 'checkout-service' })] }, 'Dash3')).toThrow(
      "test/Dash3: 'uid' must be a Grafana dashboard uid not used by another dashboard of this stack and Grafana connection (set uid); received \"checkout-service\"");
  });

  test('duplicate CloudWatch dashboard names in a stack', () => {
    const { stack } = setup();
    dashboard(stack, { backends: cloudwatch() });
    expect(() => dashboard(stack, { title: 'Checkout  service!', backends: cloudwatch() }, 'Dash2')).toThrow(
      "test/Dash2: 'title' must be a CloudWatch dashboard name not used by another dashboard of this stack and AWS connection (set dashboardName); received \"Checkout-service\"");
  });

  test('a signal the backend cannot query: PromQL on CloudWatch, a Datadog query on Grafana, PromQL on Datadog', () => {
    const cases: [() => any, string][] = [
      [cloudwatch, "test/Dash: 'rows[0].widgets[0].signals[0]' must be a signal the CloudWatch dashboard can draw (a CloudWatch metric or metric-math expression); CloudWatch cannot query a PROMQL; received \"PromQL query \\\"sum(rate(http_requests_total{job=\\\\\\\"checkout\\\\\\\"}[5m]))\\\"\""],
      [grafana, "test/Dash: 'rows[0].widgets[0].signals[0]' must be a signal the Grafana dashboard can draw (a PromQL query, or a CloudWatch metric or expression through a CloudWatch data source); Grafana has no data source for a DATADOG_QUERY; received \"Datadog query \\\"avg:trace.http.request.duration{service:checkout}\\\"\""],
      [datadog, "test/Dash: 'rows[0].widgets[0].signals[0]' must be a signal the Datadog dashboard can draw (a Datadog query, a CloudWatch metric collected by Datadog's AWS integration, or arithmetic over such metrics); Datadog cannot query a PROMQL; received \"PromQL query \\\"sum(rate(http_requests_total{job=\\\\\\\"checkout\\\\\\\"}[5m]))\\\"\""],
    ];
    for (const [backends, message] of cases) {
      const { stack } = setup();
      const signal = backends === grafana ? ddLatency() : promRequests();
      dashboard(stack, { backends: backends(), rows: [{ title: 'A', widgets: [Widget.timeSeries({ title: 'x', signals: [signal] })] }] });
      expect(() => synthStack(stack)).toThrow(message);
    }
  });

  test('a raw widget of another backend is skipped, not an error', () => {
    const { stack } = setup();
    dashboard(stack, { backends: cloudwatch(), rows: [{ title: 'A', widgets: [Widget.raw({ backend: 'datadog', definition: { type: 'note' } })] }] });
    expect(synth(stack).cloudwatch.widgets).toHaveLength(1);
  });

  test('a template variable referenced but not defined', () => {
    const { stack } = setup();
    const signal = Signal.datadogQuery({ query: 'avg:trace.http.request.duration{$env,$cluster}' });
    expect(() => dashboard(stack, {
      variables: [TemplateVariable.env()],
      rows: [{ title: 'A', widgets: [Widget.timeSeries({ title: 'x', signals: [signal] })] }],
    })).toThrow("test/Dash: 'rows[0].widgets[0].signals[0]' must be a query whose $variables are defined in 'variables' (env); received \"$cluster in \\\"avg:trace.http.request.duration{$env,$cluster}\\\"\"");
  });

  test('Grafana built-in variables ($__rate_interval) are not template variables', () => {
    const { stack } = setup();
    const signal = Signal.promQl({ query: 'rate(x[$__rate_interval])' });
    dashboard(stack, { backends: grafana(), rows: [{ title: 'A', widgets: [Widget.timeSeries({ title: 'x', signals: [signal] })] }] });
    expect(synth(stack).grafana.panels[1].targets[0].expr).toBe('rate(x[$__rate_interval])');
  });

  test('a CloudWatch signal with a template variable on CloudWatch (which renders none)', () => {
    const { stack } = setup();
    const signal = lambdaErrors().withDimensions({ FunctionName: '$service' });
    dashboard(stack, { backends: cloudwatch(), variables: [TemplateVariable.service()], rows: [{ title: 'A', widgets: [Widget.singleValue({ title: 'x', signal })] }] });
    expect(() => synthStack(stack)).toThrow(
      "test/Dash: 'rows[0].widgets[0].signal' must be for CloudWatch a signal without template variables (CloudWatch dashboards here have none; $service is referenced); received \"CloudWatch metric AWS/Lambda/Errors\"");
  });

  test('an alert status of monitors not rendered to the backend', () => {
    const { stack } = setup();
    const m = monitor(stack, { backends: [MonitorBackend.datadog()] });
    dashboard(stack, { backends: cloudwatch(), rows: [{ title: 'A', widgets: [Widget.alertStatus({ monitors: [m] })] }] });
    expect(() => synthStack(stack)).toThrow(
      "test/Dash: 'rows[0].widgets[0].monitors[0]' must be a MonitorConfig rendered to CloudWatch (give it MonitorBackend.cloudwatch()) for the CloudWatch dashboard; received \"test/Errors\"");
  });

  test('a CloudWatch top list without groupBy on a metric of several dimensions', () => {
    const { stack } = setup();
    const signal = lambdaErrors().withDimensions({ Resource: 'checkout:live' });
    dashboard(stack, { backends: cloudwatch(), rows: [{ title: 'A', widgets: [Widget.topList({ title: 'x', signal })] }] });
    expect(() => synthStack(stack)).toThrow(
      "test/Dash: 'rows[0].widgets[0].groupBy' must be the dimension to rank by (one of FunctionName, Resource); received undefined");
  });

  describe('CloudWatch limits', () => {
    test('at most 500 widgets per dashboard', () => {
      const { stack } = setup();
      dashboard(stack, { backends: cloudwatch(), rows: [{ title: 'A', widgets: Array.from({ length: 500 }, (_, i) => Widget.text({ markdown: `${i}`, width: 1, height: 1 })) }] });
      expect(() => synthStack(stack)).toThrow(
        "test/Dash: 'rows' must be at most 500 widgets per CloudWatch dashboard (CloudWatch quota); received \"501 CloudWatch widgets (row headings included)\"");
    });

    test('at most 500 metrics per widget', () => {
      const { stack } = setup();
      const signals = Array.from({ length: 501 }, (_, i) => lambdaErrors().withDimensions({ FunctionName: `f${i}` }));
      dashboard(stack, { backends: cloudwatch(), rows: [{ title: 'A', widgets: [Widget.timeSeries({ title: 'x', signals })] }] });
      expect(() => synthStack(stack)).toThrow(
        "test/Dash: 'rows[0].widgets[0].signals' must be at most 500 metrics per CloudWatch dashboard widget (CloudWatch quota); received \"501 metrics\"");
    });

    test('at most 2500 metrics per dashboard', () => {
      const { stack } = setup();
      const signals = Array.from({ length: 500 }, (_, i) => lambdaErrors().withDimensions({ FunctionName: `f${i}` }));
      const widgets = Array.from({ length: 6 }, (_, i) => Widget.timeSeries({ id: `w${i}`, title: 'x', signals }));
      dashboard(stack, { backends: cloudwatch(), rows: [{ title: 'A', widgets }] });
      expect(() => synthStack(stack)).toThrow(
        "test/Dash: 'rows' must be at most 2500 metrics per CloudWatch dashboard across all widgets (CloudWatch quota); received \"3000 metrics\"");
    });

    test('at most 100 alarms per alarm status widget', () => {
      const { stack } = setup();
      const monitors = Array.from({ length: 51 }, (_, i) => monitor(stack, { title: `m${i}`, warning: 5, backends: [MonitorBackend.cloudwatch()] }, `M${i}`));
      dashboard(stack, { backends: cloudwatch(), rows: [{ title: 'A', widgets: [Widget.alertStatus({ monitors })] }] });
      expect(() => synthStack(stack)).toThrow(
        "test/Dash: 'rows[0].widgets[0].monitors' must be at most 100 alarms per CloudWatch alarm status widget (split the monitors over several widgets); received \"102 alarms\"");
    });
  });

  test('props of widgets, rows, variables and backends', () => {
    const cases: [(stack: TerraformStack) => unknown, string][] = [
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.text({ markdown: 'x', width: 25 })] }] }),
        "test/Dash: 'rows[0].widgets[0].width' must be a whole number from 1 to 24; received 25"],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.timeSeries({ title: 'x', signals: [] })] }] }),
        "test/Dash: 'rows[0].widgets[0].signals' must be a non-empty list of Signal; received []"],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.timeSeries({ title: 'x', signals: [lambdaErrors()], thresholds: [ThresholdMarker.band(5, 5)] })] }] }),
        "test/Dash: 'rows[0].widgets[0].thresholds[0].to' must be a finite number above the band's lower edge (5); received 5"],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.topList({ title: 'x', signal: lambdaErrors(), limit: 0 })] }] }),
        "test/Dash: 'rows[0].widgets[0].limit' must be a whole number from 1 to 100; received 0"],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.alertStatus({ monitors: [] })] }] }),
        "test/Dash: 'rows[0].widgets[0].monitors' must be a non-empty list of MonitorConfig; received []"],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.raw({ backend: 'grafana', definition: [] as any })] }] }),
        "test/Dash: 'rows[0].widgets[0].definition' must be a JSON object; received []"],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.singleValue({ title: undefined as any, signal: lambdaErrors() })] }] }),
        "test/Dash: 'rows[0].widgets[0].title' must be a non-empty title; received undefined"],
      [(s) => dashboard(s, { rows: [{ title: '', widgets: [] }] }), "test/Dash: 'rows[0].title' must be a non-empty row title; received \"\""],
      [(s) => dashboard(s, { variables: [TemplateVariable.custom('tier', [])] }), "test/Dash: 'variables[0].values' must be a non-empty list of values; received []"],
      [(s) => dashboard(s, { variables: [TemplateVariable.env({ values: ['prod'], defaultValue: 'dev' })] }),
        "test/Dash: 'variables[0].defaultValue' must be one of the variable's values (prod); received \"dev\""],
      [(s) => dashboard(s, { variables: [TemplateVariable.env(), TemplateVariable.custom('env', ['a'])] }),
        "test/Dash: 'variables[1].name' must be a name not used by another variable of this dashboard; received \"env\""],
      [(s) => dashboard(s, { links: [{ title: 'x', url: 'ftp://x.example' }] }), "test/Dash: 'links[0].url' must be an absolute https or http URL with a host; received \"ftp://x.example\""],
      [(s) => dashboard(s, { timeRange: TimeRange.hours(0) }), "test/Dash: 'timeRange' must be a whole number from 1 to 8760; received 0"],
      [(s) => dashboard(s, { description: ' ' }), "test/Dash: 'description' must be a non-empty description or unset; received \" \""],
      [(s) => dashboard(s, { tags: [''] }), "test/Dash: 'tags[0]' must be a non-empty tag; received \"\""],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.text({ id: '-x', markdown: 'x' })] }] }),
        "test/Dash: 'rows[0].widgets[0].id' must be a widget id of 1-100 letters, digits, _ . or -, starting with a letter or digit; received \"-x\""],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.text({ markdown: 'x', height: 0 })] }] }),
        "test/Dash: 'rows[0].widgets[0].height' must be a whole number from 1 to 1000; received 0"],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: ['x' as any] }] }),
        "test/Dash: 'rows[0].widgets[0]' must be a Widget (Widget.timeSeries(), singleValue(), topList(), alertStatus(), text(), raw()); received \"x\""],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.timeSeries({ title: 'x', signals: [lambdaErrors()], thresholds: [ThresholdMarker.line(NaN)] })] }] }),
        "test/Dash: 'rows[0].widgets[0].thresholds[0].value' must be a finite number; received NaN"],
      [(s) => dashboard(s, { rows: [{ title: 'A', widgets: [Widget.topList({ title: 'x', signal: lambdaErrors(), groupBy: 'a b' })] }] }),
        "test/Dash: 'rows[0].widgets[0].groupBy' must be a dimension, tag or label name; received \"a b\""],
      [(s) => dashboard(s, { variables: [TemplateVariable.custom('9lives', ['a'])] }),
        "test/Dash: 'variables[0].name' must be a variable name: a letter, then letters, digits or _ (at most 64); received \"9lives\""],
      [(s) => dashboard(s, { backends: [DashboardBackend.datadog({ rawOverrides: [] as any })] }), "test/Dash: 'rawOverrides' must be a JSON object; received []"],
      [(s) => dashboard(s, { backends: [DashboardBackend.grafana({ datasourceUid: 'prom', folder: 'f' as any })] }), "test/Dash: 'folder' must be a GrafanaFolder; received \"f\""],
      [(s) => dashboard(s, { backends: [DashboardBackend.grafana({ datasourceUid: 'prom', uid: 'x'.repeat(41) })] }),
        `test/Dash: 'uid' must be a dashboard uid of 1-40 letters, digits, - or _; received "${'x'.repeat(41)}"`],
      [(s) => dashboard(s, { backends: [] }), "test/Dash: 'backends' must be a non-empty list of backends (DashboardBackend.datadog(), .grafana({...}), .cloudwatch(), .newRelic()); received []"],
      [(s) => dashboard(s, { backends: [DashboardBackend.datadog(), DashboardBackend.datadog()] }),
        "test/Dash: 'backends' must be backends with distinct ids (give a second backend of a kind its own id); received \"Datadog\""],
      [(s) => dashboard(s, { backends: [DashboardBackend.grafana({ datasourceUid: 'not a uid' })] }),
        "test/Dash: 'datasourceUid' must be a Grafana data source UID (1-40 letters, digits, _ or -); received \"not a uid\""],
      [(s) => dashboard(s, { backends: [DashboardBackend.cloudwatch({ dashboardName: 'has space' })] }),
        "test/Dash: 'dashboardName' must be a CloudWatch dashboard name of 1-255 letters, digits, - or _; received \"has space\""],
    ];
    for (const [build, message] of cases) {
      const { stack } = setup();
      expect(() => build(stack)).toThrow(message);
    }
  });

  test('Datadog takes only team tags: the others are left out with a warning', () => {
    const { stack } = setup();
    const d = dashboard(stack, { tags: ['team:payments', 'service:checkout'] });
    const warnings = d.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    expect(warnings).toEqual(['test/Dash: Datadog dashboards take only team:<name> tags; service:checkout are left out of the Datadog dashboard']);
  });
});
