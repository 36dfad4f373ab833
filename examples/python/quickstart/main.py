"""The quickstart in Python: the twin of examples/quickstart/main.ts."""
from cdktf import App, TerraformStack

from cdktf_integrations import AwsConnection, DatadogConnection, DatadogSite, Secret


def quickstart_example(app: App) -> TerraformStack:
    stack = TerraformStack(app, "quickstart")

    # Where AWS is, and how Terraform reaches it.
    aws = AwsConnection(stack, "Aws", region="eu-west-1")

    # Datadog keys never appear in cdktf.out: one comes from Secrets Manager,
    # the other from the environment variable TF_VAR_datadog_app_key when Terraform runs.
    DatadogConnection(
        stack,
        "Datadog",
        site=DatadogSite.EU1,
        api_key=Secret.from_secrets_manager(stack, "ApiKey", secret_id="datadog/api-key", aws=aws),
        app_key=Secret.from_environment(stack, "AppKey", environment_variable="TF_VAR_datadog_app_key"),
    )
    return stack


if __name__ == "__main__":
    app = App()
    quickstart_example(app)
    app.synth()
