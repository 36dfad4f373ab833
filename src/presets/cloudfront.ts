import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, Category, MetricOf, PERCENT, recommended } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of a CloudFront distribution. */
export interface CloudFrontDistributionMonitorsProps extends MonitorPresetOptions {
  /**
   * The distribution's id (the `DistributionId` dimension), e.g. `EDFDVBD6EXAMPLE`, or a
   * reference to it (`cloudfrontDistribution.id`). CloudFront publishes its metrics in US East
   * (N. Virginia) only, under the dimension `Region=Global`: render the CloudWatch alarms with an
   * AWS provider in us-east-1.
   */
  readonly distributionId: string;
  /**
   * Alert when more than this percentage of the viewer requests get a 5xx response, on average
   * over each minute for 5 minutes.
   * @default 5
   */
  readonly max5xxErrorRatePercent?: number;
  /**
   * Also alert when more than this percentage of the viewer requests get a 4xx response, on
   * average over each minute for 5 minutes (client errors: off unless set).
   * @default - no 4xx monitor
   */
  readonly max4xxErrorRatePercent?: number;
  /**
   * Also alert when the p90 origin latency (time to the origin's first byte) is above this many
   * milliseconds for 5 minutes. CloudFront publishes `OriginLatency` only with its additional
   * metrics turned on for the distribution (a monthly charge); Datadog publishes no p90 of it:
   * the monitor is rendered to the other backends only.
   * @default - no origin latency monitor
   */
  readonly maxOriginLatencyMs?: number;
}

/**
 * Distribution ids are upper-case letters and digits, e.g. `EDFDVBD6EXAMPLE` (CloudFront API
 * reference, GetDistribution `Id`).
 */
const DISTRIBUTION_ID = /^[A-Z0-9]{1,64}$/;

/**
 * `5xxErrorRate` and `4xxErrorRate`, the percentage of viewer requests with a 5xx or 4xx status
 * (CloudFront developer guide, "Default CloudFront distribution metrics",
 * docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/programming-cloudwatch-metrics.html):
 * the CloudWatch user guide's "Recommended alarms" page recommends an alarm on `5xxErrorRate`,
 * Average, period 60 seconds, 5 of 5 datapoints, greater than a threshold that "depends on your
 * tolerance" (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html).
 * The preset's default is 5%. No requests publish no rate: no data is not breaching.
 */
const ERROR_RATE: Category = {
  statistic: Statistic.AVERAGE,
  comparison: ComparisonOperator.GREATER_THAN,
  period: 60,
  evaluationPeriods: 5,
  missingData: MissingData.NOT_BREACHING,
  threshold: PERCENT,
  defaultCritical: 5,
};

/**
 * `OriginLatency` in milliseconds, an additional metric (CloudFront developer guide, "Enabling
 * additional metrics"): the "Recommended alarms" page recommends p90, period 60 seconds, 5 of 5
 * datapoints, above a threshold derived from the origin's response timeout; it has no default
 * here, the user sets it.
 */
const ORIGIN_LATENCY: Category = {
  statistic: Statistic.percentile(90),
  comparison: ComparisonOperator.GREATER_THAN,
  period: 60,
  evaluationPeriods: 5,
  missingData: MissingData.NOT_BREACHING,
  threshold: AMOUNT,
};

/**
 * The 5xx error rate and optionally the 4xx error rate and origin latency of a CloudFront
 * distribution (AWS/CloudFront, dimensions DistributionId and Region=Global; published in
 * us-east-1 only). Datadog publishes `aws.cloudfront.5xx_error_rate`, `4xx_error_rate` and
 * `origin_latency` (a gauge without p90), tag `distributionid`. `MonitorPresets.cloudFrontDistribution()`.
 */
export function cloudFrontDistributionMonitors(scope: Construct, id: string, props: CloudFrontDistributionMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const dist = requirePattern(g, 'distributionId', props?.distributionId, DISTRIBUTION_ID, 'a CloudFront distribution id (upper-case letters and digits, e.g. EDFDVBD6EXAMPLE), or a reference to one');
  const label = Token.isUnresolved(dist) ? id : dist;
  g._configure(`CloudFront distribution ${label}`, props);
  const p = props.titlePrefix ?? label;
  const metric = (metricName: string): MetricOf => (statistic) =>
    Signal.cloudWatchMetric({ namespace: 'AWS/CloudFront', metricName, dimensions: { DistributionId: dist, Region: 'Global' }, statistic });
  recommended(g, ERROR_RATE, {
    id: 'ErrorRate5xx',
    metric: metric('5xxErrorRate'),
    prop: 'max5xxErrorRatePercent',
    value: props.max5xxErrorRatePercent,
    optional: true,
    text: (s) => ({ title: `${p}: 5xx error rate`, message: `More than ${s.critical}% of the requests to CloudFront distribution ${label} got a 5xx response for 5 minutes.` }),
  });
  if (props.max4xxErrorRatePercent !== undefined) {
    recommended(g, ERROR_RATE, {
      id: 'ErrorRate4xx',
      metric: metric('4xxErrorRate'),
      prop: 'max4xxErrorRatePercent',
      value: props.max4xxErrorRatePercent,
      text: (s) => ({ title: `${p}: 4xx error rate`, message: `More than ${s.critical}% of the requests to CloudFront distribution ${label} got a 4xx response for 5 minutes.` }),
    });
  }
  if (props.maxOriginLatencyMs !== undefined) {
    recommended(g, ORIGIN_LATENCY, {
      id: 'OriginLatency',
      metric: metric('OriginLatency'),
      prop: 'maxOriginLatencyMs',
      value: props.maxOriginLatencyMs,
      text: (s) => ({ title: `${p}: origin latency`, message: `The p90 origin latency of CloudFront distribution ${label} was above ${s.critical} ms for 5 minutes.` }),
    });
  }
  return g;
}
