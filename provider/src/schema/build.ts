// Resources and types of the schema, from the args sources and the component registry.
import { ComponentEntry, PACKAGE, REGISTRY } from "../components/tokens";
import { DEFAULTS } from "../plan/defaults";
import { DefaultsTable, DefaultValues } from "./defaultValues";
import { Declarations, readDeclarations, readDoc, reachableTypes } from "./declarations";
import { PropertyContext, propertiesOf } from "./properties";
import { checkOneDescriptionPerName, DIFFERENT_MEANINGS, propertySets } from "./rules";
import { EnumTypeSpec, ObjectTypeSpec, ResourceSpec, SchemaError, SourceSchema, SourceText, sortedRecord, TypeSpec } from "./spec";
import { enumMemberName } from "./types";

export interface SchemaFromSourceOptions {
    /** Package name used in tokens. Defaults to the registry's PACKAGE. */
    packageName?: string;
    /** Components to emit. Defaults to the registry. */
    components?: Readonly<Record<string, ComponentEntry>>;
    /** The defaults table `@default` paths point into. Defaults to plan/defaults.ts. */
    defaults?: DefaultsTable;
    /** Input names allowed to carry different descriptions, with the reason. Defaults to DIFFERENT_MEANINGS. */
    differentMeanings?: Readonly<Record<string, string>>;
}

interface BuildContext extends PropertyContext {
    token(name: string): string;
    /** Interfaces and enums referenced so far and not yet emitted, in order of first reference. */
    pending: string[];
}

function newContext(decls: Declarations, packageName: string, defaults: DefaultsTable): BuildContext {
    const referenced = new Set<string>();
    const ctx: BuildContext = {
        decls,
        defaults: new DefaultValues(defaults),
        pending: [],
        token: (name) => `${packageName}:index:${name}`,
        reference: (name): TypeSpec => {
            if (!referenced.has(name)) {
                referenced.add(name);
                ctx.pending.push(name);
            }
            return { $ref: `#/types/${ctx.token(name)}` };
        },
    };
    return ctx;
}

function resourceSpec(ctx: BuildContext, name: string, component: ComponentEntry): ResourceSpec {
    if (!component.description) {
        throw new SchemaError(`component ${name}: missing description`);
    }
    const inputs = propertiesOf(ctx, component.args, true);
    const outputs = propertiesOf(ctx, component.outputs, false);
    return {
        description: component.description,
        isComponent: true,
        inputProperties: inputs.properties,
        requiredInputs: inputs.required,
        properties: outputs.properties,
        required: outputs.required,
    };
}

function enumTypeSpec(ctx: BuildContext, name: string): EnumTypeSpec {
    const decl = ctx.decls.enums.get(name)!;
    if (decl.doc.text === "") {
        throw new SchemaError(`${name}: missing description (add a JSDoc comment to the type alias)`);
    }
    const seen = new Map<string, string>();
    const members = decl.values.map((value) => {
        const memberName = enumMemberName(value);
        if (!/^[A-Za-z]/.test(memberName)) {
            throw new SchemaError(`${name}: enum value "${value}" gives no usable member name`);
        }
        if (seen.has(memberName)) {
            throw new SchemaError(`${name}: enum values "${seen.get(memberName)}" and "${value}" share the name ${memberName}`);
        }
        seen.set(memberName, value);
        return { name: memberName, value };
    });
    return { description: ctx.defaults.expand(decl.doc.text, name), type: "string", enum: members };
}

function objectTypeSpec(ctx: BuildContext, name: string, input: boolean): ObjectTypeSpec {
    const doc = readDoc(ctx.decls.interfaces.get(name)!.node);
    if (doc.text === "") {
        throw new SchemaError(`${name}: missing description (add a JSDoc comment to the interface)`);
    }
    const { properties, required } = propertiesOf(ctx, name, input);
    return { description: ctx.defaults.expand(doc.text, name), type: "object", properties, required };
}

/** Emits every referenced type, including those referenced while emitting. */
function drainTypes(ctx: BuildContext, inputTypes: Set<string>): [string, ObjectTypeSpec | EnumTypeSpec][] {
    const types: [string, ObjectTypeSpec | EnumTypeSpec][] = [];
    while (ctx.pending.length > 0) {
        const name = ctx.pending.shift()!;
        const spec = ctx.decls.enums.has(name) ? enumTypeSpec(ctx, name) : objectTypeSpec(ctx, name, inputTypes.has(name));
        types.push([ctx.token(name), spec]);
    }
    return types;
}

/**
 * Builds resources and types from TypeScript source texts, and enforces the contract rules (rules.ts).
 * Lower-level than buildSchema: tests call it with small inline sources. Throws SchemaError naming the
 * interface.property for anything it cannot express or the rules refuse.
 */
export function schemaFromSource(files: SourceText[], options: SchemaFromSourceOptions = {}): SourceSchema {
    const components = options.components ?? REGISTRY;
    const decls = readDeclarations(files);
    const ctx = newContext(decls, options.packageName ?? PACKAGE, options.defaults ?? DEFAULTS);
    const inputTypes = reachableTypes(
        decls,
        Object.values(components).map((c) => c.args),
    );
    const resources = Object.entries(components).map(([name, c]): [string, ResourceSpec] => [ctx.token(name), resourceSpec(ctx, name, c)]);
    const schema = { resources: sortedRecord(resources), types: sortedRecord(drainTypes(ctx, inputTypes)) };
    const unused = ctx.defaults.unused();
    if (unused.length > 0) {
        throw new SchemaError(`defaults no property names (add @default or {@default} to its JSDoc, or remove it): ${unused.join(", ")}`);
    }
    const inputTokens = new Set([...inputTypes].map((n) => ctx.token(n)));
    checkOneDescriptionPerName(propertySets(schema, inputTokens), options.differentMeanings ?? DIFFERENT_MEANINGS);
    return schema;
}
