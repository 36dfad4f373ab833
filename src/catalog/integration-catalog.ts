import { Annotations, DefaultTokenResolver, StringConcat, TerraformElement, TerraformOutput, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { sortKeys, stableJson } from './private/json-tools';
import { INTEGRATION_MANIFEST_SCHEMA } from './private/schema-integration-manifest';
import { beforeSynthesis, writeBesideStack } from './private/synth-hooks';
import { pathOf } from '../core/errors';
import { IIntegration, IntegrationDescription, IntegrationHealthKind, IntegrationHealthSignal, Integrations } from '../core/integration';
import { claimName } from '../core/private/stack-registry';
import { libraryScope } from '../core/private/template-escape';
import { CONTROL_CHARS, describe, fail, optionalArray, optionalBoolean, requirePattern } from '../core/private/validate';
import { Secret } from '../core/secret';
import { Severities, Severity } from '../core/severity';
import { Dashboard, DashboardRow } from '../dashboards/dashboard';
import type { IDashboardBackend, ISignalAwareDashboardBackend } from '../dashboards/dashboard-backend';
import { ThresholdMarker, Widget } from '../dashboards/widget';
import type { IMonitorBackend } from '../monitors/backend';
import { MonitorConfig } from '../monitors/monitor-config';
import { backendEvaluates } from '../monitors/private/signal-aware';
import { ComparisonOperator, Comparisons, MissingData } from '../monitors/threshold';
import { isNotificationTarget } from '../notifications/private/check';
import type { INotificationTarget } from '../notifications/targets';
import { Signal } from '../signals/signal';

/** How the health of a cataloged integration is checked. */
export enum IntegrationStatus {
  /** Every health signal is checked (by the integration's alarms, the catalog's monitors or a plan-time check). */
  CHECKED = 'checked',
  /** Some health signals are checked, others are not. */
  PARTIALLY_CHECKED = 'partially-checked',
  /** It has health signals, but nothing checks them (name `monitorBackends` to monitor them). */
  UNCHECKED = 'unchecked',
  /** It has no health signal (the manifest says why). */
  NO_HEALTH_SIGNAL = 'no-health-signal',
}

/** Props of an `IntegrationCatalog`. */
export interface IntegrationCatalogProps {
  /**
   * Backends the status dashboard is drawn on: one dashboard per backend, one row per
   * integration with a text of its health and a chart of each signal the backend can draw.
   * @default - no status dashboard
   */
  readonly dashboardBackends?: IDashboardBackend[];
  /**
   * Title of the status dashboards.
   * @default "Integrations of <stack>"
   */
  readonly dashboardTitle?: string;
  /**
   * Monitor backends that monitor the health signals no alarm of the integration watches
   * (signals an integration already alarms are never monitored twice; plan-time checks are no
   * signals). One `MonitorConfig` per such signal, rendered to every backend named here.
   * @default - the catalog creates no monitors
   */
  readonly monitorBackends?: IMonitorBackend[];
  /**
   * Who the catalog's monitors notify, routed by severity like any other monitor (a target
   * hears a monitor only if it takes `severity`). Only with `monitorBackends`.
   * @default - nobody
   */
  readonly targets?: INotificationTarget[];
  /**
   * Severity of the catalog's monitors.
   * @default Severity.SEV3
   */
  readonly severity?: Severity;
  /**
   * A Terraform output per integration (`integration_<kind>_<name>`): kind, name, status, and
   * per health signal what checks it, by reference.
   * @default true
   */
  readonly outputs?: boolean;
  /**
   * Write the manifest next to the stack's cdk.tf.json when the stack is synthesized.
   * @default true
   */
  readonly writeManifest?: boolean;
  /**
   * File name of the manifest (letters, digits, `.`, `_`, `-`, ending in `.json`).
   * @default "integrations.manifest.json"
   */
  readonly manifestFileName?: string;
}

/** One integration the catalog found. */
export interface CatalogedIntegration {
  /** `kind/name`, unique in the catalog. */
  readonly id: string;
  /** The integration. */
  readonly integration: IIntegration;
  /** Its description. */
  readonly description: IntegrationDescription;
  /** How its health is checked. */
  readonly status: IntegrationStatus;
  /** The monitors the catalog created for it, by health signal name. */
  readonly monitors: { [signal: string]: MonitorConfig };
}

const KIND = /^[a-z][a-z0-9.-]{0,63}$/;
const SIGNAL_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;
const FILE_NAME = /^[A-Za-z0-9._-]{1,100}\.json$/;
const HEALTH_KINDS = Object.values(IntegrationHealthKind) as string[];
const DASHBOARD_ACCEPTED = 'IDashboardBackend values (DashboardBackend.datadog(), .grafana({...}), .cloudwatch(), .newRelic())';
const MONITOR_ACCEPTED = 'IMonitorBackend values (MonitorBackend.datadog(), .cloudwatch(), .grafana({...}), .newRelic({...}))';

interface Entry {
  readonly id: string;
  readonly integration: IIntegration;
  readonly d: IntegrationDescription;
  readonly monitors: Record<string, MonitorConfig>;
  /** Its part of construct ids and output names (unique in the catalog). */
  key: string;
  status: IntegrationStatus;
}

/**
 * Every integration of a stack in one place: the catalog finds each construct of its stack
 * that is an integration (`Integrations.isIntegration()`: the library's connections,
 * DatadogExport, Webhook, JiraWorkflow, GitHubRepository, GitOpsPipeline, and your own
 * `IIntegration`s), with its connection and health signals, and renders
 *
 * - a **status dashboard** on each of `dashboardBackends` (one row per integration; an
 *   integration without health signal gets a text saying so),
 * - **monitors** on `monitorBackends` for the health signals no alarm of the integration
 *   watches, notifying `targets` by severity,
 * - a **Terraform output** per integration (values are references), and
 * - a **manifest** (`manifest`, `manifestJson`, and `<outdir>/stacks/<stack>/integrations.manifest.json`),
 *   deterministic JSON of what is connected and how it is checked, valid against
 *   `IntegrationCatalog.manifestSchema()`. Secrets appear only by reference (source, path,
 *   variable), never by value.
 *
 * The catalog looks for integrations just before the stack is synthesized, so integrations
 * created after it are found too. Reading `integrations` or `manifest` earlier looks then;
 * integrations created after that are left out (with a warning). One catalog per stack.
 */
export class IntegrationCatalog extends Construct {
  /** The JSON Schema (draft-07) of the manifest. */
  public static manifestSchema(): { [key: string]: any } {
    return JSON.parse(JSON.stringify(INTEGRATION_MANIFEST_SCHEMA));
  }

  /** The status dashboards, one per dashboard backend (empty before the catalog looked). */
  public readonly dashboards: Dashboard[] = [];
  /** File name of the manifest. */
  public readonly manifestFileName: string;

  private readonly dashboardBackends: IDashboardBackend[];
  private readonly monitorBackends: IMonitorBackend[];
  private readonly targets: INotificationTarget[];
  private readonly severity: Severity;
  private readonly outputsEnabled: boolean;
  private readonly dashboardTitle: string;
  private entries?: Entry[];

  constructor(scope: Construct, id: string, props: IntegrationCatalogProps = {}) {
    super(scope, id);
    libraryScope(this);
    const p = props ?? {};
    if (typeof p !== 'object') fail(this, 'props', p, 'an IntegrationCatalogProps object');
    const stack = TerraformStack.of(this);
    this.dashboardBackends = this.backendList('dashboardBackends', p.dashboardBackends, DASHBOARD_ACCEPTED);
    this.monitorBackends = this.backendList('monitorBackends', p.monitorBackends, MONITOR_ACCEPTED);
    this.targets = optionalArray(this, 'targets', p.targets, 'a list of notification targets');
    this.targets.forEach((t, i) => {
      if (!isNotificationTarget(t)) fail(this, `targets[${i}]`, t, 'an INotificationTarget (NotificationTarget.slack(), pagerDuty(), email(), webhook(), JiraWorkflow.target() …)');
    });
    if (this.targets.length > 0 && this.monitorBackends.length === 0) {
      fail(this, 'targets', this.targets.map((t) => t.targetId), '[] or unset when monitorBackends is empty (the catalog creates no monitors to notify from)');
    }
    this.severity = p.severity ?? Severity.SEV3;
    if (!Severities.isSeverity(this.severity)) fail(this, 'severity', p.severity, `one of ${Severities.all().join(', ')}`);
    this.outputsEnabled = optionalBoolean(this, 'outputs', p.outputs, true);
    const write = optionalBoolean(this, 'writeManifest', p.writeManifest, true);
    this.manifestFileName = p.manifestFileName === undefined ? 'integrations.manifest.json'
      : requirePattern(this, 'manifestFileName', p.manifestFileName, FILE_NAME, 'a file name of letters, digits, ., _ and - ending in .json');
    if (p.dashboardTitle !== undefined && (typeof p.dashboardTitle !== 'string' || p.dashboardTitle.trim() === '' || CONTROL_CHARS.test(p.dashboardTitle))) {
      fail(this, 'dashboardTitle', p.dashboardTitle, 'a non-empty title without control characters');
    }
    this.dashboardTitle = p.dashboardTitle ?? `Integrations of ${stack.node.id}`;
    if (!claimName(this, 'catalog', 'integration-catalog')) {
      fail(this, 'IntegrationCatalog', stack.node.id, 'one IntegrationCatalog per stack (it already has one)');
    }

    beforeSynthesis(stack, () => this.build());
    if (write) writeBesideStack(stack, this.manifestFileName, () => `${this.manifestJson}\n`);
    this.node.addValidation({ validate: () => this.checkLateIntegrations() });
  }

  /** The integrations found, sorted by id (finds them now if the catalog has not looked yet). */
  public get integrations(): CatalogedIntegration[] {
    return this.build().map((e) => ({ id: e.id, integration: e.integration, description: e.d, status: e.status, monitors: { ...e.monitors } }));
  }

  /**
   * The manifest as an object: every integration with its connections, endpoint, secrets (by
   * reference), resources and health checks (`"health": "none"` with a `reason` for an
   * integration without health signal). Terraform references are written as expressions.
   */
  public get manifest(): { [key: string]: any } {
    const stack = TerraformStack.of(this);
    const doc = {
      $schema: INTEGRATION_MANIFEST_SCHEMA.$id,
      manifestVersion: 1,
      stack: stack.node.id,
      integrations: this.build().map((e) => this.manifestEntry(e)),
    };
    const resolved = Tokenization.resolve(doc, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
    return sortKeys(resolved) as { [key: string]: any };
  }

  /** The manifest as deterministic JSON (keys sorted, two-space indentation). */
  public get manifestJson(): string {
    return stableJson(this.manifest);
  }

  /** Finds and describes the integrations, and renders dashboards, monitors and outputs, once. */
  private build(): Entry[] {
    if (this.entries) return this.entries;
    const stack = TerraformStack.of(this);
    const found = stack.node.findAll().filter((c) => Integrations.isIntegration(c) && TerraformStack.of(c) === stack) as unknown as IIntegration[];
    const entries: Entry[] = [];
    const byId = new Map<string, IIntegration>();
    for (const integration of found) {
      const d = this.validateDescription(integration);
      const id = `${d.kind}/${d.name}`;
      const other = byId.get(id);
      if (other) {
        fail(this, 'integrations', id, `integrations with distinct kind and name (${pathOf(other)} and ${pathOf(integration)} are both ${id})`);
      }
      byId.set(id, integration);
      entries.push({ id, integration, d, monitors: {}, key: '', status: IntegrationStatus.NO_HEALTH_SIGNAL });
    }
    entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Ids that differ only in characters construct ids and output names cannot hold get a number.
    const keys = new Set<string>();
    for (const e of entries) {
      const base = e.id.replace(/[^A-Za-z0-9]+/g, '_');
      let key = base;
      for (let n = 2; keys.has(key); n++) key = `${base}_${n}`;
      keys.add(key);
      e.key = key;
    }
    this.entries = entries;
    if (entries.length === 0) {
      Annotations.of(this).addWarning(`${this.node.path}: the stack ${stack.node.id} has no integration (no connection, export, webhook, workflow, repository or pipeline); the catalog is empty.`);
    }
    for (const e of entries) this.createMonitors(e);
    for (const e of entries) e.status = statusOf(e);
    this.createDashboards(entries);
    if (this.outputsEnabled) for (const e of entries) this.createOutput(e);
    return entries;
  }

  private backendList<T extends { id: string; kind: string }>(prop: string, value: T[] | undefined, accepted: string): T[] {
    const list = optionalArray(this, prop, value, `a list of ${accepted}`);
    const ids = new Set<string>();
    list.forEach((b: any, i) => {
      if (!b || typeof b !== 'object' || typeof b.id !== 'string' || typeof b.kind !== 'string' || typeof b.render !== 'function') {
        fail(this, `${prop}[${i}]`, typeof b === 'object' && b !== null ? describeBackend(b) : b, accepted);
      }
      if (ids.has(b.id)) fail(this, `${prop}[${i}]`, b.id, 'backends with distinct ids (give a second backend of a kind its own id)');
      ids.add(b.id);
    });
    return list;
  }

  /** The integration's description, checked (a plugin's description is input like any prop). */
  private validateDescription(integration: IIntegration): IntegrationDescription {
    const scope = integration as IConstruct;
    const d = integration.describeIntegration() as IntegrationDescription | undefined;
    const at = (prop: string) => `describeIntegration().${prop}`;
    if (!d || typeof d !== 'object') fail(scope, 'describeIntegration()', d, 'an IntegrationDescription');
    requirePattern(scope, at('kind'), d.kind, KIND, 'a kind of lower-case letters, digits, . and - (starting with a letter, at most 64)');
    if (typeof d.name !== 'string' || d.name.trim() === '' || d.name.length > 128 || CONTROL_CHARS.test(d.name)) {
      fail(scope, at('name'), d.name, 'a name of 1-128 characters without control characters');
    }
    if (!Array.isArray(d.systems) || d.systems.length === 0 || d.systems.some((s) => typeof s !== 'string' || !KIND.test(s))) {
      fail(scope, at('systems'), d.systems, 'a non-empty list of system names (lower-case letters, digits, . and -)');
    }
    (d.connections ?? []).forEach((c, i) => {
      if (!Integrations.isIntegration(c)) fail(scope, at(`connections[${i}]`), c, 'an IntegrationConnection');
    });
    for (const [prop, map] of [['endpoint', d.endpoint], ['resources', d.resources]] as const) {
      if (map === undefined) continue;
      if (map === null || typeof map !== 'object' || Array.isArray(map)) fail(scope, at(prop), map, 'a map of strings');
      for (const [k, v] of Object.entries(map)) if (typeof v !== 'string') fail(scope, at(`${prop}.${k}`), v, 'a string');
    }
    (d.secrets ?? []).forEach((s, i) => {
      if (!s || typeof s.role !== 'string' || !Secret.isSecret(s.secret)) fail(scope, at(`secrets[${i}]`), s, 'an IntegrationSecretReference ({ role, secret: Secret })');
    });
    if (!Array.isArray(d.health)) fail(scope, at('health'), d.health, 'a list of IntegrationHealthSignal ([] when there is none)');
    const names = new Set<string>();
    d.health.forEach((h, i) => {
      const hp = (prop: string) => at(`health[${i}].${prop}`);
      if (!h || typeof h !== 'object') fail(scope, at(`health[${i}]`), h, 'an IntegrationHealthSignal');
      requirePattern(scope, hp('name'), h.name, SIGNAL_NAME, 'a signal name of letters, digits and - (at most 63)');
      if (names.has(h.name)) fail(scope, hp('name'), h.name, 'a signal name not used twice in the integration');
      names.add(h.name);
      if (!HEALTH_KINDS.includes(h.kind)) fail(scope, hp('kind'), h.kind, `one of ${HEALTH_KINDS.map((k) => `IntegrationHealthKind.${k}`).join(', ')}`);
      if (typeof h.description !== 'string' || h.description.trim() === '') fail(scope, hp('description'), h.description, 'a non-empty description');
      if (h.signal !== undefined) {
        if (!(h.signal instanceof Signal)) fail(scope, hp('signal'), h.signal, 'a Signal');
        if (!Object.values(ComparisonOperator).includes(h.comparison as ComparisonOperator)) fail(scope, hp('comparison'), h.comparison, 'a ComparisonOperator (required with signal)');
        if (typeof h.threshold !== 'number' || !Number.isFinite(h.threshold)) fail(scope, hp('threshold'), h.threshold, 'a finite number (required with signal)');
      } else if (!h.check) {
        fail(scope, hp('signal'), undefined, 'a Signal, or a plan-time check (check)');
      }
      if (h.check !== undefined && !(h.check instanceof TerraformElement)) fail(scope, hp('check'), h.check, 'a TerraformElement (a check block)');
      if (h.alarm !== undefined && (!h.alarm || !(h.alarm.resource instanceof TerraformResource) || typeof h.alarm.system !== 'string' || typeof h.alarm.referenceAttribute !== 'string')) {
        fail(scope, hp('alarm'), h.alarm, 'an IntegrationAlarm ({ system, resource, referenceAttribute })');
      }
    });
    if (d.health.length === 0 && (typeof d.noHealthReason !== 'string' || d.noHealthReason.trim() === '')) {
      fail(scope, at('noHealthReason'), d.noHealthReason, 'a reason (required when health is empty)');
    }
    return d;
  }

  /** A MonitorConfig per health signal no alarm watches, on every monitor backend. */
  private createMonitors(e: Entry): void {
    if (this.monitorBackends.length === 0) return;
    for (const h of e.d.health) {
      if (!h.signal || h.alarm) continue;
      const signal = h.signal;
      // A backend that tells which signals it evaluates gets only those; any other gets every signal.
      const backends = this.monitorBackends.filter((b) => backendEvaluates(b, signal) !== false);
      if (backends.length === 0) continue;
      const monitor = new MonitorConfig(this, `Monitor_${e.key}_${h.name.replace(/[^A-Za-z0-9]+/g, '_')}`, {
        title: `Integration ${e.id}: ${h.name}`,
        message: `${h.description} (integration ${e.integration.node.path}, ${h.kind}).`,
        signal: h.signal,
        comparison: h.comparison!,
        critical: h.threshold!,
        period: h.period ?? 300,
        evaluationPeriods: h.evaluationPeriods ?? 1,
        missingData: h.missingData ?? MissingData.NOT_BREACHING,
        severity: this.severity,
        tags: { integration: e.d.kind },
        backends,
        targets: this.targets,
      });
      e.monitors[h.name] = monitor;
    }
  }

  /** One dashboard per dashboard backend, one row per integration. */
  private createDashboards(entries: Entry[]): void {
    this.dashboardBackends.forEach((backend) => {
      const rows: DashboardRow[] = entries.map((e, n) => ({ title: `${e.d.kind}: ${e.d.name}`, widgets: this.widgets(e, n, backend) }));
      if (rows.length === 0) rows.push({ title: 'No integration', widgets: [Widget.text({ id: 'empty', markdown: `The stack ${TerraformStack.of(this).node.id} has no integration.` })] });
      this.dashboards.push(new Dashboard(this, `Dashboard${backend.id}`, {
        title: this.dashboardTitle,
        description: 'One row per integration: its health signals and what checks them (IntegrationCatalog).',
        backends: [backend],
        rows,
      }));
    });
  }

  private widgets(e: Entry, n: number, backend: IDashboardBackend): Widget[] {
    const lines = [`**${e.d.kind}** ${e.d.name}: ${e.status}`];
    if (e.d.health.length === 0) {
      lines.push('', `No health signal: ${e.d.noHealthReason}`);
      return [Widget.text({ id: `i${n + 1}-status`, markdown: lines.join('\n') })];
    }
    const charts: Widget[] = [];
    const canDraw = typeof (backend as ISignalAwareDashboardBackend).canDraw === 'function'
      ? (s: Signal) => (backend as ISignalAwareDashboardBackend).canDraw(s) : () => false;
    lines.push('');
    for (const h of e.d.health) {
      const by = checkedBy(e, h).map((c) => (c.type === 'plan-check' ? 'a plan-time check' : c.type === 'catalog-monitor' ? `a catalog monitor (${c.system})` : `its alarm (${c.system})`));
      const rule = h.signal ? ` when ${h.signal.toString()} ${Comparisons.symbol(h.comparison!)} ${h.threshold}` : '';
      lines.push(`- ${h.name} (${h.kind})${rule}: ${by.length > 0 ? `checked by ${by.join(', ')}` : 'not checked'}`);
      if (h.signal && canDraw(h.signal)) {
        charts.push(Widget.timeSeries({
          id: `i${n + 1}-${h.name}`,
          title: `${h.name}: ${h.description}`.slice(0, 200),
          signals: [h.signal],
          thresholds: [ThresholdMarker.line(h.threshold!, { label: `broken ${Comparisons.symbol(h.comparison!)} ${h.threshold}` })],
          period: h.period ?? 300,
        }));
      }
    }
    return [Widget.text({ id: `i${n + 1}-status`, markdown: lines.join('\n'), height: Math.min(12, 2 + e.d.health.length) }), ...charts];
  }

  /** `integration_<kind>_<name>`: kind, name, status, and per signal what checks it (by reference). */
  private createOutput(e: Entry): void {
    const health: Record<string, Record<string, unknown>> = {};
    for (const h of e.d.health) {
      const refs: Record<string, string> = {};
      if (h.alarm) refs.integration_alarm = h.alarm.resource.getStringAttribute(h.alarm.referenceAttribute);
      const m = e.monitors[h.name];
      if (m) for (const r of m.renderings) refs[`catalog_monitor_${r.backend.id}`] = r.resource.getStringAttribute('id');
      if (h.check) refs.plan_check = `check.${TerraformStack.of(this).getLogicalId(h.check)}`;
      health[h.name] = { kind: h.kind, checked_by: refs };
    }
    const output = new TerraformOutput(this, `Output_${e.key}`, {
      description: `Integration ${e.id} (${e.integration.node.path})`,
      value: {
        kind: e.d.kind,
        name: e.d.name,
        status: e.status,
        systems: [...e.d.systems].sort(),
        resources: { ...(e.d.resources ?? {}) },
        health,
        ...(e.d.health.length === 0 ? { reason: e.d.noHealthReason } : {}),
      },
    });
    output.overrideLogicalId(`integration_${e.key}`);
  }

  private manifestEntry(e: Entry): Record<string, unknown> {
    const stack = TerraformStack.of(this);
    const ids = new Map(this.entries!.map((x) => [x.integration as IConstruct, x.id]));
    const base: Record<string, unknown> = {
      id: e.id,
      kind: e.d.kind,
      name: e.d.name,
      path: e.integration.node.path,
      systems: [...new Set(e.d.systems)].sort(),
      connections: [...new Set((e.d.connections ?? []).map((c) => ids.get(c) ?? c.node.path))].sort(),
      endpoint: { ...(e.d.endpoint ?? {}) },
      secrets: (e.d.secrets ?? []).map((s) => secretEntry(s.role, s.secret)).sort((a, b) => `${a.role}|${a.path}`.localeCompare(`${b.role}|${b.path}`)),
      resources: { ...(e.d.resources ?? {}) },
      status: e.status,
    };
    if (e.d.health.length === 0) return { ...base, health: 'none', reason: e.d.noHealthReason };
    return {
      ...base,
      health: e.d.health.map((h) => {
        const out: Record<string, unknown> = {
          name: h.name,
          kind: h.kind,
          description: h.description,
          checkedBy: checkedBy(e, h).map((c) => ({ type: c.type, system: c.system, address: c.address(stack) })),
        };
        if (h.signal) {
          const cw = h.signal.cloudWatchMetricProps;
          out.signal = {
            kind: h.signal.kind,
            description: h.signal.toString(),
            ...(cw?.statistic ? { statistic: cw.statistic.name } : {}),
            ...(cw?.dimensions ? { dimensions: { ...cw.dimensions } } : {}),
          };
          out.comparison = Comparisons.symbol(h.comparison!);
          out.threshold = h.threshold;
          out.periodSeconds = h.period ?? 300;
          out.evaluationPeriods = h.evaluationPeriods ?? 1;
          out.missingData = h.missingData ?? MissingData.NOT_BREACHING;
        }
        return out;
      }),
    };
  }

  /** Integrations created after the catalog looked are not in it: say so. */
  private checkLateIntegrations(): string[] {
    if (!this.entries) return [];
    const stack = TerraformStack.of(this);
    const known = new Set(this.entries.map((e) => e.integration as IConstruct));
    const late = stack.node.findAll().filter((c) => Integrations.isIntegration(c) && TerraformStack.of(c) === stack && !known.has(c));
    if (late.length > 0) {
      Annotations.of(this).addWarning(`${this.node.path}: ${late.map((c) => c.node.path).join(', ')} ${late.length === 1 ? 'was' : 'were'} created after the catalog `
        + 'read its integrations (integrations or manifest was read before) and are not in it.');
    }
    return [];
  }
}

interface CheckedBy {
  readonly type: 'integration-alarm' | 'catalog-monitor' | 'plan-check';
  readonly system: string;
  address(stack: TerraformStack): string;
}

function checkedBy(e: Entry, h: IntegrationHealthSignal): CheckedBy[] {
  const out: CheckedBy[] = [];
  if (h.alarm) {
    const r = h.alarm.resource;
    out.push({ type: 'integration-alarm', system: h.alarm.system, address: (stack) => `${r.terraformResourceType}.${stack.getLogicalId(r)}` });
  }
  const m = e.monitors[h.name];
  if (m) {
    for (const r of m.renderings) {
      out.push({ type: 'catalog-monitor', system: r.backend.kind, address: (stack) => `${r.resource.terraformResourceType}.${stack.getLogicalId(r.resource)}` });
    }
  }
  if (h.check) {
    const c = h.check;
    out.push({ type: 'plan-check', system: 'terraform', address: (stack) => `check.${stack.getLogicalId(c)}` });
  }
  return out;
}

function statusOf(e: Entry): IntegrationStatus {
  if (e.d.health.length === 0) return IntegrationStatus.NO_HEALTH_SIGNAL;
  const checked = e.d.health.filter((h) => checkedBy(e, h).length > 0).length;
  if (checked === e.d.health.length) return IntegrationStatus.CHECKED;
  return checked === 0 ? IntegrationStatus.UNCHECKED : IntegrationStatus.PARTIALLY_CHECKED;
}

/** A secret by reference: its source, construct path and variable, never its value. */
function secretEntry(role: string, s: Secret): { role: string; source: string; path: string } & Record<string, string> {
  const out: { role: string; source: string; path: string } & Record<string, string> = { role, source: s.source, path: s.node.path };
  if (s.variableName) out.variable = s.variableName;
  if (s.environmentVariable) out.environmentVariable = s.environmentVariable;
  const arn = s.secretsManagerArn ?? s.ssmParameterArn;
  if (arn) out.reference = arn;
  return out;
}

function describeBackend(b: Record<string, unknown>): unknown {
  return typeof b.kind === 'string' && typeof b.id === 'string' ? `${b.kind} backend ${b.id} (without render())` : describe(b);
}
