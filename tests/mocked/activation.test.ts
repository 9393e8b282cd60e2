// The activation Command per mode, and the DataSync agent it feeds. Rules and their sources:
// - aws.datasync.Agent takes the key and no privateLinkEndpoint or ipAddress: they conflict with
//   activation_key (TF internal/service/datasync/agent.go: "activation_key" ConflictsWith
//   "private_link_endpoint", "ip_address"; review F1). Its ForceNew arguments (security_group_arns,
//   subnet_arns, vpc_endpoint_id) are among the activation's triggers, so a replaced Agent gets a
//   fresh key (keys are single-use), and it is deleted before it is replaced so the VM's port 80
//   reopens (F5). The key is a secret output (additionalSecretOutputs).
// - Local mode runs the script from the user's cache directory; the state holds only the short
//   command line (issue 11). The deadlines are ignored on update: changing them must not re-activate.
// - Remote mode hands the script to /bin/sh -c on the jump host, with the identity on stdin (sshd
//   often refuses client environment variables: AcceptEnv), and the SSH keys as secrets.
// - Manual mode makes no request: the key read from the console is used, as a secret.
// - The AMI comes from the SSM parameter's insecureValue, so it is readable in previews and state
//   (@pulumi/aws ssm/getParameter.d.ts: `value` is always sensitive, `insecureValue` never; F18).
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, AMI, DST, REGION, T } from "../fixtures/aws";
import { AgentSpec } from "../../provider/src/args/agentSpec";
import { PrivateAgentArgs } from "../../provider/src/args/privateAgent";
import { activationScript } from "../../provider/src/activation/script";
import { installActivationScript } from "../../provider/src/activation/scriptFile";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { built, KEY, recorder, SECRET_SIG, SECRET_VALUE } from "./harness";

const LOCAL_COMMAND = 'exec /bin/sh "${XDG_CACHE_HOME:-$HOME/.cache}/datasync-privatelink/activate.sh"';
const ENDPOINT_IP = "10.0.1.10";
const SUBNET_ARN = `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${DST.subnetA}`;
const secret = (value: unknown) => ({ [SECRET_SIG]: SECRET_VALUE, value });

async function deploy(agent: Partial<AgentSpec>, extra: Partial<PrivateAgentArgs> = {}): Promise<PrivateAgent> {
    recorder.reset();
    const fleet = new PrivateAgent(
        "dsync",
        { vpcId: DST.vpc, endpointSubnetIds: [DST.subnetA], agents: [{ name: "vm1", address: "10.20.1.5", ...agent } as AgentSpec], ...extra },
        { transformations: [recorder.capture] },
    );
    await built(fleet, fleet.agentArns, fleet.firewallRules);
    return fleet;
}

const identity = (address: string) =>
    JSON.stringify({ AGENT_ADDRESS: address, ACTIVATION_REGION: REGION, ENDPOINT_TYPE: "PRIVATE_LINK", PRIVATE_LINK_ENDPOINT: ENDPOINT_IP });
const endpointId = () => recorder.named("dsync-endpoint").id;
const groupArn = () => recorder.named("dsync-sg").state!.arn;

describe("activation", () => {
    describe("local mode (the default)", () => {
        before(async () => {
            await deploy({ activation: { timeoutSeconds: 120, reactivationTrigger: "rotate-1" } });
        });

        it("runs a command that only names the cached script, with the identity and deadlines in its environment", () => {
            const c = recorder.named("dsync-vm1-activation");
            assert.strictEqual(c.type, T.localCommand);
            assert.deepStrictEqual(c.inputs, {
                create: LOCAL_COMMAND,
                environment: {
                    AGENT_ADDRESS: "10.20.1.5",
                    ACTIVATION_REGION: REGION,
                    ENDPOINT_TYPE: "PRIVATE_LINK",
                    PRIVATE_LINK_ENDPOINT: ENDPOINT_IP,
                    ACTIVATION_TIMEOUT_SECONDS: "120",
                    ACTIVATION_REQUEST_TIMEOUT_SECONDS: "10",
                },
                logging: "stderr",
                triggers: ["", endpointId(), SUBNET_ARN, groupArn(), identity("10.20.1.5"), "rotate-1"],
            });
        });

        it("is replaced (delete first) only on its triggers; the command text and deadlines are ignored on update; stdout is secret", async () => {
            const o = recorder.optionsOf("dsync-vm1-activation");
            assert.deepStrictEqual(o.ignoreChanges, ["create", "environment.ACTIVATION_TIMEOUT_SECONDS", "environment.ACTIVATION_REQUEST_TIMEOUT_SECONDS"]);
            assert.strictEqual(o.deleteBeforeReplace, true);
            assert.deepStrictEqual(o.additionalSecretOutputs, ["stdout"]);
            // It waits for the endpoint group's rules that admit the agent.
            assert.deepStrictEqual(await recorder.dependsOnNames("dsync-vm1-activation"), ["dsync-in-agent-vm1-1024-1064", "dsync-in-agent-vm1-443"]);
        });

        it("registers the agent with the key as a secret, no privateLinkEndpoint or ipAddress (F1), deleted before it is replaced (F5)", () => {
            assert.deepStrictEqual(recorder.named("dsync-vm1-agent").inputs, {
                name: "vm1",
                activationKey: secret(KEY),
                vpcEndpointId: endpointId(),
                subnetArns: [SUBNET_ARN],
                securityGroupArns: [groupArn()],
                tags: {},
            });
            const o = recorder.optionsOf("dsync-vm1-agent");
            assert.strictEqual(o.deleteBeforeReplace, true);
            assert.deepStrictEqual(o.additionalSecretOutputs, ["activationKey"]);
        });

        it("writes the script to $XDG_CACHE_HOME/datasync-privatelink/activate.sh, 0600 in a 0700 directory", () => {
            const file = path.join(process.env.XDG_CACHE_HOME!, "datasync-privatelink", "activate.sh");
            assert.strictEqual(fs.readFileSync(file, "utf8"), activationScript());
            assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
            assert.strictEqual(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);
        });
    });

    it("writes the script privately even into a directory that was open, and replaces a stale copy", () => {
        const cache = fs.mkdtempSync(path.join(os.tmpdir(), "dspl-cache-"));
        const dir = path.join(cache, "datasync-privatelink");
        fs.mkdirSync(dir, { mode: 0o755 });
        fs.chmodSync(dir, 0o755);
        fs.writeFileSync(path.join(dir, "activate.sh"), "echo stale\n", { mode: 0o644 });
        const file = installActivationScript({ XDG_CACHE_HOME: cache });
        assert.strictEqual(file, path.join(dir, "activate.sh"));
        assert.strictEqual(fs.readFileSync(file, "utf8"), activationScript());
        assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
        assert.strictEqual(fs.statSync(dir).mode & 0o777, 0o700);
        fs.rmSync(cache, { recursive: true });
    });

    it("a short overall deadline shortens the per-request one", async () => {
        await deploy({ activation: { timeoutSeconds: 5 } });
        const env = recorder.named("dsync-vm1-activation").inputs.environment;
        assert.deepStrictEqual([env.ACTIVATION_TIMEOUT_SECONDS, env.ACTIVATION_REQUEST_TIMEOUT_SECONDS], ["5", "5"]);
    });

    it("addressOverride: the request (and the identity) goes to the tunnel, the agent's rules stay on its own address", async () => {
        await deploy({ activation: { addressOverride: "127.0.0.1:18080" } });
        const c = recorder.named("dsync-vm1-activation").inputs;
        assert.strictEqual(c.environment.AGENT_ADDRESS, "127.0.0.1:18080");
        assert.strictEqual(c.triggers[4], identity("127.0.0.1:18080"));
        assert.strictEqual(recorder.named("dsync-in-agent-vm1-443").inputs.cidrIpv4, "10.20.1.5/32");
    });

    it("an EC2 agent: the instance ID is the first trigger, its address the identity, and the AMI is not a secret (F18)", async () => {
        recorder.reset();
        const fleet = new PrivateAgent(
            "dsync",
            {
                vpcId: DST.vpc,
                endpointSubnetIds: [DST.subnetA],
                agents: [{ name: "ec2", instance: { subnetId: DST.subnetB } }],
                activationSourceCidrs: ["10.0.9.10/32"],
            },
            { transformations: [recorder.capture] },
        );
        await built(fleet, fleet.agentArns);
        const instance = recorder.named("dsync-ec2-instance");
        const c = recorder.named("dsync-ec2-activation").inputs;
        assert.deepStrictEqual(c.triggers, [instance.id, endpointId(), SUBNET_ARN, groupArn(), identity("10.0.2.15"), ""]);
        assert.strictEqual(instance.inputs.ami, AMI.basic);
        assert.deepStrictEqual(recorder.optionsOf("dsync-ec2-instance").ignoreChanges, ["ami"]);
        // The activation waits for the agent group's rules and the endpoint group's rules.
        assert.deepStrictEqual(await recorder.dependsOnNames("dsync-ec2-activation"), [
            "dsync-agents-in-activation0-80",
            "dsync-agents-out-endpoint-1024-1064",
            "dsync-agents-out-endpoint-443",
            "dsync-agents-out-tasks0-443",
            "dsync-in-agents-1024-1064",
            "dsync-in-agents-443",
        ]);
    });

    describe("remote mode", () => {
        const PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nmock\n-----END OPENSSH PRIVATE KEY-----";
        before(async () => {
            await deploy({
                activation: {
                    mode: "remote",
                    jumpHost: { host: "10.0.9.10", privateKey: PRIVATE_KEY, proxy: { host: "10.0.8.8", port: 2222 } },
                    timeoutSeconds: 300,
                },
            });
        });

        it("runs a short command text naming the agent's identity, which any login shell runs", () => {
            const c = recorder.named("dsync-vm1-activation");
            assert.strictEqual(c.type, T.remoteCommand);
            assert.strictEqual(
                c.inputs.create,
                `exec env AGENT_ADDRESS='10.20.1.5' ACTIVATION_REGION='${REGION}' ENDPOINT_TYPE='PRIVATE_LINK' PRIVATE_LINK_ENDPOINT='${ENDPOINT_IP}' /bin/sh -s`,
            );
        });

        it("sends the deadlines and a compact copy of the script on stdin, the script as one group that cannot read stdin", () => {
            const lines: string[] = recorder.named("dsync-vm1-activation").inputs.stdin.split("\n");
            assert.deepStrictEqual(lines.slice(0, 3), [
                "ACTIVATION_TIMEOUT_SECONDS='300' ACTIVATION_REQUEST_TIMEOUT_SECONDS='10'",
                "export ACTIVATION_TIMEOUT_SECONDS ACTIVATION_REQUEST_TIMEOUT_SECONDS",
                "{",
            ]);
            assert.deepStrictEqual(lines.slice(-2), ["} </dev/null", ""]);
            const scriptLines = activationScript().split("\n");
            // Only comment and blank lines are dropped: the state holds the text per agent.
            assert.deepStrictEqual(
                lines.slice(3, -2),
                scriptLines.filter((l) => !/^\s*(#.*)?$/.test(l)),
            );
        });

        it("connects with the default user and port, and the proxy with the jump host's key, the whole connection a secret", () => {
            // @pulumi/command remote/command.js wraps the connection in pulumi.secret and fills
            // dialErrorLimit (10) and perDialTimeout (15) in (connectionArgsProvideDefaults).
            assert.deepStrictEqual(
                recorder.named("dsync-vm1-activation").inputs.connection,
                secret({
                    host: "10.0.9.10",
                    user: "ec2-user",
                    port: 22,
                    privateKey: PRIVATE_KEY,
                    dialErrorLimit: 10,
                    perDialTimeout: 15,
                    proxy: { host: "10.0.8.8", user: "ec2-user", port: 2222, privateKey: PRIVATE_KEY, dialErrorLimit: 10, perDialTimeout: 15 },
                }),
            );
        });

        it("is replaced only on its triggers (the script, deadlines and connection are ignored on update), delete first, stdout secret", () => {
            const c = recorder.named("dsync-vm1-activation").inputs;
            assert.deepStrictEqual(c.triggers, ["", endpointId(), SUBNET_ARN, groupArn(), identity("10.20.1.5"), ""]);
            assert.strictEqual(c.logging, "stderr");
            const o = recorder.optionsOf("dsync-vm1-activation");
            // The SDK adds "connection" to the secret outputs itself.
            assert.deepStrictEqual(
                [o.ignoreChanges, o.deleteBeforeReplace, o.additionalSecretOutputs],
                [["stdin", "connection"], true, ["stdout", "connection"]],
            );
        });
    });

    describe("manual mode", () => {
        before(async () => {
            await deploy({ activation: { mode: "manual", manualKey: pulumi.secret(` ${KEY}\n`) } });
        });

        it("makes no Command: the key read from the console goes to CreateAgent, trimmed, as a secret", () => {
            assert.deepStrictEqual([recorder.ofType(T.localCommand), recorder.ofType(T.remoteCommand)], [[], []]);
            assert.deepStrictEqual(recorder.named("dsync-vm1-agent").inputs.activationKey, secret(KEY));
            assert.deepStrictEqual(recorder.optionsOf("dsync-vm1-agent").additionalSecretOutputs, ["activationKey"]);
        });

        it("reports no port-80 flow, since no request is made", async () => {
            recorder.reset();
            const fleet = new PrivateAgent("dsync", {
                vpcId: DST.vpc,
                endpointSubnetIds: [DST.subnetA],
                agents: [{ name: "vm1", address: "10.20.1.5", activation: { mode: "manual", manualKey: pulumi.secret(KEY) } }],
            });
            await built(fleet, fleet.firewallRules);
            const rules = await new Promise<{ ports: string }[]>((ok) => fleet.firewallRules.apply((r) => ok(r)));
            assert.deepStrictEqual(
                rules.filter((r) => r.ports === "80"),
                [],
            );
        });
    });
});
