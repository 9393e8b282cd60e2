// Renders build/bench/results.json (tests/bench/main.ts) as bench/results.md: medians over the
// repetitions of one run, the ratios the issue asks for, and the earlier code's figures.
import { FORCED, TOLERATED } from "../engine/graph/forcedEdges";
import { LATENCIES } from "../engine/doubles/aws";
import type { ActivationReport } from "./parts/activation";
import type { ColdStart } from "./parts/coldStart";
import type { CriticalPathRun } from "./parts/criticalPath";
import type { CliProfile } from "./parts/diagnosis";
import type { FleetRun } from "./parts/fleet";
import type { MultilangRun } from "./parts/multilang";
import type { Ec2FleetResult, Headroom, Refusal } from "./parts/quotas";
import type { Composition } from "./lib/composition";
import { median } from "./lib/stats";

/** The issue's figures for the earlier code (issue 11, "Why"). */
const ISSUE = {
    fleetUpS: { 10: 3.1, 50: 12.5, 100: 38 } as Record<number, number>,
    stateKiBPerAgent: 57,
    upToGraph: 1.37,
    upToForced: 1.84,
    activationMedianS: 1,
};
const TARGETS = { fleetRatio: 1.3, activationMedianMs: 500, activationP95Ms: 1000 };

const s = (ms: number, d = 1) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(d)} s` : "n/a");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (k: number) => (k > 0 ? `${(k / 1024).toFixed(0)} MiB` : "n/a");
const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "n/a");
const met = (ok: boolean) => (ok ? "met" : "**missed**");

type Part<T> = { date: string; reps: number; durationMs: number; data: T } | undefined;

function bySize(runs: FleetRun[]): Map<number, FleetRun[]> {
    const m = new Map<number, FleetRun[]>();
    for (const r of runs) {
        m.set(r.n, [...(m.get(r.n) ?? []), r]);
    }
    return m;
}

/** The 1-minute load averages at the starts of the runs (older results have none). */
const load = (runs: FleetRun[]) => (runs.every((r) => r.loadAverage !== undefined) ? runs.map((r) => r.loadAverage.toFixed(1)).join(", ") : "n/a");

/** A warning when other work competed for the machine's cores during the fleet runs. */
function busy(runs: FleetRun[], cpus: number): string {
    const loads = runs.map((r) => r.loadAverage).filter((l) => l !== undefined);
    const m = median(loads);
    return loads.length && m > cpus
        ? ` **The machine was busy** (median load average ${m.toFixed(1)} on ${cpus} cores at the starts of the runs): wall times, and the wall-time ratio with them, carry other work's share; the CPU ratio does not.`
        : "";
}

const med = (runs: FleetRun[] | undefined, f: (r: FleetRun) => number) => (runs && runs.length ? median(runs.map(f)) : NaN);

/** Marginal `up` time per agent between two sizes, and the fleet ratio (50->100 over 10->50). */
export function fleetRatio(runs: FleetRun[]): { m10to50: number; m50to100: number; ratio: number } {
    const g = bySize(runs);
    const up = (n: number) => med(g.get(n), (r) => r.upMs);
    const m10to50 = (up(50) - up(10)) / 40;
    const m50to100 = (up(100) - up(50)) / 50;
    return { m10to50, m50to100, ratio: m50to100 / m10to50 };
}

const totalCpu = (r: FleetRun) => Object.values(r.up.cpu).reduce((a, b) => a + b, 0) + r.up.programCpuSeconds;

/** The fleet ratio of CPU seconds (every process of the run): unlike wall time, hardly moved by other work on the machine. */
export function cpuRatio(runs: FleetRun[]): number {
    const g = bySize(runs);
    const c = (n: number) => med(g.get(n), totalCpu);
    return (c(100) - c(50)) / 50 / ((c(50) - c(10)) / 40);
}

function stateBytesPerAgent(runs: FleetRun[]): { marginal: number; average: number } {
    const g = bySize(runs);
    const b = (n: number) => med(g.get(n), (r) => r.stateBytes);
    return { marginal: (b(100) - b(50)) / 50, average: b(100) / 100 };
}

function header(r: Record<string, any>): string {
    const m = r.machine;
    const total = r.totalMs ? `${(r.totalMs / 60000).toFixed(1)} min` : "n/a (partial run)";
    return `# Benchmark results

Written by \`make bench\` (tests/bench/main.ts) at commit \`${r.commit}\`, ${m.date}. Every figure is a
median over the repetitions of this one run (stated per section); ratios are computed from those medians.
Linked from the README. **AWS is simulated**: programs run through the real Pulumi engine against the
AWS test double (tests/engine/doubles/aws), the real command provider and an agent emulator on
127.0.0.1. Absolute times are this machine's engine and plugin overheads, not AWS's; the latency
mode's per-type times (section 4) are the double's table, all marked GUESS there.

| machine | |
|---|---|
| CPU | ${m.cpuModel}, ${m.cpus} cores (${m.virtualization}) |
| memory | ${m.memoryGiB} GiB |
| OS | ${m.kernel} |
| toolchain | Node.js ${m.node}; Pulumi CLI ${m.pulumi}; ${m.go}; ${m.python} |
| load average when the run started | ${m.loadAverage.toFixed(2)} (other work on the machine shifts every figure) |
| \`make bench\` duration | ${total} for the benchmarks themselves${r.preparedMs ? `, plus ${s(r.preparedMs, 0)} installing and building what they need` : ""} |
`;
}

function summary(r: Record<string, any>): string {
    const fleet: FleetRun[] = r.fleet?.data.runs ?? [];
    const before: FleetRun[] = r.before?.data.runs ?? [];
    const act: ActivationReport | undefined = r.activation?.data.after;
    const actBefore: ActivationReport | undefined = r.activation?.data.before;
    const cp: CriticalPathRun[] = r.criticalPath?.data.runs ?? [];
    const after = fleetRatio(fleet);
    const then = before.length ? fleetRatio(before) : undefined;
    const per = stateBytesPerAgent(fleet);
    const perBefore = before.length ? stateBytesPerAgent(before) : undefined;
    const g = bySize(fleet);
    const gb = bySize(before);
    const cpr = criticalRatios(cp);
    const rows = [
        [
            "fleet `up`, N = 10 / 50 / 100",
            `${ISSUE.fleetUpS[10]} / ${ISSUE.fleetUpS[50]} / ${ISSUE.fleetUpS[100]} s`,
            then ? [10, 50, 100].map((n) => s(med(gb.get(n), (x) => x.upMs))).join(" / ") : "not run",
            [10, 50, 100].map((n) => s(med(g.get(n), (x) => x.upMs))).join(" / "),
            "",
        ],
        [
            "fleet ratio (marginal `up` per agent 50→100 over 10→50)",
            x((ISSUE.fleetUpS[100] - ISSUE.fleetUpS[50]) / 50 / ((ISSUE.fleetUpS[50] - ISSUE.fleetUpS[10]) / 40)),
            then ? x(then.ratio) : "not run",
            x(after.ratio),
            `≤ ~${TARGETS.fleetRatio}: ${met(after.ratio <= TARGETS.fleetRatio)}`,
        ],
        ["fleet ratio of CPU time (all processes; robust to other load)", "", then ? x(cpuRatio(before)) : "not run", x(cpuRatio(fleet)), ""],
        [
            "state per agent (marginal 50→100; average at 100)",
            `~${ISSUE.stateKiBPerAgent} KiB`,
            perBefore ? `${kib(perBefore.marginal)}; ${kib(perBefore.average)}` : "not run",
            `${kib(per.marginal)}; ${kib(per.average)}`,
            "small",
        ],
        [
            "critical path: measured `up` / graph path / forced path",
            `${x(ISSUE.upToGraph)} graph, ${x(ISSUE.upToForced)} forced`,
            "not re-measured (no latency mode)",
            cp.length ? `${x(cpr.upToGraph)} graph, ${x(cpr.upToForced)} forced; graph path = ${x(cpr.graphToForced)} forced` : "not run",
            "close to the forced path",
        ],
        [
            "activation: median / p95 after port 80 opens",
            `~${ISSUE.activationMedianS} s median`,
            actBefore ? `${actBefore.latencyMs.median} / ${actBefore.latencyMs.p95} ms` : "not run",
            act ? `${act.latencyMs.median} / ${act.latencyMs.p95} ms` : "not run",
            act ? `≤ 500 / ≤ 1000 ms: ${met(act.latencyMs.median <= TARGETS.activationMedianMs && act.latencyMs.p95 <= TARGETS.activationP95Ms)}` : "",
        ],
    ];
    return `
## Summary

"Issue" is what issue 11 reports for the earlier code; "re-measured" is the earlier code (main's commit
\`${r.before?.data.commit ?? "3d1e67f"}\`, its own harness and doubles) measured by this run on this machine.

| figure | issue (earlier code) | re-measured (earlier code) | now | target |
|---|---|---|---|---|
${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}
`;
}

function activation(r: Record<string, any>): string {
    const p: Part<{ after: ActivationReport; before?: ActivationReport; beforeScript?: string }> = r.activation;
    if (!p) {
        return "";
    }
    const row = (name: string, a: ActivationReport) =>
        `| ${name} | ${a.latencyMs.median} | ${a.latencyMs.p95} | ${a.latencyMs.max} | ${a.downRequestsPerSecond.mean.toFixed(2)} | ${a.downRequestsPerSecond.peak} | ${a.failedRuns} |`;
    return `
## 1. Activation latency

tests/bench/activation.bench.ts, ${p.data.after.config.runs} runs per script: the agent emulator's port 80
resets connections (a booting VM) and opens after a random ${p.data.after.config.minDelayMs}-${p.data.after.config.maxDelayMs} ms; latency is from the
moment it answers to the key on the script's stdout; the rate is connections per second while it was down.

| script | median ms | p95 ms | max ms | requests/s while down (mean) | most in any 1 s | failed runs |
|---|---|---|---|---|---|---|
${row("now (provider/src/activation/activate.sh)", p.data.after)}
${p.data.before ? row(`earlier (\`${p.data.beforeScript}\`)`, p.data.before) : "| earlier | not available in this clone | | | | | |"}

Targets: median ≤ 500 ms ${met(p.data.after.latencyMs.median <= 500)}, p95 ≤ 1000 ms ${met(p.data.after.latencyMs.p95 <= 1000)}, ≤ 2 requests/s while down ${met(p.data.after.downRequestsPerSecond.peak <= 2)}.
`;
}

function procCell(runs: FleetRun[] | undefined, label: string, what: "cpu" | "peakKiB"): number {
    return med(runs, (r) => (what === "cpu" ? (r.up.cpu[label] ?? 0) : (r.up.peakKiB[label] ?? 0)));
}

function fleet(r: Record<string, any>): string {
    const p: Part<{ runs: FleetRun[]; headroom100: Headroom[] }> = r.fleet;
    if (!p) {
        return "";
    }
    const g = bySize(p.data.runs);
    const sizes = [...g.keys()].sort((a, b) => a - b);
    const rows = sizes.map((n) => {
        const rs = g.get(n)!;
        return `| ${n} | ${s(med(rs, (x) => x.upMs))} | ${s(med(rs, (x) => x.previewMs))} | ${s(med(rs, (x) => x.destroyMs))} | ${med(rs, (x) => x.resources)} (${med(rs, (x) => x.customResources)} custom) | ${kib(med(rs, (x) => x.stateBytes))} | ${kib(med(rs, (x) => x.stateBytes) / n)} | ${med(rs, (x) => x.endpoints)} | ${mib(procCell(rs, "datasync-privatelink provider", "peakKiB"))} | ${load(rs)} |`;
    });
    const fr = fleetRatio(p.data.runs);
    const per = stateBytesPerAgent(p.data.runs);
    const labels = ["pulumi", "datasync-privatelink provider", "AWS double", "pulumi-resource-command"];
    const cpuRows = sizes.map(
        (n) =>
            `| ${n} | ${labels.map((l) => procCell(g.get(n), l, "cpu").toFixed(2)).join(" | ")} | ${med(g.get(n), (x) => x.up.programCpuSeconds).toFixed(2)} |`,
    );
    const before: FleetRun[] = r.before?.data.runs ?? [];
    const gb = bySize(before);
    const beforeRows = [...gb.keys()]
        .sort((a, b) => a - b)
        .map((n) => {
            const rs = gb.get(n)!;
            return `| ${n} | ${s(med(rs, (x) => x.upMs))} | ${s(med(rs, (x) => x.previewMs))} | ${s(med(rs, (x) => x.destroyMs))} | ${med(rs, (x) => x.resources)} | ${kib(med(rs, (x) => x.stateBytes))} | ${kib(med(rs, (x) => x.stateBytes) / n)} | ${mib(procCell(rs, "datasync-privatelink provider", "peakKiB"))} |`;
        });
    const fb = before.length ? fleetRatio(before) : undefined;
    return `
## 2. Fleet: one PrivateAgent with N on-premises agents

tests/bench/parts/fleet.ts with tests/bench/lib/fleetScenario.ts: agents at 192.168.x.y behind an existing
link, one account and Region, \`ingressScope: "sourceRanges"\` at every N (by address, 30 agents already
need 60 inbound rules; using one scope throughout keeps the sizes comparable). Each repetition
(${p.reps} per size) is a fresh backend and stack: \`up\`, a no-change \`preview\` (checked to plan no change),
\`pulumi stack export\`, \`destroy\`. Provider peak memory: VmHWM of the
\`pulumi-resource-datasync-privatelink\` process during \`up\`, sampled from /proc every 100 ms (the kernel's
high-water mark, so only growth in the last 100 ms before exit could be missed; the engine starts the plugin
and ends its process group itself, so it cannot be wrapped in \`/usr/bin/time -v\`).

| N | \`up\` | no-change \`preview\` | \`destroy\` | resources | state (\`pulumi stack export\`) | state / N | endpoints | provider peak memory | load average |
|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

- Marginal \`up\` per agent: ${s(fr.m10to50, 3)} from 10 to 50, ${s(fr.m50to100, 3)} from 50 to 100: **fleet ratio ${x(fr.ratio)}** (target ≤ ~${TARGETS.fleetRatio}: ${met(fr.ratio <= TARGETS.fleetRatio)}).
- Fleet ratio of CPU seconds (all processes of the run, which other work on the machine hardly moves): ${x(cpuRatio(p.data.runs))}.${busy(p.data.runs, r.machine.cpus)}
- State per agent: ${kib(per.marginal)} marginal (50→100), ${kib(per.average)} on average at N = 100 (issue, earlier code: ~${ISSUE.stateKiBPerAgent} KiB).

CPU seconds during \`up\` by process (medians); the inline program runs in the benchmark's own process:

| N | pulumi (engine) | datasync-privatelink provider | AWS double | command provider | program |
|---|---|---|---|---|---|
${cpuRows.join("\n")}

### The earlier code (main's \`${r.before?.data.commit ?? "3d1e67f"}\`), re-measured

${
    before.length
        ? `Its tree from \`git archive\` in build/bench/, its own \`npm ci\` and build, its own harness, AWS double and command
double (tests/bench/parts/before.ts), the same CLI, the same fleet without \`ingressScope\` (which did not exist:
its endpoint group got two rules per agent, and its double had no quota). ${r.before.reps} repetitions per size.

| N | \`up\` | no-change \`preview\` | \`destroy\` | resources | state | state / N | provider peak memory |
|---|---|---|---|---|---|---|---|
${beforeRows.join("\n")}

Fleet ratio then: ${x(fb!.ratio)} (marginal ${s(fb!.m10to50, 3)} → ${s(fb!.m50to100, 3)} per agent).`
        : "Not run in this results file."
}
`;
}

function diagnosis(r: Record<string, any>): string {
    const p: Part<{ skipCheckpoints: FleetRun[]; cliProfile: CliProfile; checkpointWrites?: Record<number, number> }> = r.diagnosis;
    const f: FleetRun[] = r.fleet?.data.runs ?? [];
    if (!p || f.length === 0) {
        return "";
    }
    const fr = fleetRatio(f);
    const sk = fleetRatio(p.data.skipCheckpoints);
    const g = bySize(f);
    const gs = bySize(p.data.skipCheckpoints);
    const cpuMarginal = (label: string) => {
        const c = (n: number) => procCell(g.get(n), label, "cpu");
        return [(c(50) - c(10)) / 40, (c(100) - c(50)) / 50];
    };
    const labels = ["pulumi", "datasync-privatelink provider", "AWS double", "pulumi-resource-command"];
    const marg = labels.map((l) => {
        const [a, b] = cpuMarginal(l);
        return `| ${l} | ${(a * 1000).toFixed(0)} | ${(b * 1000).toFixed(0)} | ${x(b / a)} |`;
    });
    const ph = (n: number) => {
        const rs = g.get(n)!.filter((x) => x.phases);
        return rs.length
            ? `| ${n} | ${s(med(rs, (x) => x.phases!.firstCreate))} | ${s(med(rs, (x) => x.phases!.endpointCreated))} | ${s(med(rs, (x) => x.phases!.firstAgent))} | ${s(med(rs, (x) => x.phases!.lastAgent))} | ${s(med(rs, (x) => x.upMs))} |`
            : "";
    };
    const prof = p.data.cliProfile;
    return `
## 3. Where the fleet's time goes

${fr.ratio <= TARGETS.fleetRatio ? "The fleet ratio meets the target; the figures below show what remains superlinear." : `The fleet ratio misses the target (${x(fr.ratio)}). Evidence:`}

**Marginal CPU per agent during \`up\`** (ms of CPU per added agent, from the table above):

| process | 10→50 | 50→100 | growth |
|---|---|---|---|
${marg.join("\n")}

**The engine's checkpoints.** The file backend writes the whole state for every mutation of a step
(pulumi pkg/backend/snapshot.go: \`defaultServiceLoop\` calls \`saveSnapshot\` per mutation request, one at a
time, and \`mutate\` blocks the step until that save is done; \`PULUMI_SKIP_CHECKPOINTS\` "Skip saving state
checkpoints and only save the final deployment", sdk/go/common/env/env.go). ${writes(p.data.checkpointWrites)}
The state grows by one agent's share each time, so the bytes written grow with N², in one goroutine that every
step waits for. The Pulumi CLI's own CPU profile of one \`up\` at N = ${prof.n} (\`pulumi --profiling\`, \`go tool pprof
-top -cum\`): ${prof.totalSeconds.toFixed(2)} s of CPU samples, **${prof.saveSnapshotSeconds.toFixed(2)} s (${((prof.saveSnapshotSeconds / prof.totalSeconds) * 100).toFixed(0)} %) under
SnapshotManager.saveSnapshot** (JSON encoding, MD5 of the blob, the backup copy, VerifyIntegrity).

<details><summary>pprof -top -cum (first entries)</summary>

\`\`\`
${prof.top.join("\n")}
\`\`\`
</details>

**The same fleet with \`PULUMI_SKIP_CHECKPOINTS=true\`** (a diagnosis only; it gives up the engine's crash
safety and is not a recommendation), ${r.diagnosis.reps} repetitions per size:

| N | \`up\` with checkpoints | \`up\` without | CLI CPU with | CLI CPU without |
|---|---|---|---|---|
${[10, 50, 100].map((n) => `| ${n} | ${s(med(g.get(n), (x) => x.upMs))} | ${s(med(gs.get(n), (x) => x.upMs))} | ${procCell(g.get(n), "pulumi", "cpu").toFixed(2)} s | ${procCell(gs.get(n), "pulumi", "cpu").toFixed(2)} s |`).join("\n")}

Fleet ratio without checkpoints: ${x(sk.ratio)} (marginal ${s(sk.m10to50, 3)} → ${s(sk.m50to100, 3)} per agent).

${stateComposition(r.fleet.data.composition100)}

**Milestones of \`up\`** (median, from its start; the double's log):

| N | first create | endpoint created | first DataSync agent | last DataSync agent | \`up\` done |
|---|---|---|---|---|---|
${[10, 50, 100].map(ph).join("\n")}
`;
}

function stateComposition(c: Composition | undefined): string {
    if (!c) {
        return "";
    }
    const rows = Object.entries(c.byType)
        .filter(([, v]) => v.count > 1)
        .sort((a, b) => b[1].bytes - a[1].bytes)
        .map(([type, v]) => {
            const f = Object.entries(c.fieldsPerResource[type] ?? {})
                .filter(([, b]) => b >= 100)
                .sort((a, b) => b[1] - a[1])
                .map(([k, b]) => `${k} ${b}`)
                .join(", ");
            return `| ${type} | ${v.count} | ${Math.round(v.bytes / v.count)} | ${f} |`;
        });
    return `**What each write holds** at N = 100: ${kib(c.totalCompactBytes)} of compact JSON (the exported file is indented). Per resource, bytes:

| type | count | bytes each | largest fields (bytes) |
|---|---|---|---|
${rows.join("\n")}`;
}

function writes(w: Record<number, number> | undefined): string {
    if (!w || w[10] === undefined || w[50] === undefined) {
        return "(Checkpoint writes not counted: no strace.)";
    }
    const per = ((w[50] - w[10]) / 40).toFixed(1);
    return `Counted with strace (renames of the stack's checkpoint file during \`up\`): ${w[10]} writes at N = 10, ${w[50]} at N = 50, so **${per} full-state writes per added agent** (each also copies the previous state to a \`.bak\` file).`;
}

function criticalRatios(runs: CriticalPathRun[]) {
    return {
        upToGraph: median(runs.map((r) => r.upMs / r.graphMs)),
        upToForced: median(runs.map((r) => r.upMs / r.forcedMs)),
        spanToGraph: median(runs.map((r) => r.spanMs / r.graphMs)),
        spanToForced: median(runs.map((r) => r.spanMs / r.forcedMs)),
        graphToForced: median(runs.map((r) => r.graphMs / r.forcedMs)),
    };
}

function criticalPath(r: Record<string, any>): string {
    const p: Part<{ runs: CriticalPathRun[] }> = r.criticalPath;
    if (!p || p.data.runs.length === 0) {
        return "";
    }
    const runs = p.data.runs;
    const c = criticalRatios(runs);
    const last = runs[runs.length - 1];
    const scale = last.scale;
    const edgeRows = last.edges.map(
        (e) => `| ${e.from} | ${e.to} | ${e.kind} | ${e.why ?? (e.kind === "implied" ? "reachable over forced edges: adds no wait" : "")} |`,
    );
    const schedule = last.schedule.map(
        (e) => `| ${e.name} | ${e.type.split(":").pop()} | ${s(e.start, 2)} | ${s(e.end, 2)} | ${s((LATENCIES[e.type]?.createMs ?? 0) * scale, 2)} |`,
    );
    return `
## 4. Critical path (EC2 agent over a cross-account peering, latency mode)

tests/bench/parts/criticalPath.ts, the scenario of tests/engine/graph.test.ts: the AWS double's latency mode
(\`DSPL_AWS_DOUBLE_LATENCY=aws\`, scale ${scale}: every create takes its table time × ${scale}), ${runs.length === 1 ? "one run (at scale 1 its timing noise is well under 1 % of the path)" : `${runs.length} runs`}.
The graph path is the longest chain of the double's (scaled) create times over the engine's dependency graph
(\`pulumi stack export\`: dependencies and propertyDependencies); the forced path is the same over the edges
AWS forces alone (table below). The activation Command weighs nothing in both (the double has no time for
it); its real time is part of the measured run.

| | median |
|---|---|
| measured \`up\` (wall time: CLI, plugin starts, lookups and checks included) | ${s(median(runs.map((r) => r.upMs)), 2)} |
| measured creates (first create's start to last create's end, double's log) | ${s(median(runs.map((r) => r.spanMs)), 2)} |
| \`up\` before the first create (CLI, program, plugin starts, lookups, checks); after the last one | ${s(median(runs.map((r) => r.beforeFirstCreateMs)), 2)}; ${s(median(runs.map((r) => r.afterLastCreateMs)), 2)} |
| graph critical path | ${s(last.graphMs, 2)}: ${last.graphPath.join(" → ")} |
| AWS-forced critical path | ${s(last.forcedMs, 2)}: ${last.forcedPath.join(" → ")} |
| **\`up\` / graph path; \`up\` / forced path** | **${x(c.upToGraph)}; ${x(c.upToForced)}** (issue, earlier code: ${x(ISSUE.upToGraph)}; ${x(ISSUE.upToForced)}) |
| creates / graph path; creates / forced path | ${x(c.spanToGraph)}; ${x(c.spanToForced)} |
| graph path / forced path | ${x(c.graphToForced)} |

The fixed costs in \`up\` (engine and plugin start, lookups, the activation script, the last steps) do not scale
with AWS's times: at scale 1 (the endpoint's 120 s) the same overhead is a smaller share.

Schedule of the last run (ms after the first create; the double's create time for comparison):

| resource | type | start | end | table time × scale |
|---|---|---|---|---|
${schedule.join("\n")}

### The edges AWS forces (tests/engine/graph/forcedEdges.ts)

${FORCED.map((f) => `- **${f.from.join(", ")} → ${f.to.join(", ")}**: ${f.why}. *Source:* ${f.source}`).join("\n")}

Tolerated (not forced by AWS, made by the components; the graph test fails if one lands on the critical path):

${TOLERATED.map((f) => `- **${f.from.join(", ")} → ${f.to.join(", ")}**: ${f.why}. *Source:* ${f.source}`).join("\n")}

Every edge between custom resources in the last run's graph:

| waits | for | kind | why |
|---|---|---|---|
${edgeRows.join("\n")}
`;
}

function multilang(r: Record<string, any>): string {
    const p: Part<{ runs: MultilangRun[] }> = r.multilang;
    if (!p) {
        return "";
    }
    const programs = [...new Set(p.data.runs.map((x) => x.program))];
    const up = (prog: string) => median(p.data.runs.filter((x) => x.program === prog).map((x) => x.upMs));
    const cpu = (prog: string, label: string) => median(p.data.runs.filter((x) => x.program === prog).map((x) => x.up.cpu[label] ?? 0));
    const base = up("plain-ts");
    const desc: Record<string, string> = {
        "component-ts": "TypeScript, the component (nodejs SDK)",
        "component-py": "Python, the component (Python SDK)",
        "component-go": "Go, the component (Go SDK)",
        "plain-ts": "TypeScript, the same resources with @pulumi/aws (baseline)",
    };
    const rows = programs.map(
        (prog) =>
            `| ${desc[prog] ?? prog} | ${s(up(prog), 2)} | ${x(up(prog) / base)} | ${s(median(p.data.runs.filter((x) => x.program === prog).map((x) => x.destroyMs)), 2)} | ${cpu(prog, "program").toFixed(2)} | ${cpu(prog, "datasync-privatelink provider").toFixed(2)} | ${cpu(prog, "go build").toFixed(2)} | ${cpu(prog, "pulumi").toFixed(2)} |`,
    );
    const types = (prog: string) => {
        const t = p.data.runs.find((x) => x.program === prog)?.types ?? {};
        return Object.entries(t)
            .filter(([k]) => !k.startsWith("pulumi:providers:"))
            .map(([k, v]) => `${v} ${k.split(":").pop()}`)
            .sort()
            .join(", ");
    };
    const same = types("plain-ts") === types("component-ts");
    return `
## 5. Multi-language overhead

tests/bench/parts/multilang.ts and tests/bench/programs: one PrivateAgent with one EC2 agent in the endpoint's
VPC, as a project directory per language run by \`pulumi up --yes --skip-preview\` with the real language host
(TypeScript programs transpile-only, tsconfig \`noCheck\`: type-checking @pulumi/aws's declarations would be
compared otherwise; Go programs are built by the Go host on every \`up\`, from a warm build cache), against
the AWS double; programs interleaved, ${p.reps} repetitions each, a fresh backend and stack each time.

The smallest program that makes every kind of resource an EC2 agent needs (no link), so the figures are
the component's and the language's overhead, not a link's.

| program | \`up\` | vs baseline | \`destroy\` | CPU s: program | provider | go build | CLI |
|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Resources: the component programs and the baseline create the same custom resources (${same ? "checked" : "**they differ**"}:
${types("component-ts")}); the component adds its provider, the components and their lookups and checks.
`;
}

function refusalRow(f: Refusal): string {
    const said = f.message.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
    return `| ${f.quota} | ${f.setup} | ${f.refused ? "yes" : "**no**"} | ${said} |`;
}

function headroomRows(h: Headroom[]): string {
    return h.map((x) => `| ${x.quota} (${x.code}) | ${x.scope} | ${x.used} | ${x.limit} | ${x.limit - x.used} |`).join("\n");
}

function quotas(r: Record<string, any>): string {
    const p: Part<{ ec2Fleet: Ec2FleetResult; refusals: Refusal[] }> = r.quotas;
    const onprem: Headroom[] | undefined = r.fleet?.data.headroom100;
    if (!p && !onprem) {
        return "";
    }
    return `
## 6. Quota headroom of 100-agent fleets

Each AWS default quota the double enforces (tests/engine/doubles/aws/quotas.ts: inbound and outbound rules
per group L-0EA8095F, groups per interface L-2AFB9258, interface endpoints per VPC L-29B6F2EB, routes per
table L-93826ACB, each with its AWS source), counted in the state after \`up\` plus what the world had.

${
    onprem
        ? `**100 on-premises agents** (section 2, \`sourceRanges\`):

| quota | where | used | quota | left |
|---|---|---|---|---|
${headroomRows(onprem)}
`
        : ""
}
${
    p
        ? `**${p.data.ec2Fleet.agents} EC2 agents over a cross-account peering** (the critical path's scenario with 100 agents, one shared
agent group admitted by reference; one \`up\`, ${s(p.data.ec2Fleet.upMs)}, ${p.data.ec2Fleet.resources} resources, state ${kib(p.data.ec2Fleet.stateBytes)}):

| quota | where | used | quota | left |
|---|---|---|---|---|
${headroomRows(p.data.ec2Fleet.headroom)}

Not modelled by the double: the account's EC2 On-Demand vCPU quota (100 × m5.2xlarge = 800 vCPUs; the quota
varies by account) and addresses per subnet beyond the subnet's size.

**Configurations that would cross a quota: refused at \`preview\`?** (tests/bench/parts/quotas.ts,
quotaRefusals: each is previewed; one that passes is then run with \`up\`, to show where the double stops it.)

| quota | configuration | refused at preview | what the engine said |
|---|---|---|---|
${p.data.refusals.map(refusalRow).join("\n")}

Interface endpoints per VPC cannot be counted before \`up\`: no data source of the AWS provider lists a
VPC's endpoints (\`getVpcEndpoint\` needs exactly one match), so \`CreateVpcEndpoint\` refuses a full VPC
(README, "Scale and AWS quotas").`
        : ""
}
`;
}

function coldStart(r: Record<string, any>): string {
    const p: Part<ColdStart> = r.coldStart;
    if (!p) {
        return "";
    }
    const d = p.data;
    return `
## 7. Cold start

tests/bench/parts/coldStart.ts.

| | |
|---|---|
| \`make build\` in a fresh \`git clone\` of HEAD (npm ci from npm's local cache, tsc) | ${s(d.makeBuildMs)} |
| of which tsc (a second \`make build\`) | ${s(d.tscMs)} |
${Object.entries(d.startMs)
    .map(([k, v]) => `| start of ${k}, median of 5 | ${v} ms |`)
    .join("\n")}
| first \`up\` of a fresh stack (fresh PULUMI_HOME and backend; 1 on-premises agent, creates everything) | ${s(d.firstUpMs)} |
| second \`up\` of the same stack (no change) | ${s(d.secondUpMs)} |
| no-change \`preview\` | ${s(d.previewMs)} |

The plugins start in parallel as the engine needs them; a no-change \`up\` still starts every plugin and runs
the component's lookups and checks.
`;
}

export function render(r: Record<string, any>): string {
    const dates = ["activation", "fleet", "before", "diagnosis", "criticalPath", "multilang", "quotas", "coldStart"]
        .filter((k) => r[k])
        .map((k) => `${k} ${r[k].date} (${s(r[k].durationMs, 0)})`);
    return `${header(r)}${summary(r)}${activation(r)}${fleet(r)}${diagnosis(r)}${criticalPath(r)}${multilang(r)}${quotas(r)}${coldStart(r)}
## Runs

${dates.map((d) => `- ${d}`).join("\n")}

Re-run with \`make bench\` (or \`make bench BENCH_ARGS="--only fleet --reps 1"\` for one part; the report then
keeps the other parts of the previous run, each with its date above). Raw figures: build/bench/results.json.
`;
}
