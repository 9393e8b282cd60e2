"""A DataSync agent on EC2 in one Region, activated privately against a DataSync interface endpoint in
the stack's Region (`aws:region`), the two VPCs joined by transit gateways: the source Region's
gateway is peered with the destination Region's. The source side names only its Region, so it keeps
the stack's AWS credentials and settings; for two accounts, give each side a role_arn.
"""

import pulumi
import pulumi_datasync_privatelink as dspl

config = pulumi.Config()

fleet = dspl.PrivateAgent(
    "xregion",
    source=dspl.AwsSideArgs(region=config.require("sourceRegion")),
    vpc_id=config.require("vpcId"),
    endpoint_subnet_ids=config.require_object("endpointSubnetIds"),
    link=dspl.LinkSettingsArgs(
        mode=dspl.LinkMode.TRANSIT_GATEWAY,
        transit_gateway_id=config.require("transitGatewayId"),
        source_transit_gateway_id=config.require("sourceTransitGatewayId"),
        source_vpc_id=config.require("sourceVpcId"),
        source_subnet_ids=config.require_object("sourceSubnetIds"),
        source_cidr_blocks=config.require_object("sourceCidrBlocks"),
        destination_cidr_blocks=config.require_object("vpcCidrBlocks"),
        source_route_table_ids=config.require_object("sourceRouteTableIds"),
        destination_route_table_ids=config.require_object("routeTableIds"),
    ),
    agents=[
        dspl.AgentSpecArgs(
            name="ec2-1",
            # m5.2xlarge from the source Region's /aws/service/datasync/ami, hardened.
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
pulumi.export("firewallRules", fleet.firewall_rules)
