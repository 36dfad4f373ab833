import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { Category, recommended } from './private/categories';
import { requirePattern } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Signal, Statistic } from '../signals/signal';

/** Monitors of a Route 53 health check. */
export interface Route53HealthCheckMonitorsProps extends MonitorPresetOptions {
  /**
   * The health check's id (the `HealthCheckId` dimension), e.g.
   * `abcdef11-2222-3333-4444-555555fedcba`, or a reference to it (`route53HealthCheck.id`).
   * Route 53 publishes health-check metrics in US East (N. Virginia) only: render the CloudWatch
   * alarm with an AWS provider in us-east-1.
   */
  readonly healthCheckId: string;
}

/**
 * `HealthCheckStatus` is 1 while the endpoint is healthy and 0 when it is not (Route 53
 * developer guide, "Monitoring health checks using CloudWatch",
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html): alert when
 * its Minimum over a minute is below 1. Route 53 reports unhealthy only after the health check's
 * failure threshold of consecutive failed checks (3 unless set otherwise, Route 53 API reference,
 * HealthCheckConfig `FailureThreshold`), so the first unhealthy minute alerts. A health check
 * that stops reporting is its own state.
 */
const UNHEALTHY: Category = {
  statistic: Statistic.MINIMUM,
  comparison: ComparisonOperator.LESS_THAN,
  period: 60,
  evaluationPeriods: 1,
  missingData: MissingData.MISSING,
  threshold: { accepts: (v) => v === 1, accepted: '1' },
  defaultCritical: 1,
};

/** Health check ids are UUIDs. */
const HEALTH_CHECK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The status of a Route 53 health check (AWS/Route53, dimension HealthCheckId). Datadog
 * publishes `aws.route53.health_check_status` as a per-period average only; its minimum is read
 * from that (with a warning). `MonitorPresets.route53HealthCheck()`.
 */
export function route53HealthCheckMonitors(scope: Construct, id: string, props: Route53HealthCheckMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const check = requirePattern(g, 'healthCheckId', props?.healthCheckId, HEALTH_CHECK_ID, 'a Route 53 health check id (a lower-case UUID), or a reference to one');
  const label = Token.isUnresolved(check) ? id : check;
  g._configure(`Route 53 health check ${label}`, props);
  const p = props.titlePrefix ?? label;
  recommended(g, UNHEALTHY, {
    id: 'Unhealthy',
    metric: (statistic) => Signal.cloudWatchMetric({ namespace: 'AWS/Route53', metricName: 'HealthCheckStatus', dimensions: { HealthCheckId: check }, statistic }),
    text: () => ({ title: `${p}: health check failing`, message: `Route 53 health check ${label} reports its endpoint unhealthy.` }),
  });
  return g;
}
