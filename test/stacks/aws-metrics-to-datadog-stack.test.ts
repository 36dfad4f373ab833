import { Testing } from 'cdktf';
import { AwsMetricsToDatadogStack, DatadogSite, ExportInterval, MonitorBackend, MonitorConfig, NotificationTarget, Severity } from '../../src';
import { synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

const build = (props: Partial<ConstructorParameters<typeof AwsMetricsToDatadogStack>[2]> = {}) =>
  new AwsMetricsToDatadogStack(Testing.app(), 'metrics', {
    accountId: '123456789012', regions: ['eu-west-1', 'us-east-1'], datadogSite: DatadogSite.EU1, exportInterval: ExportInterval.FIVE_MINUTES, ...props,
  });
const all = (json: any, type: string) => Object.values<any>(json.resource?.[type] ?? {});

test('one export per region on its own provider, the integration once, the key read in each region', () => {
  const stack = build();
  const json = synthStack(stack);
  expect(json.provider.aws.map((p: any) => [p.region, p.alias])).toEqual([['eu-west-1', undefined], ['us-east-1', 'us_east_1']]);
  const streams = all(json, 'aws_cloudwatch_metric_stream');
  expect(streams.map((s) => s.provider ?? 'aws').sort()).toEqual(['aws', 'aws.us_east_1']);
  expect(all(json, 'datadog_integration_aws_account')).toHaveLength(1);
  const secrets = Object.values<any>(json.data.aws_secretsmanager_secret_version);
  expect(secrets.map((d) => [d.secret_id, d.provider ?? 'aws']).sort()).toEqual([['datadog/api-key', 'aws'], ['datadog/api-key', 'aws.us_east_1']]);
  const firehoses = all(json, 'aws_kinesis_firehose_delivery_stream');
  expect(firehoses).toHaveLength(2);
  for (const f of firehoses) {
    expect(f.http_endpoint_configuration.url).toBe('https://awsmetrics-intake.datadoghq.eu/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose');
    expect(f.http_endpoint_configuration.secrets_manager_configuration.enabled).toBe(true);
    expect(f.http_endpoint_configuration).not.toHaveProperty('access_key');
  }
  expect(Object.keys(stack.exports)).toEqual(['eu-west-1', 'us-east-1']);
  expect(json.output.ExportedRegions.value).toEqual(['eu-west-1', 'us-east-1']);
});

test('enabled: false removes every pipeline', () => {
  const json = synthStack(build({ enabled: false }));
  expect(all(json, 'aws_cloudwatch_metric_stream')).toEqual([]);
  expect(all(json, 'aws_kinesis_firehose_delivery_stream')).toEqual([]);
});

test('by default every region has CloudWatch health checks in its own region; targets get a topic per region', () => {
  const stack = build({ healthTargets: [NotificationTarget.email({ address: 'ops@example.com' })] });
  for (const [region, exp] of Object.entries(stack.exports)) {
    expect(exp.healthChecks).toHaveLength(4);
    for (const h of exp.healthChecks) {
      expect(h.monitor).toBeInstanceOf(MonitorConfig);
      expect(h.backend.id).toBe(region === 'eu-west-1' ? 'CloudWatch' : 'CloudWatch-us_east_1');
      expect(h.monitor.targets.map((t) => t.targetId)).toEqual(['email-ops-at-example-com']);
    }
  }
  const json = synthStack(stack);
  const topics = Object.fromEntries(Object.entries<any>(json.resource.aws_sns_topic).map(([n, t]) => [`\${aws_sns_topic.${n}.arn}`, t.provider]));
  expect(Object.values(topics).sort()).toEqual(['aws', 'aws.us_east_1']);
  const alarms = all(json, 'aws_cloudwatch_metric_alarm');
  expect(alarms).toHaveLength(8);
  for (const a of alarms) {
    const provider = a.alarm_name.startsWith('datadog-metrics-us-east-1-') ? 'aws.us_east_1' : 'aws';
    expect([a.alarm_name, a.provider, topics[a.alarm_actions[0]]]).toEqual([a.alarm_name, provider, provider]);
  }
});

test('health checks on Datadog instead, with a severity', () => {
  const stack = build({ healthBackends: [MonitorBackend.datadog()], healthSeverity: Severity.SEV4 });
  const json = synthStack(stack);
  expect(all(json, 'aws_cloudwatch_metric_alarm')).toEqual([]);
  const monitors = all(json, 'datadog_monitor');
  expect(monitors).toHaveLength(8);
  expect(new Set(monitors.map((m) => m.priority))).toEqual(new Set(['4']));
  expect(monitors.map((m) => m.name).sort()).toContain('Datadog export datadog-metrics-us-east-1: data freshness');
});

test('health props are ignored when the pipelines are disabled', () => {
  const stack = build({ enabled: false, healthBackends: [MonitorBackend.cloudwatch()], healthTargets: [NotificationTarget.email({ address: 'ops@example.com' })] });
  const json = synthStack(stack);
  expect(json.resource).toBeUndefined();
  expect(Object.values(stack.exports).map((e) => e.healthChecks)).toEqual([[], []]);
});

test('healthBackends: [] creates no health checks', () => {
  const json = synthStack(build({ healthBackends: [] }));
  expect(all(json, 'aws_cloudwatch_metric_alarm')).toEqual([]);
  expect(all(json, 'aws_s3_bucket_metric')).toEqual([]);
});

test.each([
  [{ regions: [] }, "metrics: 'regions' must be a non-empty list of AWS regions; received []"],
  [{ regions: ['eu-west-1', 'eu-west-1'] }, "metrics: 'regions' must be regions without duplicates; received [\"eu-west-1\",\"eu-west-1\"]"],
  [{ accountId: '1234' }, "metrics: 'accountId' must be a 12-digit AWS account id; received \"1234\""],
])('bad input %j fails', (props, message) => {
  expect(() => build(props as any)).toThrow(message);
});

test('an unknown region fails naming it', () => {
  expect(() => build({ regions: ['eu-west-1', 'mars-north-1'] })).toThrow(/metrics: 'regions\[1\]' must be an AWS region \(.*\); received "mars-north-1"/);
});

test('the AWS part passes terraform validate', () => {
  const validator = new TerraformValidator();
  try {
    const verdict = validator.validate(awsPart(synthStack(build()))!.json);
    expect(verdict.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
    expect(verdict.valid).toBe(true);
  } finally {
    validator.dispose();
  }
});
