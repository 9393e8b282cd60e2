// Rule sources (CIDR ranges, referenced groups, prefix lists) and the two questions the pack asks
// of them: "is this the whole internet?" and "is it inside an allowed range?". Parsing and range
// tests come from the planning layer.
import { Cidr, contains, isWorld, parseSource } from "../../provider/src/plan/cidr";

export type SourceKind = "ipv4" | "ipv6" | "group" | "prefixList" | "self";

export interface Source {
    kind: SourceKind;
    /** The range, group ID or prefix-list ID as written ("self" for self-references). */
    text: string;
}

/**
 * True for 0.0.0.0/0, ::/0, and any other spelling of a zero-length prefix ("10.0.0.0/0",
 * "0::/0"): AWS treats a /0 as the whole address space whatever the address part says.
 */
export function isWorldText(text: string): boolean {
    const c = parseSource(text);
    if (c) {
        return isWorld(c);
    }
    return /\/0+$/.test(text.trim());
}

/** True when every address of `inner` is in `outer`. */
export function within(inner: Cidr, outer: Cidr): boolean {
    return inner.prefix >= outer.prefix && contains(outer, inner.network.toString());
}

/**
 * Is `source` covered by the allow-list? IPv4 sources must lie inside one of the allowed IPv4
 * addresses/ranges; anything else (IPv6 ranges, group IDs, prefix-list IDs) must be listed
 * verbatim (case-insensitive).
 */
export function sourceAllowed(source: Source, allowed: readonly string[]): boolean {
    if (source.kind === "ipv4") {
        const s = parseSource(source.text);
        if (s) {
            return allowed.some((a) => {
                const r = parseSource(a);
                return r !== undefined && within(s, r);
            });
        }
    }
    const t = source.text.trim().toLowerCase();
    return allowed.some((a) => a.trim().toLowerCase() === t);
}

export function describeSource(s: Source): string {
    switch (s.kind) {
        case "group":
            return `security group ${s.text}`;
        case "prefixList":
            return `prefix list ${s.text}`;
        case "self":
            return "the group itself (self)";
        default:
            return s.text;
    }
}

/** "111122223333/sg-0abc" (a peer's group, as EC2 and the provider spell it across accounts) -> "sg-0abc". */
export function groupIdOf(text: string): string {
    return text
        .slice(text.lastIndexOf("/") + 1)
        .trim()
        .toLowerCase();
}

/**
 * One spelling per peer, so rules that name the same peer compare equal: canonical IPv4 ranges
 * ("10.0.0.5" and "10.0.0.5/32"), lower-case IPv6 and IDs, a group without its account prefix.
 */
export function peerKey(s: Source): string {
    switch (s.kind) {
        case "ipv4": {
            const c = parseSource(s.text);
            return `ipv4:${c ? c.text : s.text.trim()}`;
        }
        case "group":
            return `group:${groupIdOf(s.text)}`;
        default:
            return `${s.kind}:${s.text.trim().toLowerCase()}`;
    }
}
