import * as pulumi from "@pulumi/pulumi";
import { ActivationAccess } from "./activationAccess";
import { AgentArnOutput } from "./agent";
import { AgentModeSetting, AgentSpec } from "./agentSpec";
import { EndpointAdoption, EndpointFeatures, EndpointPlacement } from "./endpointOptions";
import { FirewallReport } from "./firewallRule";
import { LinkSettings, PeeringOutput } from "./link";
import { EndpointOutputs } from "./serviceEndpoint";
import { SideSettings } from "./side";
import { Tagging } from "./tags";

/**
 * Inputs of PrivateAgent: what its ServiceEndpoint, NetworkLink and Agents take, composed from the same
 * declarations, plus the fleet.
 */
export interface PrivateAgentArgs
    extends EndpointPlacement,
        EndpointFeatures,
        EndpointAdoption,
        AgentModeSetting,
        ActivationAccess,
        SideSettings,
        Tagging {
    /** Subnets for the endpoint, at most one per Availability Zone. */
    endpointSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The agents: at least one; they share the endpoint. */
    agents: AgentSpec[];
    /** The network path between the agents and the endpoint's VPC. Defaults to none (same VPC or routing in place). */
    link?: LinkSettings;
}

/** Outputs of PrivateAgent. */
export interface PrivateAgentOutputs extends AgentArnOutput, EndpointOutputs, PeeringOutput, FirewallReport {
    /** ARNs of every agent, in the order of `agents`. */
    agentArns: string[];
}
