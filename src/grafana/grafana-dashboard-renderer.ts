import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { GrafanaFolder } from './grafana-folder';
import type * as GrafanaModel from './private/grafana-model';
import { grafanaUidRef } from './private/refs';

/**
 * Grafana's typed dashboard model is loaded on first use: apps that draw no Grafana dashboard
 * do not pay for loading it.
 */
function grafanaDashboardJson(...args: Parameters<typeof GrafanaModel.grafanaDashboardJson>): ReturnType<typeof GrafanaModel.grafanaDashboardJson> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const model: typeof GrafanaModel = require('./private/grafana-model');
  return model.grafanaDashboardJson(...args);
}
import { uidFromText } from './private/uid';
import { Dashboard as GrafanaDashboardResource } from '../bindings/grafana/dashboard/index';
import { GrafanaConnection } from './grafana-connection';
import { claimName } from '../core/private/stack-registry';
import { EscapingLazy } from '../core/private/template-escape';
import { fail, requirePattern } from '../core/private/validate';
import type { Dashboard } from '../dashboards/dashboard';
import type { IDashboardBackend, IRenderedDashboard, ISignalAwareDashboardBackend } from '../dashboards/dashboard-backend';
import { deepMerge, isPlainObject, sortKeysDeep } from '../dashboards/private/json';
import { matchSignal } from '../signals/private/match';
import type { Signal } from '../signals/signal';

/** Options of the Grafana dashboard backend. */
export interface GrafanaDashboardOptions {
  /**
   * Construct id of the rendering under each dashboard.
   * @default "Grafana"
   */
  readonly id?: string;
  /**
   * The Grafana connection (its provider creates the dashboard).
   * @default - the folder's connection, else GrafanaConnection.of(dashboard)
   */
  readonly connection?: GrafanaConnection;
  /**
   * The folder the dashboard is saved in.
   * @default - Grafana's General folder
   */
  readonly folder?: GrafanaFolder;
  /** UID of the data source of PromQL queries (a Prometheus data source), or the only data source. */
  readonly datasourceUid: string;
  /**
   * UID of a CloudWatch data source for CloudWatch signals, when `datasourceUid` is a Prometheus one.
   * @default - `datasourceUid`
   */
  readonly cloudWatchDatasourceUid?: string;
  /**
   * The dashboard uid (1-40 letters, digits, - and _), unique per Grafana organization.
   * @default - derived from the title
   */
  readonly uid?: string;
  /**
   * JSON merged into the dashboard model last (objects merge key by key, anything else
   * replaces), e.g. `{ refresh: '1m', graphTooltip: 1 }`.
   * @default - none
   */
  readonly rawOverrides?: { [key: string]: any };
}

const UID = /^[A-Za-z0-9_-]{1,40}$/;

/** The `grafana_dashboard` a `Dashboard` rendered. */
export class GrafanaRenderedDashboard extends Construct implements IRenderedDashboard {
  /** The backend. */
  public readonly backend: IDashboardBackend;
  /** The main resource. */
  public readonly resource: TerraformResource;
  /** The `grafana_dashboard` (escape hatch, typed). */
  public readonly grafanaDashboard: GrafanaDashboardResource;
  /** The dashboard uid. */
  public readonly uid: string;
  private readonly dashboard: Dashboard;
  private readonly options: GrafanaDashboardOptions;
  private readonly connection: GrafanaConnection;

  constructor(dashboard: Dashboard, backend: GrafanaDashboardRenderer) {
    super(dashboard, backend.id);
    this.backend = backend;
    this.dashboard = dashboard;
    const o = backend.options;
    this.options = o;
    if (o.folder !== undefined && !(o.folder instanceof GrafanaFolder)) fail(dashboard, 'folder', o.folder, 'a GrafanaFolder');
    const conn = o.connection ?? o.folder?.connection ?? GrafanaConnection.of(dashboard);
    this.connection = conn;
    requirePattern(dashboard, 'datasourceUid', o.datasourceUid, UID, 'a Grafana data source UID (1-40 letters, digits, _ or -)');
    if (o.cloudWatchDatasourceUid !== undefined) {
      requirePattern(dashboard, 'cloudWatchDatasourceUid', o.cloudWatchDatasourceUid, UID, 'a Grafana data source UID (1-40 letters, digits, _ or -)');
    }
    if (o.rawOverrides !== undefined && !isPlainObject(o.rawOverrides)) fail(dashboard, 'rawOverrides', o.rawOverrides, 'a JSON object');
    this.uid = o.uid !== undefined
      ? requirePattern(dashboard, 'uid', o.uid, UID, 'a dashboard uid of 1-40 letters, digits, - or _')
      : uidFromText(dashboard.title);
    // Dashboard uids are unique per Grafana organization.
    if (!claimName(dashboard, `grafana-dashboard-uid:${conn.node.path}`, this.uid)) {
      fail(dashboard, o.uid !== undefined ? 'uid' : 'title', this.uid,
        'a Grafana dashboard uid not used by another dashboard of this stack and Grafana connection (set uid)');
    }
    this.grafanaDashboard = new GrafanaDashboardResource(this, 'Resource', {
      configJson: EscapingLazy.stringValue({ produce: () => JSON.stringify(this.renderJson()) }),
      folder: o.folder?.resource.uid,
      provider: conn.provider,
    });
    this.resource = this.grafanaDashboard;
    this.node.addValidation({ validate: () => { this.renderJson(); return []; } });
  }

  /** The dashboard model (keys sorted). */
  public renderJson(): { [key: string]: any } {
    // Data sources the library creates in this stack are named by reference (rendered lazily,
    // so a data source declared after the dashboard counts too); others by their uid.
    const ref = (uid: string) => grafanaUidRef(this, 'datasource', this.connection, uid);
    const json = grafanaDashboardJson(this.dashboard, {
      uid: this.uid,
      datasourceUid: ref(this.options.datasourceUid),
      cloudWatchDatasourceUid: this.options.cloudWatchDatasourceUid === undefined ? undefined : ref(this.options.cloudWatchDatasourceUid),
      backend: this.backend,
    });
    return sortKeysDeep(this.options.rawOverrides ? deepMerge(json, this.options.rawOverrides) : json);
  }
}

/** Renders dashboards as `grafana_dashboard` resources. */
export class GrafanaDashboardRenderer implements ISignalAwareDashboardBackend {
  /** `grafana`. */
  public readonly kind: string = 'grafana';
  /** Construct id of renderings. */
  public readonly id: string;
  /** The options. */
  public readonly options: GrafanaDashboardOptions;

  constructor(options: GrafanaDashboardOptions) {
    this.options = { ...(options ?? ({} as GrafanaDashboardOptions)) };
    this.id = this.options.id ?? 'Grafana';
  }

  /** Render a dashboard. */
  public render(dashboard: Dashboard): IRenderedDashboard {
    return new GrafanaRenderedDashboard(dashboard, this);
  }

  /** PromQL, and CloudWatch metrics and expressions (through the CloudWatch data source). */
  public canDraw(signal: Signal): boolean {
    return matchSignal<boolean>(signal, {
      promQl: () => true,
      cloudWatchMetric: () => true,
      cloudWatchExpression: () => true,
      datadogQuery: () => false,
      nrql: () => false,
    });
  }
}
