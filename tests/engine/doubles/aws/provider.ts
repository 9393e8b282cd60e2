// The AWS TEST DOUBLE's provider: one instance per provider process, answering for the account and
// Region its ConfigureRequest names. Every resource call goes through the type's contract
// (contract.ts): Check runs the schema rules, Create/Update the schema and service rules, Diff the
// shared diff; every operation is appended to the log with where and when it ran.
import { resolveConfig, configValues, ProviderConfig } from "./config";
import { AnySpec, ApiError, Ctx, diffInputs, Failures, known } from "./contract";
import { INVOKES } from "./invokes";
import { Inventory } from "./inventory";
import { delayMs, sleep } from "./latency";
import { logFile, LogRecord, Op, readLog, writeRecord } from "./log";
import { ConfigureCall, DiffAnswer, ProviderImpl } from "./server";
import { State } from "./state";
import { SPECS } from "./types";
import { loadWorld, World } from "./world";
import { isSecret, plain, secret, urnName, urnType } from "../wire";

export const DOUBLE_VERSION = "0.0.1-test-double";

/** Outputs the real provider marks sensitive, kept secret whatever the program sent. */
const SENSITIVE: Record<string, string[]> = { "aws:datasync/agent:Agent": ["activationKey"] };

function verb(op: Op): string {
    return op === "create" ? "creating" : op === "update" ? "updating" : op === "delete" ? "deleting" : "reading";
}

/** An API error as the bridged provider reports it ("creating <what> (<name>): operation error <call>, api error <code>: <msg>"). */
function message(s: AnySpec, op: Op, name: string, e: unknown): string {
    if (e instanceof ApiError) {
        const call = op === "create" ? s.createCall : `${s.createCall.split(":")[0]}: ${op === "delete" ? "Delete" : "Modify"}`;
        return e.code
            ? `${verb(op)} ${s.what} (${name}): operation error ${call}, api error ${e.code}: ${e.text}`
            : `${verb(op)} ${s.what} (${name}): ${e.text}`;
    }
    return e instanceof Error ? e.message : String(e);
}

/** Secret inputs stay secret in the outputs: re-wrap every value the engine sent as a secret. */
function rewrap(outs: Record<string, unknown>, from: Record<string, unknown>, sensitive: string[] = []): Record<string, unknown> {
    const out = { ...outs };
    for (const [k, v] of Object.entries(from)) {
        if (isSecret(v) && k in out) {
            out[k] = v;
        }
    }
    for (const k of sensitive) {
        if (out[k] !== undefined && out[k] !== null && !isSecret(out[k])) {
            out[k] = secret(plain(out[k]));
        }
    }
    return out;
}

export class AwsDouble implements ProviderImpl {
    readonly version = DOUBLE_VERSION;
    private readonly world: World = loadWorld();
    private readonly log = logFile();
    private config: ProviderConfig;

    constructor() {
        this.config = resolveConfig(this.world, {});
    }

    configure(call: ConfigureCall): void {
        this.config = resolveConfig(this.world, configValues(call.variables, call.args), call.urn);
    }

    /** The provider's account; the resource's `region` argument, else the provider's Region. */
    private ctx(urn: string, inputs: Record<string, unknown> | undefined): Ctx {
        const state = new State(readLog(this.log));
        const r = plain(inputs?.region);
        const region = known(r) && typeof r === "string" && r !== "" ? r : this.config.region;
        return { inv: new Inventory(this.world, state), state, provider: this.config, at: { account: this.config.account, region }, urn, name: urnName(urn) };
    }

    private spec(urn: string): AnySpec {
        const s = SPECS[urnType(urn)];
        if (!s) {
            throw new Error(`the aws test double does not implement the resource type ${urnType(urn)}`);
        }
        return s;
    }

    private where(ctx: Ctx) {
        return { account: ctx.at.account, region: ctx.at.region, provider: this.config.urn };
    }

    private fail(op: Op, s: AnySpec, ctx: Ctx, urn: string, id: string, start: number, inputs: unknown, e: unknown): never {
        const text = message(s, op, ctx.name, e);
        writeRecord(this.log, op, urn, id, this.where(ctx), start, inputs, { error: text });
        throw new Error(text);
    }

    private schemaFailures(s: AnySpec, i: Record<string, unknown>): void {
        const f = new Failures();
        s.schema?.(i, f);
        if (f.list.length > 0) {
            throw new Error(f.list.map((x) => `${x.property}: ${x.reason}`).join("; "));
        }
    }

    async check(urn: string, olds: any, news: any, seed: Buffer): Promise<{ inputs: any; failures: Array<{ property: string; reason: string }> }> {
        const s = SPECS[urnType(urn)];
        if (!s) {
            return { inputs: news, failures: [{ property: "", reason: `the aws test double does not implement the resource type ${urnType(urn)}` }] };
        }
        // Defaults and autonames fill only what the program left out; an earlier autoname is kept.
        const defaults = s.defaults?.(plain(news), { provider: this.config, name: urnName(urn), seed }) ?? {};
        const inputs = { ...news };
        for (const [k, v] of Object.entries(defaults)) {
            if (inputs[k] === undefined || inputs[k] === null) {
                inputs[k] = olds?.[k] ?? v;
            }
        }
        const f = new Failures();
        s.schema?.(plain(inputs), f);
        return { inputs, failures: f.list };
    }

    async diff(_id: string, urn: string, olds: any, news: any, oldInputs: any): Promise<DiffAnswer> {
        const detailed = diffInputs(this.spec(urn), olds, news, oldInputs ?? {});
        return { changes: Object.keys(detailed).length > 0, replaces: Object.keys(detailed).filter((k) => detailed[k] === "replace"), detailed };
    }

    async create(urn: string, props: any): Promise<{ id: string; outs: any }> {
        const start = Date.now();
        const s = this.spec(urn);
        const ctx = this.ctx(urn, props);
        const i = plain(props);
        let made;
        try {
            this.schemaFailures(s, i);
            s.service?.(i, ctx);
            made = s.create(i, ctx);
        } catch (e) {
            this.fail("create", s, ctx, urn, "", start, props, e);
        }
        const outs = rewrap({ ...i, ...made.outs, region: ctx.at.region }, props, SENSITIVE[urnType(urn)]);
        const wait = delayMs(urnType(urn), "create");
        writeRecord(this.log, "create", urn, made.id, this.where(ctx), start, props, {
            outputs: outs,
            interfaces: made.interfaces,
            internal: made.internal,
            end: Date.now() + wait,
        } as Partial<LogRecord>);
        await sleep(wait);
        return { id: made.id, outs };
    }

    async read(id: string, urn: string, props: any, inputs: any): Promise<{ id: string; props: any; inputs?: any }> {
        const start = Date.now();
        const s = this.spec(urn);
        const ctx = this.ctx(urn, props);
        const live = ctx.state.get(urnType(urn), id);
        writeRecord(this.log, "read", urn, id, this.where(ctx), start, {}, live ? {} : { outputs: { gone: true } });
        if (!live) {
            // TF Read: "not found, removing from state".
            return { id: "", props: {} };
        }
        const fresh = s.read ? s.read(live, plain(props), ctx) : live.outputs;
        return { id, props: rewrap({ ...plain(props), ...fresh }, props, SENSITIVE[urnType(urn)]), inputs };
    }

    async update(id: string, urn: string, olds: any, news: any, oldInputs: any): Promise<{ outs: any }> {
        const start = Date.now();
        const s = this.spec(urn);
        const ctx = this.ctx(urn, news);
        const i = plain(news);
        const live = ctx.state.get(urnType(urn), id);
        let made;
        try {
            this.schemaFailures(s, i);
            s.service?.(i, ctx, id);
            made = s.update ? s.update(id, plain(olds), i, ctx) : { outs: Object.fromEntries(s.computed.map((k) => [k, plain(olds)[k]])) };
        } catch (e) {
            this.fail("update", s, ctx, urn, id, start, news, e);
        }
        const outs = rewrap(
            { ...i, ...made.outs, tagsAll: { ...this.config.defaultTags, ...(i.tags ?? {}) }, region: ctx.at.region },
            news,
            SENSITIVE[urnType(urn)],
        );
        const changed = Object.keys(diffInputs(s, olds, news, oldInputs ?? {})).sort();
        writeRecord(this.log, "update", urn, id, this.where(ctx), start, news, {
            outputs: outs,
            changed,
            interfaces: made.interfaces ?? live?.interfaces,
            internal: { ...(live?.internal ?? {}), ...(made.internal ?? {}) },
        });
        return { outs };
    }

    async delete(id: string, urn: string, props: any): Promise<void> {
        const start = Date.now();
        const s = this.spec(urn);
        const ctx = this.ctx(urn, props);
        const live = ctx.state.get(urnType(urn), id);
        try {
            if (live) {
                s.beforeDelete?.(live, ctx);
            }
        } catch (e) {
            this.fail("delete", s, ctx, urn, id, start, props, e);
        }
        const wait = delayMs(urnType(urn), "delete");
        writeRecord(this.log, "delete", urn, id, this.where(ctx), start, props, { end: Date.now() + wait } as Partial<LogRecord>);
        await sleep(wait);
    }

    async invoke(token: string, args: any): Promise<{ outputs: any }> {
        const start = Date.now();
        const fn = INVOKES[token];
        const ctx = this.ctx(token, args);
        const where = this.where(ctx);
        if (!fn) {
            throw new Error(`the aws test double does not implement the function ${token}`);
        }
        try {
            const outputs = fn(plain(args), { inv: ctx.inv, at: ctx.at, provider: this.config, ctx });
            writeRecord(this.log, "invoke", token, "", where, start, args, { outputs });
            return { outputs };
        } catch (e) {
            const text = e instanceof ApiError ? (e.code ? `${e.code}: ${e.text}` : e.text) : e instanceof Error ? e.message : String(e);
            writeRecord(this.log, "invoke", token, "", where, start, args, { error: text });
            throw new Error(text, { cause: e });
        }
    }
}
