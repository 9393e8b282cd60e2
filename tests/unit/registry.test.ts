// The component registry is the one list: classes.ts exports exactly its components, the provider
// serves exactly its tokens.
import * as assert from "assert";
import * as classes from "../../provider/src/classes";
import { COMPONENT_NAMES, TOKENS } from "../../provider/src/components/tokens";
import * as index from "../../provider/src/index";
import { COMPONENTS } from "../../provider/src/provider";

describe("component registry", () => {
    it("has a class for every entry and no class without one", () => {
        assert.deepStrictEqual(Object.keys(classes).sort(), [...COMPONENT_NAMES].sort());
    });

    it("is what the provider serves and the package exports", () => {
        assert.deepStrictEqual(Object.keys(COMPONENTS).sort(), COMPONENT_NAMES.map((n) => TOKENS[n]).sort());
        for (const n of COMPONENT_NAMES) {
            assert.strictEqual((index as Record<string, unknown>)[n], classes[n], n);
        }
    });
});
