// The link's route tables against what they already hold: an ID AWS does not know, a range already
// routed elsewhere, and AWS's route quota counted with the routes already there. CreateRoute fails
// on either (RouteAlreadyExists, RouteLimitExceeded) after the peering or attachment exists, so
// both are checked before anything is built.
import { Found, isMissing } from "../facts";
import { Unknown, UNKNOWN } from "../known";
import { at, Problems } from "../problems";
import { overQuota, QUOTAS } from "../quotas";
import type { KnownLink } from "./link";
import { present, reportMissing } from "./missing";

/** A route a table holds: where it goes and its next hop (the ID of the gateway, connection, interface...). */
export interface ExistingRoute {
    destination: string;
    target: string;
}

/** The routes each listed table holds now, in the order the tables are listed. */
export interface RouteTableFacts {
    source: Found<ExistingRoute[]>[];
    destination: Found<ExistingRoute[]>[];
}

type Side = "source" | "destination";

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Whether an existing route's next hop is the one this link routes through, so that a route to one
 * of its ranges is its own from an earlier deployment. A peering link's connection ID is not known
 * before it exists: any peering connection is taken as the link's (its own route on a second up).
 * Unknown: the link's next hop is a value not known yet.
 */
function isOwnHop(link: KnownLink, side: Side, target: string): boolean | Unknown {
    const hop =
        link.mode === "peering"
            ? "pcx-"
            : link.mode === "existing"
              ? link.existingRouteTargetId
              : side === "source"
                ? (link.sourceTransitGatewayId ?? link.transitGatewayId)
                : link.transitGatewayId;
    if (hop === UNKNOWN) {
        return UNKNOWN;
    }
    return hop === "pcx-" ? target.startsWith("pcx-") : target === hop;
}

function checkTaken(p: Problems, path: string, id: unknown, existing: ExistingRoute[], ours: Set<string>, link: KnownLink, side: Side): void {
    for (const r of existing) {
        if (ours.has(r.destination) && isOwnHop(link, side, r.target) === false) {
            p.add(
                path,
                id,
                `${String(id)} already routes ${r.destination} to ${r.target}, so CreateRoute for the link's route would fail with RouteAlreadyExists`,
                `remove that route from ${String(id)}, or leave the table out of the link and route the range yourself`,
            );
        }
    }
}

function checkCount(p: Problems, path: string, id: unknown, existing: ExistingRoute[], ours: Set<string>, routed: number): void {
    // A route to a range this link routes is counted once, as the link's (its own from an earlier
    // deployment, or one reported above).
    const others = existing.filter((r) => !ours.has(r.destination)).length;
    const limit = QUOTAS.routesPerRouteTable;
    const message = overQuota({
        what: `the routes in ${String(id)} (${others} already there, ${routed} this link adds)`,
        used: others + routed,
        limit: limit.value,
        quota: limit.name,
    });
    if (message !== undefined) {
        p.add(path, id, message, "summarize the ranges into fewer CIDR blocks, remove unused routes from the table, or list another route table");
    }
}

function checkTable(p: Problems, path: string, id: unknown, found: Found<ExistingRoute[]> | undefined, routed: unknown[], link: KnownLink, side: Side): void {
    reportMissing(p, path, found, "route table", side);
    if (isMissing(found)) {
        return;
    }
    // Not looked up yet (a table of a preview's new VPC): only this link's routes are counted.
    const existing = present(found) ? found : [];
    const ours = new Set(routed.filter((r): r is string => typeof r === "string"));
    checkTaken(p, path, id, existing, ours, link, side);
    checkCount(p, path, id, existing, ours, routed.length);
}

export function checkRouteTables(p: Problems, path: string, link: KnownLink, tables: RouteTableFacts | undefined): void {
    if (tables === undefined) {
        return;
    }
    // Over an existing DX/VPN only the destination's tables get routes (the source side is not ours).
    const sourceRouted = link.mode !== "existing";
    const sides = [
        { field: "sourceRouteTableIds" as const, side: "source" as const, found: sourceRouted ? tables.source : [], routed: list(link.destinationCidrBlocks) },
        { field: "destinationRouteTableIds" as const, side: "destination" as const, found: tables.destination, routed: list(link.sourceCidrBlocks) },
    ];
    for (const s of sides) {
        list(link[s.field]).forEach((id, t) => {
            if (id !== UNKNOWN && (s.side === "destination" || sourceRouted)) {
                checkTable(p, at(path, `${s.field}[${t}]`), id, s.found[t], s.routed, link, s.side);
            }
        });
    }
}
