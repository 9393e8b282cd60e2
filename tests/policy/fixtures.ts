// Hand-built policy-SDK arguments for testing policies without the Pulumi engine.
//
// @pulumi/policy has no test harness; these builders produce the same shapes its analyzer server
// builds (policy.d.ts: ResourceValidationArgs, PolicyResource, StackValidationArgs): props wrapped in
// the SDK's own unknown-checking proxy, isType/asType by type token, getConfig per policy, and
// notApplicable throwing. A StackFixture records references between resources as the engine's
// propertyDependencies, and in preview mode makes every computed output (IDs, ARNs) unknown.
import { createHash } from "crypto";
import {
    Policy,
    PolicyPackConfig,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { TYPES } from "../../policy/lib/types";
import { ACCOUNT, REGION } from "../fixtures/aws";

// Exported by @pulumi/policy's index.js but missing from its typings (proxy.d.ts is empty).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require("@pulumi/policy") as {
    unknownCheckingProxy<T extends object>(o: T): T;
    UnknownValueError: new (...args: unknown[]) => Error;
};
export const UnknownValueError = sdk.UnknownValueError;

export { ACCOUNT, REGION };
/** The engine's sentinel for an unknown string (what a policy sees for IDs during preview). */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const URN_PREFIX = "urn:pulumi:test::datasync-fixture::";

export function urnOf(type: string, name: string): string {
    return `${URN_PREFIX}${type}::${name}`;
}

export function awsProvider(region: string = REGION): PolicyProviderResource {
    const name = `aws-${region}`;
    return { type: "pulumi:providers:aws", name, urn: urnOf("pulumi:providers:aws", name), props: { region } };
}

export function resourceOptions(o: Partial<PolicyResourceOptions> = {}): PolicyResourceOptions {
    return {
        protect: false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...o,
    };
}

export interface FixtureResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
    options: PolicyResourceOptions;
    provider: PolicyProviderResource;
    /** Property name -> resources its value was computed from. */
    deps: Record<string, FixtureResource[]>;
}

/** A property value taken from another resource's output (e.g. ref(vpc) for vpc.id). */
export class Ref {
    constructor(
        readonly target: FixtureResource,
        readonly attr: string,
    ) {}
}

export function ref(target: FixtureResource, attr = "id"): Ref {
    return new Ref(target, attr);
}

function hex(seed: string, n: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, n);
}

/** The outputs AWS computes for a resource: id and arn, in the real formats. */
export function computedOutputs(type: string, name: string, region: string): Record<string, string> {
    const h = (n: number) => hex(`${type}/${name}`, n);
    const ec2 = (kind: string, prefix: string) => {
        const id = `${prefix}-${h(17)}`;
        return { id, arn: `arn:aws:ec2:${region}:${ACCOUNT}:${kind}/${id}` };
    };
    switch (type) {
        case TYPES.vpc:
            return ec2("vpc", "vpc");
        case TYPES.subnet:
            return ec2("subnet", "subnet");
        case TYPES.securityGroup:
            return ec2("security-group", "sg");
        case TYPES.vpcEndpoint:
            return ec2("vpc-endpoint", "vpce");
        case TYPES.instance:
            return ec2("instance", "i");
        case TYPES.vpcPeering:
            return ec2("vpc-peering-connection", "pcx");
        case TYPES.transitGateway:
            return ec2("transit-gateway", "tgw");
        case TYPES.transitGatewayVpcAttachment:
            return ec2("transit-gateway-attachment", "tgw-attach");
        case TYPES.datasyncAgent: {
            const arn = `arn:aws:datasync:${region}:${ACCOUNT}:agent/agent-${h(17)}`;
            return { id: arn, arn };
        }
        default:
            return { id: `${name}-${h(8)}` };
    }
}

export interface AddOptions {
    /** Outputs beyond id/arn (e.g. an instance's privateIp, a Command's stdout). */
    outputs?: Record<string, unknown>;
    opts?: Partial<PolicyResourceOptions>;
    /** Region of the resource's provider (default: the stack's). */
    providerRegion?: string;
}

export class StackFixture {
    readonly resources: FixtureResource[] = [];
    readonly region: string;
    readonly preview: boolean;

    constructor(o: { region?: string; preview?: boolean } = {}) {
        this.region = o.region ?? REGION;
        this.preview = o.preview ?? false;
    }

    add(type: string, name: string, props: Record<string, unknown>, o: AddOptions = {}): FixtureResource {
        const deps: Record<string, FixtureResource[]> = {};
        const resolve = (v: unknown, key: string): unknown => {
            if (v instanceof Ref) {
                const list = (deps[key] = deps[key] ?? []);
                if (!list.includes(v.target)) {
                    list.push(v.target);
                }
                return v.target.props[v.attr];
            }
            if (Array.isArray(v)) {
                return v.map((x) => resolve(x, key));
            }
            if (v !== null && typeof v === "object") {
                return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, key)]));
            }
            return v;
        };
        const inputs = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, resolve(v, k)]));
        const region = o.providerRegion ?? this.region;
        const computed = { ...computedOutputs(type, name, (inputs.region as string | undefined) ?? region), ...(o.outputs ?? {}) };
        const outputs = Object.fromEntries(Object.entries(computed).map(([k, v]) => [k, this.preview ? UNKNOWN_STRING : v]));
        const r: FixtureResource = {
            type,
            name,
            urn: urnOf(type, name),
            props: { ...outputs, ...inputs },
            options: resourceOptions(o.opts),
            provider: awsProvider(region),
            deps,
        };
        this.resources.push(r);
        return r;
    }
}

type ResourceClass = { new (...args: any[]): any; isInstance?: (o: unknown) => boolean };

/** The SDK's isTypeOf: the class's type token, or its isInstance. */
function isTypeOf(type: string, cls: ResourceClass): boolean {
    const token = (cls as unknown as { __pulumiType?: unknown }).__pulumiType;
    if (typeof token === "string" && token.length > 0) {
        return token === type;
    }
    return cls.isInstance?.({ __pulumiType: type }) === true;
}

export class NotApplicable extends Error {
    constructor(readonly reason: string) {
        super(`not applicable: ${reason}`);
    }
}

function configFor(config: PolicyPackConfig, policy: string): <T extends object>() => T {
    return <T extends object>() => {
        const c = config[policy];
        if (c === undefined || typeof c === "string") {
            return {} as T;
        }
        const { enforcementLevel: _, ...rest } = c;
        return rest as T;
    };
}

const notApplicable = (reason?: string): never => {
    throw new NotApplicable(reason ?? "");
};

export function resourceArgs(r: FixtureResource, policy: string, config: PolicyPackConfig = {}): ResourceValidationArgs {
    const props = sdk.unknownCheckingProxy({ ...r.props });
    return {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: r.options,
        provider: { ...r.provider, props: sdk.unknownCheckingProxy({ ...r.provider.props }) },
        stackTags: new Map(),
        isType: (cls) => isTypeOf(r.type, cls),
        asType: ((cls: ResourceClass) => (isTypeOf(r.type, cls) ? props : undefined)) as ResourceValidationArgs["asType"],
        getConfig: configFor(config, policy),
        notApplicable,
    };
}

export function policyResources(rs: FixtureResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const out = rs.map((r) => {
        const props = sdk.unknownCheckingProxy({ ...r.props });
        const p: PolicyResource = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: r.options,
            provider: { ...r.provider, props: sdk.unknownCheckingProxy({ ...r.provider.props }) },
            dependencies: [],
            propertyDependencies: {},
            isType: (cls) => isTypeOf(r.type, cls),
            asType: ((cls: ResourceClass) => (isTypeOf(r.type, cls) ? props : undefined)) as PolicyResource["asType"],
        };
        byUrn.set(r.urn, p);
        return p;
    });
    rs.forEach((r, i) => {
        for (const [k, targets] of Object.entries(r.deps)) {
            const resolved = targets.map((t) => byUrn.get(t.urn)).filter((x): x is PolicyResource => x !== undefined);
            out[i].propertyDependencies[k] = resolved;
            for (const d of resolved) {
                if (!out[i].dependencies.includes(d)) {
                    out[i].dependencies.push(d);
                }
            }
        }
    });
    return out;
}

export function stackArgs(rs: FixtureResource[], policy: string, config: PolicyPackConfig = {}): StackValidationArgs {
    return { resources: policyResources(rs), stackTags: new Map(), getConfig: configFor(config, policy), notApplicable };
}

export interface Reported {
    message: string;
    urn?: string;
}

export interface Outcome {
    violations: Reported[];
    messages: string[];
    /** Set when the policy declared itself not applicable. */
    notApplicable?: string;
}

export function isResourcePolicy(p: Policy): p is ResourceValidationPolicy {
    return (p as ResourceValidationPolicy).validateResource !== undefined;
}

export function isStackPolicy(p: Policy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

/**
 * Runs one policy: a resource policy over one resource, a stack policy over a resource set.
 * Unknown-value errors are rethrown (a policy here must never trip over preview values).
 */
export async function check(policy: Policy, target: FixtureResource | FixtureResource[], config: PolicyPackConfig = {}): Promise<Outcome> {
    const violations: Reported[] = [];
    const report: ReportViolation = (message: string, urn?: string) => {
        violations.push({ message, urn });
    };
    try {
        if (isStackPolicy(policy)) {
            const rs = Array.isArray(target) ? target : [target];
            await policy.validateStack(stackArgs(rs, policy.name, config), report);
        } else if (isResourcePolicy(policy)) {
            if (Array.isArray(target)) {
                throw new Error(`${policy.name} is a resource policy; pass one resource`);
            }
            const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
            for (const v of validations) {
                await v(resourceArgs(target, policy.name, config), (message: string) => report(message, target.urn));
            }
        }
    } catch (e) {
        if (e instanceof NotApplicable) {
            return { violations, messages: violations.map((v) => v.message), notApplicable: e.reason };
        }
        throw e;
    }
    return { violations, messages: violations.map((v) => v.message) };
}

/** Unknown sentinels for other types (what preview shows for computed booleans and lists). */
export const UNKNOWN_BOOL = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7";
export const UNKNOWN_ARRAY = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";

/** One resource on its own (for resource policies). */
export function single(
    type: string,
    props: Record<string, unknown>,
    o: AddOptions & { name?: string; region?: string; preview?: boolean } = {},
): FixtureResource {
    return new StackFixture({ region: o.region, preview: o.preview }).add(type, o.name ?? "subject", props, o);
}
