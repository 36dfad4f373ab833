import { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import type { AnomalyMonitor } from './anomaly-monitor';
import type { CompositeMonitor } from './composite-monitor';
import type { MonitorConfig } from './monitor-config';
import type { Slo } from './slo';
import type { MissingData, ComparisonOperator } from './threshold';
import type { Severity } from '../core/severity';
import type { INotificationTarget } from '../notifications/targets';
import type { Signal } from '../signals/signal';

/**
 * A system that evaluates monitors: it renders a backend-neutral `MonitorConfig` into its own
 * resources. Datadog, CloudWatch, Grafana and New Relic ship with the library
 * (`MonitorBackend.datadog()`, `.cloudwatch()`, `.grafana()`, `.newRelic()`); another system is
 * another implementation of this interface, with no change to `MonitorConfig`.
 *
 * Each backend declares the small interface a notification target implements for it (e.g.
 * `IDatadogNotificationTarget`) and checks for it when a target is added; a target it cannot
 * serve is a synth error naming both. SLOs, composite and anomaly monitors are optional
 * capabilities (`ISloBackend`, `ICompositeMonitorBackend`, `IAnomalyMonitorBackend`).
 */
export interface IMonitorBackend {
  /**
   * A short name of the system, e.g. `datadog`, `cloudwatch`, `grafana`, used in messages.
   */
  readonly kind: string;
  /** Construct id of what the backend renders under each monitor (e.g. `Datadog`). */
  readonly id: string;
  /**
   * Render `monitor` under it (a child construct with id `id`). Throws a validation error
   * naming the monitor when the backend cannot express the monitor (a signal it cannot
   * evaluate, a window it does not accept…).
   */
  render(monitor: MonitorConfig): IRenderedMonitor;
}

/** What a backend rendered for one monitor. */
export interface IRenderedMonitor {
  /** The backend that rendered it. */
  readonly backend: IMonitorBackend;
  /** The main L1 resource (the escape hatch): a `datadog_monitor`, an `aws_cloudwatch_metric_alarm`, a `grafana_rule_group`. */
  readonly resource: TerraformResource;
  /**
   * Notify `target` too. Called by `MonitorConfig` for every target that takes the monitor's
   * severity, in the constructor or later through `addTarget()`.
   */
  addTarget(target: INotificationTarget): void;
}

/**
 * What a backend rendered for an SLO, a composite or an anomaly monitor: one or more alerting
 * resources, each of one severity.
 */
export interface IRenderedAlerts {
  /** The backend that rendered it. */
  readonly backend: IMonitorBackend;
  /** The resources that notify, in a backend-defined order (e.g. one per burn-rate alert). */
  readonly resources: TerraformResource[];
  /**
   * Notify `target` of every alert whose severity the target takes (the rendering filters by
   * severity itself: an SLO has page and ticket alerts).
   */
  addTarget(target: INotificationTarget): void;
}

/**
 * A monitor backend that can tell which signals it evaluates: an optional capability that lets
 * a construct choose the backends of a monitor per signal (the `IntegrationCatalog` does; a
 * backend without it is given every signal, and fails on one it cannot evaluate).
 */
export interface ISignalAwareMonitorBackend extends IMonitorBackend {
  /** Whether a monitor of `signal` can be rendered by this backend. */
  canEvaluate(signal: Signal): boolean;
}

/** A monitor backend that can render SLOs with burn-rate alerts. */
export interface ISloBackend extends IMonitorBackend {
  /** Render `slo` under a child construct of it with id `id`. */
  renderSlo(slo: Slo): IRenderedAlerts;
}

/** A monitor backend that can render composite monitors (a rule over other monitors' states). */
export interface ICompositeMonitorBackend extends IMonitorBackend {
  /** Render `composite` under a child construct of it with id `id`. */
  renderComposite(composite: CompositeMonitor): IRenderedAlerts;
}

/** A monitor backend that can render anomaly monitors. */
export interface IAnomalyMonitorBackend extends IMonitorBackend {
  /** Render `monitor` under a child construct of it with id `id`. */
  renderAnomaly(monitor: AnomalyMonitor): IRenderedAlerts;
}

/**
 * One monitor of a `MonitorCatalog` as a backend sees it: validated, with its defaults applied,
 * and the targets that take its severity.
 */
export interface CatalogMonitorSpec {
  /** The monitor's key in the catalog (its `for_each` key). */
  readonly id: string;
  /** The name. */
  readonly title: string;
  /** The message. */
  readonly message: string;
  /** What the monitor watches. */
  readonly signal: Signal;
  /** How the signal is compared with the thresholds. */
  readonly comparison: ComparisonOperator;
  /** The critical threshold. */
  readonly critical: number;
  /**
   * The warning threshold.
   * @default - none
   */
  readonly warning?: number;
  /**
   * The critical recovery threshold.
   * @default - none
   */
  readonly criticalRecovery?: number;
  /**
   * The warning recovery threshold.
   * @default - none
   */
  readonly warningRecovery?: number;
  /** Period in seconds. */
  readonly period: number;
  /** Evaluation periods. */
  readonly evaluationPeriods: number;
  /** Breaching periods that raise the alert. */
  readonly datapointsToAlarm: number;
  /** Missing-data policy. */
  readonly missingData: MissingData;
  /** Severity. */
  readonly severity: Severity;
  /**
   * Runbook URL.
   * @default - none
   */
  readonly runbookUrl?: string;
  /** Tags, by key (sorted). */
  readonly tags: { [key: string]: string };
  /**
   * Re-notification interval in minutes.
   * @default - none
   */
  readonly renotifyInterval?: number;
  /** The targets that take the monitor's severity, in the order given. */
  readonly targets: INotificationTarget[];
}

/** What a backend rendered for a catalog. */
export interface IRenderedCatalog {
  /** The backend that rendered it. */
  readonly backend: IMonitorBackend;
  /** Its resources (each with `for_each` over the catalog's monitors, or one per group of them). */
  readonly resources: TerraformResource[];
}

/**
 * A monitor backend that renders a catalog's monitors together (with `for_each`), in two steps
 * so that every problem of every monitor is reported at once: `prepareCatalogMonitor()` checks
 * one monitor and returns what its rendering needs (backend-defined data, or `undefined` when
 * this monitor needs a resource of its own, which is then rendered as a `MonitorConfig`); then
 * `renderCatalog()` renders every prepared monitor.
 */
export interface ICatalogBackend extends IMonitorBackend {
  /**
   * Check `monitor` for this backend; throws a ValidationError (naming `catalog`) when the
   * backend cannot express it.
   */
  prepareCatalogMonitor(catalog: Construct, monitor: CatalogMonitorSpec): any;
  /** Render the prepared monitors, in catalog order, under a child of `catalog` with the backend's id. */
  renderCatalog(catalog: Construct, prepared: any[]): IRenderedCatalog;
}
