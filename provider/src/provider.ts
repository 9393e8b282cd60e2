// The multi-language provider: construct() dispatches every registry token to its class, and
// reports back exactly the outputs schema.json declares for the token.
import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";
import * as classes from "./classes";
import { failOnProblems } from "./components/building";
import { INPUT_CHECKS } from "./components/inputChecks";
import { resolveKnown } from "./components/resolve";
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

const NAMES_BY_TOKEN: Readonly<Record<string, ComponentName>> = Object.fromEntries(COMPONENT_NAMES.map((n) => [TOKENS[n], n]));

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
        // The inputs are checked once they resolve (secret and dependent values included), before
        // the component exists; the component then checks what AWS reports before its children exist.
        const component = NAMES_BY_TOKEN[type];
        failOnProblems(component, INPUT_CHECKS[component]((await resolveKnown(inputs)) as never));
        const made = make(name, inputs, options);
        await (made as unknown as { ready: Promise<void> }).ready;
        const fields = made as unknown as Record<string, unknown>;
        const state = Object.fromEntries(outputs.map((k) => [k, fields[k]]));
        return { urn: made.urn, state };
    }
}
