// The bad-input probe of issue 9 through the engine, from a Python program
// (tests/engine/projects/python-bad-inputs) run with the pulumi CLI as a user runs it: bad inputs are
// refused before anything is created, each error names the user's property path, no "error
// serializing property" chain, a malformed secret manualKey is never printed, and a problem found
// in looked-up facts stops every child. AWS is the TEST DOUBLE (never AWS).
import * as assert from "assert";
import * as crypto from "crypto";
import * as path from "path";
import { tail } from "./cli";
import { DoubleLog } from "./doubleLog";
import { assertAbsent } from "./keys";
import { Project } from "./project";
import { Steps } from "./steps";
import { examplesWorld } from "./world";

const PROJECT_DIR = path.join("tests", "engine", "projects", "python-bad-inputs");

/** The engine's error lines and the problems under them (the Python host's tracebacks left out). */
function errors(out: string): string {
    return out
        .split("\n")
        .filter((l) => /error: |has a problem|^\s+- \S/.test(l))
        .join("\n");
}

describe("bad inputs from a Python program, through the pulumi CLI: refused before anything exists", function () {
    this.timeout(300_000);
    // Each case is its own stack: one failing does not stop the others.
    const steps = new Steps("python-bad-inputs", "bad-input probe", "python", true);
    let project: Project;
    let log: DoubleLog;
    const marker = `SECRET${crypto.randomBytes(6).toString("hex").toUpperCase()}`;

    /** A failed command's output, checked for what every refusal must (not) carry. */
    async function refused(args: string[]): Promise<string> {
        const run = await project.cli.run(args);
        assert.notStrictEqual(run.status, 0, `\`pulumi ${args.join(" ")}\` succeeded:\n${tail(run.output)}`);
        assert.doesNotMatch(run.output, /error serializing property/, `an "error serializing property" chain:\n${tail(run.output)}`);
        assert.deepStrictEqual(
            log.sinceMark().filter((r) => r.op !== "read"),
            [],
            "the AWS double was asked to change something",
        );
        return run.output;
    }

    async function stack(name: string, config: Array<[string, string]>, secret: Array<[string, string]> = []): Promise<void> {
        await project.cli.ok(["stack", "init", name, "--non-interactive"]);
        for (const [k, v] of config) {
            await project.cli.ok(["config", "set", k, v]);
        }
        for (const [k, v] of secret) {
            await project.cli.ok(["config", "set", "--secret", k, v]);
        }
    }

    before(() => {
        steps.begin();
        project = new Project(PROJECT_DIR, "python", examplesWorld());
        log = new DoubleLog(project.awsLog);
    });
    after(() => {
        steps.finish();
        project?.remove();
    });

    steps.step("inputs: pulumi preview fails with every problem at once, each under the user's property path", async () => {
        await stack("inputs", [
            ["case", "inputs"],
            ["aws:region", "eu-west-2"],
        ]);
        const out = await refused(["preview", "--non-interactive"]);
        assert.match(out, /PrivateAgent: 9 invalid inputs; nothing was created/, errors(out));
        for (const [p, value] of [
            ["vpcId", "subnet-0d5700000000000a1"],
            ["endpointSubnetIds[1]", "rtb-0d5700000000000a1"],
            ["link.destinationCidrBlocks[0]", "10.0.0.0/33"],
            ["agentMode", "turbo"],
            ["agents[0].name", "onprem agent (site A)"],
            ["agents[0].address", "127.0.0.1"],
            ["agents[0].activation.timeoutSeconds", "0"],
            ["source.region", "eu-west"],
            ['tags["aws:team"]', "storage"],
        ]) {
            assert.ok(out.includes(`property ${p} with value '{${value}}' has a problem`), `no problem reported at ${p}:\n${errors(out)}`);
        }
    });

    steps.step("secret: a malformed manualKey given as a secret Output is refused, and its value never printed", async () => {
        await stack(
            "secret",
            [
                ["case", "secret"],
                ["aws:region", "eu-west-2"],
            ],
            [["secretMarker", marker]],
        );
        // The program does get the marker (from the stack's encrypted config).
        assert.strictEqual((await project.cli.run(["config", "get", "secretMarker"], { record: false })).stdout.trim(), marker);
        const out = await refused(["preview", "--non-interactive"]);
        assert.match(out, /PrivateAgent: 1 invalid input; nothing was created/, errors(out));
        assert.match(out, /agents\[0\]\.activation\.manualKey: does not look like an activation key/, errors(out));
        // The engine prints the value at each property path it is given: a secret's problem has none.
        assert.ok(!out.includes("property agents[0].activation.manualKey"), "the secret's problem was reported under a property path");
        assertAbsent(
            [marker],
            [
                ["the CLI's output", project.cli.transcript()],
                ["PULUMI_HOME (the CLI's logs)", Project.filesText(project.home)],
                ["the file backend", Project.filesText(project.backend)],
                ["the stack's config file", Project.filesText(project.dir)],
            ],
            "the secret manualKey",
        );
    });

    steps.step("facts: a subnet AWS does not have and another activation Region: refused at preview and at up, nothing created", async () => {
        await stack("facts", [
            ["case", "facts"],
            ["aws:region", "eu-west-2"],
        ]);
        const expected = [
            "property endpointSubnetIds[1] with value '{subnet-0d57000000000dead}' has a problem: got \"subnet-0d57000000000dead\": no such subnet",
            "property activationRegion with value '{us-east-1}' has a problem",
        ];
        // Preview, then an update that skips it: the looked-up facts stop the component either way.
        for (const args of [
            ["preview", "--non-interactive"],
            ["up", "--yes", "--skip-preview", "--non-interactive"],
        ]) {
            const out = await refused(args);
            assert.match(out, /PrivateAgent: 2 invalid inputs; nothing was created/, errors(out));
            for (const e of expected) {
                assert.ok(out.includes(e), `\`pulumi ${args[0]}\` does not report: ${e}\n${errors(out)}`);
            }
        }
        assert.ok(
            log.all().some((r) => r.op === "invoke" && r.type === "aws:ec2/getSubnet:getSubnet" && r.error !== undefined),
            "the subnet was never looked up",
        );
        const resources: Array<{ type: string }> = JSON.parse((await project.cli.ok(["stack", "export"])).stdout).deployment.resources ?? [];
        assert.deepStrictEqual(
            resources.filter((r) => r.type.startsWith("aws:") || r.type.startsWith("command:")).map((r) => r.type),
            [],
            "a child resource is in the state",
        );
    });
});
