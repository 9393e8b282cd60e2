// Rules as EC2 stores them: one permission per (group, direction, protocol and ports, peer). EC2
// keeps each permission once: it refuses a second identical one (InvalidPermission.Duplicate,
// Terraform AWS provider internal/service/ec2/errors.go errCodeInvalidPermissionDuplicate) and
// counts each one against the group's rule quota.
import { SgRule } from "./rules";
import { peerKey, Source } from "./sources";
import { idKey, Ref, Res } from "./stack";
import { UNKNOWN } from "./values";

/** The rule's protocol and ports as EC2 compares them; undefined while any of them is unknown. */
export function permissionKey(r: Pick<SgRule, "protocol" | "fromPort" | "toPort">): string | undefined {
    if (r.protocol === UNKNOWN || r.protocol === undefined) {
        return undefined;
    }
    if (r.protocol === "all") {
        return "all";
    }
    if (r.fromPort === UNKNOWN || r.toPort === UNKNOWN) {
        return undefined;
    }
    return `${r.protocol}:${r.fromPort ?? "-"}:${r.toPort ?? "-"}`;
}

export interface Permission {
    rule: SgRule;
    group: Ref;
    peer: Source;
    /** Same key, same permission; undefined while the protocol or ports are unknown. */
    key?: string;
}

/** Every known (group, peer) permission a rule grants. */
export function permissionsOf(rule: SgRule): Permission[] {
    const perm = permissionKey(rule);
    return rule.groups.flatMap((group) =>
        rule.peers.map((peer) => ({
            rule,
            group,
            peer,
            key: perm === undefined ? undefined : `${idKey(group)}|${rule.direction}|${perm}|${peerKey(peer)}`,
        })),
    );
}

export interface Duplicate {
    /** The later declaration, which EC2 refuses. */
    second: Permission;
    /** The declaration it repeats. */
    first: Res;
}

/**
 * Permissions declared by two different rule resources. Only standalone rules are compared: the
 * provider reads every rule of a group back into the group's inline `ingress`/`egress` outputs,
 * so an inline block equal to a standalone rule may be that rule's read-back, not a second one.
 */
export function duplicatePermissions(rules: SgRule[]): Duplicate[] {
    const seen = new Map<string, Res>();
    const out: Duplicate[] = [];
    for (const rule of rules.filter((r) => r.standalone)) {
        for (const p of permissionsOf(rule)) {
            if (p.key === undefined) {
                continue;
            }
            const first = seen.get(p.key);
            if (first === undefined) {
                seen.set(p.key, rule.declaredBy);
            } else if (first.urn !== rule.declaredBy.urn) {
                out.push({ second: p, first });
            }
        }
    }
    return out;
}
