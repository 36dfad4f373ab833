import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { MetricOf, anyEvaluates, errorCountWhereEvaluable } from './private/categories';
import { fail, optionalPattern, requirePattern } from '../core/private/validate';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of an EventBridge rule. */
export interface EventBridgeRuleMonitorsProps extends MonitorPresetOptions {
  /** The rule name (the `RuleName` dimension). */
  readonly ruleName: string;
  /**
   * The event bus of a rule on a custom bus: its metrics carry the `EventBusName` and
   * `RuleName` dimensions; a rule of the default bus (`default`) is measured by `RuleName` alone.
   * @default - a rule of the default event bus
   */
  readonly eventBusName?: string;
  /**
   * Alert when more invocations of the rule's targets than this fail for good in 5 minutes.
   * @default 0
   */
  readonly maxFailedInvocations?: number;
  /**
   * Alert when more events than this go to the rule's dead-letter queue in 5 minutes.
   * @default 0
   */
  readonly maxDeadLetterInvocations?: number;
}

/** Rule names: 1-64 letters, digits, . - or _ (EventBridge API reference, PutRule `Name`). */
const RULE_NAME = /^[A-Za-z0-9._-]{1,64}$/;
/** Event bus names: 1-256 letters, digits, / . - or _ (EventBridge API reference, CreateEventBus `Name`). */
const BUS_NAME = /^[A-Za-z0-9/._-]{1,256}$/;

/**
 * Failed invocations and dead-lettered events of an EventBridge rule (AWS/Events, dimension
 * RuleName, with EventBusName on a custom bus; the rule metrics of the EventBridge user guide,
 * "Monitoring Amazon EventBridge", docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html:
 * counts whose useful statistic is Sum, published when something happens). `FailedInvocations`
 * counts invocations that failed permanently, after retries; both take the presets' zero
 * tolerance over 5 minutes (the CloudWatch "Recommended alarms" page covers EventBridge
 * Scheduler, not rules).
 *
 * Datadog's Amazon EventBridge integration publishes no metrics (its integration page,
 * docs.datadoghq.com/integrations/amazon_event_bridge/, "Metrics"): the monitors are rendered to
 * the other backends only, and Datadog as the only backend is a ValidationError.
 * `MonitorPresets.eventBridgeRule()`.
 */
export function eventBridgeRuleMonitors(scope: Construct, id: string, props: EventBridgeRuleMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const rule = requirePattern(g, 'ruleName', props?.ruleName, RULE_NAME, 'an EventBridge rule name (1-64 letters, digits, . - or _)');
  const bus = optionalPattern(g, 'eventBusName', props.eventBusName, BUS_NAME, 'an event bus name (1-256 letters, digits, / . - or _), not its ARN');
  g._configure(`EventBridge rule ${rule}`, props);
  const dims: { [name: string]: string } = bus === undefined || bus === 'default' ? { RuleName: rule } : { EventBusName: bus, RuleName: rule };
  if (!anyEvaluates(g._backends(), Signal.cloudWatchMetric({ namespace: 'AWS/Events', metricName: 'FailedInvocations', dimensions: dims, statistic: Statistic.SUM }))) {
    fail(g, 'backends', g._backends().map((b) => b.kind).join(', '), 'a backend other than Datadog (Datadog\'s Amazon EventBridge integration publishes no metrics): MonitorBackend.cloudwatch() or .grafana()');
  }
  const p = props.titlePrefix ?? rule;
  const dimensions = dims;
  const metric = (metricName: string): MetricOf => (statistic) => Signal.cloudWatchMetric({ namespace: 'AWS/Events', metricName, dimensions, statistic });
  errorCountWhereEvaluable(g, {
    id: 'FailedInvocations',
    metric: metric('FailedInvocations'),
    prop: 'maxFailedInvocations',
    value: props.maxFailedInvocations,
    optional: true,
    text: (s) => ({ title: `${p}: failed rule invocations`, message: `More than ${s.critical} invocations of the targets of rule ${rule} failed in ${s.window}.` }),
  });
  errorCountWhereEvaluable(g, {
    id: 'DeadLetterInvocations',
    metric: metric('DeadLetterInvocations'),
    prop: 'maxDeadLetterInvocations',
    value: props.maxDeadLetterInvocations,
    optional: true,
    text: (s) => ({ title: `${p}: dead-lettered events`, message: `More than ${s.critical} events of rule ${rule} went to its dead-letter queue in ${s.window}.` }),
  });
  return g;
}
