// Policy 12: no two rule resources declare the same security group permission.
import { StackValidationPolicy } from "@pulumi/policy";
import { duplicatePermissions } from "../lib/permissions";
import { allRules, portsText } from "../lib/rules";
import { describeSource } from "../lib/sources";
import { label, refLabel, Stack } from "../lib/stack";

export const noDuplicateRules: StackValidationPolicy = {
    name: "aws-security-group-rule-duplicate",
    displayName: "No security group rule is declared twice",
    description:
        "Two rule resources (aws.vpc.SecurityGroupIngressRule/EgressRule, aws.ec2.SecurityGroupRule) must not grant the same permission - same group, direction, " +
        "protocol, ports and peer: EC2 refuses the second with InvalidPermission.Duplicate, and the update stops there.",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: ["aws", "security-groups"],
    remediationSteps:
        "Keep one declaration of each permission: delete the repeated rule resource, or drop the overlapping address from one of them " +
        "(for example an allowed source range that already covers an agent's /32 is not the same permission, but the same /32 twice is). " +
        "Rule descriptions do not make two permissions different.",
    validateStack: (args, reportViolation) => {
        const stack = new Stack(args.resources);
        const rules = allRules(stack).filter((r) => r.standalone);
        if (rules.length < 2) {
            args.notApplicable("fewer than two security group rule resources");
        }
        for (const { second, first } of duplicatePermissions(rules)) {
            const direction = second.rule.direction === "ingress" ? "from" : "to";
            reportViolation(
                `${second.rule.where} allows ${portsText(second.rule)} ${direction} ${describeSource(second.peer)} on security group ${refLabel(second.group)}, ` +
                    `which ${label(first)} already allows: EC2 refuses the second (InvalidPermission.Duplicate). Remove one of the two.`,
                second.rule.declaredBy.urn,
            );
        }
    },
};
