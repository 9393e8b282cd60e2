// Security group rules of every kind @pulumi/aws can express, in one shape:
//  - inline `ingress` / `egress` blocks on aws.ec2.SecurityGroup,
//  - aws.ec2.SecurityGroupRule with type "ingress" or "egress",
//  - aws.vpc.SecurityGroupIngressRule and aws.vpc.SecurityGroupEgressRule.
// Protocol "-1" (or "all") means every protocol and port; ports are ignored then.
import { label, Ref, Res, Stack } from "./stack";
import { Source } from "./sources";
import { TYPES } from "./types";
import { bool, field, list, Maybe, num, str, UNKNOWN, Unknown } from "./values";

export type Protocol = "all" | "tcp" | "udp" | "icmp" | "icmpv6" | string;

export type Direction = "ingress" | "egress";

export interface SgRule {
    direction: Direction;
    /** The resource that declares the rule; violations are reported against it. */
    declaredBy: Res;
    /** True for a rule resource of its own (not an inline block of the group). */
    standalone: boolean;
    /** e.g. `aws.ec2.SecurityGroup "x" ingress[1]` or `aws.vpc.SecurityGroupIngressRule "y"`. */
    where: string;
    /** The group(s) the rule belongs to. */
    groups: Ref[];
    protocol: Maybe<Protocol>;
    fromPort: Maybe<number>;
    toPort: Maybe<number>;
    /** Known peers: sources of an ingress rule, destinations of an egress rule. */
    peers: Source[];
    /** Peers that exist but whose value is not known yet, by kind (a list not known at all is not counted). */
    unknownPeers: Source["kind"][];
    /** Every peer is known (no unknown value or list). */
    peersComplete: boolean;
}

const PROTOCOL_NUMBERS: Record<string, Protocol> = { "-1": "all", all: "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };

export function normaliseProtocol(p: Maybe<string | number>): Maybe<Protocol> {
    if (p === undefined || p === UNKNOWN) {
        return p;
    }
    const t = String(p).trim().toLowerCase();
    return Object.hasOwn(PROTOCOL_NUMBERS, t) ? PROTOCOL_NUMBERS[t] : t;
}

/** Does the rule let TCP traffic to `port` through? UNKNOWN when protocol or ports are not known yet. */
export function admitsTcpPort(rule: Pick<SgRule, "protocol" | "fromPort" | "toPort">, port: number): boolean | Unknown {
    if (rule.protocol === UNKNOWN) {
        return UNKNOWN;
    }
    if (rule.protocol === "all") {
        return true;
    }
    if (rule.protocol !== "tcp") {
        return false;
    }
    if (rule.fromPort === UNKNOWN || rule.toPort === UNKNOWN) {
        return UNKNOWN;
    }
    const from = rule.fromPort ?? 0;
    const to = rule.toPort ?? 65535;
    return from <= port && port <= to;
}

/** "all traffic", "TCP 80", "TCP 1024-1064", "all TCP ports", ... */
export function portsText(rule: Pick<SgRule, "protocol" | "fromPort" | "toPort">): string {
    if (rule.protocol === "all") {
        return "all traffic (protocol -1)";
    }
    const proto = rule.protocol === UNKNOWN || rule.protocol === undefined ? "protocol ?" : rule.protocol.toUpperCase();
    const from = rule.fromPort === UNKNOWN ? "?" : rule.fromPort;
    const to = rule.toPort === UNKNOWN ? "?" : rule.toPort;
    if ((rule.protocol === "tcp" || rule.protocol === "udp") && from === 0 && to === 65535) {
        return `all ${proto} ports`;
    }
    return from === to ? `${proto} ${from}` : `${proto} ${from}-${to}`;
}

/** Collects peers; counts what is not known yet. */
class Peers {
    readonly list: Source[] = [];
    readonly unknown: Source["kind"][] = [];
    complete = true;

    /** Each string of a list property. */
    many(v: unknown, kind: Source["kind"]): void {
        const l = list(v);
        if (l === UNKNOWN) {
            this.complete = false;
            return;
        }
        for (const x of l ?? []) {
            if (typeof x === "string" && x !== "") {
                this.list.push({ kind, text: x });
            } else if (x === UNKNOWN) {
                this.unknown.push(kind);
                this.complete = false;
            }
        }
    }

    /** A single-valued property. */
    one(v: unknown, kind: Source["kind"]): void {
        const s = str(v);
        if (s === UNKNOWN) {
            this.unknown.push(kind);
            this.complete = false;
        } else if (typeof s === "string" && s !== "") {
            this.list.push({ kind, text: s });
        }
    }

    self(v: unknown): void {
        const w = bool(v);
        if (w === true) {
            this.list.push({ kind: "self", text: "self" });
        } else if (w === UNKNOWN) {
            this.complete = false;
        }
    }
}

function protocolOf(v: unknown): Maybe<Protocol> {
    const s = str(v);
    return normaliseProtocol(s !== undefined ? s : num(v));
}

function inlineRules(sg: Res, direction: Direction): SgRule[] {
    const blocks = list(field(sg.props, direction));
    if (blocks === undefined || blocks === UNKNOWN) {
        return [];
    }
    return blocks.map((b, i) => {
        const p = new Peers();
        if (b === UNKNOWN) {
            p.complete = false;
        }
        p.many(field(b, "cidrBlocks"), "ipv4");
        p.many(field(b, "ipv6CidrBlocks"), "ipv6");
        p.many(field(b, "securityGroups"), "group");
        p.many(field(b, "prefixListIds"), "prefixList");
        p.self(field(b, "self"));
        return {
            direction,
            declaredBy: sg,
            standalone: false,
            where: `${label(sg)} ${direction}[${i}]`,
            groups: [{ res: sg }],
            protocol: protocolOf(field(b, "protocol")),
            fromPort: num(field(b, "fromPort")),
            toPort: num(field(b, "toPort")),
            peers: p.list,
            unknownPeers: p.unknown,
            peersComplete: p.complete,
        };
    });
}

/** The direction of a standalone rule resource; undefined when not known yet. */
function directionOf(r: Res): Direction | undefined {
    if (r.type === TYPES.securityGroupIngressRule) {
        return "ingress";
    }
    if (r.type === TYPES.securityGroupEgressRule) {
        return "egress";
    }
    const t = str(field(r.props, "type"));
    return t === "ingress" || t === "egress" ? t : undefined;
}

function standaloneRule(stack: Stack, r: Res): SgRule | undefined {
    const direction = directionOf(r);
    if (direction === undefined) {
        return undefined;
    }
    const p = new Peers();
    let protocol: Maybe<Protocol>;
    if (r.type === TYPES.securityGroupRule) {
        p.many(field(r.props, "cidrBlocks"), "ipv4");
        p.many(field(r.props, "ipv6CidrBlocks"), "ipv6");
        p.one(field(r.props, "sourceSecurityGroupId"), "group");
        p.many(field(r.props, "prefixListIds"), "prefixList");
        p.self(field(r.props, "self"));
        protocol = protocolOf(field(r.props, "protocol"));
    } else {
        // aws.vpc.SecurityGroupIngressRule / EgressRule: one peer per rule.
        p.one(field(r.props, "cidrIpv4"), "ipv4");
        p.one(field(r.props, "cidrIpv6"), "ipv6");
        p.one(field(r.props, "referencedSecurityGroupId"), "group");
        p.one(field(r.props, "prefixListId"), "prefixList");
        protocol = protocolOf(field(r.props, "ipProtocol"));
    }
    return {
        direction,
        declaredBy: r,
        standalone: true,
        where: label(r),
        groups: stack.refs(r, "securityGroupId", [TYPES.securityGroup], ["id"]).refs,
        protocol,
        fromPort: num(field(r.props, "fromPort")),
        toPort: num(field(r.props, "toPort")),
        peers: p.list,
        unknownPeers: p.unknown,
        peersComplete: p.complete,
    };
}

export const RULE_TYPES: readonly string[] = [TYPES.securityGroupRule, TYPES.securityGroupIngressRule, TYPES.securityGroupEgressRule];

/** Every rule in the stack, both directions, whichever way it was written. */
export function allRules(stack: Stack): SgRule[] {
    const out: SgRule[] = [];
    for (const sg of stack.ofType(TYPES.securityGroup)) {
        out.push(...inlineRules(sg, "ingress"), ...inlineRules(sg, "egress"));
    }
    for (const r of stack.ofType(...RULE_TYPES)) {
        const rule = standaloneRule(stack, r);
        if (rule) {
            out.push(rule);
        }
    }
    return out;
}

/** Every ingress rule in the stack. */
export function ingressRules(stack: Stack): SgRule[] {
    return allRules(stack).filter((r) => r.direction === "ingress");
}
