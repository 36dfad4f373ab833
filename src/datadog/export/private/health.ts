/**
 * The health checks of a DatadogExport: one `MonitorConfig` per check and monitor backend, on
 * delivery errors, data freshness, throttling and failed data. Not part of the public API.
 */
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketMetric } from '@cdktf/provider-aws/lib/s3-bucket-metric';
import { Construct } from 'constructs';
import type { AwsConnection } from '../../../aws/aws-connection';
import { CloudWatchBackend } from '../../../cloudwatch/cloudwatch-monitor-backend';
import { Errors, ValidationError, pathOf } from '../../../core/errors';
import { fail, isToken } from '../../../core/private/validate';
import { Severities, Severity } from '../../../core/severity';
import type { IMonitorBackend } from '../../../monitors/backend';
import { MonitorBackend } from '../../../monitors/monitor-backend';
import { MonitorConfig } from '../../../monitors/monitor-config';
import { ComparisonOperator, MissingData } from '../../../monitors/threshold';
import type { INotificationTarget } from '../../../notifications/targets';
import { Aggregation, Signal, Statistic } from '../../../signals/signal';
import type { DatadogConnection } from '../../datadog-connection';
import { DatadogBackend } from '../../datadog-monitor-backend';
import type { HealthCheckKind } from '../datadog-export';

const BACKEND_ACCEPTED = 'MonitorBackend.cloudwatch() or MonitorBackend.datadog() (the health checks watch CloudWatch metrics of the export\'s own account and region, and Datadog metrics of its stream)';
const TARGET_ACCEPTED = 'a notification target (NotificationTarget.slack(), pagerDuty(), email() or webhook())';
/** Name of the S3 request-metrics configuration of the failed-data bucket (its `FilterId` dimension). */
const FAILED_DATA_FILTER = 'FailedData';

/** The validated health props. */
export interface ResolvedHealth {
  /** The backends as given (CloudWatch and Datadog backends, at most one of each). */
  readonly backends: IMonitorBackend[];
  readonly targets: INotificationTarget[];
  readonly severity: Severity;
  readonly minDeliverySuccessRate: number;
  readonly maxDataFreshness: number;
}

/**
 * Validates `healthBackends`, `healthTargets`, `healthSeverity`, `minDeliverySuccessRate` and
 * `maxDataFreshness` (the backends' connections are checked against the export's once known).
 */
export function validateHealth(scope: Construct, p: {
  readonly healthBackends?: unknown;
  readonly healthTargets?: unknown;
  readonly healthSeverity?: unknown;
  readonly minDeliverySuccessRate?: unknown;
  readonly maxDataFreshness?: unknown;
}, enabled: boolean, bufferSeconds: number, retryDuration: number): ResolvedHealth {
  const backends = validateBackends(scope, p.healthBackends, enabled);
  const targets = validateTargets(scope, p.healthTargets, backends, enabled);
  const severity = p.healthSeverity === undefined ? Severity.SEV3 : p.healthSeverity as Severity;
  if (!Severities.isSeverity(severity)) fail(scope, 'healthSeverity', p.healthSeverity, 'a Severity (SEV1 … SEV5)');
  const minSuccess = p.minDeliverySuccessRate === undefined ? 0.99 : p.minDeliverySuccessRate;
  if (typeof minSuccess !== 'number' || isToken(minSuccess) || !(minSuccess > 0 && minSuccess <= 1)) {
    fail(scope, 'minDeliverySuccessRate', p.minDeliverySuccessRate, 'a number greater than 0 and at most 1');
  }
  // Firehose holds records for up to the buffering interval before it delivers them, so the
  // age of the oldest record reaches the interval in normal operation: a limit that does not
  // leave a minute above it would alarm on a healthy stream.
  const minFreshness = bufferSeconds + 60;
  const maxFreshness = p.maxDataFreshness === undefined ? bufferSeconds + retryDuration + 300 : p.maxDataFreshness;
  if (typeof maxFreshness !== 'number' || isToken(maxFreshness) || !Number.isInteger(maxFreshness) || maxFreshness < minFreshness || maxFreshness > 86_400) {
    fail(scope, 'maxDataFreshness', p.maxDataFreshness,
      `a whole number of seconds from ${minFreshness} (the buffering interval of ${bufferSeconds} s plus a minute: Firehose holds records that long before it delivers them) to 86400`);
  }
  return { backends, targets, severity, minDeliverySuccessRate: minSuccess, maxDataFreshness: maxFreshness };
}

function describeBackend(b: unknown): unknown {
  const x = b as IMonitorBackend | undefined;
  return x && typeof x === 'object' && typeof x.kind === 'string' && typeof x.id === 'string' ? `${x.kind} backend ${x.id}` : b;
}

function validateBackends(scope: Construct, value: unknown, enabled: boolean): IMonitorBackend[] {
  if (value === undefined) return enabled ? [MonitorBackend.cloudwatch()] : [];
  if (!Array.isArray(value)) fail(scope, 'healthBackends', describeBackend(value), `a list of ${BACKEND_ACCEPTED}; [] for no health checks`);
  value.forEach((b: unknown, i: number) => {
    if (!(b instanceof CloudWatchBackend) && !(b instanceof DatadogBackend)) fail(scope, `healthBackends[${i}]`, describeBackend(b), BACKEND_ACCEPTED);
    const first = value.findIndex((x: IMonitorBackend) => x.kind === b.kind);
    if (first !== i) {
      fail(scope, `healthBackends[${i}]`, describeBackend(b),
        `a backend of another kind than healthBackends[${first}] (at most one CloudWatch and one Datadog backend: a second one would create every health check twice)`);
    }
  });
  if (!enabled && value.length > 0) {
    fail(scope, 'healthBackends', value.map(describeBackend), '[] or unset when enabled is false (a disabled export has no pipeline to watch)');
  }
  return [...value];
}

function validateTargets(scope: Construct, value: unknown, backends: IMonitorBackend[], enabled: boolean): INotificationTarget[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(scope, 'healthTargets', value, `a list of targets, each ${TARGET_ACCEPTED}`);
  // What a target is beyond an object is MonitorConfig.addTarget()'s to check (see addTargets).
  value.forEach((t: unknown, i: number) => {
    if (t === null || typeof t !== 'object' || Array.isArray(t)) fail(scope, `healthTargets[${i}]`, t, TARGET_ACCEPTED);
  });
  if (value.length > 0 && backends.length === 0) {
    const ids = value.map((t: any) => (typeof t.targetId === 'string' ? `target ${t.targetId}` : t));
    fail(scope, 'healthTargets', ids, enabled
      ? '[] or unset when healthBackends is [] (there are no health checks to notify from)'
      : '[] or unset when enabled is false (a disabled export has no health checks)');
  }
  return [...value];
}

/**
 * The AWS namespaces Datadog must poll for the health checks: the Datadog monitors watch
 * AWS/Firehose and AWS/S3 metrics, which an include-only metric stream does not send.
 */
export function healthNamespacesToPoll(health: ResolvedHealth): string[] {
  return health.backends.some((b) => b instanceof DatadogBackend) ? ['AWS/Firehose', 'AWS/S3'] : [];
}

/** The export's side of the health checks. */
export interface HealthOptions {
  readonly aws: AwsConnection;
  readonly datadog: DatadogConnection;
  /** Base name of the pipeline (delivery stream and metric stream name). */
  readonly name: string;
  /** Name of the delivery stream, a reference to the stream resource's `name`. */
  readonly deliveryStreamName: string;
  readonly bucket: S3Bucket;
  readonly health: ResolvedHealth;
  readonly bufferSeconds: number;
  /** The export's tags, by key. */
  readonly tags: Record<string, string>;
}

/** One rendered health check. */
export interface RenderedHealthCheck {
  readonly kind: keyof typeof HealthCheckKind;
  /** The backend it is rendered on (with the export's connection). */
  readonly backend: IMonitorBackend;
  readonly monitor: MonitorConfig;
  /** The watched metric, for humans: `<namespace> <metric>` or the Datadog metric query. */
  readonly metric: string;
  /** ARN of the CloudWatch alarm or id of the Datadog monitor (a Terraform token). */
  readonly reference: string;
}

/** What one backend evaluates for a check. */
interface CheckOnBackend {
  readonly title: string;
  readonly what: string;
  readonly signal: Signal;
  readonly metric: string;
  readonly comparison: ComparisonOperator;
  readonly critical: number;
  readonly period: number;
  readonly evaluationPeriods: number;
  readonly missingData: MissingData;
  readonly tags: Record<string, string>;
}

interface Check {
  readonly kind: keyof typeof HealthCheckKind;
  /** Construct id of the check's group (under `Health`). */
  readonly id: string;
  readonly cloudWatch: CheckOnBackend;
  readonly datadog: CheckOnBackend;
}

/**
 * The health checks, created in `scope` (the export): the S3 request metrics of the
 * failed-data bucket (`FailedDataRequestMetrics`) and, under `Health/<check>/<backend id>`, a
 * MonitorConfig per check and backend, notifying the targets. Nothing without backends.
 */
export function createHealthChecks(scope: Construct, o: HealthOptions): RenderedHealthCheck[] {
  if (o.health.backends.length === 0) return [];
  const backends = o.health.backends.map((b, i) => withExportConnection(scope, o, b, i));
  // S3 request metrics (AWS/S3 PutRequests … with dimension FilterId) of the whole bucket: the
  // failed-data checks count the objects Firehose writes.
  const failedMetric = new S3BucketMetric(scope, 'FailedDataRequestMetrics', { provider: o.aws.provider, bucket: o.bucket.id, name: FAILED_DATA_FILTER });
  const root = new Construct(scope, 'Health');
  const out: RenderedHealthCheck[] = [];
  for (const check of checks(o, failedMetric)) {
    const group = new Construct(root, check.id);
    for (const backend of backends) {
      const c = backend instanceof DatadogBackend ? check.datadog : check.cloudWatch;
      const monitor = new MonitorConfig(group, backend.id, {
        title: c.title,
        message: `Datadog export ${scope.node.path}: ${c.what}.`,
        signal: c.signal,
        comparison: c.comparison,
        critical: c.critical,
        period: c.period,
        evaluationPeriods: c.evaluationPeriods,
        missingData: c.missingData,
        severity: o.health.severity,
        tags: c.tags,
        backends: [backend],
      });
      addTargets(scope, monitor, o.health.targets);
      const resource = monitor.rendering(backend.id).resource;
      out.push({
        kind: check.kind,
        backend,
        monitor,
        metric: c.metric,
        reference: resource.getStringAttribute(backend instanceof DatadogBackend ? 'id' : 'arn'),
      });
    }
  }
  return out;
}

/** A health check the export describes but does not alarm (its CloudWatch form). */
export interface UnalarmedHealthCheck {
  readonly kind: keyof typeof HealthCheckKind;
  readonly what: string;
  readonly signal: Signal;
  readonly comparison: ComparisonOperator;
  readonly critical: number;
  readonly period: number;
  readonly evaluationPeriods: number;
  readonly missingData: MissingData;
}

/**
 * The checks of an export without health backends, in their CloudWatch form, for the
 * IntegrationCatalog (which may monitor them). FAILED_DATA is left out: it counts the objects
 * of the bucket's request metrics, which exist only with health checks.
 */
export function unalarmedHealthChecks(o: HealthOptions): UnalarmedHealthCheck[] {
  return checks(o).filter((c) => c.kind !== 'FAILED_DATA').map((c) => ({
    kind: c.kind,
    what: c.cloudWatch.what,
    signal: c.cloudWatch.signal,
    comparison: c.cloudWatch.comparison,
    critical: c.cloudWatch.critical,
    period: c.cloudWatch.period,
    evaluationPeriods: c.cloudWatch.evaluationPeriods,
    missingData: c.cloudWatch.missingData,
  }));
}

/**
 * The backend with the export's connection. The health checks watch the export's own
 * metrics: a backend of another AWS account or region, or another Datadog organization,
 * would never see them. With an aliased AwsConnection the rendering id is `<id>-<alias>`:
 * a notification target gets one SNS topic per backend id and stack, created with the
 * connection of the first alarm that binds it, so each region needs an id of its own for its
 * alarms to notify topics of their own region.
 */
function withExportConnection(scope: Construct, o: HealthOptions, b: IMonitorBackend, i: number): IMonitorBackend {
  if (b instanceof CloudWatchBackend) {
    const conn = b.options.connection;
    if (conn !== undefined && conn !== o.aws) {
      fail(scope, `healthBackends[${i}].connection`, conn.node.path,
        `unset or the export's AwsConnection (${o.aws.node.path}): the alarms watch the Firehose and S3 metrics of the export's own account and region`);
    }
    return MonitorBackend.cloudwatch({ ...b.options, connection: o.aws, id: o.aws.alias ? `${b.id}-${o.aws.alias}` : b.id });
  }
  const dd = b as DatadogBackend;
  const conn = dd.options.connection;
  if (conn !== undefined && conn !== o.datadog) {
    fail(scope, `healthBackends[${i}].connection`, conn.node.path,
      `unset or the export's DatadogConnection (${o.datadog.node.path}): the monitors watch the metrics the export sends to that organization`);
  }
  return MonitorBackend.datadog({ ...dd.options, connection: o.datadog, id: dd.id });
}

/**
 * Adds the targets through MonitorConfig.addTarget(), which checks them; its errors about a
 * target are reported as errors of the export's `healthTargets[i]`.
 */
function addTargets(scope: Construct, monitor: MonitorConfig, targets: INotificationTarget[]): void {
  targets.forEach((t, i) => {
    try {
      monitor.addTarget(t);
    } catch (e) {
      if (!Errors.isValidationError(e)) throw e;
      const err = e as ValidationError;
      if (err.constructPath !== pathOf(monitor) || !/^targets(\.|$)/.test(err.prop)) throw e;
      const rest = err.prop.replace(/^targets(\.[A-Za-z0-9_-]+)?/, '');
      throw new ValidationError(pathOf(scope), `healthTargets[${i}]${rest}`, err.received, err.accepted);
    }
  });
}

function percent(share: number): string {
  return `${Number((share * 100).toPrecision(12))}%`;
}

/**
 * The checks. CloudWatch alarms watch the Firehose metrics of the delivery stream
 * (`AWS/Firehose`, dimension `DeliveryStreamName`) and the S3 request metrics of the
 * failed-data bucket (`AWS/S3`, dimensions `BucketName` and `FilterId`); Datadog monitors
 * watch the same metrics under the names Datadog gives them (tags lower-cased), and Datadog's
 * own per-stream metric for freshness.
 */
function checks(o: HealthOptions, failedMetric?: S3BucketMetric): Check[] {
  const name = o.name;
  const { minDeliverySuccessRate: minSuccess, maxDataFreshness: maxFreshness } = o.health;
  // The alarms name the delivery stream by reference (Terraform then orders them after it).
  const stream = { DeliveryStreamName: o.deliveryStreamName };
  const ddStream = `deliverystreamname:${name.toLowerCase()}`;
  // Tag values that are tokens are left to the pipeline's resources (the backends check
  // monitor tags at synth time); `severity` is the checks' own tag.
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.tags)) if (!isToken(v) && k.toLowerCase() !== 'severity') tags[k] = v;
  const ddTags = { ...tags, integration: 'datadog-export' };
  // Freshness tolerates missing data for one buffering interval plus 10 minutes, then alarms.
  const freshnessPeriods = Math.ceil((o.bufferSeconds + 600) / 300);
  // Datadog evaluates over at least 15 minutes, and at least one buffering interval plus 10 minutes.
  const windowMin = Math.max(15, Math.ceil((o.bufferSeconds + 600) / 60));
  const cw = (title: string, what: string, namespace: string, metricName: string, statistic: Statistic, dimensions: Record<string, string>,
    comparison: ComparisonOperator, critical: number, evaluationPeriods: number, missingData: MissingData): CheckOnBackend => ({
    title: `${name}-${title}`,
    what,
    signal: Signal.cloudWatchMetric({ namespace, metricName, dimensions, statistic }),
    metric: `${namespace} ${metricName}`,
    comparison,
    critical,
    period: 300,
    evaluationPeriods,
    missingData,
    tags,
  });
  const dd = (title: string, what: string, query: string, timeAggregation: Aggregation, comparison: ComparisonOperator, critical: number,
    windowMinutes: number, missingData: MissingData): CheckOnBackend => ({
    title: `Datadog export ${name}: ${title}`,
    what,
    signal: Signal.datadogQuery({ query, timeAggregation }),
    metric: query,
    comparison,
    critical,
    period: 60,
    evaluationPeriods: windowMinutes,
    missingData,
    tags: ddTags,
  });
  return [
    {
      kind: 'DELIVERY_ERRORS',
      id: 'DeliveryErrors',
      // The average of DeliveryToHttpEndpoint.Success is the share of delivery requests that succeed.
      cloudWatch: cw('delivery-errors', `fewer than ${percent(minSuccess)} of deliveries to Datadog succeed`,
        'AWS/Firehose', 'DeliveryToHttpEndpoint.Success', Statistic.AVERAGE, stream, ComparisonOperator.LESS_THAN, minSuccess, 3, MissingData.NOT_BREACHING),
      datadog: dd('delivery errors', `fewer than ${percent(minSuccess)} of deliveries to Datadog succeed`,
        `avg:aws.firehose.delivery_to_http_endpoint_success{${ddStream}}`, Aggregation.AVG, ComparisonOperator.LESS_THAN, minSuccess, 15, MissingData.NOT_BREACHING),
    },
    {
      kind: 'DATA_FRESHNESS',
      id: 'DataFreshness',
      // DeliveryToHttpEndpoint.DataFreshness is the age of the oldest undelivered record; no
      // data means nothing reaches Firehose, which breaches too.
      cloudWatch: cw('data-freshness', `the last successful delivery to Datadog is older than ${maxFreshness} s, or nothing is delivered`,
        'AWS/Firehose', 'DeliveryToHttpEndpoint.DataFreshness', Statistic.MAXIMUM, stream, ComparisonOperator.GREATER_THAN, maxFreshness,
        freshnessPeriods, MissingData.BREACHING),
      // Freshness: Datadog reports datadog.aws_metric_streams.data_received (1 while data arrives)
      // per stream; no data means nothing arrives, and alerts.
      datadog: dd('data freshness', 'no data arrives in Datadog from the metric stream',
        `max:datadog.aws_metric_streams.data_received{stream_name:${name.toLowerCase()}}`, Aggregation.MAX, ComparisonOperator.LESS_THAN, 1,
        windowMin, MissingData.BREACHING),
    },
    {
      kind: 'THROTTLING',
      id: 'Throttling',
      cloudWatch: cw('throttling', 'Firehose throttles records of the metric stream',
        'AWS/Firehose', 'ThrottledRecords', Statistic.SUM, stream, ComparisonOperator.GREATER_THAN, 0, 1, MissingData.NOT_BREACHING),
      datadog: dd('throttling', 'Firehose throttles records of the metric stream',
        `sum:aws.firehose.throttled_records{${ddStream}}.as_count()`, Aggregation.SUM, ComparisonOperator.GREATER_THAN, 0, 15, MissingData.NOT_BREACHING),
    },
    {
      kind: 'FAILED_DATA',
      id: 'FailedData',
      // No PutRequests means nothing failed.
      cloudWatch: cw('failed-data', 'data that could not be delivered to Datadog is written to the failed-data bucket',
        'AWS/S3', 'PutRequests', Statistic.SUM, { BucketName: o.bucket.bucket, FilterId: failedMetric?.name ?? FAILED_DATA_FILTER },
        ComparisonOperator.GREATER_THAN, 0, 1, MissingData.NOT_BREACHING),
      datadog: dd('failed data', 'data that could not be delivered to Datadog is written to the failed-data bucket',
        `sum:aws.s3.put_requests{bucketname:${o.bucket.bucket},filterid:${FAILED_DATA_FILTER.toLowerCase()}}.as_count()`, Aggregation.SUM,
        ComparisonOperator.GREATER_THAN, 0, 15, MissingData.NOT_BREACHING),
    },
  ];
}
