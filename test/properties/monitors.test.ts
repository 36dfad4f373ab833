/**
 * Property: every prop of MonitorConfig, Slo, CompositeMonitor and AnomalyMonitor, given any JS
 * value, yields valid synthesized output or a ValidationError naming path, prop and value.
 */
import * as fc from 'fast-check';
import { anything, checkEveryProp, hostileNumber, hostileString, listOf, orAnything } from './support';
import {
  AlarmRule, AnomalyAlgorithm, AnomalyDirection, AnomalyMonitor, BurnRateAlert, ComparisonOperator, CompositeMonitor, MissingData,
  MonitorBackend, MonitorConfig, NotificationTarget, Severity, Signal, Slo, SloIndicator, SloWindow, Statistic,
} from '../../src';
import { connect } from '../monitors/fixtures';
import { newStack } from '../support/synth';

const backends = () => fc.constantFrom(
  [MonitorBackend.datadog()], [MonitorBackend.cloudwatch()], [MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })],
  [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
);
const signal = () => fc.oneof(
  fc.record({ v: hostileString, d: hostileString }).map(({ v, d }) => Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { [d || 'FunctionName']: v }, statistic: Statistic.SUM })),
  hostileString.map((q) => Signal.datadogQuery({ query: q })),
  fc.constant(Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout' }, statistic: Statistic.SUM })),
);
const tagMap = () => orAnything(fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), fc.constant({ team: 'payments' }));
const target = () => fc.constantFrom(
  NotificationTarget.email({ address: 'oncall@example.com' }),
  NotificationTarget.email({ address: 'pager@example.com', severities: [Severity.SEV1] }),
);
const common = {
  title: orAnything(hostileString, fc.constant('checkout errors')),
  message: orAnything(hostileString),
  severity: orAnything(fc.constantFrom(...Object.values(Severity))),
  runbookUrl: orAnything(hostileString, fc.constant('https://runbooks.example.com/x')),
  tags: tagMap(),
  renotifyInterval: orAnything(hostileNumber),
  targets: listOf(target()),
  backends: orAnything(backends(), listOf(fc.constant(MonitorBackend.datadog()))),
};

function check(name: string, arbs: Record<string, fc.Arbitrary<unknown>>, build: (stack: any, props: Record<string, unknown>) => void, n: number,
  related: Record<string, string[]> = {}) {
  checkEveryProp(name, arbs, (props) => {
    const stack = newStack();
    connect(stack, { slack: false });
    build(stack, props);
    return stack;
  }, n, { related });
}

check('MonitorConfig', {
  ...common,
  signal: orAnything(signal()),
  comparison: orAnything(fc.constantFrom(...Object.values(ComparisonOperator))),
  critical: orAnything(hostileNumber),
  warning: orAnything(hostileNumber),
  criticalRecovery: orAnything(hostileNumber),
  warningRecovery: orAnything(hostileNumber),
  period: orAnything(hostileNumber, fc.constantFrom(60, 300, 3600)),
  evaluationPeriods: orAnything(hostileNumber),
  datapointsToAlarm: orAnything(hostileNumber),
  missingData: orAnything(fc.constantFrom(...Object.values(MissingData))),
}, (stack, p) => new MonitorConfig(stack, 'Errors', {
  title: 'checkout errors',
  message: 'Errors are high.',
  signal: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout' }, statistic: Statistic.SUM }),
  comparison: ComparisonOperator.GREATER_THAN,
  critical: 10,
  backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
  ...p,
} as any), 150);

const ddQuery = (q: string) => Signal.datadogQuery({ query: q });
check('Slo', {
  name: orAnything(hostileString, fc.constant('checkout availability')),
  message: orAnything(hostileString),
  target: orAnything(hostileNumber, fc.constantFrom(99, 99.9, 50)),
  window: orAnything(fc.constantFrom(...Object.values(SloWindow))),
  indicator: orAnything(fc.record({ g: hostileString, t: hostileString })
    .map(({ g, t }) => SloIndicator.ratio({ good: ddQuery(g), total: ddQuery(t) }))),
  burnRateAlerts: listOf(fc.record({ r: hostileNumber, l: hostileNumber, s: hostileNumber }).map(({ r, l, s }) => BurnRateAlert.page(r, l, s))),
  pageSeverity: orAnything(fc.constantFrom(...Object.values(Severity))),
  ticketSeverity: orAnything(fc.constantFrom(...Object.values(Severity))),
  runbookUrl: common.runbookUrl,
  tags: common.tags,
  targets: common.targets,
  backends: orAnything(fc.constantFrom([MonitorBackend.datadog()])),
}, (stack, p) => new Slo(stack, 'Availability', {
  name: 'checkout availability',
  target: 99.9,
  indicator: SloIndicator.ratio({ good: ddQuery('sum:hits{ok:true}.as_count()'), total: ddQuery('sum:hits{*}.as_count()') }),
  burnRateAlerts: [BurnRateAlert.page(14.4, 60, 5), BurnRateAlert.ticket(3, 1440, 120)],
  backends: [MonitorBackend.datadog()],
  ...p,
} as any), 120, { target: ['burnRateAlerts'], window: ['burnRateAlerts'], backends: ['burnRateAlerts', 'indicator'] });

check('CompositeMonitor', {
  ...common,
  rule: orAnything(fc.constant('rule')),
}, (stack, p) => {
  const m = (id: string) => new MonitorConfig(stack, id, {
    title: id, message: 'x', signal: ddQuery('avg:system.load.1{*}'), comparison: ComparisonOperator.GREATER_THAN, critical: 1, backends: [MonitorBackend.datadog()],
  });
  new CompositeMonitor(stack, 'Composite', {
    title: 'both', message: 'both', backends: [MonitorBackend.datadog()], rule: AlarmRule.allOf(AlarmRule.monitor(m('A')), AlarmRule.monitor(m('B'))), ...p,
  } as any);
}, 60, { backends: ['rule'] });

check('AnomalyMonitor', {
  ...common,
  signal: orAnything(signal()),
  bounds: orAnything(hostileNumber),
  direction: orAnything(fc.constantFrom(...Object.values(AnomalyDirection))),
  algorithm: orAnything(fc.constantFrom(...Object.values(AnomalyAlgorithm))),
  period: orAnything(hostileNumber, fc.constantFrom(60, 300)),
  evaluationPeriods: orAnything(hostileNumber),
  datapointsToAlarm: orAnything(hostileNumber),
}, (stack, p) => new AnomalyMonitor(stack, 'Anomaly', {
  title: 'load',
  message: 'load',
  signal: Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: { FunctionName: 'checkout' } }),
  backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
  ...p,
} as any), 150);

void anything;
