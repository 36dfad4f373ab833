/**
 * OpenSloCatalog: OpenSLO v1 files read into Slo constructs. The mapping (objective, window,
 * burn rates, sources) is checked on the synthesized Datadog SLO and monitors, CloudWatch alarms
 * and Grafana rules; references resolve like inline objects; and every kind of input the library
 * refuses is reported with its file, line and field, several at once.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { CatalogValidationError } from '../../src/catalog/private/source';
import {
  Errors, MonitorBackend, NotificationTarget, OpenSloCatalog, OpenSloCatalogOptions, Severity, SignalKind, SloWindow,
} from '../../src/index';
import { connect } from '../monitors/fixtures';
import { newStack, synthStack } from '../support/synth';

const datadog = () => MonitorBackend.datadog();
const grafana = () => MonitorBackend.grafana({ datasourceUid: 'prometheus' });
const cloudwatch = () => MonitorBackend.cloudwatch();

const DATADOG_SLI = `
apiVersion: openslo/v1
kind: SLI
metadata:
  name: api-success
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Datadog
        spec:
          query: sum:trace.http.request.hits{service:checkout,!http.status_class:5xx}.as_count()
    total:
      metricSource:
        type: Datadog
        spec:
          query: sum:trace.http.request.hits{service:checkout}.as_count()
`;

const CONDITIONS = `
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: fast-burn
spec:
  severity: page
  condition:
    kind: burnrate
    op: gte
    threshold: 14.4
    lookbackWindow: 1h
    alertAfter: 5m
---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: slow-burn
spec:
  severity: ticket
  condition:
    op: gt
    threshold: 3
    lookbackWindow: 24h
`;

const POLICIES = `
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: fast
spec:
  conditions:
    - conditionRef: fast-burn
  notificationTargets:
    - targetRef: oncall
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: slow
spec:
  conditions:
    - conditionRef: slow-burn
  notificationTargets:
    - targetRef: channel
`;

const sloDoc = (extra: { name?: string; spec?: string; metadata?: string } = {}) => `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${extra.name ?? 'api-availability'}
  displayName: 'checkout: API availability'
${extra.metadata ?? ''}spec:
  description: 99.9% of requests succeed.
  service: checkout
${extra.spec ?? `  indicatorRef: api-success
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
  alertPolicies:
    - alertPolicyRef: fast
    - alertPolicyRef: slow
`}`;

const join = (...docs: string[]) => docs.map((d) => d.replace(/^\n/, '')).join('---\n');
const FILE = join(DATADOG_SLI, CONDITIONS, POLICIES, sloDoc());

const targets = () => ({
  oncall: NotificationTarget.email({ address: 'oncall@acme.example', severities: [Severity.SEV2] }),
  channel: NotificationTarget.email({ address: 'team@acme.example', severities: [Severity.SEV2, Severity.SEV4] }),
});

type Read = { stack: TerraformStack; catalog: OpenSloCatalog };

function read(text: string, options: Partial<OpenSloCatalogOptions> = {}, stack: TerraformStack = newStack()): Read {
  connect(stack);
  const catalog = OpenSloCatalog.fromString(stack, 'Slos', text, { datadogBackends: [datadog()], targets: targets(), ...options });
  return { stack, catalog };
}

/** Writes `text` to a temporary file named `name` and reads it. */
function readFile(text: string, name = 'slos.yaml', options: Partial<OpenSloCatalogOptions> = {}): { stack: TerraformStack; catalog: OpenSloCatalog; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openslo-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const stack = newStack();
  connect(stack);
  const catalog = OpenSloCatalog.fromFile(stack, 'Slos', file, { datadogBackends: [datadog()], targets: targets(), ...options });
  return { stack, catalog, file };
}

/** The CatalogValidationError `build` throws. */
function problems(build: () => unknown): CatalogValidationError {
  try {
    build();
  } catch (e) {
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e).toBeInstanceOf(CatalogValidationError);
    return e as CatalogValidationError;
  }
  throw new Error('expected a validation error');
}

/** 1-based line of the `nth` (0-based) line of `text` containing `needle`. */
function lineOf(text: string, needle: string, nth = 0): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(needle)) {
      if (seen === nth) return i + 1;
      seen++;
    }
  }
  throw new Error(`${needle} not in text`);
}

/** The one issue of `field`, asserting its line and that the message names file, line and field. */
function issueAt(err: CatalogValidationError, field: string, line: number, file = '<inline>') {
  const found = err.issues.filter((i) => i.field === field);
  if (found.length !== 1) throw new Error(`expected one issue of ${field} in\n${err.message}`);
  const issue = found[0];
  expect(issue.file).toBe(file);
  if (issue.position?.line !== line) throw new Error(`expected ${field} at line ${line} in\n${err.message}`);
  expect(err.message).toContain(`${file}:${line}:${issue.position!.column}: '${field}' must be`);
  return issue;
}

const resources = (json: any, type: string): any[] => Object.values(json.resource?.[type] ?? {});

describe('OpenSloCatalog mapping', () => {
  test('a Datadog SLO: objective, window, burn rates, severities, tags and targets from the file', () => {
    const { stack, catalog } = read(FILE, { tags: { env: 'prod' } });
    expect(catalog.sloNames).toEqual(['api-availability']);
    const slo = catalog.slo('api-availability');
    expect(slo.target).toBe(99.9);
    expect(slo.window).toBe(SloWindow.THIRTY_DAYS);
    expect(slo.burnRateAlerts.map((a) => [a.toString(), a.props.urgency])).toEqual([['14.4x 1h/5m', 'PAGE'], ['3x 1d/2h', 'TICKET']]);
    expect(slo.targets).toHaveLength(2);
    const json = synthStack(stack);
    const [objective] = resources(json, 'datadog_service_level_objective');
    expect(objective.name).toBe('checkout: API availability');
    expect(objective.description).toBe('99.9% of requests succeed.');
    expect(objective.type).toBe('metric');
    expect(objective.thresholds).toEqual([{ timeframe: '30d', target: 99.9 }]);
    expect(objective.query).toEqual({
      numerator: 'sum:trace.http.request.hits{service:checkout,!http.status_class:5xx}.as_count()',
      denominator: 'sum:trace.http.request.hits{service:checkout}.as_count()',
    });
    expect(objective.tags).toEqual(['env:prod', 'service:checkout']);
    const monitors = resources(json, 'datadog_monitor');
    expect(monitors.map((m) => m.query.replace(/"\$\{[^}]+\}"/, '"<slo>"'))).toEqual([
      'burn_rate("<slo>").over("30d").long_window("1h").short_window("5m") > 14.4',
      'burn_rate("<slo>").over("30d").long_window("24h").short_window("120m") > 3',
    ]);
    expect(monitors.map((m) => m.type)).toEqual(['slo alert', 'slo alert']);
    expect(monitors.map((m) => m.tags.find((t: string) => t.startsWith('severity:')))).toEqual(['severity:sev2', 'severity:sev4']);
    // Page: both targets take SEV2; ticket: only the channel takes SEV4.
    expect(monitors[0].message).toContain('@oncall@acme.example');
    expect(monitors[0].message).toContain('@team@acme.example');
    expect(monitors[1].message).not.toContain('@oncall@acme.example');
    expect(monitors[1].message).toContain('@team@acme.example');
  });

  test('page and ticket severities from the options', () => {
    const { catalog } = read(FILE, { pageSeverity: Severity.SEV1, ticketSeverity: Severity.SEV3 });
    const slo = catalog.slo('api-availability');
    expect(slo.burnRateAlerts.map((a) => slo.severityOf(a))).toEqual([Severity.SEV1, Severity.SEV3]);
  });

  test('a CloudWatch SLO (flat and metricStat forms): burn-rate alarms per window with the budget of the target', () => {
    const text = join(`
apiVersion: openslo/v1
kind: SLO
metadata:
  name: order-success
spec:
  indicator:
    metadata:
      name: orders
    spec:
      ratioMetric:
        good:
          metricSource:
            type: CloudWatch
            spec:
              namespace: Checkout
              metricName: OrdersSucceeded
              dimensions:
                FunctionName: checkout
        total:
          metricSource:
            type: CloudWatch
            spec:
              metricStat:
                metric:
                  namespace: Checkout
                  metricName: OrdersPlaced
                  dimensions:
                    - name: FunctionName
                      value: checkout
                stat: SampleCount
  timeWindow:
    - duration: 1w
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - targetPercent: 99.5
  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: fast
      spec:
        conditions:
          - kind: AlertCondition
            metadata:
              name: fast
            spec:
              severity: page
              condition:
                kind: burnrate
                op: gte
                threshold: 10
                lookbackWindow: 2h
`);
    const { stack, catalog } = read(text, { datadogBackends: undefined, cloudWatchBackends: [cloudwatch()] });
    const slo = catalog.slo('order-success');
    expect(slo.window).toBe(SloWindow.SEVEN_DAYS);
    expect(slo.indicator.ratioProps!.good.kind).toBe(SignalKind.CLOUDWATCH_METRIC);
    // alertAfter absent: the short window is a twelfth of the long one.
    expect(slo.burnRateAlerts.map((a) => a.toString())).toEqual(['10x 2h/10m']);
    const json = synthStack(stack);
    const alarms = resources(json, 'aws_cloudwatch_metric_alarm');
    expect(alarms.map((a) => a.alarm_name)).toEqual(['order-success: burn rate 10x 2h/10m (2h)', 'order-success: burn rate 10x 2h/10m (10m)']);
    for (const a of alarms) {
      expect(a.threshold).toBe(10);
      expect(a.metric_query[2].expression).toBe('(total - good) / total / 0.005');
      expect(a.metric_query[0].metric).toMatchObject({ namespace: 'Checkout', metric_name: 'OrdersSucceeded', dimensions: { FunctionName: 'checkout' }, stat: 'Sum' });
      expect(a.metric_query[1].metric).toMatchObject({ namespace: 'Checkout', metric_name: 'OrdersPlaced', dimensions: { FunctionName: 'checkout' } });
    }
    expect(alarms[0].metric_query[0].metric.period).toBe(7200);
    expect(alarms[1].metric_query[0].metric.period).toBe(600);
    expect(resources(json, 'aws_cloudwatch_composite_alarm')).toHaveLength(1);
  });

  test('a Prometheus SLO on Grafana; without alert policies the library\'s default alerts; per-source backends', () => {
    const prom = `
apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prometheus
spec:
  type: Prometheus
  connectionDetails:
    url: http://prometheus:9090
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: payments
spec:
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource:
            metricSourceRef: prometheus
            spec:
              query: payments_total{outcome="success"}
        total:
          metricSource:
            metricSourceRef: prometheus
            spec:
              query: payments_total
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
`;
    const { stack, catalog } = read(join(DATADOG_SLI, CONDITIONS, POLICIES, sloDoc(), prom), { prometheusBackends: [grafana()] });
    expect(catalog.sloNames).toEqual(['api-availability', 'payments']);
    const payments = catalog.slo('payments');
    expect(payments.window).toBe(SloWindow.THIRTY_DAYS);
    expect(payments.burnRateAlerts.map((a) => a.toString())).toEqual(['14.4x 1h/5m', '6x 6h/30m', '3x 1d/2h']);
    expect(payments.alertRenderings.map((r) => r.backend.id)).toEqual(['Grafana']);
    expect(catalog.slo('api-availability').alertRenderings.map((r) => r.backend.id)).toEqual(['Datadog']);
    const json = synthStack(stack);
    const [group] = resources(json, 'grafana_rule_group');
    expect(group.name).toBe('payments');
    expect(group.rule).toHaveLength(3);
    const model = JSON.parse(group.rule[0].data[0].model);
    expect(model.expr).toBe('(1 - sum(increase(payments_total{outcome="success"}[1h])) / sum(increase(payments_total[1h]))) / 0.01');
    expect(JSON.parse(group.rule[0].data[2].model).expression).toBe('$A >= 14.4 && $B >= 14.4');
    // connectionDetails are not read: nothing of them reaches the output.
    expect(JSON.stringify(json)).not.toContain('prometheus:9090');
  });

  test('references resolve like inline objects', () => {
    const inline = sloDoc({
      spec: `  indicator:
    metadata:
      name: api-success
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Datadog
            spec:
              query: sum:trace.http.request.hits{service:checkout,!http.status_class:5xx}.as_count()
        total:
          metricSource:
            type: Datadog
            spec:
              query: sum:trace.http.request.hits{service:checkout}.as_count()
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: fast
      spec:
        conditions:
          - kind: AlertCondition
            metadata:
              name: fast-burn
            spec:
              severity: page
              condition:
                kind: burnrate
                op: gte
                threshold: 14.4
                lookbackWindow: 1h
                alertAfter: 5m
        notificationTargets:
          - kind: AlertNotificationTarget
            metadata:
              name: oncall
            spec:
              target: email
    - kind: AlertPolicy
      metadata:
        name: slow
      spec:
        conditions:
          - conditionRef: slow-burn
        notificationTargets:
          - targetRef: channel
`,
    });
    const a = synthStack(read(FILE).stack);
    const b = synthStack(read(join(CONDITIONS, inline)).stack);
    const strip = (json: any) => ({ slo: resources(json, 'datadog_service_level_objective').map(({ ['//']: _, ...r }) => r), monitors: resources(json, 'datadog_monitor').map(({ ['//']: _, ...r }) => r) });
    expect(strip(b)).toEqual(strip(a));
  });

  test('JSON files and files on disk', () => {
    const doc = (name: string) => ({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name },
      spec: { indicatorRef: 'api-success', budgetingMethod: 'Occurrences', objectives: [{ target: 0.99 }] },
    });
    const yaml = readFile(join(DATADOG_SLI, sloDoc({ name: 'from-yaml', spec: '  indicatorRef: api-success\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n' })), 'slos.yml');
    expect(yaml.catalog.file).toBe(yaml.file);
    expect(yaml.catalog.sloNames).toEqual(['from-yaml']);
    // A JSON file holds one document; its SLI comes inline.
    const sli = { metadata: { name: 'x' }, spec: { ratioMetric: { good: { metricSource: { type: 'Datadog', spec: { query: 'sum:a{*}.as_count()' } } }, total: { metricSource: { type: 'Datadog', spec: { query: 'sum:b{*}.as_count()' } } } } } };
    const json = { ...doc('from-json'), spec: { indicator: sli, budgetingMethod: 'Occurrences', objectives: [{ targetPercent: 99 }] } };
    const j = readFile(JSON.stringify(json, undefined, 2), 'slo.json');
    expect(j.catalog.slo('from-json').target).toBe(99);
  });

  test('the example file: three SLOs, one per source type, each on its backends', () => {
    const stack = newStack();
    connect(stack);
    const catalog = OpenSloCatalog.fromFile(stack, 'Slos', path.join(__dirname, '..', '..', 'examples', 'openslo', 'slos.yaml'), {
      datadogBackends: [datadog()],
      prometheusBackends: [grafana()],
      cloudWatchBackends: [cloudwatch()],
      targets: { 'checkout-oncall': targets().oncall, 'checkout-channel': targets().channel },
    });
    expect(catalog.slos.map((s) => [s.node.id, s.target, s.window, s.alertRenderings.map((r) => r.backend.kind)])).toEqual([
      ['api-availability', 99.9, '30d', ['datadog']],
      ['payment-success', 99.5, '7d', ['grafana']],
      ['order-success', 99.5, '30d', ['cloudwatch']],
    ]);
    const json = synthStack(stack);
    expect(resources(json, 'datadog_service_level_objective')).toHaveLength(1);
    expect(resources(json, 'grafana_rule_group')).toHaveLength(1);
    expect(resources(json, 'aws_cloudwatch_composite_alarm')).toHaveLength(3);
  });
});

describe('OpenSloCatalog refusals', () => {
  test('unknown kinds, other versions and sloth specs, several problems of one file reported together', () => {
    const text = join(
      'apiVersion: openslo/v1\nkind: Foo\nmetadata:\n  name: foo\nspec: {}\n',
      'apiVersion: openslo/v2alpha\nkind: SLO\nmetadata:\n  name: v2\nspec: {}\n',
      'version: prometheus/v1\nservice: checkout\nslos: []\n',
      DATADOG_SLI, sloDoc({ spec: '  indicatorRef: api-success\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.999\n' }),
    );
    const err = problems(() => read(text));
    expect(err.issues).toHaveLength(3);
    issueAt(err, 'kind', lineOf(text, 'kind: Foo'));
    expect(issueAt(err, 'apiVersion', lineOf(text, 'openslo/v2alpha')).accepted).toContain('"openslo/v1"');
    expect(issueAt(err, 'version', lineOf(text, 'prometheus/v1')).accepted).toContain('sloth specs (version prometheus/v1) are not read');
    expect(err.message).toMatch(/has 3 problems/);
  });

  test('a sloth file is recognised and refused with the reason, at its version line', () => {
    const sloth = `version: "prometheus/v1"
service: "checkout"
slos:
  - name: "requests-availability"
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
    alerting:
      name: CheckoutAvailability
      page_alert:
        labels:
          severity: critical
`;
    const err = problems(() => readFile(sloth, 'sloth.yaml'));
    expect(err.issues).toHaveLength(1);
    const issue = err.issues[0];
    expect([issue.field, issue.position?.line, issue.received]).toEqual(['version', 1, '"prometheus/v1"']);
    expect(issue.file.endsWith('sloth.yaml')).toBe(true);
    expect(issue.accepted).toContain('a sloth SLI counts bad events (error_query) in rate() expressions');
  });

  test('Timeslices budgets, calendar windows, other durations, several objectives, targets out of range', () => {
    const text = join(DATADOG_SLI,
      sloDoc({
        name: 'slices',
        spec: `  indicatorRef: api-success
  timeWindow:
    - duration: 1M
      calendar:
        startTime: 2024-01-01 00:00:00
        timeZone: Europe/Paris
  budgetingMethod: Timeslices
  objectives:
    - target: 0.99
      timeSliceTarget: 0.9
      timeSliceWindow: 1m
    - targetPercent: 99.9
`,
      }),
      sloDoc({
        name: 'ranges',
        spec: `  indicatorRef: api-success
  timeWindow:
    - duration: 4w
      isRolling: true
  budgetingMethod: RatioTimeslices
  objectives:
    - target: 1
`,
      }),
      sloDoc({ name: 'both', spec: '  indicatorRef: api-success\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.9\n      targetPercent: 90\n' }),
      sloDoc({ name: 'percent', spec: '  indicatorRef: api-success\n  budgetingMethod: Occurrences\n  objectives:\n    - targetPercent: 0\n' }),
    );
    const err = problems(() => read(text));
    const budgets = err.issues.filter((i) => i.field === 'spec.budgetingMethod');
    expect(budgets.map((i) => [i.received, i.position?.line])).toEqual([
      ['"Timeslices"', lineOf(text, 'budgetingMethod: Timeslices')], ['"RatioTimeslices"', lineOf(text, 'budgetingMethod: RatioTimeslices')],
    ]);
    expect(budgets[0].accepted).toContain('Timeslices and RatioTimeslices budgets are not expressible');
    expect(err.message).toContain(`<inline>:${lineOf(text, 'budgetingMethod: Timeslices')}:20: 'spec.budgetingMethod' must be "Occurrences"`);
    expect(issueAt(err, 'spec.timeWindow[0].calendar', lineOf(text, 'startTime:')).accepted).toContain('calendar-aligned windows are not expressible');
    expect(issueAt(err, 'spec.objectives[0].timeSliceTarget', lineOf(text, 'timeSliceTarget')).accepted).toContain('time slices');
    expect(issueAt(err, 'spec.objectives[1]', lineOf(text, 'targetPercent: 99.9')).accepted).toContain('one objective per SLO');
    // 1M: the library's windows are 7, 30 or 90 days; 4w is 28 days.
    const durations = err.issues.filter((i) => i.field === 'spec.timeWindow[0].duration');
    expect(durations.map((i) => [i.received, i.position?.line])).toEqual([['"1M"', lineOf(text, 'duration: 1M')], ['"4w"', lineOf(text, 'duration: 4w')]]);
    expect(durations[0].accepted).toContain('7d (or 1w), 30d or 90d');
    const one = err.issues.find((i) => i.field === 'spec.objectives[0].target' && i.received === '1');
    expect(one?.position?.line).toBe(lineOf(text, 'target: 1'));
    expect(one?.accepted).toBe('less than 1 (the target as a fraction, greater than 0 and less than 1 (0.999))');
    expect(err.issues.find((i) => i.field === 'spec.objectives[0]' && i.position?.line === lineOf(text, 'targetPercent: 90') - 1)?.accepted).toContain('exactly one of target and targetPercent');
    const zero = err.issues.find((i) => i.field === 'spec.objectives[0].targetPercent');
    expect(zero?.position?.line).toBe(lineOf(text, 'targetPercent: 0'));
    expect(zero?.accepted).toContain('greater than 0');
  });

  test('thresholdMetric, raw and bad/total SLIs, gauges, mixed and unknown source types', () => {
    const text = join(
      'apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: latency\nspec:\n  thresholdMetric:\n    metricSource:\n      type: Datadog\n      spec:\n        query: avg:latency{*}\n',
      `apiVersion: openslo/v1
kind: SLI
metadata:
  name: errors
spec:
  ratioMetric:
    counter: false
    bad:
      metricSource:
        type: Datadog
        spec:
          query: sum:errors{*}.as_count()
    total:
      metricSource:
        type: Datadog
        spec:
          query: sum:hits{*}.as_count()
`,
      `apiVersion: openslo/v1
kind: SLI
metadata:
  name: precomputed
spec:
  ratioMetric:
    rawType: success
    raw:
      metricSource:
        type: Prometheus
        spec:
          query: success_ratio
`,
      `apiVersion: openslo/v1
kind: SLI
metadata:
  name: mixed
spec:
  ratioMetric:
    good:
      metricSource:
        type: Datadog
        spec:
          query: sum:good{*}.as_count()
    total:
      metricSource:
        type: Prometheus
        spec:
          query: hits_total
`,
      `apiVersion: openslo/v1
kind: SLI
metadata:
  name: redshift
spec:
  ratioMetric:
    good:
      metricSource:
        type: Redshift
        spec:
          query: SELECT 1
    total:
      metricSource:
        type: Datadog
        spec:
          query: sum:hits{*}.as_count()
`,
      `apiVersion: openslo/v1
kind: SLI
metadata:
  name: wrong-fields
spec:
  ratioMetric:
    good:
      metricSource:
        type: Datadog
        spec:
          query: sum:good{*}.as_count()
    total:
      metricSource:
        type: Datadog
        spec:
          namespace: AWS/Lambda
`,
      sloDoc({ name: 'mixed-slo', spec: '  indicatorRef: mixed\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n' }),
    );
    const err = problems(() => read(text));
    expect(issueAt(err, 'spec.thresholdMetric', lineOf(text, 'thresholdMetric') + 1).accepted).toContain('thresholdMetric SLIs are not expressible');
    expect(issueAt(err, 'spec.ratioMetric.bad', lineOf(text, 'bad:') + 1).accepted).toContain('bad/total ratios are not expressible');
    expect(issueAt(err, 'spec.ratioMetric.counter', lineOf(text, 'counter: false')).accepted).toContain('gauges');
    expect(issueAt(err, 'spec.ratioMetric.raw', lineOf(text, 'raw:') + 1).accepted).toContain('raw (precomputed) ratios');
    expect(issueAt(err, 'spec.ratioMetric.rawType', lineOf(text, 'rawType')).accepted).toContain('raw (precomputed) ratios');
    expect(issueAt(err, 'spec.ratioMetric.good.metricSource.type', lineOf(text, 'type: Redshift')).accepted).toBe('one of "Datadog", "Prometheus", "CloudWatch"');
    // A Datadog source with CloudWatch fields: the schema accepts the field, the source type does not.
    expect(issueAt(err, 'spec.ratioMetric.total.metricSource.spec.namespace', lineOf(text, 'namespace: AWS/Lambda')).accepted).toContain('absent for a Datadog source');
    expect(issueAt(err, 'spec.ratioMetric.total.metricSource.type', lineOf(text, 'type: Prometheus', 1)).accepted).toContain('the source type of good (Datadog)');
  });

  test('alert policies and conditions the library cannot express', () => {
    const text = join(DATADOG_SLI,
      `apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: below
spec:
  severity: sev1
  condition:
    kind: burnrate
    op: lte
    threshold: 2000
    lookbackWindow: 1w
    alertAfter: 5m
`,
      `apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: too-fast
spec:
  severity: page
  condition:
    op: gte
    threshold: 2000
    lookbackWindow: 1h
    alertAfter: 1h
`,
      `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: nodata
spec:
  alertWhenNoData: true
  alertWhenBreaching: false
  conditions:
    - conditionRef: too-fast
    - conditionRef: below
`,
      `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: fast
spec:
  conditions:
    - conditionRef: too-fast
`,
      sloDoc({ spec: '  indicatorRef: api-success\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.999\n  alertPolicies:\n    - alertPolicyRef: fast\n' }),
    );
    const err = problems(() => read(text));
    expect(issueAt(err, 'spec.condition.op', lineOf(text, 'op: lte')).accepted).toContain('"gt" or "gte"');
    expect(issueAt(err, 'spec.severity', lineOf(text, 'severity: sev1')).accepted).toBe('one of "page", "ticket"');
    expect(issueAt(err, 'spec.condition.lookbackWindow', lineOf(text, 'lookbackWindow: 1w')).accepted).toContain('in m, h or d');
    expect(issueAt(err, 'spec.alertWhenNoData', lineOf(text, 'alertWhenNoData')).accepted).toContain('missing data as not breaching');
    expect(issueAt(err, 'spec.alertWhenBreaching', lineOf(text, 'alertWhenBreaching')).accepted).toContain('never notifies');
    expect(issueAt(err, 'spec.conditions', lineOf(text, 'conditionRef: too-fast')).accepted).toBe('at most 1 items (exactly one alert condition)');
    // The referenced condition's problems are found from the SLO that uses it, at the condition.
    const fast = err.issues.filter((i) => i.position?.line === lineOf(text, 'alertAfter: 1h'));
    expect(fast.map((i) => [i.field, i.accepted])).toEqual([['spec.condition.alertAfter', 'shorter than lookbackWindow (1h): it is the short window of the burn-rate alert']]);
    expect(err.issues.find((i) => i.position?.line === lineOf(text, 'threshold: 2000', 1))?.accepted).toContain('at most 1 / (1 - target) = 1000');
  });

  test('unknown references, duplicate names, unknown targets, neither or both of a reference and an inline object', () => {
    const text = join(DATADOG_SLI, DATADOG_SLI, CONDITIONS,
      `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: fast
spec:
  conditions:
    - conditionRef: fast-burn
  notificationTargets:
    - targetRef: nobody
    - kind: AlertNotificationTarget
      metadata:
        name: somebody
      spec:
        target: email
`,
      sloDoc({
        spec: `  indicatorRef: api-succes
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
  alertPolicies:
    - alertPolicyRef: missing-policy
    - alertPolicyRef: fast
    - {}
`,
      }),
      sloDoc({ name: 'both', spec: '  indicator:\n    spec: {ratioMetric: {good: {metricSource: {type: Datadog, spec: {query: a}}}, total: {metricSource: {type: Datadog, spec: {query: b}}}}}\n  indicatorRef: api-success\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.999\n' }),
      sloDoc({
        name: 'ds',
        spec: `  indicator:
    spec:
      ratioMetric:
        good:
          metricSource:
            metricSourceRef: nowhere
            spec:
              query: sum:a{*}.as_count()
        total:
          metricSource:
            spec:
              query: sum:b{*}.as_count()
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`,
      }),
      sloDoc({ name: 'none', spec: '  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.999\n' }),
    );
    const err = problems(() => read(text));
    const dup = err.issues.find((i) => i.field === 'metadata.name' && i.position?.line === lineOf(text, 'name: api-success', 1));
    expect(dup?.accepted).toBe(`a name not used by another SLI of the file (the first is at line ${lineOf(text, 'name: api-success')})`);
    expect(issueAt(err, 'spec.indicatorRef', lineOf(text, 'indicatorRef: api-succes\n'.trim())).accepted).toBe('the metadata.name of a SLI of the file (api-success)');
    expect(issueAt(err, 'spec.alertPolicies[0].alertPolicyRef', lineOf(text, 'missing-policy')).accepted).toBe('the metadata.name of a AlertPolicy of the file (fast)');
    expect(issueAt(err, 'spec.alertPolicies[2]', lineOf(text, '- {}')).accepted).toContain('either alertPolicyRef or an inline AlertPolicy (kind, metadata, spec), not neither');
    expect(issueAt(err, 'spec.notificationTargets[0].targetRef', lineOf(text, 'targetRef: nobody')).accepted).toBe('the name of a target of the targets option (channel, oncall)');
    expect(issueAt(err, 'spec.notificationTargets[1].metadata.name', lineOf(text, 'name: somebody')).received).toBe('"somebody"');
    expect(issueAt(err, 'spec.indicator.spec.ratioMetric.good.metricSource.metricSourceRef', lineOf(text, 'metricSourceRef: nowhere')).accepted).toBe('the metadata.name of a DataSource of the file (the file has no DataSource)');
    expect(issueAt(err, 'spec.indicator.spec.ratioMetric.total.metricSource', lineOf(text, 'query: sum:b{*}') - 1).accepted).toContain('a metricSource with a type');
    const exactlyOne = err.issues.filter((i) => i.field === 'spec' && i.accepted === 'an SLO with exactly one of indicator and indicatorRef');
    expect(exactlyOne.map((i) => i.received)).toEqual(['both indicator and indicatorRef', 'neither indicator nor indicatorRef']);
  });

  test('schema problems of every document: unknown fields, wrong types, missing fields, bad names', () => {
    const text = join(
      'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: -bad-\n  colour: red\nspec:\n  owner: payments\n',
      'apiVersion: openslo/v1\nkind: DataSource\nmetadata:\n  name: ds\nspec:\n  description: 42\n',
      sloDoc({ name: 'labels', metadata: '  labels:\n    team:\n      - a\n      - b\n', spec: '  indicatorRef: x\n  objectives: []\n' }),
    );
    const err = problems(() => read(text));
    expect(issueAt(err, 'metadata.name', lineOf(text, 'name: -bad-')).accepted).toContain('letters, digits, -, _ or .');
    expect(issueAt(err, 'metadata.colour', lineOf(text, 'colour')).accepted).toBe('a known field (annotations, displayName, labels, name)');
    expect(issueAt(err, 'spec.owner', lineOf(text, 'owner')).accepted).toBe('a known field (description)');
    expect(issueAt(err, 'spec.type', lineOf(text, 'description: 42')).accepted).toBe('set (the metric source type: Datadog, Prometheus or CloudWatch)');
    expect(issueAt(err, 'spec.description', lineOf(text, 'description: 42')).accepted).toBe('of type string');
    expect(issueAt(err, 'metadata.labels.team', lineOf(text, 'team:') + 1).accepted).toBe('of type string');
    expect(issueAt(err, 'spec.budgetingMethod', lineOf(text, '99.9% of requests succeed.')).accepted).toContain('set');
    expect(issueAt(err, 'spec.objectives', lineOf(text, 'objectives: []')).accepted).toBe('at least 1 items (exactly one objective)');
  });

  test('YAML syntax errors and labels that would set the severity', () => {
    const bad = 'apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: [\n';
    const e1 = problems(() => read(bad));
    expect(e1.issues[0].field).toBe('(syntax)');
    expect(e1.message).toMatch(/<inline>:\d+:\d+: '\(syntax\)' must be valid YAML or JSON/);
    const text = join(DATADOG_SLI, sloDoc({ metadata: '  labels:\n    severity: high\n', spec: '  indicatorRef: api-success\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n' }));
    const e2 = problems(() => read(text));
    expect(issueAt(e2, 'metadata.labels.severity', lineOf(text, 'severity: high')).accepted).toContain('a label other than severity');
  });

  test('an SLO without backends for its source, and a backend\'s own limit, reported at the file', () => {
    const text = join(DATADOG_SLI, CONDITIONS, POLICIES, sloDoc());
    const e1 = problems(() => read(text, { datadogBackends: undefined, prometheusBackends: [grafana()] }));
    expect(issueAt(e1, 'metadata.name', lineOf(text, 'name: api-availability')).accepted)
      .toBe('an SLO with backends: its SLI is a Datadog source and neither backends nor datadogBackends is given');
    // Datadog takes long windows of whole hours: a 90-minute lookback is the Slo's error, at the condition.
    const odd = text.replace('lookbackWindow: 24h', 'lookbackWindow: 90m');
    const e2 = problems(() => read(odd));
    const issue = issueAt(e2, 'spec.condition.lookbackWindow', lineOf(odd, 'lookbackWindow: 90m'));
    expect(issue.accepted).toContain('for Datadog whole hours from 1 to 48 hours');
    expect(issue.accepted).toContain("test/Slos/api-availability: 'burnRateAlerts[1].longWindowMinutes'");
  });

  test('file problems: path, extension, missing file, file name in every message', () => {
    const stack = newStack();
    expect(() => OpenSloCatalog.fromFile(stack, 'A', 'slos.txt', { backends: [datadog()] })).toThrow("test/A: 'path' must be an OpenSLO file ending in .yaml, .yml or .json");
    expect(() => OpenSloCatalog.fromFile(stack, 'B', '/nonexistent/slos.yaml', { backends: [datadog()] })).toThrow(/test\/B: 'path' must be a readable file/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openslo-'));
    const file = path.join(dir, 'bad.yaml');
    const text = join(DATADOG_SLI, sloDoc({ spec: '  indicatorRef: api-success\n  budgetingMethod: Timeslices\n  objectives:\n    - target: 0.99\n' }));
    fs.writeFileSync(file, text);
    const err = problems(() => OpenSloCatalog.fromFile(newStack(), 'C', file, { backends: [datadog()] }));
    issueAt(err, 'spec.budgetingMethod', lineOf(text, 'Timeslices'), file);
    expect(err.message.startsWith(`test/C: ${file} has 1 problem:`)).toBe(true);
  });

  test('options: lists, severities and tags are checked', () => {
    expect(() => read(FILE, { datadogBackends: datadog() as any })).toThrow("test/Slos: 'datadogBackends' must be a list of backends");
    expect(() => read(FILE, { defaultTargets: 'team' as any })).toThrow("test/Slos: 'defaultTargets' must be a list of notification targets");
    expect(() => read(FILE, { pageSeverity: 'P1' as any })).toThrow("test/Slos: 'pageSeverity' must be a Severity (SEV1 … SEV5); received \"P1\"");
    expect(() => read(FILE, { tags: 'env:prod' as any })).toThrow("test/Slos: 'tags' must be a map of strings to strings");
    const { catalog } = read(FILE, { defaultTargets: [NotificationTarget.email({ address: 'all@acme.example' })] });
    expect(catalog.slo('api-availability').targets).toHaveLength(3);
  });

  test('options: targets must be notification targets; slo() names the SLOs of the file', () => {
    expect(() => read(FILE, { targets: { oncall: 'oncall@acme.example' as any } })).toThrow("test/Slos: 'targets.oncall' must be a notification target");
    const { catalog } = read(FILE);
    expect(() => catalog.slo('nope')).toThrow("test/Slos: 'name' must be the metadata.name of an SLO of <inline> (api-availability); received \"nope\"");
  });
});
