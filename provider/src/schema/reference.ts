// docs/reference.md from the schema: inputs, outputs and types of every component, so the reference
// cannot drift from the one place inputs are documented.

interface Prop {
    type?: string;
    $ref?: string;
    items?: Prop;
    additionalProperties?: Prop;
    description?: string;
    default?: unknown;
    secret?: boolean;
}

export interface ReferenceSchema {
    resources: Record<string, { description: string; inputProperties: Record<string, Prop>; requiredInputs?: string[]; properties: Record<string, Prop> }>;
    types: Record<string, { description: string; properties?: Record<string, Prop>; required?: string[]; enum?: { value: string }[] }>;
}

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

function table(props: Record<string, Prop>, required: string[], withDefaults: boolean): string[] {
    const rows = withDefaults
        ? ["| name | type | required | default | description |", "|---|---|---|---|---|"]
        : ["| name | type | description |", "|---|---|---|"];
    for (const [name, p] of Object.entries(props)) {
        const type = `${typeText(p)}${p.secret ? " (secret)" : ""}`;
        const extra = withDefaults ? ` ${required.includes(name) ? "yes" : ""} | ${p.default === undefined ? "" : `\`${JSON.stringify(p.default)}\``} |` : "";
        rows.push(`| \`${name}\` | ${type} |${extra} ${cell(p.description)} |`);
    }
    return rows;
}

export function renderReference(schema: ReferenceSchema): string {
    const out = [
        "# Reference",
        "",
        "Generated from `schema.json` by `make schema`; edit the JSDoc in `provider/src/args/` and the defaults in `provider/src/plan/defaults.ts` instead.",
        "",
    ];
    for (const [token, r] of Object.entries(schema.resources)) {
        out.push(`## ${short(token)}`, "", `\`${token}\``, "", cell(r.description), "");
        out.push("### Inputs", "", ...table(r.inputProperties, r.requiredInputs ?? [], true), "");
        out.push("### Outputs", "", ...table(r.properties, [], false), "");
    }
    out.push("## Types", "");
    for (const [token, t] of Object.entries(schema.types)) {
        out.push(`### ${short(token)}`, "", cell(t.description), "");
        if (t.enum) {
            out.push(`One of: ${t.enum.map((e) => `\`"${e.value}"\``).join(", ")}.`, "");
        } else {
            out.push(...table(t.properties ?? {}, t.required ?? [], true), "");
        }
    }
    return out.join("\n");
}
