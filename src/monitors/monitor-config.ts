import { Construct } from 'constructs';
import { AlertOptions } from './alert-options';
import { IMonitorBackend, IRenderedMonitor } from './backend';
import { checkBackends } from './private/alerting';
import { normalizeMonitor } from './private/normalize';
import { ComparisonOperator, MissingData } from './threshold';
import { libraryScope } from '../core/private/template-escape';
import { optionalArray } from '../core/private/validate';
import { Severity } from '../core/severity';
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
    const n = normalizeMonitor(this, props, 'a MonitorConfigProps object');
    this.title = n.title;
    this.message = n.message;
    this.signal = n.signal;
    this.comparison = n.comparison;
    this.critical = n.critical;
    this.warning = n.warning;
    this.criticalRecovery = n.criticalRecovery;
    this.warningRecovery = n.warningRecovery;
    this.period = n.period;
    this.evaluationPeriods = n.evaluationPeriods;
    this.datapointsToAlarm = n.datapointsToAlarm;
    this.missingData = n.missingData;
    this.severity = n.severity;
    this.runbookUrl = n.runbookUrl;
    this.tags = n.tags;
    this.renotifyInterval = n.renotifyInterval;

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
}
