/**
 * Reading a monitor catalog file (YAML, JSON or CSV) into `MonitorCatalogProps`. YAML and JSON
 * are one model; CSV rows are converted to it (see catalog-csv.ts). The model is validated
 * against MONITOR_CATALOG_SCHEMA, then names (backends, targets), duplicate ids and what the
 * schema cannot say (one signal kind, window a multiple of period) are checked; every problem
 * of the file is reported at once with its position.
 */
import { Construct, IConstruct } from 'constructs';
import { readCsvCatalog } from './catalog-csv';
import { CATALOG_LOCATORS } from './catalog-locator';
import { MONITOR_CATALOG_SCHEMA } from './schema-monitor-catalog';
import { CatalogIssue, fieldName, formatOf, IssueCollector, parseYamlOrJson, readText, SourceDocument, SourcePath, validateAgainstSchema, verbatim } from './source';
import { pathOf, ValidationError } from '../../core/errors';
import { describe } from '../../core/private/validate';
import { Severity } from '../../core/severity';
import { Dashboard, DashboardProps } from '../../dashboards/dashboard';
import type { IDashboardBackend } from '../../dashboards/dashboard-backend';
import { MarkerLevel, ThresholdMarker, Widget } from '../../dashboards/widget';
import type { IMonitorBackend } from '../../monitors/backend';
import { BurnRateAlert, BurnRateUrgency, Slo, SloIndicator, SloProps, SloWindow } from '../../monitors/slo';
import { ComparisonOperator, Comparisons, MissingData } from '../../monitors/threshold';
import type { INotificationTarget } from '../../notifications/targets';
import { Aggregation, AwsService, Signal, Statistic } from '../../signals/signal';
import type { MonitorCatalogDefaults, MonitorCatalogFileOptions } from '../catalog-file-options';
import type { CatalogMonitor, MonitorCatalogProps } from '../monitor-catalog';

/** A catalog file, read and validated. */
export interface ParsedCatalogFile {
  /** The catalog's props (registered in CATALOG_LOCATORS with the file's positions). */
  readonly props: MonitorCatalogProps;
  /** Adds what the file declares besides monitors (SLOs, dashboards) under the catalog. */
  build(catalog: IConstruct): void;
}

/** Read and validate a catalog file; every problem is reported at once. */
export function readCatalogFile(scope: IConstruct, id: string, options: MonitorCatalogFileOptions): ParsedCatalogFile {
  const where = `${pathOf(scope)}/${id}`;
  if (!options || typeof options !== 'object') throw new ValidationError(where, 'options', describe(options), 'a MonitorCatalogFileOptions object');
  if (typeof options.file !== 'string' || options.file.length === 0) throw new ValidationError(where, 'file', describe(options.file), 'the path of a .yaml, .yml, .json or .csv file');
  const format = formatOf(options.file);
  if (!format) throw new ValidationError(where, 'file', describe(options.file), 'the path of a .yaml, .yml, .json or .csv file');
  checkNamedMap(where, 'backends', options.backends, true);
  checkNamedMap(where, 'targets', options.targets, false);
  checkNamedMap(where, 'dashboardBackends', options.dashboardBackends, false);
  const reporter = { node: { path: where } } as unknown as IConstruct;
  const file = options.file;
  const text = readText(reporter, 'file', file);
  const issues = new IssueCollector();

  let doc: SourceDocument | undefined;
  if (format === 'csv') {
    doc = readCsvCatalog(file, text, issues);
  } else {
    const docs = parseYamlOrJson(file, text, issues);
    for (const extra of docs.slice(1)) {
      issues.add({ ...extra.issue([], verbatim(`document ${extra.index + 1}`), 'one document (a catalog is a single YAML document)'), field: '(document)' });
    }
    doc = docs[0];
    if (!doc && issues.empty) {
      issues.add({ file, position: { line: 1, column: 1 }, field: '(document)', received: 'an empty file', accepted: 'a catalog: an object with defaults, services and monitors' });
    }
  }
  if (!doc) {
    issues.throwIfAny(reporter, file);
    throw new Error(`${where}: ${file}: no catalog read`); // unreachable: no document is always an issue
  }
  validateAgainstSchema(MONITOR_CATALOG_SCHEMA, doc, issues);
  const built = new ModelReader(doc, options, issues).read();
  issues.throwIfAny(reporter, file);

  const props: MonitorCatalogProps = { monitors: built.monitors, backends: built.backends, targets: built.targets };
  CATALOG_LOCATORS.set(props, {
    file,
    locate: (index, prop) => {
      const origins = built.origins[index];
      if (!origins) return undefined;
      return doc!.locate(originOf(origins, prop));
    },
    field: (index, prop) => {
      const origins = built.origins[index];
      return origins ? doc!.issue(originOf(origins, prop), '', '').field : undefined;
    },
  });
  const build = (catalog: IConstruct) => {
    // The SLOs' and dashboards' own checks (burn rates against the target, what each backend
    // renders) are made by Slo and Dashboard; their problems are reported with the position of
    // the field, all at once.
    const later = new IssueCollector();
    type Item = { id: string; origins: Map<string, SourcePath> };
    const each = <T extends Item>(list: T[], parentId: string, make: (parent: Construct, item: T) => void) => {
      if (list.length === 0) return;
      const parent = new Construct(catalog as Construct, parentId);
      for (const item of list) {
        try {
          make(parent, item);
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          const origin = originOf(item.origins, e.prop.replace(/^indicator\./, ''));
          later.add({ ...doc!.issue(origin, '', e.accepted), received: e.received });
        }
      }
    };
    each(built.slos, 'Slos', (parent, slo) => new Slo(parent, slo.id, slo.props));
    each(built.dashboards, 'Dashboards', (parent, d) => new Dashboard(parent, d.id, d.props));
    later.throwIfAny(reporter, file);
  };
  return { props, build };
}

function checkNamedMap(where: string, prop: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(where, prop, describe(value), `a map of names to ${prop === 'targets' ? 'notification targets' : prop === 'backends' ? 'monitor backends' : 'dashboard backends'}`);
  }
  for (const [name, v] of Object.entries(value)) {
    if (v === null || typeof v !== 'object') throw new ValidationError(where, `${prop}.${name}`, describe(v), prop === 'targets' ? 'a notification target' : 'a backend');
  }
}

/** Where a prop of a CatalogMonitor came from: the recorded path of its longest known prefix. */
function originOf(origins: Map<string, SourcePath>, prop: string): SourcePath {
  const segments = prop.split(/[.[\]]+/).filter((s) => s.length > 0);
  for (let n = segments.length; n > 0; n--) {
    const key = segments.slice(0, n).join('.');
    const p = origins.get(key);
    if (p) return n < segments.length && !/^(signal|good|total)$/.test(key) ? [...p, ...segments.slice(n).map((s) => (/^\d+$/.test(s) ? Number(s) : s))] : p;
  }
  return origins.get('')!;
}

type Data = Record<string, any>;

interface ReadCatalog {
  readonly monitors: CatalogMonitor[];
  readonly backends: IMonitorBackend[];
  readonly targets: INotificationTarget[];
  /** For each monitor, where each of its props came from. */
  readonly origins: Array<Map<string, SourcePath>>;
  readonly slos: SloSpec[];
  readonly dashboards: DashboardSpec[];
}

/** A dashboard of the file. */
interface DashboardSpec {
  readonly id: string;
  readonly props: DashboardProps;
  readonly origins: Map<string, SourcePath>;
}

/** An SLO of the file: the props of its Slo construct and where each came from. */
interface SloSpec {
  readonly id: string;
  readonly props: SloProps;
  readonly origins: Map<string, SourcePath>;
}

/** One level of settings: a monitor, its service, the file's defaults, the code's defaults. */
interface Level {
  readonly data: Data;
  /** Where it is in the document (none for the code's defaults). */
  readonly path?: SourcePath;
}

interface Entry {
  readonly path: SourcePath;
  readonly data: Data;
  readonly service?: string;
  readonly serviceLevel?: Level;
}

const COMPARISONS: Record<string, ComparisonOperator> = {
  '>': ComparisonOperator.GREATER_THAN,
  '>=': ComparisonOperator.GREATER_THAN_OR_EQUAL,
  '<': ComparisonOperator.LESS_THAN,
  '<=': ComparisonOperator.LESS_THAN_OR_EQUAL,
  'GREATER_THAN': ComparisonOperator.GREATER_THAN,
  'GREATER_THAN_OR_EQUAL': ComparisonOperator.GREATER_THAN_OR_EQUAL,
  'LESS_THAN': ComparisonOperator.LESS_THAN,
  'LESS_THAN_OR_EQUAL': ComparisonOperator.LESS_THAN_OR_EQUAL,
};

/**
 * How a signal of the file is read: its key, which Signal factory builds it, where each prop of
 * the Signal comes from in the file (for positions), and the fields beside the key it takes.
 * One entry per key; the reader knows no key by name.
 */
interface SignalReader {
  readonly key: string;
  /** Signal prop → field under the key (`''`: the key's own value). */
  readonly fields: Readonly<Record<string, string>>;
  /** Fields beside the key, in the signal object (e.g. a query's time aggregation). */
  readonly siblings?: readonly string[];
  build(value: any, signal: Data): Signal | undefined;
}

const statistic = (v: unknown) => (typeof v === 'string' ? Statistic.fromString(v) : undefined);
const query = (factory: (props: { query: string }) => Signal): SignalReader['build'] => (v) => factory({ query: v });

const SIGNAL_READERS: readonly SignalReader[] = [
  {
    key: 'cloudwatch',
    fields: { namespace: 'namespace', metricName: 'metric', dimensions: 'dimensions', statistic: 'statistic', datadogMetric: 'datadogMetric' },
    build: (v) => (isObject(v) ? Signal.cloudWatchMetric({
      namespace: v.namespace,
      metricName: v.metric,
      dimensions: isObject(v.dimensions) ? v.dimensions : undefined,
      statistic: statistic(v.statistic),
      datadogMetric: v.datadogMetric,
    }) : undefined),
  },
  {
    key: 'aws',
    fields: { namespace: 'service', metricName: 'metric', dimensions: 'resource', statistic: 'statistic' },
    build: (v) => (isObject(v) && Object.values(AwsService).includes(v.service)
      ? Signal.awsMetric(v.service as AwsService, String(v.resource), String(v.metric), {
        statistic: statistic(v.statistic),
        extraDimensions: isObject(v.dimensions) ? v.dimensions : undefined,
      })
      : undefined),
  },
  {
    key: 'datadog',
    fields: { query: '' },
    siblings: ['timeAggregation'],
    build: (v, signal) => Signal.datadogQuery({ query: v, timeAggregation: typeof signal.timeAggregation === 'string' ? (signal.timeAggregation as Aggregation) : undefined }),
  },
  { key: 'promql', fields: { query: '' }, build: query(Signal.promQl) },
  { key: 'nrql', fields: { query: '' }, build: query(Signal.nrql) },
];
const SIGNAL_KEYS = SIGNAL_READERS.map((r) => r.key);
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

const isObject = (v: unknown): v is Data => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: object | undefined, k: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, k);

/** Seconds of a duration (`300`, `"5m"`), or undefined when it is not one (the schema reports it). */
export function durationSeconds(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^([1-9][0-9]*)(s|m|h|d)$/.exec(v);
  return m ? Number(m[1]) * UNITS[m[2]] : undefined;
}

class ModelReader {
  private readonly codeDefaults: Level;
  private readonly fileDefaults: Level;
  private readonly names = new Map<string, unknown[]>();
  private readonly root: Data;

  constructor(private readonly doc: SourceDocument, private readonly options: MonitorCatalogFileOptions, private readonly issues: IssueCollector) {
    this.root = isObject(doc.data) ? doc.data : {};
    this.codeDefaults = { data: codeDefaults(options.defaults) };
    this.fileDefaults = { data: isObject(this.root.defaults) ? this.root.defaults : {}, path: ['defaults'] };
  }

  public read(): ReadCatalog {
    const entries = this.entries('monitors');
    const sloEntries = this.entries('slos');
    if (entries.length === 0 && sloEntries.length === 0 && this.issues.empty) {
      this.issues.add(this.doc.issue(['monitors'], verbatim('no monitor'), 'at least one monitor (under monitors or services.<name>.monitors)'));
    }
    const outer = [this.fileDefaults, this.codeDefaults];
    const backendsLevel = outer.find((l) => has(l.data, 'backends'));
    const backends = backendsLevel
      ? this.backends(backendsLevel)
      : Object.keys(this.options.backends).sort().map((k) => this.options.backends[k]);
    if (backends.length === 0) {
      const issue = backendsLevel?.path
        ? this.doc.issue([...backendsLevel.path, 'backends'], [], 'at least one backend')
        : backendsLevel ? this.codeIssue('defaults.backends', [], 'at least one backend') : this.codeIssue('backends', {}, 'at least one backend, by name');
      this.issues.add(issue);
    }
    const targets = dedupe([...this.targets(this.codeDefaults), ...this.targets(this.fileDefaults)]);
    const ids = new Map<string, SourcePath>();
    const monitors: CatalogMonitor[] = [];
    const origins: Array<Map<string, SourcePath>> = [];
    for (const e of entries) {
      const o = new Map<string, SourcePath>([['', e.path]]);
      const m = this.monitor(e, o, targets);
      const id = e.data.id;
      if (typeof id === 'string') {
        const first = ids.get(id);
        if (first) {
          const pos = this.doc.locate(first);
          this.issues.add(this.doc.issue([...e.path, 'id'], id, `an id no other monitor has (${this.doc.issue(first, '', '').field}${pos ? `, line ${pos.line}` : ''} has it)`));
        } else {
          ids.set(id, e.path);
        }
      }
      monitors.push(m);
      origins.push(o);
    }
    const sloIds = new Map<string, SourcePath>();
    const slos: SloSpec[] = [];
    for (const e of sloEntries) {
      const o = new Map<string, SourcePath>([['', e.path]]);
      const id = e.data.id;
      if (typeof id === 'string') {
        const first = sloIds.get(id);
        if (first) {
          const pos = this.doc.locate(first);
          this.issues.add(this.doc.issue([...e.path, 'id'], id, `an id no other SLO has (${fieldName(first)}${pos ? `, line ${pos.line}` : ''} has it)`));
        } else {
          sloIds.set(id, e.path);
        }
      }
      slos.push({ id, props: this.slo(e, o, targets, backends), origins: o });
    }
    const dashboards = this.dashboards(entries, monitors);
    return { monitors, backends, targets, origins, slos, dashboards };
  }

  /** Each dashboard: a row of a time series per monitor, with the monitor's thresholds. */
  private dashboards(entries: Entry[], monitors: CatalogMonitor[]): DashboardSpec[] {
    const list = Array.isArray(this.root.dashboards) ? this.root.dashboards : [];
    const ids = new Map<string, SourcePath>();
    const out: DashboardSpec[] = [];
    list.forEach((d: unknown, i: number) => {
      if (!isObject(d)) return;
      const p: SourcePath = ['dashboards', i];
      const at = (k: string) => [...p, k];
      const o = new Map<string, SourcePath>([['', p], ['title', at('title')], ['description', at('description')], ['backends', at('backends')]]);
      if (typeof d.id === 'string') {
        const first = ids.get(d.id);
        if (first) this.issues.add(this.doc.issue(at('id'), d.id, `an id no other dashboard has (${fieldName(first)} has it)`));
        else ids.set(d.id, p);
      }
      let chosen = monitors.map((m, k) => ({ m, e: entries[k] }));
      if (Array.isArray(d.monitors)) {
        const byId = new Map(chosen.map((c) => [c.m.id, c]));
        const picked: typeof chosen = [];
        d.monitors.forEach((id: unknown, k: number) => {
          if (typeof id !== 'string') return;
          const c = byId.get(id);
          if (c) picked.push(c);
          else this.issues.add(this.doc.issue([...at('monitors'), k], id, 'the id of a monitor of this file'));
        });
        chosen = picked;
      }
      if (typeof d.service === 'string') {
        chosen = chosen.filter((c) => c.e.service === d.service);
        if (chosen.length === 0) this.issues.add(this.doc.issue(at('service'), d.service, 'a service with at least one monitor in this file'));
      }
      const backends = this.resolve({ data: d, path: p }, 'backends', this.options.dashboardBackends ?? {}, 'dashboard backends', 'MonitorCatalogFileOptions.dashboardBackends') as IDashboardBackend[];
      const widgets = chosen.map(({ m }, k) => {
        o.set(`rows.0.widgets.${k}`, entries[monitors.indexOf(m)].path);
        const sym = Comparisons.symbol(m.comparison);
        const thresholds = [ThresholdMarker.line(m.critical, { label: `critical ${sym} ${m.critical}`, level: MarkerLevel.CRITICAL })];
        if (m.warning !== undefined) thresholds.push(ThresholdMarker.line(m.warning, { label: `warning ${sym} ${m.warning}`, level: MarkerLevel.WARNING }));
        return Widget.timeSeries({ title: m.title, signals: [m.signal], thresholds, period: typeof m.period === 'number' ? m.period : undefined });
      });
      out.push({
        id: d.id,
        origins: o,
        props: {
          title: d.title,
          description: d.description,
          backends,
          rows: [{ title: typeof d.service === 'string' ? d.service : String(d.title), widgets }],
        },
      });
    });
    return out;
  }

  private slo(e: Entry, o: Map<string, SourcePath>, catalogTargets: INotificationTarget[], catalogBackends: IMonitorBackend[]): SloProps {
    const self: Level = { data: e.data, path: e.path };
    const levels = [self, ...(e.serviceLevel ? [e.serviceLevel] : []), this.fileDefaults, this.codeDefaults];
    const d = e.data;
    const at = (k: string) => [...e.path, k];
    for (const k of ['id', 'name', 'message', 'target', 'window', 'burnRateAlerts', 'pageSeverity', 'ticketSeverity']) o.set(k, at(k));
    const runbookLevel = levels.find((l) => has(l.data, 'runbook'));
    if (runbookLevel?.path) o.set('runbookUrl', [...runbookLevel.path, 'runbook']);
    const tags = this.tags(e, levels, o);
    const targets = dedupe([...catalogTargets, ...(e.serviceLevel ? this.targets(e.serviceLevel) : []), ...this.targets(self)]);
    if (has(d, 'targets')) o.set('targets', at('targets'));
    const backendLevel = [self, e.serviceLevel].find((l) => l && has(l.data, 'backends'));
    if (backendLevel) o.set('backends', [...backendLevel.path!, 'backends']);
    let alerts: BurnRateAlert[] | undefined;
    if (Array.isArray(d.burnRateAlerts)) {
      alerts = [];
      d.burnRateAlerts.forEach((a: unknown, i: number) => {
        if (!isObject(a)) return;
        const minutes = (k: string, prop: string) => {
          const p = [...at('burnRateAlerts'), i, k];
          o.set(`burnRateAlerts.${i}.${prop}`, p);
          const secs = durationSeconds(a[k]);
          if (secs !== undefined && secs % 60 !== 0) this.issues.add(this.doc.issue(p, a[k], 'whole minutes (60, "5m", "1h")'));
          return secs === undefined ? a[k] : secs / 60;
        };
        o.set(`burnRateAlerts.${i}`, [...at('burnRateAlerts'), i]);
        o.set(`burnRateAlerts.${i}.burnRate`, [...at('burnRateAlerts'), i, 'burnRate']);
        alerts!.push(new BurnRateAlert({
          burnRate: a.burnRate,
          longWindowMinutes: minutes('longWindow', 'longWindowMinutes'),
          shortWindowMinutes: minutes('shortWindow', 'shortWindowMinutes'),
          urgency: a.urgency as BurnRateUrgency,
        }));
      });
    }
    const props: SloProps = {
      name: d.name,
      message: d.message,
      target: d.target,
      window: d.window as SloWindow | undefined,
      indicator: SloIndicator.ratio({ good: this.signal(d.good, at('good'), o, 'good') as Signal, total: this.signal(d.total, at('total'), o, 'total') as Signal }),
      burnRateAlerts: alerts,
      pageSeverity: d.pageSeverity as Severity | undefined,
      ticketSeverity: d.ticketSeverity as Severity | undefined,
      runbookUrl: runbookLevel?.data.runbook,
      tags,
      targets,
      backends: backendLevel ? this.backends(backendLevel) : catalogBackends,
    };
    for (const k of Object.keys(props) as Array<keyof SloProps>) if (props[k] === undefined) delete (props as any)[k];
    return props;
  }

  /** Tags: the code's, the file's defaults, service:<name>, the service's, the item's own. */
  private tags(e: Entry, levels: Level[], o: Map<string, SourcePath>): Record<string, string> {
    const tags: Record<string, string> = {};
    for (const l of [...levels].reverse()) {
      if (l.path === e.path && e.service !== undefined && !e.serviceLevel) tags.service = e.service;
      if (l === e.serviceLevel) tags.service = e.service!;
      if (isObject(l.data.tags)) {
        Object.assign(tags, l.data.tags);
        if (l.path) o.set('tags', [...l.path, 'tags']);
      }
    }
    if (!o.has('tags') && e.serviceLevel) o.set('tags', e.serviceLevel.path!);
    return tags;
  }

  /** Every monitor (or SLO) of the file, in file order. */
  private entries(key: 'monitors' | 'slos'): Entry[] {
    const out: Entry[] = [];
    const services = isObject(this.root.services) ? this.root.services : {};
    for (const name of Object.keys(services)) {
      const svc = services[name];
      if (!isObject(svc) || !Array.isArray(svc[key])) continue;
      const level: Level = { data: svc, path: ['services', name] };
      svc[key].forEach((m: unknown, i: number) => {
        if (isObject(m)) out.push({ path: ['services', name, key, i], data: m, service: name, serviceLevel: level });
      });
    }
    if (Array.isArray(this.root[key])) {
      this.root[key].forEach((m: unknown, i: number) => {
        if (!isObject(m)) return;
        const name = typeof m.service === 'string' ? m.service : undefined;
        const svc = name !== undefined && has(services, name) && isObject(services[name]) ? { data: services[name], path: ['services', name] } : undefined;
        out.push({ path: [key, i], data: m, service: name, serviceLevel: svc });
      });
    }
    const line = (e: Entry) => this.doc.locate(e.path)?.line ?? 0;
    return out.map((e, i) => ({ e, i })).sort((a, b) => line(a.e) - line(b.e) || a.i - b.i).map((x) => x.e);
  }

  private monitor(e: Entry, o: Map<string, SourcePath>, catalogTargets: INotificationTarget[]): CatalogMonitor {
    const self: Level = { data: e.data, path: e.path };
    const levels = [self, ...(e.serviceLevel ? [e.serviceLevel] : []), this.fileDefaults, this.codeDefaults];
    const d = e.data;
    const at = (k: string) => [...e.path, k];
    const setting = (key: string, prop = key): any => {
      const level = levels.find((l) => has(l.data, key));
      if (!level) return undefined;
      if (level.path) o.set(prop, [...level.path, key]);
      return level.data[key];
    };
    for (const k of ['id', 'title', 'message', 'comparison', 'critical', 'warning', 'criticalRecovery', 'warningRecovery']) o.set(k, at(k));

    const period = setting('period');
    const periodSeconds = period === undefined ? 300 : durationSeconds(period);
    const evaluationPeriods = this.evaluationPeriods(levels, o, periodSeconds ?? 300);

    const tags = this.tags(e, levels, o);

    // Targets: the catalog's (defaults) plus the service's and the monitor's own.
    const own = dedupe([...(e.serviceLevel ? this.targets(e.serviceLevel) : []), ...this.targets(self)])
      .filter((t) => !catalogTargets.some((c) => c.targetId === t.targetId));
    if (has(d, 'targets')) o.set('targets', at('targets'));
    else if (e.serviceLevel && has(e.serviceLevel.data, 'targets')) o.set('targets', [...e.serviceLevel.path!, 'targets']);

    const backendLevel = [self, e.serviceLevel].find((l) => l && has(l.data, 'backends'));
    const backends = backendLevel ? this.backends(backendLevel) : undefined;
    if (backendLevel) o.set('backends', [...backendLevel.path!, 'backends']);

    const severity = setting('severity');
    const missingData = setting('missingData');
    const runbook = setting('runbook', 'runbookUrl');
    const monitor: CatalogMonitor = {
      id: d.id,
      title: d.title,
      message: d.message,
      signal: this.signal(d.signal, at('signal'), o) as Signal,
      comparison: COMPARISONS[d.comparison] ?? d.comparison,
      critical: d.critical,
      warning: d.warning,
      criticalRecovery: d.criticalRecovery,
      warningRecovery: d.warningRecovery,
      period: period === undefined ? undefined : periodSeconds ?? period,
      evaluationPeriods,
      datapointsToAlarm: setting('datapointsToAlarm'),
      missingData: missingData === undefined ? undefined : (missingData as MissingData),
      severity: severity === undefined ? undefined : (severity as Severity),
      runbookUrl: runbook,
      tags,
      renotifyInterval: setting('renotifyInterval'),
      targets: own.length ? own : undefined,
      backends,
    };
    // Drop absent optional values, so that the monitor reads like one written in code.
    for (const k of Object.keys(monitor) as Array<keyof CatalogMonitor>) if (monitor[k] === undefined) delete (monitor as any)[k];
    return monitor;
  }

  /** evaluationPeriods from the most specific level that gives it or a window. */
  private evaluationPeriods(levels: Level[], o: Map<string, SourcePath>, period: number): number | undefined {
    const level = levels.find((l) => has(l.data, 'evaluationPeriods') || has(l.data, 'window'));
    if (!level) return undefined;
    const p = level.path;
    if (has(level.data, 'evaluationPeriods')) {
      if (p) o.set('evaluationPeriods', [...p, 'evaluationPeriods']);
      if (has(level.data, 'window') && p) this.issues.add(this.doc.issue([...p, 'window'], level.data.window, 'absent when evaluationPeriods is given (window sets evaluationPeriods)'));
      return level.data.evaluationPeriods;
    }
    const window = durationSeconds(level.data.window);
    if (p) o.set('evaluationPeriods', [...p, 'window']);
    if (window === undefined) return undefined; // the schema reported it
    if (window % period !== 0 && p) {
      this.issues.add(this.doc.issue([...p, 'window'], level.data.window, `a multiple of the period (${period} seconds)`));
      return undefined;
    }
    return window / period;
  }

  private signal(s: unknown, p: SourcePath, o: Map<string, SourcePath>, name = 'signal'): Signal | undefined {
    o.set(name, p);
    if (!isObject(s)) return undefined;
    const kinds = SIGNAL_KEYS.filter((k) => has(s, k));
    if (kinds.length !== 1) {
      this.issues.add(this.doc.issue(kinds.length ? [...p, kinds[1]] : p, kinds.length ? verbatim(kinds.join(' and ')) : s,
        `exactly one kind of signal: ${SIGNAL_KEYS.slice(0, -1).join(', ')} or ${SIGNAL_KEYS[SIGNAL_KEYS.length - 1]}`));
      return undefined;
    }
    const reader = SIGNAL_READERS.find((r) => r.key === kinds[0])!;
    for (const other of SIGNAL_READERS) {
      for (const sibling of other.siblings ?? []) {
        if (has(s, sibling) && !(reader.siblings ?? []).includes(sibling)) {
          this.issues.add(this.doc.issue([...p, sibling], s[sibling], `absent (${sibling} only applies to a ${other.key} query)`));
        }
      }
    }
    for (const [prop, field] of Object.entries(reader.fields)) o.set(`${name}.${prop}`, field ? [...p, reader.key, field] : [...p, reader.key]);
    for (const sibling of reader.siblings ?? []) o.set(`${name}.${sibling}`, [...p, sibling]);
    return reader.build(s[reader.key], s);
  }

  private targets(level: Level): INotificationTarget[] {
    return this.resolve(level, 'targets', this.options.targets ?? {}, 'notification targets', 'MonitorCatalogFileOptions.targets') as INotificationTarget[];
  }

  private backends(level: Level): IMonitorBackend[] {
    return this.resolve(level, 'backends', this.options.backends, 'backends', 'MonitorCatalogFileOptions.backends') as IMonitorBackend[];
  }

  /** The objects a level names under `key`; each unknown name is one issue (once per level). */
  private resolve(level: Level, key: string, known: { [name: string]: unknown }, what: string, option: string): unknown[] {
    const cacheKey = `${key}|${level.path ? JSON.stringify(level.path) : '(code)'}`;
    const cached = this.names.get(cacheKey);
    if (cached) return cached;
    const list = level.data[key];
    const out: unknown[] = [];
    if (Array.isArray(list)) {
      const names = Object.keys(known).sort();
      list.forEach((name: unknown, i: number) => {
        if (typeof name !== 'string') return; // the schema reported it
        if (has(known, name)) {
          out.push(known[name]);
          return;
        }
        const accepted = names.length ? `the name of one of the ${what} given in code (${names.join(', ')})` : `the name of one of the ${what} given in code, and ${option} gives none`;
        this.issues.add(level.path ? this.doc.issue([...level.path, key, i], name, accepted) : this.codeIssue(`defaults.${key}[${i}]`, name, accepted));
      });
    }
    this.names.set(cacheKey, out);
    return out;
  }

  private codeIssue(field: string, received: unknown, accepted: string): CatalogIssue {
    return { file: this.doc.file, field: `(MonitorCatalogFileOptions) ${field}`, received: describe(received), accepted };
  }
}

function dedupe(targets: INotificationTarget[]): INotificationTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    if (seen.has(t.targetId)) return false;
    seen.add(t.targetId);
    return true;
  });
}

/** The code's defaults as a level of the file's model. */
function codeDefaults(d: MonitorCatalogDefaults | undefined): Data {
  if (!d) return {};
  const out: Data = {
    backends: d.backends,
    targets: d.targets,
    tags: d.tags,
    severity: d.severity,
    period: d.period,
    evaluationPeriods: d.evaluationPeriods,
    datapointsToAlarm: d.datapointsToAlarm,
    missingData: d.missingData,
    renotifyInterval: d.renotifyInterval,
    runbook: d.runbookUrl,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}
