// Policy 13: an EC2 agent's security groups let it reach its DataSync endpoint.
import { StackValidationPolicy } from "@pulumi/policy";
import { ENDPOINT_CONTROL, ENDPOINT_HTTPS, PortRange, portText } from "../../provider/src/plan/ports";
import { endpointsOf } from "../lib/agentLinks";
import { endpointTargets, ruleReaches } from "../lib/endpointReach";
import { agentInstances } from "../lib/groups";
import { allRules, SgRule } from "../lib/rules";
import { label, Res, Stack } from "../lib/stack";
import { TYPES } from "../lib/types";
import { field, list, str, UNKNOWN } from "../lib/values";

/** The instance's groups when every one is in the stack with its egress visible; undefined otherwise. */
function visibleGroups(stack: Stack, instance: Res): Res[] | undefined {
    const ni = field(instance.props, "networkInterfaces");
    const nis = list(ni);
    if (nis === UNKNOWN || (nis ?? []).length > 0) {
        return undefined; // groups come with the network interfaces, not shown here
    }
    const groups: Res[] = [];
    for (const key of ["vpcSecurityGroupIds", "securityGroups"]) {
        const r = stack.refs(instance, key, [TYPES.securityGroup], ["id", "name"]);
        if (r.unknown) {
            return undefined;
        }
        for (const g of r.refs) {
            if (!g.res) {
                return undefined; // a group outside the stack: its rules are not visible
            }
            groups.push(g.res);
        }
    }
    // No group: the VPC's default group, whose rules are not in the stack. An unknown inline
    // `egress` (the provider's preview of a group that sets none) is not visible either.
    if (groups.length === 0 || groups.some((g) => field(g.props, "egress") === UNKNOWN)) {
        return undefined;
    }
    return groups;
}

/** A rule resource in the stack that might be on one of the groups but cannot be placed yet. */
function unplaceable(stack: Stack): boolean {
    return stack
        .ofType(TYPES.securityGroupRule, TYPES.securityGroupEgressRule)
        .some(
            (r) =>
                stack.refs(r, "securityGroupId", [TYPES.securityGroup], ["id"]).unknown ||
                (r.type === TYPES.securityGroupRule && str(field(r.props, "type")) === UNKNOWN),
        );
}

/** The ports of `range` that no rule covers, as ranges ("1030-1064"). */
function missingPorts(range: PortRange, reaches: (port: number) => boolean): string[] {
    const out: string[] = [];
    let start: number | undefined;
    for (let p = range.fromPort; p <= range.toPort + 1; p++) {
        const gap = p <= range.toPort && !reaches(p);
        if (gap && start === undefined) {
            start = p;
        } else if (!gap && start !== undefined) {
            out.push(portText({ fromPort: start, toPort: p - 1 }));
            start = undefined;
        }
    }
    return out;
}

export const agentEgressReachesEndpoint: StackValidationPolicy = {
    name: "datasync-agent-egress-to-endpoint",
    displayName: "EC2 agents can reach their DataSync endpoint",
    description:
        "An EC2 DataSync agent's security groups must allow egress to its DataSync endpoint on TCP 443 and 1024-1064 (DataSync network requirements for VPC endpoints). " +
        "The provider removes a new group's default allow-all egress, so a group with no or narrower egress rules leaves the agent unable to activate. " +
        "Checked only where the stack shows the agent's groups, their rules and the endpoint.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["datasync", "networking", "security-groups"],
    remediationSteps:
        "Add egress rules on the agent's group to the endpoint's private IP (or its subnet) on TCP 443 and TCP 1024-1064, and on TCP 443 to the task interfaces' subnet. " +
        "Amazon-provided DNS and time sync are not filtered by security groups; custom DNS servers and the agent's storage need rules of their own.",
    validateStack: (args, reportViolation) => {
        const stack = new Stack(args.resources);
        const instances = agentInstances(stack);
        if (instances.length === 0) {
            args.notApplicable("no EC2 DataSync agent instances");
        }
        if (unplaceable(stack)) {
            return;
        }
        const egress = allRules(stack).filter((r) => r.direction === "egress");
        for (const instance of instances) {
            const groups = visibleGroups(stack, instance);
            if (!groups) {
                continue;
            }
            const rules: { rule: SgRule; group: Res }[] = egress.flatMap((rule) =>
                groups.filter((g) => rule.groups.some((x) => x.res === g)).map((group) => ({ rule, group })),
            );
            for (const endpoint of endpointsOf(stack, instance)) {
                const t = endpointTargets(stack, endpoint);
                const reaches = (port: number) => rules.some(({ rule, group }) => ruleReaches(rule, port, t, group));
                const missing = [ENDPOINT_HTTPS, ENDPOINT_CONTROL].flatMap((range) => missingPorts(range, reaches).map((p) => `TCP ${p}`));
                if (missing.length === 0) {
                    continue;
                }
                const where =
                    t.ips.length > 0
                        ? `its private IP ${t.ips.join(", ")}`
                        : t.subnetCidrs.length > 0
                          ? `its subnet ${t.subnetCidrs.map((c) => c.text).join(", ")}`
                          : "it";
                reportViolation(
                    `DataSync agent instance ${label(instance)} cannot reach ${label(endpoint)} on ${missing.join(" and ")}: no egress rule of its security group(s) ` +
                        `${groups.map(label).join(", ")} allows it (the provider removes a new group's default allow-all egress). ` +
                        `Add egress to ${where} on TCP 443 and 1024-1064.`,
                    instance.urn,
                );
            }
        }
    },
};
