"""A DataSync agent on EC2 in a source account, activated privately against a DataSync interface
endpoint in a destination account, the two VPCs joined by VPC peering.

The endpoint, its VPC and the activated agent live in the destination account (an AWS rule);
the agent instance runs in the source account, launched from AWS's DataSync AMI. The component
creates the peering (requester in the source account, accepter in the destination account), the
routes both ways, the endpoint and its security group, the instance and its security group, then
requests the activation key from the instance's port 80 and registers the agent.
"""

import pulumi
import pulumi_datasync_privatelink as dspl

config = pulumi.Config()
region = config.get("region") or "eu-west-2"
source_region = config.get("sourceRegion") or region

fleet = dspl.PrivateAgent(
    "xacct",
    source=dspl.AwsSideArgs(region=source_region, role_arn=config.require("sourceRoleArn")),
    destination=dspl.AwsSideArgs(region=region, role_arn=config.require("destinationRoleArn")),
    vpc_id=config.require("destinationVpcId"),
    endpoint_subnet_ids=config.require_object("endpointSubnetIds"),
    link=dspl.LinkSettingsArgs(
        mode=dspl.LinkMode.PEERING,
        source_vpc_id=config.require("sourceVpcId"),
        source_cidr_blocks=config.require_object("sourceCidrBlocks"),
        destination_cidr_blocks=config.require_object("destinationCidrBlocks"),
        source_route_table_ids=config.require_object("sourceRouteTableIds"),
        destination_route_table_ids=config.require_object("destinationRouteTableIds"),
    ),
    agents=[
        dspl.AgentSpecArgs(
            name="ec2-agent-1",
            # m5.2xlarge from /aws/service/datasync/ami, resolved once and kept.
            instance=dspl.AgentInstanceArgs(subnet_id=config.require("agentSubnetId")),
        ),
    ],
    agent_mode=dspl.AgentMode.BASIC,
    # Who may reach the instance's port 80 to fetch the activation key: the machine running
    # `pulumi up` (for example a CI runner in the source VPC). Never 0.0.0.0/0.
    activation_source_cidrs=[config.require("activationSourceCidr")],
    tags={"project": pulumi.get_project(), "stack": pulumi.get_stack()},
)

pulumi.export("agentArn", fleet.agent_arn)
pulumi.export("vpcEndpointId", fleet.vpc_endpoint_id)
pulumi.export("endpointPrivateIp", fleet.endpoint_private_ip)
pulumi.export("peeringConnectionId", fleet.peering_connection_id)
pulumi.export("firewallRules", fleet.firewall_rules)
