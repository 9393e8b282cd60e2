// The shared fixture's tokens (tests/fixtures/aws.ts) are the installed @pulumi/aws's own: each
// resource token is its class's __pulumiType, each function token is what its function invokes.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { F, T } from "../fixtures/aws";

function member(token: string): unknown {
    const [, mod, name] = token.split(":");
    const ns = mod.split("/")[0];
    const root = aws as unknown as Record<string, Record<string, unknown>>;
    return ns === "index" ? (root as unknown as Record<string, unknown>)[name] : root[ns]?.[name];
}

describe("shared AWS fixture tokens", () => {
    for (const [key, token] of Object.entries(T).filter(([, t]) => t.startsWith("aws:"))) {
        it(`T.${key} is ${token}`, () => {
            const cls = member(token) as { __pulumiType?: string } | undefined;
            assert.ok(cls, `@pulumi/aws has no class for ${token}`);
            assert.strictEqual(cls.__pulumiType, token);
        });
    }
    for (const [key, token] of Object.entries(F)) {
        it(`F.${key} is ${token}`, () => {
            const fn = member(token);
            assert.strictEqual(typeof fn, "function", `@pulumi/aws has no function for ${token}`);
            assert.ok(String(fn).includes(`"${token}"`), `${token} is not what the function invokes`);
        });
    }
    it("T.provider is the AWS provider's type", () => {
        assert.strictEqual((aws.Provider as unknown as { __pulumiType: string }).__pulumiType, "aws");
        assert.strictEqual(T.provider, "pulumi:providers:aws");
    });
});
