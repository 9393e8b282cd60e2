// The engine layer's harness: Automation API inline programs run by the real Pulumi CLI (file backend
// and PULUMI_HOME in a temp dir), with the component served by pulumi-resource-datasync-privatelink
// (provider/, multi-language Construct), the real command provider built beside the CLI, and the AWS
// provider replaced by the TEST DOUBLE in tests/engine/doubles/aws, found on PATH (tests/engine/bin).
// Nothing here reaches beyond 127.0.0.1: the double never calls AWS and the activation goes to the
// agent emulator.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, PulumiCommand, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { REGION } from "../fixtures/aws";
import type { LogRecord, World } from "./doubles/aws";
import { readJsonLines } from "./doubles/wire";

/** build/tests/engine -> the repository root. */
export const REPO = path.resolve(__dirname, "..", "..", "..");
export const ENGINE_BIN = path.join(REPO, "tests", "engine", "bin");
export const PROVIDER_DIR = path.join(REPO, "provider");
export const PROJECT = "dspl-engine-test";
export const PASSPHRASE = "engine-test-passphrase";

/** The directory holding the pinned `pulumi` CLI: DSPL_PULUMI_BIN (set by mk/engine.mk), else PATH. */
export function pulumiBin(): string {
    const fromEnv = process.env.DSPL_PULUMI_BIN;
    if (fromEnv) {
        if (!fs.existsSync(path.join(fromEnv, "pulumi"))) {
            throw new Error(`DSPL_PULUMI_BIN=${fromEnv} holds no pulumi binary`);
        }
        return fromEnv;
    }
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
        if (dir && fs.existsSync(path.join(dir, "pulumi"))) {
            return dir;
        }
    }
    throw new Error("no pulumi CLI: run `make test-engine` (it sets DSPL_PULUMI_BIN from scripts/toolchain.sh --print-bin)");
}

/** Fails early, with the fix, when a plugin the engine will look for on PATH is missing. */
export function checkPlugins(): void {
    const wanted = [
        [path.join(PROVIDER_DIR, "pulumi-resource-datasync-privatelink"), path.join(REPO, "build", "provider", "src", "main.js")],
        [path.join(ENGINE_BIN, "pulumi-resource-aws"), path.join(REPO, "build", "tests", "engine", "doubles", "aws", "main.js")],
    ];
    // The real command provider, built beside the CLI by scripts/toolchain.sh.
    const command = path.join(pulumiBin(), "pulumi-resource-command");
    try {
        fs.accessSync(command, fs.constants.X_OK);
    } catch {
        throw new Error(`${command} is missing: scripts/toolchain.sh builds it beside the pulumi CLI`);
    }
    for (const [launcher, js] of wanted) {
        try {
            fs.accessSync(launcher, fs.constants.X_OK);
        } catch {
            throw new Error(`${launcher} is missing or not executable`);
        }
        if (!fs.existsSync(js)) {
            throw new Error(`${js} is missing: run make build`);
        }
    }
}

/** Where one engine-test run keeps its files; everything in one temp dir. */
export class Sandbox {
    readonly root: string;
    readonly backend: string;
    readonly home: string;
    readonly work: string;
    readonly worldFile: string;
    readonly awsLog: string;

    constructor(world: World) {
        this.root = fs.mkdtempSync(path.join(os.tmpdir(), "dspl-engine-"));
        this.backend = path.join(this.root, "backend");
        this.home = path.join(this.root, "pulumi-home");
        this.work = path.join(this.root, "work");
        for (const d of [this.backend, this.home, this.work]) {
            fs.mkdirSync(d, { recursive: true });
        }
        this.worldFile = path.join(this.root, "world.json");
        this.awsLog = path.join(this.root, "aws-double.jsonl");
        fs.writeFileSync(this.worldFile, JSON.stringify(world, null, 2));
    }

    env(): { [key: string]: string } {
        return {
            PATH: [pulumiBin(), ENGINE_BIN, PROVIDER_DIR, process.env.PATH ?? ""].join(path.delimiter),
            PULUMI_HOME: this.home,
            PULUMI_BACKEND_URL: `file://${this.backend}`,
            PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            // The PATH lookup is how the doubles are found; make sure an ambient setting cannot turn it off.
            PULUMI_IGNORE_AMBIENT_PLUGINS: "false",
            DSPL_AWS_DOUBLE_WORLD: this.worldFile,
            DSPL_AWS_DOUBLE_LOG: this.awsLog,
        };
    }

    async stack(stackName: string, program: PulumiFn): Promise<Stack> {
        const pulumiCommand = await PulumiCommand.get({ root: path.dirname(pulumiBin()) });
        const stack = await LocalWorkspace.createOrSelectStack(
            { stackName, projectName: PROJECT, program },
            {
                workDir: this.work,
                pulumiHome: this.home,
                pulumiCommand,
                envVars: this.env(),
                secretsProvider: "passphrase",
                projectSettings: { name: PROJECT, runtime: "nodejs", backend: { url: `file://${this.backend}` } },
            },
        );
        await stack.setConfig("aws:region", { value: REGION });
        return stack;
    }

    /**
     * `pulumi stack export` as a user runs it: secrets stay encrypted. (The Automation API's
     * exportStack passes --show-secrets, so it cannot show what the state holds at rest.)
     */
    exportState(stackName: string): any {
        const out = execFileSync(path.join(pulumiBin(), "pulumi"), ["stack", "export", "--stack", stackName, "--non-interactive"], {
            cwd: this.work,
            env: { ...process.env, ...this.env() },
            encoding: "utf8",
            maxBuffer: 64 * 1024 * 1024,
        });
        return JSON.parse(out);
    }

    /** What the AWS double changed: creates, updates and deletes that succeeded, in order. */
    awsRecords(): LogRecord[] {
        return this.awsLogAll().filter((r) => r.error === undefined && (r.op === "create" || r.op === "update" || r.op === "delete"));
    }

    /** Every line of the AWS double's log: lookups, reads and refused operations too. */
    awsLogAll(): LogRecord[] {
        return readJsonLines<LogRecord>(this.awsLog);
    }

    /** Every file the file backend wrote (state, backups, history), concatenated. */
    backendText(): string {
        return filesText(this.backend);
    }

    /** PULUMI_HOME (the engine's logs, workspace settings) and the project directory, concatenated. */
    homeAndWorkText(): string {
        return `${filesText(this.home)}\n${filesText(this.work)}`;
    }

    remove(): void {
        fs.rmSync(this.root, { recursive: true, force: true });
    }
}

function filesText(root: string): string {
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
    walk(root);
    return out.join("\n");
}

/** Output properties of datasync-privatelink:index:PrivateAgent, as schema.json declares them. */
const PRIVATE_AGENT_OUTPUTS = Object.keys(
    JSON.parse(fs.readFileSync(path.join(REPO, "schema.json"), "utf8")).resources["datasync-privatelink:index:PrivateAgent"].properties,
);

/**
 * The PrivateAgent as a REMOTE component: registered with remote=true, so the engine starts
 * pulumi-resource-datasync-privatelink and calls Construct (the multi-language path), exactly as a
 * generated SDK does. No component code runs in this process.
 */
export class RemotePrivateAgent extends pulumi.ComponentResource {
    declare readonly agentArn: pulumi.Output<string>;
    declare readonly agentArns: pulumi.Output<string[]>;
    declare readonly vpcEndpointId: pulumi.Output<string>;
    declare readonly endpointPrivateIp: pulumi.Output<string>;
    declare readonly securityGroupId: pulumi.Output<string>;
    declare readonly peeringConnectionId: pulumi.Output<string>;
    declare readonly firewallRules: pulumi.Output<unknown[]>;

    constructor(name: string, args: pulumi.Inputs, opts?: pulumi.ComponentResourceOptions) {
        const outputs = Object.fromEntries(PRIVATE_AGENT_OUTPUTS.map((k) => [k, undefined]));
        super("datasync-privatelink:index:PrivateAgent", name, { ...args, ...outputs }, opts, true);
    }
}
