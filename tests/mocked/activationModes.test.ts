import * as assert from "assert";
import { Agent } from "../../provider/src/components/agent";
import { AgentArgs } from "../../provider/src/args/agent";
import { KEY, recorder, SECRET_SIG, SECRET_VALUE, settle } from "./harness";

const VPCE = "vpce-0123456789abcdef0";

function agentArgs(extra: Partial<AgentArgs>): AgentArgs {
    return {
        address: "10.20.1.5",
        vpcEndpointId: VPCE,
        endpointPrivateIp: "10.0.1.10",
        subnetArn: "arn:aws:ec2:eu-west-2:111111111111:subnet/subnet-dst-a",
        securityGroupArn: "arn:aws:ec2:eu-west-2:111111111111:security-group/sg-0abc",
        ...extra,
    };
}

async function build(name: string, args: AgentArgs): Promise<void> {
    const a = new Agent(name, args);
    await settle(a.agentArn);
}

const secret = (v: unknown) => ({ [SECRET_SIG]: SECRET_VALUE, value: v });

describe("Activation modes", () => {
    beforeEach(() => recorder.reset());

    it("local: a local Command with the script as its command and the target in its environment", async () => {
        await build("loc", agentArgs({}));
        assert.strictEqual(recorder.ofType("command:local:Command").length, 1);
        const c = recorder.named("loc-activation").inputs;
        assert.strictEqual(c.environment.AGENT_ADDRESS, "10.20.1.5");
        assert.strictEqual(c.logging, "stderr");
        assert.match(c.create, /^#!\/bin\/sh/);
        assert.deepStrictEqual(recorder.named("loc-agent").inputs.activationKey, secret(KEY));
    });

    it("address override: the request goes to the tunnel address, the agent keeps its own", async () => {
        await build("ovr", agentArgs({ activation: { addressOverride: "127.0.0.1:18080" } }));
        assert.strictEqual(recorder.named("ovr-activation").inputs.environment.AGENT_ADDRESS, "127.0.0.1:18080");
    });

    it("FIPS: the request names the FIPS private endpoint type", async () => {
        recorder.world.regionByProvider["fips-destination"] = "us-east-1";
        await build("fips", agentArgs({ fips: true, destination: { region: "us-east-1" } }));
        assert.strictEqual(recorder.named("fips-activation").inputs.environment.ENDPOINT_TYPE, "FIPS_PRIVATE_LINK");
    });

    it("remote: a remote Command over SSH, the identity on stdin, the private key kept secret", async () => {
        await build(
            "rem",
            agentArgs({ activation: { mode: "remote", jumpHost: { host: "127.0.0.1", user: "ops", port: 2222, privateKey: "-----BEGIN KEY-----" }, timeoutSeconds: 120 } }),
        );
        assert.strictEqual(recorder.ofType("command:local:Command").length, 0);
        const c = recorder.named("rem-activation").inputs;
        assert.strictEqual(c.stdin, "10.20.1.5 eu-west-2 PRIVATE_LINK 10.0.1.10\n");
        // handed to /bin/sh whatever the login shell is; the identity is read from stdin
        assert.match(c.create, /^exec \/bin\/sh -c 'read -r AGENT_ADDRESS ACTIVATION_REGION ENDPOINT_TYPE PRIVATE_LINK_ENDPOINT \|\| exit 2\nexport AGENT_ADDRESS/);
        assert.match(c.create, /export ACTIVATION_TIMEOUT_SECONDS=120 ACTIVATION_REQUEST_TIMEOUT_SECONDS=10\n/);
        // The connection carries the private key, so it is stored as a secret whole.
        assert.strictEqual(c.connection[SECRET_SIG], SECRET_VALUE);
        const conn = c.connection.value;
        assert.strictEqual(conn.host, "127.0.0.1");
        assert.strictEqual(conn.user, "ops");
        assert.strictEqual(conn.port, 2222);
        assert.strictEqual(conn.privateKey, "-----BEGIN KEY-----");
        assert.strictEqual(c.logging, "stderr");
        assert.strictEqual(c.environment, undefined);
    });

    it("manual: no Command at all; the given key goes to CreateAgent as a secret", async () => {
        await build("man", agentArgs({ activation: { mode: "manual", manualKey: ` ${KEY}\n` } }));
        assert.strictEqual(recorder.resources.filter((r) => r.type.startsWith("command:")).length, 0);
        assert.deepStrictEqual(recorder.named("man-agent").inputs.activationKey, secret(KEY));
    });
});

describe("Activation lifecycle", () => {
    async function commandInputs(tags: Record<string, string>, generation: number, trigger?: string): Promise<Record<string, any>> {
        recorder.reset();
        recorder.world.instanceGeneration = generation;
        await build(
            "life",
            agentArgs({
                address: undefined,
                instance: { subnetId: "subnet-dst-a" },
                activationSourceCidrs: ["10.0.200.10/32"],
                taskSubnetCidr: "10.0.1.0/24",
                tags,
                activation: trigger ? { reactivationTrigger: trigger } : undefined,
            }),
        );
        return recorder.named("life-activation").inputs;
    }

    it("a tag change leaves the activation Command's inputs untouched", async () => {
        const before = await commandInputs({ env: "dev" }, 1);
        const after = await commandInputs({ env: "prod", owner: "storage" }, 1);
        assert.deepStrictEqual(after, before);
        assert.deepStrictEqual(recorder.named("life-instance").inputs.tags, { DataSyncAgent: "life", Name: "life", env: "prod", owner: "storage" });
    });

    it("a replaced instance changes the Command's triggers, so it re-activates", async () => {
        const before = await commandInputs({}, 1);
        const after = await commandInputs({}, 2);
        assert.notDeepStrictEqual(after.triggers[0], before.triggers[0]);
        assert.match(after.triggers[0], /^i-/);
        assert.deepStrictEqual(after.triggers.slice(1), before.triggers.slice(1));
    });

    it("reactivationTrigger forces a fresh key", async () => {
        const before = await commandInputs({}, 1);
        const after = await commandInputs({}, 1, "2026-11-22");
        assert.deepStrictEqual(after.triggers.slice(0, 2), before.triggers.slice(0, 2));
        assert.strictEqual(after.triggers[2], "2026-11-22");
    });
});
