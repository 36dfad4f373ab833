import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, errorCount, latencyPercentile, throttles } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { AwsService, Signal } from '../signals/signal';

/** Monitors of a Lambda function. */
export interface LambdaMonitorsProps extends MonitorPresetOptions {
  /** The function name. */
  readonly functionName: string;
  /** Alert when the function has more errors than this in 5 minutes. */
  readonly maxErrors: number;
  /** Alert when the p99 duration over 5 minutes exceeds this many milliseconds (e.g. 80% of the timeout). */
  readonly maxDurationP99Ms: number;
  /**
   * Alert when the function is throttled more than this in 5 minutes.
   * @default 0
   */
  readonly maxThrottles?: number;
}

/**
 * Errors, throttles and p99 duration of a Lambda function (AWS/Lambda, dimension FunctionName;
 * Lambda publishes Errors and Throttles only when they are non-zero). `MonitorPresets.lambdaFunction()`.
 */
export function lambdaFunctionMonitors(scope: Construct, id: string, props: LambdaMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  // Lambda function names: 1-64 letters, digits, hyphens or underscores (Lambda API reference, CreateFunction FunctionName).
  const fn = requirePattern(g, 'functionName', props?.functionName, /^[A-Za-z0-9_-]{1,64}$/, 'a Lambda function name (1-64 letters, digits, - or _)');
  g._configure(`Lambda function ${fn}`, props);
  const p = props.titlePrefix ?? fn;
  const metric = (name: string): MetricOf => (statistic) => Signal.awsMetric(AwsService.LAMBDA, fn, name, { statistic });
  errorCount(g, {
    id: 'Errors',
    metric: metric('Errors'),
    prop: 'maxErrors',
    value: props.maxErrors,
    text: (s) => ({
      title: `${p}: Lambda errors`,
      message: `Lambda function ${fn} has more than ${s.critical} errors in ${s.window}.`,
    }),
  });
  throttles(g, {
    id: 'Throttles',
    metric: metric('Throttles'),
    prop: 'maxThrottles',
    value: props.maxThrottles,
    optional: true,
    text: () => ({ title: `${p}: Lambda throttles`, message: `Lambda function ${fn} is throttled.` }),
  });
  latencyPercentile(g, {
    id: 'DurationP99',
    metric: metric('Duration'),
    prop: 'maxDurationP99Ms',
    value: props.maxDurationP99Ms,
    text: (s) => ({
      title: `${p}: Lambda ${s.statistic} duration`,
      message: `The ${s.statistic} duration of Lambda function ${fn} exceeds ${s.critical} ms.`,
    }),
  });
  return g;
}
