// plan/validate/deploySides.ts: each side's credentials (STS GetCallerIdentity) and Region
// against what the inputs say.
import * as assert from "assert";
import { UNKNOWN } from "../../../../provider/src/plan/known";
import { Problems } from "../../../../provider/src/plan/problems";
import { checkRegionsExist, checkSideFacts, SidesCheckInputs } from "../../../../provider/src/plan/validate/deploySides";

const SRC = "111111111111";
const DST = "222222222222";
const role = (account: string) => `arn:aws:iam::${account}:role/datasync-deployer`;

const INPUTS: SidesCheckInputs = {
    source: { accountId: SRC, roleArn: role(SRC) },
    destination: { region: "eu-west-2" },
    linked: true,
    activationRegionPath: "activationRegion",
};

function check(inputs: Partial<SidesCheckInputs>, source = SRC, destination = DST, destinationRegion = "eu-west-2"): Problems {
    const p = new Problems();
    checkSideFacts(p, { ...INPUTS, ...inputs }, { account: source, region: "eu-west-1" }, { account: destination, region: destinationRegion });
    return p;
}

const problems = (p: Problems) => p.list.map(({ path, value, reason, fix }) => ({ path, value, reason, fix }));

describe("plan/validate/deploySides checkSideFacts", () => {
    it("valid facts produce nothing", () => {
        const p = check({});
        assert.deepStrictEqual([p.list, p.warnings], [[], []]);
    });

    describe("declared account against the credentials' account", () => {
        it("accountId with a role that lands elsewhere", () => {
            assert.deepStrictEqual(problems(check({}, "333333333333")), [
                {
                    path: "source.accountId",
                    value: SRC,
                    reason: `the source side's credentials resolve to account 333333333333, not ${SRC}`,
                    fix: `fix source.roleArn so it reaches account ${SRC}, or correct the account`,
                },
            ]);
        });
        it("accountId with a profile: the fix names the profile", () => {
            assert.deepStrictEqual(problems(check({ destination: { accountId: DST, profile: "dst" } }, SRC, "333333333333")), [
                {
                    path: "destination.accountId",
                    value: DST,
                    reason: `the destination side's credentials resolve to account 333333333333, not ${DST}`,
                    fix: `fix destination.profile so it reaches account ${DST}, or correct the account`,
                },
            ]);
        });
        it("only a role: the role's account, reported at roleArn", () => {
            assert.deepStrictEqual(problems(check({ source: { roleArn: role(SRC) } }, "333333333333")), [
                {
                    path: "source.roleArn",
                    value: role(SRC),
                    reason: `the source side's credentials resolve to account 333333333333, not ${SRC}`,
                    fix: `fix source.roleArn so it reaches account ${SRC}, or correct the account`,
                },
            ]);
        });
        it("an unknown accountId falls back to the role's account", () => {
            assert.deepStrictEqual(
                check({ source: { accountId: UNKNOWN, roleArn: role(SRC) } }, "333333333333").list.map((x) => [x.path, x.value]),
                [["source.roleArn", role(SRC)]],
            );
        });
        it("nothing declared, or the side unknown: nothing to compare", () => {
            assert.deepStrictEqual(check({ source: { region: "eu-west-1" } }, "333333333333").list, []);
            assert.deepStrictEqual(check({ source: UNKNOWN }, "333333333333").list, []);
            assert.deepStrictEqual(check({ source: undefined }, "333333333333").list, []);
            assert.deepStrictEqual(check({ source: { roleArn: UNKNOWN } }, "333333333333").list, []);
        });
    });

    describe("a link between accounts", () => {
        it("different accounts and no link", () => {
            assert.deepStrictEqual(problems(check({ linked: false })), [
                {
                    path: "link",
                    value: undefined,
                    reason: `the agents' side (account ${SRC}) and the endpoint's side (account ${DST}) are different accounts, and nothing connects them`,
                    fix: 'set link with mode "peering", "transitGateway" or "existing" (Direct Connect / VPN)',
                },
            ]);
        });
        it("one account needs no link", () => {
            assert.deepStrictEqual(check({ linked: false, source: {} }, DST, DST).list, []);
        });
    });

    describe("activation Region", () => {
        it("another Region than the endpoint's", () => {
            assert.deepStrictEqual(problems(check({ activationRegion: "eu-west-1" })), [
                {
                    path: "activationRegion",
                    value: "eu-west-1",
                    reason: "the activation Region must be the endpoint's Region (eu-west-2); a key minted for another Region is refused by CreateAgent",
                    fix: "set it to eu-west-2 or leave it unset",
                },
            ]);
        });
        it("the endpoint's own, or unset: nothing", () => {
            assert.deepStrictEqual(check({ activationRegion: "eu-west-2" }).list, []);
            assert.deepStrictEqual(check({ activationRegion: undefined }).list, []);
        });
        it("at the caller's path", () => {
            assert.deepStrictEqual(
                check({ activationRegion: "us-east-1", activationRegionPath: "activation.region" }).list.map((x) => x.path),
                ["activation.region"],
            );
        });
    });

    it("all at once, in order", () => {
        assert.deepStrictEqual(
            check({ linked: false, destination: { accountId: DST }, activationRegion: "us-east-1" }, "333333333333", "444444444444").list.map((x) => x.path),
            ["source.accountId", "destination.accountId", "link", "activationRegion"],
        );
    });

    describe("checkRegionsExist", () => {
        // The Regions EC2 DescribeRegions returns for the partition.
        const KNOWN = ["eu-west-1", "eu-west-2", "us-east-1"];
        const run = (given: { path: string; region: string | undefined }[]) => {
            const p = new Problems();
            checkRegionsExist(p, given, KNOWN);
            return p;
        };
        it("a Region code AWS does not know", () => {
            assert.deepStrictEqual(problems(run([{ path: "source.region", region: "eu-west-9" }])), [
                {
                    path: "source.region",
                    value: "eu-west-9",
                    reason: "no such AWS Region in this partition (EC2 DescribeRegions)",
                    fix: "use a Region code such as eu-west-2",
                },
            ]);
        });
        it("known or unset Regions: nothing", () => {
            assert.deepStrictEqual(
                run([
                    { path: "source.region", region: "eu-west-1" },
                    { path: "destination.region", region: undefined },
                    { path: "activationRegion", region: "us-east-1" },
                ]).list,
                [],
            );
        });
        it("each unknown one at its own path, in order", () => {
            assert.deepStrictEqual(
                run([
                    { path: "source.region", region: "mars-north-1" },
                    { path: "destination.region", region: "eu-west-2" },
                    { path: "activationRegion", region: "EU-WEST-2" },
                ]).list.map((x) => [x.path, x.value]),
                [
                    ["source.region", "mars-north-1"],
                    ["activationRegion", "EU-WEST-2"],
                ],
            );
        });
    });
});
