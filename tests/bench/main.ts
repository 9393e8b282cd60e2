/**
 * `make bench`: every benchmark of issue 11 §5, one after the other, then bench/results.md.
 *
 *   node build/tests/bench/main.js [--reps N] [--scale S] [--cp-reps N] [--only part,...]
 *   node build/tests/bench/main.js --render      (bench/results.md again from build/bench/results.json)
 *
 * Parts: activation, fleet, before, diagnosis, criticalPath, multilang, quotas, coldStart. Each
 * measurement repeats --reps times (default 3) and the report gives medians. The critical path runs
 * --cp-reps times (default 1) at the AWS double's latency scale --scale (default 1: the endpoint's
 * create takes its table's 120 s, so the run's fixed costs are a small share; about 2.5 minutes).
 * Results go to build/bench/results.json (a part run with --only replaces that part and keeps the
 * others, each with its own date) and are rendered into bench/results.md.
 * Benchmarks, not tests: nothing here fails on a missed target; a failed run stops it.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { checkPlugins, pulumiBin, REPO } from "../engine/harness";
import { describeMachine } from "./lib/machine";
import { say } from "./lib/progress";
import { benchActivation } from "./parts/activation";
import { beforeAvailable, benchBefore, BEFORE_COMMIT } from "./parts/before";
import { benchColdStart } from "./parts/coldStart";
import { benchCriticalPath } from "./parts/criticalPath";
import { checkpointWrites, profileCli } from "./parts/diagnosis";
import { benchFleet } from "./parts/fleet";
import { benchMultilang } from "./parts/multilang";
import { benchEc2Fleet, headroom, quotaRefusals } from "./parts/quotas";
import { composition } from "./lib/composition";
import { fleetWorld } from "./lib/fleetScenario";
import { render } from "./report";

const PARTS = ["activation", "fleet", "before", "diagnosis", "criticalPath", "multilang", "quotas", "coldStart"] as const;
type Part = (typeof PARTS)[number];

export const FLEET_SIZES = [1, 10, 50, 100];
export const RATIO_SIZES = [10, 50, 100];
const RESULTS = path.join(REPO, "build", "bench", "results.json");
const REPORT = path.join(REPO, "bench", "results.md");

interface Options {
    reps: number;
    scale: number;
    /** Repetitions of the critical path, which lasts minutes at scale 1 (its noise is then a small share). */
    cpReps: number;
    only: Part[];
}

function options(argv: string[]): Options {
    const o: Options = { reps: 3, scale: 1, cpReps: 1, only: [...PARTS] };
    for (let i = 0; i < argv.length; i += 2) {
        const [flag, value] = [argv[i], argv[i + 1]];
        if (flag === "--reps") o.reps = Number(value);
        else if (flag === "--scale") o.scale = Number(value);
        else if (flag === "--cp-reps") o.cpReps = Number(value);
        else if (flag === "--only") o.only = value.split(",") as Part[];
        else throw new Error(`unknown option ${flag} (--reps N, --scale S, --only ${PARTS.join(",")})`);
    }
    const unknown = o.only.filter((p) => !PARTS.includes(p));
    if (unknown.length > 0 || !(o.reps >= 1) || !(o.scale > 0)) {
        throw new Error(`bad options: ${unknown.join(",")} ${o.reps} ${o.scale}`);
    }
    return o;
}

/** Runs one part and stamps its result with the date and settings. */
async function part<T>(name: Part, o: Options, f: () => Promise<T>): Promise<{ date: string; reps: number; durationMs: number; data: T }> {
    say(`==> ${name}`);
    const t0 = Date.now();
    const data = await f();
    return { date: new Date().toISOString(), reps: o.reps, durationMs: Date.now() - t0, data };
}

async function main(): Promise<void> {
    if (process.argv[2] === "--render") {
        fs.writeFileSync(REPORT, render(JSON.parse(fs.readFileSync(RESULTS, "utf8"))));
        say(`wrote ${path.relative(REPO, REPORT)} from ${path.relative(REPO, RESULTS)}`);
        return;
    }
    const o = options(process.argv.slice(2));
    checkPlugins();
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    const results: Record<string, any> = fs.existsSync(RESULTS) && o.only.length < PARTS.length ? JSON.parse(fs.readFileSync(RESULTS, "utf8")) : {};
    const t0 = Date.now();
    results.machine = describeMachine(pulumiBin());
    results.commit = execFileSync("git", ["-C", REPO, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const run = async (name: Part, f: () => Promise<unknown>) => {
        if (o.only.includes(name)) {
            results[name] = await part(name, o, f);
            fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2));
        }
    };
    await run("activation", async () => {
        const after = await benchActivation(30);
        if (!beforeAvailable()) {
            return { after };
        }
        const before = path.join(REPO, "build", "bench", `activate-${BEFORE_COMMIT}.sh`);
        fs.writeFileSync(before, execFileSync("git", ["-C", REPO, "show", `${BEFORE_COMMIT}:provider/src/activation/activate.sh`]));
        return { after, before: await benchActivation(30, before), beforeScript: `${BEFORE_COMMIT}:provider/src/activation/activate.sh` };
    });
    await run("fleet", async () => {
        let state100 = "";
        const runs = await benchFleet({ sizes: FLEET_SIZES, reps: o.reps, label: "fleet", onState: (n, s) => (n === 100 ? (state100 = s) : undefined) });
        return { runs, headroom100: headroom(state100, fleetWorld()), composition100: composition(state100) };
    });
    await run("before", async () =>
        beforeAvailable()
            ? { commit: BEFORE_COMMIT, runs: await benchBefore(RATIO_SIZES, o.reps) }
            : { commit: BEFORE_COMMIT, runs: [], unavailable: "the commit is not in this clone (shallow?)" },
    );
    await run("diagnosis", async () => ({
        skipCheckpoints: await benchFleet({
            sizes: RATIO_SIZES,
            reps: o.reps,
            label: "fleet, PULUMI_SKIP_CHECKPOINTS=true",
            env: { PULUMI_SKIP_CHECKPOINTS: "true" },
        }),
        cliProfile: await profileCli(100),
        checkpointWrites: await checkpointWrites([10, 50]),
    }));
    await run("criticalPath", async () => ({ runs: await benchCriticalPath(o.scale, o.cpReps) }));
    await run("multilang", async () => ({ runs: await benchMultilang(o.reps) }));
    await run("quotas", async () => ({ ec2Fleet: await benchEc2Fleet(100), refusals: await quotaRefusals() }));
    await run("coldStart", () => benchColdStart());
    results.totalMs = o.only.length === PARTS.length ? Date.now() - t0 : results.totalMs;
    // Set by the Makefile: how long installing and building the prerequisites took in this `make bench`.
    results.preparedMs = process.env.DSPL_BENCH_PREPARED_MS ? Number(process.env.DSPL_BENCH_PREPARED_MS) : results.preparedMs;
    fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2));
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    fs.writeFileSync(REPORT, render(results));
    say(`wrote ${path.relative(REPO, RESULTS)} and ${path.relative(REPO, REPORT)}`);
}

main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
});
