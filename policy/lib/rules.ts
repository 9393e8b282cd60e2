// Ingress rules of every kind @pulumi/aws can express, in one shape:
//  - inline `ingress` blocks on aws.ec2.SecurityGroup,
//  - aws.ec2.SecurityGroupRule with type "ingress",
//  - aws.vpc.SecurityGroupIngressRule.
// Protocol "-1" (or "all") means every protocol and port; ports are ignored then.
import { label, Ref, Res, Stack } from "./stack";
import { Source } from "./sources";
import { TYPES } from "./types";
import { bool, field, list, Maybe, num, str, UNKNOWN, Unknown } from "./values";

export type Protocol = "all" | "tcp" | "udp" | "icmp" | "icmpv6" | string;

export interface IngressRule {
    /** The resource that declares the rule; violations are reported against it. */
    declaredBy: Res;
    /** e.g. `aws.ec2.SecurityGroup "x" ingress[1]` or `aws.vpc.SecurityGroupIngressRule "y"`. */
    where: string;
    /** The group(s) the rule lets traffic into. */
    groups: Ref[];
    protocol: Maybe<Protocol>;
    fromPort: Maybe<number>;
    toPort: Maybe<number>;
    /** Known sources; `sourcesComplete` is false when some were unknown. */
    sources: Source[];
    sourcesComplete: boolean;
}

const PROTOCOL_NUMBERS: Record<string, Protocol> = { "-1": "all", all: "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };

export function normaliseProtocol(p: Maybe<string | number>): Maybe<Protocol> {
    if (p === undefined || p === UNKNOWN) {
        return p;
    }
    const t = String(p).trim().toLowerCase();
    return Object.hasOwn(PROTOCOL_NUMBERS, t) ? PROTOCOL_NUMBERS[t] : t;
}

/** Does the rule admit TCP traffic to `port`? UNKNOWN when protocol or ports are not known yet. */
export function admitsTcpPort(rule: IngressRule, port: number): boolean | Unknown {
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
export function portsText(rule: IngressRule): string {
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

/** Adds each known string of a list property as a source; false when some were unknown. */
function addList(out: Source[], v: unknown, kind: Source["kind"]): boolean {
    const l = list(v);
    if (l === UNKNOWN) {
        return false;
    }
    let complete = true;
    for (const x of l ?? []) {
        if (typeof x === "string") {
            out.push({ kind, text: x });
        } else if (x === UNKNOWN) {
            complete = false;
        }
    }
    return complete;
}

/** Adds a single-valued source property; false when it was unknown. */
function addOne(out: Source[], v: unknown, kind: Source["kind"]): boolean {
    const s = str(v);
    if (s === UNKNOWN) {
        return false;
    }
    if (typeof s === "string" && s !== "") {
        out.push({ kind, text: s });
    }
    return true;
}

function addSelf(out: Source[], v: unknown): boolean {
    const w = bool(v);
    if (w === true) {
        out.push({ kind: "self", text: "self" });
    }
    return w !== UNKNOWN;
}

function protocolOf(v: unknown): Maybe<Protocol> {
    const s = str(v);
    return normaliseProtocol(s !== undefined ? s : num(v));
}

function inlineRules(sg: Res): IngressRule[] {
    const blocks = list(field(sg.props, "ingress"));
    if (blocks === undefined || blocks === UNKNOWN) {
        return [];
    }
    return blocks.map((b, i) => {
        const sources: Source[] = [];
        let complete = b !== UNKNOWN;
        complete = addList(sources, field(b, "cidrBlocks"), "ipv4") && complete;
        complete = addList(sources, field(b, "ipv6CidrBlocks"), "ipv6") && complete;
        complete = addList(sources, field(b, "securityGroups"), "group") && complete;
        complete = addList(sources, field(b, "prefixListIds"), "prefixList") && complete;
        complete = addSelf(sources, field(b, "self")) && complete;
        return {
            declaredBy: sg,
            where: `${label(sg)} ingress[${i}]`,
            groups: [{ res: sg }],
            protocol: protocolOf(field(b, "protocol")),
            fromPort: num(field(b, "fromPort")),
            toPort: num(field(b, "toPort")),
            sources,
            sourcesComplete: complete,
        };
    });
}

function standaloneRule(stack: Stack, r: Res): IngressRule | undefined {
    const sources: Source[] = [];
    let complete = true;
    let protocol: Maybe<Protocol>;
    if (r.type === TYPES.securityGroupRule) {
        if (str(field(r.props, "type")) !== "ingress") {
            return undefined; // egress, or not known yet
        }
        complete = addList(sources, field(r.props, "cidrBlocks"), "ipv4") && complete;
        complete = addList(sources, field(r.props, "ipv6CidrBlocks"), "ipv6") && complete;
        complete = addOne(sources, field(r.props, "sourceSecurityGroupId"), "group") && complete;
        complete = addList(sources, field(r.props, "prefixListIds"), "prefixList") && complete;
        complete = addSelf(sources, field(r.props, "self")) && complete;
        protocol = protocolOf(field(r.props, "protocol"));
    } else {
        // aws.vpc.SecurityGroupIngressRule: one source per rule.
        complete = addOne(sources, field(r.props, "cidrIpv4"), "ipv4") && complete;
        complete = addOne(sources, field(r.props, "cidrIpv6"), "ipv6") && complete;
        complete = addOne(sources, field(r.props, "referencedSecurityGroupId"), "group") && complete;
        complete = addOne(sources, field(r.props, "prefixListId"), "prefixList") && complete;
        protocol = protocolOf(field(r.props, "ipProtocol"));
    }
    return {
        declaredBy: r,
        where: label(r),
        groups: stack.refs(r, "securityGroupId", [TYPES.securityGroup], ["id"]).refs,
        protocol,
        fromPort: num(field(r.props, "fromPort")),
        toPort: num(field(r.props, "toPort")),
        sources,
        sourcesComplete: complete,
    };
}

/** Every ingress rule in the stack, whichever way it was written. */
export function ingressRules(stack: Stack): IngressRule[] {
    const out: IngressRule[] = [];
    for (const sg of stack.ofType(TYPES.securityGroup)) {
        out.push(...inlineRules(sg));
    }
    for (const r of stack.ofType(TYPES.securityGroupRule, TYPES.securityGroupIngressRule)) {
        const rule = standaloneRule(stack, r);
        if (rule) {
            out.push(rule);
        }
    }
    return out;
}
