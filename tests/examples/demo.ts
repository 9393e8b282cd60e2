// `make demo`: examples/ts-ec2-cross-account-peering run exactly as its README says, with readable
// output. AWS is SIMULATED by the test double (tests/engine/doubles/aws); the activation request goes
// to an agent emulator on 127.0.0.1. Nothing leaves this machine.
import { execFileSync } from "child_process";
import * as path from "path";
import { AgentEmulator } from "../activation/emulator";
import { T } from "../fixtures/aws";
import { DoubleLog, placeOf } from "./doubleLog";
import { Project } from "./project";
import { scenario } from "./scenarios";
import { examplesWorld } from "./world";

const EXAMPLE = "ts-ec2-cross-account-peering";
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const say = (s: string) => console.log(`\n${bold(`==> ${s}`)}`);
const indent = (chunk: string) => process.stdout.write(chunk.replace(/^(?!$)/gm, "    "));

async function main(): Promise<void> {
    console.log(bold(`datasync-privatelink demo: examples/${EXAMPLE}`));
    console.log(
        [
            "An EC2 DataSync agent in a source account (222222222222), its PrivateLink endpoint and the",
            "activated agent in a destination account (111111111111), the VPCs joined by peering.",
            "AWS is SIMULATED: the engine's AWS provider is this repository's test double, which answers as",
            "AWS would for the accounts and VPCs of a made-up world. The agent's activation port is an",
            "emulator on 127.0.0.1 (the program's activationAddressOverride plays an SSM tunnel to it).",
        ].join("\n"),
    );
    const emulator = await AgentEmulator.start([{ kind: "agent" }]);
    const project = new Project(path.join("examples", EXAMPLE), "ts", examplesWorld(), { sharedDeps: false, echo: indent });
    const log = new DoubleLog(project.awsLog);
    const sh = async (...args: string[]) => {
        console.log(`${args[0] === "config" ? "" : "\n"}$ pulumi ${args.join(" ")}`);
        await project.cli.ok(args);
    };
    try {
        say(`a copy of the project in ${project.dir}`);
        console.log("\n$ npm install");
        execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
            cwd: project.dir,
            stdio: ["ignore", "inherit", "inherit"],
        });

        say("stack and configuration (the simulated world's IDs)");
        await sh("stack", "init", "demo", "--non-interactive");
        for (const [k, v] of scenario("ec2-cross-account-peering").config(emulator.address)) {
            await sh("config", "set", ...(/[.[]/.test(k) ? ["--path"] : []), k, v);
        }

        say("pulumi up");
        await sh("up", "--yes", "--non-interactive");

        say("stack outputs");
        await sh("stack", "output", "agentArn");
        console.log("\n$ pulumi stack output firewallRules --json   (shown as a table: what a firewall between the networks must allow)");
        // Not echoed: the table below is what it shows.
        const json = await project.cli.run(["stack", "output", "firewallRules", "--json"], { record: false });
        const rules = JSON.parse(json.stdout) as Array<Record<string, string>>;
        for (const r of rules) {
            console.log(`    ${r.from.padEnd(16)} -> ${r.to.padEnd(14)} ${`${r.protocol}/${r.ports}`.padEnd(14)} ${r.purpose}`);
        }

        say("where the simulated AWS put each resource (from the test double's log)");
        const created = log
            .changes()
            .filter((r) => r.op === "create")
            .sort((a, b) => placeOf(a).localeCompare(placeOf(b)) || a.type.localeCompare(b.type));
        for (const r of created) {
            console.log(`    ${placeOf(r).padEnd(24)} ${r.type.split(":").pop()!.padEnd(28)} ${r.name}`);
        }
        const agent = created.find((r) => r.type === T.datasyncAgent);
        console.log(
            `\n    activation requests the emulated agent received: ${emulator.requests.length}` +
                (agent ? `; CreateAgent got the key as a secret: ${JSON.stringify(agent.inputs.activationKey).startsWith('{"$secret"')}` : ""),
        );

        say("pulumi destroy");
        await sh("destroy", "--yes", "--skip-preview", "--non-interactive");
        await sh("stack", "rm", "demo", "--yes", "--non-interactive");
        console.log(`\n    left live in the simulated AWS: ${log.live().length === 0 ? "nothing" : log.live().join(", ")}`);
        say("demo done");
    } finally {
        await emulator.close();
        project.remove();
    }
}

main().catch((e) => {
    console.error(`\ndemo failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
});
