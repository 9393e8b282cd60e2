// The shape of one resource type's contract in the double, and the one validate/diff helper that
// Check, Create, Update and Diff all go through. Handlers are typed with @pulumi/aws's own Args and
// State types (type-only imports: nothing of @pulumi/aws is loaded at run time), so naming a
// property the real provider does not have fails to compile.
import type * as pulumi from "@pulumi/pulumi";
import type { ProviderConfig } from "./config";
import type { Inventory, Place } from "./inventory";
import type { Interface } from "./log";
import type { Live, State } from "./state";
import { hasUnknown, plain, same, UNKNOWN } from "../wire";

/** A resource's inputs as the double sees them: @pulumi/aws's Args with every Input unwrapped. */
export type In<A> = pulumi.Unwrap<A>;
/** Its outputs: @pulumi/aws's State type unwrapped (all optional, as the SDK declares them). */
export type Out<S> = pulumi.Unwrap<S>;

export interface Failure {
    property: string;
    reason: string;
}

export class Failures {
    readonly list: Failure[] = [];
    add(property: string, reason: string): void {
        this.list.push({ property, reason });
    }
}

/** An AWS API error: the code (e.g. InvalidVpcID.NotFound) and the service's message. */
export class ApiError extends Error {
    constructor(
        readonly code: string,
        readonly text: string,
    ) {
        super(`${code}: ${text}`);
    }
}

/** True when a value is set and fully known (Check runs in previews, where many values are unknown). */
export function known(v: unknown): boolean {
    return v !== undefined && v !== null && v !== UNKNOWN && !hasUnknown(v);
}

export function given(v: unknown): boolean {
    return v !== undefined && v !== null;
}

export interface Ctx {
    inv: Inventory;
    state: State;
    /** The provider instance's account and Region. */
    provider: ProviderConfig;
    /** Where the resource lives: the provider's account, and its `region` argument or the provider's Region. */
    at: Place;
    urn: string;
    name: string;
}

export interface CheckCtx {
    provider: ProviderConfig;
    name: string;
    /** The engine's per-resource random seed (stable across previews), for autonames. */
    seed: Buffer;
}

export interface Made<O> {
    id: string;
    outs: Partial<O>;
    interfaces?: Interface[];
    /** Service-side facts that are not outputs (attachment state, route-table association, ...). */
    internal?: Record<string, unknown>;
}

export interface Spec<I, O> {
    /** The resource as the Terraform provider names it in errors, e.g. "EC2 Security Group". */
    what: string;
    /** The API call that creates it, e.g. "EC2: CreateSecurityGroup". */
    createCall: string;
    /** Arguments whose change replaces the resource (ForceNew / RequiresReplace). */
    forceNew: ReadonlyArray<keyof I & string>;
    /** Optional+Computed arguments: left out, the service's value stays and no diff is shown. */
    filled?: ReadonlyArray<keyof I & string>;
    /** Set-typed arguments (TypeSet): order does not matter. */
    sets?: ReadonlyArray<keyof I & string>;
    /** Outputs the service computes (never diffed as inputs). */
    computed: ReadonlyArray<keyof O & string>;
    /** Further arguments a plan-time rule replaces on (e.g. CustomizeDiff ForceNewIf, ModifyPlan RequiresReplace). */
    replaceIf?(olds: Record<string, unknown>, news: Record<string, unknown>): string[];
    /** Defaults and autonames the bridged provider fills in during Check. */
    defaults?(i: I, c: CheckCtx): Partial<I>;
    /** Schema rules (Required, ConflictsWith, ExactlyOneOf, validators): Check, Create and Update. */
    schema?(i: I, f: Failures): void;
    /** Service rules (existence, ownership, limits): Create and Update only; throws the API's error. */
    service?(i: I, ctx: Ctx, id?: string): void;
    create(i: I, ctx: Ctx): Made<O>;
    update?(id: string, olds: O, news: I, ctx: Ctx): Omit<Made<O>, "id">;
    /** Read (refresh): the state the service reports; undefined when the resource is gone. */
    read?(live: Live, props: O, ctx: Ctx): Partial<O> | undefined;
    beforeDelete?(live: Live, ctx: Ctx): void;
}

export type AnySpec = Spec<any, any>;

/** Declares one type's contract; the type parameters tie it to @pulumi/aws's Args and State. */
export function spec<A, S>(s: Spec<In<A>, Out<S>>): Spec<In<A>, Out<S>> {
    return s;
}

/** Every v7 resource takes `region` (it overrides the provider's Region and replaces on change). */
export const REGION_ARG = "region";

function comparable(v: unknown, isSet: boolean): unknown {
    const p = plain(v);
    return isSet && Array.isArray(p) ? [...p].map((x) => JSON.stringify(x)).sort() : p;
}

/**
 * The diff: every argument the program sets compared with the last state, plus arguments the program
 * dropped (unless the service fills them). A changed ForceNew argument, or an unknown one, replaces.
 */
export function diffInputs(
    s: AnySpec,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    oldInputs: Record<string, unknown>,
): Record<string, "update" | "replace"> {
    const filled = new Set<string>([...(s.filled ?? []), REGION_ARG]);
    const sets = new Set<string>(s.sets ?? []);
    const forceNew = new Set<string>([...s.forceNew, REGION_ARG]);
    const skip = new Set<string>([...s.computed, "tagsAll", "__defaults", "id"]);
    const keys = new Set<string>([...Object.keys(news), ...Object.keys(oldInputs).filter((k) => !filled.has(k))]);
    const extra = new Set(s.replaceIf?.(plain(olds), plain(news)) ?? []);
    const out: Record<string, "update" | "replace"> = {};
    for (const k of keys) {
        if (skip.has(k)) {
            continue;
        }
        const n = news[k];
        if (!given(n) && filled.has(k)) {
            continue;
        }
        const changed = hasUnknown(n) || !same(comparable(olds[k] ?? oldInputs[k], sets.has(k)), comparable(n, sets.has(k)));
        if (changed) {
            out[k] = forceNew.has(k) || extra.has(k) ? "replace" : "update";
        }
    }
    for (const k of extra) {
        out[k] = "replace";
    }
    return out;
}

/** Required arguments missing, in the SDKv2 wording the bridge passes on. */
export function required(i: Record<string, unknown>, f: Failures, ...pairs: Array<[string, string]>): void {
    for (const [prop, tf] of pairs) {
        if (!given(i[prop])) {
            f.add(prop, `Missing required argument: The argument "${tf}" is required, but no definition was found.`);
        }
    }
}

/**
 * ConflictsWith, checked only when both values are known: SDKv2's validateConflictingAttributes
 * skips unknowns ("An unknown value might become unset ... defer validation until it's known").
 * Wording as the bridge renders it (pulumi/pulumi-gitlab#293).
 */
export function conflicts(i: Record<string, unknown>, f: Failures, what: string, prop: string, tf: string, others: Array<[string, string]>): void {
    if (!known(i[prop])) {
        return;
    }
    for (const [otherProp, otherTf] of others) {
        if (known(i[otherProp])) {
            f.add(prop, `Conflicting configuration arguments: "${tf}": conflicts with ${otherTf}. Examine values at '${what}.${prop}'.`);
        }
    }
}
