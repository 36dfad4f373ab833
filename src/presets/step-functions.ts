import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, errorCount, throttles } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { Signal } from '../signals/signal';

/** Monitors of a Step Functions state machine. */
export interface StepFunctionsMonitorsProps extends MonitorPresetOptions {
  /**
   * The state machine's ARN (the `StateMachineArn` dimension), e.g.
   * `arn:aws:states:eu-west-1:123456789012:stateMachine:orders`, or a reference to it
   * (`sfnStateMachine.arn`).
   */
  readonly stateMachineArn: string;
  /**
   * Alert when more executions than this fail in 5 minutes.
   * @default 0
   */
  readonly maxFailedExecutions?: number;
  /**
   * Alert when more executions than this time out in 5 minutes.
   * @default 0
   */
  readonly maxTimedOutExecutions?: number;
  /**
   * Alert when executions are throttled more than this in 5 minutes.
   * @default 0
   */
  readonly maxThrottledExecutions?: number;
}

/**
 * A state machine ARN: `arn:<partition>:states:<region>:<account>:stateMachine:<name>`
 * (Step Functions API reference, CreateStateMachine: the name is 1-80 characters; this preset
 * takes letters, digits, - and _ in it).
 */
const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/;

/**
 * Failed, timed-out and throttled executions of a Step Functions state machine (AWS/States,
 * dimension StateMachineArn; the execution metrics of the Step Functions developer guide,
 * "Monitoring Step Functions metrics using Amazon CloudWatch",
 * docs.aws.amazon.com/step-functions/latest/dg/procedure-cw-metrics.html, are counts whose useful
 * statistic is Sum). The CloudWatch "Recommended alarms" page has no Step Functions alarms, so
 * the thresholds are the presets' zero tolerance for failures and throttling ("more than 0" in
 * 5 minutes); an idle state machine publishes nothing, which is not an alert. Datadog publishes
 * each metric (`aws.states.executions_failed`, `executions_timed_out`, `execution_throttled`).
 * `MonitorPresets.stepFunctionsStateMachine()`.
 */
export function stepFunctionsMonitors(scope: Construct, id: string, props: StepFunctionsMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const arn = requirePattern(g, 'stateMachineArn', props?.stateMachineArn, STATE_MACHINE_ARN,
    'a state machine ARN arn:aws:states:<region>:<account>:stateMachine:<name> (name: 1-80 letters, digits, - or _), or a reference to one');
  const name = Token.isUnresolved(arn) ? id : arn.split(':')[6];
  g._configure(`State machine ${name}`, props);
  const p = props.titlePrefix ?? name;
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/States', metricName, dimensions: { StateMachineArn: arn }, statistic });
  errorCount(g, {
    id: 'ExecutionsFailed',
    metric: metric('ExecutionsFailed'),
    prop: 'maxFailedExecutions',
    value: props.maxFailedExecutions,
    optional: true,
    text: (s) => ({ title: `${p}: failed executions`, message: `More than ${s.critical} executions of state machine ${name} failed in ${s.window}.` }),
  });
  errorCount(g, {
    id: 'ExecutionsTimedOut',
    metric: metric('ExecutionsTimedOut'),
    prop: 'maxTimedOutExecutions',
    value: props.maxTimedOutExecutions,
    optional: true,
    text: (s) => ({ title: `${p}: timed-out executions`, message: `More than ${s.critical} executions of state machine ${name} timed out in ${s.window}.` }),
  });
  throttles(g, {
    id: 'ExecutionThrottled',
    metric: metric('ExecutionThrottled'),
    prop: 'maxThrottledExecutions',
    value: props.maxThrottledExecutions,
    optional: true,
    text: (s) => ({ title: `${p}: throttled executions`, message: `Executions of state machine ${name} were throttled more than ${s.critical} times in ${s.window}.` }),
  });
  return g;
}
