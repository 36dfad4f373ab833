/**
 * Example: the template stacks for an organization and one of its services.
 *
 * Stack `service-template-routing` (IncidentRoutingStack): Grafana's one notification policy
 * tree, SNS topics per severity for CloudWatch, Datadog handles: SEV1–SEV2 page PagerDuty and
 * post to #incidents, SEV3–SEV5 post to #alerts and e-mail the team.
 * Stack `service-template-checkout` (ServiceMonitoringStack): the checkout service's preset
 * monitors (Lambda, SQS, ALB) on Datadog, CloudWatch and Grafana, routed through the routing
 * stack by reference (cdktf cross-stack references, never copied strings).
 */
import { App, TerraformStack } from 'cdktf';
import { DatadogSite, IncidentRoutingStack, ServiceBackend, ServiceMonitoringStack, Severity, Signal, Statistic } from '../../src';

export function serviceTemplateExample(app: App): TerraformStack[] {
  const routing = new IncidentRoutingStack(app, 'service-template-routing', {
    aws: { region: 'eu-west-1', accountId: '123456789012' },
    grafana: { url: 'https://acme.grafana.net' },
    slack: { workspaceId: 'T01234567', botTokenEnvironmentVariable: 'TF_VAR_slack_bot_token', datadogAccountName: 'acme' },
    routes: [
      {
        severities: [Severity.SEV1, Severity.SEV2],
        pagerDutyService: 'checkout-oncall',
        pagerDutyKeyEnvironmentVariable: 'TF_VAR_pagerduty_checkout_key',
      },
      { severities: [Severity.SEV1, Severity.SEV2], slackChannel: 'incidents', slackChannelId: 'C0INCIDENT' },
      { severities: [Severity.SEV3, Severity.SEV4, Severity.SEV5], slackChannel: 'alerts', slackChannelId: 'C0ALERTS1' },
      { severities: [Severity.SEV3, Severity.SEV4, Severity.SEV5], email: 'platform-team@acme.example' },
    ],
  });

  const checkout = new ServiceMonitoringStack(app, 'service-template-checkout', {
    service: 'checkout',
    backends: [ServiceBackend.DATADOG, ServiceBackend.CLOUDWATCH, ServiceBackend.GRAFANA],
    routing,
    aws: { region: 'eu-west-1', accountId: '123456789012' },
    datadog: { site: DatadogSite.EU1 },
    grafana: { url: 'https://acme.grafana.net', datasourceUid: 'prometheus', cloudWatchDatasourceUid: 'cloudwatch' },
    lambdaFunctions: [{ functionName: 'checkout-api', maxDurationP99Ms: 2500 }],
    queues: [{ queueName: 'checkout-orders', deadLetterQueueName: 'checkout-orders-dlq' }],
    loadBalancers: [{ loadBalancer: 'app/checkout/0123456789abcdef' }],
    runbookUrl: 'https://runbooks.acme.example/checkout',
    slo: {
      target: 99.9,
      good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersSucceeded', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_succeeded' }),
      total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersPlaced', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_placed' }),
      backends: [ServiceBackend.DATADOG, ServiceBackend.CLOUDWATCH],
    },
  });
  return [routing, checkout];
}

if (require.main === module) {
  const app = new App();
  serviceTemplateExample(app);
  app.synth();
}
