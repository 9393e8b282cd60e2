// plan/instanceType.ts: DataSync agents need at least a 2xlarge (AWS agent requirements); metal
// sizes are larger than any xlarge.
import * as assert from "assert";
import { isAtLeast2xlarge } from "../../../provider/src/plan/instanceType";

describe("plan/instanceType isAtLeast2xlarge", () => {
    const table: [string, boolean][] = [
        ["m5.2xlarge", true],
        ["m6a.2xlarge", true],
        ["m5.4xlarge", true],
        ["m5.24xlarge", true],
        ["u-6tb1.112xlarge", true],
        ["c5.metal", true],
        ["m7i.metal-24xl", true],
        ["m5.xlarge", false],
        ["m5.large", false],
        ["t3.medium", false],
        ["m5.1xlarge", false],
        ["m5.2XLARGE", false],
        ["M5.2xlarge", false],
        ["m5.2xlarge ", false],
        ["m5", false],
        ["nonsense", false],
        ["", false],
    ];
    for (const [t, want] of table) {
        it(`${JSON.stringify(t)} -> ${want}`, () => assert.strictEqual(isAtLeast2xlarge(t), want));
    }
});
