"""Bad inputs, as a new user writes them in Python, each case refused before anything is created.

- inputs: problems visible in the inputs alone, all in one component, so that every one must be
  reported at once under the user's own property path;
- secret: a malformed manualKey given as a secret Output: refused, its value never printed;
- facts: inputs that look right but contradict what AWS reports (a subnet AWS does not have, an
  activation Region other than the provider's): refused once looked up, before any child exists.

IDs are those of the AWS test double's world (tests/examples/world.ts, destination side).
"""

import pulumi
import pulumi_datasync_privatelink as dspl

config = pulumi.Config()
case = config.require("case")

VPC = "vpc-0d5700000000000a1"
SUBNET_A = "subnet-0d5700000000000a1"
SUBNET_B = "subnet-0d5700000000000b2"
MISSING_SUBNET = "subnet-0d57000000000dead"


def onprem_link(**overrides):
    return dspl.LinkSettingsArgs(
        mode=dspl.LinkMode.EXISTING,
        source_cidr_blocks=overrides.get("source", ["192.168.0.0/16"]),
        destination_cidr_blocks=overrides.get("destination", ["10.0.0.0/16"]),
    )


if case == "inputs":
    dspl.PrivateAgent(
        "bad-inputs",
        vpc_id="subnet-0d5700000000000a1",  # a subnet ID where the VPC ID goes
        endpoint_subnet_ids=[SUBNET_A, "rtb-0d5700000000000a1"],  # a route table among the subnets
        agent_mode="turbo",  # not an AgentMode; the Python SDK lets the string through
        agents=[
            dspl.AgentSpecArgs(
                name="onprem agent (site A)",  # CreateAgent's name pattern has no parentheses
                address="127.0.0.1",  # loopback: cannot be an agent
                activation=dspl.ActivationSettingsArgs(timeout_seconds=0),
            ),
        ],
        link=onprem_link(destination=["10.0.0.0/33"]),  # not a CIDR
        source=dspl.AwsSideArgs(region="eu-west"),  # not a Region code
        tags={"aws:team": "storage"},  # the aws: prefix is AWS's own
    )
elif case == "secret":
    dspl.PrivateAgent(
        "bad-secret",
        vpc_id=VPC,
        endpoint_subnet_ids=[SUBNET_A],
        agents=[
            dspl.AgentSpecArgs(
                name="onprem-1",
                address="192.168.10.5",
                activation=dspl.ActivationSettingsArgs(
                    mode=dspl.ActivationMode.MANUAL,
                    manual_key=pulumi.Output.secret("NOT-A-KEY-" + config.require("secretMarker")),
                ),
            ),
        ],
        link=onprem_link(),
    )
elif case == "facts":
    dspl.PrivateAgent(
        "bad-facts",
        vpc_id=VPC,
        endpoint_subnet_ids=[SUBNET_B, MISSING_SUBNET],
        activation_region="us-east-1",  # the stack's provider is in eu-west-2
        agents=[dspl.AgentSpecArgs(name="onprem-1", address="192.168.10.5")],
        link=onprem_link(),
    )
else:
    raise ValueError(f"unknown case {case!r}")
