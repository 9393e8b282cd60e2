// Route plans: which route tables get which destination ranges, and through what.
import { IdKind, idKindOf } from "./ids";

export type RouteTargetKind = "gatewayId" | "transitGatewayId" | "networkInterfaceId" | "vpcPeeringConnectionId";

const TARGET: Partial<Record<IdKind, RouteTargetKind>> = {
    vgw: "gatewayId",
    tgw: "transitGatewayId",
    eni: "networkInterfaceId",
    pcx: "vpcPeeringConnectionId",
};

/** Which aws.ec2.Route argument a next-hop ID goes into, by its kind (a tgw-rtb- route table is none). */
export function routeTargetKind(id: string): RouteTargetKind | undefined {
    const kind = idKindOf(id);
    return kind === undefined ? undefined : TARGET[kind];
}

export interface PlannedRoute {
    /** Stable suffix for the resource name: side, table index and range index. */
    key: string;
    side: "source" | "destination";
    /** Index into that side's route table list. */
    table: number;
    /** Index into the ranges routed from that side. */
    range: number;
}

/**
 * Each source route table gets a route to every destination range and vice versa.
 * Names use indices, not IDs, because IDs are often outputs not known at plan time.
 */
export function planRoutes(counts: { sourceTables: number; destinationTables: number; sourceRanges: number; destinationRanges: number }): PlannedRoute[] {
    const out: PlannedRoute[] = [];
    const add = (side: "source" | "destination", tables: number, ranges: number) => {
        for (let t = 0; t < tables; t++) {
            for (let r = 0; r < ranges; r++) {
                out.push({ key: `${side === "source" ? "src" : "dst"}-rt${t}-r${r}`, side, table: t, range: r });
            }
        }
    };
    add("source", counts.sourceTables, counts.destinationRanges);
    add("destination", counts.destinationTables, counts.sourceRanges);
    return out;
}
