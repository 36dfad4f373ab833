import { createHash } from 'crypto';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Webhook as DatadogWebhookResource } from '@cdktf/provider-datadog/lib/webhook';
import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { JiraConnection, JiraDeployment } from './jira-connection';
import { AwsConnection } from '../aws/aws-connection';
import { createIssueProblems, createIssueTemplate, syncTemplate } from './private/jira-issue';
import { ContactPoint } from '../bindings/grafana/contact-point/index';
import type { CloudWatchBackend } from '../cloudwatch/cloudwatch-monitor-backend';
import type { CloudWatchTargetBinding, ICloudWatchNotificationTarget } from '../cloudwatch/cloudwatch-targets';
import { IIntegration, IntegrationDescription, Integrations, IntegrationSecretReference } from '../core/integration';
import type { IntegrationConnection } from '../core/integration-connection';
import { hostOf } from '../core/private/describe';
import { optionalSecret, requireSecret } from '../core/private/require-secret';
import { EscapingLazy, libraryScope } from '../core/private/template-escape';
import { fail, isToken, optionalPattern, requireInteger, requirePattern, requireString } from '../core/private/validate';
import { Secret } from '../core/secret';
import { Severities, Severity } from '../core/severity';
import { DatadogConnection } from '../datadog/datadog-connection';
import type { DatadogBackend } from '../datadog/datadog-monitor-backend';
import type { DatadogTargetBinding, IDatadogNotificationTarget } from '../datadog/datadog-targets';
import { GrafanaConnection } from '../grafana/grafana-connection';
import type { GrafanaBackend } from '../grafana/grafana-monitor-backend';
import type { GrafanaTargetBinding, IGrafanaNotificationTarget } from '../grafana/grafana-targets';
import { MonitorConfig } from '../monitors/monitor-config';
import { INotificationTarget, NotificationTargetOptions } from '../notifications/targets';
import { ALARM_NAME_PREFIX, alarmActionList, checkedPayload, parsePayload, retrySettings, Segments } from '../webhooks/private/webhook-checks';
import {
  alarmStatePattern, Endpoint, EndpointAuth, grafanaWebhookBlock, renderDatadog, renderDeadLetter, renderEventBridge, renderEventBridgeRule,
} from '../webhooks/private/webhook-delivery';
import { eventBridgeHealth, NO_EVENTBRIDGE_HEALTH } from '../webhooks/private/webhook-health';
import { Rendered, SourceKind, unknownPlaceholders, VARIABLE_NAMES } from '../webhooks/private/webhook-template';

/** Options of `JiraWorkflowTemplate.incident()`. */
export interface JiraWorkflowTemplateOptions {
  /**
   * Issue type of created issues.
   * @default "Task"
   */
  readonly issueType?: string;
  /**
   * Summary of created issues; may use `{{title}}`, `{{source}}`, `{{status}}`, … (see
   * `WebhookPayload.describeVariables()`).
   * @default "[{{source}}] {{title}}"
   */
  readonly summaryTemplate?: string;
  /**
   * Description of created issues, one paragraph per line; each line should carry some
   * literal text (Jira rejects empty paragraphs).
   * @default - the alert text, a link, the source and the dedup label
   */
  readonly descriptionTemplate?: string;
  /**
   * Labels of every created issue (besides the dedup label).
   * @default ["alert"]
   */
  readonly labels?: string[];
  /**
   * Name of the transition the Automation rule runs on recovery.
   * @default "Done"
   */
  readonly recoveryTransition?: string;
}

/**
 * The Jira side of a workflow: what created issues look like and the Jira Automation rule
 * that keeps them in sync.
 *
 * `incident()` is the common incident flow: **create** an issue when an alert fires (REST
 * API), **comment** on it each time the alert fires again, **comment and transition** it when
 * the alert recovers (both through one Jira Automation rule with an incoming-webhook trigger).
 */
export class JiraWorkflowTemplate {
  /** The common incident flow: create → comment on each re-alert → transition on recovery. */
  public static incident(options: JiraWorkflowTemplateOptions = {}): JiraWorkflowTemplate {
    return new JiraWorkflowTemplate(
      options.issueType ?? 'Task',
      options.summaryTemplate ?? '[{{source}}] {{title}}',
      options.descriptionTemplate ?? [
        'Alert: {{message}}',
        'Link: {{link}}',
        'Source: {{source}}, state {{status}} at {{time}}',
        'Dedup label: {{dedupLabel}} (used by the Jira Automation rule to find this issue)',
      ].join('\n'),
      options.labels ?? ['alert'],
      options.recoveryTransition ?? 'Done',
    );
  }

  /** Issue type of created issues. */
  public readonly issueType: string;
  /** Summary template. */
  public readonly summaryTemplate: string;
  /** Description template (one paragraph per line). */
  public readonly descriptionTemplate: string;
  /** Labels of created issues. */
  public readonly labels: string[];
  /** Transition run on recovery. */
  public readonly recoveryTransition: string;

  private constructor(issueType: string, summaryTemplate: string, descriptionTemplate: string, labels: string[], recoveryTransition: string) {
    this.issueType = issueType;
    this.summaryTemplate = summaryTemplate;
    this.descriptionTemplate = descriptionTemplate;
    this.labels = labels;
    this.recoveryTransition = recoveryTransition;
  }

  /**
   * The Jira Automation rule to create once in the project, step by step.
   * @param projectKey the Jira project key
   */
  public automationRule(projectKey: string): string {
    const jql = `project = ${projectKey} AND labels = "{{webhookData.dedupLabel}}" AND statusCategory != Done`;
    return [
      `Jira Automation rule for project ${projectKey} (Project settings → Automation → Create rule):`,
      '1. Trigger "Incoming webhook", with no work items (issues) from the webhook. Turn the rule on, then copy',
      '   the webhook URL (→ automationWebhookUrl) and its secret (→ automationWebhookToken, sent as X-Automation-Webhook-Token).',
      `2. Branch "For JQL": ${jql}`,
      '   2a. Action "Comment on issue": "{{webhookData.source}}: {{webhookData.title}} is {{webhookData.status}} at {{webhookData.time}}. '
        + '{{webhookData.message}} {{webhookData.link}}"',
      '   2b. Condition "Advanced compare": {{webhookData.status}} matches regular expression ^(Recovered|resolved|OK)$',
      `   2c. Action "Transition issue" to "${this.recoveryTransition}".`,
      'Re-alerts get the comment only; recoveries get the comment and the transition. Issues are created by the REST API, not by this rule.',
    ].join('\n');
  }
}

/** Datadog as an alert source of a JiraWorkflow. */
export interface JiraWorkflowDatadogOptions {
  /**
   * The Datadog connection.
   * @default DatadogConnection.of(this)
   */
  readonly connection?: DatadogConnection;
}

/** Grafana as an alert source of a JiraWorkflow. */
export interface JiraWorkflowGrafanaOptions {
  /**
   * The Grafana connection.
   * @default GrafanaConnection.of(this)
   */
  readonly connection?: GrafanaConnection;
  /**
   * Name of the contact point that alert rules and notification policies route to.
   * @default - the workflow's name
   */
  readonly contactPointName?: string;
  /**
   * Maximum alerts per request (0: no limit).
   * @default 0
   */
  readonly maxAlerts?: number;
}

/** CloudWatch alarms as an alert source of a JiraWorkflow (through EventBridge). */
export interface JiraWorkflowCloudWatchOptions {
  /**
   * The AWS connection.
   * @default AwsConnection.of(this)
   */
  readonly aws?: AwsConnection;
  /**
   * Only alarms whose name starts with this prefix.
   * @default - no name filter
   */
  readonly alarmNamePrefix?: string;
  /**
   * ARNs of the alarms that open issues (more with `addCloudWatchAlarm`).
   * @default - every alarm (filtered only by alarmNamePrefix) unless alarms are added
   */
  readonly alarmArns?: string[];
  /**
   * Maximum invocations per second of each API destination (at least 1).
   * @default 10
   */
  readonly invocationRateLimitPerSecond?: number;
  /**
   * How long EventBridge retries a delivery, in seconds (60 to 86400).
   * @default 86400
   */
  readonly maximumEventAgeSeconds?: number;
  /**
   * How many times EventBridge retries a delivery (0 to 185).
   * @default 185
   */
  readonly maximumRetryAttempts?: number;
  /**
   * KMS key for the dead-letter queue (its key policy must allow events.amazonaws.com).
   * @default - SSE-SQS
   */
  readonly deadLetterKmsKeyId?: string;
  /**
   * Actions of the dead-letter alarm (e.g. SNS topic ARNs).
   * @default - none
   */
  readonly deadLetterAlarmActions?: string[];
}

/** Props of a `JiraWorkflow`. */
export interface JiraWorkflowProps {
  /** Name: Datadog webhook names, Grafana contact point and AWS resource prefix (1-32 of letters, digits, - and _). */
  readonly name: string;
  /** Key of the Jira project issues are created in, e.g. `OPS`. */
  readonly projectKey: string;
  /** The Jira Automation incoming-webhook URL (a secret: anyone with it can trigger the rule). */
  readonly automationWebhookUrl: Secret;
  /**
   * The secret of the Automation incoming webhook, sent in the `X-Automation-Webhook-Token` header.
   * @default - none (a webhook URL that carries its own secret)
   */
  readonly automationWebhookToken?: Secret;
  /**
   * The Jira site and credentials for creating issues.
   * @default JiraConnection.of(this)
   */
  readonly connection?: JiraConnection;
  /**
   * The issue template and Automation flow.
   * @default JiraWorkflowTemplate.incident()
   */
  readonly template?: JiraWorkflowTemplate;
  /**
   * Severity of the alerts routed here: the issue priority is `Severities.jiraPriority(severity)`.
   * @default Severity.SEV3 (priority Medium)
   */
  readonly severity?: Severity;
  /**
   * Labels added to the template's labels.
   * @default - none
   */
  readonly labels?: string[];
  /**
   * Components of created issues (they must exist in the project).
   * @default - none
   */
  readonly components?: string[];
  /**
   * Datadog monitors as a source.
   * @default - not from Datadog
   */
  readonly datadog?: JiraWorkflowDatadogOptions;
  /**
   * Grafana alert rules as a source.
   * @default - not from Grafana
   */
  readonly grafana?: JiraWorkflowGrafanaOptions;
  /**
   * CloudWatch alarms as a source.
   * @default - not from CloudWatch
   */
  readonly cloudWatch?: JiraWorkflowCloudWatchOptions;
}

const NAME = /^[A-Za-z0-9_-]{1,32}$/;
// Jira's default project key pattern is ([A-Z][A-Z]+); admins may allow digits and _,
// and keys are at most 10 characters by default.
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,9}$/;
const LABEL = /^\S{1,255}$/;

/**
 * Alerts become Jira issues and recoveries flow back.
 *
 * - **On alert** an issue is created through the Jira REST API (`POST <rest api>/issue`;
 *   Jira Cloud v3 with the description in Atlassian Document Format, Data Center v2 with a
 *   string), authenticated with the JiraConnection, with the priority mapped from the
 *   severity, the template's labels plus a **dedup label** identifying the monitor or alarm
 *   (`datadog-<monitor id>`, `grafana-<fingerprint>`, `cloudwatch-<alarm ARN>`).
 * - **On re-alert and recovery** the alert goes to a Jira Automation incoming webhook; the
 *   Automation rule finds the open issue by its dedup label, comments on it and, on recovery,
 *   transitions it (see `JiraWorkflowTemplate.automationRule()` for the rule to create once).
 *
 * Per source: Datadog gets two webhooks, `@webhook-<name>` (create) and
 * `@webhook-<name>-sync`, and `datadogNotificationText` routes transitions to them in a
 * monitor message; Grafana gets one contact point (`grafanaContactPointName`) with two
 * webhook integrations (create: firing only; sync: firing and resolved); CloudWatch gets two
 * EventBridge rules on alarm state changes (ALARM → create, OK → sync) with API destinations,
 * retries, a rate limit and an encrypted dead-letter queue with an alarm.
 *
 * Every template is rendered with a sample alert of each source at synth time and must give
 * a body of the create-issue shape.
 *
 * **The Jira Automation rule** (create it once per project; `template.automationRule(key)`
 * prints it):
 * 1. Trigger "Incoming webhook" with no work items from the webhook; copy its URL
 *    (`automationWebhookUrl`) and secret (`automationWebhookToken`, sent as the
 *    `X-Automation-Webhook-Token` header; without a token, give the URL with `/<secret>`
 *    appended).
 * 2. Branch "For JQL": `project = KEY AND labels = "{{webhookData.dedupLabel}}" AND statusCategory != Done`,
 *    with the action "Comment on issue" (`{{webhookData.source}}: {{webhookData.title}} is
 *    {{webhookData.status}} …`), then the condition "Advanced compare" `{{webhookData.status}}`
 *    matches `^(Recovered|resolved|OK)$`, then "Transition issue" to the template's
 *    `recoveryTransition`.
 *
 * The sync body is `{"dedupLabel", "status", "source", "title", "message", "link", "time"}`.
 *
 * **Secrets and the Terraform state.** Nothing secret is written to the synthesized JSON.
 * State: Datadog — the Jira credentials and the Automation token are values of
 * `datadog_webhook_custom_variable` (is_secret) and the Automation URL is the webhook `url`:
 * all stored in the state. Grafana — every contact point setting (URLs, basic-auth password,
 * OAuth client secret, headers) is stored in the state. AWS — the EventBridge connections'
 * auth parameters are kept by AWS in Secrets Manager, and, as resource arguments, in the state;
 * the Automation URL is the API destination's endpoint (state). Grafana keeps a webhook URL in
 * plain text on its side (not a secured field): prefer the token header over a URL that
 * carries the secret.
 *
 * **Limits.** Datadog webhooks cannot use OAuth: with `JiraAuth.oauth2ClientCredentials` use
 * only Grafana and CloudWatch sources. Grafana repeats notifications of a still-firing group
 * (notification policy `repeat_interval`) to every integration: a repeat creates another
 * issue; set a long repeat interval for this contact point. The alarms of monitors that notify
 * the workflow get EventBridge rules of their own whose dedup label and title are written at
 * synth (any alarm name works); alarms added by ARN or matched by `alarmNamePrefix` share two
 * rules whose label is built from the alarm ARN at run time, so their names must not contain
 * double quotes (EventBridge inserts values unescaped) or spaces (Jira labels).
 */
export class JiraWorkflow extends Construct implements IIntegration {
  private static jiraEndpoint(jira: JiraConnection, url: string): Endpoint {
    const base = { url, headers: {}, authProp: 'connection.auth', secret: jira.auth.secret };
    switch (jira.auth.mode) {
      case 'apiToken':
        return { ...base, auth: EndpointAuth.BASIC, username: jira.auth.email };
      case 'pat':
        return { ...base, auth: EndpointAuth.BEARER };
      default:
        return { ...base, auth: EndpointAuth.OAUTH2_CLIENT_CREDENTIALS, oauthClientId: jira.auth.oauth!.clientId, oauthTokenUrl: jira.tokenUrl };
    }
  }

  /** The Datadog handle that creates issues, `@webhook-<name>`. @default - no Datadog source */
  public readonly datadogHandle?: string;
  /** The Datadog handle for re-alerts and recoveries, `@webhook-<name>-sync`. @default - no Datadog source */
  public readonly datadogSyncHandle?: string;
  /**
   * Text for a Datadog monitor message that sends the first alert to the create webhook and
   * re-alerts and recoveries to the sync webhook.
   * @default - no Datadog source
   */
  public readonly datadogNotificationText?: string;
  /** The Datadog create webhook. @default - no Datadog source */
  public readonly datadogCreateWebhook?: DatadogWebhookResource;
  /** The Datadog sync webhook. @default - no Datadog source */
  public readonly datadogSyncWebhook?: DatadogWebhookResource;
  /**
   * Name of the Grafana contact point, as a reference to the contact point's `name` (use it in
   * rules' `notification_settings` and policy routes: Terraform then orders them).
   * @default - no Grafana source
   */
  public readonly grafanaContactPointName?: string;
  /** The Grafana contact point. @default - no Grafana source */
  public readonly grafanaContactPoint?: ContactPoint;
  /** The EventBridge rule that creates issues from alarms entering ALARM. @default - no CloudWatch source */
  public readonly alarmRule?: CloudwatchEventRule;
  /** The EventBridge rule that syncs alarms returning to OK. @default - no CloudWatch source */
  public readonly recoveryRule?: CloudwatchEventRule;
  /** The encrypted dead-letter queue of both EventBridge targets. @default - no CloudWatch source */
  public readonly deadLetterQueue?: SqsQueue;
  /** The alarm on the dead-letter queue. @default - no CloudWatch source */
  public readonly deadLetterAlarm?: CloudwatchMetricAlarm;
  /** The REST endpoint issues are created with. */
  public readonly createIssueUrl: string;
  /** The project key. */
  public readonly projectKey: string;
  /** The Jira priority of created issues. */
  public readonly priority: string;
  /** The template. */
  public readonly template: JiraWorkflowTemplate;
  /** The workflow's name. */
  public readonly name: string;
  private readonly usedConnections: IntegrationConnection[] = [];
  private readonly usedSecrets: IntegrationSecretReference[] = [];

  private readonly alarmArns: string[] = [];
  private readonly monitorAlarms: string[] = [];
  private followAlarm?: (alarmName: string, alarmArn: string) => void;

  constructor(scope: Construct, id: string, props: JiraWorkflowProps) {
    super(scope, id);
    libraryScope(this);
    Integrations.mark(this);
    if (!props || typeof props !== 'object') fail(this, 'props', props, 'a JiraWorkflowProps object');
    const name = requirePattern(this, 'name', props.name, NAME, '1-32 of letters, digits, - and _');
    this.name = name;
    this.projectKey = requirePattern(this, 'projectKey', props.projectKey, PROJECT_KEY,
      'a Jira project key: an uppercase letter, then 1-9 uppercase letters, digits or _ (e.g. OPS)');
    const automationUrl = requireSecret(this, 'automationWebhookUrl', props.automationWebhookUrl);
    const automationToken = optionalSecret(this, 'automationWebhookToken', props.automationWebhookToken);
    const jira = props.connection ?? JiraConnection.of(this);
    if (!(jira instanceof JiraConnection)) fail(this, 'connection', jira, 'a JiraConnection');
    this.usedConnections.push(jira);
    this.usedSecrets.push({ role: 'automationWebhookUrl', secret: automationUrl });
    if (automationToken) this.usedSecrets.push({ role: 'automationWebhookToken', secret: automationToken });
    const template = props.template ?? JiraWorkflowTemplate.incident();
    if (!(template instanceof JiraWorkflowTemplate)) fail(this, 'template', template, 'JiraWorkflowTemplate.incident(...)');
    this.template = template;
    const severity = props.severity ?? Severity.SEV3;
    if (!Severities.isSeverity(severity)) fail(this, 'severity', severity, `one of ${Severities.all().join(', ')}`);
    this.priority = Severities.jiraPriority(severity);
    requireString(this, 'template.issueType', template.issueType, 'a non-empty issue type name');
    requireString(this, 'template.recoveryTransition', template.recoveryTransition, 'a non-empty transition name');
    const labels = [...this.labelList('template.labels', template.labels), ...this.labelList('labels', props.labels ?? [])];
    const components = props.components ?? [];
    if (!Array.isArray(components)) fail(this, 'components', components, 'a list of component names');
    components.forEach((c, i) => requirePattern(this, `components[${i}]`, c, /^.{1,255}$/, 'a component name of 1-255 characters'));
    for (const [prop, text] of [['template.summaryTemplate', template.summaryTemplate], ['template.descriptionTemplate', template.descriptionTemplate]] as const) {
      requireString(this, prop, text, 'a non-empty template');
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) fail(this, prop, text, `a template whose placeholders are among {{${VARIABLE_NAMES.join('}}, {{')}}} (unknown {{${unknown[0]}}})`);
    }
    if (template.summaryTemplate.includes('\n')) fail(this, 'template.summaryTemplate', template.summaryTemplate, 'one line (Jira summaries have no line breaks)');
    template.descriptionTemplate.split('\n').forEach((line) => {
      if (line.trim() !== '' && line.replace(/\{\{\s*[A-Za-z0-9]+\s*\}\}/g, '').trim() === '') {
        Annotations.of(this).addWarning(`${this.node.path}: the description line "${line}" has no literal text; if its values are empty at run time Jira rejects the empty paragraph.`);
      }
    });
    if (!props.datadog && !props.grafana && !props.cloudWatch) {
      fail(this, 'datadog, grafana, cloudWatch', 'none of them', 'at least one alert source');
    }

    const adf = jira.deployment === JiraDeployment.CLOUD;
    this.createIssueUrl = `${jira.restApiUrl}/issue`;
    const createEndpoint = JiraWorkflow.jiraEndpoint(jira, this.createIssueUrl);
    const syncEndpoint: Endpoint = automationToken
      ? { url: automationUrl.value, auth: EndpointAuth.API_KEY_HEADER, headerName: 'X-Automation-Webhook-Token', secret: automationToken, headers: {}, authProp: 'automationWebhookToken' }
      : { url: automationUrl.value, auth: EndpointAuth.NONE, headers: {}, authProp: 'automationWebhookUrl' };
    const createSegments = parsePayload(this, 'template', createIssueTemplate({
      projectKey: this.projectKey,
      issueType: template.issueType,
      priority: this.priority,
      labels,
      components,
      summaryTemplate: template.summaryTemplate,
      descriptionTemplate: template.descriptionTemplate,
      adf,
    }));
    const syncSegments = parsePayload(this, 'template', syncTemplate());
    const create = (source: SourceKind) => this.checkedIssue(createSegments, source, adf);
    const sync = (source: SourceKind) => checkedPayload(this, 'template', syncSegments, source);

    if (props.datadog) {
      const conn = props.datadog.connection ?? DatadogConnection.of(this);
      this.usedConnections.push(conn);
      this.datadogCreateWebhook = renderDatadog(this, 'DatadogCreate', {
        name, endpoint: createEndpoint, payload: create(SourceKind.DATADOG), conn, allowUnsigned: false, prop: 'connection.auth',
      }).webhook;
      this.datadogSyncWebhook = renderDatadog(this, 'DatadogSync', {
        name: `${name}-sync`, endpoint: syncEndpoint, payload: sync(SourceKind.DATADOG), conn, allowUnsigned: false, prop: 'automationWebhookToken',
      }).webhook;
      // The handles name the webhooks by reference: a monitor mentioning one then depends on it.
      this.datadogHandle = `@webhook-${this.datadogCreateWebhook.name}`;
      this.datadogSyncHandle = `@webhook-${this.datadogSyncWebhook.name}`;
      this.datadogNotificationText = [
        `{{#is_renotify}}${this.datadogSyncHandle}{{/is_renotify}}`,
        `{{^is_renotify}}{{#is_alert}}${this.datadogHandle}{{/is_alert}}{{/is_renotify}}`,
        `{{#is_recovery}}${this.datadogSyncHandle}{{/is_recovery}}`,
      ].join('');
    }

    if (props.grafana) {
      const g = props.grafana;
      const conn = g.connection ?? GrafanaConnection.of(this);
      this.usedConnections.push(conn);
      const cpName = g.contactPointName === undefined ? name : requireString(this, 'grafana.contactPointName', g.contactPointName, 'a non-empty contact point name');
      const maxAlerts = g.maxAlerts === undefined ? undefined : requireInteger(this, 'grafana.maxAlerts', g.maxAlerts, 0, 10_000);
      this.grafanaContactPoint = new ContactPoint(this, 'GrafanaContactPoint', {
        name: cpName,
        webhook: [
          grafanaWebhookBlock(createEndpoint, create(SourceKind.GRAFANA), { httpMethod: 'POST', maxAlerts, disableResolveMessage: true }),
          grafanaWebhookBlock(syncEndpoint, sync(SourceKind.GRAFANA), { httpMethod: 'POST', maxAlerts, disableResolveMessage: false }),
        ],
        provider: conn.provider,
      });
      this.grafanaContactPointName = this.grafanaContactPoint.name;
    }

    if (props.cloudWatch) {
      const c = props.cloudWatch;
      const aws = c.aws ?? AwsConnection.of(this);
      this.usedConnections.push(aws);
      const retry = retrySettings(this, 'cloudWatch', c);
      const prefix = optionalPattern(this, 'cloudWatch.alarmNamePrefix', c.alarmNamePrefix, ALARM_NAME_PREFIX, 'an alarm name prefix of 1-255 characters without control characters');
      (c.alarmArns ?? []).forEach((arn, i) => this.addAlarmArn(`cloudWatch.alarmArns[${i}]`, arn));
      const rules: string[] = [];
      const dl = renderDeadLetter(this, {
        name, aws, kmsKeyId: c.deadLetterKmsKeyId, ruleArns: () => rules, alarmActions: alarmActionList(this, 'cloudWatch.deadLetterAlarmActions', c.deadLetterAlarmActions),
      });
      const common = { aws, httpMethod: 'POST', ...retry, deadLetterQueue: dl.queue, allowUnsigned: false };
      const created = renderEventBridge(this, 'Create', createEndpoint, create(SourceKind.EVENTBRIDGE), {
        ...common,
        name: `${name}-create`,
        eventPattern: alarmStatePattern(['ALARM'], () => [...this.alarmArns], prefix, () => [...this.monitorAlarms]),
        ruleDescription: `CloudWatch alarms entering ALARM open Jira issues in ${this.projectKey} (${this.node.path})`,
        prop: 'connection.auth',
      });
      const synced = renderEventBridge(this, 'Sync', syncEndpoint, sync(SourceKind.EVENTBRIDGE), {
        ...common,
        name: `${name}-sync`,
        eventPattern: alarmStatePattern(['OK'], () => [...this.alarmArns], prefix, () => [...this.monitorAlarms]),
        ruleDescription: `CloudWatch alarms returning to OK update their Jira issues in ${this.projectKey} (${this.node.path})`,
        prop: 'automationWebhookToken',
      });
      rules.push(created.rule.arn, synced.rule.arn);
      // Alarms of the workflow's monitors have rules of their own (below): the shared rules
      // leave them out, and are off when they would otherwise route every alarm of the region.
      for (const r of [created.rule, synced.rule]) {
        r.state = EscapingLazy.stringValue({
          produce: () => (this.monitorAlarms.length > 0 && this.alarmArns.length === 0 && prefix === undefined ? 'DISABLED' : 'ENABLED'),
        });
      }
      // A monitor's alarm name is known at synth: its rules write the dedup label and the title as
      // literals. EventBridge's input transformer inserts values unchanged (no functions, no
      // escaping: EventBridge User Guide, "Amazon EventBridge input transformation"), so a label
      // built from the alarm's ARN would carry the spaces of its name, which Jira refuses in labels.
      this.followAlarm = (alarmName, alarmArn) => {
        const i = this.monitorAlarms.length;
        this.monitorAlarms.push(alarmArn);
        const literals = { dedupLabel: dedupLabel('cloudwatch', alarmName), title: alarmName };
        const createdForAlarm = renderEventBridgeRule(this, `Alarm${i}Create`, created, this.checkedIssue(createSegments, SourceKind.EVENTBRIDGE, adf, literals), {
          ...common,
          name: `${name}-create-${i}`,
          eventPattern: alarmStatePattern(['ALARM'], () => [alarmArn]),
          ruleDescription: `The alarm ${alarmName.slice(0, 200)} entering ALARM opens a Jira issue in ${this.projectKey} (${this.node.path})`.slice(0, 512),
        });
        const syncedForAlarm = renderEventBridgeRule(this, `Alarm${i}Sync`, synced, checkedPayload(this, 'template', syncSegments, SourceKind.EVENTBRIDGE, literals), {
          ...common,
          name: `${name}-sync-${i}`,
          eventPattern: alarmStatePattern(['OK'], () => [alarmArn]),
          ruleDescription: `The alarm ${alarmName.slice(0, 200)} returning to OK updates its Jira issue in ${this.projectKey} (${this.node.path})`.slice(0, 512),
        });
        rules.push(createdForAlarm.rule.arn, syncedForAlarm.rule.arn);
      };
      this.alarmRule = created.rule;
      this.recoveryRule = synced.rule;
      this.deadLetterQueue = dl.queue;
      this.deadLetterAlarm = dl.alarm;
    }
  }

  /**
   * The workflow as an integration (for the `IntegrationCatalog`). With the CloudWatch source:
   * the dead-letter queue (alarmed) and the retries of the shared create and sync rules (not
   * alarmed). Datadog and Grafana deliveries have no metric: a workflow with only those sources
   * has no health signal.
   */
  public describeIntegration(): IntegrationDescription {
    const systems = ['jira'];
    if (this.datadogCreateWebhook) systems.push('datadog');
    if (this.grafanaContactPoint) systems.push('grafana');
    if (this.alarmRule) systems.push('aws');
    const resources: Record<string, string> = {};
    if (this.datadogCreateWebhook && this.datadogSyncWebhook) {
      resources.datadogCreateWebhook = this.datadogCreateWebhook.name;
      resources.datadogSyncWebhook = this.datadogSyncWebhook.name;
    }
    if (this.grafanaContactPoint) resources.grafanaContactPoint = this.grafanaContactPoint.name;
    if (this.alarmRule && this.recoveryRule) {
      resources.alarmRule = this.alarmRule.arn;
      resources.recoveryRule = this.recoveryRule.arn;
    }
    if (this.deadLetterQueue) resources.deadLetterQueue = this.deadLetterQueue.arn;
    const jira = this.usedConnections[0] as JiraConnection;
    const health = this.deadLetterQueue && this.deadLetterAlarm && this.alarmRule && this.recoveryRule
      ? eventBridgeHealth(`Jira workflow ${this.name}`, this.deadLetterQueue, this.deadLetterAlarm, { create: this.alarmRule, sync: this.recoveryRule })
      : [];
    return {
      kind: 'jira-workflow',
      name: this.name,
      systems,
      connections: [...this.usedConnections],
      endpoint: { host: hostOf(jira.baseUrl), projectKey: this.projectKey },
      secrets: [...this.usedSecrets],
      resources,
      health,
      noHealthReason: health.length > 0 ? undefined : NO_EVENTBRIDGE_HEALTH,
    };
  }

  /**
   * Route a CloudWatch alarm to this workflow (its state changes open and update issues).
   * Once an alarm is added, only added alarms are routed.
   * @param alarmArn the alarm's ARN
   */
  public addCloudWatchAlarm(alarmArn: string): void {
    if (!this.alarmRule) fail(this, 'cloudWatch', undefined, 'set (addCloudWatchAlarm needs the CloudWatch source)');
    this.addAlarmArn('alarmArn', alarmArn);
  }

  /**
   * This workflow as a notification target of `MonitorConfig`: Datadog monitors mention the
   * create and sync webhooks (create on the first alert, sync on re-alerts and recovery),
   * Grafana rules route to the Jira contact point, and CloudWatch alarms are watched by the
   * workflow's EventBridge rules (no alarm action needed).
   */
  public target(options: NotificationTargetOptions = {}): INotificationTarget {
    return new JiraTarget(this, options);
  }

  private addAlarmArn(prop: string, arn: unknown): void {
    const s = requireString(this, prop, arn, 'a CloudWatch alarm ARN');
    if (!isToken(s)) requirePattern(this, prop, s, /^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:\d{12}:alarm:.+$/, 'a CloudWatch alarm ARN (arn:aws:cloudwatch:<region>:<account>:alarm:<name>)');
    if (!this.alarmArns.includes(s)) this.alarmArns.push(s);
  }

  private labelList(prop: string, labels: unknown): string[] {
    if (!Array.isArray(labels)) fail(this, prop, labels, 'a list of Jira labels');
    return labels.map((l, i) => requirePattern(this, `${prop}[${i}]`, l, LABEL, 'a Jira label: 1-255 characters without spaces'));
  }

  /** @internal Route the alarm of one of the workflow's monitors (its name known at synth) through rules of its own. */
  public _followMonitorAlarm(scope: IConstruct, prop: string, alarmName: string, alarmArn: string): void {
    if (!this.followAlarm) fail(scope, prop, this.node.path, 'a JiraWorkflow with its cloudWatch source set');
    this.followAlarm(alarmName, alarmArn);
  }

  private checkedIssue(segments: Segments, source: SourceKind, adf: boolean, literals: Readonly<Record<string, string>> = {}): Rendered {
    const r = checkedPayload(this, 'template', segments, source, literals);
    const problems = createIssueProblems(JSON.parse(r.sample), adf);
    if (problems.length > 0) {
      fail(this, 'template', `the issue body rendered for a sample ${source.toLowerCase()} alert`, `a template giving a Jira create-issue body (${problems.join('; ')})`);
    }
    return r;
  }
}

/**
 * A JiraWorkflow as a notification target: Datadog monitors mention its webhooks, Grafana rules
 * route to its contact point, CloudWatch alarms are followed by its EventBridge rules.
 */
class JiraTarget implements IDatadogNotificationTarget, IGrafanaNotificationTarget, ICloudWatchNotificationTarget {
  public readonly targetId: string;
  public readonly severities: Severity[];

  constructor(private readonly workflow: JiraWorkflow, options: NotificationTargetOptions) {
    this.targetId = options.id ?? `jira-${workflow.projectKey.toLowerCase()}`;
    this.severities = options.severities ? [...options.severities] : Severities.all();
  }

  public bindToDatadog(scope: IConstruct, _backend: DatadogBackend, _severity: Severity): DatadogTargetBinding {
    if (!this.workflow.datadogNotificationText) fail(scope, `targets.${this.targetId}`, this.workflow.node.path, 'a JiraWorkflow with its datadog source set');
    return { messageText: this.workflow.datadogNotificationText };
  }

  public bindToGrafana(scope: IConstruct, _backend: GrafanaBackend, _severity: Severity): GrafanaTargetBinding {
    if (!this.workflow.grafanaContactPointName) fail(scope, `targets.${this.targetId}`, this.workflow.node.path, 'a JiraWorkflow with its grafana source set');
    return { contactPointName: this.workflow.grafanaContactPointName };
  }

  public bindToCloudWatch(scope: IConstruct, backend: CloudWatchBackend, _severity: Severity): CloudWatchTargetBinding {
    if (!(scope instanceof MonitorConfig)) fail(scope, `targets.${this.targetId}`, scope.node.path, 'a MonitorConfig (on CloudWatch the workflow follows the alarms of monitors)');
    const monitor = scope;
    const alarmArn = () => (monitor.rendering(backend.id).resource as CloudwatchMetricAlarm).arn;
    // The critical alarm carries the monitor's title as its name (CloudWatch backend).
    this.workflow._followMonitorAlarm(scope, `targets.${this.targetId}`, monitor.title, EscapingLazy.stringValue({ produce: alarmArn }));
    return { viaEventBridge: true };
  }
}

/**
 * A Jira label for one alert source object: Jira labels take no whitespace and at most 255
 * characters (Jira REST API, issue `labels` field). Characters outside letters, digits and
 * `_ . : -` become `-`; when that changed the name, a short hash of the exact name keeps two
 * names that differ only there apart.
 */
function dedupLabel(source: string, name: string): string {
  const slug = name.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 200);
  if (slug === name) return `${source}-${name}`;
  return `${source}-${slug}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}
