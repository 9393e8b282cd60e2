// Runs the Pulumi CLI in a project directory the way a user types it, and keeps everything it
// printed: each command's wall time, exit status and output (for the plaintext-key checks).
import { spawn } from "child_process";

export interface Run {
    args: string[];
    status: number;
    /** stdout and stderr, interleaved as they arrived. */
    output: string;
    stdout: string;
    seconds: number;
}

export class Cli {
    readonly runs: Run[] = [];

    constructor(
        private readonly cwd: string,
        private readonly env: NodeJS.ProcessEnv,
        /** Called with each chunk the CLI prints (the demo streams it; the tests keep it). */
        private readonly echo?: (chunk: string) => void,
    ) {}

    /**
     * `pulumi <args>`; resolves whatever the exit status. `record: false` keeps the run out of the
     * transcript (a command that shows secrets on purpose).
     */
    run(args: string[], { record = true, timeoutMs = 600_000 } = {}): Promise<Run> {
        const started = Date.now();
        return new Promise((resolve, reject) => {
            const child = spawn("pulumi", args, { cwd: this.cwd, env: this.env, stdio: ["ignore", "pipe", "pipe"] });
            let output = "";
            let stdout = "";
            const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
            const take = (isStdout: boolean) => (chunk: Buffer) => {
                const text = chunk.toString("utf8");
                output += text;
                if (isStdout) {
                    stdout += text;
                }
                if (record) {
                    this.echo?.(text);
                }
            };
            child.stdout.on("data", take(true));
            child.stderr.on("data", take(false));
            child.on("error", reject);
            child.on("close", (code, signal) => {
                clearTimeout(timer);
                const run = { args, status: code ?? (signal ? 128 : 1), output, stdout, seconds: (Date.now() - started) / 1000 };
                if (record) {
                    this.runs.push(run);
                }
                resolve(run);
            });
        });
    }

    /** `pulumi <args>`, which must exit 0; the error carries the command's last output. */
    async ok(args: string[]): Promise<Run> {
        const run = await this.run(args);
        if (run.status !== 0) {
            throw new Error(`\`pulumi ${args.join(" ")}\` exited ${run.status}:\n${tail(run.output)}`);
        }
        return run;
    }

    /** Everything every command printed so far (what was typed is not part of it). */
    transcript(): string {
        return this.runs.map((r) => r.output).join("\n");
    }
}

export function tail(text: string, lines = 60): string {
    return text.split("\n").slice(-lines).join("\n");
}
