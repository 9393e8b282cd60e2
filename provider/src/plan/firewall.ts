// The flows a network team must allow, derived from the same port plans the security groups
// use, so the change request and the rules cannot drift apart.
import type { FirewallRule } from "../args/firewallRule";
import { ACTIVATION_PORT, DNS_PORTS, ENDPOINT_CONTROL, ENDPOINT_HTTPS, endpointPorts, PortRange, portText, TASK_DATA } from "./ports";
import type { StorageFlow } from "./securityGroups";

export type { FirewallRule };

export interface StorageRow extends StorageFlow {
    cidr: string;
}

export interface FirewallInputs {
    /** Hosts that request activation keys; empty when every agent is activated manually. */
    activationSources: string[];
    /** Agent addresses (or a label when unknown). */
    agents: string[];
    endpointIp: string;
    /** Where task network interfaces live. */
    taskCidrs: string[];
    storage: StorageRow[];
    dnsServers: string[];
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
        for (const tasks of f.taskCidrs) {
            rows.push(rule(agent, tasks, TASK_DATA));
        }
        for (const s of f.storage) {
            rows.push(rule(agent, s.cidr, { ...s, purpose: "agent to its storage" }));
        }
        for (const dns of f.dnsServers) {
            DNS_PORTS.forEach((p) => rows.push(rule(agent, dns, p)));
        }
    }
    return uniqueRules(rows);
}

/** The link's flows: every source range to every destination range on the endpoint's ports. */
export function linkFirewallTable(sourceRanges: string[], destinationRanges: string[]): FirewallRule[] {
    return sourceRanges.flatMap((from) => destinationRanges.flatMap((to) => [ENDPOINT_HTTPS, ENDPOINT_CONTROL].map((p) => rule(from, to, p))));
}

/** Drops repeated flows (same from, to, protocol and ports), keeping the first. */
export function uniqueRules(rows: FirewallRule[]): FirewallRule[] {
    const seen = new Set<string>();
    return rows.filter((r) => {
        const k = `${r.from}|${r.to}|${r.protocol}|${r.ports}`;
        return seen.has(k) ? false : (seen.add(k), true);
    });
}
