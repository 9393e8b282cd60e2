// plan/problems.ts: problems collected across inputs, their one-line descriptions, and the
// error headline that never prints a secret value.
import * as assert from "assert";
import { at, describe as describeProblem, Problem, Problems, showValue, summary } from "../../../provider/src/plan/problems";

const problem = (value: unknown, secret = false): Problem => ({ path: "p", value, reason: "r", fix: "f", secret });

describe("plan/problems", () => {
    it("collects problems and warnings in order", () => {
        const p = new Problems();
        assert.strictEqual(p.empty, true);
        p.warn("careful");
        assert.strictEqual(p.empty, true, "a warning is not a problem");
        p.add("a.b", 1, "too small", "make it bigger");
        p.add("c", "k", "bad", "fix it", true);
        assert.strictEqual(p.empty, false);
        assert.deepStrictEqual(p.list, [
            { path: "a.b", value: 1, reason: "too small", fix: "make it bigger", secret: false },
            { path: "c", value: "k", reason: "bad", fix: "fix it", secret: true },
        ]);
        assert.deepStrictEqual(p.warnings, ["careful"]);
    });

    describe("showValue", () => {
        const table: [unknown, boolean, string][] = [
            ["10.0.0.1/16", false, '"10.0.0.1/16"'],
            [42, false, "42"],
            [false, false, "false"],
            [null, false, "null"],
            [undefined, false, "nothing"],
            [["a", 1, [true]], false, '["a",1,[true]]'],
            [[], false, "[]"],
            [{ privateKey: "x" }, false, "an object"],
            [["a", { k: 1 }], false, "an object"],
            ["F0EFT-7FPPR-GG7MC-3I9R3-27DOH", true, "a secret value"],
            [undefined, true, "a secret value"],
        ];
        for (const [value, secret, want] of table) {
            it(`${JSON.stringify(value)}${secret ? " (secret)" : ""} -> ${want}`, () => assert.strictEqual(showValue(problem(value, secret)), want));
        }
    });

    it("describe: value, reason and fix on one line", () => {
        assert.strictEqual(
            describeProblem({ path: "x", value: "10.0.0.1/16", reason: "not a CIDR", fix: "clear the host bits" }),
            'got "10.0.0.1/16": not a CIDR. Fix: clear the host bits',
        );
        assert.strictEqual(
            describeProblem({ path: "k", value: "SECRET-KEY", reason: "malformed", fix: "copy it again", secret: true }),
            "got a secret value: malformed. Fix: copy it again",
        );
    });

    describe("summary", () => {
        it("counts, singular and plural", () => {
            assert.strictEqual(summary("PrivateAgent", 1), "PrivateAgent: 1 invalid input; nothing was created");
            assert.strictEqual(summary("NetworkLink", 3), "NetworkLink: 3 invalid inputs; nothing was created");
        });
        it("spells out text-only problems by path, reason and fix, never their value", () => {
            const text = summary("Agent", 2, [
                {
                    path: "activation.manualKey",
                    value: "F0EFT-7FPPR-GG7MC-3I9R3-27DOH",
                    reason: "does not look like a key",
                    fix: "copy it exactly",
                    secret: true,
                },
            ]);
            assert.strictEqual(text, "Agent: 2 invalid inputs; nothing was created:\n  - activation.manualKey: does not look like a key. Fix: copy it exactly");
            assert.ok(!text.includes("F0EFT"));
        });
    });

    it("at joins a path and a field; an empty prefix is the top level", () => {
        assert.deepStrictEqual(
            [at("", "vpcId"), at("link", "mode"), at("agents[2]", "instance.subnetId")],
            ["vpcId", "link.mode", "agents[2].instance.subnetId"],
        );
    });
});
