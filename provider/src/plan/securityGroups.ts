// Security group rule plans. Rules name their peer by role (which source, the
// endpoint IP, the task subnet) rather than by address, because addresses are often
// outputs; the component fills them in.
import { ACTIVATION_PORT, endpointPorts, PortRange, TASK_DATA } from "./ports";

export type Peer = { kind: "source"; index: number } | { kind: "endpointIp" } | { kind: "taskSubnet" };

export interface PlannedRule {
    /** Stable suffix for the rule's resource name. */
    key: string;
    direction: "ingress" | "egress";
    peer: Peer;
    port: PortRange;
}

function portKey(p: PortRange): string {
    return p.fromPort === p.toPort ? `${p.fromPort}` : `${p.fromPort}-${p.toPort}`;
}

/**
 * The endpoint's group: each allowed source in on 443 and 1024-1064 (and 22 with the
 * support channel). No egress: the endpoint and task interfaces only answer, and
 * security groups are stateful. The same group serves the task interfaces, so the
 * agent's TCP 443 to them is covered without a rule per task.
 */
export function planEndpointRules(sourceCount: number, supportChannel: boolean): PlannedRule[] {
    const rules: PlannedRule[] = [];
    for (let i = 0; i < sourceCount; i++) {
        for (const port of endpointPorts(supportChannel)) {
            rules.push({ key: `in-s${i}-${portKey(port)}`, direction: "ingress", peer: { kind: "source", index: i }, port });
        }
    }
    return rules;
}

/**
 * An EC2 agent's group: port 80 in only from the activation sources; out only to the
 * endpoint IP and the task subnet. DNS and NTP need no rule: security groups do not
 * filter traffic to the Amazon DNS server or the Amazon Time Sync Service.
 */
export function planAgentRules(activationSourceCount: number, supportChannel: boolean): PlannedRule[] {
    const rules: PlannedRule[] = [];
    for (let i = 0; i < activationSourceCount; i++) {
        rules.push({ key: `in-s${i}-80`, direction: "ingress", peer: { kind: "source", index: i }, port: ACTIVATION_PORT });
    }
    for (const port of endpointPorts(supportChannel)) {
        rules.push({ key: `out-endpoint-${portKey(port)}`, direction: "egress", peer: { kind: "endpointIp" }, port });
    }
    rules.push({ key: "out-tasks-443", direction: "egress", peer: { kind: "taskSubnet" }, port: TASK_DATA });
    return rules;
}
