"""The template stacks for an organization and one of its services, in Python: the twin of
examples/service-template/main.ts.

Stack ``service-template-routing`` (IncidentRoutingStack): Grafana's one notification policy
tree, SNS topics per severity for CloudWatch, Datadog handles: SEV1-SEV2 page PagerDuty and post
to #incidents, SEV3-SEV5 post to #alerts and e-mail the team.
Stack ``service-template-checkout`` (ServiceMonitoringStack): the checkout service's preset
monitors (Lambda, SQS, ALB) on Datadog, CloudWatch and Grafana, routed through the routing stack
by reference (cdktf cross-stack references, never copied strings).
"""
from typing import List

from cdktf import App, TerraformStack

from cdktf_integrations import (
    AwsConnectionProps,
    DatadogSite,
    IncidentRoute,
    IncidentRoutingGrafanaOptions,
    IncidentRoutingSlackOptions,
    IncidentRoutingStack,
    ServiceBackend,
    ServiceDatadogOptions,
    ServiceGrafanaOptions,
    ServiceLambdaFunction,
    ServiceLoadBalancer,
    ServiceMonitoringStack,
    ServiceQueue,
    ServiceSlo,
    Severity,
    Signal,
    Statistic,
)

PAGING = [Severity.SEV1, Severity.SEV2]
NON_PAGING = [Severity.SEV3, Severity.SEV4, Severity.SEV5]


def service_template_example(app: App) -> List[TerraformStack]:
    routing = IncidentRoutingStack(
        app,
        "service-template-routing",
        aws=AwsConnectionProps(region="eu-west-1", account_id="123456789012"),
        grafana=IncidentRoutingGrafanaOptions(url="https://acme.grafana.net"),
        slack=IncidentRoutingSlackOptions(
            workspace_id="T01234567",
            bot_token_environment_variable="TF_VAR_slack_bot_token",
            datadog_account_name="acme",
        ),
        routes=[
            IncidentRoute(
                severities=PAGING,
                pager_duty_service="checkout-oncall",
                pager_duty_key_environment_variable="TF_VAR_pagerduty_checkout_key",
            ),
            IncidentRoute(severities=PAGING, slack_channel="incidents", slack_channel_id="C0INCIDENT"),
            IncidentRoute(severities=NON_PAGING, slack_channel="alerts", slack_channel_id="C0ALERTS1"),
            IncidentRoute(severities=NON_PAGING, email="platform-team@acme.example"),
        ],
    )

    checkout = ServiceMonitoringStack(
        app,
        "service-template-checkout",
        service="checkout",
        backends=[ServiceBackend.DATADOG, ServiceBackend.CLOUDWATCH, ServiceBackend.GRAFANA],
        routing=routing,
        aws=AwsConnectionProps(region="eu-west-1", account_id="123456789012"),
        datadog=ServiceDatadogOptions(site=DatadogSite.EU1),
        grafana=ServiceGrafanaOptions(
            url="https://acme.grafana.net", datasource_uid="prometheus", cloud_watch_datasource_uid="cloudwatch"
        ),
        lambda_functions=[ServiceLambdaFunction(function_name="checkout-api", max_duration_p99_ms=2500)],
        queues=[ServiceQueue(queue_name="checkout-orders", dead_letter_queue_name="checkout-orders-dlq")],
        load_balancers=[ServiceLoadBalancer(load_balancer="app/checkout/0123456789abcdef")],
        runbook_url="https://runbooks.acme.example/checkout",
        slo=ServiceSlo(
            target=99.9,
            good=Signal.cloud_watch_metric(
                namespace="Checkout",
                metric_name="OrdersSucceeded",
                statistic=Statistic.SUM,
                datadog_metric="checkout.orders_succeeded",
            ),
            total=Signal.cloud_watch_metric(
                namespace="Checkout",
                metric_name="OrdersPlaced",
                statistic=Statistic.SUM,
                datadog_metric="checkout.orders_placed",
            ),
            backends=[ServiceBackend.DATADOG, ServiceBackend.CLOUDWATCH],
        ),
    )
    return [routing, checkout]


if __name__ == "__main__":
    app = App()
    service_template_example(app)
    app.synth()
