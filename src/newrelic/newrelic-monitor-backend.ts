import type { EntityTags } from '@cdktf/provider-newrelic/lib/entity-tags';
import type { NrqlAlertCondition, NrqlAlertConditionConfig, NrqlAlertConditionCritical } from '@cdktf/provider-newrelic/lib/nrql-alert-condition';
import { Annotations, TerraformResource, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { NewRelicConnection } from './newrelic-connection';
import {
  AGGREGATION_WINDOW_MAX, AGGREGATION_WINDOW_MIN, BASELINE_DURATION_MIN, BASELINE_THRESHOLD_MAX, BASELINE_THRESHOLD_MIN, DESCRIPTION_MAX,
  DURATION_MAX, EVENT_FLOW_DELAY_MAX, EXPIRATION_MAX, EXPIRATION_MIN, NAME_MAX, STATIC_DURATION_MIN,
} from './private/limits';
import { conditionIdOf, NewRelicNotifier, PolicyContext, policyFor } from './private/notify';
import { nrqlOf } from './private/nrql';
import { fail, isToken, requireInteger, requirePattern } from '../core/private/validate';
import { Severities, Severity } from '../core/severity';
import { AnomalyDirection } from '../monitors/anomaly-monitor';
import type { AnomalyMonitor } from '../monitors/anomaly-monitor';
import { IAnomalyMonitorBackend, IMonitorBackend, IRenderedAlerts, IRenderedMonitor } from '../monitors/backend';
import type { MonitorConfig } from '../monitors/monitor-config';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import type { INotificationTarget } from '../notifications/targets';
import { Signal } from '../signals/signal';
import { newRelicL1 } from './private/provider';

/** Options of the New Relic backend. */
export interface NewRelicBackendOptions {
  /**
   * Construct id of the rendering under each monitor; also names the backend's alert policy.
   * @default "NewRelic"
   */
  readonly id?: string;
  /**
   * The New Relic connection (its provider and account hold the policy, conditions and workflows).
   * @default NewRelicConnection.of(monitor)
   */
  readonly connection?: NewRelicConnection;
  /**
   * Name of the alert policy the backend creates once per stack (1-128 characters).
   * @default "<stack name> (<backend id>)"
   */
  readonly policyName?: string;
  /**
   * Seconds New Relic waits for the data of each aggregation window of conditions over
   * CloudWatch metrics (`aggregation_delay` with the `event_flow` method, 0-1200). CloudWatch
   * publishes late and the stream adds up to a minute: New Relic recommends an offset of 8
   * one-minute windows for metric streams (docs.newrelic.com, "Set up the Amazon CloudWatch
   * Metric Streams integration", "Set alert conditions").
   * @default 480
   */
  readonly awsAggregationDelay?: number;
  /**
   * The id of the New Relic Slack destination (installed with OAuth in the New Relic UI; it
   * cannot be created with Terraform). Needed to notify `NotificationTarget.slack()` targets.
   * @default - Slack targets are a synth error for this backend
   */
  readonly slackDestinationId?: string;
}

const OPERATOR: Record<ComparisonOperator, string> = {
  // nrql_alert_condition term `operator`: above, above_or_equals, below, below_or_equals, equals, not_equals.
  [ComparisonOperator.GREATER_THAN]: 'above',
  [ComparisonOperator.GREATER_THAN_OR_EQUAL]: 'above_or_equals',
  [ComparisonOperator.LESS_THAN]: 'below',
  [ComparisonOperator.LESS_THAN_OR_EQUAL]: 'below_or_equals',
};

// nrql_alert_condition `baseline_direction`: lower_only, upper_and_lower, upper_only.
const BASELINE_DIRECTION: Record<AnomalyDirection, string> = {
  [AnomalyDirection.ABOVE]: 'upper_only',
  [AnomalyDirection.BELOW]: 'lower_only',
  [AnomalyDirection.BOTH]: 'upper_and_lower',
};

const BACKEND_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** What every New Relic condition is rendered from (a monitor or an anomaly monitor). */
interface ConditionSpec {
  readonly title: string;
  readonly message: string;
  readonly runbookUrl?: string;
  readonly tags: { [key: string]: string };
  readonly severity: Severity;
  readonly signal: Signal;
  readonly period: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly renotifyInterval?: number;
}

/** The conditions a New Relic rendering made, with its notifier. */
interface Rendered {
  readonly condition: NrqlAlertCondition;
  readonly tags: EntityTags;
  readonly notifier: NewRelicNotifier;
  readonly nrql: string;
}

/** The `newrelic_nrql_alert_condition` a `MonitorConfig` rendered. */
export class NewRelicRenderedMonitor extends Construct implements IRenderedMonitor {
  /** The backend. */
  public readonly backend: IMonitorBackend;
  /** The main resource (the condition). */
  public readonly resource: TerraformResource;
  /** The `newrelic_nrql_alert_condition` (escape hatch, typed). */
  public readonly condition: NrqlAlertCondition;
  /** The `newrelic_entity_tags` of the condition (severity and the monitor's tags). */
  public readonly entityTags: EntityTags;
  /** The NRQL query of the condition. */
  public readonly query: string;
  /** The numeric condition id, a Terraform expression over the condition's id. */
  public readonly conditionId: string;
  private readonly notifier: NewRelicNotifier;

  constructor(monitor: MonitorConfig, backend: NewRelicBackend) {
    super(monitor, backend.id);
    this.backend = backend;
    if (monitor.criticalRecovery !== undefined || monitor.warningRecovery !== undefined) {
      // nrql_alert_condition terms have a threshold and a duration only: an incident closes when
      // the signal stops breaching for the threshold duration.
      Annotations.of(monitor).addWarning(`${monitor.node.path}: New Relic conditions have no recovery threshold; the incident closes when the value stops breaching`);
    }
    const r = renderCondition(this, monitor, backend, monitor, 'static', (duration, occurrences) => {
      const critical: NrqlAlertConditionCritical = {
        operator: OPERATOR[monitor.comparison], threshold: monitor.critical, thresholdDuration: duration, thresholdOccurrences: occurrences,
      };
      const warning = monitor.warning === undefined ? undefined
        : { operator: OPERATOR[monitor.comparison], threshold: monitor.warning, thresholdDuration: duration, thresholdOccurrences: occurrences };
      return { critical, warning, ...missingData(monitor, monitor.missingData, duration) };
    });
    this.condition = r.condition;
    this.resource = r.condition;
    this.entityTags = r.tags;
    this.query = r.nrql;
    this.conditionId = conditionIdOf(r.condition.id);
    this.notifier = r.notifier;
  }

  /** The ids of the targets notified, in the order added. */
  public get notifiedTargetIds(): string[] {
    return this.notifier.targetIds;
  }

  /** Notify a target (its workflow routes this condition's issues). */
  public addTarget(target: INotificationTarget): void {
    this.notifier.add(target);
  }
}

/** The baseline `newrelic_nrql_alert_condition` an `AnomalyMonitor` rendered. */
export class NewRelicRenderedAnomaly extends Construct implements IRenderedAlerts {
  /** The backend. */
  public readonly backend: IMonitorBackend;
  /** The condition, as the only resource. */
  public readonly resources: TerraformResource[];
  /** The baseline condition (escape hatch, typed). */
  public readonly condition: NrqlAlertCondition;
  /** The numeric condition id, a Terraform expression over the condition's id. */
  public readonly conditionId: string;
  private readonly notifier: NewRelicNotifier;

  constructor(monitor: AnomalyMonitor, backend: NewRelicBackend) {
    super(monitor, backend.id);
    this.backend = backend;
    // Baseline thresholds are standard deviations in [1, 1000], with operator `above` only.
    if (monitor.bounds < BASELINE_THRESHOLD_MIN || monitor.bounds > BASELINE_THRESHOLD_MAX) {
      fail(monitor, 'bounds', monitor.bounds, `for New Relic a number of standard deviations from ${BASELINE_THRESHOLD_MIN} to ${BASELINE_THRESHOLD_MAX} (baseline conditions)`);
    }
    const r = renderCondition(this, monitor, backend, monitor, 'baseline', (duration, occurrences) => ({
      baselineDirection: BASELINE_DIRECTION[monitor.direction],
      critical: { operator: 'above', threshold: monitor.bounds, thresholdDuration: duration, thresholdOccurrences: occurrences },
    }));
    this.condition = r.condition;
    this.resources = [r.condition];
    this.conditionId = conditionIdOf(r.condition.id);
    this.notifier = r.notifier;
  }

  /** Notify `target` if it takes the anomaly monitor's severity. */
  public addTarget(target: INotificationTarget): void {
    this.notifier.add(target);
  }
}

/**
 * Renders monitors as `newrelic_nrql_alert_condition` resources in one `newrelic_alert_policy`
 * per stack and backend, tagged with `newrelic_entity_tags`; anomaly monitors as baseline
 * conditions. Targets are notification destinations and channels, reached through one
 * `newrelic_workflow` per target that filters the policy's issues by condition id.
 *
 * Not rendered: SLOs (`newrelic_service_level` needs the GUID of an existing entity and rolls
 * over 1, 7 or 28 days, not the SLO windows here) and composite monitors (New Relic has no
 * condition over other conditions' states); naming this backend for them is a synth error.
 */
export class NewRelicBackend implements IMonitorBackend, IAnomalyMonitorBackend {
  /** `newrelic`. */
  public readonly kind: string = 'newrelic';
  /** Construct id of renderings. */
  public readonly id: string;
  /** The options. */
  public readonly options: NewRelicBackendOptions;

  constructor(options: NewRelicBackendOptions = {}) {
    this.options = { ...options };
    this.id = this.options.id ?? 'NewRelic';
  }

  /** Render a monitor. */
  public render(monitor: MonitorConfig): IRenderedMonitor {
    requirePattern(monitor, 'backends', this.id, BACKEND_ID, 'backend ids of letters, digits, _ and -');
    return new NewRelicRenderedMonitor(monitor, this);
  }

  /** Render an anomaly monitor as a baseline condition. */
  public renderAnomaly(monitor: AnomalyMonitor): IRenderedAlerts {
    requirePattern(monitor, 'backends', this.id, BACKEND_ID, 'backend ids of letters, digits, _ and -');
    return new NewRelicRenderedAnomaly(monitor, this);
  }

  /** The New Relic connection for an alerting construct in `scope`. */
  public connectionFor(scope: IConstruct): NewRelicConnection {
    const c = this.options.connection ?? NewRelicConnection.of(scope);
    if (!(c instanceof NewRelicConnection)) fail(scope, `backends.${this.id}.connection`, c, 'a NewRelicConnection');
    return c;
  }
}

// Partial (the config's terms are all optional) keeps the types true where the bindings' types are unknown.
type Terms = Partial<Pick<NrqlAlertConditionConfig, 'critical' | 'warning' | 'baselineDirection' | 'expirationDuration'
  | 'openViolationOnExpiration' | 'closeViolationsOnExpiration'>>;
type ExpirationTerms = Pick<Terms, 'expirationDuration' | 'openViolationOnExpiration' | 'closeViolationsOnExpiration'>;

function renderCondition(parent: Construct, scope: Construct, backend: NewRelicBackend, spec: ConditionSpec, type: 'static' | 'baseline',
  terms: (duration: number, occurrences: string) => Terms): Rendered {
  const conn = backend.connectionFor(scope);
  if (!isToken(spec.title) && spec.title.length > NAME_MAX) fail(scope, 'title', spec.title, `for New Relic a condition name of 1-${NAME_MAX} characters`);
  const window = spec.period;
  if (window < AGGREGATION_WINDOW_MIN || window > AGGREGATION_WINDOW_MAX) {
    fail(scope, 'period', window, `for New Relic an aggregation window of ${AGGREGATION_WINDOW_MIN}-${AGGREGATION_WINDOW_MAX} seconds`);
  }
  // M of N: all N windows (ALL over N windows), any one (AT_LEAST_ONCE over N windows), or else
  // M consecutive windows (New Relic has no "M of N").
  let duration = window * spec.evaluationPeriods;
  let occurrences = 'all';
  if (spec.datapointsToAlarm === 1 && spec.evaluationPeriods > 1) {
    occurrences = 'at_least_once';
  } else if (spec.datapointsToAlarm < spec.evaluationPeriods) {
    duration = window * spec.datapointsToAlarm;
    Annotations.of(scope).addWarning(`${scope.node.path}: New Relic has no "M of N" evaluation; the condition opens after ${spec.datapointsToAlarm} consecutive breaching windows`);
  }
  const min = type === 'baseline' ? BASELINE_DURATION_MIN : STATIC_DURATION_MIN;
  if (duration < min || duration > DURATION_MAX) {
    fail(scope, 'period × evaluationPeriods', `${window} × ${spec.evaluationPeriods} = ${duration} seconds`,
      `for New Relic a ${type} threshold duration of ${min}-${DURATION_MAX} seconds (a multiple of the aggregation window, the period)`);
  }
  if (spec.renotifyInterval !== undefined) {
    Annotations.of(scope).addWarning(`${scope.node.path}: New Relic workflows do not re-notify open issues; renotifyInterval is not rendered to New Relic`);
  }
  const source = nrqlOf(scope, 'signal', spec.signal);
  if (source.percentile) {
    Annotations.of(scope).addInfo(`${scope.node.path}: the New Relic condition reads the ${source.percentile} statistic, which the CloudWatch metric stream must include (StatisticConfiguration)`);
  }
  const delay = backend.options.awsAggregationDelay === undefined ? 480
    : requireInteger(scope, 'awsAggregationDelay', backend.options.awsAggregationDelay, 0, EVENT_FLOW_DELAY_MAX);
  let description = spec.message;
  if (description.length > DESCRIPTION_MAX) {
    Annotations.of(scope).addWarning(`${scope.node.path}: the New Relic condition description is cut to ${DESCRIPTION_MAX} characters (New Relic limit)`);
    description = `${description.slice(0, DESCRIPTION_MAX - 1)}…`;
  }
  const ctx: PolicyContext = policyFor(scope, backend, conn);
  const condition = new (newRelicL1.nrqlAlertCondition().NrqlAlertCondition)(parent, 'Resource', {
    accountId: conn.accountId,
    policyId: Token.asNumber(ctx.policy.id),
    type,
    name: spec.title,
    description,
    runbookUrl: spec.runbookUrl,
    enabled: true,
    nrql: { query: source.query },
    aggregationWindow: window,
    aggregationMethod: 'event_flow',
    aggregationDelay: String(source.fromCloudWatch ? delay : 120),
    ...terms(duration, occurrences),
    provider: conn.provider,
  });
  const tags = new (newRelicL1.entityTags().EntityTags)(parent, 'Tags', {
    guid: condition.entityGuid,
    tag: entityTags(scope, spec),
    provider: conn.provider,
  });
  return { condition, tags, notifier: new NewRelicNotifier(scope, backend, ctx, spec.severity, conditionIdOf(condition.id)), nrql: source.query };
}

/**
 * Missing data (loss of signal): the signal expires after the threshold duration
 * (`expiration_duration`, 30-172800 s). MISSING and BREACHING open a loss-of-signal incident
 * (`open_violation_on_expiration`); NOT_BREACHING closes open incidents
 * (`close_violations_on_expiration`); IGNORE sets no expiration (incidents keep their state).
 */
function missingData(scope: IConstruct, policy: MissingData, duration: number): ExpirationTerms {
  if (policy === MissingData.IGNORE) return {};
  const expiration = Math.min(Math.max(duration, EXPIRATION_MIN), EXPIRATION_MAX);
  if (expiration !== duration && !isToken(duration)) {
    Annotations.of(scope).addInfo(`${scope.node.path}: the New Relic loss-of-signal window is ${expiration} seconds (New Relic takes ${EXPIRATION_MIN}-${EXPIRATION_MAX})`);
  }
  if (policy === MissingData.NOT_BREACHING) {
    return { expirationDuration: expiration, openViolationOnExpiration: false, closeViolationsOnExpiration: true };
  }
  return { expirationDuration: expiration, openViolationOnExpiration: true, closeViolationsOnExpiration: false };
}

function entityTags(scope: IConstruct, spec: ConditionSpec): { key: string; values: string[] }[] {
  const out = [{ key: 'severity', values: [Severities.label(spec.severity)] }];
  for (const [k, v] of Object.entries(spec.tags)) {
    if (k.toLowerCase() === 'severity') fail(scope, `tags.${k}`, k, 'a key other than severity (the monitor sets it from its severity)');
    // newrelic_entity_tags `tag` blocks take a key and a non-empty list of values.
    out.push({ key: k, values: [v === '' ? 'true' : v] });
  }
  return out;
}
