// The fixture stacks through the real analyzer: the compiled pack served by @pulumi/policy over
// gRPC, as `pulumi preview --policy-pack` runs it.
import * as assert from "assert";
import { PolicyPackProcess } from "./analyzerClient";
import { componentBuiltStack, RECORDED_CONFIG, SCENARIOS } from "./recorded";
import { COMPONENT_CONFIG, componentShapedFixture, expectedLevels, HAND_BUILT_MISTAKES, handBuiltStack } from "./stacks";

describe("policy pack served by the policy SDK (gRPC analyzer)", function () {
    this.timeout(30000);
    let pack: PolicyPackProcess;

    before(async () => {
        pack = await PolicyPackProcess.start();
    });

    after(() => pack?.stop());

    for (const preview of [false, true]) {
        const when = preview ? "preview: IDs unknown" : "update: IDs known";

        it(`flags every mistake of the hand-built stack, and nothing else (${when})`, async () => {
            await pack.configure({});
            const ds = await pack.analyze(handBuiltStack({ preview }));
            const skipped = ds.filter((d) => d.message.includes("can't run"));
            assert.deepStrictEqual(skipped, []);
            const tally = new Map<string, number>();
            for (const d of ds) {
                const k = `${d.policy}|${d.urn.split("::").pop()}`;
                tally.set(k, (tally.get(k) ?? 0) + 1);
            }
            assert.deepStrictEqual(tally, new Map(HAND_BUILT_MISTAKES.map((m) => [`${m.policy}|${m.resource}`, m.count])));
            const levels = expectedLevels();
            assert.deepStrictEqual(
                ds.filter((d) => d.enforcementLevel !== levels.get(d.policy)).map((d) => `${d.policy}: ${d.enforcementLevel}`),
                [],
            );
        });

        it(`flags nothing in the component-shaped stack (${when})`, async () => {
            await pack.configure(COMPONENT_CONFIG);
            assert.deepStrictEqual(await pack.analyze(componentShapedFixture({ preview })), []);
        });
    }

    for (const scenario of Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]) {
        it(`flags nothing in the stack the components build for the ${scenario} scenario`, async () => {
            await pack.configure(RECORDED_CONFIG);
            assert.deepStrictEqual(await pack.analyze(await componentBuiltStack(scenario)), []);
        });
    }

    it("applies pack config sent by the CLI (enforcement level and properties)", async () => {
        await pack.configure({ "datasync-agent-private-endpoint": { enforcementLevel: "advisory", allowPublicAgents: false } });
        const ds = await pack.analyze(handBuiltStack());
        const agents = ds.filter((d) => d.policy === "datasync-agent-private-endpoint");
        assert.deepStrictEqual(agents.map((d) => `${d.urn.split("::").pop()} ${d.enforcementLevel}`).sort(), ["ec2-agent advisory", "onprem-agent advisory"]);
        await pack.configure({ "datasync-agent-private-endpoint": { allowPublicAgents: true } });
        const left = (await pack.analyze(handBuiltStack())).filter((d) => d.policy === "datasync-agent-private-endpoint");
        assert.deepStrictEqual(
            left.map((d) => d.urn.split("::").pop()),
            ["onprem-agent"],
            "the public agent is allowed; the ConflictsWith one is not",
        );
    });
});
