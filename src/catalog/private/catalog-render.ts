import type { Construct } from 'constructs';
import { CATALOG_LOCATORS } from './catalog-locator';
import { CatalogIssue, CatalogValidationError, IssueCollector } from './source';
import { Errors, pathOf, ValidationError } from '../../core/errors';
import { fail, optionalArray } from '../../core/private/validate';
import type { CatalogMonitorSpec, ICatalogBackend, IMonitorBackend, IRenderedCatalog } from '../../monitors/backend';
import { MonitorConfig } from '../../monitors/monitor-config';
import { checkBackends } from '../../monitors/private/alerting';
import { normalizeMonitor } from '../../monitors/private/normalize';
import { checkTarget, takesSeverity } from '../../notifications/private/check';
import type { INotificationTarget } from '../../notifications/targets';
import type { CatalogMonitor, MonitorCatalogProps } from '../monitor-catalog';

/** Catalog keys: they become Terraform `for_each` keys and resource addresses. */
const ID = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const ID_ACCEPTED = 'a catalog id: 1-128 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit';

function isCatalogBackend(b: IMonitorBackend): b is ICatalogBackend {
  return typeof (b as ICatalogBackend).prepareCatalogMonitor === 'function' && typeof (b as ICatalogBackend).renderCatalog === 'function';
}

/** What rendering a catalog gave. */
export interface RenderedCatalog {
  readonly monitors: CatalogMonitor[];
  /** What each catalog-capable backend rendered, by backend id. */
  readonly renderings: Map<string, IRenderedCatalog>;
  /** The monitors rendered one by one (on backends without catalog rendering), by monitor id. */
  readonly configs: Map<string, MonitorConfig>;
}

/**
 * Validate every monitor of the catalog for every backend it names, report every problem at
 * once, then render: one call of `renderCatalog()` per catalog-capable backend, and a
 * `MonitorConfig` per monitor for the other backends.
 */
export function renderCatalog(catalog: Construct, props: MonitorCatalogProps): RenderedCatalog {
  if (!props || typeof props !== 'object') fail(catalog, 'props', props, 'a MonitorCatalogProps object');
  const locator = CATALOG_LOCATORS.get(props);
  const monitors = optionalArray<CatalogMonitor>(catalog, 'monitors', props.monitors, 'a list of CatalogMonitor');
  const defaultBackends = checkBackends(catalog, props.backends);
  const sharedTargets = optionalArray<INotificationTarget>(catalog, 'targets', props.targets, 'a list of notification targets');
  const checkedShared: INotificationTarget[] = [];
  for (const t of sharedTargets) {
    checkTarget(catalog, checkedShared, t);
    checkedShared.push(t);
  }

  const issues = new IssueCollector();
  const report = (index: number, m: CatalogMonitor | undefined, prop: string, e: unknown) => {
    if (!Errors.isValidationError(e)) throw e;
    const v = e as ValidationError;
    // The error names the catalog; the monitor and prop are what the user needs.
    const key = m && typeof m.id === 'string' ? JSON.stringify(m.id) : String(index);
    const issue: CatalogIssue = locator
      ? { file: locator.file, position: locator.locate(index, v.prop || prop), field: locator.field(index, v.prop || prop) ?? `monitors[${index}].${v.prop || prop}`, received: v.received, accepted: v.accepted }
      : { file: pathOf(catalog), field: `monitors[${key}].${v.prop || prop}`, received: v.received, accepted: v.accepted };
    issues.add(issue);
  };

  const seen = new Map<string, number>();
  const prepared = new Map<ICatalogBackend, any[]>();
  const order: IMonitorBackend[] = [];
  const fallback: Array<{ index: number; monitor: CatalogMonitor; backends: IMonitorBackend[] }> = [];
  monitors.forEach((m, index) => {
    if (!m || typeof m !== 'object') return report(index, undefined, '', new ValidationError(pathOf(catalog), '', String(m), 'a CatalogMonitor object'));
    if (typeof m.id !== 'string' || !ID.test(m.id)) return report(index, m, 'id', new ValidationError(pathOf(catalog), 'id', JSON.stringify(m.id), ID_ACCEPTED));
    if (seen.has(m.id)) {
      return report(index, m, 'id', new ValidationError(pathOf(catalog), 'id', JSON.stringify(m.id), `an id used once in the catalog (monitors[${seen.get(m.id)}] has it)`));
    }
    seen.set(m.id, index);
    let spec: CatalogMonitorSpec;
    let backends: IMonitorBackend[];
    try {
      const n = normalizeMonitor(catalog, m, 'a CatalogMonitor object');
      backends = m.backends === undefined ? defaultBackends : checkBackends(catalog, m.backends);
      const own = optionalArray<INotificationTarget>(catalog, 'targets', m.targets, 'a list of notification targets');
      const all: INotificationTarget[] = [];
      for (const t of [...own, ...checkedShared]) {
        if (all.includes(t)) continue;
        checkTarget(catalog, all, t);
        all.push(t);
      }
      spec = { ...n, id: m.id, targets: all.filter((t) => takesSeverity(t, n.severity)) };
    } catch (e) {
      return report(index, m, '', e);
    }
    const rest: IMonitorBackend[] = [];
    for (const b of backends) {
      if (!isCatalogBackend(b)) {
        rest.push(b);
        continue;
      }
      try {
        const p = b.prepareCatalogMonitor(catalog, spec);
        if (p === undefined) {
          rest.push(b);
          continue;
        }
        if (!prepared.has(b)) {
          prepared.set(b, []);
          order.push(b);
        }
        prepared.get(b)!.push(p);
      } catch (e) {
        report(index, m, '', e);
      }
    }
    if (rest.length) fallback.push({ index, monitor: m, backends: rest });
  });
  if (!issues.empty) throw new CatalogValidationError(pathOf(catalog), locator?.file ?? 'monitors', issues.issues);
  checkDistinctIds(catalog, order);

  const renderings = new Map<string, IRenderedCatalog>();
  for (const b of order) renderings.set(b.id, (b as ICatalogBackend).renderCatalog(catalog, prepared.get(b as ICatalogBackend)!));
  const configs = new Map<string, MonitorConfig>();
  for (const f of fallback) {
    try {
      const own = f.monitor.targets ?? [];
      const targets = [...own, ...checkedShared.filter((t) => !own.includes(t))];
      configs.set(f.monitor.id, new MonitorConfig(catalog, f.monitor.id, { ...f.monitor, backends: f.backends, targets }));
    } catch (e) {
      report(f.index, f.monitor, '', e);
    }
  }
  if (!issues.empty) throw new CatalogValidationError(pathOf(catalog), locator?.file ?? 'monitors', issues.issues);
  return { monitors: [...monitors], renderings, configs };
}

function checkDistinctIds(catalog: Construct, backends: IMonitorBackend[]): void {
  const ids = new Set<string>();
  for (const b of backends) {
    if (ids.has(b.id)) fail(catalog, 'backends', b.id, 'backends with distinct ids across the catalog (give a second backend of a kind its own id)');
    ids.add(b.id);
  }
}
