// plan/activationKey.ts: the shape of a DataSync activation key (five groups of five capital
// letters or digits, as the agent returns it with no_redirect; surrounding whitespace trimmed).
import * as assert from "assert";
import { ACTIVATION_KEY_PATTERN, isActivationKey } from "../../../provider/src/plan/activationKey";

describe("plan/activationKey", () => {
    const table: [unknown, boolean][] = [
        ["F0EFT-7FPPR-GG7MC-3I9R3-27DOH", true],
        [" F0EFT-7FPPR-GG7MC-3I9R3-27DOH\n", true],
        ["00000-00000-00000-00000-00000", true],
        ["f0eft-7fppr-gg7mc-3i9r3-27doh", false],
        ["F0EFT-7FPPR-GG7MC-3I9R3", false],
        ["F0EFT-7FPPR-GG7MC-3I9R3-27DOH-AAAAA", false],
        ["F0EFT7FPPRGG7MC3I9R327DOH", false],
        ["F0EF-T7FPPR-GG7MC-3I9R3-27DOH", false],
        ["F0EFT-7FPPR-GG7MC-3I9R3-27DO!", false],
        ["F0EFT 7FPPR GG7MC 3I9R3 27DOH", false],
        ["", false],
        [undefined, false],
        [12345, false],
    ];
    for (const [v, want] of table) {
        it(`${JSON.stringify(v)} -> ${want}`, () => assert.strictEqual(isActivationKey(v), want));
    }
    it("the exported pattern does not trim", () => assert.strictEqual(ACTIVATION_KEY_PATTERN.test(" F0EFT-7FPPR-GG7MC-3I9R3-27DOH"), false));
});
