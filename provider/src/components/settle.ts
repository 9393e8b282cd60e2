import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN, Unknown } from "../plan";
import { resolveKnown } from "./resolve";

/** A value once it resolves; UNKNOWN when a preview cannot know it yet. */
export async function settle<T>(v: pulumi.Input<T>): Promise<T | Unknown> {
    const r = await resolveKnown(v);
    return containsUnknown(r) ? UNKNOWN : (r as T);
}

function containsUnknown(v: unknown): boolean {
    if (v === UNKNOWN) {
        return true;
    }
    if (Array.isArray(v)) {
        return v.some(containsUnknown);
    }
    return typeof v === "object" && v !== null && Object.values(v).some(containsUnknown);
}
