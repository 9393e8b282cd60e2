// TypeScript property types to schema types.
//
// A level of a type wrapped in `pulumi.Input<...>` accepts eventual values; a level that is not wrapped
// is `plain` (the component needs the value at plan time). `plain` is emitted on input-side properties
// only: resource outputs, and object types reachable from outputs alone, never carry it.
import * as ts from "typescript";
import { Declarations, entityName } from "./declarations";
import { SchemaError, TypeSpec } from "./spec";

/** Aliases of `number` with a schema type of their own: TypeScript has no integer type. */
const NUMBER_ALIASES: Readonly<Record<string, TypeSpec["type"]>> = { Integer: "integer" };

export interface TypeContext {
    decls: Declarations;
    /** Records that the schema needs the named interface or enum; returns the `$ref` to it. */
    reference(name: string): TypeSpec;
}

/** Where a type is mapped: the property ("Interface.name"), its file, and which side reads it. */
export interface TypeSite {
    where: string;
    sourceFile: ts.SourceFile;
    /** The type is read on the input side, where unwrapped levels are plain. */
    input: boolean;
}

/** An error naming the property, the offending part of its type and the property's whole declared type. */
function unsupported(node: ts.TypeNode, site: TypeSite, detail = ""): SchemaError {
    let declared: ts.Node = node;
    while (!ts.isPropertySignature(declared.parent)) declared = declared.parent;
    const part = node.getText(site.sourceFile);
    const whole = declared.getText(site.sourceFile);
    return new SchemaError(`${site.where}: unsupported type \`${part}\`${part === whole ? "" : ` in \`${whole}\``}${detail}`);
}

const KEYWORDS: Partial<Record<ts.SyntaxKind, TypeSpec["type"]>> = {
    [ts.SyntaxKind.StringKeyword]: "string",
    [ts.SyntaxKind.NumberKeyword]: "number",
    [ts.SyntaxKind.BooleanKeyword]: "boolean",
};

/** Maps one level of a type; `wrapped`: this level sits directly inside pulumi.Input<...>. */
export function mapType(ctx: TypeContext, node: ts.TypeNode, site: TypeSite, wrapped = false): TypeSpec {
    const plain = (spec: TypeSpec): TypeSpec => (site.input && !wrapped ? { ...spec, plain: true } : spec);
    const keyword = KEYWORDS[node.kind];
    if (keyword) {
        return plain({ type: keyword });
    }
    if (ts.isParenthesizedTypeNode(node)) {
        return mapType(ctx, node.type, site, wrapped);
    }
    if (ts.isArrayTypeNode(node)) {
        return plain({ type: "array", items: mapType(ctx, node.elementType, site) });
    }
    if (ts.isTypeLiteralNode(node)) {
        return plain(mapStringMap(ctx, node, site));
    }
    if (ts.isTypeReferenceNode(node)) {
        return mapReference(ctx, node, site, plain);
    }
    throw unsupported(node, site);
}

/** `{ [key: string]: T }`, the only object literal type a schema can express. */
function mapStringMap(ctx: TypeContext, node: ts.TypeLiteralNode, site: TypeSite): TypeSpec {
    const [sig] = node.members;
    if (
        node.members.length === 1 &&
        ts.isIndexSignatureDeclaration(sig) &&
        sig.parameters.length === 1 &&
        sig.parameters[0].type?.kind === ts.SyntaxKind.StringKeyword
    ) {
        return { type: "object", additionalProperties: mapType(ctx, sig.type, site) };
    }
    throw unsupported(node, site, " (only `{ [key: string]: T }` object literals)");
}

function mapReference(ctx: TypeContext, node: ts.TypeReferenceNode, site: TypeSite, plain: (s: TypeSpec) => TypeSpec): TypeSpec {
    const name = entityName(node.typeName);
    const args = node.typeArguments ?? [];
    if (name === "pulumi.Input" || name === "Input") {
        if (args.length !== 1) {
            throw unsupported(node, site);
        }
        return mapType(ctx, args[0], site, true);
    }
    if (args.length > 0) {
        throw unsupported(node, site);
    }
    const { interfaces, enums, aliases } = ctx.decls;
    if (interfaces.has(name) || enums.has(name)) {
        return plain(ctx.reference(name));
    }
    if (NUMBER_ALIASES[name] && aliases.get(name) === "number") {
        return plain({ type: NUMBER_ALIASES[name] });
    }
    if (aliases.has(name)) {
        throw unsupported(
            node,
            site,
            ` (type alias ${name} = ${aliases.get(name)} is neither an exported string-literal union, an interface, nor one of ` +
                `the number aliases ${Object.keys(NUMBER_ALIASES).join(", ")})`,
        );
    }
    throw unsupported(node, site, ` (${name} is not declared in the args sources)`);
}

/** "transitGateway" → "TransitGateway", "pre-shared" → "PreShared". */
export function enumMemberName(value: string): string {
    return value
        .split(/[^A-Za-z0-9]+/)
        .filter((p) => p.length > 0)
        .map((p) => p[0].toUpperCase() + p.slice(1))
        .join("");
}
