import type { LinkSettings } from "../../args/link";
import { findCrossSideOverlaps, LabelledRange, Overlap } from "../cidr";
import { Known, Unknown, val } from "../known";
import { at, Problems } from "../problems";
import { routeTargetKind } from "../routes";
import { checkCidrList } from "./common";

export type KnownLink = Known<LinkSettings>;

const MODES = ["peering", "transitGateway", "existing"];

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

export function checkOverlaps(p: Problems, ranges: LabelledRange[]): void {
    findCrossSideOverlaps(ranges).forEach((o) => reportOverlap(p, o));
}

export function reportOverlap(p: Problems, o: Overlap): void {
    p.add(
        o.a.origin,
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

export function checkLink(p: Problems, path: string, link: KnownLink, ctx: LinkContext): void {
    const mode = link.mode;
    if (!MODES.includes(mode)) {
        p.add(at(path, "mode"), mode, `must be one of ${MODES.join(", ")}`, "pick the kind of link between the agents' network and the endpoint's VPC");
        return;
    }
    checkCidrList(p, at(path, "sourceCidrBlocks"), link.sourceCidrBlocks);
    checkCidrList(p, at(path, "destinationCidrBlocks"), link.destinationCidrBlocks);
    checkCidrList(p, at(path, "onPremCidrBlocks"), link.onPremCidrBlocks);
    requireList(p, at(path, "sourceCidrBlocks"), link.sourceCidrBlocks, "at least one source range is required", "list the source VPC's CIDRs or the on-premises ranges the agents use");
    requireList(p, at(path, "destinationCidrBlocks"), link.destinationCidrBlocks, "at least one destination range is required", "list the endpoint VPC's CIDRs");
    checkOverlaps(p, labelledRanges(path, link));

    const tgw = val(link.transitGatewayId);
    if (mode === "peering") {
        requireList(p, at(path, "sourceRouteTableIds"), link.sourceRouteTableIds, "peering needs route tables on the source side", "list the source route tables that must reach the endpoint");
        requireList(p, at(path, "destinationRouteTableIds"), link.destinationRouteTableIds, "peering needs route tables on the destination side", "list the endpoint VPC's route tables (at least the activation subnet's)");
        if (link.transitGatewayId !== undefined) {
            p.add(at(path, "transitGatewayId"), tgw, "a transit gateway is not used in peering mode", 'remove transitGatewayId, or set mode to "transitGateway"');
        }
        if (link.sourceVpcId === undefined) {
            p.add(at(path, "sourceVpcId"), undefined, "peering needs the source VPC", "set sourceVpcId to the agents' VPC");
        }
    }
    if (mode === "transitGateway") {
        if (link.transitGatewayId === undefined) {
            p.add(at(path, "transitGatewayId"), undefined, "transitGateway mode needs the gateway's ID", "set transitGatewayId to the destination Region's transit gateway (tgw-...)");
        } else if (tgw !== undefined && !tgw.startsWith("tgw-")) {
            p.add(at(path, "transitGatewayId"), tgw, "not a transit gateway ID (tgw-...)", "give the transit gateway's ID");
        }
        if (link.sourceVpcId === undefined) {
            p.add(at(path, "sourceVpcId"), undefined, "transitGateway mode attaches the source VPC", "set sourceVpcId to the agents' VPC");
        }
        requireList(p, at(path, "sourceSubnetIds"), link.sourceSubnetIds, "the source VPC's attachment needs subnets", "list one source subnet per Availability Zone");
        const crossRegion = ctx.sourceRegion !== undefined && ctx.destinationRegion !== undefined && ctx.sourceRegion !== ctx.destinationRegion;
        if (crossRegion && link.sourceTransitGatewayId === undefined) {
            p.add(at(path, "sourceTransitGatewayId"), undefined, `the source (${ctx.sourceRegion}) and destination (${ctx.destinationRegion}) are in different Regions and a transit gateway attaches VPCs of its own Region only`, "set sourceTransitGatewayId to a transit gateway in the source Region; the component peers it with transitGatewayId");
        }
    } else if (link.sourceTransitGatewayId !== undefined) {
        p.add(at(path, "sourceTransitGatewayId"), val(link.sourceTransitGatewayId), "only used in transitGateway mode", "remove it or change mode");
    }
    if (mode === "existing") {
        if (link.sourceRouteTableIds !== undefined) {
            p.add(at(path, "sourceRouteTableIds"), val(link.sourceRouteTableIds), 'in "existing" mode the source side is routed by the Direct Connect or VPN already in place', "remove sourceRouteTableIds; routes are made only from destinationRouteTableIds to existingRouteTargetId");
        }
        const target = val(link.existingRouteTargetId);
        if (target !== undefined && routeTargetKind(target) === undefined) {
            p.add(at(path, "existingRouteTargetId"), target, "must be a virtual private gateway (vgw-), transit gateway (tgw-), network interface (eni-) or peering connection (pcx-) ID", "give the next hop the destination VPC uses to reach the agents");
        }
        if (link.existingRouteTargetId !== undefined) {
            requireList(p, at(path, "destinationRouteTableIds"), link.destinationRouteTableIds, "routes to existingRouteTargetId need destination route tables", "list the endpoint VPC's route tables, or drop existingRouteTargetId");
        }
    } else if (link.existingRouteTargetId !== undefined) {
        p.add(at(path, "existingRouteTargetId"), val(link.existingRouteTargetId), 'only used in "existing" mode', "remove it, or set mode to \"existing\"");
    }
}
