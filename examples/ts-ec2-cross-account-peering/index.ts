// A DataSync agent on EC2 in a source account, activated privately against a DataSync interface
// endpoint in a destination account, the two VPCs joined by VPC peering. The endpoint, its VPC and
// the activated agent live in the destination account (an AWS rule); the agent instance runs in the
// source account, from AWS's DataSync AMI. Pulumi assumes one role per account.
import * as pulumi from "@pulumi/pulumi";
import * as dspl from "@datasync-privatelink/pulumi";

const config = new pulumi.Config();

const fleet = new dspl.PrivateAgent("xacct", {
    source: { roleArn: config.require("sourceRoleArn") },
    destination: { roleArn: config.require("destinationRoleArn") },
    vpcId: config.require("vpcId"),
    endpointSubnetIds: config.requireObject<string[]>("endpointSubnetIds"),
    link: {
        mode: "peering",
        sourceVpcId: config.require("sourceVpcId"),
        sourceCidrBlocks: config.requireObject<string[]>("sourceCidrBlocks"),
        destinationCidrBlocks: config.requireObject<string[]>("vpcCidrBlocks"),
        sourceRouteTableIds: config.requireObject<string[]>("sourceRouteTableIds"),
        destinationRouteTableIds: config.requireObject<string[]>("routeTableIds"),
    },
    agents: [
        {
            name: "ec2-1",
            // m5.2xlarge from the Region's /aws/service/datasync/ami, hardened (IMDSv2, encrypted
            // root volume, no public IP), in a security group that allows only what the agent needs.
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
export const peeringConnectionId = fleet.peeringConnectionId;
export const firewallRules = fleet.firewallRules;
