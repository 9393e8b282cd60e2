// The fleet on the earlier code the issue measured (main's commit BEFORE_COMMIT): its tree taken
// with `git archive` into build/bench/, its own npm install and build, its own engine harness and
// doubles (the AWS double without quotas or latency, and its command double instead of the real
// command provider), the same Pulumi CLI. Runs in a child process (beforeRunner.ts).
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { pulumiBin, REPO } from "../../engine/harness";
import { say } from "../lib/progress";
import type { FleetRun } from "./fleet";

export const BEFORE_COMMIT = "3d1e67f";

/** The earlier tree, built once (a stamp records it). */
function prepare(): string {
    const root = path.join(REPO, "build", "bench", `before-${BEFORE_COMMIT}`);
    const stamp = path.join(root, ".bench-built");
    if (fs.existsSync(stamp)) {
        return root;
    }
    say(`before: extracting ${BEFORE_COMMIT} into ${path.relative(REPO, root)} (git archive)`);
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    const archive = execFileSync("git", ["-C", REPO, "archive", "--format=tar", BEFORE_COMMIT], { maxBuffer: 512 * 1024 * 1024 });
    execFileSync("tar", ["-x", "-C", root], { input: archive });
    say("before: npm ci (its package-lock.json)");
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: root, stdio: "inherit" });
    say("before: tsc (its tsconfig.json)");
    execFileSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
    fs.copyFileSync(path.join(root, "provider/src/activation/activate.sh"), path.join(root, "build/provider/src/activation/activate.sh"));
    fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
    return root;
}

/**
 * The CLI and language hosts of the toolchain, without its real command provider: the earlier
 * harness puts the CLI's directory first on PATH, and its own command double must be the one found.
 */
function binWithoutCommandProvider(): string {
    // The harness finds the CLI as <root>/bin/pulumi (PulumiCommand.get), so the directory is named bin.
    const dir = path.join(REPO, "build", "bench", "before-cli", "bin");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const f of fs.readdirSync(pulumiBin())) {
        if (f !== "pulumi-resource-command") {
            fs.symlinkSync(path.join(pulumiBin(), f), path.join(dir, f));
        }
    }
    return dir;
}

/** Whether this clone has the earlier commit (a shallow clone may not). */
export function beforeAvailable(): boolean {
    try {
        execFileSync("git", ["-C", REPO, "cat-file", "-e", `${BEFORE_COMMIT}^{commit}`], { stdio: "ignore" });
        return true;
    } catch {
        return false;
    }
}

export async function benchBefore(sizes: number[], reps: number): Promise<FleetRun[]> {
    const root = prepare();
    const bin = binWithoutCommandProvider();
    const runs: FleetRun[] = [];
    const child = spawn(process.execPath, [path.join(__dirname, "beforeRunner.js"), root, sizes.join(","), String(reps)], {
        env: { ...process.env, DSPL_PULUMI_BIN: bin },
        stdio: ["ignore", "pipe", "inherit"],
    });
    let buffered = "";
    child.stdout.on("data", (d: Buffer) => {
        buffered += d.toString("utf8");
        let nl: number;
        while ((nl = buffered.indexOf("\n")) >= 0) {
            const line = buffered.slice(0, nl);
            buffered = buffered.slice(nl + 1);
            if (line.startsWith("RESULT ")) {
                runs.push(JSON.parse(line.slice("RESULT ".length)));
            } else {
                console.log(line);
            }
        }
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (code !== 0) {
        throw new Error(`the earlier code's fleet run failed (exit ${code})`);
    }
    return runs;
}
