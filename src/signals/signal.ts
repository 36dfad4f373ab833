import { IConstruct } from 'constructs';
import { findPromQlSyntaxError } from './private/promql';
import { isAwsCountMetric } from '../aws/private/metric-facts';
import { makeImmutable } from '../core/private/immutable';
import { fail, isToken, requirePattern, requireString } from '../core/private/validate';

/** The kinds of signal a monitor can watch. */
export enum SignalKind {
  /** One CloudWatch metric (namespace, name, dimensions, statistic, period). */
  CLOUDWATCH_METRIC = 'CLOUDWATCH_METRIC',
  /** A CloudWatch metric-math expression over CloudWatch metrics. */
  CLOUDWATCH_EXPRESSION = 'CLOUDWATCH_EXPRESSION',
  /** A Datadog metric query. */
  DATADOG_QUERY = 'DATADOG_QUERY',
  /** A PromQL query (Prometheus, Mimir, Grafana Cloud). */
  PROMQL = 'PROMQL',
  /** A New Relic NRQL query. */
  NRQL = 'NRQL',
}

/** How values are aggregated over time or across series. */
export enum Aggregation {
  /** The mean. */
  AVG = 'avg',
  /** The sum. */
  SUM = 'sum',
  /** The minimum. */
  MIN = 'min',
  /** The maximum. */
  MAX = 'max',
}

const PERCENTILE = /^p(\d{1,2}(\.\d{1,2})?)$/;

/**
 * A CloudWatch statistic: `Average`, `Sum`, `Minimum`, `Maximum`, `SampleCount`, or a
 * percentile such as `p99` (CloudWatch calls percentiles extended statistics).
 */
export class Statistic {
  /** The average of the values in each period. */
  public static readonly AVERAGE = new Statistic('Average');
  /** The sum of the values in each period. */
  public static readonly SUM = new Statistic('Sum');
  /** The lowest value in each period. */
  public static readonly MINIMUM = new Statistic('Minimum');
  /** The highest value in each period. */
  public static readonly MAXIMUM = new Statistic('Maximum');
  /** The number of data points in each period. */
  public static readonly SAMPLE_COUNT = new Statistic('SampleCount');

  /**
   * A percentile, e.g. `Statistic.percentile(99)` is `p99`, `percentile(99.9)` is `p99.9`.
   * @param percentile greater than 0 and less than 100, at most two decimals
   */
  public static percentile(percentile: number): Statistic {
    return new Statistic(`p${percentile}`);
  }

  /** A statistic by its CloudWatch name (`Average`, `Sum`, `Minimum`, `Maximum`, `SampleCount`, `p99` …). */
  public static fromString(name: string): Statistic {
    const known = [Statistic.AVERAGE, Statistic.SUM, Statistic.MINIMUM, Statistic.MAXIMUM, Statistic.SAMPLE_COUNT].find((s) => s.name === name);
    return known ?? new Statistic(name);
  }

  /** The CloudWatch name of the statistic. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /** Whether this is a percentile (a CloudWatch extended statistic). */
  public get isPercentile(): boolean {
    return PERCENTILE.test(this.name);
  }

  /** Whether the statistic is one CloudWatch accepts. */
  public get isValid(): boolean {
    if (['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'].includes(this.name)) return true;
    const m = PERCENTILE.exec(this.name);
    if (!m) return false;
    const p = Number(m[1]);
    return p > 0 && p < 100;
  }

  /** How the statistic aggregates (percentiles count as the maximum). */
  public get aggregation(): Aggregation {
    switch (this.name) {
      case 'Sum':
      case 'SampleCount':
        return Aggregation.SUM;
      case 'Minimum':
        return Aggregation.MIN;
      case 'Maximum':
        return Aggregation.MAX;
      default:
        return Aggregation.AVG;
    }
  }
}

/** A CloudWatch metric. */
export interface CloudWatchMetricProps {
  /** The namespace, e.g. `AWS/Lambda` or a custom namespace. */
  readonly namespace: string;
  /** The metric name, e.g. `Errors`. */
  readonly metricName: string;
  /**
   * The dimensions, e.g. `{ FunctionName: 'checkout' }`.
   * @default - no dimensions
   */
  readonly dimensions?: { [name: string]: string };
  /**
   * The statistic.
   * @default Statistic.AVERAGE
   */
  readonly statistic?: Statistic;
  /**
   * The period of the statistic in seconds. When given it must equal the monitor's `period`.
   * @default - the monitor's period
   */
  readonly period?: number;
  /**
   * The Datadog metric this CloudWatch metric arrives as, when Datadog's naming rule
   * (`aws.<service>.<metric in snake_case>`) does not give the right name, e.g.
   * `aws.applicationelb.httpcode_target_5xx`. The statistic still chooses the aggregator.
   * @default - derived from the namespace, metric name and statistic
   */
  readonly datadogMetric?: string;
}

/** A CloudWatch metric-math expression. */
export interface CloudWatchExpressionProps {
  /** The expression, e.g. `100 * errors / invocations`. */
  readonly expression: string;
  /** The metrics the expression names, by id (ids start with a lower-case letter). */
  readonly usingMetrics: { [id: string]: Signal };
  /**
   * A label for the expression's result.
   * @default - the expression
   */
  readonly label?: string;
}

/** A Datadog metric query. */
export interface DatadogQueryProps {
  /**
   * The metric query without time aggregation, window or comparison, e.g.
   * `sum:trace.http.request.errors{service:checkout}.as_count()`.
   */
  readonly query: string;
  /**
   * How the monitor aggregates the query over its evaluation window.
   * @default Aggregation.AVG
   */
  readonly timeAggregation?: Aggregation;
}

/** A PromQL query. */
export interface PromQlProps {
  /** The query, e.g. `sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m]))`. */
  readonly query: string;
}

/** A New Relic NRQL query. */
export interface NrqlProps {
  /**
   * The query, a single `SELECT` of one aggregate, without `SINCE`/`UNTIL`/`TIMESERIES` (the
   * backend sets the window), e.g. `SELECT count(*) FROM Transaction WHERE appName = 'checkout' AND error IS true`.
   */
  readonly query: string;
}

/** Options for the AWS resource metric helpers of `Signal`. */
export interface AwsMetricOptions {
  /**
   * The statistic.
   * @default - the statistic that suits the metric: Sum for counts, Average otherwise
   */
  readonly statistic?: Statistic;
  /**
   * The period in seconds.
   * @default - the monitor's period
   */
  readonly period?: number;
  /**
   * Further dimensions.
   * @default - only the resource's dimension
   */
  readonly extraDimensions?: { [name: string]: string };
}

/** What the given AWS service publishes, for `Signal.awsMetric()`. */
export enum AwsService {
  /** AWS Lambda (`AWS/Lambda`, dimension `FunctionName`). */
  LAMBDA = 'LAMBDA',
  /** Application Load Balancer (`AWS/ApplicationELB`, dimension `LoadBalancer`: `app/<name>/<id>`). */
  APPLICATION_LOAD_BALANCER = 'APPLICATION_LOAD_BALANCER',
  /** Amazon SQS (`AWS/SQS`, dimension `QueueName`). */
  SQS = 'SQS',
  /** Amazon RDS (`AWS/RDS`, dimension `DBInstanceIdentifier`). */
  RDS = 'RDS',
  /** Amazon DynamoDB (`AWS/DynamoDB`, dimension `TableName`). */
  DYNAMODB = 'DYNAMODB',
  /** Amazon ECS (`AWS/ECS`, dimensions `ClusterName` and `ServiceName`: give `<cluster>/<service>`). */
  ECS = 'ECS',
}

const AWS_SERVICES: Record<AwsService, { namespace: string; dimension: string[] }> = {
  [AwsService.LAMBDA]: { namespace: 'AWS/Lambda', dimension: ['FunctionName'] },
  [AwsService.APPLICATION_LOAD_BALANCER]: { namespace: 'AWS/ApplicationELB', dimension: ['LoadBalancer'] },
  [AwsService.SQS]: { namespace: 'AWS/SQS', dimension: ['QueueName'] },
  [AwsService.RDS]: { namespace: 'AWS/RDS', dimension: ['DBInstanceIdentifier'] },
  [AwsService.DYNAMODB]: { namespace: 'AWS/DynamoDB', dimension: ['TableName'] },
  [AwsService.ECS]: { namespace: 'AWS/ECS', dimension: ['ClusterName', 'ServiceName'] },
};

/**
 * What a monitor watches: a CloudWatch metric or metric-math expression, a Datadog metric
 * query, or a PromQL query. An immutable value; `with()` returns a changed copy.
 *
 * Each backend renders the signals it can evaluate and rejects the others at synth time
 * (CloudWatch cannot run PromQL, Grafana here has no Datadog data source, and so on).
 */
export class Signal {
  /** One CloudWatch metric. */
  public static cloudWatchMetric(props: CloudWatchMetricProps): Signal {
    return new Signal(SignalKind.CLOUDWATCH_METRIC, { ...props, dimensions: props.dimensions ? { ...props.dimensions } : undefined });
  }

  /**
   * A metric an AWS service publishes about one resource, e.g.
   * `Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Errors')`.
   *
   * @param service the AWS service
   * @param resource the resource's dimension value: function name, `app/<name>/<id>` of a load
   * balancer, queue name, DB instance identifier, table name, or `<cluster>/<service>` for ECS
   * @param metricName the metric name as the service publishes it, e.g. `Errors`
   */
  public static awsMetric(service: AwsService, resource: string, metricName: string, options: AwsMetricOptions = {}): Signal {
    const info = AWS_SERVICES[service];
    if (!info) throw new Error(`Signal.awsMetric: unknown service ${String(service)}`);
    const dimensions: Record<string, string> = { ...(options.extraDimensions ?? {}) };
    if (info.dimension.length === 2) {
      const [cluster, svc] = String(resource).split('/');
      dimensions[info.dimension[0]] = cluster;
      dimensions[info.dimension[1]] = svc;
    } else {
      dimensions[info.dimension[0]] = resource;
    }
    const statistic = options.statistic ?? (isAwsCountMetric(info.namespace, metricName) ? Statistic.SUM : Statistic.AVERAGE);
    return Signal.cloudWatchMetric({ namespace: info.namespace, metricName, dimensions, statistic, period: options.period });
  }

  /** A CloudWatch metric-math expression over CloudWatch metrics. */
  public static cloudWatchExpression(props: CloudWatchExpressionProps): Signal {
    return new Signal(SignalKind.CLOUDWATCH_EXPRESSION, undefined, { ...props, usingMetrics: { ...(props.usingMetrics ?? {}) } });
  }

  /** A Datadog metric query. */
  public static datadogQuery(props: DatadogQueryProps): Signal {
    return new Signal(SignalKind.DATADOG_QUERY, undefined, undefined, { ...props });
  }

  /** A PromQL query. */
  public static promQl(props: PromQlProps): Signal {
    return new Signal(SignalKind.PROMQL, undefined, undefined, undefined, { ...props });
  }

  /** A New Relic NRQL query. */
  public static nrql(props: NrqlProps): Signal {
    return new Signal(SignalKind.NRQL, undefined, undefined, undefined, undefined, { ...props });
  }

  /** The kind of signal. */
  public readonly kind: SignalKind;
  /**
   * The CloudWatch metric.
   * @default - not a CloudWatch metric
   */
  public readonly cloudWatchMetricProps?: CloudWatchMetricProps;
  /**
   * The CloudWatch expression.
   * @default - not a CloudWatch expression
   */
  public readonly cloudWatchExpressionProps?: CloudWatchExpressionProps;
  /**
   * The Datadog query.
   * @default - not a Datadog query
   */
  public readonly datadogQueryProps?: DatadogQueryProps;
  /**
   * The PromQL query.
   * @default - not a PromQL query
   */
  public readonly promQlProps?: PromQlProps;
  /**
   * The NRQL query.
   * @default - not an NRQL query
   */
  public readonly nrqlProps?: NrqlProps;

  private constructor(kind: SignalKind, metric?: CloudWatchMetricProps, expression?: CloudWatchExpressionProps,
    datadog?: DatadogQueryProps, promql?: PromQlProps, nrql?: NrqlProps) {
    this.kind = kind;
    this.nrqlProps = nrql;
    this.cloudWatchMetricProps = metric;
    this.cloudWatchExpressionProps = expression;
    this.datadogQueryProps = datadog;
    this.promQlProps = promql;
    makeImmutable(this);
  }

  /** A copy of this CloudWatch metric with another statistic. */
  public withStatistic(statistic: Statistic): Signal {
    if (!this.cloudWatchMetricProps) throw new Error(`Signal.withStatistic: a ${this.kind} signal has no statistic`);
    return Signal.cloudWatchMetric({ ...this.cloudWatchMetricProps, statistic });
  }

  /** A copy of this CloudWatch metric with further or other dimensions. */
  public withDimensions(dimensions: { [name: string]: string }): Signal {
    if (!this.cloudWatchMetricProps) throw new Error(`Signal.withDimensions: a ${this.kind} signal has no dimensions`);
    const merged = { ...(this.cloudWatchMetricProps.dimensions ?? {}), ...dimensions };
    return Signal.cloudWatchMetric({ ...this.cloudWatchMetricProps, dimensions: merged });
  }

  /** A short human-readable description, used in error messages. */
  public toString(): string {
    switch (this.kind) {
      case SignalKind.CLOUDWATCH_METRIC:
        return `CloudWatch metric ${this.cloudWatchMetricProps!.namespace}/${this.cloudWatchMetricProps!.metricName}`;
      case SignalKind.CLOUDWATCH_EXPRESSION:
        return `CloudWatch expression ${JSON.stringify(this.cloudWatchExpressionProps!.expression)}`;
      case SignalKind.DATADOG_QUERY:
        return `Datadog query ${JSON.stringify(this.datadogQueryProps!.query)}`;
      case SignalKind.PROMQL:
        return `PromQL query ${JSON.stringify(this.promQlProps!.query)}`;
      case SignalKind.NRQL:
        return `NRQL query ${JSON.stringify(this.nrqlProps!.query)}`;
    }
  }

  /**
   * Validates the signal for a monitor with the given period.
   * @internal
   */
  public _validate(scope: IConstruct, prop: string, period: number): void {
    switch (this.kind) {
      case SignalKind.CLOUDWATCH_METRIC:
        validateMetric(scope, prop, this.cloudWatchMetricProps!, period);
        break;
      case SignalKind.CLOUDWATCH_EXPRESSION: {
        const e = this.cloudWatchExpressionProps!;
        requireString(scope, `${prop}.expression`, e.expression, 'a non-empty CloudWatch metric-math expression');
        if (!isToken(e.expression) && e.expression.length > 2048) fail(scope, `${prop}.expression`, e.expression, 'a metric-math expression of at most 2048 characters');
        const ids = Object.keys(e.usingMetrics);
        if (ids.length === 0) fail(scope, `${prop}.usingMetrics`, e.usingMetrics, 'at least one metric, by id');
        // CloudWatch metric-data-query ids: a lower-case letter, then letters, digits, _ (MetricDataQuery.Id).
        for (const id of ids.sort()) {
          requirePattern(scope, `${prop}.usingMetrics`, id, /^[a-z][a-zA-Z0-9_]{0,254}$/, 'metric ids that start with a lower-case letter followed by letters, digits or _');
          const m = e.usingMetrics[id];
          if (!(m instanceof Signal) || m.kind !== SignalKind.CLOUDWATCH_METRIC) {
            fail(scope, `${prop}.usingMetrics.${id}`, m instanceof Signal ? m.toString() : m, 'a CloudWatch metric signal (Signal.cloudWatchMetric or Signal.awsMetric)');
          }
          validateMetric(scope, `${prop}.usingMetrics.${id}`, m.cloudWatchMetricProps!, period);
        }
        if (e.label !== undefined) requireString(scope, `${prop}.label`, e.label);
        break;
      }
      case SignalKind.DATADOG_QUERY: {
        const q = this.datadogQueryProps!;
        requireString(scope, `${prop}.query`, q.query, 'a non-empty Datadog metric query such as avg:system.cpu.user{env:prod}');
        if (q.timeAggregation !== undefined && !Object.values(Aggregation).includes(q.timeAggregation)) {
          fail(scope, `${prop}.timeAggregation`, q.timeAggregation, 'an Aggregation (AVG, SUM, MIN, MAX)');
        }
        break;
      }
      case SignalKind.PROMQL: {
        const q = requireString(scope, `${prop}.query`, this.promQlProps!.query, 'a non-empty PromQL query');
        // Checked with Prometheus's own PromQL grammar (signals/private/promql.ts).
        const error = isToken(q) ? undefined : findPromQlSyntaxError(q);
        if (error) {
          fail(scope, `${prop}.query`, q, `a PromQL query that Prometheus's parser accepts (syntax error at character ${error.offset + 1}, near ${JSON.stringify(error.near)})`);
        }
        break;
      }
      case SignalKind.NRQL: {
        const q = requireString(scope, `${prop}.query`, this.nrqlProps!.query, 'a non-empty NRQL query starting with SELECT');
        // NRQL alert conditions: `SELECT function(attribute) FROM … WHERE …`; SINCE, UNTIL,
        // TIMESERIES, COMPARE WITH and LIMIT are not taken (the condition's windows set the time)
        // (docs.newrelic.com/docs/alerts/create-alert/create-alert-condition/create-nrql-alert-conditions,
        // "NRQL alert syntax" and "Reformatted incompatible NRQL").
        if (!isToken(q) && (!/^\s*SELECT\s/i.test(q) || /\b(SINCE|UNTIL|TIMESERIES|COMPARE\s+WITH|LIMIT)\b/i.test(q))) {
          fail(scope, `${prop}.query`, q, 'an NRQL query starting with SELECT, without SINCE, UNTIL, TIMESERIES, COMPARE WITH or LIMIT (the backend sets the window)');
        }
        break;
      } default: {
        // Adding a kind without validating it is a compile error here.
        const unhandled: never = this.kind;
        throw new Error(`unknown signal kind ${String(unhandled)}`);
      }
    }
  }
}

function validateMetric(scope: IConstruct, prop: string, m: CloudWatchMetricProps, period: number): void {
  // Namespace and metric name: 1-255 characters (PutMetricAlarm Namespace / MetricName).
  requirePattern(scope, `${prop}.namespace`, m.namespace, /^[^:][^\s]{0,254}$/s, 'a CloudWatch namespace of 1-255 characters, not starting with a colon');
  requirePattern(scope, `${prop}.metricName`, m.metricName, /^.{1,255}$/s, 'a metric name of 1-255 characters');
  const dims = Object.keys(m.dimensions ?? {});
  // At most 30 dimensions per metric (CloudWatch Dimension limits).
  if (dims.length > 30) fail(scope, `${prop}.dimensions`, m.dimensions, 'at most 30 dimensions');
  for (const d of dims.sort()) {
    requirePattern(scope, `${prop}.dimensions`, d, /^[^:].{0,254}$/s, 'dimension names of 1-255 characters, not starting with a colon');
    requirePattern(scope, `${prop}.dimensions.${d}`, m.dimensions![d], /^.{1,1024}$/s, 'a dimension value of 1-1024 characters');
  }
  const stat = m.statistic ?? Statistic.AVERAGE;
  if (!(stat instanceof Statistic) || !stat.isValid) {
    fail(scope, `${prop}.statistic`, stat instanceof Statistic ? stat.name : stat,
      'Statistic.AVERAGE, SUM, MINIMUM, MAXIMUM, SAMPLE_COUNT or Statistic.percentile(p) with 0 < p < 100');
  }
  if (m.period !== undefined && !isToken(m.period) && m.period !== period) {
    fail(scope, `${prop}.period`, m.period, `the monitor's period (${period} seconds) or unset`);
  }
  if (m.datadogMetric !== undefined) {
    requirePattern(scope, `${prop}.datadogMetric`, m.datadogMetric, /^[A-Za-z][A-Za-z0-9_.]{0,199}$/, 'a Datadog metric name (a letter, then letters, digits, _ or ., at most 200 characters)');
  }
}
