// The waits AWS forces between a PrivateAgent's resources (EC2 agent over VPC peering), each with
// the reason and where it comes from. An edge of the engine's graph is then:
// - forced: it matches a row of FORCED;
// - implied: its target is reachable from its source over forced edges (it adds no wait);
// - tolerated: a row of TOLERATED, an edge AWS does not force that the components are known to
//   make; allowed only while it stays off the critical path (the graph test checks that);
// - other: anything else, which the graph test refuses.
import { ancestors, Edge, Graph, Node } from "./stateGraph";
import type { Role } from "./roles";

export interface EdgeRule {
    from: Role[];
    to: Role[];
    /** The two nodes belong together (e.g. a rule and its own group); default: any pair of the roles. */
    link?: (from: Node, to: Node) => boolean;
    why: string;
    source: string;
}

const RULES: Role[] = ["agentIngressActivation", "agentEgressEndpoint", "agentEgressOther", "endpointIngressByGroup", "endpointIngressByCidr"];
const ENDPOINT_INGRESS: Role[] = ["endpointIngressByGroup", "endpointIngressByCidr"];

const sameAgent = (a: Node, b: Node) => a.parent !== undefined && a.parent === b.parent;
const groupIds = (n: Node, key: string): string[] => (n.outputs[key] ?? n.inputs[key] ?? []) as string[];
const endpointCidrs = (e: Node): string[] => ((e.outputs.subnetConfigurations ?? []) as Array<{ ipv4: string }>).map((c) => `${c.ipv4}/32`);

export const FORCED: EdgeRule[] = [
    {
        from: ["instance"],
        to: ["agentGroup"],
        link: (i, g) => groupIds(i, "vpcSecurityGroupIds").includes(g.id),
        why: "RunInstances names the instance's security groups, which must exist",
        source: "EC2 API RunInstances (SecurityGroupId.N); docs/aws-double.md I8",
    },
    {
        from: ["endpoint"],
        to: ["endpointGroup"],
        link: (e, g) => groupIds(e, "securityGroupIds").includes(g.id),
        why: "CreateVpcEndpoint names the endpoint's security group, which must exist",
        source: "EC2 API CreateVpcEndpoint (SecurityGroupId.N); docs/aws-double.md E9",
    },
    {
        from: RULES,
        to: ["agentGroup", "endpointGroup"],
        link: (r, g) => r.inputs.securityGroupId === g.id,
        why: "a rule is added to an existing group",
        source: "EC2 API AuthorizeSecurityGroupIngress/Egress (GroupId); docs/aws-double.md R5",
    },
    {
        from: ["agentEgressEndpoint"],
        to: ["endpoint"],
        link: (r, e) => endpointCidrs(e).includes(r.inputs.cidrIpv4),
        why: "the rule's destination is the endpoint's address in the activation subnet, which AWS assigns to the network interface it creates with the endpoint",
        source: "EC2 API CreateVpcEndpoint (one interface per subnet); TF ec2/vpc_endpoint.go Read (subnet_configuration); docs/aws-double.md E12, E14",
    },
    {
        from: ["endpointIngressByGroup"],
        to: ["agentGroup"],
        link: (r, g) =>
            String(r.inputs.referencedSecurityGroupId ?? "")
                .split("/")
                .pop() === g.id,
        why: "the rule admits the agents by reference to their group, which must exist",
        source: "EC2 API AuthorizeSecurityGroupIngress (referenced group); docs/aws-double.md R9",
    },
    {
        from: ["endpointIngressByGroup"],
        to: ["accepter"],
        why: "a group across a peering can be referenced only once the connection is active (accepted)",
        source: 'Amazon VPC Peering Guide, "Update your security groups to reference peer security groups": "the VPC peering connection must be in the active state"; docs/aws-double.md R9',
    },
    {
        from: ["accepter"],
        to: ["peering"],
        link: (a, p) => a.inputs.vpcPeeringConnectionId === p.id,
        why: "only a requested connection can be accepted",
        source: "EC2 API AcceptVpcPeeringConnection; docs/aws-double.md PC5",
    },
    {
        from: ["route"],
        to: ["peering"],
        link: (r, p) => r.inputs.vpcPeeringConnectionId === p.id,
        why: "the route's target is the peering connection",
        source: "EC2 API CreateRoute (VpcPeeringConnectionId); docs/aws-double.md RT6",
    },
    {
        from: ["activation"],
        to: ["instance"],
        link: sameAgent,
        why: "the key is requested from the agent's port 80, which answers once the instance runs",
        source: 'DataSync User Guide, "Creating an agent with the AWS CLI" (curl "http://agent-ip-address/?...")',
    },
    {
        from: ["activation"],
        to: ["endpoint"],
        why: "the request carries the endpoint's private address (privateLinkEndpoint=...)",
        source: 'DataSync User Guide, "Creating an agent with the AWS CLI" (privateLinkEndpoint, endpointType=PRIVATE_LINK)',
    },
    {
        from: ["activation"],
        to: ["agentIngressActivation"],
        why: "the agent's group must admit the activation host on TCP 80",
        source: 'DataSync User Guide, "Network requirements" (TCP 80 from the activating host to the agent); security groups deny inbound by default',
    },
    {
        from: ["activation"],
        to: ["agentEgressEndpoint", ...ENDPOINT_INGRESS],
        why: "while activating, the agent reaches the endpoint on 443; blocked, the key request answers PRIVATE_LINK_ENDPOINT_UNREACHABLE",
        source: "TF internal/service/datasync/agent.go resourceAgentCreate (retries PRIVATE_LINK_ENDPOINT_UNREACHABLE); AWS Knowledge Center on activating through a VPC endpoint (tests/activation/emulator.ts [3][5])",
    },
    {
        from: ["activation"],
        to: ["route", "accepter"],
        why: "agent and endpoint talk across the peering, which carries traffic only once accepted and routed",
        source: 'Amazon VPC Peering Guide, "Update your route tables for a VPC peering connection" (a route to a pending-acceptance connection is a blackhole until active)',
    },
    {
        from: ["datasyncAgent"],
        to: ["activation"],
        link: sameAgent,
        why: "CreateAgent takes the activation key",
        source: "DataSync API CreateAgent (ActivationKey)",
    },
    {
        from: ["datasyncAgent"],
        to: ["endpoint"],
        link: (a, e) => a.inputs.vpcEndpointId === e.id,
        why: "CreateAgent names the endpoint",
        source: "DataSync API CreateAgent (VpcEndpointId); docs/aws-double.md A6",
    },
    {
        from: ["datasyncAgent"],
        to: ["endpointGroup"],
        link: (a, g) => ((a.inputs.securityGroupArns ?? []) as string[]).some((arn) => arn.endsWith(`/${g.id}`)),
        why: "CreateAgent names the security group ARN for the task interfaces",
        source: "DataSync API CreateAgent (SecurityGroupArns); docs/aws-double.md A7",
    },
];

/** Edges AWS does not force that the components make; each must stay off the critical path. */
export const TOLERATED: EdgeRule[] = [
    {
        from: ["route"],
        to: ["accepter"],
        why: "CreateRoute takes a connection still pending acceptance (the route is a blackhole until the accepter makes it active); the route only needs the requester's connection ID",
        source: 'Amazon VPC Peering Guide, "Update your route tables for a VPC peering connection"; TF ec2/vpc_route.go waitRouteReady waits for the route to exist, not for the target',
    },
    {
        from: ["activation"],
        to: ["agentEgressOther"],
        why: "activation uses only the agent's path to the endpoint; task interfaces exist only once a task runs",
        source: 'DataSync User Guide, "Network interfaces for AWS DataSync transfers"',
    },
];

export type Kind = "forced" | "implied" | "tolerated" | "other";

export interface Classified extends Edge {
    kind: Kind;
    rule?: EdgeRule;
}

function matches(rule: EdgeRule, g: Graph, roles: Map<string, Role>, from: string, to: string): boolean {
    const rf = roles.get(from);
    const rt = roles.get(to);
    return (
        rf !== undefined && rt !== undefined && rule.from.includes(rf) && rule.to.includes(rt) && (rule.link?.(g.nodes.get(from)!, g.nodes.get(to)!) ?? true)
    );
}

/** Every pair of nodes a FORCED row says must wait for one another, present in the graph or not. */
export function forcedEdges(g: Graph, roles: Map<string, Role>): Array<Edge & { rule: EdgeRule }> {
    const out: Array<Edge & { rule: EdgeRule }> = [];
    for (const from of g.nodes.keys()) {
        for (const to of g.nodes.keys()) {
            const rule = FORCED.find((r) => from !== to && matches(r, g, roles, from, to));
            if (rule) {
                out.push({ from, to, rule });
            }
        }
    }
    return out;
}

export function classify(g: Graph, roles: Map<string, Role>): Classified[] {
    const forced = forcedEdges(g, roles);
    return g.edges.map((e): Classified => {
        const f = forced.find((x) => x.from === e.from && x.to === e.to);
        if (f) {
            return { ...e, kind: "forced", rule: f.rule };
        }
        if (ancestors(e.from, forced).has(e.to)) {
            return { ...e, kind: "implied" };
        }
        const t = TOLERATED.find((r) => matches(r, g, roles, e.from, e.to));
        return t ? { ...e, kind: "tolerated", rule: t } : { ...e, kind: "other" };
    });
}
