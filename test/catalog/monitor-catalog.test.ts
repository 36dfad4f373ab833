import { TerraformStack } from 'cdktf';
import {
  CatalogMonitor, ComparisonOperator, DatadogStackTags, EmailTarget, Errors, MissingData, MonitorBackend, MonitorCatalog, MonitorConfig,
  NewRelicConnection, Secret, Severity, Signal, Statistic,
} from '../../src';
import { allBackends, connect } from '../monitors/fixtures';
import { checkResource } from '../support/datadog-api-contract';
import { resourcesOf } from '../support/datadog-corpus';
import { instancesOf } from '../support/for-each';
import { findCopiedNames } from '../support/references';
import { checkStack, formatFinding, librarySchemas } from '../support/schema-conformance';
import { newStack, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

const lambda = (fn: string, metricName = 'Errors', statistic = Statistic.SUM) =>
  Signal.cloudWatchMetric({ namespace: 'AWS/Lambda', metricName, dimensions: { FunctionName: fn }, statistic });

/** A monitor definition with overrides. */
function def(id: string, over: Partial<CatalogMonitor> = {}): CatalogMonitor {
  return {
    id,
    title: `${id} errors`,
    message: `The ${id} function fails.`,
    signal: lambda(id),
    comparison: ComparisonOperator.GREATER_THAN,
    critical: 10,
    ...over,
  };
}

/** A value of `for_each` substituted into a resource: what Terraform evaluates for that key. */
function evaluate(resource: Record<string, any>, key: string): Record<string, any> {
  expect(resource.for_each[key]).toBeDefined();
  const instance = instancesOf('r', resource).find(([name]) => name === `r[${JSON.stringify(key)}]`)!;
  return normalize(instance[1]);
}

/** Unset arguments: Terraform reads null, an absent argument and an empty action list alike. */
function normalize(v: any): any {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    const out: Record<string, any> = {};
    for (const k of Object.keys(v).sort()) {
      const x = v[k];
      if (x === null || x === undefined || (Array.isArray(x) && x.length === 0)) continue;
      out[k] = normalize(x);
    }
    return out;
  }
  return v;
}

function only(json: any, type: string): [string, any] {
  const entries = Object.entries<any>(json.resource[type] ?? {});
  expect(entries).toHaveLength(1);
  return entries[0];
}

function build(f: (s: TerraformStack, c: ReturnType<typeof connect>) => void): any {
  const s = newStack();
  const c = connect(s);
  f(s, c);
  return synthStack(s);
}

describe('MonitorCatalog renders with for_each', () => {
  const defs = (page: EmailTarget, mail: EmailTarget): CatalogMonitor[] => [
    def('checkout', { warning: 5, severity: Severity.SEV1, runbookUrl: 'https://runbooks.acme.example/checkout', tags: { team: 'payments' }, targets: [page] }),
    def('orders', { comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL, critical: 3, missingData: MissingData.NOT_BREACHING, period: 60, evaluationPeriods: 5, datapointsToAlarm: 3 }),
    def('latency', { signal: lambda('checkout', 'Duration', Statistic.percentile(99)), critical: 2000, criticalRecovery: 1500, renotifyInterval: 60, targets: [mail] }),
  ];
  const targets = () => ({
    page: new EmailTarget({ address: 'oncall@acme.example', severities: [Severity.SEV1] }),
    mail: new EmailTarget({ address: 'team@acme.example' }),
  });

  test('each backend gets one resource per kind keyed by monitor id, and each key evaluates to what MonitorConfig renders', () => {
    const catalogJson = build((s) => {
      const t = targets();
      new MonitorCatalog(s, 'Catalog', { backends: allBackends(), monitors: defs(t.page, t.mail), targets: [t.mail] });
    });
    const configJson = build((s) => {
      const t = targets();
      for (const d of defs(t.page, t.mail)) {
        const { id, targets: own, ...rest } = d;
        new MonitorConfig(s, id, { ...rest, backends: allBackends(), targets: [...(own ?? []), ...(own?.includes(t.mail) ? [] : [t.mail])] });
      }
    });
    // Datadog: one datadog_monitor with for_each.
    const [, ddCatalog] = only(catalogJson, 'datadog_monitor');
    expect(Object.keys(ddCatalog.for_each).sort()).toEqual(['checkout', 'latency', 'orders']);
    for (const [name, r] of Object.entries<any>(configJson.resource.datadog_monitor)) {
      const key = name.split('_')[0];
      expect(evaluate(ddCatalog, key)).toEqual(normalize(r));
    }
    // CloudWatch: the critical alarms and the warning alarms (only `checkout` has a warning).
    const cwCatalog = Object.entries<any>(catalogJson.resource.aws_cloudwatch_metric_alarm);
    expect(cwCatalog).toHaveLength(2);
    const [critical, warning] = [cwCatalog.find(([n]) => n.includes('_Alarms_'))![1], cwCatalog.find(([n]) => n.includes('_WarningAlarms_'))![1]];
    expect(Object.keys(warning.for_each)).toEqual(['checkout']);
    for (const [name, r] of Object.entries<any>(configJson.resource.aws_cloudwatch_metric_alarm)) {
      const key = name.split('_')[0];
      expect(evaluate(name.includes('_Warning_') ? warning : critical, key)).toEqual(normalize(r));
    }
    // Grafana: a group per monitor; a MonitorConfig's warning rule is in its own group here.
    const groups = Object.entries<any>(catalogJson.resource.grafana_rule_group);
    expect(groups).toHaveLength(2);
    const rules = groups.find(([n]) => n.includes('_RuleGroups_'))![1];
    const warningRules = groups.find(([n]) => n.includes('_WarningRuleGroups_'))![1];
    for (const [name, r] of Object.entries<any>(configJson.resource.grafana_rule_group)) {
      const key = name.split('_')[0];
      const expected = normalize(r);
      const [criticalRule, warningRule] = expected.rule;
      expect(evaluate(rules, key)).toEqual({ ...expected, rule: [criticalRule] });
      if (warningRule) {
        expect(evaluate(warningRules, key)).toEqual({ ...expected, name: warningRule.name, rule: [warningRule] });
      } else {
        expect(warningRules.for_each[key]).toBeUndefined();
      }
    }
  });

  test('targets hear only the severities they take; a catalog-wide target is added to every monitor', () => {
    const json = build((s) => {
      const t = targets();
      new MonitorCatalog(s, 'Catalog', { backends: [MonitorBackend.datadog()], monitors: defs(t.page, t.mail), targets: [t.mail] });
    });
    const [, dd] = only(json, 'datadog_monitor');
    expect(dd.for_each.checkout.message).toContain('@oncall@acme.example');
    expect(dd.for_each.checkout.message).toContain('@team@acme.example');
    expect(dd.for_each.orders.message).not.toContain('@oncall@acme.example');
    expect(dd.for_each.orders.message).toContain('@team@acme.example');
  });

  test('adding or removing a monitor leaves the other monitors\' addresses and values as they were', () => {
    const render = (ids: string[]) => build((s) => {
      new MonitorCatalog(s, 'Catalog', { backends: allBackends(), monitors: ids.map((id) => def(id)) });
    });
    const before = render(['a', 'b', 'c']);
    const after = render(['a', 'c', 'd']);
    for (const type of ['datadog_monitor', 'aws_cloudwatch_metric_alarm', 'grafana_rule_group']) {
      const [nameBefore, rb] = only(before, type);
      const [nameAfter, ra] = only(after, type);
      expect(nameAfter).toBe(nameBefore);
      expect(ra.for_each.a).toEqual(rb.for_each.a);
      expect(ra.for_each.c).toEqual(rb.for_each.c);
      expect(ra.for_each.b).toBeUndefined();
    }
  });

  test('user text is escaped for Terraform templates inside the for_each values; references stay references', () => {
    const json = build((s) => {
      new MonitorCatalog(s, 'Catalog', {
        backends: allBackends(),
        monitors: [def('x', { title: 'cost ${var.secret} %{if true}', message: 'see ${path}', targets: [new EmailTarget({ address: 'a@acme.example' })] })],
      });
    });
    const [, dd] = only(json, 'datadog_monitor');
    expect(dd.for_each.x.name).toBe('cost $${var.secret} %%{if true}');
    expect(dd.for_each.x.message).toContain('see $${path}');
    const [, cw] = only(json, 'aws_cloudwatch_metric_alarm');
    expect(cw.for_each.x.alarm_name).toBe('cost $${var.secret} %%{if true}');
    expect(cw.for_each.x.alarm_actions[0]).toMatch(/^\$\{aws_sns_topic\.[^.]+\.arn\}$/);
    const [, g] = only(json, 'grafana_rule_group');
    expect(g.for_each.x.annotations.summary).toBe('cost $${var.secret} %%{if true}');
    expect(g.folder_uid).toMatch(/^\$\{grafana_folder\.[^.]+\.uid\}$/);
  });

  test('a monitor a backend cannot render with for_each, and a backend without catalog rendering, get a MonitorConfig', () => {
    let catalog!: MonitorCatalog;
    const json = build((s) => {
      const expression = Signal.cloudWatchExpression({ expression: 'errors / invocations * 100', usingMetrics: { errors: lambda('a'), invocations: lambda('a', 'Invocations') } });
      new NewRelicConnection(s, 'NewRelic', { accountId: 1234567, apiKey: Secret.fromTerraformVariable(s, 'NrKey', { variableName: 'nr_key' }), testConnection: false });
      catalog = new MonitorCatalog(s, 'Catalog', {
        backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()],
        monitors: [def('plain'), def('ratio', { signal: expression, backends: [MonitorBackend.cloudwatch()] }), def('nr', { backends: [MonitorBackend.newRelic()], signal: Signal.nrql({ query: "SELECT count(*) FROM Transaction WHERE appName = 'checkout'" }) })],
      });
    });
    expect(catalog.monitorConfig('ratio')).toBeInstanceOf(MonitorConfig);
    expect(catalog.monitorConfig('nr')).toBeInstanceOf(MonitorConfig);
    expect(catalog.monitorConfig('plain')).toBeUndefined();
    expect(catalog.rendering('CloudWatch').resources).toHaveLength(1);
    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    expect(alarms.filter((a) => a.for_each)).toHaveLength(1);
    expect(alarms.find((a) => !a.for_each).metric_query).toHaveLength(3);
    expect(Object.keys(json.resource.newrelic_nrql_alert_condition)).toHaveLength(1);
    expect(() => catalog.rendering('Grafana')).toThrow(/no catalog rendering by a backend with id Grafana/);
  });

  test('stack-wide Datadog tags (a tenant\'s) reach every catalog monitor', () => {
    const json = build((s) => {
      DatadogStackTags.add(s, { tenant: 'acme' });
      new MonitorCatalog(s, 'Catalog', { backends: [MonitorBackend.datadog()], monitors: [def('a', { tags: { team: 'payments' } }), def('b', { tags: { tenant: 'other' } })] });
    });
    const [, dd] = only(json, 'datadog_monitor');
    expect(dd.tags).toBe('${each.value.tags}');
    expect(dd.for_each.a.tags).toEqual(['severity:sev3', 'team:payments', 'tenant:acme']);
    expect(dd.for_each.b.tags).toEqual(['severity:sev3', 'tenant:acme']);
  });

  test('synthesis is deterministic', () => {
    const once = () => JSON.stringify(build((s) => {
      new MonitorCatalog(s, 'Catalog', { backends: allBackends(), monitors: ['b', 'a', 'c'].map((id) => def(id, { warning: 5 })) });
    }));
    expect(once()).toBe(once());
  });
});

describe('MonitorCatalog bad input: every problem at once', () => {
  const problems = (monitors: any[], backends = allBackends()): string => {
    const s = newStack();
    connect(s);
    try {
      new MonitorCatalog(s, 'Catalog', { backends, monitors });
    } catch (e) {
      expect(Errors.isValidationError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error('no error');
  };

  test('bad id, duplicate id, threshold on the wrong side and a signal a backend cannot evaluate, in one error', () => {
    const msg = problems([
      def('Bad Id'),
      def('dup'),
      def('dup'),
      def('sides', { warning: 20 }),
      def('dd-only', { signal: Signal.datadogQuery({ query: 'avg:system.load.1{service:checkout}' }) }),
    ]);
    expect(msg).toMatch(/^test\/Catalog: monitors has 5 problems:/);
    expect(msg).toContain('\'monitors["Bad Id"].id\' must be a catalog id: 1-128 characters of a-z, 0-9');
    expect(msg).toContain('received "Bad Id"');
    expect(msg).toContain('\'monitors["dup"].id\' must be an id used once in the catalog (monitors[1] has it)');
    expect(msg).toContain('\'monitors["sides"].warning\' must be below critical (10) for the comparison >; received 20');
    expect(msg).toMatch(/'monitors\["dd-only"\]\.signal' must be a signal the CloudWatch backend can evaluate/);
    expect(msg).toMatch(/'monitors\["dd-only"\]\.signal' must be a signal the Grafana backend can evaluate/);
  });

  test('no backends, a monitor that is not an object, a target that is not one', () => {
    expect(problems([def('a')], [])).toMatch(/'backends' must be a non-empty list of backends/);
    expect(problems([null, def('b')])).toMatch(/'monitors\[0\]' must be an element of a list of CatalogMonitor, not null or undefined; received null/);
    const msg = problems([def('a', { targets: [{} as any] }), def('b', { critical: Number.NaN })]);
    expect(msg).toMatch(/2 problems/);
    expect(msg).toMatch(/'monitors\["a"\]\.targets/);
    expect(msg).toMatch(/'monitors\["b"\]\.critical' must be a finite number; received NaN/);
  });

  test('names taken by another monitor of the stack are refused on CloudWatch and Grafana', () => {
    const s = newStack();
    connect(s);
    new MonitorConfig(s, 'Existing', { ...def('x'), backends: allBackends() });
    expect(() => new MonitorCatalog(s, 'Catalog', { backends: allBackends(), monitors: [def('x')] }))
      .toThrow(/'monitors\["x"\]\.title' must be a title not used by another monitor/);
  });
});

describe('MonitorCatalog: terraform validate over the AWS part', () => {
  let validator: TerraformValidator;
  beforeAll(() => {
    validator = new TerraformValidator();
  });
  afterAll(() => validator?.dispose());

  test('the for_each alarms are valid Terraform for the real AWS provider', () => {
    const json = build((s) => {
      new MonitorCatalog(s, 'Catalog', {
        backends: [MonitorBackend.cloudwatch()],
        monitors: [def('a', { warning: 5 }), def('b', { signal: lambda('b', 'Duration', Statistic.percentile(99)), targets: [new EmailTarget({ address: 'a@acme.example' })] }), def('c', { missingData: MissingData.BREACHING })],
      });
    });
    const result = validator.validate(awsPart(json)!.json);
    expect(result.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('MonitorCatalog: each instance passes the provider schemas, Datadog\'s API models and the reference check', () => {
  const catalogJson = () => build((s) => {
    new MonitorCatalog(s, 'Catalog', {
      backends: allBackends(),
      monitors: [def('a', { warning: 5, criticalRecovery: 8 }), def('b', { signal: lambda('b', 'Duration', Statistic.percentile(99)), renotifyInterval: 30 }), def('c', { missingData: MissingData.BREACHING })],
      targets: [new EmailTarget({ address: 'team@acme.example' })],
    });
  });

  test('no finding; and a wrong type in one for_each value is found at that instance', () => {
    const json = catalogJson();
    const schemas = librarySchemas();
    expect(checkStack(json, schemas).findings.map(formatFinding)).toEqual([]);
    const monitors = resourcesOf(json, 'datadog_monitor');
    expect(monitors.map(([a]) => a.replace(/\.[^.[]+\[/, '.X['))).toEqual(['datadog_monitor.X["a"]', 'datadog_monitor.X["b"]', 'datadog_monitor.X["c"]']);
    for (const [, body] of monitors) expect(checkResource('datadog_monitor', body)).toEqual([]);
    expect(findCopiedNames(json)).toEqual([]);

    // Negative controls: the checks evaluate each instance, not the expressions.
    const [name, alarm] = Object.entries<any>(json.resource.aws_cloudwatch_metric_alarm).find(([n]) => n.includes('_Alarms_'))!;
    alarm.for_each.b.evaluation_periods = 'five';
    const [ddName, dd] = Object.entries<any>(json.resource.datadog_monitor)[0];
    dd.for_each.c.priority = 'urgent';
    const findings = checkStack(json, schemas).findings.map(formatFinding);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain(`aws_cloudwatch_metric_alarm.${name}["b"]`);
    expect(findings[0]).toContain('evaluation_periods');
    expect(checkResource('datadog_monitor', resourcesOf(json, 'datadog_monitor').find(([a]) => a === `datadog_monitor.${ddName}["c"]`)![1]).length).toBeGreaterThan(0);
  });
});
