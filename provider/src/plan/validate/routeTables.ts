// The link's route tables against what they already hold: an ID AWS does not know, and AWS's
// route quota counted with the routes already there. CreateRoute past the quota fails with
// RouteLimitExceeded after the peering or attachment exists, so the count is checked first.
import { Found, isMissing } from "../facts";
import { UNKNOWN } from "../known";
import { at, Problems } from "../problems";
import { overQuota, QUOTAS } from "../quotas";
import type { KnownLink } from "./link";
import { present, reportMissing } from "./missing";

/** The destinations of the routes each listed table holds now, in the order the tables are listed. */
export interface RouteTableFacts {
    source: Found<string[]>[];
    destination: Found<string[]>[];
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function checkTable(p: Problems, path: string, id: unknown, found: Found<string[]> | undefined, routed: unknown[], side: "source" | "destination"): void {
    reportMissing(p, path, found, "route table", side);
    if (isMissing(found)) {
        return;
    }
    // Not looked up yet (a table of a preview's new VPC): only this link's routes are counted.
    const existing = present(found) ? found : [];
    // A route to a range this link routes is this link's own from an earlier deployment (or one
    // CreateRoute would refuse anyway): it is counted once, as the link's.
    const ours = new Set(routed.filter((r): r is string => typeof r === "string"));
    const others = existing.filter((d) => !ours.has(d)).length;
    const limit = QUOTAS.routesPerRouteTable;
    const message = overQuota({
        what: `the routes in ${String(id)} (${others} already there, ${routed.length} this link adds)`,
        used: others + routed.length,
        limit: limit.value,
        quota: limit.name,
    });
    if (message !== undefined) {
        p.add(path, id, message, "summarize the ranges into fewer CIDR blocks, remove unused routes from the table, or list another route table");
    }
}

export function checkRouteTables(p: Problems, path: string, link: KnownLink, tables: RouteTableFacts | undefined): void {
    if (tables === undefined) {
        return;
    }
    const sides = [
        { field: "sourceRouteTableIds", side: "source" as const, found: tables.source, routed: list(link.destinationCidrBlocks) },
        { field: "destinationRouteTableIds", side: "destination" as const, found: tables.destination, routed: list(link.sourceCidrBlocks) },
    ];
    for (const s of sides) {
        list(link[s.field as "sourceRouteTableIds"]).forEach((id, t) => {
            if (id !== UNKNOWN) {
                checkTable(p, at(path, `${s.field}[${t}]`), id, s.found[t], s.routed, s.side);
            }
        });
    }
}
