// Reading resource properties the way the policy SDK hands them over.
//
// @pulumi/policy wraps `props` in a proxy that throws when a policy touches a value that is not
// known yet (during preview: IDs, ARNs, addresses of resources still to be created), and turns that
// error into a single advisory "can't run during preview" note for the whole policy. A stack policy
// reads every resource, so one unknown ID anywhere would switch it off. These helpers read the raw
// object underneath the proxy instead and map the engine's "unknown" sentinels to the planning
// layer's UNKNOWN, so each check skips only the values it cannot see.
import { UNKNOWN, Unknown } from "../../provider/src/plan/known";

export { UNKNOWN, Unknown, val, knownList } from "../../provider/src/plan/known";

/**
 * The sentinels the engine sends for unknown values (one per JSON type). They are part of the
 * Pulumi wire protocol (sdk/go/common/resource/plugin) and are what @pulumi/policy's proxy checks
 * for; tests/policy asserts this list matches the installed SDK.
 */
export const UNKNOWN_SENTINELS: readonly string[] = [
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
];
const SENTINELS = new Set(UNKNOWN_SENTINELS);

// The proxy answers these two property names itself (see @pulumi/policy proxy.ts).
const IS_PROXY = "__isSpecialProxy";
const PROXY_TARGET = "__getSpecialProxyTarget";

/** The plain object under the SDK's unknown-checking proxy (or the value itself). */
export function unwrap<T>(value: T): T {
    if (value !== null && typeof value === "object") {
        const v = value as Record<string, unknown>;
        if (v[IS_PROXY] === true) {
            return v[PROXY_TARGET] as T;
        }
    }
    return value;
}

/** A raw value with unknown sentinels replaced by UNKNOWN and null by undefined. */
export function wire(value: unknown): unknown {
    if (typeof value === "string" && SENTINELS.has(value)) {
        return UNKNOWN;
    }
    return value === null ? undefined : value;
}

export type Maybe<T> = T | Unknown | undefined;

/** A property of an object (UNKNOWN when the object or the property is unknown). */
export function field(obj: unknown, key: string): unknown {
    const o = wire(unwrap(obj));
    if (o === UNKNOWN) {
        return UNKNOWN;
    }
    if (o === undefined || typeof o !== "object") {
        return undefined;
    }
    return wire((o as Record<string, unknown>)[key]);
}

export function str(v: unknown): Maybe<string> {
    const w = wire(v);
    return w === UNKNOWN || typeof w === "string" ? (w as string | Unknown) : undefined;
}

export function bool(v: unknown): Maybe<boolean> {
    const w = wire(v);
    return w === UNKNOWN || typeof w === "boolean" ? (w as boolean | Unknown) : undefined;
}

/** Numbers, and numeric strings (AWS accepts "443" for ports). */
export function num(v: unknown): Maybe<number> {
    const w = wire(v);
    if (w === UNKNOWN || typeof w === "number") {
        return w as number | Unknown;
    }
    if (typeof w === "string" && /^-?\d+$/.test(w.trim())) {
        return Number(w);
    }
    return undefined;
}

/** A list property: its elements (each possibly UNKNOWN), UNKNOWN for an unknown list, else undefined. */
export function list(v: unknown): (unknown | Unknown)[] | Unknown | undefined {
    const w = wire(unwrap(v));
    if (w === UNKNOWN) {
        return UNKNOWN;
    }
    return Array.isArray(w) ? w.map(wire) : undefined;
}

/** A string-list property in the planning layer's Known form. */
export function strings(v: unknown): (string | Unknown)[] | Unknown | undefined {
    const l = list(v);
    if (l === UNKNOWN || l === undefined) {
        return l;
    }
    return l.filter((x): x is string | Unknown => x === UNKNOWN || typeof x === "string");
}

/** An object property (tags, metadataOptions, environment, ...). */
export function record(v: unknown): Record<string, unknown> | Unknown | undefined {
    const w = wire(unwrap(v));
    if (w === UNKNOWN) {
        return UNKNOWN;
    }
    return w !== undefined && typeof w === "object" && !Array.isArray(w) ? (w as Record<string, unknown>) : undefined;
}

/** True when the value is known and present. */
export function present<T>(v: Maybe<T>): v is T {
    return v !== undefined && v !== UNKNOWN;
}
