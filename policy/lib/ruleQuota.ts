// Counting a group's rules the way AWS counts them against "Inbound or outbound rules per security
// group" (Amazon VPC quotas, amazon-vpc-limits): per direction, "enforced separately for IPv4 rules
// and IPv6 rules"; each CIDR is one rule; "A rule that references a security group or AWS-managed
// prefix list ID counts as one rule for IPv4 and one rule for IPv6"; "If you reference a
// customer-managed prefix list in a security group rule, the maximum number of entries for the
// prefix lists equals the same number of security group rules" (also @pulumi/aws
// ec2/managedPrefixList.d.ts, "NOTE on maxEntries").
// Identical permissions count once (EC2 stores each once), which also keeps the provider's
// read-back of standalone rules into a group's inline outputs from being counted twice.
import { permissionKey } from "./permissions";
import { SgRule } from "./rules";
import { peerKey, Source } from "./sources";
import { idKey, Ref, Res, Stack } from "./stack";
import { TYPES } from "./types";
import { field, num, str } from "./values";

export type AddressFamily = "IPv4" | "IPv6";

export interface Weight {
    family: AddressFamily;
    rules: number;
}

/** A prefix list outside the stack, as the pack's config describes it. */
export type PrefixListConfig = number | { maxEntries: number; addressFamily?: AddressFamily };

const BOTH = (n: number): Weight[] => [
    { family: "IPv4", rules: n },
    { family: "IPv6", rules: n },
];

function listWeight(list: Res): Weight[] | undefined {
    const max = num(field(list.props, "maxEntries"));
    const family = str(field(list.props, "addressFamily"));
    if (typeof max !== "number" || (family !== "IPv4" && family !== "IPv6")) {
        return undefined;
    }
    return [{ family, rules: max }];
}

export class Weights {
    constructor(
        private readonly stack: Stack,
        private readonly config: Record<string, PrefixListConfig>,
    ) {}

    /** What one peer costs the group. */
    of(peer: Source): Weight[] {
        switch (peer.kind) {
            case "ipv4":
                return [{ family: "IPv4", rules: 1 }];
            case "ipv6":
                return [{ family: "IPv6", rules: 1 }];
            case "prefixList":
                return this.prefixList(peer.text);
            default:
                return BOTH(1); // a group reference, or self
        }
    }

    private prefixList(id: string): Weight[] {
        const inStack = this.stack.ofType(TYPES.managedPrefixList).find((l) => str(l.props.id) === id);
        const w = inStack ? listWeight(inStack) : undefined;
        if (w) {
            return w;
        }
        const c = Object.hasOwn(this.config, id) ? this.config[id] : undefined;
        if (typeof c === "number") {
            return [{ family: "IPv4", rules: c }];
        }
        if (c && typeof c.maxEntries === "number") {
            return [{ family: c.addressFamily ?? "IPv4", rules: c.maxEntries }];
        }
        return BOTH(1); // an AWS-managed list, or one whose size the pack cannot see
    }

    /** An unknown prefix-list ID: the smallest list the rule's property depends on, else one rule. */
    unknownPrefixList(rule: SgRule): Weight[] {
        const keys = rule.standalone ? ["prefixListId", "prefixListIds"] : [rule.direction];
        const sizes = this.stack
            .dependencies(rule.declaredBy, keys, [TYPES.managedPrefixList])
            .map(listWeight)
            .filter((w): w is Weight[] => w !== undefined)
            .sort((a, b) => a[0].rules - b[0].rules);
        return sizes[0] ?? BOTH(1);
    }
}

export interface GroupCount {
    group: Ref;
    direction: SgRule["direction"];
    family: AddressFamily;
    used: number;
    /** The resources whose rules were counted. */
    declaredBy: Res[];
}

/** Rule counts per (group, direction, address family), lower bounds while values are unknown. */
export function countRules(rules: SgRule[], weights: Weights): GroupCount[] {
    type Tally = GroupCount & { entries: Map<string, number> };
    const counts = new Map<string, Tally>();
    let anonymous = 0;
    const add = (rule: SgRule, group: Ref, key: string | undefined, ws: Weight[]) => {
        for (const w of ws) {
            const k = `${idKey(group)}|${rule.direction}|${w.family}`;
            const c: Tally = counts.get(k) ?? { group, direction: rule.direction, family: w.family, used: 0, declaredBy: [], entries: new Map() };
            const entry = key ?? `#${anonymous++}`;
            c.entries.set(entry, Math.max(c.entries.get(entry) ?? 0, w.rules));
            if (!c.declaredBy.includes(rule.declaredBy)) {
                c.declaredBy.push(rule.declaredBy);
            }
            counts.set(k, c);
        }
    };
    for (const rule of rules) {
        const perm = permissionKey(rule);
        for (const group of rule.groups) {
            for (const peer of rule.peers) {
                add(rule, group, perm === undefined ? undefined : `${perm}|${peerKey(peer)}`, weights.of(peer));
            }
            for (const kind of rule.unknownPeers) {
                add(rule, group, undefined, kind === "prefixList" ? weights.unknownPrefixList(rule) : weights.of({ kind, text: "" }));
            }
        }
    }
    return [...counts.values()].map(({ entries, ...c }) => ({ ...c, used: [...entries.values()].reduce((a, b) => a + b, 0) }));
}
