/**
 * Runs the activation script (provider/src/activation/activate.sh) as a child process, for the
 * script tests and the activation benchmark.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";

// Compiled to build/tests/activation/: the repository root is three levels up.
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
export const SCRIPT = path.join(REPO_ROOT, "provider", "src", "activation", "activate.sh");
export const SCRIPT_TEXT = fs.readFileSync(SCRIPT, "utf8");

/** How the script is started. */
export interface Launcher {
    name: string;
    argv: string[];
}

export const FILE: Launcher = { name: "sh activate.sh", argv: ["sh", SCRIPT] };
export const COMMAND: Launcher = { name: "/bin/sh -c <text>", argv: ["/bin/sh", "-c", SCRIPT_TEXT] };

export interface RunResult {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    /** performance.now() when the child was spawned. */
    startedAt: number;
    elapsedMs: number;
    /** performance.now() when stdout first held a whole line (the key line). */
    lineAt: number | undefined;
    /** Whatever the script left in its TMPDIR (should be nothing). */
    leftovers: string[];
}

export interface RunOptions {
    launcher?: Launcher;
    /** The environment before `vars` are applied (default: PATH only); TMPDIR is always fresh. */
    baseEnv?: NodeJS.ProcessEnv;
    /** Called once the process is spawned (e.g. to kill it). */
    onSpawn?: (pid: number) => void;
}

/** `vars` over the base environment; undefined removes a variable. */
function environment(base: NodeJS.ProcessEnv, tmpdir: string, vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...base, TMPDIR: tmpdir };
    for (const [name, value] of Object.entries(vars)) {
        if (value === undefined) {
            delete env[name];
        } else {
            env[name] = value;
        }
    }
    return env;
}

export function runScript(vars: Record<string, string | undefined>, options: RunOptions = {}): Promise<RunResult> {
    const launcher = options.launcher ?? FILE;
    const tmpdir = fs.mkdtempSync(path.join(os.tmpdir(), "activate-run-"));
    return new Promise((resolve, reject) => {
        const startedAt = performance.now();
        const child = spawn(launcher.argv[0], launcher.argv.slice(1), {
            env: environment(options.baseEnv ?? {}, tmpdir, vars),
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        let lineAt: number | undefined;
        child.stdout.setEncoding("utf8");
        child.stderr.setEncoding("utf8");
        child.stdout.on("data", (chunk: string) => {
            stdout += chunk;
            if (lineAt === undefined && stdout.includes("\n")) {
                lineAt = performance.now();
            }
        });
        child.stderr.on("data", (chunk: string) => (stderr += chunk));
        child.on("error", reject);
        child.on("spawn", () => options.onSpawn?.(child.pid as number));
        child.on("close", (code, signal) => {
            const leftovers = fs.readdirSync(tmpdir);
            fs.rmSync(tmpdir, { recursive: true, force: true });
            resolve({ code, signal, stdout, stderr, startedAt, elapsedMs: performance.now() - startedAt, lineAt, leftovers });
        });
    });
}

export function describeRun(r: RunResult): string {
    return `exit ${r.code} signal ${r.signal} after ${Math.round(r.elapsedMs)} ms\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

/** Milliseconds between consecutive timestamps. */
export function gaps(times: number[]): number[] {
    return times.slice(1).map((t, i) => t - times[i]);
}
