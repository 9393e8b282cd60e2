// Wall times of the example runs: each run writes one JSON file into build/examples/results, and the
// global teardown prints them as a scenario x language table.
import * as fs from "fs";
import * as path from "path";
import { LANGUAGES, SCENARIOS } from "./scenarios";

export const RESULTS = path.resolve(__dirname, "..", "..", "examples", "results");

export interface Result {
    name: string;
    /** Table row and column; the bad-input probe has its own row. */
    row: string;
    column: string;
    seconds: number;
    passed: boolean;
    steps: Array<{ title: string; seconds: number; passed: boolean }>;
}

export function writeResult(r: Result): void {
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, `${r.name}.json`), JSON.stringify(r, null, 2));
}

export function readResults(): Result[] {
    if (!fs.existsSync(RESULTS)) {
        return [];
    }
    return fs
        .readdirSync(RESULTS)
        .filter((f) => f.endsWith(".json"))
        .map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS, f), "utf8")) as Result);
}

const cell = (r: Result | undefined) => (r ? `${r.seconds.toFixed(0)} s${r.passed ? "" : " FAIL"}` : "-");

/** The table, rows = scenarios (then anything else), columns = languages. */
export function table(results: Result[]): string {
    const rows = [...SCENARIOS, ...new Set(results.map((r) => r.row).filter((r) => !(SCENARIOS as string[]).includes(r)))];
    const columns = [...LANGUAGES, ...new Set(results.map((r) => r.column).filter((c) => !(LANGUAGES as string[]).includes(c)))];
    const find = (row: string, column: string) => results.find((r) => r.row === row && r.column === column);
    const header = ["scenario", ...columns];
    const body = rows.map((row) => [row, ...columns.map((c) => cell(find(row, c)))]);
    const widths = header.map((_, i) => Math.max(...[header, ...body].map((l) => l[i].length)));
    const line = (l: string[]) => `  ${l.map((x, i) => x.padEnd(widths[i])).join("  ")}`;
    const total = results.reduce((s, r) => s + r.seconds, 0);
    return [
        line(header),
        line(widths.map((w) => "-".repeat(w))),
        ...body.map(line),
        `  sum of wall times ${total.toFixed(0)} s (runs overlap: 2 at a time)`,
    ].join("\n");
}
