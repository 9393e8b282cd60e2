"""The dist test's Python program: the same PrivateAgent as programs/nodejs/index.ts."""
import pulumi
import pulumi_datasync_privatelink as dspl

config = pulumi.Config()
fleet = dspl.PrivateAgent(
    "dsync",
    vpc_id=config.require("vpcId"),
    endpoint_subnet_ids=config.require_object("endpointSubnetIds"),
    agents=[dspl.AgentSpecArgs(
        name="onprem1",
        address="192.168.10.5",
        activation=dspl.ActivationSettingsArgs(mode="manual", manual_key=config.require_secret("manualKey")),
    )],
    link=dspl.LinkSettingsArgs(
        mode="existing",
        source_cidr_blocks=["192.168.0.0/16"],
        destination_cidr_blocks=["10.0.0.0/16"],
    ),
)

pulumi.export("agentArn", fleet.agent_arn)
