// Policy 4: port 80 into an agent is never open to the world, and only open to configured
// activation sources.
import { StackValidationPolicy } from "@pulumi/policy";
import { ACTIVATION_PORT } from "../../provider/src/plan/ports";
import { groupRoles, rulesOn } from "../lib/groups";
import { admitsTcpPort, ingressRules, portsText } from "../lib/rules";
import { describeSource, isWorldText, sourceAllowed } from "../lib/sources";
import { refLabel, Stack } from "../lib/stack";

export interface ActivationPortConfig {
    /** IPv4 addresses or ranges allowed to reach an agent's port 80 (the machine running Pulumi, the jump host). */
    activationSourceCidrs?: string[];
    /** Security group or prefix-list IDs allowed as port-80 sources (e.g. the jump host's group). */
    activationSourceGroupIds?: string[];
}

export const activationPortRestricted: StackValidationPolicy = {
    name: "datasync-agent-activation-port",
    displayName: "Agent port 80 only from activation sources",
    description:
        "A rule that admits TCP 80 (the activation-key port) into a DataSync agent's security group must never come from 0.0.0.0/0 or ::/0, " +
        "and its source must be one of the configured activation sources. Rules allowing all traffic count as port-80 rules.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["datasync", "activation", "security-groups"],
    configSchema: {
        properties: {
            activationSourceCidrs: {
                type: "array",
                items: { type: "string" },
                default: [],
                description:
                    "IPv4 addresses or CIDR ranges that may reach an agent's TCP 80, e.g. the CI runner or jump host (10.0.0.10/32). A rule's range must lie inside one of them.",
            },
            activationSourceGroupIds: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Security group IDs (sg-...) or prefix-list IDs (pl-...) allowed as port-80 sources.",
            },
        },
    },
    remediationSteps:
        "Open TCP 80 on the agent's group only from the host that requests the activation key (the machine running Pulumi, a CI runner or a jump host), as a /32, " +
        "and list that address in this policy's `activationSourceCidrs` config. If nothing can reach port 80, activate with a key read from the agent's console and open no port 80 rule at all. " +
        "The agent closes port 80 after activation; the rule can be removed afterwards.",
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<ActivationPortConfig>();
        const allowed = [...(config.activationSourceCidrs ?? []), ...(config.activationSourceGroupIds ?? [])];
        const stack = new Stack(args.resources);
        const port = ACTIVATION_PORT.fromPort;
        const onAgents = rulesOn("agent", ingressRules(stack), groupRoles(stack)).filter((g) => admitsTcpPort(g.rule, port) === true);
        if (onAgents.length === 0) {
            args.notApplicable("no rule admits TCP 80 into a DataSync agent's security group");
        }
        for (const { rule, group } of onAgents) {
            const what = `${rule.where} allows ${portsText(rule)}`;
            for (const s of rule.peers) {
                if ((s.kind === "ipv4" || s.kind === "ipv6") && isWorldText(s.text)) {
                    reportViolation(
                        `${what} from ${s.text} into agent security group ${refLabel(group)}: the activation port (TCP 80) is open to the world. ` +
                            "Allow only the activation host's address.",
                        rule.declaredBy.urn,
                    );
                } else if (!sourceAllowed(s, allowed)) {
                    const configured =
                        allowed.length === 0
                            ? "no activation sources are configured (activationSourceCidrs)"
                            : `configured activation sources: ${allowed.join(", ")}`;
                    reportViolation(
                        `${what} from ${describeSource(s)} into agent security group ${refLabel(group)}, but that is not an activation source (${configured}). ` +
                            "Restrict TCP 80 to the activation host, or add it to this policy's activationSourceCidrs.",
                        rule.declaredBy.urn,
                    );
                }
            }
        }
    },
};
