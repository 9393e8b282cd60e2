import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { activationKeySecret } from "../../policy/policies";
import { check, FixtureResource, ref, StackFixture, UNKNOWN_STRING } from "./fixtures";

const CURL = 'curl -s "http://10.1.1.10/?gatewayType=SYNC&activationRegion=eu-west-2&endpointType=PRIVATE_LINK&privateLinkEndpoint=10.0.1.5&no_redirect"';
const KEY = { outputs: { stdout: "F0EFT-7FPPR-GG7MC-3I9R3-27DOH" } };
const SECRET = { ...KEY, opts: { additionalSecretOutputs: ["stdout"] } };

function stack(type: string, props: Record<string, unknown>, o: { secret?: boolean; feedsAgent?: boolean; preview?: boolean } = {}) {
    const s = new StackFixture({ preview: o.preview });
    const cmd = s.add(type, "get-key", props, o.secret === false ? KEY : SECRET);
    if (o.feedsAgent) {
        s.add(TYPES.datasyncAgent, "agent", { activationKey: ref(cmd, "stdout"), vpcEndpointId: "vpce-0a1b2c3d4e5f60718" });
    }
    return { resources: s.resources, cmd };
}

const messages = async (rs: FixtureResource[]) => (await check(activationKeySecret, rs)).messages;

describe("policy 10: datasync-activation-key-secret", () => {
    it('passes logging "stderr" or "none" with stdout secret', async () => {
        for (const logging of ["stderr", "none"]) {
            const { resources } = stack(TYPES.localCommand, { create: CURL, logging });
            const o = await check(activationKeySecret, resources);
            assert.strictEqual(o.notApplicable, undefined);
            assert.deepStrictEqual(o.messages, [], logging);
        }
    });

    it("flags logging left at its default", async () => {
        const { resources, cmd } = stack(TYPES.localCommand, { create: CURL });
        const o = await check(activationKeySecret, resources);
        assert.deepStrictEqual(o.violations, [
            {
                message:
                    'command.local.Command "get-key" fetches a DataSync activation key, but its logging is unset (default "stdoutAndStderr"), so the key on stdout is written to the logs. ' +
                    'Set logging to "stderr" or "none".',
                urn: cmd.urn,
            },
        ]);
    });

    it('flags logging "stdout" and "stdoutAndStderr"', async () => {
        for (const logging of ["stdout", "stdoutAndStderr"]) {
            const m = await messages(stack(TYPES.localCommand, { create: CURL, logging }).resources);
            assert.strictEqual(m.length, 1, logging);
            assert.match(m[0], new RegExp(`its logging is "${logging}"`));
        }
    });

    it("flags stdout that is not an additional secret output", async () => {
        const m = await messages(stack(TYPES.localCommand, { create: CURL, logging: "stderr" }, { secret: false }).resources);
        assert.deepStrictEqual(m, [
            'command.local.Command "get-key" fetches a DataSync activation key, but "stdout" is not in its additionalSecretOutputs, so the key is stored in plain text in the state. ' +
                'Add { additionalSecretOutputs: ["stdout"] } to its resource options.',
        ]);
    });

    it("recognises a Command by what it feeds (an Agent's activationKey), at update and at preview", async () => {
        for (const preview of [false, true]) {
            const m = await messages(stack(TYPES.localCommand, { create: "./get-key.sh" }, { secret: false, feedsAgent: true, preview }).resources);
            assert.strictEqual(m.length, 2, `preview=${preview}`);
        }
    });

    it("recognises a remote Command by this package's activate.sh environment", async () => {
        const m = await messages(
            stack(TYPES.remoteCommand, {
                connection: { host: "10.1.0.10", user: "ec2-user" },
                create: "sh -s",
                environment: { AGENT_ADDRESS: "10.1.1.10", ACTIVATION_REGION: "eu-west-2", PRIVATE_LINK_ENDPOINT: "10.0.1.5" },
                logging: "stdoutAndStderr",
            }).resources,
        );
        assert.strictEqual(m.length, 1);
        assert.match(m[0], /^command\.remote\.Command "get-key" fetches a DataSync activation key, but its logging is "stdoutAndStderr"/);
    });

    it("skips a logging value not known yet", async () => {
        assert.deepStrictEqual(await messages(stack(TYPES.localCommand, { create: CURL, logging: UNKNOWN_STRING }).resources), []);
    });

    it("is not applicable to unrelated Commands", async () => {
        const { resources } = stack(TYPES.localCommand, { create: "echo hello" }, { secret: false });
        assert.match((await check(activationKeySecret, resources)).notApplicable ?? "", /no Command fetches a DataSync activation key/);
    });
});
