import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { GrafanaRouting } from './notify';
import { RuleGroup, RuleGroupRule } from '../../bindings/grafana/rule-group';
import { claimName } from '../../core/private/stack-registry';
import { EscapingLazy } from '../../core/private/template-escape';
import { fail, requireString } from '../../core/private/validate';
import { Severities, Severity } from '../../core/severity';
import { IRenderedAlerts } from '../../monitors/backend';
import { shortDuration } from '../../monitors/private/alerting';
import type { Slo } from '../../monitors/slo';
import { takesSeverity } from '../../notifications/private/check';
import type { INotificationTarget } from '../../notifications/targets';
import { SignalKind } from '../../signals/signal';
import type { GrafanaBackend } from '../grafana-monitor-backend';

// A PromQL metric selector: name and optional label matchers.
const PROM_SELECTOR = /^[A-Za-z_:][A-Za-z0-9_:]*(\{[^{}]*\})?$/;
// Grafana: alert rule titles and rule group names are at most 190 characters
// (AlertRuleMaxTitleLength and AlertRuleMaxRuleGroupNameLength in pkg/services/ngalert/models).
const TITLE_MAX = 190;

/** The SLO's Grafana rule group; each severity's targets are routed by their own labels. */
class GrafanaRenderedSlo implements IRenderedAlerts {
  constructor(
    public readonly backend: GrafanaBackend,
    public readonly resources: TerraformResource[],
    private readonly routings: Array<{ severity: Severity; routing: GrafanaRouting }>,
  ) {}

  public addTarget(target: INotificationTarget): void {
    for (const r of this.routings) if (takesSeverity(target, r.severity)) r.routing.add(target);
  }
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

/**
 * An SLO on Grafana (ratio of PromQL counter selectors): a rule group with one rule per alert
 * whose condition is `long burn rate >= x && short burn rate >= x`.
 */
export function renderGrafanaSlo(slo: Slo, backend: GrafanaBackend): IRenderedAlerts {
  const ratio = slo.indicator.ratioProps;
  if (!ratio) fail(slo, 'indicator', 'SloIndicator.monitors(...)', 'for Grafana a ratio indicator of PromQL counters');
  const sel: Record<string, string> = {};
  for (const k of ['good', 'total'] as const) {
    const s = ratio[k];
    if (s.kind !== SignalKind.PROMQL || !PROM_SELECTOR.test(s.promQlProps!.query.trim())) {
      fail(slo, `indicator.${k}`, s.toString(), 'for Grafana a PromQL counter selector such as http_requests_total{job="checkout",code!~"5.."} (the library wraps it in increase() per window)');
    }
    sel[k] = s.promQlProps!.query.trim();
  }
  const parent = new Construct(slo, backend.id);
  requireString(slo, 'datasourceUid', backend.options.datasourceUid, 'a Grafana data source UID');
  const datasourceUid = backend.datasourceUidFor(slo, 'prometheus');
  const conn = backend.connectionFor(slo);
  const folderUid = backend.folderUidFor(slo);
  if (slo.name.length > TITLE_MAX) fail(slo, 'name', slo.name, `for Grafana a name of 1-${TITLE_MAX} characters`);
  if (!claimName(slo, backend._ruleGroupNamespace(slo), slo.name)) {
    fail(slo, 'name', slo.name, 'a name not used by another rule group in the same Grafana folder of this stack');
  }
  for (const k of Object.keys(slo.tags)) {
    // Grafana alerting labels follow the Prometheus data model (prometheus.io/docs/concepts/data_model).
    if (!/^(?!__)[A-Za-z_][A-Za-z0-9_]*$/.test(k)) fail(slo, `tags.${k}`, k, 'for Grafana a label name: a letter or _, then letters, digits or _, not starting with __');
  }
  const budget = slo.errorBudget;
  const routings = [...new Set(slo.burnRateAlerts.map((a) => slo.severityOf(a)))]
    .map((severity) => ({ severity, routing: new GrafanaRouting(slo, backend, severity) }));
  // Every rule carries the labels of every target (the routes match the severity too).
  const routeLabels = () => Object.assign({}, ...routings.map((r) => r.routing.routeLabels)) as Record<string, string>;
  const burn = (minutes: number) => {
    const w = shortDuration(minutes);
    return `(1 - sum(increase(${sel.good}[${w}])) / sum(increase(${sel.total}[${w}]))) / ${budget}`;
  };
  const rules: RuleGroupRule[] = slo.burnRateAlerts.map((a) => {
    const p = a.props;
    const severity = slo.severityOf(a);
    const query = (refId: string, minutes: number) => ({
      refId,
      datasourceUid,
      relativeTimeRange: { from: minutes * 60, to: 0 },
      model: JSON.stringify({ refId, expr: burn(minutes), instant: true, range: false }),
    });
    const labels = { ...slo.tags, severity: Severities.label(severity), pagerduty_severity: Severities.pagerDutySeverity(severity) };
    return {
      name: slo.alertTitle(a).slice(0, TITLE_MAX),
      condition: 'C',
      // Both windows must burn at least this fast; the short window already debounces, so no pending period.
      for: '0s',
      noDataState: 'OK',
      execErrState: 'Error',
      annotations: {
        summary: slo.alertTitle(a),
        description: slo.alertMessage(a),
        ...(slo.runbookUrl ? { runbook_url: slo.runbookUrl } : {}),
      },
      labels: EscapingLazy.anyValue({ produce: () => sortKeys({ ...labels, ...routeLabels() }) }) as any,
      data: [
        query('A', p.longWindowMinutes),
        query('B', p.shortWindowMinutes),
        {
          refId: 'C',
          datasourceUid: '__expr__',
          relativeTimeRange: { from: 0, to: 0 },
          model: JSON.stringify({ refId: 'C', type: 'math', expression: `$A >= ${p.burnRate} && $B >= ${p.burnRate}` }),
        },
      ],
    };
  });
  const group = new RuleGroup(parent, 'Resource', {
    name: slo.name,
    folderUid,
    intervalSeconds: 60,
    rule: rules,
    provider: conn.provider,
  });
  return new GrafanaRenderedSlo(backend, [group], routings);
}
