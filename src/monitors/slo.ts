import { CloudwatchCompositeAlarm } from '@cdktf/provider-aws/lib/cloudwatch-composite-alarm';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { ServiceLevelObjective } from '@cdktf/provider-datadog/lib/service-level-objective';
import { Annotations, Lazy, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { IMonitorBackend } from './backend';
import { MonitorConfig } from './monitor-config';
import { RuleGroup, RuleGroupRule } from '../bindings/grafana/rule-group/index';
import { CloudWatchBackend } from '../cloudwatch/cloudwatch-monitor-backend';
import { claimName } from '../core/private/stack-registry';
import { fail, isToken, requireString } from '../core/private/validate';
import { Severities, Severity } from '../core/severity';
import { DatadogConnection } from '../datadog/datadog-connection';
import { DatadogBackend, DatadogRenderedMonitor } from '../datadog/datadog-monitor-backend';
import { GrafanaBackend } from '../grafana/grafana-monitor-backend';
import {
  AlertBasics, awsTags, checkBackends, checkTarget, CloudWatchActions, datadogMetricQuery, datadogTags, DatadogNotifications,
  requireFinite, shortDuration, validateBasics, validateSeverity,
} from './private/alerting';
import { GrafanaNotificationPolicy, MatchOperator } from '../grafana/grafana-notification-policy';
import type { INotificationTarget } from '../notifications/targets';
import { Signal, SignalKind, Statistic } from '../signals/signal';

/** The rolling window an SLO is measured over (the windows Datadog SLOs accept). */
export enum SloWindow {
  /** 7 days. */
  SEVEN_DAYS = '7d',
  /** 30 days. */
  THIRTY_DAYS = '30d',
  /** 90 days. */
  NINETY_DAYS = '90d',
}

const WINDOW_MINUTES: Record<SloWindow, number> = {
  [SloWindow.SEVEN_DAYS]: 7 * 1440,
  [SloWindow.THIRTY_DAYS]: 30 * 1440,
  [SloWindow.NINETY_DAYS]: 90 * 1440,
};

/** How urgent a burn-rate alert is: it takes the SLO's page or ticket severity. */
export enum BurnRateUrgency {
  /** Wake someone up: the SLO's `pageSeverity`. */
  PAGE = 'PAGE',
  /** Handle in working hours: the SLO's `ticketSeverity`. */
  TICKET = 'TICKET',
}

/** One multi-window burn-rate alert: alert when both windows burn the error budget at least this fast. */
export interface BurnRateAlertProps {
  /** The burn rate (1 = the error budget lasts exactly the SLO window). */
  readonly burnRate: number;
  /** The long window in minutes. */
  readonly longWindowMinutes: number;
  /** The short window in minutes (shorter than the long one; it makes the alert recover quickly). */
  readonly shortWindowMinutes: number;
  /** Page or ticket. */
  readonly urgency: BurnRateUrgency;
}

/**
 * A multi-window burn-rate alert of an `Slo`. `BurnRateAlert.sreWorkbook()` gives the three of
 * the Google SRE workbook ("Alerting on SLOs", multiwindow multi-burn-rate alerts): page at
 * 14.4× over 1 hour and 5 minutes, page at 6× over 6 hours and 30 minutes, ticket at 1× over
 * 3 days and 6 hours.
 */
export class BurnRateAlert {
  /** A paging alert. */
  public static page(burnRate: number, longWindowMinutes: number, shortWindowMinutes: number): BurnRateAlert {
    return new BurnRateAlert({ burnRate, longWindowMinutes, shortWindowMinutes, urgency: BurnRateUrgency.PAGE });
  }

  /** A ticket alert. */
  public static ticket(burnRate: number, longWindowMinutes: number, shortWindowMinutes: number): BurnRateAlert {
    return new BurnRateAlert({ burnRate, longWindowMinutes, shortWindowMinutes, urgency: BurnRateUrgency.TICKET });
  }

  /**
   * The SRE workbook's alerts: page 14.4× (1 h / 5 min), page 6× (6 h / 30 min), ticket 1×
   * (3 d / 6 h). Datadog burn-rate alerts take long windows of at most 48 hours, so for Datadog
   * replace the ticket, e.g. with `BurnRateAlert.ticket(3, 1440, 120)` (Datadog's recommendation
   * for 30-day SLOs).
   */
  public static sreWorkbook(): BurnRateAlert[] {
    return [BurnRateAlert.page(14.4, 60, 5), BurnRateAlert.page(6, 360, 30), BurnRateAlert.ticket(1, 4320, 360)];
  }

  /** The alert. */
  public readonly props: BurnRateAlertProps;

  constructor(props: BurnRateAlertProps) {
    this.props = { ...props };
    Object.freeze(this);
  }

  /** A short name: `14.4x 1h/5m`. */
  public toString(): string {
    return `${this.props.burnRate}x ${shortDuration(this.props.longWindowMinutes)}/${shortDuration(this.props.shortWindowMinutes)}`;
  }
}

/** A good/total ratio. */
export interface SloRatioProps {
  /** Good events (a count: Datadog `sum:…as_count()` query, CloudWatch metric summed, PromQL counter selector). */
  readonly good: Signal;
  /** All events. */
  readonly total: Signal;
}

/** What an SLO measures: a ratio of good to total events, or the uptime of monitors (Datadog only). */
export class SloIndicator {
  /** Good events over total events. */
  public static ratio(props: SloRatioProps): SloIndicator {
    return new SloIndicator(props, undefined);
  }

  /** The time the monitors are not alerting (a Datadog monitor-based SLO; Datadog backends only). */
  public static monitors(monitors: MonitorConfig[]): SloIndicator {
    return new SloIndicator(undefined, [...(monitors ?? [])]);
  }

  /**
   * The ratio.
   * @default - monitor-based
   */
  public readonly ratioProps?: SloRatioProps;
  /**
   * The monitors.
   * @default - ratio-based
   */
  public readonly monitorList?: MonitorConfig[];

  private constructor(ratio?: SloRatioProps, monitors?: MonitorConfig[]) {
    this.ratioProps = ratio ? { ...ratio } : undefined;
    this.monitorList = monitors;
    Object.freeze(this);
  }
}

/** Props of an `Slo`. */
export interface SloProps {
  /** The SLO's name (Datadog SLO name; prefix of alert names). */
  readonly name: string;
  /**
   * What the SLO promises, for alert messages.
   * @default - the name
   */
  readonly message?: string;
  /** The target in percent, greater than 0 and less than 100, e.g. 99.9. */
  readonly target: number;
  /**
   * The rolling window.
   * @default SloWindow.THIRTY_DAYS
   */
  readonly window?: SloWindow;
  /** What is measured. */
  readonly indicator: SloIndicator;
  /**
   * The burn-rate alerts.
   * @default BurnRateAlert.sreWorkbook()
   */
  readonly burnRateAlerts?: BurnRateAlert[];
  /**
   * Severity of PAGE alerts (fast burn).
   * @default Severity.SEV2
   */
  readonly pageSeverity?: Severity;
  /**
   * Severity of TICKET alerts (slow burn).
   * @default Severity.SEV4
   */
  readonly ticketSeverity?: Severity;
  /**
   * Where responders find what to do.
   * @default - no runbook link
   */
  readonly runbookUrl?: string;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Who to notify (each alert notifies the targets that take its severity).
   * @default - none
   */
  readonly targets?: INotificationTarget[];
  /**
   * Datadog (`datadog_service_level_objective` and `slo alert` monitors with `burn_rate()`
   * queries), CloudWatch (metric-math burn-rate alarms per window, joined by composite alarms)
   * and Grafana (one rule per alert over PromQL counters).
   */
  readonly backends: IMonitorBackend[];
}

// Datadog burn-rate alerts: "1 hour <= long window <= 48 hours", the short window "must always be
// less than the long window", and 0 < burn rate <= 1 / (1 - SLO target)
// (docs.datadoghq.com/service_management/service_level_objectives/burn_rate).
const DD_LONG_MIN = 60;
const DD_LONG_MAX = 48 * 60;
// A PromQL metric selector: name and optional label matchers.
const PROM_SELECTOR = /^[A-Za-z_:][A-Za-z0-9_:]*(\{[^{}]*\})?$/;

interface Rendered {
  readonly severity: Severity;
  readonly notifier: { add(t: INotificationTarget): void };
}

/**
 * A service level objective with multi-window, multi-burn-rate alerts.
 *
 * - Datadog: a `datadog_service_level_objective` (type `metric` for a ratio, `monitor` for
 *   monitors) with a threshold for the window, and per alert a `datadog_monitor` of type
 *   `slo alert` with the query `burn_rate("<slo>").over("<window>").long_window("1h").short_window("5m") > 14.4`.
 * - CloudWatch (ratio of CloudWatch metrics): per alert two metric-math alarms computing
 *   `(total - good) / total / (1 - target)` over the long and the short window, and an
 *   `aws_cloudwatch_composite_alarm` `ALARM(long) AND ALARM(short)` that notifies.
 * - Grafana (ratio of PromQL counter selectors): a rule group with one rule per alert whose
 *   condition is `long burn rate >= x && short burn rate >= x`.
 *
 * PAGE alerts take `pageSeverity`, TICKET alerts `ticketSeverity`; targets hear the alerts whose
 * severity they take. Secrets: none of its own.
 */
export class Slo extends Construct {
  /** The target in percent. */
  public readonly target: number;
  /** The window. */
  public readonly window: SloWindow;
  /** The alerts. */
  public readonly burnRateAlerts: BurnRateAlert[];
  /** Severity of PAGE alerts. */
  public readonly pageSeverity: Severity;
  /** Severity of TICKET alerts. */
  public readonly ticketSeverity: Severity;
  private readonly basics: AlertBasics;
  private readonly indicator: SloIndicator;
  private readonly rendered: Rendered[] = [];
  private readonly _targets: INotificationTarget[] = [];
  private readonly alertResources = new Map<string, TerraformResource[]>();
  private _datadogSlo?: ServiceLevelObjective;

  constructor(scope: Construct, id: string, props: SloProps) {
    super(scope, id);
    this.basics = validateBasics(this, props, 'name');
    const t = requireFinite(this, 'target', props.target, 'a percentage greater than 0 and less than 100');
    if (t <= 0 || t >= 100) fail(this, 'target', t, 'a percentage greater than 0 and less than 100');
    this.target = t;
    this.window = props.window ?? SloWindow.THIRTY_DAYS;
    if (!Object.values(SloWindow).includes(this.window)) fail(this, 'window', this.window, 'a SloWindow (SEVEN_DAYS, THIRTY_DAYS, NINETY_DAYS)');
    this.pageSeverity = validateSeverity(this, 'pageSeverity', props.pageSeverity, Severity.SEV2);
    this.ticketSeverity = validateSeverity(this, 'ticketSeverity', props.ticketSeverity, Severity.SEV4);
    if (!(props.indicator instanceof SloIndicator)) fail(this, 'indicator', props.indicator, 'an SloIndicator (SloIndicator.ratio({ good, total }) or SloIndicator.monitors([...]))');
    this.indicator = props.indicator;
    if (this.indicator.ratioProps) {
      for (const k of ['good', 'total'] as const) {
        if (!(this.indicator.ratioProps[k] instanceof Signal)) fail(this, `indicator.${k}`, this.indicator.ratioProps[k], 'a Signal');
      }
    } else if (this.indicator.monitorList!.length === 0 || !this.indicator.monitorList!.every((m) => m instanceof MonitorConfig)) {
      fail(this, 'indicator.monitors', this.indicator.monitorList, 'a non-empty list of MonitorConfig');
    }
    this.burnRateAlerts = this.validateAlerts(props.burnRateAlerts ?? BurnRateAlert.sreWorkbook());
    for (const b of checkBackends(this, props.backends)) {
      const parent = new Construct(this, b.id);
      if (b.kind === 'datadog') this.renderDatadog(parent, b as DatadogBackend);
      else if (b.kind === 'cloudwatch') this.renderCloudWatch(parent, b as CloudWatchBackend);
      else if (b.kind === 'grafana') this.renderGrafana(parent, b as GrafanaBackend);
      else fail(this, 'backends', b.id, `Datadog, CloudWatch or Grafana backends (SLOs are not supported for ${b.kind})`);
    }
    for (const target of props.targets ?? []) this.addTarget(target);
  }

  /**
   * The `datadog_service_level_objective` of the first Datadog backend (escape hatch).
   * @default - no Datadog backend
   */
  public get datadogSlo(): ServiceLevelObjective | undefined {
    return this._datadogSlo;
  }

  /** The error budget as a fraction: `1 - target / 100` (rounded to 12 significant digits). */
  public get errorBudget(): number {
    return Number((1 - this.target / 100).toPrecision(12));
  }

  /** Notify `target` of every alert whose severity it takes. */
  public addTarget(target: INotificationTarget): void {
    checkTarget(this, this._targets, target);
    this._targets.push(target);
    if (!Array.isArray(target.severities)) return;
    for (const r of this.rendered) if (target.severities.includes(r.severity)) r.notifier.add(target);
  }

  /**
   * The resources that notify for each alert of a backend, in the order of `burnRateAlerts`:
   * `datadog_monitor`s, `aws_cloudwatch_composite_alarm`s, or the one `grafana_rule_group`.
   */
  public alertResourcesFor(backendId: string): TerraformResource[] {
    const r = this.alertResources.get(backendId);
    if (!r) throw new Error(`${this.node.path}: no backend with id ${backendId}`);
    return [...r];
  }

  private severityOf(a: BurnRateAlert): Severity {
    return a.props.urgency === BurnRateUrgency.PAGE ? this.pageSeverity : this.ticketSeverity;
  }

  private validateAlerts(alerts: unknown): BurnRateAlert[] {
    if (!Array.isArray(alerts) || alerts.length === 0) fail(this, 'burnRateAlerts', alerts, 'a non-empty list of BurnRateAlert');
    const windowMinutes = WINDOW_MINUTES[this.window];
    const maxRate = 1 / this.errorBudget;
    const seen = new Set<string>();
    alerts.forEach((a, i) => {
      const prop = `burnRateAlerts[${i}]`;
      if (!(a instanceof BurnRateAlert)) fail(this, prop, a, 'a BurnRateAlert (BurnRateAlert.page(), ticket(), sreWorkbook())');
      const p = a.props;
      const rate = requireFinite(this, `${prop}.burnRate`, p.burnRate, `a burn rate greater than 0 and at most 1 / (1 - target) = ${Number(maxRate.toPrecision(6))}`);
      // Above 1 / (1 - target) the error ratio would have to exceed 100%: the alert could never fire.
      if (rate <= 0 || rate > maxRate + 1e-9) fail(this, `${prop}.burnRate`, rate, `a burn rate greater than 0 and at most 1 / (1 - target) = ${Number(maxRate.toPrecision(6))}`);
      for (const k of ['longWindowMinutes', 'shortWindowMinutes'] as const) {
        const v = p[k];
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail(this, `${prop}.${k}`, v, 'a whole number of minutes, at least 1');
      }
      if (p.longWindowMinutes > windowMinutes) {
        fail(this, `${prop}.longWindowMinutes`, p.longWindowMinutes, `at most the SLO window (${this.window} = ${windowMinutes} minutes)`);
      }
      if (p.shortWindowMinutes >= p.longWindowMinutes) {
        fail(this, `${prop}.shortWindowMinutes`, p.shortWindowMinutes, `less than longWindowMinutes (${p.longWindowMinutes})`);
      }
      if (!Object.values(BurnRateUrgency).includes(p.urgency)) fail(this, `${prop}.urgency`, p.urgency, 'a BurnRateUrgency (PAGE, TICKET)');
      const key = a.toString();
      if (seen.has(key)) fail(this, prop, key, 'distinct burn-rate alerts');
      seen.add(key);
    });
    return [...alerts];
  }

  private alertTitle(a: BurnRateAlert): string {
    return `${this.basics.title}: burn rate ${a.toString()}`;
  }

  private alertMessage(a: BurnRateAlert): string {
    const days = WINDOW_MINUTES[this.window] / 1440;
    return `${this.basics.message}\n\nThe error budget of the ${this.target}% SLO over ${days} days burns at ${a.props.burnRate}× or faster `
      + `over the last ${shortDuration(a.props.longWindowMinutes)} and ${shortDuration(a.props.shortWindowMinutes)}.`;
  }

  private renderDatadog(parent: Construct, backend: DatadogBackend): void {
    const conn = backend.options.connection ?? DatadogConnection.of(this);
    const ratio = this.indicator.ratioProps;
    let slo: ServiceLevelObjective;
    const common = {
      name: this.basics.title,
      description: this.basics.message,
      // thresholds: timeframe 7d, 30d or 90d and a target (terraform-provider-datadog docs/resources/service_level_objective.md).
      thresholds: [{ timeframe: this.window, target: this.target }],
      tags: datadogTags(this, this.pageSeverity, this.basics.tags).filter((x) => !x.startsWith('severity:')),
      provider: conn.provider,
    };
    if (ratio) {
      const good = datadogMetricQuery(this, 'indicator.good', withSum(ratio.good));
      const total = datadogMetricQuery(this, 'indicator.total', withSum(ratio.total));
      for (const [k, q] of [['good', good.query], ['total', total.query]]) {
        // Metric SLOs: "count metrics using the sum aggregator" (same page).
        if (!isToken(q) && !q.startsWith('sum:')) Annotations.of(this).addWarning(`${this.node.path}: Datadog metric SLOs expect count metrics with the sum aggregator; indicator.${k} is ${q}`);
      }
      slo = new ServiceLevelObjective(parent, 'Resource', { ...common, type: 'metric', query: { numerator: good.query, denominator: total.query } });
    } else {
      const ids = this.indicator.monitorList!.map((m) => {
        const r = m.renderings.find((x) => x.backend.id === backend.id);
        if (!r || !(r instanceof DatadogRenderedMonitor)) fail(this, 'indicator.monitors', m.node.path, `monitors rendered to the Datadog backend ${backend.id}`);
        if (TerraformStack.of(m) !== TerraformStack.of(this)) fail(this, 'indicator.monitors', m.node.path, 'monitors of the SLO\'s own stack');
        return Token.asNumber(r.datadogMonitor.id);
      });
      slo = new ServiceLevelObjective(parent, 'Resource', { ...common, type: 'monitor', monitorIds: ids });
    }
    this._datadogSlo = this._datadogSlo ?? slo;
    const resources: TerraformResource[] = [];
    this.burnRateAlerts.forEach((a, i) => {
      const p = a.props;
      if (p.longWindowMinutes < DD_LONG_MIN || p.longWindowMinutes > DD_LONG_MAX || p.longWindowMinutes % 60 !== 0) {
        fail(this, `burnRateAlerts[${i}].longWindowMinutes`, p.longWindowMinutes,
          'for Datadog whole hours from 1 to 48 hours (60-2880 minutes; Datadog burn-rate alerts); replace the SRE workbook\'s 3-day ticket, e.g. with BurnRateAlert.ticket(3, 1440, 120)');
      }
      const severity = this.severityOf(a);
      const notes = new DatadogNotifications(this, backend, severity);
      // SLO burn-rate alert query (docs.datadoghq.com/service_management/service_level_objectives/burn_rate, "API and Terraform").
      const query = `burn_rate("${slo.id}").over("${this.window}").long_window("${p.longWindowMinutes / 60}h").short_window("${p.shortWindowMinutes}m") > ${p.burnRate}`;
      const monitor = new Monitor(parent, `BurnRate${i}`, {
        name: this.alertTitle(a),
        type: 'slo alert',
        query,
        message: Lazy.stringValue({ produce: () => notes.render(this.alertMessage(a), this.basics.runbookUrl) }),
        priority: String(Severities.rank(severity)),
        tags: datadogTags(this, severity, this.basics.tags),
        monitorThresholds: { critical: String(p.burnRate) },
        renotifyInterval: this.basics.renotifyInterval,
        includeTags: true,
        provider: conn.provider,
      });
      resources.push(monitor);
      this.rendered.push({ severity, notifier: notes });
    });
    this.alertResources.set(backend.id, resources);
  }

  private renderCloudWatch(parent: Construct, backend: CloudWatchBackend): void {
    const ratio = this.indicator.ratioProps;
    if (!ratio) fail(this, 'indicator', 'SloIndicator.monitors(...)', 'for CloudWatch a ratio indicator (CloudWatch has no monitor-based SLO)');
    for (const k of ['good', 'total'] as const) {
      const s = ratio[k];
      if (s.kind !== SignalKind.CLOUDWATCH_METRIC) fail(this, `indicator.${k}`, s.toString(), 'for CloudWatch a CloudWatch metric (Signal.cloudWatchMetric or Signal.awsMetric)');
    }
    const conn = backend._connection(this);
    const budget = this.errorBudget;
    const resources: TerraformResource[] = [];
    const claim = (name: string) => {
      if (!claimName(this, `cloudwatch-alarm:${conn.node.path}`, name)) {
        fail(this, 'name', this.basics.title, 'a name whose alarm names are not used by another alarm of this stack in the same CloudWatch account and region');
      }
    };
    this.burnRateAlerts.forEach((a, i) => {
      const p = a.props;
      const severity = this.severityOf(a);
      const tags = awsTags(this, severity, this.basics.tags);
      const windowAlarm = (which: string, minutes: number) => {
        const seconds = minutes * 60;
        // PutMetricAlarm: a period of a multiple of 60 seconds; period × evaluation periods at most
        // one day for periods under an hour, 7 days otherwise.
        if (seconds > 604_800) fail(this, `burnRateAlerts[${i}].longWindowMinutes`, minutes, 'for CloudWatch at most 7 days (10080 minutes)');
        const name = `${this.alertTitle(a)} (${shortDuration(minutes)})`;
        claim(name);
        const metric = (s: Signal) => {
          const m = s.cloudWatchMetricProps!;
          const d = m.dimensions ?? {};
          const keys = Object.keys(d).sort();
          return {
            namespace: m.namespace,
            metricName: m.metricName,
            period: seconds,
            stat: (m.statistic ?? Statistic.SUM).name,
            dimensions: keys.length === 0 ? undefined : Object.fromEntries(keys.map((x) => [x, d[x]])),
          };
        };
        return new CloudwatchMetricAlarm(parent, `BurnRate${i}${which}`, {
          alarmName: name,
          alarmDescription: `Burn rate of ${this.basics.title} over ${shortDuration(minutes)}; notifies through ${this.alertTitle(a)}.`,
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          threshold: p.burnRate,
          evaluationPeriods: 1,
          metricQuery: [
            { id: 'good', returnData: false, metric: metric(ratio.good) },
            { id: 'total', returnData: false, metric: metric(ratio.total) },
            // Burn rate = error ratio / error budget.
            { id: 'burn', returnData: true, expression: `(total - good) / total / ${budget}`, label: `burn rate over ${shortDuration(minutes)}` },
          ],
          treatMissingData: 'notBreaching',
          tags,
          provider: conn.provider,
        });
      };
      const long = windowAlarm('Long', p.longWindowMinutes);
      const short = windowAlarm('Short', p.shortWindowMinutes);
      claim(this.alertTitle(a));
      const actions = new CloudWatchActions(this, backend, severity);
      const list = Lazy.listValue({ produce: () => actions.all }, { omitEmpty: true });
      const composite = new CloudwatchCompositeAlarm(parent, `BurnRate${i}`, {
        alarmName: this.alertTitle(a),
        alarmDescription: this.alertMessage(a) + (this.basics.runbookUrl ? `\n\nRunbook: ${this.basics.runbookUrl}` : ''),
        // Composite alarm rule syntax: ALARM("name") AND ALARM("name") (AWS "Creating a composite alarm").
        alarmRule: `ALARM("${long.alarmName}") AND ALARM("${short.alarmName}")`,
        alarmActions: list,
        okActions: list,
        tags,
        provider: conn.provider,
      });
      resources.push(composite);
      this.rendered.push({ severity, notifier: actions });
    });
    this.alertResources.set(backend.id, resources);
  }

  private renderGrafana(parent: Construct, backend: GrafanaBackend): void {
    const ratio = this.indicator.ratioProps;
    if (!ratio) fail(this, 'indicator', 'SloIndicator.monitors(...)', 'for Grafana a ratio indicator of PromQL counters');
    const sel: Record<string, string> = {};
    for (const k of ['good', 'total'] as const) {
      const s = ratio[k];
      if (s.kind !== SignalKind.PROMQL || !PROM_SELECTOR.test(s.promQlProps!.query.trim())) {
        fail(this, `indicator.${k}`, s.toString(), 'for Grafana a PromQL counter selector such as http_requests_total{job="checkout",code!~"5.."} (the library wraps it in increase() per window)');
      }
      sel[k] = s.promQlProps!.query.trim();
    }
    const datasourceUid = requireString(this, 'datasourceUid', backend.options.datasourceUid, 'a Grafana data source UID');
    const conn = backend._connection(this);
    const folderUid = backend._folderUid(this);
    if (this.basics.title.length > 190) fail(this, 'name', this.basics.title, 'for Grafana a name of 1-190 characters');
    if (!claimName(this, backend._ruleGroupNamespace(this), this.basics.title)) {
      fail(this, 'name', this.basics.title, 'a name not used by another rule group in the same Grafana folder of this stack');
    }
    for (const k of Object.keys(this.basics.tags)) {
      // Grafana alerting labels follow the Prometheus data model (prometheus.io/docs/concepts/data_model).
      if (!/^(?!__)[A-Za-z_][A-Za-z0-9_]*$/.test(k)) fail(this, `tags.${k}`, k, 'for Grafana a label name: a letter or _, then letters, digits or _, not starting with __');
    }
    const budget = this.errorBudget;
    const routeLabels: Record<string, string> = {};
    const burn = (minutes: number) => {
      const w = shortDuration(minutes);
      return `(1 - sum(increase(${sel.good}[${w}])) / sum(increase(${sel.total}[${w}]))) / ${budget}`;
    };
    const rules: RuleGroupRule[] = this.burnRateAlerts.map((a) => {
      const p = a.props;
      const severity = this.severityOf(a);
      const query = (refId: string, minutes: number) => ({
        refId,
        datasourceUid,
        relativeTimeRange: { from: minutes * 60, to: 0 },
        model: JSON.stringify({ refId, expr: burn(minutes), instant: true, range: false }),
      });
      const labels = { ...this.basics.tags, severity: Severities.label(severity), pagerduty_severity: Severities.pagerDutySeverity(severity) };
      return {
        name: this.alertTitle(a).slice(0, 190),
        condition: 'C',
        // Both windows must burn at least this fast; the short window already debounces, so no pending period.
        for: '0s',
        noDataState: 'OK',
        execErrState: 'Error',
        annotations: {
          summary: this.alertTitle(a),
          description: this.alertMessage(a),
          ...(this.basics.runbookUrl ? { runbook_url: this.basics.runbookUrl } : {}),
        },
        labels: Lazy.anyValue({ produce: () => sortKeys({ ...labels, ...routeLabels }) }) as any,
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
      name: this.basics.title,
      folderUid,
      intervalSeconds: 60,
      rule: rules,
      provider: conn.provider,
    });
    this.alertResources.set(backend.id, [group]);
    for (const severity of new Set(this.burnRateAlerts.map((a) => this.severityOf(a)))) {
      this.rendered.push({
        severity,
        notifier: {
          add: (target: INotificationTarget) => {
            const binding = target.bind(this, backend, severity);
            if (binding.routedByPolicy) return;
            if (!binding.contactPointName) fail(this, `targets.${target.targetId}`, target.targetId, 'a target that binds to Grafana with a contact point');
            const label = `notify_${target.targetId.replace(/[^A-Za-z0-9_]/g, '_')}`;
            routeLabels[label] = 'true';
            const severities = Severities.all().filter((s) => target.severities.includes(s)).map((s) => Severities.label(s));
            GrafanaNotificationPolicy.of(this, conn).addRoute({
              contactPoint: binding.contactPointName,
              matchers: [
                { label, match: MatchOperator.EQUAL, value: 'true' },
                ...(severities.length === Severities.all().length ? [] : [{ label: 'severity', match: MatchOperator.REGEX, value: severities.join('|') }]),
              ],
              continueMatching: true,
            });
          },
        },
      });
    }
  }
}

function withSum(s: Signal): Signal {
  return s.kind === SignalKind.CLOUDWATCH_METRIC && !s.cloudWatchMetricProps!.statistic ? s.withStatistic(Statistic.SUM) : s;
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}
