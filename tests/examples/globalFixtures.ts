// Mocha global fixtures of `make test-examples` (run once, in mocha's main process, also in parallel
// mode): check what every example run relies on before any starts, and print the wall-time table at
// the end.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { POLICY_PACK, pulumiBin, REPO, SHARED_NODE_MODULES, SHARED_VENV } from "./project";
import { readResults, RESULTS, table } from "./timing";

let started = 0;

function which(binary: string, pathVar: string): string | undefined {
    for (const dir of pathVar.split(path.delimiter)) {
        const p = path.join(dir, binary);
        if (dir && fs.existsSync(p)) {
            return p;
        }
    }
    return undefined;
}

export function mochaGlobalSetup(): void {
    started = Date.now();
    fs.rmSync(RESULTS, { recursive: true, force: true });
    const bin = pulumiBin();
    const searched = [bin, process.env.PATH ?? ""].join(path.delimiter);
    const problems: string[] = [];
    // The language hosts and the command provider the engine will use are the toolchain's.
    for (const b of ["pulumi-language-nodejs", "pulumi-language-python", "pulumi-language-go", "pulumi-resource-command"]) {
        if (which(b, searched) !== path.join(bin, b)) {
            problems.push(`${b} is not taken from ${bin}`);
        }
    }
    // The plugin must come from each project's Pulumi.yaml, so it must not be on PATH.
    const onPath = which("pulumi-resource-datasync-privatelink", process.env.PATH ?? "");
    if (onPath) {
        problems.push(`${onPath} is on PATH: the examples must find the plugin through Pulumi.yaml`);
    }
    for (const [what, p] of [
        ["the plugin's compiled provider (make build)", path.join(REPO, "build", "provider", "src", "main.js")],
        ["the compiled AWS double (make build)", path.join(REPO, "build", "tests", "engine", "doubles", "aws", "main.js")],
        ["the policy pack's entry point (make policy-pack)", path.join(POLICY_PACK, "bin", "policy", "index.js")],
        ["the TypeScript examples' installed packages (make examples-deps)", path.join(SHARED_NODE_MODULES, "@datasync-privatelink", "pulumi", "index.js")],
    ]) {
        if (!fs.existsSync(p)) {
            problems.push(`${what} is missing: ${p}`);
        }
    }
    try {
        execFileSync(path.join(SHARED_VENV, "bin", "python"), ["-c", "import pulumi, pulumi_datasync_privatelink"], { stdio: "pipe" });
    } catch {
        problems.push(`${SHARED_VENV} lacks pulumi or pulumi_datasync_privatelink (make sdk-python)`);
    }
    if (problems.length > 0) {
        throw new Error(`example runs cannot start:\n  ${problems.join("\n  ")}`);
    }
}

export function mochaGlobalTeardown(): void {
    const results = readResults();
    console.log(`\nexample projects through the pulumi CLI: wall time per scenario and language (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
    console.log(table(results));
}
