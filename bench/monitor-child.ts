/**
 * One measurement of the monitor benchmark, in a fresh process:
 *   ts-node bench/monitor-child.ts <library|catalog|l1> <count> <outdir>
 * Builds <count> monitors rendered to Datadog, CloudWatch and Grafana — through MonitorConfig
 * ("library"), through one MonitorCatalog ("catalog", for_each per backend), or as hand-written
 * L1 resources that emit the same Terraform ("l1") — synthesizes the app, and prints one JSON
 * line: the time of build + synth, the RSS, the number of resource instances and a digest of
 * the normalised instances (equal digests prove equal output; a for_each resource counts as
 * one instance per key, each evaluated from its value).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AwsConnection, AwsService, CatalogMonitor, ComparisonOperator, DatadogConnection, GrafanaAuth, GrafanaConnection, MonitorBackend,
  MonitorCatalog, MonitorConfig, Secret, Severity, Signal, Statistic,
} from '../src';
import { Folder } from '../src/bindings/grafana/folder';
import { GrafanaProvider } from '../src/bindings/grafana/provider';
import { RuleGroup } from '../src/bindings/grafana/rule-group';
import { instancesOf } from '../test/support/for-each';

const [mode, countArg, outdir] = process.argv.slice(2);
const count = Number(countArg);

/** The n-th monitor's parameters, shared by both implementations. */
function params(i: number) {
  return { fn: `fn-${i}`, title: `fn-${i} errors`, message: `errors of fn-${i}`, critical: 5 + (i % 7) };
}

function connections(stack: TerraformStack): void {
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new DatadogConnection(stack, 'Dd', { apiKey: Secret.fromTerraformVariable(stack, 'a'), appKey: Secret.fromTerraformVariable(stack, 'b'), testConnection: false });
  new GrafanaConnection(stack, 'G', { url: 'https://g.example.com', auth: GrafanaAuth.serviceAccountToken(Secret.fromTerraformVariable(stack, 'c')), testConnection: false });
}

function catalog(stack: TerraformStack): void {
  connections(stack);
  const monitors: CatalogMonitor[] = [];
  for (let i = 0; i < count; i++) {
    const p = params(i);
    monitors.push({
      id: p.fn,
      title: p.title,
      message: p.message,
      signal: Signal.awsMetric(AwsService.LAMBDA, p.fn, 'Errors', { statistic: Statistic.SUM }),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: p.critical,
      severity: Severity.SEV3,
    });
  }
  new MonitorCatalog(stack, 'Catalog', {
    backends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cw' })],
    monitors,
  });
}

function library(stack: TerraformStack): void {
  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', testConnection: false });
  new DatadogConnection(stack, 'Dd', { apiKey: Secret.fromTerraformVariable(stack, 'a'), appKey: Secret.fromTerraformVariable(stack, 'b'), testConnection: false });
  new GrafanaConnection(stack, 'G', { url: 'https://g.example.com', auth: GrafanaAuth.serviceAccountToken(Secret.fromTerraformVariable(stack, 'c')), testConnection: false });
  const backends = [MonitorBackend.datadog(), MonitorBackend.cloudwatch(), MonitorBackend.grafana({ datasourceUid: 'cw' })];
  for (let i = 0; i < count; i++) {
    const p = params(i);
    new MonitorConfig(stack, `M${i}`, {
      title: p.title,
      message: p.message,
      signal: Signal.awsMetric(AwsService.LAMBDA, p.fn, 'Errors', { statistic: Statistic.SUM }),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: p.critical,
      severity: Severity.SEV3,
      backends,
    });
  }
}

function variable(stack: TerraformStack, name: string): string {
  const v = new TerraformVariable(stack, `${name}Var`, { type: 'string', sensitive: true, nullable: false, description: `Secret s/${name}` });
  v.overrideLogicalId(name);
  return v.stringValue;
}

function handWritten(stack: TerraformStack): void {
  const aws = new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const dd = new DatadogProvider(stack, 'datadog', { apiUrl: 'https://api.datadoghq.com/', apiKey: variable(stack, 'a'), appKey: variable(stack, 'b') });
  const grafana = new GrafanaProvider(stack, 'grafana', { url: 'https://g.example.com', auth: variable(stack, 'c'), orgId: 1 });
  const folder = new Folder(stack, 'Folder', { title: 'Monitors', provider: grafana });
  for (let i = 0; i < count; i++) {
    const p = params(i);
    new Monitor(stack, `Dd${i}`, {
      evaluationDelay: 900,
      includeTags: true,
      message: p.message,
      monitorThresholds: { critical: String(p.critical) },
      name: p.title,
      // A count of errors is sparse: no data means no errors, so it does not page (see DatadogRenderedMonitor).
      notifyNoData: false,
      priority: '3',
      provider: dd,
      query: `sum(last_5m):sum:aws.lambda.errors{functionname:${p.fn}}.as_count() > ${p.critical}`,
      requireFullWindow: false,
      tags: ['severity:sev3'],
      type: 'metric alert',
    });
    new CloudwatchMetricAlarm(stack, `Cw${i}`, {
      alarmDescription: p.message,
      alarmName: p.title,
      comparisonOperator: 'GreaterThanThreshold',
      datapointsToAlarm: 1,
      dimensions: { FunctionName: p.fn },
      evaluationPeriods: 1,
      metricName: 'Errors',
      namespace: 'AWS/Lambda',
      period: 300,
      provider: aws,
      statistic: 'Sum',
      tags: { severity: 'sev3' },
      threshold: p.critical,
      treatMissingData: 'missing',
    });
    new RuleGroup(stack, `Rg${i}`, {
      folderUid: folder.uid,
      intervalSeconds: 300,
      name: p.title,
      provider: grafana,
      rule: [{
        annotations: { description: p.message, summary: p.title },
        condition: 'C',
        data: [
          {
            datasourceUid: 'cw',
            refId: 'A',
            relativeTimeRange: { from: 300, to: 0 },
            model: JSON.stringify({
              refId: 'A',
              queryMode: 'Metrics',
              metricQueryType: 0,
              metricEditorMode: 0,
              region: 'default',
              namespace: 'AWS/Lambda',
              metricName: 'Errors',
              dimensions: { FunctionName: p.fn },
              matchExact: true,
              statistic: 'Sum',
              period: '300',
            }),
          },
          {
            datasourceUid: '__expr__',
            refId: 'B',
            relativeTimeRange: { from: 0, to: 0 },
            model: JSON.stringify({ refId: 'B', type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } }),
          },
          {
            datasourceUid: '__expr__',
            refId: 'C',
            relativeTimeRange: { from: 0, to: 0 },
            model: JSON.stringify({ refId: 'C', type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: 'gt', params: [p.critical] } }] }),
          },
        ],
        execErrState: 'Error',
        for: '0s',
        labels: { pagerduty_severity: 'warning', severity: 'sev3' },
        name: p.title,
        noDataState: 'NoData',
      }],
    });
  }
}

/** Resource instances with construct metadata and logical ids taken out, in a stable order. */
function digest(stackJson: any): { resources: number; sha: string } {
  const bodies: string[] = [];
  for (const [type, byName] of Object.entries<any>(stackJson.resource ?? {})) {
    const instances = Object.entries<any>(byName).flatMap(([name, b]) => instancesOf(name, b).map(([, body]) => body));
    for (const body of instances) {
      const { ['//']: _meta, ...rest } = body;
      // references `${type.logicalId.attr}` lose the logical id, which differs between the two
      const text = JSON.stringify(sortDeep(rest)).replace(/\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\./g, '${$1.#.');
      bodies.push(`${type} ${text}`);
    }
  }
  bodies.sort();
  return { resources: bodies.length, sha: createHash('sha256').update(bodies.join('\n')).digest('hex').slice(0, 16) };
}

/** Keys sorted; unset arguments (null, which Terraform reads as absent) dropped. */
function sortDeep(v: any): any {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().filter((k) => v[k] !== null && !(Array.isArray(v[k]) && v[k].length === 0)).map((k) => [k, sortDeep(v[k])]));
  return v;
}

const t0 = process.hrtime.bigint();
const app = new App({ outdir, stackTraces: false });
const stack = new TerraformStack(app, 's');
if (mode === 'library') library(stack);
else if (mode === 'catalog') catalog(stack);
else handWritten(stack);
app.synth();
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const rssMb = process.memoryUsage().rss / 1048576;
const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 's', 'cdk.tf.json'), 'utf8'));
console.log(JSON.stringify({ mode, count, ms, rssMb, ...digest(json) }));
