import { CloudwatchCompositeAlarm } from '@cdktf/provider-aws/lib/cloudwatch-composite-alarm';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Annotations, Lazy, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlarmRule } from './alarm-rule';
import { AlertOptions } from './alert-options';
import { IMonitorBackend } from './backend';
import { MonitorConfig } from './monitor-config';
import { CloudWatchBackend, CloudWatchRenderedMonitor } from '../cloudwatch/cloudwatch-monitor-backend';
import { claimName } from '../core/private/stack-registry';
import { fail } from '../core/private/validate';
import { DatadogBackend, DatadogRenderedMonitor } from '../datadog/datadog-monitor-backend';
import {
  AlertBasics, awsTags, checkBackends, checkTarget, CloudWatchActions, datadogTags, DatadogNotifications, validateBasics, validateSeverity,
} from './private/alerting';
import { Severities, Severity } from '../core/severity';
import { DatadogConnection } from '../datadog/datadog-connection';
import type { INotificationTarget } from '../notifications/targets';

/** Props of a `CompositeMonitor`. */
export interface CompositeMonitorProps extends AlertOptions {
  /**
   * When the composite alerts, over at least two distinct `MonitorConfig`s rendered to every
   * backend of this composite, in the same stack.
   */
  readonly rule: AlarmRule;
  /**
   * The backends: `MonitorBackend.datadog()` renders a `datadog_monitor` of type `composite`,
   * `MonitorBackend.cloudwatch()` an `aws_cloudwatch_composite_alarm`. Grafana has no composite
   * rule (a rule's condition cannot refer to other rules' states), so a Grafana backend is a
   * synth error.
   */
  readonly backends: IMonitorBackend[];
}

// PutCompositeAlarm: AlarmRule is at most 10,240 characters (terraform-provider-aws docs,
// r/cloudwatch_composite_alarm: "The maximum length is 10240 characters").
const CW_RULE_MAX = 10_240;

/**
 * A monitor that alerts when a boolean rule over other monitors holds, e.g. "errors high AND
 * latency high": a Datadog composite monitor (`datadog_monitor` of type `composite`, a query
 * over the components' ids such as `123 && !456`) and a CloudWatch composite alarm
 * (`aws_cloudwatch_composite_alarm`, a rule such as `ALARM("a") AND NOT ALARM("b")` over the
 * components' critical alarms). Each component must be rendered to the same backends and live
 * in the same stack. Grafana has no composite rule: naming a Grafana backend is a synth error.
 *
 * Children: one construct per backend id (`Datadog`, `CloudWatch`) with the resource `Resource`.
 * Secrets: none of its own; targets' secrets are handled as for `MonitorConfig`.
 */
export class CompositeMonitor extends Construct {
  /** The rule. */
  public readonly rule: AlarmRule;
  /** The severity. */
  public readonly severity: Severity;
  /** The title. */
  public readonly title: string;
  /** The main resource of each backend, by backend id. */
  private readonly resources = new Map<string, TerraformResource>();
  private readonly notifiers: Array<{ add(t: INotificationTarget): void }> = [];
  private readonly _targets: INotificationTarget[] = [];
  private readonly basics: AlertBasics;

  constructor(scope: Construct, id: string, props: CompositeMonitorProps) {
    super(scope, id);
    this.basics = validateBasics(this, props);
    this.title = this.basics.title;
    this.severity = validateSeverity(this, 'severity', props.severity, Severity.SEV3);
    if (!(props.rule instanceof AlarmRule)) fail(this, 'rule', props.rule, 'an AlarmRule (AlarmRule.monitor(m), allOf(...), anyOf(...), not(...))');
    const problem = props.rule._problem();
    if (problem) fail(this, 'rule', props.rule.toString(), `a well-formed AlarmRule (${problem})`);
    this.rule = props.rule;
    const components = this.rule.monitors;
    if (components.length < 2) {
      fail(this, 'rule', this.rule.toString(), `a rule over at least 2 distinct monitors; it names ${components.length}`);
    }
    const stack = TerraformStack.of(this);
    for (const m of components) {
      if (TerraformStack.of(m) !== stack) {
        fail(this, 'rule', m.node.path, `monitors of the composite's own stack (${stack.node.id}); a composite cannot refer to monitors of another stack`);
      }
    }
    const backends = checkBackends(this, props.backends);
    for (const b of backends) {
      for (const m of components) {
        const r = m.renderings.find((x) => x.backend.id === b.id);
        if (!r || r.backend.kind !== b.kind) {
          fail(this, 'rule', m.node.path, `monitors rendered to every backend of the composite; this one has no ${b.kind} rendering with id ${b.id} (it has ${m.renderings.map((x) => x.backend.id).join(', ')})`);
        }
      }
      switch (b.kind) {
        case 'datadog':
          this.renderDatadog(b as DatadogBackend);
          break;
        case 'cloudwatch':
          this.renderCloudWatch(b as CloudWatchBackend, components);
          break;
        case 'grafana':
          return fail(this, 'backends', b.id, 'Datadog or CloudWatch backends: Grafana alert rules cannot refer to the state of other rules, so Grafana has no composite rule (write one rule whose query combines the signals instead)');
        default:
          fail(this, 'backends', b.id, `Datadog or CloudWatch backends (composites are not supported for ${b.kind})`);
      }
    }
    for (const t of props.targets ?? []) this.addTarget(t);
  }

  /** Notify `target` too, if it takes this composite's severity. */
  public addTarget(target: INotificationTarget): void {
    checkTarget(this, this._targets, target);
    this._targets.push(target);
    if (!Array.isArray(target.severities) || !target.severities.includes(this.severity)) return;
    for (const n of this.notifiers) n.add(target);
  }

  /** Every target, in the order added. */
  public get targets(): INotificationTarget[] {
    return [...this._targets];
  }

  /** The main resource rendered for a backend id (`datadog_monitor` or `aws_cloudwatch_composite_alarm`). */
  public resourceFor(backendId: string): TerraformResource {
    const r = this.resources.get(backendId);
    if (!r) throw new Error(`${this.node.path}: no backend with id ${backendId} (${[...this.resources.keys()].join(', ')})`);
    return r;
  }

  private renderDatadog(backend: DatadogBackend): void {
    const parent = new Construct(this, backend.id);
    const conn = backend.options.connection ?? DatadogConnection.of(this);
    for (const m of this.rule.monitors) {
      const b = m.rendering(backend.id).backend as DatadogBackend;
      if ((b.options?.connection ?? DatadogConnection.of(m)) !== conn) {
        fail(this, 'rule', m.node.path, 'monitors in the composite\'s Datadog organization (same Datadog connection)');
      }
    }
    const notes = new DatadogNotifications(this, backend, this.severity);
    // Composite monitor query: monitor ids joined with &&, ||, ! and parentheses, e.g. `123 && !456`
    // (Datadog composite monitors; `composite` is a `type` of datadog_monitor in provider 3.82.0).
    const query = this.rule._renderDatadog((m) => (m.rendering(backend.id) as DatadogRenderedMonitor).datadogMonitor.id);
    const monitor = new Monitor(parent, 'Resource', {
      name: this.basics.title,
      type: 'composite',
      query,
      message: Lazy.stringValue({ produce: () => notes.render(this.basics.message, this.basics.runbookUrl) }),
      priority: String(Severities.rank(this.severity)),
      tags: datadogTags(this, this.severity, this.basics.tags),
      renotifyInterval: this.basics.renotifyInterval,
      includeTags: true,
      provider: conn.provider,
    });
    this.resources.set(backend.id, monitor);
    this.notifiers.push(notes);
  }

  private renderCloudWatch(backend: CloudWatchBackend, components: MonitorConfig[]): void {
    const parent = new Construct(this, backend.id);
    const conn = backend._connection(this);
    for (const m of components) {
      if (backend._connection(m) !== conn) {
        fail(this, 'rule', m.node.path, 'monitors whose CloudWatch alarms are in the composite\'s AWS account and region (same AWS connection)');
      }
      if (m.title.includes('"')) fail(this, 'rule', m.title, 'monitors whose titles have no double quote (they are quoted in the CloudWatch alarm rule)');
    }
    const rule = this.rule._renderCloudWatch((m) => (m.rendering(backend.id) as CloudWatchRenderedMonitor).alarm.alarmName);
    const plain = this.rule._renderCloudWatch((m) => m.title);
    if (plain.length > CW_RULE_MAX) fail(this, 'rule', plain.length, `a CloudWatch alarm rule of at most ${CW_RULE_MAX} characters`);
    if (!claimName(this, `cloudwatch-alarm:${conn.node.path}`, this.basics.title)) {
      fail(this, 'title', this.basics.title, 'a title not used by another alarm of this stack in the same CloudWatch account and region (alarm names are unique)');
    }
    if (this.basics.renotifyInterval !== undefined) {
      Annotations.of(this).addWarning(`${this.node.path}: CloudWatch composite alarms notify once per state change; renotifyInterval applies to Datadog only`);
    }
    const actions = new CloudWatchActions(this, backend, this.severity);
    const list = Lazy.listValue({ produce: () => actions.all }, { omitEmpty: true });
    const alarm = new CloudwatchCompositeAlarm(parent, 'Resource', {
      alarmName: this.basics.title,
      alarmDescription: this.basics.message + (this.basics.runbookUrl ? `\n\nRunbook: ${this.basics.runbookUrl}` : ''),
      alarmRule: rule,
      alarmActions: list,
      okActions: list,
      tags: awsTags(this, this.severity, this.basics.tags),
      provider: conn.provider,
    });
    this.resources.set(backend.id, alarm);
    this.notifiers.push(actions);
  }
}
