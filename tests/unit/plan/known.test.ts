// plan/known.ts: values known at construction, and UNKNOWN for outputs not resolved yet.
import * as assert from "assert";
import { knownList, UNKNOWN, val } from "../../../provider/src/plan/known";

describe("plan/known", () => {
    it("UNKNOWN is one registry-wide symbol, so copies of the module agree", () => {
        assert.strictEqual(UNKNOWN, Symbol.for("datasync-privatelink.unknown"));
    });

    it("val: the value, or undefined for UNKNOWN; falsy values stay", () => {
        assert.deepStrictEqual([val("x"), val(UNKNOWN), val(undefined), val(0), val(""), val(false)], ["x", undefined, undefined, 0, "", false]);
    });

    describe("knownList", () => {
        const table: [Parameters<typeof knownList<string>>[0], { items: string[]; complete: boolean }][] = [
            [["a", "b"], { items: ["a", "b"], complete: true }],
            [["a", UNKNOWN, "c"], { items: ["a", "c"], complete: false }],
            [[UNKNOWN], { items: [], complete: false }],
            [[], { items: [], complete: true }],
            [undefined, { items: [], complete: true }],
            [UNKNOWN, { items: [], complete: false }],
        ];
        for (const [input, want] of table) {
            it(`${String(input === UNKNOWN ? "UNKNOWN" : JSON.stringify(input, (_, v) => (v === UNKNOWN ? "UNKNOWN" : v)))} -> ${JSON.stringify(want)}`, () =>
                assert.deepStrictEqual(knownList(input), want));
        }
    });
});
