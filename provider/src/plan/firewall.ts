// The flows a network team must allow, derived from the same port plan the security
// groups use, so the change request and the rules cannot drift apart.
import type { FirewallRule } from "../args/firewallRule";
import { ACTIVATION_PORT, endpointPorts, PortRange, portText, TASK_DATA } from "./ports";

export type { FirewallRule };

export interface FirewallInputs {
    /** Hosts that request activation keys; empty when every agent is activated manually. */
    activationSources: string[];
    /** Agent addresses (or a label when unknown). */
    agents: string[];
    endpointIp: string;
    taskSubnetCidr: string;
    supportChannel: boolean;
}

function rule(from: string, to: string, p: PortRange): FirewallRule {
    return { from, to, protocol: p.protocol, ports: portText(p), purpose: p.purpose };
}

export function firewallTable(f: FirewallInputs): FirewallRule[] {
    const rows: FirewallRule[] = [];
    for (const agent of f.agents) {
        for (const source of f.activationSources) {
            rows.push(rule(source, agent, ACTIVATION_PORT));
        }
        for (const p of endpointPorts(f.supportChannel)) {
            rows.push(rule(agent, f.endpointIp, p));
        }
        rows.push(rule(agent, f.taskSubnetCidr, TASK_DATA));
    }
    return uniqueRules(rows);
}

/** Drops repeated flows (same from, to, protocol and ports), keeping the first. */
export function uniqueRules(rows: FirewallRule[]): FirewallRule[] {
    const seen = new Set<string>();
    return rows.filter((r) => {
        const k = `${r.from}|${r.to}|${r.protocol}|${r.ports}`;
        return seen.has(k) ? false : (seen.add(k), true);
    });
}
