import { Construct } from 'constructs';
import { MonitorGroup, MonitorPresetOptions } from './monitor-group';
import { AMOUNT, PERCENT } from './private/categories';
import { addCheck, backendsByKind, DatadogCheck, datadogScope, promSelector, requireKubernetesName, requireLabelValue, thresholdOf } from './private/per-backend';
import { fail } from '../core/private/validate';
import { ComparisonOperator, MissingData } from '../monitors/threshold';
import { Aggregation } from '../signals/signal';

/** Monitors of the traffic an API gateway or ingress controller routes to one service. */
export interface GatewayMonitorsProps extends MonitorPresetOptions {
  /**
   * The service as the gateway's metrics name it: a Kong service name, the Kubernetes Service an
   * ingress-nginx Ingress routes to, an Envoy cluster name, a Traefik service such as
   * `default-web-80@kubernetes`.
   */
  readonly service: string;
  /**
   * Only the requests of this Kong route (Kong only: the others report no route).
   * @default - every route of the service
   */
  readonly route?: string;
  /**
   * Only the requests of Ingresses in this Kubernetes namespace (ingress-nginx only).
   * @default - every namespace
   */
  readonly namespace?: string;
  /**
   * Alert when more than this percentage of the service's requests get a 5xx response over 5
   * minutes (the preset's own choice of default).
   * @default 5
   */
  readonly max5xxPercent?: number;
  /**
   * Alert when the p99 request latency over 5 minutes is above this many milliseconds (the
   * preset's own choice of default). Datadog publishes no percentile of these histograms: the
   * monitor is rendered to Grafana only.
   * @default 1000
   */
  readonly maxLatencyP99Ms?: number;
  /**
   * Also alert when the service gets fewer requests per second than this, on average over 5
   * minutes (no requests at all alert too).
   * @default - no request rate monitor
   */
  readonly minRequestsPerSecond?: number;
}

/** The gateways, one per `MonitorPresets` method (internal: not exported from the package). */
export enum GatewayKind {
  /** Kong Gateway's Prometheus plugin. */
  KONG = 'KONG',
  /** The Kubernetes ingress-nginx controller. */
  NGINX_INGRESS = 'NGINX_INGRESS',
  /** Envoy's Prometheus stats endpoint. */
  ENVOY = 'ENVOY',
  /** Traefik Proxy's Prometheus metrics. */
  TRAEFIK = 'TRAEFIK',
}

/** What one gateway's exporter and Datadog integration publish. */
interface GatewayMetrics {
  /** The name in titles and messages. */
  readonly name: string;
  /** The request counter and its labels. */
  readonly requests: string;
  readonly serviceLabel: string;
  /** The matcher of 5xx responses. */
  readonly fiveXx: [string, '=' | '=~', string];
  /** The latency histogram's buckets and its unit. */
  readonly latencyBuckets: string;
  readonly latencyInSeconds: boolean;
  /** Datadog: the request count, its service tag and the tag filter of 5xx responses. */
  readonly datadogRequests: string;
  readonly datadogServiceTag: string;
  readonly datadogFiveXx: string;
  /** Datadog: why the p99 is not evaluated there. */
  readonly datadogNoP99: string;
}

/**
 * Datadog tag filters take a trailing `*` wildcard on a value (Datadog, "Advanced Filtering",
 * Wildcard filtering, docs.datadoghq.com/metrics/advanced-filtering). The Prometheus labels of
 * the OpenMetrics-based integrations arrive as tags of the same name (Datadog, "OpenMetrics",
 * docs.datadoghq.com/integrations/openmetrics) unless the integration renames them.
 */
const METRICS: Record<GatewayKind, GatewayMetrics> = {
  // Kong Gateway 3.x Prometheus plugin: `kong_http_requests_total` (labels `service`, `route`,
  // `code`; with `status_code_metrics` on) and the `kong_request_latency_ms` histogram (with
  // `latency_metrics` on) (Kong, "Prometheus plugin", developer.konghq.com/plugins/prometheus;
  // Kong/kong, kong/plugins/prometheus/exporter.lua).
  // Datadog: `kong.http.status.count` (count, "HTTP status codes per service/route") and
  // `kong.latency.bucket` (buckets only, no percentile) (DataDog/integrations-core, kong/metadata.csv).
  [GatewayKind.KONG]: {
    name: 'Kong service',
    requests: 'kong_http_requests_total',
    serviceLabel: 'service',
    fiveXx: ['code', '=~', '5..'],
    latencyBuckets: 'kong_request_latency_ms_bucket',
    latencyInSeconds: false,
    datadogRequests: 'kong.http.status.count',
    datadogServiceTag: 'service',
    datadogFiveXx: 'code:5*',
    datadogNoP99: 'Datadog publishes kong.latency only as histogram buckets, count and sum, without a p99 (kong/metadata.csv)',
  },
  // ingress-nginx: `nginx_ingress_controller_requests` (labels `namespace`, `ingress`, `service`,
  // `status`) and the `nginx_ingress_controller_request_duration_seconds` histogram
  // (kubernetes/ingress-nginx, docs/user-guide/monitoring.md). Datadog:
  // `nginx_ingress.controller.requests` (count) and of durations only count, sum and the upstream
  // latency summary's quantiles (DataDog/integrations-core, nginx_ingress_controller/metadata.csv).
  [GatewayKind.NGINX_INGRESS]: {
    name: 'ingress-nginx service',
    requests: 'nginx_ingress_controller_requests',
    serviceLabel: 'service',
    fiveXx: ['status', '=~', '5..'],
    latencyBuckets: 'nginx_ingress_controller_request_duration_seconds_bucket',
    latencyInSeconds: true,
    datadogRequests: 'nginx_ingress.controller.requests',
    datadogServiceTag: 'service',
    datadogFiveXx: 'status:5*',
    datadogNoP99: 'Datadog publishes nginx_ingress.controller.request.duration only as count and sum, without a p99 (nginx_ingress_controller/metadata.csv)',
  },
  // Envoy: the cluster statistics `upstream_rq_<xx>` and the `upstream_rq_time` histogram in
  // milliseconds (Envoy documentation, "Cluster statistics",
  // envoyproxy.io/docs/envoy/latest/configuration/upstream/cluster_manager/cluster_stats), which the
  // Prometheus endpoint gives as `envoy_cluster_upstream_rq_xx` with tags `envoy_cluster_name` and
  // `envoy_response_code_class` and `envoy_cluster_upstream_rq_time_bucket` (the default tag
  // extraction, envoyproxy/envoy source/common/config/well_known_names.cc). Datadog:
  // `envoy.cluster.upstream_rq_xx.count` (DataDog/integrations-core, envoy/metadata.csv), the
  // cluster name under the tag `envoy_cluster` (envoy/datadog_checks/envoy/check.py, LABEL_MAP).
  [GatewayKind.ENVOY]: {
    name: 'Envoy cluster',
    requests: 'envoy_cluster_upstream_rq_xx',
    serviceLabel: 'envoy_cluster_name',
    fiveXx: ['envoy_response_code_class', '=', '5'],
    latencyBuckets: 'envoy_cluster_upstream_rq_time_bucket',
    latencyInSeconds: false,
    datadogRequests: 'envoy.cluster.upstream_rq_xx.count',
    datadogServiceTag: 'envoy_cluster',
    datadogFiveXx: 'envoy_response_code_class:5',
    datadogNoP99: 'Datadog publishes envoy.cluster.upstream_rq_time as buckets, count and sum, without a p99 (envoy/metadata.csv)',
  },
  // Traefik Proxy: `traefik_service_requests_total` (labels `code`, `method`, `protocol`,
  // `service`) and the `traefik_service_request_duration_seconds` histogram (Traefik
  // documentation, "Metrics", doc.traefik.io/traefik/observability/metrics/overview; traefik/traefik,
  // docs/content/observability/metrics/overview.md). Datadog's
  // Traefik Mesh integration publishes the proxies' service metrics as
  // `traefik_mesh.service.requests.count` (count) and `traefik_mesh.service.request.duration.seconds.bucket`
  // (buckets, no percentile) (DataDog/integrations-core, traefik_mesh/metadata.csv).
  [GatewayKind.TRAEFIK]: {
    name: 'Traefik service',
    requests: 'traefik_service_requests_total',
    serviceLabel: 'service',
    fiveXx: ['code', '=~', '5..'],
    latencyBuckets: 'traefik_service_request_duration_seconds_bucket',
    latencyInSeconds: true,
    datadogRequests: 'traefik_mesh.service.requests.count',
    datadogServiceTag: 'service',
    datadogFiveXx: 'code:5*',
    datadogNoP99: 'Datadog publishes traefik_mesh.service.request.duration.seconds only as buckets, count and sum, without a p99 (traefik_mesh/metadata.csv)',
  },
};

/** The preset's own choice: one request in twenty failing is an incident for most APIs. */
const DEFAULT_MAX_5XX_PERCENT = 5;
/** The preset's own choice: a second at the 99th percentile. */
const DEFAULT_MAX_LATENCY_P99_MS = 1000;
/** One 5-minute evaluation; the queries hold the 5-minute window (`[5m]`, Datadog `last_5m`). */
const FIVE_MINUTES = 300;

/**
 * The 5xx ratio, p99 latency and optionally a request rate floor of one service behind a gateway,
 * on Grafana (PromQL) and Datadog backends. `MonitorPresets.kongGateway()`, `.nginxIngress()`,
 * `.envoyProxy()`, `.traefikProxy()`.
 */
export function gatewayMonitors(scope: Construct, id: string, kind: GatewayKind, props: GatewayMonitorsProps): MonitorGroup {
  const g = new MonitorGroup(scope, id);
  const m = METRICS[kind];
  const service = requireLabelValue(g, 'service', props?.service, `the ${m.name} name as its metrics report it`);
  if (props.route !== undefined && kind !== GatewayKind.KONG) fail(g, 'route', props.route, 'no route: only Kong reports routes (use service)');
  const route = props.route === undefined ? undefined : requireLabelValue(g, 'route', props.route, 'a Kong route name');
  if (props.namespace !== undefined && kind !== GatewayKind.NGINX_INGRESS) fail(g, 'namespace', props.namespace, 'no namespace: only ingress-nginx reports the Ingress namespace');
  const ns = props.namespace === undefined ? undefined : requireKubernetesName(g, 'namespace', props.namespace);
  const max5xx = thresholdOf(g, 'max5xxPercent', props.max5xxPercent, PERCENT, DEFAULT_MAX_5XX_PERCENT);
  const maxP99 = thresholdOf(g, 'maxLatencyP99Ms', props.maxLatencyP99Ms, AMOUNT, DEFAULT_MAX_LATENCY_P99_MS);
  const minRate = props.minRequestsPerSecond === undefined ? undefined : thresholdOf(g, 'minRequestsPerSecond', props.minRequestsPerSecond, AMOUNT);
  const label = [ns, service, route].filter((x) => x !== undefined).join('/');
  g._configure(`${m.name} ${label}`, props);
  const backends = backendsByKind(g, m.name.split(' ')[0]);
  const p = props.titlePrefix ?? label;

  const matchers: Array<[string, '=' | '=~', string]> = [[m.serviceLabel, '=', service]];
  if (route !== undefined) matchers.push(['route', '=', route]);
  if (ns !== undefined) matchers.push(['namespace', '=', ns]);
  const sel = (...more: Array<[string, '=' | '=~', string]>) => promSelector([...matchers, ...more]);
  const tags: Array<[string, string]> = [[m.datadogServiceTag, service]];
  if (route !== undefined) tags.push(['route', route]);
  if (ns !== undefined) tags.push(['namespace', ns]);
  const dd = datadogScope(tags);
  const dd5xx = `${dd.slice(0, -1)},${m.datadogFiveXx}}`;

  const errorRate: DatadogCheck = {
    // With `.as_count()` a monitor aggregates each count over the window before the division
    // (Datadog, "as_count() in monitor evaluations", docs.datadoghq.com/monitors/guide/as-count-in-monitor-evaluations).
    query: `100 * sum:${m.datadogRequests}${dd5xx}.as_count() / sum:${m.datadogRequests}${dd}.as_count()`,
    timeAggregation: Aggregation.SUM,
  };
  addCheck(g, backends, {
    id: 'ErrorRate5xx',
    title: `${p}: 5xx ratio`,
    message: `More than ${max5xx}% of the requests to ${m.name} ${label} got a 5xx response over 5 minutes.`,
    promQl: `100 * sum(rate(${m.requests}${sel(m.fiveXx)}[5m])) / sum(rate(${m.requests}${sel()}[5m]))`,
    datadog: errorRate,
    comparison: ComparisonOperator.GREATER_THAN,
    critical: max5xx,
    period: FIVE_MINUTES,
    evaluationPeriods: 1,
    // No requests give no ratio: nothing failed.
    missingData: MissingData.NOT_BREACHING,
  });
  const quantile = `histogram_quantile(0.99, sum by (le) (rate(${m.latencyBuckets}${sel()}[5m])))`;
  addCheck(g, backends, {
    id: 'LatencyP99',
    title: `${p}: p99 latency`,
    message: `The p99 latency of ${m.name} ${label} was above ${maxP99} ms over 5 minutes.`,
    // Thresholds are in milliseconds; histograms in seconds are scaled.
    promQl: m.latencyInSeconds ? `1000 * ${quantile}` : quantile,
    datadog: m.datadogNoP99,
    comparison: ComparisonOperator.GREATER_THAN,
    critical: maxP99,
    period: FIVE_MINUTES,
    evaluationPeriods: 1,
    missingData: MissingData.NOT_BREACHING,
  });
  if (minRate !== undefined) {
    addCheck(g, backends, {
      id: 'RequestRate',
      title: `${p}: request rate`,
      message: `${m.name} ${label} got fewer than ${minRate} requests per second over 5 minutes.`,
      promQl: `sum(rate(${m.requests}${sel()}[5m]))`,
      datadog: { query: `sum:${m.datadogRequests}${dd}.as_rate()`, timeAggregation: Aggregation.AVG },
      comparison: ComparisonOperator.LESS_THAN,
      critical: minRate,
      period: FIVE_MINUTES,
      evaluationPeriods: 1,
      // No series is no traffic (or no exporter): below any floor.
      missingData: MissingData.BREACHING,
    });
  }
  return g;
}
