import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { IntegrationPagerdutyServiceObject } from '@cdktf/provider-datadog/lib/integration-pagerduty-service-object';
import type { EscalationPolicy } from '@cdktf/provider-pagerduty/lib/escalation-policy';
import type { Service } from '@cdktf/provider-pagerduty/lib/service';
import type { ServiceIntegration } from '@cdktf/provider-pagerduty/lib/service-integration';
import { Construct, IConstruct } from 'constructs';
import { PagerDutyConnection, PagerDutyRegion } from './pagerduty-connection';
import { pagerDutyL1 } from './private/provider';
import { ContactPoint } from '../bindings/grafana/contact-point';
import type { CloudWatchBackend } from '../cloudwatch/cloudwatch-monitor-backend';
import type { CloudWatchTargetBinding, ICloudWatchNotificationTarget } from '../cloudwatch/cloudwatch-targets';
import { HTTPS_DELIVERY_POLICY } from '../cloudwatch/private/notify';
import { IIntegration, IntegrationDescription, Integrations } from '../core/integration';
import { targetScope } from '../core/private/scopes';
import { stackSingleton } from '../core/private/stack-registry';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalString, requireArray, requireInteger, requirePattern } from '../core/private/validate';
import { Severities, Severity } from '../core/severity';
import type { DatadogBackend } from '../datadog/datadog-monitor-backend';
import type { DatadogTargetBinding, IDatadogNotificationTarget } from '../datadog/datadog-targets';
import type { GrafanaBackend } from '../grafana/grafana-monitor-backend';
import type { GrafanaTargetBinding, IGrafanaNotificationTarget } from '../grafana/grafana-targets';
import { INotificationTarget, NotificationTargetOptions } from '../notifications/targets';

/** One level of an escalation policy: who is notified, and after how long the next level is. */
export interface PagerDutyEscalationRule {
  /** Minutes before the incident escalates to the next rule (PagerDuty: at least 1). */
  readonly escalationDelayMinutes: number;
  /**
   * PagerDuty user ids (e.g. `PABC123`) notified at this level.
   * @default - none
   */
  readonly userIds?: string[];
  /**
   * PagerDuty schedule ids notified at this level (whoever is on call).
   * @default - none
   */
  readonly scheduleIds?: string[];
}

/** Props of a `PagerDutyService`. */
export interface PagerDutyServiceProps {
  /** The service name in PagerDuty; also the service name in Datadog's PagerDuty integration. */
  readonly name: string;
  /**
   * A description of the service.
   * @default - names the construct path
   */
  readonly description?: string;
  /**
   * The levels of a new escalation policy for the service (at least one, each with users or schedules).
   * @default - none: then `escalationPolicyId` must be given
   */
  readonly escalationRules?: PagerDutyEscalationRule[];
  /**
   * The id of an existing escalation policy instead of a new one.
   * @default - a new policy from `escalationRules`
   */
  readonly escalationPolicyId?: string;
  /**
   * Times the policy repeats when no one acknowledges (PagerDuty: 0-9).
   * @default 2
   */
  readonly escalationLoops?: number;
  /**
   * The PagerDuty account; it needs an `apiToken`.
   * @default PagerDutyConnection.of(scope)
   */
  readonly connection?: PagerDutyConnection;
}

/**
 * How one monitor backend reaches a PagerDuty service: the integration of the service it
 * needs. Each backend's binding below names its own; the service creates each once.
 */
interface PagerDutyIntegrationSpec {
  /** Key of the integration in the service (also `<key>Integration` in its description). */
  readonly key: string;
  /** The system the integration connects, as in `IntegrationDescription.systems`. */
  readonly system: string;
  /** Construct id prefix of the integration (and of its vendor lookup). */
  readonly idPrefix: string;
  /** Name of the integration in PagerDuty. */
  readonly name: string;
  /**
   * The PagerDuty vendor of the integration (`pagerduty_vendor` name).
   * @default - none: an Events API v2 integration
   */
  readonly vendor?: string;
}

// pagerduty_vendor data source names (terraform-provider-pagerduty docs/data-sources/vendor.html.markdown:
// `name = "Datadog"`; the Amazon CloudWatch vendor is "Amazon CloudWatch" in PagerDuty's vendor list).
const VIA_DATADOG: PagerDutyIntegrationSpec = { key: 'datadog', system: 'datadog', idPrefix: 'Datadog', name: 'Datadog', vendor: 'Datadog' };
const VIA_CLOUDWATCH: PagerDutyIntegrationSpec = { key: 'cloudwatch', system: 'aws', idPrefix: 'CloudWatch', name: 'Amazon CloudWatch', vendor: 'Amazon CloudWatch' };
// Grafana's PagerDuty contact point sends Events API v2 events (a routing key, no vendor).
const VIA_GRAFANA: PagerDutyIntegrationSpec = { key: 'grafana', system: 'grafana', idPrefix: 'Grafana', name: 'Grafana' };
// pagerduty_service_integration `type` of an Events API v2 integration (provider docs/resources/service_integration).
const EVENTS_V2 = 'events_api_v2_inbound_integration';
const ID = /^P[A-Z0-9]{5,13}$/;

/**
 * A PagerDuty service managed here (`pagerduty_service`), with its escalation policy
 * (`pagerduty_escalation_policy`) and, for each backend that notifies it, the integration of
 * that backend (`pagerduty_service_integration`): Datadog (vendor "Datadog", registered in
 * Datadog's PagerDuty integration as a service object), Amazon CloudWatch (vendor "Amazon
 * CloudWatch", an SNS HTTPS subscription) and Grafana (Events API v2, a PagerDuty contact
 * point). Integration keys are Terraform references from PagerDuty to the consumer: they reach
 * the Terraform state, never the synthesized JSON.
 */
export class PagerDutyService extends Construct implements IIntegration {
  /** The `pagerduty_service` (escape hatch). */
  public readonly service: Service;
  /**
   * The `pagerduty_escalation_policy` created for the service.
   * @default - none: the service uses `escalationPolicyId`
   */
  public readonly escalationPolicy?: EscalationPolicy;
  /** The service name. */
  public readonly serviceName: string;
  /** The PagerDuty account. */
  public readonly connection: PagerDutyConnection;
  private readonly integrations = new Map<string, { spec: PagerDutyIntegrationSpec; integration: ServiceIntegration }>();

  constructor(scope: Construct, id: string, props: PagerDutyServiceProps) {
    super(scope, id);
    libraryScope(this);
    if (!props || typeof props !== 'object') fail(this, 'props', props, 'a PagerDutyServiceProps object');
    // PagerDuty service names: 1-255 characters; the Datadog handle `@pagerduty-<name>` takes no spaces.
    this.serviceName = requirePattern(this, 'name', props.name, /^[A-Za-z0-9_.-]{1,255}$/, 'a PagerDuty service name (letters, digits, _ . -, at most 255)');
    const description = optionalString(this, 'description', props.description) ?? `Managed by ${this.node.path}`;
    this.connection = props.connection ?? PagerDutyConnection.of(this);
    if (!(this.connection instanceof PagerDutyConnection)) fail(this, 'connection', props.connection, 'a PagerDutyConnection');
    const provider = this.connection._pagerDutyProvider(this, 'connection');
    let policyId: string;
    if (props.escalationPolicyId !== undefined) {
      if (props.escalationRules !== undefined) fail(this, 'escalationRules', props.escalationRules, 'nothing when escalationPolicyId is given (one or the other)');
      if (props.escalationLoops !== undefined) fail(this, 'escalationLoops', props.escalationLoops, 'nothing when escalationPolicyId is given (the existing policy has its own loops)');
      policyId = requirePattern(this, 'escalationPolicyId', props.escalationPolicyId, ID, 'a PagerDuty escalation policy id such as PABC123');
    } else {
      const rules = requireArray(this, 'escalationRules', props.escalationRules, 'a non-empty list of PagerDutyEscalationRule (or an escalationPolicyId)');
      if (rules.length === 0) fail(this, 'escalationRules', rules, 'a non-empty list of PagerDutyEscalationRule (or an escalationPolicyId)');
      const numLoops = props.escalationLoops === undefined ? 2 : requireInteger(this, 'escalationLoops', props.escalationLoops, 0, 9);
      this.escalationPolicy = new (pagerDutyL1.escalationPolicy().EscalationPolicy)(this, 'EscalationPolicy', {
        name: `${this.serviceName} escalation`,
        numLoops,
        rule: rules.map((r, i) => this.rule(`escalationRules[${i}]`, r)),
        provider,
      });
      policyId = this.escalationPolicy.id;
    }
    this.service = new (pagerDutyL1.service().Service)(this, 'Service', {
      name: this.serviceName,
      description,
      escalationPolicy: policyId,
      provider,
    });
    Integrations.mark(this);
  }

  /**
   * The service, its escalation policy and the integrations of the backends that notify it.
   * PagerDuty publishes no metric of a service's integrations, so there is no health signal.
   */
  public describeIntegration(): IntegrationDescription {
    const resources: { [name: string]: string } = { service: this.service.id };
    if (this.escalationPolicy) resources.escalationPolicy = this.escalationPolicy.id;
    const systems = ['pagerduty'];
    for (const key of [...this.integrations.keys()].sort()) {
      const { spec, integration } = this.integrations.get(key)!;
      resources[`${spec.key}Integration`] = integration.id;
      if (!systems.includes(spec.system)) systems.push(spec.system);
    }
    return {
      kind: 'pagerduty-service',
      name: this.serviceName,
      systems,
      connections: [this.connection],
      endpoint: { region: this.connection.region },
      resources,
      health: [],
      noHealthReason: 'PagerDuty publishes no metric of the deliveries to a service; the PagerDuty connection check covers the API.',
    };
  }

  /**
   * The service as a notification target: each backend that notifies it gets its own
   * integration of the service (created on first use).
   */
  public target(options: NotificationTargetOptions = {}): INotificationTarget {
    return new PagerDutyServiceTarget(this, options ?? {});
  }

  /**
   * The integration a backend needs (created once): its key is `integration.integrationKey`.
   * @internal
   */
  public _integration(spec: PagerDutyIntegrationSpec): ServiceIntegration {
    const hit = this.integrations.get(spec.key);
    if (hit) return hit.integration;
    const provider = this.connection._pagerDutyProvider(this, 'connection');
    const Integration = pagerDutyL1.serviceIntegration().ServiceIntegration;
    const common = { name: spec.name, service: this.service.id, provider };
    const integration = spec.vendor === undefined
      ? new Integration(this, `${spec.idPrefix}Integration`, { ...common, type: EVENTS_V2 })
      : new Integration(this, `${spec.idPrefix}Integration`, {
        ...common,
        vendor: new (pagerDutyL1.dataVendor().DataPagerdutyVendor)(this, `${spec.idPrefix}Vendor`, { name: spec.vendor, provider }).id,
      });
    this.integrations.set(spec.key, { spec, integration });
    return integration;
  }

  private rule(prop: string, r: PagerDutyEscalationRule) {
    if (!r || typeof r !== 'object') fail(this, prop, r, 'a PagerDutyEscalationRule');
    const delay = requireInteger(this, `${prop}.escalationDelayMinutes`, r.escalationDelayMinutes, 1, 10_000);
    const users = (r.userIds === undefined ? [] : requireArray(this, `${prop}.userIds`, r.userIds, 'a list of PagerDuty user ids'))
      .map((u, i) => ({ type: 'user_reference', id: requirePattern(this, `${prop}.userIds[${i}]`, u, ID, 'a PagerDuty user id such as PABC123') }));
    const schedules = (r.scheduleIds === undefined ? [] : requireArray(this, `${prop}.scheduleIds`, r.scheduleIds, 'a list of PagerDuty schedule ids'))
      .map((s, i) => ({ type: 'schedule_reference', id: requirePattern(this, `${prop}.scheduleIds[${i}]`, s, ID, 'a PagerDuty schedule id such as PABC123') }));
    const target = [...users, ...schedules];
    if (target.length === 0) fail(this, prop, r, 'an escalation rule with at least one user or schedule id');
    return { escalationDelayInMinutes: delay, target };
  }
}

/** A managed PagerDuty service as a target of the Datadog, CloudWatch and Grafana backends. */
class PagerDutyServiceTarget implements IDatadogNotificationTarget, ICloudWatchNotificationTarget, IGrafanaNotificationTarget {
  public readonly targetId: string;
  public readonly severities: Severity[];

  constructor(private readonly pd: PagerDutyService, options: NotificationTargetOptions) {
    const id = options.id ?? `pagerduty-${pd.serviceName}`.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 64);
    requirePattern(pd, 'target.id', id, /^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a target id: a letter, then up to 63 letters, digits, _ or -');
    this.targetId = id;
    this.severities = options.severities === undefined ? Severities.all() : [...options.severities];
    if (this.severities.length === 0 || !this.severities.every((s) => Severities.isSeverity(s))) {
      fail(pd, 'target.severities', options.severities, 'a non-empty list of Severity values (SEV1 … SEV5)');
    }
  }

  public bindToDatadog(scope: IConstruct, backend: DatadogBackend, _severity: Severity): DatadogTargetBinding {
    return this.once(scope, backend.id, () => {
      // Datadog PagerDuty integration: a service object (service name + integration key) makes
      // `@pagerduty-<service name>` reach the service (docs.datadoghq.com/integrations/pagerduty;
      // resource datadog_integration_pagerduty_service_object).
      const key = this.pd._integration(VIA_DATADOG).integrationKey;
      new IntegrationPagerdutyServiceObject(targetScope(scope, this.targetId, backend.id), 'PagerDutyService', {
        serviceName: this.pd.service.name, serviceKey: key, provider: backend.connectionFor(scope).provider,
      });
      return { handle: `@pagerduty-${this.pd.serviceName}` };
    });
  }

  public bindToCloudWatch(scope: IConstruct, backend: CloudWatchBackend, _severity: Severity): CloudWatchTargetBinding {
    return this.once(scope, backend._targetScopeId(scope), () => {
      const topic = backend.notificationTopic(scope, this.targetId);
      // PagerDuty's Amazon CloudWatch integration guide: subscribe the topic over HTTPS to
      // https://events.pagerduty.com/integration/<integration key>/enqueue (EU: events.eu.pagerduty.com);
      // PagerDuty confirms the subscription itself.
      const host = this.pd.connection.region === PagerDutyRegion.EU ? 'events.eu.pagerduty.com' : 'events.pagerduty.com';
      new SnsTopicSubscription(topic.node.scope as Construct, 'Subscription', {
        topicArn: topic.arn,
        protocol: 'https',
        endpoint: `https://${host}/integration/${this.pd._integration(VIA_CLOUDWATCH).integrationKey}/enqueue`,
        endpointAutoConfirms: true,
        deliveryPolicy: JSON.stringify(HTTPS_DELIVERY_POLICY),
        provider: backend.connectionFor(scope).provider,
      });
      return { actionArns: [topic.arn] };
    });
  }

  public bindToGrafana(scope: IConstruct, backend: GrafanaBackend, _severity: Severity): GrafanaTargetBinding {
    const conn = backend.connectionFor(scope);
    const scopeId = conn.alias ? `${backend.id}-${conn.alias}` : backend.id;
    return this.once(scope, scopeId, () => {
      // Contact point `pagerduty` block: `integration_key` (an Events API v2 routing key) and
      // `severity` (terraform-provider-grafana docs/resources/contact_point.md).
      const cp = new ContactPoint(targetScope(scope, this.targetId, scopeId), 'ContactPoint', {
        name: this.targetId,
        pagerduty: [{ integrationKey: this.pd._integration(VIA_GRAFANA).integrationKey, severity: '{{ or .CommonLabels.pagerduty_severity "critical" }}' }],
        provider: conn.provider,
      });
      return { contactPointName: cp.name };
    });
  }

  /**
   * Once per stack and backend, in the same registry as the built-in targets: a different
   * target with the same id in the stack is an error, not a clash of resources.
   */
  private once<T>(scope: IConstruct, key: string, make: () => T): T {
    const cache: Map<string, { fingerprint: string; binding: unknown }> = stackSingleton(scope, 'monitoring:target-bindings', () => new Map());
    const k = `${key}/${this.targetId}`;
    const fingerprint = `pagerduty-service:${this.pd.node.path}`;
    const hit = cache.get(k);
    if (hit) {
      if (hit.fingerprint !== fingerprint) {
        fail(scope, `targets.${this.targetId}.id`, this.targetId, 'an id not used by a different notification target in this stack (give each target its own \'id\')');
      }
      return hit.binding as T;
    }
    const binding = make();
    cache.set(k, { fingerprint, binding });
    return binding;
  }
}
