// The PrivateAgent's dependency graph has no wait AWS does not force (issue 11 §3). An EC2 agent in
// a source account over VPC peering, the endpoint and the DataSync agent in the destination
// account, run through the engine with the AWS double's latency mode. The graph is the engine's own
// record (`pulumi stack export`: dependencies and propertyDependencies); the double's log says when
// each create started and ended, which shows waits the graph does not record (a component that
// holds a child back until some output resolves). The forced edges, with reasons and sources, are
// in graph/forcedEdges.ts. Not a timed test: it asserts order and structure.
import * as assert from "assert";
import { AgentEmulator } from "../activation/emulator";
import { T } from "../fixtures/aws";
import type { LogRecord } from "./doubles/aws";
import { checkPlugins, RemotePrivateAgent, Sandbox } from "./harness";
import { classify, Classified, forcedEdges } from "./graph/forcedEdges";
import { createWeights } from "./graph/latencyWeights";
import { Role, rolesOf } from "./graph/roles";
import { peeringArgs, peeringWorld } from "./graph/scenario";
import { ancestors, Graph, graphOf, longestPath, urnName } from "./graph/stateGraph";

// The endpoint's create then lasts 120 s x 0.05 = 6 s, the instance's 2.25 s.
const SCALE = 0.05;
const STACK = "graph";

function show(g: Graph, urn: string): string {
    return `${urnName(urn)} (${g.nodes.get(urn)?.type.split(":").pop()})`;
}

function edgeText(g: Graph, e: { from: string; to: string }): string {
    return `${show(g, e.from)} -> ${show(g, e.to)}`;
}

describe("engine: the PrivateAgent's dependency graph has no wait AWS does not force (EC2 agent over peering, cross-account, latency mode)", function () {
    this.timeout(300_000);
    const saved = { mode: process.env.DSPL_AWS_DOUBLE_LATENCY, scale: process.env.DSPL_AWS_DOUBLE_LATENCY_SCALE };
    let sandbox: Sandbox;
    let emulator: AgentEmulator;
    let g: Graph;
    let roles: Map<string, Role>;
    let edges: Classified[];
    let log: LogRecord[];

    const byRole = (role: Role) => [...roles].filter(([, r]) => r === role).map(([urn]) => urn);
    const created = (urn: string) => log.find((r) => r.op === "create" && r.urn === urn && r.error === undefined);

    before(async () => {
        checkPlugins();
        // The doubles inherit the engine's environment, which the Automation API builds from this process's.
        process.env.DSPL_AWS_DOUBLE_LATENCY = "aws";
        process.env.DSPL_AWS_DOUBLE_LATENCY_SCALE = String(SCALE);
        sandbox = new Sandbox(peeringWorld());
        emulator = await AgentEmulator.start([{ kind: "agent" }]);
        const stack = await sandbox.stack(STACK, async () => {
            const agent = new RemotePrivateAgent("xacct", peeringArgs(1, emulator.address));
            return { agentArn: agent.agentArn };
        });
        const result = await stack.up();
        assert.strictEqual(result.summary.result, "succeeded");
        const exported = sandbox.exportState(STACK);
        const customs = (exported.deployment.resources ?? []).filter((r: { custom?: boolean }) => r.custom).length;
        assert.ok(customs > 0, `the up made no resource: ${JSON.stringify(result.summary.resourceChanges)}\n${result.stdout.slice(-3000)}`);
        g = graphOf(exported);
        roles = rolesOf(g);
        edges = classify(g, roles);
        log = sandbox.awsLogAll();
    });

    after(async () => {
        for (const [k, v] of [
            ["DSPL_AWS_DOUBLE_LATENCY", saved.mode],
            ["DSPL_AWS_DOUBLE_LATENCY_SCALE", saved.scale],
        ] as const) {
            if (v === undefined) {
                delete process.env[k];
            } else {
                process.env[k] = v;
            }
        }
        await emulator?.close();
        if (!process.env.DSPL_KEEP_ENGINE_SANDBOX) {
            sandbox?.remove();
        }
    });

    it("every custom resource has a known role: the graph is the one the forced-edge table describes", () => {
        const unknown = [...g.nodes.keys()].filter((urn) => !roles.has(urn)).map((urn) => show(g, urn));
        assert.deepStrictEqual(unknown, []);
        const count = (role: Role) => byRole(role).length;
        assert.deepStrictEqual(
            {
                instance: count("instance"),
                endpoint: count("endpoint"),
                agentGroup: count("agentGroup"),
                endpointGroup: count("endpointGroup"),
                activation: count("activation"),
                datasyncAgent: count("datasyncAgent"),
                accepter: count("accepter"),
            },
            { instance: 1, endpoint: 1, agentGroup: 1, endpointGroup: 1, activation: 1, datasyncAgent: 1, accepter: 1 },
        );
    });

    it("every edge between custom resources is forced by AWS, implied by forced edges, or a tolerated one", () => {
        const other = edges.filter((e) => e.kind === "other").map((e) => edgeText(g, e));
        assert.deepStrictEqual(other, [], `edges AWS does not force:\n  ${other.join("\n  ")}`);
        assert.ok(
            edges.some((e) => e.kind === "forced"),
            "the graph has edges at all",
        );
    });

    it("every wait AWS forces is in the graph (directly or through other edges)", () => {
        const missing = forcedEdges(g, roles)
            .filter((f) => !ancestors(f.from, g.edges).has(f.to))
            .map((f) => `${edgeText(g, f)}: ${f.rule.why}`);
        assert.deepStrictEqual(missing, []);
    });

    it("tolerated edges stay off the critical path: with the double's latencies, the graph's critical path is the AWS-forced one", () => {
        const weight = createWeights(g, 1);
        const graphPath = longestPath(g.nodes.keys(), g.edges, weight);
        const forcedPath = longestPath(g.nodes.keys(), forcedEdges(g, roles), weight);
        assert.strictEqual(
            graphPath.ms,
            forcedPath.ms,
            `graph: ${graphPath.nodes.map(urnName).join(" > ")}; forced: ${forcedPath.nodes.map(urnName).join(" > ")}`,
        );
        assert.ok(
            forcedPath.nodes.some((n) => roles.get(n) === "endpoint"),
            "the endpoint's creation is on the critical path",
        );
    });

    it("the instance and the agents' security group do not depend on the endpoint, even through other resources", () => {
        const [endpoint] = byRole("endpoint");
        for (const urn of [...byRole("instance"), ...byRole("agentGroup")]) {
            const waits = ancestors(urn, g.edges);
            assert.ok(!waits.has(endpoint), `${show(g, urn)} waits for the endpoint`);
        }
    });

    it("nothing that does not depend on the endpoint waits for it: every such create starts while the endpoint is being created (double's log)", () => {
        const [endpoint] = byRole("endpoint");
        const ep = created(endpoint);
        assert.ok(ep, "the double logged the endpoint's create");
        assert.ok(ep.end - ep.start >= 120_000 * SCALE - 5, `the endpoint's create lasted ${ep.end - ep.start} ms`);
        const independent = [...g.nodes.keys()].filter((urn) => urn !== endpoint && !ancestors(urn, g.edges).has(endpoint));
        assert.ok(
            independent.some((urn) => g.nodes.get(urn)!.type === T.instance),
            "the instance is among them",
        );
        const late = independent
            .map((urn) => ({ urn, rec: created(urn) }))
            .filter((x) => x.rec !== undefined && x.rec.start >= ep.end)
            .map((x) => `${show(g, x.urn)} started ${x.rec!.start - ep.end} ms after the endpoint was created`);
        assert.deepStrictEqual(late, []);
        const instance = created(byRole("instance")[0]);
        assert.ok(instance && instance.start < ep.start + (ep.end - ep.start) / 2, "the instance starts in the first half of the endpoint's creation");
    });
});
