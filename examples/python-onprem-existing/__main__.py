"""A DataSync agent VM on premises, activated privately against a DataSync interface endpoint in one
VPC. The VM already runs (deployed from AWS's OVA, KVM or Hyper-V image) and reaches the VPC over
Direct Connect or a VPN. The component creates the endpoint (private DNS off) and its security group,
optionally routes the on-premises ranges to your VPN gateway, requests the activation key from the
agent's port 80 (from the machine running `pulumi up`) and registers the agent.
"""

import pulumi
import pulumi_datasync_privatelink as dspl

config = pulumi.Config()
vpn_gateway_id = config.get("vpnGatewayId") or None

fleet = dspl.PrivateAgent(
    "onprem",
    vpc_id=config.require("vpcId"),
    endpoint_subnet_ids=config.require_object("endpointSubnetIds"),
    agents=[
        dspl.AgentSpecArgs(
            name="onprem-1",
            address=config.require("agentAddress"),
            # The machine running `pulumi up` must reach the agent's TCP 80, directly or through a
            # tunnel (activationAddressOverride). If only a bastion does, use mode REMOTE with a
            # jump_host; if nothing does, read the key from the agent's console: mode MANUAL with
            # manual_key.
            activation=dspl.ActivationSettingsArgs(
                address_override=config.get("activationAddressOverride") or None,
                reactivation_trigger=config.get("reactivationTrigger") or None,
            ),
        ),
    ],
    link=dspl.LinkSettingsArgs(
        mode=dspl.LinkMode.EXISTING,
        source_cidr_blocks=config.require_object("onPremCidrBlocks"),
        destination_cidr_blocks=config.require_object("vpcCidrBlocks"),
        destination_route_table_ids=config.require_object("routeTableIds") if vpn_gateway_id else None,
        existing_route_target_id=vpn_gateway_id,
    ),
    tags=config.get_object("tags"),
)

pulumi.export("agentArn", fleet.agent_arn)
pulumi.export("vpcEndpointId", fleet.vpc_endpoint_id)
pulumi.export("endpointPrivateIp", fleet.endpoint_private_ip)
# The flows the on-premises firewall must allow: hand them to the network team.
pulumi.export("firewallRules", fleet.firewall_rules)
