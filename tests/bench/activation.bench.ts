/**
 * Benchmark (not a test): how long after a booting agent opens port 80 does the activation script
 * print the key, and how often does it knock while the port is down?
 *
 *   node build/tests/bench/activation.bench.js [--runs N] [--min-delay-ms MS] [--max-delay-ms MS]
 *        [--script PATH] [--shell SHELL] [--json FILE]
 *
 * Each run: the emulator's port on 127.0.0.1 resets every connection (a closed port whose knocks can
 * be counted), the script starts, and after a random delay the emulator turns into the documented
 * agent. Latency: from the moment it answers to the moment the key line is on the script's stdout.
 * Down rate: connections per second before that moment, and the most in any 1 s window.
 *
 * Prints a summary and writes JSON to --json FILE (or $ACTIVATION_BENCH_JSON; default
 * build/bench/activation.json) for `make bench` to aggregate. Exits 1 only when a run fails (no key,
 * wrong key, key on stderr); missed targets are reported, not fatal.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AgentEmulator } from "../activation/emulator";
import { REPO_ROOT, runScript, SCRIPT } from "../activation/runner";

const TARGETS = { medianMs: 500, p95Ms: 1000, downRequestsPerSecond: 2 };

interface Options {
    runs: number;
    minDelayMs: number;
    maxDelayMs: number;
    script: string;
    shell: string;
    json: string;
}

interface Run {
    run: number;
    delayMs: number;
    latencyMs: number | null;
    /** Connections the emulator saw while the port was down, and how long it was down. */
    downConnections: number;
    downMs: number;
    /** The most connections in any 1 s window while down. */
    peakPerSecond: number;
    exitCode: number | null;
    ok: boolean;
    error?: string;
}

function parseArgs(argv: string[]): Options {
    const o: Options = {
        runs: 30,
        minDelayMs: 1000,
        maxDelayMs: 8000,
        script: SCRIPT,
        shell: "sh",
        json: process.env.ACTIVATION_BENCH_JSON ?? path.join(REPO_ROOT, "build", "bench", "activation.json"),
    };
    for (let i = 0; i < argv.length; i += 2) {
        const [flag, value] = [argv[i], argv[i + 1]];
        if (value === undefined) throw new Error(`${flag} needs a value`);
        switch (flag) {
            case "--runs":
                o.runs = Number(value);
                break;
            case "--min-delay-ms":
                o.minDelayMs = Number(value);
                break;
            case "--max-delay-ms":
                o.maxDelayMs = Number(value);
                break;
            case "--script":
                o.script = path.resolve(value);
                break;
            case "--shell":
                o.shell = value;
                break;
            case "--json":
                o.json = path.resolve(value);
                break;
            default:
                throw new Error(`unknown option ${flag}`);
        }
    }
    if (!(o.runs >= 1 && o.minDelayMs >= 0 && o.maxDelayMs >= o.minDelayMs)) throw new Error("bad --runs or delays");
    return o;
}

/** The most timestamps in any window [t, t + 1000 ms). */
function peakPerSecond(times: number[]): number {
    let peak = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i] - times[j] >= 1000) j++;
        peak = Math.max(peak, i - j + 1);
    }
    return peak;
}

async function once(run: number, o: Options): Promise<Run> {
    const emulator = await AgentEmulator.reserve([{ kind: "agent" }]);
    const delayMs = Math.round(o.minDelayMs + Math.random() * (o.maxDelayMs - o.minDelayMs));
    try {
        await emulator.resetConnections();
        const result = runScript(
            {
                AGENT_ADDRESS: emulator.address,
                ACTIVATION_REGION: "us-east-1",
                PRIVATE_LINK_ENDPOINT: "127.0.0.2", // a query parameter only; nothing is sent to it
                ACTIVATION_TIMEOUT_SECONDS: String(Math.ceil(o.maxDelayMs / 1000) + 30),
                ACTIVATION_REQUEST_TIMEOUT_SECONDS: "5",
            },
            { launcher: { name: o.shell, argv: [o.shell, o.script] } },
        );
        const openedAt = await emulator.openAfter(delayMs);
        const r = await result;
        const key = emulator.issuedKeys.at(-1);
        const down = emulator.connections.filter((t) => t < openedAt);
        const ok = r.code === 0 && key !== undefined && r.stdout === `${key}\n` && !r.stderr.includes(key) && r.lineAt !== undefined;
        return {
            run,
            delayMs,
            latencyMs: r.lineAt !== undefined ? r.lineAt - openedAt : null,
            downConnections: down.length,
            downMs: openedAt - r.startedAt,
            peakPerSecond: peakPerSecond(down),
            exitCode: r.code,
            ok,
            error: ok ? undefined : `exit ${r.code}; stdout ${r.stdout.length} chars; stderr: ${r.stderr.trim()}`,
        };
    } finally {
        await emulator.close();
    }
}

/** A path relative to the repository when inside it, else absolute. */
function shown(file: string): string {
    const relative = path.relative(REPO_ROOT, file);
    return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

function percentile(sorted: number[], p: number): number {
    // nearest rank
    return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

function median(sorted: number[]): number {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarize(runs: Run[]) {
    const good = runs.filter((r) => r.ok && r.latencyMs !== null);
    const latencies = good.map((r) => r.latencyMs as number).sort((a, b) => a - b);
    const downSeconds = runs.reduce((s, r) => s + r.downMs, 0) / 1000;
    const downConnections = runs.reduce((s, r) => s + r.downConnections, 0);
    const latency = latencies.length
        ? { medianMs: median(latencies), p95Ms: percentile(latencies, 95), maxMs: latencies[latencies.length - 1], minMs: latencies[0] }
        : { medianMs: NaN, p95Ms: NaN, maxMs: NaN, minMs: NaN };
    const down = { meanPerSecond: downConnections / downSeconds, peakPerSecond: Math.max(...runs.map((r) => r.peakPerSecond)) };
    const targetsMet = {
        medianMs: latency.medianMs <= TARGETS.medianMs,
        p95Ms: latency.p95Ms <= TARGETS.p95Ms,
        downRequestsPerSecond: down.peakPerSecond <= TARGETS.downRequestsPerSecond,
    };
    return { latency, down, targetsMet, failedRuns: runs.length - good.length };
}

async function main(): Promise<number> {
    const o = parseArgs(process.argv.slice(2));
    const script = shown(o.script);
    console.log(`activation bench: ${o.runs} runs of ${o.shell} ${script}; port 80 opens after ${o.minDelayMs}-${o.maxDelayMs} ms`);
    const runs: Run[] = [];
    for (let i = 1; i <= o.runs; i++) {
        const r = await once(i, o);
        runs.push(r);
        const latency = r.latencyMs === null ? "n/a" : `${Math.round(r.latencyMs)} ms`;
        console.log(
            `run ${String(i).padStart(2, "0")}: opened after ${r.delayMs} ms, key ${latency} later; ` +
                `${r.downConnections} connections while down (peak ${r.peakPerSecond}/s)${r.ok ? "" : ` FAILED: ${r.error}`}`,
        );
    }
    const s = summarize(runs);
    const mark = (met: boolean) => (met ? "met" : "MISSED");
    console.log(
        `latency (port open -> key on stdout): median ${Math.round(s.latency.medianMs)} ms, p95 ${Math.round(s.latency.p95Ms)} ms, max ${Math.round(s.latency.maxMs)} ms`,
    );
    console.log(`requests while down: mean ${s.down.meanPerSecond.toFixed(2)}/s, peak ${s.down.peakPerSecond} in any 1 s`);
    console.log(
        `targets: median <= ${TARGETS.medianMs} ms ${mark(s.targetsMet.medianMs)}; p95 <= ${TARGETS.p95Ms} ms ${mark(s.targetsMet.p95Ms)}; ` +
            `<= ${TARGETS.downRequestsPerSecond} requests/s while down ${mark(s.targetsMet.downRequestsPerSecond)}`,
    );
    if (s.failedRuns) console.log(`FAILED runs: ${s.failedRuns}`);

    const round = (n: number) => Math.round(n);
    const report = {
        benchmark: "activation: port 80 open -> key on stdout",
        script,
        shell: o.shell,
        date: new Date().toISOString(),
        machine: { platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", node: process.version },
        config: { runs: o.runs, minDelayMs: o.minDelayMs, maxDelayMs: o.maxDelayMs },
        latencyMs: { median: round(s.latency.medianMs), p95: round(s.latency.p95Ms), max: round(s.latency.maxMs), min: round(s.latency.minMs) },
        downRequestsPerSecond: { mean: Number(s.down.meanPerSecond.toFixed(3)), peak: s.down.peakPerSecond },
        targets: TARGETS,
        targetsMet: s.targetsMet,
        failedRuns: s.failedRuns,
        runs: runs.map((r) => ({ ...r, latencyMs: r.latencyMs === null ? null : round(r.latencyMs), downMs: round(r.downMs) })),
    };
    fs.mkdirSync(path.dirname(o.json), { recursive: true });
    fs.writeFileSync(o.json, JSON.stringify(report, null, 2) + "\n");
    console.log(`wrote ${shown(o.json)}`);
    return s.failedRuns ? 1 : 0;
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (err) => {
        console.error(err);
        process.exitCode = 1;
    },
);
