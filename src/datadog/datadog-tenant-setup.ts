import { DatadogConnection } from './datadog-connection';
import { DatadogSite } from './datadog-site';
import { DatadogStackTags } from './datadog-stack-tags';
import { Tenant } from '../catalog/tenant';
import { ITenantStackBuilder, TenantStack } from '../catalog/tenant-stacks';
import { fail, optionalBoolean, optionalPattern } from '../core/private/validate';

/** Props of a `DatadogTenantSetup`. */
export interface DatadogTenantSetupProps {
  /**
   * The feature that switches Datadog on for a tenant (declared in the catalog).
   * @default "datadog"
   */
  readonly feature?: string;
  /**
   * The Datadog site of the tenants' organizations.
   * @default DatadogSite.US1
   */
  readonly site?: DatadogSite;
  /**
   * The name of the tenant's API key in the tenant secret store (`tenants/<tenant>/<name>`).
   * @default "datadog/api-key"
   */
  readonly apiKeySecret?: string;
  /**
   * The name of the tenant's application key in the tenant secret store.
   * @default "datadog/app-key"
   */
  readonly appKeySecret?: string;
  /**
   * Probe the Datadog API at plan time (see `IntegrationConnectionProps.testConnection`).
   * @default true
   */
  readonly testConnection?: boolean;
}

const FEATURE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Datadog for each tenant whose feature is on: a `DatadogConnection` (id `Datadog`) with the
 * tenant's own keys, read from the tenant's secret paths, and the tags `tenant:<id>` and the
 * tenant's tags on every Datadog monitor and SLO of the tenant's stack (`DatadogStackTags`).
 */
export class DatadogTenantSetup implements ITenantStackBuilder {
  private readonly props: DatadogTenantSetupProps;

  constructor(props: DatadogTenantSetupProps = {}) {
    this.props = props ?? {};
  }

  public buildTenantStack(stack: TenantStack, tenant: Tenant): void {
    const p = this.props;
    const feature = optionalPattern(stack, 'DatadogTenantSetup.feature', p.feature, FEATURE, 'a feature name declared in the tenant catalog') ?? 'datadog';
    if (!tenant.isEnabled(feature)) return;
    if (p.site !== undefined && !(p.site instanceof DatadogSite)) fail(stack, 'DatadogTenantSetup.site', p.site, 'a DatadogSite (DatadogSite.US1 …)');
    new DatadogConnection(stack, 'Datadog', {
      site: p.site,
      apiKey: stack.secret(p.apiKeySecret ?? 'datadog/api-key'),
      appKey: stack.secret(p.appKeySecret ?? 'datadog/app-key'),
      testConnection: optionalBoolean(stack, 'DatadogTenantSetup.testConnection', p.testConnection, true),
    });
    DatadogStackTags.add(stack, tenant.tagsWithTenant);
  }
}
