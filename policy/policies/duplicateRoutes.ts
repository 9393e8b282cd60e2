// Policy 14: no two aws.ec2.Route resources target the same destination in one route table.
import { StackValidationPolicy } from "@pulumi/policy";
import { parseCidr } from "../../provider/src/plan/cidr";
import { idKey, label, Res, Stack } from "../lib/stack";
import { TYPES } from "../lib/types";
import { field, str } from "../lib/values";

/** The route's destination as EC2 compares it; undefined while not known. */
function destination(r: Res): string | undefined {
    const v4 = str(field(r.props, "destinationCidrBlock"));
    if (typeof v4 === "string" && v4 !== "") {
        return parseCidr(v4)?.text ?? v4.trim();
    }
    const v6 = str(field(r.props, "destinationIpv6CidrBlock"));
    if (typeof v6 === "string" && v6 !== "") {
        return v6.trim().toLowerCase();
    }
    const pl = str(field(r.props, "destinationPrefixListId"));
    return typeof pl === "string" && pl !== "" ? pl.trim().toLowerCase() : undefined;
}

export const noDuplicateRoutes: StackValidationPolicy = {
    name: "aws-route-duplicate",
    displayName: "No route is declared twice in a route table",
    description:
        "Two aws.ec2.Route resources must not target the same destination (CIDR, IPv6 CIDR or prefix list) in the same route table: EC2's CreateRoute refuses the " +
        "second with RouteAlreadyExists, and the update stops there.",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: ["aws", "networking", "routes"],
    remediationSteps:
        "Keep one route per destination and table: when two links (peering, transit gateway, VPN) would route the same range, route it once, " +
        "or summarise the ranges differently so each destination appears once per table.",
    validateStack: (args, reportViolation) => {
        const stack = new Stack(args.resources);
        const routes = stack.ofType(TYPES.route);
        if (routes.length < 2) {
            args.notApplicable("fewer than two aws.ec2.Route resources");
        }
        const seen = new Map<string, Res>();
        for (const route of routes) {
            const table = stack.ref(route, "routeTableId", [TYPES.routeTable], ["id"]);
            const dest = destination(route);
            if (table === undefined || dest === undefined) {
                continue; // not known yet (preview)
            }
            const k = `${idKey(table)}|${dest}`;
            const first = seen.get(k);
            if (first === undefined) {
                seen.set(k, route);
                continue;
            }
            const tableText = table.res ? label(table.res) : table.literal;
            reportViolation(
                `${label(route)} routes ${dest} in route table ${tableText}, which ${label(first)} already routes: EC2 refuses the second (RouteAlreadyExists). ` +
                    "Keep one route per destination and table.",
                route.urn,
            );
        }
    },
};
