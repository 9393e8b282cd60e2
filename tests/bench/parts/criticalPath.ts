// The critical path of one EC2 agent over a cross-account VPC peering (the graph test's scenario)
// with the AWS double's latency mode: the measured `up` against the longest chain of the double's
// create times over the engine's dependency graph, and over the edges AWS forces alone
// (tests/engine/graph/forcedEdges.ts).
import { AgentEmulator } from "../../activation/emulator";
import { RemotePrivateAgent, Sandbox } from "../../engine/harness";
import { classify, forcedEdges } from "../../engine/graph/forcedEdges";
import { createWeights } from "../../engine/graph/latencyWeights";
import { rolesOf } from "../../engine/graph/roles";
import { peeringArgs, peeringWorld } from "../../engine/graph/scenario";
import { graphOf, longestPath, urnName } from "../../engine/graph/stateGraph";
import { exportText, withEnv } from "../lib/sandboxes";
import { say, secs } from "../lib/progress";

export interface CriticalPathRun {
    scale: number;
    /** Wall time of `pulumi up` (engine and plugin start, lookups and checks included). */
    upMs: number;
    /** From the first create's start to the last create's end, in the double's log. */
    spanMs: number;
    /** `up` before the first create (CLI, program, plugin starts, lookups, checks) and after the last one. */
    beforeFirstCreateMs: number;
    afterLastCreateMs: number;
    /** Longest chain of the double's (scaled) create times over the engine's graph, and over the forced edges. */
    graphMs: number;
    forcedMs: number;
    graphPath: string[];
    forcedPath: string[];
    /** When each create ran, ms after the first create started. */
    schedule: Array<{ name: string; type: string; start: number; end: number }>;
    /** The graph's edges between custom resources, by kind (forced, implied, tolerated, other). */
    edges: Array<{ from: string; to: string; kind: string; why?: string }>;
}

const STACK = "critical-path";

export async function benchCriticalPath(scale: number, reps: number): Promise<CriticalPathRun[]> {
    const runs: CriticalPathRun[] = [];
    for (let rep = 1; rep <= reps; rep++) {
        const r = await withEnv({ DSPL_AWS_DOUBLE_LATENCY: "aws", DSPL_AWS_DOUBLE_LATENCY_SCALE: String(scale) }, () => once(scale));
        runs.push(r);
        say(
            `critical path ${rep}/${reps} (latency scale ${scale}): up ${secs(r.upMs)}, creates ${secs(r.spanMs)}, graph path ${secs(r.graphMs)}, forced path ${secs(r.forcedMs)}`,
        );
    }
    return runs;
}

async function once(scale: number): Promise<CriticalPathRun> {
    const sandbox = new Sandbox(peeringWorld());
    const emulator = await AgentEmulator.start([{ kind: "agent" }]);
    try {
        const stack = await sandbox.stack(STACK, async () => {
            const agent = new RemotePrivateAgent("xacct", peeringArgs(1, emulator.address));
            return { agentArn: agent.agentArn };
        });
        const t0 = Date.now();
        const result = await stack.up();
        const upMs = Date.now() - t0;
        if (result.summary.result !== "succeeded") {
            throw new Error(`critical path: up ${result.summary.result}`);
        }
        const g = graphOf(JSON.parse(exportText(sandbox, STACK)));
        const roles = rolesOf(g);
        const weight = createWeights(g, scale);
        const graphPath = longestPath(g.nodes.keys(), g.edges, weight);
        const forcedPath = longestPath(g.nodes.keys(), forcedEdges(g, roles), weight);
        const creates = sandbox.awsRecords().filter((r) => r.op === "create");
        const first = Math.min(...creates.map((r) => r.start));
        const last = Math.max(...creates.map((r) => r.end));
        return {
            scale,
            upMs,
            spanMs: last - first,
            beforeFirstCreateMs: first - t0,
            afterLastCreateMs: t0 + upMs - last,
            graphMs: graphPath.ms,
            forcedMs: forcedPath.ms,
            graphPath: graphPath.nodes.map(urnName),
            forcedPath: forcedPath.nodes.map(urnName),
            schedule: creates.map((r) => ({ name: r.name, type: r.type, start: r.start - first, end: r.end - first })).sort((a, b) => a.start - b.start),
            edges: classify(g, roles).map((e) => ({ from: urnName(e.from), to: urnName(e.to), kind: e.kind, why: e.rule?.why })),
        };
    } finally {
        await emulator.close();
        sandbox.remove();
    }
}
