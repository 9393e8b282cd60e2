// Defaults are applied from plan/defaults.ts: no `?? <literal>` copy of a default value elsewhere in
// provider/src, and the activation plan's deadlines come from the table.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { limitVariables } from "../../provider/src/activation/plan";
import { DEFAULTS, defaultRequestTimeoutSeconds } from "../../provider/src/plan/defaults";

const src = path.resolve(__dirname, "../../../provider/src");

/**
 * Copies still to be replaced by the table, in files being rewritten elsewhere (the components, the
 * validators, the command). Remove an entry when its copy goes; the test fails on a stale entry.
 */
const NOT_YET_FROM_THE_TABLE = new Set<string>([]);

function leaves(v: unknown): unknown[] {
    return typeof v === "object" && v !== null ? Object.values(v).flatMap(leaves) : [v];
}

function literalValue(n: ts.Node): unknown {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
    if (ts.isNumericLiteral(n)) return Number(n.text);
    if (n.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (n.kind === ts.SyntaxKind.FalseKeyword) return false;
    return undefined;
}

function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * `x ?? <default value>`, a `const DEFAULT_X = <default value>` (a constant that says it is a default; other
 * constants may share a number by coincidence) and a table entry equal to a default table's value.
 */
function copiesOfDefaults(): string[] {
    const values = new Set(leaves(DEFAULTS));
    const tableValues = new Set([...leaves(DEFAULTS.instance.type), ...leaves(DEFAULTS.instance.amiParameter)]);
    const found: string[] = [];
    const skip = (rel: string) => rel.startsWith("args/") || rel.startsWith("schema/") || rel === "plan/defaults.ts";
    for (const file of files(src).filter((f) => f.endsWith(".ts"))) {
        const rel = path.relative(src, file);
        if (skip(rel)) continue;
        const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
        const visit = (n: ts.Node): void => {
            if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && values.has(literalValue(n.right))) {
                found.push(`${rel}: ${n.getText(sf)}`);
            } else if (ts.isVariableDeclaration(n) && /default/i.test(n.name.getText(sf)) && n.initializer && values.has(literalValue(n.initializer))) {
                found.push(`${rel}: ${n.getText(sf)}`);
            } else if (ts.isPropertyAssignment(n) && tableValues.has(literalValue(n.initializer))) {
                found.push(`${rel}: ${n.initializer.getText(sf)}`);
            }
            ts.forEachChild(n, visit);
        };
        visit(sf);
    }
    return found;
}

describe("defaults come from plan/defaults.ts", () => {
    it("has no copy of a default value in provider/src beyond the listed ones", () => {
        const found = copiesOfDefaults();
        assert.deepStrictEqual(
            found.filter((f) => !NOT_YET_FROM_THE_TABLE.has(f)),
            [],
            "copies of defaults: use DEFAULTS instead",
        );
        assert.deepStrictEqual(
            [...NOT_YET_FROM_THE_TABLE].filter((f) => !found.includes(f)),
            [],
            "listed copies that are gone: remove them from the list",
        );
    });

    it("gives the activation script the table's deadlines, the per-request one capped by the overall one", () => {
        const { timeoutSeconds, requestTimeoutSeconds } = DEFAULTS.activation;
        assert.deepStrictEqual(limitVariables({}), {
            ACTIVATION_TIMEOUT_SECONDS: String(timeoutSeconds),
            ACTIVATION_REQUEST_TIMEOUT_SECONDS: String(requestTimeoutSeconds),
        });
        assert.deepStrictEqual(limitVariables({ timeoutSeconds: 4 }), { ACTIVATION_TIMEOUT_SECONDS: "4", ACTIVATION_REQUEST_TIMEOUT_SECONDS: "4" });
        assert.deepStrictEqual(limitVariables({ timeoutSeconds: 60, requestTimeoutSeconds: 30 }), {
            ACTIVATION_TIMEOUT_SECONDS: "60",
            ACTIVATION_REQUEST_TIMEOUT_SECONDS: "30",
        });
        assert.strictEqual(defaultRequestTimeoutSeconds(requestTimeoutSeconds + 1), requestTimeoutSeconds);
        assert.strictEqual(defaultRequestTimeoutSeconds(requestTimeoutSeconds - 1), requestTimeoutSeconds - 1);
    });
});
