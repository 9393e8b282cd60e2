// Cold-start costs: `make build` in a fresh clone of the committed tree (npm ci from npm's local
// cache, then tsc), each plugin's start (from exec to the port on its stdout, which is when the
// engine can talk to it), the CLI's own start, and the first `up` of a fresh stack against a
// second, no-change `up` of the same stack (one on-premises agent).
import { execFile, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AgentEmulator } from "../../activation/emulator";
import { ENGINE_BIN, PROVIDER_DIR, pulumiBin, RemotePrivateAgent, REPO, Sandbox } from "../../engine/harness";
import { fleetArgs, fleetWorld } from "../lib/fleetScenario";
import { median } from "../lib/stats";
import { say, secs } from "../lib/progress";

export interface ColdStart {
    /** `make build` in a fresh clone: all of it, and the tsc part alone (a second `make build`). */
    makeBuildMs: number;
    tscMs: number;
    /** Median ms per start: a plugin from exec to its port line; the CLI and Node.js from exec to exit. */
    startMs: Record<string, number>;
    firstUpMs: number;
    secondUpMs: number;
    previewMs: number;
}

function run(cmd: string, args: string[], cwd: string): Promise<number> {
    const t0 = Date.now();
    return new Promise((resolve, reject) =>
        execFile(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, MAKEFLAGS: "" } }, (e, _out, err) =>
            e ? reject(new Error(`${cmd} ${args.join(" ")} in ${cwd}: ${e.message}\n${err}`)) : resolve(Date.now() - t0),
        ),
    );
}

async function makeBuild(): Promise<{ makeBuildMs: number; tscMs: number }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dspl-clean-"));
    try {
        await run("git", ["clone", "--quiet", "--no-hardlinks", REPO, dir], os.tmpdir());
        say(`cold start: make build in a fresh clone of HEAD (${dir})`);
        const makeBuildMs = await run("make", ["build"], dir);
        const tscMs = await run("make", ["build"], dir);
        say(`cold start: make build ${secs(makeBuildMs)} (tsc alone ${secs(tscMs)})`);
        return { makeBuildMs, tscMs };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** ms from exec until the plugin prints its port (what the engine waits for before it can call it). */
function pluginStart(exe: string, env: NodeJS.ProcessEnv): Promise<number> {
    const t0 = Date.now();
    return new Promise((resolve, reject) => {
        const child = spawn(exe, [], { env, stdio: ["ignore", "pipe", "pipe"] });
        let err = "";
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.stdout.once("data", () => {
            resolve(Date.now() - t0);
            child.kill("SIGKILL");
        });
        child.on("exit", (code) => reject(new Error(`${exe} exited (${code}) before printing a port: ${err}`)));
        child.on("error", reject);
    });
}

async function starts(): Promise<Record<string, number>> {
    const sandbox = new Sandbox(fleetWorld());
    try {
        const env = { ...process.env, ...sandbox.env() };
        const plugins: Record<string, string> = {
            "datasync-privatelink provider (exec to its port on stdout)": path.join(PROVIDER_DIR, "pulumi-resource-datasync-privatelink"),
            "AWS double (exec to its port on stdout)": path.join(ENGINE_BIN, "pulumi-resource-aws"),
            "pulumi-resource-command (exec to its port on stdout)": path.join(pulumiBin(), "pulumi-resource-command"),
        };
        const out: Record<string, number> = {};
        for (const [name, exe] of Object.entries(plugins)) {
            const times: number[] = [];
            for (let i = 0; i < 5; i++) {
                times.push(await pluginStart(exe, env));
            }
            out[name] = median(times);
        }
        const cli: number[] = [];
        for (let i = 0; i < 5; i++) {
            cli.push(await run(path.join(pulumiBin(), "pulumi"), ["version"], sandbox.work));
        }
        out["the CLI: `pulumi version` (exec to exit)"] = median(cli);
        const bare: number[] = [];
        for (let i = 0; i < 5; i++) {
            bare.push(await run(process.execPath, ["-e", ""], sandbox.work));
        }
        out["Node.js itself: `node -e ''` (exec to exit)"] = median(bare);
        return out;
    } finally {
        sandbox.remove();
    }
}

async function firstUp(): Promise<{ firstUpMs: number; secondUpMs: number; previewMs: number }> {
    const sandbox = new Sandbox(fleetWorld());
    const emulator = await AgentEmulator.start([{ kind: "agent" }]);
    try {
        const stack = await sandbox.stack("cold", async () => {
            const fleet = new RemotePrivateAgent("fleet", fleetArgs(1, emulator.address));
            return { agentArns: fleet.agentArns };
        });
        let t = Date.now();
        await stack.up();
        const firstUpMs = Date.now() - t;
        t = Date.now();
        await stack.up();
        const secondUpMs = Date.now() - t;
        t = Date.now();
        await stack.preview();
        const previewMs = Date.now() - t;
        say(`cold start: first up ${secs(firstUpMs)}, no-change up ${secs(secondUpMs)}, preview ${secs(previewMs)}`);
        return { firstUpMs, secondUpMs, previewMs };
    } finally {
        await emulator.close();
        sandbox.remove();
    }
}

export async function benchColdStart(): Promise<ColdStart> {
    const build = await makeBuild();
    const startMs = await starts();
    say(
        `cold start: plugin starts ${Object.entries(startMs)
            .map(([k, v]) => `${k} ${v} ms`)
            .join(", ")}`,
    );
    return { ...build, startMs, ...(await firstUp()) };
}
