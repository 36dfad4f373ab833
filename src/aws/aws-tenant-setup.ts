import { AwsConnection } from './aws-connection';
import { Tenant } from '../catalog/tenant';
import { ITenantStackBuilder, TenantStack } from '../catalog/tenant-stacks';
import { fail, optionalBoolean, optionalPattern } from '../core/private/validate';

/** Props of an `AwsTenantSetup`. */
export interface AwsTenantSetupProps {
  /** The region of the tenants' AWS resources, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * The IAM role each tenant's stack assumes, with the placeholder `{tenant}`
   * (`arn:aws:iam::123456789012:role/tenant-{tenant}-deployer`): one role per tenant, whose
   * policy lets it read only that tenant's secrets.
   * @default - the credentials of the environment, for every tenant
   */
  readonly assumeRoleArnTemplate?: string;
  /**
   * The AWS account the credentials must belong to.
   * @default - any account
   */
  readonly accountId?: string;
  /**
   * Probe the credentials at plan time (see `IntegrationConnectionProps.testConnection`).
   * @default true
   */
  readonly testConnection?: boolean;
}

// IAM role names: letters, digits and +=,.@_- (IAM User Guide, "IAM object quotas … names"),
// 1-64 characters (docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
const ROLE_TEMPLATE = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/([\w+=,.@\/-]|\{tenant\})+$/;

/**
 * AWS for every tenant: the stack's default `AwsConnection` (id `Aws`), which also reads the
 * tenant's secrets from Secrets Manager or SSM, assuming the tenant's own role when
 * `assumeRoleArnTemplate` is given, with `tenant:<id>` and the tenant's tags as default tags
 * of every AWS resource.
 */
export class AwsTenantSetup implements ITenantStackBuilder {
  private readonly props: AwsTenantSetupProps;

  constructor(props: AwsTenantSetupProps) {
    this.props = props;
  }

  public buildTenantStack(stack: TenantStack, tenant: Tenant): void {
    const p = this.props;
    if (p === null || typeof p !== 'object') fail(stack, 'AwsTenantSetup', p, 'AwsTenantSetupProps (region …)');
    const template = optionalPattern(stack, 'AwsTenantSetup.assumeRoleArnTemplate', p.assumeRoleArnTemplate, ROLE_TEMPLATE,
      'an IAM role ARN template (arn:aws:iam::<12-digit account>:role/<name with {tenant}>)');
    if (template !== undefined && template.split('{tenant}').length !== 2) {
      fail(stack, 'AwsTenantSetup.assumeRoleArnTemplate', template, 'a role ARN template that contains {tenant} exactly once: one role for every tenant would share its credentials');
    }
    new AwsConnection(stack, 'Aws', {
      region: p.region,
      accountId: p.accountId,
      assumeRoleArn: template?.replace('{tenant}', tenant.id),
      defaultTags: tenant.tagsWithTenant,
      testConnection: optionalBoolean(stack, 'AwsTenantSetup.testConnection', p.testConnection, true),
    });
  }
}
