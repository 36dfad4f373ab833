import { TerraformResource } from 'cdktf';
import type { Dashboard } from './dashboard';
import { CloudWatchDashboardOptions, CloudWatchDashboardRenderer } from '../cloudwatch/cloudwatch-dashboard-renderer';
import { DatadogDashboardOptions, DatadogDashboardRenderer } from '../datadog/datadog-dashboard-renderer';
import { GrafanaDashboardOptions, GrafanaDashboardRenderer } from '../grafana/grafana-dashboard-renderer';
import { NewRelicDashboardBackend, NewRelicDashboardOptions } from '../newrelic/newrelic-dashboard-renderer';
import type { Signal } from '../signals/signal';

/**
 * A system a `Dashboard` is drawn on. Datadog, Grafana and CloudWatch ship with the library
 * (`DashboardBackend.datadog()`, `.grafana({...})`, `.cloudwatch()`, `.newRelic()`); another system is another
 * implementation of this interface.
 */
export interface IDashboardBackend {
  /** The kind of system, e.g. `datadog`; raw widgets of this kind (`Widget.raw({ backend })`) are drawn by it. */
  readonly kind: string;
  /** Construct id of what the backend renders under the dashboard (e.g. `Datadog`). */
  readonly id: string;
  /**
   * Render `dashboard` under it (a child construct with id `id`). Widgets are read when the
   * stack is synthesized, so widgets added later are drawn too.
   */
  render(dashboard: Dashboard): IRenderedDashboard;
}

/**
 * A dashboard backend that can tell which signals it draws: an optional capability (the
 * backends of the library have it) that lets a construct choose, per backend, a chart of a
 * signal or a text in its place (the `IntegrationCatalog`'s status dashboard does).
 */
export interface ISignalAwareDashboardBackend extends IDashboardBackend {
  /** Whether a widget over `signal` can be drawn by this backend. */
  canDraw(signal: Signal): boolean;
}

/** What a backend rendered for one dashboard. */
export interface IRenderedDashboard {
  /** The backend that rendered it. */
  readonly backend: IDashboardBackend;
  /** The main L1 resource (the escape hatch): `datadog_dashboard_json`, `grafana_dashboard`, `aws_cloudwatch_dashboard`. */
  readonly resource: TerraformResource;
  /** The dashboard JSON this backend synthesizes, as an object (keys sorted). Validates the dashboard for the backend. */
  renderJson(): { [key: string]: any };
}

/** The dashboard backends that ship with the library. */
export class DashboardBackend {
  /** Datadog: a `datadog_dashboard_json` with an ordered layout, one group per row. */
  public static datadog(options: DatadogDashboardOptions = {}): IDashboardBackend {
    return new DatadogDashboardRenderer(options);
  }

  /** Grafana: a `grafana_dashboard` whose JSON is built with Grafana's foundation SDK model. */
  public static grafana(options: GrafanaDashboardOptions): IDashboardBackend {
    return new GrafanaDashboardRenderer(options);
  }

  /** CloudWatch: an `aws_cloudwatch_dashboard` laid out in rows of the 24-column grid. */
  public static cloudwatch(options: CloudWatchDashboardOptions = {}): IDashboardBackend {
    return new CloudWatchDashboardRenderer(options);
  }

  /** New Relic: a `newrelic_one_dashboard`, one page on its 12-column grid. */
  public static newRelic(options: NewRelicDashboardOptions = {}): IDashboardBackend {
    return new NewRelicDashboardBackend(options);
  }

  private constructor() {}
}
