import type { LinkSettings } from "../../args/link";
import { findCrossSideOverlaps, LabelledRange, Overlap } from "../cidr";
import { Known, Unknown, val } from "../known";
import { at, Problems } from "../problems";
import { routeTargetKind } from "../routes";
import { DEFAULTS } from "../defaults";
import { checkCidrList, checkEnum, checkId, checkIdList, checkUnique } from "./common";

export type KnownLink = Known<LinkSettings>;

const MODES = ["peering", "transitGateway", "existing"];
const SHARING = ["ram", "ramOrganization", "preShared"];

export interface LinkContext {
    sourceRegion?: string;
    destinationRegion?: string;
}

/** The link's ranges, each labelled with the input it came from. */
export function labelledRanges(path: string, link: KnownLink): LabelledRange[] {
    const label = (field: string, side: "source" | "destination", list: (string | Unknown)[] | undefined) =>
        (list ?? []).flatMap((c, i) => (typeof c === "string" ? [{ cidr: c, origin: `${at(path, field)}[${i}]`, side }] : []));
    return [
        ...label("sourceCidrBlocks", "source", link.sourceCidrBlocks),
        ...label("onPremCidrBlocks", "source", link.onPremCidrBlocks),
        ...label("destinationCidrBlocks", "destination", link.destinationCidrBlocks),
    ];
}

/** Overlaps that involve a range looked up from a VPC itself (the secondary CIDRs users forget). */
export function checkLookedUpRanges(p: Problems, declared: LabelledRange[], lookedUp: LabelledRange[]): void {
    // Declared-versus-declared pairs were reported by the input checks already.
    const fresh = new Set(lookedUp);
    findCrossSideOverlaps([...declared, ...lookedUp])
        .filter((o) => fresh.has(o.a) || fresh.has(o.b))
        .forEach((o) => reportOverlap(p, o));
}

export function checkOverlaps(p: Problems, ranges: LabelledRange[]): void {
    findCrossSideOverlaps(ranges).forEach((o) => reportOverlap(p, o));
}

export function reportOverlap(p: Problems, o: Overlap): void {
    p.add(
        o.a.path ?? o.a.origin,
        o.a.cidr,
        `${o.a.cidr} (${o.a.origin}, ${o.a.side} side) overlaps ${o.b.cidr} (${o.b.origin}, ${o.b.side} side); traffic for the shared addresses could not be routed across the link`,
        "re-address one side, or use a NAT in between; the two sides' address spaces must not overlap",
    );
}

function requireList(p: Problems, path: string, list: (string | Unknown)[] | Unknown | undefined, why: string, fix: string): void {
    if (list === undefined || (Array.isArray(list) && list.length === 0)) {
        p.add(path, list, why, fix);
    }
}

/** IDs of the right kind, and no list entry twice (a route table or range listed twice is a duplicate route). */
function checkLinkIds(p: Problems, path: string, link: KnownLink): void {
    checkId(p, at(path, "sourceVpcId"), "vpc", link.sourceVpcId);
    checkIdList(p, at(path, "sourceRouteTableIds"), "rtb", link.sourceRouteTableIds);
    checkIdList(p, at(path, "destinationRouteTableIds"), "rtb", link.destinationRouteTableIds);
    checkIdList(p, at(path, "sourceSubnetIds"), "subnet", link.sourceSubnetIds);
    checkIdList(p, at(path, "destinationSubnetIds"), "subnet", link.destinationSubnetIds);
    checkId(p, at(path, "transitGatewayId"), "tgw", link.transitGatewayId);
    checkId(p, at(path, "sourceTransitGatewayId"), "tgw", link.sourceTransitGatewayId);
    checkId(p, at(path, "transitGatewayRouteTableId"), "tgw-rtb", link.transitGatewayRouteTableId);
    checkId(p, at(path, "sourceTransitGatewayRouteTableId"), "tgw-rtb", link.sourceTransitGatewayRouteTableId);
    checkUnique(p, at(path, "sourceRouteTableIds"), link.sourceRouteTableIds, "route table");
    checkUnique(p, at(path, "destinationRouteTableIds"), link.destinationRouteTableIds, "route table");
    checkUnique(p, at(path, "sourceCidrBlocks"), link.sourceCidrBlocks, "range");
    checkUnique(p, at(path, "destinationCidrBlocks"), link.destinationCidrBlocks, "range");
}

function checkTransitGatewayOnly(p: Problems, path: string, link: KnownLink): void {
    for (const field of [
        "sourceTransitGatewayId",
        "transitGatewayRouteTableId",
        "sourceTransitGatewayRouteTableId",
        "sourceSubnetIds",
        "transitGatewaySharing",
        "transitGatewayAutoAccept",
    ] as const) {
        // The SDKs send a property's schema default when the user left it out: that is not a choice.
        const isDefault = field === "transitGatewaySharing" && link[field] === DEFAULTS.link.transitGatewaySharing;
        if (link[field] !== undefined && !isDefault) {
            p.add(
                at(path, field),
                val(link[field] as never),
                `only used in transitGateway mode, not "${link.mode}"`,
                'remove it, or set mode to "transitGateway"',
            );
        }
    }
}

/** The rules every mode shares, then each mode's own; an unknown mode stops here, as the rest depends on which was meant. */
export function checkLink(p: Problems, path: string, link: KnownLink, ctx: LinkContext): void {
    const mode = link.mode;
    if (!MODES.includes(mode)) {
        p.add(at(path, "mode"), mode, `must be one of ${MODES.join(", ")}`, "pick the kind of link between the agents' network and the endpoint's VPC");
        return;
    }
    checkLinkRanges(p, path, link);
    checkLinkIds(p, path, link);
    checkEnum(
        p,
        at(path, "transitGatewaySharing"),
        link.transitGatewaySharing,
        SHARING,
        '"ram" across accounts that accept invitations, "ramOrganization" inside one Organization with RAM sharing on',
    );
    if (mode === "peering") {
        checkPeeringMode(p, path, link);
    }
    if (mode === "transitGateway") {
        checkTransitGatewayMode(p, path, link, ctx);
    } else {
        checkTransitGatewayOnly(p, path, link);
    }
    if (mode === "existing") {
        checkExistingMode(p, path, link);
    } else if (link.existingRouteTargetId !== undefined) {
        p.add(at(path, "existingRouteTargetId"), val(link.existingRouteTargetId), 'only used in "existing" mode', 'remove it, or set mode to "existing"');
    }
}

/** Both sides' ranges: every mode routes (or firewalls) by them, so each side needs one and they must not overlap. */
function checkLinkRanges(p: Problems, path: string, link: KnownLink): void {
    checkCidrList(p, at(path, "sourceCidrBlocks"), link.sourceCidrBlocks);
    checkCidrList(p, at(path, "destinationCidrBlocks"), link.destinationCidrBlocks);
    checkCidrList(p, at(path, "onPremCidrBlocks"), link.onPremCidrBlocks);
    requireList(
        p,
        at(path, "sourceCidrBlocks"),
        link.sourceCidrBlocks,
        "at least one source range is required",
        "list the source VPC's CIDRs or the on-premises ranges the agents use",
    );
    requireList(
        p,
        at(path, "destinationCidrBlocks"),
        link.destinationCidrBlocks,
        "at least one destination range is required",
        "list the endpoint VPC's CIDRs",
    );
    checkOverlaps(p, labelledRanges(path, link));
}

/** A peering connects two VPCs and routes both ways, so it needs the source VPC and tables on both sides. */
function checkPeeringMode(p: Problems, path: string, link: KnownLink): void {
    requireList(
        p,
        at(path, "sourceRouteTableIds"),
        link.sourceRouteTableIds,
        "peering needs route tables on the source side",
        "list the source route tables that must reach the endpoint",
    );
    requireList(
        p,
        at(path, "destinationRouteTableIds"),
        link.destinationRouteTableIds,
        "peering needs route tables on the destination side",
        "list the endpoint VPC's route tables (at least the activation subnet's)",
    );
    if (link.transitGatewayId !== undefined) {
        p.add(
            at(path, "transitGatewayId"),
            val(link.transitGatewayId),
            "a transit gateway is not used in peering mode",
            'remove transitGatewayId, or set mode to "transitGateway"',
        );
    }
    if (link.sourceVpcId === undefined) {
        p.add(at(path, "sourceVpcId"), undefined, "peering needs the source VPC", "set sourceVpcId to the agents' VPC");
    }
}

/** The component attaches the source VPC (through its subnets) to the destination's gateway. */
function checkTransitGatewayMode(p: Problems, path: string, link: KnownLink, ctx: LinkContext): void {
    if (link.transitGatewayId === undefined) {
        p.add(
            at(path, "transitGatewayId"),
            undefined,
            "transitGateway mode needs the gateway's ID",
            "set transitGatewayId to the destination Region's transit gateway (tgw-...)",
        );
    }
    if (link.sourceVpcId === undefined) {
        p.add(at(path, "sourceVpcId"), undefined, "transitGateway mode attaches the source VPC", "set sourceVpcId to the agents' VPC");
    }
    requireList(
        p,
        at(path, "sourceSubnetIds"),
        link.sourceSubnetIds,
        "the source VPC's attachment needs subnets",
        "list one source subnet per Availability Zone",
    );
    checkSourceGateway(p, path, link, ctx);
}

/** A gateway attaches VPCs of its own Region only, so a cross-Region link needs a second gateway on the source side. */
function checkSourceGateway(p: Problems, path: string, link: KnownLink, ctx: LinkContext): void {
    const crossRegion = ctx.sourceRegion !== undefined && ctx.destinationRegion !== undefined && ctx.sourceRegion !== ctx.destinationRegion;
    if (crossRegion && link.sourceTransitGatewayId === undefined) {
        p.add(
            at(path, "sourceTransitGatewayId"),
            undefined,
            `the source (${ctx.sourceRegion}) and destination (${ctx.destinationRegion}) are in different Regions and a transit gateway attaches VPCs of its own Region only`,
            "set sourceTransitGatewayId to a transit gateway in the source Region; the component peers it with transitGatewayId",
        );
    }
    if (link.sourceTransitGatewayRouteTableId !== undefined && link.sourceTransitGatewayId === undefined) {
        p.add(
            at(path, "sourceTransitGatewayRouteTableId"),
            val(link.sourceTransitGatewayRouteTableId),
            "only used with sourceTransitGatewayId",
            "remove it, or set sourceTransitGatewayId",
        );
    }
}

/** The source side is already routed by what is in place; the component only routes the destination to the given next hop. */
function checkExistingMode(p: Problems, path: string, link: KnownLink): void {
    if (link.sourceRouteTableIds !== undefined) {
        p.add(
            at(path, "sourceRouteTableIds"),
            val(link.sourceRouteTableIds),
            'in "existing" mode the source side is routed by the Direct Connect or VPN already in place',
            "remove sourceRouteTableIds; routes are made only from destinationRouteTableIds to existingRouteTargetId",
        );
    }
    const target = val(link.existingRouteTargetId);
    if (target !== undefined && routeTargetKind(target) === undefined) {
        p.add(
            at(path, "existingRouteTargetId"),
            target,
            "must be a virtual private gateway (vgw-), transit gateway (tgw-), network interface (eni-) or peering connection (pcx-) ID",
            "give the next hop the destination VPC uses to reach the agents",
        );
    }
    if (link.existingRouteTargetId !== undefined) {
        requireList(
            p,
            at(path, "destinationRouteTableIds"),
            link.destinationRouteTableIds,
            "routes to existingRouteTargetId need destination route tables",
            "list the endpoint VPC's route tables, or drop existingRouteTargetId",
        );
    }
}
