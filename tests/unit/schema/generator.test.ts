// The schema generator on small inline sources: the type mapping, and every contract rule failing
// when it should.
import * as assert from "assert";
import { ComponentEntry } from "../../../provider/src/components/tokens";
import { schemaFromSource, SchemaFromSourceOptions } from "../../../provider/src/schema/build";
import { SchemaError } from "../../../provider/src/schema/spec";
import { enumMemberName } from "../../../provider/src/schema/types";

const components: Record<string, ComponentEntry> = { Thing: { args: "ThingArgs", outputs: "ThingOutputs", description: "A thing." } };
const OUTPUTS = `
/** Outputs. */
export interface ThingOutputs {
    /** The id. */
    id: string;
}`;
const NO_DEFAULTS = {};

function build(args: string, options: SchemaFromSourceOptions = {}) {
    const text = `import * as pulumi from "@pulumi/pulumi";\n${args}\n${OUTPUTS}`;
    return schemaFromSource([{ name: "thing.ts", text }], { packageName: "p", components, defaults: NO_DEFAULTS, differentMeanings: {}, ...options });
}
// ThingArgs with one member per line (TypeScript ignores a JSDoc that follows `{` on the same line).
const args = (...members: string[]) => `/** In. */\nexport interface ThingArgs {\n${members.join("\n")}\n}`;
const throwsMatching = (fn: () => unknown, pattern: RegExp) => assert.throws(fn, (e: unknown) => e instanceof SchemaError && pattern.test(e.message));

describe("schemaFromSource: types", () => {
    it("maps types, inheritance, integers, enums, secrets and optional members", () => {
        const out = build(
            `
            /** A whole number. */
            export type Integer = number;
            /** Base settings. */
            export interface Base {
                /** A size. Defaults to none. */
                size?: pulumi.Input<Integer>;
            }
            /** A colour. */
            export type Colour = "dark-red" | "blue";
            /** Inputs. */
            export interface ThingArgs extends Base {
                /** Names. */
                names: pulumi.Input<pulumi.Input<string>[]>;
                /** Labels. Defaults to none. */
                labels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
                /** A password. Defaults to none. @secret */
                password?: pulumi.Input<string>;
                /** The colour. @default look.colour */
                colour?: Colour;
                /** A ratio. */
                ratio: number;
                /** Settings. */
                base: pulumi.Input<Base>;
            }`,
            { defaults: { look: { colour: "blue" } } },
        );
        const r = out.resources["p:index:Thing"];
        assert.deepStrictEqual(r.requiredInputs, ["base", "names", "ratio"]);
        assert.deepStrictEqual(Object.keys(r.inputProperties), ["base", "colour", "labels", "names", "password", "ratio", "size"]);
        assert.deepStrictEqual(r.inputProperties.names, { type: "array", items: { type: "string" }, description: "Names." });
        assert.deepStrictEqual(r.inputProperties.labels.additionalProperties, { type: "string" });
        assert.deepStrictEqual(r.inputProperties.size, { type: "integer", description: "A size. Defaults to none." });
        assert.deepStrictEqual(r.inputProperties.ratio, { type: "number", plain: true, description: "A ratio." });
        assert.strictEqual(r.inputProperties.password.secret, true);
        assert.deepStrictEqual(r.inputProperties.colour, { $ref: "#/types/p:index:Colour", plain: true, description: "The colour.", default: "blue" });
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
        assert.strictEqual(out.types["p:index:Base"].description, "Base settings.");
        assert.strictEqual(out.types["p:index:Integer"], undefined);
    });

    it("rejects an unsupported type, naming the property and the type", () => {
        throwsMatching(
            () => build(args("/** When. */ when: pulumi.Input<Date>;")),
            /^ThingArgs\.when: unsupported type `Date` in `pulumi\.Input<Date>` \(Date is not declared/,
        );
        throwsMatching(
            () => build(args("/** Either. Defaults to none. */ v?: pulumi.Input<string | number>;")),
            /^ThingArgs\.v: unsupported type `string \| number` in `pulumi\.Input<string \| number>`/,
        );
        throwsMatching(
            () => build(`type Cidr = string;\n${args("/** A range. */ c: Cidr;")}`),
            /^ThingArgs\.c: unsupported type `Cidr` \(type alias Cidr = string is neither/,
        );
        // Integer means a number alias; declared as anything else it is refused, not silently mapped.
        throwsMatching(
            () => build(`export type Integer = string;\n${args("/** N. */ n: Integer;")}`),
            /^ThingArgs\.n: unsupported type `Integer` \(type alias Integer = string/,
        );
    });

    it("rejects a property or type without a description, and unknown JSDoc tags", () => {
        throwsMatching(() => build(args("/** Fine. */ a: string;", "b: pulumi.Input<string>;")), /ThingArgs\.b: missing description/);
        throwsMatching(() => build(args("/** @secret */ b: pulumi.Input<string>;")), /ThingArgs\.b: missing description/);
        throwsMatching(() => build(`export interface Inner {\n/** X. */ x: string;\n}\n${args("/** I. */ i: Inner;")}`), /Inner: missing description/);
        throwsMatching(() => build(`export type Mode = "a" | "b";\n${args("/** M. */ m: Mode;")}`), /Mode: missing description/);
        throwsMatching(() => build(args("/** A size. @integer */ n: number;")), /ThingArgs\.n: unknown JSDoc tag @integer/);
    });

    it("derives enum member names in PascalCase", () => {
        assert.strictEqual(enumMemberName("transitGateway"), "TransitGateway");
        assert.strictEqual(enumMemberName("preShared"), "PreShared");
        assert.strictEqual(enumMemberName("m5.2xlarge"), "M52xlarge");
    });
});

describe("schemaFromSource: defaults", () => {
    const table = { t: { seconds: 30, name: "x", on: false, per: { a: "one", b: "two" } } };
    const withTable = (...members: string[]) => build(args(...members), { defaults: table });
    const all = [
        "/** S. @default t.seconds */ s?: pulumi.Input<number>;",
        "/** N. @default t.name */ n?: string;",
        "/** O. @default t.on */ o?: boolean;",
        "/** P: {@default t.per}. */ p: string;",
    ];

    it("emits @default values and expands {@default} in descriptions", () => {
        const props = withTable(...all).resources["p:index:Thing"].inputProperties;
        assert.deepStrictEqual([props.s.default, props.n.default, props.o.default, props.p.default], [30, "x", false, undefined]);
        assert.strictEqual(props.p.description, 'P: "one" (a) or "two" (b).');
    });

    it("fails on a path that is not in the table, and on an entry no property names", () => {
        throwsMatching(() => withTable(...all, "/** Z. @default t.missing */ z?: string;"), /ThingArgs\.z: default "t\.missing" is not in the defaults table/);
        throwsMatching(() => withTable(...all, "/** Z: {@default nope}. */ z: string;"), /ThingArgs\.z: default "nope" is not in the defaults table/);
        throwsMatching(() => withTable(...all.slice(1)), /defaults no property names .*: t\.seconds$/);
    });

    it("fails on a @default that is a table of choices or does not fit the type", () => {
        throwsMatching(() => withTable(...all, "/** Q. @default t.per */ q?: string;"), /ThingArgs\.q: default "t\.per" is not a single value/);
        throwsMatching(() => withTable(...all, "/** Q. @default t.name */ q?: boolean;"), /ThingArgs\.q: default "x" does not fit/);
        const integer = `/** Whole. */\nexport type Integer = number;\n`;
        throwsMatching(
            () => build(integer + args("/** Q. @default d.half */ q?: Integer;"), { defaults: { d: { half: 1.5 } } }),
            /ThingArgs\.q: default 1\.5 does not fit/,
        );
        const colour = `/** C. */\nexport type Colour = "red" | "blue";\n`;
        throwsMatching(
            () => build(colour + args("/** Q. @default d.c */ q?: Colour;"), { defaults: { d: { c: "green" } } }),
            /ThingArgs\.q: default "green" does not fit/,
        );
    });

    it("requires every optional input to have a default or say what happens without one", () => {
        throwsMatching(() => build(args("/** A name. */ n?: string;")), /ThingArgs\.n: optional input without a default/);
        assert.ok(build(args("/** A name. Defaults to none: nothing is named. */ n?: string;")));
        assert.ok(build(args("/** A name. Required in mode x. */ n?: string;")));
        // Outputs and required inputs need neither.
        assert.ok(build(args("/** A name. */ n: string;")));
    });

    it("refuses a literal default in prose, and prose beside @default", () => {
        for (const prose of ["Defaults to 600.", 'Defaults to "basic".', "Defaults to false; leave it so."]) {
            throwsMatching(() => build(args(`/** A value. ${prose} */ v?: string;`)), /ThingArgs\.v: the description states a literal default/);
        }
        throwsMatching(
            () => withTable(...all.slice(1), "/** S. Defaults to half a minute. @default t.seconds */ s?: number;"),
            /ThingArgs\.s: has @default and also describes a default in prose/,
        );
    });
});

describe("schemaFromSource: one description per name", () => {
    const twoTypes = (aText: string, bText: string) => `
        /** A. */
        export interface A {
            /** ${aText} */
            host: string;
        }
        /** B. */
        export interface B {
            /** ${bText} */
            host: string;
        }
        ${args("/** The a. */ a: A;", "/** The b. */ b: B;")}`;

    it("fails when an input name carries two descriptions, naming both", () => {
        throwsMatching(() => build(twoTypes("Host name.", "The host.")), /input "host" has 2 descriptions[^]*p:index:A: Host name\.[^]*p:index:B: The host\./);
        assert.ok(build(twoTypes("Host name.", "Host name.")));
    });

    it("accepts a listed name with its reason, and fails when the listed name no longer differs", () => {
        assert.ok(build(twoTypes("Host name.", "The host."), { differentMeanings: { host: "different hosts" } }));
        throwsMatching(
            () => build(twoTypes("Host name.", "Host name."), { differentMeanings: { host: "different hosts" } }),
            /DIFFERENT_MEANINGS lists host, which no longer differ/,
        );
    });

    it("checks outputs among themselves, and lets an input and an output of one name differ", () => {
        const outputs = `
            /** O. */
            export interface ThingOutputs {
                /** The id. */
                id: string;
                /** Its rule. */
                rule: R;
            }
            /** R. */
            export interface R {
                /** Rule id. */
                id: string;
            }`;
        const text = `${args("/** Which id to use. */ id: string;")}\n${outputs}`;
        throwsMatching(
            () => schemaFromSource([{ name: "t.ts", text }], { packageName: "p", components, defaults: NO_DEFAULTS, differentMeanings: {} }),
            /output "id" has 2 descriptions/,
        );
        const consistent = text.replace("Rule id.", "The id.");
        assert.ok(schemaFromSource([{ name: "t.ts", text: consistent }], { packageName: "p", components, defaults: NO_DEFAULTS, differentMeanings: {} }));
    });
});
