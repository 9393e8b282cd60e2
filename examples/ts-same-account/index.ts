// A DataSync agent VM on premises, activated privately against a DataSync interface endpoint in
// one VPC. The VM already runs (deployed from AWS's OVA/KVM/Hyper-V image) and reaches the VPC
// over Direct Connect or a VPN; this program makes the endpoint and its security group, routes
// the on-premises ranges (optional), requests the activation key from the agent's port 80 and
// registers the agent with DataSync.
import * as pulumi from "@pulumi/pulumi";
import * as dspl from "@datasync-privatelink/pulumi";

const config = new pulumi.Config();
const routeTableIds = config.getObject<string[]>("routeTableIds") ?? [];
const vpnGatewayId = config.get("vpnGatewayId") || undefined;

const fleet = new dspl.PrivateAgent("onprem", {
    vpcId: config.require("vpcId"),
    endpointSubnetIds: config.requireObject<string[]>("endpointSubnetIds"),
    agents: [
        {
            name: "onprem-1",
            address: config.require("agentAddress"),
            // The machine running `pulumi up` must reach the agent's TCP 80. If only a bastion
            // does, use { mode: "remote", jumpHost: { host, user, privateKey } }; if nothing
            // does, read the key from the agent's console: { mode: "manual", manualKey }.
            activation: { mode: "local" },
        },
    ],
    link: {
        mode: "existing",
        sourceCidrBlocks: config.requireObject<string[]>("onPremCidrBlocks"),
        destinationCidrBlocks: config.requireObject<string[]>("vpcCidrBlocks"),
        ...(vpnGatewayId ? { destinationRouteTableIds: routeTableIds, existingRouteTargetId: vpnGatewayId } : {}),
    },
    tags: { project: pulumi.getProject(), stack: pulumi.getStack() },
});

export const agentArn = fleet.agentArn;
export const vpcEndpointId = fleet.vpcEndpointId;
export const endpointPrivateIp = fleet.endpointPrivateIp;
export const securityGroupId = fleet.securityGroupId;
// The flows the on-premises firewall must allow, as a table for the network team.
export const firewallRules = fleet.firewallRules.apply((rules) =>
    rules.map((r) => `${r.from} -> ${r.to} ${r.protocol}/${r.ports}: ${r.purpose}`),
);
