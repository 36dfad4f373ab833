import { CloudwatchMetricAlarm, CloudwatchMetricAlarmMetricQuery } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Lazy, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { AlertOptions } from './alert-options';
import { IMonitorBackend } from './backend';
import { CloudWatchBackend } from '../cloudwatch/cloudwatch-monitor-backend';
import { claimName } from '../core/private/stack-registry';
import { fail, requireInteger } from '../core/private/validate';
import { Severities, Severity } from '../core/severity';
import { DatadogConnection } from '../datadog/datadog-connection';
import { DatadogBackend } from '../datadog/datadog-monitor-backend';
import {
  AlertBasics, awsTags, checkBackends, checkTarget, CloudWatchActions, datadogMetricQuery, datadogTags, datadogTimeframe, DatadogNotifications,
  requireFinite, validateBasics, validateSeverity,
} from './private/alerting';
import type { INotificationTarget } from '../notifications/targets';
import { Signal, SignalKind, Statistic } from '../signals/signal';

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
// Datadog anomaly monitors: trigger and recovery windows from 15 minutes to 2 weeks in the UI
// (docs.datadoghq.com/monitors/types/anomaly, "Set alert conditions"); the API takes shorter
// alert windows (its example uses last_5m), so only the upper bound is enforced.
const DD_WINDOW_MAX = 14 * 86_400;

const CW_COMPARISON: Record<AnomalyDirection, string> = {
  [AnomalyDirection.ABOVE]: 'GreaterThanUpperThreshold',
  [AnomalyDirection.BELOW]: 'LessThanLowerThreshold',
  [AnomalyDirection.BOTH]: 'LessThanLowerOrGreaterThanUpperThreshold',
};

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
export class AnomalyMonitor extends Construct {
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
  private readonly basics: AlertBasics;
  private readonly resources = new Map<string, TerraformResource>();
  private readonly notifiers: Array<{ add(t: INotificationTarget): void }> = [];
  private readonly _targets: INotificationTarget[] = [];

  constructor(scope: Construct, id: string, props: AnomalyMonitorProps) {
    super(scope, id);
    this.basics = validateBasics(this, props);
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
      if (b.kind === 'datadog') this.renderDatadog(b as DatadogBackend);
      else if (b.kind === 'cloudwatch') this.renderCloudWatch(b as CloudWatchBackend);
      else if (b.kind === 'grafana') fail(this, 'backends', b.id, 'Datadog or CloudWatch backends: Grafana has no built-in anomaly detection');
      else fail(this, 'backends', b.id, `Datadog or CloudWatch backends (anomaly monitors are not supported for ${b.kind})`);
    }
    for (const t of props.targets ?? []) this.addTarget(t);
  }

  /** Notify `target` too, if it takes this monitor's severity. */
  public addTarget(target: INotificationTarget): void {
    checkTarget(this, this._targets, target);
    this._targets.push(target);
    if (!Array.isArray(target.severities) || !target.severities.includes(this.severity)) return;
    for (const n of this.notifiers) n.add(target);
  }

  /** The main resource rendered for a backend id (`datadog_monitor` or `aws_cloudwatch_metric_alarm`). */
  public resourceFor(backendId: string): TerraformResource {
    const r = this.resources.get(backendId);
    if (!r) throw new Error(`${this.node.path}: no backend with id ${backendId} (${[...this.resources.keys()].join(', ')})`);
    return r;
  }

  private renderDatadog(backend: DatadogBackend): void {
    const window = this.period * this.evaluationPeriods;
    if (window % 60 !== 0 || window > DD_WINDOW_MAX) {
      fail(this, 'period × evaluationPeriods', `${this.period} × ${this.evaluationPeriods} = ${window} seconds`,
        'for Datadog an alert window of whole minutes, at most 2 weeks');
    }
    // "interval … should be smaller or equal to a fifth of the alert_window" (docs.datadoghq.com/monitors/types/anomaly, API).
    if (this.evaluationPeriods < 5) fail(this, 'evaluationPeriods', this.evaluationPeriods, 'for Datadog at least 5 (the rollup interval, period, is at most a fifth of the alert window)');
    const source = datadogMetricQuery(this, 'signal', this.signal);
    const alertWindow = datadogTimeframe(window);
    const threshold = Number((this.datapointsToAlarm / this.evaluationPeriods).toFixed(4));
    // Query window about five times the alert window (same page), for the notification graphs.
    const args = [
      source.query, `'${this.algorithm}'`, String(this.bounds), `direction='${this.direction}'`, `alert_window='${alertWindow}'`,
      `interval=${this.period}`, 'count_default_zero=\'true\'',
    ];
    const query = `avg(${datadogTimeframe(window * 5)}):anomalies(${args.join(', ')}) >= ${threshold}`;
    const conn = backend.options.connection ?? DatadogConnection.of(this);
    const notes = new DatadogNotifications(this, backend, this.severity);
    const parent = new Construct(this, backend.id);
    const monitor = new Monitor(parent, 'Resource', {
      name: this.basics.title,
      type: 'query alert',
      query,
      message: Lazy.stringValue({ produce: () => notes.render(this.basics.message, this.basics.runbookUrl) }),
      priority: String(Severities.rank(this.severity)),
      tags: datadogTags(this, this.severity, this.basics.tags),
      // The critical threshold matches the query's; trigger window = alert window (same page, "options").
      monitorThresholds: { critical: String(threshold), criticalRecovery: '0' },
      monitorThresholdWindows: { triggerWindow: alertWindow, recoveryWindow: alertWindow },
      renotifyInterval: this.basics.renotifyInterval,
      evaluationDelay: source.aws ? 900 : undefined,
      includeTags: true,
      provider: conn.provider,
    });
    this.resources.set(backend.id, monitor);
    this.notifiers.push(notes);
  }

  private renderCloudWatch(backend: CloudWatchBackend): void {
    // PutMetricAlarm Period: 10, 20, 30 or a multiple of 60 seconds.
    if (![10, 20, 30].includes(this.period) && this.period % 60 !== 0) fail(this, 'period', this.period, 'for CloudWatch 10, 20, 30 or a multiple of 60 seconds');
    const range = this.period * this.evaluationPeriods;
    const max = this.period < 3600 ? 86_400 : 604_800;
    if (range > max) fail(this, 'evaluationPeriods', this.evaluationPeriods, `for CloudWatch at most ${Math.floor(max / this.period)} with a period of ${this.period} seconds`);
    const conn = backend._connection(this);
    if (!claimName(this, `cloudwatch-alarm:${conn.node.path}`, this.basics.title)) {
      fail(this, 'title', this.basics.title, 'a title not used by another alarm of this stack in the same CloudWatch account and region (alarm names are unique)');
    }
    const queries: CloudwatchMetricAlarmMetricQuery[] = [];
    const s = this.signal;
    let input: string;
    const metricOf = (sig: Signal) => {
      const p = sig.cloudWatchMetricProps!;
      const d = p.dimensions ?? {};
      const keys = Object.keys(d).sort();
      const dims = keys.length === 0 ? undefined : Object.fromEntries(keys.map((k) => [k, d[k]]));
      const stat = (p.statistic ?? Statistic.AVERAGE).name;
      return { namespace: p.namespace, metricName: p.metricName, dimensions: dims, period: this.period, stat };
    };
    if (s.kind === SignalKind.CLOUDWATCH_METRIC) {
      queries.push({ id: 'm1', returnData: true, metric: metricOf(s) });
      input = 'm1';
    } else if (s.kind === SignalKind.CLOUDWATCH_EXPRESSION) {
      const e = s.cloudWatchExpressionProps!;
      for (const id of Object.keys(e.usingMetrics).sort()) queries.push({ id, returnData: false, metric: metricOf(e.usingMetrics[id]) });
      queries.push({ id: 'e1', expression: e.expression, label: e.label ?? e.expression, returnData: true });
      input = 'e1';
    } else {
      return fail(this, 'signal', s.toString(), `a signal the CloudWatch backend can evaluate (a CloudWatch metric or metric-math expression); CloudWatch cannot evaluate a ${s.kind}`);
    }
    // Anomaly-detection alarm: the band is a metric-math expression named by threshold_metric_id
    // (terraform-provider-aws docs r/cloudwatch_metric_alarm, "Example of an Alarm for Anomaly Detection").
    queries.push({ id: 'ad1', expression: `ANOMALY_DETECTION_BAND(${input}, ${this.bounds})`, label: `${input} (expected)`, returnData: true });
    const actions = new CloudWatchActions(this, backend, this.severity);
    const list = Lazy.listValue({ produce: () => actions.all }, { omitEmpty: true });
    const parent = new Construct(this, backend.id);
    const alarm = new CloudwatchMetricAlarm(parent, 'Resource', {
      alarmName: this.basics.title,
      alarmDescription: this.basics.message + (this.basics.runbookUrl ? `\n\nRunbook: ${this.basics.runbookUrl}` : ''),
      comparisonOperator: CW_COMPARISON[this.direction],
      evaluationPeriods: this.evaluationPeriods,
      datapointsToAlarm: this.datapointsToAlarm,
      thresholdMetricId: 'ad1',
      metricQuery: queries,
      treatMissingData: 'missing',
      alarmActions: list,
      okActions: list,
      tags: awsTags(this, this.severity, this.basics.tags),
      provider: conn.provider,
    });
    this.resources.set(backend.id, alarm);
    this.notifiers.push(actions);
  }
}
