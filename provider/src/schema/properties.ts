// One interface's properties as schema properties: type, description, default, secret, required.
import { DefaultValues } from "./defaultValues";
import { Declarations, Member, membersOf, readDoc } from "./declarations";
import { checkPropertyDoc } from "./rules";
import { PropertySpec, SchemaError, sortedRecord } from "./spec";
import { mapType, TypeContext } from "./types";

/** What building properties needs beside the declarations. */
export interface PropertyContext extends TypeContext {
    defaults: DefaultValues;
    decls: Declarations;
}

const TAGS = new Set(["default", "secret"]);

function enumValues(ctx: PropertyContext, spec: PropertySpec): string[] | undefined {
    const name = spec.$ref?.split(":").pop();
    return name === undefined ? undefined : ctx.decls.enums.get(name)?.values;
}

/** A `@default` value must fit the property's type: the SDKs compile it into typed code. */
function checkDefaultFits(ctx: PropertyContext, where: string, spec: PropertySpec, value: unknown): void {
    const values = enumValues(ctx, spec);
    const fits =
        values !== undefined
            ? typeof value === "string" && values.includes(value)
            : spec.type === "integer"
              ? Number.isInteger(value)
              : (spec.type === "string" || spec.type === "number" || spec.type === "boolean") && typeof value === spec.type;
    if (!fits) {
        throw new SchemaError(`${where}: default ${JSON.stringify(value)} does not fit the property's type`);
    }
}

function propertySpec(ctx: PropertyContext, name: string, member: Member, input: boolean): PropertySpec {
    const where = `${member.owner}.${name}`;
    const doc = readDoc(member.node);
    if (doc.text === "") {
        throw new SchemaError(`${where}: missing description (add a /** ... */ comment on the line before the property)`);
    }
    for (const tag of doc.tags.keys()) {
        if (!TAGS.has(tag)) {
            throw new SchemaError(`${where}: unknown JSDoc tag @${tag} (known: ${[...TAGS].map((t) => `@${t}`).join(", ")})`);
        }
    }
    const structured = doc.tags.has("default");
    checkPropertyDoc({ where, raw: doc.text, structured, optional: member.node.questionToken !== undefined, input });
    const type = mapType(ctx, member.node.type!, { where, sourceFile: member.sourceFile, input });
    const spec: PropertySpec = { ...type, description: ctx.defaults.expand(doc.text, where) };
    if (structured) {
        spec.default = ctx.defaults.value(doc.tags.get("default")!, where);
        checkDefaultFits(ctx, where, spec, spec.default);
    }
    if (doc.tags.has("secret")) {
        spec.secret = true;
    }
    return spec;
}

/** The properties of an interface (own and inherited), sorted, and the names of the required ones. */
export function propertiesOf(ctx: PropertyContext, iface: string, input: boolean): { properties: Record<string, PropertySpec>; required: string[] } {
    const props: [string, PropertySpec][] = [];
    const required: string[] = [];
    for (const [name, member] of membersOf(ctx.decls, iface)) {
        props.push([name, propertySpec(ctx, name, member, input)]);
        if (!member.node.questionToken) {
            required.push(name);
        }
    }
    return { properties: sortedRecord(props), required: required.sort() };
}
