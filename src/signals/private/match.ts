import {
  CloudWatchExpressionProps, CloudWatchMetricProps, DatadogQueryProps, NrqlProps, PromQlProps, Signal, SignalKind,
} from '../signal';

/**
 * One handler per signal kind. Every consumer of signals (monitor backends, dashboard
 * renderers) dispatches through `matchSignal`, so adding a kind is a compile error at every
 * consumer that does not handle it.
 */
export interface SignalCases<T> {
  cloudWatchMetric(props: CloudWatchMetricProps): T;
  cloudWatchExpression(props: CloudWatchExpressionProps): T;
  datadogQuery(props: DatadogQueryProps): T;
  promQl(props: PromQlProps): T;
  nrql(props: NrqlProps): T;
}

/** Calls the handler of the signal's kind. */
export function matchSignal<T>(s: Signal, cases: SignalCases<T>): T {
  const kind: SignalKind = s.kind;
  switch (kind) {
    case SignalKind.CLOUDWATCH_METRIC:
      return cases.cloudWatchMetric(s.cloudWatchMetricProps!);
    case SignalKind.CLOUDWATCH_EXPRESSION:
      return cases.cloudWatchExpression(s.cloudWatchExpressionProps!);
    case SignalKind.DATADOG_QUERY:
      return cases.datadogQuery(s.datadogQueryProps!);
    case SignalKind.PROMQL:
      return cases.promQl(s.promQlProps!);
    case SignalKind.NRQL:
      return cases.nrql(s.nrqlProps!);
    default: {
      const unhandled: never = kind;
      throw new Error(`unknown signal kind ${String(unhandled)}`);
    }
  }
}
