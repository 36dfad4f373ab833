import { Construct, IConstruct } from 'constructs';
import { DatadogConnection } from './datadog-connection';
import { DatadogRenderedMonitor } from './datadog-rendered-monitor';
import type { DatadogTargetBinding } from './datadog-targets';
import { renderDatadogAnomaly } from './private/anomaly';
import { datadogCanEvaluate, datadogEvaluationGap } from './private/aws-metric-names';
import { DatadogCatalogEntry, prepareDatadogCatalogMonitor, renderDatadogCatalog } from './private/catalog';
import { renderDatadogComposite } from './private/composite';
import { datadogBinding } from './private/notify';
import { renderDatadogSlo } from './private/slo';
import { requirePattern } from '../core/private/validate';
import { Severity } from '../core/severity';
import type { AnomalyMonitor } from '../monitors/anomaly-monitor';
import { CatalogMonitorSpec, IAnomalyMonitorBackend, ICatalogBackend, ICompositeMonitorBackend, IRenderedAlerts, IRenderedCatalog, IRenderedMonitor, ISignalAwareMonitorBackend, ISloBackend } from '../monitors/backend';
import type { CompositeMonitor } from '../monitors/composite-monitor';
import type { MonitorConfig } from '../monitors/monitor-config';
import type { EvaluationGap } from '../monitors/private/signal-aware';
import type { Slo } from '../monitors/slo';
import type { INotificationTarget } from '../notifications/targets';
import type { Signal } from '../signals/signal';

/** Options of the Datadog backend. */
export interface DatadogBackendOptions {
  /**
   * Construct id of the rendering under each monitor.
   * @default "Datadog"
   */
  readonly id?: string;
  /**
   * The Datadog connection (its provider creates the monitors).
   * @default DatadogConnection.of(monitor)
   */
  readonly connection?: DatadogConnection;
  /**
   * Seconds Datadog waits before evaluating monitors of CloudWatch metrics, which reach Datadog
   * late through the AWS integration's crawler (docs.datadoghq.com/monitors/guide/troubleshooting-no-data:
   * at least 900 seconds is recommended for AWS and other crawler-based metrics).
   * @default 900
   */
  readonly awsEvaluationDelay?: number;
}

/** Renders monitors as `datadog_monitor` resources of type `metric alert`. */
export class DatadogBackend implements ISignalAwareMonitorBackend, ISloBackend, ICompositeMonitorBackend, IAnomalyMonitorBackend, ICatalogBackend {
  /** `datadog`. */
  public readonly kind: string = 'datadog';
  /** Construct id of renderings. */
  public readonly id: string;
  /** The options. */
  public readonly options: DatadogBackendOptions;

  constructor(options: DatadogBackendOptions = {}) {
    this.options = { ...options };
    this.id = options.id ?? 'Datadog';
  }

  /**
   * Datadog queries, and CloudWatch metrics Datadog's AWS integration collects (a reference in a
   * dimension becomes a Terraform reference in the tag filter, lower-cased as Datadog stores tags).
   */
  public canEvaluate(signal: Signal): boolean {
    return datadogCanEvaluate(signal);
  }

  /**
   * Why this backend cannot evaluate `signal`, for warnings of code that leaves a monitor off it;
   * undefined when it can.
   * @internal
   */
  public _evaluationGap(signal: Signal): EvaluationGap | undefined {
    const reason = datadogEvaluationGap(signal);
    return reason === undefined ? undefined : { system: 'Datadog', reason };
  }

  /** Render a monitor. */
  public render(monitor: MonitorConfig): IRenderedMonitor {
    requirePattern(monitor, 'backends', this.id, /^[A-Za-z][A-Za-z0-9_-]*$/, 'backend ids of letters, digits, _ and -');
    return new DatadogRenderedMonitor(monitor, this);
  }

  /** Check a catalog monitor for Datadog and compute its `datadog_monitor` arguments. */
  public prepareCatalogMonitor(catalog: Construct, monitor: CatalogMonitorSpec): any {
    requirePattern(catalog, 'backends', this.id, /^[A-Za-z][A-Za-z0-9_-]*$/, 'backend ids of letters, digits, _ and -');
    return prepareDatadogCatalogMonitor(catalog, monitor, this);
  }

  /** Render a catalog: one `datadog_monitor` with `for_each` over its monitors, keyed by id. */
  public renderCatalog(catalog: Construct, prepared: any[]): IRenderedCatalog {
    return renderDatadogCatalog(catalog, prepared as DatadogCatalogEntry[], this);
  }

  /** Render an SLO: a `datadog_service_level_objective` and an `slo alert` monitor per burn-rate alert. */
  public renderSlo(slo: Slo): IRenderedAlerts {
    return renderDatadogSlo(slo, this);
  }

  /** Render a composite monitor: a `datadog_monitor` of type `composite`. */
  public renderComposite(composite: CompositeMonitor): IRenderedAlerts {
    return renderDatadogComposite(composite, this);
  }

  /** Render an anomaly monitor: a `datadog_monitor` with an `anomalies()` query. */
  public renderAnomaly(monitor: AnomalyMonitor): IRenderedAlerts {
    return renderDatadogAnomaly(monitor, this);
  }

  /**
   * How this backend reaches `target` for an alert of `severity` in `scope`: the target's own
   * binding for this backend, or the backend's way of reaching a built-in target (its resources
   * are created once per stack). A synth error names both when the backend cannot serve it.
   */
  public bindTarget(scope: IConstruct, target: INotificationTarget, severity: Severity): DatadogTargetBinding {
    return datadogBinding(scope, this, target, severity);
  }

  /** The Datadog connection for an alert in `scope`: the backend's, or `DatadogConnection.of(scope)`. */
  public connectionFor(scope: IConstruct): DatadogConnection {
    return this.options.connection ?? DatadogConnection.of(scope);
  }
}

