import { CloudwatchCompositeAlarm } from '@cdktf/provider-aws/lib/cloudwatch-composite-alarm';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { CloudWatchRenderedAlerts, describeAlarm } from './alerts';
import { CloudWatchActions } from './notify';
import { awsTags } from '../../aws/private/tags';
import { claimName } from '../../core/private/stack-registry';
import { fail } from '../../core/private/validate';
import type { CompositeMonitor } from '../../monitors/composite-monitor';
import type { MonitorConfig } from '../../monitors/monitor-config';
import type { CloudWatchBackend } from '../cloudwatch-monitor-backend';
import { CloudWatchRenderedMonitor } from '../cloudwatch-rendered-monitor';

// PutCompositeAlarm: AlarmRule is at most 10,240 characters (terraform-provider-aws docs,
// r/cloudwatch_composite_alarm: "The maximum length is 10240 characters").
const RULE_MAX = 10_240;

/** A CloudWatch composite alarm: a rule such as `ALARM("a") AND NOT ALARM("b")` over the components' critical alarms. */
export function renderCloudWatchComposite(c: CompositeMonitor, backend: CloudWatchBackend): CloudWatchRenderedAlerts {
  const parent = new Construct(c, backend.id);
  const conn = backend.connectionFor(c);
  const rendering = (m: MonitorConfig) => {
    const r = m.rendering(backend.id);
    if (!(r instanceof CloudWatchRenderedMonitor)) {
      fail(c, 'rule', m.node.path, `monitors rendered to every backend of the composite; this one has no CloudWatch rendering with id ${backend.id}`);
    }
    return r;
  };
  for (const m of c.rule.monitors) {
    if ((rendering(m).backend as CloudWatchBackend).connectionFor(m) !== conn) {
      fail(c, 'rule', m.node.path, 'monitors whose CloudWatch alarms are in the composite\'s AWS account and region (same AWS connection)');
    }
    if (m.title.includes('"')) fail(c, 'rule', m.title, 'monitors whose titles have no double quote (they are quoted in the CloudWatch alarm rule)');
  }
  const rule = c.rule._renderCloudWatch((m) => rendering(m).alarm.alarmName);
  const plain = c.rule._renderCloudWatch((m) => m.title);
  if (plain.length > RULE_MAX) fail(c, 'rule', plain.length, `a CloudWatch alarm rule of at most ${RULE_MAX} characters`);
  if (!claimName(c, `cloudwatch-alarm:${conn.node.path}`, c.title)) {
    fail(c, 'title', c.title, 'a title not used by another alarm of this stack in the same CloudWatch account and region (alarm names are unique)');
  }
  if (c.renotifyInterval !== undefined) {
    Annotations.of(c).addWarning(`${c.node.path}: CloudWatch composite alarms notify once per state change; renotifyInterval applies to Datadog only`);
  }
  const alarm = new CloudwatchCompositeAlarm(parent, 'Resource', {
    alarmName: c.title,
    alarmDescription: describeAlarm(c.message, c.runbookUrl),
    alarmRule: rule,
    tags: awsTags(c, c.severity, c.tags),
    provider: conn.provider,
  });
  return new CloudWatchRenderedAlerts(backend, [alarm], [{ severity: c.severity, alarm, actions: new CloudWatchActions(c, backend, c.severity) }]);
}
