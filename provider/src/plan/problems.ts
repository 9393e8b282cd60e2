// Validation problems are collected across every input and reported together, so a
// user fixes a program in one pass instead of one error per `pulumi up`.

export interface Problem {
    /** Property path as the user wrote it, e.g. "agents[1].instance.instanceType". */
    path: string;
    /** The offending value; undefined when something required is missing. */
    value: unknown;
    /** What is wrong and what is allowed. */
    reason: string;
    /** How to fix it. */
    fix: string;
    /** Do not print the value (keys, private keys). */
    secret?: boolean;
}

export class Problems {
    readonly list: Problem[] = [];
    /** Conditions worth telling the user that do not stop the deployment. */
    readonly warnings: string[] = [];

    warn(text: string): void {
        this.warnings.push(text);
    }

    add(path: string, value: unknown, reason: string, fix: string, secret = false): void {
        this.list.push({ path, value, reason, fix, secret });
    }

    get empty(): boolean {
        return this.list.length === 0;
    }
}

export function showValue(p: Problem): string {
    if (p.secret) {
        return "a secret value";
    }
    if (p.value === undefined) {
        return "nothing";
    }
    // Only plain values are shown: an object could hold a secret field.
    const plain = (v: unknown): boolean => v === null || ["string", "number", "boolean"].includes(typeof v) || (Array.isArray(v) && v.every(plain));
    return plain(p.value) ? JSON.stringify(p.value) : "an object";
}

/** One line per problem: what was given, what is allowed, how to fix it. */
export function describe(p: Problem): string {
    return `got ${showValue(p)}: ${p.reason}. Fix: ${p.fix}`;
}

/**
 * The error's headline. Problems the engine will list itself (with the value it holds at each
 * property path) are only counted; problems whose value must not be printed are spelled out here,
 * as text, with their path but never their value.
 */
export function summary(component: string, count: number, textOnly: Problem[] = []): string {
    const head = `${component}: ${count} invalid input${count === 1 ? "" : "s"}; nothing was created`;
    const lines = textOnly.map((p) => `  - ${p.path}: ${p.reason}. Fix: ${p.fix}`);
    return lines.length === 0 ? head : `${head}:\n${lines.join("\n")}`;
}

/** Joins a property path and a field; a top-level component has an empty prefix. */
export function at(path: string, field: string): string {
    return path ? `${path}.${field}` : field;
}
