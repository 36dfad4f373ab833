import { DashboardJson } from '@cdktf/provider-datadog/lib/dashboard-json';
import { Errors, DatadogDashboardImport, DatadogDashboardImportOptions, ImportSource } from '../../src/index';
import { datadog, infos, only, warnings } from '../catalog/support';
import { newStack, synthStack } from '../support/synth';

const ordered = (extra: Record<string, unknown> = {}) => ({
  title: 'Checkout',
  layout_type: 'ordered',
  template_variables: [{ name: 'env', prefix: 'env', available_values: [], default: 'prod' }],
  widgets: [
    { id: 1, definition: { type: 'timeseries', title: 'Requests', requests: [{ q: 'sum:trace.http.request.hits{$env}.as_count()', display_type: 'bars' }] } },
  ],
  ...extra,
});

function importIt(d: unknown, options: DatadogDashboardImportOptions = {}) {
  const s = newStack();
  datadog(s);
  const imported = DatadogDashboardImport.fromObject(s, 'Dash', d as any, options);
  const resource = only(synthStack(s), 'datadog_dashboard_json');
  return { imported, resource, model: JSON.parse(resource.dashboard.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')) };
}

const expectError = (d: unknown, message: string) => {
  const s = newStack();
  datadog(s);
  let error: unknown;
  try {
    DatadogDashboardImport.fromObject(s, 'Dash', d as any);
  } catch (e) {
    error = e;
  }
  expect(Errors.isValidationError(error)).toBe(true);
  expect((error as Error).message).toBe(message);
};

describe('DatadogDashboardImport', () => {
  test('renders datadog_dashboard_json without the read-only fields; escape hatch is the L1 DashboardJson', () => {
    const exported = ordered({
      id: 'abc-def-ghi',
      author_handle: 'a@example.com',
      author_name: 'A',
      created_at: '2024-01-01T00:00:00Z',
      modified_at: '2024-01-02T00:00:00Z',
      url: '/dashboard/abc-def-ghi/checkout',
      description: 'Service view',
      notify_list: [],
      reflow_type: 'auto',
      is_read_only: false,
      tags: ['team:payments'],
    });
    const { imported, resource, model } = importIt(exported);
    expect(imported.resource).toBeInstanceOf(DashboardJson);
    expect(resource.provider).toBe('datadog');
    expect(model).toEqual(ordered({ description: 'Service view', notify_list: [], reflow_type: 'auto', is_read_only: false, tags: ['team:payments'] }));
    expect(warnings(imported)).toEqual([]);
    expect(infos(imported)).toEqual(['test/Dash: read-only fields left out (Datadog sets them): author_handle, author_name, created_at, id, modified_at, url.']);
  });

  test('deterministic output: sorted keys whatever the input order', () => {
    const a = importIt({ title: 'T', layout_type: 'ordered', widgets: [{ definition: { type: 'note', content: 'x' } }] }).resource.dashboard;
    const b = importIt({ widgets: [{ definition: { content: 'x', type: 'note' } }], layout_type: 'ordered', title: 'T' }).resource.dashboard;
    expect(a).toBe(b);
  });

  test('a free layout with nested groups and every kind of widget', () => {
    const free = {
      title: 'Screenboard',
      layout_type: 'free',
      template_variables: [{ name: 'host', prefix: 'host', default: '*' }, { name: 'svc.name', prefix: 'service' }],
      widgets: [
        { id: 1, layout: { x: 0, y: 0, width: 47, height: 15 }, definition: { type: 'query_value', requests: [{ q: 'avg:system.load.1{$host}', aggregator: 'avg', conditional_formats: [{ comparator: '>', value: 2, palette: 'white_on_red' }] }], precision: 2 } },
        { id: 2, layout: { x: 48, y: 0, width: 30, height: 10 }, definition: { type: 'check_status', check: 'datadog.agent.up', grouping: 'check', tags: ['$host'] } },
        { id: 3, layout: { x: 0, y: 16, width: 60, height: 20 }, definition: { type: 'timeseries', requests: [{ queries: [{ data_source: 'metrics', name: 'q1', query: 'avg:trace.http.request.duration{service:$svc.name.value}' }], formulas: [{ formula: 'q1' }], response_format: 'timeseries' }], markers: [{ value: 'y = 0.5', display_type: 'error dashed' }] } },
        { id: 4, layout: { x: 0, y: 40, width: 20, height: 5 }, definition: { type: 'free_text', text: 'costs $5 per $host' } },
        { id: 5, layout: { x: 0, y: 50, width: 20, height: 5 }, definition: { type: 'iframe', url: 'https://status.example.com' } },
        { id: 6, layout: { x: 0, y: 60, width: 20, height: 5 }, definition: { type: 'image', url: 'https://example.com/logo.png' } },
      ],
    };
    const { model, imported } = importIt(free);
    expect(model).toEqual(free);
    expect(warnings(imported)).toEqual([]);
  });

  test('ordered layout with nested groups', () => {
    const d = ordered({
      widgets: [
        {
          id: 1,
          definition: {
            type: 'group',
            layout_type: 'ordered',
            title: 'Overview',
            widgets: [
              { id: 2, definition: { type: 'toplist', requests: [{ q: 'top(avg:x{$env} by {host}, 10, "mean", "desc")' }] }, layout: { x: 0, y: 0, width: 4, height: 2 } },
              { id: 3, definition: { type: 'note', content: 'hi' } },
            ],
          },
        },
      ],
    });
    expect(importIt(d).model.widgets).toEqual(d.widgets);
  });

  test('unknown widget types are carried over with a warning', () => {
    const d = ordered({ widgets: [{ id: 9, definition: { type: 'holo_chart', requests: [{ q: 'avg:x{*}' }] } }] });
    const { model, imported } = importIt(d);
    expect(model.widgets).toEqual(d.widgets);
    expect(warnings(imported)).toEqual([
      'test/Dash: dashboard.widgets[0].definition has widget type "holo_chart", which is not a known Datadog widget type: it is carried over unchanged.',
    ]);
  });

  test('template sequences are escaped for Terraform', () => {
    const { resource, model } = importIt(ordered({ description: 'uses ${x} and %{y}' }));
    expect(resource.dashboard).toContain('"description": "uses $${x} and %%{y}"');
    expect(model.description).toBe('uses ${x} and %{y}');
  });

  test('title override, fromString, and a source through the constructor', () => {
    const s = newStack();
    datadog(s);
    const a = DatadogDashboardImport.fromString(s, 'A', JSON.stringify(ordered()), { title: 'Checkout (prod)' });
    const b = new DatadogDashboardImport(s, 'B', { source: ImportSource.fromObject(ordered()), title: 'Checkout (prod)' });
    expect(a.title).toBe('Checkout (prod)');
    expect(JSON.parse(a.dashboardJson).title).toBe('Checkout (prod)');
    expect(b.dashboardJson).toBe(a.dashboardJson);
  });

  test('validation: document, title, layout_type, widgets, definition, type, layout, variables', () => {
    expectError([], "test/Dash: 'dashboard' must be a Datadog dashboard JSON object; received []");
    expectError(ordered({ title: '' }), "test/Dash: 'dashboard.title' must be the dashboard title (a non-empty string); received \"\"");
    expectError(ordered({ layout_type: 'grid' }), 'test/Dash: \'dashboard.layout_type\' must be "ordered" or "free"; received "grid"');
    expectError(ordered({ layout_type: undefined }), 'test/Dash: \'dashboard.layout_type\' must be "ordered" or "free"; received undefined');
    expectError(ordered({ widgets: undefined }), "test/Dash: 'dashboard.widgets' must be an array of widgets; received undefined");
    expectError(ordered({ widgets: [{ id: 1 }] }), 'test/Dash: \'dashboard.widgets[0].definition\' must be a widget definition object with a "type"; received undefined');
    expectError(ordered({ widgets: [{ definition: { title: 'x' } }] }),
      'test/Dash: \'dashboard.widgets[0].definition.type\' must be a widget type (e.g. "timeseries", "query_value", "group", "note"); received undefined');
    expectError(ordered({ widgets: [{ definition: { type: 'group', layout_type: 'ordered', widgets: [{ definition: {} }] } }] }),
      'test/Dash: \'dashboard.widgets[0].definition.widgets[0].definition.type\' must be a widget type (e.g. "timeseries", "query_value", "group", "note"); received undefined');
    expectError(ordered({ widgets: [{ definition: { type: 'group', layout_type: 'ordered' } }] }),
      "test/Dash: 'dashboard.widgets[0].definition.widgets' must be an array of widgets (the widgets of the group); received undefined");
    expectError(ordered({ layout_type: 'free', widgets: [{ definition: { type: 'note', content: 'x' } }] }),
      "test/Dash: 'dashboard.widgets[0].layout' must be a layout { x, y, width, height } (every widget of a free layout has one); received undefined");
    expectError(ordered({ layout_type: 'free', widgets: [{ layout: { x: 0, y: 0, width: '4', height: 2 }, definition: { type: 'note', content: 'x' } }] }),
      "test/Dash: 'dashboard.widgets[0].layout.width' must be a number; received \"4\"");
    expectError(ordered({ template_variables: [{ prefix: 'host' }] }),
      "test/Dash: 'dashboard.template_variables[0].name' must be the variable name (a non-empty string); received undefined");
    expectError(ordered({ template_variables: [{ name: 'a' }, { name: 'a' }] }),
      "test/Dash: 'dashboard.template_variables[1].name' must be a template variable name unique in the dashboard; received \"a\"");
  });

  test('validation: a $variable referenced in a query but not defined', () => {
    expectError(ordered({ widgets: [{ definition: { type: 'timeseries', requests: [{ q: 'avg:x{$env,$region}' }] } }] }),
      'test/Dash: \'dashboard.widgets[0].definition.requests[0].q\' must be a query whose $variables are defined in template_variables (env); "$region" is not defined; received "avg:x{$env,$region}"');
    expectError(ordered({
      widgets: [{
        definition: {
          type: 'group',
          layout_type: 'ordered',
          widgets: [
            { definition: { type: 'query_table', requests: [{ queries: [{ name: 'q', data_source: 'metrics', query: 'avg:x{$service.value}' }] }] } },
          ],
        },
      }],
    }),
    'test/Dash: \'dashboard.widgets[0].definition.widgets[0].definition.requests[0].queries[0].query\' must be a query whose $variables are defined in template_variables (env); "$service.value" is not defined; received "avg:x{$service.value}"');
  });

  test('props: title, source, connection', () => {
    const s = newStack();
    expect(() => DatadogDashboardImport.fromObject(s, 'NoConn', ordered())).toThrow(/^test\/NoConn: 'datadog connection' must be exactly one datadog connection in stack test/);
    datadog(s);
    expect(() => DatadogDashboardImport.fromObject(s, 'T', ordered(), { title: '' })).toThrow("test/T: 'title' must be a non-empty string; received \"\"");
    expect(() => new DatadogDashboardImport(s, 'S', { source: {} as any })).toThrow(
      "test/S: 'source' must be ImportSource.fromString(json), ImportSource.fromObject(object) or ImportSource.fromFile(path); received {}");
    expect(() => DatadogDashboardImport.fromObject(s, 'C', ordered(), { connection: 'x' as any })).toThrow("test/C: 'connection' must be a DatadogConnection; received \"x\"");
  });
});
