// The link planner's inputs, from the link's settings and what the lookups found.
import { DEFAULTS, Found, GatewayLookup, KnownLink, LinkFacts, LinkInputs, present, SideFacts } from "../plan";

const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

function facts(g: Found<GatewayLookup> | undefined): GatewayLookup | undefined {
    return present(g) ? g : undefined;
}

export function linkInputs(link: KnownLink, source: SideFacts, destination: SideFacts, f: LinkFacts): LinkInputs {
    const destinationGateway = facts(f.destinationGateway);
    // A gateway owned by a third account (a network hub) is managed there: no tables of ours.
    const managed = (g: GatewayLookup | undefined, owner: string) => g === undefined || g.ownerId === owner;
    return {
        mode: link.mode as LinkInputs["mode"],
        crossAccount: source.account !== destination.account,
        crossRegion: source.region !== destination.region,
        sourceGateway: link.sourceTransitGatewayId !== undefined,
        gatewayOwned: managed(destinationGateway, destination.account),
        sharing: (link.transitGatewaySharing ?? DEFAULTS.link.transitGatewaySharing) as LinkInputs["sharing"],
        explicitTables: {
            destination: link.transitGatewayRouteTableId !== undefined && managed(destinationGateway, destination.account),
            source: link.sourceTransitGatewayRouteTableId !== undefined,
        },
        gateways: { destination: destinationGateway, source: facts(f.sourceGateway) },
        declaredAutoAccept: typeof link.transitGatewayAutoAccept === "boolean" ? link.transitGatewayAutoAccept : undefined,
        existingTarget: link.existingRouteTargetId !== undefined,
        counts: {
            sourceTables: count(link.sourceRouteTableIds),
            destinationTables: count(link.destinationRouteTableIds),
            sourceRanges: count(link.sourceCidrBlocks),
            destinationRanges: count(link.destinationCidrBlocks),
        },
    };
}
