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
    return JSON.stringify(p.value);
}

/** One line per problem: what was given, what is allowed, how to fix it. */
export function describe(p: Problem): string {
    return `got ${showValue(p)}: ${p.reason}. Fix: ${p.fix}`;
}

export function summary(component: string, problems: Problem[]): string {
    const lines = problems.map((p) => `  - ${p.path}: ${describe(p)}`);
    return `${component}: ${problems.length} invalid input${problems.length === 1 ? "" : "s"}; nothing was created:\n${lines.join("\n")}`;
}

/** Joins a property path and a field; a top-level component has an empty prefix. */
export function at(path: string, field: string): string {
    return path ? `${path}.${field}` : field;
}
