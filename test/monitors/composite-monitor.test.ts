import { CloudwatchCompositeAlarm } from '@cdktf/provider-aws/lib/cloudwatch-composite-alarm';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { TerraformStack } from 'cdktf';
import { connect, monitor, only } from './fixtures';
import {
  Severity,
  AlarmRule, AwsService, CompositeMonitor, CompositeMonitorProps, MonitorBackend, MonitorConfig, NotificationTarget, Signal,
} from '../../src/index';
import { newStack, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

const ddcw = () => [MonitorBackend.datadog(), MonitorBackend.cloudwatch()];

function components(stack: TerraformStack, backends = ddcw()): [MonitorConfig, MonitorConfig, MonitorConfig] {
  const latency = Signal.awsMetric(AwsService.LAMBDA, 'checkout', 'Duration');
  return [
    monitor(stack, { backends, title: 'errors' }, 'Errors'),
    monitor(stack, { backends, title: 'latency', signal: latency, critical: 3000 }, 'Latency'),
    monitor(stack, { backends, title: 'deploying', critical: 0 }, 'Deploying'),
  ];
}

function composite(stack: TerraformStack, props: Partial<CompositeMonitorProps> = {}): CompositeMonitor {
  const [a, b, c] = components(stack);
  return new CompositeMonitor(stack, 'Composite', {
    title: 'checkout degraded',
    message: 'Errors and latency are both high.',
    rule: AlarmRule.allOf(AlarmRule.monitor(a), AlarmRule.anyOf(AlarmRule.monitor(b), AlarmRule.not(AlarmRule.monitor(c)))),
    backends: ddcw(),
    ...props,
  });
}

describe('AlarmRule', () => {
  test('lists its distinct monitors and prints with titles', () => {
    const stack = newStack();
    connect(stack);
    const [a, b] = components(stack);
    const rule = AlarmRule.anyOf(AlarmRule.monitor(a), AlarmRule.allOf(AlarmRule.monitor(b), AlarmRule.not(AlarmRule.monitor(a))));
    expect(rule.monitors).toEqual([a, b]);
    expect(rule.toString()).toBe('ANY("errors", ALL("latency", NOT("errors")))');
  });
});

describe('CompositeMonitor', () => {
  test('Datadog: a composite monitor over the components\' ids; CloudWatch: a composite alarm over their alarm names', () => {
    const stack = newStack();
    const { pagerDuty } = connect(stack);
    expect(pagerDuty).toBeDefined();
    const c = composite(stack, {
      severity: Severity.SEV2,
      tags: { team: 'payments' },
      targets: [
        NotificationTarget.email({ address: 'oncall@acme.example', severities: [Severity.SEV1, Severity.SEV2] }),
        NotificationTarget.email({ address: 'team@acme.example', severities: [Severity.SEV4] }),
      ],
    });
    const json = synthStack(stack);
    const dd = Object.entries<any>(json.resource.datadog_monitor).find(([, m]) => m.type === 'composite')!;
    const ids = Object.entries<any>(json.resource.datadog_monitor).reduce<Record<string, string>>((acc, [k, m]) => ({ ...acc, [m.name]: k }), {});
    expect(dd[1]).toEqual({
      name: 'checkout degraded',
      type: 'composite',
      query: `\${datadog_monitor.${ids.errors}.id} && (\${datadog_monitor.${ids.latency}.id} || !\${datadog_monitor.${ids.deploying}.id})`,
      message: 'Errors and latency are both high.\n\n{{#is_alert}}@oncall@acme.example{{/is_alert}}\n\n{{#is_recovery}}@oncall@acme.example{{/is_recovery}}',
      priority: '2',
      tags: ['severity:sev2', 'team:payments'],
      include_tags: true,
      provider: 'datadog',
    });
    const alarmKey = (name: string) => Object.entries<any>(json.resource.aws_cloudwatch_metric_alarm).find(([, a]) => a.alarm_name === name)![0];
    const cw = only(json.resource.aws_cloudwatch_composite_alarm);
    expect(cw.alarm_name).toBe('checkout degraded');
    expect(cw.alarm_rule).toBe(`ALARM("\${aws_cloudwatch_metric_alarm.${alarmKey('errors')}.alarm_name}") AND `
      + `(ALARM("\${aws_cloudwatch_metric_alarm.${alarmKey('latency')}.alarm_name}") OR NOT ALARM("\${aws_cloudwatch_metric_alarm.${alarmKey('deploying')}.alarm_name}"))`);
    expect(cw.alarm_actions).toHaveLength(1);
    expect(cw.alarm_actions[0]).toMatch(/^\$\{aws_sns_topic\..*oncall.*\.arn\}$/);
    expect(cw.ok_actions).toEqual(cw.alarm_actions);
    expect(cw.tags).toEqual({ severity: 'sev2', team: 'payments' });
    expect(c.resourceFor('Datadog')).toBeInstanceOf(Monitor);
    expect(c.resourceFor('CloudWatch')).toBeInstanceOf(CloudwatchCompositeAlarm);

    const result = validator.validate(awsPart(json)!.json);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('targets added later are notified; other severities are not', () => {
    const stack = newStack();
    connect(stack);
    const c = composite(stack, { backends: [MonitorBackend.datadog()] });
    c.addTarget(NotificationTarget.email({ address: 'late@acme.example' }));
    c.addTarget(NotificationTarget.email({ address: 'sev1@acme.example', severities: [Severity.SEV1] }));
    const dd = Object.values<any>(synthStack(stack).resource.datadog_monitor).find((m) => m.type === 'composite');
    expect(dd.message).toContain('{{#is_alert}}@late@acme.example{{/is_alert}}');
    expect(dd.message).not.toContain('sev1@acme.example');
    expect(c.targets).toHaveLength(2);
  });

  test('fewer than 2 distinct components is an error', () => {
    const stack = newStack();
    connect(stack);
    const [a] = components(stack);
    expect(() => new CompositeMonitor(stack, 'Composite', {
      title: 'x', message: 'x', backends: ddcw(), rule: AlarmRule.allOf(AlarmRule.monitor(a), AlarmRule.not(AlarmRule.monitor(a))),
    })).toThrow('test/Composite: \'rule\' must be a rule over at least 2 distinct monitors; it names 1; received "ALL(\\"errors\\", NOT(\\"errors\\"))"');
  });

  test('a component not rendered to the composite\'s backend is an error', () => {
    const stack = newStack();
    connect(stack);
    const a = monitor(stack, { backends: [MonitorBackend.datadog()], title: 'a' }, 'A');
    const b = monitor(stack, { backends: [MonitorBackend.datadog()], title: 'b' }, 'B');
    expect(() => new CompositeMonitor(stack, 'Composite', {
      title: 'x', message: 'x', backends: [MonitorBackend.cloudwatch()], rule: AlarmRule.anyOf(AlarmRule.monitor(a), AlarmRule.monitor(b)),
    })).toThrow('test/Composite: \'rule\' must be monitors rendered to every backend of the composite; this one has no rendering with id CloudWatch (it has Datadog); received "test/A"');
  });

  test('a component of another stack is an error', () => {
    const stack = newStack();
    connect(stack);
    const other = new TerraformStack(stack.node.scope as any, 'other');
    connect(other);
    const a = monitor(stack, { title: 'a' }, 'A');
    const b = monitor(other, { title: 'b' }, 'B');
    expect(() => new CompositeMonitor(stack, 'Composite', {
      title: 'x', message: 'x', backends: [MonitorBackend.datadog()], rule: AlarmRule.anyOf(AlarmRule.monitor(a), AlarmRule.monitor(b)),
    })).toThrow('test/Composite: \'rule\' must be monitors of the composite\'s own stack (test); a composite cannot refer to monitors of another stack; received "other/B"');
  });

  test('Grafana has no composite rule', () => {
    const stack = newStack();
    connect(stack);
    const g = () => MonitorBackend.grafana({ datasourceUid: 'cloudwatch' });
    const a = monitor(stack, { title: 'a', backends: [g()] }, 'A');
    const b = monitor(stack, { title: 'b', backends: [g()] }, 'B');
    expect(() => new CompositeMonitor(stack, 'Composite', {
      title: 'x', message: 'x', backends: [g()], rule: AlarmRule.anyOf(AlarmRule.monitor(a), AlarmRule.monitor(b)),
    })).toThrow('test/Composite: \'backends\' must be Datadog or CloudWatch backends: Grafana alert rules cannot refer to the state of other rules, so Grafana has no composite rule (write one rule whose query combines the signals instead); received "Grafana"');
  });

  test('a rule with a non-AlarmRule operand is an error, not a TypeError', () => {
    const stack = newStack();
    connect(stack);
    expect(() => new CompositeMonitor(stack, 'Composite', {
      title: 'x', message: 'x', backends: ddcw(), rule: AlarmRule.allOf(undefined as any),
    })).toThrow('test/Composite: \'rule\' must be a well-formed AlarmRule (operands must be AlarmRule values); received "ALL(undefined)"');
  });

  test('a malformed rule is an error', () => {
    const stack = newStack();
    connect(stack);
    expect(() => new CompositeMonitor(stack, 'Composite', {
      title: 'x', message: 'x', backends: ddcw(), rule: AlarmRule.anyOf(),
    })).toThrow('test/Composite: \'rule\' must be a well-formed AlarmRule (anyOf() needs at least one rule); received "ANY()"');
    expect(() => new CompositeMonitor(stack, 'Composite2', {
      title: 'x', message: 'x', backends: ddcw(), rule: 'a && b' as any,
    })).toThrow('test/Composite2: \'rule\' must be an AlarmRule (AlarmRule.monitor(m), allOf(...), anyOf(...), not(...)); received "a && b"');
  });
});
