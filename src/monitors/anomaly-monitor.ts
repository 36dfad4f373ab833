import { Construct } from 'constructs';
import { AlertOptions } from './alert-options';
import { AlertingConstruct } from './alerting-construct';
import { IAnomalyMonitorBackend, IMonitorBackend } from './backend';
import { checkBackends, requireCapability, requireFinite, validateBasics, validateSeverity } from './private/alerting';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalArray, requireInteger } from '../core/private/validate';
import { Severity } from '../core/severity';
import { Signal } from '../signals/signal';

/** Datadog's anomaly-detection algorithms (docs.datadoghq.com/monitors/types/anomaly). */
export enum AnomalyAlgorithm {
  /** No seasonality: a lagging rolling quantile; adapts quickly. */
  BASIC = 'basic',
  /** Seasonal, adjusts quickly to level shifts (robust SARIMA). */
  AGILE = 'agile',
  /** Seasonal and stable; slow level shifts count as anomalies (seasonal-trend decomposition). */
  ROBUST = 'robust',
}

/** Which side of the expected band is anomalous. */
export enum AnomalyDirection {
  /** Above the band. */
  ABOVE = 'above',
  /** Below the band. */
  BELOW = 'below',
  /** Above or below the band. */
  BOTH = 'both',
}

/** Props of an `AnomalyMonitor`. */
export interface AnomalyMonitorProps extends AlertOptions {
  /**
   * What is watched: a Datadog query or CloudWatch metric for Datadog; a CloudWatch metric or
   * metric-math expression for CloudWatch.
   */
  readonly signal: Signal;
  /**
   * Width of the expected band, in standard deviations (Datadog `deviations`, CloudWatch
   * `ANOMALY_DETECTION_BAND(m, <n>)`). A positive number, at most 10.
   * @default 2
   */
  readonly bounds?: number;
  /**
   * Which side of the band alerts.
   * @default AnomalyDirection.BOTH
   */
  readonly direction?: AnomalyDirection;
  /**
   * Datadog's algorithm (CloudWatch has one model).
   * @default AnomalyAlgorithm.AGILE
   */
  readonly algorithm?: AnomalyAlgorithm;
  /**
   * Length of one evaluation period (Datadog rollup interval, CloudWatch period), in seconds.
   * @default 60
   */
  readonly period?: number;
  /**
   * Number of periods evaluated (the Datadog alert window is `period × evaluationPeriods`, at
   * least 5 periods: Datadog's rollup interval is at most a fifth of the alert window).
   * @default 15
   */
  readonly evaluationPeriods?: number;
  /**
   * Anomalous periods (of `evaluationPeriods`) that raise the alert (Datadog: the fraction
   * `datapointsToAlarm / evaluationPeriods` of anomalous points).
   * @default - `evaluationPeriods`
   */
  readonly datapointsToAlarm?: number;
  /**
   * `MonitorBackend.datadog()` (an `anomalies()` query alert) and/or `MonitorBackend.cloudwatch()`
   * (an anomaly-detection alarm). Grafana has no built-in anomaly detection: a Grafana backend is
   * a synth error.
   */
  readonly backends: IMonitorBackend[];
}

// Not a documented Datadog limit: Datadog documents deviations as "a positive number"; bands
// wider than 10 standard deviations never alert in practice, so a larger value is taken as a mistake.
const BOUNDS_MAX = 10;
/**
 * A monitor that alerts when a signal leaves the band its own history predicts: a Datadog
 * anomaly monitor (`anomalies(<query>, '<algorithm>', <bounds>, direction=…, alert_window=…)`)
 * and a CloudWatch anomaly-detection alarm (metric math `ANOMALY_DETECTION_BAND(m1, <bounds>)`
 * as `threshold_metric_id`, compared with `LessThanLowerOrGreaterThanUpperThreshold`,
 * `GreaterThanUpperThreshold` or `LessThanLowerThreshold`). Grafana has no built-in anomaly
 * detection; naming a Grafana backend is a synth error.
 *
 * Children: one construct per backend id with the resource `Resource`. Secrets: none of its own.
 */
export class AnomalyMonitor extends AlertingConstruct {
  /** The signal. */
  public readonly signal: Signal;
  /** The bounds in standard deviations. */
  public readonly bounds: number;
  /** The direction. */
  public readonly direction: AnomalyDirection;
  /** The Datadog algorithm. */
  public readonly algorithm: AnomalyAlgorithm;
  /** The period in seconds. */
  public readonly period: number;
  /** Evaluation periods. */
  public readonly evaluationPeriods: number;
  /** Datapoints to alarm. */
  public readonly datapointsToAlarm: number;
  /** The severity. */
  public readonly severity: Severity;
  /** The title. */
  public readonly title: string;
  /** The message. */
  public readonly message: string;
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

  constructor(scope: Construct, id: string, props: AnomalyMonitorProps) {
    super(scope, id);
    libraryScope(this);
    const basics = validateBasics(this, props);
    this.title = basics.title;
    this.message = basics.message;
    this.runbookUrl = basics.runbookUrl;
    this.tags = basics.tags;
    this.renotifyInterval = basics.renotifyInterval;
    if (!(props.signal instanceof Signal)) fail(this, 'signal', props.signal, 'a Signal');
    this.signal = props.signal;
    this.bounds = props.bounds === undefined ? 2 : requireFinite(this, 'bounds', props.bounds, `a number of standard deviations greater than 0 and at most ${BOUNDS_MAX}`);
    if (this.bounds <= 0 || this.bounds > BOUNDS_MAX) fail(this, 'bounds', this.bounds, `a number of standard deviations greater than 0 and at most ${BOUNDS_MAX}`);
    this.direction = props.direction ?? AnomalyDirection.BOTH;
    if (!Object.values(AnomalyDirection).includes(this.direction)) fail(this, 'direction', this.direction, 'an AnomalyDirection (ABOVE, BELOW, BOTH)');
    this.algorithm = props.algorithm ?? AnomalyAlgorithm.AGILE;
    if (!Object.values(AnomalyAlgorithm).includes(this.algorithm)) fail(this, 'algorithm', this.algorithm, 'an AnomalyAlgorithm (BASIC, AGILE, ROBUST)');
    this.period = props.period === undefined ? 60 : requireInteger(this, 'period', props.period, 10, 86_400);
    this.evaluationPeriods = props.evaluationPeriods === undefined ? 15 : requireInteger(this, 'evaluationPeriods', props.evaluationPeriods, 1, 10_000);
    this.datapointsToAlarm = props.datapointsToAlarm === undefined ? this.evaluationPeriods : requireInteger(this, 'datapointsToAlarm', props.datapointsToAlarm, 1, this.evaluationPeriods);
    this.severity = validateSeverity(this, 'severity', props.severity, Severity.SEV3);
    this.signal._validate(this, 'signal', this.period);
    for (const b of checkBackends(this, props.backends)) {
      this.addRendering(requireCapability<IAnomalyMonitorBackend>(this, b, 'renderAnomaly', 'anomaly monitors').renderAnomaly(this));
    }
    for (const t of optionalArray(this, 'targets', props.targets, 'a list of notification targets')) this.addTarget(t);
  }

}
