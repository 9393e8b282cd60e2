import * as pulumi from "@pulumi/pulumi";
import * as dspl from "@datasync-privatelink/pulumi";

const c = new pulumi.Config();

const fleet = new dspl.PrivateAgent("agent", {
    vpcId: c.require("vpcId"),
    endpointSubnetIds: c.requireObject<string[]>("endpointSubnetIds"),
    activationSubnetId: c.require("activationSubnetId"),
    activationSourceCidrs: [c.require("activationSourceCidr")],
    agents: [{ name: "ec2", instance: { subnetId: c.require("agentSubnetId") }, activation: { addressOverride: c.require("activationAddress") } }],
});

export const agentArn = fleet.agentArn;
