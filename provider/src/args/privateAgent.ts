import * as pulumi from "@pulumi/pulumi";
import { AgentMode, AgentSpec } from "./agentSpec";
import { FirewallRule } from "./firewallRule";
import { LinkSettings } from "./link";
import { AwsSide } from "./side";

/** Inputs of PrivateAgent. */
export interface PrivateAgentArgs {
    /**
     * How to reach the endpoint's side: its account and Region, where the endpoint, the task subnet and the
     * activated agents always live (an AWS rule). Defaults to the inherited provider.
     */
    destination?: AwsSide;
    /** How to reach the agents' side when it is another account or Region. Defaults to the inherited provider. */
    source?: AwsSide;
    /** The destination VPC for the DataSync interface endpoint. */
    vpcId: pulumi.Input<string>;
    /** Subnets for the endpoint, at most one per Availability Zone. */
    endpointSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The subnet agents activate against and tasks use; one of `endpointSubnetIds`. Defaults to the first of them. */
    activationSubnetId?: pulumi.Input<string>;
    /** The agents: at least one; they share the endpoint. */
    agents: AgentSpec[];
    /** Basic or Enhanced agents. Defaults to "basic". */
    agentMode?: AgentMode;
    /** The network path between the agents and the endpoint's VPC. Defaults to none (same VPC or routing in place). */
    link?: LinkSettings;
    /** Addresses or ranges allowed to reach EC2 agents on TCP 80 for activation. Required when an agent has `instance`. */
    activationSourceCidrs?: pulumi.Input<string>[];
    /** Accept 0.0.0.0/0 in `activationSourceCidrs`. Defaults to false; leave it so. */
    allowWorldActivationSource?: boolean;
    /** The activation Region. Defaults to the destination side's Region; must equal it. */
    activationRegion?: pulumi.Input<string>;
    /** Use the FIPS endpoint. Defaults to false. */
    fips?: boolean;
    /** Open the AWS Support channel (TCP 22, Basic agents only). Defaults to false. */
    supportChannel?: boolean;
    /** Adopt an existing DataSync interface endpoint. Defaults to creating one. */
    existingVpcEndpointId?: pulumi.Input<string>;
    /** Adopt an existing endpoint security group. Defaults to creating one. */
    existingSecurityGroupId?: pulumi.Input<string>;
    /** Tags for every resource created. Keys starting with "aws:" are reserved and refused. Defaults to none. */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** Outputs of PrivateAgent. */
export interface PrivateAgentOutputs {
    /** ARN of the first agent (the only one for a single agent). */
    agentArn: string;
    /** ARNs of every agent, in the order of `agents`. */
    agentArns: string[];
    /** ID of the DataSync interface endpoint. */
    vpcEndpointId: string;
    /** Private IPv4 of the endpoint in the activation subnet. */
    endpointPrivateIp: string;
    /** Security group of the endpoint and task interfaces. */
    securityGroupId: string;
    /** VPC peering connection (peering link), else empty. */
    peeringConnectionId: string;
    /** Flows to allow between agents, activation hosts and the endpoint. */
    firewallRules: FirewallRule[];
}
