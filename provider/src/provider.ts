// The multi-language provider: construct() dispatches every registry token to its class, and
// reports back exactly the outputs schema.json declares for the token.
import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";
import * as classes from "./classes";
import { COMPONENT_NAMES, ComponentName, TOKENS } from "./components/tokens";

// Inputs arrive untyped from the engine; the components validate them before use.
type ComponentClass = new (name: string, args: never, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;
type Constructor = (name: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/** Each registry entry's class: a name that classes.ts does not export fails to compile here. */
const CLASSES: { readonly [N in ComponentName]: ComponentClass } = classes;

/** Constructors by type token. */
export const COMPONENTS: Readonly<Record<string, Constructor>> = Object.fromEntries(
    COMPONENT_NAMES.map((n): [string, Constructor] => [TOKENS[n], (name, inputs, options) => new CLASSES[n](name, inputs as never, options)]),
);

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
