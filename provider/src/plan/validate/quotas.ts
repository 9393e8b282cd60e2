// A fleet's planned rule and route counts against AWS's default quotas, checked before anything
// is built: past a quota AWS refuses the rule or route that crosses it, with half the fleet made.
import { endpointPorts } from "../ports";
import { at, Problems } from "../problems";
import { overQuota, QUOTAS } from "../quotas";

export interface FleetQuotaInputs {
    /** Peers the endpoint's group admits (each takes one rule per endpoint port). */
    endpointPeers: number;
    supportChannel: boolean;
    /** The account's rule quota per security group (AWS's default unless raised). */
    ruleQuota: number;
    ruleQuotaPath: string;
    /** The agents' group, when there are EC2 agents. */
    agentGroup?: { activationSources: number; taskCidrs: number; storage: number; dnsServers: number };
    /** Extra groups per EC2 agent, by property path of the agent. */
    extraGroups: { path: string; count: number }[];
}

function add(p: Problems, path: string, value: unknown, message: string | undefined, fix: string): void {
    if (message !== undefined) {
        p.add(path, value, message, fix);
    }
}

export function checkFleetQuotas(p: Problems, q: FleetQuotaInputs): void {
    const ports = endpointPorts(q.supportChannel).length;
    const rules = QUOTAS.rulesPerSecurityGroup;
    add(
        p,
        "ingressScope",
        q.endpointPeers,
        overQuota({
            what: `the endpoint security group's inbound rules (${q.endpointPeers} peers x ${ports} ports)`,
            used: q.endpointPeers * ports,
            limit: q.ruleQuota,
            quota: rules.name,
        }),
        `set ingressScope to "sourceRanges" to admit the fleet by its declared ranges, or raise the quota in Service Quotas and set ${q.ruleQuotaPath}`,
    );
    const g = q.agentGroup;
    if (g) {
        add(
            p,
            "activationSourceCidrs",
            g.activationSources,
            overQuota({ what: "the agents' security group's inbound rules", used: g.activationSources, limit: q.ruleQuota, quota: rules.name }),
            "list fewer activation sources (ranges instead of hosts)",
        );
        const out = endpointPorts(q.supportChannel).length + g.taskCidrs + g.storage + 2 * g.dnsServers;
        add(
            p,
            "storageEgress",
            out,
            overQuota({ what: "the agents' security group's outbound rules", used: out, limit: q.ruleQuota, quota: rules.name }),
            "merge storage flows into fewer ranges, or attach a group of your own with instance.extraSecurityGroupIds",
        );
    }
    for (const e of q.extraGroups) {
        const limit = QUOTAS.securityGroupsPerInterface;
        add(
            p,
            at(e.path, "instance.extraSecurityGroupIds"),
            e.count,
            overQuota({ what: "the agent's security groups (its own and the extra ones)", used: e.count + 1, limit: limit.value, quota: limit.name }),
            `attach at most ${limit.value - 1} extra groups`,
        );
    }
}
