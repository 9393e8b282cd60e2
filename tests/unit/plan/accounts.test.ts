// plan/accounts.ts: 12-digit account IDs and IAM role ARNs (arn:<partition>:iam::<account>:role/<path/name>).
import * as assert from "assert";
import { accountOfRoleArn, isAccountId, isRoleArn } from "../../../provider/src/plan/accounts";

describe("plan/accounts", () => {
    const accounts: [unknown, boolean][] = [
        ["123456789012", true],
        ["000000000000", true],
        ["12345678901", false],
        ["1234567890123", false],
        ["12345678901a", false],
        [" 123456789012", false],
        [123456789012, false],
        [undefined, false],
    ];
    for (const [v, want] of accounts) {
        it(`isAccountId(${JSON.stringify(v)}) = ${want}`, () => assert.strictEqual(isAccountId(v), want));
    }

    const roles: [string, string | undefined][] = [
        ["arn:aws:iam::123456789012:role/datasync-deployer", "123456789012"],
        ["arn:aws:iam::123456789012:role/service-role/path/Deployer+=,.@-_", "123456789012"],
        ["arn:aws-us-gov:iam::210987654321:role/x", "210987654321"],
        ["arn:aws-cn:iam::111122223333:role/x", "111122223333"],
        ["arn:aws:iam::123456789012:user/alice", undefined],
        ["arn:aws:iam::12345678901:role/x", undefined],
        ["arn:aws:iam:eu-west-2:123456789012:role/x", undefined],
        ["arn:aws:sts::123456789012:assumed-role/x/session", undefined],
        ["arn:aws:iam::123456789012:role/", undefined],
        ["arn:aws:iam::123456789012:role/has space", undefined],
        ["123456789012", undefined],
    ];
    for (const [arn, account] of roles) {
        it(`${arn}: role ${account !== undefined}, account ${account}`, () => {
            assert.strictEqual(isRoleArn(arn), account !== undefined);
            assert.strictEqual(accountOfRoleArn(arn), account);
        });
    }
    it("isRoleArn refuses non-strings", () => assert.strictEqual(isRoleArn({ arn: "arn:aws:iam::123456789012:role/x" }), false));
});
