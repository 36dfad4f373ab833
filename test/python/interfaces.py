"""jsii interfaces of the library implemented in Python, used from a MonitorConfig.

- OpsgenieTarget implements IDatadogNotificationTarget: the Datadog backend calls
  bind_to_datadog() for each alert whose severity the target takes;
- ParameterBackend implements IMonitorBackend: it renders each monitor as an SSM parameter
  (an L1 resource of the AWS provider's Python package) and returns a RenderedParameter
  (IRenderedMonitor) that tags the parameter with every target it is asked to notify.

Usage: python interfaces.py OUTDIR; writes OUTDIR/calls.json with what the Python side was asked.
"""
import json
import os
import sys
from typing import List

import jsii
from cdktf import App, TerraformResource, TerraformStack
from cdktf_cdktf_provider_aws.ssm_parameter import SsmParameter
from constructs import IConstruct

from cdktf_integrations import (
    AwsConnection,
    AwsService,
    ComparisonOperator,
    DatadogBackend,
    DatadogConnection,
    DatadogSite,
    DatadogTargetBinding,
    IDatadogNotificationTarget,
    IMonitorBackend,
    INotificationTarget,
    IRenderedMonitor,
    MonitorBackend,
    MonitorConfig,
    NotificationTarget,
    Secret,
    Severity,
    Signal,
)

calls: List[str] = []


@jsii.implements(IDatadogNotificationTarget)
class OpsgenieTarget:
    """Pages the payments team through Datadog's Opsgenie integration, for SEV1 and SEV2."""

    @property
    def target_id(self) -> str:
        return "opsgenie-payments"

    @property
    def severities(self) -> List[Severity]:
        return [Severity.SEV1, Severity.SEV2]

    def bind_to_datadog(self, scope: IConstruct, backend: DatadogBackend, severity: Severity) -> DatadogTargetBinding:
        calls.append(f"bind {scope.node.path} {backend.id} {severity.value}")
        return DatadogTargetBinding(handle="@opsgenie-payments")


@jsii.implements(IRenderedMonitor)
class RenderedParameter:
    def __init__(self, backend: IMonitorBackend, resource: SsmParameter) -> None:
        self._backend = backend
        self._resource = resource

    @property
    def backend(self) -> IMonitorBackend:
        return self._backend

    @property
    def resource(self) -> TerraformResource:
        return self._resource

    def add_target(self, target: INotificationTarget) -> None:
        calls.append(f"target {self._resource.node.scope.node.path} {target.target_id}")
        self._resource.add_override(f"tags.notify-{target.target_id}", "true")


@jsii.implements(IMonitorBackend)
class ParameterBackend:
    """A monitor backend of the user's own: each monitor becomes an SSM parameter."""

    @property
    def kind(self) -> str:
        return "parameter"

    @property
    def id(self) -> str:
        return "Parameter"

    def render(self, monitor: MonitorConfig) -> IRenderedMonitor:
        calls.append(f"render {monitor.node.path} {monitor.title}")
        parameter = SsmParameter(
            monitor,
            self.id,
            name=f"/monitors/{monitor.node.id}",
            type="String",
            value=json.dumps({"title": monitor.title, "critical": monitor.critical, "severity": monitor.severity.value}),
            provider=AwsConnection.of(monitor).provider,
        )
        return RenderedParameter(self, parameter)


def build(app: App) -> TerraformStack:
    stack = TerraformStack(app, "interfaces")
    AwsConnection(stack, "Aws", region="eu-west-1")
    DatadogConnection(
        stack,
        "Datadog",
        site=DatadogSite.EU1,
        api_key=Secret.from_environment(stack, "ApiKey", environment_variable="TF_VAR_datadog_api_key"),
        app_key=Secret.from_environment(stack, "AppKey", environment_variable="TF_VAR_datadog_app_key"),
    )
    backends = [MonitorBackend.datadog(), ParameterBackend()]
    targets = [OpsgenieTarget(), NotificationTarget.email(address="payments@acme.example")]
    MonitorConfig(
        stack,
        "Errors",
        backends=backends,
        targets=targets,
        title="checkout: Lambda errors",
        message="The checkout function fails.",
        signal=Signal.aws_metric(AwsService.LAMBDA, "checkout", "Errors"),
        comparison=ComparisonOperator.GREATER_THAN,
        critical=10,
        severity=Severity.SEV2,
    )
    # SEV3: the Opsgenie target does not take it, so it is neither bound nor added.
    MonitorConfig(
        stack,
        "Latency",
        backends=backends,
        targets=targets,
        title="checkout: p99 duration",
        message="Checkout is slow.",
        signal=Signal.aws_metric(AwsService.LAMBDA, "checkout", "Duration"),
        comparison=ComparisonOperator.GREATER_THAN,
        critical=3000,
        severity=Severity.SEV3,
    )
    return stack


def main() -> None:
    outdir = sys.argv[1]
    app = App(outdir=outdir, stack_traces=False)
    build(app)
    app.synth()
    with open(os.path.join(outdir, "calls.json"), "w") as f:
        json.dump(calls, f, indent=2)


if __name__ == "__main__":
    main()
