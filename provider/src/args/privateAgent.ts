import * as pulumi from "@pulumi/pulumi";
import { ActivationAccess } from "./activationAccess";
import { AgentArnOutput } from "./agent";
import { AgentNetwork } from "./agentNetwork";
import { AgentModeSetting, AgentSpec } from "./agentSpec";
import { EndpointAdoption, EndpointFeatures, EndpointPlacement } from "./endpointOptions";
import { FirewallReport } from "./firewallRule";
import { LinkSettings, PeeringOutput } from "./link";
import { EndpointOutputs } from "./serviceEndpoint";
import { SideSettings } from "./side";
import { Integer } from "./integer";
import { Tagging } from "./tags";

/**
 * Who the endpoint's security group admits. "agentAddresses": each agent by its address (/32), EC2 agents by
 * reference to their shared security group where AWS allows it (one VPC, or a peering within one Region);
 * "sourceRanges": the link's source and on-premises ranges, whatever the fleet's size.
 */
export type IngressScope = "agentAddresses" | "sourceRanges";

/**
 * Inputs of PrivateAgent: what its ServiceEndpoint, NetworkLink and Agents take, composed from the same
 * declarations, plus the fleet.
 */
export interface PrivateAgentArgs
    extends EndpointPlacement, EndpointFeatures, EndpointAdoption, AgentModeSetting, ActivationAccess, AgentNetwork, SideSettings, Tagging {
    /** Subnets for the endpoint, at most one per Availability Zone. */
    endpointSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The agents: at least one; they share the endpoint. */
    agents: AgentSpec[];
    /** The network path between the agents and the endpoint's VPC. Defaults to none (same VPC or routing in place). */
    link?: LinkSettings;
    /**
     * Who the endpoint's security group admits. Each admitted peer takes 2 inbound rules (3 with the support channel)
     * out of the group's quota, so a fleet larger than the quota allows needs "sourceRanges".
     * @default fleet.ingressScope
     */
    ingressScope?: IngressScope;
    /**
     * The account's quota of inbound (and of outbound) rules per security group, which the component plans within. Set
     * it only after raising the quota in Service Quotas.
     * @default fleet.securityGroupRuleQuota
     */
    securityGroupRuleQuota?: Integer;
}

/** Outputs of PrivateAgent. */
export interface PrivateAgentOutputs extends AgentArnOutput, EndpointOutputs, PeeringOutput, FirewallReport {
    /** ARNs of every agent, in the order of `agents`. */
    agentArns: string[];
}
