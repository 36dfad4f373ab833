import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { DatadogConnection } from './datadog-connection';
import { renderDatadogAnomaly } from './private/anomaly';
import { renderDatadogComposite } from './private/composite';
import { DatadogMessage, datadogBinding } from './private/notify';
import type { DatadogTargetBinding } from './datadog-targets';
import { datadogMetricQuery, datadogTags, datadogTimeframe } from './private/query';
import { renderDatadogSlo } from './private/slo';
import { fail, requireInteger, requirePattern } from '../core/private/validate';
import { Severities, Severity } from '../core/severity';
import type { AnomalyMonitor } from '../monitors/anomaly-monitor';
import { IAnomalyMonitorBackend, ICompositeMonitorBackend, IRenderedAlerts, IRenderedMonitor, ISloBackend, IMonitorBackend } from '../monitors/backend';
import type { CompositeMonitor } from '../monitors/composite-monitor';
import type { MonitorConfig } from '../monitors/monitor-config';
import type { Slo } from '../monitors/slo';
import { Comparisons, MissingData } from '../monitors/threshold';
import type { INotificationTarget } from '../notifications/targets';

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

/**
 * Datadog's evaluation window: a whole number of minutes from 1 minute to 1 month
 * ("Set alert conditions" in docs.datadoghq.com/monitors/configuration: a custom window is
 * 1 minute to 48 hours, 1 month for metric monitors; taken here as 30 days).
 */
const DATADOG_WINDOW_MAX_SECONDS = 30 * 86_400;

/** The Datadog monitor a `MonitorConfig` rendered. */
export class DatadogRenderedMonitor extends Construct implements IRenderedMonitor {
  /** The backend. */
  public readonly backend: IMonitorBackend;
  /** The main resource (the `datadog_monitor`). */
  public readonly resource: TerraformResource;
  /** The `datadog_monitor` (escape hatch, typed). */
  public readonly datadogMonitor: Monitor;
  /** The monitor query. */
  public readonly query: string;
  private readonly notifications: DatadogMessage;
  private readonly monitor: MonitorConfig;

  constructor(monitor: MonitorConfig, backend: DatadogBackend) {
    super(monitor, backend.id);
    this.backend = backend;
    this.monitor = monitor;
    this.notifications = new DatadogMessage(monitor, backend, monitor.severity);
    const conn = backend.connectionFor(monitor);
    const window = monitor.period * monitor.evaluationPeriods;
    if (window % 60 !== 0 || window < 60 || window > DATADOG_WINDOW_MAX_SECONDS) {
      fail(monitor, 'period × evaluationPeriods', `${monitor.period} × ${monitor.evaluationPeriods} = ${window} seconds`,
        'a Datadog evaluation window: a whole number of minutes from 1 minute to 30 days');
    }
    const { query, aws } = buildQuery(monitor, window);
    this.query = query;
    const tags = datadogTags(monitor, monitor.severity, monitor.tags);
    const notifiesNoData = monitor.missingData === MissingData.MISSING || monitor.missingData === MissingData.BREACHING;
    const delay = backend.options.awsEvaluationDelay === undefined ? 900 : requireInteger(monitor, 'awsEvaluationDelay', backend.options.awsEvaluationDelay, 0, 86_400);
    this.datadogMonitor = new Monitor(this, 'Resource', {
      name: monitor.title,
      type: 'metric alert',
      query,
      // Rendered now and again on each addTarget() (cheaper than a lazy token per monitor).
      message: this.renderMessage(),
      priority: String(Severities.rank(monitor.severity)),
      tags,
      monitorThresholds: {
        critical: String(monitor.critical),
        warning: monitor.warning === undefined ? undefined : String(monitor.warning),
        criticalRecovery: monitor.criticalRecovery === undefined ? undefined : String(monitor.criticalRecovery),
        warningRecovery: monitor.warningRecovery === undefined ? undefined : String(monitor.warningRecovery),
      },
      notifyNoData: notifiesNoData,
      // The provider's docs for no_data_timeframe recommend at least twice the window for metric alerts.
      noDataTimeframe: notifiesNoData ? Math.max(2 * (window / 60), 2) : undefined,
      renotifyInterval: monitor.renotifyInterval,
      evaluationDelay: aws ? delay : undefined,
      includeTags: true,
      provider: conn.provider,
    });
    this.resource = this.datadogMonitor;
  }

  /** The `@` handles of the targets, in the order added. */
  public get notificationHandles(): string[] {
    return this.notifications.allHandles;
  }

  /** Notify a target. */
  public addTarget(target: INotificationTarget): void {
    this.notifications.add(target);
    this.datadogMonitor.message = this.renderMessage();
  }

  private renderMessage(): string {
    const m = this.monitor;
    return this.notifications.render(m.message, m.runbookUrl, {
      warning: m.warning !== undefined,
      noData: m.missingData === MissingData.MISSING || m.missingData === MissingData.BREACHING,
    });
  }
}

/** Renders monitors as `datadog_monitor` resources of type `metric alert`. */
export class DatadogBackend implements IMonitorBackend, ISloBackend, ICompositeMonitorBackend, IAnomalyMonitorBackend {
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

  /** Render a monitor. */
  public render(monitor: MonitorConfig): IRenderedMonitor {
    requirePattern(monitor, 'backends', this.id, /^[A-Za-z][A-Za-z0-9_-]*$/, 'backend ids of letters, digits, _ and -');
    return new DatadogRenderedMonitor(monitor, this);
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

function buildQuery(m: MonitorConfig, window: number): { query: string; aws: boolean } {
  const tail = `${Comparisons.symbol(m.comparison)} ${m.critical}`;
  const source = datadogMetricQuery(m, 'signal', m.signal);
  return { query: `${source.aggregation}(${datadogTimeframe(window)}):${source.query} ${tail}`, aws: source.aws };
}
