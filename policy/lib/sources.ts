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
