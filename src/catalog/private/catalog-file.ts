import { IConstruct } from 'constructs';
import type { MonitorCatalogFileOptions } from '../catalog-file-options';
import type { MonitorCatalogProps } from '../monitor-catalog';

/** A catalog file, read and validated. */
export interface ParsedCatalogFile {
  /** The catalog's props (registered in CATALOG_LOCATORS with the file's positions). */
  readonly props: MonitorCatalogProps;
  /** Adds what the file declares besides monitors (SLOs, dashboards) under the catalog. */
  build(catalog: IConstruct): void;
}

/** Read and validate a catalog file; every problem is reported at once. */
export function readCatalogFile(scope: IConstruct, id: string, options: MonitorCatalogFileOptions): ParsedCatalogFile {
  throw new Error(`${scope.node.path}/${id}: reading ${options.file}: catalog files are not read yet`);
}
