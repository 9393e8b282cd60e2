// Helpers of the AWS TEST DOUBLE (tests/engine/doubles/aws) and the engine harness: how values look on
// the provider gRPC wire once a Struct is turned into JavaScript, and an append-only JSON-lines log.
// Test code only; nothing here talks to a cloud.
import * as fs from "fs";

/** The engine sends secrets as { [SECRET_SIG]: SECRET_VALUE, value } when the provider accepts secrets. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
/** An unknown (computed) value during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function isSecret(v: unknown): v is { value: unknown } {
    return isObject(v) && v[SIG_KEY] === SECRET_SIG;
}

export function secret(value: unknown): Record<string, unknown> {
    return { [SIG_KEY]: SECRET_SIG, value };
}

/** The plain value: secrets and output values unwrapped, deeply. */
export function plain(v: unknown): any {
    if (Array.isArray(v)) {
        return v.map(plain);
    }
    if (isObject(v)) {
        if (v[SIG_KEY] === SECRET_SIG) {
            return plain(v.value);
        }
        if (v[SIG_KEY] === OUTPUT_SIG) {
            return "value" in v ? plain(v.value) : UNKNOWN;
        }
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    }
    return v;
}

/** For logs: secrets become { "$secret": value } so a test can see both the value and that it arrived as a secret. */
export function forLog(v: unknown): Json {
    if (Array.isArray(v)) {
        return v.map(forLog);
    }
    if (isObject(v)) {
        if (v[SIG_KEY] === SECRET_SIG) {
            return { $secret: forLog(v.value) };
        }
        if (v[SIG_KEY] === OUTPUT_SIG) {
            return "value" in v ? forLog(v.value) : "$unknown";
        }
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, forLog(x)]));
    }
    if (v === UNKNOWN) {
        return "$unknown";
    }
    return (v ?? null) as Json;
}

/** True when the value is, or contains, an unknown. */
export function hasUnknown(v: unknown): boolean {
    if (v === UNKNOWN) {
        return true;
    }
    if (Array.isArray(v)) {
        return v.some(hasUnknown);
    }
    if (isObject(v)) {
        if (v[SIG_KEY] === OUTPUT_SIG && !("value" in v)) {
            return true;
        }
        return Object.values(v).some(hasUnknown);
    }
    return false;
}

/** Structural equality of two plain values (key order ignored; undefined and null keys treated as absent). */
export function same(a: unknown, b: unknown): boolean {
    return JSON.stringify(canonical(plain(a))) === JSON.stringify(canonical(plain(b)));
}

function canonical(v: unknown): unknown {
    if (Array.isArray(v)) {
        return v.map(canonical);
    }
    if (isObject(v)) {
        return Object.fromEntries(
            Object.keys(v)
                .filter((k) => v[k] !== undefined && v[k] !== null)
                .sort()
                .map((k) => [k, canonical(v[k])]),
        );
    }
    return v;
}

/** The resource name, the last part of a URN. */
export function urnName(urn: string): string {
    const parts = urn.split("::");
    return parts[parts.length - 1];
}

/** The resource type, from a URN (the last `$`-separated element of the qualified type). */
export function urnType(urn: string): string {
    const parts = urn.split("::");
    const qualified = parts[2] ?? "";
    return qualified.split("$").pop() ?? "";
}

/** One JSON line per call, appended (O_APPEND writes of one line are atomic between processes). */
export function appendJsonLine(file: string | undefined, record: Record<string, unknown>): void {
    if (!file) {
        return;
    }
    fs.appendFileSync(file, `${JSON.stringify(record)}\n`);
}

export function readJsonLines<T = any>(file: string): T[] {
    if (!fs.existsSync(file)) {
        return [];
    }
    return fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as T);
}
