// A TEST DOUBLE of the `command` resource provider (pulumi-resource-command), for engine tests on a
// machine where the real plugin cannot be built (/work/shared/toolchain.md). It is not the real
// provider, but `command:local:Command` behaves like it for what the components use: the command
// really runs, `/bin/sh -c <create>` (or `interpreter`), with `environment` added to this process's
// environment and `stdin` on its standard input; stdout and stderr become the `stdout`/`stderr`
// outputs; a non-zero exit fails the operation with the tail of stderr. A change to `triggers`
// replaces the resource; any other input change is an update, which runs `update` if set, else
// `create` again. `delete` runs on delete when set. PULUMI_COMMAND_STDOUT/STDERR carry the previous
// outputs into update and delete (addPreviousOutputInEnv, default true).
//
// `command:remote:Command` is a stub: preview works, create/update fail ("not available in the double").
//
// The engine launches it as `pulumi-resource-command` (tests/engine/bin/ on PATH). Environment:
//   DSPL_COMMAND_DOUBLE_LOG  optional JSON-lines file: one line per command run (operation, URN, exit
//                            status, byte counts). Never the output itself: it may be a secret.
import { spawn } from "child_process";
import * as provider from "@pulumi/pulumi/provider";
import { appendJsonLine, changedKeys, hasUnknown, plain, urnName, urnType } from "./wire";

export const DOUBLE_VERSION = "0.0.1-test-double";

const LOCAL = "command:local:Command";
const REMOTE = "command:remote:Command";

/** The input properties of command:local:Command (v1). */
const LOCAL_INPUTS = ["create", "update", "delete", "environment", "stdin", "triggers", "logging", "dir", "interpreter", "assetPaths", "archivePaths", "addPreviousOutputInEnv"];
const REMOTE_INPUTS = ["connection", "create", "update", "delete", "environment", "stdin", "triggers", "logging", "addPreviousOutputInEnv"];

interface Run {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
}

function run(command: string, i: any, extraEnv: Record<string, string>): Promise<Run> {
    const interpreter: string[] = Array.isArray(i.interpreter) && i.interpreter.length > 0 ? i.interpreter : ["/bin/sh", "-c"];
    const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
    for (const [k, v] of Object.entries(i.environment ?? {})) {
        env[k] = String(v);
    }
    return new Promise((resolve, reject) => {
        const child = spawn(interpreter[0], [...interpreter.slice(1), command], { cwd: i.dir || process.cwd(), env, stdio: ["pipe", "pipe", "pipe"] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on("data", (d: Buffer) => out.push(d));
        child.stderr.on("data", (d: Buffer) => err.push(d));
        child.on("error", reject);
        child.on("close", (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
        child.stdin.on("error", () => undefined); // the command may not read its stdin
        child.stdin.end(typeof i.stdin === "string" ? i.stdin : "");
    });
}

function tail(s: string, lines = 20): string {
    return s.trimEnd().split("\n").slice(-lines).join("\n");
}

export class CommandDouble implements provider.Provider {
    readonly version = DOUBLE_VERSION;

    private async execute(op: "create" | "update" | "delete", urn: string, command: string, i: any, previous?: { stdout?: string; stderr?: string }): Promise<Run> {
        const extra: Record<string, string> = {};
        if (previous && i.addPreviousOutputInEnv !== false) {
            extra.PULUMI_COMMAND_STDOUT = previous.stdout ?? "";
            extra.PULUMI_COMMAND_STDERR = previous.stderr ?? "";
        }
        const started = Date.now();
        const r = await run(command, i, extra);
        appendJsonLine(process.env.DSPL_COMMAND_DOUBLE_LOG, {
            time: new Date().toISOString(),
            pid: process.pid,
            op,
            type: urnType(urn),
            urn,
            name: urnName(urn),
            exitCode: r.code,
            signal: r.signal,
            stdoutBytes: Buffer.byteLength(r.stdout),
            stderrBytes: Buffer.byteLength(r.stderr),
            ms: Date.now() - started,
        });
        if (r.code !== 0) {
            const how = r.code === null ? `was killed by ${r.signal}` : `exited with status ${r.code}`;
            throw new Error(`command ${how} (command test double)\nstderr:\n${tail(r.stderr)}`);
        }
        return r;
    }

    async check(urn: string, _olds: any, news: any): Promise<provider.CheckResult> {
        const type = urnType(urn);
        if (type !== LOCAL && type !== REMOTE) {
            return { inputs: news, failures: [{ property: "", reason: `the command test double does not implement ${type}` }] };
        }
        return { inputs: news };
    }

    async diff(_id: string, urn: string, olds: any, news: any): Promise<provider.DiffResult> {
        const inputs = urnType(urn) === REMOTE ? REMOTE_INPUTS : LOCAL_INPUTS;
        const changed = changedKeys(olds, news, inputs);
        const replaces = changed.includes("triggers") || hasUnknown(news.triggers) ? ["triggers"] : [];
        return { changes: changed.length > 0, replaces };
    }

    async create(urn: string, inputs: any): Promise<provider.CreateResult> {
        if (urnType(urn) === REMOTE) {
            throw new Error("command:remote:Command is not available in the command test double (it never opens SSH connections)");
        }
        const i = plain(inputs);
        if (typeof i.create !== "string" || i.create === "") {
            // Like the real provider: no create command, nothing to run.
            return { id: `${urnName(urn)}-${Date.now().toString(36)}`, outs: { ...inputs, stdout: "", stderr: "" } };
        }
        const r = await this.execute("create", urn, i.create, i);
        return { id: `${urnName(urn)}-${Date.now().toString(36)}`, outs: { ...inputs, stdout: r.stdout, stderr: r.stderr } };
    }

    async update(_id: string, urn: string, olds: any, news: any): Promise<provider.UpdateResult> {
        if (urnType(urn) === REMOTE) {
            throw new Error("command:remote:Command is not available in the command test double (it never opens SSH connections)");
        }
        const i = plain(news);
        const o = plain(olds);
        const command = typeof i.update === "string" && i.update !== "" ? i.update : i.create;
        if (typeof command !== "string" || command === "") {
            return { outs: { ...news, stdout: o.stdout ?? "", stderr: o.stderr ?? "" } };
        }
        const r = await this.execute("update", urn, command, i, o);
        return { outs: { ...news, stdout: r.stdout, stderr: r.stderr } };
    }

    async delete(_id: string, urn: string, props: any): Promise<void> {
        const p = plain(props);
        if (urnType(urn) === LOCAL && typeof p.delete === "string" && p.delete !== "") {
            await this.execute("delete", urn, p.delete, p, p);
        }
    }
}

if (require.main === module) {
    provider.main(new CommandDouble(), process.argv.slice(2)).catch((err) => {
        console.error(`command test double: ${err instanceof Error ? err.stack : err}`);
        process.exit(1);
    });
}
