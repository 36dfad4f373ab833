import type { IDashboardBackend } from '../dashboards/dashboard-backend';
import type { IMonitorBackend } from '../monitors/backend';
import type { INotificationTarget } from '../notifications/targets';

/** How `MonitorCatalog.fromFile()` reads a catalog file. */
export interface MonitorCatalogFileOptions {
  /** Path of the file: `.yaml`/`.yml`, `.json` or `.csv`. */
  readonly file: string;
  /**
   * The backends the file may name, by the name it uses (e.g. `datadog`, `cloudwatch`, `grafana`).
   */
  readonly backends: { [name: string]: IMonitorBackend };
  /**
   * The notification targets the file may name, by the name it uses.
   * @default - the file names no target
   */
  readonly targets?: { [name: string]: INotificationTarget };
  /**
   * The dashboard backends the file's dashboards may name, by the name it uses.
   * @default - the file declares no dashboard
   */
  readonly dashboardBackends?: { [name: string]: IDashboardBackend };
}
