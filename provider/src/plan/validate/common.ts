import { isWorld, parseCidr, parseSource } from "../cidr";
import { Known, knownList, Unknown, val } from "../known";
import { Problems } from "../problems";
import { isRegion } from "../regions";
import { reservedTagKeys } from "../tags";

type List = (string | Unknown)[] | Unknown | undefined;

/** Every element must be a CIDR (network address, no host bits). */
export function checkCidrList(p: Problems, path: string, list: List): void {
    knownList(list).items.forEach((c, i) => {
        if (!parseCidr(c)) {
            p.add(`${path}[${i}]`, c, "not an IPv4 CIDR block with its network address, such as 10.0.0.0/16", "write the range as a.b.c.d/n with host bits zero");
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
                override ? `name the hosts or ranges that need access, or set ${override} to true if you really mean it` : "name the agents' addresses or ranges",
            );
        }
    });
}

export function checkTags(p: Problems, path: string, tags: Known<{ [key: string]: unknown }> | Unknown | undefined): void {
    const t = val(tags);
    if (t === undefined || t === null) {
        return;
    }
    for (const k of reservedTagKeys(t as Record<string, unknown>)) {
        p.add(`${path}.${k}`, k, 'tag keys starting with "aws:" are reserved for AWS', "rename the tag key");
    }
}

export function checkRegion(p: Problems, path: string, v: string | Unknown | undefined): void {
    const r = val(v);
    if (r !== undefined && !isRegion(r)) {
        p.add(path, r, "not an AWS Region code such as eu-west-2", "use the Region code, not its display name");
    }
}

export function checkPositiveInt(p: Problems, path: string, v: number | Unknown | undefined): void {
    const n = val(v);
    if (n !== undefined && !(Number.isInteger(n) && n > 0)) {
        p.add(path, n, "must be a whole number of seconds greater than 0", "give a positive integer");
    }
}

/** Reports every repeated entry, naming the first occurrence. */
export function checkUnique(p: Problems, path: string, list: List, what: string, field?: string): void {
    const where = (i: number) => `${path}[${i}]${field ? `.${field}` : ""}`;
    const seen = new Map<string, number>();
    knownList(list).items.forEach((v, i) => {
        const first = seen.get(v);
        if (first !== undefined) {
            p.add(where(i), v, `duplicates ${where(first)}; each ${what} must be unique`, `remove or rename the duplicate ${what}`);
        } else {
            seen.set(v, i);
        }
    });
}
