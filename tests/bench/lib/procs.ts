// Per-process CPU time and peak memory of the processes one benchmark run starts (the Pulumi CLI,
// the language host, the component provider, the AWS double, the command provider), read from
// /proc while they run.
//
// Peak memory is VmHWM from /proc/<pid>/status: the kernel's high-water mark of the resident set,
// which only grows, so sampling it every SAMPLE_MS misses nothing but growth in a process's last
// sample interval. The provider cannot be wrapped in /usr/bin/time -v without changing what the
// engine runs: the engine starts the plugin itself and ends its whole process group
// (pulumi sdk/go/common/util/cmdutil TerminateProcessGroup), which a wrapper would die with.
// CPU time is utime+stime from /proc/<pid>/stat (clock ticks), likewise the last value seen.
import * as fs from "fs";

const SAMPLE_MS = 100;
// sysconf(_SC_CLK_TCK) is 100 on Linux for every architecture this runs on.
const TICKS_PER_SECOND = 100;

export interface Proc {
    pid: number;
    /** What ran: a short label (see label()). */
    label: string;
    cmdline: string;
    cpuSeconds: number;
    peakKiB: number;
}

/** A short label: the component provider, the AWS double, the program, or the executable's name. */
export function label(cmdline: string): string {
    if (cmdline.includes("provider/src/main.js")) {
        return "datasync-privatelink provider";
    }
    if (cmdline.includes("doubles/aws")) {
        return "AWS double";
    }
    const exe = cmdline.split(" ")[0].split("/").pop() ?? "";
    if (
        cmdline.includes("@pulumi/pulumi/cmd/run") ||
        exe.startsWith("pulumi-go.") ||
        (exe.startsWith("python") && cmdline.includes("pulumi-language-python-exec"))
    ) {
        return "program";
    }
    if (exe === "go" || exe === "compile" || exe === "link") {
        return "go build";
    }
    return exe;
}

export class ProcSampler {
    private readonly seen = new Map<number, Proc | null>();
    private readonly timer: NodeJS.Timeout;

    /** Samples every process whose environment contains `marker` (e.g. a sandbox's directory). */
    constructor(private readonly marker: string) {
        this.timer = setInterval(() => this.sample(), SAMPLE_MS);
        this.sample();
    }

    private sample(): void {
        for (const entry of fs.readdirSync("/proc")) {
            const pid = Number(entry);
            if (!Number.isInteger(pid) || pid === process.pid || this.seen.get(pid) === null) {
                continue;
            }
            try {
                let p: Proc | null | undefined = this.seen.get(pid);
                if (p === undefined || p === null) {
                    if (!fs.readFileSync(`/proc/${pid}/environ`, "latin1").includes(this.marker)) {
                        this.seen.set(pid, null);
                        continue;
                    }
                    p = { pid, label: "", cmdline: "", cpuSeconds: 0, peakKiB: 0 };
                    this.seen.set(pid, p);
                }
                const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "latin1").split("\0").join(" ").trim();
                if (cmdline) {
                    p.cmdline = cmdline;
                    p.label = label(cmdline);
                }
                const stat = fs.readFileSync(`/proc/${pid}/stat`, "latin1");
                const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
                p.cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
                const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "latin1"));
                if (hwm) {
                    p.peakKiB = Math.max(p.peakKiB, Number(hwm[1]));
                }
            } catch {
                // The process ended between readdir and read: its last sample stands.
            }
        }
    }

    stop(): Proc[] {
        clearInterval(this.timer);
        this.sample();
        return [...this.seen.values()].filter((p): p is Proc => p !== null && p.label !== "");
    }
}

export interface ProcSummary {
    /** CPU seconds per label, summed over processes. */
    cpu: Record<string, number>;
    /** Peak KiB per label, the largest process. */
    peakKiB: Record<string, number>;
}

export function summarize(procs: Proc[]): ProcSummary {
    const cpu: Record<string, number> = {};
    const peakKiB: Record<string, number> = {};
    for (const p of procs) {
        cpu[p.label] = (cpu[p.label] ?? 0) + p.cpuSeconds;
        peakKiB[p.label] = Math.max(peakKiB[p.label] ?? 0, p.peakKiB);
    }
    return { cpu, peakKiB };
}
