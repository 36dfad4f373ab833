import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, FRACTION, MetricOf, errorCount, recommended } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** What the REST and HTTP API presets share: the stage and the thresholds. */
export interface ApiGatewayStageMonitorsProps extends MonitorPresetOptions {
  /** The stage (the `Stage` dimension). */
  readonly stage: string;
  /**
   * Alert when more than this fraction of the requests of a minute end in a server-side error
   * (5xx), three minutes in a row.
   * @default 0.05 (5%, the CloudWatch "Recommended alarms" threshold)
   */
  readonly maxServerErrorRate?: number;
  /**
   * Alert when the p90 latency reaches this many milliseconds, five minutes in a row.
   * @default 2500 (the CloudWatch "Recommended alarms" threshold)
   */
  readonly maxLatencyP90Ms?: number;
  /**
   * Alert when there are more server-side errors (5xx) than this in 5 minutes. Unlike the error
   * rate, Datadog evaluates this monitor too (Datadog collects the 5xx metrics only as counts).
   * @default - no error-count monitor
   */
  readonly maxServerErrors?: number;
}

/** Monitors of an API Gateway REST API stage. */
export interface RestApiMonitorsProps extends ApiGatewayStageMonitorsProps {
  /** The REST API's name (the `ApiName` dimension). */
  readonly apiName: string;
}

/** Monitors of an API Gateway HTTP API stage. */
export interface HttpApiMonitorsProps extends ApiGatewayStageMonitorsProps {
  /** The HTTP API's id (the `ApiId` dimension), e.g. `a1b2c3d4e5`. */
  readonly apiId: string;
}

/**
 * Server-side error rate: the Average of `5XXError` (REST) or `5xx` (HTTP), a metric that is 1
 * for each request answered 5xx and 0 for the others, so its Average is the fraction of requests
 * that failed. CloudWatch user guide, "Recommended alarms", Amazon API Gateway, 5XXError
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html):
 * dimensions ApiName, Stage; statistic Average; threshold 0.05; period 60; 3 of 3 datapoints;
 * GREATER_THAN_THRESHOLD. The page lists the REST metric; the HTTP API's `5xx` has the same
 * meaning and statistics (API Gateway developer guide, "Metrics" of HTTP APIs,
 * docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html), so it takes the
 * same defaults. No requests is no data, not an error.
 */
const SERVER_ERROR_RATE: Category = {
  statistic: Statistic.AVERAGE,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 60,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  missingData: MissingData.NOT_BREACHING,
  threshold: FRACTION,
  defaultCritical: 0.05,
};

/**
 * p90 latency, from the request's arrival to the response, in milliseconds. "Recommended
 * alarms", Amazon API Gateway, Latency (same page): statistic p90; threshold 2500; period 60;
 * 5 of 5 datapoints; GREATER_THAN_OR_EQUAL_TO_THRESHOLD. Applied to HTTP APIs' `Latency` as
 * above. No requests is no latency to alert on.
 */
const LATENCY_P90: Category = {
  statistic: Statistic.percentile(90),
  comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL,
  period: 60,
  evaluationPeriods: 5,
  datapointsToAlarm: 5,
  missingData: MissingData.NOT_BREACHING,
  threshold: AMOUNT,
  defaultCritical: 2500,
};

/**
 * Stage names: letters, digits, - and _, at most 128 characters (API Gateway developer guide,
 * "Set up a stage for a REST API"); HTTP APIs also have the `$default` stage.
 */
const STAGE = /^(\$default|[A-Za-z0-9_-]{1,128})$/;
const STAGE_ACCEPTED = 'a stage name (1-128 letters, digits, - or _) or $default';
/** REST API names as this preset takes them: a letter or digit, then letters, digits, spaces, . _ or -, at most 128. */
const REST_API_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,127}$/;
/** API ids are the ten lower-case letters or digits API Gateway assigns (`a1b2c3d4e5`). */
const API_ID = /^[a-z0-9]{10}$/;

interface Api {
  readonly kind: 'REST' | 'HTTP';
  readonly dimensions: { [name: string]: string };
  /** `5XXError` (REST) or `5xx` (HTTP). */
  readonly serverErrors: string;
  readonly label: string;
}

function apiMonitors(g: MonitorGroup, api: Api, props: ApiGatewayStageMonitorsProps): MonitorGroup {
  const p = props.titlePrefix ?? api.label;
  const metric = (name: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/ApiGateway', metricName: name, dimensions: api.dimensions, statistic });
  // Datadog collects 5XXError and 5xx only as counts (its Amazon API Gateway metric list), so it
  // has no Average of them: this monitor is rendered to the other backends only.
  recommended(g, SERVER_ERROR_RATE, {
    id: 'ServerErrorRate',
    metric: metric(api.serverErrors),
    prop: 'maxServerErrorRate',
    value: props.maxServerErrorRate,
    optional: true,
    datadogInstead: 'on Datadog, set maxServerErrors for a monitor of the 5xx count',
    text: (s) => ({
      title: `${p}: API server error rate`,
      message: `More than ${Math.round(s.critical * 10000) / 100}% of the requests to ${api.kind} API ${api.label} end in a 5xx.`,
    }),
  });
  recommended(g, LATENCY_P90, {
    id: 'LatencyP90',
    metric: metric('Latency'),
    prop: 'maxLatencyP90Ms',
    value: props.maxLatencyP90Ms,
    optional: true,
    text: (s) => ({
      title: `${p}: API ${s.statistic} latency`,
      message: `The ${s.statistic} latency of ${api.kind} API ${api.label} is ${s.critical} ms or more.`,
    }),
  });
  if (props.maxServerErrors !== undefined) {
    errorCount(g, {
      id: 'ServerErrors',
      metric: metric(api.serverErrors),
      prop: 'maxServerErrors',
      value: props.maxServerErrors,
      text: (s) => ({
        title: `${p}: API server errors`,
        message: `${api.kind} API ${api.label} answers more than ${s.critical} 5xx in ${s.window}.`,
      }),
    });
  }
  return g;
}

/**
 * Server error rate, p90 latency and (with `maxServerErrors`) the 5xx count of a REST API stage
 * (AWS/ApiGateway, dimensions ApiName and Stage). The error rate is not rendered to Datadog,
 * which collects `5XXError` only as a count; use `maxServerErrors` there.
 * `MonitorPresets.apiGatewayRestApi()`.
 */
export function restApiMonitors(scope: Construct, id: string, props: RestApiMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const name = requirePattern(g, 'apiName', props?.apiName, REST_API_NAME, 'a REST API name (a letter or digit, then up to 127 letters, digits, spaces, . _ or -)');
  const stage = requirePattern(g, 'stage', props.stage, STAGE, STAGE_ACCEPTED);
  g._configure(`REST API ${name} (${stage})`, props);
  return apiMonitors(g, { kind: 'REST', dimensions: { ApiName: name, Stage: stage }, serverErrors: '5XXError', label: `${name}/${stage}` }, props);
}

/**
 * Server error rate, p90 latency and (with `maxServerErrors`) the 5xx count of an HTTP API stage
 * (AWS/ApiGateway, dimensions ApiId and Stage; metrics `5xx` and `Latency`). The error rate is
 * not rendered to Datadog, which collects `5xx` only as a count; use `maxServerErrors` there.
 * `MonitorPresets.apiGatewayHttpApi()`.
 */
export function httpApiMonitors(scope: Construct, id: string, props: HttpApiMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const apiId = requirePattern(g, 'apiId', props?.apiId, API_ID, 'an HTTP API id (the ten lower-case letters or digits API Gateway assigns)');
  const stage = requirePattern(g, 'stage', props.stage, STAGE, STAGE_ACCEPTED);
  g._configure(`HTTP API ${apiId} (${stage})`, props);
  return apiMonitors(g, { kind: 'HTTP', dimensions: { ApiId: apiId, Stage: stage }, serverErrors: '5xx', label: `${apiId}/${stage}` }, props);
}
