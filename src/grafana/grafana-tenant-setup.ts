import { GrafanaAuth, GrafanaConnection } from './grafana-connection';
import { Tenant } from '../catalog/tenant';
import { ITenantStackBuilder, TenantStack } from '../catalog/tenant-stacks';
import { fail, optionalBoolean, optionalPattern } from '../core/private/validate';

/** Props of a `GrafanaTenantSetup`. */
export interface GrafanaTenantSetupProps {
  /** Root URL of the Grafana instance that holds the tenants' organizations. */
  readonly url: string;
  /**
   * The feature that switches Grafana on for a tenant (declared in the catalog).
   * @default "grafana"
   */
  readonly feature?: string;
  /**
   * The name of the tenant's service-account token in the tenant secret store. A Grafana
   * service account belongs to one organization, so each tenant's token reaches only its own.
   * @default "grafana/token"
   */
  readonly tokenSecret?: string;
  /**
   * The key of the tenant's Grafana organization in the catalog's `orgIds`.
   * @default "grafana"
   */
  readonly orgIdKey?: string;
  /**
   * Probe Grafana at plan time (see `IntegrationConnectionProps.testConnection`).
   * @default true
   */
  readonly testConnection?: boolean;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Grafana for each tenant whose feature is on: a `GrafanaConnection` (id `Grafana`) whose
 * provider works in the tenant's own organization (`org_id` = the tenant's `orgIds.grafana`,
 * which no other tenant has) with the tenant's own service-account token. Every Grafana
 * resource of the tenant's stack is created in that organization. A tenant with Grafana on
 * and no organization id is a ValidationError.
 */
export class GrafanaTenantSetup implements ITenantStackBuilder {
  private readonly props: GrafanaTenantSetupProps;

  constructor(props: GrafanaTenantSetupProps) {
    this.props = props;
  }

  public buildTenantStack(stack: TenantStack, tenant: Tenant): void {
    const p = this.props;
    if (p === null || typeof p !== 'object') fail(stack, 'GrafanaTenantSetup', p, 'GrafanaTenantSetupProps (url …)');
    const feature = optionalPattern(stack, 'GrafanaTenantSetup.feature', p.feature, NAME, 'a feature name declared in the tenant catalog') ?? 'grafana';
    if (!tenant.isEnabled(feature)) return;
    const key = optionalPattern(stack, 'GrafanaTenantSetup.orgIdKey', p.orgIdKey, NAME, 'a key of the catalog\'s orgIds (e.g. grafana)') ?? 'grafana';
    const orgId = tenant.orgId(key);
    if (orgId === undefined) {
      fail(stack, `orgIds.${key}`, undefined, `the Grafana organization id of tenant ${tenant.id} (orgIds: { ${key}: <id> } in the catalog), since ${feature} is on for it`);
    }
    new GrafanaConnection(stack, 'Grafana', {
      url: p.url,
      orgId,
      auth: GrafanaAuth.serviceAccountToken(stack.secret(p.tokenSecret ?? 'grafana/token')),
      testConnection: optionalBoolean(stack, 'GrafanaTenantSetup.testConnection', p.testConnection, true),
    });
  }
}
