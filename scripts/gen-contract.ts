// Generates the package contract from the args interfaces in provider/src/args: schema.json (the
// Pulumi package schema the SDKs are generated from) and docs/reference.md (rendered from it).
//
//   node build/scripts/gen-contract.js           write both files
//   node build/scripts/gen-contract.js --check   exit 1, with a `diff -u`, if either differs from what would be written
//
// The version and description come from package.json. The mapping and the contract rules are in
// provider/src/schema (types.ts, properties.ts, rules.ts).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildSchema, renderSchema } from "../provider/src/schema/package";
import { ReferenceSchema, renderReference } from "../provider/src/schema/reference";
import { SchemaError } from "../provider/src/schema/spec";

export interface Io {
    out: (line: string) => void;
    err: (line: string) => void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };
const DIFF_LINES = 80;

/** The generated files, by path relative to the repository root. */
export function contractFiles(repoRoot: string): Map<string, string> {
    const schema = buildSchema(repoRoot);
    return new Map([
        ["schema.json", renderSchema(schema)],
        ["docs/reference.md", renderReference(schema as ReferenceSchema)],
    ]);
}

/** `diff -u` of the committed file against the generated text, at most DIFF_LINES lines. */
function unifiedDiff(file: string, rel: string, text: string): string {
    const r = spawnSync("diff", ["-u", "--label", `${rel} (committed)`, "--label", `${rel} (generated)`, file, "-"], { input: text, encoding: "utf8" });
    if (r.error) {
        throw r.error;
    }
    const lines = r.stdout.trimEnd().split("\n");
    return lines.length > DIFF_LINES ? [...lines.slice(0, DIFF_LINES), `... ${lines.length - DIFF_LINES} more diff lines`].join("\n") : lines.join("\n");
}

function check(repoRoot: string, files: Map<string, string>, io: Io): number {
    let stale = 0;
    for (const [rel, text] of files) {
        const file = path.join(repoRoot, rel);
        if (!fs.existsSync(file)) {
            io.err(`gen-contract: ${rel} is missing: run \`make schema\``);
            stale++;
        } else if (fs.readFileSync(file, "utf8") !== text) {
            io.err(`gen-contract: ${rel} is stale: run \`make schema\` and commit it.\n${unifiedDiff(file, rel, text)}`);
            stale++;
        } else {
            io.out(`${rel} is up to date`);
        }
    }
    return stale === 0 ? 0 : 1;
}

/** Runs the generator for the repository at repoRoot; returns the process exit code. */
export function main(argv: string[], repoRoot: string, io: Io = consoleIo): number {
    const unknown = argv.filter((a) => a !== "--check");
    if (unknown.length > 0) {
        io.err(`gen-contract: unknown argument(s) ${unknown.join(" ")}\nusage: gen-contract [--check]`);
        return 2;
    }
    let files: Map<string, string>;
    try {
        files = contractFiles(repoRoot);
    } catch (e) {
        if (e instanceof SchemaError) {
            io.err(`gen-contract: ${e.message}`);
            return 1;
        }
        throw e;
    }
    if (argv.includes("--check")) {
        return check(repoRoot, files, io);
    }
    for (const [rel, text] of files) {
        fs.mkdirSync(path.dirname(path.join(repoRoot, rel)), { recursive: true });
        fs.writeFileSync(path.join(repoRoot, rel), text);
        io.out(`wrote ${rel}`);
    }
    return 0;
}

if (require.main === module) {
    // Compiled to build/scripts/gen-contract.js: the repository root is two levels up.
    process.exit(main(process.argv.slice(2), path.resolve(__dirname, "../..")));
}
