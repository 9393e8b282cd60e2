// `make demo`: what the package does, end to end, offline.
// AWS is simulated by Pulumi mocks (no account, no AWS calls); the activation step runs
// the real script, exactly as the component generates it, against an agent emulator on
// 127.0.0.1. Nothing leaves this machine.
import { spawn } from "child_process";
import { performance } from "perf_hooks";
import { PrivateAgent } from "../provider/src/components/privateAgent";
import { AgentEmulator } from "../tests/activation/emulator";
import { Sandbox, RemotePrivateAgent } from "../tests/engine/harness";
import { defaultWorld, recorder, resolve, settle } from "../tests/mocked/harness";

const KEY_SHAPE = /[A-Z0-9]{5}(-[A-Z0-9]{5}){4}/g;

function heading(s: string): void {
    console.log(`\n== ${s} ==`);
}

async function plan(): Promise<PrivateAgent> {
    const world = defaultWorld();
    world.regionByProvider = { "demo-source": "eu-west-1", "demo-destination": "eu-west-2" };
    world.accountByProvider = { "demo-source": "222222222222", "demo-destination": "111111111111" };
    recorder.reset(world);
    const agent = new PrivateAgent("demo", {
        source: { roleArn: "arn:aws:iam::222222222222:role/datasync-source", region: "eu-west-1" },
        destination: { roleArn: "arn:aws:iam::111111111111:role/datasync-destination", region: "eu-west-2" },
        vpcId: "vpc-dst",
        endpointSubnetIds: ["subnet-dst-a", "subnet-dst-b"],
        activationSubnetId: "subnet-dst-b",
        link: {
            mode: "peering",
            sourceVpcId: "vpc-src",
            sourceCidrBlocks: ["10.20.0.0/16"],
            destinationCidrBlocks: ["10.0.0.0/16"],
            sourceRouteTableIds: ["rtb-src"],
            destinationRouteTableIds: ["rtb-dst"],
        },
        agents: [{ name: "ec2", instance: { subnetId: "subnet-src-a" } }],
        activationSourceCidrs: ["10.20.9.10/32"],
        tags: { project: "demo" },
    });
    await settle(agent.agentArn, agent.firewallRules);
    return agent;
}

function runActivation(command: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; ms: number }> {
    return new Promise((ok) => {
        const started = performance.now();
        const child = spawn("/bin/sh", ["-c", command], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env } });
        let stdout = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => process.stdout.write(`   | ${String(d).replace(KEY_SHAPE, "<redacted>").trimEnd().replace(/\n/g, "\n   | ")}\n`));
        child.on("close", (code) => ok({ code, stdout, ms: performance.now() - started }));
    });
}

async function main(): Promise<void> {
    console.log("datasync-privatelink demo: AWS is SIMULATED (Pulumi mocks), no AWS account is used,");
    console.log("and the activation request goes only to an agent emulator on 127.0.0.1.");

    heading("1. PrivateAgent: EC2 agent in account 222222222222 (eu-west-1), endpoint in 111111111111 (eu-west-2), VPC peering");
    const agent = await plan();
    for (const r of recorder.resources) {
        console.log(`   ${r.type.padEnd(70)} ${r.name.padEnd(34)} ${r.provider ? `[${r.provider}]` : ""}`);
    }
    const endpoint = recorder.named("demo-endpoint").inputs;
    console.log(`   endpoint: ${endpoint.serviceName}, privateDnsEnabled=${endpoint.privateDnsEnabled}, subnets ${endpoint.subnetIds.join(", ")}`);
    console.log(`   activation against the endpoint interface in the activation subnet: ${await resolve(agent.endpointPrivateIp)}`);

    heading("2. Firewall flows to allow (firewallRules output)");
    for (const f of await resolve(agent.firewallRules)) {
        console.log(`   ${f.from.padEnd(16)} -> ${f.to.padEnd(14)} ${f.protocol}/${f.ports.padEnd(10)} ${f.purpose}`);
    }

    heading("3. Activation: the generated Command, run against an emulated agent that boots for 2 s");
    const command = recorder.named("demo-ec2-activation").inputs;
    const emulator = await AgentEmulator.reserve([{ kind: "redirectError", errorType: "PRIVATE_LINK_ENDPOINT_UNREACHABLE" }, { kind: "key", key: "DEMOK-EYDEM-OKEYD-EMOKE-YDEMO" }]);
    emulator.openAfter(2000);
    const env = { ...command.environment, AGENT_ADDRESS: emulator.address, ACTIVATION_TIMEOUT_SECONDS: "60" };
    console.log(`   AGENT_ADDRESS=${emulator.address} (the agent's ${command.environment.AGENT_ADDRESS}, redirected to the emulator for the demo)`);
    const result = await runActivation(command.create, env);
    await emulator.close();
    const ok = result.code === 0 && /^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}\n$/.test(result.stdout);
    console.log(`   exit ${result.code}; key on stdout: ${ok ? "yes (redacted here; in Pulumi it is a secret)" : "NO"}; took ${(result.ms / 1000).toFixed(1)} s`);
    console.log(`   requests seen by the agent: ${emulator.requests.map((r) => r.rawQuery).join("\n                               ")}`);
    if (!ok) {
        process.exitCode = 1;
        return;
    }
    await engineRun();
}

/**
 * The same component through the real Pulumi engine: the program registers PrivateAgent as a
 * remote component, the engine starts this package's plugin (Construct), the real command provider
 * runs the activation, and AWS is the TEST DOUBLE from tests/engine.
 */
async function engineRun(): Promise<void> {
    heading("4. pulumi up through the real engine: our plugin, the real command provider, the TEST-DOUBLE AWS provider");
    const sandbox = new Sandbox({
        region: "eu-west-2",
        accountId: "111111111111",
        vpcs: { "vpc-0d1e2f3a4b5c6d7e8": { cidrBlocks: ["10.0.0.0/16"] } },
        subnets: { "subnet-0a1b2c3d4e5f60001": { vpcId: "vpc-0d1e2f3a4b5c6d7e8", availabilityZone: "eu-west-2a", cidrBlock: "10.0.1.0/24", availableIpAddressCount: 251 } },
    });
    const emulator = await AgentEmulator.start([{ kind: "key", key: "DEMOK-EYDEM-OKEYD-EMOKE-YDEMO" }]);
    try {
        const stack = await sandbox.stack("demo", async () => {
            const agent = new RemotePrivateAgent("dsync", {
                vpcId: "vpc-0d1e2f3a4b5c6d7e8",
                endpointSubnetIds: ["subnet-0a1b2c3d4e5f60001"],
                agents: [{ name: "onprem1", address: "192.168.10.5", activation: { addressOverride: emulator.address } }],
                link: { mode: "existing", sourceCidrBlocks: ["192.168.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"] },
            });
            return { agentArn: agent.agentArn, endpointPrivateIp: agent.endpointPrivateIp };
        });
        // The engine's output arrives in chunks; indent it a whole line at a time.
        let pending = "";
        const print = (chunk: string) => {
            const lines = (pending + chunk).split("\n");
            pending = lines.pop() ?? "";
            lines.forEach((l) => console.log(`   | ${l.replace(KEY_SHAPE, "<redacted>")}`));
        };
        const up = await stack.up({ onOutput: print });
        print("\n");
        console.log(`   agentArn = ${up.outputs.agentArn.value}`);
        console.log(`   endpointPrivateIp = ${up.outputs.endpointPrivateIp.value}`);
        await stack.destroy({ onOutput: () => undefined });
        console.log("   (destroyed again; the state and the AWS double's log lived in a temporary directory)");
    } finally {
        await emulator.close();
        sandbox.remove();
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
