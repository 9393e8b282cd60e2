// Who the endpoint's security group admits in a fleet. One rule per agent address is the
// narrowest, but a group holds at most 60 inbound rules by default and each peer takes two
// (three with the support channel), so a fleet is admitted either by reference to the agents'
// own security group (one peer for every EC2 agent) or by its declared source ranges.

/**
 * "agentAddresses": each agent by its address, EC2 agents by their security group where AWS
 * allows a reference; "sourceRanges": the link's declared source ranges, whatever the fleet's size.
 */
export type IngressScope = "agentAddresses" | "sourceRanges";

export interface IngressAgent {
    /** The agent's name, unique in the fleet: the rule key. */
    name: string;
    /** An EC2 agent the component launches (its address is known once it runs). */
    launched: boolean;
}

export type EndpointPeer =
    { key: string; kind: "agentAddress"; agent: string } | { key: string; kind: "agentGroup" } | { key: string; kind: "sourceRange"; index: number };

export interface IngressInputs {
    scope: IngressScope;
    agents: IngressAgent[];
    /**
     * Whether the endpoint's group can name the agents' group: only within one VPC or across a VPC
     * peering connection in one Region (Amazon VPC peering guide, "Update your security groups to
     * reference peer security groups": not across Regions; transit gateway and VPN paths carry
     * addresses only).
     */
    groupReference: boolean;
    /** How many declared source ranges there are (link source and on-premises ranges). */
    sourceRanges: number;
}

export function planEndpointPeers(i: IngressInputs): EndpointPeer[] {
    if (i.scope === "sourceRanges") {
        return Array.from({ length: i.sourceRanges }, (_, index) => ({ key: `range${index}`, kind: "sourceRange" as const, index }));
    }
    const peers: EndpointPeer[] = [];
    if (i.groupReference && i.agents.some((a) => a.launched)) {
        peers.push({ key: "agents", kind: "agentGroup" });
    }
    for (const a of i.agents) {
        if (!(a.launched && i.groupReference)) {
            peers.push({ key: `agent-${a.name}`, kind: "agentAddress", agent: a.name });
        }
    }
    return peers;
}
