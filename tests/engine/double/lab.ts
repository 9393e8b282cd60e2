// A bench for the AWS double's own tests: small inline programs using @pulumi/aws directly, run by
// the real CLI against the double, with what the engine said and what the double logged collected
// per operation. Several refusals are batched into one run: Check failures of many resources show
// in one preview, service errors of many resources in one `up --continue-on-error`.
import { EngineEvent, PreviewResult, Stack, UpResult } from "@pulumi/pulumi/automation";
import type { LogRecord, World } from "../doubles/aws";
import { checkPlugins, Sandbox } from "../harness";

export interface Run {
    ok: boolean;
    /** The engine's progress text, diagnostics and the error, together. */
    text: string;
    events: EngineEvent[];
    /** Log lines the double wrote during the run. */
    log: LogRecord[];
    error?: Error;
    summary?: UpResult["summary"] | PreviewResult["changeSummary"];
}

export class Lab {
    readonly sandbox: Sandbox;
    private stacks = new Map<string, Stack>();

    constructor(world: World) {
        checkPlugins();
        this.sandbox = new Sandbox(world);
    }

    private async stack(name: string, program: () => unknown): Promise<Stack> {
        const s = await this.sandbox.stack(name, async () => {
            const out = program();
            return (out ?? {}) as Record<string, unknown>;
        });
        this.stacks.set(name, s);
        return s;
    }

    private async run(
        name: string,
        program: () => unknown,
        op: (s: Stack, o: { onOutput: (t: string) => void; onEvent: (e: EngineEvent) => void }) => Promise<any>,
        ready?: Stack,
    ): Promise<Run> {
        const before = this.sandbox.awsLogAll().length;
        const s = ready ?? (await this.stack(name, program));
        let text = "";
        const events: EngineEvent[] = [];
        const opts = { onOutput: (t: string) => (text += t), onEvent: (e: EngineEvent) => events.push(e) };
        try {
            const r = await op(s, opts);
            return { ok: true, text, events, log: this.sandbox.awsLogAll().slice(before), summary: r?.summary ?? r?.changeSummary };
        } catch (e) {
            const error = e as Error;
            return { ok: false, text: `${text}\n${error.message}`, events, log: this.sandbox.awsLogAll().slice(before), error };
        }
    }

    preview(name: string, program: () => unknown): Promise<Run> {
        return this.run(name, program, (s, o) => s.preview(o));
    }

    /**
     * One preview per case, a few at a time, each in its own stack: the engine stops a deployment at
     * the first resource whose Check fails, so schema refusals cannot share a run.
     */
    async previewEach(prefix: string, cases: Record<string, () => unknown>, parallel = 4): Promise<Map<string, Run>> {
        const out = new Map<string, Run>();
        const names = Object.keys(cases);
        // Stacks are made one by one (each writes the shared Pulumi.yaml), then previewed together.
        const stacks: Stack[] = [];
        for (const [k, c] of names.entries()) {
            stacks.push(await this.stack(`${prefix}-${k}`, cases[c]));
        }
        for (let n = 0; n < names.length; n += parallel) {
            const batch = names.slice(n, n + parallel);
            const runs = await Promise.all(batch.map((c, k) => this.run(`${prefix}-${n + k}`, cases[c], (s, o) => s.preview(o), stacks[n + k])));
            batch.forEach((c, k) => out.set(c, runs[k]));
        }
        return out;
    }

    /** One `up` per case, a few at a time, each in its own stack (made one by one, as in previewEach). */
    async upEach(prefix: string, cases: Record<string, () => unknown>, parallel = 4): Promise<Map<string, Run>> {
        const out = new Map<string, Run>();
        const names = Object.keys(cases);
        const stacks: Stack[] = [];
        for (const [k, c] of names.entries()) {
            stacks.push(await this.stack(`${prefix}-${k}`, cases[c]));
        }
        for (let n = 0; n < names.length; n += parallel) {
            const batch = names.slice(n, n + parallel);
            const runs = await Promise.all(
                batch.map((c, k) => this.run(`${prefix}-${n + k}`, cases[c], (s, o) => s.up({ ...o, continueOnError: true }), stacks[n + k])),
            );
            batch.forEach((c, k) => out.set(c, runs[k]));
        }
        return out;
    }

    up(name: string, program: () => unknown): Promise<Run> {
        return this.run(name, program, (s, o) => s.up({ ...o, continueOnError: true }));
    }

    refresh(name: string, program: () => unknown): Promise<Run> {
        return this.run(name, program, (s, o) => s.refresh(o));
    }

    destroy(name: string): Promise<Run> {
        return this.run(
            name,
            () => undefined,
            (s, o) => s.destroy({ ...o, continueOnError: true }),
        );
    }

    async outputs(name: string): Promise<Record<string, any>> {
        const o = await this.stacks.get(name)!.outputs();
        return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.value]));
    }

    /** The resources of a stack's state (as `pulumi stack export` shows them, secrets encrypted). */
    state(name: string): any[] {
        return this.sandbox.exportState(name).deployment.resources ?? [];
    }

    close(): void {
        if (!process.env.DSPL_KEEP_ENGINE_SANDBOX) {
            this.sandbox.remove();
        } else {
            console.log(`engine sandbox kept: ${this.sandbox.root}`);
        }
    }
}

/** Check failures the engine reported, by resource name: "<type> resource '<name>': property … has a problem: <reason>". */
export function checkFailures(r: Run): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const e of r.events) {
        const d = e.diagnosticEvent;
        if (!d || d.severity !== "error" || !d.urn) {
            continue;
        }
        const name = d.urn.split("::").pop()!;
        const list = out.get(name) ?? [];
        list.push(d.message.trim());
        out.set(name, list);
    }
    return out;
}

/** The double's refusals during a run, by resource name (the error text as the engine shows it). */
export function refusals(r: Run): Map<string, string> {
    return new Map(r.log.filter((l) => l.error !== undefined && l.op !== "invoke").map((l) => [l.name, l.error!]));
}

/** The step the engine planned for each resource (create, update, replace, same, ...), with the replacing keys. */
export function steps(r: Run): Map<string, { op: string; keys: string[]; diffs: string[] }> {
    const out = new Map<string, { op: string; keys: string[]; diffs: string[] }>();
    for (const e of r.events) {
        const m = e.resourcePreEvent?.metadata;
        // A replacement shows as create-replacement, replace and delete-replaced; keep "replace".
        if (m && !(out.get(m.urn.split("::").pop()!)?.op === "replace")) {
            out.set(m.urn.split("::").pop()!, { op: m.op, keys: m.keys ?? [], diffs: m.diffs ?? [] });
        }
    }
    return out;
}

/** The check failures of each case of previewEach, joined. */
export function reasonsOf(runs: Map<string, Run>): (name: string) => string {
    return (name) => {
        const r = runs.get(name);
        return r ? [...checkFailures(r).values()].flat().join("\n") : `(no case ${name})`;
    };
}

/** The records of one resource (by name) in a run's log. */
export function recordsOf(r: Run, name: string): LogRecord[] {
    return r.log.filter((l) => l.name === name);
}
