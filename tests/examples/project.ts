// One example project, run as a user runs it, in a sandbox: the example directory copied to
// <tmp>/repo/examples/<name> next to links to the repository's provider/ and sdk/ (so the project's
// relative paths, `../../provider` in Pulumi.yaml and `../../sdk` in its dependencies, resolve as in
// a checkout), with its own PULUMI_HOME, file backend, AWS double world and log. The repository
// stays clean and two examples can run at once.
//
// Installed dependencies are shared instead of installed per project (what each README says a user
// runs is done once, by `make examples-deps`): node_modules from build/examples/deps (npm install of
// the TypeScript examples' package.json), the repository's .venv (pulumi and the SDK from
// sdk/python) as the Python examples' `venv`, and Go's module cache.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { World } from "../engine/doubles/aws";
import { Cli } from "./cli";
import { Language } from "./scenarios";

/** build/tests/examples -> the repository. */
export const REPO = path.resolve(__dirname, "..", "..", "..");
export const ENGINE_BIN = path.join(REPO, "tests", "engine", "bin");
export const POLICY_PACK = path.join(REPO, "policy");
export const SHARED_NODE_MODULES = path.join(REPO, "build", "examples", "deps", "repo", "examples", "nodejs", "node_modules");
export const SHARED_VENV = path.join(REPO, ".venv");
export const PASSPHRASE = "examples-test-passphrase";

/** The directory of the pinned pulumi CLI, language hosts and command provider (make sets it). */
export function pulumiBin(): string {
    const dir = process.env.DSPL_PULUMI_BIN;
    if (!dir || !fs.existsSync(path.join(dir, "pulumi"))) {
        throw new Error("DSPL_PULUMI_BIN must name the toolchain's bin directory (make test-examples sets it)");
    }
    return dir;
}

let goCache: string | undefined;
/** Go's build cache, resolved before XDG_CACHE_HOME is moved into the sandbox (it would follow). */
function goBuildCache(): string {
    goCache ??= execFileSync("go", ["env", "GOCACHE"], { encoding: "utf8" }).trim();
    return goCache;
}

export interface ProjectOptions {
    /** Echo everything the CLI prints (the demo). */
    echo?: (chunk: string) => void;
    /** Link the shared installs in (tests); the demo installs as a user does instead. */
    sharedDeps?: boolean;
}

export class Project {
    readonly root: string;
    readonly dir: string;
    readonly home: string;
    readonly backend: string;
    readonly worldFile: string;
    readonly awsLog: string;
    readonly env: NodeJS.ProcessEnv;
    readonly cli: Cli;

    /** `relDir`: the project's directory relative to the repository, e.g. examples/ts-onprem-existing. */
    constructor(
        readonly relDir: string,
        readonly language: Language,
        readonly world: World,
        options: ProjectOptions = {},
    ) {
        this.root = fs.mkdtempSync(path.join(os.tmpdir(), `dspl-${path.basename(relDir)}-`));
        const mirror = path.join(this.root, "repo");
        this.dir = path.join(mirror, relDir);
        copyProject(path.join(REPO, relDir), this.dir);
        // What the project reaches by relative paths; nothing else of the repository (its node_modules
        // above the project would hide a dependency missing from package.json).
        for (const entry of ["provider", "sdk"]) {
            fs.symlinkSync(path.join(REPO, entry), path.join(mirror, entry));
        }
        if (options.sharedDeps !== false) {
            this.linkSharedDeps();
        }
        this.home = path.join(this.root, "pulumi-home");
        this.backend = path.join(this.root, "state");
        this.worldFile = path.join(this.root, "world.json");
        this.awsLog = path.join(this.root, "aws-double.jsonl");
        fs.mkdirSync(this.home);
        fs.mkdirSync(this.backend);
        fs.writeFileSync(this.worldFile, JSON.stringify(world, null, 2));
        this.env = this.environment();
        this.cli = new Cli(this.dir, this.env, options.echo);
    }

    private linkSharedDeps(): void {
        if (this.language === "ts") {
            fs.symlinkSync(SHARED_NODE_MODULES, path.join(this.dir, "node_modules"));
        } else if (this.language === "python") {
            fs.symlinkSync(SHARED_VENV, path.join(this.dir, "venv"));
        }
    }

    private environment(): NodeJS.ProcessEnv {
        // The toolchain (CLI, language hosts, command provider) and the AWS TEST DOUBLE on PATH; the
        // datasync-privatelink plugin is not: the engine finds it through Pulumi.yaml's plugins entry.
        const inherited = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d && path.resolve(d) !== path.join(REPO, "provider"));
        return {
            ...process.env,
            PATH: [pulumiBin(), ENGINE_BIN, ...inherited].join(path.delimiter),
            PULUMI_HOME: this.home,
            PULUMI_BACKEND_URL: `file://${this.backend}`,
            PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_IGNORE_AMBIENT_PLUGINS: "false",
            DSPL_AWS_DOUBLE_WORLD: this.worldFile,
            DSPL_AWS_DOUBLE_LOG: this.awsLog,
            // The provider keeps the activation script in the user's cache directory: one per sandbox,
            // so parallel runs never write the same file. Go's build cache stays where it was.
            XDG_CACHE_HOME: path.join(this.root, "cache"),
            GOCACHE: this.language === "go" ? goBuildCache() : process.env.GOCACHE,
            // Go modules only from the module cache that `make examples-deps` filled; go.sum as committed.
            GOTOOLCHAIN: "local",
            GOFLAGS: "-mod=readonly",
            GOPROXY: "off",
            PIP_NO_INDEX: "1",
            npm_config_offline: "true",
        };
    }

    /** Every file under a directory, as text (latin1 keeps any byte), for the plaintext-key checks. */
    static filesText(dir: string): string {
        const out: string[] = [];
        const walk = (d: string) => {
            for (const e of fs.readdirSync(d, { withFileTypes: true })) {
                const p = path.join(d, e.name);
                if (e.isDirectory()) {
                    walk(p);
                } else if (e.isFile()) {
                    out.push(fs.readFileSync(p).toString("latin1"));
                }
            }
        };
        if (fs.existsSync(dir)) {
            walk(dir);
        }
        return out.join("\n");
    }

    remove(): void {
        if (process.env.DSPL_KEEP_EXAMPLE_SANDBOX) {
            process.stderr.write(`example sandbox kept: ${this.root}\n`);
            return;
        }
        fs.rmSync(this.root, { recursive: true, force: true });
    }
}

/** The project's own files: what a user copies (no installs, builds or stack files). */
function copyProject(from: string, to: string): void {
    fs.cpSync(from, to, {
        recursive: true,
        filter: (src) => {
            const base = path.basename(src);
            return !["node_modules", "bin", "venv", "__pycache__"].includes(base) && !/^Pulumi\..+\.yaml$/.test(base);
        },
    });
}
