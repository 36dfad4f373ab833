import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlarmRule } from './alarm-rule';
import { AlertOptions } from './alert-options';
import { AlertingConstruct } from './alerting-construct';
import { ICompositeMonitorBackend, IMonitorBackend } from './backend';
import { checkBackends, requireCapability, validateBasics, validateSeverity } from './private/alerting';
import { libraryScope } from '../core/private/template-escape';
import { fail, optionalArray } from '../core/private/validate';
import { Severity } from '../core/severity';

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
export class CompositeMonitor extends AlertingConstruct {
  /** The rule. */
  public readonly rule: AlarmRule;
  /** The severity. */
  public readonly severity: Severity;
  /** The title. */
  public readonly title: string;
  /** The message. */
  public readonly message: string;
  /**
   * Runbook URL.
   * @default - none
   */
  public readonly runbookUrl?: string;
  /** Tags, by key (sorted). */
  public readonly tags: { [key: string]: string };
  /**
   * Re-notification interval in minutes.
   * @default - none
   */
  public readonly renotifyInterval?: number;

  constructor(scope: Construct, id: string, props: CompositeMonitorProps) {
    super(scope, id);
    libraryScope(this);
    const basics = validateBasics(this, props);
    this.title = basics.title;
    this.message = basics.message;
    this.runbookUrl = basics.runbookUrl;
    this.tags = basics.tags;
    this.renotifyInterval = basics.renotifyInterval;
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
      const backend = requireCapability<ICompositeMonitorBackend>(this, b, 'renderComposite', 'composite monitors');
      for (const m of components) {
        if (!m.renderings.some((x) => x.backend.id === b.id)) {
          fail(this, 'rule', m.node.path, `monitors rendered to every backend of the composite; this one has no rendering with id ${b.id} (it has ${m.renderings.map((x) => x.backend.id).join(', ')})`);
        }
      }
      this.addRendering(backend.renderComposite(this));
    }
    for (const t of optionalArray(this, 'targets', props.targets, 'a list of notification targets')) this.addTarget(t);
  }

}
