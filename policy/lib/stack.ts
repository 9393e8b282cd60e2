// A view of a stack for stack policies: resources by type and URN, and references between them
// resolved the way they can be at both preview and update.
//
// A property that names another resource (a rule's securityGroupId, an agent's subnetArns, a
// peering's peerVpcId) is resolved in two ways:
//  1. by value: a known ID/ARN is matched against the resources' outputs (`id`, `arn`, ...);
//  2. by dependency: when the value is unknown (preview, resource not created yet) or matches no
//     output, the engine's propertyDependencies for that property name the resources it came from.
// A known value that matches nothing in the stack is kept as a literal (an existing resource that
// was passed in by ID), so two references to the same outside resource still compare equal.
import { PolicyProviderResource, PolicyResource, PolicyResourceOptions } from "@pulumi/policy";
import { shortType } from "./types";
import { field, list, str, unwrap, wire, UNKNOWN } from "./values";

export interface Res {
    type: string;
    name: string;
    urn: string;
    /** Raw outputs; unknown values are the engine's sentinels (read them through values.ts). */
    props: Record<string, unknown>;
    opts: PolicyResourceOptions;
    provider?: PolicyProviderResource;
    /** URNs each property depends on. */
    propertyDependencies: Record<string, string[]>;
}

/** A resource in the stack, or a resource outside it known only by its ID (normalised from an ARN). */
export type Ref = { res: Res; literal?: undefined } | { res?: undefined; literal: string };

export interface Refs {
    refs: Ref[];
    /** Some value was unknown and no dependency explained it. */
    unknown: boolean;
}

export function label(r: Res): string {
    return `${shortType(r.type)} "${r.name}"`;
}

export function refLabel(ref: Ref): string {
    return ref.res ? label(ref.res) : ref.literal;
}

/** Same resource (by URN), or same outside ID. */
export function sameRef(a: Ref, b: Ref): boolean {
    if (a.res && b.res) {
        return a.res.urn === b.res.urn;
    }
    const ida = a.res ? str(a.res.props.id) : a.literal;
    const idb = b.res ? str(b.res.props.id) : b.literal;
    return typeof ida === "string" && ida === idb;
}

/** Known to be different resources: different URNs, or both IDs known and different. */
export function differentRef(a: Ref, b: Ref): boolean {
    if (a.res && b.res) {
        return a.res.urn !== b.res.urn;
    }
    const ida = a.res ? str(a.res.props.id) : a.literal;
    const idb = b.res ? str(b.res.props.id) : b.literal;
    return typeof ida === "string" && typeof idb === "string" && ida !== idb;
}

/**
 * A resource by its ID when known, so a resource in the stack and the same ID passed as text
 * match; by URN while its ID is unknown.
 */
export function idKey(ref: Ref): string {
    if (ref.res) {
        const id = str(ref.res.props.id);
        return typeof id === "string" ? `id:${id.toLowerCase()}` : `urn:${ref.res.urn}`;
    }
    return `id:${ref.literal.toLowerCase()}`;
}

export function refKey(ref: Ref): string {
    return ref.res ? `urn:${ref.res.urn}` : `id:${ref.literal}`;
}

/** "arn:aws:ec2:eu-west-2:111122223333:subnet/subnet-0abc" -> "subnet-0abc". */
export function idFromArn(value: string): string {
    return value.startsWith("arn:") ? value.slice(value.lastIndexOf("/") + 1) : value;
}

/** The Region field of an ARN, if it is one. */
export function regionFromArn(value: string): string | undefined {
    const parts = value.split(":");
    return parts[0] === "arn" && parts.length >= 6 && parts[3] !== "" ? parts[3] : undefined;
}

/**
 * The Region a resource is created in: its own `region` (the per-resource override of
 * @pulumi/aws v7), else its provider's `region`. Undefined when neither is known.
 */
export function regionOf(props: Record<string, unknown>, provider?: PolicyProviderResource): string | undefined {
    const own = str(field(props, "region"));
    if (typeof own === "string" && own !== "") {
        return own;
    }
    const p = provider ? str(field(provider.props, "region")) : undefined;
    return typeof p === "string" && p !== "" ? p : undefined;
}

export class Stack {
    readonly all: Res[];
    private readonly byUrn = new Map<string, Res>();

    constructor(resources: PolicyResource[]) {
        this.all = resources.map((r) => {
            const deps: Record<string, string[]> = {};
            for (const [k, v] of Object.entries(r.propertyDependencies ?? {})) {
                deps[k] = (v ?? []).map((d) => d.urn);
            }
            const res: Res = {
                type: r.type,
                name: r.name,
                urn: r.urn,
                props: (unwrap(r.props) ?? {}) as Record<string, unknown>,
                opts: r.opts,
                provider: r.provider,
                propertyDependencies: deps,
            };
            this.byUrn.set(r.urn, res);
            return res;
        });
    }

    ofType(...types: string[]): Res[] {
        return this.all.filter((r) => types.includes(r.type));
    }

    get(urn: string): Res | undefined {
        return this.byUrn.get(urn);
    }

    region(r: Res): string | undefined {
        return regionOf(r.props, r.provider);
    }

    /**
     * The resources of `types` that property `key` of `from` refers to. `attrs` are the outputs a
     * known value is matched against (e.g. ["id"] for IDs, ["arn"] for ARNs, ["privateIp"]).
     */
    refs(from: Res, key: string, types: readonly string[], attrs: readonly string[]): Refs {
        const raw = wire(from.props[key]);
        if (raw === undefined) {
            return { refs: [], unknown: false };
        }
        const values: unknown[] = Array.isArray(raw) ? (list(raw) as unknown[]) : raw === UNKNOWN ? [UNKNOWN] : [raw];
        const candidates = this.ofType(...types);
        const found: Ref[] = [];
        const unmatched: string[] = [];
        let unknownCount = 0;
        for (const v of values) {
            if (typeof v !== "string") {
                unknownCount += v === UNKNOWN ? 1 : 0;
                continue;
            }
            const hit = candidates.find((c) => attrs.some((a) => str(c.props[a]) === v));
            if (hit) {
                if (!found.some((f) => f.res?.urn === hit.urn)) {
                    found.push({ res: hit });
                }
            } else {
                unmatched.push(v);
            }
        }
        let fromDeps: Res[] = [];
        if (unknownCount > 0 || unmatched.length > 0) {
            fromDeps = (from.propertyDependencies[key] ?? [])
                .map((u) => this.get(u))
                .filter((d): d is Res => d !== undefined && types.includes(d.type) && !found.some((f) => f.res?.urn === d.urn));
        }
        for (const d of fromDeps) {
            found.push({ res: d });
        }
        // Known values that match no output are resources outside the stack, passed by ID/ARN,
        // unless there are more dependencies than unknown values to account for them (a resource
        // whose outputs lack the matched attribute).
        if (fromDeps.length - unknownCount < unmatched.length) {
            for (const v of unmatched) {
                found.push({ literal: idFromArn(v) });
            }
        }
        return { refs: found, unknown: unknownCount > 0 && fromDeps.length === 0 };
    }

    /** The single resource (or literal) property `key` refers to, if exactly one. */
    ref(from: Res, key: string, types: readonly string[], attrs: readonly string[]): Ref | undefined {
        const r = this.refs(from, key, types, attrs);
        return r.refs.length === 1 ? r.refs[0] : undefined;
    }

    /** Resources of `types` that any property of `from` listed in `keys` depends on. */
    dependencies(from: Res, keys: readonly string[], types: readonly string[]): Res[] {
        const out: Res[] = [];
        for (const k of keys) {
            for (const u of from.propertyDependencies[k] ?? []) {
                const d = this.get(u);
                if (d && types.includes(d.type) && !out.includes(d)) {
                    out.push(d);
                }
            }
        }
        return out;
    }
}
