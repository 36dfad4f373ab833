import { Construct } from 'constructs';
import type { MonitorCatalogFileOptions } from './catalog-file-options';
import { readCatalogFile } from './private/catalog-file';
import { renderCatalog, RenderedCatalog } from './private/catalog-render';
import { libraryScope } from '../core/private/template-escape';
import type { IMonitorBackend, IRenderedCatalog } from '../monitors/backend';
import type { MonitorConfig, MonitorDefinition } from '../monitors/monitor-config';
import type { INotificationTarget } from '../notifications/targets';

/** One monitor of a `MonitorCatalog`. */
export interface CatalogMonitor extends MonitorDefinition {
  /**
   * The monitor's key in the catalog: unique, 1-128 characters of `a-z`, `0-9`, `.`, `_` and `-`,
   * starting with a letter or digit. It is the Terraform address key of the monitor on every
   * backend (`datadog_monitor.<catalog>["<id>"]`), so adding or removing a monitor never
   * changes another one's address; renaming the id replaces the monitor.
   */
  readonly id: string;
  /**
   * The backends of this monitor.
   * @default - the catalog's `backends`
   */
  readonly backends?: IMonitorBackend[];
}

/** Props of a `MonitorCatalog`. */
export interface MonitorCatalogProps {
  /** The monitors. */
  readonly monitors: CatalogMonitor[];
  /** The backends every monitor is rendered to (unless it names its own). */
  readonly backends: IMonitorBackend[];
  /**
   * Targets of every monitor, besides each monitor's own `targets`; each hears the monitors
   * whose severity it takes.
   * @default - none
   */
  readonly targets?: INotificationTarget[];
}

/**
 * Many monitors at once, for large estates: the same monitor definitions as `MonitorConfig`,
 * validated the same way, but rendered as one resource per backend with `for_each` over a map
 * keyed by monitor id (a `datadog_monitor`, an `aws_cloudwatch_metric_alarm`…, and a Grafana
 * rule group per folder and evaluation interval) instead of one construct per monitor, which
 * synthesizes thousands of monitors in a fraction of the time.
 *
 * A backend renders catalogs when it implements `ICatalogBackend`; a monitor on any other
 * backend is rendered as a `MonitorConfig` child named after its id.
 *
 * Every problem of every monitor is reported at once, in one ValidationError.
 */
export class MonitorCatalog extends Construct {
  /**
   * A catalog read from a YAML, JSON or CSV file, validated against the published JSON Schema
   * (`schemas/monitor-catalog.schema.json`); every problem of the file is reported at once
   * with its file, line and column.
   */
  public static fromFile(scope: Construct, id: string, options: MonitorCatalogFileOptions): MonitorCatalog {
    const parsed = readCatalogFile(scope, id, options);
    const catalog = new MonitorCatalog(scope, id, parsed.props);
    parsed.build(catalog);
    return catalog;
  }

  /** The monitors, in catalog order. */
  public readonly monitors: CatalogMonitor[];
  private readonly rendered: RenderedCatalog;

  constructor(scope: Construct, id: string, props: MonitorCatalogProps) {
    super(scope, id);
    libraryScope(this);
    this.rendered = renderCatalog(this, props);
    this.monitors = this.rendered.monitors;
  }

  /** What each backend that renders catalogs rendered, in the order first named. */
  public get renderings(): IRenderedCatalog[] {
    return [...this.rendered.renderings.values()];
  }

  /** What the backend with the given id rendered for the whole catalog (a synth error if it rendered nothing). */
  public rendering(backendId: string): IRenderedCatalog {
    const r = this.rendered.renderings.get(backendId);
    if (!r) throw new Error(`${this.node.path}: no catalog rendering by a backend with id ${backendId} (${[...this.rendered.renderings.keys()].join(', ') || 'none'})`);
    return r;
  }

  /**
   * The `MonitorConfig` of a monitor rendered one by one (on a backend without catalog
   * rendering, or whose signal needs a resource of its own), or undefined.
   */
  public monitorConfig(monitorId: string): MonitorConfig | undefined {
    return this.rendered.configs.get(monitorId);
  }
}
