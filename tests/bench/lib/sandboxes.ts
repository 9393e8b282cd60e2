// Helpers over the engine tests' Sandbox for benchmark runs: the state as `pulumi stack export`
// prints it (its size is what the engine writes after every step), and environment variables set
// for the CLI and everything it starts (the Automation API hands this process's environment on).
import { execFileSync } from "child_process";
import * as path from "path";
import { pulumiBin } from "../../engine/harness";

/** `pulumi stack export` as a user runs it (secrets encrypted), as text. */
export function exportText(sandbox: { work: string; env(): { [key: string]: string } }, stack: string): string {
    return execFileSync(path.join(pulumiBin(), "pulumi"), ["stack", "export", "--stack", stack, "--non-interactive"], {
        cwd: sandbox.work,
        env: { ...process.env, ...sandbox.env() },
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
    });
}

export async function withEnv<T>(vars: Record<string, string>, f: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    Object.assign(process.env, vars);
    try {
        return await f();
    } finally {
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) {
                delete process.env[k];
            } else {
                process.env[k] = v;
            }
        }
    }
}

/** CPU seconds this process used while `f` ran: an inline program runs here, not in a language host. */
export async function withOwnCpu<T>(f: () => Promise<T>): Promise<{ value: T; cpuSeconds: number }> {
    const before = process.cpuUsage();
    const value = await f();
    const used = process.cpuUsage(before);
    return { value, cpuSeconds: (used.user + used.system) / 1e6 };
}
