"""The Python SDK as a user writes it: names, nested inputs, enums, outputs, under Pulumi mocks."""

import inspect

import pulumi
import pytest

import pulumi_datasync_privatelink as dspl

from conftest import AGENT, NETWORK_LINK, PRIVATE_AGENT, SERVICE_ENDPOINT, agent_arn


@pulumi.runtime.test
def test_private_agent_serializes_snake_case_inputs_as_schema_names(mocks):
    fleet = dspl.PrivateAgent(
        "dsync",
        vpc_id="vpc-0123456789abcdef0",
        endpoint_subnet_ids=["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"],
        activation_subnet_id="subnet-0aaa1111bbbb2222c",
        agents=[dspl.AgentSpecArgs(name="onprem-1", address="192.168.10.5")],
        agent_mode=dspl.AgentMode.BASIC,
        activation_source_cidrs=["192.168.10.0/24"],
        allow_world_activation_source=False,
        existing_vpc_endpoint_id="vpce-0fedcba9876543210",
        support_channel=True,
        fips=False,
        tags={"team": "storage"},
    )

    def check(args):
        arn, arns = args
        r = mocks.one(PRIVATE_AGENT)
        assert r.name == "dsync"
        i = r.inputs
        assert i["vpcId"] == "vpc-0123456789abcdef0"
        assert i["endpointSubnetIds"] == ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"]
        assert i["activationSubnetId"] == "subnet-0aaa1111bbbb2222c"
        assert i["agents"] == [{"name": "onprem-1", "address": "192.168.10.5"}]
        assert i["agentMode"] == "basic"
        assert i["activationSourceCidrs"] == ["192.168.10.0/24"]
        assert i["allowWorldActivationSource"] is False
        assert i["existingVpcEndpointId"] == "vpce-0fedcba9876543210"
        assert i["supportChannel"] is True
        assert i["fips"] is False
        assert i["tags"] == {"team": "storage"}
        # No snake_case name reaches the engine.
        assert not [k for k in i if "_" in k], sorted(i)
        assert arn == agent_arn("onprem-1")
        assert arns == [agent_arn("onprem-1")]

    return pulumi.Output.all(fleet.agent_arn, fleet.agent_arns).apply(check)


@pulumi.runtime.test
def test_private_agent_nested_link_sides_and_agents(mocks):
    fleet = dspl.PrivateAgent(
        "xacct",
        source=dspl.AwsSideArgs(region="eu-west-1", role_arn="arn:aws:iam::222222222222:role/datasync-source",
                                external_id="ext-1", session_name="ci"),
        destination=dspl.AwsSideArgs(region="eu-west-2", profile="dest", account_id="111111111111"),
        vpc_id="vpc-0123456789abcdef0",
        endpoint_subnet_ids=["subnet-0aaa1111bbbb2222c"],
        link=dspl.LinkSettingsArgs(
            mode=dspl.LinkMode.PEERING,
            source_vpc_id="vpc-0fedcba9876543210",
            source_cidr_blocks=["10.20.0.0/16"],
            destination_cidr_blocks=["10.0.0.0/16"],
            on_prem_cidr_blocks=["192.168.0.0/16"],
            source_route_table_ids=["rtb-0src"],
            destination_route_table_ids=["rtb-0dst"],
        ),
        agents=[
            dspl.AgentSpecArgs(
                name="ec2-1",
                instance=dspl.AgentInstanceArgs(subnet_id="subnet-0src", instance_type="m5.4xlarge",
                                                key_name="ops", extra_security_group_ids=["sg-0nfs"]),
                activation=dspl.ActivationSettingsArgs(
                    mode=dspl.ActivationMode.REMOTE,
                    jump_host=dspl.JumpHostArgs(host="10.20.9.10", user="ec2-user", port=22,
                                                proxy=dspl.SshProxyArgs(host="bastion.example.com")),
                    timeout_seconds=900,
                    request_timeout_seconds=15,
                    reactivation_trigger="2",
                ),
                tags={"agent": "ec2-1"},
            ),
        ],
        activation_source_cidrs=["10.20.9.10/32"],
    )

    def check(args):
        arn, pcx = args
        i = mocks.one(PRIVATE_AGENT).inputs
        assert i["source"] == {"region": "eu-west-1", "roleArn": "arn:aws:iam::222222222222:role/datasync-source",
                               "externalId": "ext-1", "sessionName": "ci"}
        # The …Args classes fill in the schema's defaults (here AwsSide.sessionName and the link's
        # transit gateway settings); the user's own values are kept.
        assert i["destination"] == {"region": "eu-west-2", "profile": "dest", "accountId": "111111111111",
                                    "sessionName": "datasync-privatelink"}
        assert i["link"] == {
            "mode": "peering",
            "sourceVpcId": "vpc-0fedcba9876543210",
            "sourceCidrBlocks": ["10.20.0.0/16"],
            "destinationCidrBlocks": ["10.0.0.0/16"],
            "onPremCidrBlocks": ["192.168.0.0/16"],
            "sourceRouteTableIds": ["rtb-0src"],
            "destinationRouteTableIds": ["rtb-0dst"],
            "transitGatewaySharing": "ram",
        }
        assert i["agents"] == [{
            "name": "ec2-1",
            "instance": {"subnetId": "subnet-0src", "instanceType": "m5.4xlarge", "keyName": "ops",
                         "extraSecurityGroupIds": ["sg-0nfs"]},
            "activation": {
                "mode": "remote",
                "jumpHost": {"host": "10.20.9.10", "user": "ec2-user", "port": 22,
                             "proxy": {"host": "bastion.example.com", "user": "ec2-user", "port": 22}},
                "timeoutSeconds": 900,
                "requestTimeoutSeconds": 15,
                "reactivationTrigger": "2",
            },
            "tags": {"agent": "ec2-1"},
        }]
        assert arn == agent_arn("ec2-1")
        assert pcx == "pcx-0123456789abcdef0"

    return pulumi.Output.all(fleet.agent_arn, fleet.peering_connection_id).apply(check)


@pulumi.runtime.test
def test_dict_literals_and_plain_strings_work_like_args_classes(mocks):
    fleet = dspl.PrivateAgent(
        "dicts",
        vpc_id="vpc-0123456789abcdef0",
        endpoint_subnet_ids=["subnet-0aaa1111bbbb2222c"],
        agents=[{"name": "a", "address": "10.20.1.15"},
                {"name": "b", "address": "10.20.1.16", "activation": {"mode": "manual", "manual_key": "F0EFT-7FPPR-GG7MC-3I9R3-27DOH"}}],
        agent_mode="enhanced",
        link={
            "mode": "transitGateway",
            "transit_gateway_id": "tgw-0dst",
            "source_transit_gateway_id": "tgw-0src",
            "source_vpc_id": "vpc-0src",
            "source_subnet_ids": ["subnet-0s1", "subnet-0s2"],
            "destination_subnet_ids": ["subnet-0aaa1111bbbb2222c"],
            "source_cidr_blocks": ["10.20.0.0/16"],
            "destination_cidr_blocks": ["10.0.0.0/16"],
            "transit_gateway_sharing": "preShared",
            "transit_gateway_auto_accept": True,
        },
        source={"region": "us-east-1"},
        destination={"region": "eu-west-2"},
    )

    def check(arns):
        i = mocks.one(PRIVATE_AGENT).inputs
        assert i["agentMode"] == "enhanced"
        assert i["agents"][1]["activation"] == {"mode": "manual", "manualKey": "F0EFT-7FPPR-GG7MC-3I9R3-27DOH"}
        assert i["link"] == {
            "mode": "transitGateway",
            "transitGatewayId": "tgw-0dst",
            "sourceTransitGatewayId": "tgw-0src",
            "sourceVpcId": "vpc-0src",
            "sourceSubnetIds": ["subnet-0s1", "subnet-0s2"],
            "destinationSubnetIds": ["subnet-0aaa1111bbbb2222c"],
            "sourceCidrBlocks": ["10.20.0.0/16"],
            "destinationCidrBlocks": ["10.0.0.0/16"],
            "transitGatewaySharing": "preShared",
            "transitGatewayAutoAccept": True,
        }
        assert i["source"] == {"region": "us-east-1"}
        assert i["destination"] == {"region": "eu-west-2"}
        assert arns == [agent_arn("a"), agent_arn("b")]

    return fleet.agent_arns.apply(check)


@pulumi.runtime.test
def test_outputs_come_back_as_typed_sdk_objects(mocks):
    fleet = dspl.PrivateAgent(
        "outs",
        vpc_id="vpc-0123456789abcdef0",
        endpoint_subnet_ids=["subnet-0aaa1111bbbb2222c"],
        agents=[dspl.AgentSpecArgs(name="x", address="10.20.1.15")],
    )

    def check_rules(rules):
        # Read the output on its own: Output.all() would rebuild the rules as plain dicts.
        assert [type(r).__name__ for r in rules] == ["FirewallRule", "FirewallRule"]
        assert [(r.protocol, r.ports) for r in rules] == [("tcp", "443"), ("tcp", "1024-1064")]
        # "from" is a Python keyword: the SDK names the property from_.
        assert rules[0].from_ == "10.20.1.15" and rules[0].to == "10.0.1.99"
        assert rules[1].purpose == "control traffic"

    def check(args):
        ip, sg, vpce = args
        assert ip == "10.0.1.99"
        assert sg == "sg-0123456789abcdef0"
        assert vpce == "vpce-0123456789abcdef0"

    return pulumi.Output.all(
        fleet.firewall_rules.apply(check_rules),
        pulumi.Output.all(fleet.endpoint_private_ip, fleet.security_group_id, fleet.vpc_endpoint_id).apply(check),
    )


@pulumi.runtime.test
def test_service_endpoint_outputs_wire_into_agent_and_agent_arn_comes_back(mocks):
    endpoint = dspl.ServiceEndpoint(
        "endpoint",
        vpc_id="vpc-0123456789abcdef0",
        subnet_ids=["subnet-0aaa1111bbbb2222c"],
        allowed_sources=["10.20.1.15/32"],
        existing_security_group_id="sg-0existing",
    )
    agent = dspl.Agent(
        "agent",
        agent_name="onprem-7",
        address="10.20.1.15",
        vpc_endpoint_id=endpoint.vpc_endpoint_id,
        endpoint_private_ip=endpoint.endpoint_private_ip,
        subnet_arn=endpoint.subnet_arn,
        security_group_arn=endpoint.security_group_arn,
        endpoint_security_group_id=endpoint.security_group_id,
        activation=dspl.ActivationSettingsArgs(address_override="127.0.0.1:8080"),
        destination=dspl.AwsSideArgs(region="eu-west-2"),
    )

    def check(args):
        arn, address = args
        e = mocks.one(SERVICE_ENDPOINT).inputs
        # fips and supportChannel are not written above: the SDK sends their schema defaults.
        assert e == {"vpcId": "vpc-0123456789abcdef0", "subnetIds": ["subnet-0aaa1111bbbb2222c"],
                     "allowedSources": ["10.20.1.15/32"], "existingSecurityGroupId": "sg-0existing",
                     "fips": False, "supportChannel": False}
        a = mocks.one(AGENT).inputs
        assert a["agentName"] == "onprem-7"
        assert a["address"] == "10.20.1.15"
        # The endpoint's outputs arrive as the Agent's inputs, under the schema's names.
        assert a["vpcEndpointId"] == "vpce-0123456789abcdef0"
        assert a["endpointPrivateIp"] == "10.0.1.99"
        assert a["subnetArn"] == "arn:aws:ec2:eu-west-2:111111111111:subnet/subnet-0aaa1111bbbb2222c"
        assert a["securityGroupArn"].endswith(":security-group/sg-0123456789abcdef0")
        assert a["endpointSecurityGroupId"] == "sg-0123456789abcdef0"
        assert a["activation"] == {"addressOverride": "127.0.0.1:8080", "mode": "local", "timeoutSeconds": 600}
        assert (a["agentMode"], a["fips"], a["supportChannel"], a["allowWorldActivationSource"]) == ("basic", False, False, False)
        assert arn == agent_arn("onprem-7")
        assert address == "10.20.1.15"

    return pulumi.Output.all(agent.agent_arn, agent.agent_address).apply(check)


@pulumi.runtime.test
def test_network_link_inputs(mocks):
    link = dspl.NetworkLink(
        "link",
        mode=dspl.LinkMode.EXISTING,
        source_cidr_blocks=["192.168.0.0/16"],
        destination_cidr_blocks=["10.0.0.0/16"],
        destination_vpc_id="vpc-0123456789abcdef0",
        destination_route_table_ids=["rtb-0dst"],
        existing_route_target_id="vgw-0123456789abcdef0",
        tags={"team": "net"},
    )

    def check(route_ids):
        i = mocks.one(NETWORK_LINK).inputs
        assert i == {"mode": "existing", "sourceCidrBlocks": ["192.168.0.0/16"], "destinationCidrBlocks": ["10.0.0.0/16"],
                     "destinationVpcId": "vpc-0123456789abcdef0", "destinationRouteTableIds": ["rtb-0dst"],
                     "existingRouteTargetId": "vgw-0123456789abcdef0", "tags": {"team": "net"},
                     "transitGatewaySharing": "ram"}
        assert route_ids == ["r-1", "r-2"]

    return link.route_ids.apply(check)


@pulumi.runtime.test
def test_output_typed_inputs_are_awaited_before_registration(mocks):
    vpc_id = pulumi.Output.from_input("vpc-0123456789abcdef0").apply(lambda v: v)
    subnets = pulumi.Output.all("subnet-0aaa1111bbbb2222c").apply(list)
    fleet = dspl.PrivateAgent("outputs-in", vpc_id=vpc_id, endpoint_subnet_ids=subnets,
                              agents=[dspl.AgentSpecArgs(name="o", address=pulumi.Output.from_input("10.20.1.15"))])

    def check(_):
        i = mocks.one(PRIVATE_AGENT).inputs
        assert i["vpcId"] == "vpc-0123456789abcdef0"
        assert i["endpointSubnetIds"] == ["subnet-0aaa1111bbbb2222c"]
        assert i["agents"] == [{"name": "o", "address": "10.20.1.15"}]

    return fleet.agent_arn.apply(check)


@pytest.mark.parametrize("missing", ["vpc_id", "endpoint_subnet_ids", "agents"])
def test_required_inputs_are_required(mocks, missing):
    kwargs = dict(vpc_id="vpc-0123456789abcdef0", endpoint_subnet_ids=["subnet-0aaa1111bbbb2222c"],
                  agents=[dspl.AgentSpecArgs(name="x", address="10.0.0.1")])
    del kwargs[missing]
    with pytest.raises(TypeError, match=f"Missing required property '{missing}'"):
        dspl.PrivateAgent("missing", **kwargs)


def test_args_class_form_matches_keyword_form(mocks):
    args = dspl.PrivateAgentArgs(vpc_id="vpc-1", endpoint_subnet_ids=["subnet-1"],
                                 agents=[dspl.AgentSpecArgs(name="x", address="10.0.0.1")])
    assert args.vpc_id == "vpc-1"
    assert args.endpoint_subnet_ids == ["subnet-1"]
    assert args.agents[0].name == "x"


def test_package_metadata_names_the_plugin():
    import json
    import importlib.resources as res

    meta = json.loads(res.files("pulumi_datasync_privatelink").joinpath("pulumi-plugin.json").read_text())
    assert meta == {"resource": True, "name": "datasync-privatelink", "version": "0.1.0"}


@pytest.mark.parametrize("cls,name", [
    (dspl.ActivationSettingsArgs, "timeout_seconds"),
    (dspl.ActivationSettingsArgs, "request_timeout_seconds"),
    (dspl.JumpHostArgs, "port"),
    (dspl.SshProxyArgs, "port"),
])
def test_ports_and_seconds_are_ints(cls, name):
    annotation = str(inspect.signature(cls.__init__).parameters[name].annotation)
    assert "int" in annotation and "float" not in annotation, annotation


def test_args_classes_fill_in_the_schema_defaults():
    activation = dspl.ActivationSettingsArgs()
    assert (activation.mode, activation.timeout_seconds, activation.request_timeout_seconds) == ("local", 600, None)
    jump = dspl.JumpHostArgs(host="10.20.9.10")
    assert (jump.user, jump.port) == ("ec2-user", 22)
    assert dspl.AwsSideArgs().session_name == "datasync-privatelink"
    # A value the user gives wins over the default.
    assert dspl.JumpHostArgs(host="h", port=2222).port == 2222
