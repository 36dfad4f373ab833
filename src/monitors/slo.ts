import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { AlertingConstruct } from './alerting-construct';
import { IMonitorBackend, ISloBackend } from './backend';
import { MonitorConfig } from './monitor-config';
import { checkBackends, requireCapability, requireFinite, shortDuration, validateBasics, validateSeverity } from './private/alerting';
import { makeImmutable } from '../core/private/immutable';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalArray } from '../core/private/validate';
import { Severity } from '../core/severity';
import type { INotificationTarget } from '../notifications/targets';
import { Signal } from '../signals/signal';

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

  /**
   * The default of an `Slo`, taken by every backend that renders SLOs: the SRE workbook's two
   * pages, 14.4× (1 h / 5 min) and 6× (6 h / 30 min), and a ticket at 3× over 1 day and 2 hours
   * in place of the workbook's 3-day ticket. Datadog burn-rate alerts take long windows of 1 to
   * 48 hours only (docs.datadoghq.com/service_management/service_level_objectives/burn_rate),
   * CloudWatch at most 7 days, and each window fits a 7-day SLO.
   */
  public static defaults(): BurnRateAlert[] {
    return [BurnRateAlert.page(14.4, 60, 5), BurnRateAlert.page(6, 360, 30), BurnRateAlert.ticket(3, 1440, 120)];
  }

  /** The alert. */
  public readonly props: BurnRateAlertProps;

  constructor(props: BurnRateAlertProps) {
    this.props = { ...props };
    makeImmutable(this);
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
    makeImmutable(this);
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
   * @default BurnRateAlert.defaults()
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
export class Slo extends AlertingConstruct {
  /** The name. */
  public readonly name: string;
  /** What the SLO promises (alert messages start with it). */
  public readonly message: string;
  /**
   * Runbook URL.
   * @default - none
   */
  public readonly runbookUrl?: string;
  /** Tags, by key (sorted). */
  public readonly tags: { [key: string]: string };
  /** The target in percent. */
  public readonly target: number;
  /** The window. */
  public readonly window: SloWindow;
  /** What is measured. */
  public readonly indicator: SloIndicator;
  /** The alerts. */
  public readonly burnRateAlerts: BurnRateAlert[];
  /** Severity of PAGE alerts. */
  public readonly pageSeverity: Severity;
  /** Severity of TICKET alerts. */
  public readonly ticketSeverity: Severity;

  constructor(scope: Construct, id: string, props: SloProps) {
    super(scope, id);
    libraryScope(this);
    const basics = validateBasics(this, props, 'name');
    this.name = basics.title;
    this.message = basics.message;
    this.runbookUrl = basics.runbookUrl;
    this.tags = basics.tags;
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
    this.burnRateAlerts = this.validateAlerts(props.burnRateAlerts ?? BurnRateAlert.defaults());
    for (const b of checkBackends(this, props.backends)) {
      this.addRendering(requireCapability<ISloBackend>(this, b, 'renderSlo', 'SLOs').renderSlo(this));
    }
    for (const target of optionalArray(this, 'targets', props.targets, 'a list of notification targets')) this.addTarget(target);
  }

  /** The error budget as a fraction: `1 - target / 100` (rounded to 12 significant digits). */
  public get errorBudget(): number {
    return Number((1 - this.target / 100).toPrecision(12));
  }

  /**
   * The resources that notify for each alert of a backend, in the order of `burnRateAlerts`:
   * `datadog_monitor`s, `aws_cloudwatch_composite_alarm`s, or the one `grafana_rule_group`.
   */
  public alertResourcesFor(backendId: string): TerraformResource[] {
    return [...this.renderingFor(backendId).resources];
  }

  /** The severity of a burn-rate alert: `pageSeverity` for PAGE alerts, `ticketSeverity` for TICKET alerts. */
  public severityOf(alert: BurnRateAlert): Severity {
    return alert.props.urgency === BurnRateUrgency.PAGE ? this.pageSeverity : this.ticketSeverity;
  }

  /** The name of a burn-rate alert: `<name>: burn rate 14.4x 1h/5m`. */
  public alertTitle(alert: BurnRateAlert): string {
    return `${this.name}: burn rate ${alert.toString()}`;
  }

  /** The message of a burn-rate alert: the SLO's message and what burns how fast. */
  public alertMessage(alert: BurnRateAlert): string {
    const days = WINDOW_MINUTES[this.window] / 1440;
    return `${this.message}\n\nThe error budget of the ${this.target}% SLO over ${days} days burns at ${alert.props.burnRate}× or faster `
      + `over the last ${shortDuration(alert.props.longWindowMinutes)} and ${shortDuration(alert.props.shortWindowMinutes)}.`;
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
}
