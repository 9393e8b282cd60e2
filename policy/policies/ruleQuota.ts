// Policy 11: no security group gets more rules than AWS's quota allows.
import { StackValidationPolicy } from "@pulumi/policy";
import { QUOTAS } from "../../provider/src/plan/quotas";
import { allRules } from "../lib/rules";
import { countRules, PrefixListConfig, Weights } from "../lib/ruleQuota";
import { label, refLabel, Stack } from "../lib/stack";

export interface RuleQuotaConfig {
    /** The account's quota of inbound (and of outbound) rules per security group. */
    securityGroupRuleQuota?: number;
    /** Sizes of prefix lists outside the stack, by ID: maxEntries (IPv4) or { maxEntries, addressFamily }. */
    prefixListMaxEntries?: Record<string, PrefixListConfig>;
}

const QUOTA = QUOTAS.rulesPerSecurityGroup;
const MAX_NAMED = 5;

export const securityGroupRuleQuota: StackValidationPolicy = {
    name: "aws-security-group-rule-quota",
    displayName: "Security groups stay within the rules-per-group quota",
    description:
        `No security group may get more than the quota of inbound (or outbound) rules per security group (AWS default ${QUOTA.value}), counted per direction and ` +
        "address family from the stack's inline blocks and rule resources: each CIDR is one rule, a group reference one IPv4 and one IPv6 rule, a customer-managed " +
        "prefix list its maxEntries (Amazon VPC quotas).",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: ["aws", "quotas", "security-groups"],
    configSchema: {
        properties: {
            securityGroupRuleQuota: {
                type: "integer",
                minimum: 1,
                default: QUOTA.value,
                description: `The account's "Inbound or outbound rules per security group" quota (AWS default ${QUOTA.value}); set it after raising the quota in Service Quotas.`,
            },
            prefixListMaxEntries: {
                type: "object",
                // A number (an IPv4 list's maxEntries), or an object with the list's address family.
                additionalProperties: {
                    type: ["integer", "object"],
                    minimum: 0,
                    properties: { maxEntries: { type: "integer", minimum: 0 }, addressFamily: { type: "string", enum: ["IPv4", "IPv6"] } },
                    required: ["maxEntries"],
                },
                default: {},
                description:
                    'maxEntries of customer-managed prefix lists that are not in the stack, by ID, e.g. {"pl-0abc...": 20} (IPv4) or {"pl-0def...": {"maxEntries": 10, "addressFamily": "IPv6"}}.',
            },
        },
    },
    remediationSteps:
        "Admit many peers with fewer rules: reference their security group instead of one rule per address, summarise addresses into CIDR ranges, or use a managed prefix list " +
        "(which still counts its maxEntries). For a DataSync fleet, the component's ingressScope \"sourceRanges\" admits agents by the link's ranges. " +
        "If the account's quota was raised in Service Quotas, set this policy's securityGroupRuleQuota to it.",
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<RuleQuotaConfig>();
        const limit = config.securityGroupRuleQuota ?? QUOTA.value;
        const stack = new Stack(args.resources);
        const rules = allRules(stack);
        if (rules.length === 0) {
            args.notApplicable("no security group rules");
        }
        for (const c of countRules(rules, new Weights(stack, config.prefixListMaxEntries ?? {}))) {
            if (c.used <= limit) {
                continue;
            }
            const names = c.declaredBy.map(label);
            const from = names.length > MAX_NAMED ? `${names.slice(0, MAX_NAMED).join(", ")} and ${names.length - MAX_NAMED} more` : names.join(", ");
            const direction = c.direction === "ingress" ? "inbound" : "outbound";
            reportViolation(
                `Security group ${refLabel(c.group)} would have ${c.used} ${direction} ${c.family} rules (from ${from}), over the quota of ${limit} ${QUOTA.name} ` +
                    "(Amazon VPC quotas); EC2 refuses the rule that crosses it (RulesPerSecurityGroupLimitExceeded). " +
                    "Admit the peers by security group reference or CIDR range instead of one rule each, or set securityGroupRuleQuota to the account's raised quota.",
                c.group.res?.urn ?? c.declaredBy[c.declaredBy.length - 1].urn,
            );
        }
    },
};
