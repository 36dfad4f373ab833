/**
 * Example: one stack per tenant from a catalog file (tenants.yaml).
 *
 * Stacks `tenant-acme`, `tenant-globex`, `tenant-initech`: each with its own S3 state key
 * (`tenants/<tenant>/terraform.tfstate`, locked with S3 itself), its own AWS role and secrets
 * (`tenants/<tenant>/...` in Secrets Manager), its own Grafana organization, the Datadog tag
 * `tenant:<id>` on its monitors, and the integrations its features switch on: Datadog,
 * Grafana and Jira for Acme, Datadog only for Globex, Grafana and Jira for Initech. Per-tenant
 * settings override the Jira project and the error threshold.
 */
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  AwsService, AwsTenantSetup, ComparisonOperator, DatadogSite, DatadogTenantSetup, GrafanaTenantSetup, IMonitorBackend, ITenantStackBuilder,
  JiraAuth, JiraConnection, JiraWorkflow, MonitorBackend, MonitorConfig, Severity, Signal, Tenant, TenantCatalog, TenantSecretStore,
  TenantStack, TenantStacks, TenantStateBackend,
} from '../../src';

/** What every tenant runs: its checkout service, monitored where its features say. */
class CheckoutMonitoring implements ITenantStackBuilder {
  public buildTenantStack(stack: TenantStack, tenant: Tenant): void {
    const backends: IMonitorBackend[] = [MonitorBackend.cloudwatch()];
    if (tenant.isEnabled('datadog')) backends.push(MonitorBackend.datadog());
    if (tenant.isEnabled('grafana')) backends.push(MonitorBackend.grafana({ datasourceUid: 'cloudwatch', folder: `${tenant.displayName} checkout` }));

    const targets = [];
    if (tenant.isEnabled('jira')) {
      new JiraConnection(stack, 'Jira', {
        baseUrl: `https://${tenant.id}.atlassian.net`,
        auth: JiraAuth.apiToken(`automation@${tenant.id}.example`, stack.secret('jira/api-token')),
      });
      const incidents = new JiraWorkflow(stack, 'Incidents', {
        name: `${tenant.id}-incidents`,
        projectKey: tenant.setting('jiraProject', 'OPS')!,
        severity: Severity.SEV2,
        automationWebhookUrl: stack.secret('jira/automation-webhook', { jsonKey: 'url' }),
        automationWebhookToken: stack.secret('jira/automation-webhook', { jsonKey: 'token' }),
        cloudWatch: { alarmNamePrefix: `${tenant.id}-` },
        datadog: tenant.isEnabled('datadog') ? {} : undefined,
        grafana: tenant.isEnabled('grafana') ? {} : undefined,
      });
      targets.push(incidents.target());
    }

    new MonitorConfig(stack, 'CheckoutErrors', {
      title: `${tenant.id}-checkout-errors`,
      message: `The checkout function of ${tenant.displayName} fails invocations.`,
      signal: Signal.awsMetric(AwsService.LAMBDA, `${tenant.id}-checkout`, 'Errors'),
      comparison: ComparisonOperator.GREATER_THAN,
      critical: Number(tenant.setting('maxCheckoutErrors', '10')),
      severity: Severity.SEV2,
      tags: { service: 'checkout' },
      backends,
      targets,
    });
  }
}

export function tenantsExample(app: App): TerraformStack[] {
  const tenants = new TenantStacks(app, 'Tenants', {
    catalog: TenantCatalog.fromFile(path.join(__dirname, 'tenants.yaml')),
    state: TenantStateBackend.s3({ bucket: 'platform-terraform-state', region: 'eu-west-1', keyPrefix: 'tenants' }),
    secrets: TenantSecretStore.secretsManager({ nameTemplate: 'tenants/{tenant}/{name}' }),
    builders: [
      new AwsTenantSetup({ region: 'eu-west-1', accountId: '123456789012', assumeRoleArnTemplate: 'arn:aws:iam::123456789012:role/tenant-{tenant}-deployer' }),
      new DatadogTenantSetup({ site: DatadogSite.EU1 }),
      new GrafanaTenantSetup({ url: 'https://grafana.platform.example' }),
      new CheckoutMonitoring(),
    ],
  });
  return tenants.stacks;
}

if (require.main === module) {
  const app = new App();
  tenantsExample(app);
  app.synth();
}
