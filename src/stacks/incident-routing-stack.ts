import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AwsConnection, AwsConnectionProps } from '../aws/aws-connection';
import { CloudWatchBackend } from '../cloudwatch/cloudwatch-monitor-backend';
import type { CloudWatchTargetBinding, ICloudWatchNotificationTarget } from '../cloudwatch/cloudwatch-targets';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalArray, optionalString, requireNoControlChars, requirePattern, requireUrl } from '../core/private/validate';
import { Secret } from '../core/secret';
import { Severities, Severity } from '../core/severity';
import { DatadogBackend } from '../datadog/datadog-monitor-backend';
import type { DatadogTargetBinding, IDatadogNotificationTarget } from '../datadog/datadog-targets';
import { GrafanaAuth, GrafanaConnection } from '../grafana/grafana-connection';
import { GrafanaBackend } from '../grafana/grafana-monitor-backend';
import { GrafanaNotificationPolicy, MatchOperator } from '../grafana/grafana-notification-policy';
import type { GrafanaTargetBinding, IGrafanaNotificationTarget } from '../grafana/grafana-targets';
import { MonitorBackend } from '../monitors/monitor-backend';
import { INotificationTarget, NotificationTarget } from '../notifications/targets';
import { PagerDutyConnection, PagerDutyRegion } from '../pagerduty/pagerduty-connection';
import { SlackConnection } from '../slack/slack-connection';

/** Grafana settings of the routing stack. */
export interface IncidentRoutingGrafanaOptions {
  /** Root URL of the Grafana instance. */
  readonly url: string;
  /**
   * Environment variable (`TF_VAR_<name>`) with the service-account token.
   * @default "TF_VAR_grafana_token"
   */
  readonly tokenEnvironmentVariable?: string;
  /**
   * Contact point of alerts no route matches.
   * @default "grafana-default-email"
   */
  readonly defaultContactPoint?: string;
}

/** Slack settings of the routing stack. */
export interface IncidentRoutingSlackOptions {
  /**
   * Slack workspace id (AWS Chatbot delivers CloudWatch alarms with it).
   * @default - none: Slack routes cannot take CloudWatch alarms
   */
  readonly workspaceId?: string;
  /**
   * Environment variable (`TF_VAR_<name>`) with a bot token Grafana posts with.
   * @default - none: Slack routes cannot take Grafana alerts
   */
  readonly botTokenEnvironmentVariable?: string;
  /**
   * The Slack account name in Datadog's Slack integration.
   * @default - none (handles name only the channel)
   */
  readonly datadogAccountName?: string;
}

/** Where the alerts of some severities go. */
export interface IncidentRoute {
  /** The severities this route takes. */
  readonly severities: Severity[];
  /**
   * Slack channel name (without #).
   * @default - no Slack
   */
  readonly slackChannel?: string;
  /**
   * Slack channel id (for AWS Chatbot), e.g. C0123ABCD.
   * @default - none
   */
  readonly slackChannelId?: string;
  /**
   * PagerDuty service name (as configured in Datadog's PagerDuty integration).
   * @default - no PagerDuty
   */
  readonly pagerDutyService?: string;
  /**
   * Environment variable (`TF_VAR_<name>`) with the service's Events API v2 integration key
   * (Grafana and CloudWatch deliveries need it).
   * @default - none
   */
  readonly pagerDutyKeyEnvironmentVariable?: string;
  /**
   * E-mail address.
   * @default - no e-mail
   */
  readonly email?: string;
}

/** Props of an `IncidentRoutingStack`. */
export interface IncidentRoutingStackProps {
  /** The routes, by severity. Every severity should be taken by at least one route. */
  readonly routes: IncidentRoute[];
  /**
   * Grafana: the organization's one notification policy tree and its contact points.
   * @default - no Grafana routing
   */
  readonly grafana?: IncidentRoutingGrafanaOptions;
  /**
   * AWS: encrypted SNS topics (with their subscriptions) that CloudWatch alarms notify.
   * @default - no CloudWatch routing
   */
  readonly aws?: AwsConnectionProps;
  /**
   * Slack settings.
   * @default - none
   */
  readonly slack?: IncidentRoutingSlackOptions;
  /**
   * PagerDuty service region.
   * @default PagerDutyRegion.US
   */
  readonly pagerDutyRegion?: PagerDutyRegion;
}

/**
 * The organization-wide incident routing that service stacks plug into by reference:
 * Grafana's single notification policy tree (routes by the `severity` label to contact
 * points), Datadog `@` handles per severity, and KMS-encrypted SNS topics (with Slack,
 * PagerDuty and e-mail subscriptions) that CloudWatch alarms of each severity notify.
 *
 * Service stacks use `routing.target()` as a notification target: their Datadog monitors
 * mention the handles of their severity, their CloudWatch alarms notify the topics of their
 * severity (through cdktf cross-stack references: outputs and remote state), and their Grafana
 * rules carry the `severity` label that the central policy routes — no per-service policy.
 */
export class IncidentRoutingStack extends TerraformStack {
  /**
   * The Grafana connection.
   * @default - no Grafana routing
   */
  public readonly grafana?: GrafanaConnection;
  /**
   * The AWS connection.
   * @default - no CloudWatch routing
   */
  public readonly aws?: AwsConnection;
  private readonly targets: INotificationTarget[] = [];
  private readonly topicArns = new Map<Severity, string[]>();
  private readonly handles = new Map<Severity, string[]>();

  constructor(scope: Construct, id: string, props: IncidentRoutingStackProps) {
    super(scope, id);
    const routes = optionalArray(this, 'routes', props.routes, 'a list of IncidentRoute');
    if (routes.length === 0) fail(this, 'routes', routes, 'at least one route');
    routes.forEach((r, i) => {
      if (typeof r !== 'object') fail(this, `routes[${i}]`, r, 'an IncidentRoute object');
    });
    const slack = props.slack;
    let slackConn: SlackConnection | undefined;
    if (routes.some((r) => r.slackChannel !== undefined)) {
      slackConn = new SlackConnection(this, 'Slack', {
        workspaceId: slack?.workspaceId,
        datadogAccountName: slack?.datadogAccountName,
        botToken: slack?.botTokenEnvironmentVariable ? Secret.fromEnvironment(this, 'SlackBotToken', { environmentVariable: slack.botTokenEnvironmentVariable }) : undefined,
        testConnection: false,
      });
    }
    if (routes.some((r) => r.pagerDutyService !== undefined)) new PagerDutyConnection(this, 'PagerDuty', { region: props.pagerDutyRegion });

    const datadog = MonitorBackend.datadog() as DatadogBackend;
    let grafana: GrafanaBackend | undefined;
    let cloudWatch: CloudWatchBackend | undefined;
    let policy: GrafanaNotificationPolicy | undefined;
    if (props.grafana) {
      const url = requireUrl(this, 'grafana.url', props.grafana.url, ['https', 'http']);
      const tokenEnv = props.grafana.tokenEnvironmentVariable ?? 'TF_VAR_grafana_token';
      this.grafana = new GrafanaConnection(this, 'Grafana', {
        url, auth: GrafanaAuth.serviceAccountToken(Secret.fromEnvironment(this, 'GrafanaToken', { environmentVariable: tokenEnv })),
      });
      policy = new GrafanaNotificationPolicy(this, 'NotificationPolicy', {
        connection: this.grafana,
        defaultContactPoint: optionalString(this, 'grafana.defaultContactPoint', props.grafana.defaultContactPoint),
        groupBy: ['grafana_folder', 'alertname', 'severity'],
      });
      grafana = MonitorBackend.grafana({ connection: this.grafana, datasourceUid: 'unused' }) as GrafanaBackend;
    }
    if (props.aws) {
      this.aws = new AwsConnection(this, 'Aws', props.aws);
      cloudWatch = MonitorBackend.cloudwatch({ connection: this.aws }) as CloudWatchBackend;
    }

    routes.forEach((route, i) => {
      const prop = `routes[${i}]`;
      const severities = optionalArray(this, `${prop}.severities`, route.severities, 'a non-empty list of Severity values (SEV1 … SEV5)');
      if (severities.length === 0 || !severities.every((s) => Severities.isSeverity(s))) {
        fail(this, `${prop}.severities`, severities, 'a non-empty list of Severity values (SEV1 … SEV5)');
      }
      // Checked here too, so that an error names the route rather than the target built from it.
      if (route.slackChannel !== undefined) {
        requirePattern(this, `${prop}.slackChannel`, route.slackChannel, /^[a-z0-9][a-z0-9_-]{0,79}$/, 'a Slack channel name without # (lower-case letters, digits, - and _, at most 80 characters)');
      }
      if (route.pagerDutyService !== undefined) {
        requireNoControlChars(this, `${prop}.pagerDutyService`, route.pagerDutyService, 'a non-empty PagerDuty service name without control characters');
      }
      const targets: INotificationTarget[] = [];
      const sevId = severities.map((s) => Severities.label(s)).join('-');
      if (route.slackChannel !== undefined) {
        targets.push(NotificationTarget.slack({ id: `slack-${route.slackChannel}-${sevId}`, channel: route.slackChannel, channelId: route.slackChannelId, severities, connection: slackConn }));
      }
      if (route.pagerDutyService !== undefined) {
        const key = route.pagerDutyKeyEnvironmentVariable
          ? Secret.fromEnvironment(this, `PagerDutyKey${i}`, { environmentVariable: route.pagerDutyKeyEnvironmentVariable })
          : undefined;
        targets.push(NotificationTarget.pagerDuty({ id: `pagerduty-${route.pagerDutyService}-${sevId}`, serviceName: route.pagerDutyService, integrationKey: key, severities }));
      }
      if (route.email !== undefined) {
        requirePattern(this, `${prop}.email`, route.email, /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address');
        targets.push(NotificationTarget.email({ id: `email-${i}-${sevId}`, address: route.email, severities }));
      }
      if (targets.length === 0) fail(this, prop, route, 'a route with a slackChannel, a pagerDutyService or an email');
      for (const target of targets) {
        this.targets.push(target);
        // Each route's target, bound once per backend (its resources live in this stack).
        const handle = datadog.bindTarget(this, target, severities[0]).handle;
        for (const sev of severities) if (handle) push(this.handles, sev, handle);
        if (cloudWatch) {
          const arns = cloudWatch.bindTarget(this, target, severities[0]).actionArns ?? [];
          for (const sev of severities) for (const arn of arns) push(this.topicArns, sev, arn);
        }
        if (grafana && policy) {
          const contactPoint = grafana.bindTarget(this, target, severities[0]).contactPointName;
          if (contactPoint) {
            policy.addRoute({
              contactPoint,
              matchers: [{ label: 'severity', match: MatchOperator.REGEX, value: severities.map((s) => Severities.label(s)).join('|') }],
              continueMatching: true,
            });
          }
        }
      }
    });
    for (const sev of Severities.all()) {
      if (!this.handles.has(sev)) {
        fail(this, 'routes', routes.map((r) => r.severities), `routes that together take every severity (none takes ${sev})`);
      }
      const arns = this.topicArns.get(sev) ?? [];
      if (arns.length > 5) fail(this, 'routes', `${arns.length} topics for ${sev}`, 'at most 5 routes per severity for CloudWatch (an alarm notifies at most 5 actions)');
      if (arns.length > 0) {
        libraryScope(new TerraformOutput(this, `TopicArns-${Severities.label(sev)}`, { value: arns, description: `SNS topics CloudWatch alarms of ${sev} notify` }));
      }
    }
  }

  /** Datadog `@` handles of a severity. */
  public datadogHandles(severity: Severity): string[] {
    return [...(this.handles.get(severity) ?? [])];
  }

  /**
   * SNS topic ARNs that CloudWatch alarms of a severity notify (tokens of this stack; using
   * them in another stack makes a cdktf cross-stack reference).
   */
  public snsTopicArns(severity: Severity): string[] {
    return [...(this.topicArns.get(severity) ?? [])];
  }

  /** A notification target for monitors in any stack: routes each monitor by its severity. */
  public target(): INotificationTarget {
    return new RoutedTarget(this);
  }
}

function push(map: Map<Severity, string[]>, sev: Severity, value: string): void {
  const list = map.get(sev) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(sev, list);
}

/** The routing of an IncidentRoutingStack, as a notification target of monitors: each alert goes where its severity is routed. */
class RoutedTarget implements IDatadogNotificationTarget, ICloudWatchNotificationTarget, IGrafanaNotificationTarget {
  public readonly targetId = 'incident-routing';
  public readonly severities = Severities.all();

  constructor(private readonly routing: IncidentRoutingStack) {}

  public bindToDatadog(_scope: IConstruct, _backend: DatadogBackend, severity: Severity): DatadogTargetBinding {
    return { handle: this.routing.datadogHandles(severity).join(' ') };
  }

  public bindToCloudWatch(scope: IConstruct, _backend: CloudWatchBackend, severity: Severity): CloudWatchTargetBinding {
    const arns = this.routing.snsTopicArns(severity);
    if (arns.length === 0) fail(scope, 'targets.incident-routing', this.routing.node.id, 'an IncidentRoutingStack with aws set (it has no SNS topics for CloudWatch alarms)');
    return { actionArns: arns };
  }

  public bindToGrafana(scope: IConstruct, _backend: GrafanaBackend, _severity: Severity): GrafanaTargetBinding {
    if (!this.routing.grafana) fail(scope, 'targets.incident-routing', this.routing.node.id, 'an IncidentRoutingStack with grafana set (it has no notification policy)');
    return { routedByPolicy: true };
  }
}
