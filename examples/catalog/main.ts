/**
 * Example: monitor catalogs read from files. The shop's 51 monitors are declared in
 * `monitors.yaml` (defaults, services and monitors, validated against the published schema
 * `schemas/monitor-catalog.schema.json`); the ledger's in `ledger.csv`, one row per monitor, with
 * its defaults given in code. The code gives the backends and targets the files name.
 *
 * Stack `catalog`:
 * - CloudWatch metrics on Datadog, CloudWatch and Grafana (through its CloudWatch data source),
 *   PromQL on Grafana only, Datadog APM queries on Datadog only;
 * - SEV1/SEV2 page PagerDuty; the teams are e-mailed;
 * - two SLOs, and a dashboard per service on Datadog and Grafana.
 * Every credential comes from the environment (`TF_VAR_…`).
 */
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  AwsConnection, DashboardBackend, DatadogConnection, DatadogSite, GrafanaAuth, GrafanaConnection, MonitorBackend, MonitorCatalog,
  NotificationTarget, Secret, Severity,
} from '../../src';

export function catalogExample(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'catalog');
  const env = (id: string, name: string) => Secret.fromEnvironment(stack, id, { environmentVariable: `TF_VAR_${name}` });

  new AwsConnection(stack, 'Aws', { region: 'eu-west-1', accountId: '123456789012' });
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: env('DatadogApiKey', 'catalog_datadog_api_key'),
    appKey: env('DatadogAppKey', 'catalog_datadog_app_key'),
  });
  new GrafanaConnection(stack, 'Grafana', {
    url: 'https://shop.grafana.net',
    auth: GrafanaAuth.serviceAccountToken(env('GrafanaToken', 'catalog_grafana_token')),
  });

  // The names the files use.
  const backends = {
    datadog: MonitorBackend.datadog(),
    cloudwatch: MonitorBackend.cloudwatch(),
    grafana: MonitorBackend.grafana({ datasourceUid: 'prometheus', cloudWatchDatasourceUid: 'cloudwatch', folder: 'Shop' }),
  };
  const targets = {
    'pager': NotificationTarget.pagerDuty({
      serviceName: 'shop',
      integrationKey: env('PagerDutyKey', 'catalog_pagerduty_integration_key'),
      severities: [Severity.SEV1, Severity.SEV2],
    }),
    'shop-team': NotificationTarget.email({ address: 'shop-team@shop.example' }),
    'payments-team': NotificationTarget.email({ address: 'payments-team@shop.example' }),
  };

  const dashboardBackends = {
    datadog: DashboardBackend.datadog(),
    grafana: DashboardBackend.grafana({ datasourceUid: 'prometheus', cloudWatchDatasourceUid: 'cloudwatch' }),
  };

  MonitorCatalog.fromFile(stack, 'Shop', { file: path.join(__dirname, 'monitors.yaml'), backends, targets, dashboardBackends });
  MonitorCatalog.fromFile(stack, 'Ledger', {
    file: path.join(__dirname, 'ledger.csv'),
    backends,
    targets,
    defaults: { backends: ['datadog', 'cloudwatch'], targets: ['pager', 'payments-team'], tags: { team: 'payments' } },
  });
  return [stack];
}
