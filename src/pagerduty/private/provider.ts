/**
 * The PagerDuty provider bindings, loaded on first use: `@cdktf/provider-pagerduty` is an
 * optional peer dependency, so the library must load without it, and only a stack that manages
 * PagerDuty services (`PagerDutyService`) needs it installed.
 */
import type * as dataVendor from '@cdktf/provider-pagerduty/lib/data-pagerduty-vendor';
import type * as escalationPolicy from '@cdktf/provider-pagerduty/lib/escalation-policy';
import type * as provider from '@cdktf/provider-pagerduty/lib/provider';
import type * as service from '@cdktf/provider-pagerduty/lib/service';
import type * as serviceIntegration from '@cdktf/provider-pagerduty/lib/service-integration';
import { optionalPackage } from '../../core/private/optional-package';

const PACKAGE = '@cdktf/provider-pagerduty';
/** The version the library is built and tested with (package.json peerDependencies). */
export const PAGERDUTY_PROVIDER_PACKAGE_VERSION = '14.3.9';

const load = optionalPackage(PACKAGE, PAGERDUTY_PROVIDER_PACKAGE_VERSION, 'cdktf-cdktf-provider-pagerduty', 'PagerDutyService');

/** The provider modules the PagerDuty folder uses, each loaded when first called. */
export const pagerDutyL1 = {
  dataVendor: () => load<typeof dataVendor>('data-pagerduty-vendor'),
  escalationPolicy: () => load<typeof escalationPolicy>('escalation-policy'),
  provider: () => load<typeof provider>('provider'),
  service: () => load<typeof service>('service'),
  serviceIntegration: () => load<typeof serviceIntegration>('service-integration'),
};
