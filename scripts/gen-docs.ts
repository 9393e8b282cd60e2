// Writes docs/reference.md (inputs and outputs of every component) from schema.json,
// so the reference cannot drift from the one place inputs are documented.
// `--check` exits 1 when the file on disk is stale.
import * as fs from "fs";
import * as path from "path";

interface Prop {
    type?: string;
    $ref?: string;
    items?: Prop;
    additionalProperties?: Prop;
    description?: string;
    secret?: boolean;
    plain?: boolean;
}
interface Schema {
    resources: Record<string, { description: string; inputProperties: Record<string, Prop>; requiredInputs?: string[]; properties: Record<string, Prop> }>;
    types: Record<string, { description: string; type: string; properties?: Record<string, Prop>; required?: string[]; enum?: { value: string }[] }>;
}

const root = path.resolve(__dirname, "../..");
const short = (token: string) => token.split(":").pop()!;

function typeText(p: Prop): string {
    if (p.$ref) {
        const name = short(decodeURIComponent(p.$ref));
        return `[${name}](#${name.toLowerCase()})`;
    }
    if (p.type === "array") {
        return `${typeText(p.items!)}[]`;
    }
    if (p.type === "object" && p.additionalProperties) {
        return `map of ${typeText(p.additionalProperties)}`;
    }
    return p.type ?? "any";
}

function cell(s: string | undefined): string {
    return (s ?? "").replace(/\|/g, "\\|").replace(/\n+/g, " ");
}

function table(props: Record<string, Prop>, required: string[]): string[] {
    const rows = ["| name | type | required | description |", "|---|---|---|---|"];
    for (const [name, p] of Object.entries(props)) {
        rows.push(`| \`${name}\` | ${typeText(p)}${p.secret ? " (secret)" : ""} | ${required.includes(name) ? "yes" : ""} | ${cell(p.description)} |`);
    }
    return rows;
}

export function renderReference(schema: Schema): string {
    const out = ["# Reference", "", "Generated from `schema.json` by `make schema`; edit the JSDoc in `provider/src/args/` instead.", ""];
    for (const [token, r] of Object.entries(schema.resources)) {
        out.push(`## ${short(token)}`, "", `\`${token}\``, "", cell(r.description), "", "### Inputs", "", ...table(r.inputProperties, r.requiredInputs ?? []), "");
        out.push("### Outputs", "", ...table(r.properties, Object.keys(r.properties)), "");
    }
    out.push("## Types", "");
    for (const [token, t] of Object.entries(schema.types)) {
        out.push(`### ${short(token)}`, "", cell(t.description), "");
        if (t.enum) {
            out.push(`One of: ${t.enum.map((e) => `\`"${e.value}"\``).join(", ")}.`, "");
        } else {
            out.push(...table(t.properties ?? {}, t.required ?? []), "");
        }
    }
    return out.join("\n");
}

function main(): void {
    const schema = JSON.parse(fs.readFileSync(path.join(root, "schema.json"), "utf8")) as Schema;
    const file = path.join(root, "docs", "reference.md");
    const text = renderReference(schema);
    if (process.argv.includes("--check")) {
        if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) {
            console.error("docs/reference.md is stale: run `make schema` and commit it");
            process.exit(1);
        }
        return;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${path.relative(root, file)}`);
}

if (require.main === module) {
    main();
}
