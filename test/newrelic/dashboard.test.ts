import { OneDashboard } from '@cdktf/provider-newrelic/lib/one-dashboard';
import { connectNewRelic, errorOf, newRelicSchemaProblems, nrMonitor, only, sqsAge } from './support';
import {
  Dashboard, Errors, MarkerLevel, MonitorBackend, NewRelicDashboardBackend, NewRelicDashboardPermissions,
  NewRelicRenderedDashboard,
  Signal, Statistic, TemplateVariable, ThresholdMarker, Widget,
} from '../../src/index';
import { newStack, synthStack } from '../support/synth';

const STREAM = "collector.name = 'cloudwatch-metric-streams'";
const AGE = `SELECT max(\`aws.sqs.ApproximateAgeOfOldestMessage\`) FROM Metric WHERE ${STREAM} AND \`aws.sqs.QueueName\` = 'orders'`;

function draw(widgets: Widget[], extra: (stack: any) => void = () => {}) {
  const stack = newStack();
  connectNewRelic(stack);
  extra(stack);
  const d = new Dashboard(stack, 'Orders', { title: 'Orders', backends: [new NewRelicDashboardBackend()] });
  d.addRow({ title: 'Queue', widgets });
  const json = synthStack(stack);
  const page = only(json.resource.newrelic_one_dashboard).page[0];
  return { stack, d, json, page };
}

describe('New Relic dashboards', () => {
  test('a newrelic_one_dashboard: name, permissions, account, one page, a row heading', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const d = new Dashboard(stack, 'Orders', {
      title: 'Orders',
      description: 'The orders service.',
      links: [{ title: 'Runbook', url: 'https://runbooks.acme.example/orders' }],
      rows: [{ title: 'Queue', widgets: [Widget.text({ markdown: 'Hello' })] }],
      backends: [new NewRelicDashboardBackend({ permissions: NewRelicDashboardPermissions.PRIVATE })],
    });
    const json = synthStack(stack);
    const res = only(json.resource.newrelic_one_dashboard);
    expect(res).toMatchObject({
      name: 'Orders', description: 'The orders service.\n\n[Runbook](https://runbooks.acme.example/orders)', permissions: 'private', account_id: 1234567,
    });
    expect(res.page).toHaveLength(1);
    expect(res.page[0].name).toBe('Orders');
    expect(res.page[0].widget_markdown).toEqual([
      { title: '', text: '## Queue', row: 1, column: 1, width: 12, height: 1 },
      { title: '', text: 'Hello', row: 2, column: 1, width: 12, height: 2 },
    ]);
    const r = d.rendering('NewRelic') as NewRelicRenderedDashboard;
    expect(r.oneDashboard).toBeInstanceOf(OneDashboard);
    expect(r.renderJson()).toEqual(JSON.parse(JSON.stringify({ ...res, provider: undefined })));
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test('time series → widget_line with TIMESERIES queries and thresholds (lines and bands)', () => {
    const { page, json } = draw([Widget.timeSeries({
      title: 'Age',
      width: 12,
      signals: [sqsAge(), sqsAge(Statistic.AVERAGE)],
      thresholds: [ThresholdMarker.line(300, { label: 'critical', level: MarkerLevel.CRITICAL }), ThresholdMarker.band(100, 300, { level: MarkerLevel.WARNING })],
    })]);
    expect(page.widget_line).toEqual([{
      title: 'Age',
      row: 2,
      column: 1,
      width: 6,
      height: 3,
      nrql_query: [
        { account_id: '1234567', query: `${AGE} TIMESERIES AUTO` },
        { account_id: '1234567', query: `${AGE.replace('max(', 'average(')} TIMESERIES AUTO` },
      ],
      threshold: [{ from: '300', name: 'critical', severity: 'critical' }, { from: '100', to: '300', severity: 'warning' }],
    }]);
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test('single value → widget_billboard with critical and warning thresholds', () => {
    const { page } = draw([Widget.singleValue({
      title: 'Age now', signal: sqsAge(), thresholds: [ThresholdMarker.line(300), ThresholdMarker.line(100, { level: MarkerLevel.WARNING })],
    })]);
    expect(page.widget_billboard).toEqual([{
      title: 'Age now', row: 2, column: 1, width: 3, height: 3, nrql_query: [{ account_id: '1234567', query: AGE }], critical: '300', warning: '100',
    }]);
  });

  test('top list → widget_table with FACET on the dimension attribute and LIMIT', () => {
    const { page } = draw([
      Widget.topList({ title: 'Oldest queues', signal: sqsAge(), limit: 5 }),
      Widget.topList({ title: 'Oldest queues too', signal: sqsAge(), groupBy: 'QueueName' }),
    ]);
    expect(page.widget_table.map((t: any) => t.nrql_query[0].query)).toEqual([
      `${AGE} FACET \`aws.sqs.QueueName\` LIMIT 5`,
      `${AGE} FACET \`aws.sqs.QueueName\` LIMIT 10`,
    ]);
    expect(page.widget_table.map((t: any) => [t.row, t.column, t.width])).toEqual([[2, 1, 4], [2, 5, 4]]);
  });

  test('NRQL signals: the query with TIMESERIES, FACET on groupBy, or its own FACET', () => {
    const { page } = draw([
      Widget.timeSeries({ title: 'Tx', signals: [Signal.nrql({ query: "SELECT count(*) FROM Transaction WHERE appName = 'orders'" })] }),
      Widget.topList({ title: 'Apps', signal: Signal.nrql({ query: 'SELECT count(*) FROM Transaction' }), groupBy: 'appName' }),
      Widget.topList({ title: 'Hosts', signal: Signal.nrql({ query: 'SELECT count(*) FROM Transaction FACET host' }) }),
    ]);
    expect(page.widget_line[0].nrql_query[0].query).toBe("SELECT count(*) FROM Transaction WHERE appName = 'orders' TIMESERIES AUTO");
    expect(page.widget_table.map((t: any) => t.nrql_query[0].query)).toEqual([
      'SELECT count(*) FROM Transaction FACET `appName` LIMIT 10',
      'SELECT count(*) FROM Transaction FACET host LIMIT 10',
    ]);
  });

  test('top list without something to rank by is an error', () => {
    const noDims = Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'UnreservedConcurrentExecutions' });
    const e = errorOf(() => draw([Widget.topList({ title: 'x', signal: noDims })]));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.prop).toBe('rows[0].widgets[0].groupBy');
  });

  test('alert status → widget_table over NrAiIncident of the monitors\' condition ids', () => {
    let ids: string[] = [];
    const stack = newStack();
    connectNewRelic(stack);
    const a = nrMonitor(stack, {}, 'A');
    const b = nrMonitor(stack, { title: 'b' }, 'B');
    new Dashboard(stack, 'Orders', { title: 'Orders', rows: [{ title: 'Alerts', widgets: [Widget.alertStatus({ monitors: [a, b] })] }], backends: [new NewRelicDashboardBackend()] });
    const json = synthStack(stack);
    ids = Object.keys(json.resource.newrelic_nrql_alert_condition).map((n) => `\${element(split(":", newrelic_nrql_alert_condition.${n}.id), 1)}`);
    const t = only(json.resource.newrelic_one_dashboard).page[0].widget_table[0];
    expect(t).toMatchObject({ title: 'Alert status', ignore_time_range: true, width: 6 });
    expect(t.nrql_query[0].query).toBe(
      `SELECT latest(event) AS 'State', latest(priority) AS 'Priority' FROM NrAiIncident WHERE conditionId IN (${ids.join(', ')}) FACET conditionName SINCE 7 days ago LIMIT MAX`);
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test('alert status of a monitor not rendered to New Relic is an error', () => {
    const e = errorOf(() => {
      const stack = newStack();
      connectNewRelic(stack);
      const m = nrMonitor(stack, { backends: [MonitorBackend.cloudwatch()] }, 'A');
      new Dashboard(stack, 'Orders', { title: 'Orders', rows: [{ title: 'Alerts', widgets: [Widget.alertStatus({ monitors: [m] })] }], backends: [new NewRelicDashboardBackend()] });
      synthStack(stack);
    });
    expect(e.prop).toBe('rows[0].widgets[0].monitors[0]');
  });

  test('text → widget_markdown', () => {
    const { page } = draw([Widget.text({ title: 'Notes', markdown: '**Orders**', width: 8 })]);
    expect(page.widget_markdown).toEqual([
      { title: '', text: '## Queue', row: 1, column: 1, width: 12, height: 1 },
      { title: 'Notes', text: '**Orders**', row: 2, column: 1, width: 4, height: 2 },
    ]);
  });

  test('raw New Relic widgets are placed as given; other backends\' raw widgets are skipped', () => {
    const { page, json } = draw([
      Widget.text({ title: 'Notes', markdown: '**Orders**', width: 8 }),
      Widget.raw({ backend: 'newrelic', definition: { widget_bar: { title: 'By app', nrql_query: [{ query: 'SELECT count(*) FROM Transaction FACET appName' }] } } }),
      Widget.raw({ backend: 'datadog', definition: { type: 'note', content: 'x' } }),
    ]);
    expect(page.widget_markdown[1]).toEqual({ title: 'Notes', text: '**Orders**', row: 2, column: 1, width: 4, height: 2 });
    expect(page.widget_bar).toEqual([{ title: 'By app', nrql_query: [{ query: 'SELECT count(*) FROM Transaction FACET appName' }], row: 2, column: 5, width: 6, height: 3 }]);
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test('a raw widget that is not a widget block is an error', () => {
    const e = errorOf(() => draw([Widget.raw({ backend: 'newrelic', definition: { type: 'line' } })]));
    expect(e.prop).toBe('rows[0].widgets[0].definition');
  });

  test('a widget taller than New Relic allows, and a signal New Relic cannot query, are errors', () => {
    const e = errorOf(() => draw([Widget.text({ markdown: 'x', height: 30 })]));
    expect(e.message).toBe("test/Orders: 'rows[0].widgets[0].height' must be for New Relic at most 24 grid rows (newrelic_one_dashboard widget heights are 1-12, half the grid rows); received 30");
    const e2 = errorOf(() => draw([Widget.singleValue({ title: 'p', signal: Signal.promQl({ query: 'up' }) })]));
    expect(e2.prop).toBe('rows[0].widgets[0].signal');
    expect(e2.accepted).toContain('New Relic cannot evaluate a PROMQL signal');
  });

  test('widgets flow over the 12 columns; tags and variables are left out with warnings', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const d = new Dashboard(stack, 'Orders', {
      title: 'Orders',
      tags: ['team:orders'],
      variables: [TemplateVariable.env()],
      rows: [{ title: 'Queue', widgets: [Widget.singleValue({ title: 'a', signal: sqsAge(), width: 16 }), Widget.singleValue({ title: 'b', signal: sqsAge(), width: 16 })] }],
      backends: [new NewRelicDashboardBackend()],
    });
    const json = synthStack(stack);
    const b = only(json.resource.newrelic_one_dashboard).page[0].widget_billboard;
    expect(b.map((x: any) => [x.row, x.column, x.width])).toEqual([[2, 1, 8], [5, 1, 8]]);
    const warnings = d.node.metadata.filter((x: any) => x.type === '@cdktf/warn').map((x: any) => String(x.data)).join('\n');
    expect(warnings).toContain('newrelic_one_dashboard has no tags');
    expect(warnings).toContain('without template variables');
  });
});
