import type { DatadogSite } from './datadog-site';

/**
 * Options of a GitOps pipeline's deployment reports to Datadog DORA Metrics: every apply of
 * the default branch is a deployment of `service` to `env`; a failed apply, and a rollback,
 * are also a failure of it.
 */
export interface DoraReportingOptions {
  /**
   * The service deployed, as Datadog names it (its `service` tag; the name in the Software
   * Catalog): a lower-case letter, then lower-case letters, digits, `_ - . : /`, at most 200.
   */
  readonly service: string;
  /**
   * The environment deployed to (its `env` tag).
   * @default - the pipeline's apply environment, lower-cased
   */
  readonly env?: string;
  /**
   * The team that owns the service (a Datadog team handle).
   * @default - none: Datadog takes the team of the service in the Software Catalog
   */
  readonly team?: string;
  /**
   * The Datadog site of the organization.
   * @default DatadogSite.US1
   */
  readonly site?: DatadogSite;
  /**
   * Name of the CI secret (GitHub Actions secret, GitLab CI/CD variable: masked, protected)
   * that holds a Datadog API key.
   * @default "DD_API_KEY"
   */
  readonly apiKeyVariable?: string;
}
