// Builds the Pulumi package schema (schema.json) from the TypeScript args interfaces in provider/src/args.
//
// The args interfaces are the single place inputs are documented: the JSDoc of each property is its
// description (defaults are stated in that text, e.g. "Defaults to false."). This module reads them with the
// TypeScript compiler API (syntax only, no type checker) and turns them into the multi-language contract.
//
// Mapping: a level of a property's type wrapped in `pulumi.Input<...>` accepts eventual values; a level that is
// not wrapped is `plain` (the component needs the value at plan time). `plain` is emitted on input-side
// properties only: resource outputs, and object types reachable from outputs alone, never carry it.
//
// Used by scripts/gen-schema.ts and tests/unit/schema.test.ts only. It imports `typescript`, a dev dependency:
// never import it from the provider's runtime code.

import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export const PACKAGE_NAME = "datasync-privatelink";

/** A component resource: the interfaces its inputs and outputs come from, and its one-sentence description. */
export interface ComponentSpec {
    args: string;
    outputs: string;
    description: string;
}

/** The components of the package. Everything else in the schema is reached from these interfaces. */
export const COMPONENTS: Readonly<Record<string, ComponentSpec>> = {
    ServiceEndpoint: {
        args: "ServiceEndpointArgs",
        outputs: "ServiceEndpointOutputs",
        description: "A DataSync interface VPC endpoint (private DNS off) with its security group, in the destination VPC.",
    },
    NetworkLink: {
        args: "NetworkLinkArgs",
        outputs: "NetworkLinkOutputs",
        description:
            "Routes between the agents' network and the endpoint's VPC over VPC peering, a transit gateway, " +
            "or existing Direct Connect / VPN.",
    },
    Agent: {
        args: "AgentArgs",
        outputs: "AgentOutputs",
        description:
            "One DataSync agent: an EC2 agent launched from AWS's AMI or an existing VM, activated privately " +
            "against the endpoint and registered with CreateAgent.",
    },
    PrivateAgent: {
        args: "PrivateAgentArgs",
        outputs: "PrivateAgentOutputs",
        description:
            "A private DataSync agent fleet in one call: the endpoint, an optional network link, and agents " +
            "activated over PrivateLink, across accounts and Regions.",
    },
};

/**
 * Properties marked secret although their JSDoc has no `@secret` tag, as "<DeclaringInterface>.<property>".
 * Empty: the args files mark secrets with `@secret` (ActivationSettings.manualKey, JumpHost.privateKey,
 * SshProxy.privateKey). Kept as a fallback for sources that cannot carry the tag.
 */
export const LEGACY_SECRET_PROPERTIES: ReadonlySet<string> = new Set<string>();

/** Raised for anything in the args sources the schema cannot express. */
export class SchemaError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "SchemaError";
    }
}

export interface SourceText {
    /** File name, used in error messages. */
    name: string;
    text: string;
}

export interface SchemaFromSourceOptions {
    /** Package name used in tokens. Defaults to PACKAGE_NAME. */
    packageName?: string;
    /** Components to emit. Defaults to COMPONENTS. */
    components?: Readonly<Record<string, ComponentSpec>>;
    /** Extra secret properties without a `@secret` tag. Defaults to LEGACY_SECRET_PROPERTIES. */
    secretProperties?: ReadonlySet<string>;
}

/** The part of the schema derived from the TypeScript sources. */
export interface SourceSchema {
    resources: Record<string, ResourceSpec>;
    types: Record<string, ObjectTypeSpec | EnumTypeSpec>;
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

interface Doc {
    text: string;
    tags: Map<string, string>;
}

interface InterfaceDecl {
    node: ts.InterfaceDeclaration;
    sourceFile: ts.SourceFile;
}

interface EnumDecl {
    values: string[];
    doc: Doc;
}

interface Member {
    owner: string;
    node: ts.PropertySignature;
    sourceFile: ts.SourceFile;
}

/** JSDoc text of a node: lines of a paragraph joined with a space, paragraphs separated by a blank line. */
function readDoc(node: ts.Node): Doc {
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    const doc = docs[docs.length - 1];
    const tags = new Map<string, string>();
    if (!doc) {
        return { text: "", tags };
    }
    for (const tag of doc.tags ?? []) {
        tags.set(tag.tagName.text, (ts.getTextOfJSDocComment(tag.comment) ?? "").trim());
    }
    const raw = ts.getTextOfJSDocComment(doc.comment) ?? "";
    const paragraphs: string[] = [];
    let current: string[] = [];
    for (const line of raw.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed === "") {
            if (current.length > 0) {
                paragraphs.push(current.join(" "));
                current = [];
            }
        } else {
            current.push(trimmed);
        }
    }
    if (current.length > 0) {
        paragraphs.push(current.join(" "));
    }
    return { text: paragraphs.join("\n\n"), tags };
}

function stringLiteralUnion(node: ts.TypeNode): string[] | undefined {
    const parts = ts.isUnionTypeNode(node) ? node.types : [node];
    const values: string[] = [];
    for (const part of parts) {
        if (!ts.isLiteralTypeNode(part) || !ts.isStringLiteral(part.literal)) {
            return undefined;
        }
        values.push(part.literal.text);
    }
    return values;
}

/** "transitGateway" → "TransitGateway", "pre-shared" → "PreShared". */
export function enumMemberName(value: string): string {
    return value
        .split(/[^A-Za-z0-9]+/)
        .filter((p) => p.length > 0)
        .map((p) => p[0].toUpperCase() + p.slice(1))
        .join("");
}

function entityName(name: ts.EntityName): string {
    return ts.isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;
}

function sortedRecord<T>(entries: [string, T][]): Record<string, T> {
    const out: Record<string, T> = {};
    for (const [k, v] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        out[k] = v;
    }
    return out;
}

/**
 * Builds resources and types from TypeScript source texts. Lower-level than buildSchema: tests call it with
 * small inline sources. Throws SchemaError naming the interface.property for anything it cannot express.
 */
export function schemaFromSource(files: SourceText[], options: SchemaFromSourceOptions = {}): SourceSchema {
    const packageName = options.packageName ?? PACKAGE_NAME;
    const components = options.components ?? COMPONENTS;
    const secretProperties = options.secretProperties ?? LEGACY_SECRET_PROPERTIES;
    const token = (name: string) => `${packageName}:index:${name}`;

    const interfaces = new Map<string, InterfaceDecl>();
    const enums = new Map<string, EnumDecl>();
    const otherAliases = new Map<string, string>();
    const declaredIn = new Map<string, string>();

    const declare = (name: string, file: string) => {
        const previous = declaredIn.get(name);
        if (previous !== undefined) {
            throw new SchemaError(`${name} is declared twice (${previous} and ${file}); schema type names must be unique`);
        }
        declaredIn.set(name, file);
    };

    for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const sf = ts.createSourceFile(file.name, file.text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
        for (const stmt of sf.statements) {
            if (ts.isInterfaceDeclaration(stmt)) {
                declare(stmt.name.text, file.name);
                interfaces.set(stmt.name.text, { node: stmt, sourceFile: sf });
            } else if (ts.isTypeAliasDeclaration(stmt)) {
                declare(stmt.name.text, file.name);
                const exported = stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
                const values = stmt.typeParameters ? undefined : stringLiteralUnion(stmt.type);
                if (exported && values) {
                    enums.set(stmt.name.text, { values, doc: readDoc(stmt) });
                } else {
                    otherAliases.set(stmt.name.text, stmt.type.getText(sf));
                }
            }
        }
    }

    // Members of an interface, inherited ones first (own declarations override them).
    const membersOf = (name: string, chain: string[] = []): Map<string, Member> => {
        const decl = interfaces.get(name);
        if (!decl) {
            throw new SchemaError(`interface ${name} not found in the args sources`);
        }
        if (chain.includes(name)) {
            throw new SchemaError(`interface ${name} extends itself (${[...chain, name].join(" → ")})`);
        }
        const members = new Map<string, Member>();
        for (const clause of decl.node.heritageClauses ?? []) {
            for (const base of clause.types) {
                if (!ts.isIdentifier(base.expression) || base.typeArguments) {
                    throw new SchemaError(
                        `${name}: unsupported base \`${base.getText(decl.sourceFile)}\` (only plain interface names)`,
                    );
                }
                if (!interfaces.has(base.expression.text)) {
                    throw new SchemaError(
                        `${name}: base \`${base.expression.text}\` is not an interface declared in the args sources`,
                    );
                }
                for (const [k, v] of membersOf(base.expression.text, [...chain, name])) {
                    members.set(k, v);
                }
            }
        }
        for (const m of decl.node.members) {
            if (!ts.isPropertySignature(m) || !m.type || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) {
                throw new SchemaError(
                    `${name}: unsupported member \`${m.getText(decl.sourceFile)}\` (only typed properties are allowed)`,
                );
            }
            members.set(m.name.text, { owner: name, node: m, sourceFile: decl.sourceFile });
        }
        return members;
    };

    // Interfaces and enums named anywhere in a type (syntactically); unknown names are reported by mapType.
    const namesIn = (node: ts.Node, out: Set<string>) => {
        if (ts.isTypeReferenceNode(node)) {
            const name = entityName(node.typeName);
            if (interfaces.has(name) || enums.has(name)) {
                out.add(name);
            }
        }
        ts.forEachChild(node, (child) => namesIn(child, out));
    };
    // Object types read on the input side: reachable from some component's args.
    const inputTypes = new Set<string>();
    const walk = Object.values(components).map((c) => c.args);
    while (walk.length > 0) {
        const name = walk.pop()!;
        if (!interfaces.has(name)) {
            continue; // an enum, or a missing interface that membersOf reports below
        }
        const found = new Set<string>();
        for (const member of membersOf(name).values()) {
            namesIn(member.node.type!, found);
        }
        for (const ref of found) {
            if (!inputTypes.has(ref)) {
                inputTypes.add(ref);
                walk.push(ref);
            }
        }
    }

    const pending: string[] = [];
    const typeNames = new Set<string>();
    const reference = (name: string): TypeSpec => {
        if (!typeNames.has(name)) {
            typeNames.add(name);
            pending.push(name);
        }
        return { $ref: `#/types/${token(name)}` };
    };

    // `input`: the type is read on the input side, where unwrapped levels are plain.
    // `wrapped`: this level sits directly inside pulumi.Input<...>.
    // Errors name the property, the offending part of the type and the property's whole declared type.
    const mapType = (node: ts.TypeNode, where: string, sf: ts.SourceFile, input: boolean, wrapped = false): TypeSpec => {
        const plain = (spec: TypeSpec): TypeSpec => (input && !wrapped ? { ...spec, plain: true } : spec);
        const unsupported = (detail = "") => {
            let declared: ts.Node = node;
            while (!ts.isPropertySignature(declared.parent)) declared = declared.parent;
            const part = node.getText(sf);
            const whole = declared.getText(sf);
            return new SchemaError(
                `${where}: unsupported type \`${part}\`${part === whole ? "" : ` in \`${whole}\``}${detail}`,
            );
        };
        switch (node.kind) {
            case ts.SyntaxKind.StringKeyword:
                return plain({ type: "string" });
            case ts.SyntaxKind.NumberKeyword:
                return plain({ type: "number" });
            case ts.SyntaxKind.BooleanKeyword:
                return plain({ type: "boolean" });
        }
        if (ts.isParenthesizedTypeNode(node)) {
            return mapType(node.type, where, sf, input, wrapped);
        }
        if (ts.isArrayTypeNode(node)) {
            return plain({ type: "array", items: mapType(node.elementType, where, sf, input) });
        }
        if (ts.isTypeLiteralNode(node)) {
            const [sig] = node.members;
            if (
                node.members.length === 1 &&
                ts.isIndexSignatureDeclaration(sig) &&
                sig.parameters.length === 1 &&
                sig.parameters[0].type?.kind === ts.SyntaxKind.StringKeyword
            ) {
                return plain({ type: "object", additionalProperties: mapType(sig.type, where, sf, input) });
            }
            throw unsupported(" (only `{ [key: string]: T }` object literals)");
        }
        if (ts.isTypeReferenceNode(node)) {
            const name = entityName(node.typeName);
            const args = node.typeArguments ?? [];
            if (name === "pulumi.Input" || name === "Input") {
                if (args.length !== 1) {
                    throw unsupported();
                }
                return mapType(args[0], where, sf, input, true);
            }
            if (args.length > 0) {
                throw unsupported();
            }
            if (interfaces.has(name) || enums.has(name)) {
                return plain(reference(name));
            }
            if (otherAliases.has(name)) {
                throw unsupported(
                    ` (type alias ${name} = ${otherAliases.get(name)} is neither an exported string-literal union nor an interface)`,
                );
            }
            throw unsupported(` (${name} is not declared in the args sources)`);
        }
        throw unsupported();
    };

    const toInteger = (spec: TypeSpec): boolean => {
        if (spec.type === "number") {
            spec.type = "integer";
            return true;
        }
        return (
            (spec.items !== undefined && toInteger(spec.items)) ||
            (spec.additionalProperties !== undefined && toInteger(spec.additionalProperties))
        );
    };

    const properties = (iface: string, input: boolean) => {
        const props: [string, PropertySpec][] = [];
        const required: string[] = [];
        for (const [name, member] of membersOf(iface)) {
            const where = `${member.owner}.${name}`;
            const doc = readDoc(member.node);
            if (doc.text === "") {
                throw new SchemaError(`${where}: missing description (add a /** ... */ comment on the line before the property)`);
            }
            const spec: PropertySpec = { ...mapType(member.node.type!, where, member.sourceFile, input), description: doc.text };
            if (doc.tags.has("integer") && !toInteger(spec)) {
                throw new SchemaError(`${where}: @integer on a property that is not a number`);
            }
            if (doc.tags.has("default")) {
                const raw = doc.tags.get("default")!;
                if (raw === "") {
                    throw new SchemaError(`${where}: @default tag without a value`);
                }
                let value: unknown = raw;
                try {
                    value = JSON.parse(raw);
                } catch {
                    // a bare word is a string default
                }
                spec.default = value;
            }
            if (doc.tags.has("secret") || secretProperties.has(where)) {
                spec.secret = true;
            }
            props.push([name, spec]);
            if (!member.node.questionToken) {
                required.push(name);
            }
        }
        return { properties: sortedRecord(props), required: required.sort() };
    };

    const resources: [string, ResourceSpec][] = [];
    for (const [name, component] of Object.entries(components)) {
        if (!component.description) {
            throw new SchemaError(`component ${name}: missing description`);
        }
        const inputs = properties(component.args, true);
        const outputs = properties(component.outputs, false);
        resources.push([
            token(name),
            {
                description: component.description,
                isComponent: true,
                inputProperties: inputs.properties,
                requiredInputs: inputs.required,
                properties: outputs.properties,
                required: outputs.required,
            },
        ]);
    }

    const types: [string, ObjectTypeSpec | EnumTypeSpec][] = [];
    while (pending.length > 0) {
        const name = pending.shift()!;
        const enumDecl = enums.get(name);
        if (enumDecl) {
            if (enumDecl.doc.text === "") {
                throw new SchemaError(`${name}: missing description (add a JSDoc comment to the type alias)`);
            }
            const seen = new Map<string, string>();
            const members = enumDecl.values.map((value) => {
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
            types.push([token(name), { description: enumDecl.doc.text, type: "string", enum: members }]);
            continue;
        }
        const decl = interfaces.get(name)!;
        const doc = readDoc(decl.node);
        if (doc.text === "") {
            throw new SchemaError(`${name}: missing description (add a JSDoc comment to the interface)`);
        }
        const { properties: props, required } = properties(name, inputTypes.has(name));
        types.push([token(name), { description: doc.text, type: "object", properties: props, required }]);
    }

    return { resources: sortedRecord(resources), types: sortedRecord(types) };
}

/** Reads every provider/src/args/*.ts file of a repository. */
export function readArgsSources(repoRoot: string): SourceText[] {
    const dir = path.join(repoRoot, "provider", "src", "args");
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
        .sort()
        .map((f) => ({ name: `provider/src/args/${f}`, text: fs.readFileSync(path.join(dir, f), "utf8") }));
}

/** The complete package schema for the repository at repoRoot (package description from its package.json). */
export function buildSchema(repoRoot: string, version: string): object {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { description?: string };
    if (!pkg.description) {
        throw new SchemaError("package.json has no description");
    }
    const { resources, types } = schemaFromSource(readArgsSources(repoRoot));
    return {
        name: PACKAGE_NAME,
        displayName: "DataSync PrivateLink",
        version,
        description: pkg.description,
        keywords: ["pulumi", "aws", "datasync", "privatelink", "category/cloud", "kind/component"],
        license: "Apache-2.0",
        publisher: "datasync-privatelink",
        language: {
            nodejs: {
                packageName: "datasync-privatelink-sdk",
                dependencies: { "@pulumi/pulumi": "^3.270.0" },
                devDependencies: { typescript: "^5.9.0", "@types/node": "^20.19.0" },
                respectSchemaVersion: true,
            },
            python: {
                packageName: "pulumi_datasync_privatelink",
                requires: { pulumi: ">=3.270.0,<4.0.0" },
                pyproject: { enabled: true },
                respectSchemaVersion: true,
            },
            go: {
                importBasePath: "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink",
                generateResourceContainerTypes: true,
                generateExtraInputTypes: true,
                respectSchemaVersion: true,
            },
        },
        resources,
        types,
    };
}

/** schema.json text: 2-space indent, trailing newline. */
export function renderSchema(schema: object): string {
    return JSON.stringify(schema, null, 2) + "\n";
}
