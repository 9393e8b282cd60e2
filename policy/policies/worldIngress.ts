// Policy 3: no ingress from 0.0.0.0/0 or ::/0 on a DataSync endpoint's or agent's security group.
import { StackValidationPolicy } from "@pulumi/policy";
import { groupRoles, rulesOn } from "../lib/groups";
import { ingressRules, portsText } from "../lib/rules";
import { isWorldText } from "../lib/sources";
import { refLabel, Stack } from "../lib/stack";

export const noWorldIngress: StackValidationPolicy = {
    name: "datasync-no-world-ingress",
    displayName: "No internet ingress to DataSync endpoints or agents",
    description:
        "No security group rule on a DataSync endpoint's group (endpoint, task interfaces) or an agent's group may allow ingress from 0.0.0.0/0 or ::/0, " +
        "whether written inline, as aws.ec2.SecurityGroupRule or as aws.vpc.SecurityGroupIngressRule, and whatever the ports.",
    enforcementLevel: "mandatory",
    severity: "critical",
    tags: ["datasync", "networking", "security-groups"],
    remediationSteps:
        "Replace the world range with the addresses that need the port: on the endpoint group, each agent's address (/32) on TCP 443 and 1024-1064; " +
        "on an agent's group, only the activation host on TCP 80. Security groups are stateful, so return traffic needs no rule.",
    validateStack: (args, reportViolation) => {
        const stack = new Stack(args.resources);
        const roles = groupRoles(stack);
        const rules = ingressRules(stack);
        const guarded = [...rulesOn("endpoint", rules, roles), ...rulesOn("agent", rules, roles)];
        if (guarded.length === 0) {
            args.notApplicable("no ingress rules on DataSync endpoint or agent security groups");
        }
        for (const { rule, group, reasons } of guarded) {
            for (const s of rule.peers) {
                if ((s.kind === "ipv4" || s.kind === "ipv6") && isWorldText(s.text)) {
                    reportViolation(
                        `${rule.where} allows ${portsText(rule)} from ${s.text} into security group ${refLabel(group)}, which guards ${reasons.join(" and ")}. ` +
                            "Nothing on the internet needs to reach it; allow only the agents' or the activation host's addresses.",
                        rule.declaredBy.urn,
                    );
                }
            }
        }
    },
};
