// The component registry: the one list of the package's components. The schema generator reads it
// (without loading Pulumi, so this file imports nothing), the provider and index.ts build on it, and
// provider.ts's class map must have exactly these names (a missing class fails to compile).
// Adding a component: an entry here, its args and outputs interfaces in args/, its class exported
// from components/classes.ts.

export const PACKAGE = "datasync-privatelink";

/** A component: the args interfaces its inputs and outputs come from, and its one-sentence description. */
export interface ComponentEntry {
    args: string;
    outputs: string;
    description: string;
}

export const REGISTRY = {
    ServiceEndpoint: {
        args: "ServiceEndpointArgs",
        outputs: "ServiceEndpointOutputs",
        description: "A DataSync interface VPC endpoint (private DNS off) with its security group, in the destination VPC.",
    },
    NetworkLink: {
        args: "NetworkLinkArgs",
        outputs: "NetworkLinkOutputs",
        description: "Routes between the agents' network and the endpoint's VPC over VPC peering, a transit gateway, " + "or existing Direct Connect / VPN.",
    },
    Agent: {
        args: "AgentArgs",
        outputs: "AgentOutputs",
        description:
            "One DataSync agent: an EC2 agent launched from AWS's AMI or an existing VM, activated privately " +
            "against the endpoint and registered with CreateAgent.",
    },
    PrivateAgent: {
        args: "PrivateAgentArgs",
        outputs: "PrivateAgentOutputs",
        description:
            "A private DataSync agent fleet in one call: the endpoint, an optional network link, and agents " +
            "activated over PrivateLink, across accounts and Regions.",
    },
} as const satisfies Record<string, ComponentEntry>;

export type ComponentName = keyof typeof REGISTRY;

export const COMPONENT_NAMES = Object.keys(REGISTRY) as ComponentName[];

/** "datasync-privatelink:index:<Name>", the type token of a component. */
export function tokenOf<N extends string>(name: N): `${typeof PACKAGE}:index:${N}` {
    return `${PACKAGE}:index:${name}`;
}

export const TOKENS = Object.fromEntries(COMPONENT_NAMES.map((n) => [n, tokenOf(n)])) as {
    readonly [N in ComponentName]: `${typeof PACKAGE}:index:${N}`;
};
