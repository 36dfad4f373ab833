import { TerraformIterator, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { GrafanaRouting } from './notify';
import { condition, grafanaRuleParts, grafanaWarningTitle, reduce, sortKeys, WARNING_LABELS } from './rules';
import { RuleGroup } from '../../bindings/grafana/rule-group/index';
import { escapedLiteral, libraryScope } from '../../core/private/template-escape';
import type { CatalogMonitorSpec, IRenderedCatalog } from '../../monitors/backend';
import { catalogMonitorLike } from '../../monitors/private/normalize';
import type { GrafanaBackend } from '../grafana-monitor-backend';

/** One catalog monitor prepared for Grafana: its rule group (and warning rule group) as `for_each` values. */
export interface GrafanaCatalogEntry {
  readonly key: string;
  readonly critical: Record<string, unknown>;
  readonly warning?: Record<string, unknown>;
}

/**
 * Check a catalog monitor for Grafana and compute its rule (the same as a `MonitorConfig`'s:
 * the query A, the reduce expression B and the condition C). A monitor's warning rule goes in a
 * rule group of its own (`<title> (warning)`), since a `for_each` resource has the same number
 * of rules in every group.
 */
export function prepareGrafanaCatalogMonitor(catalog: Construct, spec: CatalogMonitorSpec, backend: GrafanaBackend): GrafanaCatalogEntry {
  const m = catalogMonitorLike(catalog, spec);
  const warningTitle = spec.warning === undefined ? undefined : grafanaWarningTitle(spec.title);
  const parts = grafanaRuleParts(m, backend, warningTitle === undefined ? [] : [warningTitle]);
  const routing = new GrafanaRouting(catalog, backend, spec.severity, spec.renotifyInterval);
  for (const t of spec.targets) routing.add(t);
  const query = parts.queries[0];
  const group = (name: string, threshold: number, recovery: number | undefined, extra: Record<string, string>) => ({
    name,
    interval_seconds: spec.period,
    for: parts.forDuration,
    no_data_state: parts.noDataState,
    annotations: parts.annotations,
    labels: sortKeys({ ...parts.labels, ...extra, ...routing.routeLabels }),
    query_datasource_uid: query.datasourceUid,
    query_from: query.relativeTimeRange!.from,
    query_model: query.model,
    condition_model: condition(spec.comparison, threshold, recovery).model,
  });
  return {
    key: spec.id,
    critical: group(spec.title, spec.critical, spec.criticalRecovery, {}),
    warning: spec.warning === undefined ? undefined : group(warningTitle!, spec.warning, spec.warningRecovery, { ...WARNING_LABELS }),
  };
}

/**
 * `grafana_rule_group`s with `for_each` over the prepared monitors, keyed by monitor id: one
 * group per monitor with its rule, and one per warning rule.
 */
export function renderGrafanaCatalog(catalog: Construct, entries: GrafanaCatalogEntry[], backend: GrafanaBackend): IRenderedCatalog {
  const scope = libraryScope(new Construct(catalog, backend.id));
  const provider = backend.connectionFor(catalog).provider;
  const folderUid = backend.folderUidFor(catalog);
  const b = reduce();
  const resources: TerraformResource[] = [];
  const render = (id: string, values: Record<string, Record<string, unknown>>) => {
    if (Object.keys(values).length === 0) return;
    const each = TerraformIterator.fromMap(escapedLiteral(values));
    resources.push(new RuleGroup(scope, id, {
      forEach: each,
      name: each.getString('name'),
      folderUid,
      intervalSeconds: each.getNumber('interval_seconds'),
      rule: [{
        name: each.getString('name'),
        condition: 'C',
        for: each.getString('for'),
        noDataState: each.getString('no_data_state'),
        execErrState: 'Error',
        annotations: each.getStringMap('annotations'),
        labels: each.getStringMap('labels'),
        data: [
          { refId: 'A', datasourceUid: each.getString('query_datasource_uid'), relativeTimeRange: { from: each.getNumber('query_from'), to: 0 }, model: each.getString('query_model') },
          b,
          { refId: 'C', datasourceUid: '__expr__', relativeTimeRange: { from: 0, to: 0 }, model: each.getString('condition_model') },
        ],
      }],
      provider,
    }));
  };
  const groups: Record<string, Record<string, unknown>> = {};
  const warnings: Record<string, Record<string, unknown>> = {};
  for (const e of entries) {
    groups[e.key] = e.critical;
    if (e.warning) warnings[e.key] = e.warning;
  }
  render('RuleGroups', groups);
  render('WarningRuleGroups', warnings);
  return { backend, resources };
}
