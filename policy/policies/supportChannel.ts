// Policy 5: TCP 22 to a DataSync endpoint only when the pack's config allows the support channel.
import { StackValidationPolicy } from "@pulumi/policy";
import { SUPPORT_CHANNEL } from "../../provider/src/plan/ports";
import { groupRoles, rulesOn } from "../lib/groups";
import { admitsTcpPort, ingressRules, portsText } from "../lib/rules";
import { describeSource } from "../lib/sources";
import { refLabel, Stack } from "../lib/stack";

export interface SupportChannelConfig {
    /** Allow TCP 22 into DataSync endpoint groups for the AWS Support channel. Default false. */
    allowSupportChannel?: boolean;
}

export const supportChannelOnlyWhenAllowed: StackValidationPolicy = {
    name: "datasync-endpoint-support-channel",
    displayName: "TCP 22 to DataSync endpoints only for an allowed support channel",
    description:
        "A rule that admits TCP 22 (the AWS Support channel, Basic-mode agents only) into a DataSync endpoint's security group is allowed only when " +
        "this policy's allowSupportChannel config is true. Rules allowing all traffic count as TCP 22 rules.",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: ["datasync", "networking", "security-groups"],
    configSchema: {
        properties: {
            allowSupportChannel: {
                type: "boolean",
                default: false,
                description: "Allow TCP 22 from agents to the DataSync endpoint for an AWS Support session.",
            },
        },
    },
    remediationSteps:
        "Open only TCP 443 and TCP 1024-1064 from each agent's address on the endpoint's group. Add TCP 22 only while AWS Support asks for the support channel, " +
        "and set `allowSupportChannel: true` for this policy on that stack for that time.",
    validateStack: (args, reportViolation) => {
        const stack = new Stack(args.resources);
        const port = SUPPORT_CHANNEL.fromPort;
        const onEndpoints = rulesOn("endpoint", ingressRules(stack), groupRoles(stack)).filter((g) => admitsTcpPort(g.rule, port) === true);
        if (onEndpoints.length === 0) {
            args.notApplicable("no rule admits TCP 22 into a DataSync endpoint's security group");
        }
        if (args.getConfig<SupportChannelConfig>().allowSupportChannel === true) {
            return;
        }
        for (const { rule, group, reasons } of onEndpoints) {
            const sources = rule.peers.map(describeSource).join(", ") || "an unknown source";
            const how =
                rule.protocol === "tcp" && rule.fromPort === port && rule.toPort === port
                    ? "opens TCP 22"
                    : `allows ${portsText(rule)}, which includes TCP 22,`;
            reportViolation(
                `${rule.where} ${how} from ${sources} into security group ${refLabel(group)} (${reasons.join(" and ")}), but the support channel is not allowed. ` +
                    "Allow only TCP 443 and 1024-1064, or set allowSupportChannel for this policy.",
                rule.declaredBy.urn,
            );
        }
    },
};
