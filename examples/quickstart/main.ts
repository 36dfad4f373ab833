import { App, TerraformStack } from 'cdktf';
import { AwsConnection, DatadogConnection, DatadogSite, Secret } from '../../src';

export function quickstartExample(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'quickstart');

  // Where AWS is, and how Terraform reaches it.
  const aws = new AwsConnection(stack, 'Aws', { region: 'eu-west-1' });

  // Datadog keys never appear in cdktf.out: one comes from Secrets Manager,
  // the other from the environment variable TF_VAR_datadog_app_key when Terraform runs.
  new DatadogConnection(stack, 'Datadog', {
    site: DatadogSite.EU1,
    apiKey: Secret.fromSecretsManager(stack, 'ApiKey', { secretId: 'datadog/api-key', aws }),
    appKey: Secret.fromEnvironment(stack, 'AppKey', { environmentVariable: 'TF_VAR_datadog_app_key' }),
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  quickstartExample(app);
  app.synth();
}
