/** The systems a dashboard is drawn on. */
export enum DashboardBackendKind {
  /** A Datadog dashboard (`datadog_dashboard_json`). */
  DATADOG = 'datadog',
  /** A Grafana dashboard (`grafana_dashboard`). */
  GRAFANA = 'grafana',
  /** A CloudWatch dashboard (`aws_cloudwatch_dashboard`). */
  CLOUDWATCH = 'cloudwatch',
}
