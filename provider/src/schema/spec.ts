// The parts of the Pulumi package schema this generator writes, and its one error type.

/** Raised for anything in the args sources the schema cannot express or the contract rules refuse. */
export class SchemaError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "SchemaError";
    }
}

/** One args source file. */
export interface SourceText {
    /** File name, used in error messages. */
    name: string;
    text: string;
}

export interface TypeSpec {
    type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
    $ref?: string;
    items?: TypeSpec;
    additionalProperties?: TypeSpec;
    /** Set on input-side levels not wrapped in pulumi.Input: no eventual (Output) values accepted. */
    plain?: true;
}

export interface PropertySpec extends TypeSpec {
    description: string;
    default?: unknown;
    secret?: boolean;
}

export interface ResourceSpec {
    description: string;
    isComponent: true;
    inputProperties: Record<string, PropertySpec>;
    requiredInputs: string[];
    properties: Record<string, PropertySpec>;
    required: string[];
}

export interface ObjectTypeSpec {
    description: string;
    type: "object";
    properties: Record<string, PropertySpec>;
    required: string[];
}

export interface EnumTypeSpec {
    description: string;
    type: "string";
    enum: { name: string; value: string }[];
}

/** The part of the schema derived from the TypeScript sources. */
export interface SourceSchema {
    resources: Record<string, ResourceSpec>;
    types: Record<string, ObjectTypeSpec | EnumTypeSpec>;
}

/** Entries sorted by key, so schema.json does not depend on declaration order. */
export function sortedRecord<T>(entries: [string, T][]): Record<string, T> {
    const out: Record<string, T> = {};
    for (const [k, v] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        out[k] = v;
    }
    return out;
}
