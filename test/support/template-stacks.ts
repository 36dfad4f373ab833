/**
 * The template stacks of src/stacks, each built with realistic props, for the checks that run
 * over every example and every template stack (schema conformance, references, the Datadog
 * contract). One definition, so every check sees the same set-ups.
 */
import { App } from 'cdktf';
import {
  AwsMetricsToDatadogStack, DatadogSite, DoraMetricsStack, DriftAction, ExportInterval, GitHubRepositoryStack, IncidentRoutingStack, MonitorBackend,
  NotificationTarget, RepositoryVisibility, ServiceBackend, ServiceMonitoringStack, Severity, Signal, Statistic,
} from '../../src';

export const TEMPLATE_STACKS: Record<string, (app: App) => void> = {
  'IncidentRoutingStack and ServiceMonitoringStack on three backends with an SLO': (app) => {
    const routing = new IncidentRoutingStack(app, 'routing', {
      aws: { region: 'eu-west-1', accountId: '123456789012' },
      grafana: { url: 'https://g.example.com' },
      slack: { workspaceId: 'T01234567', botTokenEnvironmentVariable: 'TF_VAR_slack_bot', datadogAccountName: 'acme' },
      routes: [
        { severities: [Severity.SEV1, Severity.SEV2], pagerDutyService: 'oncall', pagerDutyKeyEnvironmentVariable: 'TF_VAR_pd_key' },
        { severities: [Severity.SEV1, Severity.SEV2], slackChannel: 'incidents', slackChannelId: 'C0INCIDE1' },
        { severities: [Severity.SEV3, Severity.SEV4, Severity.SEV5], slackChannel: 'alerts', slackChannelId: 'C0ALERTS1' },
        { severities: [Severity.SEV3, Severity.SEV4, Severity.SEV5], email: 'ops@example.com' },
      ],
    });
    new ServiceMonitoringStack(app, 'checkout', {
      service: 'checkout',
      backends: [ServiceBackend.DATADOG, ServiceBackend.CLOUDWATCH, ServiceBackend.GRAFANA],
      routing,
      aws: { region: 'eu-west-1' },
      datadog: {},
      grafana: { url: 'https://g.example.com', datasourceUid: 'prom' },
      lambdaFunctions: [{ functionName: 'checkout-api' }],
      queues: [{ queueName: 'orders', deadLetterQueueName: 'orders-dlq' }],
      loadBalancers: [{ loadBalancer: 'app/checkout/0123456789abcdef' }],
      slo: {
        target: 99.9,
        good: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersSucceeded', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_succeeded' }),
        total: Signal.cloudWatchMetric({ namespace: 'Checkout', metricName: 'OrdersPlaced', statistic: Statistic.SUM, datadogMetric: 'checkout.orders_placed' }),
        backends: [ServiceBackend.DATADOG, ServiceBackend.CLOUDWATCH],
      },
    });
  },
  'ServiceMonitoringStack on its own': (app) => {
    new ServiceMonitoringStack(app, 'payments', {
      service: 'payments',
      backends: [ServiceBackend.GRAFANA, ServiceBackend.DATADOG],
      aws: { region: 'us-east-1' },
      datadog: {},
      grafana: { url: 'https://grafana.example.com', datasourceUid: 'cloudwatch' },
      lambdaFunctions: [{ functionName: 'payments-api' }],
    });
  },
  'AwsMetricsToDatadogStack with CloudWatch health checks': (app) => {
    new AwsMetricsToDatadogStack(app, 'metrics', {
      accountId: '123456789012',
      regions: ['eu-west-1', 'us-east-1'],
      datadogSite: DatadogSite.EU1,
      exportInterval: ExportInterval.FIVE_MINUTES,
      healthTargets: [NotificationTarget.email({ address: 'ops@example.com' })],
    });
  },
  'AwsMetricsToDatadogStack with Datadog health checks': (app) => {
    new AwsMetricsToDatadogStack(app, 'metrics', {
      accountId: '123456789012',
      regions: ['eu-central-1'],
      datadogSite: DatadogSite.US1,
      exportInterval: ExportInterval.ONE_MINUTE,
      healthBackends: [MonitorBackend.datadog()],
      healthSeverity: Severity.SEV4,
    });
  },
  'AwsMetricsToDatadogStack disabled': (app) => {
    new AwsMetricsToDatadogStack(app, 'metrics', { accountId: '123456789012', regions: ['eu-west-1'], enabled: false });
  },
  'DoraMetricsStack routed through an IncidentRoutingStack': (app) => {
    const routing = new IncidentRoutingStack(app, 'routing', {
      aws: { region: 'eu-west-1', accountId: '123456789012' },
      slack: { workspaceId: 'T01234567', botTokenEnvironmentVariable: 'TF_VAR_slack_bot', datadogAccountName: 'acme' },
      routes: [{ severities: [Severity.SEV1, Severity.SEV2, Severity.SEV3, Severity.SEV4, Severity.SEV5], slackChannel: 'delivery', slackChannelId: 'C0DELIVE1' }],
    });
    new DoraMetricsStack(app, 'dora', {
      services: ['checkout', 'payments'],
      env: 'prod',
      team: 'platform',
      routing,
      datadog: { site: DatadogSite.EU1 },
      deploymentFrequency: { windowDays: 7 },
      changeFailureRate: { maxPercent: 20, minimumDeployments: 3 },
      timeToRestore: { maxHours: 8 },
    });
  },
  'GitHubRepositoryStack with webhooks and the pipeline': (app) => {
    new GitHubRepositoryStack(app, 'github', {
      owner: 'acme-platform',
      repository: {
        name: 'observability-iac',
        description: 'Observability integrations',
        visibility: RepositoryVisibility.PRIVATE,
        topics: ['cdktf', 'observability'],
        branchProtection: [{ pattern: 'main', requiredApprovingReviews: 2, requiredStatusChecks: ['Plan every stack'] }],
      },
      webhooks: [{ id: 'Deployments', url: 'https://hooks.acme.example/github/deployments', events: ['deployment', 'deployment_status'], secretEnvironmentVariable: 'TF_VAR_hook_secret' }],
      pipeline: {
        stacks: ['github'],
        aws: { region: 'eu-west-1', accountId: '123456789012' },
        applyReviewerUserIds: [1001],
        applyReviewerTeamIds: [42],
        applyPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'],
        commitWorkflows: true,
        driftSchedule: '0 6 * * *',
        driftAction: DriftAction.OPEN_ISSUE,
      },
    });
  },
  'GitHubRepositoryStack, repository only': (app) => {
    new GitHubRepositoryStack(app, 'github', { owner: 'acme', repository: { name: 'plain' } });
  },
};
