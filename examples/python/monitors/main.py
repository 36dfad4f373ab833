"""The monitors of one service ("checkout": a Lambda behind an ALB, feeding an SQS queue), each
written once and rendered to Datadog, CloudWatch and Grafana, with routing by severity: the
Python twin of examples/monitors/main.ts.

Stack ``monitors``:
- SEV1/SEV2 page PagerDuty and post to the incident bridge webhook;
- every severity posts to the team's Slack channel;
- SEV3 and lower e-mail the team.
Grafana's notification policy (one per organization) is assembled from the routes the monitors
declare, plus one route the platform team adds by hand.
"""
from typing import List

from cdktf import App, TerraformStack

from cdktf_integrations import (
    Aggregation,
    AlarmRule,
    AnomalyDirection,
    AnomalyMonitor,
    AwsConnection,
    AwsService,
    BurnRateAlert,
    ComparisonOperator,
    CompositeMonitor,
    DatadogConnection,
    DatadogSite,
    GrafanaAuth,
    GrafanaConnection,
    GrafanaNotificationPolicy,
    MatchOperator,
    MissingData,
    MonitorBackend,
    MonitorConfig,
    NotificationTarget,
    PagerDutyConnection,
    PagerDutyRegion,
    RouteMatcher,
    Secret,
    Severity,
    Signal,
    Slo,
    SloIndicator,
    SloWindow,
    SlackConnection,
    Statistic,
    WebhookAuth,
    WebhookConnection,
)


def monitors_example(app: App) -> List[TerraformStack]:
    stack = TerraformStack(app, "monitors")

    # Where things are.
    aws = AwsConnection(stack, "Aws", region="eu-west-1", account_id="123456789012")
    DatadogConnection(
        stack,
        "Datadog",
        site=DatadogSite.EU1,
        api_key=Secret.from_secrets_manager(stack, "DatadogApiKey", secret_id="observability/datadog", json_key="api_key", aws=aws),
        app_key=Secret.from_environment(stack, "DatadogAppKey", environment_variable="TF_VAR_monitors_datadog_app_key"),
    )
    GrafanaConnection(
        stack,
        "Grafana",
        url="https://acme.grafana.net",
        auth=GrafanaAuth.service_account_token(
            Secret.from_environment(stack, "GrafanaToken", environment_variable="TF_VAR_monitors_grafana_token")
        ),
    )
    SlackConnection(
        stack,
        "Slack",
        workspace_id="T01234567",
        datadog_account_name="acme",
        bot_token=Secret.from_ssm_parameter(stack, "SlackBotToken", parameter_name="/observability/slack/bot-token", aws=aws),
    )
    PagerDutyConnection(stack, "PagerDuty", region=PagerDutyRegion.EU)
    bridge = WebhookConnection(
        stack,
        "IncidentBridge",
        url="https://hooks.acme.example/incidents",
        auth=WebhookAuth.basic(
            "alerts", Secret.from_secrets_manager(stack, "BridgePassword", secret_id="observability/incident-bridge", aws=aws)
        ),
    )

    # Who hears what.
    paging = [Severity.SEV1, Severity.SEV2]
    targets = [
        NotificationTarget.pager_duty(
            service_name="checkout",
            integration_key=Secret.from_secrets_manager(stack, "PagerDutyKey", secret_id="observability/pagerduty-checkout", aws=aws),
            severities=paging,
        ),
        NotificationTarget.webhook(connection=bridge, datadog_webhook_name="incident-bridge", severities=paging),
        NotificationTarget.slack(channel="checkout-alerts", channel_id="C0123ABCD"),
        NotificationTarget.email(address="checkout-team@acme.example", severities=[Severity.SEV3, Severity.SEV4, Severity.SEV5]),
    ]

    # Where monitors are evaluated.
    everywhere = [
        MonitorBackend.datadog(),
        MonitorBackend.cloudwatch(),
        MonitorBackend.grafana(datasource_uid="prometheus", cloud_watch_datasource_uid="cloudwatch", folder="Checkout"),
    ]
    common = dict(
        backends=everywhere,
        targets=targets,
        tags={"service": "checkout", "team": "payments"},
        runbook_url="https://runbooks.acme.example/checkout",
    )

    def on(*backends: MonitorBackend) -> dict:
        """The common settings, evaluated only on `backends`."""
        return {**common, "backends": list(backends)}

    lambda_errors = MonitorConfig(
        stack,
        "LambdaErrors",
        **common,
        title="checkout: Lambda errors",
        message="The checkout function fails invocations; orders may be lost.",
        signal=Signal.aws_metric(AwsService.LAMBDA, "checkout", "Errors"),
        comparison=ComparisonOperator.GREATER_THAN,
        critical=10,
        warning=3,
        period=60,
        evaluation_periods=5,
        datapoints_to_alarm=5,
        missing_data=MissingData.NOT_BREACHING,
        severity=Severity.SEV2,
        renotify_interval=60,
    )

    lambda_latency = MonitorConfig(
        stack,
        "LambdaLatency",
        **common,
        title="checkout: p99 duration",
        message="Checkout is slow for one request in a hundred.",
        signal=Signal.aws_metric(AwsService.LAMBDA, "checkout", "Duration", statistic=Statistic.percentile(99)),
        comparison=ComparisonOperator.GREATER_THAN,
        critical=3000,
        warning=2000,
        period=300,
        evaluation_periods=3,
        severity=Severity.SEV3,
    )

    MonitorConfig(
        stack,
        "Target5xx",
        **common,
        title="checkout: ALB target 5xx",
        message="The checkout targets answer 5xx.",
        signal=Signal.aws_metric(
            AwsService.APPLICATION_LOAD_BALANCER, "app/checkout/50dc6c495c0c9188", "HTTPCode_Target_5XX_Count"
        ),
        comparison=ComparisonOperator.GREATER_THAN_OR_EQUAL,
        critical=25,
        period=60,
        evaluation_periods=5,
        datapoints_to_alarm=5,
        missing_data=MissingData.NOT_BREACHING,
        severity=Severity.SEV1,
    )

    MonitorConfig(
        stack,
        "QueueAge",
        **common,
        title="checkout: order queue backlog",
        message="Orders wait in the queue for more than ten minutes.",
        signal=Signal.aws_metric(AwsService.SQS, "checkout-orders", "ApproximateAgeOfOldestMessage", statistic=Statistic.MAXIMUM),
        comparison=ComparisonOperator.GREATER_THAN,
        critical=600,
        critical_recovery=300,
        period=300,
        evaluation_periods=2,
        severity=Severity.SEV3,
    )

    # Backend-specific signals: each goes only where it can be evaluated.
    MonitorConfig(
        stack,
        "ErrorRate",
        **on(MonitorBackend.cloudwatch()),
        title="checkout: error rate",
        message="More than 5% of checkout invocations fail.",
        signal=Signal.cloud_watch_expression(
            expression="100 * errors / invocations",
            label="error rate (%)",
            using_metrics={
                "errors": Signal.aws_metric(AwsService.LAMBDA, "checkout", "Errors"),
                "invocations": Signal.aws_metric(AwsService.LAMBDA, "checkout", "Invocations"),
            },
        ),
        comparison=ComparisonOperator.GREATER_THAN,
        critical=5,
        period=300,
        evaluation_periods=3,
        datapoints_to_alarm=2,
        missing_data=MissingData.NOT_BREACHING,
        severity=Severity.SEV2,
    )

    MonitorConfig(
        stack,
        "ApmErrors",
        **on(MonitorBackend.datadog()),
        title="checkout: APM errors",
        message="The checkout service returns errors (APM).",
        signal=Signal.datadog_query(query="sum:trace.aws.lambda.errors{service:checkout}.as_count()", time_aggregation=Aggregation.SUM),
        comparison=ComparisonOperator.GREATER_THAN,
        critical=50,
        period=600,
        severity=Severity.SEV3,
    )

    MonitorConfig(
        stack,
        "HttpErrors",
        **on(MonitorBackend.grafana(datasource_uid="prometheus", folder="Checkout")),
        title="checkout: HTTP 5xx ratio",
        message="More than 2% of checkout HTTP requests fail.",
        signal=Signal.prom_ql(
            query='sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m]))'
        ),
        comparison=ComparisonOperator.GREATER_THAN,
        critical=0.02,
        period=60,
        evaluation_periods=5,
        severity=Severity.SEV2,
    )

    # Composite: page only when the function both fails and is slow (Datadog composite monitor,
    # CloudWatch composite alarm; Grafana has no composite rule).
    CompositeMonitor(
        stack,
        "Degraded",
        **on(MonitorBackend.datadog(), MonitorBackend.cloudwatch()),
        title="checkout: degraded (errors and slow)",
        message="Checkout fails and is slow at the same time.",
        rule=AlarmRule.all_of(AlarmRule.monitor(lambda_errors), AlarmRule.monitor(lambda_latency)),
        severity=Severity.SEV1,
    )

    # Anomaly: traffic outside the band its history predicts (Datadog anomalies(), CloudWatch
    # anomaly-detection band).
    AnomalyMonitor(
        stack,
        "TrafficAnomaly",
        **on(MonitorBackend.datadog(), MonitorBackend.cloudwatch()),
        title="checkout: unusual traffic",
        message="Checkout invocations are outside their usual range.",
        signal=Signal.aws_metric(AwsService.LAMBDA, "checkout", "Invocations"),
        direction=AnomalyDirection.BOTH,
        bounds=3,
        period=300,
        evaluation_periods=6,
        severity=Severity.SEV3,
    )

    # SLO: 99.9% of orders succeed over 30 days, with multi-window burn-rate alerts. Datadog takes
    # long windows of at most 48 hours, so the slow burn is Datadog's 3x over 24 h / 2 h.
    Slo(
        stack,
        "OrderSuccess",
        **on(MonitorBackend.datadog(), MonitorBackend.cloudwatch()),
        name="checkout: order success",
        message="Orders fail more often than the SLO allows.",
        target=99.9,
        window=SloWindow.THIRTY_DAYS,
        indicator=SloIndicator.ratio(
            good=Signal.cloud_watch_metric(
                namespace="Checkout", metric_name="OrdersSucceeded", statistic=Statistic.SUM, datadog_metric="checkout.orders_succeeded"
            ),
            total=Signal.cloud_watch_metric(
                namespace="Checkout", metric_name="OrdersPlaced", statistic=Statistic.SUM, datadog_metric="checkout.orders_placed"
            ),
        ),
        burn_rate_alerts=[BurnRateAlert.page(14.4, 60, 5), BurnRateAlert.page(6, 360, 30), BurnRateAlert.ticket(3, 1440, 120)],
        page_severity=Severity.SEV2,
        ticket_severity=Severity.SEV4,
    )

    # The same kind of SLO on Prometheus counters in Grafana, with the SRE workbook's alerts.
    Slo(
        stack,
        "HttpAvailability",
        **on(MonitorBackend.grafana(datasource_uid="prometheus", folder="Checkout")),
        name="checkout: HTTP availability",
        target=99.5,
        indicator=SloIndicator.ratio(
            good=Signal.prom_ql(query='http_requests_total{job="checkout",code!~"5.."}'),
            total=Signal.prom_ql(query='http_requests_total{job="checkout"}'),
        ),
    )

    # The platform team adds its own route to the one Grafana policy tree of the stack.
    GrafanaNotificationPolicy.of(stack).add_route(
        contact_point="platform-oncall",
        matchers=[RouteMatcher(label="team", match=MatchOperator.EQUAL, value="platform")],
        continue_matching=False,
    )

    return [stack]


if __name__ == "__main__":
    app = App()
    monitors_example(app)
    app.synth()
