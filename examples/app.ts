/**
 * Every example in one cdktf app: `npx cdktf synth` at the repository root runs this file
 * (see cdktf.json) and writes one stack per example stack into cdktf.out.
 */
import { App } from 'cdktf';
import { adoptionExample } from './adoption/main';
import { alertRoutingExample } from './alert-routing/main';
import { catalogExample } from './catalog/main';
import { connectionsExample } from './connections/main';
import { dashboardsExample } from './dashboards/main';
import { dashboardsImportExample } from './dashboards-import/main';
import { datadogExportExample } from './datadog-export/main';
import { discoveryExample } from './discovery/main';
import { doraMetricsExample } from './dora-metrics/main';
import { fourBackendsExample } from './four-backends/main';
import { gitlabGitopsExample } from './gitlab-gitops/main';
import { gitopsExample } from './gitops/main';
import { integrationCatalogExample } from './integration-catalog/main';
import { jiraIncidentsExample } from './jira-incidents/main';
import { kubernetesExample } from './kubernetes/main';
import { monitorsExample } from './monitors/main';
import { openSloExample } from './openslo/main';
import { quickstartExample } from './quickstart/main';
import { serviceTemplateExample } from './service-template/main';
import { tenantsExample } from './tenants/main';

/** The examples, by name; each adds its stacks to the app. */
export const EXAMPLES: Record<string, (app: App) => unknown> = {
  'quickstart': quickstartExample,
  'service-template': serviceTemplateExample,
  'connections': connectionsExample,
  'dashboards': dashboardsExample,
  'dashboards-import': dashboardsImportExample,
  'datadog-export': datadogExportExample,
  'gitops': gitopsExample,
  'jira-incidents': jiraIncidentsExample,
  'monitors': monitorsExample,
  'four-backends': fourBackendsExample,
  'catalog': catalogExample,
  'adoption': adoptionExample,
  'openslo': openSloExample,
  'integration-catalog': integrationCatalogExample,
  'tenants': tenantsExample,
  'alert-routing': alertRoutingExample,
  'dora-metrics': doraMetricsExample,
  'gitlab-gitops': gitlabGitopsExample,
  'discovery': discoveryExample,
  'kubernetes': kubernetesExample,
};

/** Adds every example's stacks to `app`. */
export function buildExamples(app: App): App {
  for (const name of Object.keys(EXAMPLES)) EXAMPLES[name](app);
  return app;
}

if (require.main === module) {
  buildExamples(new App()).synth();
}
