/**
 * The plugin promise: a backend declares what a target implements for it, and optional
 * capabilities (SLOs, composites, anomalies); targets and backends written outside the library
 * plug in without any change to it.
 */
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { connect, errorsSignal, monitor, only } from './fixtures';
import {
  AlarmRule, AnomalyMonitor, CloudWatchBackend, CloudWatchTargetBinding, CompositeMonitor, Errors, GrafanaBackend, GrafanaTargetBinding,
  ICloudWatchNotificationTarget, IGrafanaNotificationTarget, IMonitorBackend, IRenderedAlerts, IRenderedMonitor, ISloBackend,
  MonitorBackend, MonitorConfig, NotificationTarget, Severity, Signal, Slo, SloIndicator, grafanaL1,
} from '../../src/index';
import { newStack, synthStack } from '../support/synth';

/** An Opsgenie-style target of the user's own on CloudWatch: an HTTPS subscription to the backend's topic. */
class OpsTarget implements ICloudWatchNotificationTarget {
  public readonly targetId = 'ops-bridge';
  public readonly severities = [Severity.SEV1, Severity.SEV2];
  public readonly bound: string[] = [];

  public bindToCloudWatch(scope: IConstruct, backend: CloudWatchBackend, severity: Severity): CloudWatchTargetBinding {
    this.bound.push(`${scope.node.path}:${severity}`);
    const topic = backend.notificationTopic(scope, this.targetId);
    if (!topic.node.scope!.node.tryFindChild('Subscription')) {
      new SnsTopicSubscription(topic.node.scope as Construct, 'Subscription', {
        topicArn: topic.arn, protocol: 'https', endpoint: 'https://ops.acme.example/sns', provider: backend.connectionFor(scope).provider,
      });
    }
    return { actionArns: [topic.arn] };
  }
}

/** A Grafana target of the user's own: a contact point it creates itself. */
class TeamsTarget implements IGrafanaNotificationTarget {
  public readonly targetId = 'teams-payments';
  public readonly severities = [Severity.SEV2];

  public bindToGrafana(scope: IConstruct, backend: GrafanaBackend, _severity: Severity): GrafanaTargetBinding {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild('TeamsContactPoint');
    if (!existing) {
      new grafanaL1.contactPoint.ContactPoint(stack, 'TeamsContactPoint', {
        name: 'teams-payments', teams: [{ url: 'https://acme.webhook.office.com/x' }], provider: backend.connectionFor(scope).provider,
      });
    }
    return { contactPointName: 'teams-payments' };
  }
}

describe('targets of the user\'s own', () => {
  test('a CloudWatch target gets the backend\'s encrypted topic and subscribes to it', () => {
    const stack = newStack();
    connect(stack);
    const target = new OpsTarget();
    monitor(stack, { backends: [MonitorBackend.cloudwatch()], severity: Severity.SEV2, targets: [target] });
    monitor(stack, { title: 'checkout throttles', backends: [MonitorBackend.cloudwatch()], severity: Severity.SEV2, targets: [target] }, 'Throttles');
    const json = synthStack(stack);
    expect(target.bound).toEqual(['test/Errors:SEV2', 'test/Throttles:SEV2']);
    const topicKey = Object.keys(json.resource.aws_sns_topic)[0];
    expect(json.resource.aws_sns_topic[topicKey].kms_master_key_id).toMatch(/^\$\{aws_kms_key\./);
    const sub = only(json.resource.aws_sns_topic_subscription);
    expect(sub.topic_arn).toBe(`\${aws_sns_topic.${topicKey}.arn}`);
    for (const alarm of Object.values<any>(json.resource.aws_cloudwatch_metric_alarm)) {
      expect(alarm.alarm_actions).toEqual([`\${aws_sns_topic.${topicKey}.arn}`]);
    }
  });

  test('a Grafana target routes the rules to its own contact point', () => {
    const stack = newStack();
    connect(stack);
    monitor(stack, { backends: [MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })], severity: Severity.SEV2, targets: [new TeamsTarget()] });
    const json = synthStack(stack);
    expect(only(json.resource.grafana_contact_point).teams[0].url).toBe('https://acme.webhook.office.com/x');
    const policy = only(json.resource.grafana_notification_policy);
    expect(policy.policy).toEqual([expect.objectContaining({ contact_point: 'teams-payments', matcher: expect.arrayContaining([{ label: 'notify_teams_payments', match: '=', value: 'true' }]) })]);
    const rule = only(json.resource.grafana_rule_group).rule[0];
    expect(rule.labels.notify_teams_payments).toBe('true');
  });

  test('a target for one backend only is a synth error on another, naming both', () => {
    const stack = newStack();
    connect(stack);
    let err: unknown;
    try {
      monitor(stack, { backends: [MonitorBackend.datadog()], severity: Severity.SEV2, targets: [new OpsTarget()] });
    } catch (e) {
      err = e;
    }
    expect(Errors.isValidationError(err)).toBe(true);
    expect((err as Error).message).toBe("test/Errors: 'targets.ops-bridge' must be a target the Datadog backend \"Datadog\" can notify (a built-in target, or one implementing IDatadogNotificationTarget); \"ops-bridge\" cannot be notified through Datadog; received \"ops-bridge\"");
  });

  test('a binding with nothing to notify is a synth error, not invalid Terraform', () => {
    const stack = newStack();
    connect(stack);
    const empty: ICloudWatchNotificationTarget = { targetId: 'nothing', severities: [Severity.SEV3], bindToCloudWatch: () => ({}) };
    expect(() => monitor(stack, { backends: [MonitorBackend.cloudwatch()], targets: [empty] }))
      .toThrow(/'targets\.nothing' must be a CloudWatchTargetBinding with actionArns or viaEventBridge from the target's bindToCloudWatch \(backend CloudWatch\)/);
  });
});

/** A minimal monitor backend of the user's own: records what it is asked to render. */
class LogBackend implements IMonitorBackend {
  public readonly kind = 'log';
  public readonly id = 'Log';
  public readonly seen: string[] = [];

  public render(m: MonitorConfig): IRenderedMonitor {
    this.seen.push(`monitor ${m.title}`);
    const backend = this;
    return { backend, resource: undefined as any, addTarget: (t) => backend.seen.push(`target ${t.targetId}`) };
  }
}

class LogSloBackend extends LogBackend implements ISloBackend {
  public renderSlo(slo: Slo): IRenderedAlerts {
    this.seen.push(`slo ${slo.name} ${slo.burnRateAlerts.map((a) => `${a.toString()}=${slo.severityOf(a)}`).join(', ')}`);
    const backend = this;
    return { backend, resources: [], addTarget: (t) => backend.seen.push(`slo target ${t.targetId}`) };
  }
}

describe('backends of the user\'s own', () => {
  const ratio = () => SloIndicator.ratio({
    good: Signal.datadogQuery({ query: 'sum:checkout.requests.ok{*}.as_count()' }),
    total: Signal.datadogQuery({ query: 'sum:checkout.requests{*}.as_count()' }),
  });

  test('a backend without SLO support is a synth error naming it; one with renderSlo renders the SLO', () => {
    const stack = newStack();
    connect(stack);
    expect(() => new Slo(stack, 'NoSlo', { name: 'checkout', target: 99.9, indicator: ratio(), backends: [new LogBackend()] }))
      .toThrow("test/NoSlo: 'backends' must be backends that can render SLOs (implementing renderSlo); the log backend \"Log\" cannot; received \"Log\"");
    const backend = new LogSloBackend();
    const slo = new Slo(stack, 'Slo', {
      name: 'checkout', target: 99.9, indicator: ratio(), backends: [backend], targets: [NotificationTarget.email({ address: 'oncall@acme.example' })],
    });
    expect(backend.seen).toEqual(['slo checkout 14.4x 1h/5m=SEV2, 6x 6h/30m=SEV2, 3x 1d/2h=SEV4', 'slo target email-oncall-at-acme-example']);
    expect(slo.alertRenderings.map((r) => r.backend)).toEqual([backend]);
  });

  test('composite and anomaly monitors name the backend that cannot render them', () => {
    const stack = newStack();
    connect(stack);
    const log = new LogBackend();
    const a = monitor(stack, { backends: [MonitorBackend.datadog(), log] }, 'A');
    const b = monitor(stack, { title: 'b', backends: [MonitorBackend.datadog(), log] }, 'B');
    expect(() => new CompositeMonitor(stack, 'Both', { title: 'both', message: 'x', rule: AlarmRule.allOf(AlarmRule.monitor(a), AlarmRule.monitor(b)), backends: [log] }))
      .toThrow("test/Both: 'backends' must be backends that can render composite monitors (implementing renderComposite); the log backend \"Log\" cannot; received \"Log\"");
    expect(() => new AnomalyMonitor(stack, 'Odd', { title: 'odd', message: 'x', signal: errorsSignal(), backends: [log] }))
      .toThrow("test/Odd: 'backends' must be backends that can render anomaly monitors (implementing renderAnomaly); the log backend \"Log\" cannot; received \"Log\"");
    // the built-in Grafana backend refuses with its own reason
    expect(() => new AnomalyMonitor(stack, 'OddG', { title: 'odd', message: 'x', signal: errorsSignal(), backends: [MonitorBackend.grafana({ datasourceUid: 'cw' })] }))
      .toThrow(/Grafana has no built-in anomaly detection/);
  });
});
