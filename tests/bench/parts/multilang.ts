// Multi-language overhead: the same PrivateAgent (one EC2 agent in the endpoint's VPC, no link)
// through the component from TypeScript, Python and Go programs, and the same AWS resources written
// directly with @pulumi/aws in TypeScript (tests/bench/programs): the smallest program that makes
// every kind of resource an EC2 agent needs, so the figure is the component's and the language's
// overhead rather than a link's. Each is a project directory run by
// `pulumi up` with the real language host, through the engine, against the AWS double; each
// repetition is a fresh backend and stack. Needs `make sdk-nodejs sdk-python` (the Makefile's bench
// target runs them) and the Go modules of examples/go-ec2-cross-region-tgw (downloaded on first use).
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { AgentEmulator } from "../../activation/emulator";
import { ACCOUNT, DST, REGION } from "../../fixtures/aws";
import { pulumiBin, REPO, Sandbox } from "../../engine/harness";
import { peeringWorld } from "../../engine/graph/scenario";
import { ProcSampler, ProcSummary, summarize } from "../lib/procs";
import { say, secs } from "../lib/progress";

export const PROGRAMS = ["component-ts", "component-py", "component-go", "plain-ts"] as const;
export type Program = (typeof PROGRAMS)[number];

export interface MultilangRun {
    program: Program;
    rep: number;
    upMs: number;
    destroyMs: number;
    /** Custom resources by type in the state after `up` (providers included). */
    types: Record<string, number>;
    up: ProcSummary;
}

const PROGRAMS_DIR = path.join(REPO, "tests", "bench", "programs");
const VENV = path.join(REPO, ".venv");
const GO_EXAMPLE = path.join(REPO, "examples", "go-ec2-cross-region-tgw");
const NODE_LINKS: Record<string, string> = {
    "@pulumi/pulumi": "node_modules/@pulumi/pulumi",
    "@pulumi/aws": "node_modules/@pulumi/aws",
    "@pulumi/command": "node_modules/@pulumi/command",
    "@types/node": "node_modules/@types/node",
    typescript: "node_modules/typescript",
    "@datasync-privatelink/pulumi": "sdk/nodejs/bin",
};
// The Makefile's Go settings: never fetch a toolchain; modules as go.sum lists them.
const GO_ENV = { GOTOOLCHAIN: "local", GOFLAGS: "-mod=readonly -buildvcs=false" };

/** Every program's stack configuration: the world's IDs (peeringWorld's destination side) and the emulator. */
function config(activationAddress: string): Record<string, string> {
    return {
        "aws:region": REGION,
        region: REGION,
        accountId: ACCOUNT,
        vpcId: DST.vpc,
        endpointSubnetIds: JSON.stringify([DST.subnetA, DST.subnetB]),
        activationSubnetId: DST.subnetB,
        // The activation subnet's range: where DataSync puts task interfaces (the component looks it up).
        taskCidr: "10.0.2.0/24",
        activationSourceCidr: "10.0.9.10/32",
        agentSubnetId: DST.subnetA,
        activationAddress,
        activationScript: path.join(REPO, "build", "provider", "src", "activation", "activate.sh"),
    };
}

/** Copies a program into `dir` and adds what depends on this checkout. */
function project(program: Program, dir: string): void {
    fs.cpSync(path.join(PROGRAMS_DIR, program), dir, { recursive: true });
    if (program.endsWith("-ts")) {
        for (const [name, target] of Object.entries(NODE_LINKS)) {
            const link = path.join(dir, "node_modules", name);
            fs.mkdirSync(path.dirname(link), { recursive: true });
            fs.symlinkSync(path.join(REPO, target), link);
        }
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: program, private: true, main: "index.ts" }, null, 2));
    }
    if (program === "component-py") {
        const yaml = path.join(dir, "Pulumi.yaml");
        fs.writeFileSync(yaml, fs.readFileSync(yaml, "utf8").replace("virtualenv: venv", `virtualenv: ${VENV}`));
    }
    if (program === "component-go") {
        const mod = fs
            .readFileSync(path.join(GO_EXAMPLE, "go.mod"), "utf8")
            .replace(/^module .*$/m, "module dspl-bench-component-go")
            .replace(/=> \.\.\/\.\.\/sdk$/m, `=> ${path.join(REPO, "sdk")}`);
        fs.writeFileSync(path.join(dir, "go.mod"), mod);
        fs.copyFileSync(path.join(GO_EXAMPLE, "go.sum"), path.join(dir, "go.sum"));
    }
}

/**
 * Runs the CLI without blocking this process: the agent emulator answering the activation lives
 * here, and so does the sampler of the CLI's processes.
 */
function cli(sandbox: Sandbox, cwd: string, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(
            path.join(pulumiBin(), "pulumi"),
            [...args, "--non-interactive"],
            { cwd, env: { ...process.env, ...sandbox.env(), ...GO_ENV }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
            (error, stdout, stderr) => (error ? reject(Object.assign(error, { stdout, stderr })) : resolve(stdout)),
        );
    });
}

/** What each program needs before its first timed run: the Go modules and build cache, the venv's SDK. */
export function prepareMultilang(): void {
    if (!fs.existsSync(path.join(VENV, "bin", "python"))) {
        throw new Error(`${VENV} is missing: run make sdk-python (make bench does)`);
    }
    if (!fs.existsSync(path.join(REPO, "sdk", "nodejs", "bin", "package.json"))) {
        throw new Error("sdk/nodejs/bin is missing: run make sdk-nodejs (make bench does)");
    }
    const dir = fs.mkdtempSync(path.join(REPO, "build", "bench", "go-"));
    try {
        project("component-go", dir);
        say("multilang: go build of the Go program once (downloads its modules on first use; fills the build cache)");
        execFileSync("go", ["build", "-o", "/dev/null", "."], { cwd: dir, env: { ...process.env, ...GO_ENV }, stdio: "inherit" });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

async function once(program: Program, rep: number): Promise<MultilangRun> {
    const sandbox = new Sandbox(peeringWorld());
    const emulator = await AgentEmulator.start([{ kind: "agent" }]);
    const dir = path.join(sandbox.work, program);
    try {
        project(program, dir);
        await cli(sandbox, dir, ["stack", "init", "bench", "--secrets-provider", "passphrase"]);
        await cli(sandbox, dir, ["config", "set-all", ...Object.entries(config(emulator.address)).flatMap(([k, v]) => ["--plaintext", `${k}=${v}`])]);
        const sampler = new ProcSampler(sandbox.root);
        const t0 = Date.now();
        await cli(sandbox, dir, ["up", "--yes", "--skip-preview"]);
        const upMs = Date.now() - t0;
        const procs = summarize(sampler.stop());
        const arn = (await cli(sandbox, dir, ["stack", "output", "agentArn"])).trim();
        if (!arn.startsWith("arn:aws:datasync:")) {
            throw new Error(`${program}: no agent ARN after up (${arn})`);
        }
        const state = JSON.parse(await cli(sandbox, dir, ["stack", "export"]));
        const types: Record<string, number> = {};
        for (const r of state.deployment.resources as Array<{ type: string; custom?: boolean }>) {
            if (r.custom) {
                types[r.type] = (types[r.type] ?? 0) + 1;
            }
        }
        const t1 = Date.now();
        await cli(sandbox, dir, ["destroy", "--yes"]);
        return { program, rep, upMs, destroyMs: Date.now() - t1, types, up: procs };
    } catch (e) {
        const err = e as { stdout?: string; stderr?: string; message: string };
        throw new Error(`${program}: ${err.message}\n${err.stdout ?? ""}\n${err.stderr ?? ""}`, {
            cause: e,
        });
    } finally {
        await emulator.close();
        sandbox.remove();
    }
}

/** Programs interleaved per repetition, so that a slow spell of the machine does not hit one program only. */
export async function benchMultilang(reps: number): Promise<MultilangRun[]> {
    prepareMultilang();
    const runs: MultilangRun[] = [];
    for (let rep = 1; rep <= reps; rep++) {
        for (const program of PROGRAMS) {
            const r = await once(program, rep);
            runs.push(r);
            say(`multilang ${program} ${rep}/${reps}: up ${secs(r.upMs)}, destroy ${secs(r.destroyMs)}`);
        }
    }
    return runs;
}
