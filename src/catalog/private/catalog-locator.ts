import type { SourcePosition } from './source';

/** Where the monitors of a catalog read from a file came from. */
export interface CatalogLocator {
  /** The file, as named in messages. */
  readonly file: string;
  /** The position of `prop` (a dotted path inside the monitor) of the monitor at `index`, when known. */
  locate(index: number, prop: string): SourcePosition | undefined;
  /** How messages name `prop` of the monitor at `index`: its path in the file. */
  field(index: number, prop: string): string | undefined;
}

/**
 * The locator of a `MonitorCatalogProps` object read from a file, so that problems found while
 * rendering (a threshold on the wrong side, a signal a backend cannot evaluate) name the file,
 * line and column. Keyed by the props object itself; code-built catalogs have none.
 */
export const CATALOG_LOCATORS = new WeakMap<object, CatalogLocator>();
