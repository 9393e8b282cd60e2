// A side that needs other credentials gets a provider built from the stack's own aws: settings
// (an explicit provider reads none of them, @pulumi/aws provider.d.ts), with the side's role
// chained after the stack's roles and the stack's allow-list of accounts left out.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, DST, SOURCE_ACCOUNT } from "../fixtures/aws";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { built, recorder } from "./harness";

const STACK_ROLE = `arn:aws:iam::${ACCOUNT}:role/ci-deployer`;
const SOURCE_ROLE = `arn:aws:iam::${SOURCE_ACCOUNT}:role/datasync-source`;

describe("side providers inherit the stack's AWS settings", () => {
    const config: Record<string, string> = {
        "aws:profile": "ci",
        "aws:region": "eu-west-2",
        "aws:defaultTags": JSON.stringify({ tags: { costCentre: "42" } }),
        "aws:assumeRoles": JSON.stringify([{ roleArn: STACK_ROLE }]),
        "aws:allowedAccountIds": JSON.stringify([ACCOUNT]),
        "aws:skipRequestingAccountId": "true",
    };
    let saved: Record<string, string>;
    before(async () => {
        saved = pulumi.runtime.allConfig();
        recorder.reset();
        recorder.world.profiles.ci = ACCOUNT;
        for (const [k, v] of Object.entries(config)) {
            pulumi.runtime.setConfig(k, v);
        }
        const fleet = new PrivateAgent("dsync", {
            source: { roleArn: SOURCE_ROLE, region: "eu-west-2" },
            vpcId: DST.vpc,
            endpointSubnetIds: [DST.subnetA],
            agents: [{ name: "onprem1", address: "10.20.1.5" }],
            link: { mode: "existing", sourceCidrBlocks: ["10.20.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"] },
        });
        await built(fleet, fleet.agentArn);
    });
    after(() => pulumi.runtime.setAllConfig(saved));

    it("builds the source provider from the stack's profile, Region, default tags and settings, with the side's role after the stack's", () => {
        const providers = recorder.ofType("pulumi:providers:aws");
        assert.deepStrictEqual(
            providers.map((p) => p.name),
            ["dsync-source"],
            "only the side with other credentials gets a provider",
        );
        const p = providers[0].inputs;
        assert.strictEqual(p.profile, "ci");
        assert.strictEqual(p.region, "eu-west-2");
        assert.deepStrictEqual(JSON.parse(p.defaultTags), { tags: { costCentre: "42" } });
        assert.deepStrictEqual(JSON.parse(p.assumeRoles), [{ roleArn: STACK_ROLE }, { roleArn: SOURCE_ROLE, sessionName: "datasync-privatelink" }]);
        assert.strictEqual(p.skipRequestingAccountId, "true");
        assert.strictEqual(p.allowedAccountIds, undefined, "the stack's allow-list guards its own account, not the side's");
    });
});
