// Pulumi mocks that record every resource the components register and answer their lookups
// from a MockWorld, per provider: the account and Region a lookup or resource lands in come
// from the explicit provider it names (its region, the account of its last assumed role, or its
// profile's account), or the world's defaults, and from the `region` argument when given.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { KEY } from "../fixtures/aws";
import { answer, Where } from "./answers";
import { defaultWorld, MockWorld } from "./world";

export { KEY };

export interface Recorded {
    type: string;
    name: string;
    inputs: Record<string, any>;
    /** The explicit provider's resource name, when one is used. */
    provider?: string;
    /** Where the resource landed. */
    at: Where;
    id?: string;
    state?: Record<string, any>;
}

/** How a secret input arrives in the mocks (Pulumi's wire signature for secrets). */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

function accountOfRole(arn: unknown): string | undefined {
    return typeof arn === "string" ? /^arn:aws[a-z-]*:iam::(\d{12}):role\//.exec(arn)?.[1] : undefined;
}

function hex(s: string): string {
    let h = 0;
    for (const c of s) {
        h = (h * 31 + c.charCodeAt(0)) >>> 0;
    }
    return (h.toString(16) + "00000000000000000").slice(0, 17);
}

export class Recorder implements pulumi.runtime.Mocks {
    readonly resources: Recorded[] = [];
    readonly invokes: { token: string; args: any; provider?: string; at: Where }[] = [];
    readonly providers = new Map<string, Record<string, any>>();
    /** What the components logged with pulumi.log.warn. */
    readonly warnings: string[] = [];
    /** The resource options each resource was given, by name (recorded by `capture`). */
    readonly options = new Map<string, pulumi.ResourceOptions>();
    world: MockWorld = defaultWorld();

    reset(world: MockWorld = defaultWorld()): void {
        this.resources.length = 0;
        this.invokes.length = 0;
        this.providers.clear();
        this.warnings.length = 0;
        this.options.clear();
        this.world = world;
    }

    /**
     * A transformation that records the options of every resource below the component it is given to
     * (`{ transformations: [recorder.capture] }`): the mocks see inputs only, not options such as
     * ignoreChanges, deleteBeforeReplace or additionalSecretOutputs.
     */
    readonly capture: pulumi.ResourceTransformation = (t) => {
        this.options.set(t.name, t.opts);
        return undefined;
    };

    optionsOf(name: string): pulumi.CustomResourceOptions {
        const o = this.options.get(name);
        if (!o) {
            throw new Error(`no options recorded for ${name} (pass { transformations: [recorder.capture] } to the component)`);
        }
        return o as pulumi.CustomResourceOptions;
    }

    /** The names of the resources a resource was made to depend on (dependsOn, resolved). */
    async dependsOnNames(name: string): Promise<string[]> {
        const deps = await resolve(pulumi.output(this.optionsOf(name).dependsOn ?? []) as pulumi.Output<unknown>);
        const list = (Array.isArray(deps) ? deps : [deps]).flat(Infinity) as pulumi.Resource[];
        const urns = await Promise.all(list.map((r) => resolve(r.urn)));
        return urns.map((u) => u.split("::").pop()!).sort();
    }

    private providerName(ref?: string): string | undefined {
        // Provider references are "<urn>::<id>"; the URN's last part is the provider's name.
        return ref ? ref.split("::")[3] : undefined;
    }

    /** The account and Region an operation through `ref` with these arguments lands in. */
    where(ref: string | undefined, args: Record<string, any>): Where {
        const p = this.providers.get(this.providerName(ref) ?? "") ?? {};
        // @pulumi/aws hands a provider's object-valued settings to the engine as JSON text (provider.js).
        const roles = (typeof p.assumeRoles === "string" ? JSON.parse(p.assumeRoles) : (p.assumeRoles ?? [])) as { roleArn?: string }[];
        const account =
            accountOfRole(roles[roles.length - 1]?.roleArn) ?? (p.profile ? this.world.profiles[p.profile] : undefined) ?? this.world.defaultAccount;
        return { account, region: args.region ?? p.region ?? this.world.defaultRegion };
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, any> } {
        if (args.type === "pulumi:providers:aws") {
            this.providers.set(args.name, args.inputs);
        }
        const at = this.where(args.provider, args.inputs);
        const record: Recorded = { type: args.type, name: args.name, inputs: args.inputs, provider: this.providerName(args.provider), at };
        this.resources.push(record);
        const made = this.made(args, at);
        record.id = made.id;
        record.state = made.state;
        return made;
    }

    private made(args: pulumi.runtime.MockResourceArgs, at: Where): { id: string; state: Record<string, any> } {
        const state: Record<string, any> = { ...args.inputs };
        const h = hex(args.name);
        const arn = (service: string, resource: string) => `arn:aws:${service}:${at.region}:${at.account}:${resource}`;
        switch (args.type) {
            case "aws:ec2/securityGroup:SecurityGroup":
                return { id: `sg-${h}`, state: { ...state, arn: arn("ec2", `security-group/sg-${h}`) } };
            case "aws:ec2/vpcEndpoint:VpcEndpoint": {
                const subnets: string[] = args.inputs.subnetIds ?? [];
                const configs = subnets.map((s) => ({ subnetId: s, ipv4: (this.world.subnets[s]?.cidrBlock ?? "10.9.9.0/24").replace(/0\/24$/, "10") }));
                return { id: `vpce-${h}`, state: { ...state, subnetConfigurations: configs, networkInterfaceIds: subnets.map((s) => `eni-${hex(s)}`) } };
            }
            case "aws:ec2/instance:Instance": {
                const cidr = this.world.subnets[args.inputs.subnetId]?.cidrBlock ?? "10.9.9.0/24";
                return { id: `i-${hex(`${args.name}${this.world.instanceGeneration}`)}`, state: { ...state, privateIp: cidr.replace(/0\/24$/, "15") } };
            }
            case "aws:datasync/agent:Agent":
                return { id: arn("datasync", `agent/agent-${h}`), state: { ...state, arn: arn("datasync", `agent/agent-${h}`) } };
            case "command:local:Command":
            case "command:remote:Command":
                return { id: `${args.name}-id`, state: { ...state, stdout: `${KEY}\n`, stderr: "" } };
            case "aws:ec2/vpcPeeringConnection:VpcPeeringConnection":
                return { id: `pcx-${h}`, state };
            case "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter":
                return { id: args.inputs.vpcPeeringConnectionId, state };
            case "aws:ec2transitgateway/vpcAttachment:VpcAttachment":
            case "aws:ec2transitgateway/peeringAttachment:PeeringAttachment":
                return { id: `tgw-attach-${h}`, state };
            case "aws:ec2transitgateway/vpcAttachmentAccepter:VpcAttachmentAccepter":
            case "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter":
                return { id: args.inputs.transitGatewayAttachmentId, state };
            case "aws:ram/resourceShare:ResourceShare":
                return { id: arn("ram", `resource-share/${h}`), state: { ...state, arn: arn("ram", `resource-share/${h}`) } };
            default:
                return { id: `${args.name}-id`, state };
        }
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        const at = this.where(args.provider, args.inputs);
        this.invokes.push({ token: args.token, args: args.inputs, provider: this.providerName(args.provider), at });
        try {
            return answer(this.world, args.token, args.inputs, at);
        } catch (e) {
            // The SDK reports a failed invoke with the gRPC error's `details`, as the engine sends them.
            throw Object.assign(new Error(String((e as Error).message)), { details: `invocation of ${args.token} returned an error: ${(e as Error).message}` });
        }
    }

    ofType(type: string): Recorded[] {
        return this.resources.filter((r) => r.type === type);
    }

    named(name: string): Recorded {
        const found = this.resources.filter((r) => r.name === name);
        if (found.length !== 1) {
            throw new Error(`expected one resource named ${name}, found ${found.length}: ${this.resources.map((r) => r.name).join(", ")}`);
        }
        return found[0];
    }

    /** "<type> <name>" of every resource, sorted: what a test asserts exactly. */
    inventory(): string[] {
        return this.resources.map((r) => `${r.type} ${r.name}`).sort();
    }
}

export const recorder = new Recorder();
pulumi.runtime.setMocks(recorder, "datasync-privatelink", "test", false);
// Without an engine, pulumi.log.warn writes "warning: [runtime] <text>" to console.warn
// (@pulumi/pulumi log/index.js); keep those for the tests and out of the test output.
const consoleWarn = console.warn.bind(console);
console.warn = (...args: unknown[]): void => {
    const m = /^warning: \[runtime\] ([\s\S]*)$/.exec(args.map(String).join(" "));
    if (m) {
        recorder.warnings.push(m[1]);
        return;
    }
    consoleWarn(...args);
};
// The local activation Command's script goes to the user's cache; keep the tests' copy private.
process.env.XDG_CACHE_HOME = fs.mkdtempSync(path.join(os.tmpdir(), "dspl-mocked-cache-"));

/** The value of an output (undefined when unknown). */
export function resolve<T>(o: pulumi.Output<T>): Promise<T> {
    return (o as unknown as { promise(): Promise<T> }).promise();
}

/** Waits until a component has registered every child, then until registrations triggered by outputs settle. */
export async function built(component: { ready: Promise<void> }, ...outs: pulumi.Output<unknown>[]): Promise<void> {
    await component.ready;
    await Promise.all(outs.map(resolve));
    await new Promise((r) => setTimeout(r, 50));
}

/** The InputPropertiesError a component's checks raise (its ready promise rejects with it). */
export async function refusal(component: { ready: Promise<void> }): Promise<{ message: string; errors: { propertyPath: string; reason: string }[] }> {
    try {
        await component.ready;
    } catch (e) {
        // Let a registration that would wrongly follow the refusal reach the recorder before the test looks.
        await new Promise((r) => setTimeout(r, 50));
        return e as { message: string; errors: { propertyPath: string; reason: string }[] };
    }
    throw new Error("expected the component to refuse its inputs");
}
