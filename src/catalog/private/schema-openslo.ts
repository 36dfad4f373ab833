/**
 * The subset of OpenSLO v1 that `OpenSloCatalog` reads, as a JSON Schema (draft-07), one document
 * of a multi-document file at a time. Field names, kinds and shapes follow the OpenSLO v1
 * specification (github.com/OpenSLO/OpenSLO, README.md §General Schema, §DataSource, §SLO,
 * §Objectives, §SLI, §Ratio Metric, §AlertPolicy, §AlertCondition, §AlertNotificationTarget,
 * §Service). Fields of OpenSLO v1 the library cannot express (thresholdMetric, raw and bad ratio
 * metrics, calendar windows, time slices, composite objectives) are not in this schema: the
 * catalog refuses them with the reason before the document is validated against it.
 */

// OpenSLO v1 README §General Schema: names follow RFC 1123 at least ("up to 63 characters,
// lowercase alphanumeric or -"); implementations may accept more, and the spec's own examples use
// upper-case names (§AlertNotificationTarget), so letters of both cases, digits, '-', '_' and '.'.
const NAME = {
  type: 'string',
  description: 'a name of 1-253 letters, digits, -, _ or ., starting and ending with a letter or digit',
  pattern: '^[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?$',
};

// OpenSLO v1 README §Custom Data Types, duration-shorthand: a positive integer and one of m h d w M Q Y.
const DURATION = {
  type: 'string',
  description: 'a duration shorthand: a positive whole number and m, h, d, w, M, Q or Y (e.g. 1h, 30d)',
  pattern: '^[1-9][0-9]*[mhdwMQY]$',
};

// OpenSLO v1 README §General Schema / §SLO: "description ... up to 1050 characters".
const DESCRIPTION = { type: 'string', maxLength: 1050, description: 'a description of at most 1050 characters' };

const METADATA = {
  type: 'object',
  description: 'the object\'s name and labels',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { ...NAME, description: 'the name other objects refer to it by (letters, digits, -, _ or .)' },
    displayName: { type: 'string', minLength: 1, maxLength: 255, description: 'a human-readable name (the SLO\'s name in Datadog, CloudWatch and Grafana)' },
    labels: {
      type: 'object',
      description: 'labels, key to string value (they become tags)',
      additionalProperties: { type: 'string', description: 'a label value (a string; lists of values are not read)' },
    },
    annotations: {
      type: 'object',
      description: 'annotations, key to string value (not read)',
      additionalProperties: { type: 'string', description: 'an annotation value' },
    },
  },
};

const SOURCE_TYPE = {
  type: 'string',
  description: 'the metric source type: Datadog, Prometheus or CloudWatch',
  enum: ['Datadog', 'Prometheus', 'CloudWatch'],
};

// CloudWatch dimensions: a map, or the list of {name, value} of the CloudWatch API
// (docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Dimension.html).
const DIMENSIONS = {
  type: ['object', 'array'],
  description: 'CloudWatch dimensions: a map of name to value, or a list of { name, value }',
  additionalProperties: { type: 'string', description: 'a dimension value' },
  items: {
    type: 'object',
    description: 'one dimension',
    additionalProperties: false,
    required: ['name', 'value'],
    properties: {
      name: { type: 'string', minLength: 1, description: 'the dimension name' },
      value: { type: 'string', minLength: 1, description: 'the dimension value' },
    },
  },
};

// CloudWatch statistics (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html):
// an SLO counts events, so only the summing ones.
const STAT = { type: 'string', description: 'the CloudWatch statistic: Sum or SampleCount (an SLO counts events)', enum: ['Sum', 'SampleCount'] };

const METRIC_SPEC = {
  type: 'object',
  description: 'the query of the source: query (Datadog, Prometheus), or namespace, metricName, dimensions and stat or metricStat (CloudWatch)',
  additionalProperties: false,
  properties: {
    query: { type: 'string', minLength: 1, description: 'the Datadog metric query or the PromQL counter selector' },
    namespace: { type: 'string', minLength: 1, maxLength: 255, description: 'the CloudWatch namespace' },
    metricName: { type: 'string', minLength: 1, maxLength: 255, description: 'the CloudWatch metric name' },
    dimensions: DIMENSIONS,
    stat: STAT,
    // The MetricStat shape of the CloudWatch API (API_MetricStat.html): metric, period, stat.
    metricStat: {
      type: 'object',
      description: 'a CloudWatch MetricStat: metric (namespace, metricName, dimensions), stat and period',
      additionalProperties: false,
      required: ['metric'],
      properties: {
        metric: {
          type: 'object',
          description: 'the CloudWatch metric',
          additionalProperties: false,
          required: ['namespace', 'metricName'],
          properties: {
            namespace: { type: 'string', minLength: 1, maxLength: 255, description: 'the CloudWatch namespace' },
            metricName: { type: 'string', minLength: 1, maxLength: 255, description: 'the CloudWatch metric name' },
            dimensions: DIMENSIONS,
          },
        },
        stat: STAT,
        period: { type: 'integer', minimum: 60, description: 'the period in seconds (the library sets each burn-rate window as the period, so it is not read)' },
      },
    },
  },
};

const METRIC = {
  type: 'object',
  description: 'one query of the SLI',
  additionalProperties: false,
  required: ['metricSource'],
  properties: {
    metricSource: {
      type: 'object',
      description: 'where the metric comes from',
      additionalProperties: false,
      required: ['spec'],
      properties: {
        metricSourceRef: { ...NAME, description: 'the name of a DataSource of the file (its type is the source type)' },
        type: SOURCE_TYPE,
        spec: METRIC_SPEC,
      },
    },
  },
};

const SLI_SPEC = {
  type: 'object',
  description: 'the indicator: a ratioMetric of good over total events',
  additionalProperties: false,
  required: ['ratioMetric'],
  properties: {
    description: DESCRIPTION,
    ratioMetric: {
      type: 'object',
      description: 'good events over total events',
      additionalProperties: false,
      required: ['good', 'total'],
      properties: {
        counter: { type: 'boolean', description: 'true: the queries count events' },
        good: { ...METRIC, description: 'the good events (the numerator)' },
        total: { ...METRIC, description: 'all events (the denominator)' },
      },
    },
  },
};

const INLINE_SLI = {
  type: 'object',
  description: 'an SLI written inline: metadata and spec',
  additionalProperties: false,
  required: ['spec'],
  properties: {
    metadata: METADATA,
    spec: SLI_SPEC,
  },
};

const CONDITION_SPEC = {
  type: 'object',
  description: 'the alert condition',
  additionalProperties: false,
  required: ['severity', 'condition'],
  properties: {
    description: DESCRIPTION,
    severity: { type: 'string', description: 'page or ticket: the SLO\'s pageSeverity or ticketSeverity', enum: ['page', 'ticket'] },
    condition: {
      type: 'object',
      description: 'a burn-rate condition',
      additionalProperties: false,
      required: ['op', 'threshold', 'lookbackWindow'],
      properties: {
        // OpenSLO v1 README §AlertCondition: kind enum(burnrate), "defaults to burnrate".
        kind: { type: 'string', description: 'burnrate (the only kind of OpenSLO v1)', enum: ['burnrate'] },
        op: { type: 'string', description: 'gt or gte: alert when the burn rate reaches the threshold', enum: ['gt', 'gte'] },
        threshold: { type: 'number', exclusiveMinimum: 0, description: 'the burn rate (greater than 0)' },
        lookbackWindow: { ...DURATION, description: 'the long window of the burn rate, in m, h or d (e.g. 1h)', pattern: '^[1-9][0-9]*[mhd]$' },
        alertAfter: { ...DURATION, description: 'the short window, in m, h or d, shorter than lookbackWindow (0m or absent: lookbackWindow / 12)', pattern: '^[0-9]+[mhd]$' },
      },
    },
  },
};

const INLINE_CONDITION = {
  type: 'object',
  description: 'an alert condition: conditionRef, or kind AlertCondition with metadata and spec',
  additionalProperties: false,
  properties: {
    conditionRef: { ...NAME, description: 'the name of an AlertCondition of the file' },
    kind: { type: 'string', description: 'AlertCondition', enum: ['AlertCondition'] },
    metadata: METADATA,
    spec: CONDITION_SPEC,
  },
};

const TARGET_SPEC = {
  type: 'object',
  description: 'the notification target',
  additionalProperties: false,
  required: ['target'],
  properties: {
    target: { type: 'string', minLength: 1, description: 'what the target is (e.g. slack, email); the target is found by its name in the targets option' },
    description: DESCRIPTION,
  },
};

const INLINE_TARGET = {
  type: 'object',
  description: 'a notification target: targetRef, or kind AlertNotificationTarget with metadata and spec',
  additionalProperties: false,
  properties: {
    targetRef: { ...NAME, description: 'the name of an AlertNotificationTarget (of the file or of the targets option)' },
    kind: { type: 'string', description: 'AlertNotificationTarget', enum: ['AlertNotificationTarget'] },
    metadata: METADATA,
    spec: TARGET_SPEC,
  },
};

const POLICY_SPEC = {
  type: 'object',
  description: 'the alert policy',
  additionalProperties: false,
  required: ['conditions'],
  properties: {
    description: DESCRIPTION,
    alertWhenNoData: { type: 'boolean', description: 'false (the burn-rate alerts treat missing data as not breaching)' },
    alertWhenResolved: { type: 'boolean', description: 'whether recoveries notify (each backend sends recoveries its own way)' },
    alertWhenBreaching: { type: 'boolean', description: 'true (an alert that never notifies on a breach is refused)' },
    // OpenSLO v1 README §AlertPolicy: conditions is an array "(max of one condition)".
    conditions: { type: 'array', minItems: 1, maxItems: 1, description: 'exactly one alert condition', items: INLINE_CONDITION },
    notificationTargets: { type: 'array', description: 'who hears the alerts', items: INLINE_TARGET },
  },
};

const INLINE_POLICY = {
  type: 'object',
  description: 'an alert policy: alertPolicyRef, or kind AlertPolicy with metadata and spec',
  additionalProperties: false,
  properties: {
    alertPolicyRef: { ...NAME, description: 'the name of an AlertPolicy of the file' },
    kind: { type: 'string', description: 'AlertPolicy', enum: ['AlertPolicy'] },
    metadata: METADATA,
    spec: POLICY_SPEC,
  },
};

const SLO_SPEC = {
  type: 'object',
  description: 'the SLO',
  additionalProperties: false,
  required: ['budgetingMethod', 'objectives'],
  properties: {
    description: DESCRIPTION,
    service: { ...NAME, description: 'the service of the SLO (a Service of the file, if any; it becomes the tag service:<name>)' },
    indicator: INLINE_SLI,
    indicatorRef: { ...NAME, description: 'the name of an SLI of the file' },
    timeWindow: {
      type: 'array',
      minItems: 1,
      maxItems: 1,
      description: 'exactly one rolling time window',
      items: {
        type: 'object',
        description: 'a rolling time window',
        additionalProperties: false,
        required: ['duration'],
        properties: {
          duration: { ...DURATION, description: 'the window: 7d, 1w, 30d or 90d' },
          isRolling: { type: 'boolean', description: 'true (rolling windows only)' },
        },
      },
    },
    budgetingMethod: { type: 'string', description: 'Occurrences (good events over total events)', enum: ['Occurrences'] },
    objectives: {
      type: 'array',
      minItems: 1,
      maxItems: 1,
      description: 'exactly one objective',
      items: {
        type: 'object',
        description: 'the objective: target or targetPercent',
        additionalProperties: false,
        properties: {
          displayName: { type: 'string', minLength: 1, description: 'a name of the objective (not used)' },
          // OpenSLO v1 README §Objectives: target [0.0, 1.0), targetPercent [0.0, 100); the
          // library's Slo takes a target greater than 0.
          target: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'the target as a fraction, greater than 0 and less than 1 (0.999)' },
          targetPercent: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100, description: 'the target in percent, greater than 0 and less than 100 (99.9)' },
        },
      },
    },
    alertPolicies: { type: 'array', description: 'the alert policies (absent: the library\'s default burn-rate alerts)', items: INLINE_POLICY },
  },
};

const DATASOURCE_SPEC = {
  type: 'object',
  description: 'the data source',
  additionalProperties: false,
  required: ['type'],
  properties: {
    description: DESCRIPTION,
    type: SOURCE_TYPE,
    // Free-form by the spec (§DataSource); not read: the library's connections hold credentials.
    connectionDetails: { type: 'object', description: 'connection details (not read: the library\'s connections say where the data is)' },
  },
};

const SERVICE_SPEC = {
  type: 'object',
  description: 'the service',
  additionalProperties: false,
  properties: { description: DESCRIPTION },
};

const KINDS: Array<[string, object]> = [
  ['SLO', SLO_SPEC],
  ['SLI', SLI_SPEC],
  ['AlertPolicy', POLICY_SPEC],
  ['AlertCondition', CONDITION_SPEC],
  ['AlertNotificationTarget', TARGET_SPEC],
  ['Service', SERVICE_SPEC],
  ['DataSource', DATASOURCE_SPEC],
];

/** One OpenSLO v1 document of the subset `OpenSloCatalog` reads. */
export const OPENSLO_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://cdktf-integrations.dev/schemas/openslo.schema.json',
  title: 'OpenSLO v1 document (the subset cdktf-integrations reads)',
  description: 'One document of an OpenSLO v1 file: an SLO, SLI, AlertPolicy, AlertCondition, AlertNotificationTarget, Service or DataSource.',
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { type: 'string', description: 'openslo/v1', enum: ['openslo/v1'] },
    kind: { type: 'string', description: 'the kind of object', enum: KINDS.map(([k]) => k) },
    metadata: METADATA,
    spec: { type: 'object', description: 'what the object says (its shape depends on kind)' },
  },
  allOf: KINDS.map(([kind, spec]) => ({
    if: { type: 'object', required: ['kind'], properties: { kind: { const: kind } } },
    then: { type: 'object', properties: { spec } },
  })),
};
