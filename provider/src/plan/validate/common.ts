import { isIpv4, isWorld, parseCidr, parseSource } from "../cidr";
import { IdKind, idDescription, idKindOf, isId } from "../ids";
import { Known, knownList, Unknown, val } from "../known";
import { tagKeyProblem, TAGS_MAX, tagValueProblem } from "../names";
import { Problems } from "../problems";
import { isRegion } from "../regions";

type List = (string | Unknown)[] | Unknown | undefined;

/** Every element must be a CIDR (network address, no host bits). */
export function checkCidrList(p: Problems, path: string, list: List): void {
    knownList(list).items.forEach((c, i) => {
        if (!parseCidr(c)) {
            p.add(
                `${path}[${i}]`,
                c,
                "not an IPv4 CIDR block with its network address, such as 10.0.0.0/16",
                "write the range as a.b.c.d/n with host bits zero",
            );
        }
    });
}

/** Every element must be an address or a CIDR. */
export function checkSourceList(p: Problems, path: string, list: List): void {
    knownList(list).items.forEach((s, i) => {
        if (!parseSource(s)) {
            p.add(`${path}[${i}]`, s, "not an IPv4 address or CIDR block", "give an address such as 10.0.1.5 or a range such as 10.0.1.0/24");
        }
    });
}

/**
 * Ingress and activation sources: addresses or CIDRs. The world range is refused
 * unless `worldAllowed`, because every public tool that opened port 80 or the endpoint
 * to 0.0.0.0/0 "for convenience" shipped that default to production.
 */
export function checkSources(p: Problems, path: string, list: List, worldAllowed: boolean, override?: string): void {
    knownList(list).items.forEach((s, i) => {
        const c = parseSource(s);
        if (!c) {
            p.add(`${path}[${i}]`, s, "not an IPv4 address or CIDR block", "give an address such as 10.0.1.5 or a range such as 10.0.1.0/24");
        } else if (isWorld(c) && !worldAllowed) {
            p.add(
                `${path}[${i}]`,
                s,
                "0.0.0.0/0 opens the port to every address",
                override
                    ? `name the hosts or ranges that need access, or set ${override} to true if you really mean it`
                    : "name the agents' addresses or ranges",
            );
        }
    });
}

/** Tags go to EC2 resources and to the DataSync agent: each must suit both. `reserved` counts the component's own tags. */
export function checkTags(p: Problems, path: string, tags: Known<{ [key: string]: unknown }> | Unknown | undefined, reserved = 2): void {
    const t = val(tags);
    if (t === undefined || t === null || typeof t !== "object") {
        return;
    }
    const entries = Object.entries(t as Record<string, unknown>);
    for (const [k, v] of entries) {
        const keyProblem = tagKeyProblem(k);
        if (keyProblem) {
            p.add(`${path}["${k}"]`, k, keyProblem, "rename the tag key");
        }
        const valueProblem = typeof v === "string" ? tagValueProblem(v) : undefined;
        if (valueProblem) {
            p.add(`${path}["${k}"]`, v, valueProblem, "change the tag value");
        }
    }
    if (entries.length > TAGS_MAX - reserved) {
        p.add(
            path,
            entries.length,
            `${entries.length} tags; AWS takes ${TAGS_MAX} per resource and the component adds ${reserved} of its own (Name, DataSyncAgent)`,
            `keep at most ${TAGS_MAX - reserved} tags`,
        );
    }
}

export function checkRegion(p: Problems, path: string, v: string | Unknown | undefined): void {
    const r = val(v);
    if (r !== undefined && !isRegion(r)) {
        p.add(path, r, "not an AWS Region code such as eu-west-2", "use the Region code, not its display name");
    }
}

/** A whole number within [min, max], in `unit`. */
export function checkIntRange(p: Problems, path: string, v: number | Unknown | undefined, min: number, max: number, unit: string): void {
    const n = val(v);
    if (n !== undefined && !(Number.isInteger(n) && n >= min && n <= max)) {
        p.add(path, n, `must be a whole number of ${unit} from ${min} to ${max}`, `give a value in that range`);
    }
}

/** One value of a fixed set (the SDKs may let any string through; the provider still refuses it). */
export function checkEnum(p: Problems, path: string, v: unknown, allowed: readonly string[], fix: string): void {
    const x = val(v as string | Unknown | undefined);
    if (x !== undefined && !allowed.includes(x)) {
        p.add(path, x, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, fix);
    }
}

/** An AWS ID of the expected kind; a known ID of another kind is named as such. */
export function checkId(p: Problems, path: string, kind: IdKind, v: unknown): void {
    const x = val(v as string | Unknown | undefined);
    if (x === undefined || isId(kind, x)) {
        return;
    }
    const other = typeof x === "string" ? idKindOf(x) : undefined;
    const why = other ? `is a ${idDescription(other)}, not a ${idDescription(kind)}` : `not a ${idDescription(kind)}`;
    p.add(path, x, why, `give the ${idDescription(kind)}`);
}

export function checkIdList(p: Problems, path: string, kind: IdKind, list: unknown): void {
    knownList(list as List).items.forEach((x, i) => checkId(p, `${path}[${i}]`, kind, x));
}

export function checkIpv4(p: Problems, path: string, v: unknown): void {
    const x = val(v as string | Unknown | undefined);
    if (x !== undefined && !isIpv4(x)) {
        p.add(path, x, "not an IPv4 address", "give a dotted IPv4 address such as 10.0.0.2");
    }
}

/** Reports every repeated entry, naming the first occurrence. */
export function checkUnique(p: Problems, path: string, list: List, what: string, field?: string): void {
    const where = (i: number) => `${path}[${i}]${field ? `.${field}` : ""}`;
    const seen = new Map<string, number>();
    knownList(list).items.forEach((v, i) => {
        const first = seen.get(v);
        if (first !== undefined) {
            p.add(where(i), v, `duplicates ${where(first)}; each ${what} must be unique`, `remove or change the duplicate ${what}`);
        } else {
            seen.set(v, i);
        }
    });
}
