import { Construct } from 'constructs';
import { AlertOptions } from './alert-options';
import { IMonitorBackend, IRenderedMonitor } from './backend';
import { checkBackends } from './private/alerting';
import { ComparisonOperator, Comparisons, MissingData } from './threshold';
import { libraryScope } from '../core/private/template-escape';
import { fail, isToken, optionalArray, requireInteger, requireNoControlChars, requireString, requireUrl } from '../core/private/validate';
import { Severities, Severity } from '../core/severity';
import { checkTarget } from '../notifications/private/check';
import type { INotificationTarget } from '../notifications/targets';
import { Signal } from '../signals/signal';

/**
 * What a monitor is, without where it is rendered: the props of a `MonitorConfig` other than
 * `backends`, and one entry of a `MonitorCatalog`.
 */
export interface MonitorDefinition extends AlertOptions {
  /** What the monitor watches. */
  readonly signal: Signal;
  /** How the signal is compared with the thresholds. */
  readonly comparison: ComparisonOperator;
  /** The critical (alert) threshold. */
  readonly critical: number;
  /**
   * A warning threshold, on the non-alerting side of `critical`.
   * @default - no warning
   */
  readonly warning?: number;
  /**
   * The value at which a critical alert recovers (hysteresis), on the non-alerting side of `critical`.
   * @default - recovers as soon as the value no longer breaches `critical`
   */
  readonly criticalRecovery?: number;
  /**
   * The value at which a warning recovers, on the non-alerting side of `warning`.
   * @default - recovers as soon as the value no longer breaches `warning`
   */
  readonly warningRecovery?: number;
  /**
   * Length of one evaluation period, in seconds.
   * @default 300
   */
  readonly period?: number;
  /**
   * Number of periods evaluated.
   * @default 1
   */
  readonly evaluationPeriods?: number;
  /**
   * Number of breaching periods (of `evaluationPeriods`) that raise the alert.
   * @default - `evaluationPeriods`
   */
  readonly datapointsToAlarm?: number;
  /**
   * What to do when the signal has no data.
   * @default MissingData.MISSING
   */
  readonly missingData?: MissingData;
}

/** Props of a `MonitorConfig`. */
export interface MonitorConfigProps extends MonitorDefinition {
  /** The backends to render the monitor to: `MonitorBackend.datadog()`, `.cloudwatch()`, `.grafana({...})`. */
  readonly backends: IMonitorBackend[];
}

const NAME_MAX = 255;

/**
 * One monitor definition, rendered to every backend it names: a `datadog_monitor`, an
 * `aws_cloudwatch_metric_alarm`, a rule in a `grafana_rule_group`.
 *
 * Each backend renders under a child construct named after it (`Datadog`, `CloudWatch`,
 * `Grafana`), whose main resource has id `Resource` (see `rendering(id).resource`).
 * Notification targets bind once per backend and stack; a target only hears monitors whose
 * severity it takes. A combination a backend cannot express is a synth-time error.
 *
 * Secrets: targets' secrets (PagerDuty keys, webhook credentials, Slack tokens) reach the
 * Terraform state through the resources that use them (SNS subscriptions, Grafana contact
 * points); nothing of them reaches the synthesized JSON. Datadog monitors hold no secrets.
 */
export class MonitorConfig extends Construct {
  /** The title. */
  public readonly title: string;
  /** The message. */
  public readonly message: string;
  /** The signal. */
  public readonly signal: Signal;
  /** The comparison. */
  public readonly comparison: ComparisonOperator;
  /** The critical threshold. */
  public readonly critical: number;
  /**
   * The warning threshold.
   * @default - none
   */
  public readonly warning?: number;
  /**
   * The critical recovery threshold.
   * @default - none
   */
  public readonly criticalRecovery?: number;
  /**
   * The warning recovery threshold.
   * @default - none
   */
  public readonly warningRecovery?: number;
  /** Period in seconds. */
  public readonly period: number;
  /** Evaluation periods. */
  public readonly evaluationPeriods: number;
  /** Datapoints to alarm. */
  public readonly datapointsToAlarm: number;
  /** Missing-data policy. */
  public readonly missingData: MissingData;
  /** Severity. */
  public readonly severity: Severity;
  /**
   * Runbook URL.
   * @default - none
   */
  public readonly runbookUrl?: string;
  /** Tags, by key (sorted). */
  public readonly tags: { [key: string]: string };
  /**
   * Re-notification interval in minutes.
   * @default - none
   */
  public readonly renotifyInterval?: number;

  private readonly _targets: INotificationTarget[] = [];
  private readonly _renderings: IRenderedMonitor[] = [];

  constructor(scope: Construct, id: string, props: MonitorConfigProps) {
    super(scope, id);
    libraryScope(this);
    if (!props || typeof props !== 'object') fail(this, 'props', props, 'a MonitorConfigProps object');
    this.title = requireNoControlChars(this, 'title', props.title, `a name of 1-${NAME_MAX} characters without control characters`);
    if (!isToken(this.title) && this.title.length > NAME_MAX) fail(this, 'title', this.title, `a name of 1-${NAME_MAX} characters without control characters`);
    this.message = requireString(this, 'message', props.message, 'a non-empty message');
    if (!(props.signal instanceof Signal)) fail(this, 'signal', props.signal, 'a Signal (Signal.cloudWatchMetric, awsMetric, cloudWatchExpression, datadogQuery or promQl)');
    this.signal = props.signal;
    if (!Object.values(ComparisonOperator).includes(props.comparison)) {
      fail(this, 'comparison', props.comparison, 'a ComparisonOperator (GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL)');
    }
    this.comparison = props.comparison;
    this.critical = requireNumber(this, 'critical', props.critical);
    this.warning = props.warning === undefined ? undefined : requireNumber(this, 'warning', props.warning);
    this.criticalRecovery = props.criticalRecovery === undefined ? undefined : requireNumber(this, 'criticalRecovery', props.criticalRecovery);
    this.warningRecovery = props.warningRecovery === undefined ? undefined : requireNumber(this, 'warningRecovery', props.warningRecovery);
    this.validateThresholdSides();

    this.period = props.period === undefined ? 300 : requireInteger(this, 'period', props.period, 1, 86_400 * 7);
    this.evaluationPeriods = props.evaluationPeriods === undefined ? 1 : requireInteger(this, 'evaluationPeriods', props.evaluationPeriods, 1, 100_000);
    if (props.datapointsToAlarm === undefined) {
      this.datapointsToAlarm = this.evaluationPeriods;
    } else {
      this.datapointsToAlarm = requireInteger(this, 'datapointsToAlarm', props.datapointsToAlarm, 1, 100_000);
      if (!isToken(this.datapointsToAlarm) && !isToken(this.evaluationPeriods) && this.datapointsToAlarm > this.evaluationPeriods) {
        fail(this, 'datapointsToAlarm', this.datapointsToAlarm, `at most evaluationPeriods (${this.evaluationPeriods})`);
      }
    }
    this.missingData = props.missingData ?? MissingData.MISSING;
    if (!Object.values(MissingData).includes(this.missingData)) fail(this, 'missingData', this.missingData, 'a MissingData (MISSING, BREACHING, NOT_BREACHING, IGNORE)');
    this.severity = props.severity ?? Severity.SEV3;
    if (!Severities.isSeverity(this.severity)) fail(this, 'severity', this.severity, 'a Severity (SEV1 … SEV5)');
    this.runbookUrl = props.runbookUrl === undefined ? undefined : requireUrl(this, 'runbookUrl', props.runbookUrl, ['https', 'http']);
    this.tags = validateTagMap(this, props.tags);
    this.renotifyInterval = props.renotifyInterval === undefined ? undefined : requireInteger(this, 'renotifyInterval', props.renotifyInterval, 1, 60 * 24 * 30);
    this.signal._validate(this, 'signal', this.period);

    for (const b of checkBackends(this, props.backends)) this._renderings.push(b.render(this));
    for (const t of optionalArray(this, 'targets', props.targets, 'a list of notification targets')) this.addTarget(t);
  }

  /**
   * Notify `target` too (every backend binds it). A target that does not take this monitor's
   * severity is recorded but not notified.
   */
  public addTarget(target: INotificationTarget): void {
    checkTarget(this, this._targets, target);
    this._targets.push(target);
    if (!Array.isArray(target.severities) || !target.severities.includes(this.severity)) return;
    for (const r of this._renderings) r.addTarget(target);
  }

  /** Every target, in the order added. */
  public get targets(): INotificationTarget[] {
    return [...this._targets];
  }

  /** The targets that take this monitor's severity. */
  public get notifiedTargets(): INotificationTarget[] {
    return this._targets.filter((t) => Array.isArray(t.severities) && t.severities.includes(this.severity));
  }

  /** What each backend rendered, in the order of `backends`. */
  public get renderings(): IRenderedMonitor[] {
    return [...this._renderings];
  }

  /** What the backend with the given id (`Datadog`, `CloudWatch`, `Grafana`…) rendered. */
  public rendering(backendId: string): IRenderedMonitor {
    const r = this._renderings.find((x) => x.backend.id === backendId);
    if (!r) throw new Error(`${this.node.path}: no backend with id ${backendId} (${this._renderings.map((x) => x.backend.id).join(', ')})`);
    return r;
  }

  private validateThresholdSides(): void {
    const above = Comparisons.isAbove(this.comparison);
    const sym = Comparisons.symbol(this.comparison);
    const side = above ? 'below' : 'above';
    const ok = (x: number, ref: number) => (above ? x < ref : x > ref);
    if (this.warning !== undefined && !ok(this.warning, this.critical)) {
      fail(this, 'warning', this.warning, `${side} critical (${this.critical}) for the comparison ${sym}`);
    }
    if (this.criticalRecovery !== undefined && !ok(this.criticalRecovery, this.critical)) {
      fail(this, 'criticalRecovery', this.criticalRecovery, `${side} critical (${this.critical}) for the comparison ${sym}`);
    }
    if (this.warningRecovery !== undefined) {
      if (this.warning === undefined) fail(this, 'warningRecovery', this.warningRecovery, 'given only together with warning');
      if (!ok(this.warningRecovery, this.warning)) {
        fail(this, 'warningRecovery', this.warningRecovery, `${side} warning (${this.warning}) for the comparison ${sym}`);
      }
    }
  }
}

function requireNumber(scope: Construct, prop: string, value: unknown): number {
  if (typeof value !== 'number' || (!isToken(value) && !Number.isFinite(value))) fail(scope, prop, value, 'a finite number');
  if (isToken(value)) fail(scope, prop, value, 'a number known at synth time (thresholds are compared and rendered into queries)');
  return value;
}

function validateTagMap(scope: Construct, tags: unknown): { [key: string]: string } {
  if (tags === undefined) return {};
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) fail(scope, 'tags', tags, 'a map of strings to strings');
  const out: Record<string, string> = {};
  for (const k of Object.keys(tags as object).sort()) {
    const v = (tags as Record<string, unknown>)[k];
    if (k.length === 0) fail(scope, 'tags', k, 'non-empty tag keys');
    if (typeof v !== 'string') fail(scope, `tags.${k}`, v, 'a string');
    out[k] = v;
  }
  return out;
}
