import * as pulumi from "@pulumi/pulumi";
import { ActivationAccess } from "./activationAccess";
import { AgentNetwork } from "./agentNetwork";
import { AgentModeSetting, AgentPlacement } from "./agentSpec";
import { EndpointFeatures } from "./endpointOptions";
import { FirewallReport } from "./firewallRule";
import { SideSettings } from "./side";
import { Tagging } from "./tags";

/** Inputs of Agent. */
export interface AgentArgs extends AgentPlacement, AgentModeSetting, ActivationAccess, AgentNetwork, EndpointFeatures, SideSettings, Tagging {
    /** DataSync agent name. Defaults to the component's name. */
    agentName?: pulumi.Input<string>;
    /** The DataSync interface endpoint to activate against (ServiceEndpoint.vpcEndpointId). */
    vpcEndpointId: pulumi.Input<string>;
    /** The endpoint's private IPv4 in the activation subnet (ServiceEndpoint.endpointPrivateIp). */
    endpointPrivateIp: pulumi.Input<string>;
    /** ARN of the activation subnet (ServiceEndpoint.subnetArn). */
    subnetArn: pulumi.Input<string>;
    /** ARN of the endpoint and task security group (ServiceEndpoint.securityGroupArn). */
    securityGroupArn: pulumi.Input<string>;
    /**
     * The endpoint's security group (ServiceEndpoint.securityGroupId). When set, the agent adds its own address
     * (/32) to it on TCP 443 and 1024-1064 (and 22 with `supportChannel`) before activating. Defaults to none: the
     * endpoint's `allowedSources` must already cover the agent.
     */
    endpointSecurityGroupId?: pulumi.Input<string>;
}

/** The agent a component activated. */
export interface AgentArnOutput {
    /** ARN of the activated DataSync agent; for a fleet, the first of `agents`. */
    agentArn: string;
}

/** Outputs of Agent. */
export interface AgentOutputs extends AgentArnOutput, FirewallReport {
    /** The agent VM's private IPv4. */
    agentAddress: string;
    /** The EC2 instance, when the component launched one; else empty. */
    instanceId: string;
}
