// Policy 8: VPCs joined by peering or by the same transit gateway have no overlapping CIDRs.
import { StackValidationPolicy } from "@pulumi/policy";
import { findCrossSideOverlaps, LabelledRange } from "../../provider/src/plan/cidr";
import { label, Ref, refKey, refLabel, Res, sameRef, Stack } from "../lib/stack";
import { TYPES } from "../lib/types";
import { field, str } from "../lib/values";

export interface CidrOverlapConfig {
    /** IPv4 CIDRs of VPCs that are not in the stack (peer VPCs in other accounts/Regions), by VPC ID. */
    externalVpcCidrs?: Record<string, string[]>;
}

interface Connection {
    /** The peering connection or attachment to report against. */
    via: Res;
    what: string;
    a: Ref;
    b: Ref;
}

function vpcRef(stack: Stack, r: Res, key: string): Ref | undefined {
    return stack.ref(r, key, [TYPES.vpc], ["id"]);
}

/** Every IPv4 range of a VPC that the stack (or config) shows; undefined when none is known. */
function rangesOf(stack: Stack, vpc: Ref, external: Record<string, string[]>): { cidr: string; origin: string }[] | undefined {
    const out: { cidr: string; origin: string }[] = [];
    if (vpc.res) {
        const primary = str(field(vpc.res.props, "cidrBlock"));
        if (typeof primary === "string") {
            out.push({ cidr: primary, origin: `${label(vpc.res)} primary CIDR` });
        }
    }
    const id = vpc.res ? str(vpc.res.props.id) : vpc.literal;
    if (typeof id === "string" && Object.hasOwn(external, id)) {
        for (const cidr of external[id]) {
            out.push({ cidr, origin: `VPC ${id} (externalVpcCidrs)` });
        }
    }
    for (const assoc of stack.ofType(TYPES.vpcCidrAssociation)) {
        const target = vpcRef(stack, assoc, "vpcId");
        const cidr = str(field(assoc.props, "cidrBlock"));
        if (target && sameRef(target, vpc) && typeof cidr === "string") {
            out.push({ cidr, origin: `${refLabel(vpc)} secondary CIDR from ${label(assoc)}` });
        }
    }
    return out.length > 0 ? out : undefined;
}

function connections(stack: Stack): Connection[] {
    const out: Connection[] = [];
    for (const p of stack.ofType(TYPES.vpcPeering)) {
        const a = vpcRef(stack, p, "vpcId");
        const b = vpcRef(stack, p, "peerVpcId");
        if (a && b) {
            out.push({ via: p, what: `VPC peering ${label(p)}`, a, b });
        }
    }
    // All VPCs attached to one transit gateway can be routed to each other.
    const byGateway = new Map<string, { tgw: string; attachments: { att: Res; vpc: Ref }[] }>();
    for (const att of stack.ofType(TYPES.transitGatewayVpcAttachment)) {
        const tgw = stack.ref(att, "transitGatewayId", [TYPES.transitGateway], ["id"]);
        const vpc = vpcRef(stack, att, "vpcId");
        if (!tgw || !vpc) {
            continue;
        }
        const k = refKey(tgw);
        const entry = byGateway.get(k) ?? { tgw: refLabel(tgw), attachments: [] };
        entry.attachments.push({ att, vpc });
        byGateway.set(k, entry);
    }
    for (const { tgw, attachments } of byGateway.values()) {
        for (let i = 0; i < attachments.length; i++) {
            for (let j = i + 1; j < attachments.length; j++) {
                const x = attachments[i];
                const y = attachments[j];
                out.push({ via: y.att, what: `transit gateway ${tgw} (attachments ${label(x.att)} and ${label(y.att)})`, a: x.vpc, b: y.vpc });
            }
        }
    }
    return out;
}

export const connectedVpcsDoNotOverlap: StackValidationPolicy = {
    name: "connected-vpcs-no-cidr-overlap",
    displayName: "Peered or attached VPCs do not overlap",
    description:
        "VPCs joined by an aws.ec2.VpcPeeringConnection, or attached to the same transit gateway, must not have overlapping IPv4 CIDRs " +
        "(primary CIDRs and VpcIpv4CidrBlockAssociation secondary CIDRs). VPCs outside the stack are checked only when their CIDRs are given in config.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["networking", "peering", "transit-gateway"],
    configSchema: {
        properties: {
            externalVpcCidrs: {
                type: "object",
                additionalProperties: { type: "array", items: { type: "string" } },
                default: {},
                description: 'IPv4 CIDRs of VPCs that are not in this stack, by VPC ID, e.g. {"vpc-0abc...": ["10.20.0.0/16"]}.',
            },
        },
    },
    remediationSteps:
        "Re-address one side so the ranges are disjoint (add a non-overlapping secondary CIDR and move the agent or endpoint subnets into it), " +
        "or connect a different VPC. Routes to an overlapping range send traffic to the local VPC instead of the peer, so the agent cannot reach the endpoint.",
    validateStack: (args, reportViolation) => {
        const stack = new Stack(args.resources);
        const external = args.getConfig<CidrOverlapConfig>().externalVpcCidrs ?? {};
        const conns = connections(stack);
        if (conns.length === 0) {
            args.notApplicable("no VPC peering connections or transit gateway VPC attachments");
        }
        for (const c of conns) {
            if (sameRef(c.a, c.b)) {
                continue;
            }
            const a = rangesOf(stack, c.a, external);
            const b = rangesOf(stack, c.b, external);
            if (!a || !b) {
                continue; // a VPC outside the stack without externalVpcCidrs: cannot be checked
            }
            const ranges: LabelledRange[] = [...a.map((r) => ({ ...r, side: "source" as const })), ...b.map((r) => ({ ...r, side: "destination" as const }))];
            for (const o of findCrossSideOverlaps(ranges)) {
                reportViolation(
                    `${c.what} connects VPCs whose address ranges overlap: ${o.a.cidr} (${o.a.origin}) and ${o.b.cidr} (${o.b.origin}). ` +
                        "Traffic to the overlapping addresses stays in the local VPC; re-address one side.",
                    c.via.urn,
                );
            }
        }
    },
};
