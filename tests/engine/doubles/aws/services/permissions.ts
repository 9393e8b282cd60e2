// Security group permissions as EC2 holds them, whichever resource added them (the standalone
// aws.vpc rules, the legacy aws.ec2.SecurityGroupRule, or a group's inline ingress/egress): what
// duplicate detection (InvalidPermission.Duplicate) and the rules-per-group quota count.
import { ApiError } from "../contract";
import type { Inventory, Place } from "../inventory";
import { enforce, QUOTAS } from "../quotas";
import { T } from "../tokens";

export interface Permission {
    group: string;
    direction: "ingress" | "egress";
    protocol: string;
    fromPort: number;
    toPort: number;
    /** The peer: a CIDR, a prefix list ID, or a group ID. */
    peer: string;
    peerKind: "cidr4" | "cidr6" | "prefixList" | "group";
    /** Which resource holds it (for messages). */
    owner: string;
}

/** EC2 stores protocols by name for tcp/udp/icmp and "-1" for all (TF protocolForValue does the same). */
export function normalProtocol(p: unknown): string {
    const s = String(p).toLowerCase();
    return ({ "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" } as Record<string, string>)[s] ?? s;
}

const VALID_PROTOCOL = /^(tcp|udp|icmp|icmpv6|-1|\d{1,3})$/;

export function validProtocol(p: unknown): boolean {
    const s = normalProtocol(p);
    return VALID_PROTOCOL.test(s) && (!/^\d+$/.test(s) || Number(s) <= 255);
}

/** The referenced group ID of a `[account/]sg-…` reference. */
export function groupIdOf(ref: string): { account?: string; id: string } {
    const parts = ref.split("/");
    return parts.length === 2 ? { account: parts[0], id: parts[1] } : { id: ref };
}

function fromRule(o: any, direction: Permission["direction"], owner: string): Permission | undefined {
    const peer =
        o.cidrIpv4 !== undefined && o.cidrIpv4 !== null
            ? { peer: o.cidrIpv4, peerKind: "cidr4" as const }
            : o.cidrIpv6
              ? { peer: o.cidrIpv6, peerKind: "cidr6" as const }
              : o.prefixListId
                ? { peer: o.prefixListId, peerKind: "prefixList" as const }
                : o.referencedSecurityGroupId
                  ? { peer: groupIdOf(o.referencedSecurityGroupId).id, peerKind: "group" as const }
                  : undefined;
    if (!peer) {
        return undefined;
    }
    const protocol = normalProtocol(o.ipProtocol);
    const all = protocol === "-1";
    return { group: o.securityGroupId, direction, protocol, fromPort: all ? -1 : (o.fromPort ?? -1), toPort: all ? -1 : (o.toPort ?? -1), owner, ...peer };
}

/** Permissions of the legacy aws_security_group_rule (one per CIDR / prefix list / group). */
export function fromLegacyRule(o: any, owner: string): Permission[] {
    const direction = o.type === "egress" ? "egress" : "ingress";
    const base = { securityGroupId: o.securityGroupId, ipProtocol: o.protocol, fromPort: o.fromPort, toPort: o.toPort };
    const list: any[] = [
        ...(o.cidrBlocks ?? []).map((c: string) => ({ ...base, cidrIpv4: c })),
        ...(o.ipv6CidrBlocks ?? []).map((c: string) => ({ ...base, cidrIpv6: c })),
        ...(o.prefixListIds ?? []).map((p: string) => ({ ...base, prefixListId: p })),
        ...(o.sourceSecurityGroupId ? [{ ...base, referencedSecurityGroupId: o.sourceSecurityGroupId }] : []),
        ...(o.self ? [{ ...base, referencedSecurityGroupId: o.securityGroupId }] : []),
    ];
    return list.map((r) => fromRule(r, direction, owner)).filter((p): p is Permission => p !== undefined);
}

export function toPermission(o: any, direction: Permission["direction"], owner: string): Permission | undefined {
    return fromRule(o, direction, owner);
}

/** Every permission a group holds now. */
export function permissionsOf(inv: Inventory, group: string): Permission[] {
    const rules = (type: string, d: Permission["direction"]) =>
        inv.state
            .ofType(type)
            .filter((l) => l.outputs.securityGroupId === group)
            .map((l) => fromRule(l.outputs, d, l.urn))
            .filter((p): p is Permission => p !== undefined);
    const legacy = inv.state
        .ofType(T.securityGroupRule)
        .filter((l) => l.outputs.securityGroupId === group)
        .flatMap((l) => fromLegacyRule(l.outputs, l.urn));
    const sg = inv.state.get(T.securityGroup, group);
    const inline = sg
        ? (["ingress", "egress"] as const).flatMap((d) =>
              (sg.outputs[d] ?? []).flatMap((r: any) => fromLegacyRule({ ...r, type: d, securityGroupId: group }, sg.urn)),
          )
        : [];
    return [...rules(T.ingressRule, "ingress"), ...rules(T.egressRule, "egress"), ...legacy, ...inline];
}

function same(a: Permission, b: Permission): boolean {
    return (
        a.group === b.group &&
        a.direction === b.direction &&
        a.protocol === b.protocol &&
        a.fromPort === b.fromPort &&
        a.toPort === b.toPort &&
        a.peer === b.peer
    );
}

/** EC2's rendering of a permission in the duplicate error ("peer: 10.0.0.5/32, TCP, from port: 443, to port: 443, ALLOW"). */
function described(p: Permission): string {
    const proto = p.protocol === "-1" ? "ALL" : p.protocol.toUpperCase();
    return `peer: ${p.peer}, ${proto}, from port: ${p.fromPort}, to port: ${p.toPort}, ALLOW`;
}

/** How many rules a permission counts as: a prefix list counts as its maximum entries (quota note). */
function weight(inv: Inventory, at: Place, p: Permission): number {
    return p.peerKind === "prefixList" ? (inv.rw(at).prefixLists?.[p.peer]?.maxEntries ?? 1) : 1;
}

/**
 * AuthorizeSecurityGroupIngress/Egress: refuses an exact duplicate (InvalidPermission.Duplicate, EC2
 * error code list) and a group past its rules quota (counted per direction and address family).
 */
export function authorize(inv: Inventory, at: Place, adding: Permission[]): void {
    const existing = permissionsOf(inv, adding[0]?.group ?? "");
    for (const p of adding) {
        if (existing.some((e) => same(e, p))) {
            throw new ApiError("InvalidPermission.Duplicate", `the specified rule "${described(p)}" already exists`);
        }
    }
    for (const direction of ["ingress", "egress"] as const) {
        for (const v6 of [false, true]) {
            const pick = (l: Permission[]) => l.filter((p) => p.direction === direction && (p.peerKind === "cidr6") === v6);
            const add = pick(adding);
            if (add.length === 0) {
                continue;
            }
            const used = pick(existing).reduce((n, p) => n + weight(inv, at, p), 0);
            const more = add.reduce((n, p) => n + weight(inv, at, p), 0);
            enforce(
                direction === "ingress" ? QUOTAS.inboundRulesPerGroup : QUOTAS.outboundRulesPerGroup,
                used,
                more,
                `by ${add[0].group} (${v6 ? "IPv6" : "IPv4"})`,
            );
        }
    }
}
