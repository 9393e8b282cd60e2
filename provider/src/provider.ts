// The multi-language provider: construct() dispatches every token through one typed
// map, and reports back exactly the outputs schema.json declares for the token.
import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";
import { Agent } from "./components/agent";
import { NetworkLink } from "./components/networkLink";
import { PrivateAgent } from "./components/privateAgent";
import { ServiceEndpoint } from "./components/serviceEndpoint";
import { TOKENS } from "./components/tokens";

type Constructor = (name: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

// Inputs arrive untyped from the engine; the components validate them before use.
export const COMPONENTS: Record<string, Constructor> = {
    [TOKENS.ServiceEndpoint]: (n, i, o) => new ServiceEndpoint(n, i as never, o),
    [TOKENS.NetworkLink]: (n, i, o) => new NetworkLink(n, i as never, o),
    [TOKENS.Agent]: (n, i, o) => new Agent(n, i as never, o),
    [TOKENS.PrivateAgent]: (n, i, o) => new PrivateAgent(n, i as never, o),
};

interface SchemaShape {
    resources: Record<string, { properties: Record<string, unknown> }>;
}

export class Provider implements provider.Provider {
    private readonly outputs: Record<string, string[]>;

    constructor(
        readonly version: string,
        readonly schema: string,
    ) {
        const parsed = JSON.parse(schema) as SchemaShape;
        this.outputs = Object.fromEntries(Object.entries(parsed.resources).map(([token, r]) => [token, Object.keys(r.properties)]));
    }

    async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<provider.ConstructResult> {
        const make = COMPONENTS[type];
        const outputs = this.outputs[type];
        if (!make || !outputs) {
            throw new Error(`unknown resource type ${type}; this provider serves ${Object.keys(COMPONENTS).join(", ")}`);
        }
        const component = make(name, inputs, options);
        const fields = component as unknown as Record<string, unknown>;
        const state = Object.fromEntries(outputs.map((k) => [k, fields[k]]));
        return { urn: component.urn, state };
    }
}
