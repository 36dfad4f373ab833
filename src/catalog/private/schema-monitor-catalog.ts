/**
 * The JSON Schema of monitor catalog files (`MonitorCatalog.fromFile`), the one definition of
 * the format: files are validated with it, and the build publishes it as
 * `schemas/monitor-catalog.schema.json` for editors. CSV rows are converted to the same model
 * and validated with it too.
 */

const NAME = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
/** The catalog key of a monitor (CatalogMonitor.id). */
import { AwsService } from '../../signals/signal';

export const MONITOR_ID_PATTERN = '^[a-z0-9][a-z0-9._-]{0,127}$';
/** A duration: whole seconds, or a number with the unit s, m, h or d. */
export const DURATION_PATTERN = '^[1-9][0-9]*(s|m|h|d)$';

const duration = (what: string) => ({
  description: `${what}: whole seconds (300), or a whole number with a unit s, m, h or d ("5m", "1h")`,
  type: ['integer', 'string'],
  minimum: 1,
  pattern: DURATION_PATTERN,
});

const names = (what: string) => ({
  description: what,
  type: 'array',
  items: { description: 'a name of 1-64 letters, digits, ., _ and -, starting with a letter or digit', type: 'string', pattern: NAME },
  uniqueItems: true,
});

/** What defaults, services and monitors all take (a monitor's own value wins, then its service's, then `defaults`). */
const SETTINGS = {
  backends: names('The backends the monitors are rendered to, by the names the code gives them (e.g. datadog, cloudwatch, grafana); replaces what an outer level names'),
  targets: names('Notification targets, by the names the code gives them; added to those of the outer levels'),
  tags: {
    description: 'Tags (Datadog tags key:value, CloudWatch alarm tags, Grafana labels), merged with those of the outer levels',
    type: 'object',
    propertyNames: { description: 'A tag key', type: 'string', minLength: 1, maxLength: 200 },
    additionalProperties: { description: 'A tag value', type: 'string' },
  },
  severity: {
    description: 'How bad an alert is, SEV1 (page now) to SEV5 (informational); targets are routed by it',
    enum: ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'],
  },
  period: duration('the length of one evaluation period'),
  evaluationPeriods: {
    description: 'Number of periods evaluated (alternatively give window)',
    type: 'integer',
    minimum: 1,
    maximum: 100000,
  },
  window: duration('the total evaluation window, a multiple of period (sets evaluationPeriods to window / period)'),
  datapointsToAlarm: {
    description: 'Number of breaching periods, of evaluationPeriods, that raise the alert',
    type: 'integer',
    minimum: 1,
    maximum: 100000,
  },
  missingData: {
    description: 'What to do when the signal has no data',
    enum: ['MISSING', 'BREACHING', 'NOT_BREACHING', 'IGNORE'],
  },
  renotifyInterval: {
    description: 'Re-notify while the alert stays open, every this many minutes',
    type: 'integer',
    minimum: 1,
    maximum: 43200,
  },
  runbook: {
    description: 'an http or https URL where responders find what to do',
    type: 'string',
    pattern: '^https?://[^\\s]+$',
  },
};

const SIGNAL = {
  description: 'What the monitor watches: exactly one of cloudwatch, aws, datadog, promql or nrql',
  type: 'object',
  additionalProperties: false,
  properties: {
    cloudwatch: {
      description: 'A CloudWatch metric (evaluated by CloudWatch, by Datadog through its AWS integration, and by Grafana through a CloudWatch data source)',
      type: 'object',
      additionalProperties: false,
      required: ['namespace', 'metric'],
      properties: {
        namespace: { description: 'The namespace, e.g. AWS/Lambda or a custom namespace', type: 'string', minLength: 1, maxLength: 255 },
        metric: { description: 'The metric name, e.g. Errors', type: 'string', minLength: 1, maxLength: 255 },
        dimensions: {
          description: 'The dimensions, by name, e.g. FunctionName: checkout',
          type: 'object',
          maxProperties: 30,
          additionalProperties: { description: 'A dimension value', type: 'string', minLength: 1, maxLength: 1024 },
        },
        statistic: {
          description: 'a statistic: Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p99',
          type: 'string',
          pattern: '^(Average|Sum|Minimum|Maximum|SampleCount|p\\d{1,2}(\\.\\d{1,2})?)$',
        },
        datadogMetric: {
          description: 'the Datadog name of this metric (a letter, then letters, digits, _ or .), when the aws.<service>.<snake_case> rule does not give it',
          type: 'string',
          pattern: '^[A-Za-z][A-Za-z0-9_.]{0,199}$',
        },
      },
    },
    aws: {
      description: 'A metric an AWS service publishes about one resource (a CloudWatch metric with the service\'s namespace and dimension, and the statistic that suits it)',
      type: 'object',
      additionalProperties: false,
      required: ['service', 'resource', 'metric'],
      properties: {
        service: { description: 'The AWS service', enum: Object.values(AwsService) },
        resource: {
          description: 'The resource: function name, app/<name>/<id> of a load balancer, queue name, DB instance identifier, table name, or <cluster>/<service> for ECS',
          type: 'string',
          minLength: 1,
        },
        metric: { description: 'The metric name as the service publishes it, e.g. Errors', type: 'string', minLength: 1, maxLength: 255 },
        statistic: {
          description: 'a statistic: Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p99 (default: Sum for counts, Average otherwise)',
          type: 'string',
          pattern: '^(Average|Sum|Minimum|Maximum|SampleCount|p\\d{1,2}(\\.\\d{1,2})?)$',
        },
        dimensions: {
          description: 'Further dimensions, by name',
          type: 'object',
          additionalProperties: { description: 'A dimension value', type: 'string', minLength: 1, maxLength: 1024 },
        },
      },
    },
    datadog: {
      description: 'A Datadog metric query without time aggregation, window or comparison, e.g. sum:trace.http.request.errors{service:checkout}.as_count()',
      type: 'string',
      minLength: 1,
    },
    timeAggregation: {
      description: 'How a Datadog query is aggregated over the window (only with datadog)',
      enum: ['avg', 'sum', 'min', 'max'],
    },
    promql: { description: 'A PromQL query (Grafana with a Prometheus data source)', type: 'string', minLength: 1 },
    nrql: { description: 'A New Relic NRQL query: one SELECT of one aggregate, without SINCE, UNTIL or TIMESERIES', type: 'string', minLength: 1 },
  },
};

const threshold = (what: string) => ({ description: what, type: 'number' });

const MONITOR_PROPERTIES = {
  id: {
    description: 'the monitor\'s key in the catalog, unique: 1-128 characters of a-z, 0-9, ., _ and -, starting with a letter or digit (renaming it replaces the monitor)',
    type: 'string',
    pattern: MONITOR_ID_PATTERN,
  },
  title: { description: 'The name (Datadog monitor name, CloudWatch alarm name, Grafana rule title)', type: 'string', minLength: 1, maxLength: 255 },
  message: { description: 'What the alert says', type: 'string', minLength: 1 },
  signal: SIGNAL,
  comparison: {
    description: 'How the signal is compared with the thresholds',
    enum: ['>', '>=', '<', '<=', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL'],
  },
  critical: threshold('The critical (alert) threshold'),
  warning: threshold('A warning threshold, on the non-alerting side of critical'),
  criticalRecovery: threshold('The value at which a critical alert recovers, on the non-alerting side of critical'),
  warningRecovery: threshold('The value at which a warning recovers, on the non-alerting side of warning'),
  ...SETTINGS,
};

const MONITOR_REQUIRED = ['id', 'title', 'message', 'signal', 'comparison', 'critical'];

const severity = (what: string) => ({ description: what, enum: ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] });

const SLO_PROPERTIES = {
  id: {
    description: 'the SLO\'s key in the catalog, unique among its SLOs: 1-128 characters of a-z, 0-9, ., _ and -, starting with a letter or digit',
    type: 'string',
    pattern: MONITOR_ID_PATTERN,
  },
  name: { description: 'The name of the SLO (its burn-rate alerts are named after it)', type: 'string', minLength: 1, maxLength: 200 },
  message: { description: 'What the SLO promises (alert messages start with it); default: the name', type: 'string', minLength: 1 },
  target: { description: 'The target in percent, greater than 0 and less than 100 (e.g. 99.9)', type: 'number' },
  window: { description: 'The rolling window the SLO is measured over (default 30d)', enum: ['7d', '30d', '90d'] },
  good: { ...SIGNAL, description: 'Good events, a count: exactly one of cloudwatch, aws, datadog, promql or nrql' },
  total: { ...SIGNAL, description: 'All events, a count: exactly one of cloudwatch, aws, datadog, promql or nrql' },
  burnRateAlerts: {
    description: 'The multi-window burn-rate alerts (default: page 14.4x 1h/5m, page 6x 6h/30m, ticket 3x 1d/2h)',
    type: 'array',
    minItems: 1,
    items: {
      description: 'A burn-rate alert: alert when both windows burn the error budget at least this fast',
      type: 'object',
      additionalProperties: false,
      required: ['urgency', 'burnRate', 'longWindow', 'shortWindow'],
      properties: {
        urgency: { description: 'PAGE (the SLO\'s pageSeverity) or TICKET (its ticketSeverity)', enum: ['PAGE', 'TICKET'] },
        burnRate: { description: 'The burn rate (1 = the error budget lasts exactly the window)', type: 'number' },
        longWindow: duration('the long window, whole minutes'),
        shortWindow: duration('the short window, shorter than the long one, whole minutes'),
      },
    },
  },
  pageSeverity: severity('The severity of PAGE alerts (default SEV2)'),
  ticketSeverity: severity('The severity of TICKET alerts (default SEV4)'),
  runbook: SETTINGS.runbook,
  tags: SETTINGS.tags,
  targets: SETTINGS.targets,
  backends: SETTINGS.backends,
};

const SLO_REQUIRED = ['id', 'name', 'target', 'good', 'total'];

/** The JSON Schema of a monitor catalog file. */
export const MONITOR_CATALOG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://cdktf-integrations.dev/schemas/monitor-catalog.schema.json',
  title: 'Monitor catalog',
  description: 'Monitors declared in a file and read by MonitorCatalog.fromFile(): defaults, services and their monitors',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { description: 'The schema of this file, for editors', type: 'string' },
    defaults: {
      description: 'Settings of every monitor of the file (a service\'s or a monitor\'s own value wins)',
      type: 'object',
      additionalProperties: false,
      properties: SETTINGS,
    },
    services: {
      description: 'Services by name: their settings and monitors; each of their monitors gets the tag service:<name>',
      type: 'object',
      propertyNames: { description: 'a service name of 1-64 letters, digits, ., _ and -, starting with a letter or digit', type: 'string', pattern: NAME },
      additionalProperties: {
        description: 'A service: settings of its monitors, and its monitors',
        type: 'object',
        additionalProperties: false,
        properties: {
          ...SETTINGS,
          slos: {
            description: 'The SLOs of the service',
            type: 'array',
            items: {
              description: 'An SLO of the service: a good/total ratio with burn-rate alerts',
              type: 'object',
              additionalProperties: false,
              required: SLO_REQUIRED,
              properties: SLO_PROPERTIES,
            },
          },
          monitors: {
            description: 'The monitors of the service',
            type: 'array',
            items: {
              description: 'A monitor of the service',
              type: 'object',
              additionalProperties: false,
              required: MONITOR_REQUIRED,
              properties: MONITOR_PROPERTIES,
            },
          },
        },
      },
    },
    monitors: {
      description: 'Monitors; one with a service field takes that service\'s settings and tag',
      type: 'array',
      items: {
        description: 'A monitor',
        type: 'object',
        additionalProperties: false,
        required: MONITOR_REQUIRED,
        properties: {
          service: { description: 'the service the monitor belongs to, a name of 1-64 letters, digits, ., _ and - (a key of services, or any name: it gives the tag service:<name>)', type: 'string', pattern: NAME },
          ...MONITOR_PROPERTIES,
        },
      },
    },
    slos: {
      description: 'SLOs (Slo constructs under the catalog): a good/total ratio with multi-window burn-rate alerts',
      type: 'array',
      items: {
        description: 'An SLO',
        type: 'object',
        additionalProperties: false,
        required: SLO_REQUIRED,
        properties: {
          service: { description: 'the service the SLO belongs to, a name of 1-64 letters, digits, ., _ and -', type: 'string', pattern: NAME },
          ...SLO_PROPERTIES,
        },
      },
    },
    dashboards: {
      description: 'Dashboards of the catalog\'s monitors: a time series of each monitor\'s signal with its thresholds',
      type: 'array',
      items: {
        description: 'A dashboard',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'backends'],
        properties: {
          id: {
            description: 'the dashboard\'s key in the catalog, unique among its dashboards: 1-128 characters of a-z, 0-9, ., _ and -, starting with a letter or digit',
            type: 'string',
            pattern: MONITOR_ID_PATTERN,
          },
          title: { description: 'The title', type: 'string', minLength: 1, maxLength: 255 },
          description: { description: 'The description', type: 'string', minLength: 1 },
          service: { description: 'the service whose monitors are drawn (default: every monitor, or those of monitors)', type: 'string', pattern: NAME },
          monitors: {
            description: 'The monitors drawn, by id (default: those of service, or every monitor)',
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { description: 'a monitor id of this file', type: 'string', pattern: MONITOR_ID_PATTERN },
          },
          backends: names('The dashboard backends, by the names the code gives them (MonitorCatalogFileOptions.dashboardBackends)'),
        },
      },
    },
  },
};
