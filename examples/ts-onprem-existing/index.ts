// A DataSync agent VM on premises, activated privately against a DataSync interface endpoint in one
// VPC. The VM already runs (deployed from AWS's OVA, KVM or Hyper-V image) and reaches the VPC over
// Direct Connect or a VPN. The component creates the endpoint (private DNS off) and its security
// group, optionally routes the on-premises ranges to your VPN gateway, requests the activation key
// from the agent's port 80 (from the machine running `pulumi up`) and registers the agent.
import * as pulumi from "@pulumi/pulumi";
import * as dspl from "@datasync-privatelink/pulumi";

const config = new pulumi.Config();
const vpnGatewayId = config.get("vpnGatewayId") || undefined;

const fleet = new dspl.PrivateAgent("onprem", {
    vpcId: config.require("vpcId"),
    endpointSubnetIds: config.requireObject<string[]>("endpointSubnetIds"),
    agents: [
        {
            name: "onprem-1",
            address: config.require("agentAddress"),
            // The machine running `pulumi up` must reach the agent's TCP 80, directly or through a
            // tunnel (activationAddressOverride). If only a bastion does, use { mode: "remote",
            // jumpHost: { host, user, privateKey } }; if nothing does, read the key from the
            // agent's console: { mode: "manual", manualKey }.
            activation: {
                addressOverride: config.get("activationAddressOverride") || undefined,
                reactivationTrigger: config.get("reactivationTrigger") || undefined,
            },
        },
    ],
    link: {
        mode: "existing",
        sourceCidrBlocks: config.requireObject<string[]>("onPremCidrBlocks"),
        destinationCidrBlocks: config.requireObject<string[]>("vpcCidrBlocks"),
        ...(vpnGatewayId ? { destinationRouteTableIds: config.requireObject<string[]>("routeTableIds"), existingRouteTargetId: vpnGatewayId } : {}),
    },
    tags: config.getObject<Record<string, string>>("tags"),
});

export const agentArn = fleet.agentArn;
export const vpcEndpointId = fleet.vpcEndpointId;
export const endpointPrivateIp = fleet.endpointPrivateIp;
// The flows the on-premises firewall must allow: hand them to the network team.
export const firewallRules = fleet.firewallRules;
