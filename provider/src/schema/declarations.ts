// Reads the args sources with the TypeScript compiler API, syntax only (no type checker): the
// interfaces, the string-literal unions that become enums, the other type aliases, and JSDoc.
import * as ts from "typescript";
import { SchemaError, SourceText } from "./spec";

/** A JSDoc comment: its text (paragraphs separated by a blank line) and its block tags. */
export interface Doc {
    text: string;
    tags: Map<string, string>;
}

export interface InterfaceDecl {
    node: ts.InterfaceDeclaration;
    sourceFile: ts.SourceFile;
}

export interface EnumDecl {
    values: string[];
    doc: Doc;
}

/** A property of an interface, own or inherited; `owner` is the interface that declares it. */
export interface Member {
    owner: string;
    node: ts.PropertySignature;
    sourceFile: ts.SourceFile;
}

export interface Declarations {
    interfaces: Map<string, InterfaceDecl>;
    enums: Map<string, EnumDecl>;
    /** Type aliases that are not enums, with their declared type's text. */
    aliases: Map<string, string>;
}

/** JSDoc of a node: lines of a paragraph joined with a space, paragraphs separated by a blank line. */
export function readDoc(node: ts.Node): Doc {
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    const doc = docs[docs.length - 1];
    const tags = new Map<string, string>();
    if (!doc) {
        return { text: "", tags };
    }
    for (const tag of doc.tags ?? []) {
        tags.set(tag.tagName.text, (ts.getTextOfJSDocComment(tag.comment) ?? "").trim());
    }
    const paragraphs = (ts.getTextOfJSDocComment(doc.comment) ?? "")
        .split(/\r?\n\s*\r?\n/)
        .map((p) =>
            p
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter((line) => line !== "")
                .join(" "),
        )
        .filter((p) => p !== "");
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

function isExported(stmt: ts.Statement): boolean {
    return ts.canHaveModifiers(stmt) && (ts.getModifiers(stmt)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

/** Every interface and type alias of the sources; a name declared twice is refused (schema type names are global). */
export function readDeclarations(files: SourceText[]): Declarations {
    const decls: Declarations = { interfaces: new Map(), enums: new Map(), aliases: new Map() };
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
                decls.interfaces.set(stmt.name.text, { node: stmt, sourceFile: sf });
            } else if (ts.isTypeAliasDeclaration(stmt)) {
                declare(stmt.name.text, file.name);
                const values = stmt.typeParameters ? undefined : stringLiteralUnion(stmt.type);
                if (isExported(stmt) && values) {
                    decls.enums.set(stmt.name.text, { values, doc: readDoc(stmt) });
                } else {
                    decls.aliases.set(stmt.name.text, stmt.type.getText(sf));
                }
            }
        }
    }
    return decls;
}

function baseNames(decls: Declarations, name: string, decl: InterfaceDecl): string[] {
    return (decl.node.heritageClauses ?? []).flatMap((clause) =>
        clause.types.map((base) => {
            if (!ts.isIdentifier(base.expression) || base.typeArguments) {
                throw new SchemaError(`${name}: unsupported base \`${base.getText(decl.sourceFile)}\` (only plain interface names)`);
            }
            if (!decls.interfaces.has(base.expression.text)) {
                throw new SchemaError(`${name}: base \`${base.expression.text}\` is not an interface declared in the args sources`);
            }
            return base.expression.text;
        }),
    );
}

/** Members of an interface, inherited ones first (own declarations override them). */
export function membersOf(decls: Declarations, name: string, chain: string[] = []): Map<string, Member> {
    const decl = decls.interfaces.get(name);
    if (!decl) {
        throw new SchemaError(`interface ${name} not found in the args sources`);
    }
    if (chain.includes(name)) {
        throw new SchemaError(`interface ${name} extends itself (${[...chain, name].join(" → ")})`);
    }
    const members = new Map<string, Member>();
    for (const base of baseNames(decls, name, decl)) {
        for (const [k, v] of membersOf(decls, base, [...chain, name])) {
            members.set(k, v);
        }
    }
    for (const m of decl.node.members) {
        if (!ts.isPropertySignature(m) || !m.type || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) {
            throw new SchemaError(`${name}: unsupported member \`${m.getText(decl.sourceFile)}\` (only typed properties are allowed)`);
        }
        members.set(m.name.text, { owner: name, node: m, sourceFile: decl.sourceFile });
    }
    return members;
}

export function entityName(name: ts.EntityName): string {
    return ts.isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;
}

/** Interfaces and enums named anywhere in a type (syntactically); unknown names are left to the type mapping. */
function namesIn(decls: Declarations, node: ts.Node, out: Set<string>): void {
    if (ts.isTypeReferenceNode(node)) {
        const name = entityName(node.typeName);
        if (decls.interfaces.has(name) || decls.enums.has(name)) {
            out.add(name);
        }
    }
    ts.forEachChild(node, (child) => namesIn(decls, child, out));
}

/** The interfaces and enums reachable from `roots` through property types: read on the input side. */
export function reachableTypes(decls: Declarations, roots: string[]): Set<string> {
    const reached = new Set<string>();
    const walk = [...roots];
    while (walk.length > 0) {
        const name = walk.pop()!;
        if (!decls.interfaces.has(name)) {
            continue; // an enum, or a missing interface that membersOf reports when the schema is built
        }
        const found = new Set<string>();
        for (const member of membersOf(decls, name).values()) {
            namesIn(decls, member.node.type!, found);
        }
        for (const ref of found) {
            if (!reached.has(ref)) {
                reached.add(ref);
                walk.push(ref);
            }
        }
    }
    return reached;
}
