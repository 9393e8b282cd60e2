"""The Python example programs, run as `pulumi up` would run them, against Pulumi mocks."""

import json
import os
import py_compile
import runpy

import pulumi
import pytest

from conftest import PRIVATE_AGENT, Mocks, agent_arn

EXAMPLE = "python-cross-account-peering"
PROJECT = "dspl-python-cross-account-peering"  # its Pulumi.yaml name: the config namespace

CONFIG = {
    "sourceRoleArn": "arn:aws:iam::222222222222:role/datasync-source",
    "destinationRoleArn": "arn:aws:iam::111111111111:role/datasync-destination",
    "sourceVpcId": "vpc-0fedcba9876543210",
    "sourceCidrBlocks": ["10.20.0.0/16"],
    "sourceRouteTableIds": ["rtb-0src"],
    "agentSubnetId": "subnet-0src1",
    "activationSourceCidr": "10.20.9.10/32",
    "destinationVpcId": "vpc-0123456789abcdef0",
    "destinationCidrBlocks": ["10.0.0.0/16"],
    "destinationRouteTableIds": ["rtb-0dst"],
    "endpointSubnetIds": ["subnet-0dst1", "subnet-0dst2"],
}


def test_example_compiles(examples_dir):
    py_compile.compile(os.path.join(examples_dir, EXAMPLE, "__main__.py"), doraise=True)


def test_example_project_wires_the_local_plugin(examples_dir):
    with open(os.path.join(examples_dir, EXAMPLE, "Pulumi.yaml")) as f:
        text = f.read()
    assert f"name: {PROJECT}\n" in text
    assert "plugins:\n  providers:\n    - name: datasync-privatelink\n      path: ../../provider\n" in text
    for key in CONFIG:
        assert f"\n  {key}:\n" in text, f"{key} is read by the program but not declared in Pulumi.yaml"


@pytest.fixture
def example_mocks():
    m = Mocks()
    pulumi.runtime.set_mocks(m, project=PROJECT, stack="dev", preview=False)
    # What `pulumi config set` stores: strings, objects as JSON.
    pulumi.runtime.set_all_config(
        {f"{PROJECT}:{k}": v if isinstance(v, str) else json.dumps(v) for k, v in CONFIG.items()}
    )
    yield m
    pulumi.runtime.set_all_config({})


@pulumi.runtime.test
def test_example_runs_and_registers_the_component_as_written(example_mocks, examples_dir):
    program = runpy.run_path(os.path.join(examples_dir, EXAMPLE, "__main__.py"), run_name="__main__")
    fleet = program["fleet"]

    def check(arn):
        r = example_mocks.one(PRIVATE_AGENT)
        assert r.name == "xacct"
        i = r.inputs
        # sessionName and the link's transit gateway settings: schema defaults the …Args classes fill in.
        session = {"sessionName": "datasync-privatelink"}
        assert i["source"] == {"region": "eu-west-2", "roleArn": CONFIG["sourceRoleArn"], **session}
        assert i["destination"] == {"region": "eu-west-2", "roleArn": CONFIG["destinationRoleArn"], **session}
        assert i["vpcId"] == CONFIG["destinationVpcId"]
        assert i["endpointSubnetIds"] == CONFIG["endpointSubnetIds"]
        assert i["link"] == {
            "mode": "peering",
            "sourceVpcId": CONFIG["sourceVpcId"],
            "sourceCidrBlocks": CONFIG["sourceCidrBlocks"],
            "destinationCidrBlocks": CONFIG["destinationCidrBlocks"],
            "sourceRouteTableIds": CONFIG["sourceRouteTableIds"],
            "destinationRouteTableIds": CONFIG["destinationRouteTableIds"],
            "transitGatewaySharing": "ram",
        }
        assert i["agents"] == [{"name": "ec2-agent-1", "instance": {"subnetId": CONFIG["agentSubnetId"]}}]
        assert i["agentMode"] == "basic"
        assert i["activationSourceCidrs"] == [CONFIG["activationSourceCidr"]]
        assert i["tags"] == {"project": PROJECT, "stack": "dev"}
        assert arn == agent_arn("ec2-agent-1")

    return fleet.agent_arn.apply(check)


def test_example_fails_clearly_without_its_config(mocks, examples_dir):
    pulumi.runtime.set_all_config({})
    with pytest.raises(pulumi.ConfigMissingError):
        runpy.run_path(os.path.join(examples_dir, EXAMPLE, "__main__.py"), run_name="__main__")
