import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import { datadog, grafana, only } from './support';
import {
  ComparisonOperator, Dashboard, DashboardBackend, MissingData, MonitorBackend, NotificationTarget, Severity, SignalKind, Slo, SloWindow, Statistic,
} from '../../src';
import { readCatalogFile } from '../../src/catalog/private/catalog-file';
import { CATALOG_LOCATORS } from '../../src/catalog/private/catalog-locator';
import { CatalogValidationError } from '../../src/catalog/private/source';
import { newStack, synthStack } from '../support/synth';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-file-'));
let n = 0;
/** Writes `text` to a new file with the extension and returns its path. */
function write(ext: string, text: string): string {
  const file = path.join(dir, `c${++n}.${ext}`);
  fs.writeFileSync(file, text);
  return file;
}

const backends = {
  datadog: MonitorBackend.datadog(),
  cloudwatch: MonitorBackend.cloudwatch(),
  grafana: MonitorBackend.grafana({ datasourceUid: 'prometheus', cloudWatchDatasourceUid: 'cloudwatch' }),
};
const oncall = NotificationTarget.email({ address: 'oncall@example.com', id: 'oncall' });
const team = NotificationTarget.email({ address: 'team@example.com', id: 'team' });
const targets = { oncall, team };

function read(file: string, extra: object = {}) {
  return readCatalogFile(newStack(), 'Catalog', { file, backends, targets, ...extra });
}

/** The problems of a file, one string per problem. */
function problems(file: string, extra: object = {}): string[] {
  try {
    read(file, extra);
  } catch (e) {
    if (!(e instanceof CatalogValidationError)) throw e;
    return e.message.split('\n').slice(1).map((l) => l.trim());
  }
  throw new Error('no problem reported');
}

const exampleDashboards = {
  datadog: DashboardBackend.datadog(),
  grafana: DashboardBackend.grafana({ datasourceUid: 'prometheus', cloudWatchDatasourceUid: 'cloudwatch' }),
};

const MONITOR = `
    title: T
    message: M
    signal: { datadog: "avg:system.cpu.user{*}" }
    comparison: ">"
    critical: 90`;

describe('YAML catalogs', () => {
  test('defaults, services and monitors become the catalog props', () => {
    const file = write('yaml', `# yaml-language-server: $schema=https://cdktf-integrations.dev/schemas/monitor-catalog.schema.json
defaults:
  backends: [datadog, cloudwatch]
  targets: [oncall]
  tags: { team: platform }
  severity: SEV3
services:
  checkout:
    tags: { tier: "1" }
    targets: [team]
    period: 1m
    monitors:
      - id: checkout.errors
        title: Checkout errors
        message: Too many errors
        signal:
          aws: { service: LAMBDA, resource: checkout, metric: Errors }
        comparison: ">="
        critical: 5
        warning: 2
        window: 5m
        missingData: NOT_BREACHING
monitors:
  - id: api.latency
    service: api
    title: API latency
    message: Slow
    signal: { datadog: "avg:trace.http.request.duration{service:api}", timeAggregation: max }
    comparison: GREATER_THAN
    critical: 2
    severity: SEV2
    runbook: https://runbooks.example.com/api
    backends: [datadog]
    renotifyInterval: 60
  - id: checkout.queue
    service: checkout
    title: Queue age
    message: Old messages
    signal:
      cloudwatch: { namespace: AWS/SQS, metric: ApproximateAgeOfOldestMessage, dimensions: { QueueName: orders }, statistic: Maximum }
    comparison: <
    critical: 1
    evaluationPeriods: 3
    datapointsToAlarm: 2
    tags: { tier: "2" }
`);
    const parsed = read(file);
    const { props } = parsed;
    expect(props.backends).toEqual([backends.datadog, backends.cloudwatch]);
    expect(props.targets).toEqual([oncall]);
    expect(props.monitors.map((m) => m.id)).toEqual(['checkout.errors', 'api.latency', 'checkout.queue']);
    const [errors, latency, queue] = props.monitors;
    expect(errors).toMatchObject({
      title: 'Checkout errors',
      message: 'Too many errors',
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL,
      critical: 5,
      warning: 2,
      period: 60,
      evaluationPeriods: 5,
      missingData: MissingData.NOT_BREACHING,
      severity: Severity.SEV3,
      tags: { team: 'platform', service: 'checkout', tier: '1' },
      targets: [team],
    });
    expect(errors.backends).toBeUndefined();
    expect(errors.signal.kind).toBe(SignalKind.CLOUDWATCH_METRIC);
    expect(errors.signal.cloudWatchMetricProps).toMatchObject({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout' }, statistic: Statistic.SUM });
    expect(latency).toMatchObject({
      comparison: ComparisonOperator.GREATER_THAN,
      severity: Severity.SEV2,
      runbookUrl: 'https://runbooks.example.com/api',
      backends: [backends.datadog],
      renotifyInterval: 60,
      tags: { team: 'platform', service: 'api' },
    });
    expect(latency.period).toBeUndefined();
    expect(latency.targets).toBeUndefined();
    expect(latency.signal.datadogQueryProps).toEqual({ query: 'avg:trace.http.request.duration{service:api}', timeAggregation: 'max' });
    expect(queue).toMatchObject({ comparison: ComparisonOperator.LESS_THAN, period: 60, evaluationPeriods: 3, datapointsToAlarm: 2, tags: { team: 'platform', service: 'checkout', tier: '2' }, targets: [team] });
    expect(queue.signal.cloudWatchMetricProps).toMatchObject({ namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: 'orders' }, statistic: Statistic.MAXIMUM });
  });

  test('the locator names the line and column of each field, and where an inherited value is set', () => {
    const file = write('yaml', `defaults:
  period: 2m
monitors:
  - id: a
${MONITOR.slice(1)}
    warning: 95
`);
    const { props } = read(file);
    const locator = CATALOG_LOCATORS.get(props)!;
    expect(locator.file).toBe(file);
    expect(locator.locate(0, 'warning')).toEqual({ line: 10, column: 14 });
    expect(locator.locate(0, 'signal')).toEqual({ line: 7, column: 13 });
    expect(locator.locate(0, 'signal.query')).toEqual({ line: 7, column: 24 });
    expect(locator.locate(0, 'period')).toEqual({ line: 2, column: 11 });
    expect(locator.locate(0, 'renotifyInterval')).toEqual({ line: 4, column: 5 });
    expect(locator.locate(1, 'critical')).toBeUndefined();
  });

  test('a JSON file is the same model', () => {
    const file = write('json', JSON.stringify({ monitors: [{ id: 'a', title: 'T', message: 'M', signal: { promql: 'up == 0' }, comparison: '<=', critical: 0, backends: ['grafana'] }] }, null, 2));
    const [m] = read(file).props.monitors;
    expect(m).toMatchObject({ id: 'a', comparison: ComparisonOperator.LESS_THAN_OR_EQUAL, backends: [backends.grafana] });
    expect(m.signal.promQlProps).toEqual({ query: 'up == 0' });
  });

  test('without backends in the file or the code defaults, the catalog is on every backend given', () => {
    const file = write('yaml', `monitors:\n  - id: a${MONITOR}\n`);
    expect(read(file).props.backends).toEqual([backends.cloudwatch, backends.datadog, backends.grafana]);
  });

  test('code defaults are the lowest level', () => {
    const file = write('yaml', `defaults:\n  severity: SEV1\nmonitors:\n  - id: a${MONITOR}\n`);
    const { props } = read(file, { defaults: { backends: ['grafana'], targets: ['team'], severity: Severity.SEV4, period: 60, tags: { env: 'prod' } } });
    expect(props.backends).toEqual([backends.grafana]);
    expect(props.targets).toEqual([team]);
    expect(props.monitors[0]).toMatchObject({ severity: Severity.SEV1, period: 60, tags: { env: 'prod' } });
  });
});

describe('bad input: every problem of a file at once, with file, line, column, field, value and what is accepted', () => {
  test('wrong type, unknown field, unknown target and unknown backend come together', () => {
    const file = write('yaml', `defaults:
  backends: [datadog, nope]
  color: red
monitors:
  - id: a
    title: T
    message: M
    signal: { datadog: "q" }
    comparison: "=>"
    critical: high
    targets: [oncall, pager]
`);
    expect(problems(file)).toEqual([
      `${file}:2:23: 'defaults.backends[1]' must be the name of one of the backends given in code (cloudwatch, datadog, grafana); received "nope"`,
      `${file}:3:10: 'defaults.color' must be a known field (backends, datapointsToAlarm, evaluationPeriods, missingData, period, renotifyInterval, runbook, severity, tags, targets, window); received color`,
      `${file}:9:17: 'monitors[0].comparison' must be one of ">", ">=", "<", "<=", "GREATER_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN", "LESS_THAN_OR_EQUAL"; received "=>"`,
      `${file}:10:15: 'monitors[0].critical' must be of type number; received "high"`,
      `${file}:11:23: 'monitors[0].targets[1]' must be the name of one of the notification targets given in code (oncall, team); received "pager"`,
    ]);
  });

  test('the error is the library\'s ValidationError naming the construct and the file', () => {
    const file = write('yaml', `monitors:\n  - id: a${MONITOR}\n    severity: SEV9\n`);
    let error: any;
    try {
      read(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogValidationError);
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(`test/Catalog: ${file} has 1 problem:\n  ${file}:8:15: 'monitors[0].severity' must be one of "SEV1", "SEV2", "SEV3", "SEV4", "SEV5"; received "SEV9"`);
    expect(error.issues).toEqual([{ file, position: { line: 8, column: 15 }, field: 'monitors[0].severity', received: '"SEV9"', accepted: 'one of "SEV1", "SEV2", "SEV3", "SEV4", "SEV5"' }]);
  });

  test('a duplicate monitor id names the first one, across services and monitors', () => {
    const file = write('yaml', `services:
  api:
    monitors:
      - id: a${MONITOR.replace(/\n {4}/g, '\n        ')}
monitors:
  - id: a${MONITOR}
  - id: a${MONITOR}
`);
    expect(problems(file)).toEqual([
      `${file}:11:9: 'monitors[0].id' must be an id no other monitor has (services.api.monitors[0], line 4 has it); received "a"`,
      `${file}:17:9: 'monitors[1].id' must be an id no other monitor has (services.api.monitors[0], line 4 has it); received "a"`,
    ]);
  });

  test('a monitor of a service may not name another service; an id must be a catalog key', () => {
    const file = write('yaml', `services:
  api:
    monitors:
      - id: Bad Id
        service: web${MONITOR.replace(/\n {4}/g, '\n        ')}
`);
    expect(problems(file)).toEqual([
      `${file}:4:13: 'services.api.monitors[0].id' must be the monitor's key in the catalog, unique: 1-128 characters of a-z, 0-9, ., _ and -, starting with a letter or digit (renaming it replaces the monitor) (matching ^[a-z0-9][a-z0-9._-]{0,127}$); received "Bad Id"`,
      `${file}:5:18: 'services.api.monitors[0].service' must be a known field (backends, comparison, critical, criticalRecovery, datapointsToAlarm, evaluationPeriods, id, message, missingData, period, renotifyInterval, runbook, severity, signal, tags, targets, title, warning, warningRecovery, window); received service`,
    ]);
  });

  test('signals: exactly one kind, every required field, timeAggregation only with datadog', () => {
    const file = write('yaml', `monitors:
  - id: a${MONITOR.replace('signal: { datadog: "avg:system.cpu.user{*}" }', 'signal: { datadog: "q", promql: "p" }')}
  - id: b${MONITOR.replace('signal: { datadog: "avg:system.cpu.user{*}" }', 'signal: { cloudwatch: { namespace: AWS/X }, timeAggregation: sum }')}
  - id: c${MONITOR.replace('signal: { datadog: "avg:system.cpu.user{*}" }', 'signal: { aws: { service: S3, resource: r, metric: m } }')}
  - id: d${MONITOR.replace('signal: { datadog: "avg:system.cpu.user{*}" }', 'signal: {}')}
`);
    expect(problems(file)).toEqual([
      `${file}:5:37: 'monitors[0].signal.promql' must be exactly one kind of signal: cloudwatch, aws, datadog, promql or nrql; received datadog and promql`,
      `${file}:11:27: 'monitors[1].signal.cloudwatch.metric' must be set (The metric name, e.g. Errors); received nothing`,
      `${file}:11:66: 'monitors[1].signal.timeAggregation' must be absent (timeAggregation only applies to a datadog query); received "sum"`,
      `${file}:17:31: 'monitors[2].signal.aws.service' must be one of "LAMBDA", "APPLICATION_LOAD_BALANCER", "SQS", "RDS", "DYNAMODB", "ECS"; received "S3"`,
      `${file}:23:13: 'monitors[3].signal' must be exactly one kind of signal: cloudwatch, aws, datadog, promql or nrql; received {}`,
    ]);
  });

  test('durations and windows', () => {
    const file = write('yaml', `monitors:
  - id: a${MONITOR}
    period: 5x
  - id: b${MONITOR}
    period: 2m
    window: 7m
  - id: c${MONITOR}
    window: 10m
    evaluationPeriods: 2
`);
    expect(problems(file)).toEqual([
      `${file}:8:13: 'monitors[0].period' must be the length of one evaluation period: whole seconds (300), or a whole number with a unit s, m, h or d ("5m", "1h") (matching ^[1-9][0-9]*(s|m|h|d)$); received "5x"`,
      `${file}:16:13: 'monitors[1].window' must be a multiple of the period (120 seconds); received "7m"`,
      `${file}:23:13: 'monitors[2].window' must be absent when evaluationPeriods is given (window sets evaluationPeriods); received "10m"`,
    ]);
  });

  test('an unknown target when the code gives none says so', () => {
    const file = write('yaml', `monitors:\n  - id: a${MONITOR}\n    targets: [oncall]\n`);
    expect(problems(file, { targets: undefined })).toEqual([
      `${file}:8:15: 'monitors[0].targets[0]' must be the name of one of the notification targets given in code, and MonitorCatalogFileOptions.targets gives none; received "oncall"`,
    ]);
  });

  test('unknown names in the code defaults have no position', () => {
    const file = write('yaml', `monitors:\n  - id: a${MONITOR}\n`);
    expect(problems(file, { defaults: { backends: ['nope'], targets: ['x'] } })).toEqual([
      `${file}: '(MonitorCatalogFileOptions) defaults.backends[0]' must be the name of one of the backends given in code (cloudwatch, datadog, grafana); received "nope"`,
      `${file}: '(MonitorCatalogFileOptions) defaults.backends' must be at least one backend; received []`,
      `${file}: '(MonitorCatalogFileOptions) defaults.targets[0]' must be the name of one of the notification targets given in code (oncall, team); received "x"`,
    ]);
  });

  test('no backend at all', () => {
    const file = write('yaml', `monitors:\n  - id: a${MONITOR}\n`);
    expect(problems(file, { backends: {} })).toEqual([`${file}: '(MonitorCatalogFileOptions) backends' must be at least one backend, by name; received {}`]);
    const empty = write('yaml', `defaults:\n  backends: []\nmonitors:\n  - id: a${MONITOR}\n`);
    expect(problems(empty)).toEqual([`${empty}:2:13: 'defaults.backends' must be at least one backend; received []`]);
  });

  test('syntax errors: every one, with its position', () => {
    const file = write('yaml', 'monitors: [\n  {id: a\n');
    const list = problems(file);
    expect(list.length).toBeGreaterThanOrEqual(1);
    for (const p of list) expect(p).toMatch(new RegExp(`^${escape(file)}:3:1: '\\(syntax\\)' must be valid YAML or JSON; received .+`));
  });

  test('JSON syntax error', () => {
    const file = write('json', '{"monitors": [}');
    expect(problems(file)[0]).toMatch(new RegExp(`^${escape(file)}:1:\\d+: '\\(syntax\\)' must be valid YAML or JSON; received `));
  });

  test('an empty file, a file of one comment, and a catalog without monitors', () => {
    for (const text of ['', '\n\n', '# nothing yet\n']) {
      const file = write('yaml', text);
      expect(problems(file)).toEqual([`${file}:1:1: '(document)' must be a catalog: an object with defaults, services and monitors; received an empty file`]);
    }
    const file = write('yaml', 'defaults:\n  severity: SEV2\n');
    expect(problems(file)).toEqual([`${file}:1:1: 'monitors' must be at least one monitor (under monitors or services.<name>.monitors); received no monitor`]);
  });

  test('a file that is not a catalog object, and a second YAML document', () => {
    const list = write('yaml', '- a\n- b\n');
    expect(problems(list)).toEqual([`${list}:1:1: '(document)' must be of type object; received ["a","b"]`]);
    const two = write('yaml', `monitors:\n  - id: a${MONITOR}\n---\nmonitors: []\n`);
    expect(problems(two)).toEqual([`${two}:9:1: '(document)' must be one document (a catalog is a single YAML document); received document 2`]);
  });

  test('options: file name, extension, unreadable file, backends', () => {
    const s = newStack();
    expect(() => readCatalogFile(s, 'C', { file: 'x.txt', backends })).toThrow("test/C: 'file' must be the path of a .yaml, .yml, .json or .csv file; received \"x.txt\"");
    expect(() => readCatalogFile(s, 'C', { file: '', backends })).toThrow("test/C: 'file' must be the path of a .yaml, .yml, .json or .csv file; received \"\"");
    expect(() => readCatalogFile(s, 'C', { file: path.join(dir, 'missing.yaml'), backends })).toThrow(/^test\/C: 'file' must be a readable file \(ENOENT/);
    expect(() => readCatalogFile(s, 'C', { file: 'a.yaml', backends: undefined as any })).toThrow("test/C: 'backends' must be a map of names to monitor backends; received undefined");
    expect(() => readCatalogFile(s, 'C', { file: 'a.yaml', backends, targets: { a: null as any } })).toThrow("test/C: 'targets.a' must be a notification target; received null");
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('CSV catalogs', () => {
  const HEADER = 'id,service,title,message,namespace,metric,dimensions,statistic,datadog_query,promql,comparison,critical,warning,period,evaluation_periods,severity,tags,targets,backends,runbook';

  test('typed columns become the same monitors as a YAML catalog', () => {
    const file = write('csv', `# monitors of the payments team
${HEADER}
pay.errors,payments,Payment errors,"Payments fail, see the runbook",AWS/Lambda,Errors,FunctionName=pay;Resource=pay:live,Sum,,,>,10,5,60,3,SEV2,team:payments;tier:1,oncall;team,cloudwatch;datadog,https://runbooks.example.com/pay

pay.latency,payments,Payment latency,Slow,,,,,avg:trace.http.request.duration{service:pay},,>=,2,,5m,,,,,datadog,
pay.up,,Payments up,Down,,,,,,up{job="pay"},<,1,,,,SEV1,,,grafana,
`);
    const { props } = read(file, { defaults: { backends: ['datadog'], tags: { env: 'prod' }, period: 120 } });
    expect(props.backends).toEqual([backends.datadog]);
    const [errors, latency, up] = props.monitors;
    expect(errors).toMatchObject({
      id: 'pay.errors',
      title: 'Payment errors',
      message: 'Payments fail, see the runbook',
      comparison: ComparisonOperator.GREATER_THAN,
      critical: 10,
      warning: 5,
      period: 60,
      evaluationPeriods: 3,
      severity: Severity.SEV2,
      tags: { env: 'prod', service: 'payments', team: 'payments', tier: '1' },
      targets: [oncall, team],
      backends: [backends.cloudwatch, backends.datadog],
      runbookUrl: 'https://runbooks.example.com/pay',
    });
    expect(errors.signal.cloudWatchMetricProps).toMatchObject({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'pay', Resource: 'pay:live' }, statistic: Statistic.SUM });
    expect(latency).toMatchObject({ comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL, critical: 2, period: 300, tags: { env: 'prod', service: 'payments' }, backends: [backends.datadog] });
    expect(latency.warning).toBeUndefined();
    expect(latency.signal.datadogQueryProps).toEqual({ query: 'avg:trace.http.request.duration{service:pay}' });
    expect(up).toMatchObject({ severity: Severity.SEV1, period: 120, tags: { env: 'prod' }, backends: [backends.grafana] });
    expect(up.signal.promQlProps).toEqual({ query: 'up{job="pay"}' });

    // Positions: the row's line and the column of the field.
    const locator = CATALOG_LOCATORS.get(props)!;
    expect(locator.locate(0, 'critical')).toEqual({ line: 3, column: columnOf(3, 'critical') });
    expect(locator.locate(1, 'signal')).toEqual({ line: 5, column: columnOf(5, 'datadog_query') });
    expect(locator.locate(1, 'signal.query')).toEqual({ line: 5, column: columnOf(5, 'datadog_query') });
    expect(locator.locate(2, 'period')).toEqual({ line: 6, column: 1 });

    function columnOf(line: number, column: string): number {
      const text = fs.readFileSync(file, 'utf8').split('\n')[line - 1];
      const index = HEADER.split(',').indexOf(column);
      // The fields of these rows hold no quoted comma except the message of line 3.
      const fields = text.replace('"Payments fail, see the runbook"', '"Payments fail; see the runbook"').split(',');
      return fields.slice(0, index).join(',').length + 2;
    }
  });

  test('an AWS metric in CSV', () => {
    const file = write('csv', 'id,title,message,aws_service,resource,metric,statistic,comparison,critical\nq.age,Queue age,Old,SQS,orders,ApproximateAgeOfOldestMessage,Maximum,>,600\n');
    const [m] = read(file).props.monitors;
    expect(m.signal.cloudWatchMetricProps).toMatchObject({ namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: 'orders' }, statistic: Statistic.MAXIMUM });
  });

  test('every bad row at once: missing and extra columns, wrong types, bad lists, unknown names, duplicates', () => {
    const file = write('csv', `id,title,message,namespace,metric,comparison,critical,tags,targets
a,T,M,AWS/Lambda,Errors,>,5,team:x,oncall
b,T,M,AWS/Lambda,Errors,>,abc,team,pager
c,T,M
d,T,M,AWS/Lambda,Errors,>,1,,,extra
a,T,"M, again",AWS/Lambda,,>,1,,
`);
    expect(problems(file)).toEqual([
      `${file}:3:27: 'row 3, critical' must be of type number; received "abc"`,
      `${file}:3:31: 'row 3, tags' must be tags as key:value separated by ;; received "team"`,
      `${file}:3:36: 'row 3, targets[0]' must be the name of one of the notification targets given in code (oncall, team); received "pager"`,
      `${file}:4:1: 'row 4' must be 9 columns, as many as the header (id, title, message, namespace, metric, comparison, critical, tags, targets); received 3 columns`,
      `${file}:5:1: 'row 5' must be 9 columns, as many as the header (id, title, message, namespace, metric, comparison, critical, tags, targets); received 10 columns`,
      `${file}:6:1: 'row 6, id' must be an id no other monitor has (row 2, line 2 has it); received "a"`,
      `${file}:6:16: 'row 6, metric' must be set (The metric name, e.g. Errors); received nothing`,
    ]);
  });

  test('header problems: unknown, repeated and missing columns', () => {
    const file = write('csv', 'id,title,bogus,title\na,T,x,T\n');
    expect(problems(file)).toEqual([
      `${file}:1:1: 'header' must be a header with the columns id, title, message, comparison, critical; received no column message`,
      `${file}:1:1: 'header' must be a header with the columns id, title, message, comparison, critical; received no column comparison`,
      `${file}:1:1: 'header' must be a header with the columns id, title, message, comparison, critical; received no column critical`,
      `${file}:1:10: 'header' must be a known column (id, service, title, message, namespace, aws_service, resource, metric, dimensions, statistic, datadog_metric, datadog_query, time_aggregation, promql, nrql, comparison, critical, warning, critical_recovery, warning_recovery, period, window, evaluation_periods, datapoints_to_alarm, missing_data, severity, runbook, renotify_interval, tags, targets, backends); received "bogus"`,
      `${file}:1:16: 'header' must be a column named once; received "title"`,
    ]);
  });

  test('syntax error, empty file, header without rows', () => {
    const bad = write('csv', 'id,title\n"a,b\n');
    expect(problems(bad)).toEqual([`${bad}:2:1: '(syntax)' must be valid CSV (RFC 4180: fields separated by commas, quoted with "); received Quote Not Closed: the parsing is finished with an opening quote at line 2`]);
    const empty = write('csv', '');
    expect(problems(empty)).toEqual([`${empty}:1:1: '(document)' must be a header row of column names and one row per monitor; received an empty file`]);
    const header = write('csv', 'id,title,message,datadog_query,comparison,critical\n');
    expect(problems(header)).toEqual([`${header}:1:1: 'monitors' must be at least one monitor (under monitors or services.<name>.monitors); received no monitor`]);
  });
});

describe('the example catalogs', () => {
  const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'catalog');
  const exampleTargets = {
    'pager': NotificationTarget.email({ address: 'pager@example.com', id: 'pager', severities: [Severity.SEV1, Severity.SEV2] }),
    'shop-team': NotificationTarget.email({ address: 'shop@example.com', id: 'shop' }),
    'payments-team': NotificationTarget.email({ address: 'payments@example.com', id: 'payments' }),
  };

  test('monitors.yaml: at least 50 monitors over Datadog, CloudWatch and Grafana, each on backends that evaluate its signal', () => {
    const { props } = readCatalogFile(newStack(), 'Shop', { file: path.join(EXAMPLE, 'monitors.yaml'), backends, targets: exampleTargets, dashboardBackends: exampleDashboards });
    expect(props.monitors.length).toBeGreaterThanOrEqual(50);
    expect(new Set(props.monitors.map((m) => m.id)).size).toBe(props.monitors.length);
    expect(props.backends).toEqual([backends.datadog, backends.cloudwatch, backends.grafana]);
    const on = (m: any) => m.backends ?? props.backends;
    for (const m of props.monitors) {
      if (m.signal.kind === SignalKind.DATADOG_QUERY) expect({ id: m.id, on: on(m) }).toEqual({ id: m.id, on: [backends.datadog] });
      if (m.signal.kind === SignalKind.PROMQL) expect({ id: m.id, on: on(m) }).toEqual({ id: m.id, on: [backends.grafana] });
    }
    const kinds = new Set(props.monitors.map((m) => m.signal.kind));
    expect([...kinds].sort()).toEqual([SignalKind.CLOUDWATCH_METRIC, SignalKind.DATADOG_QUERY, SignalKind.PROMQL]);
    // Titles are unique (Grafana rule groups are named after them, per folder).
    expect(new Set(props.monitors.map((m) => m.title)).size).toBe(props.monitors.length);
  });

  test('ledger.csv reads with its defaults from code', () => {
    const { props } = readCatalogFile(newStack(), 'Ledger', {
      file: path.join(EXAMPLE, 'ledger.csv'),
      backends,
      targets: exampleTargets,
      defaults: { backends: ['datadog', 'cloudwatch'], targets: ['pager', 'payments-team'], tags: { team: 'payments' } },
    });
    expect(props.monitors.length).toBe(8);
    expect(props.backends).toEqual([backends.datadog, backends.cloudwatch]);
    expect(props.targets).toEqual([exampleTargets.pager, exampleTargets['payments-team']]);
    expect(props.monitors[0]).toMatchObject({ id: 'ledger.errors', period: 60, evaluationPeriods: 5, severity: Severity.SEV1, tags: { team: 'payments', service: 'ledger', tier: '1' } });
    expect(props.monitors.find((m) => m.id === 'ledger.dlq')!.backends).toEqual([backends.cloudwatch]);
  });
});

describe('SLOs', () => {
  const SLO_FILE = `monitors:
  - id: a${MONITOR}
services:
  checkout:
    backends: [datadog]
    targets: [team]
    slos:
      - id: checkout.availability
        name: "checkout: availability"
        target: 99.9
        window: 7d
        good: { datadog: "sum:trace.http.request.hits{service:checkout,!http.status_class:5xx}.as_count()" }
        total: { datadog: "sum:trace.http.request.hits{service:checkout}.as_count()" }
        burnRateAlerts:
          - { urgency: PAGE, burnRate: 14.4, longWindow: 1h, shortWindow: 5m }
          - { urgency: TICKET, burnRate: 3, longWindow: 1d, shortWindow: 2h }
        pageSeverity: SEV1
`;

  test('an SLO becomes an Slo under the catalog, with its service\'s settings', () => {
    const stack = newStack();
    datadog(stack);
    const parsed = readCatalogFile(stack, 'Catalog', { file: write('yaml', SLO_FILE), backends, targets });
    const catalog = new Construct(stack, 'Catalog');
    parsed.build(catalog);
    const slo = catalog.node.findChild('Slos').node.findChild('checkout.availability') as Slo;
    expect(slo).toBeInstanceOf(Slo);
    expect(slo).toMatchObject({ name: 'checkout: availability', target: 99.9, window: SloWindow.SEVEN_DAYS, pageSeverity: Severity.SEV1, tags: { service: 'checkout' } });
    expect(slo.burnRateAlerts.map((a) => a.toString())).toEqual(['14.4x 1h/5m', '3x 1d/2h']);
    expect(slo.targets).toEqual([team]);
    expect(slo.indicator.ratioProps!.good.datadogQueryProps!.query).toBe('sum:trace.http.request.hits{service:checkout,!http.status_class:5xx}.as_count()');
    expect(slo.alertResourcesFor('Datadog')).toHaveLength(2);
  });

  test('what Slo refuses is reported at the field\'s position; schema problems of SLOs come with the others', () => {
    const stack = newStack();
    datadog(stack);
    const file = write('yaml', SLO_FILE.replace('burnRate: 3,', 'burnRate: 3000,'));
    const parsed = readCatalogFile(stack, 'Catalog', { file, backends, targets });
    expect(() => parsed.build(new Construct(stack, 'Catalog'))).toThrow(
      `test/Catalog: ${file} has 1 problem:\n  ${file}:21:42: 'services.checkout.slos[0].burnRateAlerts[1].burnRate' must be a burn rate greater than 0 and at most 1 / (1 - target) = 1000; received 3000`);
    const bad = write('yaml', SLO_FILE.replace('target: 99.9', 'target: high').replace('longWindow: 1h', 'longWindow: 90s').replace('window: 7d', 'window: 1y'));
    expect(problems(bad)).toEqual([
      `${bad}:15:17: 'services.checkout.slos[0].target' must be of type number; received "high"`,
      `${bad}:16:17: 'services.checkout.slos[0].window' must be one of "7d", "30d", "90d"; received "1y"`,
      `${bad}:20:58: 'services.checkout.slos[0].burnRateAlerts[0].longWindow' must be whole minutes (60, "5m", "1h"); received "90s"`,
    ]);
    const target = write('yaml', SLO_FILE.replace('target: 99.9', 'target: 100'));
    const s2 = newStack();
    datadog(s2);
    expect(() => readCatalogFile(s2, 'Catalog', { file: target, backends, targets }).build(new Construct(s2, 'Catalog')))
      .toThrow(`${target}:15:17: 'services.checkout.slos[0].target' must be a percentage greater than 0 and less than 100; received 100`);
  });
});

test('the example\'s SLOs build on Datadog and Grafana', () => {
  const stack = newStack();
  datadog(stack);
  grafana(stack);
  const exampleTargets = {
    'pager': NotificationTarget.email({ address: 'pager@example.com', id: 'pager', severities: [Severity.SEV1, Severity.SEV2] }),
    'shop-team': NotificationTarget.email({ address: 'shop@example.com', id: 'shop' }),
    'payments-team': NotificationTarget.email({ address: 'payments@example.com', id: 'payments' }),
  };
  const file = path.join(__dirname, '..', '..', 'examples', 'catalog', 'monitors.yaml');
  const catalog = new Construct(stack, 'Shop');
  readCatalogFile(stack, 'Shop', { file, backends, targets: exampleTargets, dashboardBackends: exampleDashboards }).build(catalog);
  const slos = catalog.node.findChild('Slos').node.children as Slo[];
  expect(slos.map((s) => s.node.id)).toEqual(['web.availability', 'search.availability']);
  expect(slos[0].tags).toEqual({ env: 'prod', team: 'shop', service: 'web' });
  expect(slos[0].targets).toEqual([exampleTargets.pager, exampleTargets['shop-team']]);
  expect(slos[0].alertResourcesFor('Datadog')).toHaveLength(3);
  expect(slos[1].alertResourcesFor('Grafana')).toHaveLength(1);
});

test('a duplicate SLO id names the first', () => {
  const slo = (id: string) => `  - id: ${id}\n    name: N\n    target: 99\n    good: { promql: a }\n    total: { promql: b }\n`;
  const file = write('yaml', `slos:\n${slo('x')}${slo('x')}`);
  expect(problems(file)).toEqual([`${file}:7:9: 'slos[1].id' must be an id no other SLO has (slos[0], line 2 has it); received "x"`]);
});

describe('dashboards', () => {
  const FILE = `monitors:
  - id: a
    service: api${MONITOR}
    warning: 80
  - id: b
    service: web${MONITOR}
dashboards:
  - id: api
    title: API
    service: api
    backends: [dd]
`;

  test('a dashboard draws a time series of each monitor\'s signal with its thresholds', () => {
    const stack = newStack();
    datadog(stack);
    const dashboardBackends = { dd: DashboardBackend.datadog() };
    const parsed = readCatalogFile(stack, 'Catalog', { file: write('yaml', FILE), backends, targets, dashboardBackends });
    const catalog = new Construct(stack, 'Catalog');
    parsed.build(catalog);
    const dashboard = catalog.node.findChild('Dashboards').node.findChild('api') as Dashboard;
    expect(dashboard).toBeInstanceOf(Dashboard);
    const json = JSON.parse(only(synthStack(stack), 'datadog_dashboard_json').dashboard);
    expect(json.title).toBe('API');
    const text = JSON.stringify(json.widgets);
    expect(text).toContain('avg:system.cpu.user{*}');
    expect(text).toContain('critical > 90');
    expect(text).toContain('warning > 80');
  });

  test('unknown dashboard backends, monitors and services are reported with their positions', () => {
    const file = write('yaml', `${FILE}  - id: api
    title: Web
    service: nope
    monitors: [a, zz]
    backends: [grafana]
`);
    expect(problems(file, { dashboardBackends: { dd: DashboardBackend.datadog() } })).toEqual([
      `${file}:22:9: 'dashboards[1].id' must be an id no other dashboard has (dashboards[0] has it); received "api"`,
      `${file}:24:14: 'dashboards[1].service' must be a service with at least one monitor in this file; received "nope"`,
      `${file}:25:19: 'dashboards[1].monitors[1]' must be the id of a monitor of this file; received "zz"`,
      `${file}:26:16: 'dashboards[1].backends[0]' must be the name of one of the dashboard backends given in code (dd); received "grafana"`,
    ]);
  });
});
