import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import type { DatadogBackend } from './datadog-monitor-backend';
import { datadogMonitorArgs, datadogMonitorMessage } from './private/monitor-args';
import { DatadogMessage } from './private/notify';
import { IMonitorBackend, IRenderedMonitor } from '../monitors/backend';
import type { MonitorConfig } from '../monitors/monitor-config';
import type { INotificationTarget } from '../notifications/targets';

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
  private readonly notifiesNoData: boolean;

  constructor(monitor: MonitorConfig, backend: DatadogBackend) {
    super(monitor, backend.id);
    this.backend = backend;
    this.monitor = monitor;
    this.notifications = new DatadogMessage(monitor, backend, monitor.severity);
    const conn = backend.connectionFor(monitor);
    const args = datadogMonitorArgs(monitor, backend);
    this.query = args.query;
    this.notifiesNoData = args.notifyNoData;
    this.datadogMonitor = new Monitor(this, 'Resource', {
      name: monitor.title,
      type: 'metric alert',
      query: args.query,
      // Rendered now and again on each addTarget() (cheaper than a lazy token per monitor).
      message: this.renderMessage(),
      priority: args.priority,
      tags: args.tags,
      monitorThresholds: {
        critical: args.critical,
        warning: args.warning,
        criticalRecovery: args.criticalRecovery,
        warningRecovery: args.warningRecovery,
      },
      notifyNoData: args.notifyNoData,
      noDataTimeframe: args.noDataTimeframe,
      renotifyInterval: monitor.renotifyInterval,
      evaluationDelay: args.evaluationDelay,
      requireFullWindow: args.requireFullWindow,
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
    return datadogMonitorMessage(this.monitor, this.notifications, this.notifiesNoData);
  }
}
