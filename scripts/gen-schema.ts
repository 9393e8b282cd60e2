// Generates schema.json (the Pulumi package schema) from the args interfaces in provider/src/args.
//
//   node build/scripts/gen-schema.js           write schema.json at the repository root
//   node build/scripts/gen-schema.js --check   exit 1 if schema.json differs from what would be written
//
// The version comes from package.json. See provider/src/schema/schemaSource.ts for the mapping rules.

import * as fs from "fs";
import * as path from "path";
import { SchemaError, buildSchema, renderSchema } from "../provider/src/schema/schemaSource";

export interface Io {
    out: (line: string) => void;
    err: (line: string) => void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Line diff of two texts (LCS), as "-"/"+" lines with 1-based line numbers; at most `limit` lines. */
export function lineDiff(oldText: string, newText: string, limit = 40): string[] {
    const a = oldText.split("\n");
    const b = newText.split("\n");
    // Trim the common prefix and suffix so the LCS table stays small.
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
        endA--;
        endB--;
    }
    const x = a.slice(start, endA);
    const y = b.slice(start, endB);
    const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
    for (let i = x.length - 1; i >= 0; i--) {
        for (let j = y.length - 1; j >= 0; j--) {
            lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const lines: string[] = [];
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
        if (i < x.length && j < y.length && x[i] === y[j]) {
            i++;
            j++;
        } else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
            lines.push(`-${String(start + i + 1).padStart(5)} | ${x[i]}`);
            i++;
        } else {
            lines.push(`+${String(start + j + 1).padStart(5)} | ${y[j]}`);
            j++;
        }
    }
    if (lines.length > limit) {
        return [...lines.slice(0, limit), `... ${lines.length - limit} more changed lines`];
    }
    return lines;
}

/** Runs the generator for the repository at repoRoot; returns the process exit code. */
export function main(argv: string[], repoRoot: string, io: Io = consoleIo): number {
    const unknown = argv.filter((a) => a !== "--check");
    if (unknown.length > 0) {
        io.err(`gen-schema: unknown argument(s) ${unknown.join(" ")}\nusage: gen-schema [--check]`);
        return 2;
    }
    const check = argv.includes("--check");
    const schemaPath = path.join(repoRoot, "schema.json");

    let text: string;
    try {
        const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version?: string };
        if (!pkg.version) {
            throw new SchemaError("package.json has no version");
        }
        text = renderSchema(buildSchema(repoRoot, pkg.version));
    } catch (e) {
        if (e instanceof SchemaError) {
            io.err(`gen-schema: ${e.message}`);
            return 1;
        }
        throw e;
    }

    if (check) {
        const current = fs.existsSync(schemaPath) ? fs.readFileSync(schemaPath, "utf8") : undefined;
        if (current === text) {
            io.out("schema.json is up to date");
            return 0;
        }
        if (current === undefined) {
            io.err("schema.json is missing: run `make schema` (node build/scripts/gen-schema.js)");
            return 1;
        }
        io.err("schema.json is stale: run `make schema` (node build/scripts/gen-schema.js). Differences (- on disk, + generated):");
        for (const line of lineDiff(current, text)) {
            io.err(line);
        }
        return 1;
    }

    fs.writeFileSync(schemaPath, text);
    io.out(`wrote ${path.relative(process.cwd(), schemaPath) || schemaPath}`);
    return 0;
}

if (require.main === module) {
    // Compiled to build/scripts/gen-schema.js: the repository root is two levels up.
    process.exit(main(process.argv.slice(2), path.resolve(__dirname, "../..")));
}
