// A DataSync agent on EC2 in one Region, activated privately against a DataSync interface endpoint
// in the stack's Region (`aws:region`), the two VPCs joined by transit gateways: the source Region's
// gateway is peered with the destination Region's. The source side names only its Region, so it
// keeps the stack's AWS credentials and settings; for two accounts, give each side a roleArn.
import * as pulumi from "@pulumi/pulumi";
import * as dspl from "@datasync-privatelink/pulumi";

const config = new pulumi.Config();

const fleet = new dspl.PrivateAgent("xregion", {
    source: { region: config.require("sourceRegion") },
    vpcId: config.require("vpcId"),
    endpointSubnetIds: config.requireObject<string[]>("endpointSubnetIds"),
    link: {
        mode: "transitGateway",
        transitGatewayId: config.require("transitGatewayId"),
        sourceTransitGatewayId: config.require("sourceTransitGatewayId"),
        sourceVpcId: config.require("sourceVpcId"),
        sourceSubnetIds: config.requireObject<string[]>("sourceSubnetIds"),
        sourceCidrBlocks: config.requireObject<string[]>("sourceCidrBlocks"),
        destinationCidrBlocks: config.requireObject<string[]>("vpcCidrBlocks"),
        sourceRouteTableIds: config.requireObject<string[]>("sourceRouteTableIds"),
        destinationRouteTableIds: config.requireObject<string[]>("routeTableIds"),
    },
    agents: [
        {
            name: "ec2-1",
            // m5.2xlarge from the source Region's /aws/service/datasync/ami, hardened.
            instance: { subnetId: config.require("agentSubnetId") },
            activation: {
                addressOverride: config.get("activationAddressOverride") || undefined,
                reactivationTrigger: config.get("reactivationTrigger") || undefined,
            },
        },
    ],
    // Who may reach the instance's port 80 to fetch the activation key. Never 0.0.0.0/0.
    activationSourceCidrs: config.requireObject<string[]>("activationSourceCidrs"),
    tags: config.getObject<Record<string, string>>("tags"),
});

export const agentArn = fleet.agentArn;
export const vpcEndpointId = fleet.vpcEndpointId;
export const endpointPrivateIp = fleet.endpointPrivateIp;
export const firewallRules = fleet.firewallRules;
