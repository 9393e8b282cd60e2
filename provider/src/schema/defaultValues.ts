// Resolves the defaults the args JSDoc names (`@default a.b`, `{@default a.b}`) in the defaults table
// (plan/defaults.ts), and remembers which were named so that an entry nobody names is reported.
import { SchemaError } from "./spec";

export type DefaultsTable = { readonly [key: string]: unknown };

type Primitive = string | number | boolean;

const INLINE = /\{@default\s+([^}\s]+)\s*\}/g;

function isPrimitive(v: unknown): v is Primitive {
    return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function isTable(v: unknown): v is DefaultsTable {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Every path to a primitive in the table, e.g. "activation.timeoutSeconds", "instance.type.basic". */
function primitivePaths(table: DefaultsTable, prefix = ""): string[] {
    return Object.entries(table).flatMap(([k, v]) => (isTable(v) ? primitivePaths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** `"m5.2xlarge" (basic) or "m6a.2xlarge" (enhanced)` for a table of choices; JSON for a single value. */
function render(value: unknown): string {
    if (isPrimitive(value)) {
        return JSON.stringify(value);
    }
    const parts = Object.entries(value as DefaultsTable).map(([k, v]) => `${render(v)} (${k})`);
    return parts.length < 2 ? parts.join("") : `${parts.slice(0, -1).join(", ")} or ${parts[parts.length - 1]}`;
}

export class DefaultValues {
    private readonly used = new Set<string>();

    constructor(private readonly table: DefaultsTable) {}

    private lookup(path: string, where: string): unknown {
        let node: unknown = this.table;
        for (const key of path.split(".")) {
            if (!isTable(node) || !(key in node)) {
                throw new SchemaError(`${where}: default "${path}" is not in the defaults table (plan/defaults.ts)`);
            }
            node = node[key];
        }
        this.used.add(path);
        return node;
    }

    /** The value of a `@default` tag: a single string, number or boolean. */
    value(path: string, where: string): Primitive {
        if (path === "") {
            throw new SchemaError(`${where}: @default tag without a path into the defaults table`);
        }
        const v = this.lookup(path, where);
        if (!isPrimitive(v)) {
            throw new SchemaError(`${where}: default "${path}" is not a single value; name it inline as {@default ${path}} in the description`);
        }
        return v;
    }

    /** The description with every `{@default a.b}` replaced by the value it names. */
    expand(text: string, where: string): string {
        return text.replace(INLINE, (_, path: string) => render(this.lookup(path, where)));
    }

    /** Table entries no property named: a default the schema and docs would not show. */
    unused(): string[] {
        const covered = (p: string) => [...this.used].some((u) => p === u || p.startsWith(`${u}.`));
        return primitivePaths(this.table).filter((p) => !covered(p));
    }
}
