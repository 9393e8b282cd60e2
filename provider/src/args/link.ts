import * as pulumi from "@pulumi/pulumi";

/**
 * How the agent's network reaches the endpoint's VPC. "peering": a VPC peering connection
 * (same or cross account, same or cross Region); "transitGateway": VPC attachments to a transit
 * gateway; "existing": Direct Connect, VPN or other routing already in place.
 */
export type LinkMode = "peering" | "transitGateway" | "existing";

/**
 * For a transit gateway in another account than the source VPC. "ram": the destination account shares
 * its gateway with the source account through AWS RAM and the source account accepts the invitation;
 * "ramOrganization": both accounts are in one AWS Organization with RAM sharing enabled, so the share
 * needs no invitation and no acceptance; "preShared": the gateway is already shared with the source
 * account (by its owner, for example to the whole organization) and only attachments are made.
 */
export type TransitGatewaySharing = "ram" | "ramOrganization" | "preShared";

/** The network path between the agent's network (source) and the endpoint's VPC (destination). */
export interface LinkSettings {
    /** The kind of link. */
    mode: LinkMode;
    /** Every address range on the source side: the source VPC's primary and secondary CIDRs, or the on-premises ranges agents live in. */
    sourceCidrBlocks: pulumi.Input<string>[];
    /** Every address range of the destination VPC: its primary and secondary CIDRs. */
    destinationCidrBlocks: pulumi.Input<string>[];
    /** Further on-premises ranges reachable from the source side (checked for overlap, not routed). Defaults to none. */
    onPremCidrBlocks?: pulumi.Input<string>[];
    /**
     * The source VPC. Required for peering and transitGateway, not used for existing. Its CIDRs are looked up at
     * deployment and checked for overlap too.
     */
    sourceVpcId?: pulumi.Input<string>;
    /** Route tables on the source side that get routes to the destination ranges. Required for peering. */
    sourceRouteTableIds?: pulumi.Input<string>[];
    /** Route tables in the destination VPC that get routes to the source ranges. Required for peering. */
    destinationRouteTableIds?: pulumi.Input<string>[];
    /** Transit gateway in the destination account and Region. Required for transitGateway mode, not allowed for peering. */
    transitGatewayId?: pulumi.Input<string>;
    /**
     * For a source in another Region: the source Region's transit gateway, peered with `transitGatewayId`.
     * Defaults to none (both VPCs attach to `transitGatewayId`).
     */
    sourceTransitGatewayId?: pulumi.Input<string>;
    /** Source subnets (one per AZ) for the source VPC's transit gateway attachment. Required for transitGateway mode. */
    sourceSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** Destination subnets (one per AZ) for the destination VPC's attachment. Defaults to the endpoint subnets. */
    destinationSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * How a cross-account transit gateway reaches the source account.
     * @default link.transitGatewaySharing
     */
    transitGatewaySharing?: TransitGatewaySharing;
    /**
     * Whether the transit gateway accepts shared attachments by itself. Defaults to the gateway's own
     * autoAcceptSharedAttachments setting, looked up at deployment; set it only for a gateway created in the same
     * program, whose settings cannot be looked up before it exists. When the gateway does not auto-accept, the
     * component accepts the source VPC's attachment in the gateway's account.
     */
    transitGatewayAutoAccept?: boolean;
    /**
     * The route table of `transitGatewayId` the link's attachments are associated with and propagate to, and that
     * holds the static routes over a gateway peering. Defaults to the gateway's default association and propagation
     * tables; a gateway without them (default association or propagation disabled) needs this set.
     */
    transitGatewayRouteTableId?: pulumi.Input<string>;
    /**
     * The route table of `sourceTransitGatewayId`, as `transitGatewayRouteTableId` is for the destination's gateway.
     * Defaults to that gateway's default tables.
     */
    sourceTransitGatewayRouteTableId?: pulumi.Input<string>;
    /**
     * For "existing" mode: the next hop (vgw-, tgw-, eni- or pcx- ID) for routes from `destinationRouteTableIds`
     * to the source ranges. Defaults to none: no routes are made.
     */
    existingRouteTargetId?: pulumi.Input<string>;
}

/** The peering connection a link made. */
export interface PeeringOutput {
    /** The VPC peering connection (peering mode), else empty. */
    peeringConnectionId: string;
}
