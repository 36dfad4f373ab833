import { IntegrationMsTeamsWorkflowsWebhookHandle } from '@cdktf/provider-datadog/lib/integration-ms-teams-workflows-webhook-handle';
import { IntegrationOpsgenieServiceObject } from '@cdktf/provider-datadog/lib/integration-opsgenie-service-object';
import { IConstruct } from 'constructs';
import { targetScope } from '../../core/private/scopes';
import { fail } from '../../core/private/validate';
import { Severity } from '../../core/severity';
import {
  EmailTarget, INotificationTarget, OpsgenieRegion, OpsgenieTarget, PagerDutyTarget, SlackTarget, TeamsTarget, WebhookTarget,
} from '../../notifications/targets';
import type { DatadogBackend } from '../datadog-monitor-backend';
import type { DatadogTargetBinding, IDatadogNotificationTarget } from '../datadog-targets';

function implementsDatadog(t: INotificationTarget): t is IDatadogNotificationTarget {
  return typeof (t as IDatadogNotificationTarget).bindToDatadog === 'function';
}

/**
 * The binding of a target for the Datadog backend: its own `bindToDatadog`, or the backend's
 * way of reaching a built-in target; a synth error naming both when neither exists.
 */
export function datadogBinding(scope: IConstruct, backend: DatadogBackend, target: INotificationTarget, severity: Severity): DatadogTargetBinding {
  if (implementsDatadog(target)) {
    const b = target.bindToDatadog(scope, backend, severity);
    if (!b || (!b.handle && !b.messageText)) {
      fail(scope, `targets.${target.targetId}`, b, `a DatadogTargetBinding with a handle or messageText from the target's bindToDatadog (backend ${backend.id})`);
    }
    return b;
  }
  if (target instanceof SlackTarget) {
    return target._bindOnce(scope, backend.id, () => {
      // Datadog Slack integration: `@slack-<account>-<channel>` (docs.datadoghq.com/integrations/slack).
      const account = target.connectionFor(scope).datadogAccountName;
      return { handle: account ? `@slack-${account}-${target.props.channel}` : `@slack-${target.props.channel}` };
    });
  }
  if (target instanceof PagerDutyTarget) {
    // Datadog PagerDuty integration: `@pagerduty-<service name>` (docs.datadoghq.com/integrations/pagerduty).
    return target._bindOnce(scope, backend.id, () => ({ handle: `@pagerduty-${target.props.serviceName}` }));
  }
  if (target instanceof EmailTarget) {
    // Datadog: `@<email address>` notifies the address (docs.datadoghq.com/monitors/notify).
    return target._bindOnce(scope, backend.id, () => ({ handle: `@${target.props.address}` }));
  }
  if (target instanceof WebhookTarget) {
    // Datadog Webhooks integration: `@webhook-<name>` (docs.datadoghq.com/integrations/webhooks).
    return target._bindOnce(scope, backend.id, () => ({ handle: `@webhook-${target.props.datadogWebhookName ?? target.props.connection.node.id}` }));
  }
  if (target instanceof TeamsTarget) {
    return target._bindOnce(scope, backend.id, () => {
      // Datadog Microsoft Teams integration, Workflows webhook handles: a handle (name, url) that
      // monitors mention as `@teams-<name>` (docs.datadoghq.com/integrations/microsoft_teams,
      // "Microsoft Workflows Webhooks"; resource datadog_integration_ms_teams_workflows_webhook_handle).
      const parent = targetScope(scope, target.targetId, backend.id);
      new IntegrationMsTeamsWorkflowsWebhookHandle(parent, 'TeamsHandle', {
        name: target.props.name, url: target.props.webhookUrl, provider: backend.connectionFor(scope).provider,
      });
      return { handle: `@teams-${target.props.name}` };
    });
  }
  if (target instanceof OpsgenieTarget) {
    return target._bindOnce(scope, backend.id, () => {
      // Datadog Opsgenie integration: a service object (name, API key, region `us` | `eu`) that
      // monitors mention as `@opsgenie-<service name>` (docs.datadoghq.com/integrations/opsgenie;
      // resource datadog_integration_opsgenie_service_object).
      const parent = targetScope(scope, target.targetId, backend.id);
      new IntegrationOpsgenieServiceObject(parent, 'OpsgenieService', {
        name: target.props.serviceName,
        opsgenieApiKey: target.props.apiKey.value,
        region: target.region === OpsgenieRegion.EU ? 'eu' : 'us',
        provider: backend.connectionFor(scope).provider,
      });
      return { handle: `@opsgenie-${target.props.serviceName}` };
    });
  }
  return fail(scope, `targets.${target.targetId}`, target.targetId,
    `a target the Datadog backend "${backend.id}" can notify (a built-in target, or one implementing IDatadogNotificationTarget); "${target.targetId}" cannot be notified through Datadog`);
}

/** Which conditional blocks a Datadog message gives the handles. */
export interface DatadogMessageBlocks {
  /** The monitor has a warning threshold. */
  readonly warning?: boolean;
  /** The monitor notifies on missing data. */
  readonly noData?: boolean;
}

/**
 * The notifications of one Datadog alert: collects the targets' handles and message texts and
 * renders the message. Every Datadog rendering (monitors, SLO burn-rate alerts, composites,
 * anomalies) writes its message here.
 */
export class DatadogMessage {
  private readonly handles: string[] = [];
  private readonly texts: string[] = [];

  constructor(private readonly scope: IConstruct, private readonly backend: DatadogBackend, private readonly severity: Severity) {}

  /** Adds a target (its handle once). */
  public add(target: INotificationTarget): void {
    const b = datadogBinding(this.scope, this.backend, target, this.severity);
    if (b.messageText) {
      if (!this.texts.includes(b.messageText)) this.texts.push(b.messageText);
      return;
    }
    for (const h of b.handle!.split(' ').filter((x) => x !== '')) if (!this.handles.includes(h)) this.handles.push(h);
  }

  /** The handles, in the order added. */
  public get allHandles(): string[] {
    return [...this.handles];
  }

  /**
   * The message: text, runbook, then the handles in the conditional blocks of Datadog's message
   * template (docs.datadoghq.com/monitors/notify/variables), then the targets' own texts.
   */
  public render(message: string, runbookUrl: string | undefined, blocks: DatadogMessageBlocks = {}): string {
    const parts = [message];
    if (runbookUrl) parts.push(`Runbook: ${runbookUrl}`);
    const h = this.handles.join(' ');
    if (h) {
      parts.push(`{{#is_alert}}${h}{{/is_alert}}`);
      if (blocks.warning) parts.push(`{{#is_warning}}${h}{{/is_warning}}`);
      if (blocks.noData) parts.push(`{{#is_no_data}}${h}{{/is_no_data}}`);
      parts.push(`{{#is_recovery}}${h}{{/is_recovery}}`);
    }
    parts.push(...this.texts);
    return parts.join('\n\n');
  }
}
