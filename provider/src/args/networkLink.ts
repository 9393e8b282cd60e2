import * as pulumi from "@pulumi/pulumi";
import { FirewallRule } from "./firewallRule";
import { LinkSettings } from "./link";
import { AwsSide } from "./side";

/** Inputs of NetworkLink. */
export interface NetworkLinkArgs extends LinkSettings {
    /** The destination VPC (the endpoint's). Required for peering and transitGateway. */
    destinationVpcId?: pulumi.Input<string>;
    /** How to reach the source side (the agent's network). Defaults to the inherited provider. */
    source?: AwsSide;
    /** How to reach the destination side (the endpoint's VPC). Defaults to the inherited provider. */
    destination?: AwsSide;
    /** Tags for every resource created. Keys starting with "aws:" are reserved and refused. Defaults to none. */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** Outputs of NetworkLink. */
export interface NetworkLinkOutputs {
    /** The VPC peering connection (peering mode), else empty. */
    peeringConnectionId: string;
    /** IDs of the routes created. */
    routeIds: string[];
    /** Flows to allow between the sides. */
    firewallRules: FirewallRule[];
}
