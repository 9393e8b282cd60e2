// Contract rules the generator enforces, in the spirit of tflint's terraform_documented_variables:
// every optional input says what happens when it is left out, a default is data and never prose,
// and a property name means one thing.
import { SchemaError, SourceSchema } from "./spec";

/**
 * Input names that carry different descriptions because they are different settings. Each entry says
 * why; the generator fails when an entry no longer differs, so the list cannot go stale.
 */
export const DIFFERENT_MEANINGS: Readonly<Record<string, string>> = {
    mode:
        "ActivationSettings.mode is where the activation request runs from; LinkSettings.mode is the kind of network " +
        "link. Both are the natural name inside their object.",
};

const LITERAL_DEFAULT_PROSE = /\bDefaults to (?:-?\d|["']|true\b|false\b)/;
const STATES_DEFAULT = /\bDefaults\b/;
const STATES_REQUIREMENT = /\b[Rr]equired\b/;

/** What the rules need to know about one property's JSDoc. */
export interface DocFacts {
    where: string;
    /** The description as written, before `{@default}` is expanded. */
    raw: string;
    /** It has a `@default` tag. */
    structured: boolean;
    optional: boolean;
    input: boolean;
}

/** One property's documentation rules. */
export function checkPropertyDoc(f: DocFacts): void {
    if (LITERAL_DEFAULT_PROSE.test(f.raw)) {
        throw new SchemaError(
            `${f.where}: the description states a literal default; put the value in plan/defaults.ts and name it ` +
                "with @default (or {@default ...} when it depends on other inputs)",
        );
    }
    if (f.structured && STATES_DEFAULT.test(f.raw)) {
        throw new SchemaError(`${f.where}: has @default and also describes a default in prose; keep one`);
    }
    if (!f.input && f.structured) {
        throw new SchemaError(`${f.where}: @default on an output`);
    }
    if (f.input && f.optional && !f.structured && !STATES_DEFAULT.test(f.raw) && !STATES_REQUIREMENT.test(f.raw)) {
        throw new SchemaError(
            `${f.where}: optional input without a default: add @default (a value in plan/defaults.ts), or a sentence ` +
                'saying what happens when it is left out ("Defaults to none: ...") or when it is required',
        );
    }
}

type PropertySets = [owner: string, properties: Record<string, { description: string }>][];

/** The input and output property sets of a schema (input-side types are those reachable from some component's args). */
export function propertySets(schema: SourceSchema, inputTypes: ReadonlySet<string>): { inputs: PropertySets; outputs: PropertySets } {
    const inputs: PropertySets = [];
    const outputs: PropertySets = [];
    for (const [token, r] of Object.entries(schema.resources)) {
        inputs.push([token, r.inputProperties]);
        outputs.push([token, r.properties]);
    }
    for (const [token, t] of Object.entries(schema.types)) {
        if ("properties" in t) {
            (inputTypes.has(token) ? inputs : outputs).push([token, t.properties]);
        }
    }
    return { inputs, outputs };
}

/** Property names with more than one description in the sets: name → owner → description. */
export function conflictingDescriptions(sets: PropertySets): Map<string, Map<string, string>> {
    const byName = new Map<string, Map<string, string>>();
    for (const [owner, props] of sets) {
        for (const [name, p] of Object.entries(props)) {
            byName.set(name, (byName.get(name) ?? new Map()).set(owner, p.description));
        }
    }
    return new Map([...byName].filter(([, owners]) => new Set(owners.values()).size > 1));
}

/** Fails when an input (or an output) name carries two descriptions, unless listed in `allowed`. */
export function checkOneDescriptionPerName(sides: { inputs: PropertySets; outputs: PropertySets }, allowed: Readonly<Record<string, string>>): void {
    for (const [side, sets] of Object.entries(sides)) {
        const conflicts = conflictingDescriptions(sets);
        for (const [name, owners] of conflicts) {
            if (side === "inputs" && name in allowed) continue;
            const list = [...owners].map(([owner, text]) => `  ${owner}: ${text}`).join("\n");
            throw new SchemaError(
                `${side.slice(0, -1)} "${name}" has ${new Set(owners.values()).size} descriptions; declare it once in a ` +
                    `shared interface that the others extend, or list it in DIFFERENT_MEANINGS with the reason:\n${list}`,
            );
        }
        if (side === "inputs") {
            const stale = Object.keys(allowed).filter((name) => !conflicts.has(name));
            if (stale.length > 0) {
                throw new SchemaError(`DIFFERENT_MEANINGS lists ${stale.join(", ")}, which no longer differ; remove them`);
            }
        }
    }
}
