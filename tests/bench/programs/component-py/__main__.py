import pulumi
import pulumi_datasync_privatelink as dspl

c = pulumi.Config()

fleet = dspl.PrivateAgent(
    "agent",
    vpc_id=c.require("vpcId"),
    endpoint_subnet_ids=c.require_object("endpointSubnetIds"),
    activation_subnet_id=c.require("activationSubnetId"),
    activation_source_cidrs=[c.require("activationSourceCidr")],
    agents=[
        dspl.AgentSpecArgs(
            name="ec2",
            instance=dspl.AgentInstanceArgs(subnet_id=c.require("agentSubnetId")),
            activation=dspl.ActivationSettingsArgs(address_override=c.require("activationAddress")),
        )
    ],
)

pulumi.export("agentArn", fleet.agent_arn)
