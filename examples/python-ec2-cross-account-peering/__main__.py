"""A DataSync agent on EC2 in a source account, activated privately against a DataSync interface
endpoint in a destination account, the two VPCs joined by VPC peering. The endpoint, its VPC and the
activated agent live in the destination account (an AWS rule); the agent instance runs in the source
account, from AWS's DataSync AMI. Pulumi assumes one role per account.
"""

import pulumi
import pulumi_datasync_privatelink as dspl

config = pulumi.Config()

fleet = dspl.PrivateAgent(
    "xacct",
    source=dspl.AwsSideArgs(role_arn=config.require("sourceRoleArn")),
    destination=dspl.AwsSideArgs(role_arn=config.require("destinationRoleArn")),
    vpc_id=config.require("vpcId"),
    endpoint_subnet_ids=config.require_object("endpointSubnetIds"),
    link=dspl.LinkSettingsArgs(
        mode=dspl.LinkMode.PEERING,
        source_vpc_id=config.require("sourceVpcId"),
        source_cidr_blocks=config.require_object("sourceCidrBlocks"),
        destination_cidr_blocks=config.require_object("vpcCidrBlocks"),
        source_route_table_ids=config.require_object("sourceRouteTableIds"),
        destination_route_table_ids=config.require_object("routeTableIds"),
    ),
    agents=[
        dspl.AgentSpecArgs(
            name="ec2-1",
            # m5.2xlarge from the Region's /aws/service/datasync/ami, hardened (IMDSv2, encrypted
            # root volume, no public IP), in a security group that allows only what the agent needs.
            instance=dspl.AgentInstanceArgs(subnet_id=config.require("agentSubnetId")),
            activation=dspl.ActivationSettingsArgs(
                address_override=config.get("activationAddressOverride") or None,
                reactivation_trigger=config.get("reactivationTrigger") or None,
            ),
        ),
    ],
    # Who may reach the instance's port 80 to fetch the activation key. Never 0.0.0.0/0.
    activation_source_cidrs=config.require_object("activationSourceCidrs"),
    tags=config.get_object("tags"),
)

pulumi.export("agentArn", fleet.agent_arn)
pulumi.export("vpcEndpointId", fleet.vpc_endpoint_id)
pulumi.export("endpointPrivateIp", fleet.endpoint_private_ip)
pulumi.export("peeringConnectionId", fleet.peering_connection_id)
pulumi.export("firewallRules", fleet.firewall_rules)
