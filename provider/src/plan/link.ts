// planLink: which resources connect the agents' network (source) with the endpoint's VPC
// (destination), on which side each lives, and which routes they need. Pure: the component
// creates exactly what the plan lists, with the values of its inputs and lookups.
//
// Sources for the rules below:
// - VPC peering: the requester lives with the source VPC, the accepter with the peer VPC; a
//   peering across Regions names peerRegion (Amazon VPC peering guide; @pulumi/aws
//   ec2/vpcPeeringConnection.d.ts: autoAccept must be false when peerRegion is set).
// - Transit gateway across accounts: the gateway is shared with the source account through AWS
//   RAM. Inside one Organization with RAM sharing enabled no invitation is sent, so there is
//   nothing to accept (Terraform AWS provider, ram/resource_share_accepter.go: "If both AWS
//   accounts are in the same AWS Organization and RAM Sharing with AWS Organizations is enabled,
//   this resource is not necessary"); otherwise the source account accepts the invitation.
// - The gateway's owner accepts a shared account's VPC attachment unless the gateway auto-accepts
//   shared attachments (aws ec2 DescribeTransitGateways: AutoAcceptSharedAttachments); the
//   Terraform accepter calls AcceptTransitGatewayVpcAttachment unconditionally, so it must not
//   exist when the gateway auto-accepts.
// - Route tables: with default association/propagation enabled a VPC attachment lands in the
//   gateway's default tables; a gateway without them (segmented hubs) needs explicit
//   associations and propagations, and the Terraform provider skips them silently when the
//   default table ID is empty (transitgateway_route_table_association.go), which black-holes
//   traffic. A peering attachment gets static routes only ("you must add a static route to the
//   transit gateway route table that points to the transit gateway peering attachment",
//   tgw-peering-add-route) and is associated with the table explicitly.
import { planRoutes, PlannedRoute } from "./routes";

export type LinkMode = "peering" | "transitGateway" | "existing";
export type TransitGatewaySharing = "ram" | "ramOrganization" | "preShared";
export type Gateway = "destination" | "source";
export type Attachment = "destinationVpc" | "sourceVpc" | "peering";

/** What a transit gateway says about itself (DescribeTransitGateways Options). */
export interface GatewayFacts {
    defaultAssociation: boolean;
    defaultPropagation: boolean;
    autoAccept: boolean;
}

export interface LinkInputs {
    mode: LinkMode;
    crossAccount: boolean;
    crossRegion: boolean;
    /** A source-Region gateway is given (peered with the destination's). */
    sourceGateway: boolean;
    sharing: TransitGatewaySharing;
    /** Explicit route tables given per gateway. */
    explicitTables: Record<Gateway, boolean>;
    /**
     * The destination's gateway belongs to the destination account. A gateway of a third account (a network
     * hub, shared with both) is managed there: its owner accepts attachments and keeps its route tables.
     */
    gatewayOwned: boolean;
    /** Looked-up facts per gateway; undefined when not known (preview of a gateway not created yet). */
    gateways: Partial<Record<Gateway, GatewayFacts>>;
    /** The user's transitGatewayAutoAccept, used only when the gateway's own setting is not known. */
    declaredAutoAccept?: boolean;
    /** An existingRouteTargetId is given (existing mode). */
    existingTarget: boolean;
    counts: { sourceTables: number; destinationTables: number; sourceRanges: number; destinationRanges: number };
}

/** How a route leaves a VPC route table. */
export type NextHop = "peering" | Gateway | "existing";

export interface LinkRoute extends PlannedRoute {
    hop: NextHop;
}

export interface GatewayPlan {
    /** Peer a source-Region gateway with the destination's (requester on the source side). */
    peering: boolean;
    /** Share the destination's gateway with the source account through RAM. */
    share?: { allowExternalPrincipals: boolean; accepter: boolean };
    /** The gateway owner accepts the source VPC's attachment. */
    sourceAttachmentAccepter: boolean;
    /** Which gateway each VPC attaches to. */
    sourceVpcGateway: Gateway;
    associations: { key: string; attachment: Attachment; gateway: Gateway }[];
    propagations: { key: string; attachment: Attachment; gateway: Gateway }[];
    /** Static routes in a gateway's table to the other side's ranges, over the peering attachment. */
    staticRoutes: { key: string; gateway: Gateway; range: number }[];
    /** Whether a VPC attachment keeps the gateway's default association and propagation. */
    defaultTables: Record<"destinationVpc" | "sourceVpc", boolean>;
}

export interface LinkPlan {
    /** VPC peering: requester on the source side, accepter on the destination side. */
    peering?: { peerRegion: boolean };
    gateway?: GatewayPlan;
    routes: LinkRoute[];
}

/** What a gateway does when nobody says: CreateTransitGateway's AutoAcceptSharedAttachments is "disable" unless set. */
const AWS_AUTO_ACCEPT = false;

function attachmentsOn(g: Gateway, peered: boolean): Attachment[] {
    if (!peered) {
        return g === "destination" ? ["destinationVpc", "sourceVpc"] : [];
    }
    return [g === "destination" ? "destinationVpc" : "sourceVpc", "peering"];
}

function gatewayPlan(i: LinkInputs): GatewayPlan {
    const peered = i.sourceGateway;
    const gateways: Gateway[] = peered ? ["destination", "source"] : ["destination"];
    const associations: GatewayPlan["associations"] = [];
    const propagations: GatewayPlan["propagations"] = [];
    for (const g of gateways) {
        for (const a of attachmentsOn(g, peered)) {
            // Explicit tables get every attachment; the default tables take VPC attachments by
            // themselves, but a peering attachment is always associated explicitly.
            if (i.explicitTables[g] || a === "peering") {
                associations.push({ key: `${g}-${a}`, attachment: a, gateway: g });
            }
            if (i.explicitTables[g] && a !== "peering") {
                propagations.push({ key: `${g}-${a}`, attachment: a, gateway: g });
            }
        }
    }
    const staticRoutes: GatewayPlan["staticRoutes"] = [];
    if (peered) {
        for (let r = 0; r < i.counts.sourceRanges; r++) staticRoutes.push({ key: `destination-r${r}`, gateway: "destination", range: r });
        for (let r = 0; r < i.counts.destinationRanges; r++) staticRoutes.push({ key: `source-r${r}`, gateway: "source", range: r });
    }
    const shared = i.crossAccount && !peered;
    const autoAccept = i.gateways.destination?.autoAccept ?? i.declaredAutoAccept ?? AWS_AUTO_ACCEPT;
    return {
        peering: peered,
        share: shared && i.sharing !== "preShared" ? { allowExternalPrincipals: i.sharing === "ram", accepter: i.sharing === "ram" } : undefined,
        sourceAttachmentAccepter: shared && !autoAccept && i.gatewayOwned,
        sourceVpcGateway: peered ? "source" : "destination",
        associations,
        propagations,
        staticRoutes,
        defaultTables: { destinationVpc: !i.explicitTables.destination, sourceVpc: !i.explicitTables[peered ? "source" : "destination"] },
    };
}

export function planLink(i: LinkInputs): LinkPlan {
    if (i.mode === "existing") {
        const routes = i.existingTarget ? planRoutes({ ...i.counts, sourceTables: 0 }).map((r) => ({ ...r, hop: "existing" as const })) : [];
        return { routes };
    }
    if (i.mode === "peering") {
        return { peering: { peerRegion: i.crossRegion }, routes: planRoutes(i.counts).map((r) => ({ ...r, hop: "peering" as const })) };
    }
    const gateway = gatewayPlan(i);
    const routes = planRoutes(i.counts).map((r) => ({ ...r, hop: r.side === "destination" ? ("destination" as const) : gateway.sourceVpcGateway }));
    return { gateway, routes };
}
