import type { Severity } from '../core/severity';
import type { IDashboardBackend } from '../dashboards/dashboard-backend';
import type { IMonitorBackend } from '../monitors/backend';
import type { MissingData } from '../monitors/threshold';
import type { INotificationTarget } from '../notifications/targets';

/**
 * Settings of every monitor of a catalog file, given in code: the lowest level, under the
 * file's own `defaults`, its services and its monitors. The way to give a CSV catalog defaults.
 */
export interface MonitorCatalogDefaults {
  /**
   * The backends of the monitors, by name (keys of `MonitorCatalogFileOptions.backends`).
   * @default - every backend of `MonitorCatalogFileOptions.backends`
   */
  readonly backends?: string[];
  /**
   * Targets of every monitor, by name (keys of `MonitorCatalogFileOptions.targets`).
   * @default - none
   */
  readonly targets?: string[];
  /**
   * Tags of every monitor (the file's tags are merged over them).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Severity.
   * @default Severity.SEV3
   */
  readonly severity?: Severity;
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
   * Number of breaching periods that raise the alert.
   * @default - `evaluationPeriods`
   */
  readonly datapointsToAlarm?: number;
  /**
   * What to do when the signal has no data.
   * @default MissingData.MISSING
   */
  readonly missingData?: MissingData;
  /**
   * Re-notification interval in minutes.
   * @default - no re-notification
   */
  readonly renotifyInterval?: number;
  /**
   * Runbook URL.
   * @default - no runbook link
   */
  readonly runbookUrl?: string;
}

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
  /**
   * Settings of every monitor, under those of the file (the only defaults a CSV file has).
   * @default - the library's defaults; every backend of `backends`
   */
  readonly defaults?: MonitorCatalogDefaults;
}
