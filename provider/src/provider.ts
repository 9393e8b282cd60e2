// The multi-language provider: construct() dispatches every token through one typed map.
import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";
import { Agent } from "./components/agent";
import { NetworkLink } from "./components/networkLink";
import { PrivateAgent } from "./components/privateAgent";
import { ServiceEndpoint } from "./components/serviceEndpoint";
import { TOKENS } from "./components/tokens";

type Constructor = (name: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/** Each token, how to build it, and the outputs it reports back as state. */
export const COMPONENTS: Record<string, { make: Constructor; outputs: string[] }> = {
    [TOKENS.ServiceEndpoint]: {
        make: (n, i, o) => new ServiceEndpoint(n, i as any, o),
        outputs: ["vpcEndpointId", "endpointPrivateIp", "securityGroupId", "securityGroupArn", "subnetArn", "region", "firewallRules"],
    },
    [TOKENS.NetworkLink]: {
        make: (n, i, o) => new NetworkLink(n, i as any, o),
        outputs: ["peeringConnectionId", "routeIds", "firewallRules"],
    },
    [TOKENS.Agent]: {
        make: (n, i, o) => new Agent(n, i as any, o),
        outputs: ["agentArn", "agentAddress", "instanceId", "firewallRules"],
    },
    [TOKENS.PrivateAgent]: {
        make: (n, i, o) => new PrivateAgent(n, i as any, o),
        outputs: ["agentArn", "agentArns", "vpcEndpointId", "endpointPrivateIp", "securityGroupId", "peeringConnectionId", "firewallRules"],
    },
};

export class Provider implements provider.Provider {
    constructor(
        readonly version: string,
        readonly schema: string,
    ) {}

    async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<provider.ConstructResult> {
        const entry = COMPONENTS[type];
        if (!entry) {
            throw new Error(`unknown resource type ${type}; this provider serves ${Object.keys(COMPONENTS).join(", ")}`);
        }
        const component = entry.make(name, inputs, options) as unknown as Record<string, unknown>;
        const state = Object.fromEntries(entry.outputs.map((k) => [k, component[k]]));
        return { urn: (component as unknown as pulumi.ComponentResource).urn, state };
    }
}
