import * as pulumi from "@pulumi/pulumi";
import { ActivationSettings } from "./activation";
import { AgentInstance, AgentMode } from "./agentSpec";
import { FirewallRule } from "./firewallRule";
import { AwsSide } from "./side";

/** Inputs of Agent. */
export interface AgentArgs {
    /** DataSync agent name. Defaults to the component's name. */
    agentName?: pulumi.Input<string>;
    /** Basic or Enhanced agent; picks the AMI and default instance type. Defaults to "basic". */
    agentMode?: AgentMode;
    /** Launch an EC2 agent. Exactly one of `instance` and `address` is required. */
    instance?: AgentInstance;
    /** IPv4 address of an existing agent VM. Exactly one of `instance` and `address` is required. */
    address?: pulumi.Input<string>;
    /** How the activation key is obtained. Defaults to a request from the machine running Pulumi. */
    activation?: ActivationSettings;
    /**
     * Addresses or ranges allowed to reach the EC2 agent on TCP 80 for activation: the machine running Pulumi, or
     * the jump host. Required with `instance`. 0.0.0.0/0 is refused unless `allowWorldActivationSource` is true.
     */
    activationSourceCidrs?: pulumi.Input<string>[];
    /** Accept 0.0.0.0/0 in `activationSourceCidrs`. Defaults to false; leave it so. */
    allowWorldActivationSource?: boolean;
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
    /** CIDR of the activation subnet, where task interfaces live; the EC2 agent may reach it on TCP 443. Required with `instance`. */
    taskSubnetCidr?: pulumi.Input<string>;
    /** The endpoint's Region. Defaults to the destination side's Region; must equal it. */
    activationRegion?: pulumi.Input<string>;
    /** The endpoint is a FIPS endpoint. Defaults to false. */
    fips?: boolean;
    /** Let the EC2 agent reach the endpoint on TCP 22 for the AWS Support channel (Basic only). Defaults to false. */
    supportChannel?: boolean;
    /** How to reach the agent VM's side. Defaults to the inherited provider. */
    source?: AwsSide;
    /** How to reach the endpoint's side, where the activated agent lives. Defaults to the inherited provider. */
    destination?: AwsSide;
    /** Tags for every resource created. Keys starting with "aws:" are reserved and refused. Defaults to none. */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** Outputs of Agent. */
export interface AgentOutputs {
    /** ARN of the activated DataSync agent. */
    agentArn: string;
    /** The agent VM's private IPv4. */
    agentAddress: string;
    /** The EC2 instance, when the component launched one; else empty. */
    instanceId: string;
    /** Flows to allow for this agent. */
    firewallRules: FirewallRule[];
}
