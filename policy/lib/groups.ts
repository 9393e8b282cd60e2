// Which security groups guard DataSync, and why. Stack policies 3-5 only judge rules on these.
//
// Endpoint groups (the DataSync endpoint and the task network interfaces):
//  - groups in a DataSync interface endpoint's `securityGroupIds`,
//  - groups attached to such an endpoint with aws.ec2.SecurityGroupAssociation,
//  - groups in an aws.datasync.Agent's `securityGroupArns` (CreateAgent's SecurityGroupArns are the
//    groups of the task network interfaces, which AWS recommends be the endpoint's group).
// Agent groups (the agent VM):
//  - groups in `vpcSecurityGroupIds` / `securityGroups` of an EC2 instance that is a DataSync agent.
// An EC2 instance is a DataSync agent when (see agentInstances):
//  - a tag key or value matches /datasync[\s_:-]*agent/i (e.g. Name=datasync-agent), or
//  - an aws.datasync.Agent's `ipAddress` is the instance's address, or
//  - an activation Command's `environment` is computed from the instance (this package's
//    components pass AGENT_ADDRESS that way).
import { activationCommands } from "./commands";
import { isDataSyncEndpoint, isTaggedAgent } from "./recognize";
import { SgRule } from "./rules";
import { label, Ref, refKey, Res, Stack } from "./stack";
import { TYPES } from "./types";
import { field, record, str, UNKNOWN } from "./values";

export type Role = "endpoint" | "agent";

export interface GroupRoles {
    /** Roles of a group, with the reasons (which endpoint / agent uses it). */
    of(group: Ref): Map<Role, string[]>;
}

function add(map: Map<string, Map<Role, string[]>>, ref: Ref, role: Role, why: string): void {
    const k = refKey(ref);
    const roles = map.get(k) ?? new Map<Role, string[]>();
    const reasons = roles.get(role) ?? [];
    if (!reasons.includes(why)) {
        reasons.push(why);
    }
    roles.set(role, reasons);
    map.set(k, roles);
}

export function dataSyncEndpoints(stack: Stack): Res[] {
    return stack.ofType(TYPES.vpcEndpoint).filter((e) => isDataSyncEndpoint(e.props));
}

/** EC2 instances recognised as DataSync agents (see the file comment). */
export function agentInstances(stack: Stack): Res[] {
    const instances = stack.ofType(TYPES.instance);
    const found = new Set<Res>(instances.filter((i) => isTaggedAgent(i.props)));
    for (const agent of stack.ofType(TYPES.datasyncAgent)) {
        for (const ref of stack.refs(agent, "ipAddress", [TYPES.instance], ["privateIp", "publicIp"]).refs) {
            if (ref.res) {
                found.add(ref.res);
            }
        }
    }
    for (const cmd of activationCommands(stack)) {
        for (const i of stack.dependencies(cmd, ["environment"], [TYPES.instance])) {
            found.add(i);
        }
        // At update time the address is known: match it against the instances' addresses.
        const env = record(field(cmd.props, "environment"));
        if (env !== undefined && env !== UNKNOWN) {
            for (const v of Object.values(env)) {
                const s = str(v);
                const hit = typeof s === "string" ? instances.find((i) => str(i.props.privateIp) === s || str(i.props.publicIp) === s) : undefined;
                if (hit) {
                    found.add(hit);
                }
            }
        }
    }
    return instances.filter((i) => found.has(i));
}

export function groupRoles(stack: Stack): GroupRoles {
    const map = new Map<string, Map<Role, string[]>>();
    const endpoints = dataSyncEndpoints(stack);
    for (const e of endpoints) {
        for (const g of stack.refs(e, "securityGroupIds", [TYPES.securityGroup], ["id"]).refs) {
            add(map, g, "endpoint", `DataSync endpoint ${label(e)}`);
        }
    }
    for (const a of stack.ofType(TYPES.securityGroupAssociation)) {
        const e = stack.ref(a, "vpcEndpointId", [TYPES.vpcEndpoint], ["id"]);
        if (e?.res && endpoints.includes(e.res)) {
            for (const g of stack.refs(a, "securityGroupId", [TYPES.securityGroup], ["id"]).refs) {
                add(map, g, "endpoint", `DataSync endpoint ${label(e.res)}`);
            }
        }
    }
    for (const agent of stack.ofType(TYPES.datasyncAgent)) {
        for (const g of stack.refs(agent, "securityGroupArns", [TYPES.securityGroup], ["arn"]).refs) {
            add(map, g, "endpoint", `the task network interfaces of ${label(agent)}`);
        }
    }
    for (const i of agentInstances(stack)) {
        for (const key of ["vpcSecurityGroupIds", "securityGroups"]) {
            for (const g of stack.refs(i, key, [TYPES.securityGroup], ["id", "name"]).refs) {
                add(map, g, "agent", `DataSync agent instance ${label(i)}`);
            }
        }
    }
    return {
        of(group: Ref): Map<Role, string[]> {
            return map.get(refKey(group)) ?? new Map();
        },
    };
}

export interface GuardedRule {
    rule: SgRule;
    group: Ref;
    /** Why the group is a DataSync group, e.g. `DataSync endpoint aws.ec2.VpcEndpoint "x"`. */
    reasons: string[];
}

/** Ingress rules on groups that have `role`, one entry per (rule, group). */
export function rulesOn(role: Role, rules: SgRule[], roles: GroupRoles): GuardedRule[] {
    const out: GuardedRule[] = [];
    for (const rule of rules) {
        for (const group of rule.groups) {
            const reasons = roles.of(group).get(role);
            if (reasons) {
                out.push({ rule, group, reasons });
            }
        }
    }
    return out;
}
