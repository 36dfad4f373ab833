import type { Construct } from 'constructs';
import type { CatalogMonitor, MonitorCatalogProps } from '../monitor-catalog';

/** Validate and render a catalog's monitors; returns them in catalog order. */
export function renderCatalog(catalog: Construct, props: MonitorCatalogProps): CatalogMonitor[] {
  throw new Error(`${catalog.node.path}: catalogs are not rendered yet (${props.monitors.length} monitors)`);
}
