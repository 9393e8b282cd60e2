// What each resource of a PrivateAgent is for, told from what it is and what it holds (not from its
// name): which group an instance or an endpoint uses, which group a rule belongs to, whether an agent
// group's egress rule points at one of the endpoint's addresses.
import { T } from "../../fixtures/aws";
import type { Graph, Node } from "./stateGraph";

export type Role =
    | "agentGroup"
    | "endpointGroup"
    | "agentIngressActivation"
    | "agentEgressEndpoint"
    | "agentEgressOther"
    | "endpointIngressByGroup"
    | "endpointIngressByCidr"
    | "endpoint"
    | "instance"
    | "peering"
    | "accepter"
    | "route"
    | "activation"
    | "datasyncAgent";

const BY_TYPE: Record<string, Role> = {
    [T.vpcEndpoint]: "endpoint",
    [T.instance]: "instance",
    [T.vpcPeering]: "peering",
    [T.vpcPeeringAccepter]: "accepter",
    [T.route]: "route",
    [T.localCommand]: "activation",
    [T.remoteCommand]: "activation",
    [T.datasyncAgent]: "datasyncAgent",
};

/** Role of every node; a node no rule recognises is left out (the caller reports it). */
export function rolesOf(g: Graph): Map<string, Role> {
    const nodes = [...g.nodes.values()];
    const agentGroups = new Set(nodes.filter((n) => n.type === T.instance).flatMap((n) => (n.outputs.vpcSecurityGroupIds ?? []) as string[]));
    const endpointGroups = new Set(nodes.filter((n) => n.type === T.vpcEndpoint).flatMap((n) => (n.outputs.securityGroupIds ?? []) as string[]));
    const endpointCidrs = new Set(
        nodes
            .filter((n) => n.type === T.vpcEndpoint)
            .flatMap((n) => ((n.outputs.subnetConfigurations ?? []) as Array<{ ipv4: string }>).map((c) => `${c.ipv4}/32`)),
    );
    const roles = new Map<string, Role>();
    for (const n of nodes) {
        const role = BY_TYPE[n.type] ?? groupRole(n, agentGroups, endpointGroups) ?? ruleRole(n, agentGroups, endpointGroups, endpointCidrs);
        if (role) {
            roles.set(n.urn, role);
        }
    }
    return roles;
}

function groupRole(n: Node, agentGroups: Set<string>, endpointGroups: Set<string>): Role | undefined {
    if (n.type !== T.securityGroup) {
        return undefined;
    }
    return agentGroups.has(n.id) ? "agentGroup" : endpointGroups.has(n.id) ? "endpointGroup" : undefined;
}

function ruleRole(n: Node, agentGroups: Set<string>, endpointGroups: Set<string>, endpointCidrs: Set<string>): Role | undefined {
    const group = String(n.inputs.securityGroupId ?? "");
    if (n.type === T.ingressRule && endpointGroups.has(group)) {
        return n.inputs.referencedSecurityGroupId ? "endpointIngressByGroup" : "endpointIngressByCidr";
    }
    if (n.type === T.ingressRule && agentGroups.has(group) && n.inputs.fromPort === 80) {
        return "agentIngressActivation";
    }
    if (n.type === T.egressRule && agentGroups.has(group)) {
        return endpointCidrs.has(n.inputs.cidrIpv4) ? "agentEgressEndpoint" : "agentEgressOther";
    }
    return undefined;
}
