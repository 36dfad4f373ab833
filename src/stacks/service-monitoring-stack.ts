import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { IncidentRoutingStack } from './incident-routing-stack';
import { AwsConnection, AwsConnectionProps } from '../aws/aws-connection';
import { IntegrationCatalog } from '../catalog/integration-catalog';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalArray, optionalBoolean, requirePattern, requireString, requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';
import { Severity } from '../core/severity';
import { Dashboard } from '../dashboards/dashboard';
import { DashboardBackend, IDashboardBackend } from '../dashboards/dashboard-backend';
import { DatadogConnection } from '../datadog/datadog-connection';
import { DatadogSite } from '../datadog/datadog-site';
import { GrafanaAuth, GrafanaConnection } from '../grafana/grafana-connection';
import { GrafanaFolder } from '../grafana/grafana-folder';
import { IMonitorBackend } from '../monitors/backend';
import { MonitorBackend } from '../monitors/monitor-backend';
import { MonitorConfig } from '../monitors/monitor-config';
import { BurnRateAlert, Slo, SloIndicator, SloWindow } from '../monitors/slo';
import { INotificationTarget } from '../notifications/targets';
import { MonitorGroup, MonitorPresetOptions, MonitorPresets } from '../presets/presets';
import { Signal } from '../signals/signal';

/** The monitoring backends a service stack can render to. */
export enum ServiceBackend {
  /** Datadog monitors (needs `datadog`). */
  DATADOG = 'DATADOG',
  /** CloudWatch alarms (needs `aws`). */
  CLOUDWATCH = 'CLOUDWATCH',
  /** Grafana alert rules (needs `grafana`). */
  GRAFANA = 'GRAFANA',
}

/** Datadog settings of a service stack. */
export interface ServiceDatadogOptions {
  /**
   * The Datadog site.
   * @default DatadogSite.US1
   */
  readonly site?: DatadogSite;
  /**
   * Environment variable (`TF_VAR_<name>`) with the API key.
   * @default "TF_VAR_datadog_api_key"
   */
  readonly apiKeyEnvironmentVariable?: string;
  /**
   * Environment variable (`TF_VAR_<name>`) with the application key.
   * @default "TF_VAR_datadog_app_key"
   */
  readonly appKeyEnvironmentVariable?: string;
}

/** Grafana settings of a service stack. */
export interface ServiceGrafanaOptions {
  /** Root URL of the Grafana instance. */
  readonly url: string;
  /** Uid of the data source the rules query (Prometheus, or CloudWatch for AWS signals). */
  readonly datasourceUid: string;
  /**
   * Uid of a CloudWatch data source for CloudWatch signals.
   * @default - `datasourceUid`
   */
  readonly cloudWatchDatasourceUid?: string;
  /**
   * Environment variable (`TF_VAR_<name>`) with the service-account token.
   * @default "TF_VAR_grafana_token"
   */
  readonly tokenEnvironmentVariable?: string;
}

/** A Lambda function of the service (thresholds default to the preset's). */
export interface ServiceLambdaFunction {
  /** Function name. */
  readonly functionName: string;
  /**
   * Errors per minute that alert.
   * @default 1
   */
  readonly maxErrors?: number;
  /**
   * p99 duration (ms) that alerts.
   * @default 3000
   */
  readonly maxDurationP99Ms?: number;
}

/** An SQS queue of the service. */
export interface ServiceQueue {
  /** Queue name. */
  readonly queueName: string;
  /**
   * Age of the oldest message (s) that alerts.
   * @default 300
   */
  readonly maxAgeOfOldestMessageSeconds?: number;
  /**
   * The queue's dead-letter queue, alerted on any message.
   * @default - none
   */
  readonly deadLetterQueueName?: string;
}

/** An Application Load Balancer in front of the service. */
export interface ServiceLoadBalancer {
  /** The load balancer's dimension value, `app/<name>/<id>`. */
  readonly loadBalancer: string;
  /**
   * Target 5xx per minute that alert.
   * @default 5
   */
  readonly maxTarget5xx?: number;
  /**
   * p99 target response time (s) that alerts.
   * @default 1
   */
  readonly maxResponseTimeP99Seconds?: number;
}

/** The service's SLO. */
export interface ServiceSlo {
  /** Target in percent, e.g. 99.9. */
  readonly target: number;
  /** Signal of the good events. */
  readonly good: Signal;
  /** Signal of all events. */
  readonly total: Signal;
  /**
   * SLO name.
   * @default "<service> availability"
   */
  readonly name?: string;
  /**
   * Window of the SLO.
   * @default SloWindow.THIRTY_DAYS
   */
  readonly window?: SloWindow;
  /**
   * The backends that evaluate the SLO (those that can query its signals).
   * @default - every backend of the stack
   */
  readonly backends?: ServiceBackend[];
  /**
   * Burn-rate alerts.
   * @default - page at 14.4× (1 h / 5 min) and 6× (6 h / 30 min), ticket at 3× (24 h / 2 h):
   * the SRE workbook's pairs with the slow burn in Datadog's 48-hour limit
   */
  readonly burnRateAlerts?: BurnRateAlert[];
}

/** The IntegrationCatalog of a service stack. */
export interface ServiceIntegrationCatalogOptions {
  /**
   * Whether the stack has a catalog. With the other options at their defaults it writes only
   * the manifest (`integrations.manifest.json` next to cdk.tf.json): the Terraform of the
   * stack is unchanged.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * A status dashboard of the stack's integrations on every backend of the stack.
   * @default false
   */
  readonly dashboard?: boolean;
  /**
   * Monitors, on every backend of the stack, of the health signals no alarm of an integration
   * watches, notifying the stack's routing and targets with `severity`.
   * @default false
   */
  readonly monitors?: boolean;
  /**
   * Severity of the catalog's monitors.
   * @default Severity.SEV3
   */
  readonly severity?: Severity;
  /**
   * A Terraform output per integration.
   * @default false
   */
  readonly outputs?: boolean;
}

/** Props of a `ServiceMonitoringStack`. */
export interface ServiceMonitoringStackProps {
  /** The service name (a tag on every monitor). */
  readonly service: string;
  /** The backends to render every monitor to. */
  readonly backends: ServiceBackend[];
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
   * AWS account and region (CloudWatch alarms, AWS metrics).
   * @default - none (CLOUDWATCH cannot be used)
   */
  readonly aws?: AwsConnectionProps;
  /**
   * Datadog settings.
   * @default - none (DATADOG cannot be used)
   */
  readonly datadog?: ServiceDatadogOptions;
  /**
   * Grafana settings.
   * @default - none (GRAFANA cannot be used)
   */
  readonly grafana?: ServiceGrafanaOptions;
  /**
   * Lambda functions of the service.
   * @default - none
   */
  readonly lambdaFunctions?: ServiceLambdaFunction[];
  /**
   * SQS queues of the service.
   * @default - none
   */
  readonly queues?: ServiceQueue[];
  /**
   * Load balancers in front of the service.
   * @default - none
   */
  readonly loadBalancers?: ServiceLoadBalancer[];
  /**
   * Environment tag.
   * @default "prod"
   */
  readonly env?: string;
  /**
   * Runbook of the service, linked from every monitor.
   * @default - none
   */
  readonly runbookUrl?: string;
  /**
   * Severity of the preset monitors.
   * @default Severity.SEV2
   */
  readonly severity?: Severity;
  /**
   * The service's SLO, with multi-window multi-burn-rate alerts routed like the monitors.
   * @default - no SLO
   */
  readonly slo?: ServiceSlo;
  /**
   * A dashboard of the service on every backend: one row per monitored signal with the
   * alert thresholds drawn, and the alert status of the monitors.
   * @default true
   */
  readonly dashboard?: boolean;
  /**
   * The stack's IntegrationCatalog: its connections and any integration added to the stack,
   * with their health. By default it writes the manifest only (no Terraform change).
   * @default - a catalog that writes the manifest, without dashboard, monitors or outputs
   */
  readonly integrationCatalog?: ServiceIntegrationCatalogOptions;
}

/**
 * One service's monitoring in one stack: the preset monitors of its Lambda functions, queues
 * and load balancers, rendered to the backends the user names, tagged with the service and
 * routed by severity through an `IncidentRoutingStack` (Slack, PagerDuty, Jira targets may be
 * added too).
 */
export class ServiceMonitoringStack extends TerraformStack {
  /** Every monitor of the stack. */
  public readonly monitors: MonitorConfig[] = [];
  /** The backends monitors are rendered to. */
  public readonly monitorBackends: IMonitorBackend[];
  /** The service name. */
  public readonly service: string;
  /**
   * The service's SLO.
   * @default - no SLO
   */
  public readonly slo?: Slo;
  /**
   * The service dashboard.
   * @default - no dashboard
   */
  public readonly dashboard?: Dashboard;
  /**
   * The stack's integration catalog.
   * @default - none with `integrationCatalog: { enabled: false }`
   */
  public readonly integrationCatalog?: IntegrationCatalog;
  private readonly presetOptions: MonitorPresetOptions;
  private readonly groups: MonitorGroup[] = [];

  constructor(scope: Construct, id: string, props: ServiceMonitoringStackProps) {
    super(scope, id);
    this.service = requirePattern(this, 'service', props.service, /^[a-z0-9][a-z0-9_.-]{0,62}$/, 'a service name of lower-case letters, digits, _ . - (at most 63)');
    const kinds = optionalArray(this, 'backends', props.backends, 'a non-empty list of ServiceBackend values');
    if (kinds.length === 0) fail(this, 'backends', kinds, 'a non-empty list of ServiceBackend values');
    const setups = kinds.map((kind, i) => {
      const setup = SERVICE_BACKENDS[kind];
      if (!setup) fail(this, `backends[${i}]`, kind, `one of ${Object.keys(SERVICE_BACKENDS).map((k) => `ServiceBackend.${k}`).join(', ')}`);
      const made = setup(this, props, kind);
      // A backend's dashboard scope (a Grafana folder) is made once, for whichever dashboard asks first.
      let dashboardBackend: IDashboardBackend | undefined;
      return { monitorBackend: made.monitorBackend, dashboardBackend: () => (dashboardBackend ??= made.dashboardBackend()) };
    });
    this.monitorBackends = setups.map((x) => x.monitorBackend);
    if (new Set(kinds).size !== kinds.length) fail(this, 'backends', kinds, 'backends without duplicates');
    if (props.aws && !kinds.includes(ServiceBackend.CLOUDWATCH)) this._awsConnection(props.aws);
    if (props.routing !== undefined && !(props.routing instanceof IncidentRoutingStack)) fail(this, 'routing', props.routing, 'an IncidentRoutingStack');
    const targets = [...(props.routing ? [props.routing.target()] : []), ...optionalArray(this, 'targets', props.targets, 'a list of notification targets')];
    this.presetOptions = {
      backends: this.monitorBackends,
      targets,
      severity: props.severity ?? Severity.SEV2,
      tags: { service: this.service, env: props.env ?? 'prod' },
      runbookUrl: props.runbookUrl,
      titlePrefix: `[${this.service}] `,
    };

    this.resources('lambdaFunctions', props.lambdaFunctions, 'ServiceLambdaFunction').forEach((f, i) => this.collect(MonitorPresets.lambdaFunction(this, `Lambda${i}`, {
      ...this.presetOptions, functionName: f.functionName, maxErrors: f.maxErrors ?? 1, maxDurationP99Ms: f.maxDurationP99Ms ?? 3000,
    })));
    this.resources('queues', props.queues, 'ServiceQueue').forEach((q, i) => this.collect(MonitorPresets.sqsQueue(this, `Queue${i}`, {
      ...this.presetOptions,
      queueName: q.queueName,
      maxAgeOfOldestMessageSeconds: q.maxAgeOfOldestMessageSeconds ?? 300,
      deadLetterQueueName: q.deadLetterQueueName,
    })));
    this.resources('loadBalancers', props.loadBalancers, 'ServiceLoadBalancer').forEach((lb, i) => this.collect(MonitorPresets.applicationLoadBalancer(this, `LoadBalancer${i}`, {
      ...this.presetOptions,
      loadBalancer: lb.loadBalancer,
      maxTarget5xx: lb.maxTarget5xx ?? 5,
      maxResponseTimeP99Seconds: lb.maxResponseTimeP99Seconds ?? 1,
    })));
    if (props.slo !== undefined) {
      const slo = props.slo;
      const sloKinds = slo.backends ?? kinds;
      const sloBackends = sloKinds.map((k, i) => {
        const idx = kinds.indexOf(k);
        if (idx < 0) fail(this, `slo.backends[${i}]`, k, `one of the stack's backends (${kinds.join(', ')})`);
        return this.monitorBackends[idx];
      });
      this.slo = new Slo(this, 'Slo', {
        name: slo.name ?? `${this.service} availability`,
        target: slo.target,
        window: slo.window,
        indicator: SloIndicator.ratio({ good: slo.good, total: slo.total }),
        burnRateAlerts: slo.burnRateAlerts ?? BurnRateAlert.defaults(),
        backends: sloBackends,
        targets,
        tags: { service: this.service, env: props.env ?? 'prod' },
        runbookUrl: props.runbookUrl,
      });
    }
    if (optionalBoolean(this, 'dashboard', props.dashboard, true) && this.monitors.length > 0) {
      const dashboardBackends: IDashboardBackend[] = setups.map((x) => x.dashboardBackend());
      // Each preset group draws its own rows (a row per resource, a chart per monitor with its thresholds).
      this.dashboard = Dashboard.fromMonitors(this, 'Dashboard', { title: `${this.service} service`, groups: this.groups, backends: dashboardBackends });
    }
    this.integrationCatalog = this.createCatalog(props.integrationCatalog, setups, targets);
    libraryScope(new TerraformOutput(this, 'MonitorCount', { value: this.monitors.length, description: `Monitors of ${this.service} (each rendered to ${kinds.join(', ')})` }));
  }

  /** @internal */
  public _awsConnection(props: AwsConnectionProps): AwsConnection {
    return (this.node.tryFindChild('Aws') as AwsConnection | undefined) ?? new AwsConnection(this, 'Aws', props);
  }

  /** The catalog of the stack's integrations (see `integrationCatalog`). */
  private createCatalog(
    value: ServiceIntegrationCatalogOptions | undefined, setups: ServiceBackendSetup[], targets: INotificationTarget[],
  ): IntegrationCatalog | undefined {
    const o = value ?? {};
    if (typeof o !== 'object' || o === null || Array.isArray(o)) fail(this, 'integrationCatalog', o, 'a ServiceIntegrationCatalogOptions object');
    if (!optionalBoolean(this, 'integrationCatalog.enabled', o.enabled, true)) return undefined;
    const dashboard = optionalBoolean(this, 'integrationCatalog.dashboard', o.dashboard, false);
    const monitors = optionalBoolean(this, 'integrationCatalog.monitors', o.monitors, false);
    const outputs = optionalBoolean(this, 'integrationCatalog.outputs', o.outputs, false);
    if (o.severity !== undefined && !monitors) fail(this, 'integrationCatalog.severity', o.severity, 'unset unless integrationCatalog.monitors is true');
    return new IntegrationCatalog(this, 'IntegrationCatalog', {
      dashboardBackends: dashboard ? setups.map((x) => x.dashboardBackend()) : [],
      dashboardTitle: `${this.service} integrations`,
      monitorBackends: monitors ? this.monitorBackends : [],
      targets: monitors ? targets : [],
      severity: o.severity,
      outputs,
    });
  }

  /** A list of resources to monitor: a list of objects, else a ValidationError naming the element. */
  private resources<T>(prop: string, list: T[] | undefined, what: string): T[] {
    const items = optionalArray(this, prop, list, `a list of ${what}`);
    items.forEach((x, i) => {
      if (typeof x !== 'object') fail(this, `${prop}[${i}]`, x, `a ${what} object`);
    });
    return items;
  }

  private collect(group: MonitorGroup): void {
    this.monitors.push(...group.monitors);
    this.groups.push(group);
  }
}

/** What one backend of a service stack brings: its connection, monitor backend and dashboard backend. */
interface ServiceBackendSetup {
  readonly monitorBackend: IMonitorBackend;
  readonly dashboardBackend: () => IDashboardBackend;
}

/**
 * How the stack sets up each backend from its own props (one entry per `ServiceBackend`; the
 * backends themselves live in their vendor folders).
 */
type SetUp = (stack: ServiceMonitoringStack, props: ServiceMonitoringStackProps, kind: ServiceBackend) => ServiceBackendSetup;
const SERVICE_BACKENDS: Record<ServiceBackend, SetUp> = {
  [ServiceBackend.DATADOG]: (stack, props, kind) => {
    if (!props.datadog) fail(stack, 'backends', kind, 'backends whose connection is configured: set datadog to render to Datadog');
    const d = props.datadog;
    new DatadogConnection(stack, 'Datadog', {
      site: d.site,
      apiKey: Secret.fromEnvironment(stack, 'DatadogApiKey', { environmentVariable: d.apiKeyEnvironmentVariable ?? 'TF_VAR_datadog_api_key' }),
      appKey: Secret.fromEnvironment(stack, 'DatadogAppKey', { environmentVariable: d.appKeyEnvironmentVariable ?? 'TF_VAR_datadog_app_key' }),
    });
    return { monitorBackend: MonitorBackend.datadog(), dashboardBackend: () => DashboardBackend.datadog() };
  },
  [ServiceBackend.CLOUDWATCH]: (stack, props, kind) => {
    if (!props.aws) fail(stack, 'backends', kind, 'backends whose connection is configured: set aws to render to CloudWatch');
    const connection = stack._awsConnection(props.aws);
    return { monitorBackend: MonitorBackend.cloudwatch({ connection }), dashboardBackend: () => DashboardBackend.cloudwatch({ connection }) };
  },
  [ServiceBackend.GRAFANA]: (stack, props, kind) => {
    if (!props.grafana) fail(stack, 'backends', kind, 'backends whose connection is configured: set grafana to render to Grafana');
    const g = props.grafana;
    const connection = new GrafanaConnection(stack, 'Grafana', {
      url: requireUrl(stack, 'grafana.url', g.url, ['https', 'http']),
      auth: GrafanaAuth.serviceAccountToken(Secret.fromEnvironment(stack, 'GrafanaToken', { environmentVariable: g.tokenEnvironmentVariable ?? 'TF_VAR_grafana_token' })),
    });
    return {
      monitorBackend: MonitorBackend.grafana({
        connection,
        datasourceUid: requireString(stack, 'grafana.datasourceUid', g.datasourceUid),
        cloudWatchDatasourceUid: g.cloudWatchDatasourceUid,
        folder: `${stack.service} monitors`,
      }),
      dashboardBackend: () => {
        const folder = new GrafanaFolder(stack, 'DashboardFolder', { title: `${stack.service} dashboards`, connection });
        return DashboardBackend.grafana({ folder, datasourceUid: g.datasourceUid, cloudWatchDatasourceUid: g.cloudWatchDatasourceUid });
      },
    };
  },
};
