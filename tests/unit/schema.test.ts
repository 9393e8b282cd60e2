import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as genSchemaMain } from "../../scripts/gen-schema";
import {
    COMPONENTS,
    ComponentSpec,
    PropertySpec,
    SchemaError,
    buildSchema,
    enumMemberName,
    renderSchema,
    schemaFromSource,
} from "../../provider/src/schema/schemaSource";

// Compiled to build/tests/unit/: the repository root is three levels up.
const repoRoot = path.resolve(__dirname, "../../..");
const PREFIX = "datasync-privatelink:index:";

interface Schema {
    name: string;
    version: string;
    language: Record<string, Record<string, unknown>>;
    resources: Record<
        string,
        {
            description: string;
            isComponent: boolean;
            inputProperties: Record<string, PropertySpec>;
            requiredInputs: string[];
            properties: Record<string, PropertySpec>;
            required: string[];
        }
    >;
    types: Record<
        string,
        {
            description: string;
            type: string;
            properties?: Record<string, PropertySpec>;
            required?: string[];
            enum?: { name: string; value: string }[];
        }
    >;
}

const pkgVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string })
    .version;
const schema = buildSchema(repoRoot, pkgVersion) as Schema;
const short = (token: string) => token.slice(PREFIX.length);

/** Every property set of the schema: [owner ("Agent" or "AwsSide"), side, properties, required]. */
function propertySets(): [string, "input" | "output", Record<string, PropertySpec>, string[]][] {
    const sets: [string, "input" | "output", Record<string, PropertySpec>, string[]][] = [];
    for (const [token, r] of Object.entries(schema.resources)) {
        sets.push([short(token), "input", r.inputProperties, r.requiredInputs]);
        sets.push([short(token), "output", r.properties, r.required]);
    }
    for (const [token, t] of Object.entries(schema.types)) {
        if (t.type === "object") {
            sets.push([short(token), short(token) === "FirewallRule" ? "output" : "input", t.properties!, t.required!]);
        }
    }
    return sets;
}

/**
 * Optional inputs whose description neither states a default ("Defaults to") nor a condition under which they
 * are required. Keep short; fix the JSDoc in provider/src/args rather than growing this list.
 */
const NO_DEFAULT_STATED = new Set<string>([]);

describe("schema.json", () => {
    it("is up to date with provider/src/args (else run `make schema`)", () => {
        const file = path.join(repoRoot, "schema.json");
        const expected = renderSchema(schema);
        const actual = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
        if (actual !== expected) {
            assert.fail(
                "schema.json is stale or missing: run `make schema` (node build/scripts/gen-schema.js) and commit it",
            );
        }
    });

    it("has the package metadata and language sections", () => {
        assert.strictEqual(schema.name, "datasync-privatelink");
        assert.strictEqual(schema.version, pkgVersion);
        assert.deepStrictEqual(Object.keys(schema.language).sort(), ["go", "nodejs", "python"]);
        assert.strictEqual(schema.language.nodejs.packageName, "datasync-privatelink-sdk");
        assert.strictEqual(schema.language.python.packageName, "pulumi_datasync_privatelink");
        assert.deepStrictEqual(schema.language.python.pyproject, { enabled: true });
        assert.strictEqual(
            schema.language.go.importBasePath,
            "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink",
        );
        for (const lang of ["nodejs", "python", "go"]) {
            assert.strictEqual(schema.language[lang].respectSchemaVersion, true, lang);
        }
    });

    it("has exactly the four components", () => {
        assert.deepStrictEqual(
            Object.keys(schema.resources).sort(),
            ["Agent", "NetworkLink", "PrivateAgent", "ServiceEndpoint"].map((n) => PREFIX + n),
        );
        for (const [token, r] of Object.entries(schema.resources)) {
            assert.strictEqual(r.isComponent, true, token);
        }
    });

    it("resolves every $ref to a type of this package", () => {
        const refs: string[] = [];
        const collect = (spec: unknown) => {
            if (spec && typeof spec === "object") {
                for (const [k, v] of Object.entries(spec)) {
                    if (k === "$ref") refs.push(v as string);
                    else collect(v);
                }
            }
        };
        collect(schema.resources);
        collect(schema.types);
        assert.ok(refs.length > 0);
        for (const ref of refs) {
            assert.ok(ref.startsWith(`#/types/${PREFIX}`), `${ref} is not a local type reference`);
            assert.ok(schema.types[ref.slice("#/types/".length)], `${ref} does not resolve`);
        }
    });

    it("describes every component, type and property", () => {
        for (const [token, r] of Object.entries(schema.resources)) {
            assert.ok(r.description.trim().length > 0, `${token} has no description`);
        }
        for (const [token, t] of Object.entries(schema.types)) {
            assert.ok(t.description.trim().length > 0, `${token} has no description`);
        }
        for (const [owner, side, props] of propertySets()) {
            for (const [name, p] of Object.entries(props)) {
                assert.ok(p.description.trim().length > 0, `${owner}.${name} (${side}) has no description`);
            }
        }
    });

    it("states the default of every optional input, or when it is required", () => {
        const missing: string[] = [];
        const staleExceptions = new Set(NO_DEFAULT_STATED);
        for (const [owner, side, props, required] of propertySets()) {
            if (side !== "input") continue;
            for (const [name, p] of Object.entries(props)) {
                if (required.includes(name)) continue;
                const key = `${owner}.${name}`;
                const stated = p.description.includes("Defaults to") || /\b[Rr]equired\b/.test(p.description);
                if (NO_DEFAULT_STATED.has(key)) {
                    if (!stated) staleExceptions.delete(key);
                } else if (!stated) {
                    missing.push(key);
                }
            }
        }
        assert.deepStrictEqual(missing, [], "optional inputs without \"Defaults to ...\" in their JSDoc");
        assert.deepStrictEqual([...staleExceptions], [], "NO_DEFAULT_STATED entries that now state a default");
    });

    it("marks all outputs required, never secret and never plain", () => {
        for (const [owner, side, props, required] of propertySets()) {
            if (side !== "output") continue;
            assert.deepStrictEqual(required, Object.keys(props).sort(), `${owner}: every output is always set`);
            for (const [name, p] of Object.entries(props)) {
                assert.strictEqual(p.secret, undefined, `${owner}.${name}`);
                assert.strictEqual(p.plain, undefined, `${owner}.${name}`);
            }
        }
    });

    it("marks exactly the key inputs secret", () => {
        const secrets: string[] = [];
        for (const [owner, , props] of propertySets()) {
            for (const [name, p] of Object.entries(props)) {
                if (p.secret) secrets.push(`${owner}.${name}`);
            }
        }
        assert.deepStrictEqual(secrets.sort(), [
            "ActivationSettings.manualKey",
            "JumpHost.privateKey",
            "SshProxy.privateKey",
        ]);
    });

    it("marks inputs not wrapped in pulumi.Input plain", () => {
        const privateAgent = schema.resources[PREFIX + "PrivateAgent"].inputProperties;
        assert.strictEqual(privateAgent.vpcId.plain, undefined);
        assert.strictEqual(privateAgent.agents.plain, true);
        assert.strictEqual(privateAgent.agents.items?.plain, true);
        assert.strictEqual(privateAgent.agentMode.plain, true);
        const endpoint = schema.resources[PREFIX + "ServiceEndpoint"].inputProperties;
        // pulumi.Input<string>[]: a plain array of eventual strings.
        assert.strictEqual(endpoint.allowedSources.plain, true);
        assert.strictEqual(endpoint.allowedSources.items?.plain, undefined);
        assert.strictEqual(schema.types[PREFIX + "ActivationSettings"].properties!.mode.plain, true);
        assert.strictEqual(schema.types[PREFIX + "ActivationSettings"].properties!.manualKey.plain, undefined);
    });

    it("has the enums of the TypeScript unions, in order", () => {
        const expected: Record<string, [string, string][]> = {
            ActivationMode: [["Local", "local"], ["Remote", "remote"], ["Manual", "manual"]],
            AgentMode: [["Basic", "basic"], ["Enhanced", "enhanced"]],
            LinkMode: [["Peering", "peering"], ["TransitGateway", "transitGateway"], ["Existing", "existing"]],
            TransitGatewaySharing: [["Ram", "ram"], ["PreShared", "preShared"]],
        };
        const actual: Record<string, [string, string][]> = {};
        for (const [token, t] of Object.entries(schema.types)) {
            if (t.enum) {
                assert.strictEqual(t.type, "string");
                actual[short(token)] = t.enum.map((e) => [e.name, e.value]);
            }
        }
        assert.deepStrictEqual(actual, expected);
    });

    it("has the object types reachable from the components", () => {
        const objects = Object.entries(schema.types)
            .filter(([, t]) => t.type === "object")
            .map(([token]) => short(token))
            .sort();
        assert.deepStrictEqual(objects, [
            "ActivationSettings",
            "AgentInstance",
            "AgentSpec",
            "AwsSide",
            "FirewallRule",
            "JumpHost",
            "LinkSettings",
            "SshProxy",
        ]);
        // NetworkLinkArgs extends LinkSettings: inherited members are inputs of NetworkLink.
        const link = schema.resources[PREFIX + "NetworkLink"];
        for (const name of Object.keys(schema.types[PREFIX + "LinkSettings"].properties!)) {
            assert.ok(link.inputProperties[name], `NetworkLink lacks inherited input ${name}`);
        }
        assert.ok(link.requiredInputs.includes("mode"));
    });
});

describe("schemaFromSource", () => {
    const components: Record<string, ComponentSpec> = {
        Thing: { args: "ThingArgs", outputs: "ThingOutputs", description: "A thing." },
    };
    const outputs = `
        /** Outputs. */
        export interface ThingOutputs {
            /** The id. */
            id: string;
        }`;
    const build = (args: string) =>
        schemaFromSource([{ name: "thing.ts", text: `import * as pulumi from "@pulumi/pulumi";\n${args}\n${outputs}` }], {
            packageName: "p",
            components,
        });
    // ThingArgs with one member per line (TypeScript ignores a JSDoc that follows `{` on the same line).
    const args = (...members: string[]) => `/** In. */\nexport interface ThingArgs {\n${members.join("\n")}\n}`;
    const throwsMatching = (fn: () => unknown, pattern: RegExp) =>
        assert.throws(fn, (e: unknown) => e instanceof SchemaError && pattern.test(e.message));

    it("maps types, inheritance, tags and optional members", () => {
        const out = build(`
            /** Base settings. */
            export interface Base {
                /** A size. @integer */
                size?: pulumi.Input<number>;
            }
            /** A colour. */
            export type Colour = "dark-red" | "blue";
            /** Inputs. */
            export interface ThingArgs extends Base {
                /** Names. */
                names: pulumi.Input<pulumi.Input<string>[]>;
                /** Labels. Defaults to none. */
                labels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
                /** A password. @secret */
                password?: pulumi.Input<string>;
                /** The colour. Defaults to "blue". @default "blue" */
                colour?: Colour;
                /** Settings. */
                base: pulumi.Input<Base>;
            }`);
        const r = out.resources["p:index:Thing"];
        assert.deepStrictEqual(r.requiredInputs, ["base", "names"]);
        assert.deepStrictEqual(Object.keys(r.inputProperties), ["base", "colour", "labels", "names", "password", "size"]);
        assert.deepStrictEqual(r.inputProperties.names, {
            type: "array",
            items: { type: "string" },
            description: "Names.",
        });
        assert.deepStrictEqual(r.inputProperties.labels.additionalProperties, { type: "string" });
        assert.strictEqual(r.inputProperties.size.type, "integer");
        assert.strictEqual(r.inputProperties.password.secret, true);
        assert.strictEqual(r.inputProperties.colour.default, "blue");
        assert.strictEqual(r.inputProperties.colour.plain, true);
        assert.strictEqual(r.inputProperties.colour.$ref, "#/types/p:index:Colour");
        assert.strictEqual(r.inputProperties.base.$ref, "#/types/p:index:Base");
        assert.deepStrictEqual(r.required, ["id"]);
        assert.deepStrictEqual(out.types["p:index:Colour"], {
            description: "A colour.",
            type: "string",
            enum: [
                { name: "DarkRed", value: "dark-red" },
                { name: "Blue", value: "blue" },
            ],
        });
        assert.deepStrictEqual(out.types["p:index:Base"].description, "Base settings.");
    });

    it("takes secrets from a fallback set when there is no @secret tag", () => {
        const out = schemaFromSource(
            [{ name: "t.ts", text: `/** In. */\nexport interface ThingArgs {\n/** Key. */\nkey: string;\n}\n${outputs}` }],
            { packageName: "p", components, secretProperties: new Set(["ThingArgs.key"]) },
        );
        assert.strictEqual(out.resources["p:index:Thing"].inputProperties.key.secret, true);
    });

    it("rejects an unsupported type, naming the property and the type", () => {
        throwsMatching(
            () => build(args("/** When. */ when: pulumi.Input<Date>;")),
            /^ThingArgs\.when: unsupported type `Date` in `pulumi\.Input<Date>` \(Date is not declared/,
        );
        throwsMatching(
            () => build(args("/** Either. */ v?: pulumi.Input<string | number>;")),
            /^ThingArgs\.v: unsupported type `string \| number` in `pulumi\.Input<string \| number>`/,
        );
        throwsMatching(
            () => build(`type Cidr = string;\n${args("/** A range. */ c: Cidr;")}`),
            /^ThingArgs\.c: unsupported type `Cidr` \(type alias Cidr = string is neither/,
        );
    });

    it("rejects a property without a description", () => {
        throwsMatching(
            () => build(args("/** Fine. */ a: string;", "b?: pulumi.Input<string>;")),
            /ThingArgs\.b: missing description/,
        );
        throwsMatching(
            () => build(args("/** @secret */ b?: pulumi.Input<string>;")),
            /ThingArgs\.b: missing description/,
        );
    });

    it("rejects a type without a description", () => {
        throwsMatching(
            () => build(`export interface Inner {\n/** X. */ x: string;\n}\n${args("/** I. */ i: Inner;")}`),
            /Inner: missing description/,
        );
        throwsMatching(
            () => build(`export type Mode = "a" | "b";\n${args("/** M. */ m: Mode;")}`),
            /Mode: missing description/,
        );
    });

    it("derives enum member names in PascalCase", () => {
        assert.strictEqual(enumMemberName("transitGateway"), "TransitGateway");
        assert.strictEqual(enumMemberName("preShared"), "PreShared");
        assert.strictEqual(enumMemberName("m5.2xlarge"), "M52xlarge");
    });

    it("uses the hard-coded component list", () => {
        assert.deepStrictEqual(Object.keys(COMPONENTS).sort(), ["Agent", "NetworkLink", "PrivateAgent", "ServiceEndpoint"]);
    });
});

describe("gen-schema --check", () => {
    let tmp: string;
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };

    beforeEach(() => {
        lines.length = 0;
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gen-schema-"));
        fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(tmp, "package.json"));
        fs.cpSync(path.join(repoRoot, "provider", "src", "args"), path.join(tmp, "provider", "src", "args"), {
            recursive: true,
        });
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("writes schema.json, then passes --check", () => {
        assert.strictEqual(genSchemaMain([], tmp, io), 0);
        assert.strictEqual(fs.readFileSync(path.join(tmp, "schema.json"), "utf8"), renderSchema(schema));
        assert.strictEqual(genSchemaMain(["--check"], tmp, io), 0);
    });

    it("fails --check on a stale schema.json with a diff", () => {
        assert.strictEqual(genSchemaMain([], tmp, io), 0);
        const file = path.join(tmp, "schema.json");
        fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"DataSync PrivateLink"', '"Old Name"'));
        lines.length = 0;
        assert.strictEqual(genSchemaMain(["--check"], tmp, io), 1);
        const text = lines.join("\n");
        assert.match(text, /stale: run `make schema`/);
        assert.match(text, /^-\s+\d+ \|\s+"displayName": "Old Name",$/m);
        assert.match(text, /^\+\s+\d+ \|\s+"displayName": "DataSync PrivateLink",$/m);
    });

    it("reports a bad args file without writing", () => {
        fs.appendFileSync(
            path.join(tmp, "provider", "src", "args", "side.ts"),
            "\n/** X. */\nexport interface AwsSide { /** Y. */ extra: Date; }\n",
        );
        assert.strictEqual(genSchemaMain([], tmp, io), 1);
        assert.match(lines.join("\n"), /AwsSide is declared twice/);
        assert.ok(!fs.existsSync(path.join(tmp, "schema.json")));
    });
});
