// Checks of the link against what the lookups found: the VPCs' real address ranges, the transit
// gateways' settings and owners, the Regions, and the route table the endpoint answers through.
import { LabelledRange } from "../cidr";
import type { Found, GatewayLookup, LinkFacts, SideFacts } from "../facts";
import { UNKNOWN, val } from "../known";
import { at, Problems } from "../problems";
import { checkLookedUpRanges, KnownLink, labelledRanges } from "./link";
import { present as isKnown, reportMissing } from "./missing";
import { checkRouteTables } from "./routeTables";

export interface LinkCheckInputs {
    /** Where the link's fields sit: "link" in PrivateAgent, "" in NetworkLink. */
    path: string;
    link: KnownLink;
    /** The destination VPC and its looked-up ranges (the endpoint's VPC), and the input that names it. */
    destinationVpcId?: string;
    destinationVpcIdPath: string;
    destinationVpcRanges: Found<string[]>;
    source: SideFacts;
    destination: SideFacts;
    /** The activation subnet, whose route table carries the endpoint's replies. */
    activationSubnetId?: string;
}

function checkRanges(p: Problems, i: LinkCheckInputs, f: LinkFacts): void {
    const looked = (side: "source" | "destination", vpc: unknown, path: string, list: Found<string[]> | undefined): LabelledRange[] =>
        isKnown(list) ? list.map((cidr) => ({ cidr, side, origin: `${side} VPC ${vpc} (looked up)`, path })) : [];
    checkLookedUpRanges(p, labelledRanges(i.path, i.link), [
        ...looked("source", val(i.link.sourceVpcId), at(i.path, "sourceVpcId"), f.sourceVpcRanges),
        ...looked("destination", i.destinationVpcId, i.destinationVpcIdPath, i.destinationVpcRanges),
    ]);
}

function checkGateway(p: Problems, i: LinkCheckInputs, g: GatewayLookup, which: "destination" | "source"): void {
    const field = which === "destination" ? "transitGatewayRouteTableId" : "sourceTransitGatewayRouteTableId";
    const explicit = i.link[field] !== undefined;
    const owner = which === "destination" ? i.destination.account : i.source.account;
    const idField = which === "destination" ? "transitGatewayId" : "sourceTransitGatewayId";
    const id = val(i.link[idField]);
    if (g.ownerId !== owner) {
        if (which === "source" || i.link.transitGatewaySharing !== "preShared") {
            p.add(
                at(i.path, idField),
                id,
                `belongs to account ${g.ownerId}, not the ${which} account ${owner}, so its attachments, shares and route tables cannot be managed from here`,
                which === "source"
                    ? "use a transit gateway of the source account"
                    : 'set transitGatewaySharing to "preShared" (the gateway is shared with both accounts by its owner)',
            );
        } else if (explicit) {
            p.add(
                at(i.path, field),
                val(i.link[field]),
                `the gateway's route tables belong to account ${g.ownerId}`,
                "remove it; the gateway's owner manages its route tables",
            );
        } else if (!g.autoAccept) {
            p.warn(
                `transit gateway ${id} belongs to account ${g.ownerId} and does not auto-accept shared attachments: the link's attachments wait until that account accepts them`,
            );
        }
        return;
    }
    if (!explicit && (!g.defaultAssociation || !g.defaultPropagation || g.associationTableId === "" || g.propagationTableId === "")) {
        p.add(
            at(i.path, field),
            undefined,
            `transit gateway ${id} has no default ${!g.defaultAssociation || g.associationTableId === "" ? "association" : "propagation"} route table, so the attachments would route nowhere`,
            `set ${field} to the gateway route table the link's attachments belong in`,
        );
    }
}

function checkAutoAccept(p: Problems, i: LinkCheckInputs, g: GatewayLookup): void {
    const declared = i.link.transitGatewayAutoAccept;
    if (typeof declared === "boolean" && declared !== g.autoAccept) {
        p.add(
            at(i.path, "transitGatewayAutoAccept"),
            declared,
            `transit gateway ${val(i.link.transitGatewayId)} has autoAcceptSharedAttachments ${g.autoAccept ? "enabled" : "disabled"}`,
            "remove transitGatewayAutoAccept; the component follows the gateway's own setting",
        );
    }
}

function checkActivationTable(p: Problems, i: LinkCheckInputs, table: string): void {
    const listed = i.link.destinationRouteTableIds;
    if (!Array.isArray(listed) || listed.some((t) => t === UNKNOWN) || listed.includes(table)) {
        return;
    }
    p.add(
        at(i.path, "destinationRouteTableIds"),
        listed,
        `the activation subnet ${i.activationSubnetId} sends its traffic by route table ${table}, which is not listed: the endpoint's replies to the agents would not find the way back`,
        `add ${table} to destinationRouteTableIds`,
    );
}

export function checkLinkFacts(p: Problems, i: LinkCheckInputs, f: LinkFacts): void {
    reportMissing(p, at(i.path, "sourceVpcId"), f.sourceVpcRanges, "VPC", "source");
    reportMissing(p, at(i.path, "transitGatewayId"), f.destinationGateway, "transit gateway", "destination");
    reportMissing(p, at(i.path, "sourceTransitGatewayId"), f.sourceGateway, "transit gateway", "source");
    checkRanges(p, i, f);
    checkRouteTables(p, i.path, i.link, f.routeTables);
    const mode = i.link.mode;
    if (mode === "transitGateway") {
        const crossRegion = i.source.region !== i.destination.region;
        if (crossRegion && i.link.sourceTransitGatewayId === undefined) {
            p.add(
                at(i.path, "sourceTransitGatewayId"),
                undefined,
                `the source (${i.source.region}) and destination (${i.destination.region}) are in different Regions and a transit gateway attaches VPCs of its own Region only`,
                "set sourceTransitGatewayId to a transit gateway in the source Region; the component peers it with transitGatewayId",
            );
        }
        if (isKnown(f.destinationGateway)) {
            checkGateway(p, i, f.destinationGateway, "destination");
            checkAutoAccept(p, i, f.destinationGateway);
        }
        if (isKnown(f.sourceGateway)) {
            checkGateway(p, i, f.sourceGateway, "source");
        }
    }
    if (isKnown(f.activationRouteTable)) {
        checkActivationTable(p, i, f.activationRouteTable);
    }
}
