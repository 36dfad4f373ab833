import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Construct } from 'constructs';
import { DatadogRenderedAlerts } from './alerts';
import { DatadogMessage } from './notify';
import { datadogTags } from './query';
import { fail } from '../../core/private/validate';
import { Severities } from '../../core/severity';
import type { CompositeMonitor } from '../../monitors/composite-monitor';
import type { DatadogBackend } from '../datadog-monitor-backend';
import { DatadogRenderedMonitor } from '../datadog-rendered-monitor';

/**
 * A Datadog composite monitor: a query over the components' monitor ids joined with &&, ||, !
 * and parentheses, e.g. `123 && !456` (Datadog composite monitors; `composite` is a `type` of
 * datadog_monitor in provider 3.82.0).
 */
export function renderDatadogComposite(c: CompositeMonitor, backend: DatadogBackend): DatadogRenderedAlerts {
  const parent = new Construct(c, backend.id);
  const conn = backend.connectionFor(c);
  const rendering = (m: CompositeMonitor['rule']['monitors'][number]) => {
    const r = m.rendering(backend.id);
    if (!(r instanceof DatadogRenderedMonitor)) {
      fail(c, 'rule', m.node.path, `monitors rendered to every backend of the composite; this one has no Datadog rendering with id ${backend.id}`);
    }
    return r;
  };
  for (const m of c.rule.monitors) {
    const r = rendering(m);
    if ((r.backend as DatadogBackend).connectionFor(m) !== conn) {
      fail(c, 'rule', m.node.path, 'monitors in the composite\'s Datadog organization (same Datadog connection)');
    }
  }
  const notifications = new DatadogMessage(c, backend, c.severity);
  const message = () => notifications.render(c.message, c.runbookUrl);
  const monitor = new Monitor(parent, 'Resource', {
    name: c.title,
    type: 'composite',
    query: c.rule._renderDatadog((m) => rendering(m).datadogMonitor.id),
    message: message(),
    priority: String(Severities.rank(c.severity)),
    tags: datadogTags(c, c.severity, c.tags),
    renotifyInterval: c.renotifyInterval,
    includeTags: true,
    provider: conn.provider,
  });
  return new DatadogRenderedAlerts(backend, [monitor], [{ severity: c.severity, monitor, notifications, message }]);
}
