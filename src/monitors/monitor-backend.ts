import { IMonitorBackend } from './backend';
import { CloudWatchBackend, CloudWatchBackendOptions } from '../cloudwatch/cloudwatch-monitor-backend';
import { DatadogBackend, DatadogBackendOptions } from '../datadog/datadog-monitor-backend';
import { GrafanaBackend, GrafanaBackendOptions } from '../grafana/grafana-monitor-backend';
import { NewRelicBackend, NewRelicBackendOptions } from '../newrelic/newrelic-monitor-backend';

/** The backends that ship with the library. */
export class MonitorBackend {
  /** Datadog: a `datadog_monitor` per monitor. */
  public static datadog(options: DatadogBackendOptions = {}): IMonitorBackend {
    return new DatadogBackend(options);
  }

  /** CloudWatch: an `aws_cloudwatch_metric_alarm` per monitor (and one per warning threshold); SNS topics per target. */
  public static cloudwatch(options: CloudWatchBackendOptions = {}): IMonitorBackend {
    return new CloudWatchBackend(options);
  }

  /** Grafana: a rule group per monitor in a folder; contact points per target; routes in the stack's notification policy. */
  public static grafana(options: GrafanaBackendOptions): IMonitorBackend {
    return new GrafanaBackend(options);
  }

  /** New Relic: a `newrelic_nrql_alert_condition` per monitor in one alert policy per stack; a workflow per target. */
  public static newRelic(options: NewRelicBackendOptions = {}): IMonitorBackend {
    return new NewRelicBackend(options);
  }

  private constructor() {}
}
