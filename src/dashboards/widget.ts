import { makeImmutable } from '../core/private/immutable';
import type { MonitorConfig } from '../monitors/monitor-config';
import { Comparisons, ComparisonOperator } from '../monitors/threshold';
import type { Signal } from '../signals/signal';

/** How alarming a threshold marker is; each backend picks its colour for it. */
export enum MarkerLevel {
  /** Red (Datadog `error`). */
  CRITICAL = 'critical',
  /** Orange/yellow (Datadog `warning`). */
  WARNING = 'warning',
  /** Green (Datadog `ok`). */
  OK = 'ok',
  /** Blue/grey (Datadog `info`). */
  INFO = 'info',
}

/** Options of a threshold marker. */
export interface ThresholdMarkerOptions {
  /**
   * The label drawn with the marker.
   * @default - no label
   */
  readonly label?: string;
  /**
   * How alarming the marker is.
   * @default MarkerLevel.CRITICAL
   */
  readonly level?: MarkerLevel;
}

/**
 * A horizontal line or band drawn on a time series (Datadog `markers`, Grafana thresholds,
 * CloudWatch `annotations.horizontal`). An immutable value.
 */
export class ThresholdMarker {
  /** A horizontal line at `value`. */
  public static line(value: number, options: ThresholdMarkerOptions = {}): ThresholdMarker {
    return new ThresholdMarker(value, undefined, options.label, options.level ?? MarkerLevel.CRITICAL);
  }

  /** A horizontal band from `from` to `to`. */
  public static band(from: number, to: number, options: ThresholdMarkerOptions = {}): ThresholdMarker {
    return new ThresholdMarker(from, to, options.label, options.level ?? MarkerLevel.CRITICAL);
  }

  /**
   * The alert thresholds of a monitor: its critical threshold (CRITICAL) and, if any, its
   * warning threshold (WARNING), labelled with the comparison, e.g. `critical > 10`.
   */
  public static fromMonitor(monitor: MonitorConfig): ThresholdMarker[] {
    const sym = Comparisons.symbol(monitor.comparison as ComparisonOperator);
    const out = [ThresholdMarker.line(monitor.critical, { label: `${monitor.title}: critical ${sym} ${monitor.critical}`, level: MarkerLevel.CRITICAL })];
    if (monitor.warning !== undefined) {
      out.push(ThresholdMarker.line(monitor.warning, { label: `${monitor.title}: warning ${sym} ${monitor.warning}`, level: MarkerLevel.WARNING }));
    }
    return out;
  }

  /** The line's value, or the band's lower edge. */
  public readonly value: number;
  /**
   * The band's upper edge.
   * @default - a line
   */
  public readonly to?: number;
  /**
   * The label.
   * @default - none
   */
  public readonly label?: string;
  /** The level. */
  public readonly level: MarkerLevel;

  private constructor(value: number, to: number | undefined, label: string | undefined, level: MarkerLevel) {
    this.value = value;
    this.to = to;
    this.label = label;
    this.level = level;
    makeImmutable(this);
  }

  /** Whether this is a band. */
  public get isBand(): boolean {
    return this.to !== undefined;
  }
}

/** The kinds of widget. */
export enum WidgetKind {
  /** One or more signals over time. */
  TIME_SERIES = 'TIME_SERIES',
  /** The current value of one signal. */
  SINGLE_VALUE = 'SINGLE_VALUE',
  /** The top groups of one signal. */
  TOP_LIST = 'TOP_LIST',
  /** The alert state of monitors. */
  ALERT_STATUS = 'ALERT_STATUS',
  /** Markdown text. */
  TEXT = 'TEXT',
  /** A backend's own widget JSON, drawn on that backend only. */
  RAW = 'RAW',
}

/** Placement options every widget has. */
export interface WidgetOptions {
  /**
   * The widget's id, unique within the dashboard (used in error messages and `Dashboard.widget()`).
   * @default - derived from the title (`Errors` → `errors`, then `errors-2` …)
   */
  readonly id?: string;
  /**
   * Width in columns of the 24-column grid (CloudWatch and Grafana; Datadog's ordered layout
   * flows widgets by itself).
   * @default - 12 for time series and alert status, 6 for single values, 8 for top lists, 24 for text
   */
  readonly width?: number;
  /**
   * Height in grid rows (1-1000).
   * @default - 6 (3 for text)
   */
  readonly height?: number;
}

/** A time series widget. */
export interface TimeSeriesWidgetProps extends WidgetOptions {
  /** The title. */
  readonly title: string;
  /** The signals drawn (at least one). */
  readonly signals: Signal[];
  /**
   * Threshold lines and bands.
   * @default - none
   */
  readonly thresholds?: ThresholdMarker[];
  /**
   * The period of CloudWatch metrics, in seconds.
   * @default - the signal's period, else 300
   */
  readonly period?: number;
}

/** A single value widget. */
export interface SingleValueWidgetProps extends WidgetOptions {
  /** The title. */
  readonly title: string;
  /** The signal whose current value is shown. */
  readonly signal: Signal;
  /**
   * Thresholds colouring the value (Grafana thresholds; Datadog and CloudWatch ignore them).
   * @default - none
   */
  readonly thresholds?: ThresholdMarker[];
  /**
   * The period of CloudWatch metrics, in seconds.
   * @default - the signal's period, else 300
   */
  readonly period?: number;
}

/** A top list widget. */
export interface TopListWidgetProps extends WidgetOptions {
  /** The title. */
  readonly title: string;
  /** The signal ranked. */
  readonly signal: Signal;
  /**
   * The dimension, tag or label the signal is grouped by (a CloudWatch dimension name such as
   * `FunctionName`, a Datadog tag key, a Prometheus label).
   * @default - for a CloudWatch metric with exactly one dimension, that dimension; for Datadog
   * and PromQL queries, the grouping the query already has
   */
  readonly groupBy?: string;
  /**
   * How many groups are shown (1-100).
   * @default 10
   */
  readonly limit?: number;
  /**
   * The period of CloudWatch metrics, in seconds.
   * @default - the signal's period, else 300
   */
  readonly period?: number;
}

/** An alert status widget. */
export interface AlertStatusWidgetProps extends WidgetOptions {
  /**
   * The title.
   * @default "Alert status"
   */
  readonly title?: string;
  /**
   * The monitors whose state is shown. Each must be rendered to every backend the dashboard
   * is drawn on (the widget shows that backend's monitors, alarms or rules).
   */
  readonly monitors: MonitorConfig[];
}

/** A text widget. */
export interface TextWidgetProps extends WidgetOptions {
  /** Markdown. */
  readonly markdown: string;
  /**
   * The title.
   * @default - none
   */
  readonly title?: string;
}

/** A backend's own widget. */
export interface RawWidgetProps extends WidgetOptions {
  /**
   * The `kind` of the dashboard backend that draws it (`datadog`, `grafana`, `cloudwatch`,
   * `newrelic`, or a plugin's); the others skip it.
   */
  readonly backend: string;
  /**
   * The widget as the backend takes it: a Datadog widget `definition`, a Grafana panel (its
   * `gridPos` is set from width and height), a CloudWatch widget with `type` and `properties`
   * (its position and size are set).
   */
  readonly definition: { [key: string]: any };
  /**
   * The title, used for the default id.
   * @default "raw"
   */
  readonly title?: string;
}

/**
 * One widget of a dashboard: an immutable value built with the static factories. Signals are
 * the same `Signal` values monitors use, so a dashboard and its monitors draw the same data.
 */
export class Widget {
  /** One or more signals over time, with threshold lines or bands. */
  public static timeSeries(props: TimeSeriesWidgetProps): Widget {
    return new Widget(WidgetKind.TIME_SERIES, props, props.title, {
      signals: copy(props.signals), thresholds: copy(props.thresholds), period: props.period,
    });
  }

  /** The current value of one signal. */
  public static singleValue(props: SingleValueWidgetProps): Widget {
    return new Widget(WidgetKind.SINGLE_VALUE, props, props.title, {
      signals: [props.signal], thresholds: copy(props.thresholds), period: props.period,
    });
  }

  /** The top groups of one signal. */
  public static topList(props: TopListWidgetProps): Widget {
    return new Widget(WidgetKind.TOP_LIST, props, props.title, {
      signals: [props.signal], groupBy: props.groupBy, limit: props.limit, period: props.period,
    });
  }

  /**
   * The alert state of monitors: a Datadog monitor summary (`manage_status`), a Grafana alert
   * list, a CloudWatch alarm status widget.
   */
  public static alertStatus(props: AlertStatusWidgetProps): Widget {
    return new Widget(WidgetKind.ALERT_STATUS, props, props.title ?? 'Alert status', { monitors: copy(props.monitors) });
  }

  /** Markdown text (Datadog note, Grafana text panel, CloudWatch text widget). */
  public static text(props: TextWidgetProps): Widget {
    return new Widget(WidgetKind.TEXT, props, props.title, { markdown: props.markdown });
  }

  /** A backend's own widget JSON, drawn on that backend only (the escape hatch of the model). */
  public static raw(props: RawWidgetProps): Widget {
    const def = props.definition;
    return new Widget(WidgetKind.RAW, props, props.title, {
      rawBackend: props.backend,
      rawDefinition: def !== null && typeof def === 'object' && !Array.isArray(def) ? jsonCopy(def) : def,
    });
  }

  /** The kind. */
  public readonly kind: WidgetKind;
  /**
   * The id given.
   * @default - derived from the title by the dashboard
   */
  public readonly id?: string;
  /**
   * The title.
   * @default - none
   */
  public readonly title?: string;
  /** Width in grid columns. */
  public readonly width: number;
  /** Height in grid rows. */
  public readonly height: number;
  /** The signals (time series, single value, top list). */
  public readonly signals: Signal[];
  /** Threshold markers. */
  public readonly thresholds: ThresholdMarker[];
  /**
   * The CloudWatch period.
   * @default - the signal's period, else 300
   */
  public readonly period?: number;
  /**
   * The top list grouping.
   * @default - see TopListWidgetProps.groupBy
   */
  public readonly groupBy?: string;
  /** The top list size. */
  public readonly limit: number;
  /** The monitors of an alert status widget. */
  public readonly monitors: MonitorConfig[];
  /**
   * The markdown of a text widget.
   * @default - not a text widget
   */
  public readonly markdown?: string;
  /**
   * The backend of a raw widget.
   * @default - not a raw widget
   */
  public readonly rawBackend?: string;
  /**
   * The JSON of a raw widget.
   * @default - not a raw widget
   */
  public readonly rawDefinition?: { [key: string]: any };

  private constructor(kind: WidgetKind, options: WidgetOptions, title: string | undefined, parts: {
    signals?: Signal[];
    thresholds?: ThresholdMarker[];
    period?: number;
    groupBy?: string;
    limit?: number;
    monitors?: MonitorConfig[];
    markdown?: string;
    rawBackend?: string;
    rawDefinition?: any;
  }) {
    const o = options ?? {};
    this.kind = kind;
    this.id = o.id;
    this.title = title;
    this.width = o.width ?? DEFAULT_WIDTH[kind];
    this.height = o.height ?? (kind === WidgetKind.TEXT ? 3 : 6);
    this.signals = parts.signals ?? [];
    this.thresholds = parts.thresholds ?? [];
    this.period = parts.period;
    this.groupBy = parts.groupBy;
    this.limit = parts.limit ?? 10;
    this.monitors = parts.monitors ?? [];
    this.markdown = parts.markdown;
    this.rawBackend = parts.rawBackend;
    this.rawDefinition = parts.rawDefinition;
    makeImmutable(this);
  }

  /** A copy with other placement options (id, width, height). (Not named `with`: a reserved word in Python.) */
  public withPlacement(options: WidgetOptions): Widget {
    return new Widget(this.kind, { id: this.id, width: this.width, height: this.height, ...options }, this.title, {
      signals: this.signals,
      thresholds: this.thresholds,
      period: this.period,
      groupBy: this.groupBy,
      limit: this.limit,
      monitors: this.monitors,
      markdown: this.markdown,
      rawBackend: this.rawBackend,
      rawDefinition: this.rawDefinition,
    });
  }
}

const DEFAULT_WIDTH: Record<WidgetKind, number> = {
  [WidgetKind.TIME_SERIES]: 12,
  [WidgetKind.SINGLE_VALUE]: 6,
  [WidgetKind.TOP_LIST]: 8,
  [WidgetKind.ALERT_STATUS]: 12,
  [WidgetKind.TEXT]: 24,
  [WidgetKind.RAW]: 12,
};

function copy<T>(list: T[] | undefined): T[] | undefined {
  return Array.isArray(list) ? [...list] : list;
}

/**
 * A deep copy of a raw definition; one that JSON cannot copy (a cycle, a BigInt, nesting too
 * deep for the stack) is kept as given, and the dashboard rejects it with a ValidationError.
 */
function jsonCopy(def: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(def));
  } catch {
    return def;
  }
}
