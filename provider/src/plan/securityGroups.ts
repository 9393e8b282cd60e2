// Security group rule plans. Rules name their peer by role (an agent, a source range, the
// endpoint IP, ...) rather than by address, because addresses are often outputs; the
// component fills them in. Keys are stable identities (agent names, list positions of the
// user's own lists), so adding or removing one agent never rewrites the others' rules: EC2
// refuses a rule that duplicates one still in place (InvalidPermission.Duplicate).
import { DEFAULTS } from "./defaults";
import { ACTIVATION_PORT, DNS_PORTS, endpointPorts, PortRange, portText, TASK_DATA } from "./ports";

export interface PlannedRule<P> {
    /** Stable suffix for the rule's resource name. */
    key: string;
    direction: "ingress" | "egress";
    peer: P;
    port: PortRange;
}

/**
 * The endpoint's group: each peer in on 443 and 1024-1064 (and 22 with the support channel).
 * No egress: the endpoint and task interfaces only answer, and security groups are stateful.
 * The same group serves the task interfaces, so the agent's TCP 443 to them is covered
 * without a rule per task (AWS's own recommendation for DataSync task interfaces).
 */
export function planEndpointRules<P extends { key: string }>(peers: P[], supportChannel: boolean): PlannedRule<P>[] {
    return peers.flatMap((peer) =>
        endpointPorts(supportChannel).map((port) => ({ key: `in-${peer.key}-${portText(port)}`, direction: "ingress" as const, peer, port })),
    );
}

/** Where an agent group's rule points. Indices are positions in the matching input list. */
export type AgentPeer =
    | { kind: "activationSource"; index: number }
    | { kind: "endpointIp" }
    | { kind: "taskCidr"; index: number }
    | { kind: "storage"; index: number }
    | { kind: "dnsServer"; index: number };

/** A storage flow the agent's group lets out: the location's server, its protocol and ports. */
export interface StorageFlow {
    protocol: PortRange["protocol"];
    fromPort: number;
    toPort: number;
}

/** A storage flow as given (protocol and last port optional) with its defaults applied. */
export function storageFlow(s: { protocol?: PortRange["protocol"]; fromPort: number; toPort?: number }): StorageFlow {
    return { protocol: s.protocol ?? DEFAULTS.storage.protocol, fromPort: s.fromPort, toPort: s.toPort ?? s.fromPort };
}

export interface AgentGroupCounts {
    activationSources: number;
    taskCidrs: number;
    storage: StorageFlow[];
    dnsServers: number;
    supportChannel: boolean;
}

/**
 * An EC2 agent's group. The provider revokes the default allow-all egress of every group it
 * creates (Terraform AWS provider, resource_aws_security_group create: "AWS defaults all Security
 * Groups to have an ALLOW ALL egress rule. Here we revoke that rule"), so each flow the agent
 * starts needs a rule: the endpoint IP; the task interfaces, which DataSync creates in the
 * activation subnet for NFS/SMB/HDFS/object storage tasks but in the location's own subnet for
 * EFS and FSx locations (DataSync "Network interfaces" table); the storage it reads; and
 * custom DNS servers. Port 80 comes in only from the activation sources.
 */
export function planAgentRules(c: AgentGroupCounts): PlannedRule<AgentPeer>[] {
    const rules: PlannedRule<AgentPeer>[] = [];
    for (let i = 0; i < c.activationSources; i++) {
        rules.push({ key: `in-activation${i}-80`, direction: "ingress", peer: { kind: "activationSource", index: i }, port: ACTIVATION_PORT });
    }
    for (const port of endpointPorts(c.supportChannel)) {
        rules.push({ key: `out-endpoint-${portText(port)}`, direction: "egress", peer: { kind: "endpointIp" }, port });
    }
    for (let i = 0; i < c.taskCidrs; i++) {
        rules.push({ key: `out-tasks${i}-443`, direction: "egress", peer: { kind: "taskCidr", index: i }, port: TASK_DATA });
    }
    c.storage.forEach((flow, i) => {
        const port: PortRange = { ...flow, purpose: "agent to its storage" };
        rules.push({ key: `out-storage${i}-${flow.protocol}${portText(flow)}`, direction: "egress", peer: { kind: "storage", index: i }, port });
    });
    for (let i = 0; i < c.dnsServers; i++) {
        for (const port of DNS_PORTS) {
            rules.push({ key: `out-dns${i}-${port.protocol}53`, direction: "egress", peer: { kind: "dnsServer", index: i }, port });
        }
    }
    return rules;
}
