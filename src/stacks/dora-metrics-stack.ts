import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { IncidentRoutingStack } from './incident-routing-stack';
import { ServiceDatadogOptions } from './service-monitoring-stack';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalArray, optionalBoolean, requireArray, requireInteger, requireUnique, requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';
import { Severities, Severity } from '../core/severity';
import { Dashboard, DashboardRow, TimeRange } from '../dashboards/dashboard';
import { DashboardBackend } from '../dashboards/dashboard-backend';
import { TemplateVariable } from '../dashboards/template-variable';
import { MarkerLevel, ThresholdMarker, Widget } from '../dashboards/widget';
import { DatadogConnection } from '../datadog/datadog-connection';
import { requireTagValue } from '../datadog/private/tags';
import { AlarmRule } from '../monitors/alarm-rule';
import { CompositeMonitor } from '../monitors/composite-monitor';
import { MonitorBackend } from '../monitors/monitor-backend';
import { MonitorConfig } from '../monitors/monitor-config';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { INotificationTarget } from '../notifications/targets';
import { Aggregation, Signal } from '../signals/signal';

/*
 * The metrics Datadog DORA Metrics publishes ("DORA Metrics Data Collected", Default metrics,
 * docs.datadoghq.com/dora_metrics/data_collected/; DataDog/documentation
 * content/en/dora_metrics/data_collected/_index.md):
 * - `dora.deployments.count` (count): deployments detected from the deployment data source;
 * - `dora.change_lead_time` (distribution): age in seconds of the deployed Git commits;
 * - `dora.incidents_impact` (count): services or teams impacted by failures, "Used for change
 *   failure rate with the formula dora.incidents_impact / dora.deployments.count", with "A big
 *   time rollup of at least 1 week" recommended;
 * - `dora.time_to_restore` (distribution): seconds between a failure's started_at and finished_at.
 * Every one carries `service`, `team`, `env` and `repository_id` when they are known (same page,
 * Default tags). Deployments and failures reach them through POST /api/v2/dora/deployment and
 * /api/v2/dora/failure (docs.datadoghq.com/api/latest/dora-metrics/).
 * The page's newer revision under Delivery Performance
 * (docs.datadoghq.com/delivery_performance/dora_metrics/data_collected/) describes DORA Metrics
 * as deployment, commit and incident events with fields, and lists no metrics: where an
 * organization's DORA data is only events, these queries have no data (the rate and
 * time-to-restore monitors then stay silent; the deployment-frequency monitor reports no data).
 */
const DEPLOYMENTS = 'dora.deployments.count';
const CHANGE_LEAD_TIME = 'dora.change_lead_time';
const INCIDENTS_IMPACT = 'dora.incidents_impact';
const TIME_TO_RESTORE = 'dora.time_to_restore';


// The longest window of a metric monitor is last_1w / last_10080m (Datadog API, "Create a
// monitor", docs.datadoghq.com/api/latest/monitors/#create-a-monitor).
const MAX_WINDOW_DAYS = 7;
const DAY = 86_400;

/** The deployment-frequency monitor: too few deployments of a service in a window. */
export interface DoraDeploymentFrequencyOptions {
  /**
   * The window, in days (at most 7, the longest window of a Datadog metric monitor).
   * @default 7
   */
  readonly windowDays?: number;
  /**
   * Fewer deployments than this in the window alert (no deployment at all included).
   * @default 1
   */
  readonly minimumDeployments?: number;
  /**
   * Severity (targets are routed by it).
   * @default - the stack's `severity`
   */
  readonly severity?: Severity;
}

/** The change-failure-rate monitor: failures over deployments of a service, in percent. */
export interface DoraChangeFailureRateOptions {
  /**
   * Whether the monitor exists.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * A rate above this percentage alerts (more than 0, at most 100).
   * @default 30
   */
  readonly maxPercent?: number;
  /**
   * The window, in days, over which failures and deployments are summed (at most 7, the longest
   * window of a Datadog metric monitor; Datadog recommends at least a week for this rate).
   * @default 7
   */
  readonly windowDays?: number;
  /**
   * The rate alerts only when the window has at least this many deployments (one failed
   * deployment of one is 100 %). Above 1, the notifying monitor is a composite of the rate
   * monitor and a deployment-count monitor, neither of which notifies.
   * @default 1
   */
  readonly minimumDeployments?: number;
  /**
   * Severity (targets are routed by it).
   * @default - the stack's `severity`
   */
  readonly severity?: Severity;
}

/** The time-to-restore monitor: the mean time a service's failures took to be resolved. */
export interface DoraTimeToRestoreOptions {
  /**
   * Whether the monitor exists.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * A mean time to restore above this many hours alerts (more than 0, at most 720).
   * @default 24
   */
  readonly maxHours?: number;
  /**
   * The window, in days, of the failures averaged (at most 7).
   * @default 7
   */
  readonly windowDays?: number;
  /**
   * Severity (targets are routed by it).
   * @default - the stack's `severity`
   */
  readonly severity?: Severity;
}

/** Props of a `DoraMetricsStack`. */
export interface DoraMetricsStackProps {
  /**
   * The services, as the deployment and failure events name them (the `service` tag): Datadog
   * tag values, lower-case.
   */
  readonly services: string[];
  /**
   * The environment of the events (the `env` tag).
   * @default "prod"
   */
  readonly env?: string;
  /**
   * The team, a `team` tag on every monitor and on the dashboard.
   * @default - no team tag
   */
  readonly team?: string;
  /**
   * Datadog settings.
   * @default - US1 and the keys in TF_VAR_datadog_api_key / TF_VAR_datadog_app_key
   */
  readonly datadog?: ServiceDatadogOptions;
  /**
   * The organization's routing: monitors notify by severity through it.
   * @default - monitors notify `targets` only
   */
  readonly routing?: IncidentRoutingStack;
  /**
   * More notification targets for every monitor.
   * @default - none
   */
  readonly targets?: INotificationTarget[];
  /**
   * Severity of the monitors.
   * @default Severity.SEV3
   */
  readonly severity?: Severity;
  /**
   * A monitor per service of too few deployments in a window.
   * @default - none
   */
  readonly deploymentFrequency?: DoraDeploymentFrequencyOptions;
  /**
   * The change-failure-rate monitor of every service.
   * @default - above 30 % over 7 days
   */
  readonly changeFailureRate?: DoraChangeFailureRateOptions;
  /**
   * The time-to-restore monitor of every service.
   * @default - a mean above 24 hours over 7 days
   */
  readonly timeToRestore?: DoraTimeToRestoreOptions;
  /**
   * Runbook linked from every monitor.
   * @default - none
   */
  readonly runbookUrl?: string;
  /**
   * A Datadog dashboard of the four DORA metrics per service, with `service` and `env` variables.
   * @default true
   */
  readonly dashboard?: boolean;
}

/**
 * Datadog monitors and a dashboard over the metrics Datadog DORA Metrics derives from the
 * deployment and failure events of a list of services in one environment: deployment frequency
 * below a floor (optional), change failure rate above a percentage, mean time to restore above a
 * number of hours. Every monitor is a `MonitorConfig` on `MonitorBackend.datadog()`, tagged with
 * its service and env, routed by severity through an `IncidentRoutingStack` and any targets.
 *
 * A window without deployments or failures has no data: the rate and time-to-restore monitors
 * do not notify on no data (nothing happened is not a failure); the deployment-frequency monitor
 * does, since no deployment at all is exactly what it watches.
 */
export class DoraMetricsStack extends TerraformStack {
  /** The services. */
  public readonly services: string[];
  /** The environment. */
  public readonly env: string;
  /** Every monitor of the stack (composites excepted). */
  public readonly monitors: MonitorConfig[] = [];
  /** The change-failure-rate composites (with `changeFailureRate.minimumDeployments` above 1). */
  public readonly composites: CompositeMonitor[] = [];
  /** The Datadog connection. */
  public readonly datadog: DatadogConnection;
  /**
   * The dashboard.
   * @default - none with `dashboard: false`
   */
  public readonly dashboard?: Dashboard;

  constructor(scope: Construct, id: string, props: DoraMetricsStackProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') fail(this, 'props', props, 'a DoraMetricsStackProps object');
    const tagValue = (prop: string, key: string, value: unknown): string => requireTagValue(this, prop, key, value);
    const services = requireArray(this, 'services', props.services, 'a non-empty list of service names');
    if (services.length === 0) fail(this, 'services', services, 'a non-empty list of service names');
    this.services = services.map((s, i) => tagValue(`services[${i}]`, 'service', s));
    requireUnique(this, 'services', this.services, (s) => s, 'a service');
    this.env = props.env === undefined ? 'prod' : tagValue('env', 'env', props.env);
    const team = props.team === undefined ? undefined : tagValue('team', 'team', props.team);
    if (props.routing !== undefined && !(props.routing instanceof IncidentRoutingStack)) fail(this, 'routing', props.routing, 'an IncidentRoutingStack');
    const targets = [...(props.routing ? [props.routing.target()] : []), ...optionalArray(this, 'targets', props.targets, 'a list of notification targets')];
    const severity = severityOf(this, 'severity', props.severity) ?? Severity.SEV3;
    const runbookUrl = props.runbookUrl === undefined ? undefined : requireUrl(this, 'runbookUrl', props.runbookUrl, ['https', 'http']);

    const d = options<ServiceDatadogOptions>(this, 'datadog', props.datadog);
    this.datadog = new DatadogConnection(this, 'Datadog', {
      site: d.site,
      apiKey: Secret.fromEnvironment(this, 'DatadogApiKey', { environmentVariable: d.apiKeyEnvironmentVariable ?? 'TF_VAR_datadog_api_key' }),
      appKey: Secret.fromEnvironment(this, 'DatadogAppKey', { environmentVariable: d.appKeyEnvironmentVariable ?? 'TF_VAR_datadog_app_key' }),
    });
    const backends = [MonitorBackend.datadog()];

    const frequency = props.deploymentFrequency === undefined ? undefined : options<DoraDeploymentFrequencyOptions>(this, 'deploymentFrequency', props.deploymentFrequency);
    const cfr = options<DoraChangeFailureRateOptions>(this, 'changeFailureRate', props.changeFailureRate);
    const ttr = options<DoraTimeToRestoreOptions>(this, 'timeToRestore', props.timeToRestore);
    const frequencyDays = frequency && requireInteger(this, 'deploymentFrequency.windowDays', frequency.windowDays ?? 7, 1, MAX_WINDOW_DAYS);
    const minimumDeployments = frequency && requireInteger(this, 'deploymentFrequency.minimumDeployments', frequency.minimumDeployments ?? 1, 1, 10_000);
    const cfrOn = optionalBoolean(this, 'changeFailureRate.enabled', cfr.enabled, true);
    const cfrMax = numberIn(this, 'changeFailureRate.maxPercent', cfr.maxPercent ?? 30, 0, 100, 'a percentage greater than 0 and at most 100');
    const cfrDays = requireInteger(this, 'changeFailureRate.windowDays', cfr.windowDays ?? 7, 1, MAX_WINDOW_DAYS);
    const cfrMinimum = requireInteger(this, 'changeFailureRate.minimumDeployments', cfr.minimumDeployments ?? 1, 1, 10_000);
    const ttrOn = optionalBoolean(this, 'timeToRestore.enabled', ttr.enabled, true);
    const ttrMaxHours = numberIn(this, 'timeToRestore.maxHours', ttr.maxHours ?? 24, 0, 720, 'a number of hours greater than 0 and at most 720');
    const ttrDays = requireInteger(this, 'timeToRestore.windowDays', ttr.windowDays ?? 7, 1, MAX_WINDOW_DAYS);
    const frequencySeverity = severityOf(this, 'deploymentFrequency.severity', frequency?.severity) ?? severity;
    const cfrSeverity = severityOf(this, 'changeFailureRate.severity', cfr.severity) ?? severity;
    const ttrSeverity = severityOf(this, 'timeToRestore.severity', ttr.severity) ?? severity;

    this.services.forEach((service) => {
      const scopeOf = new Construct(this, service.replace(/\//g, '--'));
      const filter = `{service:${service},env:${this.env}}`;
      const common = {
        backends,
        targets,
        runbookUrl,
        tags: { service, env: this.env, ...(team ? { team } : {}) },
      };
      if (frequency) {
        // A count has no data in a window without deployments: that is the alert, so no data is
        // breaching, notified once the window has passed without a point (below).
        const m = new MonitorConfig(scopeOf, 'DeploymentFrequency', {
          ...common,
          title: `[${service}] DORA deployment frequency below ${minimumDeployments} in ${frequencyDays} day(s) (${this.env})`,
          message: `${service} (${this.env}) had fewer than ${minimumDeployments} deployment(s) in the last ${frequencyDays} day(s).`,
          severity: frequencySeverity,
          signal: Signal.datadogQuery({ query: `sum:${DEPLOYMENTS}${filter}.as_count()`, timeAggregation: Aggregation.SUM }),
          comparison: ComparisonOperator.LESS_THAN,
          critical: minimumDeployments!,
          period: frequencyDays! * DAY,
          missingData: MissingData.BREACHING,
        });
        // The backend waits twice the window by default before "no data"; here no data for one
        // window is itself the breach (no_data_timeframe, minutes: docs.datadoghq.com/api/latest/monitors).
        m.rendering('Datadog').resource.addOverride('no_data_timeframe', frequencyDays! * DAY / 60);
        this.monitors.push(m);
      }
      if (cfrOn) {
        // Failures over deployments summed over the window, in percent: with .as_count() on both
        // terms Datadog sums each over the window before dividing ("as_count() in Monitor
        // Evaluations", docs.datadoghq.com/monitors/guide/as-count-in-monitor-evaluations).
        // A window without deployments divides by no data: no value, and no data does not notify.
        const title = `[${service}] DORA change failure rate above ${cfrMax}% over ${cfrDays} day(s) (${this.env})`;
        const message = `More than ${cfrMax}% of the deployments of ${service} (${this.env}) in the last ${cfrDays} day(s) failed.`;
        const guarded = cfrMinimum > 1;
        const rate = new MonitorConfig(scopeOf, 'ChangeFailureRate', {
          ...common,
          // The composite notifies when the rate needs enough deployments; its parts do not.
          targets: guarded ? [] : targets,
          title: guarded ? `${title}, any number of deployments` : title,
          message,
          severity: cfrSeverity,
          signal: Signal.datadogQuery({ query: changeFailureRate(filter), timeAggregation: Aggregation.SUM }),
          comparison: ComparisonOperator.GREATER_THAN,
          critical: cfrMax,
          period: cfrDays * DAY,
          missingData: MissingData.NOT_BREACHING,
        });
        this.monitors.push(rate);
        if (guarded) {
          const enough = new MonitorConfig(scopeOf, 'ChangeFailureRateDeployments', {
            ...common,
            targets: [],
            title: `[${service}] DORA at least ${cfrMinimum} deployments in ${cfrDays} day(s) (${this.env})`,
            message: `${service} (${this.env}) had at least ${cfrMinimum} deployments in the last ${cfrDays} day(s).`,
            severity: cfrSeverity,
            signal: Signal.datadogQuery({ query: `sum:${DEPLOYMENTS}${filter}.as_count()`, timeAggregation: Aggregation.SUM }),
            comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL,
            critical: cfrMinimum,
            period: cfrDays * DAY,
            missingData: MissingData.NOT_BREACHING,
          });
          this.monitors.push(enough);
          this.composites.push(new CompositeMonitor(scopeOf, 'ChangeFailureRateComposite', {
            backends,
            targets,
            runbookUrl,
            tags: common.tags,
            title: `${title}, at least ${cfrMinimum} deployments`,
            message,
            severity: cfrSeverity,
            rule: AlarmRule.allOf(AlarmRule.monitor(rate), AlarmRule.monitor(enough)),
          }));
        }
      }
      if (ttrOn) {
        const m = new MonitorConfig(scopeOf, 'TimeToRestore', {
          ...common,
          title: `[${service}] DORA mean time to restore above ${ttrMaxHours} h over ${ttrDays} day(s) (${this.env})`,
          message: `Failures of ${service} (${this.env}) resolved in the last ${ttrDays} day(s) took more than ${ttrMaxHours} hours on average to restore.`,
          severity: ttrSeverity,
          // Seconds (Data Collected page); the mean is Datadog's own MTTR.
          signal: Signal.datadogQuery({ query: `avg:${TIME_TO_RESTORE}${filter}`, timeAggregation: Aggregation.AVG }),
          comparison: ComparisonOperator.GREATER_THAN,
          critical: ttrMaxHours * 3600,
          period: ttrDays * DAY,
          missingData: MissingData.NOT_BREACHING,
        });
        // A point per resolved failure: a sparse metric, evaluated without a full window
        // ("Do not require a full window of data for evaluation",
        // docs.datadoghq.com/monitors/guide/monitoring-sparse-metrics).
        m.rendering('Datadog').resource.addOverride('require_full_window', false);
        this.monitors.push(m);
      }
    });

    if (optionalBoolean(this, 'dashboard', props.dashboard, true)) {
      this.dashboard = new Dashboard(this, 'Dashboard', {
        title: `DORA metrics (${this.env})`,
        description: `Deployment frequency, change lead time, change failure rate and time to restore of ${this.services.join(', ')}, from Datadog DORA Metrics.`,
        tags: team ? [`team:${team}`] : [],
        variables: [
          TemplateVariable.service({ values: [...this.services] }),
          TemplateVariable.env({ values: [this.env], defaultValue: this.env }),
        ],
        timeRange: TimeRange.days(30),
        rows: this.dashboardRows(cfrMax, ttrMaxHours, cfrOn, ttrOn),
        backends: [DashboardBackend.datadog()],
      });
    }
    libraryScope(new TerraformOutput(this, 'MonitorCount', { value: this.monitors.length + this.composites.length, description: `DORA monitors of ${this.services.join(', ')} (${this.env})` }));
  }

  private dashboardRows(cfrMax: number, ttrMaxHours: number, cfrOn: boolean, ttrOn: boolean): DashboardRow[] {
    const f = '{$service,$env}';
    const q = (query: string) => Signal.datadogQuery({ query });
    const rows: DashboardRow[] = [
      {
        title: 'Deployment frequency',
        widgets: [Widget.timeSeries({
          id: 'deployments-per-day',
          title: 'Deployments per day',
          width: 24,
          signals: [q(`sum:${DEPLOYMENTS}${f} by {service}.as_count().rollup(sum, ${DAY})`)],
        })],
      },
      {
        title: 'Change lead time',
        widgets: [Widget.timeSeries({
          id: 'change-lead-time',
          title: 'Mean change lead time (hours)',
          width: 24,
          signals: [q(`avg:${CHANGE_LEAD_TIME}${f} by {service} / 3600`)],
        })],
      },
      {
        title: 'Change failure rate',
        widgets: [Widget.timeSeries({
          id: 'change-failure-rate',
          title: 'Change failure rate, % of deployments per week',
          width: 24,
          signals: [q(changeFailureRate(`${f} by {service}`, 7 * DAY))],
          thresholds: cfrOn ? [ThresholdMarker.line(cfrMax, { label: 'alert', level: MarkerLevel.CRITICAL })] : [],
        })],
      },
      {
        title: 'Time to restore',
        widgets: [Widget.timeSeries({
          id: 'time-to-restore',
          title: 'Mean time to restore (hours)',
          width: 24,
          signals: [q(`avg:${TIME_TO_RESTORE}${f} by {service} / 3600`)],
          thresholds: ttrOn ? [ThresholdMarker.line(ttrMaxHours, { label: 'alert', level: MarkerLevel.CRITICAL })] : [],
        })],
      },
    ];
    if (this.monitors.length > 0) {
      rows.push({ title: 'Alert status', widgets: [Widget.alertStatus({ id: 'alert-status', monitors: this.monitors, width: 24 })] });
    }
    return rows;
  }
}

/**
 * The change failure rate in percent (Data Collected page: `dora.incidents_impact /
 * dora.deployments.count`), each term rolled up in `rollup` seconds when given (dashboards).
 */
function changeFailureRate(filter: string, rollup?: number): string {
  const term = (metric: string) => `sum:${metric}${filter}.as_count()${rollup ? `.rollup(sum, ${rollup})` : ''}`;
  return `100 * ${term(INCIDENTS_IMPACT)} / ${term(DEPLOYMENTS)}`;
}

function options<T extends object>(scope: Construct, prop: string, value: T | undefined): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(scope, prop, value, 'an options object');
  return value;
}

/** A finite number in (min, max]. */
function numberIn(scope: Construct, prop: string, value: unknown, min: number, max: number, accepted: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= min || value > max) fail(scope, prop, value, accepted);
  return value;
}

function severityOf(scope: Construct, prop: string, value: unknown): Severity | undefined {
  if (value === undefined) return undefined;
  if (!Severities.isSeverity(value)) fail(scope, prop, value, 'a Severity (SEV1 … SEV5)');
  return value as Severity;
}
