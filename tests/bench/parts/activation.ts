// Activation latency: runs tests/bench/activation.bench.ts (port 80 opens after a random delay; the
// time from then to the key on the script's stdout, and the requests while the port is down), on
// this checkout's script and, when given, on an earlier one.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../../engine/harness";

export interface ActivationReport {
    script: string;
    config: { runs: number; minDelayMs: number; maxDelayMs: number };
    latencyMs: { median: number; p95: number; max: number; min: number };
    downRequestsPerSecond: { mean: number; peak: number };
    failedRuns: number;
}

export async function benchActivation(runs: number, script?: string): Promise<ActivationReport> {
    const json = path.join(REPO, "build", "bench", script ? "activation-before.json" : "activation.json");
    // The bench's own delays (port 80 opens 1-8 s after the script starts), as helper A measured with:
    // an earlier script's backoff (0.25, 0.5, 1, then 2 s) makes its latency depend on that range.
    const args = [path.join(__dirname, "..", "activation.bench.js"), "--runs", String(runs), "--json", json];
    if (script) {
        args.push("--script", script);
    }
    const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"] });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (code !== 0) {
        throw new Error(`activation bench failed (exit ${code})`);
    }
    return JSON.parse(fs.readFileSync(json, "utf8"));
}
