import * as pulumi from "@pulumi/pulumi";
import { FirewallReport } from "./firewallRule";
import { LinkSettings, PeeringOutput } from "./link";
import { SideSettings } from "./side";
import { Tagging } from "./tags";

/** Inputs of NetworkLink. */
export interface NetworkLinkArgs extends LinkSettings, SideSettings, Tagging {
    /** The destination VPC (the endpoint's). Required for peering and transitGateway. */
    destinationVpcId?: pulumi.Input<string>;
}

/** Outputs of NetworkLink. */
export interface NetworkLinkOutputs extends PeeringOutput, FirewallReport {
    /** IDs of the routes created. */
    routeIds: string[];
}
