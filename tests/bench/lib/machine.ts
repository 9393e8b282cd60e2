// What the benchmark ran on: results from one machine are comparable with each other, not with
// another machine's.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";

export interface Machine {
    date: string;
    cpuModel: string;
    cpus: number;
    memoryGiB: number;
    kernel: string;
    node: string;
    pulumi: string;
    go: string;
    python: string;
    /** 1-minute load average when the benchmark started: other work on the machine skews every figure. */
    loadAverage: number;
    virtualization: string;
}

function quiet(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
    try {
        return execFileSync(cmd, args, { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] })
            .trim()
            .split("\n")[0];
    } catch {
        return "n/a";
    }
}

export function describeMachine(pulumiBin: string): Machine {
    let virtualization = quiet("systemd-detect-virt", []);
    if (virtualization === "n/a" && fs.existsSync("/proc/cpuinfo") && /hypervisor/.test(fs.readFileSync("/proc/cpuinfo", "utf8"))) {
        virtualization = "a virtual machine (cpuinfo: hypervisor flag)";
    }
    return {
        date: new Date().toISOString(),
        cpuModel: os.cpus()[0]?.model ?? "n/a",
        cpus: os.cpus().length,
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        kernel: `${os.type()} ${os.release()}`,
        node: process.version,
        pulumi: quiet(`${pulumiBin}/pulumi`, ["version"], { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" }),
        go: quiet("go", ["version"]),
        python: quiet("python3", ["--version"]),
        loadAverage: os.loadavg()[0],
        virtualization,
    };
}
