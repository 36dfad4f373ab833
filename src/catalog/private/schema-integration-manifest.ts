/**
 * JSON Schema of the manifest an IntegrationCatalog writes next to its stack's cdk.tf.json
 * (`integrations.manifest.json`): every integration of the stack, what it connects, and how its
 * health is checked.
 */
const CHECKED_BY = {
  type: 'object',
  description: 'One way the signal is checked',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: {
      description: 'integration-alarm (an alarm or monitor the integration created), catalog-monitor (a monitor the catalog created) or plan-check (a Terraform check block)',
      enum: ['integration-alarm', 'catalog-monitor', 'plan-check'],
    },
    system: { type: 'string', description: 'The system that evaluates it (a monitor backend kind such as cloudwatch or datadog; terraform for a plan check)' },
    address: { type: 'string', description: 'Terraform address of the alarm, monitor or check block, e.g. aws_cloudwatch_metric_alarm.x' },
  },
};

const SIGNAL = {
  type: 'object',
  description: 'The signal watched',
  additionalProperties: false,
  required: ['kind', 'description'],
  properties: {
    kind: { type: 'string', description: 'The signal kind (CLOUDWATCH_METRIC, DATADOG_QUERY, PROMQL, NRQL, CLOUDWATCH_EXPRESSION)' },
    description: { type: 'string', description: 'The signal for humans: namespace and metric, or the query' },
    statistic: { type: 'string', description: 'The CloudWatch statistic' },
    dimensions: {
      type: 'object',
      description: 'The CloudWatch dimensions; values naming resources are Terraform expressions',
      additionalProperties: { type: 'string', description: 'A dimension value' },
    },
  },
};

const HEALTH_SIGNAL = {
  type: 'object',
  description: 'One health signal of the integration',
  additionalProperties: false,
  required: ['name', 'kind', 'description', 'checkedBy'],
  properties: {
    name: { type: 'string', description: 'Name of the signal, unique within the integration', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,62}$' },
    kind: { description: 'What the signal tells', enum: ['FRESHNESS', 'ERROR_RATE', 'DEAD_LETTERS', 'THROTTLING', 'CONNECTIVITY'] },
    description: { type: 'string', description: 'What broken means, for humans' },
    signal: SIGNAL,
    comparison: { description: 'How the signal compares with the threshold when broken', enum: ['>', '>=', '<', '<='] },
    threshold: { type: 'number', description: 'The threshold that means broken' },
    periodSeconds: { type: 'integer', description: 'Length of one evaluation period in seconds', minimum: 1 },
    evaluationPeriods: { type: 'integer', description: 'Breaching periods that mean broken', minimum: 1 },
    missingData: { description: 'What no data means', enum: ['MISSING', 'BREACHING', 'NOT_BREACHING', 'IGNORE'] },
    checkedBy: { type: 'array', description: 'How the signal is checked; empty when nothing checks it', items: CHECKED_BY },
  },
};

const SECRET = {
  type: 'object',
  description: 'A secret the integration uses, by reference (never its value)',
  additionalProperties: false,
  required: ['role', 'source', 'path'],
  properties: {
    role: { type: 'string', description: 'What the secret is for, e.g. apiKey' },
    source: { description: 'Where its value comes from', enum: ['TERRAFORM_VARIABLE', 'ENVIRONMENT', 'SECRETS_MANAGER', 'SSM_PARAMETER', 'UNSAFE_PLAIN_TEXT'] },
    path: { type: 'string', description: 'Construct path of the Secret' },
    variable: { type: 'string', description: 'The Terraform variable that receives the value' },
    environmentVariable: { type: 'string', description: 'The environment variable Terraform reads the value from' },
    reference: { type: 'string', description: 'Terraform expression of the Secrets Manager secret or SSM parameter ARN' },
  },
};

const INTEGRATION = {
  type: 'object',
  description: 'One integration',
  additionalProperties: false,
  required: ['id', 'kind', 'name', 'path', 'systems', 'connections', 'endpoint', 'secrets', 'resources', 'status', 'health'],
  properties: {
    id: { type: 'string', description: 'kind/name, unique in the manifest' },
    kind: { type: 'string', description: 'The kind of integration, e.g. webhook or connection.datadog', pattern: '^[a-z][a-z0-9.-]{0,63}$' },
    name: { type: 'string', description: 'The integration name, unique within its kind', minLength: 1 },
    path: { type: 'string', description: 'Construct path of the integration' },
    systems: { type: 'array', description: 'The external systems involved, sorted', items: { type: 'string', description: 'A system, e.g. aws' } },
    connections: { type: 'array', description: 'Ids of the connections it uses (or their construct paths when not in the manifest)', items: { type: 'string', description: 'A connection id' } },
    endpoint: {
      type: 'object',
      description: 'Where it connects to, only what is not secret',
      additionalProperties: { type: 'string', description: 'An endpoint fact' },
    },
    secrets: { type: 'array', description: 'The secrets it uses, by reference', items: SECRET },
    resources: {
      type: 'object',
      description: 'Its main resources as Terraform expressions',
      additionalProperties: { type: 'string', description: 'A Terraform expression' },
    },
    status: {
      description: 'checked (every signal is checked), partially-checked, unchecked (no signal is checked) or no-health-signal',
      enum: ['checked', 'partially-checked', 'unchecked', 'no-health-signal'],
    },
    health: {
      description: 'The health signals, or "none" when the integration has none',
      anyOf: [
        { type: 'array', description: 'The health signals', minItems: 1, items: HEALTH_SIGNAL },
        { const: 'none', description: 'The integration has no health signal' },
      ],
    },
    reason: { type: 'string', description: 'Why the integration has no health signal (with health "none")' },
  },
  if: { properties: { health: { const: 'none', description: 'No health signal' } }, required: ['health'] },
  then: {
    required: ['reason'],
    properties: {
      reason: { type: 'string', description: 'Why the integration has no health signal', minLength: 1 },
      status: { const: 'no-health-signal', description: 'An integration without health signal' },
    },
  },
  else: { properties: { reason: { not: {}, description: 'Only with health "none"' } } },
};

export const INTEGRATION_MANIFEST_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://cdktf-integrations.dev/schemas/integration-manifest.schema.json',
  title: 'cdktf-integrations integration manifest',
  description: 'Every integration of a stack: what it connects and how its health is checked (written by IntegrationCatalog)',
  type: 'object',
  additionalProperties: false,
  required: ['$schema', 'manifestVersion', 'stack', 'integrations'],
  properties: {
    $schema: { const: 'https://cdktf-integrations.dev/schemas/integration-manifest.schema.json', description: 'The schema of this document' },
    manifestVersion: { const: 1, description: 'Version of the manifest format' },
    stack: { type: 'string', description: 'The cdktf stack' },
    integrations: { type: 'array', description: 'The integrations, sorted by id', items: INTEGRATION },
  },
};
