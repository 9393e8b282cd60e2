// One example project's life, through the real Pulumi CLI as a user runs it in the project's
// directory: stack init, config, preview (with the policy pack), up, the stack outputs, a no-change
// preview, a tags-only update, a reactivationTrigger change, destroy. Behind the engine: the
// project's language host and the real command provider from the toolchain, the provider plugin
// through Pulumi.yaml, the AWS TEST DOUBLE (never AWS) and the agent emulator on 127.0.0.1.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { AgentEmulator } from "../activation/emulator";
import { T } from "../fixtures/aws";
import { tail } from "./cli";
import { assertPlacement, DoubleLog, placeOf } from "./doubleLog";
import { assertAbsent } from "./keys";
import { ENGINE_BIN, POLICY_PACK, Project, pulumiBin } from "./project";
import { exampleDir, Language, scenario, ScenarioKey } from "./scenarios";
import { Steps } from "./steps";
import { examplesWorld } from "./world";

const STACK = "test";
const POLICY_PACK_NAME = "datasync-privatelink-policies";

/** The engine's policy report for our pack: loaded, and no violation of any level. */
export function assertNoViolations(output: string): void {
    assert.ok(
        output.includes(`✅ ${POLICY_PACK_NAME}@v`) && output.includes(`(local: ${POLICY_PACK})`),
        `the policy pack did not run and pass:\n${tail(output)}`,
    );
    assert.doesNotMatch(output, /\[(mandatory|advisory|disabled)\]/, `a policy reported a violation:\n${tail(output)}`);
}

export function describeExample(language: Language, key: ScenarioKey): void {
    const sc = scenario(key);
    const name = exampleDir(language, key);
    describe(`example ${name}: pulumi CLI, ${language} host, real command provider, AWS double, agent emulator`, function () {
        this.timeout(600_000);
        const steps = new Steps(name, key, language);
        let project: Project;
        let emulator: AgentEmulator;
        let log: DoubleLog;
        let agentArn = "";
        const pulumi = (...args: string[]) => project.cli.ok(args);
        /** `--policy-pack policy/`, and the scenario's policy config when it has one. */
        const policyArgs = () => {
            if (!sc.policyConfig) {
                return ["--policy-pack", POLICY_PACK];
            }
            const file = path.join(project.root, "policy-config.json");
            fs.writeFileSync(file, JSON.stringify(sc.policyConfig));
            return ["--policy-pack", POLICY_PACK, "--policy-pack-config", file];
        };

        before(async () => {
            steps.begin();
            emulator = await AgentEmulator.start([{ kind: "agent" }]);
            project = new Project(path.join("examples", name), language, examplesWorld());
            log = new DoubleLog(project.awsLog);
        });
        after(async () => {
            await emulator?.close();
            steps.finish();
            project?.remove();
        });

        steps.step("pulumi stack init, pulumi config set: the world's IDs and the emulator as the activation tunnel", async () => {
            await pulumi("stack", "init", STACK, "--non-interactive");
            const pairs = sc.config(emulator.address).flatMap(([k, v]) => ["--plaintext", `${k}=${v}`]);
            await pulumi("config", "set-all", "--path", ...pairs);
        });

        steps.step("pulumi preview --policy-pack policy/: the plan, no policy violation, nothing created, no activation", async () => {
            const run = await pulumi("preview", "--non-interactive", ...policyArgs());
            assert.match(run.output, /\+\s+datasync-privatelink:index:PrivateAgent \S+ create/, `the component is not planned:\n${tail(run.output)}`);
            assert.match(run.output, /\+\s+aws:datasync:Agent \S+ create/, `the DataSync agent is not planned:\n${tail(run.output)}`);
            assertNoViolations(run.output);
            assert.deepStrictEqual(log.sinceMark(), [], "a preview changed something in the AWS double");
            assert.strictEqual(emulator.requests.length, 0, "a preview sent an activation request");
        });

        steps.step("pulumi up: every resource where AWS requires it, one activation request with the PrivateLink parameters", async () => {
            const run = await pulumi("up", "--yes", "--non-interactive");
            assert.ok(
                run.output.includes(`using pulumi-resource-aws from $PATH at ${path.join(ENGINE_BIN, "pulumi-resource-aws")}`),
                "the AWS provider was not the test double",
            );
            assert.ok(
                run.output.includes(`using pulumi-resource-command from $PATH at ${path.join(pulumiBin(), "pulumi-resource-command")}`),
                "the command provider was not the toolchain's",
            );
            const created = log.sinceMark();
            assert.deepStrictEqual([...new Set(created.map((r) => r.op))], ["create"], "up did more than create");
            assertPlacement(created, sc, project.world);

            const endpoint = created.filter((r) => r.type === T.vpcEndpoint);
            const agent = created.filter((r) => r.type === T.datasyncAgent);
            assert.strictEqual(endpoint.length, 1);
            assert.strictEqual(agent.length, 1);
            const activationSubnet = endpoint[0].inputs.subnetIds[0];
            const endpointIp = endpoint[0].interfaces!.find((i) => i.subnetId === activationSubnet)!.privateIp;
            const [account, region] = sc.destination.split("/");

            assert.strictEqual(emulator.requests.length, 1, "one activation request");
            const req = emulator.requests[0];
            assert.deepStrictEqual(
                { method: req.method, path: req.path, query: req.query, flags: req.flags },
                {
                    method: "GET",
                    path: "/",
                    query: { gatewayType: "SYNC", activationRegion: region, endpointType: "PRIVATE_LINK", privateLinkEndpoint: endpointIp, no_redirect: "" },
                    flags: ["no_redirect"],
                },
            );
            // CreateAgent got the key as a secret, with the endpoint and the activation subnet.
            assert.deepStrictEqual(agent[0].inputs.activationKey, { $secret: emulator.issuedKeys[0] });
            assert.strictEqual(agent[0].inputs.vpcEndpointId, endpoint[0].id);
            assert.deepStrictEqual(agent[0].inputs.subnetArns, [`arn:aws:ec2:${region}:${account}:subnet/${activationSubnet}`]);
            assert.ok(!("privateLinkEndpoint" in agent[0].inputs), "privateLinkEndpoint was passed beside activationKey");
            assert.strictEqual(placeOf(agent[0]), sc.destination);
            agentArn = agent[0].id;
            assert.match(agentArn, new RegExp(`^arn:aws:datasync:${region}:${account}:agent/agent-[0-9a-f]{17}$`));
        });

        steps.step("pulumi stack output: agentArn, endpointPrivateIp and firewallRules read back", async () => {
            assert.strictEqual((await pulumi("stack", "output", "agentArn")).stdout.trim(), agentArn);
            const ip = (await pulumi("stack", "output", "endpointPrivateIp")).stdout.trim();
            assert.strictEqual(ip, emulator.requests[0].query.privateLinkEndpoint, "the endpoint IP the key was minted for");
            const rules = JSON.parse((await pulumi("stack", "output", "firewallRules", "--json")).stdout) as Array<Record<string, string>>;
            const toEndpoint = rules.filter((r) => r.to === ip && r.protocol === "tcp").map((r) => r.ports);
            assert.deepStrictEqual(toEndpoint.sort(), ["1024-1064", "443"], "the agent's flows to the endpoint");
            assert.ok(!rules.some((r) => r.ports === "22"), "no support-channel flow unless asked for");
        });

        steps.step("pulumi preview --expect-no-changes --policy-pack policy/: a second run changes nothing, no violation", async () => {
            const run = await pulumi("preview", "--expect-no-changes", "--non-interactive", ...policyArgs());
            assertNoViolations(run.output);
            assert.deepStrictEqual(log.sinceMark(), []);
            assert.strictEqual(emulator.requests.length, 1);
        });

        steps.step("pulumi config set --path tags.stage two; pulumi up: tags updated in place, no re-activation", async () => {
            await pulumi("config", "set", "--path", "tags.stage", "two");
            await pulumi("up", "--yes", "--non-interactive");
            const changes = log.sinceMark();
            assert.deepStrictEqual(
                [...new Set(changes.map((r) => r.op))],
                ["update"],
                `a tag change did more than update: ${changes.map((r) => `${r.op} ${r.type}`).join(", ")}`,
            );
            for (const r of changes) {
                assert.deepStrictEqual(
                    r.changed!.filter((k) => k !== "tags" && k !== "tagsAll"),
                    [],
                    `${r.type} ${r.name} changed ${r.changed}`,
                );
                assert.strictEqual(r.inputs.tags?.stage, "two", `${r.type} ${r.name} did not get the new tag`);
            }
            for (const type of [T.datasyncAgent, T.vpcEndpoint, T.securityGroup]) {
                assert.ok(
                    changes.some((r) => r.type === type),
                    `${type} was not re-tagged`,
                );
            }
            assert.strictEqual(emulator.requests.length, 1, "a tag change sent an activation request");
            assert.strictEqual((await pulumi("stack", "output", "agentArn")).stdout.trim(), agentArn);
        });

        steps.step("pulumi config set reactivationTrigger rotate-1; pulumi up: exactly one re-activation, the DataSync agent replaced", async () => {
            await pulumi("config", "set", "reactivationTrigger", "rotate-1");
            await pulumi("up", "--yes", "--non-interactive");
            const changes = log.sinceMark();
            assert.deepStrictEqual(changes.map((r) => `${r.op} ${r.type}`).sort(), [`create ${T.datasyncAgent}`, `delete ${T.datasyncAgent}`]);
            const created = changes.find((r) => r.op === "create")!;
            assert.strictEqual(changes.find((r) => r.op === "delete")!.id, agentArn);
            assert.strictEqual(emulator.requests.length, 2, "exactly one new activation request");
            assert.deepStrictEqual(emulator.requests[1].query, emulator.requests[0].query);
            assert.deepStrictEqual(created.inputs.activationKey, { $secret: emulator.issuedKeys[1] });
            assert.notStrictEqual(created.id, agentArn);
            agentArn = created.id;
            assert.strictEqual((await pulumi("stack", "output", "agentArn")).stdout.trim(), agentArn);
        });

        steps.step("the activation keys are in no plaintext: pulumi stack export, the CLI's output, PULUMI_HOME", async () => {
            const exported = await pulumi("stack", "export");
            // The same state decrypted does hold the current key: the check above looks for what is there.
            const shown = await project.cli.run(["stack", "export", "--show-secrets"], { record: false });
            assert.ok(shown.stdout.includes(emulator.issuedKeys[1]), "the state does not hold the key at all");
            assertAbsent(emulator.issuedKeys, [
                ["`pulumi stack export`", exported.stdout],
                ["the CLI's output (every command above)", project.cli.transcript()],
                ["PULUMI_HOME (the CLI's logs, workspace settings)", Project.filesText(project.home)],
                ["the file backend (state, history, backups)", Project.filesText(project.backend)],
            ]);
        });

        steps.step("pulumi destroy: nothing left live in the AWS double; pulumi stack rm", async () => {
            await pulumi("destroy", "--yes", "--non-interactive");
            const changes = log.sinceMark();
            assert.ok(changes.length > 0 && changes.every((r) => r.op === "delete"), "destroy did more than delete");
            assert.deepStrictEqual(log.live(), [], "resources left live in the AWS double");
            await pulumi("stack", "rm", STACK, "--yes", "--non-interactive");
            assertAbsent(emulator.issuedKeys, [["the CLI's output (destroy)", project.cli.transcript()]]);
        });
    });
}
