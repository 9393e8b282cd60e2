// The hand-written project tests/policy/projects/usual-mistakes (meant for `pulumi preview
// --policy-pack` through the real engine, tests/policy/engine.sh) run in-process under Pulumi mocks
// that answer with AWS-shaped IDs and ARNs: every policy of the pack fires on what it registers,
// each on the resource the project's comments name. This checks the project itself; the engine run
// (tests/policy/engine.sh, which also sees preview's unknowns and the engine's own reporting) is
// `make test-policy-engine`.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { policies } from "../../policy/policies";
import { KEY, REGION } from "../fixtures/aws";
import { recorder } from "../mocked/harness";
import { awsProvider, computedOutputs, FixtureResource, resourceOptions, urnOf } from "./fixtures";
import { runPack } from "./runPack";

const PROJECT = path.resolve(__dirname, "../../../tests/policy/projects/usual-mistakes");

/** Records what the program registers; answers as AWS would (IDs, ARNs, an instance's addresses, a command's stdout). */
class ProjectMocks implements pulumi.runtime.Mocks {
    readonly resources: FixtureResource[] = [];

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
        const extra: Record<string, unknown> = {};
        if (args.type === "aws:ec2/instance:Instance") {
            Object.assign(extra, { privateIp: "10.20.9.10", publicIp: "203.0.113.50" });
        }
        if (args.type === "command:local:Command") {
            Object.assign(extra, { stdout: KEY, stderr: "" });
        }
        const outputs = { ...computedOutputs(args.type, args.name, REGION), ...extra };
        const state = { ...args.inputs, ...outputs };
        if (!args.type.startsWith("pulumi:providers:")) {
            this.resources.push({
                type: args.type,
                name: args.name,
                urn: urnOf(args.type, args.name),
                props: state,
                options: resourceOptions(),
                provider: awsProvider(REGION),
                deps: {},
            });
        }
        return { id: String(outputs.id), state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        throw new Error(`the usual-mistakes project calls no function, but called ${args.token}`);
    }
}

/** policy|resource -> violations, for the mistakes the project's comments announce. */
/** policy|resource -> violations: the mistakes the project's comments announce (shared with engine.sh). */
const EXPECTED = JSON.parse(fs.readFileSync(path.join(PROJECT, "expected-violations.json"), "utf8")) as Record<string, number>;

describe("policy pack over the usual-mistakes project (in-process, under mocks)", function () {
    this.timeout(20000);
    const mocks = new ProjectMocks();
    let outputs: Record<string, pulumi.Output<unknown>>;

    before(async () => {
        pulumi.runtime.setMocks(mocks, "dspl-policy-usual-mistakes", "test", false);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        outputs = require(path.resolve(__dirname, "projects/usual-mistakes/index.js")) as Record<string, pulumi.Output<unknown>>;
        await Promise.all(Object.values(outputs).map((o) => (o as unknown as { promise(): Promise<unknown> }).promise()));
        await new Promise((r) => setTimeout(r, 100));
    });

    after(() => {
        // Give the mocked-component tests their recorder back.
        pulumi.runtime.setMocks(recorder, "datasync-privatelink", "test", false);
    });

    it("registers the project's resources", () => {
        assert.strictEqual(mocks.resources.filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").length, 62);
        assert.deepStrictEqual(Object.keys(outputs).sort(), ["agentInstanceId", "endpointId"]);
    });

    it("fires every policy, each on the resource the project names, with the engine script's config", async () => {
        const config = JSON.parse(fs.readFileSync(path.join(PROJECT, "policy-config.json"), "utf8"));
        const result = await runPack(mocks.resources, config);
        const tally: Record<string, number> = {};
        for (const v of result.violations) {
            const k = `${v.policy}|${(v.urn ?? "").split("::").pop()}`;
            tally[k] = (tally[k] ?? 0) + 1;
        }
        assert.deepStrictEqual(tally, EXPECTED);
        assert.deepStrictEqual(new Set(Object.keys(EXPECTED).map((k) => k.split("|")[0])), new Set(policies.map((p) => p.name)));
    });
});
