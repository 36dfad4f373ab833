import { Construct } from 'constructs';
import { OPENSLO_SCHEMA } from './private/schema-openslo';
import { CatalogIssue, formatOf, IssueCollector, parseYamlOrJson, readText, SourceDocument, SourcePath, validateAgainstSchema, verbatim } from './private/source';
import { Errors, ValidationError } from '../core/errors';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalArray, requireStringMap } from '../core/private/validate';
import { Severity } from '../core/severity';
import type { IMonitorBackend } from '../monitors/backend';
import { validateSeverity } from '../monitors/private/alerting';
import { BurnRateAlert, Slo, SloIndicator, SloWindow } from '../monitors/slo';
import type { INotificationTarget } from '../notifications/targets';
import { Signal, Statistic } from '../signals/signal';

/** Options of an `OpenSloCatalog`. */
export interface OpenSloCatalogOptions {
  /**
   * Backends every SLO of the file renders to. A backend that cannot evaluate an SLO's
   * source is a synth error: give backends per source with `datadogBackends`,
   * `prometheusBackends` and `cloudWatchBackends` instead (each SLO needs at least one).
   * @default - only the backends of the SLO's source type
   */
  readonly backends?: IMonitorBackend[];
  /**
   * Backends of the SLOs whose SLI is a Datadog source (e.g. `MonitorBackend.datadog()`).
   * @default - none besides `backends`
   */
  readonly datadogBackends?: IMonitorBackend[];
  /**
   * Backends of the SLOs whose SLI is a Prometheus source (e.g. `MonitorBackend.grafana({...})`;
   * the queries are then PromQL counter selectors).
   * @default - none besides `backends`
   */
  readonly prometheusBackends?: IMonitorBackend[];
  /**
   * Backends of the SLOs whose SLI is a CloudWatch source (`MonitorBackend.cloudwatch()`, and
   * `MonitorBackend.datadog()` for metrics collected by Datadog's AWS integration).
   * @default - none besides `backends`
   */
  readonly cloudWatchBackends?: IMonitorBackend[];
  /**
   * The notification targets the file's alert policies name, by name: an
   * `AlertNotificationTarget`'s `metadata.name`, or a policy's `targetRef`.
   * @default - none (a policy that names a target is then an error)
   */
  readonly targets?: { [name: string]: INotificationTarget };
  /**
   * Targets every SLO notifies, besides those its alert policies name.
   * @default - none
   */
  readonly defaultTargets?: INotificationTarget[];
  /**
   * Severity of the `page` alert conditions.
   * @default Severity.SEV2
   */
  readonly pageSeverity?: Severity;
  /**
   * Severity of the `ticket` alert conditions.
   * @default Severity.SEV4
   */
  readonly ticketSeverity?: Severity;
  /**
   * Tags of every SLO (the SLO's labels and `service:<service>` are added).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** One value of a document: the document and the path to the value. */
interface Located {
  readonly doc: SourceDocument;
  readonly path: SourcePath;
  readonly value: any;
}

/** The kinds of OpenSLO v1 (README §General Schema). */
const KINDS = ['SLO', 'SLI', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget', 'Service', 'DataSource'];

/** Rolling windows the library's Slo takes (SloWindow), by OpenSLO duration shorthand. */
const WINDOWS: Record<string, SloWindow> = { '7d': SloWindow.SEVEN_DAYS, '1w': SloWindow.SEVEN_DAYS, '30d': SloWindow.THIRTY_DAYS, '90d': SloWindow.NINETY_DAYS };
const WINDOW_MINUTES: Record<SloWindow, number> = {
  [SloWindow.SEVEN_DAYS]: 7 * 1440,
  [SloWindow.THIRTY_DAYS]: 30 * 1440,
  [SloWindow.NINETY_DAYS]: 90 * 1440,
};

type SourceType = 'Datadog' | 'Prometheus' | 'CloudWatch';

/** The good and total signals of an SLI, and where they are. */
interface RatioResult {
  readonly source: SourceType;
  readonly good: Signal;
  readonly total: Signal;
  readonly goodAt: Located;
  readonly totalAt: Located;
}

/** What one SLO of the file becomes, once every reference is resolved. */
interface SloPlan {
  readonly at: Located;
  readonly id: string;
  readonly name: string;
  readonly message?: string;
  readonly target: number;
  readonly window: SloWindow;
  readonly source: SourceType;
  readonly good: Signal;
  readonly total: Signal;
  readonly goodAt: Located;
  readonly totalAt: Located;
  readonly alerts: BurnRateAlert[];
  readonly alertsAt: Located[];
  readonly targets: INotificationTarget[];
  readonly tags: Record<string, string>;
  readonly backends: IMonitorBackend[];
}

/**
 * The SLOs of an OpenSLO v1 file (github.com/OpenSLO/OpenSLO, README.md §Specification), each
 * an `Slo` with its burn-rate alerts on the backends given.
 *
 * The file is YAML (one or more documents) or JSON of `apiVersion: openslo/v1` objects: `SLO`,
 * `SLI`, `AlertPolicy`, `AlertCondition`, `AlertNotificationTarget`, `Service` and `DataSource`,
 * inline or referred to by name (`indicatorRef`, `alertPolicyRef`, `conditionRef`, `targetRef`,
 * `metricSourceRef`). Every document is validated, and every problem of the file is reported at
 * once with its `file:line:column`. What OpenSLO allows but the library's `Slo` cannot express
 * (threshold and raw SLIs, bad/total ratios, time-slice budgets, calendar windows, several or
 * composite objectives) is refused with the reason.
 *
 * Mapping: `objectives[0].target` (× 100) or `targetPercent` is the target; `timeWindow`
 * 7d/1w/30d/90d the window (absent: 30 days); a `ratioMetric`'s good and total are the signals
 * (Datadog `spec.query`, Prometheus `spec.query`, CloudWatch `namespace`, `metricName`,
 * `dimensions`, `stat`); each alert policy's burn-rate condition one `BurnRateAlert`: `threshold`
 * the burn rate, `lookbackWindow` the long window, `alertAfter` the short window (absent or 0:
 * a twelfth of the long window, the ratio of the SRE workbook's windows), `severity` page or
 * ticket. An SLO without alert policies takes `BurnRateAlert.defaults()`.
 */
export class OpenSloCatalog extends Construct {
  /**
   * Read an OpenSLO file (`.yaml`, `.yml` or `.json`) when the construct is created.
   * @param path the file, relative to the working directory or absolute
   */
  public static fromFile(scope: Construct, id: string, path: string, options: OpenSloCatalogOptions): OpenSloCatalog {
    return new OpenSloCatalog(scope, id, path, undefined, options);
  }

  /**
   * Read OpenSLO documents from a string (YAML, or JSON); messages name the file `<inline>`.
   * @param text the documents
   */
  public static fromString(scope: Construct, id: string, text: string, options: OpenSloCatalogOptions): OpenSloCatalog {
    return new OpenSloCatalog(scope, id, undefined, text, options);
  }

  /** The file, as given (`<inline>` for a string). */
  public readonly file: string;
  /** The SLOs, in file order. */
  public readonly slos: Slo[];

  private readonly byName = new Map<string, Slo>();

  private constructor(scope: Construct, id: string, path: string | undefined, text: string | undefined, options: OpenSloCatalogOptions) {
    super(scope, id);
    libraryScope(this);
    const o = checkOptions(this, options);
    let source: string;
    if (path !== undefined) {
      if (typeof path !== 'string' || path.length === 0) fail(this, 'path', path, 'the path of an OpenSLO file (.yaml, .yml or .json)');
      const format = formatOf(path);
      if (format !== 'yaml' && format !== 'json') fail(this, 'path', path, 'an OpenSLO file ending in .yaml, .yml or .json');
      this.file = path;
      source = readText(this, 'path', path);
    } else {
      if (typeof text !== 'string') fail(this, 'text', text, 'OpenSLO documents as YAML or JSON text');
      this.file = '<inline>';
      source = text;
    }
    const targets = checkTargetMap(this, o.targets);
    const reader = new Reader(this.file, o, targets);
    const plans = reader.read(source);
    reader.issues.throwIfAny(this, this.file);
    this.slos = [];
    for (const plan of plans) {
      const slo = reader.build(this, plan);
      if (slo) {
        this.slos.push(slo);
        this.byName.set(plan.id, slo);
      }
    }
    reader.issues.throwIfAny(this, this.file);
  }

  /** The SLO of the file with this `metadata.name`. */
  public slo(name: string): Slo {
    const s = this.byName.get(name);
    if (!s) fail(this, 'name', name, `the metadata.name of an SLO of ${this.file} (${[...this.byName.keys()].sort().join(', ') || 'none'})`);
    return s;
  }

  /** The `metadata.name` of every SLO, in file order. */
  public get sloNames(): string[] {
    return [...this.byName.keys()];
  }
}

/** The options, each list a list and each severity a Severity (a jsii caller can pass anything). */
function checkOptions(scope: Construct, options: OpenSloCatalogOptions): OpenSloCatalogOptions {
  const o = options ?? {};
  if (typeof o !== 'object' || Array.isArray(o)) fail(scope, 'options', o, 'an OpenSloCatalogOptions object');
  const list = 'a list of backends (MonitorBackend.datadog(), .cloudwatch(), .grafana({...}))';
  return {
    ...o,
    backends: optionalArray(scope, 'backends', o.backends, list),
    datadogBackends: optionalArray(scope, 'datadogBackends', o.datadogBackends, list),
    prometheusBackends: optionalArray(scope, 'prometheusBackends', o.prometheusBackends, list),
    cloudWatchBackends: optionalArray(scope, 'cloudWatchBackends', o.cloudWatchBackends, list),
    defaultTargets: optionalArray(scope, 'defaultTargets', o.defaultTargets, 'a list of notification targets'),
    pageSeverity: validateSeverity(scope, 'pageSeverity', o.pageSeverity, Severity.SEV2),
    ticketSeverity: validateSeverity(scope, 'ticketSeverity', o.ticketSeverity, Severity.SEV4),
    tags: requireStringMap(scope, 'tags', o.tags, /^.+$/, 'a non-empty tag key'),
  };
}

function checkTargetMap(scope: Construct, targets: unknown): Record<string, INotificationTarget> {
  if (targets === undefined) return {};
  if (targets === null || typeof targets !== 'object' || Array.isArray(targets)) fail(scope, 'targets', targets, 'a map of target names to notification targets');
  const out: Record<string, INotificationTarget> = {};
  for (const [k, t] of Object.entries(targets as Record<string, any>)) {
    if (!t || typeof t.targetId !== 'string' || !Array.isArray(t.severities)) fail(scope, `targets.${k}`, t, 'a notification target (NotificationTarget.slack(...), .pagerDuty(...), ...)');
    out[k] = t;
  }
  return out;
}

const BAD_REASON = 'absent: bad/total ratios are not expressible (the library\'s Slo takes a good-events signal, and total - bad is neither a CloudWatch metric, a PromQL counter selector nor one Datadog query); give good and total';

/** Reads the documents of one file into SLO plans, collecting every problem. */
class Reader {
  public readonly issues = new IssueCollector();
  private readonly seen = new Set<string>();
  private readonly ratios = new Map<SourceDocument, RatioResult | undefined>();
  private readonly objects = new Map<string, Map<string, Located>>();
  private readonly invalid = new Set<SourceDocument>();

  constructor(
    private readonly file: string,
    private readonly options: OpenSloCatalogOptions,
    private readonly targets: Record<string, INotificationTarget>,
  ) {
    for (const k of KINDS) this.objects.set(k, new Map());
  }

  /** Record an issue once (a condition or SLI several SLOs refer to has its problems once). */
  private add(issue: CatalogIssue): void {
    const key = JSON.stringify([issue.position, issue.field, issue.accepted]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.add(issue);
  }

  public read(text: string): SloPlan[] {
    const docs = parseYamlOrJson(this.file, text, this.issues);
    for (const doc of docs) this.checkDocument(doc);
    // Every SLI is checked, whether an SLO refers to it or not.
    for (const at of this.objects.get('SLI')!.values()) {
      if (!this.invalid.has(at.doc)) this.sliRatio({ doc: at.doc, path: ['spec'], value: at.value.spec });
    }
    const plans: SloPlan[] = [];
    for (const at of this.objects.get('SLO')!.values()) {
      if (this.invalid.has(at.doc)) continue;
      const plan = this.planSlo(at);
      if (plan) plans.push(plan);
    }
    return plans;
  }

  /** Refusals, schema validation and registration of one document. */
  private checkDocument(doc: SourceDocument): void {
    const data = doc.data as any;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      this.add(doc.issue([], data, 'an OpenSLO v1 object (apiVersion, kind, metadata, spec)'));
      return;
    }
    if (data.apiVersion === undefined && data.version !== undefined) {
      this.add(doc.issue(['version'], data.version,
        'an OpenSLO v1 document (apiVersion: openslo/v1): sloth specs (version prometheus/v1) are not read, because a sloth SLI counts bad events '
        + '(error_query) in rate() expressions, while the library\'s Slo takes good events and, on Grafana, PromQL counter selectors'));
      return;
    }
    if (data.apiVersion !== 'openslo/v1') {
      this.add(doc.issue(['apiVersion'], data.apiVersion, '"openslo/v1" (the OpenSLO version read; v2alpha is a draft the library does not read)'));
      return;
    }
    if (!KINDS.includes(data.kind)) {
      this.add(doc.issue(['kind'], data.kind, `an OpenSLO v1 kind (${KINDS.join(', ')})`));
      return;
    }
    const copy = JSON.parse(JSON.stringify(data));
    this.refuse(doc, data.kind, ['spec'], copy.spec);
    // ajv's messages of range keywords ("must be < 1", "must NOT have more than 1 items") read
    // as what is accepted.
    const found = new IssueCollector();
    if (!validateAgainstSchema(OPENSLO_SCHEMA, doc, found, [], copy)) this.invalid.add(doc);
    for (const i of found.issues) this.add({ ...i, accepted: tidy(i.accepted) });
    const name = data.metadata?.name;
    if (typeof name === 'string') {
      const known = this.objects.get(data.kind)!;
      const first = known.get(name);
      if (first) {
        this.add(doc.issue(['metadata', 'name'], name, `a name not used by another ${data.kind} of the file (the first is at line ${first.doc.locate(['metadata', 'name'])?.line ?? '?'})`));
      } else {
        known.set(name, { doc, path: [], value: copy });
      }
    }
  }

  /**
   * Fields OpenSLO v1 allows that the library cannot express: each is an issue with the reason,
   * and is removed from `spec` (a copy) so the schema does not report it again.
   */
  private refuse(doc: SourceDocument, kind: string, at: SourcePath, spec: any): void {
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    const drop = (obj: any, key: string, path: SourcePath, accepted: string) => {
      if (obj && typeof obj === 'object' && key in obj) {
        this.add(doc.issue([...path, key], obj[key], accepted));
        delete obj[key];
      }
    };
    switch (kind) {
      case 'SLO': {
        // OpenSLO v1 README §SLO, budgetingMethod: Occurrences | Timeslices | RatioTimeslices.
        if (spec.budgetingMethod === 'Timeslices' || spec.budgetingMethod === 'RatioTimeslices') {
          this.add(doc.issue([...at, 'budgetingMethod'], spec.budgetingMethod,
            '"Occurrences": the library\'s Slo counts good events over total events; Timeslices and RatioTimeslices budgets are not expressible'));
          spec.budgetingMethod = 'Occurrences';
        }
        if (Array.isArray(spec.timeWindow)) {
          spec.timeWindow.forEach((w: any, i: number) => {
            const p = [...at, 'timeWindow', i];
            drop(w, 'calendar', p, 'absent: calendar-aligned windows are not expressible (the library\'s Slo is measured over a rolling 7, 30 or 90 days)');
            if (w && w.isRolling === false) drop(w, 'isRolling', p, 'true: calendar-aligned windows are not expressible (the library\'s Slo is measured over a rolling 7, 30 or 90 days)');
            if (w && typeof w.duration === 'string' && /^[1-9][0-9]*[mhdwMQY]$/.test(w.duration) && !WINDOWS[w.duration]) {
              this.add(doc.issue([...p, 'duration'], w.duration, '7d (or 1w), 30d or 90d: the rolling windows the library\'s Slo takes (those of Datadog SLOs)'));
              w.duration = '30d';
            }
          });
        }
        if (Array.isArray(spec.objectives)) {
          spec.objectives.forEach((ob: any, i: number) => {
            const p = [...at, 'objectives', i];
            for (const k of ['op', 'value']) drop(ob, k, p, 'absent: op and value compare a thresholdMetric SLI, which is not expressible (the library\'s Slo is a ratio of good to total events)');
            for (const k of ['timeSliceTarget', 'timeSliceWindow']) drop(ob, k, p, 'absent: time slices (budgetingMethod Timeslices, RatioTimeslices) are not expressible');
            for (const k of ['indicator', 'indicatorRef', 'compositeWeight']) drop(ob, k, p, 'absent: composite SLOs are not expressible (one Slo has one indicator); write one SLO per indicator');
          });
          if (spec.objectives.length > 1) {
            this.add(doc.issue([...at, 'objectives', 1], spec.objectives[1],
              'absent: one objective per SLO (the library\'s Slo has one target, and a Datadog SLO one target per window); write one SLO per target'));
            spec.objectives.splice(1);
          }
        }
        if (spec.indicator && typeof spec.indicator === 'object') this.refuse(doc, 'SLI', [...at, 'indicator', 'spec'], spec.indicator.spec);
        if (Array.isArray(spec.alertPolicies)) {
          spec.alertPolicies.forEach((pol: any, i: number) => {
            if (pol && typeof pol === 'object') this.refuse(doc, 'AlertPolicy', [...at, 'alertPolicies', i, 'spec'], pol.spec);
          });
        }
        break;
      }
      case 'SLI': {
        // A refused SLI is reported once: what it lacks instead is filled in with a stand-in,
        // and SLOs that refer to it are not checked against it.
        const standIn = { metricSource: { type: 'Datadog', spec: { query: 'refused' } } };
        if ('thresholdMetric' in spec) {
          drop(spec, 'thresholdMetric', at, 'absent: thresholdMetric SLIs are not expressible (the library\'s Slo is a ratio of good to total events); use a ratioMetric');
          spec.ratioMetric ??= { good: standIn, total: standIn };
          this.invalid.add(doc);
        }
        const r = spec.ratioMetric;
        if (r && typeof r === 'object' && !Array.isArray(r)) {
          const p = [...at, 'ratioMetric'];
          if ('raw' in r || 'rawType' in r || 'bad' in r) {
            drop(r, 'raw', p, 'absent: raw (precomputed) ratios are not expressible (the library\'s Slo takes good and total event counts)');
            drop(r, 'rawType', p, 'absent: raw (precomputed) ratios are not expressible (the library\'s Slo takes good and total event counts)');
            drop(r, 'bad', p, BAD_REASON);
            r.good ??= standIn;
            r.total ??= standIn;
            this.invalid.add(doc);
          }
          if (r.counter === false) drop(r, 'counter', p, 'true or absent: the library\'s SLO queries count events (gauges, counter: false, are not expressible)');
        }
        break;
      }
      case 'AlertPolicy': {
        if (spec.alertWhenNoData === true) drop(spec, 'alertWhenNoData', at, 'false or absent: the library\'s burn-rate alerts treat missing data as not breaching');
        if (spec.alertWhenBreaching === false) drop(spec, 'alertWhenBreaching', at, 'true or absent: an alert policy that does not alert on a breach never notifies');
        if (Array.isArray(spec.conditions)) {
          spec.conditions.forEach((c: any, i: number) => {
            if (c && typeof c === 'object') this.refuse(doc, 'AlertCondition', [...at, 'conditions', i, 'spec'], c.spec);
          });
        }
        break;
      }
      case 'AlertCondition': {
        const c = spec.condition;
        if (c && typeof c === 'object' && (c.op === 'lt' || c.op === 'lte')) {
          this.add(doc.issue([...at, 'condition', 'op'], c.op, '"gt" or "gte": a burn-rate alert fires when the budget burns at least this fast (lt/lte would fire while the budget is safe)'));
          c.op = 'gte';
        }
        break;
      }
      default:
        break;
    }
  }

  /** The object a reference names, or an issue. */
  private resolve(kind: string, ref: Located, name: unknown): Located | undefined {
    const found = typeof name === 'string' ? this.objects.get(kind)!.get(name) : undefined;
    if (!found) {
      const names = [...this.objects.get(kind)!.keys()].sort();
      this.add(ref.doc.issue(ref.path, name, `the metadata.name of a ${kind} of the file (${names.length ? names.join(', ') : `the file has no ${kind}`})`));
      return undefined;
    }
    if (this.invalid.has(found.doc)) return undefined; // its own problems are reported
    return { doc: found.doc, path: ['spec'], value: found.value.spec };
  }

  /** An inline object (`kind`, `metadata`, `spec`) or a reference (`refKey`), exactly one. */
  private inlineOrRef(kind: string, at: Located, refKey: string): Located | undefined {
    const v = at.value ?? {};
    const hasRef = v[refKey] !== undefined;
    const hasInline = v.spec !== undefined;
    if (hasRef === hasInline) {
      this.add(at.doc.issue(at.path, v, `either ${refKey} or an inline ${kind} (kind, metadata, spec), not ${hasRef ? 'both' : 'neither'}`));
      return undefined;
    }
    if (hasRef) return this.resolve(kind, { doc: at.doc, path: [...at.path, refKey], value: v[refKey] }, v[refKey]);
    return { doc: at.doc, path: [...at.path, 'spec'], value: v.spec };
  }

  private planSlo(at: Located): SloPlan | undefined {
    const { doc } = at;
    const data = at.value;
    const spec = data.spec;
    const before = this.issues.issues.length;
    const here = (p: SourcePath, value: unknown): Located => ({ doc, path: ['spec', ...p], value });

    // Indicator: inline (spec.indicator) or indicatorRef (OpenSLO v1 README §SLO, Notes).
    let sli: Located | undefined;
    if ((spec.indicator === undefined) === (spec.indicatorRef === undefined)) {
      this.add(doc.issue(['spec'], verbatim(spec.indicator === undefined ? 'neither indicator nor indicatorRef' : 'both indicator and indicatorRef'), 'an SLO with exactly one of indicator and indicatorRef'));
    } else if (spec.indicatorRef !== undefined) {
      sli = this.resolve('SLI', here(['indicatorRef'], spec.indicatorRef), spec.indicatorRef);
    } else {
      sli = here(['indicator', 'spec'], spec.indicator.spec);
    }
    const ratio = sli ? this.sliRatio(sli) : undefined;

    // Time window: one rolling window of 7, 30 or 90 days (SloWindow).
    // (Other durations are refused with the document.)
    const window = WINDOWS[spec.timeWindow?.[0]?.duration] ?? SloWindow.THIRTY_DAYS;

    // Objective: target [0, 1) or targetPercent [0, 100) (README §Objectives), exactly one.
    const objective = spec.objectives[0];
    let target: number | undefined;
    if ((objective.target === undefined) === (objective.targetPercent === undefined)) {
      this.add(doc.issue(['spec', 'objectives', 0], objective, 'an objective with exactly one of target and targetPercent'));
    } else {
      target = objective.targetPercent ?? Number((objective.target * 100).toPrecision(12));
    }

    // Alerts.
    const alerts: BurnRateAlert[] = [];
    const alertsAt: Located[] = [];
    const sloTargets: INotificationTarget[] = [];
    (spec.alertPolicies ?? []).forEach((_: unknown, i: number) => {
      const pol = this.inlineOrRef('AlertPolicy', here(['alertPolicies', i], spec.alertPolicies[i]), 'alertPolicyRef');
      if (!pol) return;
      const cond = this.inlineOrRef('AlertCondition', { doc: pol.doc, path: [...pol.path, 'conditions', 0], value: pol.value.conditions[0] }, 'conditionRef');
      if (cond && target !== undefined) {
        const alert = this.alert(cond, target, window);
        if (alert) {
          const dup = alerts.findIndex((a) => a.toString() === alert.toString() && a.props.urgency === alert.props.urgency);
          if (dup >= 0) this.add(pol.doc.issue(pol.path, verbatim(alert.toString()), `an alert policy whose condition differs from that of alertPolicies[${dup}]`));
          alerts.push(alert);
          alertsAt.push(cond);
        }
      }
      (pol.value.notificationTargets ?? []).forEach((t: any, j: number) => {
        const tAt: Located = { doc: pol.doc, path: [...pol.path, 'notificationTargets', j], value: t };
        const name = this.targetName(tAt);
        if (name === undefined) return;
        const target_ = this.targets[name];
        if (!target_) {
          const known = Object.keys(this.targets).sort();
          this.add(pol.doc.issue(t.targetRef !== undefined ? [...tAt.path, 'targetRef'] : [...tAt.path, 'metadata', 'name'], name,
            `the name of a target of the targets option (${known.length ? known.join(', ') : 'none given'})`));
          return;
        }
        if (!sloTargets.includes(target_)) sloTargets.push(target_);
      });
    });
    for (const t of this.options.defaultTargets ?? []) if (!sloTargets.includes(t)) sloTargets.unshift(t);

    // Tags: the option's, the SLO's labels, and the service.
    const tags: Record<string, string> = { ...(this.options.tags ?? {}) };
    for (const [k, v] of Object.entries<string>(data.metadata.labels ?? {})) {
      if (k.toLowerCase() === 'severity') this.add(doc.issue(['metadata', 'labels', k], k, 'a label other than severity (each alert\'s severity tag is set from its condition)'));
      else tags[k] = v;
    }
    if (spec.service !== undefined) tags.service = spec.service;

    // Backends: those of every SLO and those of the SLO's source type.
    let backends: IMonitorBackend[] = [];
    if (ratio) {
      const o = this.options;
      const bySource = ratio.source === 'Datadog' ? o.datadogBackends : ratio.source === 'Prometheus' ? o.prometheusBackends : o.cloudWatchBackends;
      backends = [...(o.backends ?? []), ...(bySource ?? [])];
      if (backends.length === 0) {
        const opt = ratio.source === 'Datadog' ? 'datadogBackends' : ratio.source === 'Prometheus' ? 'prometheusBackends' : 'cloudWatchBackends';
        this.add(doc.issue(['metadata', 'name'], data.metadata.name, `an SLO with backends: its SLI is a ${ratio.source} source and neither backends nor ${opt} is given`));
      }
    }

    if (this.issues.issues.length > before || !ratio || target === undefined) return undefined;
    return {
      at,
      id: data.metadata.name,
      name: data.metadata.displayName ?? data.metadata.name,
      message: spec.description,
      target,
      window,
      source: ratio.source,
      good: ratio.good,
      total: ratio.total,
      goodAt: ratio.goodAt,
      totalAt: ratio.totalAt,
      alerts,
      alertsAt,
      targets: sloTargets,
      tags,
      backends,
    };
  }

  private targetName(at: Located): string | undefined {
    const t = at.value;
    if ((t.targetRef === undefined) === (t.spec === undefined)) {
      this.add(at.doc.issue(at.path, t, `either targetRef or an inline AlertNotificationTarget (kind, metadata, spec), not ${t.targetRef === undefined ? 'neither' : 'both'}`));
      return undefined;
    }
    if (t.targetRef !== undefined) return t.targetRef;
    if (t.metadata?.name === undefined) {
      this.add(at.doc.issue([...at.path, 'metadata'], t.metadata, 'metadata with the name of the target (a name of the targets option)'));
      return undefined;
    }
    return t.metadata.name;
  }

  /** The ratio of an SLI, checked once per top-level SLI. */
  private sliRatio(sli: Located): RatioResult | undefined {
    const topLevel = sli.path.length === 1;
    if (topLevel && this.ratios.has(sli.doc)) return this.ratios.get(sli.doc);
    const r = this.ratio(sli);
    if (topLevel) this.ratios.set(sli.doc, r);
    return r;
  }

  /** good and total of an SLI spec (README §SLI, §Ratio Metric), one source type for both. */
  private ratio(sli: Located): RatioResult | undefined {
    const r = sli.value?.ratioMetric;
    if (!r) return undefined;
    const at = (k: string): Located => ({ doc: sli.doc, path: [...sli.path, 'ratioMetric', k, 'metricSource'], value: r[k].metricSource });
    const goodAt = at('good');
    const totalAt = at('total');
    const good = this.signal(goodAt);
    const total = this.signal(totalAt);
    if (!good || !total) return undefined;
    if (good.source !== total.source) {
      this.add(sli.doc.issue([...totalAt.path, 'type'], total.source, `the source type of good (${good.source}): an SLO's good and total events come from one source`));
      return undefined;
    }
    return { source: good.source, good: good.signal, total: total.signal, goodAt, totalAt };
  }

  /** A metricSource as a Signal: Datadog and Prometheus `query`, CloudWatch metric fields. */
  private signal(at: Located): { source: SourceType; signal: Signal } | undefined {
    const ms = at.value;
    let type: SourceType | undefined = ms.type;
    if (ms.metricSourceRef !== undefined) {
      const ds = this.resolve('DataSource', { doc: at.doc, path: [...at.path, 'metricSourceRef'], value: ms.metricSourceRef }, ms.metricSourceRef);
      if (!ds) return undefined;
      if (type !== undefined && type !== ds.value.type) {
        this.add(at.doc.issue([...at.path, 'type'], type, `the type of DataSource ${ms.metricSourceRef} (${ds.value.type}), or absent`));
        return undefined;
      }
      type = ds.value.type;
    }
    if (type === undefined) {
      this.add(at.doc.issue(at.path, ms, 'a metricSource with a type (Datadog, Prometheus, CloudWatch) or a metricSourceRef to a DataSource'));
      return undefined;
    }
    const spec = ms.spec;
    const sp = [...at.path, 'spec'];
    const cwKeys = ['namespace', 'metricName', 'dimensions', 'stat', 'metricStat'].filter((k) => spec[k] !== undefined);
    if (type === 'Datadog' || type === 'Prometheus') {
      let ok = true;
      for (const k of cwKeys) {
        this.add(at.doc.issue([...sp, k], spec[k], `absent for a ${type} source (CloudWatch fields)`));
        ok = false;
      }
      if (spec.query === undefined) {
        this.add(at.doc.issue(sp, spec, `a ${type} source spec with a query`));
        ok = false;
      }
      if (!ok) return undefined;
      return { source: type, signal: type === 'Datadog' ? Signal.datadogQuery({ query: spec.query }) : Signal.promQl({ query: spec.query }) };
    }
    // CloudWatch: namespace, metricName, dimensions, stat; or the API's MetricStat shape
    // (docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricStat.html).
    if (spec.query !== undefined) {
      this.add(at.doc.issue([...sp, 'query'], spec.query, 'absent for a CloudWatch source (namespace, metricName, dimensions, stat or metricStat)'));
      return undefined;
    }
    const flat = ['namespace', 'metricName', 'dimensions', 'stat'].some((k) => spec[k] !== undefined);
    if (flat === (spec.metricStat !== undefined)) {
      this.add(at.doc.issue(sp, spec, 'a CloudWatch source spec with either namespace and metricName (dimensions, stat) or metricStat, not both'));
      return undefined;
    }
    const m = spec.metricStat ? { ...spec.metricStat.metric, stat: spec.metricStat.stat } : spec;
    if (m.namespace === undefined || m.metricName === undefined) {
      this.add(at.doc.issue(sp, spec, 'a CloudWatch source spec with namespace and metricName'));
      return undefined;
    }
    const dims: Record<string, string> = {};
    if (Array.isArray(m.dimensions)) for (const d of m.dimensions) dims[d.name] = d.value;
    else Object.assign(dims, m.dimensions ?? {});
    return {
      source: 'CloudWatch',
      signal: Signal.cloudWatchMetric({
        namespace: m.namespace,
        metricName: m.metricName,
        dimensions: Object.keys(dims).length ? dims : undefined,
        statistic: Statistic.fromString(m.stat ?? 'Sum'),
      }),
    };
  }

  /** A burn-rate condition (README §AlertCondition) as a BurnRateAlert. */
  private alert(cond: Located, target: number, window: SloWindow): BurnRateAlert | undefined {
    const spec = cond.value;
    const c = spec.condition;
    const p = [...cond.path, 'condition'];
    const long = minutes(c.lookbackWindow);
    const windowMinutes = WINDOW_MINUTES[window];
    let ok = true;
    if (long > windowMinutes) {
      this.add(cond.doc.issue([...p, 'lookbackWindow'], c.lookbackWindow, `at most the SLO's window (${window})`));
      ok = false;
    }
    const after = c.alertAfter === undefined ? 0 : minutes(c.alertAfter);
    // Absent or 0: a twelfth of the long window, the ratio of the SRE workbook's multiwindow
    // alerts (1 h / 5 min, 6 h / 30 min, 3 d / 6 h; sre.google/workbook/alerting-on-slos).
    const short = after > 0 ? after : Math.max(1, Math.floor(long / 12));
    if (short >= long) {
      this.add(cond.doc.issue([...p, after > 0 ? 'alertAfter' : 'lookbackWindow'], after > 0 ? c.alertAfter : c.lookbackWindow,
        after > 0 ? `shorter than lookbackWindow (${c.lookbackWindow}): it is the short window of the burn-rate alert` : 'at least 2m (the short window is a twelfth of it)'));
      ok = false;
    }
    // Above 1 / (1 - target) the error ratio would have to exceed 100%: the alert could never fire.
    const max = Number((1 / (1 - target / 100)).toPrecision(6));
    if (c.threshold > max + 1e-9) {
      this.add(cond.doc.issue([...p, 'threshold'], c.threshold, `a burn rate of at most 1 / (1 - target) = ${max} for the target ${target}% (a higher one can never fire)`));
      ok = false;
    }
    if (!ok) return undefined;
    return spec.severity === 'page' ? BurnRateAlert.page(c.threshold, long, short) : BurnRateAlert.ticket(c.threshold, long, short);
  }

  /** The Slo of a plan; a ValidationError of the Slo (e.g. a backend's limit) becomes an issue of the file. */
  public build(scope: Construct, plan: SloPlan): Slo | undefined {
    try {
      return new Slo(scope, plan.id, {
        name: plan.name,
        message: plan.message,
        target: plan.target,
        window: plan.window,
        indicator: SloIndicator.ratio({ good: plan.good, total: plan.total }),
        burnRateAlerts: plan.alerts.length ? plan.alerts : undefined,
        pageSeverity: this.options.pageSeverity,
        ticketSeverity: this.options.ticketSeverity,
        tags: plan.tags,
        targets: plan.targets,
        backends: plan.backends,
      });
    } catch (e) {
      if (!Errors.isValidationError(e)) throw e;
      const err = e as ValidationError;
      const alert = /^burnRateAlerts\[(\d+)\](?:\.(\w+))?/.exec(err.prop);
      const cond = alert ? plan.alertsAt[Number(alert[1])] : undefined;
      const field: Record<string, string> = { burnRate: 'threshold', longWindowMinutes: 'lookbackWindow', shortWindowMinutes: 'alertAfter' };
      const where: Located = cond
        ? { doc: cond.doc, path: [...cond.path, 'condition', ...(alert![2] && field[alert![2]] ? [field[alert![2]]] : [])], value: undefined }
        : err.prop.startsWith('indicator.good') ? plan.goodAt
          : err.prop.startsWith('indicator.total') ? plan.totalAt
            : { doc: plan.at.doc, path: ['metadata', 'name'], value: undefined };
      this.add(where.doc.issue(where.path, verbatim(err.received), `${err.accepted} (${err.constructPath}: '${err.prop}')`));
      return undefined;
    }
  }
}

/** ajv's message of a range keyword as what is accepted: `must be < 1` → `less than 1`. */
function tidy(accepted: string): string {
  return accepted
    .replace(/^must be < /, 'less than ').replace(/^must be > /, 'greater than ')
    .replace(/^must be <= /, 'at most ').replace(/^must be >= /, 'at least ')
    .replace(/^must NOT have more than (\d+) (items|characters)/, 'at most $1 $2')
    .replace(/^must NOT have fewer than (\d+) (items|characters)/, 'at least $1 $2');
}

/** Minutes of a duration shorthand in m, h or d. */
function minutes(d: string): number {
  const n = Number(d.slice(0, -1));
  switch (d.slice(-1)) {
    case 'd': return n * 1440;
    case 'h': return n * 60;
    default: return n;
  }
}
