import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { CloudwatchMetricStream } from '@cdktf/provider-aws/lib/cloudwatch-metric-stream';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { IntegrationAwsAccount } from '@cdktf/provider-datadog/lib/integration-aws-account';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { TerraformStack } from 'cdktf';
import { datadogExportExample } from '../../examples/datadog-export/main';
import { AwsConnection } from '../../src/aws/aws-connection';
import { AwsRegions } from '../../src/aws/aws-regions';
import { Errors } from '../../src/core/errors';
import { Secret } from '../../src/core/secret';
import { Severity } from '../../src/core/severity';
import { DatadogConnection } from '../../src/datadog/datadog-connection';
import { DatadogSite } from '../../src/datadog/datadog-site';
import {
  DatadogExport, DatadogExportHealthCheck, DatadogExportProps, DatadogMetricType, ExportInterval, HealthCheckKind,
} from '../../src/datadog/export/datadog-export';
import { MonitorBackend } from '../../src/monitors/monitor-backend';
import { MonitorConfig } from '../../src/monitors/monitor-config';
import { ComparisonOperator, MissingData } from '../../src/monitors/threshold';
import { NotificationTarget } from '../../src/notifications/targets';
import { newStack, synthApp, synthStack } from '../support/synth';
import { awsPart, TerraformValidator } from '../support/terraform-validate';

let validator: TerraformValidator;
beforeAll(() => {
  validator = new TerraformValidator();
});
afterAll(() => validator?.dispose());

type ApiKeyKind = 'secretsManager' | 'variable' | 'wholeSecret';

function setup(stack: TerraformStack, opts: { site?: DatadogSite; apiKey?: ApiKeyKind; region?: string; accountId?: string } = {}) {
  const aws = new AwsConnection(stack, 'Aws', { region: opts.region ?? 'eu-west-1', accountId: opts.accountId });
  const kind = opts.apiKey ?? 'secretsManager';
  const apiKey = kind === 'secretsManager'
    ? Secret.fromSecretsManager(stack, 'ApiKey', { secretId: 'dd/api', jsonKey: 'api_key', aws })
    : kind === 'wholeSecret'
      ? Secret.fromSecretsManager(stack, 'ApiKey', { secretId: 'dd/api-plain', aws })
      : Secret.fromEnvironment(stack, 'ApiKey', { environmentVariable: 'TF_VAR_dd_export_api_key' });
  const datadog = new DatadogConnection(stack, 'Datadog', {
    site: opts.site,
    apiKey,
    appKey: Secret.fromTerraformVariable(stack, 'AppKey', { variableName: 'dd_app_key' }),
  });
  return { aws, datadog };
}

function build(props: DatadogExportProps = {}, opts: Parameters<typeof setup>[1] = {}) {
  const stack = newStack();
  setup(stack, opts);
  const exp = new DatadogExport(stack, 'Export', props);
  return { stack, exp, json: synthStack(stack) };
}

function only(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
}

function warningsOf(exp: DatadogExport): string[] {
  return exp.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data));
}

function expectValid(json: any) {
  const part = awsPart(json)!;
  expect(part).toBeDefined();
  const verdict = validator.validate(part.json);
  expect(verdict.diagnostics.filter((d) => d.startsWith('error'))).toEqual([]);
  expect(verdict.valid).toBe(true);
}

/** Every IAM policy document in a synthesized stack, parsed. */
function policies(json: any): { where: string; doc: any }[] {
  const out: { where: string; doc: any }[] = [];
  for (const [name, role] of Object.entries<any>(json.resource?.aws_iam_role ?? {})) {
    if (!role.assume_role_policy.startsWith('${data.')) out.push({ where: `aws_iam_role.${name}`, doc: JSON.parse(role.assume_role_policy) });
  }
  for (const [name, pol] of Object.entries<any>(json.resource?.aws_iam_role_policy ?? {})) out.push({ where: `aws_iam_role_policy.${name}`, doc: JSON.parse(pol.policy) });
  for (const [name, pol] of Object.entries<any>(json.resource?.aws_s3_bucket_policy ?? {})) out.push({ where: `aws_s3_bucket_policy.${name}`, doc: JSON.parse(pol.policy) });
  for (const [name, d] of Object.entries<any>(json.data?.aws_iam_policy_document ?? {})) {
    out.push({
      where: `data.aws_iam_policy_document.${name}`,
      doc: { Statement: d.statement.map((s: any) => ({ Effect: s.effect, Action: s.actions, Resource: s.resources })) },
    });
  }
  return out;
}

const asList = (x: unknown): string[] => (x === undefined ? [] : Array.isArray(x) ? x : [x as string]);

describe('example', () => {
  const out = synthApp(datadogExportExample);

  test('synthesizes its stacks, prefixed datadog-export', () => {
    expect(Object.keys(out.stacks).sort()).toEqual(['datadog-export', 'datadog-export-account', 'datadog-export-disabled']);
  });

  test.each(['datadog-export', 'datadog-export-account', 'datadog-export-disabled'])('the AWS part of %s passes terraform validate', (name) => {
    expectValid(out.stacks[name]);
  });

  test('the disabled stack has no pipeline resources', () => {
    expect(Object.keys(out.stacks['datadog-export-disabled'].resource ?? {})).toEqual([]);
  });
});

describe('pipeline', () => {
  test('metric stream → Firehose (HTTP endpoint) with the Datadog intake, GZIP, buffering, retries, logs and failed-data bucket', () => {
    const { json } = build({
      includeFilters: [{ namespace: 'AWS/Lambda' }, { namespace: 'AWS/SQS', metricNames: ['NumberOfMessagesSent', 'ApproximateAgeOfOldestMessage'] }],
      additionalStatistics: [{ namespace: 'AWS/Lambda', metricName: 'Duration', statistics: ['p99', 'p50', 'p99.9'] }],
      retryDuration: 120,
    }, { site: DatadogSite.EU1 });
    const stream = only(json, 'aws_cloudwatch_metric_stream');
    expect(stream.output_format).toBe('opentelemetry1.0');
    expect(stream.name).toBe('datadog-metrics-eu-west-1');
    expect(stream.include_filter).toEqual([
      { namespace: 'AWS/Lambda' },
      { namespace: 'AWS/SQS', metric_names: ['ApproximateAgeOfOldestMessage', 'NumberOfMessagesSent'] },
    ]);
    expect(stream.exclude_filter).toBeUndefined();
    expect(stream.statistics_configuration).toEqual([{
      additional_statistics: ['p50', 'p99', 'p99.9'],
      include_metric: [{ namespace: 'AWS/Lambda', metric_name: 'Duration' }],
    }]);
    expect(stream.firehose_arn).toMatch(/^\$\{aws_kinesis_firehose_delivery_stream\.[^.]+\.arn\}$/);

    const fh = only(json, 'aws_kinesis_firehose_delivery_stream');
    expect(fh.destination).toBe('http_endpoint');
    expect(fh.server_side_encryption).toEqual({ enabled: true, key_type: 'AWS_OWNED_CMK' });
    const http = fh.http_endpoint_configuration;
    expect(http.url).toBe('https://awsmetrics-intake.datadoghq.eu/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose');
    expect(http.buffering_interval).toBe(60);
    expect(http.buffering_size).toBe(4);
    expect(http.retry_duration).toBe(120);
    expect(http.request_configuration).toEqual({ content_encoding: 'GZIP' });
    expect(http.s3_backup_mode).toBe('FailedDataOnly');
    expect(http.cloudwatch_logging_options.enabled).toBe(true);
    expect(http.cloudwatch_logging_options.log_group_name).toMatch(/aws_cloudwatch_log_group/);
    expect(http.s3_configuration.bucket_arn).toMatch(/^\$\{aws_s3_bucket\.[^.]+\.arn\}$/);
    expect(http.s3_configuration.compression_format).toBe('GZIP');
    expectValid(json);
  });

  test.each([
    [ExportInterval.ONE_MINUTE, 60, 420],
    [ExportInterval.FIVE_MINUTES, 300, 660],
    [ExportInterval.FIFTEEN_MINUTES, 900, 1260],
  ])('interval %s buffers %i s and sets the freshness limit to %i s', (interval, seconds, freshness) => {
    const { json, exp } = build({ exportInterval: interval });
    expect(only(json, 'aws_kinesis_firehose_delivery_stream').http_endpoint_configuration.buffering_interval).toBe(seconds);
    expect(exp.healthChecks.find((h) => h.kind === HealthCheckKind.DATA_FRESHNESS)!.monitor.critical).toBe(freshness);
  });

  test.each([
    [DatadogSite.US1, 'https://awsmetrics-intake.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose'],
    [DatadogSite.US3, 'https://awsmetrics-intake.us3.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose'],
    [DatadogSite.US5, 'https://awsmetrics-intake.us5.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose'],
    [DatadogSite.AP1, 'https://awsmetrics-intake.ap1.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose'],
    [DatadogSite.AP2, 'https://awsmetrics-intake.ap2.datadoghq.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose'],
    [DatadogSite.US1_FED, 'https://awsmetrics-intake.ddog-gov.com/api/v2/awsmetrics?dd-protocol=aws-kinesis-firehose'],
  ])('site %s uses its intake URL', (site, url) => {
    const { json } = build({ accountIntegration: false }, { site });
    expect(only(json, 'aws_kinesis_firehose_delivery_stream').http_endpoint_configuration.url).toBe(url);
  });

  test('exclude filters are rendered as exclude_filter', () => {
    const { json } = build({ excludeFilters: [{ namespace: 'AWS/Usage' }, { namespace: 'AWS/EC2', metricNames: ['CPUCreditBalance'] }] });
    const stream = only(json, 'aws_cloudwatch_metric_stream');
    expect(stream.exclude_filter).toEqual([{ namespace: 'AWS/Usage' }, { namespace: 'AWS/EC2', metric_names: ['CPUCreditBalance'] }]);
    expect(stream.include_filter).toBeUndefined();
  });

  test('custom namespaces are accepted with the explicit opt-in', () => {
    const { json } = build({ allowCustomNamespaces: true, includeFilters: [{ namespace: 'Acme/Checkout' }] });
    expect(only(json, 'aws_cloudwatch_metric_stream').include_filter).toEqual([{ namespace: 'Acme/Checkout' }]);
    expect(only(json, 'datadog_integration_aws_account').metrics_config.collect_custom_metrics).toBe(true);
  });

  test('the escape hatch is the metric stream L1 with id Resource, and the other L1s are exposed', () => {
    const { exp } = build();
    expect(exp.metricStream).toBeInstanceOf(CloudwatchMetricStream);
    expect(exp.metricStream!.node.id).toBe('Resource');
    expect(exp.deliveryStream).toBeInstanceOf(KinesisFirehoseDeliveryStream);
    expect(exp.failedDataBucket).toBeInstanceOf(S3Bucket);
    expect(exp.accountIntegration).toBeInstanceOf(IntegrationAwsAccount);
  });

  test('a second region uses the aliased provider for every AWS resource', () => {
    const stack = newStack();
    const { datadog } = setup(stack);
    const usEast1 = new AwsConnection(stack, 'AwsUsEast1', { region: 'us-east-1', alias: 'us_east_1' });
    new DatadogExport(stack, 'UsEast1', { aws: usEast1, datadog, accountIntegration: false });
    const json = synthStack(stack);
    const providers = new Set<string>();
    for (const [type, byName] of Object.entries<any>(json.resource)) {
      if (type.startsWith('aws_')) for (const r of Object.values<any>(byName)) providers.add(r.provider);
    }
    expect([...providers]).toEqual(['aws.us_east_1']);
    expect(only(json, 'aws_cloudwatch_metric_stream').name).toBe('datadog-metrics-us-east-1');
    expectValid(json);
  });

  test('synthesis is deterministic', () => {
    const a = JSON.stringify(build({ tags: { b: '2', a: '1' } }).json);
    const b = JSON.stringify(build({ tags: { a: '1', b: '2' } }).json);
    expect(a).toBe(b);
  });
});

describe('credentials', () => {
  test('a Secrets Manager secret with JSON key api_key is read by Firehose itself', () => {
    const { json, exp } = build();
    const http = only(json, 'aws_kinesis_firehose_delivery_stream').http_endpoint_configuration;
    expect(http.access_key).toBeUndefined();
    expect(http.secrets_manager_configuration).toEqual({
      enabled: true,
      secret_arn: expect.stringMatching(/^\$\{data\.aws_secretsmanager_secret_version\.[^.]+\.arn\}$/),
      role_arn: expect.stringMatching(/^\$\{aws_iam_role\.[^.]+\.arn\}$/),
    });
    expect(exp.apiKeyFromSecretsManager).toBe(true);
    expect(warningsOf(exp)).toEqual([]);
    const firehosePolicy = JSON.parse(Object.entries<any>(json.resource.aws_iam_role_policy).find(([n]) => n.includes('FirehosePolicy'))![1].policy);
    const secretStatement = firehosePolicy.Statement.find((s: any) => s.Sid === 'DatadogApiKeySecret');
    expect(secretStatement.Action).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    expect(secretStatement.Resource).toEqual([http.secrets_manager_configuration.secret_arn]);
  });

  test('a customer-managed key of the secret gets kms:Decrypt through Secrets Manager only', () => {
    const keyArn = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const { json } = build({ secretKmsKeyArn: keyArn });
    const firehosePolicy = JSON.parse(Object.entries<any>(json.resource.aws_iam_role_policy).find(([n]) => n.includes('FirehosePolicy'))![1].policy);
    expect(firehosePolicy.Statement.find((s: any) => s.Sid === 'DatadogApiKeySecretKey')).toEqual({
      Sid: 'DatadogApiKeySecretKey',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [keyArn],
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
    });
  });

  test.each<ApiKeyKind>(['variable', 'wholeSecret'])('a %s API key goes into access_key (state) with a warning', (kind) => {
    const { json, exp } = build({}, { apiKey: kind });
    const http = only(json, 'aws_kinesis_firehose_delivery_stream').http_endpoint_configuration;
    expect(http.secrets_manager_configuration).toBeUndefined();
    expect(http.access_key).toMatch(kind === 'variable' ? /^\$\{var\.dd_export_api_key\}$/ : /^\$\{data\.aws_secretsmanager_secret_version\.[^.]+\.secret_string\}$/);
    expect(exp.apiKeyFromSecretsManager).toBe(false);
    expect(warningsOf(exp)).toEqual([expect.stringContaining('is set as access_key of the delivery stream and stored in the Terraform state')]);
    expect(JSON.stringify(json.resource.aws_iam_role_policy)).not.toContain('secretsmanager:');
    expectValid(json);
  });

  test('no canary API key anywhere in the synthesized output', () => {
    const canary = 'CANARY-dd-export-api-0f0f';
    const saved = process.env.TF_VAR_dd_export_api_key;
    process.env.TF_VAR_dd_export_api_key = canary;
    try {
      const out = synthApp((app) => {
        const env = new TerraformStack(app, 'env');
        setup(env, { apiKey: 'variable' });
        new DatadogExport(env, 'Export', { healthBackends: [MonitorBackend.datadog()] });
        const sm = new TerraformStack(app, 'sm');
        setup(sm, { apiKey: 'secretsManager' });
        new DatadogExport(sm, 'Export', {});
      });
      expect(Object.keys(out.files).length).toBeGreaterThan(0);
      const hits = Object.entries(out.files).filter(([, text]) => text.includes(canary)).map(([f]) => f);
      expect(hits).toEqual([]);
      expect(out.files['stacks/env/cdk.tf.json']).toContain('${var.dd_export_api_key}');
    } finally {
      if (saved === undefined) delete process.env.TF_VAR_dd_export_api_key;
      else process.env.TF_VAR_dd_export_api_key = saved;
    }
  });
});

describe('least privilege', () => {
  const { json } = build({ tags: { team: 'platform' } });
  const docs = policies(json);

  test('finds every policy (trust, inline, bucket, policy documents)', () => {
    expect(docs.map((d) => d.where.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual([
      'aws_iam_role.Export_FirehoseRole',
      'aws_iam_role.Export_StreamRole',
      'aws_iam_role_policy.Export_DatadogRolePolicy',
      'aws_iam_role_policy.Export_FirehosePolicy',
      'aws_iam_role_policy.Export_StreamPolicy',
      'aws_s3_bucket_policy.Export_FailedDataBucketPolicy',
      'data.aws_iam_policy_document.Export_DatadogRoleTrust',
    ]);
  });

  test('no Allow statement has a wildcard action', () => {
    for (const { where, doc } of docs) {
      for (const s of doc.Statement) {
        if (s.Effect === 'Allow') {
          for (const a of asList(s.Action)) expect(`${where}: ${a}`).not.toMatch(/\*/);
        }
      }
    }
  });

  test('"Resource": "*" appears only in the Datadog role policy, whose read actions have no resource-level permissions', () => {
    const star: string[] = [];
    for (const { where, doc } of docs) {
      for (const s of doc.Statement) if (asList(s.Resource).includes('*')) star.push(where.replace(/_[0-9A-F]{8}$/, ''));
    }
    expect(star).toEqual(['aws_iam_role_policy.Export_DatadogRolePolicy']);
  });

  test('the stream may only put into its delivery stream, Firehose only into its bucket and log stream', () => {
    const stream = docs.find((d) => d.where.includes('StreamPolicy'))!.doc;
    expect(stream.Statement).toEqual([{
      Sid: 'DeliveryStream',
      Effect: 'Allow',
      Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'],
      Resource: [expect.stringMatching(/^\$\{aws_kinesis_firehose_delivery_stream\.[^.]+\.arn\}$/)],
    }]);
    const fh = docs.find((d) => d.where.includes('FirehosePolicy'))!.doc;
    expect(fh.Statement.find((s: any) => s.Sid === 'FailedDataBucket').Resource).toEqual([
      expect.stringMatching(/^\$\{aws_s3_bucket\.[^.]+\.arn\}$/), expect.stringMatching(/^\$\{aws_s3_bucket\.[^.]+\.arn\}\/\*$/),
    ]);
    expect(fh.Statement.find((s: any) => s.Sid === 'DeliveryErrorLog').Resource).toEqual([
      expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.[^.]+\.arn\}:log-stream:\$\{aws_cloudwatch_log_stream\.[^.]+\.name\}$/),
    ]);
  });

  test('service roles trust only their service, from this account; the Datadog role requires the external id', () => {
    for (const d of docs.filter((x) => x.where.startsWith('aws_iam_role.'))) {
      expect(d.doc.Statement[0].Condition).toEqual({ StringEquals: { 'aws:SourceAccount': expect.stringMatching(/^\$\{data\.aws_caller_identity\.[^.]+\.account_id\}$/) } });
    }
    const trust: any = Object.values(json.data.aws_iam_policy_document)[0];
    expect(trust.statement[0].principals).toEqual([{ type: 'AWS', identifiers: ['arn:aws:iam::464622532012:root'] }]);
    expect(trust.statement[0].condition).toEqual([{
      test: 'StringEquals', variable: 'sts:ExternalId', values: [expect.stringMatching(/^\$\{datadog_integration_aws_external_id\.[^.]+\.id\}$/)],
    }]);
  });
});

describe('failed-data bucket', () => {
  const { json } = build({ failedDataRetentionDays: 7 });

  test('is encrypted', () => {
    expect(only(json, 'aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
    ]);
  });

  test('is removed with its objects when the export is switched off', () => {
    expect(only(json, 'aws_s3_bucket').force_destroy).toBe(true);
  });

  test('is private: public access blocked, ACLs disabled, TLS only', () => {
    expect(only(json, 'aws_s3_bucket_public_access_block')).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(only(json, 'aws_s3_bucket_ownership_controls').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
    const policy = JSON.parse(only(json, 'aws_s3_bucket_policy').policy);
    expect(policy.Statement).toEqual([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]);
  });

  test('expires failed data', () => {
    const rule = only(json, 'aws_s3_bucket_lifecycle_configuration').rule[0];
    expect(rule.status).toBe('Enabled');
    expect(rule.expiration).toEqual([{ days: 7 }]);
  });
});

describe('Datadog side', () => {
  test('the account integration uses role delegation with a Datadog-generated external id', () => {
    const { json } = build({
      includeFilters: [{ namespace: 'AWS/Lambda' }, { namespace: 'AWS/SQS', metricNames: ['NumberOfMessagesSent'] }],
      tags: { team: 'platform', env: 'prod' },
      integrationRegions: ['us-east-1', 'eu-west-1'],
    }, { accountId: '123456789012' });
    const integration = only(json, 'datadog_integration_aws_account');
    const externalId = Object.keys(json.resource.datadog_integration_aws_external_id);
    expect(externalId).toHaveLength(1);
    expect(integration.aws_account_id).toBe('123456789012');
    expect(integration.aws_partition).toBe('aws');
    // the role by reference: Terraform creates it before the integration and destroys it after
    const [roleKey] = Object.keys(json.resource.aws_iam_role).filter((k) => json.resource.aws_iam_role[k].name === 'DatadogIntegrationRole');
    expect(integration.auth_config.aws_auth_config_role).toEqual({
      role_name: `\${aws_iam_role.${roleKey}.name}`, external_id: `\${datadog_integration_aws_external_id.${externalId[0]}.id}`,
    });
    expect(integration.account_tags).toEqual(['env:prod', 'team:platform']);
    expect(integration.aws_regions).toEqual({ include_only: ['eu-west-1', 'us-east-1'] });
    expect(integration.metrics_config).toMatchObject({ enabled: true, namespace_filters: { include_only: ['AWS/Lambda', 'AWS/SQS'] } });
    expect(integration.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy\./)]);
    const role = Object.values<any>(json.resource.aws_iam_role).find((r) => r.name === 'DatadogIntegrationRole');
    expect(role).toBeDefined();
  });

  test('namespace filters follow whole-namespace exclude filters', () => {
    const { json } = build({ excludeFilters: [{ namespace: 'AWS/Usage' }, { namespace: 'AWS/EC2', metricNames: ['CPUCreditBalance'] }] });
    expect(only(json, 'datadog_integration_aws_account').metrics_config.namespace_filters).toEqual({ exclude_only: ['AWS/Usage'] });
  });

  test.each([
    [DatadogSite.AP1, '417141415827'],
    [DatadogSite.AP2, '412381753143'],
    [DatadogSite.US5, '464622532012'],
  ])('site %s trusts Datadog account %s', (site, account) => {
    const { json } = build({}, { site });
    const trust: any = Object.values(json.data.aws_iam_policy_document)[0];
    expect(trust.statement[0].principals[0].identifiers).toEqual([`arn:aws:iam::${account}:root`]);
  });

  test('accountIntegration: false creates no integration and no Datadog role, and warns about tags', () => {
    const { json, exp } = build({ accountIntegration: false, tags: { team: 'x' } });
    expect(json.resource.datadog_integration_aws_account).toBeUndefined();
    expect(json.resource.datadog_integration_aws_external_id).toBeUndefined();
    expect(Object.values<any>(json.resource.aws_iam_role).map((r) => r.name).sort()).toEqual(['datadog-metrics-eu-west-1-firehose', 'datadog-metrics-eu-west-1-stream']);
    expect(warningsOf(exp)).toEqual([expect.stringContaining("'tags' reach Datadog as account tags")]);
  });

  test('metric mapping writes metadata and tag configuration to the Datadog name', () => {
    const { json, exp } = build({
      allowCustomNamespaces: true,
      metricMapping: [
        { namespace: 'AWS/Lambda', metricName: 'Duration', unit: 'millisecond', description: 'Invocation time' },
        { namespace: 'AWS/SQS', metricName: 'NumberOfMessagesSent', metricType: DatadogMetricType.COUNT },
        { namespace: 'Checkout', metricName: 'Orders', datadogMetricName: 'checkout.orders', tags: ['region', 'team'] },
      ],
    });
    const meta = Object.values<any>(json.resource.datadog_metric_metadata);
    expect(meta).toEqual([
      expect.objectContaining({ metric: 'aws.lambda.duration', unit: 'millisecond', description: 'Invocation time', type: 'gauge' }),
      expect.objectContaining({ metric: 'aws.sqs.number_of_messages_sent', type: 'count' }),
    ]);
    expect(only(json, 'datadog_metric_tag_configuration')).toMatchObject({ metric_name: 'checkout.orders', metric_type: 'gauge', tags: ['region', 'team'] });
    expect(warningsOf(exp)).toEqual([]);
  });

  test('no tag configuration on an integration metric: Datadog refuses it, so synth fails naming the metric', () => {
    expect(() => build({ metricMapping: [{ namespace: 'AWS/Lambda', metricName: 'Duration', tags: ['functionname', 'team'] }] }))
      .toThrow(/'metricMapping\[0\]\.tags' must be unset for aws\.lambda\.duration: it is a Datadog integration metric \(AWS\/Lambda Duration\)/);
  });

  test('a mapping of a metric the filters do not stream warns', () => {
    const { exp } = build({ includeFilters: [{ namespace: 'AWS/SQS' }], metricMapping: [{ namespace: 'AWS/Lambda', metricName: 'Errors', unit: 'error' }] });
    expect(warningsOf(exp)).toEqual(['test/Export: metricMapping for AWS/Lambda Errors (aws.lambda.errors) describes a metric the filters do not stream.']);
  });

  test('a mapping to another name cannot rename: it warns and says what it does', () => {
    const { json, exp } = build({ metricMapping: [{ namespace: 'AWS/Lambda', metricName: 'Duration', datadogMetricName: 'lambda.runtime', unit: 'millisecond' }] });
    expect(only(json, 'datadog_metric_metadata').metric).toBe('lambda.runtime');
    expect(warningsOf(exp)).toEqual([expect.stringContaining('Datadog cannot rename streamed metrics. By Datadog\'s naming rule it arrives as aws.lambda.duration')]);
  });
});

describe('enabled: false', () => {
  test('emits no resources or data sources, keeps the construct and a status output', () => {
    const stack = newStack();
    setup(stack);
    const exp = new DatadogExport(stack, 'Export', { enabled: false, metricMapping: [{ namespace: 'AWS/Lambda', metricName: 'Errors', unit: 'error' }] });
    const json = synthStack(stack);
    const ours = (type: string) => Object.values<any>(json.resource?.[type] ?? {}).length + Object.values<any>(json.data?.[type] ?? {}).length;
    for (const type of ['aws_cloudwatch_metric_stream', 'aws_kinesis_firehose_delivery_stream', 'aws_s3_bucket', 'aws_iam_role', 'aws_iam_role_policy',
      'aws_cloudwatch_metric_alarm', 'aws_cloudwatch_log_group', 'datadog_integration_aws_account', 'datadog_metric_metadata', 'datadog_monitor',
      'aws_caller_identity', 'aws_iam_policy_document']) {
      expect(`${type}: ${ours(type)}`).toBe(`${type}: 0`);
    }
    expect(Object.keys(json.resource ?? {})).toEqual([]);
    expect(stack.node.tryFindChild('Export')).toBe(exp);
    expect(exp.metricStream).toBeUndefined();
    expect(exp.healthChecks).toEqual([]);
    expect(Object.values<any>(json.output)).toEqual([expect.objectContaining({ value: { enabled: false, name: 'datadog-metrics' } })]);
  });

  test('needs no connections', () => {
    const stack = newStack();
    new DatadogExport(stack, 'Export', { enabled: false });
    expect(synthStack(stack).resource).toBeUndefined();
  });
});

describe('health', () => {
  const ops = () => NotificationTarget.email({ address: 'ops@example.com' });
  const byTitle = (json: any, type: string) =>
    Object.fromEntries(Object.values<any>(json.resource[type] ?? {}).map((r) => [r.alarm_name ?? r.name, r]));
  /** The reference of a check in the export's Status output (resolved). */
  const statusReference = (json: any, h: DatadogExportHealthCheck) =>
    Object.values<any>(json.output)[0].value.health[h.kind.toLowerCase()][h.backend.id].reference;
  const kinds = [HealthCheckKind.DELIVERY_ERRORS, HealthCheckKind.DATA_FRESHNESS, HealthCheckKind.THROTTLING, HealthCheckKind.FAILED_DATA];

  test('by default: a MonitorConfig per check on the CloudWatch backend, rendered as alarms in the export\'s account and region', () => {
    const { json, exp } = build({ minDeliverySuccessRate: 0.95, maxDataFreshness: 900 });
    expect(exp.healthChecks.map((h) => [h.kind, h.backend.kind, h.backend.id])).toEqual(kinds.map((k) => [k, 'cloudwatch', 'CloudWatch']));
    for (const h of exp.healthChecks) {
      expect(h.monitor).toBeInstanceOf(MonitorConfig);
      expect(h.monitor.renderings.map((r) => r.backend.id)).toEqual(['CloudWatch']);
      const alarm = h.monitor.rendering('CloudWatch').resource;
      expect(alarm).toBeInstanceOf(CloudwatchMetricAlarm);
      expect(statusReference(json, h)).toBe(`\${aws_cloudwatch_metric_alarm.${alarm.friendlyUniqueId}.arn}`);
      expect(json.resource.aws_cloudwatch_metric_alarm[alarm.friendlyUniqueId]).toBeDefined();
    }
    expect(json.resource.datadog_monitor).toBeUndefined();
    const byName = byTitle(json, 'aws_cloudwatch_metric_alarm');
    expect(Object.keys(byName).sort()).toEqual([
      'datadog-metrics-eu-west-1-data-freshness', 'datadog-metrics-eu-west-1-delivery-errors',
      'datadog-metrics-eu-west-1-failed-data', 'datadog-metrics-eu-west-1-throttling',
    ]);
    // the delivery stream by reference
    const [streamKey] = Object.keys(json.resource.aws_kinesis_firehose_delivery_stream);
    expect(json.resource.aws_kinesis_firehose_delivery_stream[streamKey].name).toBe('datadog-metrics-eu-west-1');
    const stream = { DeliveryStreamName: `\${aws_kinesis_firehose_delivery_stream.${streamKey}.name}` };
    const common = { provider: 'aws', period: 300, tags: { severity: 'sev3' } };
    expect(byName['datadog-metrics-eu-west-1-delivery-errors']).toMatchObject({
      ...common,
      namespace: 'AWS/Firehose',
      metric_name: 'DeliveryToHttpEndpoint.Success',
      statistic: 'Average',
      dimensions: stream,
      comparison_operator: 'LessThanThreshold',
      threshold: 0.95,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: 'notBreaching',
      alarm_description: 'Datadog export test/Export: fewer than 95% of deliveries to Datadog succeed.',
    });
    // Freshness: one buffering interval (60 s) plus 10 minutes, in 5-minute periods; no data breaches.
    expect(byName['datadog-metrics-eu-west-1-data-freshness']).toMatchObject({
      ...common,
      namespace: 'AWS/Firehose',
      metric_name: 'DeliveryToHttpEndpoint.DataFreshness',
      statistic: 'Maximum',
      dimensions: stream,
      comparison_operator: 'GreaterThanThreshold',
      threshold: 900,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: 'breaching',
    });
    expect(byName['datadog-metrics-eu-west-1-throttling']).toMatchObject({
      ...common,
      namespace: 'AWS/Firehose',
      metric_name: 'ThrottledRecords',
      statistic: 'Sum',
      dimensions: stream,
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      evaluation_periods: 1,
      treat_missing_data: 'notBreaching',
    });
    const failed = byName['datadog-metrics-eu-west-1-failed-data'];
    expect(failed).toMatchObject({
      ...common,
      namespace: 'AWS/S3',
      metric_name: 'PutRequests',
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      evaluation_periods: 1,
      treat_missing_data: 'notBreaching',
    });
    const metricName = Object.keys(json.resource.aws_s3_bucket_metric)[0];
    expect(failed.dimensions.FilterId).toBe(`\${aws_s3_bucket_metric.${metricName}.name}`);
    expect(failed.dimensions.BucketName).toMatch(/^\$\{aws_s3_bucket\.[^.]+\.bucket\}$/);
    // No targets: the alarms only change state.
    for (const a of Object.values<any>(byName)) {
      expect([a.alarm_actions, a.ok_actions, a.insufficient_data_actions]).toEqual([undefined, undefined, undefined]);
    }

    const status: any = Object.values<any>(json.output)[0].value;
    expect(Object.keys(status.health).sort()).toEqual(['data_freshness', 'delivery_errors', 'failed_data', 'throttling']);
    expect(status.health.data_freshness).toEqual({
      CloudWatch: {
        backend: 'cloudwatch',
        name: 'datadog-metrics-eu-west-1-data-freshness',
        metric: 'AWS/Firehose DeliveryToHttpEndpoint.DataFreshness',
        comparison: '>',
        threshold: 900,
        window_seconds: 900,
        reference: expect.stringMatching(/^\$\{aws_cloudwatch_metric_alarm\.[^.]+\.arn\}$/),
      },
    });
    expectValid(json);
  });

  test.each([
    [ExportInterval.ONE_MINUTE, 3, 15],
    [ExportInterval.FIVE_MINUTES, 3, 15],
    [ExportInterval.FIFTEEN_MINUTES, 5, 25],
  ])('interval %s: the freshness alarm evaluates %i periods of 5 minutes, the Datadog check %i minutes', (interval, periods, minutes) => {
    const { json } = build({ exportInterval: interval, healthBackends: [MonitorBackend.cloudwatch(), MonitorBackend.datadog()] });
    const alarm = byTitle(json, 'aws_cloudwatch_metric_alarm')['datadog-metrics-eu-west-1-data-freshness'];
    expect([alarm.period, alarm.evaluation_periods, alarm.datapoints_to_alarm, alarm.treat_missing_data]).toEqual([300, periods, periods, 'breaching']);
    const monitor = byTitle(json, 'datadog_monitor')['Datadog export datadog-metrics-eu-west-1: data freshness'];
    expect(monitor.query).toBe(`max(last_${minutes}m):max:datadog.aws_metric_streams.data_received{stream_name:datadog-metrics-eu-west-1} < 1`);
    expect([monitor.notify_no_data, monitor.no_data_timeframe]).toEqual([true, 2 * minutes]);
  });

  test('the CloudWatch alarms notify targets through an SNS topic; a target can be added later through the MonitorConfig', () => {
    const { stack, exp } = build({ healthTargets: [ops()] });
    const late = NotificationTarget.email({ address: 'late@example.com' });
    exp.healthChecks.find((h) => h.kind === HealthCheckKind.FAILED_DATA)!.monitor.addTarget(late);
    const json = synthStack(stack);
    const topics = Object.entries<any>(json.resource.aws_sns_topic);
    const subscriptions = Object.values<any>(json.resource.aws_sns_topic_subscription);
    expect(subscriptions.map((x) => [x.protocol, x.endpoint]).sort()).toEqual([['email', 'late@example.com'], ['email', 'ops@example.com']]);
    const topicOf = (address: string) => `\${aws_sns_topic.${topics.find(([n]) => n.includes(address.replace('@', '-at-').replace(/\./g, '-')))![0]}.arn}`;
    for (const t of topics) expect(t[1].kms_master_key_id).toMatch(/^\$\{aws_kms_key\.[^.]+\.arn\}$/);
    const alarms = byTitle(json, 'aws_cloudwatch_metric_alarm');
    for (const [name, a] of Object.entries<any>(alarms)) {
      const expected = name.endsWith('failed-data') ? [topicOf('ops@example.com'), topicOf('late@example.com')] : [topicOf('ops@example.com')];
      expect({ name, alarm: a.alarm_actions, ok: a.ok_actions }).toEqual({ name, alarm: expected, ok: expected });
    }
    expectValid(json);
  });

  test('on the Datadog backend: monitors with the same checks, notifying the targets\' @handles', () => {
    const { json, exp } = build({ healthBackends: [MonitorBackend.datadog()], healthTargets: [ops()], includeFilters: [{ namespace: 'AWS/Lambda' }] });
    expect(json.resource.aws_cloudwatch_metric_alarm).toBeUndefined();
    expect(exp.healthChecks.map((h) => [h.kind, h.backend.kind])).toEqual(kinds.map((k) => [k, 'datadog']));
    for (const h of exp.healthChecks) {
      expect(h.monitor).toBeInstanceOf(MonitorConfig);
      const monitor = h.monitor.rendering('Datadog').resource;
      expect(monitor).toBeInstanceOf(Monitor);
      expect(statusReference(json, h)).toBe(`\${datadog_monitor.${monitor.friendlyUniqueId}.id}`);
      expect(json.resource.datadog_monitor[monitor.friendlyUniqueId]).toBeDefined();
    }
    const monitors = Object.values<any>(json.resource.datadog_monitor);
    const byName = Object.fromEntries(monitors.map((m) => [m.name.replace('Datadog export datadog-metrics-eu-west-1: ', ''), m]));
    expect(Object.fromEntries(Object.entries<any>(byName).map(([k, m]) => [k, m.query]))).toEqual({
      'delivery errors': 'avg(last_15m):avg:aws.firehose.delivery_to_http_endpoint_success{deliverystreamname:datadog-metrics-eu-west-1} < 0.99',
      'data freshness': 'max(last_15m):max:datadog.aws_metric_streams.data_received{stream_name:datadog-metrics-eu-west-1} < 1',
      'throttling': 'sum(last_15m):sum:aws.firehose.throttled_records{deliverystreamname:datadog-metrics-eu-west-1}.as_count() > 0',
      'failed data': expect.stringMatching(/^sum\(last_15m\):sum:aws\.s3\.put_requests\{bucketname:\$\{aws_s3_bucket\.[^.]+\.bucket\},filterid:faileddata\}\.as_count\(\) > 0$/),
    });
    expect(byName['data freshness']).toMatchObject({ notify_no_data: true, no_data_timeframe: 30, monitor_thresholds: { critical: '1' } });
    for (const k of ['delivery errors', 'throttling', 'failed data']) {
      expect(byName[k]).toMatchObject({ type: 'metric alert', notify_no_data: false });
      expect(byName[k].no_data_timeframe).toBeUndefined();
    }
    expect(byName['delivery errors'].monitor_thresholds).toEqual({ critical: '0.99' });
    for (const m of monitors) {
      expect(m.message).toContain('{{#is_alert}}@ops@example.com{{/is_alert}}');
      expect(m.message.startsWith('Datadog export test/Export: ')).toBe(true);
      expect(m.tags).toEqual(['integration:datadog-export', 'severity:sev3']);
      expect(m.priority).toBe('3');
    }
    // No data from the stream is what the freshness monitor alerts on: it tells the targets.
    expect(byName['data freshness'].message).toContain('{{#is_no_data}}@ops@example.com{{/is_no_data}}');
    // The health metrics must reach Datadog through polling.
    expect(only(json, 'datadog_integration_aws_account').metrics_config.namespace_filters).toEqual({ include_only: ['AWS/Firehose', 'AWS/Lambda', 'AWS/S3'] });
  });

  test('on both backends: every check once per backend, each MonitorConfig on its own backend', () => {
    const { json, exp } = build({
      healthBackends: [MonitorBackend.datadog(), MonitorBackend.cloudwatch()], healthTargets: [ops()], healthSeverity: Severity.SEV2, tags: { team: 'platform' },
    });
    expect(exp.healthChecks.map((h) => `${h.kind}/${h.backend.id}`)).toEqual(kinds.flatMap((k) => [`${k}/Datadog`, `${k}/CloudWatch`]));
    expect(exp.healthChecks.map((h) => h.monitor.node.path)).toEqual(kinds.flatMap((k) => {
      const id = { DELIVERY_ERRORS: 'DeliveryErrors', DATA_FRESHNESS: 'DataFreshness', THROTTLING: 'Throttling', FAILED_DATA: 'FailedData' }[k];
      return [`test/Export/Health/${id}/Datadog`, `test/Export/Health/${id}/CloudWatch`];
    }));
    expect(new Set(exp.healthChecks.map((h) => h.monitor)).size).toBe(8);
    expect(Object.keys(json.resource.aws_cloudwatch_metric_alarm)).toHaveLength(4);
    expect(Object.keys(json.resource.datadog_monitor)).toHaveLength(4);
    for (const m of Object.values<any>(json.resource.datadog_monitor)) {
      expect(m.priority).toBe('2');
      expect(m.tags).toEqual(['integration:datadog-export', 'severity:sev2', 'team:platform']);
      expect(m.message).toContain('@ops@example.com');
    }
    for (const a of Object.values<any>(json.resource.aws_cloudwatch_metric_alarm)) {
      expect(a.tags).toEqual({ severity: 'sev2', team: 'platform' });
      expect(a.alarm_actions).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\.[^.]+\.arn\}$/)]);
    }
    expect(exp.healthChecks.every((h) => h.monitor.severity === Severity.SEV2)).toBe(true);
    const status: any = Object.values<any>(json.output)[0].value;
    expect(Object.keys(status.health.throttling).sort()).toEqual(['CloudWatch', 'Datadog']);
    expect(status.health.throttling.Datadog).toMatchObject({ backend: 'datadog', metric: 'sum:aws.firehose.throttled_records{deliverystreamname:datadog-metrics-eu-west-1}.as_count()' });
    expectValid(json);
  });

  test('healthBackends: [] creates no checks', () => {
    const { json, exp } = build({ healthBackends: [] });
    expect(json.resource.aws_cloudwatch_metric_alarm).toBeUndefined();
    expect(json.resource.datadog_monitor).toBeUndefined();
    expect(json.resource.aws_s3_bucket_metric).toBeUndefined();
    expect(exp.healthChecks).toEqual([]);
    expect(exp.node.tryFindChild('Health')).toBeUndefined();
    expect(Object.values<any>(json.output)[0].value.health).toEqual({});
  });

  test('each region\'s alarms are in its region and notify a topic of that region', () => {
    const stack = newStack();
    const { datadog } = setup(stack);
    const usEast1 = new AwsConnection(stack, 'AwsUsEast1', { region: 'us-east-1', alias: 'us_east_1' });
    const shared = [MonitorBackend.cloudwatch()];
    const target = ops();
    const eu = new DatadogExport(stack, 'EuWest1', { datadog, healthBackends: shared, healthTargets: [target] });
    const us = new DatadogExport(stack, 'UsEast1', { aws: usEast1, datadog, accountIntegration: false, healthBackends: shared, healthTargets: [target] });
    expect(eu.healthChecks.map((h) => h.backend.id)).toEqual(Array(4).fill('CloudWatch'));
    expect(us.healthChecks.map((h) => h.backend.id)).toEqual(Array(4).fill('CloudWatch-us_east_1'));
    const json = synthStack(stack);
    const topics = Object.entries<any>(json.resource.aws_sns_topic).map(([n, t]) => [`\${aws_sns_topic.${n}.arn}`, t.provider]);
    expect(topics.map(([, p]) => p).sort()).toEqual(['aws', 'aws.us_east_1']);
    const providerOfTopic = Object.fromEntries(topics);
    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    expect(alarms).toHaveLength(8);
    for (const a of alarms) {
      const region = a.alarm_name.includes('us-east-1') ? 'aws.us_east_1' : 'aws';
      expect({ name: a.alarm_name, provider: a.provider ?? 'aws', topic: providerOfTopic[a.alarm_actions[0]] }).toEqual({ name: a.alarm_name, provider: region, topic: region });
    }
    expectValid(json);
  });

  test('a target that does not take healthSeverity is not notified (targets are routed by severity)', () => {
    const pagesOnly = NotificationTarget.email({ address: 'pager@example.com', severities: [Severity.SEV1] });
    const { json, exp } = build({ healthBackends: [MonitorBackend.datadog()], healthTargets: [pagesOnly, ops()] });
    expect(exp.healthChecks[0].monitor.targets).toHaveLength(2);
    for (const m of Object.values<any>(json.resource.datadog_monitor)) {
      expect(m.message).toContain('@ops@example.com');
      expect(m.message).not.toContain('pager@example.com');
    }
  });

  test('no secret of a target or of the API key reaches the synthesized output', () => {
    const canaries: Record<string, string> = {
      TF_VAR_dd_export_api_key: 'CANARY-dd-export-health-api-1a2b',
      TF_VAR_dd_export_pd_key: 'CANARY-dd-export-health-pd-3c4d',
    };
    const saved = Object.fromEntries(Object.keys(canaries).map((k) => [k, process.env[k]]));
    Object.assign(process.env, canaries);
    try {
      const out = synthApp((app) => {
        const stack = new TerraformStack(app, 'health');
        setup(stack, { apiKey: 'variable' });
        const pagerDuty = NotificationTarget.pagerDuty({
          serviceName: 'metrics-pipeline',
          integrationKey: Secret.fromEnvironment(stack, 'PdKey', { environmentVariable: 'TF_VAR_dd_export_pd_key' }),
        });
        new DatadogExport(stack, 'Export', { healthBackends: [MonitorBackend.cloudwatch(), MonitorBackend.datadog()], healthTargets: [pagerDuty] });
      });
      const text = out.files['stacks/health/cdk.tf.json'];
      expect(text).toContain('@pagerduty-metrics-pipeline');
      // The key is referenced (it reaches the state through the subscription), never copied.
      expect(text).toContain('${var.dd_export_pd_key}');
      const hits = Object.entries(out.files).flatMap(([f, t]) => Object.values(canaries).filter((c) => t.includes(c)).map((c) => `${f}: ${c}`));
      expect(hits).toEqual([]);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('health validation', () => {
  const email = NotificationTarget.email({ address: 'ops@example.com' });
  const backends = 'MonitorBackend.cloudwatch() or MonitorBackend.datadog() (the health checks watch CloudWatch metrics of the export\'s own account and region, and Datadog metrics of its stream)';
  const target = 'a notification target (NotificationTarget.slack(), pagerDuty(), email() or webhook())';
  const cases: [string, DatadogExportProps, string][] = [
    ['health backends with enabled: false', { enabled: false, healthBackends: [MonitorBackend.cloudwatch()] },
      "test/Export: 'healthBackends' must be [] or unset when enabled is false (a disabled export has no pipeline to watch); received [\"cloudwatch backend CloudWatch\"]"],
    ['health targets with enabled: false', { enabled: false, healthTargets: [email] },
      "test/Export: 'healthTargets' must be [] or unset when enabled is false (a disabled export has no health checks); received [\"target email-ops-at-example-com\"]"],
    ['health targets without health backends', { healthBackends: [], healthTargets: [email] },
      "test/Export: 'healthTargets' must be [] or unset when healthBackends is [] (there are no health checks to notify from); received [\"target email-ops-at-example-com\"]"],
    ['a health backend given as a string', { healthBackends: ['CLOUDWATCH' as any] },
      `test/Export: 'healthBackends[0]' must be ${backends}; received "CLOUDWATCH"`],
    ['an empty health backend', { healthBackends: [null as any] },
      `test/Export: 'healthBackends[0]' must be ${backends}; received null`],
    ['a backend that cannot watch the pipeline', { healthBackends: [MonitorBackend.grafana({ datasourceUid: 'cloudwatch' })] },
      `test/Export: 'healthBackends[0]' must be ${backends}; received "grafana backend Grafana"`],
    ['health backends that are not a list', { healthBackends: MonitorBackend.datadog() as any },
      `test/Export: 'healthBackends' must be a list of ${backends}; [] for no health checks; received "datadog backend Datadog"`],
    ['two backends of one kind', { healthBackends: [MonitorBackend.cloudwatch(), MonitorBackend.cloudwatch({ id: 'Alarms' })] },
      "test/Export: 'healthBackends[1]' must be a backend of another kind than healthBackends[0] (at most one CloudWatch and one Datadog backend: a second one would create every health check twice); received \"cloudwatch backend Alarms\""],
    ['a Datadog handle as a health target', { healthTargets: ['@slack-ops' as any] },
      `test/Export: 'healthTargets[0]' must be ${target}; received "@slack-ops"`],
    ['health targets that are not a list', { healthTargets: 'ops@example.com' as any },
      `test/Export: 'healthTargets' must be a list of targets, each ${target}; received "ops@example.com"`],
    ['a severity that does not exist', { healthSeverity: 'SEV9' as any },
      "test/Export: 'healthSeverity' must be a Severity (SEV1 … SEV5); received \"SEV9\""],
    ['a freshness limit a healthy one-minute stream reaches', { maxDataFreshness: 100 },
      "test/Export: 'maxDataFreshness' must be a whole number of seconds from 120 (the buffering interval of 60 s plus a minute: Firehose holds records that long before it delivers them) to 86400; received 100"],
    ['a freshness limit a healthy fifteen-minute stream reaches', { exportInterval: ExportInterval.FIFTEEN_MINUTES, maxDataFreshness: 900 },
      "test/Export: 'maxDataFreshness' must be a whole number of seconds from 960 (the buffering interval of 900 s plus a minute: Firehose holds records that long before it delivers them) to 86400; received 900"],
  ];

  test.each(cases)('rejects %s', (_what, props, message) => {
    const stack = newStack();
    setup(stack);
    let caught: unknown;
    try {
      new DatadogExport(stack, 'Export', props);
    } catch (e) {
      caught = e;
    }
    expect(Errors.isValidationError(caught)).toBe(true);
    expect((caught as Error).message).toBe(message);
  });

  test('an object that is not a notification target is refused by the checks, as the export\'s healthTargets[i]', () => {
    expect(() => build({ healthTargets: [email, MonitorBackend.datadog() as any] })).toThrow(/^test\/Export: 'healthTargets\[1\]' must be .*INotificationTarget.*; received /);
  });

  test('a target with a bad address is refused as the export\'s healthTargets[i].address', () => {
    expect(() => build({ healthTargets: [NotificationTarget.email({ address: 'not-an-address' })] }))
      .toThrow("test/Export: 'healthTargets[0].address' must be an e-mail address; received \"not-an-address\"");
  });

  test('the same target twice is refused', () => {
    expect(() => build({ healthTargets: [email, email] })).toThrow(/^test\/Export: 'healthTargets\[1\]' must be targets with distinct ids .*; received "email-ops-at-example-com"$/);
  });

  test('a CloudWatch backend of another AWS connection is refused (its alarms would never see the pipeline\'s metrics)', () => {
    const stack = newStack();
    setup(stack);
    const other = new AwsConnection(stack, 'Other', { region: 'us-east-1', alias: 'other' });
    expect(() => new DatadogExport(stack, 'Export', { healthBackends: [MonitorBackend.cloudwatch({ connection: other })] })).toThrow(
      "test/Export: 'healthBackends[0].connection' must be unset or the export's AwsConnection (test/Aws): the alarms watch the Firehose and S3 metrics of the export's own account and region; received \"test/Other\"");
  });

  test('a Datadog backend of another organization is refused', () => {
    const stack = newStack();
    const { datadog } = setup(stack);
    const other = new DatadogConnection(stack, 'OtherOrg', {
      alias: 'other',
      apiKey: Secret.fromTerraformVariable(stack, 'OtherApi', { variableName: 'other_api' }),
      appKey: Secret.fromTerraformVariable(stack, 'OtherApp', { variableName: 'other_app' }),
    });
    expect(() => new DatadogExport(stack, 'Export', { datadog, healthBackends: [MonitorBackend.datadog({ connection: other })] })).toThrow(
      "test/Export: 'healthBackends[0].connection' must be unset or the export's DatadogConnection (test/Datadog): the monitors watch the metrics the export sends to that organization; received \"test/OtherOrg\"");
  });

  test('the backend given to the export is the same one for an explicit connection of the export', () => {
    const stack = newStack();
    const { aws } = setup(stack);
    const exp = new DatadogExport(stack, 'Export', { healthBackends: [MonitorBackend.cloudwatch({ connection: aws, id: 'Alarms' })] });
    expect(exp.healthChecks.map((h) => h.backend.id)).toEqual(Array(4).fill('Alarms'));
    expect(exp.healthChecks[0].monitor.missingData).toBe(MissingData.NOT_BREACHING);
    expect(exp.healthChecks[0].monitor.comparison).toBe(ComparisonOperator.LESS_THAN);
  });
});

describe('validation', () => {
  const cases: [string, DatadogExportProps, string][] = [
    ['an interval not in the allowed set', { exportInterval: 'TEN_MINUTES' as any },
      "test/Export: 'exportInterval' must be ExportInterval.ONE_MINUTE, FIVE_MINUTES or FIFTEEN_MINUTES (1, 5 or 15 minutes); received \"TEN_MINUTES\""],
    ['an empty namespace', { includeFilters: [{ namespace: '' }] },
      "test/Export: 'includeFilters[0].namespace' must be a CloudWatch namespace such as AWS/Lambda; received \"\""],
    ['an unknown AWS namespace', { includeFilters: [{ namespace: 'AWS/Lambada' }] },
      `test/Export: 'includeFilters[0].namespace' must be an AWS namespace (${DatadogExport.knownNamespaces().join(', ')}), or a custom namespace with allowCustomNamespaces: true; received "AWS/Lambada"`],
    ['a custom namespace without the opt-in', { excludeFilters: [{ namespace: 'Acme/Checkout' }] },
      `test/Export: 'excludeFilters[0].namespace' must be an AWS namespace (${DatadogExport.knownNamespaces().join(', ')}), or a custom namespace with allowCustomNamespaces: true; received "Acme/Checkout"`],
    ['an AWS/ namespace even with the opt-in', { allowCustomNamespaces: true, includeFilters: [{ namespace: 'AWS/Nope' }] },
      `test/Export: 'includeFilters[0].namespace' must be an AWS namespace (${DatadogExport.knownNamespaces().join(', ')}) or a custom namespace of 1-255 printable ASCII characters not starting with AWS/; received "AWS/Nope"`],
    ['include and exclude filters at once', { includeFilters: [{ namespace: 'AWS/Lambda' }], excludeFilters: [{ namespace: 'AWS/SQS' }] },
      "test/Export: 'excludeFilters' must be empty when includeFilters is given (a metric stream has either include or exclude filters); received [{\"namespace\":\"AWS/SQS\"}]"],
    ['a duplicate namespace', { includeFilters: [{ namespace: 'AWS/SQS' }, { namespace: 'AWS/SQS' }] },
      "test/Export: 'includeFilters[1].namespace' must be a namespace not already in another filter; received \"AWS/SQS\""],
    ['a statistic that is not a percentile', { additionalStatistics: [{ namespace: 'AWS/Lambda', metricName: 'Duration', statistics: ['p100'] }] },
      "test/Export: 'additionalStatistics[0].statistics[0]' must be a percentile pNN between p0 and p100 exclusive, such as p50, p99, p99.9 (the OpenTelemetry output formats accept only percentiles); received \"p100\""],
    ['a Datadog metric name starting with a digit', { metricMapping: [{ namespace: 'AWS/Lambda', metricName: 'Duration', datadogMetricName: '9lives', unit: 'second' }] },
      "test/Export: 'metricMapping[0].datadogMetricName' must be a Datadog metric name: a letter first, then ASCII letters, digits, _ or ., at most 200 characters; received \"9lives\""],
    ['a Datadog metric name with a dash', { metricMapping: [{ namespace: 'AWS/Lambda', metricName: 'Duration', datadogMetricName: 'lambda.run-time', unit: 'second' }] },
      "test/Export: 'metricMapping[0].datadogMetricName' must be a Datadog metric name: a letter first, then ASCII letters, digits, _ or ., at most 200 characters; received \"lambda.run-time\""],
    ['a Datadog metric name over 200 characters', { metricMapping: [{ namespace: 'AWS/Lambda', metricName: 'Duration', datadogMetricName: `a${'b'.repeat(200)}`, unit: 'second' }] },
      `test/Export: 'metricMapping[0].datadogMetricName' must be a Datadog metric name: a letter first, then ASCII letters, digits, _ or ., at most 200 characters; received "a${'b'.repeat(199)}…"`],
    ['a custom-namespace mapping without a Datadog name', { allowCustomNamespaces: true, metricMapping: [{ namespace: 'Acme/Checkout', metricName: 'Orders', unit: 'order' }] },
      "test/Export: 'metricMapping[0].datadogMetricName' must be a Datadog metric name: a letter first, then ASCII letters, digits, _ or ., at most 200 characters (required: no documented naming rule for Acme/Checkout Orders); received undefined"],
    ['a region that is not an AWS region', { integrationRegions: ['eu-west-1', 'mars-north-1'] },
      `test/Export: 'integrationRegions[1]' must be an AWS region (${AwsRegions.all().join(', ')}); received "mars-north-1"`],
    ['a retry duration over the Firehose limit', { retryDuration: 7201 },
      "test/Export: 'retryDuration' must be a whole number from 0 to 7200; received 7201"],
    ['a buffer size over the Firehose limit', { bufferSize: 65 },
      "test/Export: 'bufferSize' must be a whole number from 1 to 64; received 65"],
    ['a success rate above 1', { minDeliverySuccessRate: 99 },
      "test/Export: 'minDeliverySuccessRate' must be a number greater than 0 and at most 1; received 99"],
    ['a tag key Datadog rejects', { tags: { '1team': 'x' } },
      "test/Export: 'tags.1team' must be a Datadog tag key (a letter, then up to 199 letters, digits, _ - . /); received \"1team\""],
    ['a name with a space', { name: 'my export' },
      "test/Export: 'name' must be a name of 1-48 letters, digits, _ or -; received \"my export\""],
  ];

  test.each(cases)('rejects %s', (_what, props, message) => {
    const stack = newStack();
    setup(stack);
    let caught: unknown;
    try {
      new DatadogExport(stack, 'Export', props);
    } catch (e) {
      caught = e;
    }
    expect(Errors.isValidationError(caught)).toBe(true);
    expect((caught as Error).message).toBe(message);
  });

  test('a role-delegated integration in China is refused', () => {
    expect(() => build({}, { region: 'cn-north-1' })).toThrow(
      "test/Export: 'accountIntegration' must be false for an account in partition aws-cn with site US1 (Datadog supports role delegation there only for GovCloud with US1-FED); received true");
  });
});
