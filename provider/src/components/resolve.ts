// Values as far as they are known. Checks run on plain values: UNKNOWN marks what a preview
// cannot know yet (an output of a resource still to be created), and the checks skip it.
import * as pulumi from "@pulumi/pulumi";
import { Known, UNKNOWN } from "../plan";

type Settling = { isKnown: Promise<boolean>; promise(withUnknowns?: boolean): Promise<unknown> };

function isThenable(v: unknown): v is PromiseLike<unknown> {
    return typeof v === "object" && v !== null && typeof (v as PromiseLike<unknown>).then === "function";
}

/** The args with every Output and Promise replaced by UNKNOWN: what is known before anything resolves. */
export function knownNow<T>(value: T): Known<T> {
    const project = (v: unknown): unknown => {
        if (pulumi.Output.isInstance(v) || isThenable(v)) {
            return UNKNOWN;
        }
        if (Array.isArray(v)) {
            return v.map(project);
        }
        if (typeof v === "object" && v !== null && !pulumi.Resource.isInstance(v)) {
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, project(x)]));
        }
        return v;
    };
    return project(value) as Known<T>;
}

/**
 * The args once every Output and Promise in them has resolved, nested ones included; unknown
 * values (a preview of resources not created yet) become UNKNOWN. Secret values resolve like any
 * other: the checks mark the fields that carry secrets and never print them.
 */
export async function resolveKnown<T>(value: T): Promise<Known<T>> {
    const walk = async (v: unknown): Promise<unknown> => {
        if (pulumi.Output.isInstance(v)) {
            // Output.promise(withUnknowns) is internal to @pulumi/pulumi but is what its own provider
            // server uses to read inputs; the public API offers no way to see a partly known value.
            return walk(await (v as unknown as Settling).promise(true));
        }
        if (isThenable(v)) {
            return walk(await v);
        }
        if (pulumi.isUnknown(v)) {
            return UNKNOWN;
        }
        if (Array.isArray(v)) {
            return Promise.all(v.map(walk));
        }
        if (typeof v === "object" && v !== null && !pulumi.Resource.isInstance(v)) {
            const entries = await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await walk(x)] as const));
            return Object.fromEntries(entries);
        }
        return v;
    };
    return (await walk(value)) as Known<T>;
}
