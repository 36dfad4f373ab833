import { EntityTags } from '@cdktf/provider-newrelic/lib/entity-tags';
import { NrqlAlertCondition } from '@cdktf/provider-newrelic/lib/nrql-alert-condition';
import { connectNewRelic, errorOf, newRelicSchemaProblems, nrMonitor, only, sqsAge } from './support';
import {
  AlarmRule, AnomalyDirection, AnomalyMonitor, BurnRateAlert, ComparisonOperator, CompositeMonitor, Errors, MissingData, NewRelicBackend,
  NewRelicConnection, NewRelicRenderedAnomaly, NewRelicRenderedMonitor, Severity, Signal, Slo, SloIndicator, Statistic,
} from '../../src/index';
import { newStack, synthStack } from '../support/synth';

function render(props: Parameters<typeof nrMonitor>[1] = {}, options: Parameters<typeof nrMonitor>[3] = {}) {
  const stack = newStack();
  connectNewRelic(stack);
  const m = nrMonitor(stack, props, 'QueueAge', options);
  return { stack, m, json: synthStack(stack) };
}

function warnings(scope: { node: any }): string[] {
  return scope.node.findAll().flatMap((c: any) => c.node.metadata).filter((x: any) => x.type === '@cdktf/warn').map((x: any) => String(x.data));
}

describe('New Relic backend: conditions', () => {
  test('a static condition with critical and warning terms, windows, loss of signal, runbook, policy and tags', () => {
    const { m, json } = render({
      warning: 120,
      severity: Severity.SEV2,
      tags: { team: 'orders' },
      runbookUrl: 'https://runbooks.acme.example/orders',
      period: 60,
      evaluationPeriods: 5,
    });
    const c = only(json.resource.newrelic_nrql_alert_condition);
    expect(c).toEqual({
      account_id: 1234567,
      policy_id: expect.stringMatching(/^\$\{newrelic_alert_policy\.[\w-]+\.id\}$/),
      type: 'static',
      name: 'orders queue age',
      description: 'Orders wait too long in the queue.',
      runbook_url: 'https://runbooks.acme.example/orders',
      enabled: true,
      nrql: { query: "SELECT max(`aws.sqs.ApproximateAgeOfOldestMessage`) FROM Metric WHERE collector.name = 'cloudwatch-metric-streams' AND `aws.sqs.QueueName` = 'orders'" },
      aggregation_window: 60,
      aggregation_method: 'event_flow',
      aggregation_delay: '480',
      critical: { operator: 'above', threshold: 300, threshold_duration: 300, threshold_occurrences: 'all' },
      warning: { operator: 'above', threshold: 120, threshold_duration: 300, threshold_occurrences: 'all' },
      expiration_duration: 300,
      open_violation_on_expiration: true,
      close_violations_on_expiration: false,
      provider: 'newrelic',
    });
    expect(only(json.resource.newrelic_alert_policy)).toEqual({
      account_id: 1234567, name: 'test (NewRelic)', incident_preference: 'PER_CONDITION_AND_TARGET', provider: 'newrelic',
    });
    expect(only(json.resource.newrelic_entity_tags)).toEqual({
      guid: expect.stringMatching(/^\$\{newrelic_nrql_alert_condition\.[\w-]+\.entity_guid\}$/),
      tag: [{ key: 'severity', values: ['sev2'] }, { key: 'team', values: ['orders'] }],
      provider: 'newrelic',
    });
    const r = m.rendering('NewRelic') as NewRelicRenderedMonitor;
    expect(r).toBeInstanceOf(NewRelicRenderedMonitor);
    expect(r.condition).toBeInstanceOf(NrqlAlertCondition);
    expect(r.entityTags).toBeInstanceOf(EntityTags);
    expect(r.resource).toBe(r.condition);
    expect(r.query).toBe(c.nrql.query);
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test.each([
    [ComparisonOperator.GREATER_THAN, 'above'],
    [ComparisonOperator.GREATER_THAN_OR_EQUAL, 'above_or_equals'],
    [ComparisonOperator.LESS_THAN, 'below'],
    [ComparisonOperator.LESS_THAN_OR_EQUAL, 'below_or_equals'],
  ])('comparison %s → operator %s', (comparison, operator) => {
    const { json } = render({ comparison, critical: comparison.startsWith('LESS') ? 1 : 300 });
    expect(only(json.resource.newrelic_nrql_alert_condition).critical.operator).toBe(operator);
  });

  test.each([
    [MissingData.MISSING, { expiration_duration: 300, open_violation_on_expiration: true, close_violations_on_expiration: false }],
    [MissingData.BREACHING, { expiration_duration: 300, open_violation_on_expiration: true, close_violations_on_expiration: false }],
    [MissingData.NOT_BREACHING, { expiration_duration: 300, open_violation_on_expiration: false, close_violations_on_expiration: true }],
  ])('missing data %s → expiration settings', (missingData, expected) => {
    const c = only(render({ missingData }).json.resource.newrelic_nrql_alert_condition);
    expect(c).toMatchObject(expected);
  });

  test('missing data IGNORE sets no expiration', () => {
    const c = only(render({ missingData: MissingData.IGNORE }).json.resource.newrelic_nrql_alert_condition);
    expect(c.expiration_duration).toBeUndefined();
    expect(c.open_violation_on_expiration).toBeUndefined();
    expect(c.close_violations_on_expiration).toBeUndefined();
  });

  test('the loss-of-signal window is clamped to New Relic\'s 30-172800 seconds', () => {
    const c = only(render({ period: 21_600, evaluationPeriods: 4 }).json.resource.newrelic_nrql_alert_condition);
    expect(c.critical.threshold_duration).toBe(86_400);
    expect(c.expiration_duration).toBe(86_400);
  });

  test('datapointsToAlarm 1 of N → at_least_once over N windows; M of N → M consecutive windows with a warning', () => {
    const once = only(render({ period: 60, evaluationPeriods: 5, datapointsToAlarm: 1 }).json.resource.newrelic_nrql_alert_condition);
    expect(once.critical).toMatchObject({ threshold_duration: 300, threshold_occurrences: 'at_least_once' });
    const { m, json } = render({ period: 60, evaluationPeriods: 5, datapointsToAlarm: 3 });
    expect(only(json.resource.newrelic_nrql_alert_condition).critical).toMatchObject({ threshold_duration: 180, threshold_occurrences: 'all' });
    expect(warnings(m).join('\n')).toContain('no "M of N"');
  });

  test('an NRQL signal is used as it is, with New Relic\'s default aggregation delay', () => {
    const query = "SELECT count(*) FROM Transaction WHERE appName = 'checkout' AND error IS true";
    const c = only(render({ signal: Signal.nrql({ query }), critical: 5 }).json.resource.newrelic_nrql_alert_condition);
    expect(c.nrql).toEqual({ query });
    expect(c.aggregation_delay).toBe('120');
  });

  test('awsAggregationDelay sets the delay of CloudWatch conditions (0-1200)', () => {
    expect(only(render({}, { awsAggregationDelay: 600 }).json.resource.newrelic_nrql_alert_condition).aggregation_delay).toBe('600');
    const e = errorOf(() => render({}, { awsAggregationDelay: 1300 }));
    expect(e.message).toBe("test/QueueAge: 'awsAggregationDelay' must be a whole number from 0 to 1200; received 1300");
  });

  test('recovery thresholds and renotifyInterval are not rendered, with warnings', () => {
    const { m } = render({ criticalRecovery: 200, renotifyInterval: 30 });
    const w = warnings(m).join('\n');
    expect(w).toContain('no recovery threshold');
    expect(w).toContain('renotifyInterval is not rendered');
  });

  test('one alert policy per stack and backend; a policyName option', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const nr = new NewRelicBackend({ policyName: 'orders service' });
    nrMonitor(stack, { backends: [nr] }, 'A');
    nrMonitor(stack, { backends: [nr], title: 'b' }, 'B');
    const json = synthStack(stack);
    expect(only(json.resource.newrelic_alert_policy).name).toBe('orders service');
    expect(Object.keys(json.resource.newrelic_nrql_alert_condition)).toHaveLength(2);
  });
});

describe('New Relic backend: limits', () => {
  const cases: [string, Parameters<typeof nrMonitor>[1], string][] = [
    ['a title over 128 characters', { title: 'x'.repeat(129) },
      `test/QueueAge: 'title' must be for New Relic a condition name of 1-128 characters; received "${'x'.repeat(129)}"`],
    ['an aggregation window under 30 seconds', { period: 20, evaluationPeriods: 6 },
      "test/QueueAge: 'period' must be for New Relic an aggregation window of 30-21600 seconds; received 20"],
    ['an aggregation window over 6 hours', { period: 43_200 },
      "test/QueueAge: 'period' must be for New Relic an aggregation window of 30-21600 seconds; received 43200"],
    ['a threshold duration under 60 seconds', { period: 30, evaluationPeriods: 1 },
      "test/QueueAge: 'period × evaluationPeriods' must be for New Relic a static threshold duration of 60-86400 seconds (a multiple of the aggregation window, the period); received \"30 × 1 = 30 seconds\""],
    ['a threshold duration over a day', { period: 3600, evaluationPeriods: 25 },
      "test/QueueAge: 'period × evaluationPeriods' must be for New Relic a static threshold duration of 60-86400 seconds (a multiple of the aggregation window, the period); received \"3600 × 25 = 90000 seconds\""],
  ];
  test.each(cases)('%s is a ValidationError', (_name, props, message) => {
    const e = errorOf(() => render(props));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.message).toBe(message);
  });

  test('a bad policy name', () => {
    const e = errorOf(() => render({}, { policyName: 'p'.repeat(129) }));
    expect(e.prop).toBe('policyName');
    expect(e.accepted).toBe('a New Relic alert policy name of 1-128 characters');
  });

  test('a severity tag given by hand', () => {
    const e = errorOf(() => render({ tags: { Severity: 'high' } }));
    expect(e.message).toBe("test/QueueAge: 'tags.Severity' must be a key other than severity (the monitor sets it from its severity); received \"Severity\"");
  });

  test('no New Relic connection in the stack', () => {
    const stack = newStack();
    const e = errorOf(() => nrMonitor(stack));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.message).toContain("'newrelic connection' must be exactly one newrelic connection in stack test");
  });

  test('one backend id with two connections', () => {
    const stack = newStack();
    const { key } = connectNewRelic(stack);
    const other = new NewRelicConnection(stack, 'Other', { accountId: 7654321, apiKey: key });
    nrMonitor(stack, {}, 'A');
    const e = errorOf(() => nrMonitor(stack, { title: 'b' }, 'B', { connection: other }));
    expect(e.prop).toBe('backends');
    expect(e.accepted).toContain('a New Relic backend id used with one connection only');
  });
});

describe('New Relic backend: anomaly, SLO and composite monitors', () => {
  test('an anomaly monitor is a baseline condition (direction, bounds as standard deviations)', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const a = new AnomalyMonitor(stack, 'Anomaly', {
      title: 'orders queue age unusual',
      message: 'Queue age is outside its usual band.',
      signal: sqsAge(Statistic.AVERAGE),
      direction: AnomalyDirection.ABOVE,
      bounds: 3,
      period: 60,
      evaluationPeriods: 10,
      severity: Severity.SEV2,
      backends: [new NewRelicBackend()],
    });
    const json = synthStack(stack);
    const c = only(json.resource.newrelic_nrql_alert_condition);
    expect(c).toMatchObject({
      type: 'baseline',
      baseline_direction: 'upper_only',
      name: 'orders queue age unusual',
      aggregation_window: 60,
      critical: { operator: 'above', threshold: 3, threshold_duration: 600, threshold_occurrences: 'all' },
    });
    expect(c.warning).toBeUndefined();
    expect(only(json.resource.newrelic_entity_tags).tag).toEqual([{ key: 'severity', values: ['sev2'] }]);
    const r = a.node.findChild('NewRelic') as NewRelicRenderedAnomaly;
    expect(r.resources).toEqual([r.condition]);
    expect(newRelicSchemaProblems(json)).toEqual([]);
  });

  test.each([
    [AnomalyDirection.BELOW, 'lower_only'],
    [AnomalyDirection.BOTH, 'upper_and_lower'],
  ])('anomaly direction %s → %s', (direction, expected) => {
    const stack = newStack();
    connectNewRelic(stack);
    new AnomalyMonitor(stack, 'Anomaly', { title: 't', message: 'm', signal: sqsAge(), direction, backends: [new NewRelicBackend()] });
    expect(only(synthStack(stack).resource.newrelic_nrql_alert_condition).baseline_direction).toBe(expected);
  });

  test('anomaly bounds under 1 standard deviation and baseline durations under 120 s are errors', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const e = errorOf(() => new AnomalyMonitor(stack, 'A', { title: 't', message: 'm', signal: sqsAge(), bounds: 0.5, backends: [new NewRelicBackend()] }));
    expect(e.message).toBe("test/A: 'bounds' must be for New Relic a number of standard deviations from 1 to 1000 (baseline conditions); received 0.5");
    const e2 = errorOf(() => new AnomalyMonitor(stack, 'B', { title: 't', message: 'm', signal: sqsAge(), period: 60, evaluationPeriods: 1, backends: [new NewRelicBackend()] }));
    expect(e2.accepted).toContain('a baseline threshold duration of 120-86400 seconds');
  });

  test('an SLO is refused with an error naming the backend', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const e = errorOf(() => new Slo(stack, 'Slo', {
      name: 'orders',
      target: 99.9,
      indicator: SloIndicator.ratio({ good: Signal.nrql({ query: 'SELECT count(*) FROM Transaction WHERE error IS false' }), total: Signal.nrql({ query: 'SELECT count(*) FROM Transaction' }) }),
      burnRateAlerts: [BurnRateAlert.page(14.4, 60, 5)],
      backends: [new NewRelicBackend()],
    }));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.prop).toBe('backends');
    expect(e.received).toBe('"NewRelic"');
    expect(e.accepted).toContain('the newrelic backend "NewRelic" cannot');
  });

  test('a composite monitor is refused with an error naming the backend', () => {
    const stack = newStack();
    connectNewRelic(stack);
    const a = nrMonitor(stack, {}, 'A');
    const b = nrMonitor(stack, { title: 'b' }, 'B');
    const e = errorOf(() => new CompositeMonitor(stack, 'Both', {
      title: 'both', message: 'm', rule: AlarmRule.allOf(AlarmRule.monitor(a), AlarmRule.monitor(b)), backends: [new NewRelicBackend()],
    }));
    expect(e.prop).toBe('backends');
    expect(e.accepted).toContain('the newrelic backend "NewRelic" cannot');
  });
});
