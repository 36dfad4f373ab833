/**
 * The New Relic provider bindings, loaded on first use: `@cdktf/provider-newrelic` is an
 * optional peer dependency, so the library must load without it, and only a stack that uses
 * the New Relic backend needs it installed.
 */
import type * as alertPolicy from '@cdktf/provider-newrelic/lib/alert-policy';
import type * as entityTags from '@cdktf/provider-newrelic/lib/entity-tags';
import type * as notificationChannel from '@cdktf/provider-newrelic/lib/notification-channel';
import type * as notificationDestination from '@cdktf/provider-newrelic/lib/notification-destination';
import type * as nrqlAlertCondition from '@cdktf/provider-newrelic/lib/nrql-alert-condition';
import type * as oneDashboard from '@cdktf/provider-newrelic/lib/one-dashboard';
import type * as provider from '@cdktf/provider-newrelic/lib/provider';
import type * as workflow from '@cdktf/provider-newrelic/lib/workflow';
import { optionalPackage } from '../../core/private/optional-package';

const PACKAGE = '@cdktf/provider-newrelic';
/** The version the library is built and tested with (package.json peerDependencies). */
export const NEW_RELIC_PROVIDER_PACKAGE_VERSION = '13.12.2';

const load = optionalPackage(PACKAGE, NEW_RELIC_PROVIDER_PACKAGE_VERSION, 'cdktf-cdktf-provider-newrelic', 'The New Relic backend');

/** The provider modules the New Relic folder uses, each loaded when first called. */
export const newRelicL1 = {
  alertPolicy: () => load<typeof alertPolicy>('alert-policy'),
  entityTags: () => load<typeof entityTags>('entity-tags'),
  notificationChannel: () => load<typeof notificationChannel>('notification-channel'),
  notificationDestination: () => load<typeof notificationDestination>('notification-destination'),
  nrqlAlertCondition: () => load<typeof nrqlAlertCondition>('nrql-alert-condition'),
  oneDashboard: () => load<typeof oneDashboard>('one-dashboard'),
  provider: () => load<typeof provider>('provider'),
  workflow: () => load<typeof workflow>('workflow'),
};
