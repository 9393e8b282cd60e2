// plan/ids.ts: AWS resource IDs by kind (prefix and 8 or 17 lower-case hex digits) and the
// subnet/security group ARNs CreateAgent takes.
import * as assert from "assert";
import { idDescription, idKindOf, IdKind, isId, parseEc2Arn } from "../../../provider/src/plan/ids";

describe("plan/ids", () => {
    describe("isId", () => {
        const table: [IdKind, unknown, boolean][] = [
            ["subnet", "subnet-0aaa1111bbbb2222c", true],
            ["subnet", "subnet-0aaa1111", true],
            ["vpc", "vpc-0123456789abcdef0", true],
            ["tgw-rtb", "tgw-rtb-0123456789abcdef0", true],
            ["i", "i-0123456789abcdef0", true],
            ["sg", "sg-0123abcd", true],
            // 8 and 17 digits only.
            ["subnet", "subnet-0aaa111", false],
            ["subnet", "subnet-0aaa11112", false],
            ["subnet", "subnet-0aaa1111bbbb2222", false],
            ["subnet", "subnet-0aaa1111bbbb2222cd", false],
            // Lower-case hex only, the right prefix only.
            ["subnet", "subnet-0AAA1111BBBB2222C", false],
            ["subnet", "subnet-0aaa1111bbbb2222g", false],
            ["subnet", "rtb-0aaa1111bbbb2222c", false],
            ["vpc", "vpce-0123456789abcdef0", false],
            ["tgw", "tgw-rtb-0123456789abcdef0", false],
            ["subnet", " subnet-0aaa1111bbbb2222c", false],
            ["subnet", undefined, false],
            ["subnet", 12345678, false],
        ];
        for (const [kind, value, want] of table) {
            it(`isId(${kind}, ${JSON.stringify(value)}) = ${want}`, () => assert.strictEqual(isId(kind, value), want));
        }
    });

    describe("idKindOf", () => {
        const table: [string, IdKind | undefined][] = [
            ["tgw-rtb-0123456789abcdef0", "tgw-rtb"],
            ["tgw-0123456789abcdef0", "tgw"],
            ["rtb-0123456789abcdef0", "rtb"],
            ["vpce-0123456789abcdef0", "vpce"],
            ["vpc-0123456789abcdef0", "vpc"],
            ["subnet-0123abcd", "subnet"],
            ["eni-0123abcd", "eni"],
            ["pcx-0123abcd", "pcx"],
            ["vgw-0123abcd", "vgw"],
            ["ami-0123abcd", "ami"],
            ["i-0123abcd", "i"],
            ["sg-0123abcd", "sg"],
            ["igw-0123456789abcdef0", undefined],
            ["subnet-xyz", undefined],
            ["", undefined],
        ];
        for (const [value, want] of table) {
            it(`${JSON.stringify(value)} -> ${want}`, () => assert.strictEqual(idKindOf(value), want));
        }
    });

    it("idDescription names the kind and its prefix", () => {
        assert.deepStrictEqual((["subnet", "tgw-rtb", "vpce", "i", "sg"] as IdKind[]).map(idDescription), [
            "subnet ID (subnet-...)",
            "transit gateway route table ID (tgw-rtb-...)",
            "VPC endpoint ID (vpce-...)",
            "EC2 instance ID (i-...)",
            "security group ID (sg-...)",
        ]);
    });

    describe("parseEc2Arn", () => {
        const table: [string, ReturnType<typeof parseEc2Arn>][] = [
            [
                "arn:aws:ec2:eu-west-2:123456789012:subnet/subnet-0aaa1111bbbb2222c",
                { region: "eu-west-2", account: "123456789012", kind: "subnet", id: "subnet-0aaa1111bbbb2222c" },
            ],
            [
                "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123abcd",
                { region: "us-east-1", account: "123456789012", kind: "security-group", id: "sg-0123abcd" },
            ],
            [
                "arn:aws-us-gov:ec2:us-gov-west-1:123456789012:subnet/subnet-0123abcd",
                { region: "us-gov-west-1", account: "123456789012", kind: "subnet", id: "subnet-0123abcd" },
            ],
            [
                "arn:aws-cn:ec2:cn-north-1:123456789012:security-group/sg-0123456789abcdef0",
                { region: "cn-north-1", account: "123456789012", kind: "security-group", id: "sg-0123456789abcdef0" },
            ],
            // Kind and ID must agree.
            ["arn:aws:ec2:eu-west-2:123456789012:subnet/sg-0123abcd", undefined],
            ["arn:aws:ec2:eu-west-2:123456789012:security-group/subnet-0123abcd", undefined],
            // A malformed ID, account or resource type.
            ["arn:aws:ec2:eu-west-2:123456789012:subnet/subnet-0123", undefined],
            ["arn:aws:ec2:eu-west-2:12345678901:subnet/subnet-0123abcd", undefined],
            ["arn:aws:ec2:eu-west-2:123456789012:vpc/vpc-0123abcd", undefined],
            ["arn:aws:iam::123456789012:role/x", undefined],
            ["subnet-0123abcd", undefined],
        ];
        for (const [arn, want] of table) {
            it(`${arn} -> ${JSON.stringify(want)}`, () => assert.deepStrictEqual(parseEc2Arn(arn), want));
        }
        it("non-strings are not ARNs", () => assert.strictEqual(parseEc2Arn(42), undefined));
    });
});
