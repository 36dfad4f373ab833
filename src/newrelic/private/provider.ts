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

const PACKAGE = '@cdktf/provider-newrelic';
/** The version the library is built and tested with (package.json peerDependencies). */
export const NEW_RELIC_PROVIDER_PACKAGE_VERSION = '13.12.2';

function load<T>(module: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`${PACKAGE}/lib/${module}`) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes(PACKAGE)) {
      throw new Error(`The New Relic backend needs the ${PACKAGE} package: npm install ${PACKAGE}@${NEW_RELIC_PROVIDER_PACKAGE_VERSION} (in Python: pip install cdktf-cdktf-provider-newrelic)`);
    }
    throw e;
  }
}

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
