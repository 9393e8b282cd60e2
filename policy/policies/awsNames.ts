// Policy 15: names, tags and descriptions that AWS accepts, where the provider does not check them
// before the API call (so a bad one fails the update half-way, after the activation key is spent).
import { ResourceValidationPolicy } from "@pulumi/policy";
import { agentNameProblem, ec2DescriptionProblem, tagKeyProblem, tagValueProblem } from "../../provider/src/plan/names";
import { shortType, TYPES } from "../lib/types";
import { field, record, str, unwrap, UNKNOWN } from "../lib/values";

const DESCRIBED: readonly string[] = [TYPES.securityGroup, TYPES.securityGroupRule, TYPES.securityGroupIngressRule, TYPES.securityGroupEgressRule];

/** Problems of an aws.datasync.Agent's name and tags (CreateAgent AgentName, TagListEntry). */
function agentProblems(props: Record<string, unknown>): string[] {
    const out: string[] = [];
    const name = str(field(props, "name"));
    if (typeof name === "string") {
        const p = agentNameProblem(name);
        if (p) {
            out.push(`name "${name}" ${p}`);
        }
    }
    const tags = record(field(props, "tags"));
    if (tags !== undefined && tags !== UNKNOWN) {
        for (const [k, v] of Object.entries(tags)) {
            const kp = tagKeyProblem(k);
            if (kp) {
                out.push(`tag key "${k}": ${kp}`);
            }
            const vp = typeof v === "string" ? tagValueProblem(v) : undefined;
            if (vp) {
                out.push(`tag "${k}" value "${v}": ${vp}`);
            }
        }
    }
    return out;
}

export const awsAcceptsNames: ResourceValidationPolicy = {
    name: "aws-names-and-descriptions",
    displayName: "Names, tags and descriptions AWS accepts",
    description:
        "An aws.datasync.Agent's name and tags match CreateAgent's patterns (AgentName ^[a-zA-Z0-9\\s+=._:@/-]+$, 1-256 characters; tag keys without @), and security " +
        "group and rule descriptions use only the characters EC2 takes (a-z A-Z 0-9 space ._-:/()#,@[]+=&;{}!$*, at most 255). The provider checks neither before calling AWS.",
    enforcementLevel: "mandatory",
    severity: "low",
    tags: ["aws", "datasync", "naming"],
    remediationSteps:
        "Rename the agent or tag with letters, digits, spaces and + = . _ : @ / - only (no @ in tag keys), and write security group and rule descriptions in EC2's character set " +
        "(no quotes, apostrophes, non-ASCII letters or arrows). A security group's description cannot change without replacing the group.",
    validateResource: (args, reportViolation) => {
        const props = unwrap(args.props) as Record<string, unknown>;
        const subject = `${shortType(args.type)} "${args.name}"`;
        if (args.type === TYPES.datasyncAgent) {
            for (const p of agentProblems(props)) {
                reportViolation(`${subject}: ${p}; CreateAgent refuses it. Rename it within that character set.`);
            }
            return;
        }
        if (!DESCRIBED.includes(args.type)) {
            args.notApplicable("not a DataSync agent, security group or security group rule");
        }
        const description = str(field(props, "description"));
        const p = typeof description === "string" ? ec2DescriptionProblem(description) : undefined;
        if (p && typeof description === "string") {
            reportViolation(`${subject}: description "${description}" ${p}. Reword it within EC2's character set.`);
        }
    },
};
