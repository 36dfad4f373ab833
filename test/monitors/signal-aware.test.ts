/**
 * Backends say which signals they evaluate (`canEvaluate`); presets and discovery ask them instead
 * of naming kinds of backends.
 */
import { MonitorBackend, Signal, Statistic } from '../../src';
import { backendEvaluates, evaluationGap } from '../../src/monitors/private/signal-aware';

const promQl = Signal.promQl({ query: 'sum(rate(http_requests_total[5m]))' });
const cwMetric = Signal.cloudWatchMetric({ namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: 'q' }, statistic: Statistic.MAXIMUM });
const expression = Signal.cloudWatchExpression({
  expression: 'm1 / m2',
  usingMetrics: {
    m1: Signal.cloudWatchMetric({ namespace: 'AWS/SQS', metricName: 'NumberOfMessagesSent', statistic: Statistic.SUM }),
    m2: Signal.cloudWatchMetric({ namespace: 'AWS/SQS', metricName: 'NumberOfMessagesReceived', statistic: Statistic.SUM }),
  },
});
const ddQuery = Signal.datadogQuery({ query: 'avg:system.cpu.user{*}' });
const nrql = Signal.nrql({ query: 'SELECT count(*) FROM Transaction' });

describe('GrafanaBackend.canEvaluate', () => {
  const grafana = MonitorBackend.grafana({ datasourceUid: 'prom' });
  test.each([
    ['PromQL', promQl, true],
    ['CloudWatch metric', cwMetric, true],
    ['metric-math expression', expression, false],
    ['Datadog query', ddQuery, false],
    ['NRQL', nrql, false],
  ])('%s: %s', (_name, signal, expected) => {
    expect((grafana as any).canEvaluate(signal)).toBe(expected);
    expect(backendEvaluates(grafana, signal)).toBe(expected);
  });
});

describe('evaluationGap', () => {
  test('Datadog names its reason for a CloudWatch metric it does not publish', () => {
    const datadog = MonitorBackend.datadog();
    const unpublished = Signal.cloudWatchMetric({ namespace: 'AWS/SNS', metricName: 'NumberOfNotificationsRedrivenToDlq', statistic: Statistic.SUM });
    expect(evaluationGap(datadog, unpublished)).toEqual({ system: 'Datadog', reason: expect.stringMatching(/do not list aws\.sns\.number_of_notifications_redriven_to_dlq/) });
    expect(evaluationGap(datadog, cwMetric)).toBeUndefined();
    expect(evaluationGap(datadog, promQl)).toEqual({ system: 'Datadog', reason: expect.stringMatching(/PromQL/) });
  });

  test('a backend without canEvaluate does not say', () => {
    const silent = { kind: 'custom', id: 'Custom', render: () => { throw new Error('unused'); } } as any;
    expect(backendEvaluates(silent, promQl)).toBeUndefined();
    expect(evaluationGap(silent, promQl)).toBeUndefined();
  });

  test('a backend that refuses without explaining gets a plain reason naming its kind', () => {
    const refusing = { kind: 'custom', id: 'Custom', render: () => { throw new Error('unused'); }, canEvaluate: () => false } as any;
    expect(evaluationGap(refusing, nrql)).toEqual({ system: 'custom', reason: 'the custom backend does not evaluate signals of kind NRQL' });
  });
});
