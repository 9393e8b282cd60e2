// Can an egress rule of an agent's group reach a DataSync endpoint? Answered from what the stack
// shows: the endpoint's private IPs (subnetConfigurations, @pulumi/aws v7 ec2/vpcEndpoint.d.ts),
// else its subnets' CIDRs, and its security groups. Whatever is not known counts as reachable, so
// the policy only flags egress that certainly misses the endpoint.
import { Cidr, contains, isWorld, overlaps, parseSource } from "../../provider/src/plan/cidr";
import { admitsTcpPort, SgRule } from "./rules";
import { groupIdOf, Source } from "./sources";
import { Ref, Res, Stack } from "./stack";
import { TYPES } from "./types";
import { field, list, str, UNKNOWN } from "./values";

export interface EndpointTargets {
    endpoint: Res;
    /** Known private IPv4 addresses of its interfaces. */
    ips: string[];
    /** Known CIDRs of its subnets (when the subnets are in the stack). */
    subnetCidrs: Cidr[];
    /** Its security groups; `groupIds` are the known IDs among them. */
    groups: Ref[];
    groupIds: string[];
    /** Some group's ID is not known yet (preview). */
    groupIdsIncomplete: boolean;
}

export function endpointTargets(stack: Stack, endpoint: Res): EndpointTargets {
    const ips: string[] = [];
    const configs = list(field(endpoint.props, "subnetConfigurations"));
    for (const c of configs === UNKNOWN ? [] : (configs ?? [])) {
        const ip = str(field(c, "ipv4"));
        if (typeof ip === "string" && ip !== "") {
            ips.push(ip);
        }
    }
    const subnetCidrs: Cidr[] = [];
    for (const s of stack.refs(endpoint, "subnetIds", [TYPES.subnet], ["id"]).refs) {
        const c = s.res ? parseSource(str(field(s.res.props, "cidrBlock"))) : undefined;
        if (c) {
            subnetCidrs.push(c);
        }
    }
    const groups = [...stack.refs(endpoint, "securityGroupIds", [TYPES.securityGroup], ["id"]).refs];
    for (const a of stack.ofType(TYPES.securityGroupAssociation)) {
        const e = stack.ref(a, "vpcEndpointId", [TYPES.vpcEndpoint], ["id"]);
        if (e?.res === endpoint) {
            groups.push(...stack.refs(a, "securityGroupId", [TYPES.securityGroup], ["id"]).refs);
        }
    }
    const ids = groups.map((g) => (g.res ? str(g.res.props.id) : g.literal));
    return {
        endpoint,
        ips,
        subnetCidrs,
        groups,
        groupIds: ids.filter((x): x is string => typeof x === "string").map((x) => x.toLowerCase()),
        groupIdsIncomplete: ids.some((x) => typeof x !== "string"),
    };
}

/** Could traffic to this destination reach the endpoint? */
export function peerReaches(peer: Source, t: EndpointTargets, ownGroup: Res): boolean {
    switch (peer.kind) {
        case "ipv4": {
            const c = parseSource(peer.text);
            if (!c || isWorld(c)) {
                return true;
            }
            if (t.ips.length > 0) {
                return t.ips.some((ip) => contains(c, ip));
            }
            return t.subnetCidrs.length === 0 || t.subnetCidrs.some((s) => overlaps(c, s));
        }
        case "ipv6":
            return false; // the agent is given the endpoint's IPv4 address (activation privateLinkEndpoint)
        case "group":
            return t.groupIdsIncomplete || t.groupIds.includes(groupIdOf(peer.text));
        case "self":
            return t.groups.some((g) => g.res === ownGroup);
        default:
            return true; // a prefix list: its entries are not visible
    }
}

/** Could this egress rule carry traffic to TCP `port` on the endpoint? */
export function ruleReaches(rule: SgRule, port: number, t: EndpointTargets, ownGroup: Res): boolean {
    if (admitsTcpPort(rule, port) === false) {
        return false;
    }
    return rule.unknownPeers.length > 0 || !rule.peersComplete || rule.peers.some((p) => peerReaches(p, t, ownGroup));
}
