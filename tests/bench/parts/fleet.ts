// Fleet of N on-premises agents through the engine (fleetScenario.ts): `up`, a no-change
// `preview`, `destroy`, wall times; the resources, the state's size as `pulumi stack export` prints
// it, the endpoints; CPU and peak memory per process (procs.ts); where the time of `up` goes (the
// AWS double's log). Each repetition is a fresh backend and stack.
import type { Stack } from "@pulumi/pulumi/automation";
import * as os from "os";
import { AgentEmulator } from "../../activation/emulator";
import { T } from "../../fixtures/aws";
import * as harness from "../../engine/harness";
import { fleetArgs, fleetWorld } from "../lib/fleetScenario";
import { ProcSampler, ProcSummary, summarize } from "../lib/procs";
import { exportText, withEnv, withOwnCpu } from "../lib/sandboxes";
import { say, secs } from "../lib/progress";

export interface FleetRun {
    n: number;
    rep: number;
    upMs: number;
    previewMs: number;
    destroyMs: number;
    /** Every resource in the state (stack, providers, components included) and the custom ones. */
    resources: number;
    customResources: number;
    stateBytes: number;
    endpoints: number;
    /** During `up`: CPU seconds and peak KiB per process kind; the program runs in this process. */
    up: ProcSummary & { programCpuSeconds: number };
    /** The machine's 1-minute load average when the run started (2 cores: above ~2, other work competes). */
    loadAverage: number;
    /** Milestones of `up`, ms after it started, from the double's log (an older double logs no times). */
    phases?: { firstCreate: number; endpointCreated: number; firstAgent: number; lastAgent: number };
}

/** The engine-test harness a fleet runs with: this checkout's, or an earlier commit's (parts/before.ts). */
export interface Harness {
    Sandbox: new (world: any) => SandboxLike;
    RemotePrivateAgent: new (name: string, args: any) => { agentArns: unknown };
    /** The fleet's inputs for this harness's component. */
    args: (n: number, activationAddress: string) => unknown;
}

export interface SandboxLike {
    root: string;
    work: string;
    env(): { [key: string]: string };
    stack(name: string, program: () => Promise<Record<string, unknown>>): Promise<Stack>;
    awsRecords(): any[];
    remove(): void;
}

export const CURRENT: Harness = { Sandbox: harness.Sandbox, RemotePrivateAgent: harness.RemotePrivateAgent, args: (n, a) => fleetArgs(n, a) };

export interface FleetOptions {
    sizes: number[];
    reps: number;
    /** Extra environment for the CLI (e.g. PULUMI_SKIP_CHECKPOINTS for the diagnosis). */
    env?: Record<string, string>;
    label: string;
    /** Called with the state of the last repetition of each size, before it is destroyed. */
    onState?: (n: number, state: string, sandbox: SandboxLike) => void;
    harness?: Harness;
}

const STACK = "fleet";

export async function benchFleet(o: FleetOptions): Promise<FleetRun[]> {
    const runs: FleetRun[] = [];
    // Sizes interleaved per repetition, so that a busy spell of the machine does not hit one size only.
    for (let rep = 1; rep <= o.reps; rep++) {
        for (const n of o.sizes) {
            const r = await withEnv(o.env ?? {}, () => fleetOnce(o.harness ?? CURRENT, n, rep, rep === o.reps ? o.onState : undefined));
            runs.push(r);
            say(
                `${o.label} N=${n} ${rep}/${o.reps}: up ${secs(r.upMs)}, preview ${secs(r.previewMs)}, destroy ${secs(r.destroyMs)}, ${r.resources} resources, state ${(r.stateBytes / 1024).toFixed(0)} KiB`,
            );
        }
    }
    return runs;
}

export async function fleetOnce(h: Harness, n: number, rep: number, onState?: FleetOptions["onState"]): Promise<FleetRun> {
    const sandbox = new h.Sandbox(fleetWorld());
    const emulator = await AgentEmulator.start([{ kind: "agent" }]);
    try {
        const stack = await sandbox.stack(STACK, async () => {
            const fleet = new h.RemotePrivateAgent("fleet", h.args(n, emulator.address));
            return { agentArns: fleet.agentArns };
        });
        const loadAverage = os.loadavg()[0];
        const sampler = new ProcSampler(sandbox.root);
        const t0 = Date.now();
        const up = await withOwnCpu(() => stack.up());
        const upMs = Date.now() - t0;
        const procs = summarize(sampler.stop());
        if (up.value.summary.result !== "succeeded") {
            throw new Error(`fleet N=${n}: up ${up.value.summary.result}`);
        }
        const t1 = Date.now();
        const preview = await stack.preview();
        const previewMs = Date.now() - t1;
        const changes = Object.entries(preview.changeSummary ?? {}).filter(([k, v]) => k !== "same" && Number(v) > 0);
        if (changes.length > 0) {
            throw new Error(`fleet N=${n}: the no-change preview plans changes: ${JSON.stringify(preview.changeSummary)}`);
        }
        const text = exportText(sandbox, STACK);
        const state = JSON.parse(text);
        const resources: Array<{ type: string; custom?: boolean }> = state.deployment.resources ?? [];
        onState?.(n, text, sandbox);
        const t2 = Date.now();
        await stack.destroy();
        const destroyMs = Date.now() - t2;
        return {
            n,
            rep,
            upMs,
            previewMs,
            destroyMs,
            resources: resources.length,
            customResources: resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).length,
            stateBytes: Buffer.byteLength(text),
            endpoints: resources.filter((r) => r.type === T.vpcEndpoint).length,
            up: { ...procs, programCpuSeconds: up.cpuSeconds },
            loadAverage,
            phases: phases(sandbox, t0),
        };
    } finally {
        await emulator.close();
        sandbox.remove();
    }
}

function phases(sandbox: SandboxLike, t0: number): FleetRun["phases"] {
    const creates = sandbox.awsRecords().filter((r) => r.op === "create" && r.start !== undefined);
    if (creates.length === 0) {
        return undefined;
    }
    const agents = creates.filter((r) => r.type === T.datasyncAgent).map((r) => r.start - t0);
    const endpoint = creates.find((r) => r.type === T.vpcEndpoint);
    return {
        firstCreate: Math.min(...creates.map((r) => r.start - t0)),
        endpointCreated: endpoint ? endpoint.end - t0 : NaN,
        firstAgent: Math.min(...agents),
        lastAgent: Math.max(...agents),
    };
}
