// The exact command text and environment the Agent component generates, run against
// the agent emulator on 127.0.0.1 (local mode as the local Command would; remote mode
// as the jump host's sshd would: the command text with the identity on stdin).
import * as assert from "assert";
import { spawn } from "child_process";
import { Agent } from "../../provider/src/components/agent";
import { ActivationSettings } from "../../provider/src/args/activation";
import { built, recorder } from "../mocked/harness";
import { AgentEmulator, randomKey } from "./emulator";

const KEY_SHAPE = /[A-Z0-9]{5}(-[A-Z0-9]{5}){4}/;

function run(command: string, env: Record<string, string>, stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
    return new Promise((ok) => {
        const started = Date.now();
        // The Command runs with the CLI's environment: PATH, and where the provider keeps the script.
        const base = { PATH: process.env.PATH ?? "/usr/bin:/bin", XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? "" };
        const child = spawn("/bin/sh", ["-c", command], { env: { ...base, ...env } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.stdin.end(stdin ?? "");
        child.on("close", (code) => ok({ code, stdout, stderr, ms: Date.now() - started }));
    });
}

async function generated(name: string, activation: ActivationSettings): Promise<Record<string, any>> {
    recorder.reset();
    const agent = new Agent(name, {
        address: "10.20.1.5",
        activation,
        vpcEndpointId: "vpce-0123456789abcdef0",
        endpointPrivateIp: "10.0.1.10",
        subnetArn: "arn:aws:ec2:eu-west-2:111111111111:subnet/subnet-0d5700000000000a1",
        securityGroupArn: "arn:aws:ec2:eu-west-2:111111111111:security-group/sg-0123456789abcdef0",
    });
    await built(agent, agent.agentArn);
    return recorder.named(`${name}-activation`).inputs;
}

describe("the generated activation command, against the emulator", function () {
    this.timeout(30000);
    let emulator: AgentEmulator;
    afterEach(() => emulator.close());

    it("local mode: the Command's create text and environment fetch the key", async () => {
        const key = randomKey();
        emulator = await AgentEmulator.reserve([
            { kind: "redirectError", errorType: "PRIVATE_LINK_ENDPOINT_UNREACHABLE" },
            { kind: "key", key },
        ]);
        const c = await generated("gen", { addressOverride: emulator.address, timeoutSeconds: 20 });
        emulator.openAfter(500);
        const r = await run(c.create, c.environment);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(r.stdout, `${key}\n`);
        assert.doesNotMatch(r.stderr, KEY_SHAPE);
        assert.ok(r.ms < 15000, `took ${r.ms} ms`);
        assert.deepStrictEqual(emulator.requests.at(-1)!.pairs, [
            ["gatewayType", "SYNC"],
            ["activationRegion", "eu-west-2"],
            ["endpointType", "PRIVATE_LINK"],
            ["privateLinkEndpoint", "10.0.1.10"],
            ["no_redirect", null],
        ]);
    });

    it("remote mode: the short command text, with the script on stdin, fetches the key", async () => {
        const key = randomKey();
        emulator = await AgentEmulator.start([{ kind: "redirectKey", key }]);
        const c = await generated("genr", { mode: "remote", jumpHost: { host: "127.0.0.1" }, addressOverride: emulator.address, timeoutSeconds: 20 });
        assert.ok(c.create.length < 200, c.create);
        const r = await run(c.create, {}, c.stdin);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(r.stdout, `${key}\n`);
        assert.doesNotMatch(r.stderr, KEY_SHAPE);
        assert.strictEqual(emulator.requests.length, 1);
        assert.strictEqual(emulator.requests[0].query.privateLinkEndpoint, "10.0.1.10");
    });

    it("local mode with a short deadline: the default request timeout fits inside it", async () => {
        emulator = await AgentEmulator.start([{ kind: "hang" }]);
        const c = await generated("gens", { addressOverride: emulator.address, timeoutSeconds: 3 });
        assert.strictEqual(c.environment.ACTIVATION_REQUEST_TIMEOUT_SECONDS, "3");
        const r = await run(c.create, c.environment);
        assert.strictEqual(r.code, 3, r.stderr);
        assert.ok(r.ms < 10000, `took ${r.ms} ms`);
    });
});
