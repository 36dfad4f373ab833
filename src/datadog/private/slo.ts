import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { ServiceLevelObjective } from '@cdktf/provider-datadog/lib/service-level-objective';
import { Annotations, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { DatadogAlert, DatadogRenderedAlerts } from './alerts';
import { DatadogMessage } from './notify';
import { datadogMetricQuery, datadogTags } from './query';
import { fail, isToken } from '../../core/private/validate';
import { Severities } from '../../core/severity';
import type { Slo } from '../../monitors/slo';
import { matchSignal } from '../../signals/private/match';
import { Signal, Statistic } from '../../signals/signal';
import type { DatadogBackend } from '../datadog-monitor-backend';
import { DatadogRenderedMonitor } from '../datadog-rendered-monitor';

// Datadog burn-rate alerts: "1 hour <= long window <= 48 hours", the short window "must always be
// less than the long window", and 0 < burn rate <= 1 / (1 - SLO target)
// (docs.datadoghq.com/service_management/service_level_objectives/burn_rate).
const LONG_MIN = 60;
const LONG_MAX = 48 * 60;

/** The SLO's Datadog rendering: the `datadog_service_level_objective` and one `slo alert` monitor per burn-rate alert. */
export class DatadogRenderedSlo extends DatadogRenderedAlerts {
  constructor(backend: DatadogBackend, resources: TerraformResource[], alerts: DatadogAlert[], public readonly slo: ServiceLevelObjective) {
    super(backend, resources, alerts);
  }
}

/** A counted signal: CloudWatch metrics without a statistic are summed (SLO indicators count events). */
function withSum(s: Signal): Signal {
  return matchSignal(s, {
    cloudWatchMetric: (p) => (p.statistic ? s : s.withStatistic(Statistic.SUM)),
    cloudWatchExpression: () => s,
    datadogQuery: () => s,
    promQl: () => s,
    nrql: () => s,
  });
}

export function renderDatadogSlo(slo: Slo, backend: DatadogBackend): DatadogRenderedSlo {
  const parent = new Construct(slo, backend.id);
  const conn = backend.connectionFor(slo);
  const ratio = slo.indicator.ratioProps;
  let objective: ServiceLevelObjective;
  const common = {
    name: slo.name,
    description: slo.message,
    // thresholds: timeframe 7d, 30d or 90d and a target (terraform-provider-datadog docs/resources/service_level_objective.md).
    thresholds: [{ timeframe: slo.window, target: slo.target }],
    tags: datadogTags(slo, slo.pageSeverity, slo.tags).filter((x) => !x.startsWith('severity:')),
    provider: conn.provider,
  };
  if (ratio) {
    const good = datadogMetricQuery(slo, 'indicator.good', withSum(ratio.good));
    const total = datadogMetricQuery(slo, 'indicator.total', withSum(ratio.total));
    for (const [k, q] of [['good', good.query], ['total', total.query]]) {
      // Metric SLOs: "count metrics using the sum aggregator" (same page).
      if (!isToken(q) && !q.startsWith('sum:')) Annotations.of(slo).addWarning(`${slo.node.path}: Datadog metric SLOs expect count metrics with the sum aggregator; indicator.${k} is ${q}`);
    }
    objective = new ServiceLevelObjective(parent, 'Resource', { ...common, type: 'metric', query: { numerator: good.query, denominator: total.query } });
  } else {
    const ids = slo.indicator.monitorList!.map((m) => {
      const r = m.renderings.find((x) => x.backend.id === backend.id);
      if (!r || !(r instanceof DatadogRenderedMonitor)) fail(slo, 'indicator.monitors', m.node.path, `monitors rendered to the Datadog backend ${backend.id}`);
      if (TerraformStack.of(m) !== TerraformStack.of(slo)) fail(slo, 'indicator.monitors', m.node.path, 'monitors of the SLO\'s own stack');
      return Token.asNumber(r.datadogMonitor.id);
    });
    objective = new ServiceLevelObjective(parent, 'Resource', { ...common, type: 'monitor', monitorIds: ids });
  }
  const resources: TerraformResource[] = [];
  const alerts: DatadogAlert[] = [];
  slo.burnRateAlerts.forEach((a, i) => {
    const p = a.props;
    if (p.longWindowMinutes < LONG_MIN || p.longWindowMinutes > LONG_MAX || p.longWindowMinutes % 60 !== 0) {
      fail(slo, `burnRateAlerts[${i}].longWindowMinutes`, p.longWindowMinutes,
        'for Datadog whole hours from 1 to 48 hours (60-2880 minutes; Datadog burn-rate alerts); replace the SRE workbook\'s 3-day ticket, e.g. with BurnRateAlert.ticket(3, 1440, 120) as BurnRateAlert.defaults() does');
    }
    const severity = slo.severityOf(a);
    const notifications = new DatadogMessage(slo, backend, severity);
    const message = () => notifications.render(slo.alertMessage(a), slo.runbookUrl);
    // SLO burn-rate alert query (docs.datadoghq.com/service_management/service_level_objectives/burn_rate, "API and Terraform").
    const query = `burn_rate("${objective.id}").over("${slo.window}").long_window("${p.longWindowMinutes / 60}h").short_window("${p.shortWindowMinutes}m") > ${p.burnRate}`;
    const monitor = new Monitor(parent, `BurnRate${i}`, {
      name: slo.alertTitle(a),
      type: 'slo alert',
      query,
      message: message(),
      priority: String(Severities.rank(severity)),
      tags: datadogTags(slo, severity, slo.tags),
      monitorThresholds: { critical: String(p.burnRate) },
      includeTags: true,
      provider: conn.provider,
    });
    resources.push(monitor);
    alerts.push({ severity, monitor, notifications, message });
  });
  return new DatadogRenderedSlo(backend, resources, alerts, objective);
}
